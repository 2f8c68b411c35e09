#include "extract/dates.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

#include "extract/figures.h"

namespace storyline::extract {
namespace {

struct Named {
  std::string_view word;
  int value;
};

constexpr Named kMonths[] = {
    {"januar", 1},  {"jaenner", 1},  {"februar", 2}, {"feber", 2},     {"maerz", 3},     {"april", 4},
    {"mai", 5},     {"juni", 6},     {"juli", 7},    {"august", 8},    {"september", 9},
    {"oktober", 10}, {"november", 11}, {"dezember", 12}, {"january", 1}, {"february", 2},
    {"march", 3},   {"may", 5},      {"june", 6},    {"july", 7},      {"october", 10},
    {"december", 12}};
// Abbreviations, written with a period: "Jan.", "Sept.".
constexpr Named kMonthAbbrev[] = {{"jan", 1}, {"feb", 2}, {"apr", 4}, {"aug", 8}, {"sep", 9},
                                  {"sept", 9}, {"okt", 10}, {"oct", 10}, {"nov", 11}, {"dez", 12},
                                  {"dec", 12}};
// ISO weekday numbers (Monday = 1).
constexpr Named kWeekdays[] = {
    {"montag", 1},  {"dienstag", 2}, {"mittwoch", 3}, {"donnerstag", 4}, {"freitag", 5},
    {"samstag", 6}, {"sonnabend", 6}, {"sonntag", 7}, {"monday", 1},     {"tuesday", 2},
    {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},   {"sunday", 7}};
constexpr std::string_view kDayParts[] = {"", "s", "abend", "abends", "morgen", "nachmittag",
                                          "vormittag", "nacht", "mittag"};
constexpr Named kDayWords[] = {{"heute", 0},    {"gestern", -1}, {"vorgestern", -2},
                               {"morgen", 1},   {"uebermorgen", 2}, {"today", 0},
                               {"yesterday", -1}, {"tomorrow", 1}};

// The first byte is compared before the rest: this runs on most words.
template <size_t N>
int Lookup(const Named (&table)[N], std::string_view w) {
  if (w.empty()) return 0;
  for (const Named& n : table) {
    if (n.word.size() == w.size() && n.word[0] == w[0] && n.word == w) return n.value;
  }
  return 0;
}

int Weekday(std::string_view w) {
  if (w.empty()) return 0;
  for (const Named& d : kWeekdays) {
    if (w[0] != d.word[0] || !w.starts_with(d.word)) continue;
    const std::string_view rest = w.substr(d.word.size());
    for (std::string_view part : kDayParts) {
      if (rest == part) return d.value;
    }
  }
  return 0;
}

// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant, "chrono-compatible
// low-level date algorithms").
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}
int IsoWeekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

std::string Iso(int y, int m = 0, int d = 0) {
  char buf[16];
  if (m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}
std::string IsoDays(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return Iso(y, m, d);
}

bool ValidDay(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return true;
}

int ToInt(std::string_view s) {
  int v = -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return v;
}

class DateFinder {
 public:
  DateFinder(const WordView& v, const PublishedDate& pub, Extraction* ex)
      : v_(v), pub_(pub), ex_(ex), n_(v.size()) {}

  void Run() {
    for (int i = 0; i < n_; ++i) {
      const int next = Date(i);
      if (next > i) i = next - 1;
    }
  }

 private:
  bool Word(int i) const { return i >= 0 && i < n_ && v_.IsWord(i); }
  bool Number(int i) const { return i >= 0 && i < n_ && v_.words[i].kind == text::TokenKind::kNumber; }
  std::string_view F(int i) const { return v_.Folded(i); }
  bool Punct(int i, std::string_view p) const { return i >= 0 && i < n_ && v_.IsPunct(i, p); }
  bool DayKnown() const { return pub_.precision >= DatePrecision::kDay; }
  bool YearKnown() const { return pub_.precision >= DatePrecision::kYear; }
  int Year(int i) const {
    if (!Number(i)) return 0;
    const int y = ToInt(v_.Raw(i));
    return y >= 1800 && y <= 2199 ? y : 0;
  }
  // A month word at i: returns the month and sets *end past it.
  int Month(int i, int* end) const {
    if (!Word(i)) return 0;
    // The cheap conditions first: this runs on most words.
    if (v_.words[i].cap || v_.lang == "en") {
      if (int m = MonthOfWord(F(i)); m != 0) {
        *end = i + 1;
        return m;
      }
    }
    if (!Punct(i + 1, ".")) return 0;
    if (int m = Lookup(kMonthAbbrev, F(i)); m != 0) {
      *end = i + 2;
      return m;
    }
    return 0;
  }

  void Add(int b, int e, std::string value, DatePrecision precision, bool relative,
           std::string relation) {
    DateMention d;
    d.begin = v_.words[b].begin;
    d.end = v_.words[e - 1].end;
    d.text = std::string(v_.text.substr(d.begin, d.end - d.begin));
    d.value = std::move(value);
    d.precision = precision;
    d.relative = relative;
    d.relation = std::move(relation);
    ex_->dates.push_back(std::move(d));
  }

  // The year of a day and month given without one.
  int YearFor(int m, int d) const {
    int y = pub_.year;
    if (DayKnown() && DaysFromCivil(y, m, d) > pub_.DaysSinceEpoch() + 7) --y;
    return y;
  }

  // An offset of `n` units before (n < 0) or after publication.
  void Offset(int b, int e, std::string_view unit, int n) {
    std::string relation = std::string(unit) + ":" + std::to_string(n);
    if (unit == "years") {
      if (YearKnown()) return Add(b, e, Iso(pub_.year + n), DatePrecision::kYear, true, relation);
      return Add(b, e, "", DatePrecision::kYear, true, relation);
    }
    if (unit == "months") {
      if (pub_.precision >= DatePrecision::kMonth) {
        int total = pub_.year * 12 + (pub_.month - 1) + n;
        return Add(b, e, Iso(total / 12, total % 12 + 1), DatePrecision::kMonth, true, relation);
      }
      return Add(b, e, "", DatePrecision::kMonth, true, relation);
    }
    const int days = unit == "weeks" ? 7 * n : n;
    if (DayKnown()) {
      return Add(b, e, IsoDays(pub_.DaysSinceEpoch() + days), DatePrecision::kDay, true, relation);
    }
    Add(b, e, "", DatePrecision::kDay, true, relation);
  }

  // Day `d` of month `m`, named by the words [b, e); the word at `year_at`
  // may give its year. Adds the mention and returns where it ends (`b` when
  // no year has that day).
  int AddDay(int b, int e, int m, int d, int year_at) {
    if (!ValidDay(2000, m, d)) return b;  // "30. Februar" is no day of any year
    if (int y = Year(year_at); y != 0 && ValidDay(y, m, d)) {
      Add(b, year_at + 1, Iso(y, m, d), DatePrecision::kDay, false, "");
      return year_at + 1;
    }
    if (YearKnown() && ValidDay(YearFor(m, d), m, d)) {
      Add(b, e, Iso(YearFor(m, d), m, d), DatePrecision::kDay, false, "");
    } else {
      char md[32];
      std::snprintf(md, sizeof md, "month-day:%02d-%02d", m, d);
      Add(b, e, "", DatePrecision::kDay, false, md);
    }
    return e;
  }

  // Whether the clause around word `i` (six words each side, within the
  // sentence) speaks of what is to come: a future or modal auxiliary ("wird",
  // "soll", "will") and no past one ("hat", "war", "wurde"). A weekday there
  // is the coming one: "Am Donnerstag soll der Bundestag abstimmen".
  bool FutureNear(int i) const {
    // "will": German "wants to", English future.
    static constexpr std::string_view kFuture[] = {"wird", "werden", "werde", "soll", "sollen", "will",
                                                   "wollen", "plant", "planen", "geplant", "kuenftig"};
    static constexpr std::string_view kPast[] = {"hat", "haben", "hatte", "hatten", "war", "waren",
                                                 "wurde", "wurden", "habe", "sei", "had", "was", "were",
                                                 "did", "said"};
    const auto [first, end] = v_.sentences[v_.words[i].sentence];
    bool future = false;
    for (int k = std::max(first, i - 6); k < std::min(end, i + 7); ++k) {
      if (!Word(k)) continue;
      const std::string_view f = F(k);
      for (std::string_view p : kPast) {
        if (f == p) return false;
      }
      for (std::string_view w : kFuture) future |= f == w;
    }
    return future;
  }

  // How many units an offset at word `k` counts ("vier", "4", "two"; `one`
  // and `one_too` are the indefinite articles that mean one: "einem", "a"),
  // or 0.
  double CountAt(int k, std::string_view one, std::string_view one_too) const {
    if (Number(k)) {
      auto p = text::ParseNumber(v_.Raw(k), v_.lang);
      return p ? *p : 0;
    }
    if (!Word(k)) return 0;
    if (F(k) == one || F(k) == one_too) return 1;
    return NumberWordValue(F(k)).value_or(0);
  }

  // A word for a part of a period before it: "Anfang", "Mitte", "Ende"
  // (folded).
  static bool IsPartOfPeriod(std::string_view f) { return f == "anfang" || f == "mitte" || f == "ende"; }

  // Whether words a..b (inclusive) follow one another with nothing between.
  bool Joined(int a, int b) const {
    for (int k = a; k < b; ++k) {
      if (v_.words[k].end != v_.words[k + 1].begin) return false;
    }
    return true;
  }

  // The distance from publication that an adjective names: -1 for
  // "letztes", "vergangenen", 0 for "dieses", 1 for "nächstes",
  // "kommenden"; 2 for any other word.
  static int DistanceWord(std::string_view f) {
    if (f.size() < 6 || f.size() > 11) return 2;
    switch (f[0]) {
      case 'l':
        return f == "letztes" || f == "letzten" ? -1 : 2;
      case 'v':
        return f == "vergangenes" || f == "vergangenen" ? -1 : 2;
      case 'd':
        return f == "dieses" || f == "diesen" ? 0 : 2;
      case 'n':
        return f == "naechstes" || f == "naechsten" ? 1 : 2;
      case 'k':
        return f == "kommendes" || f == "kommenden" ? 1 : 2;
      default:
        return 2;
    }
  }

  // A year named by its distance from publication in the genitive at word k
  // ("vergangenen Jahres", "des kommenden Jahres", "dieses Jahres"): *n is
  // the distance, *after the word after it.
  bool RelativeYearOf(int k, int* after, int* n) const {
    if (Word(k) && F(k) == "des") ++k;
    if (!Word(k) || !Word(k + 1) || F(k + 1) != "jahres") return false;
    const std::string_view a = F(k);
    // Genitive forms only: "vergangenen", "dieses", "kommenden".
    if (a.ends_with("es") && a != "dieses") return false;
    *n = DistanceWord(a);
    if (*n == 2) return false;
    *after = k + 2;
    return true;
  }

  // Whether the sentence of word i has "haben" in the present (the
  // perfect's auxiliary) or a past form of "haben", "sein" or "werden": it
  // tells what happened. ("ist" and "sind" do not tell: "ob der Hype in
  // zwei Jahren vorbei ist".)
  bool TellsThePast(int i) const {
    static constexpr std::string_view kPast[] = {"hat", "haben", "hatte", "hatten",
                                                 "war", "waren", "wurde", "wurden"};
    const auto [first, end] = v_.sentences[static_cast<size_t>(v_.words[i].sentence)];
    for (int k = first; k < end; ++k) {
      if (Word(k) && std::find(std::begin(kPast), std::end(kPast), F(k)) != std::end(kPast)) return true;
    }
    return false;
  }

  // The unit an offset's word names ("Jahren", "years" → "years"), or "".
  static std::string_view UnitOf(std::string_view u, bool english) {
    struct UnitWords {
      std::string_view unit, de[3], en[2];
    };
    static constexpr UnitWords kUnits[] = {{"years", {"jahren", "jahr", "jahre"}, {"years", "year"}},
                                           {"months", {"monaten", "monat", "monate"}, {"months", "month"}},
                                           {"weeks", {"wochen", "woche", ""}, {"weeks", "week"}},
                                           {"days", {"tagen", "tag", "tage"}, {"days", "day"}}};
    for (const UnitWords& w : kUnits) {
      if (english) {
        for (std::string_view e : w.en) {
          if (u == e) return w.unit;
        }
      } else {
        for (std::string_view d : w.de) {
          if (!d.empty() && u == d) return w.unit;
        }
      }
    }
    return {};
  }

  int Date(int i) {
    const std::string_view f = F(i);
    int end = 0;
    // 23.02.2017
    if (Number(i) && std::count(f.begin(), f.end(), '.') == 2) {
      const size_t p1 = f.find('.'), p2 = f.rfind('.');
      const int d = ToInt(f.substr(0, p1)), m = ToInt(f.substr(p1 + 1, p2 - p1 - 1));
      const int y = ToInt(f.substr(p2 + 1));
      if (y >= 1800 && y <= 2199 && ValidDay(y, m, d)) {
        Add(i, i + 1, Iso(y, m, d), DatePrecision::kDay, false, "");
        return i + 1;
      }
      return i;
    }
    // ISO 8601: 2017-02-23 (the tokenizer splits it at its hyphens).
    if (Number(i) && f.size() == 4 && i + 4 < n_ && Punct(i + 1, "-") && Number(i + 2) &&
        Punct(i + 3, "-") && Number(i + 4) && Joined(i, i + 4) && F(i + 2).size() == 2 &&
        F(i + 4).size() == 2) {
      const int y = ToInt(f), m = ToInt(F(i + 2)), d = ToInt(F(i + 4));
      if (y >= 1800 && y <= 2199 && ValidDay(y, m, d)) {
        Add(i, i + 5, Iso(y, m, d), DatePrecision::kDay, false, "");
        return i + 5;
      }
    }
    // 20. Januar [2017]
    if (Number(i) && Punct(i + 1, ".")) {
      const int d = ToInt(f);
      int m = 0;
      if (d >= 1 && d <= 31 && (m = Month(i + 2, &end)) != 0) return AddDay(i, end, m, d, end);
    }
    // English "March 3", "March 3, 2026", "Feb. 4, 2009"; "3 March 2026".
    if (v_.english) {
      int m = 0, d = 0, day_at = -1, after = 0;
      if (v_.words[i].cap && (m = Month(i, &end)) != 0 && Number(end)) {
        day_at = end;
        after = end + 1;
      } else if (Number(i) && (m = Month(i + 1, &end)) != 0 && v_.words[i + 1].cap) {
        day_at = i;
        after = end;
      }
      if (day_at >= 0 && F(day_at).find_first_of(".,") == std::string_view::npos) {
        d = ToInt(F(day_at));
        if (d >= 1 && d <= 31) return AddDay(i, after, m, d, Punct(after, ",") ? after + 1 : after);
      }
    }
    // Dezember 2024; Ende Januar; im November vergangenen Jahres
    if (int m = Month(i, &end); m != 0) {
      if (int y = Year(end); y != 0) {
        Add(i, end + 1, Iso(y, m), DatePrecision::kMonth, false, "");
        return end + 1;
      }
      const std::string_view before = Word(i - 1) ? F(i - 1) : std::string_view();
      const int b = IsPartOfPeriod(before) ? i - 1 : i;  // "Ende Januar"
      if (int after = 0, n = 0; RelativeYearOf(end, &after, &n)) {
        const std::string relation = "years:" + std::to_string(n);
        if (YearKnown()) {
          Add(b, after, Iso(pub_.year + n, m), DatePrecision::kMonth, true, relation);
        } else {
          Add(b, after, "", DatePrecision::kYear, true, relation);
        }
        return after;
      }
      if (before == "im" || IsPartOfPeriod(before) || before == "seit" || before == "bis" || before == "in" ||
          before == "since") {
        if (YearKnown()) {
          int y = pub_.year;
          if (pub_.precision >= DatePrecision::kMonth && m > pub_.month + 1) --y;
          Add(b, end, Iso(y, m), DatePrecision::kMonth, false, "");
        } else {
          Add(b, end, "", DatePrecision::kMonth, false, "month:" + std::to_string(m));
        }
        return end;
      }
      return i;
    }
    // Years: "2017", "Fiskaljahr 2016", "im Jahr 2016".
    if (int y = Year(i); y != 0 && f.find_first_of(".,'") == std::string_view::npos) {
      const bool keyword = Word(i - 1) && (F(i - 1).ends_with("jahr") || F(i - 1) == "jahres");
      const std::string_view before = Word(i - 1) ? F(i - 1) : std::string_view();
      const bool context = keyword || before == "im" || before == "seit" || before == "bis" ||
                           before == "von" || before == "ab" || before == "in" ||
                           before == "since" || IsPartOfPeriod(before) || before == "nach" ||
                           before == "vor";
      // "2000 Menschen", "1500 Euro": a count, not a year.
      const bool count_follows = Word(i + 1) && (v_.words[i + 1].cap || F(i + 1) == "prozent") &&
                                 v_.words[i + 1].sentence == v_.words[i].sentence;
      if (context || !count_follows) {
        const int b = keyword ? i - 1 : i;
        Add(b, i + 1, Iso(y), DatePrecision::kYear, false, "");
        return i + 1;
      }
      return i;
    }
    if (!Word(i)) return i;
    // Weekdays: "am Donnerstag", "im Laufe des Donnerstags", "vergangenen Dienstag".
    if (int wd = v_.words[i].cap || v_.lang == "en" ? Weekday(f) : 0; wd != 0) {
      int b = i;
      int direction = 0;  // -1 strictly before, +1 strictly after, 0 on or before, 2 on or after
      if (Word(b - 1) && (F(b - 1) == "vergangenen" || F(b - 1) == "letzten" ||
                          F(b - 1) == "last")) {
        direction = -1;
        --b;
      } else if (Word(b - 1) && (F(b - 1) == "kommenden" || F(b - 1) == "naechsten" ||
                                 F(b - 1) == "next")) {
        direction = 1;
        --b;
      } else if (Word(b - 1) && (F(b - 1) == "ab" || F(b - 1) == "bis" || F(b - 1) == "until" ||
                                 F(b - 1) == "fuer" || F(b - 1) == "for")) {
        // "Busse ab Donnerstag", "gesperrt bis Freitag", "für Donnerstag zu
        // einem Streik aufgerufen": from, until or for a day to come.
        direction = 1;
        --b;
      }
      if (Word(b - 1) && (F(b - 1) == "am" || F(b - 1) == "on")) {
        --b;
      } else if (b >= 3 && Word(b - 1) && F(b - 1) == "des" && Word(b - 2) &&
                 F(b - 2) == "laufe" && Word(b - 3) && F(b - 3) == "im") {
        b -= 3;
      }
      if (direction == 0 && FutureNear(i)) direction = 2;
      const std::string relation = "weekday:" + std::to_string(wd);
      if (DayKnown()) {
        const int64_t p = pub_.DaysSinceEpoch();
        const int pw = IsoWeekday(p);
        int64_t day;
        if (direction == 2) {
          day = p + (wd - pw + 7) % 7;  // on or after
        } else if (direction > 0) {
          day = p + ((wd - pw + 7) % 7 == 0 ? 7 : (wd - pw + 7) % 7);
        } else {
          int back = (pw - wd + 7) % 7;
          if (direction < 0 && back == 0) back = 7;
          day = p - back;
        }
        Add(b, i + 1, IsoDays(day), DatePrecision::kDay, true, relation);
      } else {
        Add(b, i + 1, "", DatePrecision::kDay, true, relation);
      }
      return i + 1;
    }
    // gestern, heute, morgen (not "am Morgen").
    for (const Named& dw : kDayWords) {
      if (f != dw.word) continue;
      if (v_.words[i].cap && (f == "morgen") ) break;
      Offset(i, i + 1, "days", dw.value);
      return i + 1;
    }
    // "vor vier Jahren", "in den vergangenen vier Jahren", "vor einem Monat".
    if ((f == "vor" || f == "vergangenen" || f == "letzten") && i + 2 < n_) {
      double count = CountAt(i + 1, "einem", "einer");
      if (count > 0 && count < 1000 && Word(i + 2)) {
        std::string_view unit = UnitOf(F(i + 2), /*english=*/false);
        if (!unit.empty()) {
          int b = i;
          if (f != "vor" && b >= 2 && Word(b - 1) && F(b - 1) == "den" && Word(b - 2) &&
              F(b - 2) == "in")
            b -= 2;
          if (f != "vor" && b == i) return i;
          // "vor zweieinhalb Jahren": a fraction counts in the next finer unit.
          if (count != std::floor(count)) {
            if (unit == "years") {
              unit = "months";
              count *= 12;
            } else if (unit == "months") {
              unit = "days";
              count *= 30.44;
            } else if (unit == "weeks") {
              unit = "days";
              count *= 7;
            }
            count = std::round(count);
          }
          Offset(b, i + 3, unit, -static_cast<int>(count));
          return i + 3;
        }
      }
    }
    // English "last year", "this month", "next year"; "two years ago".
    if (v_.english && Word(i + 1) && (F(i + 1) == "year" || F(i + 1) == "month")) {
      int n = 2;
      if (f == "last") n = -1;
      if (f == "this") n = 0;
      if (f == "next") n = 1;
      if (n != 2) {
        Offset(i, i + 2, F(i + 1) == "year" ? "years" : "months", n);
        return i + 2;
      }
    }
    if (v_.english && Word(i + 1) && Word(i + 2) && F(i + 2) == "ago") {
      const double count = CountAt(i, "a", "an");
      const std::string_view unit = UnitOf(F(i + 1), /*english=*/true);
      if (count > 0 && count < 1000 && count == std::floor(count) && !unit.empty()) {
        Offset(i, i + 3, unit, -static_cast<int>(count));
        return i + 3;
      }
    }
    // "in zwei Jahren", "in drei Monaten", "in einer Woche": after
    // publication. Not a span of time: not before a noun ("in 50 Jahren
    // Super Bowl") or "pro", nor in a sentence told in the past ("In 30
    // Jahren hat er nie ...", "entschied in sechs Jahren": a finite verb in
    // the perfect or past, as far as its auxiliaries tell).
    if (f == "in" && i + 2 < n_) {
      const double count = CountAt(i + 1, "einem", "einer");
      const std::string_view unit = Word(i + 2) ? UnitOf(F(i + 2), /*english=*/false) : std::string_view();
      if (count > 0 && count < 1000 && count == std::floor(count) && !unit.empty() &&
          !(Word(i + 3) && (v_.words[i + 3].cap || F(i + 3) == "pro")) && !TellsThePast(i)) {
        Offset(i, i + 3, unit, static_cast<int>(count));
        return i + 3;
      }
    }
    // "letztes Jahr", "nächsten Monat", "dieses Jahr", and the genitive
    // after "Anfang", "Mitte" or "Ende" ("Anfang nächsten Jahres").
    // (Most words are none of these: the distance is asked first.)
    if (const int n = DistanceWord(f); n != 2 && Word(i + 1) &&
        !(i > 0 && Word(i - 1) && (F(i - 1) == "im" || F(i - 1) == "in"))) {
      const std::string_view u = F(i + 1);
      const bool year = u == "jahr" || u == "jahres";
      const bool month = u == "monat" || u == "monats";
      // The case must fit the noun: "letztes Jahr", "letzten Monat", "des letzten Jahres".
      const bool fits = (u == "jahr" && f.ends_with("es")) || (u == "monat" && f.ends_with("en")) ||
                        u == "jahres" || u == "monats";
      if ((year || month) && fits) {
        int b = i;
        if (b > 0 && Word(b - 1) && IsPartOfPeriod(F(b - 1))) --b;
        Offset(b, i + 2, year ? "years" : "months", n);
        return i + 2;
      }
    }
    // "im vergangenen Jahr", "im Vorjahr", "in diesem Jahr", "im kommenden Jahr".
    if (f == "vorjahr" && Word(i - 1) && F(i - 1) == "im") {
      Offset(i - 1, i + 1, "years", -1);
      return i + 1;
    }
    if ((f == "im" || f == "in") && Word(i + 1) && Word(i + 2) && F(i + 2) == "jahr") {
      const std::string_view a = F(i + 1);
      int n = 2;
      if (a == "vergangenen" || a == "letzten") n = -1;
      if (a == "diesem") n = 0;
      if (a == "kommenden" || a == "naechsten") n = 1;
      if (n != 2) {
        Offset(i, i + 3, "years", n);
        return i + 3;
      }
    }
    return i;
  }

  const WordView& v_;
  const PublishedDate& pub_;
  Extraction* ex_;
  const int n_;
};

}  // namespace

int MonthOfWord(std::string_view folded) { return Lookup(kMonths, folded); }

void FindDates(const WordView& view, const PublishedDate& published, Extraction* ex) {
  if (view.words.empty()) return;
  DateFinder(view, published, ex).Run();
}

}  // namespace storyline::extract
