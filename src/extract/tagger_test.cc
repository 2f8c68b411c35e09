#include "tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "germeval.h"
#include "ner_features.h"

namespace storyline::extract {
namespace {

TEST(TaggerTest, TagNames) {
  EXPECT_EQ(TagName(0), "O");
  for (uint8_t t = 0; t < kNumTags; ++t) EXPECT_EQ(TagFromName(TagName(t)), t) << TagName(t);
  EXPECT_EQ(TagFromName("B-LOCderiv"), 1 + 2 * TypeFromName("LOCderiv"));
  EXPECT_EQ(TagFromName("I-ORGpart"), 2 + 2 * TypeFromName("ORGpart"));
  EXPECT_EQ(TagFromName("B-FOO"), -1);
  EXPECT_EQ(TagFromName("X-PER"), -1);
}

// A tiny synthetic language: "Herr X" is a person, "in Y" a place.
std::vector<TaggedSentence> Synthetic() {
  const std::vector<std::string> people = {"Abel", "Bertold", "Cosima", "Dorle", "Egon", "Frieda"};
  const std::vector<std::string> places = {"Ahausen", "Bedorf", "Cestadt", "Dingen", "Ebach", "Fluren"};
  std::vector<TaggedSentence> data;
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t j = 0; j < places.size(); ++j) {
      TaggedSentence s;
      s.tokens = {"Gestern", "traf", "Herr", people[i], "Freunde", "in", places[j], "."};
      s.tags = {0, 0, 0, static_cast<uint8_t>(TagFromName("B-PER")), 0, 0,
                static_cast<uint8_t>(TagFromName("B-LOC")), 0};
      data.push_back(std::move(s));
    }
  }
  return data;
}

TEST(TaggerTest, LearnsATinySyntheticSet) {
  const auto gazetteer = Gazetteer::Create("");
  TrainOptions options;
  options.epochs = 5;
  const TaggerModel model = TaggerModel::Train(Synthetic(), *gazetteer, options);
  // Unseen names in the learned contexts.
  std::vector<std::string_view> tokens = {"Gestern", "traf", "Herr", "Gundolf", "Freunde", "in", "Hameln", "."};
  std::vector<uint8_t> tags;
  model.Tag(tokens, *gazetteer, &tags);
  const std::vector<uint8_t> expected = {0, 0, 0, static_cast<uint8_t>(TagFromName("B-PER")), 0, 0,
                                         static_cast<uint8_t>(TagFromName("B-LOC")), 0};
  EXPECT_EQ(tags, expected);
  // Empty input is fine.
  tokens.clear();
  model.Tag(tokens, *gazetteer, &tags);
  EXPECT_TRUE(tags.empty());
}

// Word classes (2 and 4 of them) learned from the synthetic sentences.
WordClusters SyntheticClusters() {
  ClusterOptions options;
  options.classes = {2, 4};
  options.min_count = 1;
  std::vector<std::vector<std::string>> text;
  for (const TaggedSentence& s : Synthetic()) text.push_back(s.tokens);
  return WordClusters::Learn(text, options);
}

// The word cache of Tag() must not change a single feature, whether a word
// is computed, found, or evicted by another word.
TEST(NerFeaturesTest, CacheGivesTheSameFeatures) {
  const auto gazetteer = Gazetteer::Create("", "");
  const WordClusters clusters = SyntheticClusters();
  WordInfoCache cache;
  cache.Bind(1);
  SentenceFeatures plain, cached;
  for (int pass = 0; pass < 2; ++pass) {
    for (const TaggedSentence& s : Synthetic()) {
      std::vector<std::string_view> views(s.tokens.begin(), s.tokens.end());
      ExtractFeatures(views, *gazetteer, clusters, "de", &plain);
      ExtractFeatures(views, *gazetteer, clusters, "de", &cached, &cache);
      ASSERT_EQ(plain.hashes, cached.hashes);
      ASSERT_EQ(plain.offsets, cached.offsets);
    }
  }
  // A different binding starts empty, and features still agree.
  cache.Bind(2);
  std::vector<std::string_view> views = {"Herr", "Abel", "in", "Ahausen", "."};
  ExtractFeatures(views, *gazetteer, clusters, "de", &plain);
  ExtractFeatures(views, *gazetteer, clusters, "de", &cached, &cache);
  EXPECT_EQ(plain.hashes, cached.hashes);
  EXPECT_GT(plain.hashes.size(), 5u * 20);
}

// A capitalized word the text did not show that ends in -s (a genitive,
// "Tiganjs") takes the word classes of its stem.
TEST(NerFeaturesTest, UnseenGenitiveTakesTheClassesOfItsStem) {
  const auto gazetteer = Gazetteer::Create("", "");
  const WordClusters clusters = SyntheticClusters();
  // The own features (group 0) of the second token.
  auto own = [&](std::string_view word) {
    const std::vector<std::string_view> views = {"Herr", word};
    SentenceFeatures f;
    ExtractFeatures(views, *gazetteer, clusters, "de", &f);
    std::vector<uint32_t> v(f.hashes.begin() + f.offsets[1], f.hashes.begin() + f.group_end[3]);
    std::sort(v.begin(), v.end());
    return v;
  };
  auto shared = [&](std::string_view a, std::string_view b) {
    const std::vector<uint32_t> x = own(a), y = own(b);
    std::vector<uint32_t> both;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
    return both.size();
  };
  // "Abelx" and "Abels" share prefixes, shape and case with "Abel"; "Abels"
  // also its two classes, each alone and with the case.
  EXPECT_EQ(shared("Abels", "Abel"), shared("Abelx", "Abel") + 2 * clusters.levels());
}

// Tag() remembers the weights of words it has seen; a warm cache must give
// the tags a cold one gives.
TEST(TaggerTest, WarmAndColdWordCacheAgree) {
  const auto gazetteer = Gazetteer::Create("", "");
  std::vector<TaggedSentence> data = Synthetic();
  const TaggerModel model = TaggerModel::Train(data, *gazetteer, TrainOptions());
  std::vector<std::vector<uint8_t>> first;
  std::vector<uint8_t> tags;
  for (const TaggedSentence& s : data) {
    std::vector<std::string_view> views(s.tokens.begin(), s.tokens.end());
    model.Tag(views, *gazetteer, &tags);
    first.push_back(tags);
  }
  EXPECT_EQ(first[0], data[0].tags);
  // Again, warm, in reverse order, and with a copy of the model (cold).
  auto copy = TaggerModel::Deserialize(model.Serialize(), "copy");
  ASSERT_TRUE(copy.ok());
  for (size_t i = data.size(); i-- > 0;) {
    std::vector<std::string_view> views(data[i].tokens.begin(), data[i].tokens.end());
    model.Tag(views, *gazetteer, &tags);
    EXPECT_EQ(tags, first[i]) << i;
    copy->Tag(views, *gazetteer, &tags);
    EXPECT_EQ(tags, first[i]) << i;
  }
}

TEST(TaggerTest, TrainingIsDeterministic) {
  const auto gazetteer = Gazetteer::Create("");
  const std::vector<TaggedSentence> data = Synthetic();
  const std::string a = TaggerModel::Train(data, *gazetteer, TrainOptions()).Serialize();
  const std::string b = TaggerModel::Train(data, *gazetteer, TrainOptions()).Serialize();
  EXPECT_EQ(a, b);
  TrainOptions other_seed;
  other_seed.seed = 7;
  EXPECT_GT(a.size(), 100u);
  // The order of the sentences matters to a perceptron, so the seed shows.
  EXPECT_NE(a, TaggerModel::Train(data, *gazetteer, other_seed).Serialize());
}

TEST(TaggerTest, SerializeRoundTripAndCorruption) {
  const auto gazetteer = Gazetteer::Create("");
  const TaggerModel model = TaggerModel::Train(Synthetic(), *gazetteer, TrainOptions());
  const std::string bytes = model.Serialize();
  auto back = TaggerModel::Deserialize(bytes, "m.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_EQ(back->num_features(), model.num_features());

  auto bad = TaggerModel::Deserialize("not a model", "x.model");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
  EXPECT_NE(bad.status().message().find("x.model"), std::string::npos);
  auto truncated = TaggerModel::Deserialize(std::string_view(bytes).substr(0, bytes.size() - 3), "t.model");
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorruption);

  const std::string path = ::testing::TempDir() + "/tagger_test.model";
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = TaggerModel::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Serialize(), bytes);
  EXPECT_EQ(TaggerModel::Load(path + ".missing").status().code(), StatusCode::kNotFound);
}

TEST(TaggerTest, CrossValidationPredictsEverySentence) {
  const auto gazetteer = Gazetteer::Create("");
  std::vector<GermEvalSentence> sentences;
  for (TaggedSentence& t : Synthetic()) {
    GermEvalSentence s;
    s.tagged = std::move(t);
    s.indexes.assign(s.tagged.tokens.size(), "1");
    sentences.push_back(std::move(s));
  }
  TrainOptions options;
  options.epochs = 3;
  const auto predicted = CrossValidate(sentences, 4, *gazetteer, options);
  ASSERT_EQ(predicted.size(), sentences.size());
  NerScores scores;
  for (size_t i = 0; i < sentences.size(); ++i) {
    ASSERT_EQ(predicted[i].size(), sentences[i].tagged.tokens.size());
    scores.Add(sentences[i].tagged.tags, predicted[i]);
  }
  EXPECT_GT(scores.core.F1(), 0.9);
  EXPECT_EQ(CrossValidate(sentences, 4, *gazetteer, options), predicted);
}

}  // namespace
}  // namespace storyline::extract
