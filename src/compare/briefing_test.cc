#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "compare/story_text.h"
#include "compare/test_util.h"
#include "storyline/compare.h"

namespace storyline::compare {
namespace {

using extract::QuoteKind;
using ::testing::ElementsAre;
using testing::StoryBuilder;

std::vector<std::string> ReportArticles(const QuoteEntry& q) {
  std::vector<std::string> ids;
  for (const QuoteReport& r : q.reports) ids.push_back(r.article_id);
  return ids;
}

const QuoteEntry* EntryWith(const Briefing& b, std::string_view text) {
  for (const QuoteEntry& q : b.quotes) {
    for (const QuoteReport& r : q.reports) {
      if (r.text.find(text) != std::string::npos) return &q;
    }
  }
  return nullptr;
}

// --- Stems ---------------------------------------------------------------------

TEST(UmlautKeyTest, FoldedUmlautsMeetTheirBaseVowel) {
  struct Case {
    const char* stem;
    const char* key;
  } cases[] = {
      {"einsaetz", "einsatz"},  // Einsätzen: plural umlaut, folded ae
      {"einsatz", "einsatz"},
      {"massnahm", "massnahm"},
      {"ueber", "ueber"},  // leading: not an umlaut of a stem vowel we could undo
      {"teuer", "teuer"},  // "eue": the diphthong eu, not ü
      {"buerg", "burg"},
  };
  std::string out;
  for (const Case& c : cases) {
    UmlautKey(c.stem, &out);
    EXPECT_EQ(out, c.key) << c.stem;
  }
}

TEST(StemIndexTest, DropsStopWordsAndMatchesInflections) {
  StemIndex stems;
  const StemSet a = stems.Stems("Die Armee werde sich nicht an den Einsätzen beteiligen", "de");
  const StemSet b = stems.Stems("einem Einsatz der Armee", "de");
  EXPECT_EQ(SharedCount(a, b), 2);  // armee, einsatz
  EXPECT_EQ(stems.Stems("der die das und nicht", "de").size(), 0u);
}

// A quotation of several sentences stays one sentence; a stray mark joins at
// most four.
TEST(SplitStoryTest, QuotationOfSeveralSentencesIsOneSentence) {
  StemIndex stems;
  const std::string text =
      "Die Br\u00fccke ist zu. \u201EWir gehen kein Risiko ein. Die Sicherheit hat Vorrang\u201C, "
      "sagte Albers. Ein Gutachten folgt.\n\n"
      "\"Eins. Zwei. Drei. Vier. F\u00fcnf. Sechs.";
  std::vector<std::string> sentences;
  for (const Sentence& s : SplitStory(text, "de", 0, stems)) {
    sentences.push_back(text.substr(s.begin, s.end - s.begin));
  }
  EXPECT_THAT(sentences,
              ElementsAre("Die Br\u00fccke ist zu.",
                          "\u201EWir gehen kein Risiko ein. Die Sicherheit hat Vorrang\u201C, sagte Albers.",
                          "Ein Gutachten folgt.", "\"Eins. Zwei. Drei. Vier.", "F\u00fcnf.", "Sechs."));
}

// A dateline opening an article is no part of its first statement.
TEST(SplitStoryTest, DatelineIsLeftOut) {
  const struct {
    std::string text, first;
  } cases[] = {
      {"Koblenz. Die Stadt hat die Br\u00fccke gesperrt.", "Die Stadt hat die Br\u00fccke gesperrt."},
      {"Mexiko-Stadt/Berlin. Tillerson traf Videgaray.", "Tillerson traf Videgaray."},
      {"Bad Homburg. Der Kurpark ist zu.", "Der Kurpark ist zu."},
      {"Berlin (dpa) - Der Bundestag hat entschieden.", "Der Bundestag hat entschieden."},
      {"\u00d6sterreich \u2013 Wien (APA) \u2013 Die Wahl ist vorbei.", "\u00d6sterreich \u2013 Wien (APA) \u2013 Die Wahl ist vorbei."},
      // Not datelines: a title, a sentence opening with names.
      {"Dr. Martin Vogt sprach von einem Schaden.", "Dr. Martin Vogt sprach von einem Schaden."},
      {"Die Stadt Koblenz hat die Br\u00fccke gesperrt.", "Die Stadt Koblenz hat die Br\u00fccke gesperrt."},
  };
  StemIndex stems;
  for (const auto& c : cases) {
    const std::vector<Sentence> sentences = SplitStory(c.text, "de", 0, stems);
    ASSERT_FALSE(sentences.empty()) << c.text;
    EXPECT_EQ(c.text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin), c.first);
  }
}

// --- Quotes --------------------------------------------------------------------

// The seeds' Kelly statements, as three outlets give them.
StoryBuilder KellyStory() {
  StoryBuilder s;
  s.Article("a0",
            "Der Heimatschutzminister John Kelly hat Massenabschiebungen von illegalen Migranten "
            "ausgeschlossen. Auch einem Einsatz der Streitkräfte gegen illegale Einwanderer erteilte Kelly "
            "eine Absage.",
            "2017-02", "Outlet A");
  int kelly = s.Person("John Kelly", "john kelly", "Heimatschutzminister");
  s.Quote("Massenabschiebungen von illegalen Migranten ausgeschlossen", kelly, QuoteKind::kReported);
  s.Quote("einem Einsatz der Streitkräfte gegen illegale Einwanderer erteilte Kelly eine Absage", kelly,
          QuoteKind::kReported);
  s.Article("a1",
            "\"Es wird keine, ich wiederhole keine Massenabschiebungen geben\", sagte Kelly. Die Armee werde "
            "sich nicht an den Einsätzen gegen illegale Einwanderer beteiligen, fügte Kelly hinzu. "
            "\"Wir kooperieren bei Handel und Energie\", sagte Luis Videgaray.",
            "", "Outlet B");
  kelly = s.Person("John Kelly", "john kelly", "US-Heimatschutzminister");
  const int videgaray = s.Person("Luis Videgaray", "luis videgaray", "Außenminister");
  s.Quote("Es wird keine, ich wiederhole keine Massenabschiebungen geben", kelly);
  s.Quote("Die Armee werde sich nicht an den Einsätzen gegen illegale Einwanderer beteiligen", kelly,
          QuoteKind::kReported);
  s.Quote("Wir kooperieren bei Handel und Energie", videgaray);
  s.Article("a2",
            "\"Wir gehen nicht raus und machen Massenabschiebungen\", sagte Kelly. \"Sie werden sehr schnell "
            "wieder zurückgebracht\", sagte Kelly. \"Wir gehen nicht raus und machen Massenabschiebungen "
            "gegen Mexiko\", sagte Videgaray.",
            "", "Outlet C");
  kelly = s.Person("Kelly", "kelly");  // this outlet never gives the first name
  const int v2 = s.Person("Videgaray", "videgaray");
  s.Quote("Wir gehen nicht raus und machen Massenabschiebungen\"", kelly);
  s.Quote("Sie werden sehr schnell wieder zurückgebracht", kelly);
  s.Quote("Wir gehen nicht raus und machen Massenabschiebungen gegen Mexiko", v2);
  return s;
}

TEST(QuotesTest, OneStatementReportedByThreeOutletsIsOneEntry) {
  const Briefing b = KellyStory().Build();
  const QuoteEntry* q = EntryWith(b, "ich wiederhole keine Massenabschiebungen");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "John Kelly");
  EXPECT_EQ(q->speaker_key, "john kelly");
  // Reported form (a0), direct forms (a1, a2): matched on the compound
  // "Massenabschiebungen", not on the exact words.
  EXPECT_EQ(q->sources(), 3);
  EXPECT_EQ(EntryWith(b, "machen Massenabschiebungen\""), q);
  EXPECT_EQ(EntryWith(b, "von illegalen Migranten ausgeschlossen"), q);
  // The first entry is the most widely carried statement.
  EXPECT_EQ(&b.quotes.front(), q);
}

TEST(QuotesTest, ParaphraseOfTheMilitaryStatementJoinsAcrossOutlets) {
  const Briefing b = KellyStory().Build();
  const QuoteEntry* q = EntryWith(b, "Die Armee werde sich nicht");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "John Kelly");
  EXPECT_THAT(ReportArticles(*q), ElementsAre("a0", "a1"));
  EXPECT_EQ(EntryWith(b, "Einsatz der Streitkräfte"), q);
}

TEST(QuotesTest, OtherStatementsAndOtherSpeakersStayApart) {
  const Briefing b = KellyStory().Build();
  const QuoteEntry* back = EntryWith(b, "sehr schnell wieder zurückgebracht");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->reports.size(), 1u);
  // Videgaray's sentence shares Kelly's words but is his statement.
  const QuoteEntry* v = EntryWith(b, "Massenabschiebungen gegen Mexiko");
  ASSERT_NE(v, nullptr);
  EXPECT_NE(v, EntryWith(b, "ich wiederhole keine"));
  EXPECT_EQ(v->speaker, "Luis Videgaray");  // "videgaray" merged into "luis videgaray"
  EXPECT_EQ(EntryWith(b, "Handel und Energie")->speaker, "Luis Videgaray");
}

TEST(QuotesTest, OneSharedShortWordIsNotEnough) {
  StoryBuilder s;
  s.Article("a", "\"Wir reden mit Mexiko\", sagte Kelly.");
  int k = s.Person("Kelly", "kelly");
  s.Quote("Wir reden mit Mexiko", k);
  s.Article("b", "\"Mexiko zahlt für die Mauer\", sagte Kelly.");
  k = s.Person("Kelly", "kelly");
  s.Quote("Mexiko zahlt für die Mauer", k);
  const Briefing b = s.Build();
  EXPECT_EQ(b.quotes.size(), 2u);
}

// A quoted word inside a sentence is shown with its sentence, which says
// what the word was said of; a longer quotation stays as it is.
TEST(QuotesTest, AQuotedWordIsShownWithItsSentence) {
  // How the quotation `quote` of Trump's in `text` is shown in a briefing.
  auto shown = [](const std::string& text, const std::string& quote) {
    StoryBuilder s;
    s.Article("a", text);
    s.Quote(quote, s.Person("Donald Trump", "donald trump"));
    const Briefing b = s.Build();
    const QuoteEntry* entry = EntryWith(b, quote);
    return entry == nullptr ? QuoteReport{} : entry->reports[0];
  };
  const QuoteReport word =
      shown("Trump hatte die Abschiebung als \"Milit\u00e4roperation\" bezeichnet.", "Milit\u00e4roperation");
  EXPECT_EQ(word.text, "Trump hatte die Abschiebung als \"Militäroperation\" bezeichnet.");
  EXPECT_EQ(word.kind, QuoteKind::kReported);
  const QuoteReport longer = shown("\"Wir schaffen echt b\u00f6se Kerle aus diesem Land\", sagte Trump.",
                                   "Wir schaffen echt b\u00f6se Kerle aus diesem Land");
  EXPECT_EQ(longer.text, "Wir schaffen echt böse Kerle aus diesem Land");
  EXPECT_EQ(longer.kind, QuoteKind::kDirect);
  // A short quotation that opens its sentence, after a German opening mark
  // of three bytes, is shown alone.
  const QuoteReport alone =
      shown("Die Lage ist ernst. \u201ENiemals aufgeben\u201C, sagte Trump.", "Niemals aufgeben");
  EXPECT_EQ(alone.text, "Niemals aufgeben");
  EXPECT_EQ(alone.kind, QuoteKind::kDirect);
}

// A speaker phrase that names no entity is shown as written; a pronoun
// nobody resolved stays unknown.
TEST(QuotesTest, UnresolvedSpeakerPhraseIsShownAsWritten) {
  StoryBuilder s;
  s.Article("a", "Ein Sprecher sagte, man bitte Pendler um Geduld. Er sagte, die Busse f\u00fchren.");
  s.Quote("man bitte Pendler um Geduld", -1, extract::QuoteKind::kReported);
  s.ex().quotes.back().speaker = "Ein Sprecher";
  s.Quote("die Busse f\u00fchren", -1, extract::QuoteKind::kReported);
  s.ex().quotes.back().speaker = "Er";
  const Briefing b = s.Build();
  const QuoteEntry* spokesman = EntryWith(b, "Pendler um Geduld");
  ASSERT_NE(spokesman, nullptr);
  EXPECT_EQ(spokesman->speaker, "Ein Sprecher");
  const QuoteEntry* pronoun = EntryWith(b, "die Busse");
  ASSERT_NE(pronoun, nullptr);
  EXPECT_EQ(pronoun->speaker, "");
}

// --- People --------------------------------------------------------------------

TEST(PeopleTest, MergedByCanonicalKeyAndSurname) {
  const Briefing b = KellyStory().Build();
  ASSERT_FALSE(b.people.empty());
  const Person& kelly = b.people.front();
  EXPECT_EQ(kelly.name, "John Kelly");
  EXPECT_THAT(kelly.article_ids, ElementsAre("a0", "a1", "a2"));
  // "Heimatschutzminister" ends "US-Heimatschutzminister": one role.
  EXPECT_THAT(kelly.roles, ElementsAre("US-Heimatschutzminister"));
  // "videgaray" and "luis videgaray" are one person too.
  ASSERT_EQ(b.people.size(), 2u);
  EXPECT_EQ(b.people[1].name, "Luis Videgaray");
  EXPECT_EQ(b.people[1].article_ids.size(), 2u);
}

TEST(PeopleTest, ARelationIsNoRoleBesideAnOffice) {
  StoryBuilder s;
  s.Article("a", "Der mexikanische Außenminister Luis Videgaray sprach.");
  s.Person("Luis Videgaray", "luis videgaray", "mexikanische Außenminister");
  s.Article("b", "Tillerson traf seinen mexikanischen Kollegen Luis Videgaray.");
  s.Person("Luis Videgaray", "luis videgaray", "mexikanischen Kollegen");
  s.Article("c", "Aussenminister Luis Videgaray sagte nichts.");
  s.Person("Luis Videgaray", "luis videgaray", "Aussenminister");
  const Briefing b = s.Build();
  ASSERT_EQ(b.people.size(), 1u);
  EXPECT_THAT(b.people[0].roles, ElementsAre("mexikanische Außenminister"));
}

TEST(PeopleTest, AmbiguousSurnameStaysApart) {
  StoryBuilder s;
  s.Article("a", "Donald Trump und Ivanka Trump reisten ab. Trump sagte nichts.");
  s.Person("Donald Trump", "donald trump");
  s.Person("Ivanka Trump", "ivanka trump");
  s.Article("b", "Trump sagte nichts dazu.");
  s.Person("Trump", "trump");
  const Briefing b = s.Build();
  EXPECT_EQ(b.people.size(), 3u);
}

// --- Figures -------------------------------------------------------------------

StoryBuilder FigureStory() {
  StoryBuilder s;
  s.Article("f0", "In den USA leben schätzungsweise 5,8 Millionen Mexikaner ohne Aufenthaltsgenehmigung.");
  s.Figure("5,8 Millionen", 5.8e6, "Mexikaner ohne Aufenthaltsgenehmigung", "", "about");
  s.Article("f1", "Die Zahl der illegal in den USA lebenden Latinos wird auf mehr als elf Millionen geschätzt.");
  s.Figure("elf Millionen", 11e6, "illegal in den USA lebenden Latinos", "", "more than");
  s.Article("f2",
            "Nahezu alle der elf Millionen ohne Aufenthaltsstatus im Land lebenden Menschen müssen ihre "
            "Abschiebung fürchten.");
  s.Figure("elf Millionen", 11e6, "ohne Aufenthaltsstatus im Land lebenden Menschen");
  s.Article("f3",
            "Nahezu sämtliche der elf Millionen ohne Aufenthaltsstatus im Land lebenden Menschen müssen ihre "
            "Abschiebung fürchten. Dort nahmen die USA im Fiskaljahr 2016 fast 410'000 Menschen fest. "
            "Zehntausende Migranten werden jedes Jahr gestoppt.");
  s.Figure("elf Millionen", 11e6, "ohne Aufenthaltsstatus im Land lebenden Menschen");
  s.Figure("410'000", 410000, "Menschen", "", "almost");
  s.Figure("Zehntausende", 1e4, "Migranten", "", "tens of thousands");
  return s;
}

const FigureGroup* GroupWith(const Briefing& b, std::string_view article, double value) {
  for (const FigureGroup& g : b.figures) {
    for (const FigureValue& v : g.values) {
      if (v.article_id == article && v.value == value) return &g;
    }
  }
  return nullptr;
}

TEST(FiguresTest, SameCountedThingAlignedAndDisagreementFlagged) {
  const Briefing b = FigureStory().Build();
  const FigureGroup* g = GroupWith(b, "f2", 11e6);
  ASSERT_NE(g, nullptr);
  // "Mexikaner ohne Aufenthaltsgenehmigung" meets "ohne Aufenthaltsstatus ...
  // Menschen" through aufenthalt* and the people class; the Latinos through
  // "lebenden" and the people class.
  EXPECT_EQ(g->sources(), 4);
  EXPECT_EQ(GroupWith(b, "f0", 5.8e6), g);
  EXPECT_EQ(GroupWith(b, "f1", 11e6), g);
  EXPECT_FALSE(g->agree);  // 5.8 vs 11 million
  EXPECT_EQ(&b.figures.front(), g);  // disagreeing groups first
  // The value stands with its sentence.
  for (const FigureValue& v : g->values) {
    if (v.article_id == "f0") {
      EXPECT_THAT(v.sentence, ::testing::HasSubstr("Mexikaner ohne"));
    }
  }
}

TEST(FiguresTest, OtherMagnitudeAndVagueAmountsStayOut) {
  const Briefing b = FigureStory().Build();
  const FigureGroup* arrests = GroupWith(b, "f3", 410000);
  ASSERT_NE(arrests, nullptr);
  EXPECT_EQ(arrests->sources(), 1);  // only in f3: 27 times smaller than 11 million
  EXPECT_EQ(GroupWith(b, "f3", 1e4), nullptr);  // "Zehntausende" is no value to compare
}

TEST(FiguresTest, EqualValuesAgree) {
  StoryBuilder s;
  s.Article("x", "Beim Unglück starben 12 Menschen.");
  s.Figure("12 Menschen", 12, "Menschen");
  s.Article("y", "Zwölf Tote meldete die Polizei, 12 Menschen starben.");
  s.Figure("12 Menschen", 12, "Menschen");
  const Briefing b = s.Build();
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_TRUE(b.figures[0].agree);
  EXPECT_EQ(b.figures[0].sources(), 2);
}

TEST(FiguresTest, DifferentUnitsOrYearsAreDifferentThings) {
  StoryBuilder s;
  s.Article("x", "Im Jahr 2015 kamen 300.000 Migranten an.");
  s.Figure("300.000", 3e5, "Migranten");
  s.Article("y", "Im Jahr 2016 kamen 400.000 Migranten an. Das kostete 350.000 Euro für Migranten.");
  s.Figure("400.000", 4e5, "Migranten");
  s.Figure("350.000 Euro", 3.5e5, "Migranten", "EUR");
  const Briefing b = s.Build();
  EXPECT_EQ(b.figures.size(), 3u);
}

// --- Only in one source --------------------------------------------------------

TEST(OnlyInTest, SentencesNoOtherArticleCarries) {
  StoryBuilder s;
  s.Article("a",
            "Kelly erteilte dem Grenzschutz am Dienstag Anweisungen für verschärfte Razzien. "
            "Die Grenzstädte wie Tijuana sind auf die Rückführung von Migranten nicht vorbereitet.");
  s.Article("b",
            "Am Dienstag erteilte Kelly dem Grenzschutz entsprechende Anweisungen für Razzien. "
            "Der Schmuggel illegaler Waffen von den USA nach Mexiko soll gestoppt werden.");
  const Briefing b = s.Build();
  ASSERT_EQ(b.only_in.size(), 2u);
  EXPECT_EQ(b.only_in[0].article_id, "a");
  EXPECT_EQ(b.only_in[0].count, 1);
  EXPECT_THAT(b.only_in[0].sentences, ElementsAre(::testing::HasSubstr("Tijuana")));
  EXPECT_THAT(b.only_in[1].sentences, ElementsAre(::testing::HasSubstr("Schmuggel illegaler Waffen")));
}

TEST(OnlyInTest, ASingleArticleStoryHasNoComparison) {
  StoryBuilder s;
  s.Article("a", "Die Grenzstädte wie Tijuana sind auf die Rückführung von Migranten nicht vorbereitet.");
  EXPECT_TRUE(s.Build().only_in.empty());
}

// --- Timeline ------------------------------------------------------------------

std::vector<std::string> Labels(const Briefing& b) {
  std::vector<std::string> out;
  for (const TimelineEntry& e : b.timeline) out.push_back(e.label);
  return out;
}

TEST(TimelineTest, UnresolvedWeekdaysOrderedWithinTheWeekAfterAMonthDate) {
  StoryBuilder s;
  s.Article("m", "Tillerson und Kelly wollten sich im Laufe des Donnerstags treffen.", "2017-02");
  s.Date("im Laufe des Donnerstags", "", DatePrecision::kDay, "weekday:4");
  s.Article("u",
            "Kelly sprach am Mittwoch in Guatemala. Er hatte am Dienstag Anweisungen erteilt. "
            "Im Fiskaljahr 2016 nahmen die USA viele Menschen fest. Gestern reiste er ab.");
  s.Date("am Mittwoch", "", DatePrecision::kDay, "weekday:3");
  s.Date("am Dienstag", "", DatePrecision::kDay, "weekday:2");
  s.Date("Fiskaljahr 2016", "2016", DatePrecision::kYear, "");
  s.Date("Gestern", "", DatePrecision::kDay, "days:-1");
  const Briefing b = s.Build();
  EXPECT_THAT(Labels(b), ElementsAre("2016", "published 2017-02", "Tuesday", "Wednesday", "Thursday",
                                     "relative: Gestern"));
  EXPECT_THAT(b.timeline[2].items[0].sentence, ::testing::HasSubstr("Anweisungen erteilt"));
  EXPECT_TRUE(b.timeline[1].publication);
}

TEST(TimelineTest, WeekdaysResolvedAgainstADayDatedArticle) {
  StoryBuilder s;
  s.Article("d", "Das Treffen fand statt.", "2017-02-24");  // a Friday
  s.Article("u", "Kelly sprach am Mittwoch. Am Donnerstag traf er Videgaray.");
  s.Date("am Mittwoch", "", DatePrecision::kDay, "weekday:3");
  s.Date("Am Donnerstag", "", DatePrecision::kDay, "weekday:4");
  const Briefing b = s.Build();
  ASSERT_EQ(b.timeline.size(), 3u);
  EXPECT_EQ(b.timeline[0].date, "2017-02-22");
  EXPECT_EQ(b.timeline[0].weekday, 3);
  EXPECT_EQ(b.timeline[1].date, "2017-02-23");
  EXPECT_EQ(b.timeline[2].label, "published 2017-02-24");
}

TEST(TimelineTest, SameDayFromTwoArticlesIsOneEntry) {
  StoryBuilder s;
  s.Article("a", "Am Dienstag erteilte Kelly Anweisungen.");
  s.Date("Am Dienstag", "2017-02-21", DatePrecision::kDay, "weekday:2");
  s.Article("b", "Kelly hatte am Dienstag Anweisungen erteilt.");
  s.Date("am Dienstag", "2017-02-21", DatePrecision::kDay, "weekday:2");
  const Briefing b = s.Build();
  ASSERT_EQ(b.timeline.size(), 1u);
  EXPECT_EQ(b.timeline[0].items.size(), 2u);
  EXPECT_EQ(b.timeline[0].weekday, 2);
}

// --- Headline and summary ------------------------------------------------------

StoryBuilder LongStory() {
  StoryBuilder s;
  s.Article("l0",
            "US-Heimatschutzminister John Kelly schließt Massenabschiebungen illegaler Einwanderer aus.\n"
            "weitere Videos\n"
            "Kelly traf in Mexiko-Stadt den mexikanischen Außenminister Luis Videgaray zu Gesprächen.\n"
            "Die Beziehungen zwischen Mexiko und den USA sind wegen der geplanten Grenzmauer angespannt.\n"
            "Mexiko lehnt es ab, die Grenzmauer zu bezahlen, die Präsident Trump bauen will.\n"
            "Tillerson sprach von gemeinsamen Interessen beider Länder bei Handel und Sicherheit.",
            "", "", "");
  s.Article("l1",
            "Heimatschutzminister John Kelly schließt Massenabschiebungen illegaler Einwanderer aus.\n"
            "Kelly und Tillerson trafen in Mexiko-Stadt Außenminister Videgaray zu schwierigen Gesprächen.\n"
            "Videgaray sprach von Irritationen in Mexiko über die neuen Abschiebungsrichtlinien.\n"
            "Die Grenzstädte sind auf die Rückführung vieler Migranten nicht vorbereitet.\n"
            "Präsident Trump will die Grenzmauer bauen und Mexiko dafür bezahlen lassen.",
            "", "", "");
  return s;
}

TEST(SummaryTest, AtMostTheLimitNoRepeatsNoFurniture) {
  const Briefing b = LongStory().Build();
  EXPECT_LE(b.summary.size(), 5u);
  EXPECT_GE(b.summary.size(), 3u);
  for (const SummarySentence& s : b.summary) {
    EXPECT_EQ(s.text.find("weitere Videos"), std::string::npos);
    EXPECT_NE(s.text, b.headline) << "the headline sentence is not repeated";
  }
  // The lead is reported twice, near-verbatim: headline and summary carry it
  // at most once.
  int lead = b.headline.find("schließt Massenabschiebungen") != std::string::npos ? 1 : 0;
  for (const SummarySentence& s : b.summary) {
    lead += s.text.find("schließt Massenabschiebungen") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(lead, 1) << b.headline;
  // Both sources contribute.
  bool l0 = false;
  bool l1 = false;
  for (const SummarySentence& s : b.summary) {
    l0 |= s.article_id == "l0";
    l1 |= s.article_id == "l1";
  }
  EXPECT_TRUE(l0 && l1);
}

TEST(SummaryTest, OptionLimitsTheLength) {
  BriefingOptions options;
  options.summary_sentences = 2;
  EXPECT_EQ(LongStory().Build(options).summary.size(), 2u);
  options.summary_sentences = 0;
  EXPECT_TRUE(LongStory().Build(options).summary.empty());
}

TEST(HeadlineTest, MostRepresentativeTitleWins) {
  StoryBuilder s;
  s.Article("t0", "Kelly schließt Massenabschiebungen aus. Kelly traf Videgaray in Mexiko.", "", "",
            "Kelly schließt Massenabschiebungen aus");
  s.Article("t1", "Kelly schließt Massenabschiebungen aus. Das Wetter war schön.", "", "", "Eilmeldung");
  const Briefing b = s.Build();
  EXPECT_EQ(b.headline, "Kelly schließt Massenabschiebungen aus");
  EXPECT_EQ(b.headline_article_id, "t0");
}

// --- Sources -------------------------------------------------------------------

TEST(SourcesTest, CopiedParagraphsCountedAndCopiesNotIndependent) {
  const std::string p1 =
      "Der amerikanische Heimatschutzminister John Kelly hat Massenabschiebungen von illegalen Migranten "
      "ausgeschlossen, sagte er in Mexiko-Stadt nach dem Treffen.";
  const std::string p2 =
      "Das Verhältnis zwischen den USA und Mexiko wurde zuletzt immer angespannter, weil der Präsident eine "
      "Mauer bauen will.";
  const std::string p3 =
      "Die Grenzstädte wie Tijuana sind auf die Rückführung von Migranten nicht vorbereitet, sagen viele "
      "Experten dort.";
  StoryBuilder s;
  s.Article("orig", p1 + "\n" + p2 + "\n" + p3, "2017-02-23", "Agentur");
  s.Article("copy", p1 + "\n" + p2, "2017-02-23T12:00", "Zeitung");
  s.Article("own",
            "Tillerson sprach von gemeinsamen Interessen beider Länder bei Handel, Energie und Sicherheit in "
            "der Region.",
            "2017-02-24", "");
  const Briefing b = s.Build();
  ASSERT_EQ(b.sources.size(), 3u);
  EXPECT_EQ(b.sources[0].outlet, "Agentur");
  EXPECT_EQ(b.sources[2].outlet, "own");  // no source: the id
  EXPECT_TRUE(b.sources[0].copied_from.empty());
  EXPECT_EQ(b.sources[1].copied_from, "orig");
  ASSERT_EQ(b.sources[1].shares.size(), 1u);
  EXPECT_EQ(b.sources[1].shares[0].other_id, "orig");
  EXPECT_EQ(b.sources[1].shares[0].shared_paragraphs, 2);
  EXPECT_EQ(b.sources[1].shares[0].paragraphs, 2);
  EXPECT_EQ(b.sources[0].shares[0].shared_paragraphs, 2);
  EXPECT_EQ(b.sources[0].shares[0].paragraphs, 3);
  EXPECT_TRUE(b.sources[2].shares.empty());
  EXPECT_EQ(b.independent_sources, 2);
  EXPECT_GT(b.sources[0].words, 40);
}

TEST(SourcesTest, HugeStoriesCapPairwiseWork) {
  StoryBuilder s;
  for (int i = 0; i < 30; ++i) {
    s.Article("a" + std::to_string(i), "Kelly schließt Massenabschiebungen von illegalen Migranten in den USA aus.");
  }
  BriefingOptions options;
  options.max_compared_articles = 10;
  const Briefing b = s.Build(options);
  ASSERT_EQ(b.sources.size(), 30u);
  EXPECT_EQ(b.sources[5].shares.size(), 9u);
  EXPECT_TRUE(b.sources[20].shares.empty());
}

// --- Related -------------------------------------------------------------------

TEST(RelatedTest, SortedByDateUndatedLast) {
  StoryBuilder s;
  s.Article("a", "Kelly schließt Massenabschiebungen aus.");
  StoryInput in = s.Input(7, 3);
  in.related.push_back({9, {}, "undated"});
  in.related.push_back({8, *ParsePublishedDate("2025-02-01"), "later"});
  in.related.push_back({2, *ParsePublishedDate("2017-01-01"), "earlier"});
  const Briefing b = BuildBriefing(in);
  EXPECT_EQ(b.id, 7);
  EXPECT_EQ(b.storyline, 3);
  ASSERT_EQ(b.related.size(), 3u);
  EXPECT_EQ(b.related[0].id, 2);
  EXPECT_EQ(b.related[1].id, 8);
  EXPECT_EQ(b.related[2].id, 9);
}

TEST(BriefingTest, EmptyAndExtractionlessInputsAreFine) {
  const Briefing empty = BuildBriefing(StoryInput{});
  EXPECT_TRUE(empty.headline.empty());
  EXPECT_TRUE(empty.sources.empty());
  Article a;
  a.id = "x";
  StoryInput in;
  in.articles.push_back({&a, nullptr, nullptr});
  const Briefing b = BuildBriefing(in);
  ASSERT_EQ(b.sources.size(), 1u);
  EXPECT_EQ(b.independent_sources, 1);
}

}  // namespace
}  // namespace storyline::compare
