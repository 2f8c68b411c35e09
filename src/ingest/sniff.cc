#include "ingest/sniff.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/feed_text.h"
#include "ingest/gzip.h"
#include "ingest/ingest_internal.h"

namespace storyline::ingest::internal {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLower(s[i]) != suffix[i]) return false;
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// UTF-16 feeds and pages: sniffing only needs their ASCII, so every other
// byte is dropped.
std::string Utf16ToAscii(std::string_view s, bool little_endian) {
  std::string out;
  for (size_t i = little_endian ? 0 : 1; i < s.size(); i += 2) out.push_back(s[i]);
  return out;
}

}  // namespace

std::string_view ContentKindName(ContentKind kind) {
  switch (kind) {
    case ContentKind::kText: return "text";
    case ContentKind::kJsonl: return "JSONL";
    case ContentKind::kHtml: return "HTML";
    case ContentKind::kFeed: return "feed";
    case ContentKind::kWarc: return "WARC";
    case ContentKind::kUnknown: break;
  }
  return "unknown";
}

ContentKind KindByName(std::string_view filename, bool* gzip) {
  *gzip = EndsWithNoCase(filename, ".gz");
  if (*gzip) filename.remove_suffix(3);
  const size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return ContentKind::kUnknown;
  std::string ext;
  for (char c : filename.substr(dot)) ext.push_back(AsciiLower(c));
  if (ext == ".txt" || ext == ".text" || ext == ".md") return ContentKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json-lines") return ContentKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return ContentKind::kHtml;
  if (ext == ".xml" || ext == ".rss" || ext == ".atom") return ContentKind::kFeed;
  if (ext == ".warc") return ContentKind::kWarc;
  return ContentKind::kUnknown;
}

ContentKind SniffContent(std::string_view head) {
  std::string ascii;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    ascii = Utf16ToAscii(head.substr(2), head[0] == '\xFF');
    head = ascii;
  }
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  if (head.starts_with("WARC/1.") || head.starts_with("WARC/0.")) return ContentKind::kWarc;
  size_t pos = 0;
  // Past whitespace, <?xml ...?>, <?pi ...?>, <!-- ... --> and <!DOCTYPE ...>
  // to the first element.
  for (;;) {
    while (pos < head.size() && IsSpace(head[pos])) ++pos;
    const std::string_view rest = head.substr(pos);
    if (rest.starts_with("<?")) {
      const size_t end = rest.find("?>");
      if (end == std::string_view::npos) return ContentKind::kUnknown;
      pos += end + 2;
    } else if (rest.starts_with("<!--")) {
      const size_t end = rest.find("-->");
      if (end == std::string_view::npos) return ContentKind::kUnknown;
      pos += end + 3;
    } else if (StartsWithNoCase(rest, "<!doctype")) {
      std::string_view name = rest.substr(9);
      while (!name.empty() && IsSpace(name.front())) name.remove_prefix(1);
      if (StartsWithNoCase(name, "html")) return ContentKind::kHtml;
      const size_t end = rest.find('>');
      if (end == std::string_view::npos) return ContentKind::kUnknown;
      pos += end + 1;
    } else if (rest.starts_with("<")) {
      size_t end = 1;
      while (end < rest.size() && !IsSpace(rest[end]) && rest[end] != '>' && rest[end] != '/') {
        ++end;
      }
      std::string name;
      for (char c : rest.substr(1, end - 1)) name.push_back(AsciiLower(c));
      const size_t colon = name.find(':');
      const std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
      if (name == "rss" || local == "feed" || local == "rdf") return ContentKind::kFeed;
      if (local == "html") return ContentKind::kHtml;
      // Other XML (a sitemap) proves nothing; the name decides.
      return ContentKind::kUnknown;
    } else {
      return ContentKind::kUnknown;
    }
  }
}

Result<Article> ParsePage(const HtmlPage& page, std::vector<Diagnostic>* warnings) {
  std::string converted;
  std::string_view bytes = page.bytes;
  // An HTTP charset outranks <meta charset> (HTML Standard, "determining the
  // character encoding"), but ParseHtmlArticle only sees the bytes: they are
  // converted here and marked with a BOM, which it honours first.
  std::string charset;
  for (char c : page.charset) charset.push_back(AsciiLower(c));
  if (!charset.empty() && charset != "utf-8" && charset != "utf8" &&
      !bytes.starts_with(kUtf8Bom) && !bytes.starts_with("\xFF\xFE") &&
      !bytes.starts_with("\xFE\xFF")) {
    if (Result<std::string> utf8 = ConvertCharsetToUtf8(bytes, charset); utf8.ok()) {
      converted = std::string(kUtf8Bom) + *utf8;
      bytes = converted;
    }  // an unknown charset name: the page's own declaration decides
  }
  Result<HtmlDocument> document = ParseHtmlArticle(bytes, page.url, page.file, warnings);
  if (!document.ok()) {
    // Its messages start with the file name, which our Diagnostics carry.
    std::string_view message = document.status().message();
    const std::string prefix = std::string(page.file) + ": ";
    if (!page.file.empty() && message.starts_with(prefix)) message.remove_prefix(prefix.size());
    return Status(document.status().code(), std::string(message));
  }
  return std::move(document->article);
}

HtmlPageParser DefaultHtmlPageParser() { return ParsePage; }

}  // namespace storyline::ingest::internal
