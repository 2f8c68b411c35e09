// Page metadata, in order of trust: JSON-LD, <meta> (OpenGraph, Dublin Core,
// name=author/date, ...), markup (<time datetime>, itemprop, rel=author,
// <html lang>, <title>), visible text.
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/html_internal.h"

namespace storyline::ingest::html {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Month names (lowercase, UTF-8) → 1-12: English and German, full and
// abbreviated ("Feb", "Febr", "März", "Maerz", "Mrz").
int MonthNumber(std::string_view word) {
  const std::string w = AsciiLower(word);
  struct Name { std::string_view name; int month; };
  static constexpr Name kNames[] = {
      {"january", 1}, {"januar", 1}, {"jan", 1}, {"jänner", 1}, {"jänner", 1}, {"february", 2},
      {"februar", 2}, {"feb", 2}, {"febr", 2}, {"march", 3}, {"märz", 3}, {"maerz", 3},
      {"mär", 3}, {"mrz", 3}, {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5}, {"mai", 5},
      {"june", 6}, {"juni", 6}, {"jun", 6}, {"july", 7}, {"juli", 7}, {"jul", 7},
      {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
      {"oktober", 10}, {"oct", 10}, {"okt", 10}, {"november", 11}, {"nov", 11},
      {"december", 12}, {"dezember", 12}, {"dec", 12}, {"dez", 12}};
  // "MÄRZ" is not lowered by AsciiLower; compare its lowercase spelling too.
  std::string folded = w;
  if (size_t p = folded.find("\xC3\x84"); p != std::string::npos) folded.replace(p, 2, "\xC3\xA4");
  for (const Name& n : kNames) {
    if (folded == n.name) return n.month;
  }
  return 0;
}

struct Token {
  std::string_view text;
  bool number = false;
  size_t begin = 0;
};

// Splits into runs of digits and runs of letters (ASCII and UTF-8 bytes);
// everything else separates. Keeps the separator after each token.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool digit = IsDigit(s[i]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!digit && !letter) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[j]);
      const bool dd = IsDigit(s[j]);
      const bool dl = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d >= 0x80;
      if (digit ? !dd : !dl) break;
      ++j;
    }
    if (!(c >= 0x80 && s.substr(i, j - i) == "\xC2\xA0")) out.push_back({s.substr(i, j - i), digit, i});
    i = j;
  }
  return out;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

Result<PublishedDate> MakeDay(int year, int month, int day) {
  char buf[16];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) {
    return Status::InvalidArgument("not a date");
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return ParsePublishedDate(buf);
}

// Reads "HH:MM[:SS]" starting at token k (tokens are numbers split on ':').
bool ReadTime(const std::vector<Token>& t, size_t k, std::string_view s, PublishedDate* d) {
  if (k + 1 >= t.size() || !t[k].number || !t[k + 1].number) return false;
  if (t[k].text.size() > 2 || t[k + 1].text.size() != 2) return false;
  const size_t sep = t[k].begin + t[k].text.size();
  if (sep >= s.size() || s[sep] != ':') return false;
  const int h = ToInt(t[k].text), m = ToInt(t[k + 1].text);
  if (h > 23 || m > 59) return false;
  d->hour = h;
  d->minute = m;
  d->precision = DatePrecision::kMinute;
  if (k + 2 < t.size() && t[k + 2].number && t[k + 2].text.size() == 2) {
    const size_t sep2 = t[k + 1].begin + t[k + 1].text.size();
    if (sep2 < s.size() && s[sep2] == ':') {
      d->second = ToInt(t[k + 2].text);
      d->precision = DatePrecision::kSecond;
    }
  }
  return true;
}

// Tries a day-month-year or month-day-year pattern starting at token k.
Result<PublishedDate> DateAt(const std::vector<Token>& t, size_t k, std::string_view s) {
  const Token& a = t[k];
  auto year_at = [&](size_t i) { return i < t.size() && t[i].number && t[i].text.size() == 4; };
  if (a.number && a.text.size() == 4 && k + 2 < t.size() && t[k + 1].number && t[k + 2].number &&
      t[k + 1].text.size() <= 2 && t[k + 2].text.size() <= 2) {
    const char sep = s[a.begin + 4];
    if (sep == '-' || sep == '/' || sep == '.') {
      return MakeDay(ToInt(a.text), ToInt(t[k + 1].text), ToInt(t[k + 2].text));
    }
  }
  if (a.number && a.text.size() <= 2) {
    // 23.02.2017, 23/02/2017 (day first, as in Europe)
    if (k + 2 < t.size() && t[k + 1].number && t[k + 1].text.size() <= 2 && year_at(k + 2)) {
      const char sep = s[a.begin + a.text.size()];
      if (sep == '.' || sep == '/' || sep == '-') {
        return MakeDay(ToInt(t[k + 2].text), ToInt(t[k + 1].text), ToInt(a.text));
      }
    }
    // 23. Februar 2017, 23 Feb 2017
    if (k + 2 < t.size() && !t[k + 1].number && year_at(k + 2)) {
      if (int m = MonthNumber(t[k + 1].text)) return MakeDay(ToInt(t[k + 2].text), m, ToInt(a.text));
    }
  }
  // February 23, 2017 / Feb. 23rd 2017
  if (!a.number && k + 2 < t.size()) {
    if (int m = MonthNumber(a.text)) {
      size_t day = k + 1, year = k + 2;
      if (t[day].number && t[day].text.size() <= 2) {
        if (!t[year].number && year + 1 < t.size()) ++year;  // "23rd"
        if (year_at(year)) return MakeDay(ToInt(t[year].text), m, ToInt(t[day].text));
      }
    }
  }
  return Status::InvalidArgument("no date");
}

// Offsets as RFC 822 writes them.
int ZoneMinutes(std::string_view zone, bool* ok) {
  *ok = true;
  if (zone == "GMT" || zone == "UT" || zone == "UTC" || zone == "Z") return 0;
  if (zone == "CET") return 60;
  if (zone == "CEST" || zone == "MESZ") return 120;
  if (zone == "EST") return -300;
  if (zone == "EDT") return -240;
  if (zone == "PST") return -480;
  if (zone == "PDT") return -420;
  *ok = false;
  return 0;
}

}  // namespace

Result<PublishedDate> FindDateInText(std::string_view text) {
  const std::vector<Token> t = Tokenize(text);
  for (size_t k = 0; k < t.size(); ++k) {
    Result<PublishedDate> d = DateAt(t, k, text);
    if (d.ok()) return d;
  }
  return Status::InvalidArgument("no date in the text");
}

Result<PublishedDate> ParseLooseDate(std::string_view text) {
  text = Trim(text);
  if (Result<PublishedDate> iso = ParsePublishedDate(text); iso.ok()) return iso;
  // "2017-02-23 10:51:00 +0100" and "2017-02-23T10:51:00+0100" variants.
  if (text.size() > 10 && IsDigit(text[0])) {
    std::string s(text);
    if (size_t p = s.find(" +"); p != std::string::npos) s.erase(p, 1);
    if (size_t p = s.find(" -", 10); p != std::string::npos) s.erase(p, 1);
    if (Result<PublishedDate> iso = ParsePublishedDate(s); iso.ok()) return iso;
  }
  const std::vector<Token> t = Tokenize(text);
  for (size_t k = 0; k < t.size() && k < 3; ++k) {  // a weekday may come first
    Result<PublishedDate> d = DateAt(t, k, text);
    if (!d.ok()) continue;
    // The time, if any, follows the year.
    size_t y = k + 1;
    while (y < t.size() && !(t[y].number && t[y].text.size() == 4)) ++y;
    PublishedDate date = *d;
    if (y + 1 < t.size() && ReadTime(t, y + 1, text, &date)) {
      size_t z = y + (date.precision == DatePrecision::kSecond ? 4 : 3);
      if (z < t.size()) {
        bool ok = false;
        const int minutes = ZoneMinutes(t[z].text, &ok);
        if (ok) {
          date.utc_offset_minutes = minutes;
        } else if (t[z].number && t[z].text.size() == 4 && t[z].begin > 0 &&
                   (text[t[z].begin - 1] == '+' || text[t[z].begin - 1] == '-')) {
          const int v = ToInt(t[z].text);
          date.utc_offset_minutes = (text[t[z].begin - 1] == '-' ? -1 : 1) * (v / 100 * 60 + v % 100);
        }
      }
    }
    return date;
  }
  return Status::InvalidArgument("not a date");
}

namespace {

bool IsArticleType(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
      "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
      "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "WebPage"};
  for (std::string_view k : kTypes) {
    if (type == k) return true;
  }
  return false;
}

// JSON-LD fields of the best article object found.
struct JsonLd {
  int rank = 0;  // 2: an article type, 1: WebPage
  std::string headline, author, date, publisher, url, language;
  std::string site_name;  // from a WebSite object
};

std::string JsonString(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(Trim(s));
  return "";
}

// `author` may be a string, an object with `name`, or an array of either.
std::string JsonNames(simdjson::dom::element e) {
  std::string out;
  auto add = [&](simdjson::dom::element x) {
    std::string name = JsonString(x);
    if (name.empty()) {
      simdjson::dom::element n;
      if (x.at_key("name").get(n) == simdjson::SUCCESS) name = JsonString(n);
    }
    if (!name.empty() && out.find(name) == std::string::npos) {
      if (!out.empty()) out += ", ";
      out += name;
    }
  };
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : arr) add(x);
  } else {
    add(e);
  }
  return out;
}

void VisitJsonLd(simdjson::dom::element e, int depth, JsonLd* out) {
  if (depth > 4) return;
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : arr) VisitJsonLd(x, depth + 1, out);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return;
  simdjson::dom::element graph;
  if (obj.at_key("@graph").get(graph) == simdjson::SUCCESS) VisitJsonLd(graph, depth + 1, out);
  simdjson::dom::element type_el;
  if (obj.at_key("@type").get(type_el) != simdjson::SUCCESS) return;
  std::vector<std::string> types;
  simdjson::dom::array type_arr;
  if (type_el.get_array().get(type_arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element t : type_arr) types.push_back(JsonString(t));
  } else {
    types.push_back(JsonString(type_el));
  }
  int rank = 0;
  for (const std::string& t : types) {
    if (t == "WebSite" && out->site_name.empty()) {
      simdjson::dom::element n;
      if (obj.at_key("name").get(n) == simdjson::SUCCESS) out->site_name = JsonString(n);
    }
    if (IsArticleType(t)) rank = std::max(rank, t == "WebPage" ? 1 : 2);
  }
  if (rank <= out->rank) {
    simdjson::dom::element main;
    if (obj.at_key("mainEntity").get(main) == simdjson::SUCCESS) VisitJsonLd(main, depth + 1, out);
    return;
  }
  JsonLd found;
  found.rank = rank;
  found.site_name = out->site_name;
  simdjson::dom::element v;
  if (obj.at_key("headline").get(v) == simdjson::SUCCESS) found.headline = JsonString(v);
  if (found.headline.empty() && obj.at_key("name").get(v) == simdjson::SUCCESS) found.headline = JsonString(v);
  if (obj.at_key("author").get(v) == simdjson::SUCCESS) found.author = JsonNames(v);
  if (found.author.empty() && obj.at_key("creator").get(v) == simdjson::SUCCESS) found.author = JsonNames(v);
  if (obj.at_key("datePublished").get(v) == simdjson::SUCCESS) found.date = JsonString(v);
  if (found.date.empty() && obj.at_key("dateCreated").get(v) == simdjson::SUCCESS) found.date = JsonString(v);
  if (obj.at_key("publisher").get(v) == simdjson::SUCCESS) found.publisher = JsonNames(v);
  if (obj.at_key("inLanguage").get(v) == simdjson::SUCCESS) found.language = JsonString(v);
  if (obj.at_key("url").get(v) == simdjson::SUCCESS) found.url = JsonString(v);
  if (rank == 1 && found.date.empty() && found.author.empty()) {
    // A WebPage without article fields says little; keep looking.
    if (out->rank == 0) {
      found.rank = 1;
      *out = found;
    }
    return;
  }
  *out = found;
}

std::string NormalizeLanguage(std::string_view lang) {
  std::string l = AsciiLower(Trim(lang));
  const size_t cut = l.find_first_of("-_");
  if (cut != std::string::npos) l.resize(cut);
  if (l.size() != 2 && l.size() != 3) return "";
  for (char c : l) {
    if (c < 'a' || c > 'z') return "";
  }
  return l;
}

bool LooksLikeUrl(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("/"); }

// Class/id words marking bylines and dates in visible markup; `lower` is
// the lowercased attribute.
bool HasWord(std::string_view lower, std::string_view word) {
  return lower.find(word) != std::string_view::npos;
}

// Decodes the character references that survive in metadata written
// through two escaping layers ("&amp;quot;", "&#038;" inside JSON-LD).
std::string DecodeEntities(std::string s) {
  if (s.find('&') == std::string::npos) return s;
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
      {"&nbsp;", " "}, {"&ndash;", "\xE2\x80\x93"}, {"&mdash;", "\xE2\x80\x94"},
      {"&hellip;", "\xE2\x80\xA6"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    bool done = false;
    for (const auto& [name, text] : kNamed) {
      if (std::string_view(s).substr(i).starts_with(name)) {
        out.append(text);
        i += name.size();
        done = true;
        break;
      }
    }
    if (!done && i + 2 < s.size() && s[i + 1] == '#') {
      const bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
      size_t j = i + 2 + hex;
      uint32_t cp = 0;
      const size_t digits_begin = j;
      while (j < s.size() && j - digits_begin < 7 &&
             (IsDigit(s[j]) || (hex && ((s[j] >= 'a' && s[j] <= 'f') || (s[j] >= 'A' && s[j] <= 'F'))))) {
        const char c = s[j];
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
        ++j;
      }
      if (j > digits_begin && j < s.size() && s[j] == ';' && cp > 0 && cp < 0x110000 &&
          !(cp >= 0xD800 && cp < 0xE000)) {
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        i = j + 1;
        done = true;
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

// The name in a visible byline: "Post author By Anna Muster", "erstellt von
// Anna Muster — veröffentlicht 28.01.2022", "Anna Muster Alle Artikel" all
// give "Anna Muster". Cuts at the first digit or separator and drops the
// words that introduce a name.
std::string CleanByline(std::string_view text) {
  std::string t = CollapseWhitespace(text);
  for (std::string_view sep : {" \xE2\x80\x94", " \xE2\x80\x93", " | ", " \xC2\xBB", " \xC2\xB7", " - ",
                               " says:", " sagt:", " Alle Artikel", " Mehr Artikel"}) {
    if (const size_t p = t.find(sep); p != std::string::npos) t.resize(p);
  }
  if (const size_t p = t.find_first_of("0123456789"); p != std::string::npos) t.resize(p);
  static constexpr std::string_view kIntros[] = {
      "post author", "posted by", "written by", "geschrieben von", "erstellt von", "beitrag von",
      "autor:", "author:", "autorin:", "by", "von", "par", "por", "di"};
  bool again = true;
  while (again) {
    again = false;
    while (!t.empty() && (t.front() == ' ' || t.front() == ',' || t.front() == ':')) t.erase(0, 1);
    const std::string lower = AsciiLower(t);
    for (std::string_view intro : kIntros) {
      if (lower.starts_with(intro) && (lower.size() == intro.size() || lower[intro.size()] == ' ' ||
                                       intro.back() == ':')) {
        t.erase(0, intro.size());
        again = true;
        break;
      }
    }
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == ',' || t.back() == ':' || t.back() == '|')) t.pop_back();
  return t;
}

// An author field without the words and separators around the name:
// "By Anna Muster", "vom Support Team", "View all posts by Anna Muster",
// "| Anna Muster", "Anna Muster,", "Redaktion -".
std::string TidyAuthor(std::string author) {
  static constexpr std::string_view kIntros[] = {"view all posts by ", "all posts by ", "posts by ",
                                                 "posted by ", "written by ", "by ", "von: ", "von ",
                                                 "vom ", "autor: ", "author: "};
  auto is_edge = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '|' || c == '-'; };
  bool again = true;
  while (again && !author.empty()) {
    again = false;
    while (!author.empty() && is_edge(author.front())) author.erase(0, 1);
    while (!author.empty() && is_edge(author.back())) author.pop_back();
    const std::string lower = AsciiLower(author);
    for (std::string_view intro : kIntros) {
      if (lower.size() > intro.size() && lower.starts_with(intro)) {
        author.erase(0, intro.size());
        again = true;
        break;
      }
    }
  }
  return author;
}

// Whether an author field names the site rather than a writer: the site's
// name, or a bare domain ("example.de").
bool IsSiteName(std::string_view author, std::string_view site_name) {
  if (!site_name.empty() && AsciiLower(author) == AsciiLower(CollapseWhitespace(site_name))) return true;
  if (author.find(' ') != std::string_view::npos) return false;
  const size_t dot = author.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || author.size() - dot < 3 || author.size() - dot > 5) return false;
  for (char c : author.substr(dot + 1)) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// Strips " | Site" / " - Site" / " – Site" from a <title>.
std::string TrimTitleSuffix(std::string title, std::string_view site) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xE2\x80\xBA ", " \xC2\xB7 ", " // "};
  for (std::string_view sep : kSeparators) {
    const size_t p = title.rfind(sep);
    if (p == std::string::npos || p < 10) continue;
    const std::string_view tail = std::string_view(title).substr(p + sep.size());
    if (!site.empty() && AsciiLower(tail).find(AsciiLower(site)) == std::string::npos &&
        AsciiLower(site).find(AsciiLower(tail)) == std::string::npos && tail.size() > 40) {
      continue;
    }
    title.resize(p);
    break;
  }
  return title;
}

}  // namespace

PageMeta ExtractMeta(const Dom& dom, std::string_view url_hint) {
  PageMeta meta;
  std::unordered_map<std::string, std::string> metas;  // lowercased name/property → content
  std::string title_tag, canonical, time_datetime, itemprop_date, itemprop_author, rel_author;
  std::string byline_text, date_text;
  std::string cls_lower;
  std::string html_lang;
  if (const uint32_t html = dom.Find(Tag::kHtml); html != kNoNode) {
    html_lang = NormalizeLanguage(dom.attribute(html, Attr::kLang));
    if (html_lang.empty()) html_lang = NormalizeLanguage(dom.attribute(html, Attr::kXmlLang));
  }
  // Bylines and visible dates are short; a container whose class mentions
  // "meta" may hold the whole page, so its text is read only so far.
  auto short_text = [&](uint32_t n, size_t limit) {
    bool cut = false;
    std::string t = dom.Text(n, limit, &cut);
    if (cut) t.clear();
    return t;
  };

  for (uint32_t n = 1; n < dom.size(); ++n) {
    const Tag tag = dom.node(n).tag;
    if (tag == Tag::kText) continue;
    switch (tag) {
      case Tag::kMeta: {
        std::string_view key = dom.attribute(n, Attr::kProperty);
        if (key.empty()) key = dom.attribute(n, Attr::kName);
        if (key.empty()) key = dom.attribute(n, Attr::kItemprop);
        if (key.empty()) key = dom.attribute(n, Attr::kHttpEquiv);
        const std::string_view content = Trim(dom.attribute(n, Attr::kContent));
        if (!key.empty() && !content.empty()) metas.emplace(AsciiLower(key), std::string(content));
        if (dom.attribute(n, Attr::kItemprop) == "datePublished" && itemprop_date.empty()) itemprop_date = content;
        continue;
      }
      case Tag::kTitle:
        if (title_tag.empty()) title_tag = dom.Text(n);
        continue;
      case Tag::kLink: {
        const std::string rel = AsciiLower(dom.attribute(n, Attr::kRel));
        if (rel == "canonical" && canonical.empty()) canonical = Trim(dom.attribute(n, Attr::kHref));
        continue;
      }
      case Tag::kTime: {
        std::string_view dt = dom.attribute(n, Attr::kDatetime);
        if (!dt.empty() && (time_datetime.empty() || dom.attribute(n, Attr::kItemprop) == "datePublished" ||
                            dom.has_attribute(n, Attr::kPubdate))) {
          time_datetime = dt;
        }
        if (dt.empty() && date_text.empty()) {  // <time>23. Februar 2017</time>
          std::string t = short_text(n, 199);
          if (!t.empty() && FindDateInText(t).ok()) date_text = t;
        }
        break;
      }
      case Tag::kH1:
        if (meta.h1.empty()) meta.h1 = dom.Text(n);
        break;
      default:
        break;
    }
    const std::string_view itemprop = dom.attribute(n, Attr::kItemprop);
    if (itemprop == "datePublished" && itemprop_date.empty()) {
      std::string_view dt = dom.attribute(n, Attr::kDatetime);
      if (dt.empty()) dt = dom.attribute(n, Attr::kContent);
      itemprop_date = dt.empty() ? short_text(n, 200) : std::string(dt);
    } else if (itemprop == "author" && itemprop_author.empty()) {
      std::string_view content = dom.attribute(n, Attr::kContent);
      itemprop_author = content.empty() ? short_text(n, 200) : std::string(content);
    }
    if (tag == Tag::kA && rel_author.empty() && AsciiLower(dom.attribute(n, Attr::kRel)) == "author") {
      rel_author = short_text(n, 200);
    }
    const std::string_view cls_raw = dom.attribute(n, Attr::kClass);
    if (!cls_raw.empty()) {
      cls_lower.assign(cls_raw);
      for (char& c : cls_lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      const std::string_view cls = cls_lower;
      // Comment authors and comment forms ("comment-author") are not bylines.
      if (byline_text.empty() && (HasWord(cls, "author") || HasWord(cls, "byline")) &&
          !HasWord(cls, "comment") && tag != Tag::kBody && tag != Tag::kArticle) {
        std::string t = short_text(n, 99);
        if (!t.empty()) byline_text = t;
      }
      if (date_text.empty() && (HasWord(cls, "date") || HasWord(cls, "time") || HasWord(cls, "byline") ||
                                HasWord(cls, "meta") || HasWord(cls, "posted") || HasWord(cls, "datum") ||
                                HasWord(cls, "publish") || HasWord(cls, "created") ||
                                HasWord(cls, "info"))) {
        std::string t = short_text(n, 199);
        if (!t.empty() && FindDateInText(t).ok()) date_text = t;
      }
    }
  }
  const std::vector<std::string>& json_ld = dom.json_ld();

  JsonLd ld;
  if (!json_ld.empty()) {
    simdjson::dom::parser parser;
    for (const std::string& script : json_ld) {
      simdjson::dom::element doc;
      if (parser.parse(script).get(doc) == simdjson::SUCCESS) VisitJsonLd(doc, 0, &ld);
    }
  }
  auto get = [&](std::initializer_list<std::string_view> keys) -> std::string {
    for (std::string_view k : keys) {
      auto it = metas.find(std::string(k));
      if (it != metas.end() && !it->second.empty()) return it->second;
    }
    return "";
  };

  // Site name first: the title suffix is stripped with its help.
  meta.site_name = !ld.publisher.empty() ? ld.publisher : get({"og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher"});
  if (meta.site_name.empty()) meta.site_name = ld.site_name;
  if (meta.site_name.starts_with("@")) meta.site_name.erase(0, 1);

  meta.title = ld.rank == 2 ? ld.headline : "";
  if (meta.title.empty()) meta.title = get({"og:title", "twitter:title", "dc.title", "headline", "title"});
  if (meta.title.empty()) meta.title = title_tag;
  const std::string full_title = CollapseWhitespace(DecodeEntities(meta.title));
  meta.title = CollapseWhitespace(TrimTitleSuffix(full_title, meta.site_name));
  // The headline on the page wins where the metadata is that headline with
  // the site around it, or a shortened version of it; an <h1> that merely
  // names the site (blogs) does not.
  const std::string h1_lower = AsciiLower(meta.h1), title_lower = AsciiLower(meta.title);
  const std::string full_lower = AsciiLower(full_title);
  const bool h1_words = std::count(meta.h1.begin(), meta.h1.end(), ' ') >= 2;
  if (meta.title.empty() ||
      (h1_words && meta.h1.size() < 300 &&
       ((h1_lower.size() > title_lower.size() && h1_lower.starts_with(title_lower)) ||
        (h1_lower.size() < title_lower.size() && title_lower.find(h1_lower) != std::string::npos) ||
        // what the suffix rule cut off was the headline ("Site - Headline")
        (full_lower.find(h1_lower) != std::string::npos && title_lower.find(h1_lower) == std::string::npos &&
         h1_lower.find(title_lower) == std::string::npos)))) {
    if (!meta.h1.empty()) meta.title = meta.h1;
  }

  // The first source that names a person: many sites put their own name
  // (or domain) in the author fields; then the byline on the page may still
  // name the writer.
  meta.author.clear();
  std::string site_author;  // the site's name in an author field, the last resort
  for (const std::string& candidate :
       {ld.author, get({"author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"}),
        itemprop_author, rel_author, byline_text.empty() ? std::string() : CleanByline(byline_text)}) {
    if (LooksLikeUrl(candidate)) continue;
    std::string author = TidyAuthor(CollapseWhitespace(DecodeEntities(candidate)));
    // A social media handle (twitter:creator, "@newsdesk") is no name.
    if (author.empty() || author.starts_with("@") || author.size() >= 200) continue;
    if (IsSiteName(author, meta.site_name)) {
      if (site_author.empty()) site_author = std::move(author);
      continue;
    }
    meta.author = std::move(author);
    break;
  }
  if (meta.author.empty()) meta.author = std::move(site_author);

  const std::vector<std::string> date_candidates = {
      ld.date,
      get({"article:published_time", "og:published_time", "datepublished", "date", "dc.date",
           "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created", "pubdate",
           "publishdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
           "article.published", "published_time", "creation_date", "date.release"}),
      itemprop_date, time_datetime};
  for (const std::string& c : date_candidates) {
    if (c.empty()) continue;
    if (Result<PublishedDate> d = ParseLooseDate(c); d.ok()) {
      meta.published = *d;
      break;
    }
  }
  if (!date_text.empty() && !meta.published.known()) {
    if (Result<PublishedDate> shown = FindDateInText(date_text); shown.ok()) meta.published = *shown;
  } else if (!date_text.empty() && meta.published.precision >= DatePrecision::kMinute &&
             meta.published.utc_offset_minutes == 0) {
    Result<PublishedDate> shown = FindDateInText(date_text);
    if (shown.ok() && shown->precision >= DatePrecision::kDay) {
      // A time in UTC falls on the day before or after the one the page
      // shows for its own time zone: the page's day is the publication day.
      // Zones lie within 12 hours of UTC: an afternoon can only be the
      // next day there, a morning the day before.
      const int64_t apart = shown->DaysSinceEpoch() - meta.published.DaysSinceEpoch();
      const bool afternoon = meta.published.hour >= 12;
      if ((apart == 1 && afternoon) || (apart == -1 && !afternoon)) meta.published = *shown;
    }
  }
  if (!meta.published.known()) {
    // /2017/02/23/ in the address.
    const std::string url = !canonical.empty() ? canonical : std::string(url_hint);
    for (size_t p = url.find('/'); p != std::string::npos && p + 11 < url.size(); p = url.find('/', p + 1)) {
      const std::string_view s = std::string_view(url).substr(p + 1, 10);
      if (IsDigit(s[0]) && IsDigit(s[3]) && s[4] == '/' && IsDigit(s[5]) && IsDigit(s[6]) && s[7] == '/' &&
          IsDigit(s[8]) && IsDigit(s[9])) {
        if (Result<PublishedDate> d = MakeDay(ToInt(s.substr(0, 4)), ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2)));
            d.ok()) {
          meta.published = *d;
          break;
        }
      }
    }
  }

  meta.language = NormalizeLanguage(ld.language);
  if (meta.language.empty()) meta.language = NormalizeLanguage(get({"og:locale", "content-language", "dc.language", "language"}));
  if (meta.language.empty()) meta.language = html_lang;

  meta.canonical_url = canonical;
  if (meta.canonical_url.empty()) meta.canonical_url = get({"og:url"});
  if (meta.canonical_url.empty()) meta.canonical_url = ld.url;
  if (!meta.canonical_url.starts_with("http")) meta.canonical_url.clear();
  return meta;
}

}  // namespace storyline::ingest::html
