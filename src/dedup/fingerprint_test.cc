#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/test_texts.h"
#include "storyline/dedup.h"
#include "storyline/text.h"

namespace storyline::dedup {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
namespace tt = ::storyline::dedup::testing;
using text::Analyzer;

// The exact Jaccard similarity of the 5-word shingle sets, computed the slow
// way to check the MinHash estimate against.
std::set<std::string> Shingles(std::string_view text) {
  std::vector<text::Token> tokens;
  text::Tokenize(text, &tokens);
  std::vector<std::string> words;
  for (const text::Token& t : tokens) {
    if (t.kind != text::TokenKind::kPunct)
      words.push_back(text::Fold(text.substr(t.begin, t.end - t.begin), "de"));
  }
  std::set<std::string> shingles;
  const size_t width = std::min<size_t>(words.size(), kShingleWords);
  for (size_t i = 0; i + width <= words.size() && width > 0; ++i) {
    std::string s;
    for (size_t j = 0; j < width; ++j) s += words[i + j] + " ";
    shingles.insert(s);
  }
  return shingles;
}

double TrueJaccard(std::string_view a, std::string_view b) {
  const auto sa = Shingles(a);
  const auto sb = Shingles(b);
  size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

std::string Paragraph(std::string_view text, int index) {
  size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = text.find('\n', begin) + 1;
  return std::string(text.substr(begin, text.find('\n', begin) - begin));
}

TEST(FingerprintTest, TextWithoutWordsHasNoPrints) {
  for (std::string_view text : {"", "\n\n", " – ... !"}) {
    const Fingerprint fp = ComputeFingerprint(text, "de");
    EXPECT_EQ(fp.text_hash, 0u) << text;
    EXPECT_EQ(fp.words, 0u) << text;
    EXPECT_TRUE(fp.minhash.empty()) << text;
    EXPECT_TRUE(fp.paragraphs.empty()) << text;
  }
}

TEST(FingerprintTest, TextHashIgnoresCaseQuotesSpacingAndLineBreaks) {
  const uint64_t h = ComputeFingerprint("Die „Brücke“ über die Lahn ist eröffnet.", "de").text_hash;
  EXPECT_NE(h, 0u);
  EXPECT_EQ(ComputeFingerprint("die \"BRÜCKE\" über  die Lahn\nist eröffnet", "de").text_hash, h);
  EXPECT_EQ(ComputeFingerprint("Die Bruecke über die Lahn ist eröffnet.", "de").text_hash, h);
  EXPECT_NE(ComputeFingerprint("Die Brücke über die Lahn ist gesperrt.", "de").text_hash, h);
  // Word boundaries count: the words are hashed, not their letters.
  EXPECT_NE(ComputeFingerprint("ab c", "").text_hash, ComputeFingerprint("a bc", "").text_hash);
}

TEST(FingerprintTest, SignatureIsFullAndDeterministic) {
  const Fingerprint a = ComputeFingerprint(tt::kBridge, "de");
  EXPECT_EQ(a.minhash.size(), static_cast<size_t>(kMinHashSize));
  EXPECT_EQ(a.minhash, ComputeFingerprint(tt::kBridge, "de").minhash);
  // Short texts have fewer shingles than bins; densification fills the rest.
  const Fingerprint short_text = ComputeFingerprint("Drei kurze Wörter", "de");
  EXPECT_EQ(short_text.words, 3u);
  EXPECT_EQ(short_text.minhash.size(), static_cast<size_t>(kMinHashSize));
}

TEST(FingerprintTest, ParagraphsSkipShortLinesAndKeepSpans) {
  const Fingerprint fp = ComputeFingerprint(tt::kBridge, "de");
  // The fourth line, "Weitere Videos", is too short to count as text.
  ASSERT_EQ(fp.paragraphs.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const ParagraphPrint& p = fp.paragraphs[i];
    EXPECT_EQ(tt::kBridge.substr(p.begin, p.end - p.begin), Paragraph(tt::kBridge, i)) << i;
    EXPECT_GE(p.words, static_cast<uint32_t>(kMinParagraphWords));
  }
  EXPECT_EQ(fp.paragraphs[0].words, 35u);
}

TEST(FingerprintTest, ArticleFingerprintCarriesContentHash) {
  Article article;
  article.text = std::string(tt::kWeather);
  article.language = "de";
  EXPECT_EQ(ComputeFingerprint(article).content_hash, 0u);
  article.content_hash = "0123456789abcdef0123456789abcdef";
  const Fingerprint fp = ComputeFingerprint(article);
  EXPECT_NE(fp.content_hash, 0u);
  EXPECT_EQ(fp.text_hash, ComputeFingerprint(tt::kWeather, "de").text_hash);
}

void ExpectSame(const Fingerprint& a, const Fingerprint& b, std::string_view text) {
  EXPECT_EQ(a.content_hash, b.content_hash) << text;
  EXPECT_EQ(a.text_hash, b.text_hash) << text;
  EXPECT_EQ(a.words, b.words) << text;
  EXPECT_EQ(a.minhash, b.minhash) << text;
  EXPECT_EQ(a.paragraphs, b.paragraphs) << text;
}

// What the clusterer and dedup share: fingerprinting the analyzer's terms
// gives what fingerprinting the text does, numbers (which count as written,
// not by value), paragraphs and their spans included.
TEST(FingerprintTest, FromTermsEqualsFromText) {
  const std::vector<std::string> texts = {
      std::string(tt::kBridge),
      std::string(tt::kWeather) + "\n\n" + std::string(tt::kFootball),
      "„Zitat am Zeilenanfang“, sagte er am 20. Januar, und 410'000 Menschen, 5,8 Millionen "
      "und 1.000 oder 1000 Pillen kamen hinzu.\n...\n  Eine zweite Zeile mit genug Wörtern für "
      "einen eigenen Absatz, MÜLLER und Aussenminister. \n",
      "",
      " – ... !",
  };
  Analyzer analyzer("de");
  for (const std::string& text : texts) {
    Article article;
    article.text = text;
    article.language = "de";
    article.content_hash = "feedfacefeedface";
    Fingerprint from_terms;
    ComputeFingerprint(article, analyzer.Analyze(article.text), &from_terms);
    ExpectSame(from_terms, ComputeFingerprint(article), text);
  }
}

struct OverlapCase {
  std::string name;
  std::string a;
  std::string b;
};

TEST(FingerprintTest, OverlapEstimateIsWithinATenthOfTrueJaccard) {
  const std::string bridge(tt::kBridge);
  const std::vector<OverlapCase> cases = {
      {"one sentence changed", bridge, std::string(tt::kBridgeEdited)},
      {"unrelated article appended", bridge, bridge + "\n" + std::string(tt::kFootball)},
      {"two of three paragraphs", bridge, Paragraph(bridge, 0) + "\n" + Paragraph(bridge, 1)},
      {"first paragraph only", bridge, Paragraph(bridge, 0)},
      {"unrelated", bridge, std::string(tt::kFootball)},
      {"identical", bridge, bridge},
  };
  for (const OverlapCase& c : cases) {
    const double truth = TrueJaccard(c.a, c.b);
    const double estimate =
        EstimateOverlap(ComputeFingerprint(c.a, "de"), ComputeFingerprint(c.b, "de"));
    EXPECT_NEAR(estimate, truth, 0.1) << c.name;
  }
  // The cases span the range the threshold sits in.
  EXPECT_GT(TrueJaccard(bridge, std::string(tt::kBridgeEdited)), 0.75);
  EXPECT_LT(TrueJaccard(bridge, Paragraph(bridge, 0)), 0.4);
  EXPECT_EQ(TrueJaccard(bridge, std::string(tt::kFootball)), 0.0);
}

TEST(FingerprintTest, SharedParagraphsMatchOneToOne) {
  const Fingerprint bridge = ComputeFingerprint(tt::kBridge, "de");
  const Fingerprint edited = ComputeFingerprint(tt::kBridgeEdited, "de");
  const Fingerprint football = ComputeFingerprint(tt::kFootball, "de");

  SharedParagraphsResult r = SharedParagraphs(bridge, edited);
  EXPECT_EQ(r.count, 2);
  EXPECT_THAT(r.pairs, ElementsAre(Pair(1u, 1u), Pair(2u, 2u)));

  EXPECT_EQ(SharedParagraphs(bridge, football).count, 0);

  // A paragraph taken over into another article, twice, matches only once.
  const std::string third = Paragraph(tt::kBridge, 2);
  const Fingerprint mixed =
      ComputeFingerprint(Paragraph(tt::kFootball, 0) + "\n" + third + "\n" + third, "de");
  r = SharedParagraphs(mixed, bridge);
  EXPECT_THAT(r.pairs, ElementsAre(Pair(1u, 2u)));
  r = SharedParagraphs(bridge, mixed);
  EXPECT_THAT(r.pairs, ElementsAre(Pair(2u, 1u)));
}

}  // namespace
}  // namespace storyline::dedup
