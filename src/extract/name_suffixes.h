// Which kind of word a capitalized word looks like by its ending: a place,
// a person's name or a common noun. Learned from the word lists the
// gazetteer loads (catalog places, given and family names, the dictionary's
// nouns), so that a name no list holds still looks like one: "Inzigkofen"
// and "Taiskirchen" end like places, "Blaszkiewitz" like a family name,
// "Notruffrequenz" like a noun. Internal to the extract stage.
#ifndef STORYLINE_EXTRACT_NAME_SUFFIXES_H_
#define STORYLINE_EXTRACT_NAME_SUFFIXES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::extract {

enum class NameKind : uint8_t { kPlace = 0, kPerson = 1, kNoun = 2 };
inline constexpr int kNumNameKinds = 3;

class NameSuffixes {
 public:
  // Counts `word` (as written, at least kMinBytes bytes) as one of `kind`.
  void Add(std::string_view word, NameKind kind);
  // Tabulates the score of small counts, once the last word is added (an
  // Add() after it drops the table): CodeOf() gives the same codes, faster.
  void Seal();
  // A code for the kind `word` (as written) most looks like and how clearly:
  // 1 + kind * kMarginBuckets + bucket, where the bucket grows with the
  // margin of the best kind's score over the next; 0 for a word too short
  // or while some kind has no word. Naive Bayes over the word's last 1 to
  // kMaxSuffix bytes, longest first seen in the lists.
  uint8_t CodeOf(std::string_view word) const;
  // A hint, no answer: starts fetching the slots CodeOf(word) will read, so
  // that the lookups of several words overlap (the table is larger than the
  // CPU's caches).
  void Prefetch(std::string_view word) const;

  static constexpr size_t kMinBytes = 3;
  static constexpr size_t kMaxSuffix = 5;
  static constexpr int kMarginBuckets = 3;

 private:
  struct Slot {
    uint64_t key = 0;  // suffix hash; 0: empty
    std::array<uint32_t, kNumNameKinds> count{};
  };
  const Slot* Find(uint64_t key) const;
  Slot& Upsert(uint64_t key);

  // CodeOf's term for a suffix seen `count` times among the words of kind
  // k, at [k * kTabulated + count] (empty: not sealed).
  static constexpr uint32_t kTabulated = 1024;
  double Term(int k, uint32_t count) const;

  std::vector<Slot> slots_;
  std::vector<double> terms_;
  size_t used_ = 0;
  std::array<uint32_t, kNumNameKinds> words_{};
};

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_NAME_SUFFIXES_H_
