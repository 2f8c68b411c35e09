#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

std::vector<std::string> Sentences(std::string_view text, std::string_view lang = "de") {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, lang)) out.emplace_back(s.In(text));
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> expected;
};

TEST(SplitSentencesTest, Table) {
  const std::vector<Case> cases = {
      {"", {}},
      {"  \n ", {}},
      {"Ein Satz.", {"Ein Satz."}},
      {"Ohne Punkt", {"Ohne Punkt"}},
      {"Erster Satz. Zweiter Satz!  Dritter?", {"Erster Satz.", "Zweiter Satz!", "Dritter?"}},
      // Quotes: the closing quote stays; ", sagte" is no boundary.
      {"\"Die Abschiebungen werden legal erfolgen\", sagte er in Mexiko-Stadt. \"Unser Fokus "
       "liegt auf kriminellen Einwanderern.\" In den USA leben 5,8 Millionen Mexikaner.",
       {"\"Die Abschiebungen werden legal erfolgen\", sagte er in Mexiko-Stadt.",
        "\"Unser Fokus liegt auf kriminellen Einwanderern.\"",
        "In den USA leben 5,8 Millionen Mexikaner."}},
      {"\"Es wird keine Massenabschiebungen geben\", sagte Kelly. Die Armee werde nicht helfen.",
       {"\"Es wird keine Massenabschiebungen geben\", sagte Kelly.",
        "Die Armee werde nicht helfen."}},
      {"\xE2\x80\x9E" "Das Treffen kommt in einem komplizierten Moment.\xE2\x80\x9C Danach ging er.",
       {"\xE2\x80\x9E" "Das Treffen kommt in einem komplizierten Moment.\xE2\x80\x9C",
        "Danach ging er."}},
      {"\xE2\x80\x9EWir reden von Hunderttausenden Menschen\xE2\x80\x9C, sagt der Experte.",
       {"\xE2\x80\x9EWir reden von Hunderttausenden Menschen\xE2\x80\x9C, sagt der Experte."}},
      {"\"Raus!\", rief er. Dann ging er.", {"\"Raus!\", rief er.", "Dann ging er."}},
      {"\"Raus!\" rief er.", {"\"Raus!\" rief er."}},
      {"\"Wer?\" Er z\xC3\xB6gerte.", {"\"Wer?\"", "Er z\xC3\xB6gerte."}},
      {"Er sagte: \"Das reicht.\" Dann ging er.", {"Er sagte: \"Das reicht.\"", "Dann ging er."}},
      // Datelines.
      {"Mexiko-Stadt/Berlin. US-Au\xC3\x9F" "enminister Rex Tillerson und Luis Videgaray haben "
       "sich getroffen. Es herrschte frostige Atmosph\xC3\xA4re.",
       {"Mexiko-Stadt/Berlin. US-Au\xC3\x9F" "enminister Rex Tillerson und Luis Videgaray haben "
        "sich getroffen.",
        "Es herrschte frostige Atmosph\xC3\xA4re."}},
      {"Mexiko-Stadt. US-Au\xC3\x9F" "enminister Marco Rubio hat Mexiko besucht. In der "
       "Hauptstadt sprach er.",
       {"Mexiko-Stadt. US-Au\xC3\x9F" "enminister Marco Rubio hat Mexiko besucht.",
        "In der Hauptstadt sprach er."}},
      {"Berlin. Die Regierung hat entschieden.", {"Berlin. Die Regierung hat entschieden."}},
      {"Bad Homburg/Frankfurt. Der Kurs fiel.", {"Bad Homburg/Frankfurt. Der Kurs fiel."}},
      {"Nein. Das stimmt nicht.", {"Nein.", "Das stimmt nicht."}},
      {"Das Ende. Die Zukunft.", {"Das Ende.", "Die Zukunft."}},
      {"Gute Nachrichten. Die Zahlen steigen.", {"Gute Nachrichten.", "Die Zahlen steigen."}},
      {"Zwei Tote. Die Polizei ermittelt.", {"Zwei Tote.", "Die Polizei ermittelt."}},
      {"New York. Der Kurs fiel.", {"New York. Der Kurs fiel."}},
      {"Frankfurt am Main. Der Kurs fiel.", {"Frankfurt am Main. Der Kurs fiel."}},
      {"Er kam aus Berlin. Sie aus Bonn.", {"Er kam aus Berlin.", "Sie aus Bonn."}},
      // Abbreviations and initials.
      {"Das gilt z. B. f\xC3\xBCr Dr. M\xC3\xBCller aus St. Gallen. Er kam.",
       {"Das gilt z. B. f\xC3\xBCr Dr. M\xC3\xBCller aus St. Gallen.", "Er kam."}},
      {"Er wohnt in Nr. 5 bzw. ca. 20 Meter weiter. Gut so.",
       {"Er wohnt in Nr. 5 bzw. ca. 20 Meter weiter.", "Gut so."}},
      {"Sie sagten u. a. Folgendes. Dann gingen sie.",
       {"Sie sagten u. a. Folgendes.", "Dann gingen sie."}},
      {"Das kostet ca. 5 Mio. Euro im Jahr. Danach mehr.",
       {"Das kostet ca. 5 Mio. Euro im Jahr.", "Danach mehr."}},
      {"Prof. Schmidt kam. Ca. 20 Leute warteten.", {"Prof. Schmidt kam.", "Ca. 20 Leute warteten."}},
      {"John F. Kennedy wurde 1917 geboren. Er starb 1963.",
       {"John F. Kennedy wurde 1917 geboren.", "Er starb 1963."}},
      {"Sie kaufen \xC3\x84pfel, Birnen usw. Dann gehen sie.",
       {"Sie kaufen \xC3\x84pfel, Birnen usw.", "Dann gehen sie."}},
      {"Mehr unter www.allinrechner.at. Dort steht es.",
       {"Mehr unter www.allinrechner.at.", "Dort steht es."}},
      {"Der Preis stieg um 1.000 Euro. Das ist viel.",
       {"Der Preis stieg um 1.000 Euro.", "Das ist viel."}},
      // Ordinals and years.
      {"Er kam am 20. Januar an. Die Feier war am 3. Oktober.",
       {"Er kam am 20. Januar an.", "Die Feier war am 3. Oktober."}},
      {"Sie belegte den 3. Platz. Zum 2. Mal gewann sie.",
       {"Sie belegte den 3. Platz.", "Zum 2. Mal gewann sie."}},
      {"Das war der 3. Versuch. Er scheiterte.", {"Das war der 3. Versuch.", "Er scheiterte."}},
      {"Im 19. Jahrhundert war das anders.", {"Im 19. Jahrhundert war das anders."}},
      {"Es kamen 24. Die anderen fehlten.", {"Es kamen 24.", "Die anderen fehlten."}},
      {"Die USA nahmen im Fiskaljahr 2016. Die grosse Mehrheit stammte aus Guatemala.",
       {"Die USA nahmen im Fiskaljahr 2016.", "Die grosse Mehrheit stammte aus Guatemala."}},
      // Lines.
      {"Mexiko irritiert von Trump-Politik\nBesorgt zeigte sich der Minister.",
       {"Mexiko irritiert von Trump-Politik", "Besorgt zeigte sich der Minister."}},
      {"Er sagte\nnichts.", {"Er sagte", "nichts."}},
      {"Titel\n\n   Erster Satz.  Zweiter Satz.  ", {"Titel", "Erster Satz.", "Zweiter Satz."}},
      // Ellipses and runs.
      {"Und dann \xE2\x80\xA6 kam er. Ja.", {"Und dann \xE2\x80\xA6 kam er.", "Ja."}},
      {"Er wartete... Dann kam sie.", {"Er wartete...", "Dann kam sie."}},
      {"Er sagte [...] Dinge. Gut.", {"Er sagte [...] Dinge.", "Gut."}},
      {"Wirklich?! Ja.", {"Wirklich?!", "Ja."}},
      {"(Das war klar.) Danach nicht.", {"(Das war klar.)", "Danach nicht."}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.expected) << "text: " << c.text;
  }
}

TEST(SplitSentencesTest, English) {
  const std::vector<Case> cases = {
      {"Mr. Smith went to Washington. He met Dr. Jones at 5 p.m. on Friday.",
       {"Mr. Smith went to Washington.", "He met Dr. Jones at 5 p.m. on Friday."}},
      {"The U.S. Senate voted. It passed.", {"The U.S. Senate voted.", "It passed."}},
      {"It rose 3.5 percent. Analysts were surprised.",
       {"It rose 3.5 percent.", "Analysts were surprised."}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Sentences(c.text, "en"), c.expected) << "text: " << c.text;
  }
}

TEST(SplitSentencesTest, AppendsSpans) {
  std::vector<Span> out = {Span{0, 0}};
  SplitSentences("Ab cd. Ef gh.", "de", &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1], (Span{0, 6}));
  EXPECT_EQ(out[2], (Span{7, 13}));
}

}  // namespace
}  // namespace storyline::text
