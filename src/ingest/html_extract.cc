// The article body of a page. Our own algorithm, after the shallow text
// features Kohlschütter et al. (WSDM 2010) found to separate boilerplate from
// content: words per block and link density, plus block structure and
// class/id/role hints.
//
// 1. One iterative walk over the gumbo tree cuts the text into blocks at
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
//    blocks before the first and after the last strong block are trimmed.
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
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
  GumboTag tag = GUMBO_TAG_UNKNOWN;
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

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_HR: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
    case GUMBO_TAG_MENU: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

Kind KindOf(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: return Kind::kPara;
    case GUMBO_TAG_H1: return Kind::kTitle;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return Kind::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: return Kind::kList;
    case GUMBO_TAG_BLOCKQUOTE: return Kind::kQuote;
    case GUMBO_TAG_PRE: return Kind::kPre;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return Kind::kCell;
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
    "toc", "section", "credit", "caption"};
constexpr std::string_view kNegativeStems[] = {
    "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related",
    "newsletter", "subscri", "navigation", "sidebar", "breadcrumb", "teaser", "promo",
    "advert", "sponsor", "recommend", "empfehl", "footer", "author-box", "authorbox",
    "author-info", "about-author", "disqus", "popular", "read-more", "readmore",
    "weitere", "werbung", "anzeige", "banner", "follow", "signup", "paywall"};
constexpr std::string_view kPositiveWords[] = {
    "article-body", "articlebody", "article-content", "article-text", "articletext",
    "entry-content", "post-content", "post-body", "postbody", "story-body", "storybody",
    "story-content", "content-body", "article__body", "article__content", "body-text",
    "main-content", "maincontent", "text-content", "rich-text", "richtext", "post-entry",
    "entry", "story", "article", "post", "content", "text", "body", "main"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Hints from class, id and role. `lower` is the lowercased class + " " + id.
uint8_t HintOf(const GumboNode* node, GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM:
      return kNegative;
    default:
      break;
  }
  const std::string role = AsciiLower(Attribute(node, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" ||
      role == "dialog" || role == "alertdialog" || role == "banner" || role == "menu" ||
      role == "search") {
    return kNegative;
  }
  const std::string_view itemprop = Attribute(node, "itemprop");
  if (itemprop == "articleBody" || itemprop == "text") return kPositive;
  uint8_t hint = 0;
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || role == "main" || role == "article") {
    hint = kPositive;
  }
  std::string lower = AsciiLower(Attribute(node, "class"));
  const std::string_view id = Attribute(node, "id");
  if (!id.empty()) lower.append(" ").append(AsciiLower(id));
  if (lower.empty()) return hint;
  // Whole class/id values, then their words split at '-' and '_'.
  size_t i = 0;
  bool negative = false, weak = false, positive = false, content_value = false;
  while (i < lower.size()) {
    while (i < lower.size() && !IsWordChar(lower[i])) ++i;
    size_t j = i;
    while (j < lower.size() && IsWordChar(lower[j])) ++j;
    const std::string_view value(lower.data() + i, j - i);
    bool content_part = false;
    for (std::string_view part : {"content", "body", "text", "entry"}) {
      content_part |= value.find(part) != std::string_view::npos;
    }
    // State classes ("modal-enabled", "menu-open") say nothing about content.
    bool state = false;
    for (std::string_view suffix : {"-enabled", "-active", "-open", "-closed", "-visible", "-loaded", "-ready", "-init"}) {
      state |= value.ends_with(suffix);
    }
    if (!value.empty() && !state) {
      for (std::string_view p : kPositiveWords) positive |= value == p;
      if (content_part) {
        positive = content_value = true;
        i = j;
        continue;
      }
      for (std::string_view s : kNegativeStems) negative |= value.find(s) != std::string_view::npos;
      size_t a = 0;
      while (a < value.size() && !negative) {
        size_t b = a;
        while (b < value.size() && value[b] != '-' && value[b] != '_') ++b;
        const std::string_view word = value.substr(a, b - a);
        for (std::string_view w : kNegativeWords) negative |= word == w;
        for (std::string_view w : kWeakNegativeWords) weak |= word == w;
        a = b + 1;
      }
    }
    i = j;
  }
  if (negative && !content_value) return kNegative;
  if (weak && !positive) return kWeakNegative;
  return positive ? static_cast<uint8_t>(kPositive) : hint;
}

bool IsHidden(const GumboNode* node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
  const std::string_view style = Attribute(node, "style");
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
    "schlagworte", "themen:", "zum artikel", "diesen artikel"};

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

class Extractor {
 public:
  void Walk(const GumboNode* root);
  std::string Select(std::string_view title);

 private:
  uint32_t AddElement(const GumboNode* node, uint32_t parent);
  void Append(std::string_view text);
  void Flush(uint32_t owner);
  void ScoreBlocks();
  uint32_t ChooseContainer() const;
  bool UnderNegative(uint32_t element, uint32_t container) const;
  bool IsAncestorOrSelf(uint32_t ancestor, uint32_t e) const {
    for (uint32_t x = e; x != kNone; x = elements_[x].parent) {
      if (x == ancestor) return true;
    }
    return false;
  }

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

uint32_t Extractor::AddElement(const GumboNode* node, uint32_t parent) {
  const auto index = static_cast<uint32_t>(elements_.size());
  Element e;
  e.parent = parent;
  e.tag = node->v.element.tag;
  e.hint = (e.tag == GUMBO_TAG_BODY || e.tag == GUMBO_TAG_HTML) ? 0 : HintOf(node, e.tag);
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
  if (e.tag == GUMBO_TAG_BODY && body_ == kNone) body_ = index;
  elements_.push_back(e);
  return index;
}

void Extractor::Append(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      pending_space_ = true;
      continue;
    }
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      pending_space_ = true;
      ++i;
      continue;
    }
    if (pending_space_ && !current_.empty() && current_.back() != '\n') current_.push_back(' ');
    pending_space_ = false;
    current_.push_back(c);
    ++current_chars_;
    if (link_depth_ > 0) ++current_links_;
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';') ++current_marks_;
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

void Extractor::Walk(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    uint32_t element;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  std::vector<uint32_t> owners;  // open block-level elements
  const uint32_t root_index = AddElement(root, kNone);
  stack.push_back({root, root_index, 0});
  owners.push_back(root_index);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next_child >= children.length) {
      const GumboTag tag = f.node->v.element.tag;
      if (IsBlockTag(tag)) {
        Flush(owners.back());
        owners.pop_back();
      }
      if (tag == GUMBO_TAG_A) --link_depth_;
      if (tag == GUMBO_TAG_BLOCKQUOTE) --quote_depth_;
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
    const uint32_t parent = f.element;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        Append(child->v.text.text);
        break;
      case GUMBO_NODE_WHITESPACE:
        pending_space_ = true;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboTag tag = child->v.element.tag;
        if (tag == GUMBO_TAG_BR) {
          if (!current_.empty() && current_.back() != '\n') current_.push_back('\n');
          pending_space_ = false;
          break;
        }
        if (IsSkippedTag(tag) || IsHidden(child)) break;
        if (tag == GUMBO_TAG_IMG) break;
        const uint32_t index = AddElement(child, parent);
        if (IsBlockTag(tag)) {
          Flush(owners.back());
          owners.push_back(index);
        }
        if (tag == GUMBO_TAG_A) ++link_depth_;
        if (tag == GUMBO_TAG_BLOCKQUOTE) ++quote_depth_;
        stack.push_back({child, index, 0});
        break;
      }
      default:
        break;
    }
  }
}

double BlockValue(const Block& b);

bool Extractor::UnderNegative(uint32_t element, uint32_t container) const {
  const Element& e = elements_[element];
  uint32_t neg = (e.hint & (kNegative | kWeakNegative)) ? element : e.neg_ancestor;
  const uint32_t scope = container != kNone ? container : 0;
  for (; neg != kNone; neg = elements_[neg].neg_ancestor) {
    const Element& n = elements_[neg];
    if (container != kNone && IsAncestorOrSelf(neg, container)) return false;
    if (n.hint & kWeakNegative) {
      if (n.raw_value * 3 < elements_[scope].raw_value) return true;
    } else if (container != kNone || n.chars * 2 < elements_[0].chars) {
      return true;
    }
  }
  return false;
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

uint32_t Extractor::ChooseContainer() const {
  uint32_t node = body_ != kNone ? body_ : 0;
  while (true) {
    const double total = elements_[node].value;
    if (total <= 0) break;
    uint32_t best = kNone;
    for (uint32_t c = elements_[node].first_child; c != kNone; c = elements_[c].next_sibling) {
      if (best == kNone || elements_[c].value > elements_[best].value) best = c;
    }
    if (best == kNone) break;
    const double share = elements_[best].value / total;
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
  const uint32_t container = ChooseContainer();
  struct Candidate {
    const Block* block;
    bool strong;
  };
  std::vector<Candidate> kept;
  std::unordered_set<std::string_view> seen;
  const std::string title_lower = AsciiLower(title);
  for (const Block& b : blocks_) {
    if (!IsAncestorOrSelf(container, b.element)) continue;
    if (UnderNegative(b.element, container)) continue;
    const double density = static_cast<double>(b.link_chars) / b.chars;
    if (density > 0.5 || (density > 0.3 && b.words < 15)) continue;
    if ((b.kind == Kind::kTitle || b.kind == Kind::kHeading) && AsciiLower(b.text) == title_lower) continue;
    if (IsFurniture(b)) continue;
    if (!seen.insert(b.text).second) continue;
    const bool strong = b.words >= 10 && density < 0.3 && b.sentence_marks > 0 && b.kind != Kind::kCell;
    kept.push_back({&b, strong});
  }
  size_t first = 0, last = kept.size();
  while (first < last && !kept[first].strong &&
         !(kept[first].block->kind == Kind::kHeading && first + 1 < last && kept[first + 1].strong)) {
    ++first;
  }
  auto weak_tail = [](const Block& b) {
    return b.kind == Kind::kOther || b.kind == Kind::kCell || b.kind == Kind::kHeading ||
           b.kind == Kind::kTitle || b.words < 4 || b.link_chars > 0;
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

std::string ExtractBody(const GumboNode* root, std::string_view title) {
  Extractor extractor;
  extractor.Walk(root);
  return extractor.Select(title);
}

}  // namespace storyline::ingest::html
