#include "compare/story_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace storyline::compare {
namespace {

bool IsSentenceEnd(std::string_view s) {
  // Trailing closing quotes and brackets do not end a heading; look past them.
  size_t n = s.size();
  while (n > 0) {
    const unsigned char c = static_cast<unsigned char>(s[n - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      --n;
      continue;
    }
    // “ ” „ « » ‹ › ’ ‘ are three- or two-byte sequences ending in these bytes.
    if (n >= 3 && static_cast<unsigned char>(s[n - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[n - 2]) == 0x80) {
      n -= 3;
      continue;
    }
    if (n >= 2 && static_cast<unsigned char>(s[n - 2]) == 0xC2 && (c == 0xAB || c == 0xBB)) {
      n -= 2;
      continue;
    }
    break;
  }
  if (n == 0) return false;
  const char c = s[n - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

// A heading has at most this many words; longer unpunctuated lines are text
// whose final stop was lost.
constexpr int kMaxHeadingWords = 12;

}  // namespace

void UmlautKey(std::string_view stem, std::string* out) {
  out->clear();
  for (size_t i = 0; i < stem.size(); ++i) {
    const char c = stem[i];
    out->push_back(c);
    // Only inside a word ("ueber", "oel" keep theirs) and not in "eue"
    // ("teuer"), where 'u' belongs to the diphthong "eu".
    const bool vowel = c == 'a' || c == 'o' || c == 'u';
    if (vowel && i > 0 && stem[i - 1] != 'e' && i + 1 < stem.size() && stem[i + 1] == 'e') ++i;
  }
}

int StemIndex::Intern(std::string_view stem) {
  auto it = ids_.find(std::string(stem));
  if (it != ids_.end()) return it->second;
  const int id = static_cast<int>(names_.size());
  names_.emplace_back(stem);
  ids_.emplace(std::string(stem), id);
  return id;
}

StemSet StemIndex::Stems(std::string_view text, std::string_view lang) {
  StemSet out;
  const std::vector<text::Term>& terms = analyzers_.For(lang).Analyze(text);
  for (const text::Term& t : terms) {
    if (t.stop) continue;
    if (t.kind == text::TokenKind::kWord && CodePoints(t.folded) < 2) continue;
    UmlautKey(t.stem, &scratch_);
    out.push_back(Intern(scratch_));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<StemIndex::TermRef> StemIndex::Terms(std::string_view text, std::string_view lang) {
  std::vector<TermRef> out;
  for (const text::Term& t : analyzers_.For(lang).Analyze(text)) {
    TermRef r;
    r.begin = t.span.begin;
    r.end = t.span.end;
    r.number = t.kind == text::TokenKind::kNumber;
    if (!t.stop && (r.number || CodePoints(t.folded) >= 2)) {
      UmlautKey(t.stem, &scratch_);
      r.stem = Intern(scratch_);
    }
    out.push_back(r);
  }
  return out;
}

int StemIndex::StemOfWord(std::string_view word, std::string_view lang) {
  text::Analyzer& analyzer = analyzers_.For(lang);
  const std::string folded = text::Fold(word, lang);
  UmlautKey(analyzer.Stem(folded), &scratch_);
  return Intern(scratch_);
}

int SharedCount(const StemSet& a, const StemSet& b) {
  int n = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

double OverlapCoefficient(int shared, size_t a, size_t b) {
  const size_t m = std::min(a, b);
  return m == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(m);
}

double SetCosine(int shared, size_t a, size_t b) {
  if (a == 0 || b == 0) return 0.0;
  return static_cast<double>(shared) / std::sqrt(static_cast<double>(a) * static_cast<double>(b));
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

namespace {

// Double quotation marks in `s`: „ “ ” « » and ".
int DoubleQuoteMarks(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      ++n;
    } else if (s.compare(i, 3, "\u201E") == 0 || s.compare(i, 3, "\u201C") == 0 ||
               s.compare(i, 3, "\u201D") == 0) {
      ++n;
      i += 2;
    } else if (s.compare(i, 2, "\u00AB") == 0 || s.compare(i, 2, "\u00BB") == 0) {
      ++n;
      i += 1;
    }
  }
  return n;
}

// A quotation of several sentences („Wir gehen kein Risiko ein. Die
// Sicherheit hat Vorrang“, sagte Albers) is one sentence for the briefing: a
// sentence cut from its quotation mark reads as a fragment. Joins spans while
// the marks seen are odd, at most kMaxJoined in one.
void JoinQuotedSentences(std::string_view paragraph, std::vector<text::Span>* spans) {
  constexpr int kMaxJoined = 4;
  std::vector<text::Span> out;
  int marks = 0, joined = 0;
  for (const text::Span& s : *spans) {
    if (!out.empty() && marks % 2 == 1 && joined < kMaxJoined) {
      out.back().end = s.end;
      ++joined;
    } else {
      out.push_back(s);
      marks = 0;
      joined = 1;
    }
    marks += DoubleQuoteMarks(s.In(paragraph));
  }
  spans->swap(out);
}

// Bytes of an upper-case letter at the start of `s` (A-Z, Ä, Ö, Ü), or 0.
size_t UpperAt(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] >= 'A' && s[0] <= 'Z') return 1;
  if (s.size() >= 2 && s[0] == '\xC3' && (s[1] == '\x84' || s[1] == '\x96' || s[1] == '\x9C')) return 2;
  return 0;
}

// The length of a dateline opening an article's first sentence, or 0:
// "Koblenz. ", "Mexiko-Stadt/Berlin. ", "Bad Homburg. ", "Berlin (dpa) - ":
// one to three capitalized place words (joined by '/' or a space), then a
// full stop or a bracketed agency and a dash, then the sentence's capital.
size_t DatelineLength(std::string_view s) {
  size_t i = 0;
  for (int words = 1;; ++words) {
    const size_t cap = UpperAt(s.substr(i));
    if (cap == 0) return 0;
    const size_t word_begin = i;
    i += cap;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) >= 0x80 ||
                            std::isalpha(static_cast<unsigned char>(s[i])) != 0 || s[i] == '-')) {
      ++i;
    }
    const std::string_view word = s.substr(word_begin, i - word_begin);
    if (word.size() < 3 || word == "Prof") return 0;  // "Dr. Martin Vogt sagte"
    if (i < s.size() && words < 3 && (s[i] == '/' || s[i] == ' ') && UpperAt(s.substr(i + 1)) > 0) {
      ++i;
      continue;
    }
    break;
  }
  size_t end = 0;
  if (s.substr(i).starts_with(". ")) {
    end = i + 2;
  } else if (s.substr(i).starts_with(" (")) {
    const size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 24) return 0;
    size_t j = close + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
      if (s.substr(j).starts_with(dash)) end = j + dash.size();
    }
    if (end == 0) return 0;
    while (end < s.size() && s[end] == ' ') ++end;
  } else {
    return 0;
  }
  return UpperAt(s.substr(end)) > 0 ? end : 0;
}

}  // namespace

std::vector<Sentence> SplitStory(std::string_view text, std::string_view lang, int article,
                                 StemIndex& stems) {
  std::vector<Sentence> out;
  std::vector<text::Span> spans;
  for (const text::Span& para : text::SplitParagraphs(text)) {
    spans.clear();
    const std::string_view ptext = para.In(text);
    text::SplitSentences(ptext, lang, &spans);
    JoinQuotedSentences(ptext, &spans);
    bool heading = false;
    if (spans.size() == 1 && !IsSentenceEnd(ptext)) {
      std::vector<text::Token> tokens;
      text::Tokenize(ptext, &tokens);
      int words = 0;
      for (const text::Token& t : tokens) words += t.kind != text::TokenKind::kPunct;
      heading = words <= kMaxHeadingWords;
    }
    for (const text::Span& s : spans) {
      Sentence sentence;
      sentence.article = article;
      sentence.index = static_cast<int>(out.size());
      sentence.begin = para.begin + s.begin;
      // "Koblenz. Die Stadt …": the dateline is no part of the statement.
      if (out.empty()) {
        sentence.begin += static_cast<uint32_t>(DatelineLength(ptext.substr(s.begin, s.end - s.begin)));
      }
      sentence.end = para.begin + s.end;
      sentence.furniture = heading;
      sentence.stems = stems.Stems(text.substr(sentence.begin, sentence.end - sentence.begin), lang);
      out.push_back(std::move(sentence));
    }
  }
  return out;
}

}  // namespace storyline::compare
