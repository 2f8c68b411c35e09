#include "extract/spkatt.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

SpkAttAnnotation Ann(std::vector<int> message, std::vector<int> speaker, bool nested = false) {
  SpkAttAnnotation a;
  a.message = std::move(message);
  a.speaker = std::move(speaker);
  a.nested = nested;
  return a;
}

TEST(SpkAttScorerTest, PerfectPrediction) {
  SpkAttScorer s;
  s.Add({Ann({5, 6, 7}, {1, 2})}, {Ann({5, 6, 7}, {1, 2})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.matched, 1);
  EXPECT_DOUBLE_EQ(r.message_f1, 1);
  EXPECT_DOUBLE_EQ(r.speaker_f1, 1);
  EXPECT_DOUBLE_EQ(r.joint_f1, 1);
}

TEST(SpkAttScorerTest, PartialOverlapAndMisses) {
  SpkAttScorer s;
  // Gold: two top-level quotations and one nested (ignored).
  // Predicted: one overlapping the first (2 of 4 message tokens, wrong
  // speaker), one spurious.
  s.Add({Ann({1, 2, 3, 4}, {0}), Ann({10, 11}, {9}), Ann({2, 3}, {0}, /*nested=*/true)},
        {Ann({3, 4, 5, 6}, {7}), Ann({20, 21}, {})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.gold, 2);
  EXPECT_EQ(r.predicted, 2);
  EXPECT_EQ(r.matched, 1);
  EXPECT_DOUBLE_EQ(r.message_p, 2.0 / 6);
  EXPECT_DOUBLE_EQ(r.message_r, 2.0 / 6);
  EXPECT_DOUBLE_EQ(r.speaker_p, 0);
  EXPECT_DOUBLE_EQ(r.speaker_r, 0);
  EXPECT_DOUBLE_EQ(r.joint_p, 2.0 / 7);
  EXPECT_DOUBLE_EQ(r.joint_r, 2.0 / 8);
  EXPECT_DOUBLE_EQ(r.mean_f1, 0);
}

TEST(SpkAttScorerTest, MatchingIsOneToOneByLargestOverlap) {
  SpkAttScorer s;
  // Both predictions overlap gold A; the larger overlap wins, the other
  // prediction stays unmatched even though it also touches gold B.
  s.Add({Ann({1, 2, 3, 4}, {0}), Ann({5, 6}, {8})},
        {Ann({1, 2, 3}, {0}), Ann({4, 5}, {8})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.matched, 2);
  EXPECT_DOUBLE_EQ(r.message_p, 4.0 / 5);  // {1,2,3} with A, {5} with B
  EXPECT_DOUBLE_EQ(r.speaker_p, 1);
}

TEST(SpkAttTest, ReadMapAndWrite) {
  // "Er sagte, „Ja“." with tokens: Er sagte , „ Ja “ .
  const std::string path = ::testing::TempDir() + "/spkatt_test.jsonl";
  {
    std::ofstream out(path);
    out << R"({"documentName": "d1", "text": "Er sagte: \u201eJa, gern\u201c.", )"
        << R"("tokens": [{"id":0,"charBegin":0,"charEnd":2},{"id":1,"charBegin":3,"charEnd":8},)"
        << R"({"id":2,"charBegin":8,"charEnd":9},{"id":3,"charBegin":10,"charEnd":11},)"
        << R"({"id":4,"charBegin":11,"charEnd":13},{"id":5,"charBegin":13,"charEnd":14},)"
        << R"({"id":6,"charBegin":15,"charEnd":19},{"id":7,"charBegin":19,"charEnd":20},)"
        << R"({"id":8,"charBegin":20,"charEnd":21}],)"
        << R"("annotations": [{"message": {"tokenIds": [3,4,5,6,7]}, "source": {"tokenIds": [0]},)"
        << R"("cue": {"tokenIds": [1]}, "type": "Direct", "isNested": false}]})" << "\n";
  }
  auto docs = ReadSpkAtt(path);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  const SpkAttDocument& d = (*docs)[0];
  ASSERT_EQ(d.tokens.size(), 9u);
  ASSERT_EQ(d.gold.size(), 1u);
  EXPECT_EQ(d.gold[0].message, (std::vector<int>{3, 4, 5, 6, 7}));

  // The quotation as the finder reports it: byte offsets, inside the marks.
  Quote q;
  const size_t open = d.text.find("Ja");
  q.begin = static_cast<uint32_t>(open);
  q.end = static_cast<uint32_t>(d.text.find("\xE2\x80\x9C"));
  q.speaker_begin = 0;
  q.speaker_end = 2;
  q.cue_begin = 3;
  q.cue_end = 8;
  q.cue = "sagte";
  const std::vector<SpkAttAnnotation> pred = ToSpkAtt(d, {q});
  ASSERT_EQ(pred.size(), 1u);
  EXPECT_EQ(pred[0].message, (std::vector<int>{3, 4, 5, 6, 7}));
  EXPECT_EQ(pred[0].speaker, (std::vector<int>{0}));
  EXPECT_EQ(pred[0].cue, (std::vector<int>{1}));
  EXPECT_EQ(SpkAttPredictionLine(d, pred),
            R"({"documentName":"d1","annotations":[{"quote":{"tokenIds":[3,4,5,6,7]},)"
            R"("speaker":{"tokenIds":[0]},"cue":{"tokenIds":[1]},"type":"Direct","isNested":false}]})");
  std::remove(path.c_str());
}

TEST(SpkAttTest, BadLineNamesFileAndLine) {
  const std::string path = ::testing::TempDir() + "/spkatt_bad.jsonl";
  {
    std::ofstream out(path);
    out << R"({"documentName": "d1", "text": "x", "tokens": [], "annotations": []})" << "\n"
        << "{not json\n";
  }
  auto docs = ReadSpkAtt(path);
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("spkatt_bad.jsonl:2"), std::string::npos)
      << docs.status().message();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace storyline::extract
