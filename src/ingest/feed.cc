// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 through pugixml. Elements are matched
// by local name ("encoded" for content:encoded), because feeds bind the
// usual namespaces to whatever prefixes they like.
#include "ingest/feed.h"

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/feed_text.h"
#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace internal {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(AsciiLower(c));
  return out;
}

std::vector<std::string_view> SplitDateTokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == ',')) ++pos;
    const size_t start = pos;
    while (pos < s.size() && s[pos] != ' ' && s[pos] != '\t' && s[pos] != ',') ++pos;
    if (pos > start) tokens.push_back(s.substr(start, pos - start));
  }
  return tokens;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int MonthByName(std::string_view token) {
  const std::string name = Lower(token.substr(0, token.starts_with("M\xC3\xA4") ? 4 : 3));
  static constexpr std::pair<std::string_view, int> kMonths[] = {
      {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"jun", 6},
      {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
      // German abbreviations, as some German feeds write them.
      {"m\xC3\xA4r", 3}, {"mrz", 3}, {"mai", 5}, {"okt", 10}, {"dez", 12}};
  for (const auto& [abbr, month] : kMonths) {
    if (name == abbr) return month;
  }
  return 0;
}

// Minutes east of UTC for a zone token; false for an unknown zone.
bool ZoneOffset(std::string_view zone, int* minutes) {
  if ((zone.size() == 5) && (zone[0] == '+' || zone[0] == '-') && AllDigits(zone.substr(1))) {
    const int h = (zone[1] - '0') * 10 + (zone[2] - '0');
    const int m = (zone[3] - '0') * 10 + (zone[4] - '0');
    if (h > 14 || m > 59) return false;
    *minutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
  }
  static constexpr std::pair<std::string_view, int> kZones[] = {
      {"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0},
      {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
      {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
      {"cet", 60}, {"cest", 120}, {"mez", 60}, {"mesz", 120}};
  const std::string name = Lower(zone);
  for (const auto& [abbr, offset] : kZones) {
    if (name == abbr) {
      *minutes = offset;
      return true;
    }
  }
  return false;
}

Result<PublishedDate> ParseRfc822(std::string_view text) {
  auto invalid = [&](std::string_view why) {
    return Status::InvalidArgument(fmt::format("not a date: '{}' ({})", text, why));
  };
  std::vector<std::string_view> t = SplitDateTokens(text);
  size_t i = 0;
  if (i < t.size() && !AllDigits(t[i])) ++i;  // weekday
  if (i + 3 > t.size()) return invalid("expected day, month and year");
  const std::string_view day = t[i], month_name = t[i + 1], year = t[i + 2];
  i += 3;
  const int month = MonthByName(month_name);
  if (!AllDigits(day) || day.size() > 2) return invalid("expected a day number");
  if (month == 0) return invalid("unknown month");
  int y = 0;
  if (!AllDigits(year) || (year.size() != 2 && year.size() != 4)) return invalid("bad year");
  for (char c : year) y = y * 10 + (c - '0');
  if (year.size() == 2) y += y < 50 ? 2000 : 1900;  // RFC 2822 section 4.3
  std::string iso = fmt::format("{:04}-{:02}-{:02}", y, month, std::stoi(std::string(day)));
  if (i < t.size()) {
    const std::string_view time = t[i++];
    const bool hm = time.size() >= 5 && AllDigits(time.substr(0, 2)) && time[2] == ':' &&
                    AllDigits(time.substr(3, 2));
    const bool hms = time.size() == 8 && hm && time[5] == ':' && AllDigits(time.substr(6, 2));
    if (!hm || (time.size() != 5 && !hms)) return invalid("expected HH:MM[:SS]");
    iso += 'T';
    iso += time;
    int offset = 0;
    if (i < t.size() && !ZoneOffset(t[i], &offset)) return invalid("unknown time zone");
    if (i < t.size()) ++i;
    if (offset != 0) {
      const int a = offset < 0 ? -offset : offset;
      iso += fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', a / 60, a % 60);
    }
  }
  if (i < t.size()) return invalid("trailing text");
  Result<PublishedDate> date = ParsePublishedDate(iso);
  if (!date.ok()) return invalid("no such date");
  return date;
}

std::string_view LocalName(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element called `local`, preferring one without a prefix
// (an RSS <link> over an <atom:link> beside it).
pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  pugi::xml_node prefixed;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == local) return child;
    if (!prefixed && LocalName(name) == local) prefixed = child;
  }
  return prefixed;
}

// All text and CDATA directly in `node` (a description may be split into
// several CDATA sections).
std::string DirectText(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

// Atom text constructs (RFC 4287 section 3.1): type text, html or xhtml.
// RSS text is always treated as HTML: descriptions carry escaped markup.
std::string TextConstruct(pugi::xml_node node, bool atom) {
  if (!node) return "";
  const std::string type = Lower(node.attribute("type").value());
  if (atom && (type == "xhtml" || type == "application/xhtml+xml")) {
    std::ostringstream markup;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      child.print(markup, "", pugi::format_raw);
    }
    return HtmlFragmentToText(markup.str());
  }
  const std::string raw = DirectText(node);
  if (atom && (type.empty() || type == "text" || type == "text/plain")) {
    return CollapseWhitespace(raw);
  }
  return HtmlFragmentToText(raw);
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

std::string AtomLink(pugi::xml_node entry) {
  std::string fallback;
  for (pugi::xml_node link = entry.first_child(); link; link = link.next_sibling()) {
    if (link.type() != pugi::node_element || LocalName(link.name()) != "link") continue;
    const std::string_view rel = link.attribute("rel").value();
    const std::string href = Trim(link.attribute("href").value());
    if (href.empty()) continue;
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty() && rel != "self" && rel != "enclosure") fallback = href;
  }
  return fallback;
}

std::string DeclaredEncoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return "";
  const std::string_view decl = bytes.substr(0, bytes.find("?>"));
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t pos = decl.find_first_of("\"'", at);
  if (pos == std::string_view::npos) return "";
  const char quote = decl[pos++];
  const size_t end = decl.find(quote, pos);
  if (end == std::string_view::npos) return "";
  return Lower(decl.substr(pos, end - pos));
}

enum class Flavor { kRss, kRdf, kAtom };

class FeedReader {
 public:
  FeedReader(std::string_view file, const ReadOptions& options, const Sink& sink)
      : file_(file), options_(options), sink_(sink) {}

  void Read(std::string_view bytes);

 private:
  void ReadItems(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed);
  void ReadItem(pugi::xml_node item, size_t index, Flavor flavor);
  // 1-based line and column (in characters) of a byte offset into data_.
  std::pair<int64_t, int64_t> Position(size_t offset);
  void Report(Severity severity, int64_t line, std::string message) {
    Emit(sink_, Diagnostic{severity, file_, line, std::move(message)});
  }

  std::string file_;
  const ReadOptions& options_;
  const Sink& sink_;
  std::string_view data_;  // what pugixml parsed (UTF-8)
  size_t line_offset_ = 0;  // Position() counts on from here
  int64_t line_ = 1;
  std::string source_;
  std::string language_;
};

std::pair<int64_t, int64_t> FeedReader::Position(size_t offset) {
  if (offset > data_.size()) offset = data_.size();
  if (offset < line_offset_) {
    line_offset_ = 0;
    line_ = 1;
  }
  size_t line_start = line_offset_;
  for (size_t i = line_offset_; i < offset; ++i) {
    if (data_[i] == '\n') {
      ++line_;
      line_start = i + 1;
    }
  }
  line_offset_ = line_start;
  int64_t column = 1;
  for (size_t i = line_start; i < offset; ++i) {
    column += (static_cast<unsigned char>(data_[i]) & 0xC0) != 0x80;
  }
  return {line_, column};
}

void FeedReader::Read(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    Report(Severity::kError, 0, "empty file");
    return;
  }
  // pugixml only knows UTF-8/16/32 and Latin-1; everything is handed to it
  // as UTF-8 so that error offsets count in the buffer we hold.
  std::string converted;
  std::string_view data = bytes;
  std::string charset;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    charset = "utf-16";
  } else {
    if (data.starts_with(kUtf8Bom)) data.remove_prefix(kUtf8Bom.size());
    charset = DeclaredEncoding(data);
    if (charset == "utf-8" || charset == "utf8" || charset == "us-ascii" ||
        charset == "ascii" || charset.starts_with("utf-16")) {
      charset.clear();  // a UTF-16 declaration on UTF-8 bytes is a lie
    }
  }
  if (!charset.empty()) {
    Result<std::string> utf8 = ConvertCharsetToUtf8(data, charset);
    if (!utf8.ok()) {
      Report(Severity::kError, 0, utf8.status().message());
      return;
    }
    converted = std::move(utf8).value();
  } else if (FindInvalidUtf8(data) != std::string_view::npos) {
    std::string from;
    Result<std::string> utf8 = ToUtf8(data, &from);
    if (!utf8.ok()) {
      Report(Severity::kError, 0, fmt::format("not an RSS or Atom feed: {}", utf8.status().message()));
      return;
    }
    Report(Severity::kWarning, 0, fmt::format("converted from {}", from));
    converted = std::move(utf8).value();
  }
  if (!converted.empty()) {
    data = converted;
    if (data.starts_with(kUtf8Bom)) data.remove_prefix(kUtf8Bom.size());
  }
  data_ = data;

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(data.data(), data.size(), pugi::parse_default, pugi::encoding_utf8);
  ReadItems(doc, parsed);
}

void FeedReader::ReadItems(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed) {
  const pugi::xml_node root = doc.document_element();
  const std::string root_name = Lower(LocalName(root.name()));
  Flavor flavor = Flavor::kRss;
  if (root_name == "feed") {
    flavor = Flavor::kAtom;
  } else if (root_name == "rdf") {
    flavor = Flavor::kRdf;
  } else if (root_name != "rss") {
    if (!parsed) {
      const auto [line, column] = Position(static_cast<size_t>(parsed.offset));
      Report(Severity::kError, line,
             fmt::format("not an RSS or Atom feed: not well-formed XML (column {}): {}", column,
                         parsed.description()));
    } else {
      Report(Severity::kError, 0,
             fmt::format("not an RSS or Atom feed: the root element is <{}>", root.name()));
    }
    return;
  }

  const pugi::xml_node channel = flavor == Flavor::kAtom ? root : Child(root, "channel");
  source_ = OneLine(TextConstruct(Child(channel, "title"), flavor == Flavor::kAtom));
  if (flavor == Flavor::kAtom) {
    language_ = LanguageFromTag(root.attribute("xml:lang").value());
  } else {
    language_ = LanguageFromTag(DirectText(Child(channel, "language")));
  }

  const std::string_view item_name = flavor == Flavor::kAtom ? "entry" : "item";
  // RSS 2.0 items live in <channel>, RSS 1.0 items beside it (some put
  // them inside), Atom entries in <feed>.
  std::vector<pugi::xml_node> parents{channel};
  if (flavor == Flavor::kRdf) parents = {root, channel};
  std::vector<pugi::xml_node> items;
  for (const pugi::xml_node parent : parents) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element && LocalName(child.name()) == item_name) {
        items.push_back(child);
      }
    }
    if (!items.empty()) break;
  }

  // A feed that breaks off keeps the items that were closed before the
  // error: every item followed by another one, and the last one when its
  // end tag lies before the error offset.
  size_t complete = items.size();
  if (!parsed && !items.empty()) {
    const auto error_offset = static_cast<size_t>(parsed.offset);
    const pugi::xml_node last = items.back();
    const ptrdiff_t start = last.offset_debug();
    const std::string end_tag = fmt::format("</{}", last.name());
    const bool closed = start >= 0 && static_cast<size_t>(start) < error_offset &&
                        data_.substr(static_cast<size_t>(start), error_offset - static_cast<size_t>(start))
                                .find(end_tag) != std::string_view::npos;
    if (!closed) --complete;
  }
  for (size_t i = 0; i < complete; ++i) ReadItem(items[i], i + 1, flavor);

  if (!parsed) {
    const auto [line, column] = Position(static_cast<size_t>(parsed.offset));
    Report(Severity::kError, line,
           fmt::format("not well-formed XML (column {}): {}; {}", column, parsed.description(),
                       complete == 0 ? std::string("no item before the error could be kept")
                                     : fmt::format("kept the {} item{} before the error", complete,
                                                   complete == 1 ? "" : "s")));
  } else if (items.empty()) {
    Report(Severity::kWarning, 0,
           flavor == Flavor::kAtom ? "feed has no entries" : "feed has no items");
  }
}

void FeedReader::ReadItem(pugi::xml_node item, size_t index, Flavor flavor) {
  const bool atom = flavor == Flavor::kAtom;
  const ptrdiff_t offset = item.offset_debug();
  const int64_t line = offset >= 0 ? Position(static_cast<size_t>(offset)).first : 0;

  Article article;
  article.source = source_;
  article.language = language_;
  article.title = OneLine(TextConstruct(Child(item, "title"), atom));
  std::string date_holder;
  if (atom) {
    article.url = AtomLink(item);
    article.id = Trim(DirectText(Child(item, "id")));
    date_holder = DirectText(Child(item, "published"));
    if (Trim(date_holder).empty()) date_holder = DirectText(Child(item, "updated"));
    pugi::xml_node content = Child(item, "content");
    if (!content || content.attribute("src")) content = Child(item, "summary");
    article.text = TextConstruct(content, true);
    if (const std::string lang = LanguageFromTag(item.attribute("xml:lang").value()); !lang.empty()) {
      article.language = lang;
    }
  } else {
    article.url = Trim(DirectText(Child(item, "link")));
    if (article.url.empty()) article.url = AtomLink(item);
    article.id = Trim(DirectText(Child(item, "guid")));
    if (article.id.empty()) article.id = Trim(item.attribute("rdf:about").value());
    for (std::string_view name : {"pubDate", "date", "published", "updated"}) {
      date_holder = DirectText(Child(item, name));
      if (!Trim(date_holder).empty()) break;
    }
    pugi::xml_node content = Child(item, "encoded");
    if (Trim(DirectText(content)).empty()) content = Child(item, "description");
    article.text = TextConstruct(content, false);
    if (const std::string lang = LanguageFromTag(DirectText(Child(item, "language"))); !lang.empty()) {
      article.language = lang;
    }
  }
  const std::string date_text = Trim(date_holder);
  if (article.id.empty()) article.id = article.url;
  if (article.id.empty()) article.id = fmt::format("{}:{}", file_, index);
  article.origin = line > 0 ? fmt::format("{}:{}", file_, line) : file_;

  if (article.title.empty() && article.text.empty()) {
    Report(Severity::kError, line,
           fmt::format("{} {} has neither a title nor a text; skipped", atom ? "entry" : "item",
                       index));
    return;
  }
  if (article.text.size() > options_.max_article_bytes) {
    Report(Severity::kError, line,
           fmt::format("{} {} has {} bytes of text, over the limit of {} bytes; skipped",
                       atom ? "entry" : "item", index, article.text.size(),
                       options_.max_article_bytes));
    return;
  }
  if (!date_text.empty()) {
    if (Result<PublishedDate> date = ParseFeedDate(date_text); date.ok()) {
      article.published = *date;
    } else {
      Report(Severity::kWarning, line,
             fmt::format("date of {} {}: {}; kept without a date", atom ? "entry" : "item", index,
                         date.status().message()));
    }
  }
  Emit(sink_, std::move(article));
}

}  // namespace

Result<PublishedDate> ParseFeedDate(std::string_view text) {
  const std::string trimmed = Trim(text);
  if (!trimmed.empty() && trimmed[0] >= '0' && trimmed[0] <= '9') {
    if (Result<PublishedDate> iso = ParsePublishedDate(trimmed); iso.ok()) return iso;
  }
  return ParseRfc822(trimmed);
}

}  // namespace internal

void ReadFeed(std::string_view bytes, std::string_view file, const ReadOptions& options,
              const Sink& sink) {
  try {
    internal::FeedReader reader(file, options, sink);
    reader.Read(bytes);
  } catch (const std::exception& e) {
    // pugixml reports through return values; this only guards the adapter
    // (std::bad_alloc from an enormous document).
    internal::Emit(sink, Diagnostic{Severity::kError, std::string(file), 0,
                                    fmt::format("cannot read feed: {}", e.what())});
  }
  internal::EmitFileDone(sink, file);
}

}  // namespace storyline::ingest
