#include "text/utf8.h"

#include <unicode/uchar.h>

namespace storyline::text::internal {

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CharClass::kSpace;
    if (c < 0x20 || c == 0x7F) return CharClass::kIgnore;
    return CharClass::kOther;
  }
  if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) {
    return CharClass::kIgnore;
  }
  const auto uc = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(uc)) return CharClass::kSpace;
  const uint32_t mask = U_GET_GC_MASK(uc);
  if (mask & (U_GC_L_MASK | U_GC_ND_MASK)) return CharClass::kLetter;
  if (mask & U_GC_M_MASK) return CharClass::kMark;
  if (mask & U_GC_CC_MASK) return CharClass::kIgnore;
  return CharClass::kOther;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

}  // namespace storyline::text::internal
