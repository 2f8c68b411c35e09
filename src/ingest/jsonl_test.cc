#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

using testing::Collected;

Collected Read(const std::string& input, ReadOptions options = {}) {
  Collected c;
  std::istringstream in(input);
  ReadJsonl(in, "in.jsonl", options, c.MakeSink());
  return c;
}

TEST(ReadJsonlTest, ReadsFieldsAndIgnoresGold) {
  Collected c = Read(
      R"({"id":"a1","lang":"de","published":"2017-02-23T10:51:00+01:00","title":"Kelly in Mexiko",)"
      R"("text":"Der Text.\nZweiter Absatz.","source":"dpa","url":"https://example.org/a",)"
      R"("gold":"e1","gold_topic":"t1","section":"Inland","extra":{"nested":[1,2,{"x":null}]}})"
      "\n"
      R"({"id":42,"title":"Nur Titel","text":"","lang":null})"
      "\n");
  EXPECT_EQ(c.AllDiagnostics(), "");
  ASSERT_EQ(c.articles.size(), 2u);
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.published.ToIso(), "2017-02-23T10:51:00+01:00");
  EXPECT_EQ(a.published.precision, DatePrecision::kSecond);
  EXPECT_EQ(a.title, "Kelly in Mexiko");
  EXPECT_EQ(a.text, "Der Text.\nZweiter Absatz.");
  EXPECT_EQ(a.source, "dpa");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.origin, "in.jsonl:1");
  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.title, "Nur Titel");
  EXPECT_EQ(b.language, "");
  EXPECT_EQ(b.origin, "in.jsonl:2");
  ASSERT_EQ(c.files_done.size(), 1u);
  EXPECT_EQ(c.files_done[0], "in.jsonl");
}

TEST(ReadJsonlTest, ReadsTheFieldsUnderTheirOtherNames) {
  Collected c = Read(
      R"({"id":"a","date":"2025-09-03","outlet":"Reforma","language":"es","headline":"Rubio",)"
      R"("body":"Texto.","link":"https://example.org/r"})"
      "\n"
      R"({"id":"b","pubDate":"Wed, 03 Sep 2025 10:00:00 +0000","publisher":"AP","content":"x"})"
      "\n"
      // The project's own names win, whichever comes first.
      R"({"id":"c","date":"2001-01-01","published":"2025-09-04","text":"y","source":"dpa",)"
      R"("outlet":"other"})"
      "\n"
      // Dates as pages and feeds write them, not only ISO 8601.
      R"({"id":"d","published":"23. Februar 2017","text":"z"})"
      "\n");
  EXPECT_EQ(c.AllDiagnostics(), "");
  ASSERT_EQ(c.articles.size(), 4u);
  const Article& a = c.articles[0];
  EXPECT_EQ(a.published.ToIso(), "2025-09-03");
  EXPECT_EQ(a.source, "Reforma");
  EXPECT_EQ(a.language, "es");
  EXPECT_EQ(a.title, "Rubio");
  EXPECT_EQ(a.text, "Texto.");
  EXPECT_EQ(a.url, "https://example.org/r");
  EXPECT_EQ(c.articles[1].published.ToIso(), "2025-09-03T10:00:00");  // UTC: no offset
  EXPECT_EQ(c.articles[1].source, "AP");
  EXPECT_EQ(c.articles[1].text, "x");
  EXPECT_EQ(c.articles[2].published.ToIso(), "2025-09-04");
  EXPECT_EQ(c.articles[2].source, "dpa");
  EXPECT_EQ(c.articles[3].published.ToIso(), "2017-02-23");
}

TEST(ReadJsonlTest, BlankLinesCrlfBomAndMissingFinalNewline) {
  Collected c = Read("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   \n\t\r\n"
                     "{\"id\":\"b\",\"text\":\"y\"}");
  EXPECT_EQ(c.AllDiagnostics(), "");
  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.articles[1].origin, "in.jsonl:5");
}

TEST(ReadJsonlTest, EachBadLineGivesOneDiagnosticAndGoodLinesSurvive) {
  struct Case {
    std::string_view line;
    Severity severity;
    std::string_view message_part;
  };
  const Case cases[] = {
      {"this is not json", Severity::kError, "not JSON"},
      {"{\"id\":\"x\",\"text\":\"unterminated}", Severity::kError, "not JSON"},
      {"[1,2,3]", Severity::kError, "not a JSON object"},
      {"{\"id\":\"x\",\"text\":\"a\"} trailing", Severity::kError, "not JSON"},
      {"{\"id\":\"x\",\"text\":\"a\"} {\"id\":\"y\"}", Severity::kError, "trailing"},
      {"\"just a string\"", Severity::kError, "not JSON: expected an object"},
      {"{\"text\":\"no id\"}", Severity::kError, "no 'id'"},
      {"{\"id\":\"\",\"text\":\"empty id\"}", Severity::kError, "no 'id'"},
      {"{\"id\":\"x\",\"lang\":\"de\"}", Severity::kError, "neither 'text' nor 'title'"},
      {"{\"id\":\"x\",\"text\":\"\",\"title\":\"\"}", Severity::kError, "neither"},
      {"{\"id\":\"x\",\"text\":7}", Severity::kError, "'text' must be a string"},
      {"{\"id\":[1],\"text\":\"a\"}", Severity::kError, "'id' must be a string or a number"},
      {"{\"id\":\"x\",\"text\":\"a\",\"published\":\"2017-02-30\"}", Severity::kWarning,
       "kept without a date"},
      {"{\"id\":\"x\",\"text\":\"a\",\"date\":\"gestern\"}", Severity::kWarning,
       "'date' of article 'x'"},
      {"{\"id\":\"x\",\"body\":[\"a\"]}", Severity::kError, "'body' must be a string"},
  };
  for (const Case& bad : cases) {
    SCOPED_TRACE(bad.line);
    const std::string input = "{\"id\":\"before\",\"text\":\"ok\"}\n" + std::string(bad.line) +
                              "\n{\"id\":\"after\",\"title\":\"ok\"}\n";
    Collected c = Read(input);
    ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
    const Diagnostic& d = c.diagnostics[0];
    EXPECT_EQ(d.severity, bad.severity);
    EXPECT_EQ(d.file, "in.jsonl");
    EXPECT_EQ(d.line, 2);
    EXPECT_NE(d.message.find(bad.message_part), std::string::npos) << d.message;
    if (bad.severity == Severity::kWarning) {
      ASSERT_EQ(c.Ids(), (std::vector<std::string>{"before", "x", "after"}));
      EXPECT_FALSE(c.articles[1].published.known());
    } else {
      EXPECT_EQ(c.Ids(), (std::vector<std::string>{"before", "after"}));
    }
  }
}

// JSON must be UTF-8; a line that is not keeps its article, with a warning.
TEST(ReadJsonlTest, LinesThatAreNotUtf8KeepTheirArticle) {
  // Windows-1252 throughout the line: read as such.
  Collected c = Read("{\"id\":\"x\",\"title\":\"Gr\xFC\xDF" "e\",\"text\":\"Stra\xDF" "e \x84zu\x93\"}\n");
  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"x"})) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].title, "Gr\xC3\xBC\xC3\x9F" "e");
  EXPECT_EQ(c.articles[0].text, "Stra\xC3\x9F" "e \xE2\x80\x9Ezu\xE2\x80\x9C");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(),
            "in.jsonl:1: warning: not UTF-8 (first bad byte at column 22); read as Windows-1252");

  // UTF-8 with a stray byte: the byte becomes U+FFFD, the rest stays.
  c = Read("{\"id\":\"y\",\"text\":\"Gr\xC3\xBC\xC3\x9F" "e aus der Stra\xDF" "e\"}\n");
  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"y"})) << c.AllDiagnostics();
  EXPECT_EQ(c.articles[0].text, "Gr\xC3\xBC\xC3\x9F" "e aus der Stra\xEF\xBF\xBD" "e");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(),
            "in.jsonl:1: warning: not UTF-8 (first bad byte at column 39); 1 byte replaced by U+FFFD");
}

TEST(ReadJsonlTest, OverlongLineIsSkippedAcrossChunks) {
  ReadOptions options;
  options.max_article_bytes = 1000;
  // 3 MiB spans several read chunks.
  const std::string huge = "{\"id\":\"huge\",\"text\":\"" + std::string(3u << 20, 'x') + "\"}";
  const std::string input = "{\"id\":\"a\",\"text\":\"ok\"}\n" + huge +
                            "\n{\"id\":\"b\",\"text\":\"ok\"}\n" + huge;
  Collected c = Read(input, options);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.diagnostics.size(), 2u) << c.AllDiagnostics();
  EXPECT_EQ(c.diagnostics[0].line, 2);
  EXPECT_EQ(c.diagnostics[1].line, 4);
  EXPECT_NE(c.diagnostics[0].message.find("over the limit of 1000 bytes"), std::string::npos);
  EXPECT_NE(c.diagnostics[0].message.find(std::to_string(huge.size())), std::string::npos)
      << c.diagnostics[0].message;
}

TEST(ReadJsonlTest, LineExactlyAtTheLimitIsRead) {
  const std::string line = "{\"id\":\"a\",\"text\":\"12345\"}";
  ReadOptions options;
  options.max_article_bytes = line.size();
  Collected c = Read(line + "\n", options);
  EXPECT_EQ(c.AllDiagnostics(), "");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a"}));
}

TEST(ReadJsonlTest, EmptyAndBlankInputGiveOneError) {
  for (const std::string input : {"", "\n\n  \r\n"}) {
    Collected c = Read(input);
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics[0].severity, Severity::kError);
    EXPECT_EQ(c.diagnostics[0].ToString(), "in.jsonl: error: empty file");
    EXPECT_TRUE(c.articles.empty());
  }
}

TEST(ReadJsonlTest, BinaryInputGivesOneError) {
  std::string gzip("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10);
  for (int i = 0; i < 50; ++i) gzip += "\n\x01\x02\x03garbage\n";
  Collected c = Read(gzip);
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.AllDiagnostics();
  EXPECT_NE(c.diagnostics[0].message.find("binary"), std::string::npos);
  EXPECT_TRUE(c.articles.empty());
}

TEST(ReadJsonlTest, EmptySinkCallbacksAreAllowed) {
  std::istringstream in("{\"id\":\"a\",\"text\":\"x\"}\nnot json\n");
  ReadJsonl(in, "in.jsonl", ReadOptions{}, Sink{});
}

TEST(DiagnosticTest, ToString) {
  EXPECT_EQ((Diagnostic{Severity::kError, "examples/bad.jsonl", 3, "not JSON: x"}).ToString(),
            "examples/bad.jsonl:3: error: not JSON: x");
  EXPECT_EQ((Diagnostic{Severity::kWarning, "x.txt", 0, "converted from WINDOWS-1252"}).ToString(),
            "x.txt: warning: converted from WINDOWS-1252");
}

}  // namespace
}  // namespace storyline::ingest
