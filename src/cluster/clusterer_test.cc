#include "storyline/cluster.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storyline/article.h"
#include "storyline/ingest.h"
#include "storyline/text.h"

namespace storyline::cluster {
namespace {

Article Make(std::string id, std::string title, std::string text, std::string published = "",
             std::string lang = "en") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  a.language = std::move(lang);
  if (!published.empty()) {
    auto date = ParsePublishedDate(published);
    EXPECT_TRUE(date.ok()) << published;
    if (date.ok()) a.published = *date;
  }
  return a;
}

const char* const kQuakeA =
    "A magnitude 6.1 earthquake struck near the Indonesian city of Padang on Sunday, "
    "killing at least 12 people. Rescue workers in Padang searched collapsed buildings.";
const char* const kQuakeA2 =
    "Rescuers in Padang pulled survivors from collapsed buildings after the magnitude 6.1 "
    "earthquake on Sunday; the Indonesian government said 12 people died.";
const char* const kQuakeB =
    "A magnitude 7.4 earthquake hit the Chilean coast near Valparaiso on Tuesday, killing "
    "at least 40 people and triggering a tsunami warning for Chile.";
const char* const kTrial =
    "The Supreme Court in Oslo upheld the conviction of a former banker for fraud, "
    "ordering Nordbank to pay damages to its customers.";

TEST(ClustererTest, SameEventJoinsDifferentEventsDoNot) {
  Clusterer c;
  const Assignment a1 = c.Add(Make("a1", "Earthquake kills 12 in Padang", kQuakeA));
  const Assignment a2 = c.Add(Make("a2", "Padang earthquake: survivors pulled from rubble", kQuakeA2));
  const Assignment b1 = c.Add(Make("b1", "Tsunami warning after Chile earthquake", kQuakeB));
  const Assignment t1 = c.Add(Make("t1", "Oslo court upholds banker's fraud conviction", kTrial));
  EXPECT_TRUE(a1.new_story);
  EXPECT_FALSE(a2.new_story);
  EXPECT_EQ(c.ResolveStory(a1.story), c.ResolveStory(a2.story));
  EXPECT_NE(c.ResolveStory(a1.story), c.ResolveStory(b1.story));
  EXPECT_NE(c.ResolveStory(a1.story), c.ResolveStory(t1.story));
  EXPECT_EQ(c.article_count(), 4);
  EXPECT_EQ(c.story_count(), 3);
  auto story = c.Story(a2.story);
  ASSERT_TRUE(story.has_value());
  EXPECT_EQ(story->article_ids, (std::vector<std::string>{"a1", "a2"}));
}

TEST(ClustererTest, TimeSeparatesOtherwiseSimilarReports) {
  Clusterer c;
  const Assignment first = c.Add(Make("a1", "Earthquake kills 12 in Padang", kQuakeA, "2020-03-01"));
  const Assignment near = c.Add(Make("a2", "Padang earthquake", kQuakeA2, "2020-03-02"));
  // The same words a year later are another event: the story left the window.
  const Assignment later = c.Add(Make("a3", "Padang earthquake", kQuakeA2, "2021-03-02"));
  EXPECT_EQ(first.story, near.story);
  EXPECT_NE(c.ResolveStory(first.story), c.ResolveStory(later.story));
  auto story = c.Story(first.story);
  ASSERT_TRUE(story.has_value());
  EXPECT_EQ(story->first.ToIso(), "2020-03-01");
  EXPECT_EQ(story->last.ToIso(), "2020-03-02");
}

TEST(ClustererTest, EmptyArticleStartsItsOwnStory) {
  Clusterer c;
  const Assignment a = c.Add(Make("e1", "", ""));
  const Assignment b = c.Add(Make("e2", "", ""));
  EXPECT_TRUE(a.new_story);
  EXPECT_TRUE(b.new_story);
  EXPECT_NE(a.story, b.story);
  EXPECT_NE(a.storyline, b.storyline);
}

TEST(ClustererTest, IdsAreStableAndUnknownIdsResolveToThemselves) {
  Clusterer c;
  const Assignment a = c.Add(Make("a1", "Earthquake kills 12 in Padang", kQuakeA));
  EXPECT_EQ(a.story, 1);
  EXPECT_EQ(c.ResolveStory(a.story), 1);
  EXPECT_EQ(c.ResolveStory(99), 99);
  EXPECT_FALSE(c.Story(99).has_value());
  EXPECT_EQ(c.StorylineOf(a.story), a.storyline);
}

TEST(ClustererTest, TitleOnlyArticles) {
  Clusterer c;
  const Assignment a = c.Add(Make("a", "Simone Biles withdraws from Tokyo gymnastics team final", "",
                                  "2021-07-27T12:00", "en"));
  const Assignment b = c.Add(Make("b", "Biles withdraws from gymnastics team final in Tokyo", "",
                                  "2021-07-27T13:00", "en"));
  const Assignment other = c.Add(Make("x", "Japan wins gold in skateboarding street final", "",
                                      "2021-07-27T14:00", "en"));
  EXPECT_EQ(c.ResolveStory(a.story), c.ResolveStory(b.story));
  EXPECT_NE(c.ResolveStory(a.story), c.ResolveStory(other.story));
}

// A later event of one storyline, a year and a half on (the examples'
// night-train referendum and first run): a story of its own, the same storyline.
TEST(ClustererTest, StorylineLinksEventsYearsApart) {
  Clusterer c;
  const char* const vote =
      "Voters in Switzerland approved funding for new night trains from Zurich to Barcelona and "
      "Copenhagen on Sunday. The Swiss Federal Railways said the Zurich night trains would start "
      "within two years.";
  const Assignment a = c.Add(Make("a", "Swiss voters back night trains to Barcelona", vote, "2026-06-14"));
  const Assignment b = c.Add(Make("b", "Switzerland funds night trains", vote, "2026-06-15"));
  const Assignment later = c.Add(Make(
      "c", "First night train from Zurich to Barcelona departs",
      "The first of the new Swiss night trains left Zurich for Barcelona on Sunday evening, "
      "eighteen months after voters in Switzerland approved the funding. The Swiss Federal "
      "Railways plan a Copenhagen night train next year.",
      "2027-12-13"));
  EXPECT_EQ(c.ResolveStory(a.story), c.ResolveStory(b.story));
  EXPECT_NE(c.ResolveStory(a.story), c.ResolveStory(later.story));
  EXPECT_EQ(c.StorylineOf(a.story), c.StorylineOf(later.story));
}

// The seeds: 000–003 report Tillerson's and Kelly's visit to Mexico City in
// February 2017 (one story); 004 reports Rubio's visit in 2025 (another story
// of the same storyline).
TEST(ClustererTest, Seeds) {
  const std::filesystem::path dir = std::filesystem::path(STORYLINE_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  std::vector<Article> articles;
  ingest::Sink sink;
  sink.article = [&](Article&& a) { articles.push_back(std::move(a)); };
  sink.diagnostic = [](ingest::Diagnostic&& d) { ADD_FAILURE() << d.ToString(); };
  ingest::ReadPath(dir.string(), {}, sink);
  ASSERT_EQ(articles.size(), 5u);
  Clusterer c;
  std::vector<Assignment> got;
  for (Article& a : articles) {
    a.title = text::CleanText(a.title);
    a.text = text::CleanText(a.text);
    if (a.language.empty()) a.language = text::IdentifyLanguage(a.title + "\n" + a.text).code;
    got.push_back(c.Add(a));
  }
  for (size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(articles[i].id);
    got[i].story = c.ResolveStory(got[i].story);
    got[i].storyline = c.StorylineOf(got[i].story);
  }
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(got[i].story, got[0].story) << articles[i].id;
  EXPECT_NE(got[4].story, got[0].story);
  EXPECT_EQ(got[4].storyline, got[0].storyline);
}

}  // namespace
}  // namespace storyline::cluster
