// Tokenize and ParseNumber.
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::CharClass;
using internal::Classify;
using internal::DecodeUtf8;
using internal::IsAsciiDigit;

constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> t{};
  for (char32_t c = 0; c < 128; ++c) {
    if (c >= '0' && c <= '9') {
      t[c] = CharClass::kDigit;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = CharClass::kLetter;
    } else if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      t[c] = CharClass::kSpace;
    } else if (c < 0x20 || c == 0x7F) {
      t[c] = CharClass::kIgnore;
    } else {
      t[c] = CharClass::kOther;
    }
  }
  return t;
}();

inline CharClass ClassAt(std::string_view s, size_t i, int* len, char32_t* cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    *cp = b;
    return kAsciiClass[b];
  }
  *cp = DecodeUtf8(s, i, len);
  return Classify(*cp);
}

inline bool IsWordChar(CharClass k) {
  return k == CharClass::kLetter || k == CharClass::kMark || k == CharClass::kDigit ||
         k == CharClass::kIgnore;
}

inline bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// A digit-group separator at s[i] followed by a digit: '.', ',', '\'' or ’
// (Swiss "410'000", "410’000"). Returns its length, 0 when there is none.
inline size_t GroupSeparatorAt(std::string_view s, size_t i) {
  size_t len = 0;
  if (i < s.size() && (s[i] == '.' || s[i] == ',' || s[i] == '\'')) {
    len = 1;
  } else if (s.substr(i, 3) == "\xE2\x80\x99") {
    len = 3;
  }
  if (len == 0 || i + len >= s.size() || !IsAsciiDigit(s[i + len])) return 0;
  return len;
}

size_t ScanNumber(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i < n && IsAsciiDigit(s[i])) ++i;
  while (size_t sep = GroupSeparatorAt(s, i)) {
    i += sep;
    while (i < n && IsAsciiDigit(s[i])) ++i;
  }
  return i;
}

constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = kAsciiClass[c] == CharClass::kLetter || kAsciiClass[c] == CharClass::kDigit;
  }
  return t;
}();

// True when s[begin, end) holds a letter, not only digits.
bool HasLetter(std::string_view s, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (!IsAsciiDigit(s[i]) && s[i] != '-' && s[i] != '.' && s[i] != ',' && s[i] != '\'') {
      return true;
    }
  }
  return false;
}

// Extends the word that began at `begin` from `i`: letters, marks, digits,
// invisible joiners, and a hyphen or apostrophe between two word characters.
size_t ScanWord(std::string_view s, size_t begin, size_t i) {
  const size_t n = s.size();
  while (i < n) {
    // ASCII letters and digits, the bulk of most words.
    while (i < n && kAsciiAlnum[static_cast<unsigned char>(s[i])]) ++i;
    if (i >= n) break;
    int len = 1;
    char32_t c = 0;
    const CharClass k = ClassAt(s, i, &len, &c);
    if (IsWordChar(k)) {
      i += static_cast<size_t>(len);
      continue;
    }
    const bool hyphen = IsHyphen(c);
    if ((hyphen || IsApostrophe(c)) && i + static_cast<size_t>(len) < n) {
      int next_len = 1;
      char32_t next = 0;
      const CharClass nk = ClassAt(s, i + static_cast<size_t>(len), &next_len, &next);
      // "US-Außenminister", "In-und", "G-20", "don't"; but "2-3" is two numbers.
      if (nk == CharClass::kLetter ||
          (hyphen && nk == CharClass::kDigit && HasLetter(s, begin, i))) {
        i += static_cast<size_t>(len);
        continue;
      }
    }
    break;
  }
  return i;
}

// "U.S.", "z.B.", "I.B.M.": single letters each followed by '.', at least two.
size_t ScanAcronym(std::string_view s, size_t i) {
  size_t pos = i;
  int pieces = 0;
  while (pos < s.size()) {
    int len = 1;
    char32_t c = 0;
    if (ClassAt(s, pos, &len, &c) != CharClass::kLetter) break;
    const size_t dot = pos + static_cast<size_t>(len);
    if (dot >= s.size() || s[dot] != '.') break;
    ++pieces;
    pos = dot + 1;
  }
  if (pieces < 2) return i;
  // The last piece must not run on into a longer word ("z.Bsp").
  return pos;
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  const size_t n = text.size();
  size_t i = 0;
  auto push = [out](size_t b, size_t e, TokenKind kind) {
    out->push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind});
  };
  while (i < n) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    int len = 1;
    char32_t c = 0;
    const CharClass k = ClassAt(text, i, &len, &c);
    switch (k) {
      case CharClass::kSpace:
      case CharClass::kIgnore:
        i += static_cast<size_t>(len);
        break;
      case CharClass::kOther:
        push(i, i + static_cast<size_t>(len), TokenKind::kPunct);
        i += static_cast<size_t>(len);
        break;
      case CharClass::kDigit: {
        const size_t end = ScanNumber(text, i);
        const size_t word_end = ScanWord(text, i, end);
        // "2016er", "3D", "21-jährige" are words; "2016", "5,8" numbers.
        bool is_word = false;
        for (size_t p = end; p < word_end; ++p) {
          if (!IsAsciiDigit(text[p])) {
            is_word = true;
            break;
          }
        }
        if (is_word) {
          push(i, word_end, TokenKind::kWord);
          i = word_end;
        } else {
          push(i, end, TokenKind::kNumber);
          i = end;
        }
        break;
      }
      case CharClass::kLetter:
      case CharClass::kMark: {
        size_t end = ScanAcronym(text, i);
        if (end > i) {
          // "U.S.-Präsident" goes on as one word.
          int hl = 1;
          char32_t h = 0;
          if (end < n && ClassAt(text, end, &hl, &h) == CharClass::kOther && IsHyphen(h)) {
            const size_t after = ScanWord(text, i, end);
            if (after > end + static_cast<size_t>(hl)) end = after;
          }
        } else {
          end = ScanWord(text, i, i);
        }
        push(i, end, TokenKind::kWord);
        i = end;
        break;
      }
    }
  }
}

namespace {

bool UsesDecimalPoint(std::string_view lang) {
  static constexpr std::string_view kLangs[] = {"en", "ga", "he", "hi", "ja", "ko",
                                                "ms", "th", "tl", "zh"};
  for (std::string_view l : kLangs) {
    if (l == lang) return true;
  }
  return false;
}

}  // namespace

std::optional<double> ParseNumber(std::string_view token, std::string_view lang) {
  bool negative = false;
  if (!token.empty() && (token[0] == '-' || token[0] == '+')) {
    negative = token[0] == '-';
    token.remove_prefix(1);
  } else if (token.substr(0, 3) == "\xE2\x88\x92") {  // − U+2212
    negative = true;
    token.remove_prefix(3);
  }
  if (token.empty() || !IsAsciiDigit(token[0]) || !IsAsciiDigit(token.back())) {
    return std::nullopt;
  }

  // Separators, normalized: ’ counts as '\''.
  int dots = 0;
  int commas = 0;
  int apostrophes = 0;
  char last_sep = 0;
  size_t last_sep_pos = 0;
  size_t digits_after_last = 0;
  for (size_t i = 0; i < token.size();) {
    const char c = token[i];
    if (IsAsciiDigit(c)) {
      ++digits_after_last;
      ++i;
      continue;
    }
    size_t len = 1;
    char sep = c;
    if (token.substr(i, 3) == "\xE2\x80\x99") {
      len = 3;
      sep = '\'';
    } else if (c != '.' && c != ',' && c != '\'') {
      return std::nullopt;
    }
    if (!IsAsciiDigit(token[i + len])) return std::nullopt;  // "1..2", "1,'2"
    if (sep == '.') ++dots;
    if (sep == ',') ++commas;
    if (sep == '\'') ++apostrophes;
    last_sep = sep;
    last_sep_pos = i;
    digits_after_last = 0;
    i += len;
  }

  // Which separator, if any, is the decimal one.
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    // "1.000,5" and "1,000.5": the last, appearing once, is decimal.
    if (last_sep == '\'' || (last_sep == '.' ? dots : commas) != 1) return std::nullopt;
    decimal = last_sep;
  } else if (dots + commas == 1) {
    const char sep = dots == 1 ? '.' : ',';
    const bool lang_decimal_point = UsesDecimalPoint(lang);
    const char lang_decimal = lang.empty() ? 0 : (lang_decimal_point ? '.' : ',');
    if (last_sep != sep) {
      return std::nullopt;  // "1.5'000"
    } else if (apostrophes > 0 || sep == lang_decimal || digits_after_last != 3) {
      // Swiss "410'000.50"; the language's own decimal mark; "3.5" read as
      // decimal whatever the language, as a group would have three digits.
      decimal = sep;
    }
  }

  // Groups before the decimal mark: the first has one to three digits, every
  // later one exactly three ("1.000.000", "410'000"; not "10.00").
  char buf[128];
  size_t out = 0;
  size_t group = 0;
  bool first_group = true;
  bool in_fraction = false;
  for (size_t i = 0; i < token.size();) {
    const char c = token[i];
    if (IsAsciiDigit(c)) {
      if (out + 2 >= sizeof buf) return std::nullopt;
      buf[out++] = c;
      ++group;
      ++i;
      continue;
    }
    const size_t len = token.substr(i, 3) == "\xE2\x80\x99" ? 3 : 1;
    const bool is_decimal = decimal != 0 && i == last_sep_pos;
    const bool any_grouping = !(is_decimal && first_group);
    if (any_grouping && (first_group ? group > 3 : group != 3)) return std::nullopt;
    if (is_decimal) {
      buf[out++] = '.';
      in_fraction = true;
    }
    first_group = false;
    group = 0;
    i += len;
  }
  if (!in_fraction && !first_group && group != 3) return std::nullopt;

  double value = 0;
  const auto [ptr, ec] = std::from_chars(buf, buf + out, value);
  if (ec != std::errc() || ptr != buf + out) return std::nullopt;
  return negative ? -value : value;
}

}  // namespace storyline::text
