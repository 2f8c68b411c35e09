// CleanText and Normalize: one pass over the code points, then NFC.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

#include "storyline/text.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::AppendUtf8;
using internal::DecodeUtf8;

enum class Action : uint8_t { kKeep, kSpace, kNewline, kDrop };

Action ActionFor(char32_t c) {
  if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) return Action::kNewline;
  // TAB is a space like the others: it separates words and nothing more.
  if (c == ' ' || c == '\t' || c == 0x0B || c == 0x0C) return Action::kSpace;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return Action::kDrop;
  if (c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
      c == 0x205F || c == 0x3000) {
    return Action::kSpace;
  }
  if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
      c == 0x180E || (c >= 0x2061 && c <= 0x2064)) {
    return Action::kDrop;
  }
  return Action::kKeep;
}

// The ASCII replacement of a typographic quote, dash or ellipsis; empty when
// the character is kept.
std::string_view Replacement(char32_t c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
    case 0x00AB: case 0x00BB:                            // « »
    case 0x2E42: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
      return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ‘ ’ ‚ ‛
    case 0x2039: case 0x203A:                            // ‹ ›
    case 0x00B4: case 0xFF07:  // ´ stands in for the apostrophe in much German web text
      return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    default:
      return {};
  }
}

// Code points that are NFC quick-check "yes" and never combine with a
// neighbour: below U+0300, General Punctuation (U+2000 and U+2001, which are
// not, are spaces and replaced before), currency signs. Text made only of
// these and ASCII is NFC without asking ICU.
bool IsNfcSafe(char32_t c) {
  return c < 0x300 || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF);
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

std::string CleanImpl(std::string_view in, bool normalize) {
  std::string out;
  out.reserve(in.size());
  bool space_pending = false;
  bool newline_pending = false;
  bool line_empty = true;
  bool needs_nfc_check = false;

  // Emits what is pending before a visible character.
  auto before_content = [&] {
    if (newline_pending) {
      out.push_back('\n');
      newline_pending = false;
    } else if (space_pending && !line_empty) {
      out.push_back(' ');
    }
    space_pending = false;
    line_empty = false;
  };

  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const auto b = static_cast<unsigned char>(in[i]);
    const bool two_byte_letter = b >= 0xC3 && b < 0xE0 && i + 1 < n &&
                                 (static_cast<unsigned char>(in[i + 1]) & 0xC0) == 0x80;
    if ((b > 0x20 && b < 0x7F) || two_byte_letter) {
      // Copy a run of visible ASCII, single spaces and two-byte letters
      // (U+00C0-U+07FF: Latin, Greek, Cyrillic, ... nothing to drop or map,
      // all NFC quick-check "yes" below U+0300) at once.
      before_content();
      size_t j = i;
      while (j < n) {
        const auto bj = static_cast<unsigned char>(in[j]);
        if (bj > 0x20 && bj < 0x7F) {
          ++j;
        } else if (bj == ' ' && j + 1 < n && static_cast<unsigned char>(in[j + 1]) > 0x20 &&
                   static_cast<unsigned char>(in[j + 1]) < 0x7F) {
          j += 2;
        } else if (bj >= 0xC3 && bj < 0xE0 && j + 1 < n &&
                   (static_cast<unsigned char>(in[j + 1]) & 0xC0) == 0x80) {
          if (bj >= 0xCC) needs_nfc_check = true;  // U+0300 and up
          j += 2;
        } else {
          break;
        }
      }
      out.append(in.data() + i, j - i);
      i = j;
      continue;
    }
    if (b == ' ') {
      space_pending = true;
      ++i;
      continue;
    }
    int len = 1;
    char32_t c = DecodeUtf8(in, i, &len);
    i += static_cast<size_t>(len);
    if (c == '\r' && i < n && in[i] == '\n') ++i;
    switch (ActionFor(c)) {
      case Action::kNewline:
        space_pending = false;
        if (!out.empty()) newline_pending = true;
        line_empty = true;
        break;
      case Action::kSpace:
        space_pending = true;
        break;
      case Action::kDrop:
        break;
      case Action::kKeep: {
        before_content();
        std::string_view r = normalize ? Replacement(c) : std::string_view();
        if (!r.empty()) {
          out.append(r);
        } else {
          if (!IsNfcSafe(c)) needs_nfc_check = true;
          AppendUtf8(c, &out);
        }
        break;
      }
    }
  }

  // Cleaning first, NFC second: removing a soft hyphen or a zero-width
  // character between a letter and a combining mark can un-normalize text.
  if (!needs_nfc_check) return out;
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return out;
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(icu::StringPiece(out.data(), static_cast<int32_t>(out.size())), status) ||
      U_FAILURE(status)) {
    return out;
  }
  std::string normalized;
  normalized.reserve(out.size());
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, icu::StringPiece(out.data(), static_cast<int32_t>(out.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status)) return out;
  return normalized;
}

}  // namespace

std::string CleanText(std::string_view utf8) { return CleanImpl(utf8, /*normalize=*/false); }

std::string Normalize(std::string_view utf8) { return CleanImpl(utf8, /*normalize=*/true); }

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    size_t b = start;
    size_t e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (e > b) out.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    start = end + 1;
  }
  return out;
}

}  // namespace storyline::text
