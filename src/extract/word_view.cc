#include "extract/word_view.h"

#include <algorithm>

namespace storyline::extract {
namespace {

// Upper case for the scripts German and English news use: ASCII and the
// Latin-1 capitals (Ä, Ö, Ü, É, ...). Other scripts count as lower case,
// which only makes the name heuristics more cautious.
bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  const auto b0 = static_cast<unsigned char>(w[0]);
  if (b0 >= 'A' && b0 <= 'Z') return true;
  if (b0 == 0xC3 && w.size() > 1) {
    const auto b1 = static_cast<unsigned char>(w[1]);
    return b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97;
  }
  return false;
}

// A noun whose compound opens with digits: "45-Jährige", "5G-Netz",
// "100-Meter-Lauf" (not "19-jährige").
bool DigitsThenCapital(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0) return false;
  while (i < w.size() && w[i] != '-') ++i;
  return i + 1 < w.size() && StartsUpper(w.substr(i + 1));
}

}  // namespace

int WordView::WordAt(uint32_t offset) const {
  auto it = std::lower_bound(words.begin(), words.end(), offset,
                             [](const Word& w, uint32_t o) { return w.begin < o; });
  return static_cast<int>(it - words.begin());
}

WordView BuildWordView(std::string_view text, std::string_view lang) {
  WordView v;
  v.text = text;
  v.lang = std::string(lang);
  v.english = lang.substr(0, lang.find('-')) == "en";
  std::vector<text::Token> tokens;
  text::Tokenize(text, &tokens);
  std::vector<text::Span> sentences;
  text::SplitSentences(text, lang, &sentences);
  v.words.reserve(tokens.size());
  const text::Folder folder(lang);
  v.folded.reserve(text.size() + text.size() / 8);
  size_t s = 0;
  int paragraph = 0;
  uint32_t last_end = 0;
  for (const text::Token& t : tokens) {
    Word w;
    w.begin = t.begin;
    w.end = t.end;
    w.kind = t.kind;
    for (uint32_t k = last_end; k < t.begin; ++k) {
      if (text[k] == '\n') {
        ++paragraph;
        break;
      }
    }
    last_end = t.end;
    w.paragraph = paragraph;
    while (s + 1 < sentences.size() && sentences[s].end <= t.begin) ++s;
    w.sentence = static_cast<int>(s);
    const std::string_view raw = text.substr(t.begin, t.end - t.begin);
    w.folded_begin = static_cast<uint32_t>(v.folded.size());
    if (t.kind == text::TokenKind::kWord) {
      w.cap = StartsUpper(raw) || DigitsThenCapital(raw);
      folder.To(raw, &v.folded);
    } else {
      v.folded.append(raw);
    }
    w.folded_end = static_cast<uint32_t>(v.folded.size());
    v.words.push_back(w);
  }
  // Sentence word ranges; a sentence without words gets an empty range.
  v.sentences.assign(std::max<size_t>(sentences.size(), 1), {0, 0});
  for (int i = 0; i < v.size(); ++i) {
    auto& r = v.sentences[v.words[i].sentence];
    if (r.first == r.second) r.first = i;
    r.second = i + 1;
  }
  return v;
}

bool IsAllCaps(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

QuoteMark ClassifyQuoteMark(std::string_view p) {
  if (p == "\"") return QuoteMark::kStraightDouble;
  if (p == "'") return QuoteMark::kStraightSingle;
  if (p == "\xE2\x80\x9E") return QuoteMark::kLowDouble;
  if (p == "\xE2\x80\x9C") return QuoteMark::kLeftDouble;
  if (p == "\xE2\x80\x9D") return QuoteMark::kRightDouble;
  if (p == "\xC2\xAB") return QuoteMark::kLeftGuillemet;
  if (p == "\xC2\xBB") return QuoteMark::kRightGuillemet;
  if (p == "\xE2\x80\x9A") return QuoteMark::kLowSingle;
  if (p == "\xE2\x80\x98") return QuoteMark::kLeftSingle;
  if (p == "\xE2\x80\x99") return QuoteMark::kRightSingle;
  if (p == "\xE2\x80\xB9") return QuoteMark::kLeftAngle;
  if (p == "\xE2\x80\xBA") return QuoteMark::kRightAngle;
  return QuoteMark::kNone;
}

}  // namespace storyline::extract
