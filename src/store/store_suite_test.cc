// The shared Store suite: every backend must pass it unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <tuple>
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

// --- Stories -------------------------------------------------------------------

Placement MakePlacement(const std::string& id, StoryId story, StorylineId storyline,
                        const std::string& headline = "", const std::string& duplicate_of = "",
                        double overlap = 0) {
  Placement p;
  p.article_id = id;
  p.story = story;
  p.storyline = storyline;
  p.headline = headline;
  p.duplicate_of = duplicate_of;
  p.duplicate_overlap = overlap;
  return p;
}

// Stores an article (source and title given) and places it.
void PutAndPlace(Store& store, const std::string& id, const std::string& published, StoryId story,
                 StorylineId storyline, const std::string& source = "Beispiel-Zeitung",
                 const std::string& title = "") {
  Article a = MakeArticle(id, "Text von " + id, published);
  a.source = source;
  a.title = title;
  a.content_hash = ContentHash(a);
  Result<PutOutcome> put = store.PutArticle(a);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  Placement p;
  p.article_id = id;
  p.story = story;
  p.storyline = storyline;
  p.headline = title.empty() ? "Satz von " + id : title;
  Status placed = store.PlaceArticle(p);
  ASSERT_TRUE(placed.ok()) << placed.ToString();
}

std::vector<StoryId> StoryIds(const std::vector<StoryInfo>& stories) {
  std::vector<StoryId> ids;
  for (const StoryInfo& s : stories) ids.push_back(s.id);
  return ids;
}

TEST_P(StoreSuiteTest, PlacementsAreStoredAndReadBack) {
  Article orig = MakeArticle("orig", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(orig));
  Article copy = MakeArticle("copy", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(copy));
  STORYLINE_ASSERT_OK(store_->PlaceArticle(MakePlacement("orig", 7, 3, "Titel orig")));
  STORYLINE_ASSERT_OK(store_->PlaceArticle(MakePlacement("copy", 7, 3, "Titel copy", "orig", 0.75)));
  Result<Placement> got = store_->GetPlacement("copy");
  STORYLINE_ASSERT_OK(got);
  EXPECT_EQ(got->article_id, "copy");
  EXPECT_EQ(got->story, 7);
  EXPECT_EQ(got->storyline, 3);
  EXPECT_EQ(got->duplicate_of, "orig");
  EXPECT_DOUBLE_EQ(got->duplicate_overlap, 0.75);
  EXPECT_EQ(got->headline, "Titel copy");
  Result<Placement> first = store_->GetPlacement("orig");
  STORYLINE_ASSERT_OK(first);
  EXPECT_EQ(first->duplicate_of, "");
  EXPECT_EQ(first->duplicate_overlap, 0);
  EXPECT_LT(first->sequence, got->sequence);

  // Placing again moves it, keeps the sequence, and removes the emptied story.
  const int64_t sequence = got->sequence;
  STORYLINE_ASSERT_OK(store_->PlaceArticle(MakePlacement("copy", 8, 3, "neu")));
  got = store_->GetPlacement("copy");
  STORYLINE_ASSERT_OK(got);
  EXPECT_EQ(got->story, 8);
  EXPECT_EQ(got->sequence, sequence);
  EXPECT_EQ(got->duplicate_of, "");
  STORYLINE_ASSERT_OK(store_->PlaceArticle(MakePlacement("orig", 8, 3, "x")));
  EXPECT_EQ(store_->GetStory(7).status().code(), StatusCode::kNotFound);
  Result<int64_t> count = store_->CountStories();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 1);
}

TEST_P(StoreSuiteTest, PlacementErrors) {
  EXPECT_EQ(store_->PlaceArticle(MakePlacement("nirgendwo", 1, 1)).code(),
            StatusCode::kNotFound);
  Article a = MakeArticle("a", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  EXPECT_EQ(store_->PlaceArticle(MakePlacement("a", 0, 1)).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->PlaceArticle(MakePlacement("a", 1, 0)).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->PlaceArticle(MakePlacement("", 1, 1)).code(),
            StatusCode::kInvalidArgument);
  Result<Placement> none = store_->GetPlacement("a");
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(none.status().message(), HasSubstr("'a'"));
  EXPECT_EQ(store_->GetStory(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ResolveStory(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ListStoryArticles(1).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreSuiteTest, StorySummaryFollowsItsArticles) {
  // Untitled articles offer their first sentence; a titled one wins even
  // when it is later.
  PutAndPlace(*store_, "b", "2017-02-24T10:00", 1, 1, "Rheinpost");
  PutAndPlace(*store_, "a", "2017-02", 1, 1, "Moselbote");
  PutAndPlace(*store_, "c", "2017-02-25", 1, 1, "Rheinpost");
  PutAndPlace(*store_, "u", "", 1, 1, "");
  Result<StoryInfo> story = store_->GetStory(1);
  STORYLINE_ASSERT_OK(story);
  EXPECT_EQ(story->id, 1);
  EXPECT_EQ(story->storyline, 1);
  EXPECT_EQ(story->article_count, 4);
  EXPECT_EQ(story->title, "Satz von a");  // the earliest: 2017-02 means its first day
  EXPECT_THAT(story->outlets, ElementsAre("Rheinpost", "Moselbote"));
  EXPECT_EQ(story->first.ToIso(), "2017-02");
  EXPECT_EQ(story->first.precision, DatePrecision::kMonth);
  EXPECT_EQ(story->last.ToIso(), "2017-02-25");
  Result<std::vector<std::string>> ids = store_->ListStoryArticles(1);
  STORYLINE_ASSERT_OK(ids);
  EXPECT_THAT(*ids, ElementsAre("a", "b", "c", "u"));

  PutAndPlace(*store_, "t", "2017-03-01", 1, 1, "Bahnjournal", "Ein echter Titel");
  story = store_->GetStory(1);
  STORYLINE_ASSERT_OK(story);
  EXPECT_EQ(story->title, "Ein echter Titel");
  EXPECT_EQ(story->last.ToIso(), "2017-03-01");
  EXPECT_EQ(story->article_count, 5);

  // A revision of a placed article keeps its placement and updates the summary.
  Article revised = MakeArticle("t", "Neue Fassung", "2017-03-05");
  STORYLINE_ASSERT_OK(store_->PutArticle(revised));
  Result<Placement> kept = store_->GetPlacement("t");
  STORYLINE_ASSERT_OK(kept);
  EXPECT_EQ(kept->story, 1);
  story = store_->GetStory(1);
  STORYLINE_ASSERT_OK(story);
  EXPECT_EQ(story->last.ToIso(), "2017-03-05");
  EXPECT_EQ(story->title, "Ein echter Titel");  // the headline changes only when placed again
  EXPECT_EQ(story->outlets.size(), 3u);  // Beispiel-Zeitung replaced Bahnjournal
}

TEST_P(StoreSuiteTest, UndatedStoryHasUnknownDates) {
  PutAndPlace(*store_, "u", "", 4, 2);
  Result<StoryInfo> story = store_->GetStory(4);
  STORYLINE_ASSERT_OK(story);
  EXPECT_FALSE(story->first.known());
  EXPECT_FALSE(story->last.known());
  EXPECT_EQ(story->title, "Satz von u");
}

TEST_P(StoreSuiteTest, StoriesAreListedNewestFirstUndatedLast) {
  PutAndPlace(*store_, "old", "2016-01-01", 1, 1);
  PutAndPlace(*store_, "undated", "", 2, 1);
  PutAndPlace(*store_, "new", "2018-01-01", 3, 2);
  PutAndPlace(*store_, "mid", "2017-01-01", 4, 2);
  PutAndPlace(*store_, "old-but-late", "2015-01-01", 5, 2);
  PutAndPlace(*store_, "late", "2019-01-01", 5, 2);  // story 5 now ends in 2019
  PutAndPlace(*store_, "same-day", "2017-01-01", 6, 3);
  Result<std::vector<StoryInfo>> all = store_->ListStories({});
  STORYLINE_ASSERT_OK(all);
  EXPECT_THAT(StoryIds(*all), ElementsAre(5, 3, 6, 4, 1, 2));
  Result<std::vector<StoryInfo>> page = store_->ListStories({.limit = 2, .offset = 1});
  STORYLINE_ASSERT_OK(page);
  EXPECT_THAT(StoryIds(*page), ElementsAre(3, 6));
  EXPECT_EQ(store_->ListStories({.limit = -2, .offset = 0}).status().code(), StatusCode::kInvalidArgument);
  Result<int64_t> count = store_->CountStories();
  STORYLINE_ASSERT_OK(count);
  EXPECT_EQ(*count, 6);
}

TEST_P(StoreSuiteTest, MergedStoriesKeepResolving) {
  PutAndPlace(*store_, "a", "2017-02-01", 1, 1, "Rheinpost");
  PutAndPlace(*store_, "b", "2017-02-02", 2, 2, "Moselbote");
  PutAndPlace(*store_, "c", "2017-02-03", 3, 3, "Moselbote");
  STORYLINE_ASSERT_OK(store_->MergeStories(3, 2));
  STORYLINE_ASSERT_OK(store_->MergeStories(2, 1));  // 3 is an alias of 2: it follows
  for (StoryId id : {1, 2, 3}) {
    Result<StoryId> resolved = store_->ResolveStory(id);
    STORYLINE_ASSERT_OK(resolved);
    EXPECT_EQ(*resolved, 1) << id;
    Result<StoryInfo> story = store_->GetStory(id);
    STORYLINE_ASSERT_OK(story);
    EXPECT_EQ(story->id, 1);
    EXPECT_EQ(story->article_count, 3);
    EXPECT_EQ(story->last.ToIso(), "2017-02-03");
    EXPECT_THAT(story->outlets, ElementsAre("Moselbote", "Rheinpost"));
  }
  Result<Placement> c = store_->GetPlacement("c");
  STORYLINE_ASSERT_OK(c);
  EXPECT_EQ(c->story, 1);
  EXPECT_EQ(c->storyline, 1);
  Result<std::vector<std::string>> ids = store_->ListStoryArticles(3);
  STORYLINE_ASSERT_OK(ids);
  EXPECT_THAT(*ids, ElementsAre("a", "b", "c"));
  Result<std::vector<StoryInfo>> all = store_->ListStories({});
  STORYLINE_ASSERT_OK(all);
  EXPECT_THAT(StoryIds(*all), ElementsAre(1));

  // A merged id is never a story again, and never handed out again.
  Article d = MakeArticle("d", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(d));
  EXPECT_EQ(store_->PlaceArticle(MakePlacement("d", 3, 1)).code(),
            StatusCode::kInvalidArgument);
  Result<LargestIds> largest = store_->GetLargestIds();
  STORYLINE_ASSERT_OK(largest);
  EXPECT_EQ(largest->story, 3);

  EXPECT_EQ(store_->MergeStories(1, 1).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->MergeStories(2, 1).code(), StatusCode::kNotFound);  // 2 is an alias now
  EXPECT_EQ(store_->MergeStories(9, 1).code(), StatusCode::kNotFound);
}

TEST_P(StoreSuiteTest, MergedStorylinesMoveTheirStories) {
  PutAndPlace(*store_, "a", "2017-02-01", 1, 1);
  PutAndPlace(*store_, "b", "2017-02-02", 2, 5);
  PutAndPlace(*store_, "c", "2017-02-03", 3, 5);
  STORYLINE_ASSERT_OK(store_->MergeStorylines(5, 1));
  for (StoryId id : {1, 2, 3}) {
    Result<StoryInfo> story = store_->GetStory(id);
    STORYLINE_ASSERT_OK(story);
    EXPECT_EQ(story->storyline, 1) << id;
  }
  Result<Placement> b = store_->GetPlacement("b");
  STORYLINE_ASSERT_OK(b);
  EXPECT_EQ(b->storyline, 1);
  Result<LargestIds> largest = store_->GetLargestIds();
  STORYLINE_ASSERT_OK(largest);
  EXPECT_EQ(largest->storyline, 5);  // remembered though no story has it
  EXPECT_EQ(largest->story, 3);
  EXPECT_EQ(store_->MergeStorylines(1, 1).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->MergeStorylines(0, 1).code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuiteTest, LargestIdsOfAnEmptyStoreAreZero) {
  Result<LargestIds> largest = store_->GetLargestIds();
  STORYLINE_ASSERT_OK(largest);
  EXPECT_EQ(largest->story, 0);
  EXPECT_EQ(largest->storyline, 0);
}

TEST_P(StoreSuiteTest, PlacedArticlesAreListedInPlacementOrderWithText) {
  PutAndPlace(*store_, "late", "2017-03-01", 1, 1);
  PutAndPlace(*store_, "early", "2017-01-01", 2, 1);
  PutAndPlace(*store_, "undated", "", 1, 1);
  PutAndPlace(*store_, "middle", "2017-02-01", 3, 2);
  Article unplaced = MakeArticle("unplaced", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(unplaced));

  Result<std::vector<PlacedArticle>> all = store_->ListPlacedArticles({});
  STORYLINE_ASSERT_OK(all);
  std::vector<std::string> ids;
  for (const PlacedArticle& p : *all) {
    ids.push_back(p.article.id);
    EXPECT_EQ(p.article.text, "Text von " + p.article.id);
    EXPECT_EQ(p.placement.article_id, p.article.id);
  }
  EXPECT_THAT(ids, ElementsAre("late", "early", "undated", "middle"));
  EXPECT_EQ((*all)[3].placement.story, 3);
  EXPECT_EQ((*all)[3].placement.storyline, 2);

  Result<std::vector<PlacedArticle>> page =
      store_->ListPlacedArticles({.after_sequence = (*all)[1].placement.sequence, .limit = 1, .published_from = {}});
  STORYLINE_ASSERT_OK(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].article.id, "undated");

  Result<PublishedDate> from = ParsePublishedDate("2017-02-01");
  ASSERT_TRUE(from.ok());
  Result<std::vector<PlacedArticle>> recent = store_->ListPlacedArticles({.after_sequence = 0, .limit = 1000, .published_from = from->EpochSeconds()});
  STORYLINE_ASSERT_OK(recent);
  ids.clear();
  for (const PlacedArticle& p : *recent) ids.push_back(p.article.id);
  EXPECT_THAT(ids, ElementsAre("late", "undated", "middle"));

  Result<std::vector<std::string>> waiting = store_->ListUnplacedArticles();
  STORYLINE_ASSERT_OK(waiting);
  EXPECT_THAT(*waiting, ElementsAre("unplaced"));
  EXPECT_EQ(store_->ListPlacedArticles({.after_sequence = 0, .limit = -1, .published_from = {}}).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuiteTest, PlacementsInABatchCommitOrRollBackWithIt) {
  STORYLINE_ASSERT_OK(store_->BeginBatch());
  PutAndPlace(*store_, "a", "2017-02-01", 1, 1);
  PutAndPlace(*store_, "b", "2017-02-02", 1, 1);
  STORYLINE_ASSERT_OK(store_->RollbackBatch());
  EXPECT_EQ(store_->GetStory(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetPlacement("a").status().code(), StatusCode::kNotFound);

  STORYLINE_ASSERT_OK(store_->BeginBatch());
  PutAndPlace(*store_, "a", "2017-02-01", 1, 1);
  PutAndPlace(*store_, "b", "2017-02-02", 1, 1);
  PutAndPlace(*store_, "c", "2017-02-03", 2, 1);
  STORYLINE_ASSERT_OK(store_->MergeStories(2, 1));
  STORYLINE_ASSERT_OK(store_->CommitBatch());
  Result<StoryInfo> story = store_->GetStory(2);
  STORYLINE_ASSERT_OK(story);
  EXPECT_EQ(story->id, 1);
  EXPECT_EQ(story->article_count, 3);
  EXPECT_EQ(story->first.ToIso(), "2017-02-01");
  EXPECT_EQ(story->last.ToIso(), "2017-02-03");
}

TEST_P(StoreSuiteTest, StorylineStoriesResolveMergedStorylines) {
  PutAndPlace(*store_, "a", "2017-02-20", 1, 1);
  PutAndPlace(*store_, "b", "2017-02-21", 2, 1);
  PutAndPlace(*store_, "c", "2017-02-22", 3, 2);
  Result<std::vector<StoryInfo>> line = store_->ListStorylineStories(1);
  STORYLINE_ASSERT_OK(line);
  EXPECT_THAT(StoryIds(*line), ElementsAre(1, 2));
  EXPECT_THAT((*line)[0].outlets, ElementsAre("Beispiel-Zeitung"));
  STORYLINE_ASSERT_OK(store_->MergeStorylines(2, 1));
  line = store_->ListStorylineStories(2);  // the alias resolves
  STORYLINE_ASSERT_OK(line);
  EXPECT_THAT(StoryIds(*line), ElementsAre(1, 2, 3));
  line = store_->ListStorylineStories(99);
  STORYLINE_ASSERT_OK(line);
  EXPECT_TRUE(line->empty());
}

// --- Extractions ---------------------------------------------------------------

// "John Kelly ... Kelly sagte: „Es wird keine Massenabschiebungen geben.“ ...
// 11 Millionen ... am Donnerstag ... Mexiko", hand-built.
extract::Extraction MakeExtraction() {
  extract::Extraction ex;
  auto mention = [&](uint32_t begin, uint32_t end, extract::EntityType type, std::string text, int entity) {
    extract::Mention m;
    m.begin = begin;
    m.end = end;
    m.type = type;
    m.text = std::move(text);
    m.entity = entity;
    ex.mentions.push_back(m);
  };
  mention(0, 10, extract::EntityType::kPerson, "John Kelly", 0);
  mention(20, 26, extract::EntityType::kLocation, "Mexiko", 1);
  mention(30, 35, extract::EntityType::kPerson, "Kelly", 0);
  mention(40, 44, extract::EntityType::kOther, "Etwas", -1);
  extract::Entity kelly;
  kelly.type = extract::EntityType::kPerson;
  kelly.name = "John Kelly";
  kelly.canonical = "john kelly";
  kelly.role = "US-Heimatschutzminister";
  kelly.mentions = {0, 2};
  extract::Entity mexico;
  mexico.type = extract::EntityType::kLocation;
  mexico.name = "Mexiko";
  mexico.canonical = "mexiko";
  mexico.mentions = {1};
  ex.entities = {kelly, mexico};
  extract::Quote direct;
  direct.begin = 50;
  direct.end = 90;
  direct.cue_begin = 36;
  direct.cue_end = 41;
  direct.speaker_begin = 30;
  direct.speaker_end = 35;
  direct.text = "Es wird keine Massenabschiebungen geben.";
  direct.cue = "sagte";
  direct.speaker = "Kelly";
  direct.speaker_entity = 0;
  extract::Quote reported;
  reported.kind = extract::QuoteKind::kReported;
  reported.begin = 100;
  reported.end = 120;
  reported.text = "die Armee werde sich nicht beteiligen";
  reported.cue = "hieß es";
  ex.quotes = {direct, reported};
  extract::Figure figure;
  figure.begin = 130;
  figure.end = 143;
  figure.text = "11 Millionen";
  figure.value = 11e6;
  figure.counted = "Menschen ohne Papiere";
  figure.qualifier = "more than";
  extract::Figure percent;
  percent.text = "2,5 Prozent";
  percent.value = 2.5;
  percent.unit = "%";
  ex.figures = {figure, percent};
  extract::DateMention thursday;
  thursday.begin = 150;
  thursday.end = 164;
  thursday.text = "am Donnerstag";
  thursday.precision = DatePrecision::kNone;
  thursday.relative = true;
  thursday.relation = "weekday:4";
  extract::DateMention day;
  day.text = "23. Februar 2017";
  day.value = "2017-02-23";
  day.precision = DatePrecision::kDay;
  ex.dates = {thursday, day};
  return ex;
}

void ExpectSameExtraction(const extract::Extraction& got, const extract::Extraction& want) {
  ASSERT_EQ(got.mentions.size(), want.mentions.size());
  for (size_t i = 0; i < want.mentions.size(); ++i) {
    const extract::Mention &g = got.mentions[i], &w = want.mentions[i];
    EXPECT_EQ(g.begin, w.begin) << i;
    EXPECT_EQ(g.end, w.end) << i;
    EXPECT_EQ(g.type, w.type) << i;
    EXPECT_EQ(g.text, w.text) << i;
    EXPECT_EQ(g.entity, w.entity) << i;
  }
  ASSERT_EQ(got.entities.size(), want.entities.size());
  for (size_t i = 0; i < want.entities.size(); ++i) {
    const extract::Entity &g = got.entities[i], &w = want.entities[i];
    EXPECT_EQ(g.type, w.type) << i;
    EXPECT_EQ(g.name, w.name) << i;
    EXPECT_EQ(g.canonical, w.canonical) << i;
    EXPECT_EQ(g.role, w.role) << i;
    EXPECT_EQ(g.mentions, w.mentions) << i;
  }
  ASSERT_EQ(got.quotes.size(), want.quotes.size());
  for (size_t i = 0; i < want.quotes.size(); ++i) {
    const extract::Quote &g = got.quotes[i], &w = want.quotes[i];
    EXPECT_EQ(g.kind, w.kind) << i;
    EXPECT_EQ(std::tie(g.begin, g.end, g.cue_begin, g.cue_end, g.speaker_begin, g.speaker_end),
              std::tie(w.begin, w.end, w.cue_begin, w.cue_end, w.speaker_begin, w.speaker_end))
        << i;
    EXPECT_EQ(g.text, w.text) << i;
    EXPECT_EQ(g.cue, w.cue) << i;
    EXPECT_EQ(g.speaker, w.speaker) << i;
    EXPECT_EQ(g.speaker_entity, w.speaker_entity) << i;
  }
  ASSERT_EQ(got.figures.size(), want.figures.size());
  for (size_t i = 0; i < want.figures.size(); ++i) {
    const extract::Figure &g = got.figures[i], &w = want.figures[i];
    EXPECT_EQ(std::tie(g.begin, g.end, g.text, g.unit, g.counted, g.qualifier),
              std::tie(w.begin, w.end, w.text, w.unit, w.counted, w.qualifier))
        << i;
    EXPECT_DOUBLE_EQ(g.value, w.value) << i;
  }
  ASSERT_EQ(got.dates.size(), want.dates.size());
  for (size_t i = 0; i < want.dates.size(); ++i) {
    const extract::DateMention &g = got.dates[i], &w = want.dates[i];
    EXPECT_EQ(std::tie(g.begin, g.end, g.text, g.value, g.precision, g.relative, g.relation),
              std::tie(w.begin, w.end, w.text, w.value, w.precision, w.relative, w.relation))
        << i;
  }
}

TEST_P(StoreSuiteTest, ExtractionIsStoredAndReadBackExactly) {
  Article a = MakeArticle("a", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  EXPECT_EQ(store_->GetExtraction("a").status().code(), StatusCode::kNotFound);
  const extract::Extraction ex = MakeExtraction();
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, ex));
  Result<extract::Extraction> got = store_->GetExtraction("a");
  STORYLINE_ASSERT_OK(got);
  ExpectSameExtraction(*got, ex);

  // Putting again replaces it.
  extract::Extraction smaller;
  smaller.figures = {ex.figures[1]};
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, smaller));
  got = store_->GetExtraction("a");
  STORYLINE_ASSERT_OK(got);
  ExpectSameExtraction(*got, smaller);

  // An empty extraction is an extraction.
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, {}));
  got = store_->GetExtraction("a");
  STORYLINE_ASSERT_OK(got);
  EXPECT_TRUE(got->entities.empty() && got->mentions.empty() && got->quotes.empty());
}

TEST_P(StoreSuiteTest, ANewRevisionDropsTheExtractionOfTheOldOne) {
  Article a = MakeArticle("a", "Erste Fassung");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, MakeExtraction()));
  Article b = MakeArticle("a", "Zweite Fassung");
  Result<PutOutcome> put = store_->PutArticle(b);
  STORYLINE_ASSERT_OK(put);
  ASSERT_EQ(*put, PutOutcome::kRevised);
  EXPECT_EQ(store_->GetExtraction("a").status().code(), StatusCode::kNotFound);
  Result<std::vector<std::string>> unextracted = store_->ListUnextractedArticles();
  STORYLINE_ASSERT_OK(unextracted);
  EXPECT_THAT(*unextracted, ElementsAre("a"));
  // Offsets must refer to the latest text: the old revision is refused.
  Status old = store_->PutExtraction("a", 1, MakeExtraction());
  EXPECT_EQ(old.code(), StatusCode::kInvalidArgument) << old.ToString();
  EXPECT_THAT(old.message(), HasSubstr("latest"));
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 2, MakeExtraction()));
  unextracted = store_->ListUnextractedArticles();
  STORYLINE_ASSERT_OK(unextracted);
  EXPECT_TRUE(unextracted->empty());
  // An unchanged put keeps it.
  Article same = MakeArticle("a", "Zweite Fassung");
  STORYLINE_ASSERT_OK(store_->PutArticle(same));
  STORYLINE_ASSERT_OK(store_->GetExtraction("a"));
}

TEST_P(StoreSuiteTest, ExtractionErrors) {
  Status missing = store_->PutExtraction("nirgendwo", 1, MakeExtraction());
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
  EXPECT_THAT(missing.message(), HasSubstr("nirgendwo"));
  Article a = MakeArticle("a", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  EXPECT_EQ(store_->PutExtraction("a", 2, MakeExtraction()).code(), StatusCode::kNotFound);
  extract::Extraction bad = MakeExtraction();
  bad.mentions[0].entity = 5;
  EXPECT_EQ(store_->PutExtraction("a", 1, bad).code(), StatusCode::kInvalidArgument);
  bad = MakeExtraction();
  bad.quotes[0].speaker_entity = 2;
  EXPECT_EQ(store_->PutExtraction("a", 1, bad).code(), StatusCode::kInvalidArgument);
  bad = MakeExtraction();
  bad.entities[0].mentions.push_back(9);
  EXPECT_EQ(store_->PutExtraction("a", 1, bad).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->GetExtraction("a").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreSuiteTest, ExtractionsRollBackWithTheirBatch) {
  STORYLINE_ASSERT_OK(store_->BeginBatch());
  Article a = MakeArticle("a", "Text");
  STORYLINE_ASSERT_OK(store_->PutArticle(a));
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, MakeExtraction()));
  STORYLINE_ASSERT_OK(store_->GetExtraction("a"));  // visible inside the batch
  STORYLINE_ASSERT_OK(store_->RollbackBatch());
  EXPECT_EQ(store_->GetExtraction("a").status().code(), StatusCode::kNotFound);
  Result<std::vector<EntityInfo>> entities = store_->ListEntities({});
  STORYLINE_ASSERT_OK(entities);
  EXPECT_TRUE(entities->empty());
}

// One entity of `type` per article, mentioned `mentions` times.
extract::Extraction EntityExtraction(const std::string& key, const std::string& name, extract::EntityType type,
                                     int mentions) {
  extract::Extraction ex;
  extract::Entity e;
  e.type = type;
  e.name = name;
  e.canonical = key;
  for (int i = 0; i < mentions; ++i) {
    extract::Mention m;
    m.begin = static_cast<uint32_t>(10 * i);
    m.end = m.begin + 5;
    m.type = type;
    m.text = name;
    m.entity = 0;
    e.mentions.push_back(i);
    ex.mentions.push_back(m);
  }
  ex.entities.push_back(e);
  return ex;
}

TEST_P(StoreSuiteTest, EntitiesAreListedMostMentionedFirstWithTheirStories) {
  PutAndPlace(*store_, "a", "2017-02-20", 1, 1);
  PutAndPlace(*store_, "b", "2017-02-21", 2, 1);
  PutAndPlace(*store_, "c", "2017-02-22", 3, 1);
  Article unplaced = MakeArticle("d", "Text von d", "2017-02-23");
  STORYLINE_ASSERT_OK(store_->PutArticle(unplaced));
  const auto kPer = extract::EntityType::kPerson;
  const auto kOrg = extract::EntityType::kOrganization;
  // "a": Kelly ×2 and the EU; "b": Kelly ×1; "c": Kelly ×1 (tagged ORG once)
  // and the EU; "d": Kelly ×1, in no story.
  extract::Extraction a = MakeExtraction();  // john kelly ×2, mexiko ×1
  STORYLINE_ASSERT_OK(store_->PutExtraction("a", 1, a));
  STORYLINE_ASSERT_OK(store_->PutExtraction("b", 1, EntityExtraction("john kelly", "Kelly", kPer, 1)));
  STORYLINE_ASSERT_OK(store_->PutExtraction("c", 1, EntityExtraction("john kelly", "John Kelly", kOrg, 1)));
  STORYLINE_ASSERT_OK(store_->PutExtraction("d", 1, EntityExtraction("john kelly", "John Kelly", kPer, 1)));

  Result<std::vector<EntityInfo>> all = store_->ListEntities({});
  STORYLINE_ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  const EntityInfo& kelly = (*all)[0];
  EXPECT_EQ(kelly.key, "john kelly");
  EXPECT_EQ(kelly.type, kPer);         // 3 of 4 articles
  EXPECT_EQ(kelly.name, "John Kelly");  // 3 of 4 articles
  EXPECT_EQ(kelly.mentions, 5);
  EXPECT_EQ(kelly.articles, 4);
  EXPECT_THAT(kelly.stories, ElementsAre(1, 2, 3));
  EXPECT_EQ((*all)[1].key, "mexiko");
  EXPECT_EQ((*all)[1].type, extract::EntityType::kLocation);
  EXPECT_EQ((*all)[1].mentions, 1);
  EXPECT_THAT((*all)[1].stories, ElementsAre(1));

  Result<std::vector<EntityInfo>> orgs = store_->ListEntities({.type = kOrg});
  STORYLINE_ASSERT_OK(orgs);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].type, kOrg);
  EXPECT_EQ((*orgs)[0].articles, 1);
  EXPECT_THAT((*orgs)[0].stories, ElementsAre(3));

  Result<std::vector<EntityInfo>> page = store_->ListEntities({.type = std::nullopt, .limit = 1, .offset = 1});
  STORYLINE_ASSERT_OK(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].key, "mexiko");
  EXPECT_EQ(store_->ListEntities({.type = std::nullopt, .limit = -2}).status().code(), StatusCode::kInvalidArgument);

  // Stories follow merges.
  STORYLINE_ASSERT_OK(store_->MergeStories(3, 2));
  all = store_->ListEntities({.type = kPer});
  STORYLINE_ASSERT_OK(all);
  ASSERT_FALSE(all->empty());
  EXPECT_THAT((*all)[0].stories, ElementsAre(1, 2));
  EXPECT_EQ((*all)[0].articles, 3);

  // An outlet that drops the first name: "kelly" counts as the one person
  // whose key ends in it.
  Article e = MakeArticle("e", "Text von e", "2017-02-24");
  STORYLINE_ASSERT_OK(store_->PutArticle(e));
  STORYLINE_ASSERT_OK(store_->PutExtraction("e", 1, EntityExtraction("kelly", "Kelly", kPer, 2)));
  all = store_->ListEntities({.type = kPer});
  STORYLINE_ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].key, "john kelly");
  EXPECT_THAT((*all)[0].aliases, ElementsAre("kelly"));
  EXPECT_EQ((*all)[0].mentions, 6);
  EXPECT_EQ((*all)[0].articles, 4);
  // With two people of that surname it stays on its own.
  Article f = MakeArticle("f", "Text von f", "2017-02-25");
  STORYLINE_ASSERT_OK(store_->PutArticle(f));
  STORYLINE_ASSERT_OK(store_->PutExtraction("f", 1, EntityExtraction("anna kelly", "Anna Kelly", kPer, 1)));
  all = store_->ListEntities({.type = kPer});
  STORYLINE_ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].key, "john kelly");
  EXPECT_TRUE((*all)[0].aliases.empty());
  EXPECT_EQ((*all)[1].key, "kelly");
}

TEST_P(StoreSuiteTest, ReportsASchemaVersion) { EXPECT_GE(store_->SchemaVersion(), 1); }

}  // namespace
}  // namespace storyline::store
