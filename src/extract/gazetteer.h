// Word lists the entity recognizer and the tagger consult: first names,
// places, organisations, organisation suffixes, role nouns and titles (our
// own lists, compiled in from data/gazetteers/) and, optionally, a German
// word list (Debian's wngerman, /usr/share/dict/ngerman) that tells known
// words from unknown ones. Internal to the extract stage.
//
// A Gazetteer is immutable after Create() and may be shared by threads.
#ifndef STORYLINE_EXTRACT_GAZETTEER_H_
#define STORYLINE_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline::extract {

inline constexpr std::string_view kDefaultDictionaryPath = "/usr/share/dict/ngerman";
// German gettext catalogs of place names: iso-codes (countries, subdivisions)
// and libgweather (cities, regions), both Debian packages.
inline constexpr std::string_view kDefaultPlaceCatalogDir = "/usr/share/locale/de/LC_MESSAGES";

// How a word stands to the dictionary.
enum class DictionaryClass : uint8_t {
  kNoDictionary,  // no word list was loaded: the feature is off
  kUnknown,       // neither the word nor its lower-cased form is listed
  kExact,         // the word as written is listed, its lower-cased form is not
  kLower,         // only the lower-cased form is listed ("Der" at a sentence start)
  kBoth,          // both are listed
};

enum class RoleKind : uint8_t {
  kNone,
  kWeak,    // relational: "Kollege", "Amtskollege", "Gegenüber"
  kOffice,  // "Außenminister", "Präsidentin", "Sprecher", "Secretary"
};

// Phrase-match bits per token (see MatchPhrases).
inline constexpr uint8_t kPhraseLocationBegin = 1;
inline constexpr uint8_t kPhraseLocationInside = 2;
inline constexpr uint8_t kPhraseOrganizationBegin = 4;
inline constexpr uint8_t kPhraseOrganizationInside = 8;
// Places of the gettext catalogs (see Create); "Ungarns" (a place + s) too.
inline constexpr uint8_t kPhrasePlaceBegin = 16;
inline constexpr uint8_t kPhrasePlaceInside = 32;
inline constexpr uint8_t kPhrasePlaceGenitive = 64;

// The word-list memberships of one folded word (one lookup for all three).
struct WordFlags {
  bool first_name = false;
  bool title = false;
  bool org_suffix = false;
  bool last_name = false;  // a family name of the package lists
};

class Gazetteer {
 public:
  // The built-in lists plus the word list at `dictionary_path` when that file
  // can be read (one word a line); without it DictionaryClassOf() answers
  // kNoDictionary. Place names come from the gettext catalogs iso_3166-1.mo,
  // iso_3166-2.mo and libgweather-4.0-locations.mo in `place_catalog_dir`
  // (original and German names), with our list of smaller towns of the
  // German-speaking countries (data/gazetteers/towns.txt); "" for none.
  // Never fails: a missing file only turns a feature off.
  static std::unique_ptr<Gazetteer> Create(std::string_view dictionary_path = kDefaultDictionaryPath,
                                           std::string_view place_catalog_dir = kDefaultPlaceCatalogDir);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  bool has_dictionary() const;
  size_t num_catalog_places() const;
  // Unique among the gazetteers of the process (for caches of lookups).
  uint64_t id() const;

  // Lookups take folded words (text::Fold).
  bool IsFirstName(std::string_view folded) const;
  bool IsTitle(std::string_view folded) const;
  bool IsOrganizationSuffix(std::string_view folded) const;
  WordFlags FlagsOf(std::string_view folded) const;
  // A role noun: a capitalized word whose folded form ends with a role head
  // of data/gazetteers/roles.txt ("US-Außenminister" → kOffice).
  RoleKind RoleOf(std::string_view word, std::string_view folded) const;
  // A title ("Dr", "Prof") or a role noun of any kind: what opens a name
  // without being part of it.
  bool IsTitleOrRole(std::string_view word, std::string_view folded) const;

  // The word as written (`word`) against the dictionary.
  DictionaryClass DictionaryClassOf(std::string_view word) const;
  // Where the head of `word` (as written) begins when it is a compound whose
  // head is a capitalized dictionary word, else 0: the shortest head of at
  // least four bytes, with at least three bytes in front, that is listed
  // once its first letter is upper-cased ("Notruffrequenz" → 6, "Frequenz").
  // German nouns compound without spaces, so most capitalized words the
  // dictionary lacks are such compounds, and the names among them mostly
  // are not.
  size_t DictionaryNounHead(std::string_view word) const;
  // The same for the longest such head: where the compound's own head
  // begins ("Onlinekäufer" → "Käufer", where the shortest is "Ufer").
  size_t DictionaryNounHeadLongest(std::string_view word) const;
  // What kind of word `word` (as written, capitalized) looks like by its
  // ending, learned from the catalog places, the given and family names and
  // the dictionary's nouns: NameSuffixes::CodeOf (0: cannot tell, as without
  // a dictionary).
  uint8_t NameKindCodeOf(std::string_view word) const;
  // A hint, no answer: starts fetching from memory what DictionaryClassOf(word),
  // NameKindCodeOf(word), FlagsOf(folded) and PhraseStartOf(word, folded)
  // will read, so that the lookups of several words overlap.
  void PrefetchWordLookups(std::string_view word, std::string_view folded) const;

  // Marks the tokens (given folded) covered by the longest place and
  // organisation names of the built-in lists and the longest places of the
  // catalogs; resizes *bits to the token count. Every word may start a name,
  // whatever its case (for the words of a name already found).
  void MatchPhrases(std::span<const std::string> folded, std::vector<uint8_t>* bits) const;
  void MatchPhrases(std::span<const std::string_view> folded, std::vector<uint8_t>* bits) const;
  // Whether the folded words are a place of the built-in lists as a whole:
  // the first begins a listed place and every one lies inside a listed name
  // (MatchPhrases). A listed place is never a person, nor a surname.
  bool IsListedPlace(std::span<const std::string> folded) const;
  bool IsListedPlace(std::span<const std::string_view> folded) const;
  // The same with what PhraseStartOf() says of each word given (it depends
  // on the word alone, so callers may cache it).
  void MatchPhrases(std::span<const std::string> folded, std::span<const uint8_t> starts,
                    std::vector<uint8_t>* bits) const;
  void MatchPhrases(std::span<const std::string_view> folded, std::span<const uint8_t> starts,
                    std::vector<uint8_t>* bits) const;
  // Whether `word` (as written; `folded` is its folded form) may start a
  // listed name, as bits for MatchPhrases. A word written in lower case
  // starts only the names listed in lower case ("dpa", "taz"): the river
  // "Oder" and the city "Siegen" are not in "oder" and "siegen".
  uint8_t PhraseStartOf(std::string_view word, std::string_view folded) const;
  // PhraseStartOf() for the place and organisation names of our lists (not
  // the catalogs) that begin with `word` written exactly so ("BUND" does,
  // "Bund" does not), else 0; one lookup in a small set. With these starts
  // MatchPhrases also finds the names' declined forms (DeclinedForms: "des
  // Statistischen Bundesamtes"), which the tagger's features leave out.
  uint8_t ListedStartAsWritten(std::string_view word) const;
  // When `folded` is the genitive of a one-word catalog place ("ungarns",
  // "griechenlandes"), the bytes of its ending (1 or 2) whose stem is a
  // catalog place or a place of our list, -s first; else 0.
  size_t GenitivePlaceEnding(std::string_view folded) const;
  // The same for the places of our list only (locations.txt: countries,
  // regions, the larger cities), not the catalogs, which also name small
  // towns that are common nouns ("Zug", "Mus"): "grossbritanniens" → 1.
  size_t GenitiveListedPlaceEnding(std::string_view folded) const;

 private:
  Gazetteer();
  template <typename Word>
  bool IsListedPlaceOf(std::span<const Word> folded) const;
  template <typename Word>
  void MatchPhrasesOf(std::span<const Word> folded, std::vector<uint8_t>* bits) const;
  template <typename Word>
  void MatchPhrasesOf(std::span<const Word> folded, std::span<const uint8_t> starts,
                      std::vector<uint8_t>* bits) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Lower-cases the first code point of `word` (ICU simple case mapping,
// locale-independent) into *out.
void LowerFirstTo(std::string_view word, std::string* out);
// True when the first code point of `word` is an upper-case letter. The
// repairs of the tags ask it of most words many times over: ASCII is
// answered inline, the rest by ICU.
bool StartsUpperBeyondAscii(std::string_view word);
inline bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  if (static_cast<unsigned char>(word[0]) < 0x80) return word[0] >= 'A' && word[0] <= 'Z';
  return StartsUpperBeyondAscii(word);
}

// When the folded word `w` is a proper noun's genitive (-s or -es) whose stem
// `is_name` accepts, the bytes of that ending, -s first ("ungarns" → 1,
// "griechenlandes" → 2); else 0.
template <typename IsName>
size_t GenitiveEnding(std::string_view w, IsName is_name) {
  if (w.size() <= 3 || w.back() != 's') return 0;
  if (is_name(w.substr(0, w.size() - 1))) return 1;
  if (w[w.size() - 2] == 'e' && is_name(w.substr(0, w.size() - 2))) return 2;
  return 0;
}

// The declined forms of a name that opens with adjectives, as they are
// written: every leading capitalized word of four or more letters in -e,
// -es or -er takes each adjective ending, and the noun after them its
// genitive in -s or -es ("Statistischen Bundesamtes", "Europäischen
// Zentralbank", "Internationalen Währungsfonds"). Forms no text writes
// ("Werden Bremen") are harmless: they never match. `out` excludes `name`.
void DeclinedForms(std::string_view name, std::vector<std::string>* out);

// The declined forms of the listed organisations and locations, each with
// the listed name it declines.
std::vector<std::pair<std::string, std::string_view>> DeclinedListedNames();

// The lines of data/gazetteers/aliases.txt (names of one entity), each split
// at '|' into its names, spaces trimmed, empty names dropped.
std::vector<std::vector<std::string_view>> AliasGroups();

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_GAZETTEER_H_
