#include <fmt/format.h>
#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace internal {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a web page is markup.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view s) {
  size_t controls = 0;
  size_t i = 0;
  while (i < s.size()) {
    // Skips eight bytes at a time when none is below 0x20 or is 0x7F
    // (the bit trick flags bytes less than a constant): pages are long.
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      const uint64_t low = (w - kOnes * 0x20) & ~w & kHigh;
      const uint64_t x = w ^ (kOnes * 0x7F);
      const uint64_t del = (x - kOnes) & ~x & kHigh;
      if ((low | del) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++controls;
  }
  return controls * 10 > s.size();
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  std::string out;
  // Every byte of a single-byte charset becomes at most 3 UTF-8 bytes; ICU
  // reports a larger need through U_BUFFER_OVERFLOW_ERROR.
  out.resize(bytes.size() * 3 + 16);
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode error = U_ZERO_ERROR;
    const int32_t n =
        ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<size_t>(n) + 16);
      continue;
    }
    if (U_FAILURE(error)) {
      return Status::Unsupported(
          fmt::format("cannot convert from {} ({})", charset, u_errorName(error)));
    }
    out.resize(static_cast<size_t>(n));
    return out;
  }
  return Status::Internal(fmt::format("conversion from {} did not fit its buffer", charset));
}

// Mostly-UTF-8 text with a few stray bytes (a Latin-1 "ß" pasted into a
// UTF-8 file) keeps its good part: each bad byte becomes U+FFFD.
std::string RepairUtf8(std::string_view bytes, size_t* replaced) {
  std::string out;
  out.reserve(bytes.size() + 16);
  *replaced = 0;
  while (!bytes.empty()) {
    const size_t bad = FindInvalidUtf8(bytes);
    if (bad == std::string_view::npos) {
      out.append(bytes);
      break;
    }
    out.append(bytes.substr(0, bad)).append("\xEF\xBF\xBD");
    ++*replaced;
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace internal

namespace {

struct UchardetDeleter {
  void operator()(uchardet_t ud) const { uchardet_delete(ud); }
};

// uchardet's name for the encoding, or "" when it cannot tell.
std::string DetectEncoding(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetDeleter> ud(uchardet_new());
  if (!ud) return "";
  if (uchardet_handle_data(ud.get(), bytes.data(), bytes.size()) != 0) return "";
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name == nullptr ? "" : name;
}


}  // namespace

Result<std::string> ToUtf8(std::string_view bytes, std::string* converted_from) {
  if (converted_from != nullptr) converted_from->clear();
  if (bytes.size() > static_cast<size_t>(INT32_MAX) / 4) {
    return Status::InvalidArgument("too large to convert");
  }
  // UTF-16 is full of NUL bytes, so its byte order mark must be seen first.
  std::string charset;
  if (bytes.starts_with("\xFF\xFE")) {
    charset = "UTF-16LE";
  } else if (bytes.starts_with("\xFE\xFF")) {
    charset = "UTF-16BE";
  }
  if (!charset.empty()) {
    bytes.remove_prefix(2);
  } else {
    if (internal::LooksBinary(bytes)) {
      return Status::InvalidArgument("binary data (NUL or control bytes), not text");
    }
    const size_t bad = internal::FindInvalidUtf8(bytes);
    if (bad == std::string_view::npos) return std::string(bytes);
    charset = DetectEncoding(bytes);
    if (charset == "UTF-8") {
      size_t replaced = 0;
      std::string repaired = internal::RepairUtf8(bytes, &replaced);
      if (converted_from != nullptr) {
        *converted_from =
            fmt::format("UTF-8 with {} invalid byte{} replaced by U+FFFD (first at byte {})",
                        replaced, replaced == 1 ? "" : "s", bad + 1);
      }
      return repaired;
    }
    if (charset.empty() || charset == "ASCII") {
      return Status::InvalidArgument(
          fmt::format("invalid UTF-8 at byte {} and the encoding could not be detected", bad + 1));
    }
  }
  Result<std::string> out = internal::ConvertToUtf8(bytes, charset);
  if (out.ok() && converted_from != nullptr) *converted_from = charset;
  return out;
}

}  // namespace storyline::ingest
