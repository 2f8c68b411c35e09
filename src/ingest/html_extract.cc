// The article body of a page. Our own algorithm, after the shallow text
// features Kohlschütter et al. (WSDM 2010) found to separate boilerplate from
// content: words per block and link density, plus block structure and
// class/id/role hints.
//
// 1. One iterative walk over the tree cuts the text into blocks at
//    block-level elements (<br> stays inside a block as "\n") and records every
//    element with its parent and a hint (negative: nav, aside, footer,
//    class/id words such as comment, cookie, share, related; positive:
//    article, main, itemprop=articleBody, "article-body").
// 2. Each block gets a value: its words beyond a few, damped by link density,
//    halved without sentence punctuation. A block under a negative element is
//    worth nothing unless that element holds half of the page's text (a
//    page-wide wrapper whose class merely mentions a sidebar).
// 3. Values add up the tree. From <body> we descend into the child holding
//    most of its parent's value (90 %, or 50 % for a positive child): the
//    deepest such element is the article container.
// 4. Inside it, blocks are kept in document order unless they sit under a
//    negative element, are mostly link text, repeat the title, or are short
//    page furniture ("Share", "Weitere Videos", "Foto: dpa"); runs of weak
//    blocks before the first and after the last strong block are trimmed,
//    but not paragraphs and list items of plain text inside the container.
//    The lead under the headline is kept wherever it sits (LeadBlocks).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/html_internal.h"

namespace storyline::ingest::html {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

enum class Kind : uint8_t { kOther, kPara, kHeading, kTitle, kList, kQuote, kPre, kCell };

enum Hint : uint8_t { kNegative = 1, kPositive = 2, kWeakNegative = 4 };

struct Element {
  uint32_t parent = kNone;
  uint32_t first_child = kNone;
  uint32_t next_sibling = kNone;
  uint32_t last_child = kNone;
  uint32_t neg_ancestor = kNone;  // nearest negative strict ancestor
  Tag tag = Tag::kOther;
  uint32_t node = 0;  // in the Dom
  uint32_t last_descendant = 0;
  uint8_t hint = 0;
  uint32_t chars = 0;
  double raw_value = 0;  // value of its blocks, hints ignored
  double value = 0;
};

struct Block {
  std::string text;
  uint32_t element = kNone;  // innermost block-level element
  Kind kind = Kind::kOther;
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t words = 0;
  uint32_t sentence_marks = 0;
  double value = 0;
};

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kSection: case Tag::kArticle:
    case Tag::kMain: case Tag::kHeader: case Tag::kFooter: case Tag::kNav:
    case Tag::kAside: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kUl:
    case Tag::kOl: case Tag::kLi: case Tag::kDl: case Tag::kDt:
    case Tag::kDd: case Tag::kBlockquote: case Tag::kPre: case Tag::kTable:
    case Tag::kThead: case Tag::kTbody: case Tag::kTfoot: case Tag::kTr:
    case Tag::kTd: case Tag::kTh: case Tag::kCaption: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kForm: case Tag::kFieldset:
    case Tag::kAddress: case Tag::kCenter: case Tag::kHr: case Tag::kDetails:
    case Tag::kSummary: case Tag::kBody: case Tag::kHtml:
    case Tag::kMenu: case Tag::kLegend:
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(Tag t) {
  switch (t) {
    // noscript, template, svg, math, iframe and textarea never reach the tree.
    case Tag::kHead: case Tag::kScript: case Tag::kStyle:
    case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas: case Tag::kSelect:
    case Tag::kButton: case Tag::kInput: case Tag::kVideo:
    case Tag::kAudio: case Tag::kMap: case Tag::kLabel:
      return true;
    default:
      return false;
  }
}

Kind KindOf(Tag t) {
  switch (t) {
    case Tag::kP: return Kind::kPara;
    case Tag::kH1: return Kind::kTitle;
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5:
    case Tag::kH6: return Kind::kHeading;
    case Tag::kLi: case Tag::kDd: case Tag::kDt: return Kind::kList;
    case Tag::kBlockquote: return Kind::kQuote;
    case Tag::kPre: return Kind::kPre;
    case Tag::kTd: case Tag::kTh: return Kind::kCell;
    default: return Kind::kOther;
  }
}

// Words of class and id values that mark page furniture. Whole words match
// ("ad", "nav"); the stems match inside compounds ("commentlist",
// "cookiebanner", "socialshare").
constexpr std::string_view kNegativeWords[] = {
    "nav", "navbar", "menu", "footer", "sidebar", "aside", "ad", "ads", "advert", "banner",
    "promo", "teaser", "teasers", "breadcrumb", "breadcrumbs", "popup",
    "modal", "overlay", "tags", "tagcloud", "pagination", "pager", "toolbar", "masthead",
    "copyright", "legal", "rating", "byline", "author", "bio", "dateline", "disclaimer",
    "login", "signup", "infobox",
    "skip", "jump", "outbrain", "taboola", "sponsored", "sponsor", "donate",
    "donation", "spenden", "kommentare", "subnav", "topnav", "site-header",
    "sr-only", "visually-hidden", "screen-reader-text", "recirc", "most-popular",
    "trending", "slideshow", "carousel", "podcast"};
// Words that also name containers of real content (Blogger's "widget Blog",
// a "header" holding the lead, a "form" around the whole page): they count
// only for elements holding little of the page's running text.
constexpr std::string_view kWeakNegativeWords[] = {
    "widget", "widgets", "more", "meta", "header", "video", "gallery", "print", "legal",
    "toc", "credit", "caption"};
// Not "paywall": the element it names holds the gated rest of the article,
// the offer to subscribe is caught by "subscri".
constexpr std::string_view kNegativeStems[] = {
    "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related",
    "newsletter", "subscri", "navigation", "sidebar", "breadcrumb", "teaser", "promo",
    "advert", "sponsor", "recommend", "empfehl", "footer", "author-box", "authorbox",
    "author-info", "about-author", "disqus", "popular", "read-more", "readmore",
    "weitere", "werbung", "anzeige", "banner", "follow", "signup"};
constexpr std::string_view kPositiveWords[] = {
    "article-body", "articlebody", "article-content", "article-text", "articletext",
    "entry-content", "post-content", "post-body", "postbody", "story-body", "storybody",
    "story-content", "content-body", "article__body", "article__content", "body-text",
    "main-content", "maincontent", "text-content", "rich-text", "richtext", "post-entry",
    "entry", "story", "article", "post", "content", "text", "body", "main"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

struct ClassHint {
  bool negative = false, weak = false, positive = false, content_value = false;
};

// Hints from one class or id value (lowercase): whole values, then their
// words split at '-' and '_'.
ClassHint ClassHintOf(std::string_view value) {
  ClassHint h;
  bool content_part = false;
  for (std::string_view part : {"content", "body", "text", "entry"}) {
    content_part |= value.find(part) != std::string_view::npos;
  }
  // State classes ("modal-enabled", "menu-open") say nothing about content.
  for (std::string_view suffix : {"-enabled", "-active", "-open", "-closed", "-visible", "-loaded", "-ready", "-init"}) {
    if (value.ends_with(suffix)) return h;
  }
  for (std::string_view p : kPositiveWords) h.positive |= value == p;
  // Stems anywhere in the value; one pass over its positions, trying only
  // the stems that start with the letter there.
  static const std::array<std::vector<std::string_view>, 128> kStemsByLetter = [] {
    std::array<std::vector<std::string_view>, 128> t;
    for (std::string_view st : kNegativeStems) t[static_cast<unsigned char>(st[0]) & 127].push_back(st);
    return t;
  }();
  for (size_t at = 0; at < value.size() && !h.negative; ++at) {
    const auto c = static_cast<unsigned char>(value[at]);
    if (c >= 128) continue;
    for (std::string_view st : kStemsByLetter[c]) {
      if (value.compare(at, st.size(), st) != 0) continue;
      // "commentary" is an article genre (opinion), not reader comments.
      if (st == "comment" && value.substr(at).starts_with("commentary")) continue;
      h.negative = true;
      break;
    }
  }
  // "entry-content" is the article, but "comment-content" and
  // "author-box--content" are the content of furniture.
  if (content_part) {
    if (!h.negative) h.positive = h.content_value = true;
    return h;
  }
  size_t a = 0;
  while (a < value.size() && !h.negative) {
    size_t b = a;
    while (b < value.size() && value[b] != '-' && value[b] != '_') ++b;
    const std::string_view word = value.substr(a, b - a);
    for (std::string_view w : kNegativeWords) h.negative |= word == w;
    for (std::string_view w : kWeakNegativeWords) h.weak |= word == w;
    a = b + 1;
  }
  return h;
}

// Class attributes and their words repeat all over a page and a site: their
// verdicts are cached by their text.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using HintCache = std::unordered_map<std::string, ClassHint, StringHash, std::equal_to<>>;
constexpr size_t kMaxCachedHints = 1 << 16;

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Hints from tag, role, itemprop, class and id.
uint8_t HintOf(const Dom& dom, uint32_t node, Tag tag, std::string* scratch) {
  // The verdicts depend on the text alone, so they are kept from page to
  // page (sites repeat their class names), per thread and bounded.
  thread_local HintCache attribute_cache, token_cache_storage;
  if (attribute_cache.size() + token_cache_storage.size() > kMaxCachedHints) {
    attribute_cache.clear();
    token_cache_storage.clear();
  }
  HintCache* cache = &attribute_cache;
  HintCache* token_cache = &token_cache_storage;
  switch (tag) {
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kMenu:
    case Tag::kFigcaption: case Tag::kForm:
      return kNegative;
    default:
      break;
  }
  const std::string_view role = dom.attribute(node, Attr::kRole);
  if (!role.empty()) {
    for (std::string_view r : {"navigation", "complementary", "contentinfo", "dialog", "alertdialog",
                               "banner", "menu", "search"}) {
      if (EqualsLower(role, r)) return kNegative;
    }
  }
  const std::string_view itemprop = dom.attribute(node, Attr::kItemprop);
  if (itemprop == "articleBody" || itemprop == "text") return kPositive;
  uint8_t hint = 0;
  if (tag == Tag::kArticle || tag == Tag::kMain || EqualsLower(role, "main") ||
      EqualsLower(role, "article")) {
    hint = kPositive;
  }
  const std::string_view cls = dom.attribute(node, Attr::kClass);
  const std::string_view id = dom.attribute(node, Attr::kId);
  if (cls.empty() && id.empty()) return hint;
  ClassHint h;
  for (std::string_view attr : {cls, id}) {
    if (attr.empty()) continue;
    // Ids are mostly unique: caching them would cost more than it saves.
    const bool cached = attr.data() == cls.data();
    auto it = cached ? cache->find(attr) : cache->end();
    ClassHint all;
    if (it == cache->end()) {
      std::string& lower = *scratch;
      lower.assign(attr);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      for (size_t i = 0; i < lower.size();) {
        while (i < lower.size() && !IsWordChar(lower[i])) ++i;
        size_t j = i;
        while (j < lower.size() && IsWordChar(lower[j])) ++j;
        if (j > i) {
          // Tokens ("col-md-8", "post") repeat even where whole attributes do not.
          const std::string_view token = std::string_view(lower).substr(i, j - i);
          ClassHint one;
          if (cached) {
            auto t = token_cache->find(token);
            if (t == token_cache->end()) t = token_cache->emplace(std::string(token), ClassHintOf(token)).first;
            one = t->second;
          } else {
            one = ClassHintOf(token);
          }
          all.negative |= one.negative;
          all.weak |= one.weak;
          all.positive |= one.positive;
          all.content_value |= one.content_value;
        }
        i = j;
      }
      if (cached) cache->emplace(std::string(attr), all);
    } else {
      all = it->second;
    }
    h.negative |= all.negative;
    h.weak |= all.weak;
    h.positive |= all.positive;
    h.content_value |= all.content_value;
  }
  if (h.negative && !h.content_value) return kNegative;
  if (h.weak && !h.positive) return kWeakNegative;
  return h.positive ? static_cast<uint8_t>(kPositive) : hint;
}

bool IsHidden(const Dom& dom, uint32_t node) {
  if (dom.has_attribute(node, Attr::kHidden)) return true;
  const std::string_view style = dom.attribute(node, Attr::kStyle);
  if (style.empty()) return false;
  std::string s;
  for (char c : style) {
    if (c != ' ') s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Short lines that are page furniture in any article (lowercase prefixes).
constexpr std::string_view kFurniturePrefixes[] = {
    "share", "advertisement", "sponsored", "related", "read more", "read also", "see also",
    "more from", "recommended", "sign up", "subscribe", "follow us", "newsletter",
    "all rights reserved", "copyright", "\xC2\xA9", "cookie", "we use cookies", "click here",
    "leave a comment", "posted in", "filed under", "tags:", "photo:", "image:", "loading",
    "previous article", "next article", "back to top", "skip to", "weitere videos",
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant",
    "das könnte sie auch interessieren", "anzeige", "werbung", "artikel teilen",
    "jetzt spenden", "unterstützen sie", "foto:", "bild:", "kommentare", "zum thema",
    "mehr zu", "alle rechte vorbehalten", "datenschutz", "impressum", "zur startseite",
    "zurück", "teilen", "drucken", "merken", "empfehlen", "mehr videos", "video:",
    "schlagworte", "themen:", "zum artikel", "diesen artikel", "das könnte dich auch interessieren",
    "sie könnten auch", "war der artikel", "vorschau auf den nächsten", "zum weiterlesen",
    "if you enjoyed", "already a subscriber", "notas relacionadas", "noticias relacionadas",
    "te puede interesar", "lee también"};

bool IsFurniture(const Block& b) {
  if (b.words > 25) return false;
  std::string head = AsciiLower(std::string_view(b.text).substr(0, 48));
  // Lowercase the German capitals that open these phrases.
  for (size_t p; (p = head.find("\xC3\x9C")) != std::string::npos;) head.replace(p, 2, "\xC3\xBC");
  for (std::string_view f : kFurniturePrefixes) {
    if (head.starts_with(f)) return true;
  }
  return false;
}

// Sentence punctuation outside ASCII, at the start of `s`: ideographic
// full stop and comma (。、), fullwidth forms (！，．？), Arabic comma and
// question mark (، ؟), Devanagari danda (।).
bool IsWideMark(std::string_view s) {
  const auto b = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; };
  if (b(0) == 0xE3 && b(1) == 0x80) return b(2) == 0x81 || b(2) == 0x82;
  if (b(0) == 0xEF && b(1) == 0xBC) return b(2) == 0x81 || b(2) == 0x8C || b(2) == 0x8E || b(2) == 0x9F;
  if (b(0) == 0xD8) return b(1) == 0x8C || b(1) == 0x9F;
  if (b(0) == 0xE0 && b(1) == 0xA5) return b(2) == 0xA4;
  return false;
}

enum class CharClass : uint8_t { kPlain, kSpace, kMark, kWideLead, kNbspLead };
constexpr std::array<CharClass, 256> MakeCharClasses() {
  std::array<CharClass, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) t[c] = CharClass::kSpace;
  for (unsigned char c : {'.', '!', '?', ',', ';'}) t[c] = CharClass::kMark;
  for (unsigned c : {0xD8u, 0xE0u, 0xE3u, 0xEFu}) t[c] = CharClass::kWideLead;
  t[0xC2] = CharClass::kNbspLead;
  return t;
}
constexpr std::array<CharClass, 256> kCharClass = MakeCharClasses();

class Extractor {
 public:
  explicit Extractor(const Dom& dom) : dom_(dom) {}
  void Walk();
  std::string Select(std::string_view title);

 private:
  uint32_t AddElement(uint32_t node, uint32_t parent);
  void Append(std::string_view text);
  void Flush(uint32_t owner);
  void ScoreBlocks();
  uint32_t ChooseContainer(uint32_t title_element) const;
  bool UnderNegative(uint32_t element, uint32_t container) const;
  std::vector<bool> LeadBlocks(size_t title_block, uint32_t container) const;
  // Elements are numbered in document order, so a subtree is a range.
  bool IsAncestorOrSelf(uint32_t ancestor, uint32_t e) const {
    return ancestor <= e && e <= elements_[ancestor].last_descendant;
  }

  const Dom& dom_;
  std::string scratch_;
  std::vector<Element> elements_;
  std::vector<Block> blocks_;
  std::string current_;
  uint32_t current_chars_ = 0;
  uint32_t current_links_ = 0;
  uint32_t current_marks_ = 0;
  bool pending_space_ = false;
  int link_depth_ = 0;
  int quote_depth_ = 0;
  uint32_t body_ = kNone;
};

uint32_t Extractor::AddElement(uint32_t node, uint32_t parent) {
  const auto index = static_cast<uint32_t>(elements_.size());
  Element e;
  e.parent = parent;
  e.tag = node == 0 ? Tag::kDocument : dom_.node(node).tag;
  e.node = node;
  e.hint = (e.tag == Tag::kBody || e.tag == Tag::kHtml || e.tag == Tag::kDocument)
               ? 0
               : HintOf(dom_, node, e.tag, &scratch_);
  if (parent != kNone) {
    const Element& p = elements_[parent];
    e.neg_ancestor = (p.hint & (kNegative | kWeakNegative)) ? parent : p.neg_ancestor;
    if (p.last_child == kNone) {
      elements_[parent].first_child = index;
    } else {
      elements_[p.last_child].next_sibling = index;
    }
    elements_[parent].last_child = index;
  }
  e.last_descendant = index;
  if (e.tag == Tag::kBody && body_ == kNone) body_ = index;
  elements_.push_back(e);
  return index;
}

void Extractor::Append(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      pending_space_ = true;
      ++i;
      continue;
    }
    if (c == '\xC2' && i + 1 < n && text[i + 1] == '\xA0') {
      pending_space_ = true;
      i += 2;
      continue;
    }
    // A run of visible characters, appended at once.
    size_t j = i;
    uint32_t marks = 0;
    while (j < n) {
      const auto d = static_cast<unsigned char>(text[j]);
      const CharClass k = kCharClass[d];
      if (k == CharClass::kPlain) {
        ++j;
        continue;
      }
      if (k == CharClass::kSpace || (d == 0xC2 && j + 1 < n && text[j + 1] == '\xA0')) break;
      if (k == CharClass::kMark) {
        ++marks;
      } else if (k == CharClass::kWideLead) {
        marks += IsWideMark(text.substr(j));
      }
      ++j;
    }
    if (pending_space_ && !current_.empty() && current_.back() != '\n') current_.push_back(' ');
    pending_space_ = false;
    current_.append(text, i, j - i);
    const auto len = static_cast<uint32_t>(j - i);
    current_chars_ += len;
    if (link_depth_ > 0) current_links_ += len;
    current_marks_ += marks;
    i = j;
  }
}

void Extractor::Flush(uint32_t owner) {
  while (!current_.empty() && (current_.back() == '\n' || current_.back() == ' ')) current_.pop_back();
  if (current_chars_ > 0) {
    Block b;
    b.text = std::move(current_);
    b.element = owner;
    b.kind = KindOf(elements_[owner].tag);
    if (quote_depth_ > 0 && b.kind != Kind::kHeading) b.kind = Kind::kQuote;
    b.chars = current_chars_;
    b.link_chars = current_links_;
    b.sentence_marks = current_marks_;
    uint32_t words = 0, cjk = 0;
    bool in_word = false;
    for (char c : b.text) {
      const bool space = c == ' ' || c == '\n';
      words += !space && !in_word;
      in_word = !space;
      // Lead bytes of kana, CJK ideographs and Hangul: scripts written
      // without spaces count about one word per two characters.
      const auto u = static_cast<unsigned char>(c);
      cjk += u >= 0xE3 && u <= 0xED;
    }
    b.words = std::max(words, cjk / 2);
    blocks_.push_back(std::move(b));
  }
  current_.clear();
  current_chars_ = current_links_ = current_marks_ = 0;
  pending_space_ = false;
}

void Extractor::Walk() {
  struct Frame {
    uint32_t node;
    uint32_t element;
    uint32_t next_child;
  };
  std::vector<Frame> stack;
  std::vector<uint32_t> owners;  // open block-level elements
  const uint32_t root_index = AddElement(0, kNone);
  stack.push_back({0, root_index, dom_.node(0).first_child});
  owners.push_back(root_index);
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next_child == kNoNode) {
      const Tag tag = dom_.node(f.node).tag;
      if (IsBlockTag(tag) || f.node == 0) {
        Flush(owners.back());
        owners.pop_back();
      }
      if (tag == Tag::kA) --link_depth_;
      if (tag == Tag::kBlockquote) --quote_depth_;
      stack.pop_back();
      continue;
    }
    const uint32_t child = f.next_child;
    const Node& n = dom_.node(child);
    f.next_child = n.next_sibling;
    const uint32_t parent = f.element;
    const Tag tag = n.tag;
    if (tag == Tag::kText) {
      Append(dom_.text(child));
      continue;
    }
    if (tag == Tag::kBr) {
      if (!current_.empty() && current_.back() != '\n') current_.push_back('\n');
      pending_space_ = false;
      continue;
    }
    if (IsSkippedTag(tag) || tag == Tag::kImg || IsHidden(dom_, child)) continue;
    const uint32_t index = AddElement(child, parent);
    if (IsBlockTag(tag)) {
      Flush(owners.back());
      owners.push_back(index);
    }
    if (tag == Tag::kA) ++link_depth_;
    if (tag == Tag::kBlockquote) ++quote_depth_;
    stack.push_back({child, index, n.first_child});
  }
}

double BlockValue(const Block& b);

// The share of its parent's value that makes the part holding the headline
// the container.
constexpr double kTitledShare = 0.3;

// The value of a block outside the container that is kept nevertheless.
constexpr double kBesideValue = 15;
// The value of a paragraph next to the container in reading order, with no
// boilerplate between them, that is kept.
constexpr double kAdjacentValue = 8;

bool Extractor::UnderNegative(uint32_t element, uint32_t container) const {
  const Element& e = elements_[element];
  uint32_t neg = (e.hint & (kNegative | kWeakNegative)) ? element : e.neg_ancestor;
  const uint32_t scope = container != kNone ? container : 0;
  for (; neg != kNone; neg = elements_[neg].neg_ancestor) {
    const Element& n = elements_[neg];
    if (container != kNone && IsAncestorOrSelf(neg, container)) return false;
    if (n.hint & kWeakNegative) {
      if (n.raw_value * 3 < elements_[scope].raw_value) return true;
    } else if (container != kNone || (n.chars * 2 < elements_[0].chars &&
                                      n.raw_value * 2 < elements_[0].raw_value)) {
      return true;
    }
  }
  return false;
}

// The standfirst: the first sentences under the headline, set apart from the
// body in the article's header or in a box whose class calls it a "teaser"
// (a word that elsewhere names links to other stories). Between the headline
// and the first strong paragraph of the container, the first paragraph of
// running text without links that ends like a sentence is the lead, unless a
// negative element around it, other than the header holding the headline,
// holds more than that paragraph (a list of teasers) or marks a caption.
std::vector<bool> Extractor::LeadBlocks(size_t title_block, uint32_t container) const {
  std::vector<bool> lead(blocks_.size(), false);
  if (title_block >= blocks_.size()) {
    // Without a headline matching the title, the last <h1> before the
    // container stands for it.
    for (size_t i = 0; i < blocks_.size() && !IsAncestorOrSelf(container, blocks_[i].element); ++i) {
      if (blocks_[i].kind == Kind::kTitle) title_block = i;
    }
    if (title_block >= blocks_.size()) return lead;
  }
  constexpr size_t kLeadWindow = 3;  // blocks of 10 words or more
  constexpr size_t kLeadScan = 30;
  constexpr uint32_t kLeadWords = 15;
  // Bylines, dates and author names between the headline and the lead are
  // short: only longer blocks count against the window.
  size_t passed = 0;
  for (size_t i = title_block + 1; i < blocks_.size() && i <= title_block + kLeadScan; ++i) {
    const Block& b = blocks_[i];
    if (b.kind == Kind::kTitle) break;
    if (b.words >= 10 && ++passed > kLeadWindow) break;
    const bool in = IsAncestorOrSelf(container, b.element);
    const bool strong = b.words >= 10 && b.sentence_marks > 0 && b.link_chars * 10 < b.chars * 3;
    if (in && strong && !UnderNegative(b.element, container)) break;  // the body begins
    if (b.link_chars > 0 || b.kind == Kind::kCell || b.kind == Kind::kList) continue;
    // A dek set as a heading (<h2>) is left out, as the AEB references do.
    if (b.words < kLeadWords || b.sentence_marks == 0 || b.kind == Kind::kHeading) continue;
    // It ends like a sentence; a dateline ("Updated Nov. 19, 2019 8:21 am
    // ET") does not.
    const char end = b.text.back();
    if (end != '.' && end != '!' && end != '?') continue;
    const Element& e = elements_[b.element];
    bool boxed = false;
    for (uint32_t neg = (e.hint & (kNegative | kWeakNegative)) ? b.element : e.neg_ancestor;
         neg != kNone && !IsAncestorOrSelf(neg, container); neg = elements_[neg].neg_ancestor) {
      // The article's header, which holds the headline, is no box.
      if (IsAncestorOrSelf(neg, blocks_[title_block].element)) continue;
      const Element& n = elements_[neg];
      boxed |= n.chars > b.chars * 3 / 2 || (n.hint & kWeakNegative) || n.tag == Tag::kFigcaption;
    }
    if (boxed) continue;
    if (IsFurniture(b)) continue;
    lead[i] = true;
    break;
  }
  return lead;
}

double BlockValue(const Block& b) {
  const double density = b.chars == 0 ? 0 : static_cast<double>(b.link_chars) / b.chars;
  if (density > 0.5) return 0;
  double v = std::max(0.0, static_cast<double>(b.words) - 5.0) * (1.0 - density) * (1.0 - density);
  if (b.sentence_marks == 0) v *= 0.5;
  if (b.kind == Kind::kPara) v *= 1.5;
  return v;
}

void Extractor::ScoreBlocks() {
  for (size_t i = elements_.size(); i-- > 1;) {
    Element& p = elements_[elements_[i].parent];
    p.last_descendant = std::max(p.last_descendant, elements_[i].last_descendant);
  }
  for (const Block& b : blocks_) elements_[b.element].chars += b.chars;
  for (size_t i = elements_.size(); i-- > 1;) elements_[elements_[i].parent].chars += elements_[i].chars;
  for (const Block& b : blocks_) elements_[b.element].raw_value += BlockValue(b);
  for (size_t i = elements_.size(); i-- > 1;) {
    elements_[elements_[i].parent].raw_value += elements_[i].raw_value;
  }
  for (Block& b : blocks_) {
    if (UnderNegative(b.element, kNone)) continue;
    b.value = BlockValue(b);
    elements_[b.element].value += b.value;
  }
  for (size_t i = elements_.size(); i-- > 1;) elements_[elements_[i].parent].value += elements_[i].value;
}

uint32_t Extractor::ChooseContainer(uint32_t title_element) const {
  uint32_t node = body_ != kNone ? body_ : 0;
  while (true) {
    const double total = elements_[node].value;
    if (total <= 0) break;
    uint32_t best = kNone, titled = kNone;
    for (uint32_t c = elements_[node].first_child; c != kNone; c = elements_[c].next_sibling) {
      if (best == kNone || elements_[c].value > elements_[best].value) best = c;
      if (title_element != kNone && IsAncestorOrSelf(c, title_element)) titled = c;
    }
    if (best == kNone) break;
    const double share = elements_[best].value / total;
    // Two stories on one page (an infinite scroll preloads the next): of two
    // comparable parts, the one under the page's headline is the article.
    if (titled != kNone && titled != best && share < 0.9 &&
        elements_[titled].value >= kTitledShare * total) {
      node = titled;
      continue;
    }
    if (share >= 0.9 || ((elements_[best].hint & kPositive) && share >= 0.5)) {
      node = best;
      continue;
    }
    break;
  }
  return node;
}

std::string Extractor::Select(std::string_view title) {
  ScoreBlocks();
  const std::string title_lower = AsciiLower(title);
  uint32_t title_element = kNone;
  size_t title_block = blocks_.size();
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if ((b.kind == Kind::kTitle || b.kind == Kind::kHeading) && !title_lower.empty() &&
        AsciiLower(b.text) == title_lower) {
      title_element = b.element;
      title_block = i;
      break;
    }
  }
  const uint32_t container = ChooseContainer(title_element);
  struct Candidate {
    const Block* block;
    bool strong;
  };
  std::vector<Candidate> kept;
  std::unordered_set<std::string_view> seen;
  // The lead or a closing paragraph often sits beside the body's container
  // (in the article header, after a figure): strong paragraphs under the
  // container's parent are kept too.
  const uint32_t around = elements_[container].parent;
  // Further away, strong paragraphs next to the container in reading order
  // count too, up to the first boilerplate or <h1> between them.
  std::vector<bool> adjacent(blocks_.size(), false);
  size_t first_in = blocks_.size(), last_in = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (IsAncestorOrSelf(container, blocks_[i].element)) {
      first_in = std::min(first_in, i);
      last_in = i;
    }
  }
  auto extend = [&](size_t i) {
    const Block& b = blocks_[i];
    const bool boilerplate = b.words >= 3 && (b.link_chars * 2 > b.chars || UnderNegative(b.element, kNone));
    // A headline of its own starts another story.
    if (boilerplate || b.kind == Kind::kTitle) return false;
    if (b.value >= kAdjacentValue && b.kind != Kind::kCell) adjacent[i] = true;
    return true;
  };
  if (first_in < blocks_.size()) {
    for (size_t i = first_in; i-- > 0 && extend(i);) {
    }
    for (size_t i = last_in + 1; i < blocks_.size() && extend(i); ++i) {
    }
  }
  const std::vector<bool> lead = LeadBlocks(title_block, container);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (lead[i]) {
      if (!seen.insert(b.text).second) continue;
      kept.push_back({&b, true});
      continue;
    }
    if (!IsAncestorOrSelf(container, b.element)) {
      const bool beside = around != kNone && around != body_ && IsAncestorOrSelf(around, b.element) &&
                          b.value >= kBesideValue && b.kind != Kind::kCell &&
                          !UnderNegative(b.element, kNone);
      if (!beside && !adjacent[i]) continue;
    } else if (UnderNegative(b.element, container)) {
      continue;
    }
    const double density = static_cast<double>(b.link_chars) / b.chars;
    if (density > 0.5 || (density > 0.3 && b.words < 15)) continue;
    if ((b.kind == Kind::kTitle || b.kind == Kind::kHeading) && AsciiLower(b.text) == title_lower) continue;
    if (IsFurniture(b)) continue;
    if (!seen.insert(b.text).second) continue;
    // Table cells are layout more often than text, unless long.
    const bool strong = b.words >= 10 && density < 0.3 && b.sentence_marks > 0 &&
                        (b.kind != Kind::kCell || b.words >= 25);
    kept.push_back({&b, strong});
  }
  size_t first = 0, last = kept.size();
  // A short paragraph or list item that opens the container ("Crisp
  // outside, creamy inside.", "200 g sugar") is the author's, not furniture:
  // furniture inside the body is rarely a <p> or <li> without links.
  auto opening_text = [&](const Block& b) {
    return (b.kind == Kind::kPara || b.kind == Kind::kList) && b.link_chars == 0 && b.words >= 3 &&
           IsAncestorOrSelf(container, b.element);
  };
  while (first < last && !kept[first].strong && !opening_text(*kept[first].block) &&
         !(kept[first].block->kind == Kind::kHeading && first + 1 < last && kept[first + 1].strong)) {
    ++first;
  }
  auto weak_tail = [](const Block& b) {
    // List items and table cells of text without links close a body too
    // (the last steps of a recipe, a table of figures with notes).
    if (b.link_chars == 0 && (b.kind == Kind::kList || (b.kind == Kind::kCell && b.sentence_marks > 0 && b.words >= 5))) {
      return false;
    }
    return b.kind == Kind::kOther || b.kind == Kind::kCell || b.kind == Kind::kHeading ||
           b.kind == Kind::kTitle || (b.words < 4 && b.kind != Kind::kPara) || b.link_chars > 0;
  };
  while (last > first && !kept[last - 1].strong && weak_tail(*kept[last - 1].block)) --last;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (!out.empty()) out.push_back('\n');
    out += kept[i].block->text;
  }
  return out;
}

}  // namespace

std::string ExtractBody(const Dom& dom, std::string_view title) {
  Extractor extractor(dom);
  extractor.Walk();
  return extractor.Select(title);
}

}  // namespace storyline::ingest::html
