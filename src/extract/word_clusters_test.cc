#include "word_clusters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::extract {
namespace {

// Names follow "Herr", places follow "in", verbs follow names: a clustering
// of two classes should find names and places apart.
std::vector<std::vector<std::string>> Corpus() {
  const std::vector<std::string> names = {"Abel", "Bertold", "Cosima", "Dorle"};
  const std::vector<std::string> places = {"Ahausen", "Bedorf", "Cestadt", "Dingen"};
  std::vector<std::vector<std::string>> out;
  for (const auto& n : names) {
    for (const auto& p : places) {
      out.push_back({"Herr", n, "wohnt", "in", p, "."});
      out.push_back({"in", p, "lebt", "Herr", n, "."});
    }
  }
  return out;
}

TEST(WordClustersTest, SeparatesNamesFromPlaces) {
  ClusterOptions options;
  options.classes = {4, 8};
  options.min_count = 2;
  const WordClusters clusters = WordClusters::Learn(Corpus(), options);
  ASSERT_EQ(clusters.levels(), 2u);
  uint16_t abel[2], dorle[2], bedorf[2], dingen[2], none[2];
  clusters.ClassesOf("Abel", abel);
  clusters.ClassesOf("Dorle", dorle);
  clusters.ClassesOf("Bedorf", bedorf);
  clusters.ClassesOf("Dingen", dingen);
  clusters.ClassesOf("Zacharias", none);
  EXPECT_EQ(abel[0], dorle[0]);
  EXPECT_EQ(bedorf[0], dingen[0]);
  EXPECT_NE(abel[0], bedorf[0]);
  EXPECT_EQ(none[0], WordClusters::kNone);
  EXPECT_EQ(none[1], WordClusters::kNone);
}

TEST(WordClustersTest, DeterministicAndRoundTrips) {
  ClusterOptions options;
  options.classes = {3};
  const WordClusters a = WordClusters::Learn(Corpus(), options);
  const WordClusters b = WordClusters::Learn(Corpus(), options);
  std::string bytes_a, bytes_b;
  a.AppendTo(&bytes_a);
  b.AppendTo(&bytes_b);
  EXPECT_EQ(bytes_a, bytes_b);
  EXPECT_GT(a.num_words(), 8u);

  WordClusters back;
  std::string_view in = bytes_a;
  ASSERT_TRUE(back.Read(&in));
  EXPECT_TRUE(in.empty());
  std::string again;
  back.AppendTo(&again);
  EXPECT_EQ(again, bytes_a);

  std::string_view truncated = std::string_view(bytes_a).substr(0, bytes_a.size() - 3);
  WordClusters bad;
  EXPECT_FALSE(bad.Read(&truncated));
}

TEST(WordClustersTest, ReadsJsonlText) {
  std::vector<std::vector<std::string>> sentences;
  EXPECT_FALSE(AppendJsonlSentences("/nonexistent/x.jsonl", "de", &sentences).ok());
  EXPECT_TRUE(sentences.empty());
}

}  // namespace
}  // namespace storyline::extract
