// Named-entity recognition and within-article resolution (internal to the
// extract stage). Contract between the entity recognizer and the rest of
// extract/ (quotes use the mentions to find and resolve speakers).
#ifndef STORYLINE_EXTRACT_ENTITIES_H_
#define STORYLINE_EXTRACT_ENTITIES_H_

#include <memory>
#include <string>
#include <string_view>

#include "storyline/extract.h"
#include "storyline/status.h"

namespace storyline::extract {

struct WordView;

class EntityRecognizer {
 public:
  // Loads gazetteers and, when model_path is non-empty, the tagger model
  // (see `storyline train ner`); errors name the model file. Without a model,
  // and for text in another language than the model's, the recognizer falls
  // back to gazetteers and rules (names after first names and role nouns,
  // listed places and organisations).
  static Result<std::unique_ptr<EntityRecognizer>> Create(const std::string& model_path);
  // As Create, with the word list at `word_list_path` ("" for none).
  static Result<std::unique_ptr<EntityRecognizer>> Create(const std::string& model_path,
                                                          std::string_view word_list_path);
  virtual ~EntityRecognizer() = default;

  // Appends the mentions of `text` to out->mentions and the entities they
  // resolve to (one per person/organisation/place, with canonical key and
  // role) to out->entities. Thread-safe.
  virtual void Recognize(std::string_view text, std::string_view lang, Extraction* out) const = 0;
  // The same for the words of an article already split (BuildWordView), so
  // that the article is tokenized and folded once for all extractors.
  virtual void Recognize(const WordView& view, Extraction* out) const = 0;
  // Sets Word::sentence_adverb for the words that open the sentences of
  // `view` (no change without a word list).
  virtual void MarkSentenceAdverbs(WordView* view) const = 0;
};

// The cross-article key of a role: folded, words joined by one space:
// "US-Außenminister" and "US-Aussenminister" → "us-aussenminister".
std::string RoleKey(std::string_view role);

// Where EntityRecognizer::Create looks for the German word list that powers
// the "known common noun" feature (Debian wngerman); absent → feature off.
inline constexpr std::string_view kGermanWordListPath = "/usr/share/dict/ngerman";

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_ENTITIES_H_
