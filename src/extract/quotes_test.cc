#include "extract/quotes.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "extract/word_view.h"

namespace storyline::extract {
namespace {

std::vector<Quote> Quotes(const std::string& text, Extraction* ex = nullptr,
                          std::string_view lang = "de") {
  Extraction local;
  Extraction* out = ex != nullptr ? ex : &local;
  const WordView view = BuildWordView(text, lang);
  FindQuotes(view, out);
  return out->quotes;
}

struct QuoteCase {
  std::string text;
  std::string kind;     // "direct", "reported"; "" for no quotation
  std::string message;
  std::string cue;
  std::string speaker;
};

TEST(QuotesTest, LetSpeakWithSichIsNoCue) {
  // "ließ sich nicht erklären": nothing was declared.
  for (const Quote& q : Quotes("Der Vorfall lie\xC3\x9F sich zun\xC3\xA4" "chst nicht erkl\xC3\xA4" "ren, die Ermittlungen dauern an.")) {
    EXPECT_FALSE(q.cue.starts_with("lie\xC3\x9F")) << q.cue;
  }
}

TEST(QuotesTest, Table) {
  const std::vector<QuoteCase> cases = {
      {"\"Es wird keine Massenabschiebungen geben\", sagte Kelly am Donnerstag.", "direct",
       "Es wird keine Massenabschiebungen geben", "sagte", "Kelly"},
      {"\xE2\x80\x9EWir sind bereit, zu reden\xE2\x80\x9C, betonte der Minister.", "direct",
       "Wir sind bereit, zu reden", "betonte", "der Minister"},
      {"\xC2\xABWir sind bereit, zu reden\xC2\xBB, erkl\xC3\xA4rte sie.", "direct",
       "Wir sind bereit, zu reden", "erklärte", "sie"},
      {"\xC2\xBBWir sind bereit, zu reden\xC2\xAB, sagte er.", "direct",
       "Wir sind bereit, zu reden", "sagte", "er"},
      {"\xE2\x80\x9AWir sind bereit, zu reden\xE2\x80\x98, sagte er.", "direct",
       "Wir sind bereit, zu reden", "sagte", "er"},
      {"Dazu erkl\xC3\xA4rte Sheinbaum: \"Wir sind bereit, Informationen auszutauschen.\"", "direct",
       "Wir sind bereit, Informationen auszutauschen.", "erklärte", "Sheinbaum"},
      {"Kelly sagte: \"Wir machen keine Massenabschiebungen.\"", "direct",
       "Wir machen keine Massenabschiebungen.", "sagte", "Kelly"},
      {"\"Das ist gut\", so Kelly.", "direct", "Das ist gut", "so", "Kelly"},
      {"Kelly betonte am Mittwoch, die Ma\xC3\x9Fnahmen zielten vor allem auf \"Straft\xC3\xA4ter\" ab.",
       "reported", "die Maßnahmen zielten vor allem auf \"Straftäter\" ab", "betonte", "Kelly"},
      {"Die Armee werde sich nicht beteiligen, f\xC3\xBCgte Kelly w\xC3\xA4hrend der Konferenz hinzu.",
       "reported", "Die Armee werde sich nicht beteiligen", "fügte hinzu", "Kelly"},
      {"Er r\xC3\xA4umte zugleich ein, dass die USA daf\xC3\xBCr sorgen m\xC3\xBCssten.", "reported",
       "dass die USA dafür sorgen müssten", "räumte ein", "Er"},
      {"Nach Angaben der Polizei wurden keine Menschen verletzt.", "reported",
       "wurden keine Menschen verletzt", "Nach", "Angaben der Polizei"},
      {"Laut Reuters wurden drei Menschen verletzt.", "reported", "wurden drei Menschen verletzt",
       "Laut", "Reuters"},
      // Quoted words after the source are no name of it; a web address is.
      {"Der Fall wird nach Angaben der Staatsanwaltschaft \xE2\x80\x9E" "ganz besonders sorgf\xC3\xA4ltig\xE2\x80\x9C gepr\xC3\xBC" "ft.",
       "reported", "Der Fall wird nach Angaben der Staatsanwaltschaft \xE2\x80\x9E" "ganz besonders sorgf\xC3\xA4ltig\xE2\x80\x9C gepr\xC3\xBC" "ft", "nach",
       "Angaben der Staatsanwaltschaft"},
      {"Laut \xE2\x80\x9Etagesschau.de\xE2\x80\x9C wurden drei Menschen verletzt.", "reported",
       "wurden drei Menschen verletzt", "Laut", "\xE2\x80\x9Etagesschau.de\xE2\x80\x9C"},
      // An abbreviation takes no genitive: "der Verbesserung" is the verb's.
      {"Das Zentrum dient laut einer Mitteilung des BMI der Verbesserung der Abwehr.", "reported",
       "Das Zentrum dient laut einer Mitteilung des BMI der Verbesserung der Abwehr", "laut", "einer Mitteilung des BMI"},
      // The source in a clause with "wie" after the message.
      {"Die Chemikalie stand unter Druck, wie die Polizei am Montag mitteilte.", "reported",
       "Die Chemikalie stand unter Druck", "mitteilte", "die Polizei"},
      {"Die Lage sei ruhig, wie es in dem Papier hei\xC3\x9F" "t.", "reported", "Die Lage sei ruhig",
       "hei\xC3\x9F" "t es", "dem Papier"},
      {"Der Polizei zufolge wurden drei Menschen verletzt.", "reported",
       "wurden drei Menschen verletzt", "zufolge", "Der Polizei"},
      {"Die Lage sei ernst, so der Sprecher.", "reported", "Die Lage sei ernst", "so",
       "der Sprecher"},
      // Speaker phrases as the SpkAtt annotators mark them: appositions,
      // attachments, the whole source phrase, subjects after an auxiliary.
      {"Tony Auden, ein Sprecher des Zyklonwarnzentrums in Brisbane, wies darauf hin, dass der "
       "Sturm abflaue.",
       "reported", "dass der Sturm abflaue", "wies hin",
       "Tony Auden, ein Sprecher des Zyklonwarnzentrums in Brisbane"},
      {"Das Virus k\xC3\xB6nne mutieren, sagte der Leiter des Programms der WHO, Klaus St\xC3\xB6hr.",
       "reported", "Das Virus könne mutieren", "sagte", "der Leiter des Programms der WHO, Klaus Stöhr"},
      {"Nach Aussagen von Albrecht Conze ist der Termin nicht in Gefahr.", "reported",
       "ist der Termin nicht in Gefahr", "Nach", "Aussagen von Albrecht Conze"},
      {"Gegen\xC3\xBC" "ber der Polizei hat er angegeben, er sei w\xC3\xBCtend gewesen.", "reported",
       "er sei wütend gewesen", "angegeben", "er"},
      {"Die Sprecherin der Stiftung, Heike van Laak, sagte, man bleibe bei den Ergebnissen.",
       "reported", "man bleibe bei den Ergebnissen", "sagte", "Die Sprecherin der Stiftung, Heike van Laak"},
      {"In der Pressemitteilung des WWF hei\xC3\x9Ft es weiter, die Best\xC3\xA4nde seien bedroht.",
       "reported", "die Bestände seien bedroht", "heißt es", "der Pressemitteilung des WWF"},
      {"Thaksin begr\xC3\xBCndete seinen Schritt mit den Worten: \"Ich trete zur\xC3\xBC" "ck, damit das Land Ruhe findet.\"",
       "direct", "Ich trete zurück, damit das Land Ruhe findet.", "", "Thaksin"},
      {"Die Polizei geht davon aus, dass der Brand gelegt wurde.", "reported",
       "dass der Brand gelegt wurde", "geht aus", "Die Polizei"},
      {"Wie schon die WHO sagte, ist eine Ansteckung unwahrscheinlich.", "reported",
       "ist eine Ansteckung unwahrscheinlich", "sagte", "die WHO"},
      {"Es handele sich ersten Angaben zufolge um einen Unfall mit zwei Autos.", "reported",
       "Es handele sich ersten Angaben zufolge um einen Unfall mit zwei Autos", "zufolge",
       "ersten Angaben"},
      {"Laut israelischen Medien gab es zehn Tote und viele Verletzte.", "reported",
       "gab es zehn Tote und viele Verletzte", "Laut", "israelischen Medien"},
      {"Nach einer norwegischen Studie verdreifacht schon wenig Rauchen das Risiko.", "reported",
       "verdreifacht schon wenig Rauchen das Risiko", "Nach", "einer norwegischen Studie"},
      // An adverb opening the clause is not its subject.
      {"Entsprechend \xC3\xA4u\xC3\x9F" "erte sich der Minister, die Lage sei ernst.", "reported",
       "die Lage sei ernst", "\xC3\xA4u\xC3\x9F" "erte", "der Minister"},
      // A source phrase takes genitives and places, not the next phrase: an
      // adjective after a genitive article ends in -en, "in die" is a direction.
      {"Beim Eintritt w\xC3\xBCrde nach Auskunft der NASA der \xC3\xBC" "berwiegende Teil der Gesamtmasse verdampfen.",
       "reported", "Beim Eintritt würde nach Auskunft der NASA der überwiegende Teil der Gesamtmasse verdampfen",
       "nach", "Auskunft der NASA"},
      {"Polizisten schossen nach offiziellen Angaben in die Luft, um die Menge zu zerstreuen.", "reported",
       "Polizisten schossen nach offiziellen Angaben in die Luft, um die Menge zu zerstreuen", "nach",
       "offiziellen Angaben"},
      // Words that open a clause or a phrase without being the subject.
      {"Bezogen auf das Aktenstudium meinte Pilgermaier, der Zeitdruck sei zu gro\xC3\x9F.", "reported",
       "der Zeitdruck sei zu groß", "meinte", "Pilgermaier"},
      {"Etwa einer von drei Befragten erkl\xC3\xA4rte, man arbeite zu Hause.", "reported",
       "man arbeite zu Hause", "erklärte", "einer von drei Befragten"},
      {"Das Projekt laufe gut, sagte einer der Betreiber.", "reported", "Das Projekt laufe gut",
       "sagte", "einer der Betreiber"},
      // A speech act without a message clause: the whole sentence is what
      // was reported; a separable verb's particle closes it.
      {"Ohrenzeugen berichteten von einem lauten Knall.", "reported",
       "Ohrenzeugen berichteten von einem lauten Knall", "berichteten", "Ohrenzeugen"},
      {"Die Polizei geht von einem Verbrechen aus.", "reported",
       "Die Polizei geht von einem Verbrechen aus", "geht aus", "Die Polizei"},
      {"Die Beh\xC3\xB6rden werfen dem Mann Menschenhandel vor.", "reported",
       "Die Behörden werfen dem Mann Menschenhandel vor", "werfen vor", "Die Behörden"},
      // Inside the clause the particle is a preposition; "äußerte sich" says
      // that someone spoke, not what; "bestätigte dies" points back.
      {"Sie warf das Ger\xC3\xA4t 66 Meter weit und siegte vor der Russin.", "", "", "", ""},
      {"Zum gleichen Thema \xC3\xA4u\xC3\x9F" "erte sich heute auch der Minister.", "", "", "", ""},
      {"Ein Sprecher der Armee best\xC3\xA4tigte dies am Abend.", "", "", "", ""},
      // A "soll" sentence on its own is a plan, not hearsay.
      {"Der Start soll am Mittwoch erfolgen.", "", "", "", ""},
      // The speaker's own word for something, named by a verb of naming.
      {"Trump nannte das eine \"Milit\xC3\xA4roperation\".", "direct", "Militäroperation", "nannte",
       "Trump"},
      {"Zuvor hatte Trump die Abschiebung als \"Milit\xC3\xA4roperation\" bezeichnet.", "direct",
       "Militäroperation", "bezeichnet", "Trump"},
      // A time phrase or a focus particle in the Vorfeld is no speaker; a
      // dash closes the clause of a particle.
      {"Diese Woche k\xC3\xBCndigte der Sender eine Partnerschaft mit der Liga an.", "reported",
       "Diese Woche kündigte der Sender eine Partnerschaft mit der Liga an", "kündigte an",
       "der Sender"},
      {"Auch Faymann betonte, dass sich die Haltung bestätigt habe.", "reported",
       "dass sich die Haltung bestätigt habe", "betonte", "Faymann"},
      {"Die Sozialdemokraten werfen dem Minister Zynismus vor \xE2\x80\x93 Kritik der Gr\xC3\xBCnen",
       "reported", "Die Sozialdemokraten werfen dem Minister Zynismus vor", "werfen vor",
       "Die Sozialdemokraten"},
      {"Einen Auftritt in der Talkshow sagte er ab \xE2\x80\x93 wegen eines Termins.", "", "", "", ""},
      {"Der Verband hat gegen die Werbung der Bank geklagt \xE2\x80\x93 mit Erfolg.", "", "", "", ""},
      // An act's subject may have an apposition or a relative clause; a
      // message before "…, betonte X." is no act, a dative no subject.
      {"Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf der SPD eine Fehlentwicklung vor.",
       "reported", "Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf der SPD eine Fehlentwicklung vor",
       "warf vor", "Der bayerische CSU-Vorsitzende, Edmund Stoiber"},
      {"Die Gesch\xC3\xA4" "ftsf\xC3\xBChrung, die ihre Verluste noch beziffert, spricht von tausend "
       "gestohlenen St\xC3\xBC" "cken.",
       "reported", "Die Geschäftsführung, die ihre Verluste noch beziffert, spricht von tausend gestohlenen Stücken",
       "spricht von", "Die Geschäftsführung"},
      {"Zehnter, das passt schon einmal gut, betonte Orter.", "", "", "", ""},
      {"Anpfiff, ausgef\xC3\xBChrt vom Schiedsrichter Aleksandar Stavrev.", "", "", "", ""},
      {"Der drittgr\xC3\xB6\xC3\x9Ften Volkswirtschaft der Erde, Japan, droht eine Rezession.", "", "", "", ""},
      // An infinitive after "zu" is no cue.
      {"Es bleibt zu hoffen, dass alle wieder herauskommen.", "", "", "", ""},
      // Scare quotes and titles are not quotations, nor is a name after a
      // preposition; neither is a verb without a clause.
      {"Das nannte er im \xE2\x80\x9E" "Deutschlandfunk\xE2\x80\x9C einen Fehler.", "", "", "", ""},
      {"Er sagte der Zeitung \xE2\x80\x9ELa Jornada\xE2\x80\x9C nichts.", "", "", "", ""},
      {"Das hei\xC3\x9Ft, wir warten.", "", "", "", ""},
      {"Er sprach auf einem St\xC3\xBCtzpunkt, auf dem Flugzeuge landeten.", "", "", "", ""},
      // Nouns are no speech verbs, nor are "befand sich" and "dafür sorgen".
      {"Das Gericht hat Fragen an den Gerichtshof verwiesen, die ihn seit Jahren besch\xC3\xA4" "ftigen.",
       "", "", "", ""},
      {"Unter den Festgenommenen befand sich auch die Aktivistin Fanny M\xC3\xBCller-Uri.", "", "", "", ""},
      {"Seine Bekanntheit wird daf\xC3\xBCr sorgen, dass er auf der B\xC3\xBChne steht.", "", "", "", ""},
      // "heißt es auf Elsässisch": a name, not speech.
      {"Das ist der wirkliche Christkindelsm\xC3\xA4rik, wie es auf Els\xC3\xA4ssisch hei\xC3\x9Ft.", "", "", "", ""},
      // "erinnern an": something resembles or is remembered; "erinnerte
      // daran, dass …" is speech.
      {"Das neue Konzept erinnert an andere Vorst\xC3\xB6\xC3\x9F" "e zur Entwicklung von Displays.",
       "", "", "", ""},
      {"Der Minister erinnerte daran, dass die Lage ernst sei.", "reported",
       "dass die Lage ernst sei", "erinnerte", "Der Minister"},
      // A relative clause on what the verb governs belongs to that noun; a
      // clause that opens with an article and its noun, or with a
      // demonstrative before its verb, is the message.
      {"Der Trainer warnte vor einer starken Truppe, die bei Standards gef\xC3\xA4hrlich sei.",
       "reported", "vor einer starken Truppe, die bei Standards gefährlich sei", "warnte",
       "Der Trainer"},
      {"Eine Sprecherin erkl\xC3\xA4rte auf Anfrage in Wien, das sei das \xC3\xBC" "bliche Vorgehen.",
       "reported", "das sei das übliche Vorgehen", "erklärte", "Eine Sprecherin"},
      {"Der Sprecher sagte auf Anfrage der APA, die ersten 90 Asylwerber seien Familien.",
       "reported", "die ersten 90 Asylwerber seien Familien", "sagte", "Der Sprecher"},
      // A name may open with its particles; "von" and "zu" open none without
      // a person's name the recognizer found.
      {"\"Das ist falsch\", sagte de Maizi\xC3\xA8re.", "direct", "Das ist falsch", "sagte",
       "de Maizière"},
      {"Wie van der Bellen mitteilte, sei die Lage ernst.", "reported", "sei die Lage ernst",
       "mitteilte", "van der Bellen"},
      {"Zu Thiem meinte Nadal: \"Er ist ein sehr guter Spieler.\"", "direct",
       "Er ist ein sehr guter Spieler.", "meinte", "Nadal"},
      // A subject with an apposition after an earlier clause, or before a
      // short adverbial; a semicolon ends a clause.
      {"Die Ministerin wies das zur\xC3\xBC" "ck, die Sprecherin der Fraktion, Sandra Boser, "
       "erkl\xC3\xA4rte: \"Das ist fehl am Platz.\"",
       "direct", "Das ist fehl am Platz.", "erklärte",
       "die Sprecherin der Fraktion, Sandra Boser"},
      {"Wie Steve Marshall, Sprecher der UN-B\xC3\xBCros, in Bangkok mitteilte, hat die Regierung "
       "nur sechs Hubschrauber im Einsatz.",
       "reported", "hat die Regierung nur sechs Hubschrauber im Einsatz", "mitteilte",
       "Steve Marshall, Sprecher der UN-Büros"},
      {"Die Angriffe gingen weiter; die Zeitung berichtete, dass Milizen dahinter st\xC3\xBCnden.",
       "reported", "dass Milizen dahinter stünden", "berichtete", "die Zeitung"},
      // A person named by age takes no genitive; an impersonal cue names the
      // document or office it quotes.
      {"\xE2\x80\x9E" "Es gibt keinen Plan B\xE2\x80\x9C, sagte die 45-J\xC3\xA4hrige der Deutschen "
       "Presse-Agentur.",
       "direct", "Es gibt keinen Plan B", "sagte", "die 45-Jährige"},
      {"Man habe alles versucht, hie\xC3\x9F es aus dem Ministerium.", "reported",
       "Man habe alles versucht", "hieß es", "dem Ministerium"},
      {"\xE2\x80\x9EWir pr\xC3\xBC" "fen alle Optionen\xE2\x80\x9C, hie\xC3\x9F es in einer Erkl\xC3\xA4rung "
       "des Konzerns.",
       "direct", "Wir prüfen alle Optionen", "hieß es", "einer Erklärung des Konzerns"},
      // "Das sagte X." after a sentence that is one quotation: direct.
      {"\xE2\x80\x9E" "Die Lage ist ernst.\xE2\x80\x9C Das sagte Merkel am Montag.", "direct",
       "Die Lage ist ernst.", "sagte", "Merkel"},
      // A quoted name before the colon is no end of the clause.
      {"Der Politiker Jens Spahn erkl\xC3\xA4rte gegen\xC3\xBC" "ber der \xE2\x80\x9E" "Bild\xE2\x80\x9C-Zeitung: "
       "\xE2\x80\x9EWir werden liefern.\xE2\x80\x9C",
       "direct", "Wir werden liefern.", "erklärte", "Der Politiker Jens Spahn"},
      // "sprach von" names the quoted words it governs.
      {"Die Polizei sprach von \xE2\x80\x9EGefahr f\xC3\xBCr Leib und Leben\xE2\x80\x9C.", "direct",
       "Gefahr für Leib und Leben", "sprach von", "Die Polizei"},
      // A title's abbreviation or an initial with its period is part of the
      // name.
      {"Das sei ein Erfolg, sagte Dr. Heino Stoever am Montag.", "reported", "Das sei ein Erfolg",
       "sagte", "Dr. Heino Stoever"},
      {"Klinikdirektor Prof. Dr. Matthias W. Beckmann sagte, das sei ein Erfolg.", "reported",
       "das sei ein Erfolg", "sagte", "Klinikdirektor Prof. Dr. Matthias W. Beckmann"},
      // A quoted name after the verb is its subject.
      {"\"Der Angriff war geplant\", schreibt die \xE2\x80\x9E" "Computerwoche\xE2\x80\x9C.",
       "direct", "Der Angriff war geplant", "schreibt", "die „Computerwoche“"},
      // A second verb of the clause's subject opens its own message.
      {"Der Kanzler begr\xC3\xBC\xC3\x9Fte den Vorschlag, warnte aber, die Kosten seien zu hoch.", "reported",
       "die Kosten seien zu hoch", "warnte", "Der Kanzler"},
      {"Die Gewerkschaft lehnte das Angebot ab und k\xC3\xBCndigte an, sie werde streiken.", "reported",
       "sie werde streiken", "kündigte an", "Die Gewerkschaft"},
      {"Ein Finne hat einen Fehler entdeckt, gemeldet, und eine Belohnung erhalten.", "",
       "", "", ""},
      // "ließ … erklären": the infinitive closes the cue.
      {"Er habe nichts gewusst, lie\xC3\x9F der Minister \xC3\xBC" "ber einen Sprecher ausrichten.", "reported",
       "Er habe nichts gewusst", "ließ ausrichten", "der Minister"},
      {"Der Konzern lie\xC3\x9F mitteilen, man pr\xC3\xBC" "fe den Vorgang.", "reported",
       "man pr\xC3\xBC" "fe den Vorgang", "ließ mitteilen", "Der Konzern"},
      {"Der Anwalt lie\xC3\x9F erkl\xC3\xA4ren, sein Mandant sei unschuldig.", "reported",
       "sein Mandant sei unschuldig", "ließ erklären", "Der Anwalt"},
      // A subject with an apposition before the auxiliary of a participle.
      {"Die Pr\xC3\xA4sidentin der EZB, Christine Lagarde, hatte zuletzt betont, man sei auf gutem Weg.", "reported",
       "man sei auf gutem Weg", "betont", "Die Präsidentin der EZB, Christine Lagarde"},
      // After a colon a clause starts: "Wie X berichten" opens it, the message follows.
      {"Der Fund widerlegt die Theorie: Wie Forscher im Fachblatt Science berichten, hatte die Schlange vier Beine.", "reported",
       "hatte die Schlange vier Beine", "berichten", "Forscher"},
      // "…, so versichern X": the message comes first, also before a
      // relative clause of the speaker, but not around an insertion.
      {"Hinter dem Anteil soll der Bankchef selbst stehen, so versichern Insider in Sofia, die mit der Bank vertraut sind.",
       "reported", "Hinter dem Anteil soll der Bankchef selbst stehen", "versichern", "Insider in Sofia"},
      {"Denn dort, so hei\xC3\x9F" "t es, h\xC3\xA4tte es hitzige Debatten gegeben.", "reported",
       "h\xC3\xA4tte es hitzige Debatten gegeben", "heißt es", ""},
      {"Nicht wenige kritisierten, die Reform komme zu sp\xC3\xA4t.", "reported",
       "die Reform komme zu spät", "kritisierten", "Nicht wenige"},
      // A label and its colon open a clause of its own; a dative is no
      // speaker; a question opens with its verb.
      {"Frage: Daimler-Chef Dieter Zetsche sagte vor kurzem, f\xC3\xBCr ihn sei das denkbar.", "reported",
       "f\xC3\xBCr ihn sei das denkbar", "sagte", "Daimler-Chef Dieter Zetsche"},
      {"Ihnen drohen ab jetzt Geldstrafen von bis zu 4.000 Euro und sogar der Lizenzentzug.", "", "", "", ""},
      {"Sollte man davon ausgehen, dass Google kein eigenes Auto entwickelt?", "reported",
       "dass Google kein eigenes Auto entwickelt", "ausgehen", ""},
      // "Dies sagte X" attributes the sentence before also where that had
      // been read as a speech act of its own ("wünscht sich …").
      {"Der Parteichef w\xC3\xBCnscht sich einen eigenen Kandidaten bei der Wahl im kommenden Jahr. "
       "Dies sagte Abwerzger am Mittwoch in Innsbruck.",
       "reported", "Der Parteichef w\xC3\xBCnscht sich einen eigenen Kandidaten bei der Wahl im kommenden Jahr",
       "sagte", "Abwerzger"},
      // A participle between an article and its noun is no speech verb.
      {"Selbst das erkl\xC3\xA4rte Ziel, die Fahrwege besser zu nutzen, rechtfertige keine Regelung.", "",
       "", "", ""},
      // A relative clause that opens with a preposition ("von denen") is
      // no message: after the verb it belongs to the object the verb
      // governs, which it extends; after a final verb to the object before
      // it, and there is no message.
      {"Europol berichtete neulich von mehr als 10.000 Kindern, von denen jede Spur fehlt.", "reported",
       "neulich von mehr als 10.000 Kindern, von denen jede Spur fehlt", "berichtete", "Europol"},
      {"Zuletzt hatte die Regierung die Abschiebung illegaler Einwanderer angek\xC3\xBCndigt, von denen "
       "ein Gro\xC3\x9Fteil Mexikaner sind.",
       "", "", "", ""},
      // Speakers: one of a counted group; a web address; an attribute
      // phrase before the noun and an office's field after "für"; not where
      // it was said ("in einem Interview").
      {"Einer der 13 beteiligten Feuerwehrm\xC3\xA4nner sagte: \"Ich habe so etwas noch nie gesehen.\"",
       "direct", "Ich habe so etwas noch nie gesehen.", "sagte", "Einer der 13 beteiligten Feuerwehrmänner"},
      {"Wie t-online.de berichtet, ist der erste Trailer im Internet ver\xC3\xB6" "ffentlicht worden.", "reported",
       "ist der erste Trailer im Internet veröffentlicht worden", "berichtet", "t-online.de"},
      {"So sagte der f\xC3\xBCr die Region zust\xC3\xA4ndige Koordinator f\xC3\xBCr Naturkatastrophen, "
       "Deftalgne Tessema, gegen\xC3\xBC" "ber der BBC, dass nur 14 Motorboote im Einsatz seien.",
       "reported", "dass nur 14 Motorboote im Einsatz seien", "sagte",
       "der für die Region zuständige Koordinator für Naturkatastrophen, Deftalgne Tessema"},
      {"Am Montag sagte der 81-J\xC3\xA4hrige in einem Interview, dass die Maus sofort tot gewesen sei.",
       "reported", "dass die Maus sofort tot gewesen sei", "sagte", "der 81-Jährige"},
      // An apposition before the colon is part of the speaker; a source
      // noun takes a genitive without an article, one noun long.
      {"Nach dem Konzert sagte Jon Bon Jovi, Gr\xC3\xBCnder der Rockband: \"Ich spiele nicht f\xC3\xBCr Geld.\"",
       "direct", "Ich spiele nicht für Geld.", "sagte", "Jon Bon Jovi, Gründer der Rockband"},
      // A subject before the perfect's auxiliary, and one with an
      // apposition before two coordinated verbs.
      {"Bundespr\xC3\xA4sident Christian Wulff (CDU) hat in einem Gespr\xC3\xA4" "ch mit Peres bekr\xC3\xA4" "ftigt, "
       "die Bundesrepublik bekenne sich zu ihrer Verantwortung.",
       "reported", "die Bundesrepublik bekenne sich zu ihrer Verantwortung", "bekräftigt",
       "Bundespräsident Christian Wulff (CDU)"},
      {"Einer der Putschisten, Harouna Djibrilla Adamou, dankte den Menschen und erg\xC3\xA4nzte, der "
       "Staatsstreich sei im Interesse des Landes.",
       "reported", "der Staatsstreich sei im Interesse des Landes", "ergänzte",
       "Einer der Putschisten, Harouna Djibrilla Adamou"},
      // An object in the Vorfeld: the subject is the pronoun after the verb.
      {"Der Politik schlug er vor, sich an den Modellen der USA zu orientieren.", "reported",
       "sich an den Modellen der USA zu orientieren", "schlug vor", "er"},
      // Source phrases: a noun whose first part is in lower case, a pronoun
      // before "zufolge" (after a colon, which opens the clause).
      {"Bei Gewaltverbrechen gibt es laut ai-Bericht eine hohe Dunkelziffer.", "reported",
       "Bei Gewaltverbrechen gibt es laut ai-Bericht eine hohe Dunkelziffer", "laut", "ai-Bericht"},
      {"Forscher kamen zu einem Befund: Ihnen zufolge ist die H\xC3\xA4lfte der Freundschaften einseitig.",
       "reported", "ist die Hälfte der Freundschaften einseitig", "zufolge", "Ihnen"},
      // The subject of a passive is whom it is said of; "Des Weiteren" is
      // an adverb.
      {"Klien wurde vorgeworfen, an der Schl\xC3\xA4gerei beteiligt gewesen zu sein.", "reported",
       "an der Schlägerei beteiligt gewesen zu sein", "vorgeworfen", ""},
      {"Des Weiteren wirft die OSZE der Wahlkommission vor, nicht mit den Beobachtern zusammengearbeitet zu haben.",
       "reported", "nicht mit den Beobachtern zusammengearbeitet zu haben", "wirft vor", "die OSZE"},
      // A subordinate clause: the subject after the conjunction, the message
      // up to the main clause's verb.
      {"W\xC3\xA4hrend Atsumi betont, dass die Bev\xC3\xB6lkerung sehr tolerant sei, berichten Betroffene von Armut.",
       "reported", "dass die Bevölkerung sehr tolerant sei", "betont", "Atsumi"},
      {"Innocent Kamansi, selbst Fl\xC3\xBC" "chtling, sagt, Drogenmissbrauch sei weit verbreitet.", "reported",
       "Drogenmissbrauch sei weit verbreitet", "sagt", "Innocent Kamansi, selbst Flüchtling"},
      // Truncated compounds inside a name; an attribute phrase with "zur".
      {"Der Direktor der Such- und Rettungsagentur, Bambang Suryo Aji, sagte, dass Tr\xC3\xBCmmer gefunden wurden.",
       "reported", "dass Trümmer gefunden wurden", "sagte",
       "Der Direktor der Such- und Rettungsagentur, Bambang Suryo Aji"},
      {"Er starb am Samstag im Alter von 100 Jahren, teilte die zur Stanford University geh\xC3\xB6rende Hoover "
       "Institution mit.",
       "reported", "Er starb am Samstag im Alter von 100 Jahren", "teilte mit",
       "die zur Stanford University gehörende Hoover Institution"},
      // Set phrases are no speech.
      {"Kurz gesagt geht es um Folgendes: Dieses System hat keine Zukunft.", "", "", "", ""},
      {"Das Spiel wird nicht wie angek\xC3\xBCndigt am 20. November, sondern erst im Januar erscheinen.", "", "", "",
       ""},
      {"Der Hersteller droht im laufenden Quartal in die roten Zahlen zu rutschen.", "", "", "", ""},
      {"Und wie bereits gesagt, regiert in der Politik das Chefprinzip.", "", "", "", ""},
      // A span of time before the verb is no subject.
      {"Siebzig Jahre sp\xC3\xA4ter sagte die Stadtverwaltung, der Platz werde neu gestaltet.", "reported",
       "der Platz werde neu gestaltet", "sagte", "die Stadtverwaltung"},
      // The subject after an insertion between dashes.
      {"Die Decke war zu schwach. Dies gab heute \xE2\x80\x93 nach eingehenden Untersuchungen \xE2\x80\x93 "
       "Professor Bernd Hillemeier bekannt.",
       "reported", "Die Decke war zu schwach", "gab bekannt", "Professor Bernd Hillemeier"},
      // "im" before a body belongs to the role, not after a name.
      {"Das sei ein Fehler, sagte der Minderheitsf\xC3\xBChrer im Senat, Harry Reid.", "reported",
       "Das sei ein Fehler", "sagte", "der Minderheitsführer im Senat, Harry Reid"},
      {"Nach Angaben unabh\xC3\xA4ngiger Experten ist Senfgas eingesetzt worden.", "reported",
       "ist Senfgas eingesetzt worden", "Nach", "Angaben unabhängiger Experten"},
  };
  for (const QuoteCase& c : cases) {
    const std::vector<Quote> quotes = Quotes(c.text);
    if (c.kind.empty()) {
      EXPECT_TRUE(quotes.empty()) << c.text << " → " << (quotes.empty() ? "" : quotes[0].text);
      continue;
    }
    ASSERT_EQ(quotes.size(), 1u) << c.text;
    const Quote& q = quotes[0];
    EXPECT_EQ(QuoteKindName(q.kind), c.kind) << c.text;
    EXPECT_EQ(q.text, c.message) << c.text;
    EXPECT_EQ(q.cue, c.cue) << c.text;
    EXPECT_EQ(q.speaker, c.speaker) << c.text;
    EXPECT_EQ(c.text.substr(q.begin, q.end - q.begin), q.text) << c.text;
    EXPECT_EQ(c.text.substr(q.speaker_begin, q.speaker_end - q.speaker_begin), q.speaker);
  }
}

// "Dies gab X bekannt.": the sentence before is the message, also with a
// separable verb, and the pronoun is not the speaker.
TEST(QuotesTest, APronounOpeningTheSentencePointsToTheOneBefore) {
  const std::string text =
      "Der Flug nach Oslo wurde abgesagt. Dies gab die Fluggesellschaft bekannt.";
  const std::vector<Quote> quotes = Quotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "Der Flug nach Oslo wurde abgesagt");
  EXPECT_EQ(quotes[0].cue, "gab bekannt");
  EXPECT_EQ(quotes[0].speaker, "die Fluggesellschaft");
}

// A Konjunktiv sentence right after a quotation goes on reporting its
// speaker; so does a "soll" sentence (alone it would be a plan).
TEST(QuotesTest, SubjunctiveContinuesTheSpeaker) {
  struct Case {
    std::string text;
    std::string continued;
    std::string speaker;
  };
  const std::vector<Case> cases = {
      {"Der Staatsanwalt sagte, der Sohn habe sich stranguliert. Dies sei eindeutig "
       "nachzuweisen gewesen. Die Eltern trauern.",
       "Dies sei eindeutig nachzuweisen gewesen.", "Der Staatsanwalt"},
      {"Der Sprecher sagte, das Schiff sei gesunken. Die Crew soll gerettet worden sein. "
       "Die Reederei schweigt.",
       "Die Crew soll gerettet worden sein.", "Der Sprecher"},
  };
  for (const Case& c : cases) {
    const std::vector<Quote> quotes = Quotes(c.text);
    ASSERT_EQ(quotes.size(), 2u) << c.text;
    EXPECT_EQ(quotes[1].text, c.continued);
    EXPECT_EQ(quotes[1].speaker, c.speaker);
    EXPECT_EQ(quotes[1].cue, "");
  }
}

// One sentence between a quotation and a Konjunktiv sentence: the
// Konjunktiv reports whoever speaks in that sentence, if someone does;
// otherwise it goes on with the quotation's speaker.
TEST(QuotesTest, ASpeakerBetweenTakesOverTheSubjunctive) {
  struct Case {
    std::string text;
    std::string speaker;  // of the last sentence
  };
  const std::vector<Case> cases = {
      {"Der Minister sagte, das Schiff sei gesunken. Der Reedereisprecher \xC3\xA4u\xC3\x9F" "erte "
       "sich ebenfalls. Die Crew sei gerettet worden.",
       "Der Reedereisprecher"},
      // "stellt … dar" is a cue; "stellt" alone is not.
      {"Der Minister sagte, das Schiff sei gesunken. Der Reedereisprecher stellt die "
       "Infrastruktur. Die Crew sei gerettet worden.",
       "Der Minister"},
      {"Der Minister sagte, das Schiff sei gesunken. Am Abend regnete es. Die Crew sei "
       "gerettet worden.",
       "Der Minister"},
  };
  for (const Case& c : cases) {
    const std::vector<Quote> quotes = Quotes(c.text);
    ASSERT_FALSE(quotes.empty()) << c.text;
    EXPECT_EQ(quotes.back().text, "Die Crew sei gerettet worden.") << c.text;
    EXPECT_EQ(quotes.back().speaker, c.speaker) << c.text;
  }
}

// Mentions as the entity recognizer would give them.
void AddEntity(const std::string& text, const std::string& name, EntityType type,
               const std::string& role, Extraction* ex, const std::vector<std::string>& forms) {
  Entity e;
  e.type = type;
  e.name = name;
  e.role = role;
  const int id = static_cast<int>(ex->entities.size());
  for (const std::string& form : forms) {
    size_t from = 0;
    for (size_t at; (at = text.find(form, from)) != std::string::npos; from = at + form.size()) {
      Mention m;
      m.begin = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + form.size());
      m.type = type;
      m.text = form;
      m.entity = id;
      e.mentions.push_back(static_cast<int>(ex->mentions.size()));
      ex->mentions.push_back(m);
    }
  }
  ex->entities.push_back(e);
}

// The name of the entity a quotation's speaker resolved to, or "(none)".
std::string SpeakerName(const Quote& q, const Extraction& ex) {
  if (q.speaker_entity < 0) return "(none)";
  return ex.entities[static_cast<size_t>(q.speaker_entity)].name;
}

void AddPerson(const std::string& text, const std::string& name, const std::string& role,
               Extraction* ex, const std::vector<std::string>& forms) {
  AddEntity(text, name, EntityType::kPerson, role, ex, forms);
}

TEST(QuotesTest, PronounResolvesToTheNearestPersonBefore) {
  const std::string text =
      "Der Minister John Kelly traf Luis Videgaray nicht. Zuvor sprach Kelly mit Trump. "
      "\"Das wird gut\", sagte er.";
  Extraction ex;
  AddPerson(text, "John Kelly", "Minister", &ex, {"John Kelly", "Kelly"});
  AddPerson(text, "Luis Videgaray", "", &ex, {"Luis Videgaray"});
  AddPerson(text, "Donald Trump", "", &ex, {"Trump"});
  std::sort(ex.mentions.begin(), ex.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "er");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "Donald Trump");
}

// "nach seiner Einschätzung" points back as "er" would; "seine Anwältin" and
// "nach ihrer Auffassung" (whose?) name no one of the text.
TEST(QuotesTest, APossessiveBeforeASourceNounPointsBack) {
  const std::string text =
      "Premierminister David Cameron wirbt f\xC3\xBCr den Verbleib. Nach seiner Einsch\xC3\xA4tzung "
      "w\xC3\xBCrde ein Ausstieg dem Wachstum schaden. Die Partei k\xC3\xA4mpft gegen Rituale, die nach ihrer "
      "Auffassung gegen die Lehre versto\xC3\x9F" "en. Seine Anw\xC3\xA4ltin sagte, das sei falsch.";
  Extraction ex;
  AddPerson(text, "David Cameron", "Premierminister", &ex, {"David Cameron"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "seiner Einsch\xC3\xA4tzung");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "David Cameron");
  EXPECT_EQ(quotes[1].speaker, "ihrer Auffassung");
  EXPECT_EQ(SpeakerName(quotes[1], ex), "(none)");
  EXPECT_EQ(quotes[2].speaker, "Seine Anw\xC3\xA4ltin");
  EXPECT_EQ(SpeakerName(quotes[2], ex), "(none)");
}

// The speaker of the one quotation of `text`, whose persons (name, the form
// the text writes) the recognizer found; "(N quotations)" otherwise.
std::string OnlySpeaker(const std::string& text,
                        const std::vector<std::pair<std::string, std::string>>& persons) {
  Extraction ex;
  for (const auto& [name, form] : persons) AddPerson(text, name, "", &ex, {form});
  std::sort(ex.mentions.begin(), ex.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  const std::vector<Quote> quotes = Quotes(text, &ex);
  if (quotes.size() != 1) return "(" + std::to_string(quotes.size()) + " quotations)";
  return quotes[0].speaker;
}

// A speaker's run of capitalized words stops where one person's name ends
// and another's starts, when both are named elsewhere in the article; a name
// the tagger cut once stays whole.
TEST(QuotesTest, TwoPersonsInARowAreTheSubjectAndTheObject) {
  EXPECT_EQ(OnlySpeaker("Lech Kaczynski traf Walesa 2006. Im Jahr 2008 warf Lech Kaczynski Walesa "
                        "Spionage vor.",
                        {{"Lech Kaczynski", "Lech Kaczynski"}, {"Lech Walesa", "Walesa"}}),
            "Lech Kaczynski");
  EXPECT_EQ(OnlySpeaker("Im Jahr 2011 warf Barnaba Marial Benjamin dem Norden einen Bruch des "
                        "Abkommens vor. Barnaba Marial ist Minister.",
                        {{"Barnaba Marial", "Barnaba Marial"}, {"Benjamin", "Benjamin"}}),
            "Barnaba Marial Benjamin");
}

// A person's name takes no genitive: what follows it is whom or where it
// was told; a news agency after "der" is whom it was told.
TEST(QuotesTest, WhomAndWhereItWasToldIsNoPartOfTheSpeaker) {
  EXPECT_EQ(OnlySpeaker("Das sei ein Fehler, sagte Nikolic der Zeitung Danas.", {{"Nikolic", "Nikolic"}}),
            "Nikolic");
  EXPECT_EQ(OnlySpeaker("Das sei ein Fehler, sagte Thomas Tuchel in einem Interview.",
                        {{"Thomas Tuchel", "Thomas Tuchel"}}),
            "Thomas Tuchel");
  EXPECT_EQ(OnlySpeaker("Das sei ein Fehler, sagte eine Sprecherin der APA.", {}), "eine Sprecherin");
  // A role's genitive stays, and so does an apposition after a place.
  EXPECT_EQ(OnlySpeaker("Das sei ein Fehler, sagte ein Sprecher der Zeitung.", {}),
            "ein Sprecher der Zeitung");
  EXPECT_EQ(OnlySpeaker("Das sei ein Fehler, sagte der Delegierte in London, Christian Kesberg.",
                        {{"Delegierte", "Delegierte"}, {"Christian Kesberg", "Christian Kesberg"}}),
            "der Delegierte in London, Christian Kesberg");
}

// A speaker phrase that stops inside a person's name the recognizer found
// ("kurz" may open a clause) ends with the name. "Demnach" and "nach eigenen
// Angaben" stay the speaker phrases, as SpkAtt marks them, but name whom they
// stand for: the speaker just before, and the subject of the sentence.
TEST(QuotesTest, SpeakersBeyondTheirPhrase) {
  const std::string text =
      "Ich bin nicht rechts, sagt Sebastian Kurz. Die Lage sei ernst, sagte Hans Huber. "
      "Demnach habe der Minister zugestimmt. "
      "Allein Check24 hat nach eigenen Angaben 750.000 Vertr\xC3\xA4ge vermittelt.";
  Extraction ex;
  AddPerson(text, "Sebastian Kurz", "", &ex, {"Sebastian Kurz"});
  AddPerson(text, "Hans Huber", "", &ex, {"Hans Huber"});
  AddEntity(text, "Check24", EntityType::kOrganization, "", &ex, {"Check24"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker, "Sebastian Kurz");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "Sebastian Kurz");
  EXPECT_EQ(quotes[2].speaker, "Demnach");
  EXPECT_EQ(SpeakerName(quotes[2], ex), "Hans Huber");
  EXPECT_EQ(quotes[3].speaker, "eigenen Angaben");
  EXPECT_EQ(SpeakerName(quotes[3], ex), "Check24");
}

// A speaker phrase that stops inside an organisation's name the recognizer
// found ("ohne" ends the run of capitalized words) ends with the name.
TEST(QuotesTest, SpeakersEndWithTheOrganisationTheyStopIn) {
  const std::string text = "Die Menschenrechtsorganisation Reporter ohne Grenzen kritisierte, die Lage sei ernst.";
  Extraction ex;
  AddEntity(text, "Reporter ohne Grenzen", EntityType::kOrganization, "", &ex, {"Reporter ohne Grenzen"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Die Menschenrechtsorganisation Reporter ohne Grenzen");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "Reporter ohne Grenzen");
}

// An adverb that fills the Vorfeld alone (the recognizer marks it from the
// word list) is no speaker: the subject follows the verb, after adverbs
// such as "hingegen".
TEST(QuotesTest, AnAdverbOpeningTheSentenceIsNoSpeaker) {
  const std::string text =
      "Dagegen sagte die Polizei, es gebe keinen Anlass zur Sorge. "
      "Skeptisch \xC3\xA4u\xC3\x9F" "erte sich hingegen die Kanzlerin: Man werde nicht verhandeln.";
  WordView view = BuildWordView(text, "de");
  ASSERT_EQ(view.sentences.size(), 2u);
  for (const auto& [begin, end] : view.sentences) view.words[begin].sentence_adverb = true;
  Extraction ex;
  FindQuotes(view, &ex);
  ASSERT_EQ(ex.quotes.size(), 2u);
  EXPECT_EQ(ex.quotes[0].speaker, "die Polizei");
  EXPECT_EQ(ex.quotes[1].speaker, "die Kanzlerin");
  // Unmarked, the first word is read as a name.
  const std::vector<Quote> unmarked = Quotes(text);
  ASSERT_EQ(unmarked.size(), 2u);
  EXPECT_EQ(unmarked[0].speaker, "Dagegen");
  // An adverb before a demonstrative object: the subject follows the verb,
  // and its relative clause is no message. "Auch dies" likewise.
  for (const std::string& object_first :
       {std::string("Genau das fordern nun Aktivisten, die sich mit Hetze besch\xC3\xA4" "ftigen."),
        std::string("Auch dies kritisierten Aktivisten, die sich mit Hetze besch\xC3\xA4" "ftigen.")}) {
    WordView marked = BuildWordView(object_first, "de");
    marked.words[0].sentence_adverb = true;
    Extraction none;
    FindQuotes(marked, &none);
    EXPECT_TRUE(none.quotes.empty()) << object_first << " → " << none.quotes[0].speaker;
  }
}

// Reported speech with no quotation before it: the subject of the sentence
// before speaks, if it names a person or an organisation.
TEST(QuotesTest, SubjunctiveWithoutQuotationBeforeTakesThePreviousSubject) {
  const std::string text =
      "Lammert w\xC3\xBCrdigte die Bundeswehr als ein Kind des Kalten Krieges. "
      "Die Bundeswehr sei eine Armee des Friedens.";
  Extraction ex;
  AddPerson(text, "Norbert Lammert", "", &ex, {"Lammert"});
  std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "Die Bundeswehr sei eine Armee des Friedens.");
  EXPECT_EQ(quotes[0].speaker, "Lammert");
  EXPECT_EQ(quotes[0].speaker_entity, 0);
  const struct {
    std::string text;
    std::string speaker;
  } cases[] = {
      // A role noun names a speaker as well; a subject that is neither does not.
      {"Der Verteidigungsminister besuchte die Truppe. Sie sei gut ausger\xC3\xBCstet.",
       "Der Verteidigungsminister"},
      {"Die Familie befindet sich im Urlaub. Sie sei am Sonntag zur\xC3\xBC" "ckgekehrt.", ""},
      // Only the sentence just before, in the same paragraph.
      {"Der Minister besuchte die Truppe.\n\nSie sei gut ausger\xC3\xBCstet.", ""},
  };
  for (const auto& c : cases) {
    quotes = Quotes(c.text);
    ASSERT_EQ(quotes.size(), 1u) << c.text;
    EXPECT_EQ(quotes[0].speaker, c.speaker) << c.text;
  }
}

TEST(QuotesTest, RoleNounResolvesToTheEntityWithThatRole) {
  const std::string text =
      "Heimatschutzminister John Kelly und Luis Videgaray trafen sich. "
      "\"Wir machen keine Massenabschiebungen\", sagte der Minister.";
  Extraction ex;
  AddPerson(text, "John Kelly", "Heimatschutzminister", &ex, {"John Kelly"});
  AddPerson(text, "Luis Videgaray", "", &ex, {"Luis Videgaray"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "der Minister");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "John Kelly");
}

// An interview's answers are direct quotations of the person whose name
// labels them, up to the next label; the questions are none, nor is an
// answer's Konjunktiv a quotation of its own.
TEST(QuotesTest, AnInterviewsAnswersAreTheIntervieweesQuotations) {
  const std::string text =
      "Der Landeshauptmann Mario Kunasek \xC3\xBC" "ber die Sch\xC3\xA4" "den. "
      "STANDARD: Hat das Land zu sp\xC3\xA4t reagiert? "
      "Kunasek: Im Nachhinein ist man immer kl\xC3\xBCger. Die Lage sei schwierig gewesen. "
      "STANDARD: Die Opposition sagt, Sie h\xC3\xA4tten versagt. "
      "Kunasek: Ich habe nichts zu verbergen.";
  Extraction ex;
  AddPerson(text, "Mario Kunasek", "Landeshauptmann", &ex, {"Mario Kunasek"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(quotes[0].text, "Im Nachhinein ist man immer kl\xC3\xBCger. Die Lage sei schwierig gewesen.");
  EXPECT_EQ(quotes[0].speaker, "Kunasek");
  EXPECT_EQ(SpeakerName(quotes[0], ex), "Mario Kunasek");
  EXPECT_EQ(quotes[1].text, "Ich habe nichts zu verbergen.");
  EXPECT_EQ(SpeakerName(quotes[1], ex), "Mario Kunasek");
}

// Without the interviewer's label answered by a person's, labels are
// headings or line-ups, no turns of an interview.
TEST(QuotesTest, LabelsWithoutAnInterviewerAreNoInterview) {
  const std::string text =
      "Sturm: Esser \xE2\x80\x93 Kayhan, Avlonitis (75. Hwang). "
      "Edomwonyi: Walke \xE2\x80\x93 Schwegler, Miranda, Ulmer. "
      "Hierl\xC3\xA4nder: Stankovic \xE2\x80\x93 Lainer, Rose. Trainer Marco Rose war zufrieden.";
  Extraction ex;
  AddPerson(text, "Marco Rose", "Trainer", &ex, {"Marco Rose"});
  AddPerson(text, "Bright Edomwonyi", "", &ex, {"Edomwonyi"});
  AddPerson(text, "Stefan Hierl\xC3\xA4nder", "", &ex, {"Hierl\xC3\xA4nder"});
  for (const Quote& q : Quotes(text, &ex)) EXPECT_NE(q.cue, ":") << q.text;
}

// A speaker phrase names a place as the speaker only when it opens with it
// ("Moskau erklärte"); "Die Polizei in Koblenz" is the police.
TEST(QuotesTest, PlaceSpeaksOnlyWhenItIsTheSubject) {
  const std::string text =
      "Die Polizei in Koblenz teilte mit, die Br\xC3\xBC" "cke bleibe gesperrt. "
      "Moskau erkl\xC3\xA4rte, man werde nicht verhandeln.";
  Extraction ex;
  AddEntity(text, "Koblenz", EntityType::kLocation, "", &ex, {"Koblenz"});
  AddEntity(text, "Moskau", EntityType::kLocation, "", &ex, {"Moskau"});
  const std::vector<Quote> quotes = Quotes(text, &ex);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Die Polizei in Koblenz");
  EXPECT_EQ(quotes[0].speaker_entity, -1);
  EXPECT_EQ(quotes[1].speaker, "Moskau");
  EXPECT_EQ(SpeakerName(quotes[1], ex), "Moskau");
}

// A dateline ("Wien – ") opening an article's first sentences is neither
// the speaker nor part of the message; a name before a dash and a lower-case
// word ("Entholzer – seit zwei Jahren Parteichef – kündigte …") is no
// dateline.
TEST(QuotesTest, ADatelineIsNoSpeaker) {
  struct Case {
    std::string text, place, person, role;
    std::string speaker;  // also how the message starts
  };
  const std::vector<Case> cases = {
      {"Neue Regeln f\xC3\xBCr Schulen. Wien \xE2\x80\x93 Bildungsministerin Sonja Hammerschmid "
       "w\xC3\xBCnscht sich eine neue Verteilung der Mittel f\xC3\xBCr Schulen.",
       "Wien", "Sonja Hammerschmid", "Bildungsministerin", "Bildungsministerin Sonja Hammerschmid"},
      {"Parteitag in Linz. Entholzer \xE2\x80\x93 seit zwei Jahren Parteichef \xE2\x80\x93 "
       "k\xC3\xBCndigte eine neue Kandidatur als Vorsitzender an.",
       "Linz", "Entholzer", "", "Entholzer"},
  };
  for (const Case& c : cases) {
    Extraction ex;
    AddEntity(c.text, c.place, EntityType::kLocation, "", &ex, {c.place});
    AddPerson(c.text, c.person, c.role, &ex, {c.person});
    const std::vector<Quote> quotes = Quotes(c.text, &ex);
    ASSERT_EQ(quotes.size(), 1u) << c.text;
    EXPECT_EQ(quotes[0].speaker, c.speaker);
    EXPECT_EQ(quotes[0].text.rfind(c.speaker, 0), 0u) << quotes[0].text;
  }
}

// A dateline ending in a period ("BRÜSSEL.", "Brüssel."), which the sentence
// splitter keeps with the sentence after it, is neither speaker nor message;
// "St." and "Dr." open no dateline.
TEST(QuotesTest, ADatelineWithAPeriodIsNoSpeaker) {
  const std::string capitals = "BR\xC3\x9CSSEL. Merkel sagte, sie komme morgen nach Berlin.";
  Extraction ex;
  AddPerson(capitals, "Merkel", "", &ex, {"Merkel"});
  std::vector<Quote> quotes = Quotes(capitals, &ex);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Merkel");

  const std::string place = "Br\xC3\xBCssel. \xE2\x80\x9EWir m\xC3\xBCssen handeln\xE2\x80\x9C, sagte Merkel.";
  Extraction ex2;
  AddEntity(place, "Brüssel", EntityType::kLocation, "", &ex2, {"Br\xC3\xBCssel"});
  AddPerson(place, "Merkel", "", &ex2, {"Merkel"});
  std::sort(ex2.mentions.begin(), ex2.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  quotes = Quotes(place, &ex2);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(QuoteKindName(quotes[0].kind), "direct");
  EXPECT_EQ(quotes[0].text, "Wir müssen handeln");
  EXPECT_EQ(quotes[0].speaker, "Merkel");

  const std::string title = "Dr. M\xC3\xBCller sagte, er komme morgen nach Berlin.";
  quotes = Quotes(title);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Dr. Müller");
}

// "von der" opens a name before a person's name the recognizer found, also
// after "Wie" and "laut".
TEST(QuotesTest, VonDerOpensAPersonsName) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Wie von der Leyen am Montag sagte, seien die Mittel dringend n\xC3\xB6tig.", "sagte"},
      {"Laut von der Leyen sei das Paket fertig.", "Laut"},
      {"Von der Leyen betonte, die Hilfe werde fortgesetzt.", "betonte"},
  };
  for (const auto& [text, cue] : cases) {
    Extraction ex;
    AddPerson(text, "Ursula von der Leyen", "", &ex, {"von der Leyen", "Von der Leyen"});
    std::sort(ex.mentions.begin(), ex.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    const std::vector<Quote> quotes = Quotes(text, &ex);
    ASSERT_EQ(quotes.size(), 1u) << text;
    EXPECT_EQ(quotes[0].cue, cue) << text;
    EXPECT_EQ(quotes[0].speaker.substr(1), "on der Leyen") << text;
  }
}

// English names the speaker before the verb, after a quotation or before a
// reported clause.
TEST(QuotesTest, EnglishSubjectBeforeTheVerb) {
  const struct {
    std::string text, kind, message, speaker;
  } cases[] = {
      {"\"The spacecraft is healthy and working,\" mission manager Ines Haller said.", "direct",
       "The spacecraft is healthy and working,", "Ines Haller"},
      {"\"We will not stop the project,\" she said on Monday.", "direct", "We will not stop the project,",
       "she"},
      {"\"We will not stop the project,\" the company said.", "direct", "We will not stop the project,",
       "the company"},
      {"\"We will not stop the project,\" said Anna Berg.", "direct", "We will not stop the project,",
       "Anna Berg"},
      {"Mission manager Ines Haller said the first images would be released in June.", "reported",
       "the first images would be released in June", "Ines Haller"},
      {"Controllers in Darmstadt confirmed on Thursday that the burn had gone to plan.", "reported",
       "the burn had gone to plan", "Controllers in Darmstadt"},
      {"The company said it would appeal the ruling.", "reported", "it would appeal the ruling",
       "The company"},
      {"Traffic was heavy, and the mayor said the bridge would stay closed.", "reported",
       "the bridge would stay closed", "the mayor"},
      // "according to" and a noun phrase in lower case.
      {"According to police, three people were injured.", "reported", "three people were injured", "police"},
      {"Three people were injured, according to police.", "reported", "Three people were injured", "police"},
      // A comma inside the message does not start it, as in German.
      {"On Monday, the company said it would cut 1,200 jobs, about 5 percent of its workforce.",
       "reported", "it would cut 1,200 jobs, about 5 percent of its workforce", "the company"},
  };
  for (const auto& c : cases) {
    Extraction ex;
    const std::vector<Quote> quotes = Quotes(c.text, &ex, "en");
    ASSERT_EQ(quotes.size(), 1u) << c.text;
    EXPECT_EQ(QuoteKindName(quotes[0].kind), c.kind) << c.text;
    EXPECT_EQ(quotes[0].text, c.message) << c.text;
    EXPECT_EQ(quotes[0].speaker, c.speaker) << c.text;
  }
  // German puts the verb first: the same order there is no cue.
  EXPECT_TRUE(Quotes("\"Wir machen weiter mit allem\", die Firma sagte.").empty());
  // A passive names who was told, not who told.
  for (const Quote& q : Quotes("Cars queued, and commuters were told to use the other bridge.",
                               nullptr, "en")) {
    EXPECT_NE(q.speaker, "commuters were") << q.text;
    EXPECT_NE(q.speaker, "and commuters were") << q.text;
  }
}

TEST(QuotesTest, SpeechVerbLexicon) {
  std::string_view particles;
  EXPECT_TRUE(IsSpeechVerb("sagte", &particles));
  EXPECT_EQ(particles, "");
  EXPECT_TRUE(IsSpeechVerb("teilte", &particles));
  EXPECT_EQ(particles, "mit");
  EXPECT_TRUE(IsSpeechVerb("mitteilte", &particles));
  EXPECT_EQ(particles, "");
  EXPECT_TRUE(IsSpeechVerb("erklaert", &particles));
  EXPECT_TRUE(IsSpeechVerb("gesagt", &particles));
  // Present plural of stems in -er and -el, and of "erklären".
  EXPECT_TRUE(IsSpeechVerb("fordern", &particles));
  EXPECT_TRUE(IsSpeechVerb("erklaeren", &particles));
  EXPECT_TRUE(IsSpeechVerb("sprechen", &particles));
  EXPECT_EQ(particles, "von|davon");
  EXPECT_TRUE(IsSpeechVerb("said", &particles));
  EXPECT_FALSE(IsSpeechVerb("teilten_", &particles));
  EXPECT_FALSE(IsSpeechVerb("haus", &particles));
}

}  // namespace
}  // namespace storyline::extract
