// BuildBriefing: every section is computed from the story's sentences (as
// content-stem sets) and the articles' extractions. The thresholds are
// explained where they are used and collected in README.md.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compare/story_text.h"
#include "storyline/compare.h"
#include "storyline/text.h"

namespace storyline::compare {
namespace {

// A sentence needs this many content stems to be a statement worth listing
// (summary, only-in): shorter ones are captions, datelines and fragments.
constexpr size_t kMinStatementStems = 4;
// Near-identical sentences (copied with small edits): Jaccard of content
// stems. Copy-edited wire text keeps nearly all content words; two outlets
// retelling one fact in their own words stay well below 0.6.
constexpr double kNearIdenticalJaccard = 0.6;
// A sentence is "carried" by another article when a sentence there covers at
// least half of the smaller one's content stems, and at least three: three
// shared content words (a name, a verb, an object) make one claim; fewer is
// topic overlap ("Kelly", "Mexiko").
constexpr double kCarriedOverlap = 0.5;
constexpr int kCarriedShared = 3;
// Quotes: paraphrases of one statement by different outlets share few words
// ("keine Massenabschiebungen" / "machen Massenabschiebungen"), so the bar is
// lower than for sentences, and the same speaker is required. An overlap
// coefficient of 0.3 with two shared content stems joins "Die Armee werde sich
// nicht an den Einsätzen gegen illegale Einwanderer beteiligen" with "einem
// Einsatz der Streitkräfte gegen illegale Einwanderer erteilte Kelly eine
// Absage" (einsatz, illegal, einwander) while two different statements of one
// speaker in one story rarely share two content words besides names.
constexpr double kQuoteOverlap = 0.3;
constexpr int kQuoteShared = 2;
// A direct quotation of at most this many content words inside a sentence is
// shown with its sentence (WidenShortQuote).
constexpr size_t kShortQuoteWords = 3;

// Whether `text` holds nothing but quotation marks, brackets and spaces.
bool OnlyMarks(std::string_view text) {
  static constexpr std::string_view kMarks[] = {"\u201E", "\u201C", "\u201D", "\u201A", "\u2018",
                                                "\u2019", "\u00AB", "\u00BB", "\u2039", "\u203A",
                                                "\"",     "'",      "(",      " "};
  while (!text.empty()) {
    bool found = false;
    for (std::string_view m : kMarks) {
      if (text.starts_with(m)) {
        text.remove_prefix(m.size());
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
// ... or one shared stem when it is a long compound and the shorter statement
// has at most five content stems (overlap 0.2): German packs a whole claim
// into one noun ("Massenabschiebungen"), and short statements have only a few
// content words ("Es wird keine, ich wiederhole keine Massenabschiebungen
// geben" → kein, wiederhol, massenabschieb, geb; "Kelly hat
// Massenabschiebungen von illegalen Migranten ausgeschlossen" → four stems
// once the speaker's name is dropped).
constexpr size_t kCompoundStemBytes = 10;
constexpr double kQuoteCompoundOverlap = 0.2;
// Figures count the same thing when their values are within this factor
// (5.8 vs 11 million undocumented people differ by 1.9; 410,000 arrests vs
// 11 million residents by 27) ...
constexpr double kFigureMagnitude = 3.0;
// ... and agree when within 2% (rounding: "5,8 Millionen" vs 5,750,000).
constexpr double kFigureAgree = 1.02;
// Two stems of `counted` match when equal or when they share a prefix this
// long: compounds with the same first part ("Aufenthaltsstatus",
// "Aufenthaltsgenehmigung" → "aufenthalt") name the same thing.
constexpr size_t kFigurePrefixBytes = 7;
// Words around a figure that describe what it counts (see BuildFigures).
constexpr int kContextBefore = 10;
constexpr int kContextAfter = 8;
// MMR: a candidate this similar (cosine of stem sets) to a chosen sentence is
// a repetition, not a new point.
constexpr double kRedundantCosine = 0.6;
// Summary candidates from articles already used lose this much per sentence
// taken, so that the summary draws on several sources when they are as good.
constexpr double kSourceDiversity = 0.05;
// Sentence headlines: the best sentence of at most this many words.
constexpr size_t kHeadlineMaxWords = 30;
constexpr size_t kLongSentenceWords = 35;
// Stems found in more sentences than this are skipped when looking for
// matching sentences (they cannot decide a match and would make the search
// quadratic); only reached in stories of thousands of sentences.
constexpr size_t kMaxPostings = 1000;

// Head nouns of what figures count, by class: a figure of "Mexikaner ohne
// Aufenthaltsgenehmigung" and one of "ohne Aufenthaltsstatus lebenden
// Menschen" both count people. Casualties are a class of their own: the dead
// of an accident are not the people living somewhere.
struct HeadClass {
  int id;
  std::string_view words;  // space-separated, stemmed at run time
};
constexpr HeadClass kHeadClasses[] = {
    {1,
     "Menschen Mensch Personen Person Leute Einwohner Bewohner Bürger Einwanderer Migranten "
     "Migrant Flüchtlinge Geflüchtete Asylbewerber Ausländer Mexikaner Latinos Latino Illegale "
     "Ausgewiesene Abgeschobene Arbeitnehmer Beschäftigte Kinder Frauen Männer people persons "
     "residents citizens immigrants migrants refugees workers children"},
    {2, "Tote Toten Todesopfer Opfer Verletzte Verletzten dead deaths victims injured casualties"},
    {3, "Festnahmen Verhaftungen Festgenommene arrests detentions"},
};

bool Vague(const extract::Figure& f) {
  for (std::string_view w : {"hundreds", "thousands", "dozens", "millions", "billions", "relative"}) {
    if (f.qualifier.find(w) != std::string::npos) return true;
  }
  return false;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::string OutletOf(const Article& a) { return a.source.empty() ? a.id : a.source; }

std::string WeekdayName(int wd) {
  static constexpr std::string_view kNames[] = {"",         "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday", "Sunday"};
  return wd >= 1 && wd <= 7 ? std::string(kNames[wd]) : std::string();
}

// ISO weekday (Monday = 1) of a day number since the epoch (1970-01-01 was a
// Thursday).
int WeekdayOfDay(int64_t day) {
  const int64_t r = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(r) + 1;
}

std::string IsoOfDay(int64_t day) {
  // Civil-from-days (H. Hinnant).
  day += 719468;
  const int64_t era = (day >= 0 ? day : day - 146096) / 146097;
  const int64_t doe = day - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return buf;
}

struct ArticleData {
  const Article* article = nullptr;
  const extract::Extraction* extraction = nullptr;
  const dedup::Fingerprint* fingerprint = nullptr;
  dedup::Fingerprint own_fingerprint;
  std::string lang;
  std::string outlet;
  std::vector<Sentence> sentences;
  StemSet title_stems;
  std::vector<std::string> entity_keys;  // per extraction entity: merged person key or ""
};

class Builder {
 public:
  Builder(const StoryInput& input, const BriefingOptions& options)
      : input_(input), options_(options) {}

  Briefing Build() {
    out_.id = input_.id;
    out_.storyline = input_.storyline;
    Prepare();
    ComputeCentroid();
    HeadlineAndSummary();
    MatchSentences();
    BuildSources();
    BuildPeople();
    BuildQuotes();
    BuildFigures();
    BuildOnlyIn();
    BuildTimeline();
    out_.related = input_.related;
    std::stable_sort(out_.related.begin(), out_.related.end(),
                     [](const RelatedStory& a, const RelatedStory& b) {
                       if (a.first.known() != b.first.known()) return a.first.known();
                       if (a.first.known() && a.first.EpochSeconds() != b.first.EpochSeconds()) {
                         return a.first.EpochSeconds() < b.first.EpochSeconds();
                       }
                       return a.id < b.id;
                     });
    return std::move(out_);
  }

 private:
  std::string_view SentenceText(const Sentence& s) const {
    return std::string_view(articles_[static_cast<size_t>(s.article)].article->text)
        .substr(s.begin, s.end - s.begin);
  }
  bool Compared(int article) const { return article < options_.max_compared_articles; }

  // The sentence of article `a` that contains byte `offset`; nullptr if none.
  const Sentence* SentenceAt(size_t a, uint32_t offset) const {
    const std::vector<Sentence>& ss = articles_[a].sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), offset,
                               [](uint32_t off, const Sentence& s) { return off < s.begin; });
    if (it == ss.begin()) return nullptr;
    --it;
    return offset < it->end ? &*it : nullptr;
  }
  std::string SentenceAround(size_t a, uint32_t offset) const {
    const Sentence* s = SentenceAt(a, offset);
    return s == nullptr ? std::string() : std::string(SentenceText(*s));
  }

  void Prepare() {
    articles_.resize(input_.articles.size());
    for (size_t i = 0; i < input_.articles.size(); ++i) {
      const StoryArticle& in = input_.articles[i];
      assert(in.article != nullptr);
      ArticleData& a = articles_[i];
      a.article = in.article;
      a.extraction = in.extraction;
      a.lang = in.article->language;
      a.outlet = OutletOf(*in.article);
      if (in.fingerprint != nullptr) {
        a.fingerprint = in.fingerprint;
      } else {
        a.own_fingerprint = dedup::ComputeFingerprint(*in.article);
        a.fingerprint = &a.own_fingerprint;
      }
      a.sentences = SplitStory(in.article->text, a.lang, static_cast<int>(i), stems_);
      if (!in.article->title.empty()) a.title_stems = stems_.Stems(in.article->title, a.lang);
    }
  }

  // The story centroid: the mean of the articles' L2-normalized vectors of
  // sub-linear stem frequencies (counted per sentence), so that a long article
  // does not outweigh the others.
  void ComputeCentroid() {
    centroid_.assign(static_cast<size_t>(stems_.size()), 0.0);
    std::unordered_map<int, int> tf;
    for (const ArticleData& a : articles_) {
      tf.clear();
      for (const Sentence& s : a.sentences) {
        for (int id : s.stems) ++tf[id];
      }
      for (int id : a.title_stems) ++tf[id];
      double norm = 0;
      for (auto& [id, n] : tf) {
        const double w = 1.0 + std::log(static_cast<double>(n));
        norm += w * w;
      }
      if (norm == 0) continue;
      norm = std::sqrt(norm) * static_cast<double>(articles_.size());
      for (auto& [id, n] : tf) centroid_[static_cast<size_t>(id)] += (1.0 + std::log(n)) / norm;
    }
  }

  double Centrality(const StemSet& stems) const {
    if (stems.empty()) return 0;
    double sum = 0;
    for (int id : stems) sum += centroid_[static_cast<size_t>(id)];
    return sum / std::sqrt(static_cast<double>(stems.size()));
  }

  static size_t Words(std::string_view s) {
    size_t n = 0;
    bool in_word = false;
    for (char c : s) {
      const bool space = c == ' ' || c == '\t';
      if (!space && !in_word) ++n;
      in_word = !space;
    }
    return n;
  }

  void HeadlineAndSummary() {
    struct Candidate {
      const Sentence* s;
      double score;
    };
    std::vector<Candidate> cands;
    double best = 0;
    for (const ArticleData& a : articles_) {
      for (const Sentence& s : a.sentences) {
        if (s.furniture || s.stems.size() < kMinStatementStems) continue;
        if (s.index >= options_.max_sentences_per_article) break;
        // News puts the gist first: a mild lead bonus for early sentences.
        // Very long sentences cover many stems by sheer length and read
        // badly in a summary: beyond kLongSentenceWords they are scaled down.
        double score = Centrality(s.stems) * (1.0 + 0.15 / (1.0 + s.index));
        const size_t words = Words(SentenceText(s));
        if (words > kLongSentenceWords) score *= static_cast<double>(kLongSentenceWords) / static_cast<double>(words);
        cands.push_back({&s, score});
        best = std::max(best, score);
      }
    }
    std::vector<const Sentence*> chosen;
    // Headline: the most central title; else the most central short sentence.
    double best_title = -1;
    for (const ArticleData& a : articles_) {
      if (a.article->title.empty()) continue;
      const double c = Centrality(a.title_stems);
      if (c > best_title) {
        best_title = c;
        out_.headline = a.article->title;
        out_.headline_article_id = a.article->id;
      }
    }
    if (best_title < 0) {
      // Leads (the first sentence of an article) are written to sum up the
      // story; other sentences only when no lead is short enough.
      const Candidate* pick = nullptr;
      for (int pass = 0; pass < 2 && pick == nullptr; ++pass) {
        for (const Candidate& c : cands) {
          if (Words(SentenceText(*c.s)) > kHeadlineMaxWords || (pass == 0 && c.s->index > 0)) continue;
          if (pick == nullptr || c.score > pick->score) pick = &c;
        }
      }
      if (pick == nullptr && !cands.empty()) pick = &cands.front();
      if (pick != nullptr) {
        out_.headline = std::string(SentenceText(*pick->s));
        out_.headline_article_id = articles_[static_cast<size_t>(pick->s->article)].article->id;
        chosen.push_back(pick->s);
      }
    }
    if (best <= 0) return;
    std::vector<int> taken_from(articles_.size(), 0);
    const double lambda = options_.mmr_lambda;
    while (static_cast<int>(out_.summary.size()) < options_.summary_sentences) {
      const Candidate* pick = nullptr;
      double pick_score = -std::numeric_limits<double>::infinity();
      for (const Candidate& c : cands) {
        double redundancy = 0;
        bool repeat = false;
        for (const Sentence* s : chosen) {
          if (s == c.s) {
            repeat = true;
            break;
          }
          const double sim =
              SetCosine(SharedCount(c.s->stems, s->stems), c.s->stems.size(), s->stems.size());
          redundancy = std::max(redundancy, sim);
        }
        if (repeat || redundancy >= kRedundantCosine) continue;
        const double score = lambda * c.score / best - (1 - lambda) * redundancy -
                             kSourceDiversity * taken_from[static_cast<size_t>(c.s->article)];
        if (score > pick_score) {
          pick_score = score;
          pick = &c;
        }
      }
      if (pick == nullptr) break;
      chosen.push_back(pick->s);
      ++taken_from[static_cast<size_t>(pick->s->article)];
      out_.summary.push_back({std::string(SentenceText(*pick->s)),
                              articles_[static_cast<size_t>(pick->s->article)].article->id});
    }
  }

  // For every sentence of the compared articles: the other articles holding a
  // near-identical sentence, and whether any other article carries it.
  void MatchSentences() {
    std::vector<const Sentence*> all;
    for (const ArticleData& a : articles_) {
      if (!Compared(static_cast<int>(&a - articles_.data()))) break;
      for (const Sentence& s : a.sentences) {
        if (s.stems.size() >= 3 && !s.furniture) all.push_back(&s);
      }
    }
    std::vector<std::vector<int>> postings(static_cast<size_t>(stems_.size()));
    for (size_t i = 0; i < all.size(); ++i) {
      for (int id : all[i]->stems) postings[static_cast<size_t>(id)].push_back(static_cast<int>(i));
    }
    std::vector<int> shared(all.size(), 0);
    std::vector<int> touched;
    for (size_t i = 0; i < all.size(); ++i) {
      const Sentence& s = *all[i];
      touched.clear();
      for (int id : s.stems) {
        const std::vector<int>& p = postings[static_cast<size_t>(id)];
        if (p.size() > kMaxPostings) continue;
        for (int j : p) {
          if (all[static_cast<size_t>(j)]->article == s.article) continue;
          if (shared[static_cast<size_t>(j)]++ == 0) touched.push_back(j);
        }
      }
      std::set<int> near;
      bool carried = false;
      for (int j : touched) {
        const int n = shared[static_cast<size_t>(j)];
        shared[static_cast<size_t>(j)] = 0;
        const Sentence& o = *all[static_cast<size_t>(j)];
        const double jaccard =
            static_cast<double>(n) / static_cast<double>(s.stems.size() + o.stems.size() - n);
        if (jaccard >= kNearIdenticalJaccard) near.insert(o.article);
        if (n >= kCarriedShared && OverlapCoefficient(n, s.stems.size(), o.stems.size()) >= kCarriedOverlap) {
          carried = true;
        }
      }
      near_[&s] = std::vector<int>(near.begin(), near.end());
      if (carried) carried_.insert(&s);
    }
  }

  void BuildSources() {
    const size_t n = articles_.size();
    for (size_t i = 0; i < n; ++i) {
      const ArticleData& a = articles_[i];
      SourceRow row;
      row.article_id = a.article->id;
      row.outlet = a.outlet;
      row.published = a.article->published;
      row.words = static_cast<int>(a.fingerprint->words);
      if (Compared(static_cast<int>(i))) {
        std::vector<int> near_count(n, 0);
        int sentences = 0;
        for (const Sentence& s : a.sentences) {
          if (s.furniture) continue;
          ++sentences;
          auto it = near_.find(&s);
          if (it == near_.end()) continue;
          for (int j : it->second) ++near_count[static_cast<size_t>(j)];
        }
        double copied_share = 0;
        for (size_t j = 0; j < n && Compared(static_cast<int>(j)); ++j) {
          if (j == i) continue;
          const ArticleData& b = articles_[j];
          Share share;
          share.other_id = b.article->id;
          share.paragraphs = static_cast<int>(a.fingerprint->paragraphs.size());
          share.shared_paragraphs = dedup::SharedParagraphs(*a.fingerprint, *b.fingerprint).count;
          share.sentences = sentences;
          share.shared_sentences = near_count[j];
          if (share.shared_paragraphs == 0 && share.shared_sentences == 0) continue;
          if (j < i) {
            // Mostly copied: half of its paragraphs or sentences come from the
            // earlier article, or the whole text is a near copy.
            double frac = std::max(
                share.paragraphs > 0 ? static_cast<double>(share.shared_paragraphs) / share.paragraphs : 0.0,
                sentences >= 2 ? static_cast<double>(share.shared_sentences) / sentences : 0.0);
            frac = std::max(frac, dedup::EstimateOverlap(*a.fingerprint, *b.fingerprint) >= 0.5 ? 1.0 : 0.0);
            if (frac >= 0.5 && frac > copied_share) {
              copied_share = frac;
              row.copied_from = b.article->id;
            }
          }
          row.shares.push_back(std::move(share));
        }
        std::stable_sort(row.shares.begin(), row.shares.end(), [](const Share& x, const Share& y) {
          return x.shared_paragraphs + x.shared_sentences > y.shared_paragraphs + y.shared_sentences;
        });
      }
      if (row.copied_from.empty()) ++out_.independent_sources;
      out_.sources.push_back(std::move(row));
    }
  }

  // The roles a person is shown with (folded → as written, count): a role
  // that ends another of the same person at a word or a hyphen
  // ("Aussenminister" in "mexikanische Außenminister", "Heimatschutzminister"
  // in "US-Heimatschutzminister") adds its count to the most frequent such
  // role, and a relation ("mexikanischen Kollegen", "Amtskollege") is left
  // out beside an office.
  static std::map<std::string, std::pair<std::string, int>> DisplayRoles(
      const std::map<std::string, std::pair<std::string, int>>& roles) {
    static constexpr std::string_view kRelations[] = {"kollege", "kollegen", "kollegin", "partner",
                                                       "partnerin", "vorgaenger", "vorgaengerin",
                                                       "nachfolger", "nachfolgerin", "gegenueber"};
    auto relation = [](std::string_view f) {
      const size_t sp = f.rfind(' ');
      const std::string_view head = sp == std::string_view::npos ? f : f.substr(sp + 1);
      for (std::string_view r : kRelations) {
        if (head.ends_with(r)) return true;
      }
      return false;
    };
    bool office = false;
    for (const auto& [f, r] : roles) office = office || !relation(f);
    std::map<std::string, std::pair<std::string, int>> shown;
    for (const auto& [f, r] : roles) {
      if (office && relation(f)) continue;
      shown.emplace(f, r);
    }
    for (auto it = shown.begin(); it != shown.end();) {
      const std::string& f = it->first;
      auto longer = shown.end();
      for (auto jt = shown.begin(); jt != shown.end(); ++jt) {
        const std::string& g = jt->first;
        // The most frequent such role, the shorter on a tie.
        if (g.size() > f.size() + 1 && g.ends_with(f) &&
            (g[g.size() - f.size() - 1] == ' ' || g[g.size() - f.size() - 1] == '-') &&
            (longer == shown.end() || jt->second.second > longer->second.second ||
             (jt->second.second == longer->second.second && g.size() < longer->first.size()))) {
          longer = jt;
        }
      }
      if (longer == shown.end()) {
        ++it;
        continue;
      }
      longer->second.second += it->second.second;
      it = shown.erase(it);
    }
    return shown;
  }

  // People: PER entities merged across articles by canonical key; a key that
  // is the tail of exactly one longer key ("kelly", "pena nieto" from outlets
  // that drop the first name) joins it ("john kelly", "enrique pena nieto");
  // when several people share that tail it stays apart. An article that
  // names a person by surname without the extractor tagging it still counts
  // as mentioning them (see PersonPositions).
  void BuildPeople() {
    struct Acc {
      std::string name;
      std::map<std::string, std::pair<std::string, int>> roles;  // folded → (as written, count)
      std::set<size_t> articles;
      int mentions = 0;
      size_t first = 0;
    };
    std::map<std::string, Acc> acc;
    std::vector<std::vector<std::string>> raw_keys(articles_.size());
    for (size_t i = 0; i < articles_.size(); ++i) {
      const extract::Extraction* ex = articles_[i].extraction;
      if (ex == nullptr) continue;
      raw_keys[i].resize(ex->entities.size());
      for (size_t e = 0; e < ex->entities.size(); ++e) {
        const extract::Entity& ent = ex->entities[e];
        if (ent.type != extract::EntityType::kPerson) continue;
        std::string key = ent.canonical.empty() ? text::Fold(ent.name, articles_[i].lang) : ent.canonical;
        if (key.empty()) continue;
        raw_keys[i][e] = key;
        auto [it, fresh] = acc.try_emplace(key);
        Acc& p = it->second;
        if (fresh) p.first = i;
        if (CodePoints(ent.name) > CodePoints(p.name)) p.name = ent.name;
        if (!ent.role.empty()) {
          auto& r = p.roles[text::Fold(ent.role, articles_[i].lang)];
          if (r.first.empty()) r.first = ent.role;
          ++r.second;
        }
        p.articles.insert(i);
        p.mentions += static_cast<int>(std::max<size_t>(1, ent.mentions.size()));
      }
    }
    std::map<std::string, std::string> alias;
    for (auto& [key, p] : acc) {
      std::string target;
      int found = 0;
      for (auto& [other, q] : acc) {
        if (other.size() > key.size() + 1 && other.compare(other.size() - key.size(), key.size(), key) == 0 &&
            other[other.size() - key.size() - 1] == ' ') {
          target = other;
          ++found;
        }
      }
      if (found == 1) alias[key] = target;
    }
    // Follow chains ("nieto" → "pena nieto" → "enrique pena nieto").
    for (auto& [from, to] : alias) {
      for (auto it = alias.find(to); it != alias.end(); it = alias.find(to)) to = it->second;
    }
    for (auto& [from, to] : alias) {
      Acc& src = acc[from];
      Acc& dst = acc[to];
      for (auto& [f, r] : src.roles) {
        auto& d = dst.roles[f];
        if (d.first.empty()) d.first = r.first;
        d.second += r.second;
      }
      dst.articles.insert(src.articles.begin(), src.articles.end());
      dst.mentions += src.mentions;
      dst.first = std::min(dst.first, src.first);
    }
    for (auto& [from, to] : alias) acc.erase(from);
    for (size_t i = 0; i < articles_.size(); ++i) {
      articles_[i].entity_keys.resize(raw_keys[i].size());
      for (size_t e = 0; e < raw_keys[i].size(); ++e) {
        const std::string& k = raw_keys[i][e];
        auto it = alias.find(k);
        articles_[i].entity_keys[e] = it == alias.end() ? k : it->second;
      }
    }
    for (auto& [key, p] : acc) {
      PersonInfo& info = persons_[key];
      info.name = p.name;
      const size_t sp = p.name.rfind(' ');
      info.surname = sp == std::string::npos ? p.name : p.name.substr(sp + 1);
      for (auto& [f, r] : p.roles) info.roles.push_back(f);
    }
    // Surname-only mentions the extractor missed.
    for (size_t i = 0; i < articles_.size(); ++i) {
      for (const auto& [pos, key] : PersonPositions(i)) acc[key].articles.insert(i);
    }
    std::vector<std::pair<size_t, Person>> people;
    for (auto& [key, p] : acc) {
      Person person;
      person.name = p.name;
      person.key = key;
      std::vector<std::pair<int, std::string>> roles;
      for (auto& [f, r] : DisplayRoles(p.roles)) roles.emplace_back(-r.second, r.first);
      std::sort(roles.begin(), roles.end());
      for (auto& r : roles) person.roles.push_back(r.second);
      for (size_t i : p.articles) person.article_ids.push_back(articles_[i].article->id);
      person.mentions = p.mentions;
      people.emplace_back(p.first, std::move(person));
    }
    std::stable_sort(people.begin(), people.end(), [](const auto& x, const auto& y) {
      if (x.second.article_ids.size() != y.second.article_ids.size()) {
        return x.second.article_ids.size() > y.second.article_ids.size();
      }
      if (x.second.mentions != y.second.mentions) return x.second.mentions > y.second.mentions;
      return x.first < y.first;
    });
    for (auto& p : people) out_.people.push_back(std::move(p.second));
  }

  // Where the story's people are named in article `a`, in text order: the
  // extractor's mentions, plus whole-word occurrences of a surname (at least
  // three letters, as written) that the extractor did not tag.
  const std::vector<std::pair<uint32_t, std::string>>& PersonPositions(size_t a) {
    auto cached = positions_.find(a);
    if (cached != positions_.end()) return cached->second;
    std::vector<std::pair<uint32_t, std::string>>& out = positions_[a];
    const ArticleData& art = articles_[a];
    if (art.extraction != nullptr) {
      for (const extract::Mention& m : art.extraction->mentions) {
        if (m.entity < 0 || static_cast<size_t>(m.entity) >= art.entity_keys.size()) continue;
        const std::string& k = art.entity_keys[static_cast<size_t>(m.entity)];
        if (!k.empty()) out.emplace_back(m.begin, k);
      }
    }
    const std::string& body = art.article->text;
    auto letter = [](unsigned char c) { return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); };
    for (const auto& [key, info] : persons_) {
      if (info.surname.size() < 3) continue;
      for (size_t at = body.find(info.surname); at != std::string::npos; at = body.find(info.surname, at + 1)) {
        const size_t end = at + info.surname.size();
        if ((at > 0 && letter(static_cast<unsigned char>(body[at - 1]))) ||
            (end < body.size() && letter(static_cast<unsigned char>(body[end])))) {
          continue;
        }
        out.emplace_back(static_cast<uint32_t>(at), key);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // The speaker of a quote as a person key ("" when unknown). Beyond the
  // extractor's resolution: a surname naming one story person ("Kelly"), and
  // a role noun ("der Minister") meaning the closest person named before the
  // quote whose role ends in that noun (Heimatschutzminister ⊃ Minister) —
  // in news the anaphoric "der Minister" points back to the last minister
  // named.
  std::string SpeakerKey(size_t a, const extract::Quote& q) {
    const ArticleData& art = articles_[a];
    const extract::Extraction& ex = *art.extraction;
    if (q.speaker_entity >= 0 && static_cast<size_t>(q.speaker_entity) < ex.entities.size()) {
      const std::string& k = art.entity_keys[static_cast<size_t>(q.speaker_entity)];
      if (!k.empty()) return k;
      const extract::Entity& e = ex.entities[static_cast<size_t>(q.speaker_entity)];
      const std::string key = "~" + (e.canonical.empty() ? text::Fold(e.name, art.lang) : e.canonical);
      other_speakers_.try_emplace(key, e.name);
      return key;
    }
    if (q.speaker.empty()) return "";
    const size_t sp = q.speaker.rfind(' ');
    const std::string last_written = sp == std::string::npos ? q.speaker : q.speaker.substr(sp + 1);
    std::string found;
    int n = 0;
    for (const auto& [key, info] : persons_) {
      if (info.surname == last_written) {
        found = key;
        ++n;
      }
    }
    if (n == 1) return found;
    const std::string noun = text::Fold(last_written, art.lang);
    if (CodePoints(noun) < 4) return "";  // "er", "sie": the extractor's business
    std::set<std::string> fits;
    for (const auto& [key, info] : persons_) {
      for (const std::string& role : info.roles) {
        if (role.size() >= noun.size() && role.compare(role.size() - noun.size(), noun.size(), noun) == 0) {
          fits.insert(key);
        }
      }
    }
    std::string best;
    for (const auto& [pos, key] : PersonPositions(a)) {
      if (pos >= q.begin) break;
      if (fits.count(key) != 0) best = key;
    }
    if (!best.empty() || IsPronoun(noun)) return best;
    // A speaker phrase that names no entity ("ein Sprecher", "der
    // Handelsverband") is shown as written rather than as unknown.
    const std::string key = "~" + text::Fold(q.speaker, art.lang);
    other_speakers_.try_emplace(key, q.speaker);
    return key;
  }

  // Pronouns of four letters or more (shorter words are answered above).
  static bool IsPronoun(std::string_view folded) {
    for (std::string_view p : {"dieser", "diese", "jener", "they"}) {
      if (folded == p) return true;
    }
    return false;
  }

  // Statements the extractor does not list as quotes but that the text
  // attributes to one person with a verb of stance ("John Kelly hat
  // Massenabschiebungen ausgeschlossen", "einem Einsatz der Streitkräfte
  // erteilte Kelly eine Absage"): a sentence outside every quote that names
  // exactly one story person and holds one of these words (folded).
  void AttributedStatements(size_t a, std::vector<extract::Quote>* out) {
    static constexpr std::string_view kStanceWords[] = {
        "ausgeschlossen", "absage",      "abgelehnt", "zurueckgewiesen", "dementiert", "bekraeftigt",
        "zugesichert",    "versichert",  "versprochen", "angekuendigt",  "bezeichnet", "gewarnt"};
    const ArticleData& art = articles_[a];
    const std::vector<extract::Quote>& quotes = art.extraction->quotes;
    const auto& positions = PersonPositions(a);
    for (const Sentence& s : art.sentences) {
      if (s.furniture) continue;
      bool inside = false;
      for (const extract::Quote& q : quotes) inside |= q.begin < s.end && s.begin < q.end;
      if (inside) continue;
      const std::string_view sentence = SentenceText(s);
      bool stance = false;
      for (const StemIndex::TermRef& t : stems_.Terms(sentence, art.lang)) {
        const std::string folded = text::Fold(sentence.substr(t.begin, t.end - t.begin), art.lang);
        for (std::string_view w : kStanceWords) stance |= folded == w;
      }
      if (!stance) continue;
      std::set<std::string> people;
      uint32_t where = 0;
      for (const auto& [pos, key] : positions) {
        if (pos >= s.begin && pos < s.end) {
          people.insert(key);
          where = pos;
        }
      }
      if (people.size() != 1) continue;
      extract::Quote q;
      q.begin = s.begin;
      q.end = s.end;
      q.kind = extract::QuoteKind::kReported;
      q.text = std::string(sentence);
      q.speaker_begin = where;
      q.speaker = persons_[*people.begin()].name;
      attributed_speaker_[out->size()] = *people.begin();
      out->push_back(std::move(q));
    }
  }

  // A word or two in quotation marks inside a sentence ("… hatte die
  // Abschiebung als „Militäroperation“ bezeichnet") says little alone: the
  // statement shown is the sentence that holds it, as reported speech.
  // Returns q, or its widened copy appended to *widened (reserved, so that
  // earlier pointers stay valid).
  const extract::Quote* WidenShortQuote(size_t a, const extract::Quote& q,
                                        std::vector<extract::Quote>* widened) {
    if (q.kind != extract::QuoteKind::kDirect) return &q;
    if (stems_.Terms(q.text, articles_[a].lang).size() > kShortQuoteWords) return &q;
    const Sentence* s = SentenceAt(a, q.begin);
    // A quotation that opens its sentence stands alone: only marks and
    // spaces before it ("„Nein“, sagte er."; a mark is one to three bytes).
    if (s == nullptr || q.begin <= s->begin || OnlyMarks(SentenceText(*s).substr(0, q.begin - s->begin)))
      return &q;
    extract::Quote w = q;
    w.kind = extract::QuoteKind::kReported;
    w.begin = s->begin;
    w.end = s->end;
    w.text = std::string(SentenceText(*s));
    widened->push_back(std::move(w));
    return &widened->back();
  }

  static bool QuotesMatch(const StemSet& a, const StemSet& b, const StemIndex& stems) {
    const int shared = SharedCount(a, b);
    if (shared == 0) return false;
    const double overlap = OverlapCoefficient(shared, a.size(), b.size());
    if (shared >= kQuoteShared && overlap >= kQuoteOverlap) return true;
    if (overlap < kQuoteCompoundOverlap) return false;
    for (int id : a) {
      if (std::binary_search(b.begin(), b.end(), id) && stems.Name(id).size() >= kCompoundStemBytes) {
        return true;
      }
    }
    return false;
  }

  void BuildQuotes() {
    struct Item {
      size_t article;
      const extract::Quote* quote;
      StemSet stems;
    };
    struct Group {
      std::string speaker;
      std::vector<Item> items;
    };
    std::vector<Group> groups;
    // The attributed statements and the widened quotations, per article
    // (kept alive for the Items).
    std::vector<std::vector<extract::Quote>> extra(articles_.size());
    std::vector<std::vector<extract::Quote>> widened(articles_.size());
    for (size_t a = 0; a < articles_.size(); ++a) {
      const extract::Extraction* ex = articles_[a].extraction;
      if (ex == nullptr) continue;
      attributed_speaker_.clear();
      AttributedStatements(a, &extra[a]);
      struct Pending {
        const extract::Quote* quote;
        std::string speaker;
      };
      std::vector<Pending> pending;
      widened[a].reserve(ex->quotes.size());
      for (const extract::Quote& q : ex->quotes) {
        pending.push_back({WidenShortQuote(a, q, &widened[a]), SpeakerKey(a, q)});
      }
      for (size_t i = 0; i < extra[a].size(); ++i) pending.push_back({&extra[a][i], attributed_speaker_[i]});
      std::stable_sort(pending.begin(), pending.end(),
                       [](const Pending& x, const Pending& y) { return x.quote->begin < y.quote->begin; });
      for (Pending& p : pending) {
        Item item{a, p.quote, stems_.Stems(p.quote->text, articles_[a].lang)};
        // The speaker's own name and roles say who speaks, not what is said.
        auto person = persons_.find(p.speaker);
        if (person != persons_.end()) {
          const StemSet own = stems_.Stems(person->second.name + " " + Join(person->second.roles), articles_[a].lang);
          StemSet rest;
          std::set_difference(item.stems.begin(), item.stems.end(), own.begin(), own.end(), std::back_inserter(rest));
          item.stems = std::move(rest);
        }
        Group* best = nullptr;
        double best_sim = 0;
        for (Group& g : groups) {
          if (g.speaker != p.speaker) continue;
          for (const Item& o : g.items) {
            if (!QuotesMatch(item.stems, o.stems, stems_)) continue;
            const double sim =
                OverlapCoefficient(SharedCount(item.stems, o.stems), item.stems.size(), o.stems.size());
            if (sim > best_sim) {
              best_sim = sim;
              best = &g;
            }
          }
        }
        if (best == nullptr) {
          groups.push_back({p.speaker, {}});
          best = &groups.back();
        }
        best->items.push_back(std::move(item));
      }
    }
    // A sentence holding a statement that other outlets report too (in other
    // words) is not "only in one source".
    for (const Group& g : groups) {
      std::set<size_t> from;
      for (const Item& it : g.items) from.insert(it.article);
      if (from.size() < 2) continue;
      for (const Item& it : g.items) {
        for (const Sentence& sent : articles_[it.article].sentences) {
          if (sent.begin < it.quote->end && it.quote->begin < sent.end) carried_.insert(&sent);
        }
      }
    }
    for (Group& g : groups) {
      QuoteEntry e;
      auto person = persons_.find(g.speaker);
      if (person != persons_.end()) {
        e.speaker_key = g.speaker;
        e.speaker = person->second.name;
      } else {
        auto other = other_speakers_.find(g.speaker);
        if (other != other_speakers_.end()) e.speaker = other->second;
      }
      std::stable_sort(g.items.begin(), g.items.end(), [](const Item& x, const Item& y) {
        return x.article != y.article ? x.article < y.article : x.quote->begin < y.quote->begin;
      });
      for (const Item& it : g.items) {
        e.reports.push_back({articles_[it.article].article->id, articles_[it.article].outlet, it.quote->text,
                             it.quote->kind});
      }
      out_.quotes.push_back(std::move(e));
    }
    std::stable_sort(out_.quotes.begin(), out_.quotes.end(),
                     [](const QuoteEntry& x, const QuoteEntry& y) { return x.sources() > y.sources(); });
  }

  void BuildFigures() {
    // Head-noun classes, stemmed the way `counted` will be.
    std::unordered_map<int, int> head_class;
    // The class words are German and English; stemmed with the story's
    // (first article's) language, which is what `counted` is in.
    const std::string lang = articles_.empty() || articles_.front().lang.empty() ? "de" : articles_.front().lang;
    for (const HeadClass& hc : kHeadClasses) {
      std::string_view words = hc.words;
      while (!words.empty()) {
        const size_t sp = words.find(' ');
        const std::string_view w = words.substr(0, sp);
        head_class[stems_.StemOfWord(w, lang)] = hc.id;
        if (sp == std::string_view::npos) break;
        words.remove_prefix(sp + 1);
      }
    }
    struct Item {
      size_t article;
      const extract::Figure* figure;
      StemSet stems;    // of `counted`
      StemSet context;  // `counted` and the words around the figure
      int head = 0;
      std::vector<int> years;
      const Sentence* sentence;
    };
    std::vector<Item> items;
    for (size_t a = 0; a < articles_.size(); ++a) {
      const extract::Extraction* ex = articles_[a].extraction;
      if (ex == nullptr) continue;
      for (const extract::Figure& f : ex->figures) {
        if (f.counted.empty() || Vague(f) || f.value <= 0) continue;
        Item it{a, &f, stems_.Stems(f.counted, articles_[a].lang), {}, 0, {}, SentenceAt(a, f.begin)};
        it.context = it.stems;
        if (it.sentence != nullptr) {
          // The words around the figure describe what it counts even when
          // `counted` is only the head noun ("elf Millionen ohne
          // Aufenthaltsstatus im Land lebenden Menschen" → counted
          // "Menschen"): up to kContextBefore words before and kContextAfter
          // after, within the sentence, numbers and the figure's own words
          // left out.
          const std::string_view st = SentenceText(*it.sentence);
          const std::vector<StemIndex::TermRef> terms = stems_.Terms(st, articles_[a].lang);
          const uint32_t fb = f.begin - it.sentence->begin;
          const uint32_t fe = f.end - it.sentence->begin;
          int before = 0;
          for (size_t t = terms.size(); t-- > 0;) {
            if (terms[t].end > fb) continue;
            if (++before > kContextBefore) break;
            if (terms[t].stem >= 0 && !terms[t].number) it.context.push_back(terms[t].stem);
          }
          int after = 0;
          for (const StemIndex::TermRef& t : terms) {
            if (t.begin < fe) continue;
            if (++after > kContextAfter) break;
            if (t.stem >= 0 && !t.number) it.context.push_back(t.stem);
          }
          std::sort(it.context.begin(), it.context.end());
          it.context.erase(std::unique(it.context.begin(), it.context.end()), it.context.end());
        }
        for (int id : it.stems) {
          auto h = head_class.find(id);
          if (h != head_class.end()) it.head = h->second;
        }
        if (it.sentence != nullptr) {
          for (int id : it.sentence->stems) {
            const std::string& s = stems_.Name(id);
            if (s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
              const int y = std::stoi(s);
              if (y >= 1900 && y <= 2100 && std::abs(f.value - y) > 0.5) it.years.push_back(y);
            }
          }
        }
        items.push_back(std::move(it));
      }
    }
    auto stems_match = [&](const StemSet& x, const StemSet& y) {
      int n = 0;
      for (int a : x) {
        const std::string& sa = stems_.Name(a);
        for (int b : y) {
          const std::string& sb = stems_.Name(b);
          if (a == b || (sa.size() >= kFigurePrefixBytes && sb.size() >= kFigurePrefixBytes &&
                         sa.compare(0, kFigurePrefixBytes, sb, 0, kFigurePrefixBytes) == 0)) {
            ++n;
            break;
          }
        }
      }
      return n;
    };
    auto same_value = [](double x, double y) { return std::max(x, y) <= std::min(x, y) * kFigureAgree; };
    auto align = [&](const Item& x, const Item& y) {
      if (x.figure->unit != y.figure->unit) return false;
      const double hi = std::max(x.figure->value, y.figure->value);
      const double lo = std::min(x.figure->value, y.figure->value);
      if (hi > lo * kFigureMagnitude) return false;
      // Two figures of one article are two facts unless they are one value.
      if (x.article == y.article && !same_value(x.figure->value, y.figure->value)) return false;
      if (!x.years.empty() && !y.years.empty()) {
        bool common = false;
        for (int a : x.years) common |= std::find(y.years.begin(), y.years.end(), a) != y.years.end();
        if (!common) return false;
      }
      // What is counted must be compatible (same head-noun class or a shared
      // stem of `counted`); then the shared stems of the contexts, plus one
      // for the class, must reach two: "Mexikaner ohne Aufenthaltsgenehmigung"
      // and "ohne Aufenthaltsstatus ... lebenden Menschen" share aufenthalt*
      // and the people class; the 410,000 "Menschen" arrested share the class
      // but fail the magnitude test above.
      const bool same_class = x.head != 0 && x.head == y.head;
      if (!same_class && stems_match(x.stems, y.stems) == 0) return false;
      const int score = stems_match(x.context, y.context) + (same_class ? 1 : 0);
      return score >= 2;
    };
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < items.size(); ++i) {
      std::vector<size_t>* target = nullptr;
      for (auto& g : groups) {
        for (size_t j : g) {
          if (align(items[i], items[j])) {
            target = &g;
            break;
          }
        }
        if (target != nullptr) break;
      }
      if (target == nullptr) {
        groups.emplace_back();
        target = &groups.back();
      }
      target->push_back(i);
    }
    for (const auto& g : groups) {
      FigureGroup fg;
      size_t label_stems = 0;
      double lo = std::numeric_limits<double>::infinity();
      double hi = 0;
      for (size_t i : g) {
        const Item& it = items[i];
        const extract::Figure& f = *it.figure;
        if (fg.counted.empty() || it.stems.size() > label_stems) {
          fg.counted = f.counted;
          label_stems = it.stems.size();
        }
        fg.unit = f.unit;
        lo = std::min(lo, f.value);
        hi = std::max(hi, f.value);
        fg.values.push_back({articles_[it.article].article->id, articles_[it.article].outlet, f.text, f.value,
                             f.unit, f.counted, f.qualifier,
                             it.sentence == nullptr ? std::string() : std::string(SentenceText(*it.sentence))});
      }
      fg.agree = same_value(lo, hi);
      out_.figures.push_back(std::move(fg));
    }
    std::stable_sort(out_.figures.begin(), out_.figures.end(), [](const FigureGroup& x, const FigureGroup& y) {
      const bool mx = x.sources() > 1;
      const bool my = y.sources() > 1;
      if (mx != my) return mx;
      if (mx && x.agree != y.agree) return !x.agree;
      return false;
    });
  }

  void BuildOnlyIn() {
    int compared = 0;
    for (size_t i = 0; i < articles_.size() && Compared(static_cast<int>(i)); ++i) ++compared;
    if (compared < 2) return;
    for (size_t i = 0; i < static_cast<size_t>(compared); ++i) {
      const ArticleData& a = articles_[i];
      std::vector<std::pair<double, const Sentence*>> unique;
      for (const Sentence& s : a.sentences) {
        if (s.furniture || s.stems.size() < kMinStatementStems) continue;
        if (carried_.count(&s) != 0) continue;
        unique.emplace_back(Centrality(s.stems), &s);
      }
      if (unique.empty()) continue;
      OnlyIn only;
      only.article_id = a.article->id;
      only.outlet = a.outlet;
      only.count = static_cast<int>(unique.size());
      std::stable_sort(unique.begin(), unique.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      if (unique.size() > static_cast<size_t>(options_.only_in_per_source)) {
        unique.resize(static_cast<size_t>(options_.only_in_per_source));
      }
      std::sort(unique.begin(), unique.end(), [](const auto& x, const auto& y) { return x.second->begin < y.second->begin; });
      for (const auto& u : unique) only.sentences.emplace_back(SentenceText(*u.second));
      out_.only_in.push_back(std::move(only));
    }
  }

  // The timeline. Entries with a date sort by the first day it can mean
  // (coarser precision first on the same day). Weekdays that stayed relative
  // (their article is not dated to the day) are placed in the week that ends
  // at the story's latest publication date: resolved to days when that date is
  // known to the day, else ordered by weekday right after it (reports of one
  // event speak of the days of its week). Other relative mentions that could
  // not be resolved ("gestern" in an undated article) come last.
  void BuildTimeline() {
    struct Key {
      int64_t day;
      int rank;
      int weekday;
      bool operator<(const Key& o) const {
        return std::tie(day, rank, weekday) < std::tie(o.day, o.rank, o.weekday);
      }
    };
    std::map<std::string, std::pair<Key, TimelineEntry>> entries;  // by label
    const PublishedDate* anchor = nullptr;
    for (const ArticleData& a : articles_) {
      const PublishedDate& p = a.article->published;
      if (!p.known()) continue;
      if (anchor == nullptr || p.EpochSeconds() > anchor->EpochSeconds() ||
          (p.EpochSeconds() == anchor->EpochSeconds() && p.precision > anchor->precision)) {
        anchor = &p;
      }
    }
    const bool anchor_day = anchor != nullptr && anchor->precision >= DatePrecision::kDay;
    constexpr int64_t kLast = std::numeric_limits<int64_t>::max();
    auto rank_of = [](DatePrecision p) { return static_cast<int>(p); };
    auto add = [&](const std::string& label, Key key, const TimelineEntry& proto, TimelineItem item) {
      auto [it, fresh] = entries.try_emplace(label, key, proto);
      if (fresh) it->second.second.label = label;
      for (const TimelineItem& x : it->second.second.items) {
        if (x.article_id == item.article_id && x.sentence == item.sentence && x.text == item.text) return;
      }
      it->second.second.items.push_back(std::move(item));
    };
    for (size_t a = 0; a < articles_.size(); ++a) {
      const ArticleData& art = articles_[a];
      const PublishedDate& p = art.article->published;
      if (p.known()) {
        TimelineEntry e;
        e.date = p.precision >= DatePrecision::kDay ? p.ToIso().substr(0, 10) : p.ToIso();
        e.precision = std::min(p.precision, DatePrecision::kDay);
        e.publication = true;
        // Publications sort after happenings of the same day.
        add("published " + e.date, {p.DaysSinceEpoch(), rank_of(e.precision) + 20, 0}, e,
            {art.article->id, "published", ""});
      }
      if (art.extraction == nullptr) continue;
      for (const extract::DateMention& d : art.extraction->dates) {
        int weekday = 0;
        if (d.relation.rfind("weekday:", 0) == 0) weekday = std::atoi(d.relation.c_str() + 8);
        TimelineEntry e;
        e.weekday = weekday;
        TimelineItem item{art.article->id, d.text, SentenceAround(a, d.begin)};
        if (!d.value.empty()) {
          auto parsed = ParsePublishedDate(d.value);
          if (!parsed.ok()) continue;
          e.date = d.value;
          e.precision = parsed->precision;
          add(d.value, {parsed->DaysSinceEpoch(), rank_of(parsed->precision), weekday}, e, std::move(item));
        } else if (weekday != 0) {
          if (anchor_day) {
            const int64_t day = anchor->DaysSinceEpoch();
            const int64_t back = (WeekdayOfDay(day) - weekday + 7) % 7;
            e.date = IsoOfDay(day - back);
            e.precision = DatePrecision::kDay;
            add(WeekdayName(weekday) + " " + e.date + " (inferred)", {day - back, rank_of(DatePrecision::kDay), weekday}, e,
                std::move(item));
          } else {
            const int64_t day = anchor != nullptr ? anchor->DaysSinceEpoch() : kLast - 1;
            // After the anchor's own (publication) entry: rank 30.
            add(WeekdayName(weekday), {day, 30, weekday}, e, std::move(item));
          }
        } else if (d.relation.rfind("month:", 0) == 0 && anchor != nullptr &&
                   anchor->precision >= DatePrecision::kMonth) {
          // A month without a year ("Ende Januar"): the latest such month not
          // after the story's latest publication.
          const int month = std::atoi(d.relation.c_str() + 6);
          if (month < 1 || month > 12) continue;
          const int year = month <= anchor->month ? anchor->year : anchor->year - 1;
          e.date = fmt::format("{:04d}-{:02d}", year, month);
          e.precision = DatePrecision::kMonth;
          auto parsed = ParsePublishedDate(e.date);
          if (!parsed.ok()) continue;
          add(e.date, {parsed->DaysSinceEpoch(), rank_of(DatePrecision::kMonth), 0}, e, std::move(item));
        } else if (d.relative) {
          add("relative: " + d.text, {kLast, 0, 0}, e, std::move(item));
        }
      }
    }
    std::vector<std::pair<Key, TimelineEntry>> sorted;
    for (auto& [label, ke] : entries) sorted.push_back(std::move(ke));
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& ke : sorted) out_.timeline.push_back(std::move(ke.second));
  }

  const StoryInput& input_;
  const BriefingOptions& options_;
  Briefing out_;
  StemIndex stems_;
  std::vector<ArticleData> articles_;
  std::vector<double> centroid_;
  std::unordered_map<const Sentence*, std::vector<int>> near_;
  std::set<const Sentence*> carried_;
  struct PersonInfo {
    std::string name;
    std::string surname;             // as written: "Kelly"
    std::vector<std::string> roles;  // folded
  };
  std::map<std::string, PersonInfo> persons_;  // by merged key
  std::map<std::string, std::string> other_speakers_;  // "~key" of a non-person speaker → name
  std::map<size_t, std::vector<std::pair<uint32_t, std::string>>> positions_;
  std::map<size_t, std::string> attributed_speaker_;  // index in AttributedStatements' output → key
};

}  // namespace

int QuoteEntry::sources() const {
  std::set<std::string_view> ids;
  for (const QuoteReport& r : reports) ids.insert(r.article_id);
  return static_cast<int>(ids.size());
}

int FigureGroup::sources() const {
  std::set<std::string_view> ids;
  for (const FigureValue& v : values) ids.insert(v.article_id);
  return static_cast<int>(ids.size());
}

Briefing BuildBriefing(const StoryInput& input, const BriefingOptions& options) {
  return Builder(input, options).Build();
}

}  // namespace storyline::compare
