// Repairs of a sentence's name tags that hold whatever tagged them (the model
// or the rules): what the recognizer runs after tagging, and what `eval ner`
// scores. Internal to the extract stage.
#ifndef STORYLINE_EXTRACT_NAME_TAGS_H_
#define STORYLINE_EXTRACT_NAME_TAGS_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "gazetteer.h"

namespace storyline::extract {

// The tokens of one sentence as written and folded (text::Folder), one tag
// each (tagger.h's BIO tags), repaired in place, in this order:
// - a name does not start with an adjective in lower case, nor after one
//   with the common noun it describes ("die islamisch-konservativen AKP",
//   "im nordirakischen Dorf Sarkel");
// - a given name followed by name particles and a surname spans them all
//   ("Ursula von der Leyen");
// - a person's name does not end in such a particle: "Kickl Van" before "der
//   Bellen" is "Kickl", then "Van der Bellen";
// - a name of another type that starts with a role, or a noun for a person,
//   and a given name is a person's ("Bildungsministerin Sonja Hammerschmid"
//   read as an organisation);
// - a role or a title alone is no person's name ("Der Earl übernahm");
// - a person's name does not start with its role or title ("Außenminister
//   Luis Videgaray" → "Luis Videgaray"), nor with a common noun or a
//   place's demonym before a given name and a family name ("Broker Johann
//   Wanovits", "Pressburger Wolfgang von Kempelen"), nor with a noun for a
//   person or a demonym before a family name alone ("Jagdethiker
//   Winkelmayer", "Hollabrunnerin Mikl-Leitner");
// - a name does not start with an English word of sport for a role
//   ("Coach Arsene Wenger", "Kapfenberg-Coach Michael Schrittwieser"): the
//   rest is a person's name;
// - a person's genitive ends the name ("Pattisons Enkeltochter" →
//   "Pattisons");
// - a name does not start with the month of a date ("am 10. April Van der
//   Bellen");
// - a place's genitive is the place ("Portugals", "Großbritanniens");
// - a listed place is never a person;
// - a word that ends a clause after a speech verb, or follows a role or a
//   relative, is a person's name ("sagte Gosslar .", "die Familie Boim"),
//   and so is a name of two or three unknown words after an office role
//   that the tagger made a place ("der Vorstandsvorsitzende Corrado
//   Passera");
// - a name of one word after "im" and a lower-case adjective, or right after
//   a direction or nearness, is a place ("im englischen Hatfield", "südlich
//   Locre", "in der Nähe von Cavaillon");
// - a place or organisation of our lists that the tagger left outside any
//   name is that name ("Berlin (Reuters)"), where the case of its first word
//   tells: written as listed, at the sentence start only when its
//   lower-cased form is no word ("Dell erwartet", not "Seine Profis"), and
//   for one word, no lower-case word ("nach zwei Siegen");
// - a place or organisation of our lists of more than one word that starts
//   where the tagger found a name of that type is that name whole
//   ("Frankfurt am Main" read as "Frankfurt", "Reporter ohne Grenzen");
// - a place adjective the tagger read as a derivation and a noun of a kind
//   of place after it are one place ("Gubener Straße", "Frankfurter
//   Hauptbahnhof"), and with a club's, an association's or a works' noun
//   one organisation ("Hamburger Mieterverein", "Veitscher Magnesitwerke");
// - a place's name does not start with the kind of place it is ("die
//   Kreisstadt Torgau" names "Torgau"), and one word after such a noun, or
//   after a compound of one, is no person ("die Stadt Teirm", "vor der
//   Mittelmeerinsel Giglio");
// - a list of names after a plural noun for settlements or islands names
//   places ("die Gemeinden Bedra und Braunsdorf", "die Inseln Chios ...");
// - the other name of a way or a span beside a place is a place too ("von
//   Wilson nach Downsview", "Zwischen Gudme und Lundborg");
// - a word that names a street by its head and is no listed common noun is
//   a place ("Hamerlinggasse"), unless it names a kind of road
//   ("Umfahrungsstraße"); so is a compound whose own head is a feature of
//   the land or a building and whose front is a name ("Stüdlhütte");
// - a listed place with a compass point or a position before it, as one
//   word, is a place ("Nordhessen", "Oberperu");
// - a compass point alone is no place ("von Nord nach Süd");
// - a plural compound of a dictionary noun is no place ("in Erdhöhlen"),
//   nor is a compound of two dictionary words whose head is no kind of
//   place and in which no place is named ("die Flüchtlingskrise", not
//   "Hofburg" or "Salzburgarena"), nor a noun the dictionary lists whose
//   ending is a noun's ("in Großhandel", "in Handschellen");
// - a listed place joined by a hyphen to a part of a town or a kind of
//   place is a place ("Berlin-Mitte", "Gaza-Streifen");
// - a common noun before a listed place's genitive is no part of its name
//   ("Südraum Leipzigs" → "Leipzigs");
// - a name of one word made of dictionary words joined by hyphens, the
//   last a noun, is none ("Buche-Tanne", "Schluss-Sirene"), unless the last
//   names a medium or a kind of organisation ("Bild-Zeitung");
// - a listed place, or its genitive, ends a place name of two words before
//   a common noun ("bei Genf Atomkerne"), not before a part of a town
//   ("Berlin Mitte");
// - a capitalized adjective of size, height or position, or "Bad", before a
//   place opens its name ("der Große Schaftberg"), and "Bad" before an
//   unknown word names a spa town ("Bad Niedernau");
// - an unknown word that ends as German place names do, right after a
//   preposition that takes a place, is a place ("Bei Völklingen"), not a
//   noun's dative plural ("bei Kriegsflüchtlingen");
// - a person's name that ends in the English noun for a kind of
//   organisation is that organisation ("Jet Propulsion Laboratory");
// - a club's year of founding with a leading zero belongs to its name ("FC
//   Schalke 04");
// - roads by their numbers are places ("die A 7"), and a street's or
//   road's number belongs to its name ("Neuendorfer Straße 90c");
// - a listed given name left outside any name inside a sentence is a
//   person's name ("mit dem Namen Leo"), unless it is a month ("on June
//   1");
// - a name that ends in the English noun for a natural feature, or that
//   such a noun follows, is a place ("Hudson River", "Bedford Falls");
// - a name that starts with the Romance or English word for a natural
//   feature, a bridge, a port or a fort is a place, over its particles
//   ("Cerro San Félix", "Lido delle Nazioni", "Lake Louise");
// - a listed place before English words in the plural that the dictionary
//   lacks names a team ("Chicago Bulls", "New York Rangers");
// - an English name of an institution or a company is one organisation by
//   its head ("George Washington University", "California Institute of
//   Technology");
// - a name right after a noun for a news medium or a kind of organisation
//   (also in the genitive), or after such a noun and an opening quotation
//   mark, is an organisation ("der Zeitung „La Jornada“", "dem Sender
//   CNN", "den Erstligisten Litex Lovech");
// - the names of bodies and institutions are organisations whole ("Bundesamt
//   für Kommunikation", "Medizinischen Hochschule Hannover"), and so is a
//   capitalized adjective before an organisation ("Junge ÖVP");
// - a name of one token that abbreviates a common noun is no name ("am PC",
//   "per SMS", "der CEO"), nor is a pronoun of polite address ("in Ihrem
//   Glauben");
// - "SR" before a family name in a match report is the referee: the name
//   after it is a person's ("SR Kolleger" read as an organisation);
// - a name that an acronym in parentheses after it abbreviates is one name
//   of the acronym's type ("Bundesverband deutscher Banken ( BdB )");
// - a name that ends in a newspaper's noun ("Presse", "Zeitung", ...) and
//   that the tagger read as a title is the newspaper ("der „Passauer Neuen
//   Presse“"), and so is a place's adjective before such a noun ("das
//   Eichsfelder Tageblatt");
// - names in a list are of one kind: the type of most of three or more
//   ("Pinnick , Tabor und Gaskill"), unless the list is mixed.
void FixNameTags(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                 std::span<const std::string_view> folded, std::vector<uint8_t>* tags);

// A token that starts with a letter (or any non-ASCII character): a word, not
// a number or punctuation.
bool IsWordToken(std::string_view t);

// The particles of family names ("von", "van der", "da"); `first` for the one
// that opens them.
bool IsNameParticle(std::string_view folded, bool first);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_NAME_TAGS_H_
