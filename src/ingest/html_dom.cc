// ParseDom: a linear pass that tokenizes tags the way HTML5 does (names,
// quoted and unquoted attribute values, raw-text elements) and writes a
// lighter page, then libxml2's HTML parser builds the tree over it through
// SAX callbacks straight into our node vector.
//
// Why the lighter page: libxml2 reads script, style and attribute text one
// character at a time, and on news pages those are three quarters of the
// bytes; the extractors never look at them.
#include "ingest/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace storyline::ingest::html {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct TagName {
  std::string_view name;
  Tag tag;
};
// Sorted by name for binary search.
constexpr TagName kTags[] = {
    {"a", Tag::kA}, {"address", Tag::kAddress}, {"article", Tag::kArticle},
    {"aside", Tag::kAside}, {"audio", Tag::kAudio}, {"b", Tag::kB},
    {"blockquote", Tag::kBlockquote}, {"body", Tag::kBody}, {"br", Tag::kBr},
    {"button", Tag::kButton}, {"canvas", Tag::kCanvas}, {"caption", Tag::kCaption},
    {"center", Tag::kCenter}, {"dd", Tag::kDd}, {"details", Tag::kDetails}, {"div", Tag::kDiv},
    {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"em", Tag::kEm}, {"embed", Tag::kEmbed},
    {"fieldset", Tag::kFieldset}, {"figcaption", Tag::kFigcaption}, {"figure", Tag::kFigure},
    {"font", Tag::kFont}, {"footer", Tag::kFooter}, {"form", Tag::kForm}, {"h1", Tag::kH1},
    {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6},
    {"head", Tag::kHead}, {"header", Tag::kHeader}, {"hr", Tag::kHr}, {"html", Tag::kHtml},
    {"i", Tag::kI}, {"iframe", Tag::kIframe}, {"img", Tag::kImg}, {"input", Tag::kInput},
    {"label", Tag::kLabel}, {"legend", Tag::kLegend}, {"li", Tag::kLi}, {"link", Tag::kLink},
    {"main", Tag::kMain}, {"map", Tag::kMap}, {"math", Tag::kMath}, {"menu", Tag::kMenu},
    {"meta", Tag::kMeta}, {"nav", Tag::kNav}, {"noembed", Tag::kNoembed},
    {"noframes", Tag::kNoframes}, {"noscript", Tag::kNoscript}, {"object", Tag::kObject},
    {"ol", Tag::kOl}, {"p", Tag::kP}, {"pre", Tag::kPre}, {"script", Tag::kScript},
    {"section", Tag::kSection}, {"select", Tag::kSelect}, {"span", Tag::kSpan},
    {"strong", Tag::kStrong}, {"style", Tag::kStyle}, {"summary", Tag::kSummary},
    {"svg", Tag::kSvg}, {"table", Tag::kTable}, {"tbody", Tag::kTbody}, {"td", Tag::kTd},
    {"template", Tag::kTemplate}, {"textarea", Tag::kTextarea}, {"tfoot", Tag::kTfoot},
    {"th", Tag::kTh}, {"thead", Tag::kThead}, {"time", Tag::kTime}, {"title", Tag::kTitle},
    {"tr", Tag::kTr}, {"ul", Tag::kUl}, {"video", Tag::kVideo}, {"xmp", Tag::kXmp}};
static_assert(std::is_sorted(std::begin(kTags), std::end(kTags),
                             [](const TagName& a, const TagName& b) { return a.name < b.name; }));

// Open addressing over a hash of length and first and last letters: every
// start tag of a page is looked up twice (here and in the SAX callback).
template <typename Entry, size_t kEntries>
class NameTable {
 public:
  constexpr explicit NameTable(const Entry (&entries)[kEntries]) {
    for (const Entry& e : entries) {
      size_t h = Hash(e.name);
      while (slots_[h] != nullptr) h = (h + 1) & kMask;
      slots_[h] = &e;
    }
  }
  const Entry* Find(std::string_view name) const {
    if (name.empty()) return nullptr;
    for (size_t h = Hash(name); slots_[h] != nullptr; h = (h + 1) & kMask) {
      const std::string_view candidate = slots_[h]->name;
      if (candidate.size() != name.size()) continue;
      size_t k = 0;  // names are short: no call to memcmp
      while (k < name.size() && candidate[k] == name[k]) ++k;
      if (k == name.size()) return slots_[h];
    }
    return nullptr;
  }

 private:
  static constexpr size_t kMask = 255;
  static_assert(kEntries * 2 < kMask);
  static constexpr size_t Hash(std::string_view n) {
    return (n.size() * 37 + static_cast<unsigned char>(n[0]) * 11 +
            static_cast<unsigned char>(n[n.size() - 1]) * 3) & kMask;
  }
  std::array<const Entry*, kMask + 1> slots_{};
};

Tag TagByName(std::string_view name) {
  static const NameTable<TagName, std::size(kTags)> table(kTags);
  const TagName* t = table.Find(name);
  return t != nullptr ? t->tag : Tag::kOther;
}

struct AttrName {
  std::string_view name;
  Attr attr;
};
constexpr AttrName kAttrs[] = {
    {"class", Attr::kClass}, {"id", Attr::kId}, {"role", Attr::kRole},
    {"itemprop", Attr::kItemprop}, {"style", Attr::kStyle}, {"hidden", Attr::kHidden},
    {"property", Attr::kProperty}, {"name", Attr::kName}, {"content", Attr::kContent},
    {"http-equiv", Attr::kHttpEquiv}, {"rel", Attr::kRel}, {"href", Attr::kHref},
    {"type", Attr::kType}, {"datetime", Attr::kDatetime}, {"pubdate", Attr::kPubdate},
    {"lang", Attr::kLang}, {"xml:lang", Attr::kXmlLang}};

bool AttrByName(std::string_view name, Attr* out) {
  static const NameTable<AttrName, std::size(kAttrs)> table(kAttrs);
  const AttrName* a = table.Find(name);
  if (a == nullptr) return false;
  *out = a->attr;
  return true;
}

// Container elements that authors leave open; elements with optional end
// tags (p, li, td) are closed by the parser and not counted.
bool CountsForNesting(Tag t) {
  switch (t) {
    case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kSpan: case Tag::kMain:
    case Tag::kAside: case Tag::kNav: case Tag::kHeader: case Tag::kFooter:
    case Tag::kBlockquote: case Tag::kUl: case Tag::kOl: case Tag::kTable: case Tag::kFont:
    case Tag::kB: case Tag::kI: case Tag::kEm: case Tag::kStrong: case Tag::kA:
    case Tag::kCenter: case Tag::kForm:
      return true;
    default:
      return false;
  }
}

// Elements whose content is dropped whole: raw text (script, style, ...),
// foreign content, and what is never shown (noscript with scripting on,
// template, textarea).
enum class Drop : uint8_t { kNo, kRawText, kNested };
Drop DropOf(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTextarea:
    case Tag::kIframe: case Tag::kNoembed: case Tag::kNoframes: case Tag::kXmp:
      return Drop::kRawText;
    case Tag::kSvg: case Tag::kMath: case Tag::kTemplate:
      return Drop::kNested;
    default:
      return Drop::kNo;
  }
}

bool EqualsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

// Finds "</name" (any case) followed by a tag-ending character, from `from`.
size_t FindEndTag(std::string_view s, std::string_view name, size_t from) {
  for (size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (s.size() - i < name.size() + 2) return std::string_view::npos;
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) match = Lower(s[i + 2 + k]) == name[k];
    if (!match) continue;
    const size_t after = i + 2 + name.size();
    if (after == s.size() || IsSpace(s[after]) || s[after] == '>' || s[after] == '/') return i;
  }
  return std::string_view::npos;
}

// For svg/math/template: the end tag matching the start, counting nested
// start tags of the same name.
size_t FindNestedEnd(std::string_view s, std::string_view name, size_t from) {
  int open = 1;
  size_t i = from;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    const bool closing = i + 1 < s.size() && s[i + 1] == '/';
    const size_t at = i + 1 + closing;
    bool match = s.size() - at >= name.size();
    for (size_t k = 0; k < name.size() && match; ++k) match = Lower(s[at + k]) == name[k];
    const size_t after = at + name.size();
    if (match && (after == s.size() || IsSpace(s[after]) || s[after] == '>' || s[after] == '/')) {
      if (closing && --open == 0) return i;
      if (!closing) {
        const size_t gt = s.find('>', after);
        if (gt == std::string_view::npos) return gt;
        if (s[gt - 1] != '/') ++open;
      }
    }
    ++i;
  }
  return std::string_view::npos;
}

// Whether the extractors read attribute `a` on a `tag`: most hrefs, names
// and styles are long and useless to them.
bool Wanted(Attr a, Tag tag, std::string_view value) {
  switch (a) {
    case Attr::kHref: return tag == Tag::kLink;
    case Attr::kRel: return tag == Tag::kLink || tag == Tag::kA;
    case Attr::kName: case Attr::kProperty: case Attr::kHttpEquiv: return tag == Tag::kMeta;
    case Attr::kLang: case Attr::kXmlLang: return tag == Tag::kHtml;
    case Attr::kType: return false;  // read above for <script> only
    case Attr::kStyle:  // kept for display:none and visibility:hidden
      return value.find("none") != std::string_view::npos ||
             value.find("hidden") != std::string_view::npos ||
             value.find("NONE") != std::string_view::npos ||
             value.find("HIDDEN") != std::string_view::npos;
    default: return true;
  }
}

// Text between tags. Outside <pre> a run of whitespace means one space
// (the extractors collapse it anyway), and indentation is a third of what
// is left of a page.
void AppendText(std::string_view t, bool keep_spaces, std::string* out) {
  if (keep_spaces) {
    out->append(t);
    return;
  }
  size_t i = 0;
  const size_t n = t.size();
  while (i < n) {
    size_t j = i;
    while (j < n && !IsSpace(t[j])) ++j;
    out->append(t.substr(i, j - i));
    if (j == n) break;
    out->push_back(t[j] == '\n' ? '\n' : ' ');
    while (j < n && IsSpace(t[j])) ++j;
    i = j;
  }
}

struct Lightened {
  std::string html;
  std::vector<std::string> json_ld;
  int max_depth = 0;
};

// Writes `value` as a double-quoted attribute value.
void AppendQuoted(std::string_view value, std::string* out) {
  out->push_back('"');
  for (size_t q; (q = value.find('"')) != std::string_view::npos; value.remove_prefix(q + 1)) {
    out->append(value.substr(0, q)).append("&quot;");
  }
  out->append(value).push_back('"');
}

Lightened Lighten(std::string_view s) {
  Lightened out;
  std::string& html = out.html;
  html.reserve(s.size() / 2);
  int depth = 0, pre_depth = 0;
  std::string name;
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      AppendText(s.substr(i), pre_depth > 0, &html);
      break;
    }
    AppendText(s.substr(i, lt - i), pre_depth > 0, &html);
    i = lt;
    const char c = lt + 1 < s.size() ? s[lt + 1] : '\0';
    if (c == '!' || c == '?') {  // comment, doctype, CDATA, processing instruction
      size_t end;
      if (s.compare(lt, 4, "<!--") == 0) {
        end = s.find("-->", lt + 4);
        i = end == std::string_view::npos ? s.size() : end + 3;
      } else {
        end = s.find('>', lt);
        i = end == std::string_view::npos ? s.size() : end + 1;
      }
      continue;
    }
    const bool closing = c == '/';
    size_t p = lt + 1 + closing;
    if (p >= s.size() || !IsAlpha(s[p])) {
      if (closing && p < s.size() && s[p] == '>') {  // "</>" is nothing
        i = p + 1;
        continue;
      }
      html.append("&lt;");
      i = lt + 1;
      continue;
    }
    const size_t name_begin = p;
    while (p < s.size() && !IsSpace(s[p]) && s[p] != '/' && s[p] != '>') ++p;
    name.assign(s.substr(name_begin, p - name_begin));
    for (char& ch : name) ch = Lower(ch);
    const Tag tag_id = TagByName(name);
    if (closing) {
      const size_t gt = s.find('>', p);
      if (gt == std::string_view::npos) break;  // EOF inside a tag: dropped
      i = gt + 1;
      html.append("</").append(name).push_back('>');
      const Tag closed = TagByName(name);
      if (CountsForNesting(closed) && depth > 0) --depth;
      if (closed == Tag::kPre && pre_depth > 0) --pre_depth;
      continue;
    }
    // Start tag: attributes as HTML5 tokenizes them; only known ones are kept.
    const size_t mark = html.size();
    std::string& tag = html;
    tag.push_back('<');
    tag.append(name);
    std::string_view type, rel;
    bool self_closing = false, complete = false;
    while (p < s.size()) {
      while (p < s.size() && IsSpace(s[p])) ++p;
      if (p >= s.size()) break;
      if (s[p] == '>') {
        complete = true;
        ++p;
        break;
      }
      if (s[p] == '/') {
        ++p;
        if (p < s.size() && s[p] == '>') {
          self_closing = complete = true;
          ++p;
          break;
        }
        continue;
      }
      const size_t attr_begin = p;
      ++p;  // the first character may be '='
      while (p < s.size() && !IsSpace(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=') ++p;
      const std::string_view attr_name = s.substr(attr_begin, p - attr_begin);
      size_t q = p;
      while (q < s.size() && IsSpace(s[q])) ++q;
      std::string_view value;
      bool has_value = false;
      if (q < s.size() && s[q] == '=') {
        ++q;
        while (q < s.size() && IsSpace(s[q])) ++q;
        if (q < s.size() && (s[q] == '"' || s[q] == '\'')) {
          const size_t close = s.find(s[q], q + 1);
          if (close == std::string_view::npos) {
            p = s.size();
            break;
          }
          value = s.substr(q + 1, close - q - 1);
          p = close + 1;
        } else {
          const size_t v = q;
          while (q < s.size() && !IsSpace(s[q]) && s[q] != '>') ++q;
          value = s.substr(v, q - v);
          p = q;
        }
        has_value = true;
      }
      if (attr_name.size() > 11) continue;
      char lower[12];
      for (size_t k = 0; k < attr_name.size(); ++k) lower[k] = Lower(attr_name[k]);
      const std::string_view lname(lower, attr_name.size());
      Attr a;
      if (!AttrByName(lname, &a)) continue;
      if (a == Attr::kType) type = value;
      if (a == Attr::kRel) rel = value;
      if (!Wanted(a, tag_id, value)) continue;
      tag.push_back(' ');
      tag.append(lname);
      if (has_value) {
        tag.push_back('=');
        AppendQuoted(value, &tag);
      }
    }
    if (!complete) {  // EOF inside a tag: dropped
      html.resize(mark);
      break;
    }
    i = p;
    const Drop drop = self_closing ? Drop::kNo : DropOf(tag_id);
    if (drop != Drop::kNo) html.resize(mark);
    if (tag_id == Tag::kLink && !EqualsIgnoreCase(rel, "canonical")) {
      html.resize(mark);  // stylesheets, preloads, icons: a few thousand bytes a page
      continue;
    }
    if (drop == Drop::kRawText) {
      const size_t end = FindEndTag(s, name, i);
      const std::string_view content = s.substr(i, end == std::string_view::npos ? s.size() - i : end - i);
      if (tag_id == Tag::kScript) {
        std::string t;
        for (char ch : type) t.push_back(Lower(ch));
        if (t.find("ld+json") != std::string::npos) out.json_ld.emplace_back(content);
      }
      if (end == std::string_view::npos) break;
      const size_t gt = s.find('>', end);
      i = gt == std::string_view::npos ? s.size() : gt + 1;
      continue;
    }
    if (drop == Drop::kNested) {
      const size_t end = FindNestedEnd(s, name, i);
      if (end == std::string_view::npos) break;
      const size_t gt = s.find('>', end);
      i = gt == std::string_view::npos ? s.size() : gt + 1;
      continue;
    }
    if (self_closing) tag.push_back('/');
    tag.push_back('>');
    if (tag_id == Tag::kTitle) {
      // RCDATA: markup inside is text.
      const size_t end = FindEndTag(s, name, i);
      const std::string_view content = s.substr(i, end == std::string_view::npos ? s.size() - i : end - i);
      for (char ch : content) {
        if (ch == '<') {
          html.append("&lt;");
        } else {
          html.push_back(ch);
        }
      }
      i += content.size();
      continue;
    }
    if (!self_closing && CountsForNesting(tag_id) && ++depth > out.max_depth) out.max_depth = depth;
    if (!self_closing && tag_id == Tag::kPre) ++pre_depth;
  }
  return out;
}

}  // namespace

class DomBuilder {
 public:
  explicit DomBuilder(Dom* dom) : dom_(dom) {
    dom_->nodes_.reserve(1024);
    dom_->nodes_.push_back(Node{});
    dom_->nodes_[0].tag = Tag::kDocument;
    open_.push_back(0);
  }

  static void StartElement(void* ctx, const xmlChar* name, const xmlChar** atts) {
    auto* b = static_cast<DomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    b->Start(reinterpret_cast<const char*>(name), reinterpret_cast<const char**>(atts));
  }
  static void EndElement(void* ctx, const xmlChar* /*name*/) {
    auto* b = static_cast<DomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    if (b->open_.size() > 1) b->open_.pop_back();
  }
  static void Characters(void* ctx, const xmlChar* ch, int len) {
    auto* b = static_cast<DomBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    b->Text(std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)));
  }

 private:
  uint32_t Append(Tag tag) {
    std::vector<Node>& nodes = dom_->nodes_;
    const auto index = static_cast<uint32_t>(nodes.size());
    const uint32_t parent = open_.back();
    Node n;
    n.tag = tag;
    n.parent = parent;
    nodes.push_back(n);
    Node& p = nodes[parent];
    if (p.last_child == kNoNode) {
      p.first_child = index;
    } else {
      nodes[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    return index;
  }

  void Start(const char* name, const char** atts) {
    // libxml2 interns element names, so a name's pointer identifies it.
    const size_t slot = (reinterpret_cast<uintptr_t>(name) >> 3) & (kNameCache - 1);
    if (cached_names_[slot] != name) {
      cached_names_[slot] = name;
      cached_tags_[slot] = TagByName(name);
    }
    const uint32_t index = Append(cached_tags_[slot]);
    Node& n = dom_->nodes_[index];
    n.begin = static_cast<uint32_t>(dom_->attrs_.size());
    for (const char** a = atts; a != nullptr && a[0] != nullptr; a += 2) {
      Attr attr;
      if (!AttrByName(a[0], &attr)) continue;
      const std::string_view value = a[1] != nullptr ? std::string_view(a[1]) : std::string_view();
      const auto begin = static_cast<uint32_t>(dom_->text_.size());
      dom_->text_.append(value);
      dom_->attrs_.push_back({attr, begin, static_cast<uint32_t>(dom_->text_.size())});
    }
    n.end = static_cast<uint32_t>(dom_->attrs_.size());
    open_.push_back(index);
  }

  void Text(std::string_view text) {
    std::vector<Node>& nodes = dom_->nodes_;
    const uint32_t parent = open_.back();
    const uint32_t last = nodes[parent].last_child;
    // Text arrives in chunks; a chunk that continues the newest node extends it.
    if (last != kNoNode && last + 1 == nodes.size() && nodes[last].tag == Tag::kText &&
        nodes[last].end == dom_->text_.size()) {
      dom_->text_.append(text);
      nodes[last].end = static_cast<uint32_t>(dom_->text_.size());
      return;
    }
    const uint32_t index = Append(Tag::kText);
    nodes[index].begin = static_cast<uint32_t>(dom_->text_.size());
    dom_->text_.append(text);
    nodes[index].end = static_cast<uint32_t>(dom_->text_.size());
  }

  static constexpr size_t kNameCache = 64;
  Dom* dom_;
  std::vector<uint32_t> open_;
  std::array<const char*, kNameCache> cached_names_{};
  std::array<Tag, kNameCache> cached_tags_{};
};

std::string_view Dom::attribute(uint32_t i, Attr a) const {
  const Node& n = nodes_[i];
  if (n.tag == Tag::kText || n.tag == Tag::kDocument) return {};
  for (uint32_t k = n.begin; k < n.end; ++k) {
    if (attrs_[k].name == a) {
      // Present without a value: an empty view that is not null.
      if (attrs_[k].begin == attrs_[k].end) return std::string_view("", 0);
      return std::string_view(text_).substr(attrs_[k].begin, attrs_[k].end - attrs_[k].begin);
    }
  }
  return {};
}

uint32_t Dom::Find(Tag tag) const {
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].tag == tag) return i;
  }
  return kNoNode;
}

std::string Dom::Text(uint32_t root, size_t limit, bool* cut) const {
  std::string out;
  bool space = false;
  // Nodes are in document order: the subtree of `root` is the run of nodes
  // after it up to its next sibling (or an ancestor's).
  uint32_t stop = kNoNode;
  for (uint32_t x = root; x != kNoNode && stop == kNoNode; x = nodes_[x].parent) stop = nodes_[x].next_sibling;
  if (stop == kNoNode) stop = size();
  if (cut != nullptr) *cut = false;
  for (uint32_t i = root; i < stop; ++i) {
    if (out.size() > limit || i - root > limit) {
      if (cut != nullptr) *cut = true;
      break;
    }
    if (nodes_[i].tag != Tag::kText) continue;
    const std::string_view t = text(i);
    for (size_t k = 0; k < t.size(); ++k) {
      const char c = t[k];
      if (IsSpace(c) || c == '\v') {
        space = true;
        continue;
      }
      if (c == '\xC2' && k + 1 < t.size() && t[k + 1] == '\xA0') {
        space = true;
        ++k;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    space = true;
  }
  return out;
}

Result<Dom> ParseDom(std::string_view html) {
  Lightened light = Lighten(html);
  if (light.max_depth > kMaxNestingDepth) {
    return Status::InvalidArgument(fmt::format("markup nested {} elements deep; at most {} are read",
                                               light.max_depth, kMaxNestingDepth));
  }
  Dom dom;
  dom.json_ld_ = std::move(light.json_ld);
  DomBuilder builder(&dom);
  if (light.html.empty()) return dom;
  xmlInitParser();
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(
      htmlCreateMemoryParserCtxt(light.html.data(), static_cast<int>(light.html.size())),
      htmlFreeParserCtxt);
  if (!ctxt) return Status::Internal("the HTML parser could not start");
  htmlCtxtUseOptions(ctxt.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                                     HTML_PARSE_NOIMPLIED);
  // The text is UTF-8 already: without this libxml2 guesses from <meta>
  // and falls back to Latin-1.
  ctxt->charset = XML_CHAR_ENCODING_UTF8;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = &DomBuilder::StartElement;
  sax.endElement = &DomBuilder::EndElement;
  sax.characters = &DomBuilder::Characters;
  sax.ignorableWhitespace = &DomBuilder::Characters;
  sax.cdataBlock = &DomBuilder::Characters;
  std::memcpy(ctxt->sax, &sax, sizeof sax);
  ctxt->_private = &builder;
  htmlParseDocument(ctxt.get());
  return dom;
}

}  // namespace storyline::ingest::html
