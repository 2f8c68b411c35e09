#include "storyline/article.h"

#include <xxhash.h>

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace storyline {
namespace {

constexpr std::array<std::string_view, 6> kPrecisionNames = {"none", "year", "month",
                                                             "day", "minute", "second"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil: proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Reads exactly `n` digits at s[*pos].
bool ReadDigits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

Status Invalid(std::string_view text, std::string_view why) {
  return Status::InvalidArgument(fmt::format("not a date: '{}' ({})", text, why));
}

Result<PublishedDate> ParseGermanNumeric(std::string_view s) {
  // D.M.YYYY or DD.MM.YYYY
  PublishedDate d;
  size_t dot1 = s.find('.');
  size_t dot2 = dot1 == std::string_view::npos ? dot1 : s.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) return Invalid(s, "expected DD.MM.YYYY");
  auto num = [](std::string_view part, int* v) {
    auto r = std::from_chars(part.data(), part.data() + part.size(), *v);
    return r.ec == std::errc() && r.ptr == part.data() + part.size() && !part.empty();
  };
  if (!num(s.substr(0, dot1), &d.day) || !num(s.substr(dot1 + 1, dot2 - dot1 - 1), &d.month) ||
      s.size() - dot2 - 1 != 4 || !num(s.substr(dot2 + 1), &d.year)) {
    return Invalid(s, "expected DD.MM.YYYY");
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return Invalid(s, "no such day");
  }
  d.precision = DatePrecision::kDay;
  return d;
}

}  // namespace

std::string_view DatePrecisionName(DatePrecision p) {
  return kPrecisionNames[static_cast<size_t>(p)];
}

Result<DatePrecision> ParseDatePrecision(std::string_view name) {
  for (size_t i = 0; i < kPrecisionNames.size(); ++i) {
    if (kPrecisionNames[i] == name) return static_cast<DatePrecision>(i);
  }
  return Status::InvalidArgument(fmt::format("unknown date precision '{}'", name));
}

std::string PublishedDate::ToIso() const {
  switch (precision) {
    case DatePrecision::kNone: return "";
    case DatePrecision::kYear: return fmt::format("{:04d}", year);
    case DatePrecision::kMonth: return fmt::format("{:04d}-{:02d}", year, month);
    case DatePrecision::kDay: return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
    case DatePrecision::kMinute:
    case DatePrecision::kSecond: {
      std::string s = fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}", year, month, day, hour, minute);
      if (precision == DatePrecision::kSecond) s += fmt::format(":{:02d}", second);
      if (utc_offset_minutes != 0) {
        int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
        s += fmt::format("{}{:02d}:{:02d}", utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
      }
      return s;
    }
  }
  return "";
}

int64_t PublishedDate::DaysSinceEpoch() const {
  return DaysFromCivil(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
}

int64_t PublishedDate::EpochSeconds() const {
  return DaysSinceEpoch() * 86400 + hour * 3600 + minute * 60 + second -
         static_cast<int64_t>(utc_offset_minutes) * 60;
}

Result<PublishedDate> ParsePublishedDate(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return Invalid(text, "empty");
  if (s.size() >= 8 && s.size() <= 10 && s.find('.') != std::string_view::npos &&
      s.find('-') == std::string_view::npos) {
    return ParseGermanNumeric(s);
  }
  PublishedDate d;
  size_t pos = 0;
  if (!ReadDigits(s, &pos, 4, &d.year)) return Invalid(text, "expected a four-digit year");
  d.precision = DatePrecision::kYear;
  if (pos < s.size()) {
    if (s[pos] != '-') return Invalid(text, "expected '-' after the year");
    ++pos;
    if (!ReadDigits(s, &pos, 2, &d.month) || d.month < 1 || d.month > 12) {
      return Invalid(text, "month must be 01-12");
    }
    d.precision = DatePrecision::kMonth;
  }
  if (pos < s.size()) {
    if (s[pos] != '-') return Invalid(text, "expected '-' after the month");
    ++pos;
    if (!ReadDigits(s, &pos, 2, &d.day) || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
      return Invalid(text, "no such day");
    }
    d.precision = DatePrecision::kDay;
  }
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return Invalid(text, "expected 'T' before the time");
    ++pos;
    if (!ReadDigits(s, &pos, 2, &d.hour) || d.hour > 23 || pos >= s.size() || s[pos] != ':') {
      return Invalid(text, "expected HH:MM");
    }
    ++pos;
    if (!ReadDigits(s, &pos, 2, &d.minute) || d.minute > 59) return Invalid(text, "expected HH:MM");
    d.precision = DatePrecision::kMinute;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!ReadDigits(s, &pos, 2, &d.second) || d.second > 60) return Invalid(text, "bad seconds");
      d.precision = DatePrecision::kSecond;
      if (pos < s.size() && s[pos] == '.') {  // fractional seconds are dropped
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      }
    }
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
      } else if (s[pos] == '+' || s[pos] == '-') {
        int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!ReadDigits(s, &pos, 2, &oh)) return Invalid(text, "bad UTC offset");
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (pos < s.size() && !ReadDigits(s, &pos, 2, &om)) return Invalid(text, "bad UTC offset");
        if (oh > 14 || om > 59) return Invalid(text, "bad UTC offset");
        d.utc_offset_minutes = sign * (oh * 60 + om);
      }
    }
  }
  if (pos != s.size()) return Invalid(text, "unexpected characters at the end");
  return d;
}

std::string ContentHash(const Article& a) {
  // Fields are joined with a separator that cannot occur in UTF-8 text.
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  const std::string published = a.published.ToIso();
  for (const std::string* field : {&a.title, &a.text, &a.url, &a.source, &a.language, &published}) {
    XXH3_128bits_update(state, field->data(), field->size());
    XXH3_128bits_update(state, "\xff", 1);
  }
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace storyline
