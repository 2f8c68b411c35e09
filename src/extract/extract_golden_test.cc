// Golden tests on the seed articles (../shared/seeds), through the whole
// Extractor: entities, quotes, figures, dates. Skipped when the shared
// directory is absent.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "storyline/extract.h"
#include "storyline/text.h"

namespace storyline::extract {
namespace {

namespace fs = std::filesystem;

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = Extractor::Create("");
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    extractor_ = std::move(e).value().release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // Extracts seed `prefix` ("002"), published on `published` when given.
  Extraction Seed(const std::string& prefix, const std::string& published = "") {
    const fs::path dir = fs::path(STORYLINE_SHARED_DIR) / "seeds";
    if (!fs::exists(dir)) return {};
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.path().filename().string().starts_with(prefix)) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      article_.text = text::CleanText(ss.str());
      article_.language = "de";
      article_.published = {};
      if (!published.empty()) article_.published = ParsePublishedDate(published).value();
      found_ = true;
      return extractor_->Extract(article_);
    }
    return {};
  }
  void SetUp() override {
    if (!fs::exists(fs::path(STORYLINE_SHARED_DIR) / "seeds")) {
      GTEST_SKIP() << STORYLINE_SHARED_DIR << "/seeds is absent";
    }
  }

  const Quote* FindQuote(const Extraction& ex, std::string_view starts_with) const {
    for (const Quote& q : ex.quotes) {
      if (q.text.starts_with(starts_with)) return &q;
    }
    return nullptr;
  }
  const Figure* FindFigure(const Extraction& ex, std::string_view text) const {
    for (const Figure& f : ex.figures) {
      if (f.text == text) return &f;
    }
    return nullptr;
  }
  std::string SpeakerName(const Extraction& ex, const Quote& q) const {
    return q.speaker_entity >= 0 ? ex.entities[q.speaker_entity].name : "";
  }

  static Extractor* extractor_;
  Article article_;
  bool found_ = false;
};

Extractor* SeedTest::extractor_ = nullptr;

TEST_F(SeedTest, KellyRulesOutMassDeportations002) {
  const Extraction ex = Seed("002");
  ASSERT_TRUE(found_);
  const Quote* q = FindQuote(ex, "Es wird keine, ich wiederhole keine Massenabschiebungen geben");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->text, "Es wird keine, ich wiederhole keine Massenabschiebungen geben");
  EXPECT_EQ(q->cue, "sagte");
  EXPECT_EQ(q->speaker, "Kelly");
  EXPECT_EQ(SpeakerName(ex, *q), "John Kelly");
  EXPECT_EQ(article_.text.substr(q->begin, q->end - q->begin), q->text);
  // "fügte Kelly ... hinzu" and "nach den Worten von ... John Kelly".
  const Quote* army = FindQuote(ex, "Die Armee werde sich nicht");
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->kind, QuoteKind::kReported);
  EXPECT_EQ(army->cue, "fügte hinzu");
  EXPECT_EQ(SpeakerName(ex, *army), "John Kelly");
  // "elf Millionen" counts people.
  const Figure* eleven = FindFigure(ex, "elf Millionen");
  ASSERT_NE(eleven, nullptr);
  EXPECT_DOUBLE_EQ(eleven->value, 11e6);
  EXPECT_EQ(eleven->counted, "Menschen");
}

TEST_F(SeedTest, KellyReportedSpeech003) {
  const Extraction ex = Seed("003");
  ASSERT_TRUE(found_);
  const Quote* q = FindQuote(ex, "die Massnahmen zielten vor allem auf");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kReported);
  EXPECT_EQ(q->text, "die Massnahmen zielten vor allem auf \"Straftäter\" ab");
  EXPECT_EQ(q->cue, "betonte");
  EXPECT_EQ(q->speaker, "Kelly");
  // The gazetteer-only recognizer may not know "Kelly"; when it does, the
  // speaker is that entity.
  if (q->speaker_entity >= 0) {
    EXPECT_NE(SpeakerName(ex, *q).find("Kelly"), std::string::npos);
  }

  const Figure* f = FindFigure(ex, "410'000");
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(f->value, 410000);
  EXPECT_EQ(f->counted, "Menschen");
  EXPECT_EQ(f->qualifier, "almost");
  const Figure* quarter = FindFigure(ex, "ein Viertel mehr");
  ASSERT_NE(quarter, nullptr);
  EXPECT_DOUBLE_EQ(quarter->value, 0.25);
  EXPECT_EQ(quarter->qualifier, "relative");
  // "Fiskaljahr 2016" is a date, not a figure.
  EXPECT_EQ(FindFigure(ex, "2016"), nullptr);
  bool fiscal = false;
  for (const DateMention& d : ex.dates) {
    if (d.text == "Fiskaljahr 2016") {
      fiscal = true;
      EXPECT_EQ(d.value, "2016");
      EXPECT_EQ(d.precision, DatePrecision::kYear);
    }
  }
  EXPECT_TRUE(fiscal);
  // No publication date: weekdays stay relative.
  for (const DateMention& d : ex.dates) {
    if (d.text == "am Mittwoch") {
      EXPECT_TRUE(d.relative);
      EXPECT_EQ(d.value, "");
      EXPECT_EQ(d.relation, "weekday:3");
    }
  }
}

TEST_F(SeedTest, SheinbaumAfterColon004) {
  const Extraction ex = Seed("004");
  ASSERT_TRUE(found_);
  const Quote* q = FindQuote(ex, "Wir sind bereit, Informationen auszutauschen.");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->cue, "erklärte");
  EXPECT_EQ(q->speaker, "Sheinbaum");
  EXPECT_EQ(SpeakerName(ex, *q), "Claudia Sheinbaum");
  const Figure* pills = FindFigure(ex, "20 Millionen");
  ASSERT_NE(pills, nullptr);
  EXPECT_DOUBLE_EQ(pills->value, 20e6);
  EXPECT_EQ(pills->counted, "Pillen");
  bool december = false;
  for (const DateMention& d : ex.dates) {
    if (d.text == "Dezember 2024") {
      december = true;
      EXPECT_EQ(d.value, "2024-12");
      EXPECT_EQ(d.precision, DatePrecision::kMonth);
    }
  }
  EXPECT_TRUE(december);
}

TEST_F(SeedTest, FiguresAndPronounSpeakers000And001) {
  const Extraction ex0 = Seed("000", "2017-02-23");
  ASSERT_TRUE(found_);
  const Figure* f = FindFigure(ex0, "5,8 Millionen");
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(f->value, 5.8e6);
  EXPECT_EQ(f->counted, "Mexikaner ohne Aufenthaltsgenehmigung");
  EXPECT_EQ(f->qualifier, "about");
  const Quote* q = FindQuote(ex0, "Die Abschiebungen werden legal");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "er");
  EXPECT_EQ(SpeakerName(ex0, *q), "John Kelly");
  // "im Laufe des Donnerstags" resolves against the publication day.
  bool thursday = false;
  for (const DateMention& d : ex0.dates) {
    if (d.text == "im Laufe des Donnerstags") {
      thursday = true;
      EXPECT_EQ(d.value, "2017-02-23");
    }
  }
  EXPECT_TRUE(thursday);

  const Extraction ex1 = Seed("001");
  const Figure* eleven = FindFigure(ex1, "elf Millionen");
  ASSERT_NE(eleven, nullptr);
  EXPECT_DOUBLE_EQ(eleven->value, 11e6);
  EXPECT_EQ(eleven->counted, "Latinos");
  EXPECT_EQ(eleven->qualifier, "more than");
  const Quote* hope = FindQuote(ex1, "Wir reden von bis zu Hunderttausenden Menschen");
  ASSERT_NE(hope, nullptr);
  EXPECT_EQ(SpeakerName(ex1, *hope), "Alejandro Hope");
  const Quote* guajardo = FindQuote(ex1, "Diese hätten desaströse Folgen");
  ASSERT_NE(guajardo, nullptr);
  EXPECT_EQ(guajardo->speaker, "er");
  EXPECT_EQ(SpeakerName(ex1, *guajardo), "Ildefonso Guajardo");
}

}  // namespace
}  // namespace storyline::extract
