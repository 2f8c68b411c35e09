#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "storyline/engine.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqlite(":memory:");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    dir_ = fs::temp_directory_path() /
           ("storyline_engine_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.clock = [this] { return now_; };
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }

  IngestReport Run(const std::vector<std::string>& paths) {
    auto report = Ingest(*store_, paths, options_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : IngestReport{};
  }

  std::unique_ptr<store::Store> store_;
  fs::path dir_;
  IngestOptions options_;
  int64_t now_ = 1'700'000'000;
};

TEST_F(IngestTest, SeedsAreStoredOnceWithMonthPrecisionAndGerman) {
  const fs::path seeds = fs::path(STORYLINE_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  IngestReport first = Run({seeds.string()});
  EXPECT_EQ(first.counts.read, 5);
  EXPECT_EQ(first.counts.added, 5);
  EXPECT_EQ(first.counts.failed, 0);
  auto listed = store_->ListArticles({});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 5u);
  for (const Article& a : *listed) {
    EXPECT_EQ(a.language, "de") << a.id;
    EXPECT_TRUE(a.title.empty()) << a.id << " got title '" << a.title << "'";
  }
  auto seed0 = store_->GetArticle("000_e217758aa02faa00");
  ASSERT_TRUE(seed0.ok()) << seed0.status().ToString();
  EXPECT_EQ(seed0->published.ToIso(), "2017-02");
  EXPECT_EQ(seed0->published.precision, DatePrecision::kMonth);
  EXPECT_EQ(seed0->text.rfind("Der amerikanische Heimatschutzminister", 0), 0u);

  now_ += 3600;
  IngestReport second = Run({seeds.string()});
  EXPECT_EQ(second.counts.read, 5);
  EXPECT_EQ(second.counts.unchanged, 5);
  EXPECT_EQ(second.counts.added, 0);
  EXPECT_EQ(*store_->CountArticles(), 5);
}

TEST_F(IngestTest, ChangedContentBecomesRevisionAndKeepsFirstSeen) {
  Write("a.txt", "Erste Fassung des Artikels über den Besuch.\n");
  EXPECT_EQ(Run({dir_.string()}).counts.added, 1);
  now_ += 60;
  Write("a.txt", "Zweite Fassung des Artikels über den Besuch.\n");
  IngestReport r = Run({dir_.string()});
  EXPECT_EQ(r.counts.revised, 1);
  auto latest = store_->GetArticle("a");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->revision, 2);
  EXPECT_EQ(latest->first_seen, 1'700'000'000);
  EXPECT_EQ(latest->text, "Zweite Fassung des Artikels über den Besuch.");
  auto old = store_->GetArticle("a", 1);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->text, "Erste Fassung des Artikels über den Besuch.");
}

TEST_F(IngestTest, BadInputIsReportedAndTheRestIsStored) {
  Write("good.txt", "Ein guter Artikel mit genug Text, um gelesen zu werden.\n");
  Write("empty.txt", "");
  Write("mixed.jsonl",
        "{\"id\": \"j1\", \"text\": \"The first good line of the file.\"}\n"
        "this is not json\n"
        "{\"text\": \"no id here\"}\n"
        "{\"id\": \"j2\", \"title\": \"Only a title\", \"lang\": \"en-GB\"}\n");
  IngestReport r = Run({dir_.string(), (dir_ / "missing.txt").string()});
  EXPECT_EQ(r.counts.added, 3);   // good, j1, j2
  EXPECT_EQ(r.counts.failed, 4);  // empty.txt, line 2, line 3, missing.txt
  ASSERT_EQ(r.errors.size(), 4u);
  bool named_line = false;
  for (const auto& e : r.errors) {
    if (e.file.find("mixed.jsonl") != std::string::npos && e.line == 2) named_line = true;
  }
  EXPECT_TRUE(named_line);
  auto j2 = store_->GetArticle("j2");
  ASSERT_TRUE(j2.ok());
  EXPECT_EQ(j2->language, "en");
  EXPECT_EQ(j2->title, "Only a title");
}

TEST(PrepareArticleTest, CleansTextAndIdentifiesLanguage) {
  Article a;
  a.title = "  Ein\r\nTitel ";
  a.text = "Die Bundesregierung hat am Mittwoch in Berlin neue Regeln für den Verkehr "
           "beschlossen.\r\n\r\n\r\nDer Minister sagte, das sei notwendig.";
  PrepareArticle(a);
  EXPECT_EQ(a.title, "Ein Titel");
  EXPECT_EQ(a.text.find('\r'), std::string::npos);
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.content_hash, ContentHash(a));
}

}  // namespace
}  // namespace storyline
