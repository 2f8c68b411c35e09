// Token features of the NER tagger, hashed to 32 bits (internal to extract/).
// Features of a token look at the token, its neighbours (two each side) and
// the gazetteer; they never look at tags, so a sentence is featurized once.
#ifndef STORYLINE_EXTRACT_NER_FEATURES_H_
#define STORYLINE_EXTRACT_NER_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "huge_pages.h"
#include "tagger.h"
#include "word_clusters.h"

namespace storyline::extract {

// What featurizing finds out about a word regardless of where it stands:
// its folded form, hashes, case classes, gazetteer and word-class lookups.
// Laid out for WordInfoCache: what checks and reads every lookup comes
// first, in one cache line, then the strings, then the summed weights.
struct alignas(64) WordInfo {
  uint64_t word_hash = 0;
  bool valid = false;
  std::array<bool, 4> has_emit{};
  uint64_t folded_hash = 0;
  uint64_t shape_hash = 0;
  uint8_t case_initial = 0;  // case class at the start of a sentence
  uint8_t case_inner = 0;    // elsewhere
  uint8_t dict = 0;
  uint8_t word_bits = 0;
  uint8_t phrase_start = 0;  // Gazetteer::PhraseStartOf
  uint8_t name_kind = 0;     // Gazetteer::NameKindCodeOf, capitalized words only
  std::array<uint16_t, 8> clusters{};
  std::string token;
  std::string folded;
  // Hash of the folded compound head (Gazetteer::DictionaryNounHead) of a
  // capitalized word the dictionary lacks; 0 for none.
  uint64_t head_hash = 0;
  // Summed weights under one model of the feature groups that depend on
  // this word alone (see SentenceFeatures): its own features inside [0] and
  // at the start of a sentence [1], its features as the left neighbour of
  // a word [2] and as the right neighbour [3]. Filled in by the tagger.
  std::array<std::array<float, kNumTags>, 4> emit{};
};

// A direct-mapped cache of WordInfo: on running text a few thousand words
// make up most tokens, so most tokens skip folding and the lookups. For one
// thread, and for one gazetteer, word-class set and language at a time:
// Bind() with a key that names them clears it when the key changes. About
// 4 MB (8192 words); 16384 words were no faster on 10kGNAD, 4096 slower.
class WordInfoCache {
 public:
  void Bind(uint64_t key) {
    if (key == key_ && !entries_.empty()) return;
    key_ = key;
    entries_.assign(kSize, WordInfo());
  }
  WordInfo& Slot(uint64_t word_hash) { return entries_[word_hash & (kSize - 1)]; }

 private:
  static constexpr size_t kSize = 8192;
  uint64_t key_ = 0;
  HugeVector<WordInfo> entries_;
};

// The hashed features of one sentence: token i owns
// hashes[offsets[i] .. offsets[i + 1]), in four groups: its own features,
// those of the word before as its left neighbour, those of the word after
// as its right neighbour (each ending at group_end[i * 3 + g]), then the
// rest. Where a cached WordInfo already knew the summed weights of one of
// the first three groups (known[i * 3 + g]), its features are left out and
// known_emit[i * 3 + g] points at the sum instead (kNumTags floats in the
// cache entry, valid until the cache serves another sentence). Reused
// between sentences: after the first few sentences featurizing allocates
// nothing.
inline constexpr size_t kGroups = 3;
struct SentenceFeatures {
  std::vector<uint32_t> hashes;
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> group_end;
  std::vector<uint8_t> known;
  std::vector<const float*> known_emit;
  std::vector<WordInfo*> infos;  // the cache entries, when featurized with a cache
  std::vector<bool> initial;
  // Scratch.
  std::vector<std::string> folded;
  std::vector<uint8_t> prefolded;  // folded[i] was filled before the lookups
  std::string shape;
  WordInfo info;
  std::vector<uint64_t> word_hash;
  std::vector<uint64_t> folded_hash;  // n + 4: two sentinels on each side
  std::vector<uint64_t> shape_hash;
  std::vector<uint8_t> phrase_bits;
  std::vector<uint8_t> phrase_start;
  std::vector<uint8_t> word_bits;
  std::vector<uint8_t> name_kind;
  std::vector<uint8_t> dict;
  std::vector<uint64_t> head_hash;
  std::vector<uint8_t> case_class;
  std::vector<uint16_t> clusters;  // (n + 2) * levels: one sentinel on each side
};

// Featurizes `tokens` (one sentence, as written). `lang` selects folding;
// `clusters` (may be empty) adds the word-class features.
// With `cache` (bound to these gazetteer, clusters and lang), the same
// features come faster.
void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     const WordClusters& clusters, std::string_view lang, SentenceFeatures* out,
                     WordInfoCache* cache = nullptr);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_NER_FEATURES_H_
