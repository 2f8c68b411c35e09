#include "extract/spkatt.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
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
  // Gold: two top-level quotations and one nested (ignored). Predicted: one
  // overlapping the first (2 of 4 message tokens, wrong speaker), one
  // spurious without a speaker. As in the shared task's scorer the
  // assignment pairs both, the second pair without any overlap.
  s.Add({Ann({1, 2, 3, 4}, {0}), Ann({10, 11}, {9}), Ann({2, 3}, {0}, /*nested=*/true)},
        {Ann({3, 4, 5, 6}, {7}), Ann({20, 21}, {})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.gold, 2);
  EXPECT_EQ(r.predicted, 2);
  EXPECT_EQ(r.matched, 1);
  // Pair 1: message P 2/4, R 2/4; speaker P 0/1, R 0/1.
  // Pair 2: message P 0/2, R 0/2; speaker P undefined (none predicted), R 0/1.
  EXPECT_DOUBLE_EQ(r.message_p, 0.25);
  EXPECT_DOUBLE_EQ(r.message_r, 0.25);
  EXPECT_DOUBLE_EQ(r.message_f1, 0.25);
  EXPECT_DOUBLE_EQ(r.speaker_p, 0);
  EXPECT_DOUBLE_EQ(r.speaker_r, 0);
  EXPECT_DOUBLE_EQ(r.joint_p, 0.5 / 3);   // (0.5 + 0 + 0) / 3 values
  EXPECT_DOUBLE_EQ(r.joint_r, 0.5 / 4);   // (0.5 + 0 + 0 + 0) / 4 values
  EXPECT_DOUBLE_EQ(r.joint_f1, 1.0 / 7);  // 2 PR / (P + R) with P = 1/6, R = 1/8
  EXPECT_DOUBLE_EQ(r.mean_f1, 0);
  // Pooled tokens: message 2 of 6 predicted and 2 of 6 gold; speaker 0 of 1, 0 of 2.
  EXPECT_DOUBLE_EQ(r.pooled_message_p, 2.0 / 6);
  EXPECT_DOUBLE_EQ(r.pooled_message_r, 2.0 / 6);
  EXPECT_DOUBLE_EQ(r.pooled_speaker_f1, 0);
  EXPECT_DOUBLE_EQ(r.pooled_joint_p, 2.0 / 7);
  EXPECT_DOUBLE_EQ(r.pooled_joint_r, 2.0 / 8);
}

TEST(SpkAttScorerTest, MeansOverPairsNotTokens) {
  SpkAttScorer s;
  // A long quotation found whole, a short one missed by one token of three;
  // the first gold quotation has no speaker and none is predicted: no
  // speaker value for that pair.
  s.Add({Ann({1, 2, 3, 4, 5, 6, 7, 8}, {}), Ann({20, 21, 22}, {18, 19})},
        {Ann({1, 2, 3, 4, 5, 6, 7, 8}, {}), Ann({21, 22}, {19})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.matched, 2);
  EXPECT_DOUBLE_EQ(r.message_p, 1);
  EXPECT_DOUBLE_EQ(r.message_r, (1 + 2.0 / 3) / 2);
  EXPECT_DOUBLE_EQ(r.speaker_p, 1);
  EXPECT_DOUBLE_EQ(r.speaker_r, 0.5);
  EXPECT_DOUBLE_EQ(r.joint_p, 1);
  EXPECT_DOUBLE_EQ(r.joint_r, (1 + 2.0 / 3 + 0.5) / 3);
  EXPECT_DOUBLE_EQ(r.pooled_message_r, 10.0 / 11);
  EXPECT_DOUBLE_EQ(r.pooled_joint_r, 11.0 / 13);
}

TEST(SpkAttScorerTest, MatchingMaximisesTheSumOfMessageF1) {
  SpkAttScorer s;
  // X overlaps A by 3 tokens and B by 2, Y overlaps A by 1. Greedy by
  // overlap would pair X with A and leave Y alone (F1 sum 0.67); the
  // optimal assignment pairs X with B (4/7) and Y with A (2/5).
  s.Add({Ann({1, 2, 3, 4}, {0}), Ann({5, 6}, {8})},
        {Ann({2, 3, 4, 5, 6}, {8}), Ann({1}, {0})});
  const SpkAttScores r = s.Scores();
  EXPECT_EQ(r.matched, 2);
  EXPECT_DOUBLE_EQ(r.message_p, (2.0 / 5 + 1) / 2);
  EXPECT_DOUBLE_EQ(r.message_r, (1 + 1.0 / 4) / 2);
  EXPECT_DOUBLE_EQ(r.speaker_f1, 1);
}

TEST(SpkAttScorerTest, MaxAssignment) {
  EXPECT_EQ(MaxAssignment({}), std::vector<int>{});
  EXPECT_EQ(MaxAssignment({{1, 0}, {0, 1}}), (std::vector<int>{0, 1}));
  EXPECT_EQ(MaxAssignment({{0.9, 0.8}, {0.7, 0.0}}), (std::vector<int>{1, 0}));
  // More rows than columns: one row stays unpaired.
  EXPECT_EQ(MaxAssignment({{0.2}, {0.5}, {0.1}}), (std::vector<int>{-1, 0, -1}));
  // More columns than rows.
  EXPECT_EQ(MaxAssignment({{0.1, 0.6, 0.5}, {0.0, 0.7, 0.0}}), (std::vector<int>{2, 1}));
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

// A reported quotation over byte spans: message, cue, speaker.
Quote Reported(uint32_t begin, uint32_t end, uint32_t cue_begin, uint32_t cue_end,
               std::string cue, uint32_t speaker_begin, uint32_t speaker_end) {
  Quote q;
  q.kind = QuoteKind::kReported;
  q.begin = begin;
  q.end = end;
  q.cue_begin = cue_begin;
  q.cue_end = cue_end;
  q.cue = std::move(cue);
  q.speaker_begin = speaker_begin;
  q.speaker_end = speaker_end;
  return q;
}

TEST(SpkAttTest, ASpeechActIsItsWholeSentence) {
  SpkAttDocument d;
  // Die Polizei geht von Suizid aus .
  d.text = "Die Polizei geht von Suizid aus.";
  d.tokens = {{0, 3}, {4, 11}, {12, 16}, {17, 20}, {21, 27}, {28, 31}, {31, 32}};
  std::vector<SpkAttAnnotation> pred = ToSpkAtt(d, {Reported(0, 31, 12, 31, "geht aus", 0, 11)});
  ASSERT_EQ(pred.size(), 1u);
  EXPECT_EQ(pred[0].type, "Reported");
  EXPECT_EQ(pred[0].message, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(pred[0].speaker, (std::vector<int>{0, 1}));
  EXPECT_EQ(pred[0].cue, (std::vector<int>{2, 5}));

  // A source phrase inside its sentence is no speech act: it stays out.
  // Es war laut Polizei Suizid .
  d.text = "Es war laut Polizei Suizid.";
  d.tokens = {{0, 2}, {3, 6}, {7, 11}, {12, 19}, {20, 26}, {26, 27}};
  pred = ToSpkAtt(d, {Reported(0, 26, 7, 11, "laut", 12, 19)});
  ASSERT_EQ(pred.size(), 1u);
  EXPECT_EQ(pred[0].type, "Indirect");
  EXPECT_EQ(pred[0].message, (std::vector<int>{0, 1, 4}));
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
