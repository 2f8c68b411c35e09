// The shared Store suite: every backend must pass it unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_suite.h"

namespace storyline::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Ids(const std::vector<Article>& articles) {
  std::vector<std::string> ids;
  for (const Article& a : articles) ids.push_back(a.id);
  return ids;
}

void ExpectSameContent(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.content_hash, want.content_hash);
  EXPECT_EQ(got.origin, want.origin);
}

TEST_P(StoreSuiteTest, NewArticleIsRevisionOne) {
  Article a = MakeArticle("a1", "Erster Absatz.\nZweiter Absatz mit Umlauten: äöüß – „Zitat“.");
  Result<PutOutcome> put = store_->PutArticle(a);
  STORYLINE_ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kNew);
  EXPECT_EQ(a.revision, 1);
  EXPECT_EQ(a.first_seen, 1'700'000'000);

  Result<Article> got = store_->GetArticle("a1");
  STORYLINE_ASSERT_OK(got);
  ExpectSameContent(*got, a);
  EXPECT_EQ(got->revision, 1);
  EXPECT_EQ(got->first_seen, 1'700'000'000);
  Result<Article> first = store_->GetArticle("a1", 1);
  STORYLINE_ASSERT_OK(first);
  ExpectSameContent(*first, a);
}

TEST_P(StoreSuiteTest, SameContentIsUnchangedAndWritesNothing) {
  Article a = MakeArticle("a1", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));

  Article again = MakeArticle("a1", "Text");
  again.first_seen = 1'800'000'000;
  again.origin = "elsewhere.jsonl:9";  // not content: the hash is the same
  Result<PutOutcome> put = store_->PutArticle(again);
  STORYLINE_ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kUnchanged);
  EXPECT_EQ(again.revision, 1);
  EXPECT_EQ(again.first_seen, 1'700'000'000);

  Result<std::vector<int>> revisions = store_->ListRevisions("a1");
  STORYLINE_ASSERT_OK(revisions);
  EXPECT_THAT(*revisions, ElementsAre(1));
  Result<Article> got = store_->GetArticle("a1");
  STORYLINE_ASSERT_OK(got);
  EXPECT_EQ(got->origin, a.origin);
}

TEST_P(StoreSuiteTest, ChangedContentIsANewRevisionKeepingTheEarlierOnes) {
  Article v1 = MakeArticle("a1", "Erste Fassung");
  STORYLINE_ASSERT_OK(store_->PutArticle(v1));
  Article v2 = MakeArticle("a1", "Zweite Fassung", "2017-02-24");
  v2.first_seen = 1'800'000'000;
  Result<PutOutcome> put = store_->PutArticle(v2);
  STORYLINE_ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kRevised);
  EXPECT_EQ(v2.revision, 2);
  EXPECT_EQ(v2.first_seen, 1'700'000'000);  // kept from revision 1

  // Back to the first content: compared with the latest revision only.
  Article v3 = MakeArticle("a1", "Erste Fassung");
  put = store_->PutArticle(v3);
  STORYLINE_ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kRevised);
  EXPECT_EQ(v3.revision, 3);

  Result<std::vector<int>> revisions = store_->ListRevisions("a1");
  STORYLINE_ASSERT_OK(revisions);
  EXPECT_THAT(*revisions, ElementsAre(1, 2, 3));

  Result<Article> latest = store_->GetArticle("a1");
  STORYLINE_ASSERT_OK(latest);
  EXPECT_EQ(latest->revision, 3);
  EXPECT_EQ(latest->first_seen, 1'700'000'000);
  ExpectSameContent(*latest, v3);

  Result<Article> second = store_->GetArticle("a1", 2);
  STORYLINE_ASSERT_OK(second);
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(second->first_seen, 1'700'000'000);
  ExpectSameContent(*second, v2);

  Result<int64_t> count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 1);
}

TEST_P(StoreSuiteTest, MissingArticlesAreNotFoundByName) {
  Result<Article> missing = store_->GetArticle("nirgendwo");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("'nirgendwo'"));

  Article a = MakeArticle("a1", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  Result<Article> no_revision = store_->GetArticle("a1", 7);
  ASSERT_FALSE(no_revision.ok());
  EXPECT_EQ(no_revision.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(no_revision.status().message(), HasSubstr("'a1'"));
  EXPECT_THAT(no_revision.status().message(), HasSubstr("7"));

  Result<std::vector<int>> revisions = store_->ListRevisions("nirgendwo");
  STORYLINE_ASSERT_OK(revisions);
  EXPECT_TRUE(revisions->empty());
}

TEST_P(StoreSuiteTest, PublicationDatesKeepTheirPrecision) {
  const std::vector<std::string> dates = {
      "2017", "2017-02", "2017-02-23", "2017-02-23T10:51", "2017-02-23T10:51:07",
      "2017-02-23T10:51:07+01:00", "2017-02-23T23:30-05:30", "",
  };
  for (size_t i = 0; i < dates.size(); ++i) {
    SCOPED_TRACE("published '" + dates[i] + "'");
    Article a = MakeArticle("d" + std::to_string(i), "Text", dates[i]);
    STORYLINE_ASSERT_OK(store_->PutArticle(a));
    Result<Article> got = store_->GetArticle(a.id);
    STORYLINE_ASSERT_OK(got);
    EXPECT_EQ(got->published, a.published);
    EXPECT_EQ(got->published.precision, a.published.precision);
    EXPECT_EQ(got->published.ToIso(), dates[i]);
    EXPECT_EQ(ContentHash(*got), a.content_hash);
  }
  Result<Article> month = store_->GetArticle("d1");
  STORYLINE_ASSERT_OK(month);
  EXPECT_EQ(month->published.precision, DatePrecision::kMonth);
  EXPECT_EQ(month->published.day, 0);
}

TEST_P(StoreSuiteTest, ListingIsLatestRevisionsByDateThenIdWithoutText) {
  // Ordered by the earliest instant a date can mean (a year is its first
  // second, offsets count), then id; undated articles come last.
  const std::vector<std::pair<std::string, std::string>> articles = {
      {"undated", ""},
      {"z-day", "2017-02-23"},
      {"a-day", "2017-02-23"},
      {"nine-utc", "2017-02-23T09:00Z"},
      {"eight-utc", "2017-02-23T10:00+02:00"},
      {"month", "2017-02"},
      {"year", "2017"},
      {"older", "2016-12-31T23:59:59"},
  };
  for (const auto& [id, date] : articles) {
    Article a = MakeArticle(id, "Text von " + id, date);
    STORYLINE_ASSERT_OK(store_->PutArticle(a));
  }
  // A revision moves "older" to the end of the dated ones.
  Article moved = MakeArticle("older", "Neue Fassung", "2018-01-01");
  STORYLINE_ASSERT_OK(store_->PutArticle(moved));

  Result<std::vector<Article>> all = store_->ListArticles({});
  STORYLINE_ASSERT_OK(all);
  EXPECT_THAT(Ids(*all), ElementsAre("year", "month", "a-day", "z-day", "eight-utc", "nine-utc",
                                     "older", "undated"));
  for (const Article& a : *all) {
    EXPECT_TRUE(a.text.empty()) << a.id;
    EXPECT_FALSE(a.title.empty()) << a.id;
    EXPECT_FALSE(a.content_hash.empty()) << a.id;
  }
  EXPECT_EQ((*all)[6].revision, 2);
  EXPECT_EQ((*all)[6].published.ToIso(), "2018-01-01");
  EXPECT_EQ((*all)[1].published.precision, DatePrecision::kMonth);

  Result<std::vector<Article>> page = store_->ListArticles({.limit = 3, .offset = 2});
  STORYLINE_ASSERT_OK(page);
  EXPECT_THAT(Ids(*page), ElementsAre("a-day", "z-day", "eight-utc"));
  page = store_->ListArticles({.limit = 5, .offset = 6});
  STORYLINE_ASSERT_OK(page);
  EXPECT_THAT(Ids(*page), ElementsAre("older", "undated"));
  page = store_->ListArticles({.limit = 0, .offset = 0});
  STORYLINE_ASSERT_OK(page);
  EXPECT_TRUE(page->empty());
  page = store_->ListArticles({.limit = -1, .offset = 100});
  STORYLINE_ASSERT_OK(page);
  EXPECT_TRUE(page->empty());

  Result<std::vector<Article>> bad = store_->ListArticles({.limit = -2, .offset = 0});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  bad = store_->ListArticles({.limit = 1, .offset = -1});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuiteTest, CountsDistinctIds) {
  Result<int64_t> count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 0);
  for (int i = 0; i < 5; ++i) {
    Article a = MakeArticle("id" + std::to_string(i), "Text");
    STORYLINE_ASSERT_OK(store_->PutArticle(a));
    Article b = MakeArticle("id" + std::to_string(i), "Geändert");
    STORYLINE_ASSERT_OK(store_->PutArticle(b));
  }
  count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 5);
}

TEST_P(StoreSuiteTest, BatchesCommitOrRollBackTogether) {
  STORYLINE_ASSERT_OK(store_->BeginBatch());
  for (int i = 0; i < 3; ++i) {
    Article a = MakeArticle("gone" + std::to_string(i), "Text");
    STORYLINE_ASSERT_OK(store_->PutArticle(a));
  }
  Result<int64_t> count = store_->CountArticles();  // the batch sees its own writes
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 3);
  STORYLINE_ASSERT_OK(store_->RollbackBatch());
  count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 0);

  STORYLINE_ASSERT_OK(store_->BeginBatch());
  Article kept = MakeArticle("kept", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(kept));
  Article revised = MakeArticle("kept", "Neu");
  Result<PutOutcome> put = store_->PutArticle(revised);
  STORYLINE_ASSERT_OK(put);
  EXPECT_EQ(*put, PutOutcome::kRevised);
  STORYLINE_ASSERT_OK(store_->CommitBatch());
  Result<std::vector<int>> revisions = store_->ListRevisions("kept");
  STORYLINE_ASSERT_OK(revisions);
  EXPECT_THAT(*revisions, ElementsAre(1, 2));

  // Writes outside a batch commit one by one.
  Article single = MakeArticle("single", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(single));
  count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 2);
}

TEST_P(StoreSuiteTest, BatchMisuseIsAnError) {
  EXPECT_EQ(store_->CommitBatch().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->RollbackBatch().code(), StatusCode::kInvalidArgument);
  STORYLINE_ASSERT_OK(store_->BeginBatch());
  EXPECT_EQ(store_->BeginBatch().code(), StatusCode::kInvalidArgument);
  STORYLINE_ASSERT_OK(store_->CommitBatch());
  EXPECT_EQ(store_->CommitBatch().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuiteTest, RejectsArticlesWithoutIdOrHash) {
  Article no_id = MakeArticle("x", "Text");
  no_id.id.clear();
  EXPECT_EQ(store_->PutArticle(no_id).status().code(), StatusCode::kInvalidArgument);
  Article no_hash = MakeArticle("x", "Text");
  no_hash.content_hash.clear();
  Result<PutOutcome> put = store_->PutArticle(no_hash);
  EXPECT_EQ(put.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(put.status().message(), HasSubstr("'x'"));
  EXPECT_EQ(store_->GetArticle("x", -1).status().code(), StatusCode::kInvalidArgument);
  Result<int64_t> count = store_->CountArticles();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 0);
}

TEST_P(StoreSuiteTest, ReportsASchemaVersion) { EXPECT_GE(store_->SchemaVersion(), 1); }

}  // namespace
}  // namespace storyline::store
