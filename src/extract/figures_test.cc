#include "extract/figures.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "extract/dates.h"
#include "extract/word_view.h"

namespace storyline::extract {
namespace {

std::vector<Figure> Figures(const std::string& text, std::string_view lang = "de") {
  Extraction ex;
  const WordView view = BuildWordView(text, lang);
  FindDates(view, PublishedDate{}, &ex);
  FindFigures(view, &ex);
  return ex.figures;
}

struct FigureCase {
  std::string text;
  std::string figure;  // "" for none
  double value;
  std::string unit;
  std::string counted;
  std::string qualifier;
};

TEST(FiguresTest, Table) {
  const std::vector<FigureCase> cases = {
      {"In den USA leben sch\xC3\xA4tzungsweise 5,8 Millionen Mexikaner ohne Aufenthaltsgenehmigung.",
       "5,8 Millionen", 5.8e6, "", "Mexikaner ohne Aufenthaltsgenehmigung", "about"},
      {"Dort nahmen die USA fast 410'000 Menschen fest.", "410'000", 410000, "", "Menschen", "almost"},
      {"Die Zahl der Latinos wird auf mehr als elf Millionen gesch\xC3\xA4tzt.", "elf Millionen",
       11e6, "", "Latinos", "more than"},
      {"Zuvor waren 347 Ausgewiesene \xC3\xBC" "berstellt worden.", "347", 347, "", "Ausgewiesene", ""},
      {"Es waren insgesamt 20 Millionen Pillen.", "20 Millionen", 20e6, "", "Pillen", ""},
      {"Das waren ein Viertel mehr als im Vorjahr.", "ein Viertel mehr", 0.25, "", "", "relative"},
      {"Nur gut 24 Stunden danach reisten sie.", "24 Stunden", 24, "h", "", "more than"},
      {"Wir reden von bis zu Hunderttausenden Menschen.", "Hunderttausenden", 1e5, "", "Menschen",
       "up to hundreds of thousands"},
      {"Die Sch\xC3\xA4" "den gehen in die Hunderte Millionen Euro.", "Hunderte Millionen Euro", 1e8, "EUR",
       "", "hundreds of millions"},
      {"Die Preise stiegen um 3,5 Prozent.", "3,5 Prozent", 3.5, "%", "", ""},
      {"Das kostet 20 Mio. Euro.", "20 Mio. Euro", 20e6, "EUR", "", ""},
      {"Sie zahlten 1,2 Mrd. Dollar.", "1,2 Mrd. Dollar", 1.2e9, "USD", "", ""},
      {"Es kamen dreihundertf\xC3\xBCnfundzwanzig G\xC3\xA4ste.", "dreihundertfünfundzwanzig", 325,
       "", "Gäste", ""},
      {"Die Strecke ist 12 km lang.", "12 km", 12, "km", "", ""},
      // Thousands set apart by a space (DIN 5008), a no-break or a narrow
      // no-break space.
      {"Der Umbau kostet 12 000 Euro.", "12 000 Euro", 12000, "EUR", "", ""},
      {"Es kamen 1 234 567 Besucher.", "1 234 567", 1234567, "", "Besucher", ""},
      {"Sie zahlte 12\u00A0000,50 Franken.", "12\u00A0000,50 Franken", 12000.5, "CHF", "", ""},
      {"Rund 40\u202F000 Menschen kamen.", "40\u202F000", 40000, "", "Menschen", "about"},
      // A share: "jeder dritte".
      {"Jeder dritte Deutsche stimmte zu.", "Jeder dritte", 1.0 / 3, "", "Deutsche", "share"},
      {"Das gilt f\xC3\xBCr jeden zehnten Betrieb.", "jeden zehnten", 0.1, "", "Betrieb", "share"},
      {"Jeder Mensch z\xC3\xA4hlt jeden Tag.", "", 0, "", "", ""},
      // Not a year before a number, nor four digits after one.
      {"Im Jahr 2015 300 Menschen.", "300", 300, "", "Menschen", ""},
      // Years, dates, times and ordinals are not figures.
      {"Im Fiskaljahr 2016 war es ruhig.", "", 0, "", "", ""},
      {"Am 20. Januar kam er.", "", 0, "", "", ""},
      {"Um 10:30 Uhr kam er.", "", 0, "", "", ""},
      // Nor are scores and clock times, either side of the colon.
      {"Salzburg gewann mit 6:1 gegen Ried.", "", 0, "", "", ""},
      {"Denver Nuggets 92:74, dann Pause.", "", 0, "", "", ""},
      {"Geöffnet ist montags 10 bis 12 Uhr.", "", 0, "", "", ""},
      {"Er kam am 23.02.2017 an.", "", 0, "", "", ""},
  };
  for (const FigureCase& c : cases) {
    const std::vector<Figure> figures = Figures(c.text);
    if (c.figure.empty()) {
      EXPECT_TRUE(figures.empty()) << c.text << " → " << (figures.empty() ? "" : figures[0].text);
      continue;
    }
    ASSERT_EQ(figures.size(), 1u) << c.text;
    const Figure& f = figures[0];
    EXPECT_EQ(f.text, c.figure) << c.text;
    EXPECT_DOUBLE_EQ(f.value, c.value) << c.text;
    EXPECT_EQ(f.unit, c.unit) << c.text;
    EXPECT_EQ(f.counted, c.counted) << c.text;
    EXPECT_EQ(f.qualifier, c.qualifier) << c.text;
    EXPECT_EQ(c.text.substr(f.begin, f.end - f.begin), f.text);
  }
}

// German "Billion" is a million millions; English "billion" a thousand
// millions, so that outlets in the two languages give the same figure.
// The lower end of a range takes the scale, unit and counted noun of the
// upper end, which is a figure of its own.
TEST(FiguresTest, TheLowerEndOfARange) {
  std::vector<Figure> f = Figures("Experten rechnen mit 25 bis 60 Millionen Euro.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "25");
  EXPECT_DOUBLE_EQ(f[0].value, 25e6);
  EXPECT_EQ(f[0].unit, "EUR");
  EXPECT_EQ(f[1].text, "60 Millionen Euro");
  EXPECT_DOUBLE_EQ(f[1].value, 60e6);
  f = Figures("Es kamen 350 bis 400 ausländische Beamte.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].counted, "ausländische Beamte");
  EXPECT_EQ(f[1].counted, "ausländische Beamte");
  f = Figures("Das Passwort soll mindestens 12-14 Zeichen haben.");
  ASSERT_GE(f.size(), 1u);
  EXPECT_EQ(f[0].text, "12");
  EXPECT_EQ(f[0].counted, "Zeichen");
  // So do the start of a change and the lower of two bounds; "auf" and
  // "und" alone make no range.
  f = Figures("Das Defizit soll von 4,7 auf 4,2 Prozent sinken.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "4,7");
  EXPECT_EQ(f[0].unit, "%");
  f = Figures("Der Umsatz liegt zwischen 20 und 25 Millionen Euro.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 20e6);
  EXPECT_EQ(f[0].unit, "EUR");
  f = Figures("Sie kamen mit 20 und gingen mit 25 Millionen Euro.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 20);
  EXPECT_EQ(f[0].unit, "");
}

// Number words make ranges too; a dash between them does not.
TEST(FiguresTest, ARangeOfNumberWords) {
  std::vector<Figure> f = Figures("Erwartet wird ein Wachstum von drei bis f\xC3\xBCnf Prozent.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "drei");
  EXPECT_EQ(f[0].unit, "%");
  f = Figures("Die Kosten liegen zwischen zwei und drei Millionen Euro.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 2e6);
  EXPECT_EQ(f[0].unit, "EUR");
  f = Figures("Es kamen acht bis zehn Autoren.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].counted, "Autoren");
}

// A bare amount of millions after an amount of millions of money is money
// in its currency, within two sentences of its paragraph and until a figure
// of another kind comes between.
TEST(FiguresTest, MillionsAfterMoneyAreMoney) {
  std::vector<Figure> f = Figures(
      "Siemens setzte 78,4 Milliarden Euro um, nach 75,9 Milliarden im Vorjahr. Der Gewinn stieg "
      "auf 9,1 Milliarden.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[1].unit, "EUR");
  EXPECT_EQ(f[2].unit, "EUR");
  f = Figures("Der Konzern zahlte 20 Millionen Dollar und weitere drei bis vier Millionen.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[1].unit, "USD");
  EXPECT_EQ(f[2].unit, "USD");
  // Not after a small amount, nor after a figure of another kind, nor in
  // the next paragraph.
  f = Figures("Die Pension betr\xC3\xA4gt 1.216 Euro. Pensionen wird es 2,46 Millionen geben.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].unit, "");
  f = Figures("Sie kostet 5 Millionen Euro und hat 300 Mitarbeiter, bald 2 Millionen.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[2].unit, "");
  f = Figures("Sie kostet 5 Millionen Euro.\n\nDie Stadt hat 2 Millionen.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].unit, "");
}

// Swiss francs may be abbreviated "Fr." after the number.
TEST(FiguresTest, SwissFrancsAbbreviated) {
  std::vector<Figure> f = Figures("Der Kanton rechnet mit einem Defizit von 120 Mio. Fr. im Jahr.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "120 Mio. Fr.");
  EXPECT_DOUBLE_EQ(f[0].value, 120e6);
  EXPECT_EQ(f[0].unit, "CHF");
  EXPECT_EQ(f[0].counted, "");
}

TEST(FiguresTest, BillionFollowsTheLanguage) {
  const struct {
    std::string text;
    std::string lang;
    double value;
    std::string unit;
  } cases[] = {
      {"Die Schulden liegen bei 2 Billionen Euro.", "de", 2e12, "EUR"},
      {"Die Schulden liegen bei einer Billion Euro.", "de", 1e12, "EUR"},
      {"Die Mission kostete rund 1,6 Milliarden Euro.", "de", 1.6e9, "EUR"},
      {"Das Land rechnet mit einer Milliarde Euro.", "de", 1e9, "EUR"},
      {"The mission cost about 1.6 billion euros.", "en", 1.6e9, "EUR"},
      {"The mission cost about 1.6 billion euros.", "en-GB", 1.6e9, "EUR"},
      {"They spent 3 billion dollars.", "en", 3e9, "USD"},
  };
  for (const auto& c : cases) {
    const std::vector<Figure> figures = Figures(c.text, c.lang);
    ASSERT_EQ(figures.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(figures[0].value, c.value) << c.text;
    EXPECT_EQ(figures[0].unit, c.unit) << c.text;
  }
}

TEST(FiguresTest, EnglishCountedNouns) {
  const struct {
    std::string text, figure, counted;
  } cases[] = {
      {"About 38,000 vehicles cross the bridge every day.", "38,000", "vehicles"},
      {"Police arrested 12 people on Friday.", "12", "people"},
      {"Some 5.8 million undocumented immigrants live there.", "5.8 million", "undocumented immigrants"},
      {"More than 300 were arrested.", "300", ""},
  };
  for (const auto& c : cases) {
    const std::vector<Figure> figures = Figures(c.text, "en");
    ASSERT_EQ(figures.size(), 1u) << c.text;
    EXPECT_EQ(figures[0].text, c.figure) << c.text;
    EXPECT_EQ(figures[0].counted, c.counted) << c.text;
  }
}

TEST(FiguresTest, NumberWords) {
  EXPECT_EQ(NumberWordValue("elf"), 11);
  EXPECT_EQ(NumberWordValue("zwoelf"), 12);
  EXPECT_EQ(NumberWordValue("zwanzig"), 20);
  EXPECT_EQ(NumberWordValue("hundert"), 100);
  EXPECT_EQ(NumberWordValue("tausend"), 1000);
  EXPECT_EQ(NumberWordValue("einundzwanzig"), 21);
  EXPECT_EQ(NumberWordValue("zweitausendsiebzehn"), 2017);
  EXPECT_EQ(NumberWordValue("eineinhalb"), 1.5);
  EXPECT_EQ(NumberWordValue("anderthalb"), 1.5);
  EXPECT_EQ(NumberWordValue("zweieinhalb"), 2.5);
  EXPECT_EQ(NumberWordValue("einhalb"), std::nullopt);
  EXPECT_EQ(NumberWordValue("twelve"), 12);
  EXPECT_FALSE(NumberWordValue("ein").has_value());
  EXPECT_FALSE(NumberWordValue("grund").has_value());
  EXPECT_FALSE(NumberWordValue("tausende").has_value());
  // Each beginning that the quick test before the parsing lets through.
  EXPECT_EQ(NumberWordValue("null"), 0);
  EXPECT_EQ(NumberWordValue("achthundertelf"), 811);
  EXPECT_EQ(NumberWordValue("neunzig"), 90);
  EXPECT_EQ(NumberWordValue("sechsundvierzig"), 46);
  EXPECT_EQ(NumberWordValue("siebzehn"), 17);
  EXPECT_EQ(NumberWordValue("fuenfzig"), 50);
  EXPECT_EQ(NumberWordValue("vierhundert"), 400);
  EXPECT_EQ(NumberWordValue("dozen"), 12);
  EXPECT_EQ(NumberWordValue("thousand"), 1000);
  EXPECT_EQ(NumberWordValue("forty"), 40);
  EXPECT_FALSE(NumberWordValue("z").has_value());
  EXPECT_FALSE(NumberWordValue("").has_value());
}

}  // namespace
}  // namespace storyline::extract
