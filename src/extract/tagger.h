// The NER tagger: a structured averaged perceptron over BIO tags of the
// GermEval 2014 types (PER, LOC, ORG, OTH, each also as ...deriv and ...part),
// Viterbi decoding with BIO constraints, hashed features (ner_features.h).
// Internal to the extract stage.
//
// A TaggerModel is immutable once trained or loaded; Tag() is const and
// thread-safe (scratch buffers are per thread).
#ifndef STORYLINE_EXTRACT_TAGGER_H_
#define STORYLINE_EXTRACT_TAGGER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "word_clusters.h"
#include "storyline/status.h"

namespace storyline::extract {

// Entity types of the tag set, in tag order. Base types come first, so a
// type index < kNumBaseTypes is one of PER, LOC, ORG, OTH.
inline constexpr int kNumTypes = 12;
inline constexpr int kNumBaseTypes = 4;
// Tag 0 is O; B-type t is 1 + 2t, I-type t is 2 + 2t.
inline constexpr int kNumTags = 1 + 2 * kNumTypes;

std::string_view TypeName(int type);           // "PER", ..., "LOCderiv", ..., "OTHpart"
int TypeFromName(std::string_view name);       // -1 when unknown
std::string TagName(uint8_t tag);              // "O", "B-PER", "I-LOCderiv"
int TagFromName(std::string_view name);        // -1 when unknown
// The base types by index, and the tags that begin and continue a chunk.
inline constexpr int kTypePer = 0, kTypeLoc = 1, kTypeOrg = 2, kTypeOth = 3;
constexpr uint8_t BeginTag(int type) { return static_cast<uint8_t>(1 + 2 * type); }
constexpr uint8_t InsideTag(int type) { return static_cast<uint8_t>(2 + 2 * type); }
inline bool IsBegin(uint8_t tag) { return tag != 0 && tag % 2 == 1; }
inline bool IsInside(uint8_t tag) { return tag != 0 && tag % 2 == 0; }
inline int TagType(uint8_t tag) { return tag == 0 ? -1 : (tag - 1) / 2; }

struct Chunk {
  uint32_t begin = 0;  // token index
  uint32_t end = 0;    // exclusive
  int type = 0;        // see TypeName
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

// The chunks of a tag sequence (conlleval reading: a chunk starts at B-x, or
// at I-x after anything but x).
std::vector<Chunk> ChunksOf(std::span<const uint8_t> tags);

struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;  // one per token
};

struct TrainOptions {
  int epochs = 12;
  uint64_t seed = 20140901;  // order of sentences in each epoch
  // Independent training runs (each with its own sentence order) whose
  // averaged weights are averaged again.
  int runs = 5;
  // Averaged weights below this magnitude are dropped from the saved model.
  float prune = 0.5f;
  std::string lang = "de";
  // Word classes learned from unlabelled text (word_clusters.h); copied into
  // the model. Null: no class features.
  const WordClusters* clusters = nullptr;
};

class TaggerModel {
 public:
  TaggerModel();
  ~TaggerModel();
  TaggerModel(TaggerModel&&) noexcept;
  TaggerModel& operator=(TaggerModel&&) noexcept;

  // Trains on `data`. Deterministic: the same data, gazetteer and options
  // give the same model, byte for byte (see Serialize).
  static TaggerModel Train(std::span<const TaggedSentence> data, const Gazetteer& gazetteer,
                           const TrainOptions& options);

  // The model as bytes (little-endian binary) and back. Deserialize reports
  // a kCorruption Status naming `origin` for bytes that are not a model.
  std::string Serialize() const;
  static Result<TaggerModel> Deserialize(std::string_view bytes, std::string_view origin);
  Status Save(const std::string& path) const;
  static Result<TaggerModel> Load(const std::string& path);

  // Tags one sentence (tokens as written); *tags gets one tag per token and
  // always forms valid BIO.
  void Tag(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
           std::vector<uint8_t>* tags) const;

  size_t num_features() const;
  size_t num_cluster_words() const;
  // The language the model was trained on (TrainOptions::lang).
  const std::string& lang() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_TAGGER_H_
