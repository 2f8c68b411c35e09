// The words of an article as the rule-based extractors (quotes, figures,
// dates) see them: tokens with their folded form, capitalization, sentence
// and paragraph. Built once per article and shared by the extractors
// (internal to the extract stage).
#ifndef STORYLINE_EXTRACT_WORD_VIEW_H_
#define STORYLINE_EXTRACT_WORD_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text.h"

namespace storyline::extract {

struct Word {
  uint32_t begin = 0;  // byte offsets into WordView::text
  uint32_t end = 0;
  uint32_t folded_begin = 0;  // into WordView::folded
  uint32_t folded_end = 0;
  text::TokenKind kind = text::TokenKind::kWord;
  bool cap = false;       // starts with an upper-case letter (Latin scripts), or is a noun after digits ("45-Jährige")
  // Opens its sentence, and the word list knows it in lower case only, not
  // as a declined adjective: an adverb or adjective that fills the Vorfeld
  // ("Dagegen sagte die Polizei", "Relativierend fügt Gall hinzu"), no name.
  // Set by EntityRecognizer::MarkSentenceAdverbs.
  bool sentence_adverb = false;
  int sentence = 0;       // index into WordView::sentences
  int paragraph = 0;
};

struct WordView {
  std::string_view text;
  std::string lang;
  // English ("en", "en-GB"): subject before the verb, nouns in lower case,
  // "billion" 10^9.
  bool english = false;
  std::vector<Word> words;
  std::string folded;  // text::Fold of every word, back to back; punctuation as is
  // Per sentence: [first word, end word).
  std::vector<std::pair<int, int>> sentences;

  int size() const { return static_cast<int>(words.size()); }
  std::string_view Raw(int i) const { return text.substr(words[i].begin, words[i].end - words[i].begin); }
  std::string_view Folded(int i) const {
    return std::string_view(folded).substr(words[i].folded_begin,
                                           words[i].folded_end - words[i].folded_begin);
  }
  bool IsWord(int i) const { return words[i].kind == text::TokenKind::kWord; }
  bool IsPunct(int i, std::string_view p) const {
    return words[i].kind == text::TokenKind::kPunct && Raw(i) == p;
  }
  // The word index of the first word beginning at or after byte `offset`.
  int WordAt(uint32_t offset) const;
};

// `text` must outlive the view.
WordView BuildWordView(std::string_view text, std::string_view lang);

// A word with no lower-case ASCII letter and at least two upper-case ones
// ("CDU", "UNO", "ÖVP"): an acronym.
bool IsAllCaps(std::string_view word);

// Whether `p` (one punctuation token) is a quotation mark, and which.
enum class QuoteMark : uint8_t {
  kNone,
  kLowDouble,    // „
  kLeftDouble,   // “
  kRightDouble,  // ”
  kStraightDouble,  // "
  kLeftGuillemet,   // «
  kRightGuillemet,  // »
  kLowSingle,    // ‚
  kLeftSingle,   // ‘
  kRightSingle,  // ’
  kStraightSingle,  // '
  kLeftAngle,    // ‹
  kRightAngle,   // ›
};
QuoteMark ClassifyQuoteMark(std::string_view p);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_WORD_VIEW_H_
