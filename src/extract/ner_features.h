// Token features of the NER tagger, hashed to 32 bits (internal to extract/).
// Features of a token look at the token, its neighbours (two each side) and
// the gazetteer; they never look at tags, so a sentence is featurized once.
#ifndef STORYLINE_EXTRACT_NER_FEATURES_H_
#define STORYLINE_EXTRACT_NER_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "word_clusters.h"

namespace storyline::extract {

// The hashed features of one sentence: token i owns
// hashes[offsets[i] .. offsets[i + 1]). Reused between sentences: after the
// first few sentences featurizing allocates nothing.
struct SentenceFeatures {
  std::vector<uint32_t> hashes;
  std::vector<uint32_t> offsets;
  // Scratch.
  std::vector<std::string> folded;
  std::vector<std::string> shapes;
  std::vector<uint64_t> folded_hash;  // n + 4: two sentinels on each side
  std::vector<uint64_t> shape_hash;
  std::vector<uint8_t> phrase_bits;
  std::vector<uint8_t> word_bits;
  std::vector<uint8_t> dict;
  std::vector<uint8_t> case_class;
  std::vector<uint16_t> clusters;  // (n + 2) * levels: one sentinel on each side
};

// Featurizes `tokens` (one sentence, as written). `lang` selects folding;
// `clusters` (may be empty) adds the word-class features.
void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     const WordClusters& clusters, std::string_view lang, SentenceFeatures* out);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_NER_FEATURES_H_
