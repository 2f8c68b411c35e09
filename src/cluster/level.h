// One level of online clustering (stories, or storylines over them): groups
// with truncated centroids, an inverted index from terms to active groups,
// candidate search, joining and merging. Internal to the cluster stage.
#ifndef STORYLINE_CLUSTER_LEVEL_H_
#define STORYLINE_CLUSTER_LEVEL_H_

#include <cstdint>
#include <vector>

#include "cluster/sparse.h"
#include "cluster/vectorizer.h"

namespace storyline::cluster::internal {

struct LevelParams {
  double time_scale_days = 2;
  double time_scale_days_short = 2;  // for title-only articles
  double window_days = 7;
  int64_t undated_window = 50000;
  int centroid_terms = 120;
  int max_postings = 200;
  int max_candidates = 48;
  int max_indexed_terms = 64;  // index entries per group
  double name_share = 0.5;     // see Blend
  int query_terms = 16;        // of ArticleVector::top, used to query and index
  int max_members = 0;         // member vectors kept per group (0: centroid only)
  int member_terms = 128;      // terms kept per member vector
  int member_candidates = 2;   // best candidates (by centroid) re-scored by members
  // Groups of at most this many articles keep a Trace of each (0: never), so
  // that they can be split (see Bisect).
  int trace_limit = 0;
};

// A member article kept for link-level comparisons: its most distinctive
// terms, weighted by idf at the time and normalised per channel, so that a
// dot product with a current article vector gives the per-channel cosines.
struct Member {
  SparseVec terms;
  // 1 where the member has terms of that channel (its norm there is 1), else
  // 0: the norms Blend expects.
  double channel_present[2] = {0, 0};
};

// One article of a group, kept while the group is small enough to be split:
// what rebuilding either part needs.
struct Trace {
  int64_t seq = 0;
  SparseVec unit;              // the article's terms / norm, its top member_terms
  std::vector<uint32_t> top;   // the terms it was indexed under
  Member member;
  bool dated = false;
  double lo = 0;
  double hi = 0;
};

// A proposed split of a group in two: side[i] says where traces()[i] goes
// (0: stays, 1: leaves; the first trace always stays).
struct Bisection {
  std::vector<uint8_t> side;
  size_t leaving = 0;
  double similarity = 1;  // of the two parts' centroids, times their time factor
  // The lower of the two parts' mean similarity of an article to the rest of
  // its part (0 for a part of one article).
  double cohesion = 0;
};

struct Group {
  SparseVec sum;                  // Σ of the unit article vectors (idf at the time)
  double norm[2] = {0, 0};        // ‖sum ∘ idf‖ per channel, valid for norm_epoch
  int64_t norm_epoch = -1;
  bool dated = false;
  double lo = 0;                  // span of the dated members, days
  double hi = 0;
  int64_t last_seq = 0;           // input sequence number of the last member
  int64_t size = 0;
  std::vector<uint32_t> indexed;  // sorted term ids it is indexed under
  std::vector<Member> members;    // the most recent max_members members (a ring)
  uint32_t next_member = 0;       // the ring's oldest slot once it is full
  // One per article, in the order added, while every article of the group has
  // one (size <= trace_limit); cleared for good once the group outgrows it.
  std::vector<Trace> traces;
  uint32_t alias = 0;             // index+1 of the group it was merged into; 0: none
  bool evicted = false;           // left the index for good
};

struct Scored {
  uint32_t group = 0;
  double similarity = 0;  // cosine · time factor
  double centroid = 0;    // the centroid cosine alone
};

class Level {
 public:
  explicit Level(const LevelParams& params) : params_(params) {}

  // The best candidates for `a` (at most max_candidates, best first) with
  // their full similarity: the centroid cosine, or for the member_candidates
  // best of those the member cosine where it is higher. `seq` is the article's input sequence number.
  void Candidates(const ArticleVector& a, const Vectorizer& v, int64_t seq,
                  std::vector<Scored>* out);
  uint32_t Create();
  void Add(uint32_t g, const ArticleVector& a, const Vectorizer& v, int64_t seq);
  // Cosine of the two centroids times the time factor of their spans.
  double Similarity(uint32_t a, uint32_t b, const Vectorizer& v);
  // Moves `from` into `into` (both live); `from` becomes an alias.
  void Merge(uint32_t into, uint32_t from, const Vectorizer& v);
  uint32_t Resolve(uint32_t g) const;
  // Whether the group still has a trace of every article.
  bool Traced(uint32_t g) const;
  // Two-means over the traced articles of `g` (Traced), seeded with its first
  // article and the article least like it; the parts are compared as two
  // groups would be (Similarity).
  Bisection Bisect(uint32_t g, const Vectorizer& v);
  // Moves the traced articles with side 1 into a new group and rebuilds both
  // from their traces; returns the new group.
  uint32_t Split(uint32_t g, const Bisection& split, const Vectorizer& v);
  // Drops groups that left the window from the index and frees their
  // centroids; costs what the live groups and the stale postings cost.
  // Appends the groups it evicts to *evicted when given.
  void Compact(int64_t seq, std::vector<uint32_t>* evicted = nullptr);

  const Group& group(uint32_t g) const { return groups_[g]; }
  size_t size() const { return groups_.size(); }
  double now() const { return now_; }
  int64_t merges() const { return merges_; }  // Merge calls so far

 private:
  bool Active(const Group& g, int64_t seq) const;
  double TimeFactor(bool dated, double lo, double hi, const Group& g, double scale) const;
  // The group's per-channel norms; false when it has no terms.
  const double* Norms(Group& g, const Vectorizer& v);
  void Index(uint32_t g, uint32_t term);
  void PrefetchPostings(const uint32_t* terms, size_t n) const;
  // Fetches the groups a few places after touched_[i] (up to `end`).
  void PrefetchCandidates(size_t i, size_t end) const;
  // The highest cosine of `a` (held in probe_) to one of the group's members.
  double MemberSimilarity(const ArticleVector& a, const Group& g) const;
  // The member made of member_scratch_ (the article's truncated terms).
  void AddMember(Group& g, const Vectorizer& v);
  // Sum, span, size, last_seq and members of `g` from `traces` (in order).
  void Rebuild(Group& g, std::vector<Trace> traces, const Vectorizer& v);
  // Σ unit of the traces on `side`, truncated like a centroid, and its norms.
  void PartSum(const std::vector<Trace>& traces, const std::vector<uint8_t>& side, uint8_t which,
               const Vectorizer& v, SparseVec* sum, double norms[2]);

  const LevelParams params_;
  std::vector<Group> groups_;
  std::vector<std::vector<uint32_t>> postings_;  // term id → group indexes, oldest first
  std::vector<uint32_t> live_;         // groups neither merged away nor evicted at the last Compact, and newer ones
  std::vector<uint32_t> stale_terms_;  // terms whose postings may hold merged or evicted groups
  double now_ = -1e18;                           // latest dated instant seen, days
  int64_t merges_ = 0;
  // Scratch.
  ProbeVec probe_;  // the article of the current Candidates call
  ProbeVec part_probe_[2];  // the two parts' sums in Bisect
  std::vector<float> score_;
  std::vector<uint32_t> query_;  // Candidates: the terms queried
  std::vector<uint32_t> touched_;
  SparseVec merge_scratch_;
  SparseVec member_scratch_;
};

}  // namespace storyline::cluster::internal

#endif  // STORYLINE_CLUSTER_LEVEL_H_
