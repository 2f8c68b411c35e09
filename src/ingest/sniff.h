// What a file holds, told by its content and its name, and the seam through
// which HTML pages become articles.
#ifndef STORYLINE_INGEST_SNIFF_H_
#define STORYLINE_INGEST_SNIFF_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/ingest.h"
#include "storyline/status.h"

namespace storyline::ingest::internal {

enum class ContentKind { kUnknown, kText, kJsonl, kHtml, kFeed, kWarc };

std::string_view ContentKindName(ContentKind kind);  // "text", "JSONL", "HTML", ...

// How many leading bytes SniffContent wants to see.
inline constexpr size_t kSniffBytes = 4096;

// The kind a file's name says, ignoring a final ".gz" (which sets *gzip):
// .txt .text .md → text; .jsonl .ndjson .json-lines → JSONL; .html .htm
// .xhtml → HTML; .xml .rss .atom → feed; .warc → WARC. Case-insensitive.
ContentKind KindByName(std::string_view filename, bool* gzip);

// The kind the first bytes (decompressed) prove, or kUnknown: "WARC/1." →
// WARC; an XML document whose first element is <rss>, <feed> or <rdf:RDF> →
// feed; "<!DOCTYPE html" or a first element <html> → HTML. Leading BOMs,
// whitespace, comments and processing instructions are skipped. Plain text
// and JSONL are never "proven" (they are what is left).
ContentKind SniffContent(std::string_view head);

// An HTML page to turn into an article.
struct HtmlPage {
  std::string_view bytes;    // as fetched or saved, any encoding
  std::string_view url;      // where it came from (WARC-Target-URI), may be empty
  std::string_view charset;  // from an HTTP Content-Type header, may be empty
  std::string_view file;     // for diagnostics
};

// Turns a page into an article (title, text, and url/published/language
// when the page tells them; id and origin are the caller's). Errors are
// messages without the file name. Warnings go to `warnings`.
using HtmlPageParser =
    std::function<Result<Article>(const HtmlPage& page, std::vector<Diagnostic>* warnings)>;

// The parser ReadPath and ReadWarc use: ParseHtmlArticle (html_extract.cc),
// with an HTTP charset applied first and the file name taken out of its
// error messages.
HtmlPageParser DefaultHtmlPageParser();

// ReadPath with the HTML page parser injected (tests use a stub).
void ReadPathWith(const std::string& path, const ReadOptions& options, const Sink& sink,
                  const HtmlPageParser& html);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_SNIFF_H_
