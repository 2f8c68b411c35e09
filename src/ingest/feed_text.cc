#include "ingest/feed_text.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/html_dom.h"


namespace storyline::ingest::internal {
namespace {

using html::Dom;
using html::Tag;

bool IsBlock(Tag tag) {
  switch (tag) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside:
    case Tag::kBlockquote: case Tag::kBr: case Tag::kCaption:
    case Tag::kDd: case Tag::kDetails: case Tag::kDiv: case Tag::kDl:
    case Tag::kDt: case Tag::kFigcaption: case Tag::kFigure:
    case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2:
    case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kHeader: case Tag::kHr: case Tag::kLi: case Tag::kMain:
    case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kPre:
    case Tag::kSection: case Tag::kSummary: case Tag::kTable:
    case Tag::kTr: case Tag::kUl: case Tag::kBody:
      return true;
    default:
      return false;
  }
}

// Script, style, template and noscript content never reaches the tree.
bool IsInvisible(Tag tag) { return tag == Tag::kScript || tag == Tag::kStyle || tag == Tag::kHead; }

// Collects text into paragraphs, collapsing whitespace the way a browser
// shows it (except inside <pre>, which is rare in news and collapsed too).
class TextBuilder {
 public:
  void Text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = !paragraph_.empty();
      } else {
        if (space_) paragraph_.push_back(' ');
        space_ = false;
        paragraph_.push_back(c);
      }
    }
  }
  void Break() {
    if (!paragraph_.empty()) {
      if (!out_.empty()) out_.push_back('\n');
      out_ += paragraph_;
      paragraph_.clear();
    }
    space_ = false;
  }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string paragraph_;
  bool space_ = false;
};

// Depth-first without recursion: pages nest deep enough to matter for the
// stack.
std::string DomText(const Dom& dom) {
  TextBuilder text;
  struct Step {
    uint32_t node;
    bool leaving;
  };
  std::vector<Step> stack{{0, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const html::Node& node = dom.node(step.node);
    if (node.tag == Tag::kText) {
      text.Text(dom.text(step.node));
      continue;
    }
    if (step.leaving) {
      if (IsBlock(node.tag)) text.Break();
      if (node.tag == Tag::kTd || node.tag == Tag::kTh) text.Text(" ");
      continue;
    }
    if (IsInvisible(node.tag)) continue;
    if (IsBlock(node.tag)) text.Break();
    stack.push_back({step.node, true});
    const size_t mark = stack.size();
    for (uint32_t c = node.first_child; c != html::kNoNode; c = dom.node(c).next_sibling) {
      stack.push_back({c, false});
    }
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  }
  return text.Finish();
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  TextBuilder builder;
  builder.Text(text);
  return builder.Finish();
}

std::string HtmlFragmentToText(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) {
    TextBuilder text;
    text.Text(html);
    return text.Finish();
  }
  // Inside <body>: text outside any element would get an implied <p> each.
  Result<Dom> dom = html::ParseDom(std::string("<body>").append(html));
  if (!dom.ok()) return "";
  return DomText(*dom);
}

Result<std::string> ConvertCharsetToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string name(charset);
  std::string out(bytes.size() * 3 + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode error = U_ZERO_ERROR;
    const int32_t n =
        ucnv_convert("UTF-8", name.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<size_t>(n) + 16);
      continue;
    }
    if (U_FAILURE(error)) {
      return Status::Unsupported(fmt::format("cannot convert from '{}' ({})", name,
                                             u_errorName(error)));
    }
    out.resize(static_cast<size_t>(n));
    return out;
  }
  return Status::Internal(fmt::format("conversion from '{}' did not fit its buffer", name));
}

std::string LanguageFromTag(std::string_view tag) {
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  const size_t end = tag.find_first_of("-_ \t");
  const std::string_view primary = tag.substr(0, end);
  if (primary.size() != 2) return "";
  std::string lang;
  for (char c : primary) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "";
    lang.push_back(c);
  }
  return lang;
}

}  // namespace storyline::ingest::internal
