#include "storyline/cluster.h"

#include <algorithm>
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

// Handing Add the caller's analysis of the text (shared with dedup) places
// every article as analyzing it inside does.
TEST(ClustererTest, GivenTextTermsPlaceAsTheTextDoes) {
  const std::vector<Article> articles = {
      Make("a1", "Earthquake kills 12 in Padang", kQuakeA, "2024-03-03"),
      Make("b1", "Tsunami warning after Chile earthquake", kQuakeB, "2024-03-05"),
      Make("a2", "Padang earthquake: survivors pulled from rubble", kQuakeA2, "2024-03-04"),
      Make("t1", "Oslo court upholds banker's fraud conviction", kTrial, "2024-03-05"),
      Make("x", "Title only", "", "2024-03-06"),
  };
  Clusterer inside;
  Clusterer given;
  text::Analyzers analyzers;
  for (const Article& a : articles) {
    const Assignment x = inside.Add(a);
    const Assignment y = given.Add(a, analyzers.For(a.language).Analyze(a.text));
    EXPECT_EQ(x.story, y.story) << a.id;
    EXPECT_EQ(x.storyline, y.storyline) << a.id;
    EXPECT_EQ(x.new_story, y.new_story) << a.id;
  }
}

// Two reports of one event at the start of a stream, when every word still
// looks common, stay apart; compared again once the document frequencies
// tell the words apart, the lone first report joins the other.
// `n` reports that share nothing with each other or with the quake, so that
// a recheck comes due.
void AddUnrelatedReports(int n, std::vector<Article>* articles) {
  for (int i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    articles->push_back(Make("x" + k, "Report " + k, "Item" + k + " happened in Town" + k + ".",
                             "2024-03-03"));
  }
}

TEST(ClustererTest, LoneFirstReportJoinsItsEventOnRecheck) {
  std::vector<Article> articles = {
      Make("first", "Quake in Indonesia", "An earthquake struck Padang, killing 12 people.",
           "2024-03-03"),
      Make("second", "Padang earthquake: survivors pulled from rubble", kQuakeA2, "2024-03-03"),
  };
  AddUnrelatedReports(12, &articles);
  for (const int recheck : {0, 8}) {
    Options options;
    options.recheck_after = recheck;
    Clusterer c(options);
    std::vector<StoryId> story;
    for (const Article& a : articles) story.push_back(c.Add(a).story);
    if (recheck == 0) {
      EXPECT_NE(c.ResolveStory(story[0]), c.ResolveStory(story[1]));
    } else {
      EXPECT_EQ(c.ResolveStory(story[1]), story[0]) << "the older story's id survives";
      EXPECT_NE(c.ResolveStory(story[2]), story[0]);
    }
  }
}

// The same with two reports on each side: a story still small when its
// recheck comes (at most recheck_max_size articles) is compared again too.
TEST(ClustererTest, SmallStoryJoinsItsEventOnRecheck) {
  std::vector<Article> articles = {
      Make("first", "Quake in Indonesia", "An earthquake struck Padang, killing 12 people.",
           "2024-03-03"),
      Make("first-copy", "Quake in Indonesia", "An earthquake struck Padang, killing 12 people.",
           "2024-03-03"),
      Make("second", "Padang earthquake: survivors pulled from rubble", kQuakeA2, "2024-03-03"),
      Make("second-copy", "Padang earthquake: survivors pulled from rubble", kQuakeA2,
           "2024-03-03"),
  };
  AddUnrelatedReports(40, &articles);
  for (const int max_size : {1, 2}) {
    Options options;
    options.recheck_after = 32;
    options.recheck_max_size = max_size;
    Clusterer c(options);
    std::vector<StoryId> story;
    for (const Article& a : articles) story.push_back(c.Add(a).story);
    ASSERT_EQ(story[1], story[0]);
    ASSERT_EQ(story[3], story[2]);
    if (max_size == 1) {
      EXPECT_NE(c.ResolveStory(story[0]), c.ResolveStory(story[2]));
    } else {
      EXPECT_EQ(c.ResolveStory(story[2]), story[0]) << "the older story's id survives";
      EXPECT_NE(c.ResolveStory(story[4]), story[0]);
    }
  }
}

// Early in a stream an article's most distinctive words are the ones no
// article had before; they find nothing in the index, and the words it shares
// with the report before it must stand in for them in the query.
TEST(ClustererTest, WordsNoArticleHadBeforeDoNotUseUpTheQuery) {
  auto words = [](char tag, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      out += std::string("w") + tag + static_cast<char>('a' + i / 26) + static_cast<char>('a' + i % 26) + "x ";
    }
    return out;
  };
  const std::string shared = words('s', 40);
  Clusterer c;
  const Assignment a = c.Add(Make("a", "", shared + words('a', 20)));
  // Twenty words of its own, each rarer than any shared one.
  const Assignment b = c.Add(Make("b", "", words('b', 20) + shared));
  EXPECT_FALSE(b.new_story);
  EXPECT_EQ(c.ResolveStory(a.story), c.ResolveStory(b.story));
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

// An undated headline in a dated stream is taken to appear at the latest
// date seen: three days after the Biles story it starts a story of its own,
// as it would with that date, where on its own (no dates at all) it joins.
// After a long run of undated articles (a folder after a feed) the latest
// date says nothing about it any more, and it joins again.
TEST(ClustererTest, UndatedArticleInDatedStreamIsPlacedAtTheLatestDate) {
  auto place = [](const std::string& first, const std::string& other, const std::string& late,
                  int undated_between = 0) {
    Clusterer c;
    const Assignment a = c.Add(
        Make("a", "Simone Biles withdraws from Tokyo gymnastics team final", "", first));
    c.Add(Make("x", "Japan wins gold in skateboarding street final", "", other));
    for (int i = 0; i < undated_between; ++i) c.Add(Make("e" + std::to_string(i), "", ""));
    const Assignment b =
        c.Add(Make("b", "Biles withdraws from gymnastics team final in Tokyo", "", late));
    return c.ResolveStory(a.story) == c.ResolveStory(b.story);
  };
  EXPECT_TRUE(place("", "", ""));
  EXPECT_FALSE(place("2021-07-27T12:00", "2021-07-30T12:00", "2021-07-30T12:00"));
  EXPECT_FALSE(place("2021-07-27T12:00", "2021-07-30T12:00", ""));
  EXPECT_FALSE(place("2021-07-27T12:00", "2021-07-30T12:00", "", 8));
  EXPECT_TRUE(place("2021-07-27T12:00", "2021-07-30T12:00", "", 40));
  // A story the undated headline belongs to by time as well: it joins.
  EXPECT_TRUE(place("2021-07-30T11:00", "2021-07-30T12:00", ""));
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

// A title that is a web address counts by its path, the words of the
// headline: two pages of one outlet on different events stay apart, one
// event's pages at two outlets come together.
TEST(ClustererTest, AddressTitlesCountByTheirPath) {
  Clusterer c;
  const Assignment obama = c.Add(Make(
      "a", "http://www.nydailynews.com/news/politics/obama-overturns-bush-rule-on-endangered-species",
      "", "2013-05-03T10:00"));
  const Assignment lohan = c.Add(Make(
      "b", "http://www.nydailynews.com/entertainment/gossip/lindsay-lohan-checks-into-rehab", "",
      "2013-05-03T11:00"));
  const Assignment again = c.Add(Make(
      "c", "http: / / www. latimes. com / local / lindsay - lohan - checks - into - rehab - clinic", "",
      "2013-05-03T12:00"));
  EXPECT_NE(c.ResolveStory(obama.story), c.ResolveStory(lohan.story));
  EXPECT_EQ(c.ResolveStory(lohan.story), c.ResolveStory(again.story));
}

// Splits. Two earthquakes a week apart: the first report of the second one
// also recalls the first and joins its story; the later reports of the
// second quake join through it (the closest-member link), until the story
// is tested at six articles and split in two.
struct Added {
  std::vector<Assignment> got;
  std::vector<Move> moves;
};

Added AddAll(Clusterer& c, const std::vector<Article>& articles) {
  Added out;
  for (const Article& a : articles) {
    out.got.push_back(c.Add(a));
    for (const Move& m : out.got.back().moved) {
      out.moves.push_back(m);
      out.got[static_cast<size_t>(m.sequence - 1)].story = m.to;
    }
  }
  for (Assignment& a : out.got) a.story = c.ResolveStory(a.story);
  return out;
}

std::vector<Article> TwoQuakes() {
  return {
      Make("a1", "Earthquake kills 12 in Padang", kQuakeA),
      Make("a2", "Padang earthquake: survivors pulled from rubble", kQuakeA2),
      Make("a3", "Death toll of Padang earthquake rises",
           "The death toll of Sunday's magnitude 6.1 earthquake near Padang rose to 12. Rescue "
           "workers searched collapsed buildings in the Indonesian city for survivors."),
      Make("b1", "Chile earthquake comes a week after Padang quake",
           "A magnitude 7.4 earthquake hit the Chilean coast near Valparaiso, killing 40 people, "
           "a week after the magnitude 6.1 earthquake in Padang killed 12 people in collapsed "
           "buildings. Rescue workers searched for survivors."),
      Make("b2", "Tsunami warning after Chile earthquake", kQuakeB),
      Make("b3", "Valparaiso counts its dead after Chile earthquake",
           "Chile mourned 40 people killed when the magnitude 7.4 earthquake struck Valparaiso on "
           "Tuesday; the tsunami warning for the Chilean coast was lifted."),
  };
}

// Adds a story in January and then enough unrelated March articles for the
// clusterer to compact its index once (the January story leaves the window);
// calls after(story) after each. Returns the January story.
template <typename After>
StoryId OneStoryThenAWindowLater(Clusterer& c, After after) {
  const StoryId old = c.Add(Make("old", "Earthquake in Padang", kQuakeA, "2026-01-05")).story;
  for (int i = 0; i < 5000; ++i) {
    const std::string n = std::to_string(i);
    after(c.Add(Make("n" + n, "Report " + n, "Item" + n + " happened in Town" + n + ".",
                     "2026-03-01")).story);
  }
  return old;
}

// A story that left the window keeps its article ids unless told not to.
TEST(ClustererTest, EvictedStoriesKeepTheirArticlesUnlessToldNot) {
  for (const bool keep : {true, false}) {
    Options options;
    options.keep_evicted_articles = keep;
    Clusterer c(options);
    StoryId recent = 0;
    const StoryId old = OneStoryThenAWindowLater(c, [&](StoryId story) { recent = story; });
    ASSERT_TRUE(c.Story(old).has_value());
    EXPECT_EQ(c.Story(old)->article_ids.size(), keep ? 1u : 0u) << "keep " << keep;
    EXPECT_FALSE(c.Story(recent)->article_ids.empty()) << "keep " << keep;
  }
}

// The ids of stories that left the window are handed out once, and only
// when asked for.
TEST(ClustererTest, EvictedStoriesAreReportedWhenAskedFor) {
  for (const bool report : {true, false}) {
    Options options;
    options.report_evicted_stories = report;
    Clusterer c(options);
    std::vector<StoryId> reported;
    const StoryId old = OneStoryThenAWindowLater(c, [&](StoryId story) {
      for (StoryId id : c.TakeEvictedStories()) {
        reported.push_back(id);
        EXPECT_NE(id, story) << "a story just joined is live";
      }
    });
    if (report) {
      EXPECT_EQ(reported, std::vector<StoryId>{old});
    } else {
      EXPECT_TRUE(reported.empty());
    }
    EXPECT_TRUE(c.TakeEvictedStories().empty());
  }
}

TEST(ClustererTest, StoryHoldingTwoEventsIsSplit) {
  Clusterer c;
  const Added r = AddAll(c, TwoQuakes());
  // The first three are one event, the last two another; b1, which reports
  // both, may go either way.
  EXPECT_EQ(r.got[1].story, r.got[0].story);
  EXPECT_EQ(r.got[2].story, r.got[0].story);
  EXPECT_EQ(r.got[5].story, r.got[4].story);
  EXPECT_NE(r.got[4].story, r.got[0].story);
  // The part holding the first article keeps its id; the other is new, in the
  // same storyline, and its articles added before the split were reported as
  // moved.
  EXPECT_EQ(r.got[0].story, 1);
  EXPECT_EQ(c.StorylineOf(r.got[4].story), c.StorylineOf(r.got[0].story));
  ASSERT_FALSE(r.moves.empty());
  for (const Move& m : r.moves) {
    EXPECT_EQ(m.from, 1);
    EXPECT_EQ(m.to, r.got[4].story);
    EXPECT_EQ(m.article_id[0], 'b');
  }
  std::vector<std::string> first = c.Story(1)->article_ids;
  std::vector<std::string> second = c.Story(r.got[4].story)->article_ids;
  std::vector<std::string>& with_b1 = r.got[3].story == 1 ? first : second;
  with_b1.erase(std::find(with_b1.begin(), with_b1.end(), "b1"));
  EXPECT_EQ(first, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(second, (std::vector<std::string>{"b2", "b3"}));
  EXPECT_EQ(c.story_count(), 2);
}

TEST(ClustererTest, WithoutSplitsTheTwoEventsStayTogether) {
  Options o;
  o.split_limit = 0;
  Clusterer c(o);
  const Added r = AddAll(c, TwoQuakes());
  for (const Assignment& a : r.got) EXPECT_EQ(a.story, r.got[0].story);
  EXPECT_TRUE(r.moves.empty());
}

TEST(ClustererTest, CoherentStoryIsNeverSplit) {
  Clusterer c;
  std::vector<Article> reports;
  const char* const texts[] = {
      kQuakeA,
      kQuakeA2,
      "The death toll of the Padang earthquake rose to 12 on Monday as rescue workers searched "
      "collapsed buildings.",
      "Indonesia sent soldiers to Padang after Sunday's magnitude 6.1 earthquake, which killed "
      "12 people and destroyed hundreds of homes.",
      "Survivors of the Padang earthquake spent a second night outdoors; aftershocks shook the "
      "Indonesian city, where 12 people died.",
      "Schools in Padang stay closed after the earthquake; engineers inspect buildings damaged "
      "by the magnitude 6.1 quake that killed 12.",
      "Aid arrived in Padang, where the earthquake on Sunday killed 12 people; the Indonesian "
      "Red Cross set up tents for survivors.",
      "Padang begins to rebuild: the Indonesian government promised money for homes destroyed "
      "by Sunday's magnitude 6.1 earthquake.",
  };
  int i = 0;
  for (const char* t : texts) reports.push_back(Make("p" + std::to_string(++i), "Padang earthquake", t));
  const Added r = AddAll(c, reports);
  for (const Assignment& a : r.got) EXPECT_EQ(a.story, r.got[0].story);
  EXPECT_TRUE(r.moves.empty());
  EXPECT_EQ(c.story_count(), 1);
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
    for (const Move& m : got[i].moved) got[static_cast<size_t>(m.sequence - 1)].story = m.to;
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
