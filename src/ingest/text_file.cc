// Plain-text articles: encoding, optional metadata header, title line, body.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/ingest_internal.h"
#include "storyline/article.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

// A first line longer than this is a paragraph, not a headline.
constexpr size_t kMaxTitleCodePoints = 120;
// A `title`/`source` value longer than this is a sentence, not metadata.
constexpr size_t kMaxMetadataValueBytes = 300;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool IsWhitespace(char c) { return IsBlank(c) || c == '\n' || c == '\r'; }

std::string_view TrimWhitespace(std::string_view s) {
  while (!s.empty() && IsWhitespace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsWhitespace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsAsciiIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// BOM stripped; "\r\n" and lone "\r" become "\n".
std::string NormalizeLineEnds(std::string_view s) {
  if (s.starts_with(internal::kUtf8Bom)) s.remove_prefix(internal::kUtf8Bom.size());
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

enum class Key { kNone, kDate, kTitle, kSource, kUrl, kLang, kId };

Key KeyByName(std::string_view name, bool with_colon) {
  // Without a colon only the lowercase spelling counts, so that "Date night"
  // or "Source close to ..." at the start of an article stays text.
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"date", Key::kDate},     {"published", Key::kDate}, {"title", Key::kTitle},
      {"source", Key::kSource}, {"url", Key::kUrl},        {"lang", Key::kLang},
      {"language", Key::kLang}, {"id", Key::kId},
  };
  for (const Entry& e : kKeys) {
    if (with_colon ? EqualsAsciiIgnoreCase(name, e.name) : name == e.name) return e.key;
  }
  return Key::kNone;
}

bool IsUrl(std::string_view v) {
  return (v.starts_with("http://") || v.starts_with("https://")) && v.size() > 8;
}

bool IsLanguageCode(std::string_view v) {
  return v.size() == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z';
}

// Takes `key value` pairs from the start of `line` into `article`. Returns
// how many bytes of the line they used (0: none; line.size(): all of it).
// One-token values (date, url, lang) may be followed by text on the same
// line; they are only taken when they validate.
size_t TakeMetadata(std::string_view line, Article* article) {
  size_t used = 0;
  while (true) {
    size_t p = used;
    while (p < line.size() && IsBlank(line[p])) ++p;
    if (p == line.size()) return line.size();
    const size_t key_begin = p;
    while (p < line.size() && IsAsciiLetter(line[p])) ++p;
    const std::string_view name = line.substr(key_begin, p - key_begin);
    bool with_colon = false;
    if (p < line.size() && line[p] == ':') {
      with_colon = true;
      ++p;
    }
    if (name.empty() || p == line.size() || !IsBlank(line[p])) return used;
    const Key key = KeyByName(name, with_colon);
    if (key == Key::kNone) return used;
    const std::string_view rest = TrimBlanks(line.substr(p));
    const std::string_view token = rest.substr(0, rest.find_first_of(" \t"));
    const size_t after_token = static_cast<size_t>(token.data() + token.size() - line.data());
    switch (key) {
      case Key::kNone:
        return used;
      case Key::kTitle:
      case Key::kSource:
        if (rest.empty() || rest.size() > kMaxMetadataValueBytes) return used;
        (key == Key::kTitle ? article->title : article->source) = std::string(rest);
        return line.size();
      case Key::kId:
        // Only a line of its own: "id" is too common a word to take from text.
        if (token.empty() || token.size() != rest.size()) return used;
        article->id = std::string(token);
        return line.size();
      case Key::kDate: {
        // A whole-line value may hold a space ("2017-02-23 10:51").
        if (Result<PublishedDate> d = ParsePublishedDate(rest); d.ok()) {
          article->published = *d;
          return line.size();
        }
        Result<PublishedDate> d = ParsePublishedDate(token);
        if (!d.ok()) return used;
        article->published = *d;
        used = after_token;
        break;
      }
      case Key::kUrl:
        if (!IsUrl(token)) return used;
        article->url = std::string(token);
        used = after_token;
        break;
      case Key::kLang:
        if (!IsLanguageCode(token)) return used;
        article->language = std::string(token);
        used = after_token;
        break;
    }
  }
}

// A headline does not end like a sentence.
bool EndsLikeSentence(std::string_view line) {
  static constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\xE2\x80\x9C" /* “ */,
                                                  "\xE2\x80\x9D" /* ” */, "\xC2\xAB" /* « */,
                                                  "\xC2\xBB" /* » */, "\xE2\x80\x99" /* ’ */};
  for (bool stripped = true; stripped && !line.empty();) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (line.size() > closer.size() && line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  if (line.ends_with("\xE2\x80\xA6")) return true;  // …
  const char last = line.empty() ? '\0' : line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',';
}

}  // namespace

namespace internal {

Result<Article> ParseText(std::string_view bytes, std::string_view id, std::string_view file,
                          std::vector<Diagnostic>* warnings) {
  if (TrimWhitespace(bytes).empty() || bytes == kUtf8Bom) {
    return Status::InvalidArgument("empty file");
  }
  std::string converted_from;
  Result<std::string> utf8 = ToUtf8(bytes, &converted_from);
  if (!utf8.ok()) return utf8.status();
  if (!converted_from.empty() && warnings != nullptr) {
    warnings->push_back(Diagnostic{Severity::kWarning, std::string(file), 0,
                                   fmt::format("converted from {}", converted_from)});
  }
  const std::string text = NormalizeLineEnds(*utf8);

  Article article;
  article.id = std::string(id);
  article.origin = std::string(file);

  // Metadata lines, possibly with the first sentence on the last of them.
  std::string_view rest = text;
  bool text_shares_line = false;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    const size_t used = TakeMetadata(line, &article);
    if (used == 0 && !TrimBlanks(line).empty()) break;
    if (used < line.size()) {
      rest.remove_prefix(used);
      text_shares_line = true;
      break;
    }
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
  }
  rest = TrimWhitespace(rest);

  if (article.title.empty() && !text_shares_line) {
    const size_t eol = rest.find('\n');
    const std::string_view first = TrimBlanks(rest.substr(0, eol));
    const std::string_view after =
        eol == std::string_view::npos ? std::string_view() : TrimWhitespace(rest.substr(eol + 1));
    if (!after.empty() && !first.empty() && CountCodePoints(first) <= kMaxTitleCodePoints &&
        !EndsLikeSentence(first)) {
      article.title = std::string(first);
      rest = after;
    }
  }
  article.text = std::string(rest);
  if (article.text.empty() && article.title.empty()) {
    return Status::InvalidArgument("no text (only metadata)");
  }
  if (article.id.empty()) return Status::InvalidArgument("no article id");
  return article;
}

}  // namespace internal

Result<Article> ParseTextArticle(std::string_view bytes, std::string_view id,
                                 std::string_view file, std::vector<Diagnostic>* warnings) {
  Result<Article> article = internal::ParseText(bytes, id, file, warnings);
  if (!article.ok()) {
    return Status(article.status().code(), fmt::format("{}: {}", file, article.status().message()));
  }
  return article;
}

}  // namespace storyline::ingest
