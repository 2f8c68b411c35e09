#include "germeval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer.h"

namespace storyline::extract {
namespace {

std::vector<uint8_t> Tags(std::initializer_list<std::string_view> names) {
  std::vector<uint8_t> tags;
  for (std::string_view n : names) {
    const int t = TagFromName(n);
    EXPECT_GE(t, 0) << n;
    tags.push_back(static_cast<uint8_t>(t));
  }
  return tags;
}

TEST(GermEvalTest, ParsesSentencesCommentsAndRepairsDanglingInside) {
  const std::string tsv =
      "#\thttp://example.org\t[2010-01-01]\n"
      "1\tAngela\tB-PER\tO\n"
      "2\tMerkel\tI-PER\tO\n"
      "3\tin\tO\tO\n"
      "4\tBerlin\tI-LOC\tO\n"
      "\n"
      "#\tsecond\n"
      "1\tdeutschen\tB-LOCderiv\tO\n";
  auto s = ParseGermEval(tsv, "t.tsv");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].comment, "#\thttp://example.org\t[2010-01-01]");
  EXPECT_EQ((*s)[0].tagged.tokens, (std::vector<std::string>{"Angela", "Merkel", "in", "Berlin"}));
  EXPECT_EQ((*s)[0].tagged.tags, Tags({"B-PER", "I-PER", "O", "B-LOC"}));  // I-LOC after O opens
  EXPECT_EQ((*s)[1].tagged.tags, Tags({"B-LOCderiv"}));
}

TEST(GermEvalTest, ErrorsNameTheLine) {
  auto bad_tag = ParseGermEval("1\tA\tO\tO\n2\tB\tB-XYZ\tO\n", "f.tsv");
  ASSERT_FALSE(bad_tag.ok());
  EXPECT_NE(bad_tag.status().message().find("f.tsv:2"), std::string::npos);
  EXPECT_NE(bad_tag.status().message().find("B-XYZ"), std::string::npos);
  auto short_line = ParseGermEval("1\tA\n", "g.tsv");
  ASSERT_FALSE(short_line.ok());
  EXPECT_NE(short_line.status().message().find("g.tsv:1"), std::string::npos);
}

TEST(GermEvalTest, Chunks) {
  const std::vector<Chunk> chunks = ChunksOf(Tags({"B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "B-OTHpart"}));
  const std::vector<Chunk> expected = {{0, 2, 0}, {3, 4, 1}, {4, 5, 1}, {5, 6, 2}, {6, 7, TypeFromName("OTHpart")}};
  EXPECT_EQ(chunks, expected);
}

// gold:      [Angela Merkel]PER besucht [Paris]LOC und [UN]ORG [deutsche]LOCderiv
// predicted: [Angela]PER Merkel besucht [Paris]LOC und [UN]LOC [deutsche]LOCderiv
// PER: gold 1, pred 1, correct 0; LOC: gold 1, pred 2, correct 1; ORG: 1, 0, 0;
// LOCderiv: 1, 1, 1. core (PER+LOC+ORG): gold 3, pred 3, correct 1.
TEST(GermEvalTest, StrictScoresByHand) {
  NerScores s;
  s.Add(Tags({"B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "B-LOCderiv"}),
        Tags({"B-PER", "O", "O", "B-LOC", "O", "B-LOC", "B-LOCderiv"}));
  EXPECT_EQ(s.by_type[0].gold, 1);
  EXPECT_EQ(s.by_type[0].correct, 0);
  EXPECT_EQ(s.by_type[1].predicted, 2);
  EXPECT_EQ(s.by_type[1].correct, 1);
  EXPECT_DOUBLE_EQ(s.by_type[1].Precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.by_type[1].F1(), 2 * 0.5 * 1.0 / 1.5);
  EXPECT_EQ(s.by_type[2].predicted, 0);
  EXPECT_DOUBLE_EQ(s.by_type[2].F1(), 0.0);
  EXPECT_EQ(s.by_type[TypeFromName("LOCderiv")].correct, 1);
  EXPECT_EQ(s.core.gold, 3);
  EXPECT_EQ(s.core.predicted, 3);
  EXPECT_EQ(s.core.correct, 1);
  EXPECT_NEAR(s.core.F1(), 1.0 / 3.0, 1e-12);
  EXPECT_EQ(s.all.gold, 4);
  EXPECT_EQ(s.all.correct, 2);
  EXPECT_DOUBLE_EQ(s.all.F1(), 0.5);
}

TEST(GermEvalTest, PredictionsKeepTheInputFormat) {
  auto s = ParseGermEval("#\tdoc\n1\tAngela\tB-PER\tO\n2\tlacht\tO\tO\n", "t.tsv");
  ASSERT_TRUE(s.ok());
  const std::vector<std::vector<uint8_t>> pred = {Tags({"B-LOC", "O"})};
  EXPECT_EQ(FormatPredictions(*s, pred), "#\tdoc\n1\tAngela\tB-LOC\tO\n2\tlacht\tO\tO\n\n");
}

// The scores are of what the recognizer keeps: the predicted tags get its
// repairs (here a role out of a name and a place's genitive as the place).
TEST(GermEvalTest, RepairTagsAppliesTheRecognizersRepairs) {
  auto s = ParseGermEval(
      "1\tAußenminister\tO\tO\n2\tRex\tB-PER\tO\n3\tTillerson\tI-PER\tO\n4\tlobte\tO\tO\n"
      "5\tPortugals\tB-LOC\tO\n6\tRegierung\tO\tO\n",
      "t.tsv");
  ASSERT_TRUE(s.ok());
  std::vector<std::vector<uint8_t>> pred = {Tags({"B-PER", "I-PER", "I-PER", "O", "B-PER", "O"})};
  const auto gazetteer = Gazetteer::Create();
  RepairTags(*s, *gazetteer, &pred);
  EXPECT_EQ(pred[0], Tags({"O", "B-PER", "I-PER", "O", "B-LOC", "O"}));
}

}  // namespace
}  // namespace storyline::extract
