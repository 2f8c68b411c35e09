// Information extraction, German first: named entities with roles, quotations
// with speakers, figures and dates. Offsets are byte offsets into the text
// that was given (the stored, cleaned article text).
//
// An Extractor holds read-only resources (gazetteers, the tagger model) and
// may be shared by threads; Extract() is const and thread-safe.
#ifndef STORYLINE_EXTRACT_H_
#define STORYLINE_EXTRACT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::extract {

enum class EntityType { kPerson, kOrganization, kLocation, kOther };
std::string_view EntityTypeName(EntityType t);  // "PER", "ORG", "LOC", "OTH"

// One occurrence of a name in the text.
struct Mention {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kOther;
  std::string text;       // as written: "Kelly"
  int entity = -1;        // index into Extraction::entities
};

// A name resolved within the article: "Kelly" and "John Kelly" are one entity.
struct Entity {
  EntityType type = EntityType::kOther;
  std::string name;       // the longest form in the article: "John Kelly"
  std::string canonical;  // cross-article key, robust to spelling: "john kelly", "enrique pena nieto"
  std::string role;       // as the text gives it: "US-Heimatschutzminister"; empty if none
  std::vector<int> mentions;  // indexes into Extraction::mentions
};

// Entity::canonical of a name: folded (text::Fold), diacritics removed,
// role words and titles dropped, hyphens as spaces: "Peña Nieto" and "Pena
// Nieto" → "pena nieto", "Heinz-Christian Strache" → "heinz christian
// strache"; the names of one line of data/gazetteers/aliases.txt share the
// key of its first name ("Vereinigten Staaten", "United States" → "usa").
std::string CanonicalKey(std::string_view name);

enum class QuoteKind { kDirect, kReported };
std::string_view QuoteKindName(QuoteKind k);  // "direct", "reported"

struct Quote {
  uint32_t begin = 0;          // the quoted / reported message
  uint32_t end = 0;
  QuoteKind kind = QuoteKind::kDirect;
  uint32_t cue_begin = 0;      // the speech verb or marker ("sagte", "nach den Worten von")
  uint32_t cue_end = 0;
  uint32_t speaker_begin = 0;  // the speaker mention ("er", "der Minister", "Kelly"); 0/0 if none
  uint32_t speaker_end = 0;
  std::string text;            // the message
  std::string cue;
  std::string speaker;         // the speaker mention as written
  int speaker_entity = -1;     // index into Extraction::entities, -1 when unresolved
};

struct Figure {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;       // "5,8 Millionen"
  double value = 0;       // 5800000
  std::string unit;       // "", "%", "EUR", "USD", "CHF", "km", ...
  std::string counted;    // "Mexikaner ohne Aufenthaltsgenehmigung"
  std::string qualifier;  // "", "about", "more than", "almost", "up to", "hundreds of thousands", "relative"
};

struct DateMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;        // "am Donnerstag"
  std::string value;       // resolved ISO date "2017-02-23", or "" when it stays relative
  DatePrecision precision = DatePrecision::kNone;
  bool relative = false;   // "gestern", "am Donnerstag", "vor vier Jahren"
  std::string relation;    // for unresolved relative dates: "weekday:4", "days:-1", "years:-4"
};

struct Extraction {
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
};

class Extractor {
 public:
  // Loads built-in gazetteers and, when `model_path` names a file, the NER
  // tagger model (see `storyline train ner`). Errors name the file.
  static Result<std::unique_ptr<Extractor>> Create(const std::string& model_path = "");
  virtual ~Extractor() = default;

  // Extracts from the article's title and text; offsets refer to `text`.
  // Relative dates resolve against article.published when it is known to the
  // day (or, for weekdays, to the day).
  virtual Extraction Extract(const Article& article) const = 0;
};

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_H_
