// Distributional word classes for the NER tagger (internal to extract/):
// words that occur after the same words fall into the same class, learned
// from unlabelled text by the exchange algorithm (Kneser & Ney 1993, in the
// one-sided "predictive" form of Uszkoreit & Brants 2008: maximize the
// likelihood of each word's class given the word before it). A word unseen
// in training text gets its class from the text: "Tillerson" and "Videgaray"
// share one when both follow "Außenminister", though neither is in the
// tagger's training data.
//
// WordClusters is immutable once learned or read; lookups are thread-safe.
#ifndef STORYLINE_EXTRACT_WORD_CLUSTERS_H_
#define STORYLINE_EXTRACT_WORD_CLUSTERS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::extract {

struct ClusterOptions {
  // One clustering per entry: the number of classes. Coarse and fine classes
  // give the tagger two granularities.
  std::vector<uint16_t> classes = {16, 64, 256, 1024};
  int iterations = 10;
  // Words seen fewer times stay without a class.
  int min_count = 2;
};

class WordClusters {
 public:
  static constexpr uint16_t kNone = 0xffff;

  // Learns classes over `sentences` (tokens as written). Deterministic.
  static WordClusters Learn(std::span<const std::vector<std::string>> sentences,
                            const ClusterOptions& options);

  // Number of granularities (0 for an empty set).
  size_t levels() const { return levels_; }
  size_t num_words() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  // The class of `word` (as written) at `level`, kNone when the word has none.
  // `classes` receives levels() values.
  void ClassesOf(std::string_view word, uint16_t* classes) const;
  // A hint, no answer: starts fetching from memory what ClassesOf(word) will
  // read first, so that the lookups of several words overlap.
  void PrefetchClassesOf(std::string_view word) const;

  // Appends the classes as bytes to *out; Read parses them from the front of
  // *in and advances it, false for malformed bytes.
  void AppendTo(std::string* out) const;
  bool Read(std::string_view* in);

 private:
  void BuildTable();

  size_t levels_ = 0;
  std::vector<uint64_t> keys_;      // word hashes, sorted
  std::vector<uint16_t> classes_;   // levels_ per key
  std::vector<uint32_t> slots_;     // open addressing: index + 1, 0 empty
  uint64_t mask_ = 0;
};

uint64_t WordHash(std::string_view word);

// Appends the sentences (tokens as written) of the "text" field of every
// line of the JSONL file at `path` to *sentences; CleanText, SplitSentences
// and Tokenize of storyline_text with `lang`. Lines that are not JSON
// objects with a text field are skipped; a file that cannot be read is an
// error naming it.
Status AppendJsonlSentences(const std::string& path, std::string_view lang,
                            std::vector<std::vector<std::string>>* sentences);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_WORD_CLUSTERS_H_
