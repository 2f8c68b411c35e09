// Articles → weighted term vectors with incrementally kept document
// frequencies. Internal to the cluster stage.
#ifndef STORYLINE_CLUSTER_VECTORIZER_H_
#define STORYLINE_CLUSTER_VECTORIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/sparse.h"
#include "cluster/term_table.h"
#include "storyline/article.h"
#include "storyline/cluster.h"
#include "storyline/text.h"

namespace storyline::cluster::internal {

struct ArticleVector {
  SparseVec terms;              // sub-linear term weights (no idf), sorted by id
  std::vector<uint32_t> top;    // the most distinctive ids (by weight · idf), best first
  double norm = 0;              // ‖terms ∘ idf‖ at the time it was made
  double channel_norm[2] = {0, 0};  // the same per channel (words, names)
  bool title_only = false;      // no body text: short vector
  bool dated = false;
  double lo = 0;                // publication interval in days since the epoch
  double hi = 0;
};

// The publication interval of a date in days since the epoch: a day covers
// [d, d+1), a month all its days. False when the date is unknown.
bool DateInterval(const PublishedDate& date, double* lo, double* hi);

// The similarity of two vectors from their per-channel dot products and
// norms: a blend of the cosine over words and the cosine over names (names
// and numbers); the word cosine alone when either side has no names.
double Blend(const double dot[2], const double a_norm[2], const double b_norm[2],
             double name_share);

class Vectorizer {
 public:
  explicit Vectorizer(const Options& options);
  ~Vectorizer();

  // Makes the vector of `article` and counts its terms into the document
  // frequencies (so the article itself is part of the statistics it is
  // weighted with; later articles are not). `text_terms`, when given, is the
  // analysis of article.text in article.language (else it is made here).
  void Vectorize(const Article& article, const std::vector<text::Term>* text_terms,
                 ArticleVector* out);
  // Weighs the terms of a vector made earlier with today's idf: its norms
  // and its most distinctive terms (`top`), as Vectorize does for a new one.
  void Weigh(ArticleVector* a) const;

  // Current inverse document frequency by term id: ln((N+1)/(df+1)) + 1.
  const std::vector<float>& idf() const { return idf_; }
  // Bumped whenever the whole idf table is recomputed (norms cached against
  // an older epoch are stale).
  int64_t idf_epoch() const { return idf_epoch_; }
  // 0 for word stems, 1 for names and numbers, by term id.
  const std::vector<uint8_t>& channel() const { return channel_; }
  size_t vocabulary_size() const { return df_.size(); }

 private:
  // A term of the article being vectorized, before its id is looked up.
  struct PendingTerm {
    uint32_t key_begin = 0;  // in pending_keys_
    uint32_t key_size = 0;
    uint64_t hash = 0;
    uint32_t guess = 0;  // TermTable::Guess
    float weight = 0;
    uint8_t channel = 0;
  };
  // Queues a term; Resolve turns the queue into raw_ in order, so ids are
  // handed out in order of first sight.
  void Queue(std::string_view key, uint8_t channel, float weight);
  void Resolve();
  void AddParts(std::string_view folded, text::Analyzer& analyzer, float weight);
  // Queues the terms of `text` (its analysis `terms`).
  void AddText(std::string_view text, const std::vector<text::Term>& terms,
               text::Analyzer& analyzer, float weight);
  float Idf(uint32_t id) const;

  const Options options_;
  text::Analyzers analyzers_;
  TermTable vocabulary_;
  std::vector<uint32_t> df_;
  std::vector<float> idf_;
  std::vector<uint8_t> channel_;
  int64_t documents_ = 0;
  int64_t idf_documents_ = 0;  // N when idf_ was last recomputed in full
  int64_t idf_epoch_ = 0;
  // Scratch, reused for every article.
  std::vector<Entry> raw_;
  std::vector<PendingTerm> pending_;
  std::string pending_keys_;
  std::vector<uint32_t> position_;  // by term id: index + 1 in the vector being built; else 0
  std::string key_;
  std::string previous_name_;
};

}  // namespace storyline::cluster::internal

#endif  // STORYLINE_CLUSTER_VECTORIZER_H_
