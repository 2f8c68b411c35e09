#include "cluster/evaluation.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace storyline::cluster {
namespace {

using Labels = std::vector<std::string>;

TEST(BCubedTest, PerfectClustering) {
  const Scores s = BCubed({"x", "x", "y"}, {"a", "a", "b"});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
}

TEST(BCubedTest, HandComputedCase) {
  // Clusters: X = {1,2,3}, Y = {4,5}; classes: a = {1,2}, b = {3,4,5}.
  // Precision per item: 1,2 → 2/3 each; 3 → 1/3; 4,5 → 2/2 = 1 each.
  //   P = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = (11/3) / 5 = 11/15.
  // Recall per item: 1,2 → 2/2 = 1 each; 3 → 1/3; 4,5 → 2/3 each.
  //   R = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = (11/3) / 5 = 11/15.
  // F1 = 11/15.
  const Scores s = BCubed({"X", "X", "X", "Y", "Y"}, {"a", "a", "b", "b", "b"});
  EXPECT_NEAR(s.precision, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.recall, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.f1, 11.0 / 15, 1e-12);
}

TEST(BCubedTest, AllInOneCluster) {
  // One cluster of 4; classes a = {1,2,3}, b = {4}.
  // P = (3 · 3/4 + 1 · 1/4) / 4 = (10/4) / 4 = 5/8; R = 1.
  // F1 = 2 · 5/8 · 1 / (5/8 + 1) = (10/8) / (13/8) = 10/13.
  const Scores s = BCubed({"c", "c", "c", "c"}, {"a", "a", "a", "b"});
  EXPECT_NEAR(s.precision, 5.0 / 8, 1e-12);
  EXPECT_NEAR(s.recall, 1.0, 1e-12);
  EXPECT_NEAR(s.f1, 10.0 / 13, 1e-12);
}

TEST(BCubedTest, AllSingletons) {
  // Singletons are always precise; classes a = {1,2}, b = {3}.
  // R = (1/2 + 1/2 + 1) / 3 = 2/3; F1 = 2 · 2/3 / (5/3) = 4/5.
  const Scores s = BCubed({"1", "2", "3"}, {"a", "a", "b"});
  EXPECT_NEAR(s.precision, 1.0, 1e-12);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(s.f1, 0.8, 1e-12);
}

TEST(BCubedTest, EmptyInputIsPerfect) {
  const Scores s = BCubed({}, {});
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
}

TEST(PairwiseTest, HandComputedCase) {
  // Clusters X = {1,2,3}, Y = {4,5}; classes a = {1,2}, b = {3,4,5}.
  // Pairs together in the clustering: C(3,2) + C(2,2) = 3 + 1 = 4.
  // Pairs together in the classes:   C(2,2) + C(3,2) = 1 + 3 = 4.
  // Pairs together in both: {1,2} and {4,5} = 2.
  // P = 2/4, R = 2/4, F1 = 1/2.
  const Scores s = Pairwise({"X", "X", "X", "Y", "Y"}, {"a", "a", "b", "b", "b"});
  EXPECT_NEAR(s.precision, 0.5, 1e-12);
  EXPECT_NEAR(s.recall, 0.5, 1e-12);
  EXPECT_NEAR(s.f1, 0.5, 1e-12);
}

TEST(PairwiseTest, AllInOneCluster) {
  // One cluster of 4 → 6 pairs; classes a = {1,2,3} (3 pairs), b = {4}.
  // P = 3/6, R = 3/3, F1 = 2 · 0.5 · 1 / 1.5 = 2/3.
  const Scores s = Pairwise({"c", "c", "c", "c"}, {"a", "a", "a", "b"});
  EXPECT_NEAR(s.precision, 0.5, 1e-12);
  EXPECT_NEAR(s.recall, 1.0, 1e-12);
  EXPECT_NEAR(s.f1, 2.0 / 3, 1e-12);
}

TEST(PairwiseTest, SingletonsHaveNoPredictedPairs) {
  // No pair predicted: precision 1 by convention; classes a = {1,2} → 1 pair,
  // found 0 → R = 0, F1 = 0.
  const Scores s = Pairwise({"1", "2", "3"}, {"a", "a", "b"});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.0);
  EXPECT_DOUBLE_EQ(s.f1, 0.0);
}

class GoldLabelsTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() /
                      (std::string("storyline_gold_") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl");
    std::ofstream(path) << content;
    return path.string();
  }
};

TEST_F(GoldLabelsTest, ReadsTheNamedField) {
  const std::string path = Write(
      "{\"gold\": \"1-ecb\", \"gold_topic\": \"1\", \"id\": \"a\", \"text\": \"x\"}\n"
      "\n"
      "{\"id\": \"b\", \"gold\": 7, \"gold_topic\": 1}\n"
      "{\"id\": \"c\", \"title\": \"no label\"}\n");
  auto gold = ReadGoldLabels(path, "gold");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->size(), 2u);
  EXPECT_EQ(gold->at("a"), "1-ecb");
  EXPECT_EQ(gold->at("b"), "7");
  auto topic = ReadGoldLabels(path, "gold_topic");
  ASSERT_TRUE(topic.ok());
  EXPECT_EQ(topic->at("a"), "1");
  EXPECT_EQ(topic->at("b"), "1");
}

TEST_F(GoldLabelsTest, MalformedLineNamesFileAndLine) {
  const std::string path = Write("{\"id\": \"a\", \"gold\": \"x\"}\nnot json\n");
  auto gold = ReadGoldLabels(path, "gold");
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find(path + ":2:"), std::string::npos)
      << gold.status().message();
}

TEST_F(GoldLabelsTest, MissingFileIsAnIoError) {
  auto gold = ReadGoldLabels("/nonexistent/storyline/gold.jsonl", "gold");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace storyline::cluster
