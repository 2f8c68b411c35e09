#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/test_texts.h"
#include "storyline/dedup.h"

namespace storyline::dedup {
namespace {

namespace tt = ::storyline::dedup::testing;

Fingerprint Print(std::string_view text) { return ComputeFingerprint(text, "de"); }

std::string Paragraph(std::string_view text, int index) {
  size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = text.find('\n', begin) + 1;
  return std::string(text.substr(begin, text.find('\n', begin) - begin));
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
  return s;
}

TEST(DuplicateIndexTest, ExactCopyUnderAnotherIdPointsToTheFirst) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Print(tt::kBridge)).has_value());
  // Another outlet's copy: other quotes, case and line breaks, same words.
  std::string copy =
      Replace(tt::kBridge, "Bürgermeisterin Petra Lindner", "BÜRGERMEISTERIN „Petra“ Lindner");
  copy = Replace(copy, "\n", "\n\n");
  const std::optional<Match> m = index.Add("b", Print(copy));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "a");
  EXPECT_EQ(m->matched_id, "a");
  EXPECT_TRUE(m->exact);
  EXPECT_EQ(m->overlap, 1.0);
  // An exact copy is not indexed again.
  EXPECT_EQ(index.size(), 1u);
  EXPECT_FALSE(index.Contains("b"));
}

TEST(DuplicateIndexTest, SameContentHashIsExactEvenWithoutText) {
  Article a;
  a.title = "Nur für Abonnenten";
  a.content_hash = "00112233445566778899aabbccddeeff";
  Article b = a;
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", ComputeFingerprint(a)).has_value());
  const std::optional<Match> m = index.Add("b", ComputeFingerprint(b));
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->exact);
  EXPECT_EQ(m->original_id, "a");
  // Without text and without content hash nothing identifies a copy.
  EXPECT_FALSE(index.Add("c", Print("")).has_value());
  EXPECT_FALSE(index.Add("d", Print("")).has_value());
}

TEST(DuplicateIndexTest, NearCopyMatchesWithItsOverlap) {
  DuplicateIndex index;
  const Fingerprint original = Print(tt::kBridge);
  const Fingerprint edited = Print(tt::kBridgeEdited);
  EXPECT_FALSE(index.Add("a", original).has_value());
  const std::optional<Match> m = index.Add("b", edited);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "a");
  EXPECT_FALSE(m->exact);
  EXPECT_EQ(m->overlap, EstimateOverlap(original, edited));
  EXPECT_GT(m->overlap, 0.7);
  EXPECT_LT(m->overlap, 1.0);
  EXPECT_EQ(index.size(), 2u);  // a near copy is indexed: later copies may match it
}

TEST(DuplicateIndexTest, UnrelatedTextsAreNotDuplicates) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("bridge", Print(tt::kBridge)).has_value());
  EXPECT_FALSE(index.Add("football", Print(tt::kFootball)).has_value());
  EXPECT_FALSE(index.Add("weather", Print(tt::kWeather)).has_value());
  // One paragraph of three in common is below the threshold of a copy.
  EXPECT_FALSE(index.Add("first", Print(Paragraph(tt::kBridge, 0))).has_value());
  EXPECT_EQ(index.size(), 4u);
}

TEST(DuplicateIndexTest, ShortTextsMatchOnlyExactly) {
  // Two stubs that share only a notice: half of their shingles are common,
  // yet they report different events.
  const std::string notice =
      " Der vollständige Text dieser Agenturmeldung ist aus lizenzrechtlichen Gründen nicht mehr "
      "abrufbar.";
  const Fingerprint weather = Print("Kurze Meldung zum Wetter." + notice);
  const Fingerprint traffic = Print("Kurze Meldung zum Verkehr." + notice);
  ASSERT_GE(EstimateOverlap(weather, traffic), 0.5);
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", weather).has_value());
  EXPECT_FALSE(index.Add("b", traffic).has_value());
  const std::optional<Match> m = index.Add("c", Print("Kurze Meldung zum Verkehr!" + notice));
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->exact);
  EXPECT_EQ(m->original_id, "b");

  // Lowering the bound makes them near copies: the bound is what keeps them apart.
  DuplicateIndex::Options options;
  options.min_near_words = 10;
  DuplicateIndex permissive(options);
  EXPECT_FALSE(permissive.Add("a", weather).has_value());
  EXPECT_TRUE(permissive.Add("b", traffic).has_value());
}

TEST(DuplicateIndexTest, EarliestIsTheOriginalNotAChain) {
  // B edits a sentence of A; C edits another sentence of B, so C is closer to
  // B than to A.
  const std::string a(tt::kBridge);
  const std::string b(tt::kBridgeEdited);
  const std::string c =
      Replace(b, "Die Opposition im Stadtrat kritisierte die Mehrkosten",
              "Mehrere Fraktionen im Stadtrat bemängelten dagegen die gestiegenen Kosten");
  ASSERT_GT(EstimateOverlap(Print(c), Print(b)), EstimateOverlap(Print(c), Print(a)));

  DuplicateIndex index;
  EXPECT_FALSE(index.Add("A", Print(a)).has_value());
  std::optional<Match> m = index.Add("B", Print(b));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "A");
  m = index.Add("C", Print(c));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->matched_id, "B");
  EXPECT_EQ(m->original_id, "A");
  // An exact copy of a copy points to the original too.
  m = index.Add("D", Print(c));
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->exact);
  EXPECT_EQ(m->matched_id, "C");
  EXPECT_EQ(m->original_id, "A");
}

TEST(DuplicateIndexTest, RevisionIsNotACopyOfItself) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Print(tt::kBridge)).has_value());
  EXPECT_FALSE(index.Add("a", Print(tt::kBridgeEdited)).has_value());
  EXPECT_FALSE(index.Add("a", Print(tt::kBridgeEdited)).has_value());
  EXPECT_EQ(index.size(), 1u);
  // The revised text is what is indexed now.
  const std::optional<Match> m = index.Add("b", Print(tt::kBridgeEdited));
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->exact);
}

TEST(DuplicateIndexTest, FindDoesNotIndex) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Print(tt::kBridge)).has_value());
  EXPECT_TRUE(index.Find(Print(tt::kBridgeEdited)).has_value());
  EXPECT_FALSE(index.Find(Print(tt::kWeather)).has_value());
  EXPECT_EQ(index.size(), 1u);
}

TEST(DuplicateIndexTest, FindReuseCountsSharedParagraphs) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("bridge", Print(tt::kBridge)).has_value());
  EXPECT_FALSE(index.Add("football", Print(tt::kFootball)).has_value());
  EXPECT_FALSE(index.Add("weather", Print(tt::kWeather)).has_value());
  // Two paragraphs of the bridge story and one of the match report, plus a
  // paragraph of its own and the short line that must not count.
  const std::string text =
      Paragraph(tt::kFootball, 2) + "\n" + Paragraph(tt::kBridge, 1) + "\n" +
      "Ein eigener Absatz der Lokalredaktion mit einem Kommentar zu den Plänen.\n" +
      Paragraph(tt::kBridge, 2) + "\nWeitere Videos";
  const std::vector<Reuse> reuse = index.FindReuse(Print(text));
  ASSERT_EQ(reuse.size(), 2u);
  EXPECT_EQ(reuse[0].other_id, "bridge");
  EXPECT_EQ(reuse[0].shared_paragraphs, 2);
  EXPECT_EQ(reuse[0].total_paragraphs, 4);
  EXPECT_EQ(reuse[0].other_paragraphs, 3);
  EXPECT_EQ(reuse[1].other_id, "football");
  EXPECT_EQ(reuse[1].shared_paragraphs, 1);
  EXPECT_EQ(reuse[1].other_paragraphs, 3);
}

TEST(DuplicateIndexTest, ShortParagraphsAreNotReuse) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Print(std::string(tt::kFootball) + "\nWeitere Videos")).has_value());
  EXPECT_TRUE(index.FindReuse(Print(std::string(tt::kWeather) + "\nWeitere Videos")).empty());
  EXPECT_TRUE(index.FindReuse(Print(tt::kBridge)).empty());  // ends in "Weitere Videos" too
}

TEST(DuplicateIndexTest, BoilerplateParagraphsAreNotReuse) {
  DuplicateIndex::Options options;
  options.boilerplate_paragraph_limit = 2;
  DuplicateIndex index(options);
  const std::string footer =
      "\nAlle Rechte vorbehalten, Vervielfältigung nur mit Genehmigung der Redaktion gestattet.";
  EXPECT_FALSE(index.Add("a", Print(std::string(tt::kBridge) + footer)).has_value());
  EXPECT_FALSE(index.Add("b", Print(std::string(tt::kFootball) + footer)).has_value());
  EXPECT_EQ(index.FindReuse(Print(std::string(tt::kWeather) + footer)).size(), 2u);
  EXPECT_FALSE(index.Add("c", Print(std::string(tt::kWeather) + footer)).has_value());
  // Now in three articles, more than the limit: boilerplate.
  EXPECT_TRUE(
      index.FindReuse(Print("Ein ganz anderer Text mit eigenen Worten über andere Dinge." + footer))
          .empty());
}

TEST(DuplicateIndexTest, WindowEvictsOldArticles) {
  DuplicateIndex::Options options;
  options.window_days = 7;
  DuplicateIndex index(options);
  EXPECT_FALSE(index.Add("a", Print(tt::kBridge), 100).has_value());
  EXPECT_FALSE(index.Add("f", Print(tt::kFootball), 105).has_value());
  // Day 107: "a" (day 100) is still within seven days.
  std::optional<Match> m = index.Add("copy1", Print(tt::kBridge), 107);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "a");
  // Day 108: "a" is forgotten, with its signature and paragraphs.
  EXPECT_TRUE(index.Contains("a"));
  EXPECT_FALSE(index.Add("w", Print(tt::kWeather), 108).has_value());
  EXPECT_FALSE(index.Contains("a"));
  EXPECT_FALSE(index.Find(Print(tt::kBridge)).has_value());
  EXPECT_FALSE(index.Find(Print(tt::kBridgeEdited)).has_value());
  EXPECT_TRUE(index.FindReuse(Print(tt::kBridge)).empty());
  EXPECT_EQ(index.size(), 2u);
  // A late arrival from before the window is indexed, then evicted by the
  // next Add.
  EXPECT_FALSE(index.Add("old", Print(tt::kBridge), 90).has_value());
  EXPECT_TRUE(index.Contains("old"));
  EXPECT_FALSE(index.Add("new", Print(tt::kBridgeEdited), 109).has_value());
  EXPECT_FALSE(index.Contains("old"));

  index.EvictBefore(1000);
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.FindReuse(Print(tt::kWeather)).empty());
  EXPECT_FALSE(index.Add("again", Print(tt::kWeather), 1000).has_value());
}

TEST(DuplicateIndexTest, EvictionSurvivesSlotReuseAndRevisions) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Print(tt::kBridge), 1).has_value());
  EXPECT_FALSE(index.Add("a", Print(tt::kFootball), 5).has_value());  // revision, day 5
  index.EvictBefore(3);  // the day-1 record is stale: the revision stays
  EXPECT_TRUE(index.Contains("a"));
  EXPECT_TRUE(index.Find(Print(tt::kFootball)).has_value());
  EXPECT_FALSE(index.Find(Print(tt::kBridge)).has_value());
  index.EvictBefore(6);
  EXPECT_FALSE(index.Contains("a"));
  EXPECT_EQ(index.size(), 0u);
}

}  // namespace
}  // namespace storyline::dedup
