#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "storyline/article.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

struct TextCase {
  std::string_view name;
  std::string_view input;
  std::string_view title;
  std::string_view text;
  std::string_view published = "";
  std::string_view url = "";
  std::string_view source = "";
  std::string_view lang = "";
  std::string_view id = "doc";
};

TEST(ParseTextArticleTest, MetadataAndTitleTable) {
  const TextCase cases[] = {
      {"seed 000 form: date shares the line with the first sentence",
       " date 2017-02 Der amerikanische Heimatschutzminister John Kelly hat ausgeschlossen.\n\n"
       "Auch einem Einsatz erteilte Kelly eine Absage.\n",
       "",
       "Der amerikanische Heimatschutzminister John Kelly hat ausgeschlossen.\n\n"
       "Auch einem Einsatz erteilte Kelly eine Absage.",
       "2017-02"},
      {"English text starting with Date stays untouched",
       "Date night is a tradition for many couples.\nIt started in the fifties.",
       "", "Date night is a tradition for many couples.\nIt started in the fifties."},
      {"lowercase key whose value does not validate stays text",
       "date night is a tradition. More text.", "", "date night is a tradition. More text."},
      {"url must start with http", "url shorteners are popular. More.", "",
       "url shorteners are popular. More."},
      {"capitalised key without colon is text", "Lang ist es her, dass Kelly kam.", "",
       "Lang ist es her, dass Kelly kam."},
      {"colon form, all keys",
       "Title: Kelly in Mexiko\ndate: 2017-02-23\nsource: dpa\nurl: https://example.org/a\n"
       "lang: de\n\nDer Text.",
       "Kelly in Mexiko", "Der Text.", "2017-02-23", "https://example.org/a", "dpa", "de"},
      {"key value form, title and source take the rest of the line",
       "title Kelly schließt Massenabschiebungen aus\nsource Der Spiegel\nDer Text.",
       "Kelly schließt Massenabschiebungen aus", "Der Text.", "", "", "Der Spiegel"},
      {"several one-token keys on the line of the first sentence",
       "url https://example.org/b lang de Der Text beginnt hier.", "",
       "Der Text beginnt hier.", "", "https://example.org/b", "", "de"},
      {"date with time on its own line", "date: 2017-02-23 10:51\nDer Text.", "", "Der Text.",
       "2017-02-23T10:51"},
      {"German numeric date", "date 23.02.2017\nDer Text.", "", "Der Text.", "2017-02-23"},
      {"id key overrides the id", "id: custom-7\nDer Text.", "", "Der Text.", "", "", "", "",
       "custom-7"},
      {"short first line becomes the title",
       "Kelly schließt Massenabschiebungen aus\n\nDer amerikanische Minister sagte.",
       "Kelly schließt Massenabschiebungen aus", "Der amerikanische Minister sagte."},
      {"first line ending in a full stop is no title", "Mexiko-Stadt.\nDer Text.", "",
       "Mexiko-Stadt.\nDer Text."},
      {"question is no title", "Wer zahlt die Mauer?\nDer Text.", "",
       "Wer zahlt die Mauer?\nDer Text."},
      {"colon is no title", "Kelly sagte:\nDer Text.", "", "Kelly sagte:\nDer Text."},
      {"quoted sentence is no title", "\"Wir kommen.\"\nDer Text.", "",
       "\"Wir kommen.\"\nDer Text."},
      {"German quotes around a sentence are no title",
       "\xE2\x80\x9E" "Wir kommen!\xE2\x80\x9C\nDer Text.", "",
       "\xE2\x80\x9E" "Wir kommen!\xE2\x80\x9C\nDer Text."},
      {"a single line is text, not a title", "Kelly in Mexiko", "", "Kelly in Mexiko"},
      {"long first line is no title",
       "Ein sehr langer erster Absatz ohne Punkt am Ende der einfach immer weiter geht und "
       "weiter und weiter bis er mehr als hundertzwanzig Zeichen hat\nDer Text.",
       "",
       "Ein sehr langer erster Absatz ohne Punkt am Ende der einfach immer weiter geht und "
       "weiter und weiter bis er mehr als hundertzwanzig Zeichen hat\nDer Text."},
      {"no title from the line shared with metadata", "date 2017 Kelly in Mexiko\nDer Text.",
       "", "Kelly in Mexiko\nDer Text.", "2017"},
      {"metadata then title line", "date: 2017-02\n\nKelly in Mexiko\n\nDer Text.",
       "Kelly in Mexiko", "Der Text.", "2017-02"},
      {"windows line endings", "Kelly in Mexiko\r\n\r\nDer Text.\r\nZweiter Absatz.\r\n",
       "Kelly in Mexiko", "Der Text.\nZweiter Absatz."},
      {"UTF-8 byte order mark is stripped", "\xEF\xBB\xBF" "date 2017 Der Text.", "",
       "Der Text.", "2017"},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Diagnostic> warnings;
    Result<Article> r = ParseTextArticle(c.input, "doc", "dir/doc.txt", &warnings);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->title, c.title);
    EXPECT_EQ(r->text, c.text);
    EXPECT_EQ(r->published.ToIso(), c.published);
    EXPECT_EQ(r->url, c.url);
    EXPECT_EQ(r->source, c.source);
    EXPECT_EQ(r->language, c.lang);
    EXPECT_EQ(r->id, c.id);
    EXPECT_EQ(r->origin, "dir/doc.txt");
    EXPECT_TRUE(warnings.empty());
  }
}

TEST(ParseTextArticleTest, SeedHeaderHasMonthPrecision) {
  Result<Article> r = ParseTextArticle(" date 2017-02 Der amerikanische Minister.\n", "000",
                                       "000.txt", nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.precision, DatePrecision::kMonth);
  EXPECT_EQ(r->published.year, 2017);
  EXPECT_EQ(r->published.month, 2);
  EXPECT_EQ(r->published.day, 0);
}

TEST(ParseTextArticleTest, ConvertsLatin1WithWarning) {
  const std::string latin1 =
      "Gr\xF6\xDF" "ere \xC4pfel\n\nDie Stra\xDF" "e f\xFChrt \xFC" "ber die Br\xFC" "cke nach "
      "M\xFCnchen. M\xFCller und Schr\xF6" "der w\xFCrden n\xE4" "chste Woche \xFC" "ber "
      "Geb\xFChren f\xFCr Fu\xDFg\xE4nger verhandeln, sagte der B\xFCrgermeister am Donnerstag. "
      "Die \xC4nderungen seien gr\xF6\xDF" "er als erwartet, hie\xDF es.";
  std::vector<Diagnostic> warnings;
  Result<Article> r = ParseTextArticle(latin1, "x", "x.txt", &warnings);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Gr\xC3\xB6\xC3\x9F" "ere \xC3\x84pfel");
  EXPECT_TRUE(r->text.starts_with("Die Stra\xC3\x9F" "e f\xC3\xBChrt \xC3\xBC" "ber"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].severity, Severity::kWarning);
  EXPECT_EQ(warnings[0].file, "x.txt");
  EXPECT_TRUE(warnings[0].message.starts_with("converted from ")) << warnings[0].message;
}

TEST(ParseTextArticleTest, ErrorsNameTheFile) {
  struct Case {
    std::string_view input;
    std::string_view message_part;
  };
  const Case cases[] = {
      {"", "empty file"},
      {" \n\r\n\t", "empty file"},
      {"date: 2017-02\ntitle: Nur Metadaten\n", ""},  // a title alone is content
      {"date: 2017-02\nurl: https://example.org/\n", "no text"},
      {std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary"},
  };
  for (const Case& c : cases) {
    Result<Article> r = ParseTextArticle(c.input, "id", "in/bad.txt", nullptr);
    if (c.message_part.empty()) {
      EXPECT_TRUE(r.ok()) << ::testing::PrintToString(c.input);
      continue;
    }
    ASSERT_FALSE(r.ok()) << ::testing::PrintToString(c.input);
    EXPECT_TRUE(r.status().message().starts_with("in/bad.txt: ")) << r.status().message();
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().message();
  }
}

}  // namespace
}  // namespace storyline::ingest
