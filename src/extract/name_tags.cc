#include "name_tags.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "dates.h"
#include "name_suffixes.h"
#include "storyline/text.h"
#include "quotes.h"
#include "tagger.h"
#include "word_view.h"

namespace storyline::extract {
namespace {

// The end (exclusive) of the person's name that begins at token `i`.
size_t PersonEnd(const std::vector<uint8_t>& tags, size_t i) {
  size_t end = i + 1;
  while (end < tags.size() && tags[end] == InsideTag(kTypePer)) ++end;
  return end;
}

// Whether the dictionary lists `word` as written: a noun (or another word)
// with its capital, with or without a lower-case twin.
bool ListedAsWritten(const Gazetteer& gazetteer, std::string_view word) {
  const DictionaryClass c = gazetteer.DictionaryClassOf(word);
  return c == DictionaryClass::kExact || c == DictionaryClass::kBoth;
}

// A person name the tagger opened with a given name alone, followed by name
// particles and a capitalized word, spans them all, whatever the tagger made
// of the rest ("Ursula" a person and "Leyen" a place). The word after the
// particles must not be a word of the dictionary as written ("Sophia zu
// Rettung"), another given name ("Matti von Bertolt Brecht"), an acronym
// ("von der CDU") or a role; a name of two words before the particles
// ("Andrew Jackson von der Vorderseite") stays as it is.
void JoinParticleNames(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                       std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypePer)) continue;
    const std::string_view given = folded[i];
    if (!gazetteer.IsFirstName(given.substr(0, given.find('-')))) continue;
    size_t j = i + 1;
    while (j < n && j - i <= 3 && IsNameParticle(folded[j], j == i + 1)) ++j;
    if (j == i + 1 || j >= n || !IsWordToken(words[j]) || !StartsUpper(words[j]) ||
        IsAllCaps(words[j]) || gazetteer.IsFirstName(folded[j]) ||
        gazetteer.RoleOf(words[j], folded[j]) != RoleKind::kNone) {
      continue;
    }
    if (ListedAsWritten(gazetteer, words[j])) continue;
    for (size_t k = i + 1; k <= j; ++k) (*tags)[k] = InsideTag(kTypePer);
    // The rest of a name the tagger began at the family name.
    size_t k = j + 1;
    while (k < n && IsInside((*tags)[k]) && StartsUpper(words[k])) (*tags)[k++] = InsideTag(kTypePer);
    i = k - 1;
  }
}

// A family name of our lists that opens with particles, after them outside
// any name, is a person's name with its particles, whatever the tagger made
// of the name ("von der Leyen" a place, "de Maizière" nothing). The name is
// a listed family name, no listed place ("von der Elbe") and no word of the
// dictionary as written ("von der Linde"); "von" counts only with "der" or
// "den" ("von Merkel" is a preposition's object), and "da" not at all ("weil
// da Amundsen …").
void ListedFamilyNamesWithParticles(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                    std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static const std::array<std::string_view, 6> kAlone = {"van", "de", "di", "del", "della", "dos"};
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if ((*tags)[i] != 0) continue;
    size_t j = i + 1;
    if ((folded[i] == "von" || folded[i] == "van") && (folded[j] == "der" || folded[j] == "den")) {
      if (i > 0 && StartsUpper(words[i])) continue;
      ++j;
    } else if (StartsUpper(words[i]) || std::find(kAlone.begin(), kAlone.end(), folded[i]) == kAlone.end()) {
      continue;  // a capital only in "Von der Leyen" opening a sentence ("Da Amundsen …")
    }
    if (j >= n || (*tags)[j - 1] != 0 || !IsWordToken(words[j]) || !StartsUpper(words[j]) ||
        IsAllCaps(words[j]) || IsInside((*tags)[j]) || (j + 1 < n && IsInside((*tags)[j + 1])) ||
        !gazetteer.FlagsOf(folded[j]).last_name || gazetteer.IsListedPlace(folded.subspan(j, 1))) {
      continue;
    }
    if (ListedAsWritten(gazetteer, words[j])) continue;
    (*tags)[i] = BeginTag(kTypePer);
    for (size_t k = i + 1; k <= j; ++k) (*tags)[k] = InsideTag(kTypePer);
    i = j;
  }
}

// A person's name does not end in a particle that opens a family name: in
// "forderte Kickl Van der Bellen auf" the tagger made "Kickl Van" one name,
// and in "mit Van der Bellen" "Van" alone. The particle opens a name of its
// own when particles and a capitalized word follow it ("Van der Bellen"),
// and is no name otherwise.
void NameEndsBeforeItsParticle(std::span<const std::string_view> words,
                               std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypePer)) continue;
    const size_t end = PersonEnd(*tags, i);
    const size_t last = end - 1;
    if (!StartsUpper(words[last]) || !IsNameParticle(folded[last], true)) {
      i = last;
      continue;
    }
    (*tags)[last] = 0;
    size_t j = last + 1;
    while (j < n && j - last <= 3 && IsNameParticle(folded[j], false)) ++j;
    if (j < n && IsWordToken(words[j]) && StartsUpper(words[j]) && !IsNameParticle(folded[j], true)) {
      (*tags)[last] = BeginTag(kTypePer);
      for (size_t k = last + 1; k <= j; ++k) (*tags)[k] = InsideTag(kTypePer);
    }
    i = last;
  }
}

// A word the dictionary lacks, alone and as a compound's head: most family
// names ("Winkelmayer", "Kolleger").
bool IsNoDictionaryWord(const Gazetteer& gazetteer, std::string_view word) {
  return gazetteer.DictionaryClassOf(word) == DictionaryClass::kUnknown && gazetteer.DictionaryNounHead(word) == 0;
}

// What a capitalized word's ending says it is (Gazetteer::NameKindCodeOf),
// where the ending tells.
std::optional<NameKind> KindByEnding(const Gazetteer& gazetteer, std::string_view word) {
  const uint8_t code = gazetteer.NameKindCodeOf(word);
  if (code == 0) return std::nullopt;
  return static_cast<NameKind>((code - 1) / NameSuffixes::kMarginBuckets);
}

// A common noun of the dictionary, or a compound of one ("Vizerektorin"), that
// is no given name.
bool IsCommonNoun(const Gazetteer& gazetteer, std::string_view word, std::string_view folded) {
  if (gazetteer.IsFirstName(folded)) return false;
  const DictionaryClass listed = gazetteer.DictionaryClassOf(word);
  if (listed == DictionaryClass::kExact) return true;
  return listed == DictionaryClass::kUnknown && gazetteer.DictionaryNounHead(word) > 0;
}

// The endings of German nouns for persons: "Winzer", "Forscherin",
// "Journalist", "Produzent", "Autor", "Regisseur".
bool HasPersonNounEnding(std::string_view folded) {
  for (std::string_view ending : {"er", "erin", "ist", "istin", "or", "orin", "ent", "entin", "ant", "antin", "eur",
                                  "eurin"}) {
    if (folded.size() > ending.size() + 2 && folded.ends_with(ending)) return true;
  }
  return false;
}

// A place's demonym: the place with -er or -erin ("Hollabrunnerin",
// "Pressburger"), a place of the lists or the catalogs.
bool IsDemonym(const Gazetteer& gazetteer, std::string_view folded) {
  for (std::string_view ending : {"erin", "er"}) {
    if (folded.size() < ending.size() + 3 || !folded.ends_with(ending)) continue;
    const std::string_view stem = folded.substr(0, folded.size() - ending.size());
    std::vector<uint8_t> bits;
    gazetteer.MatchPhrases(std::span(&stem, 1), &bits);
    return (bits[0] & (kPhrasePlaceBegin | kPhraseLocationBegin)) != 0;
  }
  return false;
}

// A noun for a person that no list has as a family name ("Wagner"): a
// demonym, or a dictionary noun with a person noun's ending, alone or as the
// head of a compound whose front is a dictionary noun too ("Jagdethiker",
// "Konsumentenschützer"; not "Theaster" nor "Innocent").
bool IsPersonNoun(const Gazetteer& gazetteer, std::string_view word, std::string_view folded) {
  if (gazetteer.FlagsOf(folded).last_name || gazetteer.IsFirstName(folded)) return false;
  if (IsDemonym(gazetteer, folded)) return true;
  if (!HasPersonNounEnding(folded)) return false;
  if (ListedAsWritten(gazetteer, word)) return true;
  const size_t head = gazetteer.DictionaryNounHead(word);
  if (head == 0) return false;
  const std::string_view front = word.substr(0, head);
  return ListedAsWritten(gazetteer, front) ||
         (front.size() > 4 && front.back() == 's' && ListedAsWritten(gazetteer, front.substr(0, front.size() - 1)));
}

// A name of another type that starts with a role, or a noun for a person,
// and a given name is a person's: the tagger read "Bildungsministerin Sonja
// Hammerschmid" and "Gartenhistoriker Ernest de Ganay" as organisations.
// DropRolesAndTitles then takes the role or the noun out.
void RoleAndGivenNameMakeAPerson(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                 std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    const uint8_t t = (*tags)[i];
    if (!IsBegin(t) || TagType(t) == kTypePer) continue;
    const int type = TagType(t);
    if ((*tags)[i + 1] != InsideTag(type) || (*tags)[i + 2] != InsideTag(type)) continue;
    if ((gazetteer.RoleOf(words[i], folded[i]) == RoleKind::kNone && !IsPersonNoun(gazetteer, words[i], folded[i])) ||
        !gazetteer.IsFirstName(folded[i + 1])) {
      continue;
    }
    (*tags)[i] = BeginTag(kTypePer);
    for (size_t k = i + 1; k < n && (*tags)[k] == InsideTag(type); ++k) (*tags)[k] = InsideTag(kTypePer);
  }
}

// A person's name does not start with its role or title ("Außenminister Luis
// Videgaray" → "Luis Videgaray"), nor with a noun that describes the person
// before a given name and a family name ("Broker Johann Wanovits"; with the
// given name alone after it, the noun may be a given name the lists lack, as
// in "Rand Paul").
void DropRolesAndTitles(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                        std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  // A role or title the tagger made a name of its own before a person's
  // name ("Bundeskanzler" an organisation before "Friedrich Merz").
  for (size_t i = 0; i + 1 < n; ++i) {
    if (IsBegin((*tags)[i]) && (*tags)[i + 1] == BeginTag(kTypePer) &&
        (gazetteer.RoleOf(words[i], folded[i]) == RoleKind::kOffice || gazetteer.IsTitle(folded[i]))) {
      (*tags)[i] = 0;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypePer)) continue;
    size_t j = i;
    while (j + 1 < n && (*tags)[j + 1] == InsideTag(kTypePer) &&
           gazetteer.IsTitleOrRole(words[j], folded[j])) {
      (*tags)[j] = 0;
      ++j;
    }
    if (j + 1 < n && (*tags)[j + 1] == InsideTag(kTypePer) &&
        (IsCommonNoun(gazetteer, words[j], folded[j]) || IsDemonym(gazetteer, folded[j]))) {
      const bool longer = j + 2 < n && (*tags)[j + 2] == InsideTag(kTypePer);
      // "Broker Johann Wanovits"; before a family name alone, only a noun
      // for a person, and the family name is no word of the dictionary:
      // "Jagdethiker Winkelmayer", "Hollabrunnerin Mikl-Leitner", but not
      // the given names that are nouns too ("Toto Wolff", "Gabe Newell").
      if (longer ? gazetteer.IsFirstName(folded[j + 1])
                 : IsPersonNoun(gazetteer, words[j], folded[j]) && !gazetteer.IsFirstName(folded[j + 1]) &&
                       IsNoDictionaryWord(gazetteer, words[j + 1])) {
        (*tags)[j] = 0;
        ++j;
      }
    }
    (*tags)[j] = BeginTag(kTypePer);
  }
}

// A name does not start with the English words of sport and business for
// a role, alone or after a hyphen, which the role list leaves out because
// the tagger's features read it: "Coach Arsene Wenger", "Kapfenberg-Coach
// Michael Schrittwieser", "Keeper Ron-Robert Zieler" (read as an
// organisation), "Club-Boss Nasser Al-Khelaifi". The name after it is a
// person's.
void SportsRolesOpenNoNames(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                            std::vector<uint8_t>* tags) {
  static constexpr std::string_view kRoles[] = {"coach", "keeper", "goalie", "boss", "captain", "skipper"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsBegin(t[i]) || !IsInside(t[i + 1]) || !StartsUpper(words[i + 1])) continue;
    std::string_view head = folded[i];
    if (const size_t hyphen = head.rfind('-'); hyphen != std::string_view::npos) head.remove_prefix(hyphen + 1);
    if (std::find(std::begin(kRoles), std::end(kRoles), head) == std::end(kRoles)) continue;
    t[i] = 0;
    t[i + 1] = BeginTag(kTypePer);
    for (size_t k = i + 2; k < n && IsInside(t[k]); ++k) t[k] = InsideTag(kTypePer);
  }
}

// A person's genitive ends the name: the noun after it is what the person
// has, even where the tagger took it in ("Pattisons Enkeltochter", "Hitlers
// Vizekanzler"; "Brians Sohn Murchad" is "Brians", then "Murchad"). Not
// after a given name that ends in -s ("Jens Weidmann", "Carlos Santos"),
// nor before a listed family name.
void NamesEndAtAGenitive(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                         std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] == 0 || TagType(t[i]) != kTypePer || t[i + 1] != InsideTag(kTypePer)) continue;
    const std::string_view w = words[i];
    if (w.size() < 4 || !w.ends_with("s") || !StartsUpper(w) || gazetteer.IsFirstName(folded[i])) continue;
    if (!StartsUpper(words[i + 1]) || gazetteer.FlagsOf(folded[i + 1]).last_name ||
        !IsCommonNoun(gazetteer, words[i + 1], folded[i + 1])) {
      continue;
    }
    // A compound counts when its front is a word too ("Enkeltochter"), not
    // where only the end is one ("Lafazanis" ends in "Anis").
    const std::string_view next = words[i + 1];
    if (gazetteer.DictionaryClassOf(next) != DictionaryClass::kExact) {
      const size_t head = gazetteer.DictionaryNounHead(next);
      std::string_view front = next.substr(0, head);
      if (front.ends_with("s")) front.remove_suffix(1);  // the linking -s-: "Geburtstag"
      if (gazetteer.DictionaryClassOf(front) == DictionaryClass::kUnknown) continue;
    }
    t[i + 1] = 0;
    if (i + 2 < n && t[i + 2] == InsideTag(kTypePer)) t[i + 2] = BeginTag(kTypePer);
  }
}

// A name does not start with the month of a date: "am 10. April Van der
// Bellen" (GermEval writes the day and its period as one token, the
// recognizer's words as two).
void NoMonthAfterADay(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                      std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    const uint8_t t = (*tags)[i];
    if (!IsBegin(t) || (*tags)[i + 1] != InsideTag(TagType(t))) continue;
    if (MonthOfWord(folded[i]) == 0) continue;
    // "10." as one token, or as "10" and "." (the recognizer's tokens).
    std::string_view day = words[i - 1];
    if (day == "." && i >= 2) day = words[i - 2];
    else if (day.size() >= 2 && day.back() == '.') day.remove_suffix(1);
    else continue;
    if (day.empty() || day.size() > 2 || !std::all_of(day.begin(), day.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    (*tags)[i] = 0;
    (*tags)[i + 1] = BeginTag(TagType(t));
  }
}

// A name of one word that is a place's genitive is the place ("Portugals
// Präsident": no person "Portugals"). A capitalized word the tagger missed
// is one too ("Großbritanniens"), but only for the places of our list and
// not where the stem is also a lower-case word ("des Essens").
void GenitivesOfPlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                       std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    const uint8_t t = (*tags)[i];
    if (folded[i].size() < 4 || folded[i].back() != 's') continue;  // no genitive
    if (i + 1 < n && IsInside((*tags)[i + 1])) continue;           // one word alone
    if (IsBegin(t) && TagType(t) != kTypeLoc && TagType(t) < kNumBaseTypes) {
      if (gazetteer.GenitivePlaceEnding(folded[i]) > 0 || gazetteer.GenitiveListedPlaceEnding(folded[i]) > 0) {
        (*tags)[i] = BeginTag(kTypeLoc);
      }
    } else if (t == 0 && StartsUpper(words[i])) {
      const size_t cut = gazetteer.GenitiveListedPlaceEnding(folded[i]);
      if (cut == 0) continue;
      const DictionaryClass stem = gazetteer.DictionaryClassOf(words[i].substr(0, words[i].size() - cut));
      if (stem != DictionaryClass::kLower && stem != DictionaryClass::kBoth) (*tags)[i] = BeginTag(kTypeLoc);
    }
  }
}

// A listed place is never a person ("Washington", "Paris"), as the
// recognizer's vote also decides for a whole article.
void ListedPlacesAreNoPeople(const Gazetteer& gazetteer, std::span<const std::string_view> folded,
                             std::vector<uint8_t>* tags) {
  const size_t n = folded.size();
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypePer)) continue;
    const size_t end = PersonEnd(*tags, i);
    if (gazetteer.IsListedPlace(folded.subspan(i, end - i))) {
      (*tags)[i] = BeginTag(kTypeLoc);
      for (size_t k = i + 1; k < end; ++k) (*tags)[k] = InsideTag(kTypeLoc);
    }
  }
}

// A word after these tokens is written as at a sentence start.
bool CaseSaysNothingAfter(std::string_view token) {
  return token == ":" || token == "\"" || token == "„" || token == "“" || token == "«" || token == "»" ||
         token == "-" || token == "–";
}

bool IsIndefiniteArticle(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"ein",   "eine",  "einer",  "einem",  "einen",
                                                "eines", "keine", "keiner", "keinem", "keinen"};
  for (std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

// An article or a possessive, before which a participle is an adjective
// ("das erklärte Ziel").
bool IsArticle(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"der",  "die",   "das",   "den",   "dem",   "des",
                                                "sein", "seine", "seinen", "ihr",  "ihre",  "ihren"};
  return IsIndefiniteArticle(folded) ||
         std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// What a newspaper or a website does more than a person: "berichtet
// TorrentFreak", "schreibt Techradar".
bool IsMediaVerb(std::string_view folded) {
  static constexpr std::string_view kVerbs[] = {"berichtet", "berichtete", "schreibt", "schrieb",
                                                "meldet",    "meldete",    "zitiert",  "zitierte"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), folded) != std::end(kVerbs);
}

// A word of one token that ends a clause after a speech verb, or that
// follows a role, a title or a relative, is a person's name, whatever the
// tagger made of it (nothing, or a place): "sagte Gosslar .", ", so
// Kowalski .", "der Oberst Ollendorf", "die Familie Boim". Not a listed
// place or a month, not a word in capitals (an organisation), not after a
// verb newspapers and websites do ("berichtet TorrentFreak") nor after a
// participle that an article makes an adjective ("das erklärte Ziel"), and,
// unless it is a listed given or family name, no word of the dictionary and
// none that ends as nouns do (the dictionary lacks "Ziel" and "Vertrag").
// Where the tagger made it an organisation, that stays.
void SpeakersAndNamesAfterRolesArePeople(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                        std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kRelatives[] = {
      "familie", "tochter", "sohn",   "ehefrau",    "ehemann",     "witwe",       "bruder",
      "schwester", "vater",  "mutter", "nachfolger", "nachfolgerin", "vorgaenger", "vorgaengerin"};
  const size_t n = words.size();
  std::vector<uint8_t>& t = *tags;
  for (size_t i = 1; i < n; ++i) {
    const bool alone = t[i] == 0 || (IsBegin(t[i]) && TagType(t[i]) == kTypeLoc);
    if (!alone || (i + 1 < n && IsInside(t[i + 1]))) continue;
    const bool clause_ends = i + 1 == n || words[i + 1] == "." || words[i + 1] == "," ||
                             words[i + 1] == ":" || words[i + 1] == ";";
    // After a verb or "so", the clause must end; after a role, the name.
    if (!clause_ends && (t[i - 1] != 0 || (i + 1 < n && StartsUpper(words[i + 1])))) continue;
    const std::string_view w = words[i];
    if (w.size() < 2 || (w[1] >= 'A' && w[1] <= 'Z') || !StartsUpper(w)) continue;
    std::string_view particles;
    bool person = false;
    if (clause_ends && IsSpeechVerb(folded[i - 1], &particles) && particles.empty() &&
        !IsMediaVerb(folded[i - 1]) && !(i >= 2 && IsArticle(folded[i - 2]))) {
      person = true;
    } else if (clause_ends && folded[i - 1] == "so" && i >= 2 &&
               (words[i - 2] == "," || ClassifyQuoteMark(words[i - 2]) != QuoteMark::kNone)) {
      person = true;
    } else if (t[i - 1] == 0 && StartsUpper(words[i - 1]) && !(i + 1 < n && StartsUpper(words[i + 1]))) {
      const RoleKind role = gazetteer.RoleOf(words[i - 1], folded[i - 1]);
      person = role != RoleKind::kNone || gazetteer.IsTitle(folded[i - 1]) ||
               std::find(std::begin(kRelatives), std::end(kRelatives), folded[i - 1]) != std::end(kRelatives);
    }
    if (!person || MonthOfWord(folded[i]) != 0 || gazetteer.IsListedPlace(folded.subspan(i, 1))) continue;
    const WordFlags flags = gazetteer.FlagsOf(folded[i]);
    if (!flags.last_name && !flags.first_name) {
      // The dictionary lacks many nouns ("Ziel", "Vertrag"): their ending
      // tells them.
      if (ListedAsWritten(gazetteer, w)) continue;
      const std::optional<NameKind> kind = KindByEnding(gazetteer, w);
      if (!kind || *kind == NameKind::kNoun) continue;
    }
    t[i] = BeginTag(kTypePer);
  }
}

bool IsLowerCaseAdjective(std::string_view word);

// A role or a title alone is no person's name: "Der Earl übernahm", "als
// Captain und Sekretär", "Kardinal hält …". Not a family name of the lists
// that is also a title or a role ("Graf", "Richter", "Kaiser").
void RolesAloneAreNoNames(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                          std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != BeginTag(kTypePer) || (i + 1 < n && IsInside(t[i + 1]))) continue;
    if (i > 0 && IsBegin(t[i - 1])) continue;
    const WordFlags flags = gazetteer.FlagsOf(folded[i]);
    if (flags.last_name || flags.first_name) continue;
    if (!gazetteer.IsTitleOrRole(words[i], folded[i])) continue;
    t[i] = 0;
  }
}

// A name of one word after "im" or "ins" and an adjective in lower case is a
// place where the tagger made it a person's: "im englischen Hatfield", "im
// oberösterreichischen Wels" (a person is never "in dem").
void PersonsAreNotInAPlace(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                           std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 2; i < n; ++i) {
    // Whatever the adjective's tag: the tagger makes some a derivation
    // ("englischen" LOCderiv).
    if (t[i] != BeginTag(kTypePer) || (i + 1 < n && IsInside(t[i + 1]))) continue;
    if ((folded[i - 2] != "im" && folded[i - 2] != "ins") || !IsLowerCaseAdjective(words[i - 1])) continue;
    t[i] = BeginTag(kTypeLoc);
  }
}

// A name of one word right after a word for a direction or nearness ("südlich
// Locre", "nördlich von Rheinhausen", "in der Nähe von Cavaillon") is a place,
// where the tagger made it a person's or left out a word no dictionary has.
void PlacesNearOrTowards(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                         std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kWords[] = {
      "suedlich", "noerdlich", "oestlich", "westlich", "suedoestlich", "suedwestlich", "nordoestlich",
      "nordwestlich", "nahe", "unweit", "naehe"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i < n; ++i) {
    if (t[i] != 0 && t[i] != BeginTag(kTypePer)) continue;
    if ((i + 1 < n && IsInside(t[i + 1])) || !StartsUpper(words[i])) continue;
    // The word before first: it rules out most words cheaply (each of
    // kWords starts with one of these letters).
    size_t k = i - 1;
    if (folded[k] == "von" && k > 0) --k;
    if (folded[k].size() < 4 || std::string_view("snowu").find(folded[k][0]) == std::string_view::npos) continue;
    if (std::find(std::begin(kWords), std::end(kWords), folded[k]) == std::end(kWords)) continue;
    if (folded[k] == "naehe" && k + 1 == i) continue;  // "Nähe" wants "von"
    if (!IsWordToken(words[i]) || (i + 1 < n && StartsUpper(words[i + 1]))) continue;
    if (t[i] == 0 && !IsNoDictionaryWord(gazetteer, words[i])) continue;
    t[i] = BeginTag(kTypeLoc);
  }
}

// A name of two or three words right after a role, which the tagger made a
// place, is a person's ("der Vorstandsvorsitzende Corrado Passera",
// "Anime-Regisseur Hayao Miyazaki"): not where the name is a listed place or
// a word of it is one, nor where a word of it is a word of the dictionary
// ("der Präsident New Yorks"), nor where another name follows.
void NamesOfSeveralWordsAfterRolesArePeople(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                            std::span<const std::string_view> folded,
                                            std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  std::vector<uint8_t>& t = *tags;
  for (size_t i = 1; i + 1 < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || t[i - 1] != 0 || !StartsUpper(words[i - 1])) continue;
    size_t end = i + 1;
    while (end < n && t[end] == InsideTag(kTypeLoc)) ++end;
    if (end - i < 2 || end - i > 3 || (end < n && StartsUpper(words[end]))) continue;
    if (gazetteer.RoleOf(words[i - 1], folded[i - 1]) != RoleKind::kOffice) continue;
    if (gazetteer.IsListedPlace(folded.subspan(i, end - i))) continue;
    bool name = true;
    for (size_t k = i; k < end && name; ++k) {
      name = IsWordToken(words[k]) && StartsUpper(words[k]) &&
             gazetteer.DictionaryClassOf(words[k]) == DictionaryClass::kUnknown &&
             !gazetteer.IsListedPlace(folded.subspan(k, 1));
    }
    if (!name) continue;
    t[i] = BeginTag(kTypePer);
    for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypePer);
  }
}

// Whether the folded word names a kind of settlement, region or state before
// its name: "die Kreisstadt Torgau", "das Dorf Weitingen", "der Republik
// Zypern".
bool IsPlaceKindNoun(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "stadt",     "kreisstadt", "hauptstadt", "landeshauptstadt", "grossstadt", "kleinstadt",
      "hafenstadt", "stadtteil", "dorf",       "gemeinde",         "marktgemeinde", "ortsteil",
      "ortschaft", "ort",        "berg",       "insel",            "halbinsel",  "fluss",
      "region",    "provinz",    "bezirk",     "kreis",            "land",       "landes",
      "bundesland", "bundesstaat", "staat",    "republik",         "koenigreich", "fuerstentum",
      "emirat",    "metropole"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// Whether the folded word, alone or as a compound's head, ends in one of
// `heads`, also in the genitive ("Instituts", "Bundesamtes").
bool EndsInHead(std::string_view folded, std::span<const std::string_view> heads) {
  const auto ends = [heads](std::string_view w) {
    return std::any_of(heads.begin(), heads.end(), [w](std::string_view h) { return w.ends_with(h); });
  };
  return ends(folded) || GenitiveEnding(folded, ends) != 0;
}

// A place's name does not start with the kind of place it is: GermEval
// names "Torgau" in "die Kreisstadt Torgau" and "Lusen" in "vom Berg Lusen",
// and the tagger now and then takes the noun in. A name of one word right
// after such a noun that the tagger made a person's is the place ("die Stadt
// Teirm").
void PlaceNamesDoNotStartWithTheirKind(std::span<const std::string_view> words,
                                       std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    const bool inside = t[i] == BeginTag(kTypeLoc) && t[i + 1] == InsideTag(kTypeLoc);
    const bool person_after = t[i] == 0 && t[i + 1] == BeginTag(kTypePer);
    if ((!inside && !person_after) || !StartsUpper(words[i + 1])) continue;
    // Before a person's name, a compound of such a noun counts too, also in
    // the genitive ("das Weinbaugebiet Châtillonnais", "vor der
    // Mittelmeerinsel Giglio", "des Grenzdorfes Chamilo").
    static constexpr std::string_view kKindHeads[] = {"gebiet", "schlucht", "stadt", "dorf", "gemeinde", "insel",
                                                      "region", "provinz", "gebirge", "kloster"};
    if (!IsPlaceKindNoun(folded[i]) && !(person_after && StartsUpper(words[i]) && EndsInHead(folded[i], kKindHeads))) {
      continue;
    }
    if (inside) {
      t[i] = 0;
      t[i + 1] = BeginTag(kTypeLoc);
    } else if (i + 2 >= n || !IsInside(t[i + 2])) {
      t[i + 1] = BeginTag(kTypeLoc);
    }
  }
}

// A list of names right after a plural noun for settlements or islands
// names places, whatever the tagger made of each: "die Gemeinden Bedra und
// Braunsdorf" (read as a person and a place), "die Dörfer Hokkala,
// Koskimäki-Huhtala, Kumpula und Vehkaperä". Each name is a tagged name of
// one word or more, or a capitalized word the tagger left out; an
// organisation ends the list, and so does any other word.
void PlacesListedAfterTheirKind(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kKinds[] = {"gemeinden", "doerfer", "staedte", "ortschaften", "ortsteile",
                                                "stadtteile", "inseln",  "orte",    "weiler",      "bezirke"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] != 0 || std::find(std::begin(kKinds), std::end(kKinds), folded[i]) == std::end(kKinds)) continue;
    size_t j = i + 1;
    while (j < n && StartsUpper(words[j]) && IsWordToken(words[j])) {
      size_t end = j + 1;
      if (t[j] != 0) {
        if (TagType(t[j]) == kTypeOrg) break;
        while (end < n && IsInside(t[end])) ++end;
      } else if (!IsNoDictionaryWord(gazetteer, words[j])) {
        break;
      }
      t[j] = BeginTag(kTypeLoc);
      for (size_t k = j + 1; k < end; ++k) t[k] = InsideTag(kTypeLoc);
      if (end + 1 >= n || (words[end] != "," && folded[end] != "und" && folded[end] != "sowie" &&
                           folded[end] != "oder")) {
        break;
      }
      j = end + 1;
    }
    i = j;
  }
}

// Two names of a way or a span, "von X nach Y", "von X bis Y" or "zwischen X
// und Y", where one is a place: the other is one too, where the tagger left
// it out or, after "von", made it a person's ("von Wilson nach Downsview",
// "Zwischen Gudme und Lundborg"). A person between two words of "zwischen"
// stays one ("zwischen Merkel und Paris"). A name here is one tagged name
// or one capitalized word the dictionary does not know.
void PlacesOfAWay(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                  std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  // The end of the name at `k`, or `k` when there is none.
  auto name_end = [&](size_t k) {
    if (k >= n || !StartsUpper(words[k]) || !IsWordToken(words[k]) || IsInside(t[k])) return k;
    if (t[k] == 0) return IsNoDictionaryWord(gazetteer, words[k]) ? k + 1 : k;
    size_t end = k + 1;
    while (end < n && IsInside(t[end])) ++end;
    return end;
  };
  for (size_t i = 0; i + 3 < n; ++i) {
    const bool from = folded[i] == "von";
    if (!from && folded[i] != "zwischen") continue;
    const size_t a_end = name_end(i + 1);
    if (a_end == i + 1 || a_end + 1 >= n) continue;
    const std::string_view link = folded[a_end];
    if (from ? link != "nach" && link != "bis" : link != "und") continue;
    const size_t b = a_end + 1;
    const size_t b_end = name_end(b);
    if (b_end == b || (b_end < n && StartsUpper(words[b_end]) && IsWordToken(words[b_end]))) continue;
    const bool a_place = t[i + 1] == BeginTag(kTypeLoc);
    const bool b_place = t[b] == BeginTag(kTypeLoc);
    if (a_place == b_place) continue;
    const size_t k = a_place ? b : i + 1;
    const size_t k_end = a_place ? b_end : a_end;
    if (t[k] != 0 && !(from && TagType(t[k]) == kTypePer)) continue;
    t[k] = BeginTag(kTypeLoc);
    for (size_t j = k + 1; j < k_end; ++j) t[j] = InsideTag(kTypeLoc);
  }
}

// A word that names a street by its head, and that the dictionary does not
// list as a common noun ("Schwanitzstraße", "Hamerlinggasse",
// "Schiffbauerdamm"; not "Hauptstraße"), is a place where the tagger left it
// out, as GermEval tags streets; not a kind of road ("Umfahrungsstraße",
// "Zufahrtsstraße", "Parallelstraße").
void StreetNamesArePlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                          std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {"strasse", "gasse", "allee", "damm"};
  static constexpr std::string_view kKinds[] = {
      "umfahrung", "zufahrt",  "freiland", "parallel", "haupt", "neben",    "seiten", "durchzug",
      "ausfall",   "verbindung", "zubringer", "einbahn", "land", "bundes", "gemeinde", "privat",
      "schnell",   "wohn",     "einkauf",  "geschaeft", "dorf", "stadt",  "stau",     "deich"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != 0 || !StartsUpper(words[i]) || words[i].size() < 8) continue;
    const std::string_view f = folded[i];
    size_t front = 0;
    for (std::string_view h : kHeads) {
      if (f.size() > h.size() + 2 && f.ends_with(h)) front = f.size() - h.size();
    }
    if (front == 0 || gazetteer.DictionaryClassOf(words[i]) != DictionaryClass::kUnknown) continue;
    std::string_view kind = f.substr(0, front);
    if (kind.ends_with("s")) kind.remove_suffix(1);
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds)) continue;
    t[i] = BeginTag(kTypeLoc);
  }
}

// A compound that the dictionary lacks, whose own head is a feature of the
// land or a building that names a place and whose front no dictionary
// lists, is a place where the tagger left it out: "Stüdlhütte",
// "Rupertuskirche", "die Saalachbrücke" (the front is a name). Not where
// the front is a word or a word's stem ("Fußballplatz", "Schulhof"), nor
// where the head is longer than the feature ("Pfarrkirche" in
// "Stadtpfarrkirche", "Käufer" in "Onlinekäufer"); and no market, which is
// as often the trade ("PKW-Markt").
void NamedFeaturesArePlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                            std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {
      "huette",  "berg",    "burg",    "kopf",  "brunnen", "ufer",    "denkmal", "pfad",    "tal",
      "see",     "bach",    "wald",    "spitze", "horn",   "alm",     "turm",    "tor",     "bruecke",
      "insel",   "hof",     "platz",   "park",  "garten",  "kirche",  "kapelle", "schloss", "kloster",
      "muehle",  "stein",   "graben",  "weiher", "teich",  "quelle"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  const auto known = [&](std::string_view word) {
    return gazetteer.DictionaryClassOf(word) != DictionaryClass::kUnknown;
  };
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    if (t[i] != 0 || w.size() < 8 || !StartsUpper(w) || !IsWordToken(w) || known(w)) continue;
    const size_t head = gazetteer.DictionaryNounHeadLongest(w);
    if (head == 0) continue;
    const std::string folded_head = text::Fold(w.substr(head), "de");
    if (std::find(std::begin(kHeads), std::end(kHeads), folded_head) == std::end(kHeads)) continue;
    std::string_view front = w.substr(0, head);
    if (front.ends_with("-")) front.remove_suffix(1);
    // Nor a word, a compound of words ("Bergbauern|hof"), a word's stem or a
    // word with its linking -s- in front ("Schul|hof", "Fernseh|turm",
    // "Friedhofs|kapelle").
    if (known(front) || gazetteer.DictionaryNounHead(front) != 0) continue;
    const std::string stem(front);
    if (known(stem + "e") || known(stem + "en")) continue;
    if (front.size() > 4 && front.ends_with("s") && known(front.substr(0, front.size() - 1))) continue;
    t[i] = BeginTag(kTypeLoc);
  }
}

// The compass points and positions that open a place's name written as one
// word ("Nord|hessen", "Ober|peru"), the pairs before the points they
// start with.
constexpr std::string_view kPlaceFronts[] = {"nordost", "nordwest", "suedost", "suedwest", "nord",
                                             "sued",    "ost",      "west",    "mittel",   "ober",
                                             "unter",   "nieder",   "zentral"};

// A listed place with a compass point or a position before it, written as
// one word, is a place, where the tagger left it out: "Nordhessen",
// "Ostwestfalen", "Nordatlantik", "Oberperu", also in the genitive
// ("Süditaliens"). Only the places of our list, not the catalogs, which also
// name towns that end other words.
void PlacesWithACompassPoint(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                             std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != 0 || words[i].size() < 7 || !StartsUpper(words[i])) continue;
    const std::string_view f = folded[i];
    // Every front starts with one of these letters: most words stop here.
    if (std::string_view("nsowmuz").find(f[0]) == std::string_view::npos) continue;
    for (std::string_view front : kPlaceFronts) {
      if (f.size() < front.size() + 4 || !f.starts_with(front)) continue;
      // The place after the front is written in lower case ("Nord|hessen").
      std::string_view place = f.substr(front.size());
      const size_t genitive = gazetteer.GenitiveListedPlaceEnding(place);
      place.remove_suffix(genitive);
      if (gazetteer.IsListedPlace(std::span<const std::string_view>(&place, 1))) t[i] = BeginTag(kTypeLoc);
      break;
    }
  }
}

// A person's name of two words or more that ends in the English noun for a
// kind of organisation, or that such a noun follows, is that organisation:
// "Jet Propulsion Laboratory", "Matthew Humberstone School", "Lee Strasberg
// Theatre", "Jet Airways", "Dave Matthews Band". The
// tagger, trained on German, reads the capitalized words before the noun as
// given and family names. Not nouns that also name places or end family
// names ("House", "City", "Hall").
void EnglishOrganizationsAreNoPeople(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {
      "Laboratory", "Laboratories", "School",  "College",    "University", "Institute", "Theatre",
      "Theater",    "Airways",      "Airlines", "Foundation", "Society",   "Museum",    "Records",
      "Corporation", "Company",     "Band",     "Orchestra",  "Hotel"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] != BeginTag(kTypePer)) continue;
    size_t end = i + 1;
    while (end < n && t[end] == InsideTag(kTypePer)) ++end;
    if (end == i + 1) continue;
    auto is_head = [&](size_t k) {
      return std::find(std::begin(kHeads), std::end(kHeads), words[k]) != std::end(kHeads);
    };
    // The noun right after the name, outside it, joins it ("Dave Matthews
    // Band"), unless a number follows, which makes it a volume ("Band 3").
    if (!is_head(end - 1)) {
      const bool number_after = end + 1 < n && !words[end + 1].empty() && words[end + 1][0] >= '0' &&
                                words[end + 1][0] <= '9';
      if (end >= n || t[end] != 0 || !is_head(end) || number_after) continue;
      ++end;
    }
    t[i] = BeginTag(kTypeOrg);
    for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypeOrg);
    i = end - 1;
  }
}

// An English name of an institution or a company, by its head: the
// capitalized words before "University", "College", "Institute", "Society",
// "Foundation", "Company", "Corporation", "Railroad" or "Airways", with an
// "of ..." after it, are one organisation, whatever the tagger made of their
// parts: "George Washington University" (a person and a place),
// "International Petroleum Investment Company" ("Company" a person),
// "California Institute of Technology". A word before the head counts if
// it is tagged or no word of the German dictionary, in ASCII letters
// ("Royal", "Goldsmiths"; not "Gelehrtengesellschaft" in
// "Gelehrtengesellschaft Royal Society", nor the article "Die").
void EnglishInstitutionsByTheirHead(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                    std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {"University", "College",  "Institute",   "Society",
                                                "Foundation", "Company",  "Corporation", "Railroad",
                                                "Railway",    "Airways",  "Airlines"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  auto english_word = [&](size_t k) {
    const std::string_view w = words[k];
    if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
    for (char c : w) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return t[k] != 0 || IsNoDictionaryWord(gazetteer, w);
  };
  auto connector = [&](size_t k) { return words[k] == "of" || words[k] == "and" || words[k] == "&"; };
  for (size_t k = 1; k < n; ++k) {
    if (words[k].size() < 6 || std::find(std::begin(kHeads), std::end(kHeads), words[k]) == std::end(kHeads)) continue;
    size_t begin = k;
    while (begin > 0 && (english_word(begin - 1) || (begin >= 2 && connector(begin - 1) && english_word(begin - 2)))) {
      begin -= connector(begin - 1) ? 2 : 1;
    }
    if (begin == k) continue;
    size_t end = k + 1;
    if (end + 1 < n && words[end] == "of" && StartsUpper(words[end + 1])) {
      end += 2;
      while (end < n && StartsUpper(words[end]) && IsWordToken(words[end])) ++end;
    }
    // Part of a longer name the tagger found: that name stays.
    if ((begin > 0 && t[begin] != 0 && IsInside(t[begin])) || (end < n && IsInside(t[end]))) continue;
    t[begin] = BeginTag(kTypeOrg);
    for (size_t j = begin + 1; j < end; ++j) t[j] = InsideTag(kTypeOrg);
    k = end - 1;
  }
}

// A name that ends in the English noun for a natural feature, or that such
// a noun follows, is a place: "Hudson River" (read as an organisation),
// "Bedford Falls" (read as "Bedford"). Not streets and squares, whose names
// also stand for what is there ("Wall Street" is the stock market).
void EnglishPlaceNames(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {"River", "Lake",  "Island",  "Islands", "Bay",
                                                "Valley", "Falls", "Creek",  "Mountains", "Hills",
                                                "Canyon", "Peak",  "Beach",  "Springs"};
  auto is_head = [](std::string_view w) {
    return std::find(std::begin(kHeads), std::end(kHeads), w) != std::end(kHeads);
  };
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsBegin(t[i])) continue;
    const int type = TagType(t[i]);
    size_t end = i + 1;
    while (end < n && t[end] == InsideTag(type)) ++end;
    if (type >= kNumBaseTypes || type == kTypeOth) {
      i = end - 1;
      continue;
    }
    if (!is_head(words[end - 1])) {
      if (end >= n || t[end] != 0 || !is_head(words[end])) {
        i = end - 1;
        continue;
      }
      ++end;
    } else if (type == kTypeLoc || end == i + 1) {
      // A place already, or the noun alone.
      i = end - 1;
      continue;
    }
    t[i] = BeginTag(kTypeLoc);
    for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypeLoc);
    i = end - 1;
  }
}

// The bytes of a word of at most 8 bytes as one integer, for comparing a word
// with a list of short words at once.
uint64_t PackShortWord(std::string_view w) {
  uint64_t key = 0;
  std::memcpy(&key, w.data(), std::min<size_t>(w.size(), sizeof key));
  return key;
}

// A name that starts with the Romance or English word for a natural feature,
// a bridge, a port or a fort, then names, maybe joined by particles, is a
// place: "Cerro San Félix" (read as a person), "Lido delle Nazioni", "Isola
// di Arabella", "Gorge de la Langouette", "Pont del Diable", "Lake Louise",
// "Port Grosvenor". After the first name no word of the dictionary joins it.
// Not "Rio", "Costa" or "Val", which are given and family names too ("Rio
// Reiser"), nor where the tagger found an organisation or the word is inside
// a longer name ("Monte dei Paschi").
void PlaceNamesAfterTheirKindAbroad(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                    std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {
      "Cerro", "Río",   "Monte", "Lago",  "Isola",  "Isole",  "Lido",  "Sierra", "Playa", "Valle",
      "Mont",  "Lac",   "Gorge", "Pic",   "Isla",   "Islas",  "Golfo", "Cabo",   "Capo",  "Punta",
      "Laguna", "Bahía", "Piz",  "Pizzo", "Passo",  "Col",   "Pont",  "Ponte",  "Puente", "Port",
      "Mount", "Lake",  "Cape",  "Fort"};
  static constexpr std::string_view kParticles[] = {"de",   "di",   "del", "della", "delle", "dei",
                                                    "degli", "des", "du",  "la",    "le",    "do"};
  auto is_particle = [](std::string_view w) {
    return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
  };
  auto is_name = [](std::string_view w) { return w.size() >= 2 && StartsUpper(w) && IsWordToken(w); };
  static const auto kHeadKeys = [] {
    std::array<uint64_t, std::size(kHeads)> keys{};
    for (size_t k = 0; k < keys.size(); ++k) keys[k] = PackShortWord(kHeads[k]);
    return keys;
  }();
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    // Cheap tests first: most words are in lower case or longer than a
    // head, and the rest are compared as one integer each.
    if (words[i].size() < 3 || words[i].size() > 7 || !StartsUpper(words[i])) continue;
    if (std::find(kHeadKeys.begin(), kHeadKeys.end(), PackShortWord(words[i])) == kHeadKeys.end()) continue;
    if (IsInside(t[i]) || (t[i] != 0 && TagType(t[i]) != kTypePer && TagType(t[i]) != kTypeLoc)) continue;
    // The head, then names and the particles between them; after the first
    // name, no word of the dictionary ("Lido di Spina Die Straße").
    size_t end = i + 1;
    while (end < n) {
      size_t k = end;
      while (k < n && is_particle(words[k])) ++k;
      if (k >= n || !is_name(words[k])) break;
      if (k > i + 1 && gazetteer.DictionaryClassOf(words[k]) != DictionaryClass::kUnknown) break;
      end = k + 1;
    }
    if (end == i + 1) continue;
    // A longer name the tagger found keeps its end.
    if (t[i] != 0) {
      while (end < n && IsInside(t[end]) && TagType(t[end]) == TagType(t[i])) ++end;
    }
    if (end < n && IsInside(t[end])) continue;
    t[i] = BeginTag(kTypeLoc);
    for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypeLoc);
    i = end - 1;
  }
}

// A listed place, capitalized, before one or two English words that end in
// the plural -s and that the dictionary lacks, nor its nouns as heads, names
// a team: "Chicago Bulls" (read as a place), "New York Rangers", "Detroit
// Red Wings". Not before a further capitalized word.
void TeamsByTheirPlace(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                       std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  auto english = [&](size_t k) {
    const std::string_view w = words[k];
    if (w.size() < 3 || w[0] < 'A' || w[0] > 'Z') return false;
    for (char c : w) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return IsNoDictionaryWord(gazetteer, w) && !gazetteer.IsListedPlace(folded.subspan(k, 1));
  };
  const auto capitalized = [](std::string_view w) { return StartsUpper(w); };
  // The place that ends right before `team` (longest first), or 0 words.
  auto place_before = [&](size_t team) -> size_t {
    for (size_t len = std::min<size_t>(3, team); len > 0; --len) {
      const size_t b = team - len;
      if (IsInside(t[b]) || (t[b] != 0 && TagType(t[b]) == kTypeOth)) continue;
      if (std::all_of(words.begin() + b, words.begin() + team, capitalized) &&
          gazetteer.IsListedPlace(folded.subspan(b, len))) {
        return len;
      }
    }
    return 0;
  };
  // From the word in the plural back, so that the lookups run only for the
  // few English plurals.
  for (size_t k = 1; k < n; ++k) {
    if (words[k].size() < 3 || words[k].back() != 's' || !english(k)) continue;
    if (k + 1 < n && (IsInside(t[k + 1]) || (StartsUpper(words[k + 1]) && IsWordToken(words[k + 1])))) continue;
    // The team's name is this word, or the English word before it too.
    size_t team = k, len = place_before(k);
    if (len == 0 && k >= 2 && english(k - 1)) len = place_before(team = k - 1);
    if (len == 0) continue;
    t[team - len] = BeginTag(kTypeOrg);
    for (size_t x = team - len + 1; x <= k; ++x) t[x] = InsideTag(kTypeOrg);
  }
}

// A club's year of founding, written with two digits and a leading zero
// after its name, belongs to the name: "FC Schalke 04", "Mainz 05". Not
// before a capitalized word, a noun the number may count.
void ClubNamesEndInTheirYear(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i < n; ++i) {
    const std::string_view w = words[i];
    if (t[i] != 0 || w.size() != 2 || w[0] != '0' || w[1] < '1' || w[1] > '9') continue;
    if (t[i - 1] == 0 || TagType(t[i - 1]) != kTypeOrg) continue;
    if (i + 1 < n && StartsUpper(words[i + 1]) && IsWordToken(words[i + 1])) continue;
    t[i] = InsideTag(kTypeOrg);
  }
}

// A word the dictionary does not know that ends as German place names do
// ("-ingen", "-hausen", "-dorf", "-furt", "-markt", "-itz", ...), right
// after a preposition that takes a place without an article, and before no
// other name, is a place where the tagger left it out: "Bei Völklingen",
// "In Burgsteinfurt", "in Unzmarkt". Not a listed given or family name, and
// not a noun's dative plural in -lingen ("bei Kriegsflüchtlingen").
void PlaceNamesAfterPrepositions(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                 std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kPrepositions[] = {"in", "nach", "aus", "bei",      "zu",  "ueber",
                                                       "nahe", "zwischen", "von", "um", "bis", "gen"};
  static constexpr std::string_view kEndings[] = {
      "ingen", "hausen", "heim",  "dorf",   "furt",   "burg",    "stadt", "bach",  "berg", "kirchen", "feld",
      "hofen", "rode",   "leben", "born",   "brueck", "beuren",  "weiler", "stedt", "buettel", "hagen", "roth",
      "reuth", "markt",  "ried",  "grub",   "zell",   "wang",    "ow",    "itz",   "witz"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i < n; ++i) {
    const std::string_view w = words[i];
    if (t[i] != 0 || w.size() < 5 || !StartsUpper(w) || StartsUpper(w.substr(1))) continue;
    if (i + 1 < n && (t[i + 1] != 0 || StartsUpper(words[i + 1]))) continue;
    if (std::find(std::begin(kPrepositions), std::end(kPrepositions), folded[i - 1]) == std::end(kPrepositions)) {
      continue;
    }
    const std::string_view f = folded[i];
    if (std::none_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view e) { return f.size() > e.size() + 2 && f.ends_with(e); })) {
      continue;
    }
    if (gazetteer.DictionaryClassOf(w) != DictionaryClass::kUnknown) continue;
    const WordFlags flags = gazetteer.FlagsOf(f);
    if (flags.first_name || flags.last_name) continue;
    if (f.ends_with("lingen")) {
      const std::string_view stem = w.substr(0, w.size() - 2);
      if (gazetteer.DictionaryClassOf(stem) != DictionaryClass::kUnknown || gazetteer.DictionaryNounHead(stem) != 0) {
        continue;
      }
    }
    t[i] = BeginTag(kTypeLoc);
  }
}

// A capitalized adjective of size, height or position, or "Bad", right
// before a place opens the place's name: "der Große Schaftberg", "im
// Hinteren Bayerischen Wald", "Bad Niedernau" (GermEval tags the whole
// name); the tagger had left it out. Not at the sentence's start, where
// every word is capitalized.
void PlaceNamesWithTheirAdjective(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                  std::vector<uint8_t>* tags) {
  static constexpr std::string_view kStems[] = {"Groß", "Gross", "Klein", "Hoh",    "Hinter",
                                                "Vorder", "Ober", "Unter", "Mittler"};
  static constexpr std::string_view kEndings[] = {"e", "en", "er", "es"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    const std::string_view w = words[i];
    // "Bad" before a word the dictionary does not know names a spa town,
    // whatever the tagger made of the two ("dass Bad Niedernau", read as a
    // person and nothing); not before a dictionary word ("die Bad Bank"),
    // nor as the town's adjective before a noun ("der Bad Ischler Dialog").
    const auto adjective_of_town = [&] {
      return i + 2 < n && words[i + 1].ends_with("er") && StartsUpper(words[i + 2]) && IsWordToken(words[i + 2]);
    };
    if (w == "Bad" && (t[i] == 0 || (IsBegin(t[i]) && !IsInside(t[i + 1]))) && StartsUpper(words[i + 1]) &&
        IsWordToken(words[i + 1]) && (t[i + 1] == 0 || IsBegin(t[i + 1])) && !adjective_of_town() &&
        IsNoDictionaryWord(gazetteer, words[i + 1])) {
      size_t end = i + 2;
      while (end < n && IsInside(t[end])) ++end;
      t[i] = BeginTag(kTypeLoc);
      for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypeLoc);
      continue;
    }
    if (t[i] != 0 || t[i + 1] != BeginTag(kTypeLoc) || CaseSaysNothingAfter(words[i - 1])) continue;
    bool adjective = w == "Bad";
    for (std::string_view stem : kStems) {
      if (!w.starts_with(stem)) continue;
      const std::string_view ending = w.substr(stem.size());
      adjective |= std::find(std::begin(kEndings), std::end(kEndings), ending) != std::end(kEndings);
    }
    if (!adjective) continue;
    t[i] = BeginTag(kTypeLoc);
    t[i + 1] = InsideTag(kTypeLoc);
  }
}

// Whether the word (as written, and folded) is a place of our lists or the
// start of one, or a catalog's place.
bool IsPlaceWord(const Gazetteer& gazetteer, std::string_view word, std::string_view folded) {
  return gazetteer.IsListedPlace(std::span(&folded, 1)) ||
         (gazetteer.PhraseStartOf(word, folded) & kPhrasePlaceBegin) != 0;
}

// A plural compound of a dictionary noun that the tagger made a place of
// one word is none: "in Erdhöhlen", "von Bräunungsstudios", "in
// Mobilfunknetzen" (the tagger reads an unknown capitalized word after "in"
// or "von" as a place). A word ending in "-en" or "-os" that the dictionary
// lacks but whose head it lists; not a listed or catalog place, not a place
// with a compass point or a position before it ("Südarabien", "Ostalpen"),
// and not one ending as place names in the plural do ("-hausen", "-hofen",
// "-ingen", "-kirchen", "-brücken", …).
void PluralCompoundsAreNoPlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kPlaceEndings[] = {"ingen",   "hausen", "hofen",  "kirchen", "beuren",
                                                       "bruecken", "felden", "weiden", "wiesen"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || (i + 1 < n && IsInside(t[i + 1]))) continue;
    const std::string_view w = words[i];
    const std::string_view f = folded[i];
    if (w.size() < 8 || !(w.ends_with("en") || w.ends_with("os"))) continue;
    auto starts = [&](std::string_view x) { return f.starts_with(x); };
    auto ends = [&](std::string_view x) { return f.ends_with(x); };
    if (std::any_of(std::begin(kPlaceFronts), std::end(kPlaceFronts), starts) || starts("hinter") ||
        starts("vorder") ||
        std::any_of(std::begin(kPlaceEndings), std::end(kPlaceEndings), ends)) {
      continue;
    }
    if (gazetteer.DictionaryClassOf(w) != DictionaryClass::kUnknown || gazetteer.DictionaryNounHead(w) == 0) continue;
    if (IsPlaceWord(gazetteer, w, f)) continue;
    t[i] = 0;
  }
}

// Parts of a town and of a region that follow a place's name ("Berlin-Mitte",
// "Norderstedt Mitte", "Gaza-Streifen", "Köln Innenstadt").
constexpr std::string_view kTownParts[] = {"mitte", "zentrum", "city",       "nord",     "sued",
                                           "ost",   "west",    "innenstadt", "altstadt", "streifen"};

bool IsTownPart(std::string_view folded) {
  return std::find(std::begin(kTownParts), std::end(kTownParts), folded) != std::end(kTownParts);
}

// The heads of the nouns for kinds of places, settlements and features of
// the land or of a town, which end place names ("Wall|berg", "Hof|burg",
// "Boden|see").
constexpr std::string_view kPlaceHeads[] = {
    "berg",    "berge",   "gebirge", "burg",    "damm",    "dorf",   "feld",    "felder",  "furt",
    "hof",     "hafen",   "see",     "wald",    "bach",    "markt",  "platz",   "strasse", "gasse",
    "weg",     "bruecke", "insel",   "land",    "stein",   "kirche", "haus",    "heim",    "brunnen",
    "ufer",    "kogel",   "kopf",    "spitze",  "horn",    "wiese",  "garten",  "park",    "ring",
    "allee",   "graben",  "tor",     "turm",    "schloss", "kloster", "moor",   "heide",   "bad",
    "kanal",   "fluss",   "meer",    "bucht",   "gipfel",  "pass",   "huette",  "alm",     "tunnel",
    "bahnhof", "stadion", "viertel", "siedlung", "kreuz",  "dreieck", "grund",  "muehle",  "gebiet",
    "region",  "kreis",   "stadt",   "tal",     "au",      "aue",    "hain",    "forst",   "quelle",
    "mark",    "gau",     "strand",  "kap",     "hoehe",   "hoehen", "plateau", "ebene",   "senke",
    "zone",    "arena",   "halle"};

// A folded word that ends in the head of a kind of place ("Hofburg") or
// starts with a compass point or a position ("Süditalien").
bool NamesAKindOrSideOfPlace(std::string_view folded) {
  auto starts = [&](std::string_view x) { return folded.starts_with(x); };
  return EndsInHead(folded, kPlaceHeads) || std::any_of(std::begin(kPlaceFronts), std::end(kPlaceFronts), starts);
}

// Whether a word of one token reads as a place whatever the dictionary says:
// a listed or catalog place, or its genitive in -s ("Wetzlars", "Erfurts"),
// or a word that ends in a place's head or starts with a compass point
// (NamesAKindOrSideOfPlace).
bool ReadsAsAPlace(const Gazetteer& gazetteer, std::string_view word, std::string_view folded) {
  return IsPlaceWord(gazetteer, word, folded) || NamesAKindOrSideOfPlace(folded) ||
         (word.ends_with("s") &&
          IsPlaceWord(gazetteer, word.substr(0, word.size() - 1), folded.substr(0, folded.size() - 1)));
}

// A compound of two dictionary words that the tagger made a place of one
// word is none, unless its head names a kind of place: "im Gastgewerbe",
// "die Flüchtlingskrise", "den Bonustrack" (the tagger reads an unknown
// capitalized word after a preposition or an article as a place). The
// dictionary lacks the word but lists its head and the word in front of it
// ("Gast", "Gewerbe"); place names compound so too, and keep their
// place's head ("Wallberg", "Hofburg", "Schiffbauerdamm", "Bodensee"). Not
// a listed or catalog place, nor one with a compass point or a position
// before it.
void CompoundNounsAreNoPlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                              std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || (i + 1 < n && IsInside(t[i + 1]))) continue;
    const std::string_view w = words[i];
    const std::string_view f = folded[i];
    if (w.size() < 8 || gazetteer.DictionaryClassOf(w) != DictionaryClass::kUnknown) continue;
    const size_t head = gazetteer.DictionaryNounHead(w);
    if (head == 0) continue;
    std::string_view front = w.substr(0, head);
    if (gazetteer.DictionaryClassOf(front) == DictionaryClass::kUnknown) {
      if (!front.ends_with("s")) continue;
      front.remove_suffix(1);  // the linking -s-: "Bundesstraße"
      if (gazetteer.DictionaryClassOf(front) == DictionaryClass::kUnknown) continue;
    }
    if (ReadsAsAPlace(gazetteer, w, f)) continue;
    // A place in front or as the head: "Salzburgarena", "Lillehammer",
    // "Kontinentaleuropa".
    const auto is_place = [&](std::string_view part) { return IsPlaceWord(gazetteer, part, text::Fold(part, "de")); };
    if (is_place(w.substr(0, head)) || (front.size() < head && is_place(front)) || is_place(w.substr(head))) continue;
    t[i] = 0;
  }
}

// A noun the dictionary lists as written that the tagger made a place of
// one word is none: "in Großhandel", "des Meistertitels", "in
// Handschellen". Its ending must be a noun's (NameKindCodeOf), for the
// dictionary lists places too ("Rhodos", "Auschwitz"). Not a listed or
// catalog place, nor its genitive ("Erfurts"), nor one with a compass point
// or a position in front ("Nordafrikas", "Süditalien"), nor one that ends in
// the head of a kind of place ("Hofburg"), nor a listed given or family
// name, nor the sentence's first word, where the dictionary's names of
// people stand as often ("Erdogans Regime").
void DictionaryNounsAreNoPlaces(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || (i + 1 < n && IsInside(t[i + 1]))) continue;
    const std::string_view w = words[i];
    const std::string_view f = folded[i];
    if (!IsWordToken(w) || !ListedAsWritten(gazetteer, w)) continue;
    if (KindByEnding(gazetteer, w) != NameKind::kNoun) continue;
    if (ReadsAsAPlace(gazetteer, w, f) || gazetteer.GenitivePlaceEnding(f) != 0) continue;
    const WordFlags flags = gazetteer.FlagsOf(f);
    if (flags.first_name || flags.last_name) continue;
    t[i] = 0;
  }
}

// A listed place joined by a hyphen to a part of a town or a kind of place is
// a place, where the tagger left the word out or read it as a compound with
// a name in it: "Berlin-Mitte", "im Gaza-Streifen", "der Düsseldorf-Arena".
void PlacesWithTheirPartAfterAHyphen(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                     std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  const auto is_part = [](std::string_view p) {
    return IsTownPart(p) || std::find(std::begin(kPlaceHeads), std::end(kPlaceHeads), p) != std::end(kPlaceHeads);
  };
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    if (w.size() < 5 || !StartsUpper(w)) continue;
    if (t[i] != 0 && (TagType(t[i]) < kNumBaseTypes || IsInside(t[i]))) continue;
    if (i + 1 < n && IsInside(t[i + 1])) continue;
    const std::string_view f = folded[i];
    // Two parts, the first a place written as a name, not an abbreviation
    // ("US-Stadt").
    const size_t hyphen = w.find('-');
    if (hyphen == std::string_view::npos || hyphen < 2 || (w[1] >= 'A' && w[1] <= 'Z')) continue;
    const size_t folded_hyphen = f.find('-');
    if (folded_hyphen == std::string_view::npos || f.find('-', folded_hyphen + 1) != std::string_view::npos ||
        folded_hyphen + 1 >= f.size()) {
      continue;
    }
    // The part itself is the noun, also in the genitive; not a compound of
    // it ("US-Starinvestor", "Olympia-Startplatz").
    const std::string_view part = f.substr(folded_hyphen + 1);
    if (!is_part(part) && GenitiveEnding(part, is_part) == 0) continue;
    const std::string_view front = w.substr(0, hyphen);
    if (!IsPlaceWord(gazetteer, front, text::Fold(front, "de"))) continue;
    t[i] = BeginTag(kTypeLoc);
  }
}

bool IsMediumNoun(std::string_view folded);
bool IsOrganizationKindNoun(std::string_view folded);
bool IsBodyNoun(std::string_view folded);
bool IsInstitutionNoun(std::string_view folded);

// A name of one word whose parts, joined by hyphens, are all words of the
// dictionary, the last a noun, is no name: colours ("Schwarz-Rot-Gold"),
// mixtures ("die Wälder ( Buche-Tanne , …"), compounds ("das
// Hacker-Kollektiv", "bis zur Schluss-Sirene"). Not where a part is a
// listed place or name, a compass point ("Süd-West-Metall") or a word in
// capitals, nor where the last part is listed in lower case only
// ("Hardware-Mag": "mag") or names a medium or a kind of organisation or
// body ("die Bild-Zeitung", "der Vatikan-Bank").
void CompoundsOfWordsAreNoNames(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsBegin(t[i]) || TagType(t[i]) >= kNumBaseTypes || (i + 1 < n && IsInside(t[i + 1]))) continue;
    const std::string_view w = words[i];
    if (w.size() < 5 || w.find('-') == std::string_view::npos || w.back() == '-') continue;
    // A part that is a word of the dictionary and no name; the last one a
    // noun ("Hardware-Mag" is no "mag").
    const auto common_word = [&](std::string_view part, bool last, std::string* f) {
      if (part.size() < 2 || !StartsUpper(part) || (part[1] >= 'A' && part[1] <= 'Z')) return false;
      const bool listed = last ? ListedAsWritten(gazetteer, part)
                               : gazetteer.DictionaryClassOf(part) != DictionaryClass::kUnknown;
      if (!listed) return false;
      *f = text::Fold(part, "de");
      const WordFlags flags = gazetteer.FlagsOf(*f);
      return !flags.first_name && !flags.last_name && !IsPlaceWord(gazetteer, part, *f) &&
             !NamesAKindOrSideOfPlace(*f);
    };
    bool words_only = true;
    std::string last;  // the last part, folded
    for (size_t begin = 0; words_only && begin < w.size();) {
      const size_t hyphen = w.find('-', begin);
      const size_t end = hyphen == std::string_view::npos ? w.size() : hyphen;
      words_only = common_word(w.substr(begin, end - begin), end == w.size(), &last);
      begin = end + 1;
    }
    if (!words_only) continue;
    if (IsMediumNoun(last) || IsOrganizationKindNoun(last) || IsBodyNoun(last) || IsInstitutionNoun(last)) continue;
    t[i] = 0;
  }
}

// A name of two words, a common noun and a listed place's genitive after it,
// is that place: "den Südraum Leipzigs", "die Verhandlungsposition
// Griechenlands" (read as organisations). The tagger joins the noun to the
// place it belongs to.
void CommonNounBeforeAPlacesGenitive(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                     std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsBegin(t[i]) || TagType(t[i]) >= kNumBaseTypes || t[i + 1] != InsideTag(TagType(t[i]))) continue;
    if (i + 2 < n && IsInside(t[i + 2])) continue;
    if (!IsWordToken(words[i]) || !IsCommonNoun(gazetteer, words[i], folded[i])) continue;
    if (IsPlaceWord(gazetteer, words[i], folded[i])) continue;
    if (gazetteer.GenitiveListedPlaceEnding(folded[i + 1]) == 0) continue;
    t[i] = 0;
    t[i + 1] = BeginTag(kTypeLoc);
  }
}

// A listed place, or its genitive, ends a name of two words that the tagger
// made a place where the second is a common noun: "bei Genf Atomkerne
// zusammenstoßen", "in Argentinien Menschenrechtsgruppen", "Asien
// Schlussbericht" (a headline's run-in). Not before a kind of place or a
// part of a town ("Norderstedt Mitte", "Wien Hauptbahnhof").
void PlacesEndBeforeACommonNoun(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || t[i + 1] != InsideTag(kTypeLoc)) continue;
    if (i + 2 < n && IsInside(t[i + 2])) continue;
    const std::string_view f = folded[i + 1];
    if (!IsWordToken(words[i + 1]) || !IsCommonNoun(gazetteer, words[i + 1], f)) continue;
    if (EndsInHead(f, kPlaceHeads) || IsTownPart(f)) continue;
    if (gazetteer.IsListedPlace(folded.subspan(i + 1, 1))) continue;
    if (!gazetteer.IsListedPlace(folded.subspan(i, 1)) && gazetteer.GenitivePlaceEnding(folded[i]) == 0) continue;
    t[i + 1] = 0;
  }
}

// A compass point alone is no place: "von Nord nach Süd", "zwischen Ost und
// West", "der Regionalliga Nord" (GermEval tags none of them); the tagger,
// having seen "Nordkorea" and "Westfalen", makes some of them places. A
// point that opens a longer name stays, and so does one that stands for a
// compound ("in Nord- und Mittelamerika").
void CompassPointsAreNoPlaces(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                              std::vector<uint8_t>* tags) {
  static constexpr std::string_view kPoints[] = {"nord",     "sued",     "ost",       "west",      "norden",
                                                 "sueden",   "osten",    "westen",    "nordost",   "nordwest",
                                                 "suedost",  "suedwest", "nordosten", "nordwesten", "suedosten",
                                                 "suedwesten"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = folded.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) || (i + 1 < n && (IsInside(t[i + 1]) || words[i + 1] == "-"))) continue;
    if (std::find(std::begin(kPoints), std::end(kPoints), folded[i]) != std::end(kPoints)) t[i] = 0;
  }
}

// Whether the token is a road's or a house's number: 1 to 3 digits, then
// at most one lower-case letter ("90c") or, for the last road of a list,
// the sentence's period run into it ("A 7.").
bool IsRoadNumber(std::string_view token) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return false;
  const std::string_view rest = token.substr(digits);
  return rest.empty() || rest == "." || (rest.size() == 1 && rest[0] >= 'a' && rest[0] <= 'z');
}

// Roads by their numbers are places, as GermEval tags them: "die A 7",
// "von den Autobahnen A 2 und A 7.", where the tagger saw a lone capital;
// so is a street's or a road's name with the number after it: "in der
// Neuendorfer Straße 90c", "die Bundesstraße 216". The "A" only after an
// article, a preposition or "Autobahn" (not "Gruppe A 2"), and the number
// never a year.
void RoadsByTheirNumbers(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                         std::vector<uint8_t>* tags) {
  static constexpr std::string_view kBefore[] = {"der", "die", "den", "zur", "auf", "ueber",
                                                 "bis", "an",  "und", "von", "via"};
  static constexpr std::string_view kHeads[] = {"strasse", "gasse", "allee", "damm", "weg", "platz"};
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    if (!IsRoadNumber(words[i + 1]) || (i + 2 < n && IsInside(t[i + 2]))) continue;
    if (words[i] == "A" && t[i + 1] == 0) {
      const std::string_view before = folded[i - 1];
      if (std::find(std::begin(kBefore), std::end(kBefore), before) == std::end(kBefore) &&
          !before.ends_with("autobahn") && !before.ends_with("autobahnen")) {
        continue;
      }
      t[i] = BeginTag(kTypeLoc);
      t[i + 1] = InsideTag(kTypeLoc);
    } else if (t[i] != 0 && TagType(t[i]) == kTypeLoc && t[i + 1] == 0 && words[i + 1].back() != '.' &&
               EndsInHead(folded[i], kHeads)) {
      t[i + 1] = InsideTag(kTypeLoc);
    }
  }
}

// A listed given name that the tagger left outside any name, inside a
// sentence, is a person's name: "mit dem Namen Leo", "eher eingewechselt als
// Mladen". Not a month ("signed on June 1"), a word of the dictionary
// ("Mark", "Rose"), a word in capitals ("XI", "NÖ"), a listed place or the
// start of a listed name; not
// after an article, which a given name rarely takes ("die Line" in
// football), and not before another capitalized word, which may make the two
// a name of another kind.
void GivenNamesAlone(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                     std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 1; i < n; ++i) {
    const std::string_view w = words[i];
    if (t[i] != 0 || w.size() < 2 || !StartsUpper(w)) continue;
    // The second letter (after an ASCII first one) in capitals: "XI", "NÖ".
    if (static_cast<unsigned char>(w[0]) < 0x80 && StartsUpper(w.substr(1))) continue;
    if (i + 1 < n && (t[i + 1] != 0 || StartsUpper(words[i + 1]))) continue;
    if (!gazetteer.IsFirstName(folded[i]) || MonthOfWord(folded[i]) != 0) continue;
    if (words[i - 1] == "." || CaseSaysNothingAfter(words[i - 1]) || IsArticle(folded[i - 1])) continue;
    if (gazetteer.DictionaryClassOf(words[i]) != DictionaryClass::kUnknown ||
        gazetteer.ListedStartAsWritten(words[i]) != 0 || gazetteer.IsListedPlace(folded.subspan(i, 1))) {
      continue;
    }
    t[i] = BeginTag(kTypePer);
  }
}

// A capitalized word whose lower-cased form is no word: its case tells it
// is a name (or a noun) even where any word would be capitalized.
bool IsNoCommonWord(DictionaryClass d) { return d == DictionaryClass::kUnknown || d == DictionaryClass::kExact; }

// A place or organisation of our lists that the tagger left outside any name
// is that name ("Berlin (Reuters)", "von Allianz und Commerzbank"): trained
// on a few thousand sentences, the model misses listed names whose words it
// has not seen. Only the team's lists, not the catalogs, which also name
// small towns that are common nouns; a word in lower case starts only names
// listed in lower case (Gazetteer::PhraseStartOf).
void ListedNamesTheTaggerMissed(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  thread_local std::vector<uint8_t> starts;
  thread_local std::vector<uint8_t> bits;
  // The first word must be written as listed ("Bund" is not the "BUND").
  // Where its case says nothing (at the sentence start; also after a
  // colon, a quotation mark or a dash), the tagger's reading of the context
  // stands for a word that is also a lower-case word ("Seine Profis",
  // "Oder ...", "Das erste Mal"), not for one that is not ("Dell erwartet",
  // "weiter aus: Boeing meldete").
  starts.assign(n, 0);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != 0) continue;
    if ((i == 0 || CaseSaysNothingAfter(words[i - 1])) &&
        !IsNoCommonWord(gazetteer.DictionaryClassOf(words[i]))) {
      continue;
    }
    starts[i] = gazetteer.ListedStartAsWritten(words[i]);
    any |= starts[i] != 0;
  }
  if (!any) return;
  gazetteer.MatchPhrases(folded, starts, &bits);
  for (size_t i = 0; i < n; ++i) {
    const bool location = (bits[i] & kPhraseLocationBegin) != 0;
    if (!location && (bits[i] & kPhraseOrganizationBegin) == 0) continue;
    const uint8_t inside = location ? kPhraseLocationInside : kPhraseOrganizationInside;
    size_t end = i + 1;
    while (end < n && (bits[end] & inside) != 0) ++end;
    // A name of one word that is also a lower-case word is left to the
    // tagger too ("nach zwei Siegen", "das Essen", "der Grüne Peter Pilz");
    // inside a sentence, a capitalized adjective before a listed noun is a
    // name's ("den Internationalen Währungsfonds").
    bool outside = std::all_of(tags->begin() + static_cast<std::ptrdiff_t>(i),
                               tags->begin() + static_cast<std::ptrdiff_t>(end), [](uint8_t t) { return t == 0; });
    if (outside && end - i == 1) {
      const DictionaryClass d = gazetteer.DictionaryClassOf(words[i]);
      outside = d != DictionaryClass::kLower && d != DictionaryClass::kBoth;
    }
    if (outside) {
      const int type = location ? kTypeLoc : kTypeOrg;
      (*tags)[i] = BeginTag(type);
      for (size_t k = i + 1; k < end; ++k) (*tags)[k] = InsideTag(type);
    }
    i = end - 1;
  }
}

// A place or an organisation of our lists of more than one word that
// starts where the tagger found a name of that type is that name whole,
// where the tagger cut it: "Frankfurt am Main" (read as "Frankfurt"),
// "Freiburg im Breisgau" (read as two places), "Reporter ohne Grenzen",
// "Welt am Sonntag", "Hannover 96". Not where the words after the first
// hold a name of another type or the start of a longer name.
void ListedNamesAreWhole(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                          std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  thread_local std::vector<uint8_t> starts;
  thread_local std::vector<uint8_t> bits;
  starts.assign(n, 0);
  bool any = false;
  for (size_t i = 0; i + 2 < n; ++i) {
    if (t[i] != BeginTag(kTypeLoc) && t[i] != BeginTag(kTypeOrg)) continue;
    starts[i] = gazetteer.ListedStartAsWritten(words[i]);
    any |= starts[i] != 0;
  }
  if (!any) return;
  gazetteer.MatchPhrases(folded, starts, &bits);
  for (size_t i = 0; i < n; ++i) {
    if (starts[i] == 0) continue;
    const int type = TagType(t[i]);
    const uint8_t begin_bit = type == kTypeLoc ? kPhraseLocationBegin : kPhraseOrganizationBegin;
    const uint8_t inside_bit = type == kTypeLoc ? kPhraseLocationInside : kPhraseOrganizationInside;
    if ((bits[i] & begin_bit) == 0) continue;
    size_t end = i + 1;
    while (end < n && (bits[end] & inside_bit) != 0) ++end;
    if (end - i < 2 || (end < n && IsInside(t[end]))) continue;
    bool other = false;
    for (size_t k = i + 1; k < end; ++k) other |= t[k] != 0 && TagType(t[k]) != type;
    if (other) continue;
    for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(type);
    i = end - 1;
  }
}

// Whether `word` names a kind of place a place adjective can name with it:
// a street, square, station, port, bridge, lake, forest or mountain, alone
// or as a compound's head ("Hauptbahnhof", "Landstraße"). Heads that also end
// other words ("Direktor", "Kapital", "Hering") count only alone.
bool IsPlaceNoun(std::string_view word) {
  static constexpr std::string_view kHeads[] = {
      "straße", "strasse", "allee", "gasse", "platz", "bahnhof", "hafen", "brücke",
      "damm",   "kreuz",   "ufer",  "wald",  "berg",  "see"};
  static constexpr std::string_view kAlone[] = {"Tor", "Dom", "Tal", "Ring", "Gürtel", "Kai"};
  for (std::string_view w : kAlone) {
    if (word == w) return true;
  }
  if (word.size() < 3 || !StartsUpper(word)) return false;
  for (std::string_view h : kHeads) {
    // The head alone is capitalized; its first byte is ASCII.
    if (word.size() == h.size() && word[0] == h[0] - 32 && word.substr(1) == h.substr(1)) return true;
    if (word.size() > h.size() && word.ends_with(h)) return true;
  }
  return false;
}

// A place adjective that the tagger took for a derivation on its own
// ("Gubener" LOCderiv, "Straße" outside) names a place together with a noun
// of a kind of place after it: "Gubener Straße", "Frankfurter Hauptbahnhof",
// "Brandenburger Tor" are places by GermEval's guidelines.
void PlaceAdjectiveAndPlaceNoun(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  constexpr int kTypeLocDeriv = kTypeLoc + kNumBaseTypes;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypeLocDeriv) || (*tags)[i + 1] != 0) continue;
    if (!words[i].ends_with("er") || !IsPlaceNoun(words[i + 1])) continue;
    if (i + 2 < n && IsInside((*tags)[i + 2])) continue;
    (*tags)[i] = BeginTag(kTypeLoc);
    (*tags)[i + 1] = InsideTag(kTypeLoc);
  }
}

// A place adjective that the tagger took for a derivation on its own names
// an organisation together with a noun of a club, an association, a
// cooperative, a savings bank, a railway or a works after it: "beim Hamburger
// Mieterverein", "der Veitscher Magnesitwerke", "der Südstormarnschen
// Kreisbahn" are organisations by GermEval's guidelines.
void PlaceAdjectiveAndBodyNoun(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                               std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {
      "verein",    "verband",   "verbaende", "werke",           "genossenschaft",
      "sparkasse", "kreisbahn", "kleinbahn", "eisenbahn", "verkehrsbetriebe"};
  constexpr int kTypeLocDeriv = kTypeLoc + kNumBaseTypes;
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] != BeginTag(kTypeLocDeriv) || t[i + 1] != 0 || !StartsUpper(words[i + 1])) continue;
    if (!StartsUpper(words[i]) || (i + 2 < n && IsInside(t[i + 2]))) continue;
    const std::string_view a = folded[i];
    if (!a.ends_with("er") && !a.ends_with("schen") && !a.ends_with("sche")) continue;
    if (!EndsInHead(folded[i + 1], kHeads)) continue;
    t[i] = BeginTag(kTypeOrg);
    t[i + 1] = InsideTag(kTypeOrg);
  }
}

// Whether the folded word names a kind of news medium: a newspaper, magazine,
// broadcaster or news agency ("Zeitung", "Tageszeitung", "Nachrichtenmagazin",
// "Fernsehsender", "Nachrichtenagentur").
bool IsMediumNoun(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "blatt",        "sender",        "fernsehsender", "radiosender",        "nachrichtensender",
      "privatsender", "agentur",       "presseagentur", "nachrichtenagentur", "newspaper"};
  const auto medium = [](std::string_view w) {
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords) || w.ends_with("magazin");
  };
  // Also in the genitive: "des Senders CNN", "des Magazins „Profil“".
  return medium(folded) || GenitiveEnding(folded, medium) != 0 || folded.ends_with("zeitung") ||
         folded.ends_with("zeitschrift");
}

// Whether the folded word names a kind of organisation whose name may follow
// it: a company, bank, maker, chain, airline, publisher, brewery or
// shipping line, a group, club, team, union, party, association, movement,
// band or record label ("Chemiekonzern BASF", "Bankhaus Credito Emiliano",
// "Garnhersteller Borckenstein", "Erstligisten Litex Lovech", "Gewerkschaft
// Ver.di", "Rockband Fold"). Not "Versicherer", which is also the plural ("die
// Versicherer decken Fonds-Klagen"), nor "Stiftung": a
// foundation is often named after a person, and GermEval then tags the name
// a person's.
bool IsOrganizationKindNoun(std::string_view folded) {
  static constexpr std::string_view kEnds[] = {
      "konzern", "verein", "firma", "unternehmen", "gewerkschaft", "partei", "bewegung",
      "verband", "buendnis", "club",  "klub",        "rockband",     "popband", "-band", "institut",
      "ligist",  "ligisten", "team",    "label",       "bank",         "bankhaus",
      "hersteller", "gruppe", "kette",  "airline",     "fluggesellschaft", "verlag", "brauerei",
      "reederei"};
  // Also in the genitive: "des Konzerns Siemens", "des Vereins Rapid".
  return EndsInHead(folded, kEnds) || folded == "band";
}

// A name right after a noun that names a kind of news medium or of
// organisation, or after such a noun and an opening quotation mark, is that
// medium or organisation, an organisation by GermEval's guidelines: "der
// Zeitung „La Jornada“", "dem Sender CNN", "der Traditionsverein Preußen",
// "die Firma Koninklijke …". The tagger, which has seen few such names,
// reads them as other names, persons or places. After a kind of
// organisation, a person's name that opens with a given name stays a
// person's: the head of the organisation or its object ("der
// Anti-Islam-Bewegung Martin Konvička", "überließ die Volkspartei Heinz
// Fischer …").
void NamesOfMediaAndOrganizations(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                  std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    // The name after the noun first: it rules out most words cheaply.
    size_t j = i + 1;
    if (ClassifyQuoteMark(words[j]) != QuoteMark::kNone) ++j;
    if (j >= n || !IsBegin((*tags)[j])) continue;
    const int type = TagType((*tags)[j]);
    if (type == kTypeOrg) continue;
    const bool medium = IsMediumNoun(folded[i]);
    if (!medium && !(StartsUpper(words[i]) && IsOrganizationKindNoun(folded[i]))) continue;
    if (!medium && type == kTypePer && gazetteer.IsFirstName(folded[j])) continue;
    (*tags)[j] = BeginTag(kTypeOrg);
    for (size_t k = j + 1; k < n && IsInside((*tags)[k]) && TagType((*tags)[k]) == type; ++k) {
      (*tags)[k] = InsideTag(kTypeOrg);
    }
  }
}

// A public body or a society named by what it is for ("Bundesamt für
// Kommunikation", "Institut für Corporate Governance"). Not a school: "eine
// Empfehlung der Schule für Jugendkonten" is what the school recommends.
bool IsBodyNoun(std::string_view folded) {
  static constexpr std::string_view kHeads[] = {
      "ministerium", "amt",        "institut",     "hochschule", "universitaet",
      "akademie",    "stiftung",   "verband",      "zentrum",    "kammer",
      "kommission",  "gesellschaft", "behoerde",   "anstalt",    "agentur"};
  return EndsInHead(folded, kHeads);
}

// A school, museum or plant named by its place ("Universität Gießen",
// "Realschule Spaichingen", "Kraftwerk Lippendorf").
bool IsInstitutionNoun(std::string_view folded) {
  static constexpr std::string_view kHeads[] = {"universitaet", "hochschule", "schule",    "gymnasium",
                                                "akademie",     "museum",     "kraftwerk", "klinikum"};
  return EndsInHead(folded, kHeads);
}

// A capitalized adjective inside a sentence, which German writes so only in
// a name ("Bayerischen", "Medizinischen", "Europäische"): without its ending
// the word is listed in lower case ("bayerisch"), as no inflected noun or
// verb is ("Unternehmen", "Vereinen", "Muster"). Not an article or a pronoun
// ("Die", "Diese"), which a sentence the splitter missed may open.
bool IsNameAdjective(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                     std::span<const std::string_view> folded, size_t i) {
  if (i == 0 || CaseSaysNothingAfter(words[i - 1]) || !StartsUpper(words[i])) return false;
  const std::string_view w = words[i];
  if (w.size() < 5) return false;
  static constexpr std::string_view kPronouns[] = {"dies", "jen",   "welch", "solch", "unser", "euer",
                                                   "mein", "dein",  "sein",  "ihr",   "einig", "ander",
                                                   "jed",  "beide", "viel",  "manch", "mehrer", "all"};
  for (std::string_view p : kPronouns) {
    if (folded[i].starts_with(p)) return false;
  }
  if (ListedAsWritten(gazetteer, w)) return false;
  thread_local std::string stem;
  for (std::string_view ending : {"en", "er", "es", "e"}) {
    if (!w.ends_with(ending)) continue;
    // A noun's plural or case ending: "Begriffe", "Seite".
    const std::string_view front = w.substr(0, w.size() - ending.size());
    if (ListedAsWritten(gazetteer, front)) return false;
    LowerFirstTo(front, &stem);
    return gazetteer.DictionaryClassOf(stem) == DictionaryClass::kExact;
  }
  return false;
}

// The end of the words that name what a body is for, from `k` on:
// capitalized words, also joined by "und" ("für Unterricht und Kultus"), by a
// hyphen and "und" ("für Markt- und Sozialanalysen") or by "der"/"des" and
// an adjective in lower case ("des islamischen Erbes", "der SED-Diktatur");
// a person's name ends them. `k` itself when there are none.
size_t PurposeEnd(std::span<const std::string_view> words, std::span<const std::string_view> folded,
                  const std::vector<uint8_t>& t, size_t k) {
  const size_t n = words.size();
  const auto upper = [&](size_t j) {
    return j < n && StartsUpper(words[j]) && !(IsBegin(t[j]) && TagType(t[j]) == kTypePer);
  };
  size_t end = k;
  while (upper(k)) {
    end = ++k;
    if (upper(k)) continue;
    size_t next = k;
    if (next < n && words[next] == "-") ++next;
    if (next < n && (folded[next] == "und" || folded[next] == "oder")) {
      ++next;
    } else if (next == k && next < n && (folded[next] == "der" || folded[next] == "des")) {
      ++next;
      if (next < n && IsLowerCaseAdjective(words[next])) ++next;
    } else {
      break;
    }
    k = next;
  }
  return end;
}

// The names of bodies and institutions, which the tagger, having seen few,
// leaves out or cuts to their place (GermEval tags them whole as
// organisations, with a capitalized adjective before them):
// - a body's noun with "für" and capitalized words after it ("Bayerischen
//   Staatsministerium für Unterricht und Kultus", "Hochschule für Technik
//   und Wirtschaft des Saarlandes"), or a foundation's with "zur" or "zum"
//   ("Bundesstiftung zur Aufarbeitung der SED-Diktatur"), not after an
//   indefinite article ("ein Zentrum für Flüchtlinge");
// - a school's, museum's or plant's noun before a place or a word no
//   dictionary has ("Universität Gießen", "Medizinischen Hochschule
//   Hannover", "Realschule Spaichingen");
// - a capitalized adjective before an organisation ("Europäische Union").
void NamesOfInstitutions(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                         std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t h = 0; h + 1 < n; ++h) {
    if (t[h] != 0) continue;
    // The word after the noun first: it rules out most words cheaply.
    const std::string_view prep = folded[h + 1];
    const bool purpose = prep == "fuer" || prep == "zur" || prep == "zum";
    const bool place_after = IsBegin(t[h + 1]) && TagType(t[h + 1]) == kTypeLoc;
    const bool word_after = t[h + 1] == 0 && StartsUpper(words[h + 1]);
    if ((!purpose && !place_after && !word_after) || !StartsUpper(words[h])) continue;
    size_t end = h + 1;
    if (purpose && IsBodyNoun(folded[h]) && (prep == "fuer" || folded[h].ends_with("stiftung"))) {
      end = PurposeEnd(words, folded, t, h + 2);
      if (end == h + 2) continue;
    } else if (place_after && IsInstitutionNoun(folded[h])) {
      end = h + 2;
      while (end < n && IsInside(t[end]) && TagType(t[end]) == kTypeLoc) ++end;
    } else if (word_after && IsInstitutionNoun(folded[h]) && IsNoDictionaryWord(gazetteer, words[h + 1])) {
      // A word no dictionary has, no compound of a noun: a small town.
      end = h + 2;
    } else {
      continue;
    }
    size_t begin = h;
    if (begin > 0 && t[begin - 1] == 0 && IsNameAdjective(gazetteer, words, folded, begin - 1)) --begin;
    if (begin > 0 && IsIndefiniteArticle(folded[begin - 1])) continue;
    t[begin] = BeginTag(kTypeOrg);
    for (size_t k = begin + 1; k < end; ++k) t[k] = InsideTag(kTypeOrg);
    // A name the span cut into keeps its rest as a name of its own.
    if (end < n && IsInside(t[end])) t[end] = BeginTag(TagType(t[end]));
    h = end - 1;
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] != 0 || !IsBegin(t[i + 1]) || TagType(t[i + 1]) != kTypeOrg) continue;
    if (!IsNameAdjective(gazetteer, words, folded, i)) continue;
    if (i > 0 && IsIndefiniteArticle(folded[i - 1])) continue;
    t[i] = BeginTag(kTypeOrg);
    t[i + 1] = InsideTag(kTypeOrg);
  }
}

// "Kanton" is the city of Guangzhou in the place catalogs, and so the tagger
// often makes it a place; before a name ("im Kanton Zürich") or after an
// article ("des Kantons") it is the Swiss canton, a common noun (GermEval
// tags it O), and the name after it is a place of its own.
void CantonIsNoName(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  static const std::array<std::string_view, 9> kArticles = {"der", "des", "dem", "den", "die",
                                                            "im",  "vom", "zum", "beim"};
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != BeginTag(kTypeLoc) ||
        !(words[i] == "Kanton" || words[i] == "Kantons" || words[i] == "Kantone"))
      continue;
    const bool before_name = i + 1 < n && StartsUpper(words[i + 1]) && IsWordToken(words[i + 1]);
    const bool after_article =
        i > 0 && std::find(kArticles.begin(), kArticles.end(), words[i - 1]) != kArticles.end();
    if (!before_name && !after_article) continue;
    (*tags)[i] = 0;
    if (i + 1 < n && (*tags)[i + 1] == InsideTag(kTypeLoc)) (*tags)[i + 1] = BeginTag(kTypeLoc);
  }
}

// Quoted words:
// - a news medium or other organisation of our lists, quoted without its
//   article after a preposition or an article ("im „Spiegel“", "der „Zeit“"
//   for "Der Spiegel", "Die Zeit"), or as listed, is that name: the tagger
//   reads the word after a quotation mark as it would a sentence's first;
// - a single common noun that the tagger made a name, quoted after a word of
//   naming or comparison or an indefinite article ("als „Flickwerk“", "wie
//   „Nigger“", "ein „Tante-Emma-Laden“"), is a word quoted as a word, no name
//   (GermEval tags such words O); a noun of the dictionary as written, not a
//   given name nor a listed name. A definite article before it may name a
//   nickname ("dem « Kaiser »"), which stays.
void QuotedWords(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                 std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  static const std::array<std::string_view, 19> kNaming = {
      "als",   "wie",   "ein",   "eine",  "einen",  "einem",  "einer", "eines",  "kein",  "keine",
      "keinen", "keinem", "keiner", "wort", "begriff", "bezeichnung", "worte", "woerter", "begriffe"};
  std::array<std::string_view, 5> key;
  thread_local std::vector<uint8_t> bits;
  for (size_t i = 1; i + 1 < n; ++i) {
    if (ClassifyQuoteMark(words[i - 1]) == QuoteMark::kNone) continue;
    size_t close = i;
    while (close < n && close - i < 4 && ClassifyQuoteMark(words[close]) == QuoteMark::kNone) ++close;
    if (close >= n || close == i || ClassifyQuoteMark(words[close]) == QuoteMark::kNone) continue;
    const size_t len = close - i;
    const bool outside = std::all_of(tags->begin() + static_cast<std::ptrdiff_t>(i),
                                     tags->begin() + static_cast<std::ptrdiff_t>(close),
                                     [](uint8_t t) { return t == 0; });
    if (outside && StartsUpper(words[i])) {
      // The listed name as it stands, or without its article where an
      // article or a preposition with one stands before the quotation.
      static const std::array<std::string_view, 11> kBefore = {
          "der", "des", "dem", "den", "die", "im", "vom", "zum", "beim", "laut", "gegenueber"};
      const bool cut = i >= 2 && std::find(kBefore.begin(), kBefore.end(), folded[i - 2]) != kBefore.end();
      for (std::string_view article : {"", "der", "die", "das"}) {
        if (!article.empty() && !cut) break;
        size_t k = 0;
        if (!article.empty()) key[k++] = article;
        for (size_t w = i; w < close; ++w) key[k++] = folded[w];
        gazetteer.MatchPhrases(std::span<const std::string_view>(key.data(), k), &bits);
        const bool location = (bits[0] & kPhraseLocationBegin) != 0;
        if (!location && (bits[0] & kPhraseOrganizationBegin) == 0) continue;
        const uint8_t inside = location ? kPhraseLocationInside : kPhraseOrganizationInside;
        if (!std::all_of(bits.begin() + 1, bits.begin() + static_cast<std::ptrdiff_t>(k),
                         [inside](uint8_t b) { return (b & inside) != 0; }))
          continue;
        const int type = location ? kTypeLoc : kTypeOrg;
        (*tags)[i] = BeginTag(type);
        for (size_t w = i + 1; w < close; ++w) (*tags)[w] = InsideTag(type);
        break;
      }
      continue;
    }
    if (len != 1 || !IsBegin((*tags)[i]) || i < 2) continue;
    const std::string_view before = folded[i - 2];
    if (std::find(kNaming.begin(), kNaming.end(), before) == kNaming.end()) continue;
    if (gazetteer.DictionaryClassOf(words[i]) != DictionaryClass::kExact || gazetteer.IsFirstName(folded[i]) ||
        gazetteer.ListedStartAsWritten(words[i]) != 0)
      continue;
    (*tags)[i] = 0;
  }
}

// Abbreviations of common nouns, written in capitals like the acronyms of
// organisations: a device, a medium, a substance, a disease, an office,
// not an entity ("am PC", "per SMS", "die DNA", "der CEO").
bool IsCommonNounAcronym(std::string_view word) {
  static constexpr std::string_view kAcronyms[] = {
      "PC",  "TV",  "CD",  "DVD", "SMS",  "MMS", "GPS", "USB", "LED", "LCD",  "OLED", "DNA", "DNS",
      "RNA", "HIV", "AIDS", "BIP", "KMU", "PKW", "Pkw", "LKW", "Lkw", "WLAN", "PDF", "CEO",
      "CFO", "CTO", "KI",  "SUV", "VR",  "HD",  "UKW", "MP3", "PIN", "URL", "HTML", "CPU",
      "GPU", "RAM", "SSD", "UV",  "CO2"};
  for (std::string_view a : kAcronyms) {
    if (word == a) return true;
  }
  return false;
}

// "SR" before a family name is the referee ("Schiedsrichter") of a match
// report's line "Stadion, 10.000, SR Kolleger": the name after it is a
// person's, whatever the tagger called "SR Kolleger". Not where the word
// after it is a dictionary word ("SR Fernsehen", the broadcaster).
void RefereesArePeople(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                       std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint8_t t = (*tags)[i];
    if (words[i] != "SR" || !IsBegin(t) || (*tags)[i + 1] != InsideTag(TagType(t))) continue;
    if (!StartsUpper(words[i + 1]) || !IsNoDictionaryWord(gazetteer, words[i + 1])) continue;
    (*tags)[i] = 0;
    (*tags)[i + 1] = BeginTag(kTypePer);
    // The report's next line may follow without a stop ("SR Schörgenhofer
    // Tore: …"): the name ends before a dictionary word.
    bool name = true;
    for (size_t k = i + 2; k < n && (*tags)[k] == InsideTag(TagType(t)); ++k) {
      name = name && gazetteer.DictionaryClassOf(words[k]) == DictionaryClass::kUnknown;
      (*tags)[k] = name ? InsideTag(kTypePer) : 0;
    }
  }
}

// The pronouns of polite address, capitalized inside a sentence ("in Ihrem
// Glauben", "Wir danken Ihnen").
bool IsPolitePronoun(std::string_view word) {
  static constexpr std::string_view kPronouns[] = {"Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres"};
  return std::find(std::begin(kPronouns), std::end(kPronouns), word) != std::end(kPronouns);
}

// A name of one token that abbreviates a common noun (IsCommonNounAcronym)
// is no name: the tagger reads most words in capitals as organisations. Nor
// is a pronoun of polite address ("in Ihrem Glauben" read as a place).
void CommonNounAcronymsAreNoNames(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsBegin((*tags)[i]) || (i + 1 < n && IsInside((*tags)[i + 1]))) continue;
    if (IsCommonNounAcronym(words[i]) || IsPolitePronoun(words[i])) (*tags)[i] = 0;
  }
}

// A word in lower case with an adjective's ending ("pro-kurdischen",
// "oberösterreichische", "regierungskritischen"): letters and hyphens only,
// none of them a capital.
bool IsLowerCaseAdjective(std::string_view word) {
  if (word.size() < 3 || word.back() == '-') return false;
  // A lower-case letter first: ASCII, or of Latin-1 ("ä", "ö", "é": C3 A0 to C3 BF).
  const bool lower_first = (word[0] >= 'a' && word[0] <= 'z') ||
                           (static_cast<unsigned char>(word[0]) == 0xC3 &&
                            static_cast<unsigned char>(word[1]) >= 0xA0);
  if (!lower_first) return false;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || c == '.' || (u < 0x80 && !(c >= 'a' && c <= 'z') && c != '-')) {
      return false;
    }
  }
  for (std::string_view ending : {"e", "en", "er", "es", "em"}) {
    if (word.ends_with(ending)) return true;
  }
  return false;
}

// A name does not start with an adjective in lower case: "die
// islamisch-konservativen AKP" names "AKP", "der öffentlich-rechtlichen ORF"
// the "ORF". Nor, after such an adjective, with the common noun it
// describes: "im nordirakischen Dorf Sarkel" names "Sarkel". GermEval's
// names never start so; the tagger, on news text, takes the words in now
// and then.
void NamesDoNotStartWithAdjectives(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                   std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsBegin((*tags)[i]) || !IsInside((*tags)[i + 1]) || !StartsUpper(words[i + 1])) continue;
    if (IsNameParticle(folded[i], true) || !IsLowerCaseAdjective(words[i])) continue;
    const int type = TagType((*tags)[i]);
    (*tags)[i] = 0;
    size_t start = i + 1;
    if (start + 1 < n && IsInside((*tags)[start + 1]) && StartsUpper(words[start + 1]) &&
        IsCommonNoun(gazetteer, words[start], folded[start])) {
      (*tags)[start] = 0;
      ++start;
    }
    (*tags)[start] = BeginTag(type);
  }
}

// Whether `word` may be an acronym in parentheses after the name it
// abbreviates: 2 to 8 ASCII letters, the first a capital and at least two
// capitals in all ("BdB", "VKSt", "DVAG").
bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 8 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  int capitals = 0;
  for (char c : word) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (!upper && !(c >= 'a' && c <= 'z')) return false;
    capitals += upper;
  }
  return capitals >= 2;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The first word of the name that `acronym` abbreviates among the words that
// end at `end` (exclusive), or `end` when there is none: the acronym's letters,
// from its last, are found in the words going back, in order, and its first
// letter opens a word, as in Schwartz and Hearst's (2003) matching of
// abbreviations to their long forms ("Verkehrsbetriebe Hamburg-Holstein AG"
// for "VHH", "Bundesverband deutscher Banken" for "BdB"). With
// `initials_only`, letters match only where a capitalized word or its part
// after a hyphen begins ("Front de Libération de la Côte des Somalis" for
// "FLCS", where "la" would take the "L"). The name holds words only, at most
// min(letters + 5, 2 × letters) of them, and each of its capitalized words
// but the last gives the acronym a letter: "Podemos am Montag Verhandlungen
// mit der Sozialistischen Arbeiterpartei" is no name for "PSOE".
size_t LongFormBegin(std::span<const std::string_view> words, size_t end, std::string_view acronym,
                     bool initials_only) {
  const size_t limit = std::min(acronym.size() + 5, 2 * acronym.size());
  size_t letter = acronym.size();  // acronym[letter - 1] is sought next
  for (size_t j = end; j > 0 && end - j < limit;) {
    --j;
    const std::string_view w = words[j];
    if (!IsWordToken(w)) return end;
    const bool upper = StartsUpper(w);
    const size_t before = letter;
    for (size_t c = w.size(); c > 0 && letter > 0 && (upper || !initials_only);) {
      --c;
      const bool initial = c == 0 || w[c - 1] == '-';
      if (AsciiLower(w[c]) != AsciiLower(acronym[letter - 1])) continue;
      if ((letter == 1 && c != 0) || (initials_only && !initial)) continue;
      --letter;
    }
    if (letter == before && j + 1 < end && upper) return end;
    if (letter == 0) return j;
  }
  return end;
}

// A name that an acronym in parentheses after it abbreviates is one name of
// the acronym's type, an organisation or a place: "der Deutschen
// Vermögensberatung ( DVAG )", "Der Bundesverband deutscher Banken ( BdB )",
// which the tagger cut or left out though it read the acronym right. Only
// names of two words or more that start with a capital, not a person's name
// before a party's ("Wolfgang Schäuble ( CDU )"), and not where the name
// would cut one that starts before it.
void NamesBeforeTheirAcronyms(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 2; i + 2 < n; ++i) {
    if (words[i] != "(" || words[i + 2] != ")" || !IsBegin(t[i + 1]) || IsInside(t[i + 2])) continue;
    const int type = TagType(t[i + 1]);
    if ((type != kTypeOrg && type != kTypeLoc) || !IsAcronym(words[i + 1])) continue;
    size_t begin = LongFormBegin(words, i, words[i + 1], true);
    if (begin == i) begin = LongFormBegin(words, i, words[i + 1], false);
    if (i - begin < 2 || !StartsUpper(words[begin]) || IsInside(t[begin])) continue;
    // A person's name before a party's acronym, or a name the tagger read
    // whole as another kind of name ("Large Hadron Collider ( LHC )"), stays.
    bool other = false;
    for (size_t k = begin; k < i; ++k) {
      other = other || (IsBegin(t[k]) && (TagType(t[k]) == kTypePer || TagType(t[k]) == kTypeOth));
    }
    if (other) continue;
    t[begin] = BeginTag(type);
    for (size_t k = begin + 1; k < i; ++k) t[k] = InsideTag(type);
  }
}

// A newspaper by its name's last word: a name of two words or more that
// ends in "Presse", "Zeitung", "Rundschau", "Umschau", "Kurier",
// "Nachrichten", "Tagblatt", "Anzeiger" or a like noun, which the tagger
// read as a title (OTH: "der „Passauer Neuen Presse“", "der „Apotheken
// Umschau“"), is the organisation; so are a place's adjective in -er and
// such a noun that the tagger left out ("das Eichsfelder Tageblatt"), but
// not "Presse" there ("die Berliner Presse" is the city's press).
void NewspapersByTheirHead(std::span<const std::string_view> words, std::vector<uint8_t>* tags) {
  static constexpr std::string_view kHeads[] = {"Presse",    "Zeitung",   "Rundschau",  "Umschau",
                                                "Kurier",    "Nachrichten", "Tagblatt", "Tageblatt",
                                                "Anzeiger",  "Volksblatt", "Merkur",    "Bote"};
  auto is_head = [](std::string_view w) {
    return std::find(std::begin(kHeads), std::end(kHeads), w) != std::end(kHeads);
  };
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i] == BeginTag(kTypeOth)) {
      size_t end = i + 1;
      while (end < n && IsInside(t[end])) ++end;
      if (end - i >= 2 && is_head(words[end - 1])) {
        t[i] = BeginTag(kTypeOrg);
        for (size_t k = i + 1; k < end; ++k) t[k] = InsideTag(kTypeOrg);
      }
      i = end - 1;
      continue;
    }
    const std::string_view w = words[i];
    if (i == 0 || t[i] != 0 || t[i + 1] != 0 || w.size() < 5 || !StartsUpper(w) || !w.ends_with("er") ||
        words[i + 1] == "Presse" || !is_head(words[i + 1]) || CaseSaysNothingAfter(words[i - 1])) {
      continue;
    }
    t[i] = BeginTag(kTypeOrg);
    t[i + 1] = InsideTag(kTypeOrg);
  }
}

// Names in a list ("A , B und C") are of one kind: where most of three or
// more are of one type and one or two of another, those take the type of
// the most ("Pinnick , Tabor und Gaskill": "Tabor" had been a place;
// "Alfter , Swisttal und Wachtberg": "Alfter" a person). Only people,
// places and organisations; a tie changes nothing, and neither does a list
// where a name of another type is one of our lists: such a list is mixed
// ("Land Salzburg , Wiener Philharmoniker und ORF"). After "und" the list
// ends: "Mekka und Medina , Ahmed bin Mohammed" is an apposition.
void ListsOfNamesAreOfOneKind(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                              std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  struct Name {
    size_t begin, end;
    uint8_t type;
  };
  thread_local std::vector<Name> run;  // kept across sentences: no allocation per sentence
  run.clear();
  bool closed = false;  // joined by "und", "sowie" or "oder": no more names
  auto settle = [&] {
    if (run.size() >= 3) {
      std::array<int, kNumBaseTypes> count{};
      for (const Name& m : run) ++count[m.type];
      const auto best = static_cast<uint8_t>(std::max_element(count.begin(), count.end()) - count.begin());
      const int top = count[best];
      const bool mixed = std::any_of(run.begin(), run.end(), [&](const Name& m) {
        return m.type != best && (gazetteer.ListedStartAsWritten(words[m.begin]) != 0 ||
                                  gazetteer.IsListedPlace(folded.subspan(m.begin, m.end - m.begin)));
      });
      if (top >= 2 && std::count(count.begin(), count.end(), top) == 1 && !mixed) {
        for (const Name& m : run) {
          t[m.begin] = BeginTag(best);
          for (size_t k = m.begin + 1; k < m.end; ++k) t[k] = InsideTag(best);
        }
      }
    }
    run.clear();
    closed = false;
  };
  for (size_t i = 0; i < n; ++i) {
    if (!IsBegin(t[i])) continue;
    const uint8_t type = TagType(t[i]);
    size_t end = i + 1;
    while (end < n && IsInside(t[end])) ++end;
    if (type != kTypePer && type != kTypeLoc && type != kTypeOrg) {
      settle();
      i = end - 1;
      continue;
    }
    const bool adjacent = !run.empty() && run.back().end + 1 == i;
    const bool comma = adjacent && words[i - 1] == ",";
    const bool conjunction =
        adjacent && (folded[i - 1] == "und" || folded[i - 1] == "sowie" || folded[i - 1] == "oder");
    if ((!comma && !conjunction) || closed) settle();
    if (conjunction) closed = true;
    run.push_back({i, end, type});
    i = end - 1;
  }
  settle();
}

}  // namespace

bool IsWordToken(std::string_view t) {
  return !t.empty() && (static_cast<unsigned char>(t[0]) >= 0x80 ||
                        (t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z'));
}

// The particles of family names: "Ursula von der Leyen", "Alexander Van der
// Bellen", "Karl-Theodor zu Guttenberg". Not "der" first ("Alexander der
// Große" aside, "Maria der ..." is rarer than a clause), nor "zur" or "vom"
// ("Xi zur Generaldebatte").
bool IsNameParticle(std::string_view folded, bool first) {
  static constexpr std::string_view kOpening[] = {"von", "van", "zu", "de",  "di",
                                                  "da",  "del", "du", "ten", "ter"};
  static constexpr std::string_view kInner[] = {"der", "den", "la", "le"};
  for (std::string_view p : kOpening) {
    if (folded == p) return true;
  }
  if (first) return false;
  for (std::string_view p : kInner) {
    if (folded == p) return true;
  }
  return false;
}

// The first part of two compounds that share their head ("Alkohol- und
// Drogenmissbrauch", "Bundes- oder Landesregierung") is no name of its own
// when the compound it stands for is none: the word after "und" is no name.
// "Nord- und Südkorea" stays ("Südkorea" is one).
void TruncatedCompoundsAreNoNames(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                                  std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  std::vector<uint8_t>& t = *tags;
  const size_t n = words.size();
  for (size_t i = 0; i + 3 < n; ++i) {
    if (!IsBegin(t[i]) || IsInside(t[i + 1]) || words[i + 1] != "-") continue;
    if (words[i + 2] != "und" && words[i + 2] != "oder" && words[i + 2] != "bis") continue;
    if (t[i + 3] != 0 || !StartsUpper(words[i + 3])) continue;
    // A name it names all the same: an acronym ("EU- und Nicht-EU-Staaten",
    // "FPÖ- und BZÖ-Konten") or a listed place or organisation.
    if (IsAllCaps(words[i]) || IsPlaceWord(gazetteer, words[i], folded[i]) ||
        (gazetteer.PhraseStartOf(words[i], folded[i]) & kPhraseOrganizationBegin) != 0)
      continue;
    t[i] = 0;
  }
}

void FixNameTags(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                 std::span<const std::string_view> folded, std::vector<uint8_t>* tags) {
  NamesDoNotStartWithAdjectives(gazetteer, words, folded, tags);
  JoinParticleNames(gazetteer, words, folded, tags);
  ListedFamilyNamesWithParticles(gazetteer, words, folded, tags);
  NameEndsBeforeItsParticle(words, folded, tags);
  RoleAndGivenNameMakeAPerson(gazetteer, words, folded, tags);
  DropRolesAndTitles(gazetteer, words, folded, tags);
  SportsRolesOpenNoNames(words, folded, tags);
  NamesEndAtAGenitive(gazetteer, words, folded, tags);
  NoMonthAfterADay(words, folded, tags);
  GenitivesOfPlaces(gazetteer, words, folded, tags);
  ListedPlacesAreNoPeople(gazetteer, folded, tags);
  SpeakersAndNamesAfterRolesArePeople(gazetteer, words, folded, tags);
  NamesOfSeveralWordsAfterRolesArePeople(gazetteer, words, folded, tags);
  PersonsAreNotInAPlace(words, folded, tags);
  RolesAloneAreNoNames(gazetteer, words, folded, tags);
  PlacesNearOrTowards(gazetteer, words, folded, tags);
  ListedNamesTheTaggerMissed(gazetteer, words, folded, tags);
  ListedNamesAreWhole(gazetteer, words, folded, tags);
  PlaceAdjectiveAndPlaceNoun(words, tags);
  PlaceAdjectiveAndBodyNoun(words, folded, tags);
  PlaceNamesDoNotStartWithTheirKind(words, folded, tags);
  PlacesListedAfterTheirKind(gazetteer, words, folded, tags);
  PlacesOfAWay(gazetteer, words, folded, tags);
  StreetNamesArePlaces(gazetteer, words, folded, tags);
  NamedFeaturesArePlaces(gazetteer, words, tags);
  PlacesWithACompassPoint(gazetteer, words, folded, tags);
  CompassPointsAreNoPlaces(words, folded, tags);
  PluralCompoundsAreNoPlaces(gazetteer, words, folded, tags);
  CompoundNounsAreNoPlaces(gazetteer, words, folded, tags);
  DictionaryNounsAreNoPlaces(gazetteer, words, folded, tags);
  PlacesWithTheirPartAfterAHyphen(gazetteer, words, folded, tags);
  CommonNounBeforeAPlacesGenitive(gazetteer, words, folded, tags);
  CompoundsOfWordsAreNoNames(gazetteer, words, tags);
  PlacesEndBeforeACommonNoun(gazetteer, words, folded, tags);
  PlaceNamesWithTheirAdjective(gazetteer, words, tags);
  PlaceNamesAfterPrepositions(gazetteer, words, folded, tags);
  EnglishOrganizationsAreNoPeople(words, tags);
  ClubNamesEndInTheirYear(words, tags);
  RoadsByTheirNumbers(words, folded, tags);
  EnglishPlaceNames(words, tags);
  PlaceNamesAfterTheirKindAbroad(gazetteer, words, tags);
  TeamsByTheirPlace(gazetteer, words, folded, tags);
  EnglishInstitutionsByTheirHead(gazetteer, words, tags);
  GivenNamesAlone(gazetteer, words, folded, tags);
  NamesOfMediaAndOrganizations(gazetteer, words, folded, tags);
  NamesOfInstitutions(gazetteer, words, folded, tags);
  QuotedWords(gazetteer, words, folded, tags);
  CantonIsNoName(words, tags);
  CommonNounAcronymsAreNoNames(words, tags);
  RefereesArePeople(gazetteer, words, tags);
  NamesBeforeTheirAcronyms(words, tags);
  TruncatedCompoundsAreNoNames(gazetteer, words, folded, tags);
  NewspapersByTheirHead(words, tags);
  ListsOfNamesAreOfOneKind(gazetteer, words, folded, tags);
}

}  // namespace storyline::extract
