#include "extract/dates.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "extract/word_view.h"

namespace storyline::extract {
namespace {

std::vector<DateMention> Dates(const std::string& text, const std::string& published,
                               std::string_view lang = "de") {
  Extraction ex;
  PublishedDate pub;
  if (!published.empty()) pub = ParsePublishedDate(published).value();
  FindDates(BuildWordView(text, lang), pub, &ex);
  return ex.dates;
}

struct DateCase {
  std::string text;
  std::string published;  // "" for unknown
  std::string date;       // the mention's text; "" for none
  std::string value;
  std::string precision;
  std::string relation;
};

TEST(DatesTest, English) {
  const struct {
    std::string text, published, date, value, precision;
  } cases[] = {
      {"Police arrested him on March 3.", "2026-03-10", "March 3", "2026-03-03", "day"},
      {"The law took effect on March 3, 2025.", "2026-03-10", "March 3, 2025", "2025-03-03", "day"},
      {"It happened on Feb. 4, 2009 in San Diego.", "", "Feb. 4, 2009", "2009-02-04", "day"},
      {"The vote was on 14 June 2026.", "", "14 June 2026", "2026-06-14", "day"},
      {"Prices rose last year.", "2026-03-10", "last year", "2025", "year"},
      {"He left two years ago.", "2026-03-10", "two years ago", "2024", "year"},
      {"Sales fell this month.", "2026-03-10", "this month", "2026-03", "month"},
  };
  for (const auto& c : cases) {
    const std::vector<DateMention> dates = Dates(c.text, c.published, "en");
    ASSERT_EQ(dates.size(), 1u) << c.text;
    EXPECT_EQ(dates[0].text, c.date) << c.text;
    EXPECT_EQ(dates[0].value, c.value) << c.text;
    EXPECT_EQ(DatePrecisionName(dates[0].precision), c.precision) << c.text;
  }
  // No year has a 30 February.
  const std::vector<DateMention> bad = Dates("It happened on Feb. 30.", "", "en");
  EXPECT_TRUE(bad.empty()) << bad[0].text;
  // "may" and "march" in lower case are a verb, not a month.
  EXPECT_TRUE(Dates("They may 3 times march 4 miles.", "", "en").empty());
}

TEST(DatesTest, Table) {
  // 2017-02-23 was a Thursday.
  const std::vector<DateCase> cases = {
      {"Das war im Dezember 2024 so.", "", "Dezember 2024", "2024-12", "month", ""},
      {"Im Fiskaljahr 2016 war es so.", "", "Fiskaljahr 2016", "2016", "year", ""},
      {"Das war 2017 so.", "", "2017", "2017", "year", ""},
      {"Er kam am 23.02.2017 an.", "", "23.02.2017", "2017-02-23", "day", ""},
      {"Er kam am 20. Januar an.", "2017-02-23", "20. Januar", "2017-01-20", "day", ""},
      {"Er kam am 20. Januar an.", "", "20. Januar", "", "day", "month-day:01-20"},
      {"Er kommt am 20. Dezember.", "2017-01-03", "20. Dezember", "2016-12-20", "day", ""},
      {"Er kam am 20. Januar 2016 an.", "2017-02-23", "20. Januar 2016", "2016-01-20", "day", ""},
      {"Er kam am 3. Feber 2016 an.", "", "3. Feber 2016", "2016-02-03", "day", ""},  // Austrian
      {"Er kam am Donnerstag.", "2017-02-23", "am Donnerstag", "2017-02-23", "day", "weekday:4"},
      {"Er kam am Dienstag.", "2017-02-23", "am Dienstag", "2017-02-21", "day", "weekday:2"},
      {"Er kam am Freitag.", "2017-02-23", "am Freitag", "2017-02-17", "day", "weekday:5"},
      {"Er kam Donnerstag.", "2017-02-23T10:51", "Donnerstag", "2017-02-23", "day", "weekday:4"},
      {"Sie treffen sich im Laufe des Donnerstags.", "2017-02-23", "im Laufe des Donnerstags",
       "2017-02-23", "day", "weekday:4"},
      {"Er kam vergangenen Donnerstag.", "2017-02-23", "vergangenen Donnerstag", "2017-02-16",
       "day", "weekday:4"},
      {"Er kommt kommenden Montag.", "2017-02-23", "kommenden Montag", "2017-02-27", "day",
       "weekday:1"},
      {"Busse fahren ab Donnerstag.", "2026-03-11", "ab Donnerstag", "2026-03-12", "day",
       "weekday:4"},
      {"Die GDL hat f\xC3\xBCr Donnerstag zum Streik aufgerufen.", "2026-03-09", "für Donnerstag",
       "2026-03-12", "day", "weekday:4"},
      // A clause about what is to come: the coming day, today included.
      {"Am Donnerstag soll der Bundestag abstimmen.", "2026-03-09", "Am Donnerstag", "2026-03-12", "day",
       "weekday:4"},
      {"Der Bundestag wird am Montag abstimmen.", "2026-03-09", "am Montag", "2026-03-09", "day",
       "weekday:1"},
      {"Der Bundestag hat am Donnerstag abgestimmt.", "2026-03-09", "am Donnerstag", "2026-03-05", "day",
       "weekday:4"},
      {"Vor zweieinhalb Jahren kam er.", "2026-03-11", "Vor zweieinhalb Jahren", "2023-09", "month",
       "months:-30"},
      {"Die Strecke bleibt bis Montag gesperrt.", "2026-03-11", "bis Montag", "2026-03-16", "day",
       "weekday:1"},
      {"Er kam gestern.", "2017-02-23", "gestern", "2017-02-22", "day", "days:-1"},
      {"Er kommt heute.", "2017-03-01", "heute", "2017-03-01", "day", "days:0"},
      {"Er kommt morgen.", "2017-02-28", "morgen", "2017-03-01", "day", "days:1"},
      {"Das war vor vier Jahren.", "2017-02-23", "vor vier Jahren", "2013", "year", "years:-4"},
      {"Das war vor drei Tagen.", "2017-03-02", "vor drei Tagen", "2017-02-27", "day", "days:-3"},
      {"Es stieg in den vergangenen vier Jahren.", "2025-02-01", "in den vergangenen vier Jahren",
       "2021", "year", "years:-4"},
      {"Es stieg im Vorjahr.", "2017-02", "im Vorjahr", "2016", "year", "years:-1"},
      {"Das galt ab 2024-05-06.", "", "2024-05-06", "2024-05-06", "day", ""},
      {"Letztes Jahr war es anders.", "2024-03-14", "Letztes Jahr", "2023", "year", "years:-1"},
      {"Es soll n\xC3\xA4" "chstes Jahr erscheinen.", "2024-03-14", "n\xC3\xA4" "chstes Jahr", "2025", "year",
       "years:1"},
      {"Sie zahlen n\xC3\xA4" "chsten Monat.", "2024-03-14", "n\xC3\xA4" "chsten Monat", "2024-04", "month",
       "months:1"},
      {"Anfang n\xC3\xA4" "chsten Jahres geht es los.", "2024-03-14", "Anfang n\xC3\xA4" "chsten Jahres", "2025",
       "year", "years:1"},
      {"Im November vergangenen Jahres kam er.", "2024-03-14", "November vergangenen Jahres", "2023-11",
       "month", "years:-1"},
      {"Die Br\xC3\xBC" "cke soll in zwei Jahren fertig sein.", "2024-03-14", "in zwei Jahren", "2026", "year",
       "years:2"},
      {"Das R\xC3\xBC" "ckspiel ist in einer Woche.", "2024-03-14", "in einer Woche", "2024-03-21", "day",
       "weeks:1"},
      // A span of time, not a date: before a noun or "pro", or told in the past.
      {"Er ist in 50 Jahren Super Bowl der neunte.", "2024-03-14", "", "", "", ""},
      {"Das tritt in einem Monat pro Jahr auf.", "2024-03-14", "", "", "", ""},
      {"In 30 Jahren hat er nie Steuern gezahlt.", "2024-03-14", "", "", "", ""},
      // Unresolved: the publication date is unknown or not precise enough.
      {"Er kam am Donnerstag.", "", "am Donnerstag", "", "day", "weekday:4"},
      {"Er kam am Donnerstag.", "2017-02", "am Donnerstag", "", "day", "weekday:4"},
      {"Er kam gestern.", "", "gestern", "", "day", "days:-1"},
      {"Das war vor vier Jahren.", "", "vor vier Jahren", "", "year", "years:-4"},
      // Not dates.
      {"Am Morgen kam er.", "2017-02-23", "", "", "", ""},
      {"Es kamen 2000 Menschen.", "", "", "", "", ""},
  };
  for (const DateCase& c : cases) {
    const std::vector<DateMention> dates = Dates(c.text, c.published);
    if (c.date.empty()) {
      EXPECT_TRUE(dates.empty()) << c.text << " → " << (dates.empty() ? "" : dates[0].text);
      continue;
    }
    ASSERT_EQ(dates.size(), 1u) << c.text;
    const DateMention& d = dates[0];
    EXPECT_EQ(d.text, c.date) << c.text;
    EXPECT_EQ(d.value, c.value) << c.text << " published " << c.published;
    EXPECT_EQ(DatePrecisionName(d.precision), c.precision) << c.text;
    EXPECT_EQ(d.relation, c.relation) << c.text;
    EXPECT_EQ(d.relative, !c.relation.empty() && !c.relation.starts_with("month-")) << c.text;
    EXPECT_EQ(c.text.substr(d.begin, d.end - d.begin), d.text);
  }
}

}  // namespace
}  // namespace storyline::extract
