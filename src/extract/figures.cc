#include "extract/figures.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "byte_pairs.h"
#include "storyline/text.h"

namespace storyline::extract {
namespace {

struct Named {
  std::string_view word;
  double value;
};

constexpr Named kUnits[] = {
    {"null", 0},  {"eins", 1},   {"zwei", 2},   {"zwo", 2},     {"drei", 3},    {"vier", 4},
    {"fuenf", 5}, {"sechs", 6},  {"sieben", 7}, {"acht", 8},    {"neun", 9},    {"zehn", 10},
    {"elf", 11},  {"zwoelf", 12}, {"dreizehn", 13}, {"vierzehn", 14}, {"fuenfzehn", 15},
    {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19}};
constexpr Named kTens[] = {{"zwanzig", 20}, {"dreissig", 30}, {"vierzig", 40},
                           {"fuenfzig", 50}, {"sechzig", 60}, {"siebzig", 70},
                           {"achtzig", 80}, {"neunzig", 90}};
constexpr Named kEnglish[] = {
    {"one", 1},     {"two", 2},      {"three", 3},   {"four", 4},     {"five", 5},
    {"six", 6},     {"seven", 7},    {"eight", 8},   {"nine", 9},     {"ten", 10},
    {"eleven", 11}, {"twelve", 12},  {"twenty", 20}, {"thirty", 30},  {"forty", 40},
    {"fifty", 50},  {"hundred", 100}, {"thousand", 1000}, {"dozen", 12}};

// Whether a unit of kUnitWords is a currency: currencies are given by their
// ISO 4217 codes, three capital letters, which no other unit is.
bool IsCurrency(std::string_view unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Scale words after a number: "5,8 Millionen", "3 Mrd.". "billion" is 10^12
// in German (the long scale) and 10^9 in English (ScaleOf).
constexpr Named kScales[] = {
    {"tausend", 1e3},  {"million", 1e6},    {"millionen", 1e6}, {"mio", 1e6},
    {"milliarde", 1e9}, {"milliarden", 1e9}, {"mrd", 1e9},       {"billion", 1e12},
    {"billionen", 1e12}, {"millions", 1e6},  {"billions", 1e9},  {"thousand", 1e3},
    {"bn", 1e9}};

// Words that stand for a vague amount: "Hunderttausende Menschen".
struct Vague {
  std::string_view stem;
  double value;
  std::string_view qualifier;
};
constexpr Vague kVague[] = {
    {"hunderttausende", 1e5, "hundreds of thousands"}, {"zehntausende", 1e4, "tens of thousands"},
    {"hunderte", 100, "hundreds"}, {"tausende", 1e3, "thousands"}, {"dutzende", 12, "dozens"},
    {"millionen", 1e6, "millions"}, {"milliarden", 1e9, "billions"},
    {"hundreds", 100, "hundreds"}, {"thousands", 1e3, "thousands"}, {"millions", 1e6, "millions"}};

constexpr Named kFractions[] = {{"haelfte", 0.5}, {"drittel", 1.0 / 3}, {"viertel", 0.25},
                                {"fuenftel", 0.2}, {"zehntel", 0.1}, {"half", 0.5},
                                {"third", 1.0 / 3}, {"quarter", 0.25}};

// Ordinals after "jeder": "jeder dritte Deutsche" is a third of them
// (folded, without the adjective's ending).
constexpr Named kEveryNth[] = {{"zweit", 2},   {"dritt", 3},   {"viert", 4},     {"fuenft", 5},
                               {"sechst", 6},  {"siebt", 7},   {"acht", 8},      {"neunt", 9},
                               {"zehnt", 10},  {"elft", 11},   {"zwoelft", 12},  {"zwanzigst", 20},
                               {"hundertst", 100}};

struct Unit {
  std::string_view word;
  std::string_view unit;
};
constexpr Unit kUnitWords[] = {
    {"prozent", "%"}, {"%", "%"}, {"prozentpunkte", "pp"}, {"percent", "%"},
    {"euro", "EUR"}, {"euros", "EUR"}, {"€", "EUR"}, {"eur", "EUR"}, {"dollar", "USD"},
    {"dollars", "USD"}, {"us-dollar", "USD"},
    {"$", "USD"}, {"usd", "USD"}, {"franken", "CHF"}, {"chf", "CHF"}, {"pfund", "GBP"},
    {"£", "GBP"}, {"yen", "JPY"}, {"rubel", "RUB"}, {"pesos", "MXN"}, {"peso", "MXN"},
    {"km", "km"}, {"kilometer", "km"}, {"kilometern", "km"}, {"meter", "m"}, {"metern", "m"},
    {"m", "m"}, {"kg", "kg"}, {"kilogramm", "kg"}, {"gramm", "g"}, {"tonnen", "t"},
    {"liter", "l"}, {"stunden", "h"}, {"stunde", "h"}, {"minuten", "min"}, {"sekunden", "s"},
    {"tage", "days"}, {"tagen", "days"}, {"wochen", "weeks"}, {"monate", "months"},
    {"monaten", "months"}, {"jahre", "years"}, {"jahren", "years"}, {"grad", "°"},
    {"hours", "h"}, {"days", "days"}, {"years", "years"}, {"miles", "mi"}};

struct Qualifier {
  std::string_view first, second;  // second may be empty
  std::string_view qualifier;
};
constexpr Qualifier kQualifiers[] = {
    {"mehr", "als", "more than"}, {"weniger", "als", "less than"}, {"bis", "zu", "up to"},
    {"more", "than", "more than"}, {"less", "than", "less than"}, {"up", "to", "up to"},
    {"at", "least", "at least"}, {"ueber", "", "more than"}, {"gut", "", "more than"},
    {"fast", "", "almost"}, {"beinahe", "", "almost"}, {"knapp", "", "almost"},
    {"nahezu", "", "almost"}, {"rund", "", "about"}, {"etwa", "", "about"},
    {"ungefaehr", "", "about"}, {"circa", "", "about"}, {"ca", "", "about"}, {"zirka", "", "about"},
    {"schaetzungsweise", "", "about"}, {"mindestens", "", "at least"},
    {"hoechstens", "", "at most"}, {"almost", "", "almost"}, {"nearly", "", "almost"},
    {"about", "", "about"}, {"around", "", "about"}, {"roughly", "", "about"},
    {"approximately", "", "about"}, {"over", "", "more than"}};

// The first byte is compared before the rest: this runs on every word, and
// the call to memcmp cost more than the scan itself.
template <typename T, size_t N>
const T* Find(const T (&table)[N], std::string_view w) {
  if (w.empty()) return nullptr;
  for (const T& t : table) {
    if (t.word.size() == w.size() && t.word[0] == w[0] && t.word == w) return &t;
  }
  return nullptr;
}

// The value of a scale word, or 0.
double ScaleOf(std::string_view folded, bool english) {
  const Named* s = Find(kScales, folded);
  if (s == nullptr) return 0;
  if (folded == "billion" && english) return 1e9;
  return s->value;
}

// "eine Milliarde", "mit einer Milliarde", "um ein Viertel", "a third": one
// before a scale or fraction word.
bool IsIndefinite(std::string_view folded) {
  if (folded.empty()) return false;
  switch (folded[0]) {  // this runs on most words: the first byte decides most
    case 'e':
      return folded == "ein" || folded == "eine" || folded == "einen" || folded == "einem" ||
             folded == "einer" || folded == "eines";
    case 'a': return folded == "a" || folded == "an";
    case 'o': return folded == "one";
    default: return false;
  }
}

std::optional<double> Lookup(std::string_view w) {
  if (const Named* n = Find(kUnits, w)) return n->value;
  if (const Named* n = Find(kTens, w)) return n->value;
  return std::nullopt;
}

// German number words below a million: "dreihundertfuenfundzwanzig".
std::optional<double> Compose(std::string_view w) {
  if (w.empty()) return std::nullopt;
  if (auto v = Lookup(w)) return v;
  if (size_t p = w.find("tausend"); p != std::string_view::npos) {
    double head = 1;
    if (p > 0) {
      auto h = Compose(w.substr(0, p));
      if (!h) return std::nullopt;
      head = *h;
    }
    const std::string_view rest = w.substr(p + 7);
    if (rest.empty()) return head * 1000;
    auto r = Compose(rest);
    if (!r) return std::nullopt;
    return head * 1000 + *r;
  }
  if (size_t p = w.find("hundert"); p != std::string_view::npos) {
    double head = 1;
    if (p > 0) {
      std::string_view h = w.substr(0, p);
      if (h == "ein") {
        head = 1;
      } else {
        auto hv = Lookup(h);
        if (!hv) return std::nullopt;
        head = *hv;
      }
    }
    const std::string_view rest = w.substr(p + 7);
    if (rest.empty()) return head * 100;
    auto r = Compose(rest);
    if (!r) return std::nullopt;
    return head * 100 + *r;
  }
  if (size_t p = w.find("und"); p != std::string_view::npos && p > 0) {
    std::string_view unit = w.substr(0, p);
    if (unit == "ein") unit = "eins";
    auto u = Lookup(unit);
    auto t = Find(kTens, w.substr(p + 3));
    if (u && t && *u < 10) return *u + t->value;
  }
  return std::nullopt;
}

class FigureFinder {
 public:
  FigureFinder(const WordView& v, Extraction* ex) : v_(v), ex_(ex), n_(v.size()) {}

  void Run() {
    skip_.assign(n_, 0);
    for (const DateMention& d : ex_->dates) {
      for (int i = v_.WordAt(d.begin); i < n_ && v_.words[i].begin < d.end; ++i) skip_[i] = 1;
    }
    for (int i = 0; i < n_; ++i) {
      if (skip_[i]) continue;
      const int next = FindAt(i);
      if (next > i) i = next - 1;
    }
  }

 private:
  bool Word(int i) const { return i >= 0 && i < n_ && v_.IsWord(i); }
  std::string_view F(int i) const { return v_.Folded(i); }
  bool Punct(int i, std::string_view p) const { return i >= 0 && i < n_ && v_.IsPunct(i, p); }
  bool Adjacent(int a, int b) const { return v_.words[a].end == v_.words[b].begin; }
  bool SameSentence(int a, int b) const {
    return b < n_ && v_.words[a].sentence == v_.words[b].sentence;
  }
  bool CapNoun(int i) const {
    return Word(i) && v_.words[i].cap && !skip_[i] && !Find(kUnitWords, F(i));
  }
  bool Adjective(int i) const {
    if (!Word(i) || v_.words[i].cap) return false;
    const std::string_view f = F(i);
    if (f == "ohne" || f == "eine" || f == "keine" || f == "diese" || f == "jede" ||
        f == "alle" || f == "wie" || f == "die" || f == "sie" || f == "werde" || f == "habe" ||
        f == "sei" || f == "wurde" || f == "wurden" || f == "werden" || f == "haben" ||
        f == "oder" || f == "aber" || f == "immer" || f == "sehr" || f == "unter" ||
        f == "gegen" || f == "wieder" || f == "einem" || f == "einen" || f == "einer")
      return false;
    return f.size() > 3 && (f.ends_with("e") || f.ends_with("en") || f.ends_with("er") ||
                            f.ends_with("es") || f.ends_with("em"));
  }

  // Thousands set apart by spaces, as DIN 5008 and Swiss and French
  // writers do ("12 000 Euro", "1 234 567", also with a no-break or thin
  // space): the number at word i (one to three digits) and each following
  // group of three digits, one space after the other, are one number; the
  // last group may carry decimals ("12 000,50"). Returns the word after the
  // last group (i + 1 when none follows) and sets *value.
  int DigitGroupsAt(int i, double* value) const {
    const auto digits = [](std::string_view r) {
      return !r.empty() && std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string_view first = v_.Raw(i);
    if (!digits(first) || first.size() > 3 || first.front() == '0') return i + 1;
    int end = i + 1;
    double total = *value;
    while (end < n_ && v_.words[end].kind == text::TokenKind::kNumber && SameSentence(i, end)) {
      const std::string_view gap =
          v_.text.substr(v_.words[end - 1].end, v_.words[end].begin - v_.words[end - 1].end);
      if (gap != " " && gap != "\u00A0" && gap != "\u202F" && gap != "\u2009") break;
      const std::string_view group = v_.Raw(end);
      const size_t comma = group.find(',');
      const std::string_view whole = group.substr(0, comma);
      if (whole.size() != 3 || !digits(whole)) break;
      if (comma != std::string_view::npos && !digits(group.substr(comma + 1))) break;
      const std::optional<double> parsed = text::ParseNumber(group, v_.lang);
      if (!parsed) break;
      total = total * 1000 + *parsed;
      ++end;
      if (comma != std::string_view::npos) break;  // decimals end the number
    }
    *value = total;
    return end;
  }

  // The figure starting at word i; returns the word after it, or i if none.
  int FindAt(int i) {
    double value = 0;
    int end = i + 1;
    std::string qualifier;
    std::string unit;
    const std::string_view f = F(i);
    if (v_.words[i].kind == text::TokenKind::kNumber) {
      auto parsed = text::ParseNumber(v_.Raw(i), v_.lang);
      if (!parsed) return i;
      // Times ("10:30 Uhr") and ordinals ("am 3. Tag") are not figures.
      if (Punct(i + 1, ":") || (Word(i + 1) && F(i + 1) == "uhr")) return i + 1;
      // Nor is the number after the colon of a score or a time ("6:1",
      // "92:74", "10:30").
      if (Punct(i - 1, ":") && Adjacent(i - 1, i) && i >= 2 &&
          v_.words[i - 2].kind == text::TokenKind::kNumber && Adjacent(i - 2, i - 1)) {
        return i + 1;
      }
      if (Punct(i + 1, ".") && Adjacent(i, i + 1) && SameSentence(i, i + 2) &&
          *parsed == std::floor(*parsed) && *parsed < 1000)
        return i + 1;
      if (Punct(i - 1, "-") || (Word(i - 1) && v_.words[i - 1].cap && Adjacent(i - 1, i)))
        return i + 1;
      value = *parsed;
      end = DigitGroupsAt(i, &value);
      // Currency before the number: "$5", "€ 20".
      if (i > 0 && v_.words[i - 1].kind == text::TokenKind::kPunct) {
        if (const Unit* u = Find(kUnitWords, v_.Raw(i - 1)); u && v_.Raw(i - 1) != "%") {
          unit = std::string(u->unit);
        }
      }
    } else if (!Word(i)) {
      return i;
    } else if (const Named* fr = Find(kFractions, f); fr && i > 0) {
      // "ein Viertel mehr", "die Hälfte", "zwei Drittel".
      (void)fr;
      return i;  // fractions are read from the word before them (below)
    } else if (auto w = NumberWordValue(f); w && (!v_.words[i].cap ||
                                                   i == v_.sentences[v_.words[i].sentence].first)) {
      value = *w;
    } else if ((f == "jeder" || f == "jede" || f == "jedes" || f == "jeden" || f == "jedem") && Word(i + 1) &&
               !v_.english) {
      // "jeder dritte Deutsche", "jedes fünfte Kind": a share of them.
      std::string_view nth = F(i + 1);
      while (!nth.empty() && (nth.back() == 'e' || nth.back() == 'n' || nth.back() == 'r' || nth.back() == 's' ||
                              nth.back() == 'm')) {
        nth.remove_suffix(1);
        if (const Named* o = Find(kEveryNth, nth)) {
          return Finish(i, i + 2, 1.0 / o->value, "", "share");
        }
      }
      return i;
    } else if (IsIndefinite(f) && Word(i + 1)) {
      value = 1;
      const std::string_view nf = F(i + 1);
      if (!Find(kScales, nf) && !Find(kFractions, nf)) return i;
    } else if (f == "die" && Word(i + 1) && F(i + 1) == "haelfte") {
      value = 1;
    } else {
      for (const Vague& vg : kVague) {
        if (f == vg.stem || (f.size() == vg.stem.size() + 1 && f.starts_with(vg.stem) &&
                             f.back() == 'n')) {
          // "Millionen" after a number is a scale, handled there.
          if (i > 0 && v_.words[i - 1].kind == text::TokenKind::kNumber) return i;
          if (i > 0 && NumberWordValue(F(i - 1))) return i;
          value = vg.value;
          qualifier = std::string(vg.qualifier);
          end = i + 1;
          // "Hunderte Millionen Euro": hundreds of millions.
          if (const double scale = Word(end) ? ScaleOf(F(end), v_.english) : 0; scale >= 1e6) {
            qualifier += scale >= 1e9 ? " of billions" : " of millions";
            end = ScaleAt(end, &value);
          }
          end = UnitAt(end, &unit);
          return Finish(i, end, value, unit, qualifier);
        }
      }
      return i;
    }
    // Scale and fraction words.
    if (const int after = ScaleAt(end, &value); after > end) {
      end = after;
    } else if (const Named* fr = Word(end) ? Find(kFractions, F(end)) : nullptr) {
      value = (value == 1 && (IsIndefinite(f) || f == "die")) ? fr->value : value * fr->value;
      ++end;
      if (Word(end) && (F(end) == "mehr" || F(end) == "weniger" || F(end) == "more" ||
                        F(end) == "less")) {
        qualifier = "relative";
        ++end;
      }
    }
    if (Word(end) && F(end) == "tausend") {
      value *= 1e3;
      ++end;
    }
    end = UnitAt(end, &unit);
    // The lower end of a range takes the scale, unit and counted noun of
    // the upper: "von 25 bis 60 Millionen Euro" (25 million euros), "12-14
    // Zeichen"; so do the start of a change and the lower of two bounds:
    // "von 4,7 auf 4,2 Prozent", "zwischen 3 und 5 Prozent".
    const std::string_view before = i > 0 && Word(i - 1) ? F(i - 1) : std::string_view();
    const bool range_word =
        Word(end) && (F(end) == "bis" || (F(end) == "auf" && before == "von") ||
                      (F(end) == "und" && before == "zwischen"));
    // Number words too: "drei bis fünf Prozent" (not across a dash).
    const bool lower_word = Word(i) && !v_.words[i].cap;
    const auto upper_number = [&](int k) {
      if (k >= n_ || !SameSentence(i, k)) return false;
      if (v_.words[k].kind == text::TokenKind::kNumber) return !lower_word;
      return range_word && Word(k) && !v_.words[k].cap && NumberWordValue(F(k)).has_value();
    };
    if (end == i + 1 && (v_.words[i].kind == text::TokenKind::kNumber || (lower_word && range_word)) &&
        (range_word || Punct(end, "-") || Punct(end, "–")) && upper_number(end + 1)) {
      int upper_end = end + 2;
      // "10 bis 12 Uhr": a span of time, not a figure.
      if (Word(upper_end) && F(upper_end) == "uhr") return upper_end;
      upper_end = UnitAt(ScaleAt(upper_end, &value), &unit);
      return Finish(i, end, value, unit, qualifier, upper_end);
    }
    return Finish(i, end, value, unit, qualifier);
  }

  // A scale word at word `at` ("Millionen", "Mrd."): multiplies *value by
  // it and returns the word after it (and after the period of "Mio."/"Mrd."),
  // else returns `at`.
  int ScaleAt(int at, double* value) const {
    if (!Word(at)) return at;
    const double scale = ScaleOf(F(at), v_.english);
    if (scale <= 0) return at;
    *value *= scale;
    ++at;
    if (Punct(at, ".") && (F(at - 1) == "mio" || F(at - 1) == "mrd")) ++at;
    return at;
  }

  // A unit word or sign at word `at` ("Euro", "%", "km"): sets *unit and
  // returns the word after it, else returns `at`.
  int UnitAt(int at, std::string* unit) const {
    if (at >= n_) return at;
    const std::string_view raw = v_.Raw(at);
    // Swiss francs abbreviated: "120 Mio. Fr.", "45 sFr." ("Fr." alone
    // after a number is no "Frau" or "Freitag").
    if ((raw == "Fr" || raw == "sFr" || raw == "SFr") && at + 1 < n_ && Punct(at + 1, ".") &&
        v_.words[at + 1].begin == v_.words[at].end) {
      *unit = "CHF";
      return at + 2;
    }
    const Unit* u = Find(kUnitWords, Word(at) ? F(at) : raw);
    if (u != nullptr && (Word(at) || raw == "%" || raw == "€" || raw == "$")) {
      *unit = std::string(u->unit);
      return at + 1;
    }
    return at;
  }

  // `counted_from`: where what the figure counts is looked for, when not
  // right after it (after a range's upper end).
  int Finish(int i, int end, double value, std::string unit, std::string qualifier,
             int counted_from = -1) {
    // A qualifier before: "mehr als elf Millionen", "bis zu Hunderttausenden".
    std::string before;
    for (const Qualifier& q : kQualifiers) {
      if (q.second.empty()) {
        if (Word(i - 1) && F(i - 1) == q.first) before = std::string(q.qualifier);
      } else if (Word(i - 2) && Word(i - 1) && F(i - 2) == q.first && F(i - 1) == q.second) {
        before = std::string(q.qualifier);
      }
      if (!before.empty()) break;
    }
    if (!before.empty()) qualifier = qualifier.empty() ? before : before + " " + qualifier;
    extract::Figure fig;
    fig.begin = v_.words[i].begin;
    fig.end = v_.words[end - 1].end;
    fig.text = std::string(v_.text.substr(fig.begin, fig.end - fig.begin));
    fig.value = value;
    fig.unit = std::move(unit);
    fig.qualifier = std::move(qualifier);
    fig.counted = Counted(i, counted_from < 0 ? end : counted_from);
    CarryCurrency(i, std::max(end, counted_from), &fig);
    ex_->figures.push_back(std::move(fig));
    return end;
  }

  // A bare number of millions or billions soon after an amount of millions
  // or billions of money, in its paragraph and with no figure of another
  // kind between them, is money in that currency: "78,4 Milliarden Euro
  // umgesetzt, nach 75,9 Milliarden im Vorjahr. Der Gewinn stieg auf 9,1
  // Milliarden" (not "1.216 Euro im Monat. Pensionen wird es 2,46 Millionen
  // geben"). `end`: past the figure's scale word, which a range's lower end
  // shares with its upper end ("drei bis vier Millionen").
  void CarryCurrency(int i, int end, Figure* fig) {
    const extract::Word& w = v_.words[i];
    if (fig->unit.empty() && fig->counted.empty() && fig->qualifier.find("relative") == std::string::npos &&
        !money_.empty() && w.paragraph == money_paragraph_ && w.sentence - money_sentence_ <= 2) {
      for (int k = i + 1; k < end; ++k) {
        if (Word(k) && ScaleOf(F(k), v_.english) >= 1e6) {
          fig->unit = money_;
          break;
        }
      }
    }
    if (!fig->unit.empty() || !fig->counted.empty()) {
      money_ = IsCurrency(fig->unit) && fig->value >= 1e6 ? fig->unit : std::string();
      money_paragraph_ = w.paragraph;
      money_sentence_ = w.sentence;
    }
  }

  // What a figure counts: adj* Noun [ohne|mit|aus|von [det] adj* Noun]
  // after it; else "die Zahl der <Noun> ... <figure>"; else a participle
  // phrase ("elf Millionen ohne Aufenthaltsstatus lebenden Menschen").
  // English: nouns are written in lower case. What follows the figure, one
  // word or an adjective and a word ("12 people", "5.8 million undocumented
  // immigrants"); function words and words of time ("last", "ago") end it.
  std::string CountedEnglish(int i, int end) const {
    auto content = [&](int k) {
      if (!Word(k) || v_.words[k].cap || skip_[k] || !SameSentence(i, k) || Find(kUnitWords, F(k))) return false;
      const std::string_view f = F(k);
      return !text::IsStopWord(f, "en") && f != "last" && f != "next" && f != "ago" && f != "per" &&
             f != "more" && f != "less" && f != "times";
    };
    if (!content(end)) return "";
    int k = end + 1;
    const std::string_view f = F(end);
    for (std::string_view suffix : {"ed", "al", "ic", "ive", "ous", "ful", "less", "ian", "ish", "ese"}) {
      if (f.size() > suffix.size() + 2 && f.ends_with(suffix) && content(end + 1)) {
        k = end + 2;
        break;
      }
    }
    return std::string(v_.text.substr(v_.words[end].begin, v_.words[k - 1].end - v_.words[end].begin));
  }

  std::string Counted(int i, int end) const {
    if (v_.english) return CountedEnglish(i, end);
    int j = end;
    for (int a = 0; a < 3 && Adjective(j) && SameSentence(i, j); ++a) ++j;
    int k = j;
    while (k < n_ && k < j + 3 && CapNoun(k) && SameSentence(i, k)) ++k;
    if (k > j) {
      if (Word(k) && (F(k) == "ohne" || F(k) == "mit" || F(k) == "aus" || F(k) == "von")) {
        int m = k + 1;
        if (Word(m) && (F(m) == "der" || F(m) == "den" || F(m) == "dem" || F(m) == "die")) ++m;
        for (int a = 0; a < 3 && Adjective(m); ++a) ++m;
        int e = m;
        while (e < n_ && e < m + 3 && CapNoun(e) && SameSentence(i, e)) ++e;
        if (e > m) k = e;
      }
      return std::string(v_.text.substr(v_.words[end].begin, v_.words[k - 1].end - v_.words[end].begin));
    }
    // "Tausende von Soldaten".
    if (Word(end) && F(end) == "von" && CapNoun(end + 1) && SameSentence(i, end + 1))
      return std::string(v_.Raw(end + 1));
    const int sb = v_.sentences[v_.words[i].sentence].first;
    for (int z = sb; z + 2 < i; ++z) {
      if (Word(z) && (F(z) == "zahl" || F(z) == "anzahl") && Word(z + 1) &&
          (F(z + 1) == "der" || F(z + 1) == "von")) {
        int last = -1;
        for (int m = z + 2; m < i && v_.words[m].kind == text::TokenKind::kWord; ++m) {
          if (CapNoun(m)) last = m;
          if (!v_.words[m].cap && !Adjective(m) && F(m) != "in" && F(m) != "den" &&
              F(m) != "im" && F(m) != "illegal")
            break;
        }
        if (last >= 0) return std::string(v_.Raw(last));
      }
    }
    for (int m = end; m < n_ && m < end + 8 && SameSentence(i, m) && Word(m); ++m) {
      if (!v_.words[m].cap && F(m).ends_with("nden") && CapNoun(m + 1) && SameSentence(i, m + 1))
        return std::string(v_.Raw(m + 1));
    }
    return "";
  }

  const WordView& v_;
  Extraction* ex_;
  const int n_;
  std::vector<uint8_t> skip_;
  // The currency of the latest amount of money, while no figure of another
  // kind has come after it (CarryCurrency).
  std::string money_;
  int money_paragraph_ = -1;
  int money_sentence_ = -1;
};

// Whether `folded` begins with the first two bytes of a number word: every
// word NumberWordValue reads begins as a word of kUnits, kTens or kEnglish,
// or as "hundert", "tausend" or "anderthalb" does. This runs on every word,
// and rejects about seven in eight of them with one test.
bool MayBeNumberWord(std::string_view folded) {
  static const BytePairs pairs = [] {
    BytePairs p;
    for (const Named& n : kUnits) p.Add(n.word);
    for (const Named& n : kTens) p.Add(n.word);
    for (const Named& n : kEnglish) p.Add(n.word);
    for (std::string_view w : {"hundert", "tausend", "anderthalb"}) p.Add(w);
    return p;
  }();
  return pairs.MayBegin(folded);
}

}  // namespace

std::optional<double> NumberWordValue(std::string_view folded) {
  if (!MayBeNumberWord(folded)) return std::nullopt;
  if (const Named* n = Find(kEnglish, folded)) return n->value;
  if (folded == "ein" || folded == "eine" || folded == "hundert" || folded == "tausend") {
    if (folded == "hundert") return 100;
    if (folded == "tausend") return 1000;
    return std::nullopt;
  }
  if (folded.size() > 40) return std::nullopt;
  // "anderthalb", "eineinhalb", "zweieinhalb": a half more.
  if (folded == "anderthalb") return 1.5;
  if (folded.size() > 7 && folded.ends_with("einhalb")) {
    const std::string_view whole = folded.substr(0, folded.size() - 7);
    if (whole == "ein") return 1.5;
    if (auto w = Compose(whole)) return *w + 0.5;
    return std::nullopt;
  }
  return Compose(folded);
}

void FindFigures(const WordView& view, Extraction* ex) {
  if (view.words.empty()) return;
  FigureFinder(view, ex).Run();
}

}  // namespace storyline::extract
