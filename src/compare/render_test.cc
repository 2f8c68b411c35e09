#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include "compare/story_text.h"
#include "compare/test_util.h"
#include "storyline/compare.h"

namespace storyline::compare {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::StoryBuilder;

Briefing Hostile() {
  StoryBuilder s;
  s.Article("<b>id</b>",
            "Der Minister sagte: \"Wir <em>kooperieren</em> bei Handel & Energie\". Kelly schließt "
            "Massenabschiebungen illegaler Einwanderer in den USA aus.",
            "2017-02-23", "Outlet <i>&</i>", "<script>alert(1)</script>");
  const int k = s.Person("<Kelly>", "kelly", "Minister \"X\"");
  s.Quote("Wir <em>kooperieren</em> bei Handel & Energie", k);
  s.Article("two",
            "Kelly schließt Massenabschiebungen illegaler Einwanderer in den USA aus. Der Rest ist <img "
            "src=x onerror=alert(2)> anders als alles andere hier.");
  Briefing b = s.Build();
  b.related.push_back({5, {}, "<script>alert(3)</script>"});
  return b;
}

TEST(HtmlTest, EveryPieceOfArticleTextIsEscaped) {
  const Briefing b = Hostile();
  ASSERT_EQ(b.headline, "<script>alert(1)</script>");
  const std::string html = RenderHtml(b);
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<em>")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<b>id")));
  EXPECT_THAT(html, Not(HasSubstr("<i>&")));
  EXPECT_THAT(html, HasSubstr("Outlet &lt;i&gt;&amp;&lt;/i&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;Kelly&gt;"));
  // Self-contained: inline CSS, no external resources.
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("src=\"")));
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
}

TEST(HtmlTest, EscapeTable) {
  EXPECT_EQ(HtmlEscape("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&#39;c");
  EXPECT_EQ(HtmlEscape("Peña & Söhne"), "Peña &amp; Söhne");
}

TEST(JsonTest, ParsesWithTheDocumentedKeys) {
  const Briefing b = Hostile();
  const std::string json = RenderJson(b);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  for (const char* key : {"id", "storyline", "headline", "summary", "sources", "people", "quotes", "figures",
                          "only_in", "timeline", "related"}) {
    EXPECT_EQ(doc[key].error(), simdjson::SUCCESS) << key;
  }
  std::string_view headline;
  ASSERT_EQ(doc["headline"]["text"].get(headline), simdjson::SUCCESS);
  EXPECT_EQ(headline, "<script>alert(1)</script>");
  // Items name their articles.
  simdjson::dom::array quotes;
  ASSERT_EQ(doc["quotes"].get(quotes), simdjson::SUCCESS);
  ASSERT_GT(quotes.size(), 0u);
  std::string_view article;
  ASSERT_EQ(quotes.at(0)["reports"].at(0)["article"].get(article), simdjson::SUCCESS);
  EXPECT_EQ(article, "<b>id</b>");
  simdjson::dom::array summary;
  ASSERT_EQ(doc["summary"].get(summary), simdjson::SUCCESS);
  for (simdjson::dom::element s : summary) EXPECT_EQ(s["article"].error(), simdjson::SUCCESS);
}

TEST(TextTest, LinesFitEightyColumns) {
  const Briefing b = Hostile();
  const std::string text = RenderText(b);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    EXPECT_LE(CodePoints(line), 80u) << line;
    start = end + 1;
  }
  EXPECT_THAT(text, HasSubstr("SOURCES: 2 articles"));
  EXPECT_THAT(text, HasSubstr("WHO SAID WHAT"));
}

// Statements of one speaker, as a briefing ranks them: by sources, so that
// another speaker's statement comes between.
Briefing TwoSpeakers() {
  Briefing b;
  b.headline = "Brücke gesperrt";
  using extract::QuoteKind;
  b.quotes.push_back({"Katrin Albers", "katrin albers",
                      {{"a", "Rheinpost", "Wir gehen kein Risiko ein", QuoteKind::kDirect},
                       {"b", "Nachrichtenagentur", "Wir gehen kein Risiko ein", QuoteKind::kDirect}}});
  b.quotes.push_back({"Martin Vogt", "martin vogt",
                      {{"a", "Rheinpost", "Ein Gutachten werde erwartet", QuoteKind::kReported}}});
  b.quotes.push_back({"Katrin Albers", "katrin albers",
                      {{"a", "Rheinpost", "Die Stadt habe keine Wahl gehabt", QuoteKind::kReported},
                       {"c", "Moselbote", "Man habe keine andere Wahl gehabt", QuoteKind::kReported}}});
  return b;
}

size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(TextTest, EachSpeakerOnceOverTheirStatements) {
  const std::string text = RenderText(TwoSpeakers());
  EXPECT_EQ(Count(text, "Katrin Albers"), 1u) << text;
  EXPECT_THAT(text, HasSubstr("Katrin Albers: 2 statements, 3 sources"));
  EXPECT_THAT(text, HasSubstr("Martin Vogt: 1 source\n"));
  EXPECT_LT(text.find("Katrin Albers"), text.find("Martin Vogt"));
  EXPECT_LT(text.find("Die Stadt habe"), text.find("Martin Vogt"));
  // The same words in two articles: shown once, with both.
  EXPECT_EQ(Count(text, "Wir gehen kein Risiko ein"), 1u);
  EXPECT_THAT(text, HasSubstr("\"Wir gehen kein Risiko ein\" [a, b]"));
  // Other words for one statement: shown under it.
  EXPECT_THAT(text, HasSubstr("also as: \"Man habe keine andere Wahl gehabt\" [c; reported]"));
}

TEST(MarkdownTest, EachSpeakerOnceOverTheirStatements) {
  const std::string md = RenderMarkdown(TwoSpeakers());
  EXPECT_EQ(Count(md, "Katrin Albers"), 1u) << md;
  EXPECT_THAT(md, HasSubstr("- **Katrin Albers** (2 statements, 3 sources)"));
  EXPECT_THAT(md, HasSubstr("“Wir gehen kein Risiko ein” (`a`, `b`)"));
  EXPECT_THAT(md, HasSubstr("“Die Stadt habe keine Wahl gehabt” (`a`; reported)"));
}

TEST(HtmlTest, EachSpeakerOnceOverTheirStatements) {
  const std::string html = RenderHtml(TwoSpeakers());
  EXPECT_EQ(Count(html, "Katrin Albers"), 1u);
  EXPECT_EQ(Count(html, "Wir gehen kein Risiko ein"), 1u);
  EXPECT_THAT(html, HasSubstr("also as:"));
}

TEST(TextTest, NarrowWidthWrapsWithHangingIndent) {
  const std::string text = RenderText(Hostile(), 40);
  EXPECT_THAT(text, HasSubstr("\n    "));
}

TEST(MarkdownTest, SectionsAndEscapedStructure) {
  const std::string md = RenderMarkdown(Hostile());
  EXPECT_THAT(md, HasSubstr("# \\<script\\>alert(1)\\</script\\>"));
  EXPECT_THAT(md, HasSubstr("## Sources"));
  EXPECT_THAT(md, HasSubstr("| article | outlet |"));
  EXPECT_THAT(md, Not(HasSubstr("<em>")));
}

TEST(FormatTest, Names) {
  EXPECT_EQ(*ParseFormat("md"), Format::kMarkdown);
  EXPECT_EQ(*ParseFormat("markdown"), Format::kMarkdown);
  EXPECT_EQ(*ParseFormat("html"), Format::kHtml);
  EXPECT_EQ(*ParseFormat("json"), Format::kJson);
  EXPECT_EQ(*ParseFormat("text"), Format::kText);
  const auto bad = ParseFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("pdf"));
}

}  // namespace
}  // namespace storyline::compare
