// Pieces of the HTML reader shared by its files and tests; not public API.
#ifndef STORYLINE_INGEST_HTML_INTERNAL_H_
#define STORYLINE_INGEST_HTML_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_dom.h"
#include "storyline/article.h"
#include "storyline/ingest.h"
#include "storyline/status.h"

namespace storyline::ingest::html {

// Bytes → UTF-8: byte order mark, then <meta charset> / http-equiv in the
// first 4 KiB, then validation and uchardet (ToUtf8). *charset receives the
// encoding the bytes were read in. The result views `bytes` when they are
// UTF-8 already, else `*storage`, which receives the converted text.
Result<std::string_view> DecodeHtml(std::string_view bytes, std::string* storage,
                                    std::string* charset, std::vector<std::string>* notes);

// The charset named by a <meta> tag in `head` (lowercased), or "".
std::string SniffMetaCharset(std::string_view head);

// Dates as pages write them: everything ParsePublishedDate takes, plus
// RFC 822 ("Thu, 23 Feb 2017 10:51:00 +0100"), English ("February 23, 2017",
// "23 Feb 2017") and German ("23. Februar 2017", "23. Feb. 2017") forms.
Result<PublishedDate> ParseLooseDate(std::string_view text);
// Finds the first date inside running text ("Veröffentlicht am 23. Februar
// 2017, 10:51 Uhr"); precision day at most unless the whole text is a date.
Result<PublishedDate> FindDateInText(std::string_view text);

// Metadata found in the document, before the fallbacks of ParseHtmlArticle.
struct PageMeta {
  std::string title;
  std::string author;
  std::string site_name;
  std::string language;
  std::string canonical_url;
  PublishedDate published;
  std::string h1;  // the first <h1>'s text
};
PageMeta ExtractMeta(const Dom& dom, std::string_view url_hint);

// The article body: blocks (headings, paragraphs, list items, quotes) joined
// by "\n", boilerplate removed.
std::string ExtractBody(const Dom& dom, std::string_view title);

// Text helpers.
std::string AsciiLower(std::string_view s);
// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace storyline::ingest::html

#endif  // STORYLINE_INGEST_HTML_INTERNAL_H_
