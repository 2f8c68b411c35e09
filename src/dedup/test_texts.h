// Articles written for the dedup tests (invented events, no real outlet's text).
#ifndef STORYLINE_DEDUP_TEST_TEXTS_H_
#define STORYLINE_DEDUP_TEST_TEXTS_H_

#include <string>
#include <string_view>

namespace storyline::dedup::testing {

// Four paragraphs about a bridge; the last one is short (a byline).
inline constexpr std::string_view kBridge =
    "Die neue Fußgängerbrücke über die Lahn in Marbach soll im kommenden Frühjahr "
    "eröffnet werden. Das teilte die Stadtverwaltung am Dienstag mit. Die Bauarbeiten "
    "hatten sich wegen der langen Frostperiode im Winter um mehrere Monate verzögert.\n"
    "Nach Angaben des Bauamts kostet das Bauwerk rund 4,2 Millionen Euro, etwa "
    "600.000 Euro mehr als ursprünglich geplant. Das Land übernimmt zwei Drittel der "
    "Kosten, den Rest trägt die Stadt. Bürgermeisterin Petra Lindner sprach von einer "
    "Investition, die sich für die Innenstadt lohnen werde.\n"
    "Die Brücke verbindet künftig den Bahnhof mit der Altstadt. Pendler sollen so "
    "ihren Weg zur Arbeit um etwa zehn Minuten verkürzen können. Auch Radfahrer dürfen "
    "die Brücke nutzen, müssen aber auf Fußgänger Rücksicht nehmen. Die Opposition im "
    "Stadtrat kritisierte die Mehrkosten und verlangte eine genaue Aufstellung.\n"
    "Weitere Videos";

// kBridge with its second sentence rewritten.
inline constexpr std::string_view kBridgeEdited =
    "Die neue Fußgängerbrücke über die Lahn in Marbach soll im kommenden Frühjahr "
    "eröffnet werden. Dies erklärte ein Sprecher der Stadt am Dienstagnachmittag auf "
    "Anfrage. Die Bauarbeiten "
    "hatten sich wegen der langen Frostperiode im Winter um mehrere Monate verzögert.\n"
    "Nach Angaben des Bauamts kostet das Bauwerk rund 4,2 Millionen Euro, etwa "
    "600.000 Euro mehr als ursprünglich geplant. Das Land übernimmt zwei Drittel der "
    "Kosten, den Rest trägt die Stadt. Bürgermeisterin Petra Lindner sprach von einer "
    "Investition, die sich für die Innenstadt lohnen werde.\n"
    "Die Brücke verbindet künftig den Bahnhof mit der Altstadt. Pendler sollen so "
    "ihren Weg zur Arbeit um etwa zehn Minuten verkürzen können. Auch Radfahrer dürfen "
    "die Brücke nutzen, müssen aber auf Fußgänger Rücksicht nehmen. Die Opposition im "
    "Stadtrat kritisierte die Mehrkosten und verlangte eine genaue Aufstellung.\n"
    "Weitere Videos";

inline constexpr std::string_view kFootball =
    "Der FC Rheinau hat sein Heimspiel gegen den Tabellenführer aus Oberdorf mit 2:1 "
    "gewonnen. Vor 8.500 Zuschauern erzielte Stürmer Jonas Weber beide Treffer für die "
    "Gastgeber, jeweils nach Vorarbeit von Kapitän Mehmet Yilmaz.\n"
    "Oberdorf war früh durch einen Foulelfmeter in Führung gegangen und hatte in der "
    "ersten Halbzeit mehr vom Spiel. Nach der Pause stellte Trainer Klaus Berger auf "
    "eine Dreierkette um, was sich schnell auszahlte. In der Schlussphase rettete "
    "Torwart Lukas Brandt mit zwei starken Paraden den Sieg.\n"
    "Mit dem Erfolg rückt Rheinau auf den vierten Tabellenplatz vor. Am kommenden "
    "Samstag tritt die Mannschaft beim Aufsteiger in Lindenhof an.";

inline constexpr std::string_view kWeather =
    "Der Deutsche Wetterdienst warnt für das Wochenende vor Sturmböen im Norden und "
    "kräftigen Gewittern im Süden. In den Alpen kann örtlich mehr als ein halber Meter "
    "Neuschnee fallen, teilten die Meteorologen in Offenbach mit.\n"
    "Besonders betroffen sind die Küsten von Nord- und Ostsee, wo Windgeschwindigkeiten "
    "von bis zu 100 Kilometern pro Stunde erwartet werden. Die Fährverbindungen zu "
    "mehreren Inseln könnten ausfallen. Ab Montag soll sich das Wetter beruhigen, die "
    "Temperaturen steigen dann auf bis zu zwölf Grad.";

}  // namespace storyline::dedup::testing

#endif  // STORYLINE_DEDUP_TEST_TEXTS_H_
