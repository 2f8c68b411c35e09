// Golden test on the seed articles (../shared/seeds: four outlets on Kelly's
// and Tillerson's February 2017 visit to Mexico, and a 2025 visit by Rubio of
// the same storyline) through the real pipeline: ingest, PrepareArticle,
// clustering, dedup, extraction, briefing. Skipped when the seeds are absent.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storyline/compare.h"
#include "storyline/engine.h"
#include "storyline/extract.h"
#include "storyline/ingest.h"

namespace storyline::compare {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* k000 = "000_e217758aa02faa00";
constexpr const char* k001 = "001_a680b5860f4bcf0f";
constexpr const char* k002 = "002_0fcf3c2e1c747d49";
constexpr const char* k003 = "003_54435595637d5bec";
constexpr const char* k004 = "004_2aec6ce4786460de";

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path dir = fs::path(STORYLINE_SHARED_DIR) / "seeds";
    if (!fs::exists(dir)) return;
    std::vector<Article> articles;
    ingest::Sink sink;
    sink.article = [&](Article&& a) {
      PrepareArticle(a);
      articles.push_back(std::move(a));
    };
    sink.diagnostic = [](ingest::Diagnostic&&) {};
    ingest::ReadPath(dir.string(), {}, sink);
    auto extractor = extract::Extractor::Create();
    ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
    BriefingOptions options;
    options.only_in_per_source = 100;  // all of them, for OnlyInOneSource
    batch_ = new BatchBriefings(BriefArticles(articles, extractor->get(), options));
  }
  static void TearDownTestSuite() {
    delete batch_;
    batch_ = nullptr;
  }
  void SetUp() override {
    if (batch_ == nullptr) GTEST_SKIP() << STORYLINE_SHARED_DIR << "/seeds is absent";
    for (const Briefing& b : batch_->briefings) {
      for (const SourceRow& r : b.sources) {
        if (r.article_id == k000) meeting_ = &b;
        if (r.article_id == k004) rubio_ = &b;
      }
    }
    ASSERT_NE(meeting_, nullptr);
  }

  bool Has(const std::vector<std::string>& ids, std::string_view id) const {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  // The quote entry holding a report from `article` containing `text`.
  const QuoteEntry* Quote(std::string_view article, std::string_view text) const {
    for (const QuoteEntry& q : meeting_->quotes) {
      for (const QuoteReport& r : q.reports) {
        if (r.article_id == article && r.text.find(text) != std::string::npos) return &q;
      }
    }
    return nullptr;
  }
  static bool Reports(const QuoteEntry& q, std::string_view article, std::string_view text) {
    for (const QuoteReport& r : q.reports) {
      if (r.article_id == article && r.text.find(text) != std::string::npos) return true;
    }
    return false;
  }
  const FigureGroup* Figure(std::string_view article, double value) const {
    for (const FigureGroup& g : meeting_->figures) {
      for (const FigureValue& v : g.values) {
        if (v.article_id == article && v.value == value) return &g;
      }
    }
    return nullptr;
  }
  // Index of the first timeline entry with an item from any article whose
  // sentence contains `text` and whose date expression names `weekday`.
  int TimelineIndex(std::string_view weekday_text, std::string_view text) const {
    for (size_t i = 0; i < meeting_->timeline.size(); ++i) {
      for (const TimelineItem& it : meeting_->timeline[i].items) {
        if (it.text.find(weekday_text) != std::string::npos && it.sentence.find(text) != std::string::npos) {
          return static_cast<int>(i);
        }
      }
    }
    return -1;
  }

  static BatchBriefings* batch_;
  const Briefing* meeting_ = nullptr;
  const Briefing* rubio_ = nullptr;
};

BatchBriefings* SeedsTest::batch_ = nullptr;

// The four 2017 reports are one event; 004 (2025) is another story of the
// same storyline and shows up as related.
TEST_F(SeedsTest, FourOutletsOneStoryRubioRelated) {
  ASSERT_EQ(meeting_->sources.size(), 4u) << RenderText(*meeting_);
  EXPECT_EQ(&batch_->briefings.front(), meeting_);  // multi-article stories first
  ASSERT_NE(rubio_, nullptr);
  ASSERT_NE(rubio_, meeting_);
  ASSERT_EQ(meeting_->related.size(), 1u);
  EXPECT_EQ(meeting_->related[0].id, rubio_->id);
  EXPECT_EQ(meeting_->related[0].headline, rubio_->headline);
  // Independent reports: none copies another.
  EXPECT_EQ(meeting_->independent_sources, 4);
}

// The summary is short, from more than one outlet, and has no page furniture.
TEST_F(SeedsTest, HeadlineAndSummary) {
  EXPECT_FALSE(meeting_->headline.empty());
  EXPECT_LE(meeting_->summary.size(), 5u);
  EXPECT_GE(meeting_->summary.size(), 3u);
  std::vector<std::string> from;
  for (const SummarySentence& s : meeting_->summary) {
    EXPECT_EQ(s.text.find("weitere Videos"), std::string::npos);
    if (!Has(from, s.article_id)) from.push_back(s.article_id);
  }
  EXPECT_GE(from.size(), 2u);
}

// Kelly is named by all four outlets, with his role.
TEST_F(SeedsTest, KellyWithRoleInAllSources) {
  const Person* kelly = nullptr;
  for (const Person& p : meeting_->people) {
    if (p.key.find("kelly") != std::string::npos) kelly = &p;
  }
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->article_ids.size(), 4u);
  bool role = false;
  for (const std::string& r : kelly->roles) role |= r.find("eimatschutzminister") != std::string::npos;
  EXPECT_TRUE(role);
}

// "No mass deportations" is one statement of Kelly's, carried by 000
// (reported and direct forms), 002 ("Es wird keine, ich wiederhole keine
// Massenabschiebungen geben") and 003 ("Wir gehen nicht raus und machen
// Massenabschiebungen"): matched by content stems, not exact strings.
TEST_F(SeedsTest, NoMassDeportationsIsOneEntryOfKellys) {
  const QuoteEntry* q = Quote(k002, "ich wiederhole keine Massenabschiebungen");
  ASSERT_NE(q, nullptr) << RenderText(*meeting_);
  EXPECT_THAT(q->speaker_key, HasSubstr("kelly"));
  EXPECT_TRUE(Reports(*q, k003, "machen Massenabschiebungen")) << RenderText(*meeting_);
  EXPECT_TRUE(Reports(*q, k000, "Massenabschiebungen")) << RenderText(*meeting_);
  EXPECT_GE(q->sources(), 3);
}

// The army's non-involvement is Kelly's statement in 002 ("Die Armee werde
// sich nicht an den Einsätzen ... beteiligen") and in 000 ("einem Einsatz der
// Streitkräfte ... erteilte Kelly eine Absage").
TEST_F(SeedsTest, MilitaryNonInvolvementAttributedToKelly) {
  const QuoteEntry* q = Quote(k002, "Die Armee werde sich nicht");
  ASSERT_NE(q, nullptr) << RenderText(*meeting_);
  EXPECT_THAT(q->speaker_key, HasSubstr("kelly"));
  EXPECT_TRUE(Reports(*q, k000, "Streitkräfte")) << RenderText(*meeting_);
}

// 11 million undocumented people (002, 003), "more than 11 million" Latinos
// (001) and 5.8 million undocumented Mexicans (000) count the same people:
// one group, flagged because the values differ.
TEST_F(SeedsTest, UndocumentedFiguresAlignedAndFlagged) {
  const FigureGroup* g = Figure(k002, 11e6);
  ASSERT_NE(g, nullptr) << RenderText(*meeting_);
  EXPECT_EQ(Figure(k003, 11e6), g);
  EXPECT_EQ(Figure(k001, 11e6), g);
  EXPECT_EQ(Figure(k000, 5.8e6), g);
  EXPECT_FALSE(g->agree);
}

// The 410,000 arrests of fiscal 2016 are reported by 003 alone.
TEST_F(SeedsTest, ArrestsOnlyInOneSource) {
  const FigureGroup* g = Figure(k003, 410000);
  ASSERT_NE(g, nullptr) << RenderText(*meeting_);
  EXPECT_EQ(g->sources(), 1);
}

// 000 is dated to the month only and the others not at all, so the weekdays
// stay relative; they are ordered within one week: the instructions
// (Tuesday), the Guatemala visit (Wednesday), the Mexico City meeting
// (Thursday).
TEST_F(SeedsTest, TimelineOrdersTheWeek) {
  const int tuesday = TimelineIndex("Dienstag", "Anweisungen");
  const int wednesday = TimelineIndex("Mittwoch", "Guatemala");
  const int thursday = TimelineIndex("Donnerstag", "Mexiko-Stadt");
  ASSERT_GE(tuesday, 0) << RenderText(*meeting_);
  ASSERT_GE(wednesday, 0) << RenderText(*meeting_);
  ASSERT_GE(thursday, 0) << RenderText(*meeting_);
  EXPECT_LT(tuesday, wednesday);
  EXPECT_LT(wednesday, thursday);
}

// Each outlet has statements of its own (001's Tijuana border towns); the
// Tuesday instructions, told by 002 and 003 in other words, are in neither
// list.
TEST_F(SeedsTest, OnlyInOneSource) {
  auto only = [&](std::string_view article, std::string_view text) {
    for (const OnlyIn& o : meeting_->only_in) {
      if (o.article_id != article) continue;
      for (const std::string& s : o.sentences) {
        if (s.find(text) != std::string::npos) return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(only(k001, "Tijuana")) << RenderText(*meeting_);
  EXPECT_FALSE(only(k002, "Anweisungen")) << RenderText(*meeting_);
  EXPECT_FALSE(only(k003, "Anweisungen erteilt")) << RenderText(*meeting_);
}

TEST_F(SeedsTest, EveryFormatRenders) {
  EXPECT_THAT(RenderHtml(batch_->briefings), HasSubstr("</html>"));
  EXPECT_THAT(RenderMarkdown(*meeting_), HasSubstr("## Figures"));
  EXPECT_THAT(RenderJson(*meeting_), HasSubstr("\"only_in\""));
}

}  // namespace
}  // namespace storyline::compare
