// Sentence splitting, one line at a time. A boundary is a run of . ! ? or …,
// then closing quotes and brackets (kept in the sentence), then a space, then
// something that does not continue a sentence (a lower-case letter or , ; :
// does). A single '.' is not a boundary after an abbreviation, an initial, an
// acronym, an ordinal or a leading dateline.
#include <array>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storyline/text.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::CharClass;
using internal::Classify;
using internal::DecodeUtf8;
using internal::IsLower;
using internal::IsUpper;

using WordSet = std::unordered_set<std::string_view>;

// Abbreviations that do not end a sentence even before a capital letter
// (German nouns are capitalized: "ca. Tausend", "Dr. Müller"). Those that
// often end one ("usw.", "etc.", "Inc.") are deliberately missing.
const WordSet& Abbreviations() {
  static const WordSet set = {
      // German
      "Abg", "Abs", "Art", "Bd", "Bhf", "bspw", "bzgl", "bzw", "ca", "Chr", "Dipl", "Dr", "ebd",
      "evtl", "exkl", "Fa", "Fr", "Frl", "geb", "gem", "Gen", "gest", "ggf", "Hr", "Hrn",
      "Hrsg", "Ing", "inkl", "Jh", "Jhd", "Jhs", "Kap", "lt", "Mag", "max", "Mill", "Min", "Mio",
      "Mrd", "Nr", "Prof", "rd", "Sek", "sog", "St", "Std", "Str", "Tel", "Tsd", "Univ", "usf",
      "verh", "vgl", "Ziff", "zit", "zzgl",
      // months
      "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Oct", "Nov", "Dez",
      "Dec",
      // English
      "Adm", "al", "approx", "Capt", "cf", "Cmdr", "Col", "Co", "Dept", "Fig", "Ft", "Gov",
      "Jr", "Lt", "Maj", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Pres", "Rep", "Rev", "Sen",
      "Sgt", "Sr", "vs", "Vol",
      // Romance languages
      "Av", "Avda", "Mme", "Mlle", "Sra", "Srta", "Dña", "pp", "Sig", "Dott"};
  return set;
}

// Words that take an ordinal number before them ("der 3. Platz", "zum 2. Mal").
const WordSet& OrdinalNouns() {
  static const WordSet set = {
      "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August",
      "September", "Oktober", "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul",
      "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
      "Platz", "Mal", "Rang", "Stelle", "Jahrhundert", "Jahrhunderts", "Jahrtausend",
      "Geburtstag", "Todestag", "Jahrestag", "Jubiläum", "Stock", "Stockwerk", "Etage", "Runde",
      "Spieltag", "Minute", "Klasse", "Liga", "Bundesliga", "Wahlperiode",
      "Legislaturperiode", "Sitzung", "Tag", "Woche", "Monat", "Quartal", "Halbjahr",
      "Semester", "Auflage", "Kapitel", "Lesung", "Parteitag", "Weltkrieg", "Weltkriegs",
      "Amendment", "FC", "Advent", "Adventssonntag", "Etappe", "Satz", "Halbzeit", "Instanz"};
  return set;
}

// Words before a number that make it an ordinal ("der 3. Versuch", "im 2.
// Anlauf"): articles, possessives and contracted prepositions.
const WordSet& OrdinalLeads() {
  static const WordSet set = {
      "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim", "ins",
      "ans", "seit", "ab", "bis", "jeder", "jede", "jedes", "jeden", "sein", "seine", "seinem",
      "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "unser", "unsere",
      "unserem", "unseren"};
  return set;
}

// Words that make a one-word "dateline" a sentence of its own ("Nein. Das ...").
const WordSet& NotDatelines() {
  static const WordSet set = {
      "Ja", "Nein", "Danke", "Bitte", "Stimmt", "Genau", "Richtig", "Falsch", "Okay", "OK",
      "Ok", "Egal", "Klar", "Gut", "Doch", "Nie", "Niemals", "Immer", "Schade", "Achtung",
      "Hallo", "Ende", "Punkt", "Aus", "Schluss", "Vorbei", "Yes", "No", "Thanks", "Right",
      "Sure", "Never", "Exactly", "Wow", "Oh", "Ach", "Na", "Nun", "Also", "Sicher", "Tja",
      "Prima", "Super", "Toll", "Das", "Der", "Die", "Es", "Er", "Sie", "Wir", "Ich", "Du",
      "The", "It", "We", "He", "She", "They", "This", "That", "Ein", "Eins", "Zwei", "Drei",
      "Vier", "Fünf", "Sechs", "Sieben", "Acht", "Neun", "Zehn", "Elf", "Zwölf", "Hundert",
      "Tausend", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"};
  return set;
}

// Bytes that can begin a terminator: . ! ? and the lead byte of "…".
constexpr std::array<bool, 256> kMayTerminate = [] {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t[0xE2] = true;
  return t;
}();

bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsCloser(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00BB: case 0x00AB: case 0x203A: case 0x2039:
      return true;
    default:
      return false;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x201E: case 0x201C: case 0x201A: case 0x2018:
    case 0x00BB: case 0x00AB: case 0x203A: case 0x2039:
      return true;
    default:
      return false;
  }
}

bool IsLetterClass(CharClass k) {
  return k == CharClass::kLetter || k == CharClass::kMark || k == CharClass::kIgnore;
}

// The word that ends at `end` (exclusive), without leading quotes and brackets.
std::string_view WordBefore(std::string_view text, size_t line_begin, size_t end) {
  size_t b = end;
  while (b > line_begin && !IsLineSpace(text[b - 1])) --b;
  while (b < end) {
    int len = 1;
    char32_t c = DecodeUtf8(text, b, &len);
    if (!IsOpener(c)) break;
    b += static_cast<size_t>(len);
  }
  return text.substr(b, end - b);
}

// The letters starting at `pos`.
std::string_view WordAt(std::string_view text, size_t pos, size_t end) {
  size_t e = pos;
  while (e < end) {
    int len = 1;
    char32_t c = DecodeUtf8(text, e, &len);
    if (!IsLetterClass(Classify(c))) break;
    e += static_cast<size_t>(len);
  }
  return text.substr(pos, e - pos);
}

bool AllDigits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!internal::IsAsciiDigit(c)) return false;
  }
  return true;
}

// "U.S", "z.B", "i.d.R", "Ph.D": dot-separated pieces of one or two letters.
bool IsDottedAbbreviation(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t piece = 0;
  size_t i = 0;
  while (i <= w.size()) {
    if (i == w.size() || w[i] == '.') {
      if (piece == 0 || piece > 2) return false;
      piece = 0;
      ++i;
      continue;
    }
    int len = 1;
    char32_t c = DecodeUtf8(w, i, &len);
    if (Classify(c) != CharClass::kLetter) return false;
    ++piece;
    i += static_cast<size_t>(len);
  }
  return true;
}

size_t CodePoints(std::string_view w) {
  size_t n = 0;
  for (char c : w) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// True when the '.' that ends `word` does not end the sentence; `prev` is the
// word before it, `next` the word after.
bool DotContinues(std::string_view prev, std::string_view word, std::string_view next) {
  if (word.empty()) return false;
  if (Abbreviations().count(word) != 0) return true;
  if (internal::IsAsciiUpper(word[0])) {
    // Sentence-initial "Ca.", "Vgl.".
    char lowered[16];
    if (word.size() < sizeof lowered) {
      for (size_t i = 0; i < word.size(); ++i) lowered[i] = word[i];
      lowered[0] = static_cast<char>(lowered[0] + 32);
      if (Abbreviations().count(std::string_view(lowered, word.size())) != 0) return true;
    }
  }
  if (CodePoints(word) == 1) {
    int len = 1;
    if (Classify(DecodeUtf8(word, 0, &len)) == CharClass::kLetter) return true;  // an initial
  }
  if (IsDottedAbbreviation(word)) return true;
  // Ordinals are short numbers before a month or an ordinal-taking noun; a
  // four-digit year ends a sentence ("im Fiskaljahr 2016. Die ...").
  if (AllDigits(word) && word.size() <= 3) {
    return OrdinalNouns().count(next) != 0 || OrdinalLeads().count(prev) != 0;
  }
  return false;
}

// Lower-case words inside a place name ("Frankfurt am Main", "Rio de Janeiro").
bool IsPlaceParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"am", "an", "der", "de", "del", "da",
                                                    "do", "dos", "la", "le", "im", "ob"};
  for (std::string_view p : kParticles) {
    if (p == w) return true;
  }
  return false;
}

// German inflected adjectives end so ("Gute Nachrichten.", "Erster Satz."); the
// first words of place names rarely do ("New York", "Bad Homburg").
bool LooksInflected(std::string_view folded) {
  for (std::string_view end : {"e", "er", "es", "en", "em"}) {
    if (folded.size() > end.size() && folded.substr(folded.size() - end.size()) == end) {
      return true;
    }
  }
  return false;
}

// End of a leading dateline ("Mexiko-Stadt/Berlin.", "Mexiko-Stadt.") just
// after its '.', or `begin` when the line has none: 1-3 capitalized words,
// possibly joined by '/' or '-', then '.', a space and a capital letter.
size_t DatelineEnd(std::string_view text, size_t begin, size_t end, std::string_view lang) {
  size_t p = begin;
  int groups = 0;      // capitalized space-separated parts
  int particles = 0;
  bool inflected_before_last = false;
  bool last_inflected = false;
  while (true) {
    if (p >= end) return begin;
    int len = 1;
    const char32_t first = DecodeUtf8(text, p, &len);
    if (!IsUpper(first)) {
      // A particle between two capitalized parts.
      const std::string_view word = WordAt(text, p, end);
      if (groups == 0 || particles == 2 || !IsPlaceParticle(word)) return begin;
      ++particles;
      p += word.size();
      if (p >= end || text[p] != ' ') return begin;
      ++p;
      continue;
    }
    // One group: capitalized words joined by '/' or '-'.
    if (last_inflected) inflected_before_last = true;
    last_inflected = false;
    while (true) {
      if (p >= end) return begin;
      const char32_t c = DecodeUtf8(text, p, &len);
      if (!IsUpper(c)) return begin;
      const std::string_view word = WordAt(text, p, end);
      p += word.size();
      if (NotDatelines().count(word) != 0) return begin;
      const std::string folded = Fold(word, lang);
      if (IsStopWord(folded, lang) || IsStopWord(folded, "de") || IsStopWord(folded, "en")) {
        return begin;
      }
      last_inflected = LooksInflected(folded);
      if (p + 1 < end && (text[p] == '/' || text[p] == '-')) {
        ++p;
        continue;
      }
      break;
    }
    ++groups;
    if (p >= end) return begin;
    if (text[p] == '.') break;
    if (text[p] != ' ' || groups == 3) return begin;
    ++p;
  }
  if (inflected_before_last) return begin;
  // '.', a space, then the first sentence begins with a capital or a quote.
  size_t q = p + 1;
  if (q >= end || text[q] != ' ') return begin;
  while (q < end && IsLineSpace(text[q])) ++q;
  if (q >= end) return begin;
  int len = 1;
  const char32_t c = DecodeUtf8(text, q, &len);
  if (!IsUpper(c) && !IsOpener(c)) return begin;
  return p + 1;
}

void PushTrimmed(std::string_view text, size_t b, size_t e, std::vector<Span>* out) {
  while (b < e && IsLineSpace(text[b])) ++b;
  while (e > b && IsLineSpace(text[e - 1])) --e;
  if (e > b) out->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

void SplitLine(std::string_view text, size_t begin, size_t end, std::string_view lang,
               std::vector<Span>* out) {
  while (begin < end && IsLineSpace(text[begin])) ++begin;
  while (end > begin && IsLineSpace(text[end - 1])) --end;
  if (begin == end) return;

  size_t start = begin;
  size_t i = DatelineEnd(text, begin, end, lang);
  while (i < end) {
    while (i < end && !kMayTerminate[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= end) break;
    const char b = text[i];
    bool terminator = b == '.' || b == '!' || b == '?';
    int len = 1;
    if (!terminator && static_cast<unsigned char>(b) >= 0x80) {
      terminator = DecodeUtf8(text, i, &len) == 0x2026;  // …
    }
    if (!terminator) {
      ++i;
      continue;
    }
    const size_t term_begin = i;
    bool single_dot = true;
    size_t dots = 0;
    // The whole run of terminators: "?!", "...", "…".
    while (i < end) {
      const char t = text[i];
      if (t == '.' || t == '!' || t == '?') {
        if (t != '.') single_dot = false;
        ++dots;
        ++i;
        continue;
      }
      if (static_cast<unsigned char>(t) == 0xE2 && DecodeUtf8(text, i, &len) == 0x2026) {
        single_dot = false;
        i += static_cast<size_t>(len);
        continue;
      }
      break;
    }
    if (dots > 1) single_dot = false;
    // Closing quotes and brackets stay with the sentence they close.
    size_t j = i;
    while (j < end) {
      char32_t c = DecodeUtf8(text, j, &len);
      if (!IsCloser(c)) break;
      j += static_cast<size_t>(len);
    }
    if (j < end && !IsLineSpace(text[j])) {
      // "1.000", "z.B.", "www.x.de", "geben", sagte": no space after, no boundary.
      i = j;
      continue;
    }
    size_t k = j;
    while (k < end && IsLineSpace(text[k])) ++k;
    if (k < end) {
      char32_t next = DecodeUtf8(text, k, &len);
      if (IsLower(next) || next == ',' || next == ';' || next == ':') {
        i = k;
        continue;
      }
      if (single_dot && j == i) {
        const std::string_view word = WordBefore(text, begin, term_begin);
        const size_t word_begin = static_cast<size_t>(word.data() - text.data());
        size_t prev_end = word_begin;
        while (prev_end > begin && IsLineSpace(text[prev_end - 1])) --prev_end;
        const std::string_view prev =
            prev_end < word_begin ? WordBefore(text, begin, prev_end) : std::string_view();
        if (DotContinues(prev, word, WordAt(text, k, end))) {
          i = k;
          continue;
        }
      }
    }
    // An ellipsis for omitted text, "[…]" or "(...)", is not a boundary.
    if (term_begin > begin && (text[term_begin - 1] == '[' || text[term_begin - 1] == '(')) {
      i = j;
      continue;
    }
    PushTrimmed(text, start, j, out);
    start = k;
    i = k;
  }
  PushTrimmed(text, start, end, out);
}

}  // namespace

void SplitSentences(std::string_view text, std::string_view lang, std::vector<Span>* out) {
  size_t line = 0;
  while (line <= text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    SplitLine(text, line, end, lang, out);
    line = end + 1;
  }
}

std::vector<Span> SplitSentences(std::string_view text, std::string_view lang) {
  std::vector<Span> out;
  SplitSentences(text, lang, &out);
  return out;
}

}  // namespace storyline::text
