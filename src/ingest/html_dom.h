// A compact, read-only document tree for the HTML reader; not public API.
//
// ParseDom runs libxml2's HTML parser (its tree builder: implied end tags,
// misnested markup) over a lightened copy of the page and records what the
// extractors use: elements (tags they know, others as kOther), a handful of
// attributes, text, and the JSON-LD scripts. What the lightened copy leaves
// out never reaches the article: comments, script and style text, inline
// SVG and MathML, <noscript>, <template>, <iframe>, <textarea>, and every
// attribute not in `Attr`. That is most of a modern page's bytes.
#ifndef STORYLINE_INGEST_HTML_DOM_H_
#define STORYLINE_INGEST_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::ingest::html {

enum class Tag : uint8_t {
  kDocument, kText, kOther,
  kA, kAddress, kArticle, kAside, kB, kBlockquote, kBody, kBr, kButton, kCanvas, kCaption,
  kCenter, kDd, kDetails, kDiv, kDl, kDt, kEm, kFieldset, kFigcaption, kFigure, kFont,
  kFooter, kForm, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHr, kHtml, kI, kImg, kInput,
  kLabel, kLegend, kLi, kLink, kMain, kMap, kMenu, kMeta, kNav, kObject, kOl, kP, kPre,
  kSection, kSelect, kSpan, kStrong, kSummary, kTable, kTbody, kTd, kTfoot, kTh, kThead,
  kTime, kTitle, kTr, kUl, kVideo, kAudio, kEmbed, kScript, kStyle,
  // Dropped with their content before parsing; never in a Dom.
  kNoscript, kTextarea, kIframe, kNoembed, kNoframes, kXmp, kSvg, kMath, kTemplate,
};

// The attributes kept (some on some elements only: href on <link>, name and
// property on <meta>, style when it hides); all others are dropped before
// parsing.
enum class Attr : uint8_t {
  kClass, kId, kRole, kItemprop, kStyle, kHidden, kProperty, kName, kContent, kHttpEquiv,
  kRel, kHref, kType, kDatetime, kPubdate, kLang, kXmlLang,
};

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct Node {
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t last_child = kNoNode;
  // Elements: a range of attributes; text: a byte range of the text arena.
  uint32_t begin = 0;
  uint32_t end = 0;
  Tag tag = Tag::kOther;
};

// Nodes are numbered in document order; node 0 is the document. Not thread
// safe to build, safe to read from several threads afterwards.
class Dom;
Result<Dom> ParseDom(std::string_view html);

class Dom {
 public:
  const Node& node(uint32_t i) const { return nodes_[i]; }
  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  std::string_view text(uint32_t i) const {
    return std::string_view(text_).substr(nodes_[i].begin, nodes_[i].end - nodes_[i].begin);
  }
  // The value of `a` on element `i`; a null view when absent (an empty,
  // non-null one when present without a value).
  std::string_view attribute(uint32_t i, Attr a) const;
  bool has_attribute(uint32_t i, Attr a) const { return attribute(i, a).data() != nullptr; }
  // The raw text of each <script type="application/ld+json">.
  const std::vector<std::string>& json_ld() const { return json_ld_; }
  // The first element with this tag, or kNoNode.
  uint32_t Find(Tag tag) const;
  // The text under node `i`, whitespace collapsed (script-like content is
  // not in the tree). Stops early, setting *cut when given, once the text is
  // longer than `limit` bytes or more than `limit` nodes were looked at.
  std::string Text(uint32_t i, size_t limit = SIZE_MAX, bool* cut = nullptr) const;

 private:
  friend class DomBuilder;
  friend Result<Dom> ParseDom(std::string_view html);
  struct AttrValue {
    Attr name;
    uint32_t begin, end;  // in text_
  };
  std::vector<Node> nodes_;
  std::vector<AttrValue> attrs_;
  std::string text_;  // text and attribute values
  std::vector<std::string> json_ld_;
};

// Deeper markup is refused before the parser runs (it is no article, and
// every walk over the tree would pay for it).
inline constexpr int kMaxNestingDepth = 1500;

// Parses UTF-8 `html`. Errors: markup nested deeper than kMaxNestingDepth
// (InvalidArgument, "markup nested N elements deep; ..."), a parser failure
// (Internal).
Result<Dom> ParseDom(std::string_view html);

}  // namespace storyline::ingest::html

#endif  // STORYLINE_INGEST_HTML_DOM_H_
