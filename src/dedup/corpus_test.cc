// Runs the index over the 10kGNAD test split (1,028 distinct articles) when
// the shared benchmark data is present.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/dedup.h"
#include "storyline/text.h"

namespace storyline::dedup {
namespace {

struct CorpusArticle {
  std::string id;
  std::string text;
};

std::vector<CorpusArticle> ReadCorpus(const std::filesystem::path& path) {
  std::vector<CorpusArticle> articles;
  simdjson::ondemand::parser parser;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path.string()).get(json) != simdjson::SUCCESS) return articles;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs) != simdjson::SUCCESS) return articles;
  for (auto doc : docs) {
    std::string_view id;
    std::string_view text;
    if (doc["id"].get_string().get(id) != simdjson::SUCCESS ||
        doc["text"].get_string().get(text) != simdjson::SUCCESS) {
      ADD_FAILURE() << path << ": article " << articles.size() + 1 << " lacks id or text";
      continue;
    }
    articles.push_back({std::string(id), std::string(text)});
  }
  return articles;
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path path =
        std::filesystem::path(STORYLINE_SHARED_DIR) / "bench/corpus/10kgnad-test.jsonl";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
    articles_ = ReadCorpus(path);
    ASSERT_EQ(articles_.size(), 1028u);
  }
  std::vector<CorpusArticle> articles_;
};

TEST_F(CorpusTest, DistinctArticlesAreNotDuplicates) {
  DuplicateIndex index;
  for (const CorpusArticle& a : articles_) {
    const std::optional<Match> m = index.Add(a.id, ComputeFingerprint(a.text, "de"));
    EXPECT_FALSE(m.has_value()) << a.id << " matched " << m->matched_id << " at " << m->overlap;
  }
  EXPECT_EQ(index.size(), articles_.size());
}

TEST_F(CorpusTest, TrimmedCopiesAreFound) {
  DuplicateIndex index;
  for (const CorpusArticle& a : articles_) {
    ASSERT_FALSE(index.Add(a.id, ComputeFingerprint(a.text, "de")).has_value());
  }
  // Cutting the last tenth of an article, as outlets shorten wire copy,
  // leaves a Jaccard similarity of about 0.9.
  int found = 0;
  int tried = 0;
  for (const CorpusArticle& a : articles_) {
    const size_t space = a.text.find(' ', a.text.size() * 9 / 10);
    if (a.text.size() < 1000 || space == std::string::npos) continue;
    ++tried;
    const std::optional<Match> m = index.Find(ComputeFingerprint(a.text.substr(0, space), "de"));
    if (m && m->original_id == a.id) ++found;
  }
  EXPECT_GT(tried, 500);
  EXPECT_EQ(found, tried);
}

// The analyzer's terms give the same fingerprint as the text, on real text.
TEST_F(CorpusTest, FingerprintFromTermsEqualsFromText) {
  text::Analyzer analyzer("de");
  Article article;
  article.language = "de";
  Fingerprint from_terms;
  for (const CorpusArticle& a : articles_) {
    article.text = a.text;
    ComputeFingerprint(article, analyzer.Analyze(article.text), &from_terms);
    const Fingerprint from_text = ComputeFingerprint(a.text, "de");
    ASSERT_EQ(from_terms.text_hash, from_text.text_hash) << a.id;
    ASSERT_EQ(from_terms.minhash, from_text.minhash) << a.id;
    ASSERT_EQ(from_terms.paragraphs, from_text.paragraphs) << a.id;
  }
}

}  // namespace
}  // namespace storyline::dedup
