// The text pipeline: pure functions from UTF-8 text to clean text, sentences,
// tokens, folded terms, stems and a language. No I/O, no global state that a
// caller can observe; free functions are thread-safe. `Analyzer` owns a
// Snowball stemmer and scratch buffers and is for one thread at a time.
//
// Offsets are byte offsets into the string the function was given.
#ifndef STORYLINE_TEXT_H_
#define STORYLINE_TEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive
  uint32_t size() const { return end - begin; }
  std::string_view In(std::string_view s) const { return s.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

// --- Cleaning and normalization -------------------------------------------

// The form articles are stored in: NFC; CRLF/CR → LF; BOM, zero-width
// characters, soft hyphens (U+00AD) and C0/C1 controls other than LF and TAB
// removed; NBSP and other spaces → ' '; runs of spaces collapsed; lines
// trimmed; runs of blank lines → one "\n" between paragraphs. Typographic
// quotes are kept (they are part of what the outlet wrote). Input must be
// valid UTF-8.
std::string CleanText(std::string_view utf8);

// The form text is compared in: CleanText, then typographic quotes („“”«»‹›
// ‚‘’ and kin) → '"' or '\'', dashes (‐‑‒–—―−) → '-', ellipsis → "...".
// Case is kept.
std::string Normalize(std::string_view utf8);

// The matching key of one word: Unicode case folding, ß/ẞ → "ss",
// ä/ö/ü → "ae"/"oe"/"ue" (so Müller = Mueller and Außenminister =
// Aussenminister = AUSSENMINISTER), other diacritics removed (Peña = Pena).
// `lang` is an ISO 639-1 code or empty. Appends to *out.
void FoldTo(std::string_view word, std::string_view lang, std::string* out);
std::string Fold(std::string_view word, std::string_view lang = "");

// FoldTo for the many words of one language, with the language's decisions
// made once.
class Folder {
 public:
  explicit Folder(std::string_view lang);
  void To(std::string_view word, std::string* out) const;  // as FoldTo

 private:
  bool strip_;
  bool turkic_;
};

// --- Segmentation ------------------------------------------------------------

// Paragraphs of CleanText output: the non-empty lines.
std::vector<Span> SplitParagraphs(std::string_view text);

// Sentences, in order, trimmed of surrounding spaces, never crossing a line
// break. Survives abbreviations ("z. B.", "Dr.", "Nr.", "U.S."), initials,
// ordinals ("am 20. Januar", "der 3. Platz") and a leading dateline
// ("Mexiko-Stadt/Berlin. Der ..." stays one sentence). Appends to *out.
void SplitSentences(std::string_view text, std::string_view lang, std::vector<Span>* out);
std::vector<Span> SplitSentences(std::string_view text, std::string_view lang = "");

// --- Tokens ------------------------------------------------------------------

enum class TokenKind : uint8_t {
  kWord,    // letters, digits inside words, inner hyphens and apostrophes ("US-Außenminister", "don't")
  kNumber,  // kept whole: "5,8", "410'000", "1.000", "3.5", "1,000,000", "2016"
  kPunct,   // one punctuation or symbol character
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  friend bool operator==(const Token&, const Token&) = default;
};

// Splits text into tokens (whitespace dropped). Appends to *out; allocates
// only when *out grows.
void Tokenize(std::string_view text, std::vector<Token>* out);

// The value of a number token in the notation of `lang`: "5,8" (de) → 5.8,
// "410'000" → 410000, "1.000" (de) → 1000, "1,000" (en) → 1000, "3.5" (en)
// → 3.5. nullopt for anything that is not a number.
std::optional<double> ParseNumber(std::string_view token, std::string_view lang);

// True for the stop words of `lang` (given folded, see Fold).
bool IsStopWord(std::string_view folded, std::string_view lang);

// --- Analysis: tokens → terms --------------------------------------------------

struct Term {
  Span span;              // of the token in the analysed text
  TokenKind kind = TokenKind::kWord;
  bool stop = false;      // a stop word of the language
  bool capitalized = false;  // first letter upper case in the text (a name hint)
  std::string_view folded;   // Fold(token); numbers in canonical form ("410000", "5.8")
  std::string_view stem;     // Snowball stem of `folded` (== folded for numbers)
  uint64_t hash = 0;         // XXH3-64 of `folded`: equal forms, equal hashes
};

// Turns text into terms. Owns a Snowball stemmer for its language (falls back
// to no stemming for languages Snowball lacks) and buffers; the string_views
// in the terms stay valid until the next call. Not thread-safe: one per thread.
//
// Stages that read the same text share one analysis: the caller analyzes an
// article's text once and hands the terms to dedup::ComputeFingerprint and
// cluster::Clusterer::Add, instead of each tokenizing and folding it again.
class Analyzer {
 public:
  explicit Analyzer(std::string_view lang);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const std::string& language() const;
  // Words and numbers of `text` (punctuation dropped) as terms, in order.
  const std::vector<Term>& Analyze(std::string_view text);
  // The stem of one folded word (cached).
  std::string_view Stem(std::string_view folded);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One Analyzer per language, made on first use: for a stream of articles in
// several languages. Not thread-safe.
class Analyzers {
 public:
  Analyzers();
  ~Analyzers();
  Analyzers(const Analyzers&) = delete;
  Analyzers& operator=(const Analyzers&) = delete;

  Analyzer& For(std::string_view lang);

 private:
  std::vector<std::unique_ptr<Analyzer>> analyzers_;  // few: searched in order
};

// --- Language identification ---------------------------------------------------

struct LanguageGuess {
  std::string code;   // ISO 639-1 ("de"), empty when unknown
  int percent = 0;    // share of the text in that language
  bool reliable = false;
};

// Identifies the main language of UTF-8 text (CLD2). At least de, en, es, fr,
// pt, it, nl, ru, and all CLD2 knows.
LanguageGuess IdentifyLanguage(std::string_view text);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_H_
