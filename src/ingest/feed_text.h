// Text helpers for feeds: HTML fragments → plain text with libxml2 (feed
// descriptions are short fragments; boilerplate removal would only hurt
// them), charset conversion, language tags.
#ifndef STORYLINE_INGEST_FEED_TEXT_H_
#define STORYLINE_INGEST_FEED_TEXT_H_

#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest::internal {

// The text nodes of an HTML fragment (a feed description): entities decoded,
// runs of whitespace collapsed to one space, block elements (p, div, br, li,
// h1-h6, blockquote, tr, ...) separate paragraphs with "\n"; script, style
// and template content dropped. `html` must be UTF-8.
std::string HtmlFragmentToText(std::string_view html);

// Runs of ASCII whitespace → one space, trimmed: text that is not HTML.
std::string CollapseWhitespace(std::string_view text);

// Converts `bytes` from the named charset (an IANA name, "windows-1252") to
// UTF-8 with ICU; fails for an unknown name.
Result<std::string> ConvertCharsetToUtf8(std::string_view bytes, std::string_view charset);

// "de-DE" → "de", "EN" → "en"; "" unless the primary subtag is two letters.
std::string LanguageFromTag(std::string_view tag);

}  // namespace storyline::ingest::internal

#endif  // STORYLINE_INGEST_FEED_TEXT_H_
