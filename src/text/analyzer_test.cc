#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

struct Rendered {
  std::string text;
  TokenKind kind;
  std::string folded;
  std::string stem;
  bool stop;
  bool capitalized;
};

std::vector<Rendered> Render(Analyzer& analyzer, std::string_view text) {
  std::vector<Rendered> out;
  for (const Term& t : analyzer.Analyze(text)) {
    out.push_back(Rendered{std::string(t.span.In(text)), t.kind, std::string(t.folded),
                           std::string(t.stem), t.stop, t.capitalized});
  }
  return out;
}

TEST(AnalyzerTest, NumbersHaveCanonicalForms) {
  Analyzer analyzer("de");
  struct Case {
    std::string text;
    std::string folded;
  };
  const std::vector<Case> cases = {
      {"410'000", "410000"},  {"410\xE2\x80\x99" "000", "410000"}, {"5,8", "5.8"},
      {"1.000.000", "1000000"}, {"2016", "2016"}, {"24", "24"}, {"3.5", "3.5"},
      {"20.01.2017", "20.01.2017"},  // a date, not a number: kept as written
  };
  for (const Case& c : cases) {
    const std::vector<Rendered> terms = Render(analyzer, c.text);
    ASSERT_EQ(terms.size(), 1u) << c.text;
    EXPECT_EQ(terms[0].kind, TokenKind::kNumber) << c.text;
    EXPECT_EQ(terms[0].folded, c.folded) << c.text;
    EXPECT_EQ(terms[0].stem, c.folded) << c.text;
  }
}

TEST(AnalyzerTest, EqualFormsHaveEqualHashes) {
  Analyzer analyzer("de");
  std::vector<uint64_t> hashes;
  std::vector<std::string> folded;
  for (const Term& t : analyzer.Analyze("Müller MUELLER Außenminister Aussenminister Mexiko 5,8")) {
    hashes.push_back(t.hash);
    folded.emplace_back(t.folded);
  }
  ASSERT_EQ(hashes.size(), 6u);
  EXPECT_EQ(hashes[0], hashes[1]);
  EXPECT_EQ(hashes[2], hashes[3]);
  EXPECT_NE(hashes[0], hashes[2]);
  EXPECT_NE(hashes[4], hashes[5]);
  // The same in a later call, once the forms are cached.
  const std::vector<Term>& again = analyzer.Analyze("Mueller 5.8");
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].hash, hashes[0]);
  EXPECT_EQ(again[1].hash, hashes[5]) << again[1].folded << " " << folded[5];
}

TEST(AnalyzersTest, OneAnalyzerPerLanguage) {
  Analyzers analyzers;
  Analyzer& de = analyzers.For("de");
  EXPECT_EQ(&analyzers.For("de"), &de);
  EXPECT_EQ(analyzers.For("en").language(), "en");
  EXPECT_NE(&analyzers.For("en"), &de);
  EXPECT_EQ(analyzers.For("").language(), "");
}

TEST(AnalyzerTest, SeedSentence) {
  Analyzer analyzer("de");
  const std::string text =
      "Dort nahmen die USA im Fiskaljahr 2016 fast 410'000 Menschen fest. In den USA leben "
      "sch\xC3\xA4tzungsweise 5,8 Millionen Mexikaner.";
  const std::vector<Rendered> terms = Render(analyzer, text);
  ASSERT_EQ(terms.size(), 19u);
  EXPECT_EQ(terms[0].text, "Dort");
  EXPECT_TRUE(terms[0].capitalized);
  EXPECT_EQ(terms[2].folded, "die");
  EXPECT_TRUE(terms[2].stop);
  EXPECT_FALSE(terms[2].capitalized);
  EXPECT_EQ(terms[6].folded, "2016");
  EXPECT_EQ(terms[8].folded, "410000");
  EXPECT_EQ(terms[8].kind, TokenKind::kNumber);
  EXPECT_EQ(terms[9].stem, "mensch");
  EXPECT_EQ(terms[15].folded, "schaetzungsweise");
  EXPECT_EQ(terms[16].folded, "5.8");
  EXPECT_EQ(terms[16].kind, TokenKind::kNumber);
  EXPECT_EQ(terms[17].text, "Millionen");
  EXPECT_FALSE(terms[17].stop);
}

// Words that must meet in one stem: Swiss and German spelling, inflection.
TEST(AnalyzerTest, SpellingsShareStems) {
  Analyzer analyzer("de");
  const std::vector<std::vector<std::string>> groups = {
      {"Massnahmen", "Ma\xC3\x9Fnahmen", "MASSNAHMEN", "Massnahme"},
      {"grossfl\xC3\xA4" "chigen", "gro\xC3\x9F" "fl\xC3\xA4" "chigen", "gro\xC3\x9F" "fl\xC3\xA4" "chige"},
      {"Aussenminister", "Au\xC3\x9F" "enminister", "AUSSENMINISTER", "Au\xC3\x9F" "enministers"},
      {"M\xC3\xBCller", "Mueller"},
      {"Pe\xC3\xB1" "a", "Pena"},
      {"Abschiebungen", "Abschiebung"},
      {"anschliessend", "anschlie\xC3\x9F" "end"},
  };
  for (const auto& group : groups) {
    const std::string first(analyzer.Stem(Fold(group[0], "de")));
    for (const std::string& word : group) {
      const std::vector<Rendered> terms = Render(analyzer, word);
      ASSERT_EQ(terms.size(), 1u) << word;
      EXPECT_EQ(terms[0].stem, first) << word;
    }
  }
}

TEST(AnalyzerTest, CompoundsAreOneTerm) {
  Analyzer analyzer("de");
  const std::vector<Rendered> terms =
      Render(analyzer, "US-Au\xC3\x9F" "enminister kritisiert Trump-Politik im In-und Ausland.");
  ASSERT_EQ(terms.size(), 6u);
  EXPECT_EQ(terms[0].folded, "us-aussenminister");
  EXPECT_EQ(terms[2].folded, "trump-politik");
  EXPECT_EQ(terms[4].folded, "in-und");
}

TEST(AnalyzerTest, ViewsStayValidAcrossManyWords) {
  Analyzer analyzer("de");
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Wort" + std::to_string(i) + "x ";
  const std::vector<Term>& terms = analyzer.Analyze(text);
  ASSERT_EQ(terms.size(), 5000u);
  EXPECT_EQ(terms[0].folded, "wort0x");
  EXPECT_EQ(terms[4999].folded, "wort4999x");
}

TEST(AnalyzerTest, StemDoesNotInvalidateTerms) {
  Analyzer analyzer("de");
  const std::vector<Term>& terms = analyzer.Analyze("Grenzschutz und Einwanderungsbeh\xC3\xB6rden");
  ASSERT_EQ(terms.size(), 3u);
  for (int i = 0; i < 20000; ++i) (void)analyzer.Stem("neuwort" + std::to_string(i));
  EXPECT_EQ(terms[0].folded, "grenzschutz");
  EXPECT_EQ(terms[2].folded, "einwanderungsbehoerden");
  EXPECT_EQ(terms[2].stem, "einwanderungsbehoerd");
}

TEST(AnalyzerTest, OtherLanguages) {
  struct Case {
    std::string lang;
    std::string a;
    std::string b;
  };
  const std::vector<Case> cases = {
      {"en", "running", "runs"},     {"es", "canciones", "cancion"},
      {"fr", "nationales", "national"}, {"nl", "gemeenten", "gemeente"},
      {"ru", "\xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB8", "\xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB0"},
  };
  for (const Case& c : cases) {
    Analyzer analyzer(c.lang);
    EXPECT_EQ(analyzer.language(), c.lang);
    const std::string a(analyzer.Stem(Fold(c.a, c.lang)));
    EXPECT_EQ(a, analyzer.Stem(Fold(c.b, c.lang))) << c.lang << ": " << c.a << " / " << c.b;
  }
}

TEST(AnalyzerTest, UnknownLanguageDoesNotStem) {
  Analyzer analyzer("xx");
  const std::vector<Rendered> terms = Render(analyzer, "Hunde laufen");
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].stem, "hunde");
  EXPECT_FALSE(terms[0].stop);
}

}  // namespace
}  // namespace storyline::text

namespace storyline::text {
namespace {

// Deterministic noise biased towards the bytes the text code branches on.
std::string Noise(uint32_t seed, size_t size) {
  static const std::string kPieces[] = {
      " ", ".", "\n", "\r\n", "-", "'", "\"", ",", "5", "A", "z", "\xC3\xA4", "\xC3\x9F",
      "\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\xA6", "\xC2\xAD", "\xC2\xA0", "\xCC\x88",
      "\xE2\x80\x99", "\xFF", "\xC3", "\xE2\x80", "Dr", "z. B.", "2016", "410'000", "\t"};
  std::string s;
  uint32_t x = seed * 2654435761u + 1;
  while (s.size() < size) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s += kPieces[x % std::size(kPieces)];
  }
  return s;
}

TEST(TextRobustnessTest, ArbitraryBytesKeepInvariants) {
  Analyzer analyzer("de");
  for (uint32_t seed = 0; seed < 300; ++seed) {
    const std::string raw = Noise(seed, 1 + seed % 200);
    const std::string clean = CleanText(raw);
    EXPECT_EQ(CleanText(clean), clean) << seed;
    const std::string normal = Normalize(raw);
    EXPECT_EQ(Normalize(normal), normal) << seed;
    for (const std::string* text : {&raw, &normal}) {
      uint32_t last = 0;
      for (const Span& s : SplitSentences(*text, "de")) {
        EXPECT_LE(last, s.begin) << seed;
        EXPECT_LT(s.begin, s.end) << seed;
        EXPECT_LE(s.end, text->size()) << seed;
        EXPECT_EQ(s.In(*text).find('\n'), std::string_view::npos) << seed;
        last = s.end;
      }
      last = 0;
      for (const Term& t : analyzer.Analyze(*text)) {
        EXPECT_LE(last, t.span.begin) << seed;
        EXPECT_LT(t.span.begin, t.span.end) << seed;
        EXPECT_LE(t.span.end, text->size()) << seed;
        last = t.span.end;
      }
      (void)IdentifyLanguage(*text);
    }
  }
}

}  // namespace
}  // namespace storyline::text
