// The article model shared by every stage.
#ifndef STORYLINE_ARTICLE_H_
#define STORYLINE_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline {

// How much of a publication date is known. `2017-02` is a month, not the
// first of February, and is stored as such.
enum class DatePrecision { kNone = 0, kYear, kMonth, kDay, kMinute, kSecond };

std::string_view DatePrecisionName(DatePrecision p);  // "none", "year", ...
Result<DatePrecision> ParseDatePrecision(std::string_view name);

// A calendar date-time with the precision it was given in. Fields below the
// precision are zero (month/day are 0 when unknown). Times are kept in the
// offset they were given in; `utc_offset_minutes` is 0 for `Z` or no offset.
struct PublishedDate {
  int year = 0;
  int month = 0;   // 1-12, 0 when unknown
  int day = 0;     // 1-31, 0 when unknown
  int hour = 0;
  int minute = 0;
  int second = 0;
  int utc_offset_minutes = 0;
  DatePrecision precision = DatePrecision::kNone;

  bool known() const { return precision != DatePrecision::kNone; }
  // ISO 8601 truncated to the precision: "2017", "2017-02", "2017-02-23",
  // "2017-02-23T10:51", "2017-02-23T10:51:07+01:00". Empty when unknown.
  std::string ToIso() const;
  // Days since 1970-01-01 of the first day the date can mean (month → day 1).
  // Only meaningful when known().
  int64_t DaysSinceEpoch() const;
  // Seconds since the epoch (UTC) of the earliest instant the date can mean.
  int64_t EpochSeconds() const;

  friend bool operator==(const PublishedDate&, const PublishedDate&) = default;
};

// Parses ISO 8601 dates and date-times ("2017", "2017-02", "2017-02-23",
// "2017-02-23T10:51:00", "2017-02-23 10:51", with "Z" or "+01:00") and the
// German numeric form "23.02.2017". Rejects impossible dates (2017-02-30).
Result<PublishedDate> ParsePublishedDate(std::string_view text);

struct Article {
  std::string id;        // unique per article; revisions share it
  std::string url;       // may be empty
  std::string source;    // outlet name, may be empty
  std::string title;     // may be empty (never invented from the text)
  std::string text;      // body, UTF-8, NFC, paragraphs separated by "\n"
  std::string language;  // ISO 639-1 ("de"); empty until identified
  PublishedDate published;
  std::string content_hash;  // hex XXH3-128 of the content (see ContentHash)
  int64_t first_seen = 0;    // unix seconds when the id was first stored
  int revision = 0;          // 1 for the first stored content, +1 per change
  std::string origin;        // where it was read: "dir/file.jsonl:17"
};

// The content hash over every field a reader sees (title, text, url, source,
// language, published): the same content gives the same hash whatever its id
// or when it was read.
std::string ContentHash(const Article& article);

}  // namespace storyline

#endif  // STORYLINE_ARTICLE_H_
