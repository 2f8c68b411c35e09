#include "ingest/feed_text.h"

#include <gumbo.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>


namespace storyline::ingest::internal {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboPtr Parse(std::string_view html) {
  return GumboPtr(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BR: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool IsInvisible(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD;
}

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

// Depth-first over `root` without recursion: pages nest deep enough to
// matter for the stack.
std::string NodeText(const GumboNode* root) {
  TextBuilder text;
  struct Step {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Step> stack{{root, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      text.Text(node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE) {
      continue;
    }
    const GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
    if (step.leaving) {
      if (IsBlock(tag)) text.Break();
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) text.Text(" ");
      continue;
    }
    if (IsInvisible(tag)) continue;
    if (IsBlock(tag)) text.Break();
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    stack.push_back({node, true});
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
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
  GumboPtr output = Parse(html);
  if (!output) return "";
  return NodeText(output->root);
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
