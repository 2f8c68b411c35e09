// ParseHtmlArticle: bytes → UTF-8 → tree (html_dom.cc) → metadata and body;
// plus reading (and gunzipping) .html files.
#include <libdeflate.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace html {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsTagNameChar(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':'; }

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Finds `needle` (lowercase) in `s` ignoring ASCII case, from `from`.
size_t FindIgnoreCase(std::string_view s, std::string_view needle, size_t from) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (StartsWithIgnoreCase(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// WHATWG encoding labels that ICU names differently or that browsers map to a
// superset (latin1 → windows-1252).
std::string CanonicalCharset(std::string label) {
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "utf-8";
  if (label == "iso-8859-1" || label == "latin1" || label == "iso8859-1" || label == "us-ascii" ||
      label == "ascii" || label == "l1" || label == "cp1252" || label == "windows-1252" ||
      label == "iso_8859-1") {
    return "windows-1252";
  }
  if (label == "iso-8859-9" || label == "latin5") return "windows-1254";
  if (label == "gb2312" || label == "gbk") return "gb18030";
  return label;
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string SniffMetaCharset(std::string_view head) {
  size_t i = 0;
  while ((i = FindIgnoreCase(head, "<meta", i)) != std::string_view::npos) {
    const size_t end = head.find('>', i);
    if (end == std::string_view::npos) break;
    const std::string tag = AsciiLower(head.substr(i, end - i));
    i = end;
    size_t at = tag.find("charset");
    if (at == std::string::npos) continue;
    at += 7;
    while (at < tag.size() && (IsAsciiSpace(tag[at]) || tag[at] == '=')) ++at;
    while (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) ++at;
    size_t stop = at;
    while (stop < tag.size() && (IsTagNameChar(tag[stop]) || tag[stop] == '_' || tag[stop] == '.')) {
      ++stop;
    }
    if (stop > at) return tag.substr(at, stop - at);
  }
  return "";
}

Result<std::string_view> DecodeHtml(std::string_view bytes, std::string* storage,
                                    std::string* charset, std::vector<std::string>* notes) {
  auto stored = [&](Result<std::string> converted) -> Result<std::string_view> {
    if (!converted.ok()) return converted.status();
    *storage = std::move(converted).value();
    return std::string_view(*storage);
  };
  if (bytes.starts_with(internal::kUtf8Bom)) {
    bytes.remove_prefix(internal::kUtf8Bom.size());
    *charset = "UTF-8";
    if (internal::FindInvalidUtf8(bytes) == std::string_view::npos) return bytes;
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    *charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    return stored(ToUtf8(bytes, nullptr));
  }
  std::string declared = CanonicalCharset(SniffMetaCharset(bytes.substr(0, 4096)));
  if (declared == "utf-16" || declared == "utf-16le" || declared == "utf-16be") {
    declared = "utf-8";  // the meta tag was readable as ASCII, so it is not UTF-16
  }
  const bool valid_utf8 = internal::FindInvalidUtf8(bytes) == std::string_view::npos;
  if (!declared.empty() && declared != "utf-8") {
    // A page declaring a legacy charset whose bytes are nevertheless valid
    // non-ASCII UTF-8 was re-encoded without updating the tag.
    bool has_high = false;
    for (const char c : bytes) has_high |= static_cast<unsigned char>(c) >= 0x80;
    if (!(valid_utf8 && has_high)) {
      UErrorCode error = U_ZERO_ERROR;
      UConverter* probe = ucnv_open(declared.c_str(), &error);
      if (probe != nullptr) ucnv_close(probe);
      if (U_SUCCESS(error)) {
        Result<std::string> out = internal::ConvertToUtf8(bytes, declared);
        if (out.ok()) {
          *charset = declared;
          return stored(std::move(out));
        }
      }
      notes->push_back(fmt::format("unknown charset '{}' in <meta>; detecting", declared));
    }
  }
  if (valid_utf8) {
    if (charset->empty()) *charset = "UTF-8";
    return bytes;
  }
  std::string from;
  Result<std::string> out = ToUtf8(bytes, &from);
  if (out.ok()) {
    *charset = from;
    notes->push_back(declared == "utf-8"
                         ? fmt::format("declared UTF-8 but read as {}", from)
                         : fmt::format("converted from {}", from));
  }
  return stored(std::move(out));
}

}  // namespace html

namespace {

// True when the bytes contain something that looks like a tag near the start.
bool HasMarkup(std::string_view text) {
  const std::string_view head = text.substr(0, 65536);
  for (size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
    if (i + 1 < head.size() &&
        (head[i + 1] == '!' || head[i + 1] == '/' || (head[i + 1] >= 'a' && head[i + 1] <= 'z') ||
         (head[i + 1] >= 'A' && head[i + 1] <= 'Z'))) {
      return true;
    }
  }
  return false;
}

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return std::string(url);
}

}  // namespace

Result<HtmlDocument> ParseHtmlArticle(std::string_view bytes, std::string_view url_hint,
                                      std::string_view file, std::vector<Diagnostic>* warnings) {
  auto error = [&](StatusCode code, std::string_view what) {
    return Status(code, fmt::format("{}: {}", file, what));
  };
  auto warn = [&](std::string message) {
    if (warnings != nullptr) {
      warnings->push_back(Diagnostic{Severity::kWarning, std::string(file), 0, std::move(message)});
    }
  };
  if (bytes.size() > kMaxHtmlBytes) {
    return error(StatusCode::kInvalidArgument,
                 fmt::format("page of {} bytes is larger than the limit of {} MiB", bytes.size(),
                             kMaxHtmlBytes >> 20));
  }
  if (bytes.empty()) return error(StatusCode::kInvalidArgument, "empty file");
  std::string without_nul;
  if (!bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF") &&
      internal::LooksBinary(bytes.substr(0, 1 << 16))) {
    // A page that opens with markup may carry a few stray NUL bytes (a
    // broken template, padding after an image tag); HTML parsers drop them.
    // Many, or other control bytes, mean binary data.
    const size_t nuls = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
    const size_t start = bytes.find_first_not_of(" \t\r\n");
    const bool markup = start != std::string_view::npos && bytes[start] == '<';
    if (markup && nuls * 1000 < bytes.size()) {
      without_nul.reserve(bytes.size() - nuls);
      for (char c : bytes) {
        if (c != '\0') without_nul.push_back(c);
      }
    }
    if (without_nul.empty() || internal::LooksBinary(std::string_view(without_nul).substr(0, 1 << 16))) {
      return error(StatusCode::kInvalidArgument, "binary data (NUL or control bytes), not HTML");
    }
    warn(fmt::format("{} NUL bytes dropped", nuls));
    bytes = without_nul;
  }
  HtmlDocument doc;
  std::vector<std::string> notes;
  std::string converted;
  Result<std::string_view> text = html::DecodeHtml(bytes, &converted, &doc.charset, &notes);
  if (!text.ok()) return error(text.status().code(), text.status().message());
  for (std::string& note : notes) warn(std::move(note));

  if (!HasMarkup(*text)) {
    warn("no HTML markup; read as plain text");
    // ParseText wants an id; ours is left to the caller like for HTML.
    Result<Article> plain = internal::ParseText(*text, "-", file, warnings);
    if (!plain.ok()) return error(plain.status().code(), plain.status().message());
    doc.article = std::move(plain).value();
    doc.article.id.clear();
    if (doc.article.url.empty()) doc.article.url = std::string(url_hint);
    return doc;
  }
  Result<html::Dom> dom = html::ParseDom(*text);
  if (!dom.ok()) return error(dom.status().code(), dom.status().message());
  html::PageMeta meta = html::ExtractMeta(*dom, url_hint);
  Article& a = doc.article;
  a.title = meta.title;
  a.text = html::ExtractBody(*dom, a.title);
  if (a.title.empty() && !meta.h1.empty()) a.title = meta.h1;
  a.url = !meta.canonical_url.empty() ? meta.canonical_url : std::string(url_hint);
  a.source = !meta.site_name.empty() ? meta.site_name : HostOf(a.url);
  a.language = meta.language;
  a.published = meta.published;
  doc.author = meta.author;
  if (a.text.empty() && a.title.empty()) {
    return error(StatusCode::kInvalidArgument, "no article text found in the page");
  }
  return doc;
}

namespace {

// zlib, streaming: slower than libdeflate, but it tells a truncated stream
// from a corrupt one, so errors are diagnosed here.
Result<std::string> GunzipWithZlib(std::string_view gz, std::string_view file, size_t max_bytes) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    return Status::Internal(fmt::format("{}: zlib could not start", file));
  }
  std::string out;
  out.resize(std::min<size_t>(max_bytes + 1, std::max<size_t>(gz.size() * 4, 1 << 16)));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  size_t produced = 0;
  int rc = Z_OK;
  while (true) {
    if (produced == out.size()) {
      if (out.size() > max_bytes) break;
      out.resize(std::min<size_t>(max_bytes + 1, out.size() * 2));
    }
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    rc = inflate(&zs, Z_NO_FLUSH);
    produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated members (gzip allows several) are read one after another.
      if (zs.avail_in > 0 && produced <= max_bytes) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs.avail_out == 0)) break;
  }
  inflateEnd(&zs);
  if (produced > max_bytes) {
    return Status::InvalidArgument(fmt::format("{}: decompresses to more than {} MiB", file,
                                               max_bytes >> 20));
  }
  if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0)) {
    return Status::Corruption(fmt::format(
        "{}: truncated gzip data (stream ends after {} bytes of output)", file, produced));
  }
  if (rc != Z_STREAM_END) {
    return Status::Corruption(fmt::format("{}: corrupt gzip data ({})", file,
                                          zs.msg != nullptr ? zs.msg : "inflate failed"));
  }
  out.resize(produced);
  return out;
}

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

}  // namespace

// Whole pages are in memory, so libdeflate's one-shot decoder (about twice
// zlib's speed) does the work; the gzip trailer's size field sizes the
// buffer. Anything it refuses goes to zlib for the message.
Result<std::string> GunzipHtml(std::string_view gz, std::string_view file, size_t max_bytes) {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
      libdeflate_alloc_decompressor());
  if (!decompressor || gz.size() < 18) return GunzipWithZlib(gz, file, max_bytes);
  const auto* trailer = reinterpret_cast<const unsigned char*>(gz.data() + gz.size() - 4);
  const size_t last_size = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | (size_t{trailer[3]} << 24);
  std::string out;
  out.resize(std::min(max_bytes + 1, std::max<size_t>(last_size, 1 << 16)));
  size_t in_pos = 0, produced = 0;
  while (in_pos < gz.size()) {
    size_t used = 0, made = 0;
    const libdeflate_result rc = libdeflate_gzip_decompress_ex(
        decompressor.get(), gz.data() + in_pos, gz.size() - in_pos, out.data() + produced,
        out.size() - produced, &used, &made);
    if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (out.size() > max_bytes) {
        return Status::InvalidArgument(fmt::format("{}: decompresses to more than {} MiB", file,
                                                   max_bytes >> 20));
      }
      out.resize(std::min(max_bytes + 1, out.size() * 2));
      continue;
    }
    if (rc != LIBDEFLATE_SUCCESS) return GunzipWithZlib(gz, file, max_bytes);
    in_pos += used;
    produced += made;
    if (produced > max_bytes) {
      return Status::InvalidArgument(fmt::format("{}: decompresses to more than {} MiB", file,
                                                 max_bytes >> 20));
    }
  }
  out.resize(produced);
  return out;
}

Result<std::string> ReadHtmlFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  const bool gz = path.size() > 3 && html::AsciiLower(path.substr(path.size() - 3)) == ".gz";
  if (size < 0) return Status::IoError(fmt::format("{}: cannot read", path));
  if (static_cast<size_t>(size) > kMaxHtmlBytes) {
    return Status::InvalidArgument(fmt::format("{}: file of {} bytes is larger than the limit of {} MiB",
                                               path, size, kMaxHtmlBytes >> 20));
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) return Status::IoError(fmt::format("{}: cannot read", path));
  if (!gz) return bytes;
  return GunzipHtml(bytes, path);
}

}  // namespace storyline::ingest
