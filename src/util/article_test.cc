#include "storyline/article.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

struct DateCase {
  const char* input;
  const char* iso;  // nullptr: must be rejected
  DatePrecision precision;
};

TEST(PublishedDateTest, ParsesWithPrecision) {
  const DateCase cases[] = {
      {"2017", "2017", DatePrecision::kYear},
      {"2017-02", "2017-02", DatePrecision::kMonth},  // a month, not 1 February
      {"2017-02-23", "2017-02-23", DatePrecision::kDay},
      {"2021-07-01T08:01:00", "2021-07-01T08:01:00", DatePrecision::kSecond},
      {"2021-07-01T08:01", "2021-07-01T08:01", DatePrecision::kMinute},
      {"2021-07-01 08:01:00Z", "2021-07-01T08:01:00", DatePrecision::kSecond},
      {"2021-07-01T08:01:00+02:00", "2021-07-01T08:01:00+02:00", DatePrecision::kSecond},
      {"2021-07-01T08:01:00.123-0530", "2021-07-01T08:01:00-05:30", DatePrecision::kSecond},
      {" 2017-02 ", "2017-02", DatePrecision::kMonth},
      {"23.02.2017", "2017-02-23", DatePrecision::kDay},
      {"1.2.2017", "2017-02-01", DatePrecision::kDay},
      {"2016-02-29", "2016-02-29", DatePrecision::kDay},
      {"2017-02-29", nullptr, DatePrecision::kNone},  // not a leap year
      {"2017-13", nullptr, DatePrecision::kNone},
      {"2017-02-30", nullptr, DatePrecision::kNone},
      {"Februar 2017", nullptr, DatePrecision::kNone},
      {"", nullptr, DatePrecision::kNone},
      {"2017-02-23T25:00", nullptr, DatePrecision::kNone},
      {"31.02.2017", nullptr, DatePrecision::kNone},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.input);
    Result<PublishedDate> d = ParsePublishedDate(c.input);
    if (c.iso == nullptr) {
      EXPECT_FALSE(d.ok());
      continue;
    }
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->ToIso(), c.iso);
    EXPECT_EQ(d->precision, c.precision);
  }
}

TEST(PublishedDateTest, EpochArithmetic) {
  EXPECT_EQ(ParsePublishedDate("1970-01-01")->DaysSinceEpoch(), 0);
  EXPECT_EQ(ParsePublishedDate("2017-02-23")->DaysSinceEpoch(), 17220);
  // A month means its first possible day when a single number is needed.
  EXPECT_EQ(ParsePublishedDate("2017-02")->DaysSinceEpoch(), 17198);
  EXPECT_EQ(ParsePublishedDate("2021-07-01T08:01:00+02:00")->EpochSeconds(),
            ParsePublishedDate("2021-07-01T06:01:00Z")->EpochSeconds());
}

TEST(PublishedDateTest, PrecisionNamesRoundTrip) {
  for (DatePrecision p : {DatePrecision::kNone, DatePrecision::kYear, DatePrecision::kMonth,
                          DatePrecision::kDay, DatePrecision::kMinute, DatePrecision::kSecond}) {
    EXPECT_EQ(*ParseDatePrecision(DatePrecisionName(p)), p);
  }
  EXPECT_FALSE(ParseDatePrecision("week").ok());
}

TEST(ContentHashTest, SameContentSameHashWhateverTheId) {
  Article a;
  a.id = "a";
  a.title = "Titel";
  a.text = "Text";
  Article b = a;
  b.id = "b";
  b.first_seen = 99;
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  EXPECT_EQ(ContentHash(a).size(), 32u);
  b.text = "Text.";
  EXPECT_NE(ContentHash(a), ContentHash(b));
  // Field boundaries matter: moving text between fields changes the hash.
  Article c = a;
  c.title = "TitelText";
  c.text = "";
  EXPECT_NE(ContentHash(a), ContentHash(c));
}

}  // namespace
}  // namespace storyline
