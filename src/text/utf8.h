// Internal helpers of the text stage: UTF-8 decoding and the character
// classes the tokenizer and sentence splitter agree on.
#ifndef STORYLINE_TEXT_UTF8_H_
#define STORYLINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace storyline::text::internal {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i]. Invalid or truncated sequences decode as
// U+FFFD with *len == 1, so callers always make progress.
inline char32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  const size_t n = s.size();
  auto cont = [&](size_t k) {
    return k < n && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  auto at = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k]) & 0x3F); };
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(i + 1)) {
    *len = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | at(i + 1);
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(i + 1) && cont(i + 2)) {
    char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (at(i + 1) << 6) | at(i + 2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *len = 3;
      return c;
    }
  } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
    char32_t c = (static_cast<char32_t>(b0 & 0x07) << 18) | (at(i + 1) << 12) |
                 (at(i + 2) << 6) | at(i + 3);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      *len = 4;
      return c;
    }
  }
  *len = 1;
  return kReplacement;
}

inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

enum class CharClass : uint8_t {
  kSpace,   // white space, line breaks
  kIgnore,  // soft hyphen, zero-width characters: invisible, glue a word together
  kLetter,  // letters and non-ASCII digits
  kMark,    // combining marks
  kDigit,   // ASCII digits
  kOther,   // punctuation and symbols
};

CharClass Classify(char32_t c);

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Upper case / title case letter (ICU), lower case letter.
bool IsUpper(char32_t c);
bool IsLower(char32_t c);

}  // namespace storyline::text::internal

#endif  // STORYLINE_TEXT_UTF8_H_
