#include "extract/quotes.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "extract/fnv.h"

namespace storyline::extract {
namespace {

// A table of short strings for the lookups made on every word: open
// addressing over a power-of-two table with an inline FNV-1a hash (the
// standard containers divided by a prime and called the library's hash on
// every lookup). Add keeps the first value of a key, as emplace does.
template <typename Value>
class WordTable {
 public:
  void Add(std::string_view key, Value value) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(16, slots_.size() * 2));
    size_t s = Hash(key) & mask_;
    while (slots_[s].used) {
      if (slots_[s].key == key) return;
      s = (s + 1) & mask_;
    }
    slots_[s] = Slot{std::string(key), std::move(value), true};
    ++size_;
  }
  const Value* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    size_t s = Hash(key) & mask_;
    while (slots_[s].used) {
      if (slots_[s].key == key) return &slots_[s].value;
      s = (s + 1) & mask_;
    }
    return nullptr;
  }

 private:
  struct Slot {
    std::string key;
    Value value{};
    bool used = false;
  };
  static size_t Hash(std::string_view key) {
    uint64_t h = kFnvSeed;
    for (const char c : key) h = FnvStep(h, static_cast<unsigned char>(c));
    return static_cast<size_t>(h ^ (h >> 32));
  }
  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (Slot& o : old) {
      if (o.used) Add(o.key, std::move(o.value));
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

class SvSet {
 public:
  SvSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) table_.Add(w, true);
  }
  bool contains(std::string_view w) const { return table_.Find(w) != nullptr; }

 private:
  WordTable<bool> table_;
};

// --- Lexicon ------------------------------------------------------------------
// Forms are folded (text::Fold: lower case, ä → ae, ß → ss). The German verb
// list follows the cue statistics of the SpkAtt training data (sagen,
// erklären, mitteilen, berichten, betonen, ...) and the verbs of news
// attribution generally.

// Weak verbs as their past stem ("sag" → sagte, sagten, sagt, sagen, gesagt).
constexpr std::string_view kWeakStems[] = {
    "sag", "erklaer", "beton", "bestaetig", "berichte", "warn", "kritisier", "behaupte",
    "melde", "mein", "versicher", "bekraeftig", "erwider", "entgegne", "antworte", "frag",
    "klag", "beklag", "forder", "verlang", "appellier", "argumentier", "kommentier",
    "erlaeuter", "ergaenz", "mahn", "schilder", "beteuer", "verkuend", "bemerk", "befuerchte",
    "hoff", "vermute", "schaetz", "bilanzier", "resuemier", "konstatier", "prognostizier",
    "dementier", "bezweifel", "vermeld", "twitter", "erinner", "folger", "urteil", "beschwer",
    "droh", "klarstell", "lob", "spott", "wuensch", "zweifel", "glaub", "aeusser",
    "bezeichne"};
// Separable weak verbs: stem and the particles that must follow.
constexpr std::pair<std::string_view, std::string_view> kSeparableWeak[] = {
    {"teil", "mit"},    {"raeum", "ein"},       {"fueg", "hinzu"},  {"fuehr", "aus"},
    {"sicher", "zu"},   {"kuendig", "an"},      {"stell", "fest|klar|dar"},
    {"deute", "an"},    {"merk", "an"},         {"leg", "dar|nahe"},
    {"mach", "deutlich|klar"}, {"lehn", "ab"},  {"wende", "ein"},   {"fass", "zusammen"},
    {"schraenk", "ein"}};
// Infinitives after "ließ" that make it a cue ("ließ mitteilen").
constexpr std::string_view kLetSpeak =
    "mitteilen|erklaeren|ausrichten|verlauten|wissen|verkuenden|dementieren|bestaetigen|"
    "verbreiten|melden|sagen";
// Strong and irregular forms, with particles where they are separable.
constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
    {"unterstrich", ""}, {"unterstrichen", ""}, {"unterstreicht", ""}, {"schrieb", ""},
    {"schrieben", ""}, {"schreibt", ""}, {"geschrieben", ""}, {"rief", ""}, {"sprach", "von|davon"}, {"heisst", "es"}, {"hiess", "es"},
    {"sprachen", "von|davon"}, {"spricht", "von|davon"}, {"sprechen", "von|davon"}, {"bestritt", ""}, {"bestreitet", ""}, {"gestand", ""},
    {"verriet", ""}, {"befand", ""}, {"empfahl", ""}, {"verwies", ""}, {"riet", ""},
    {"wies", "hin|zurueck"}, {"wiesen", "hin|zurueck"}, {"weist", "hin|zurueck"}, {"gab", "an|bekannt|zu"},
    {"gaben", "an|bekannt|zu"}, {"gibt", "an|bekannt|zu"}, {"hob", "hervor"},
    {"hebt", "hervor"}, {"strich", "heraus"}, {"warf", "vor"}, {"warfen", "vor"},
    {"wirft", "vor"}, {"werfen", "vor"}, {"weisen", "hin|zurueck"}, {"schlug", "vor"},
    {"schlaegt", "vor"}, {"wandte", "ein"},
    {"hielt", "fest|entgegen"}, {"haelt", "fest|entgegen"},
    // "ließ über seinen Anwalt erklären", "ließ verlauten": the infinitive
    // closes the cue as a particle would.
    {"liess", kLetSpeak}, {"liessen", kLetSpeak}, {"laesst", kLetSpeak},
    // "geht davon aus, dass": an assumption reported as the subject's view.
    {"geht", "aus"}, {"gehen", "aus"}, {"ging", "aus"}, {"gingen", "aus"}, {"ausgeht", ""},
    {"ausgehen", ""}, {"ausgegangen", ""}, {"nannte", ""}, {"nannten", ""}, {"nennt", ""},
    {"vorgeworfen", ""},
    // Joined forms of subordinate clauses ("wie die Polizei mitteilte").
    {"mitteilte", ""}, {"mitteilten", ""}, {"mitgeteilt", ""}, {"hinzufuegte", ""},
    {"einraeumte", ""}, {"eingeraeumt", ""}, {"bekanntgab", ""}, {"bekanntgaben", ""},
    {"angab", ""},
    {"angaben", ""}, {"angegeben", ""}, {"ankuendigte", ""}, {"angekuendigt", ""},
    {"ausfuehrte", ""}, {"feststellte", ""}, {"hinwies", ""}, {"betont", ""},
    // English.
    {"said", ""}, {"says", ""}, {"added", ""}, {"adds", ""}, {"told", ""}, {"tells", ""},
    {"stated", ""}, {"explained", ""}, {"warned", ""}, {"noted", ""}, {"argued", ""},
    {"insisted", ""}, {"claimed", ""}, {"stressed", ""}, {"emphasized", ""},
    {"emphasised", ""}, {"announced", ""}, {"declared", ""}, {"asked", ""},
    {"replied", ""}, {"wrote", ""}, {"writes", ""}, {"confirmed", ""}};

bool HasInseparablePrefix(std::string_view s) {
  for (std::string_view p : {"be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "hinter", "unter"}) {
    if (s.starts_with(p)) return true;
  }
  return s.ends_with("ier");
}

using VerbMap = WordTable<std::string_view>;

const VerbMap& VerbTable() {
  static const VerbMap table = [] {
    VerbMap map;
    VerbMap* t = &map;
    auto add_weak = [t](std::string_view stem, std::string_view particles, bool participle) {
      const std::string s(stem);
      t->Add(s + "te", particles);
      t->Add(s + "ten", particles);
      t->Add(s + "t", particles);
      // "melde" → "melden"; "forder" → "fordern", "zweifel" → "zweifeln", but
      // "erklaer" → "erklaeren": a stem in -er or -el gets both forms.
      if (s.ends_with('e')) {
        t->Add(s + "n", particles);
      } else {
        t->Add(s + "en", particles);
        if (s.ends_with("er") || s.ends_with("el")) t->Add(s + "n", particles);
      }
      if (participle) t->Add(HasInseparablePrefix(s) ? s + "t" : "ge" + s + "t", particles);
    };
    for (std::string_view s : kWeakStems) add_weak(s, "", true);
    for (const auto& [s, p] : kSeparableWeak) {
      add_weak(s, p, false);
      // "mitteilte", "mitgeteilt": the particle joined in subordinate clauses.
      const std::string stem(s);
      size_t from = 0;
      while (from <= p.size()) {
        size_t bar = p.find('|', from);
        if (bar == std::string_view::npos) bar = p.size();
        const std::string particle(p.substr(from, bar - from));
        t->Add(particle + stem + "te", "");
        t->Add(particle + stem + "ten", "");
        t->Add(particle + "ge" + stem + "t", "");
        from = bar + 1;
      }
    }
    for (const auto& [f, p] : kIrregular) t->Add(std::string(f), p);
    return map;
  }();
  return table;
}

const SvSet kDeterminers = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer",
                            "eines", "einem", "einen", "sein", "seine", "seiner", "seinem",
                            "seinen", "seines", "ihr", "ihre", "ihrer", "ihrem", "ihren",
                            "ihres", "the", "a", "an", "his", "her", "their"};
// Determiners that mark a noun phrase as no subject: accusative and dative
// (masculine and neuter singular, dative plural).
const SvSet kObliqueDeterminers = {"den", "dem", "einen", "einem", "seinen", "seinem", "ihren",
                                   "ihrem", "diesen", "diesem", "jenen", "jenem"};
// Words that open a relative clause ("Der NDR, der … verantwortlich ist, …").
const SvSet kRelativePronouns = {"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher"};
// Prepositions that open a relative clause with "denen", "deren" or
// "dessen" ("…, von denen viele …", "…, bei denen …"). Not "ohne", "statt":
// "ohne deren Zustimmung abzuwarten" is an infinitive clause.
const SvSet kRelativePrepositions = {"von", "bei", "in", "mit", "an", "auf", "aus", "fuer",
                                     "ueber", "unter", "zu", "nach", "vor", "hinter", "neben",
                                     "zwischen", "gegen", "durch", "um", "seit", "wegen", "trotz"};
// News agencies, told rather than owning a spokesperson ("sagte der APA").
const SvSet kNewsAgencies = {"apa", "dpa", "afp", "sda", "kna", "epd", "ddp", "ap"};
// Finite forms of the auxiliaries and modals in the indicative.
const SvSet kFiniteAuxiliaries = {"ist",    "sind",  "war",    "waren", "hat",   "hatte",
                                  "hatten", "haben", "wird",   "werden", "wurde", "wurden",
                                  "kann",   "koennen", "konnte", "muss",  "musste", "soll",
                                  "sollen", "will",  "wollen", "darf",  "duerfen"};
// Nouns of time: "Diese Woche kündigte …", "sagte am Mittwoch, …".
const SvSet kTimeNouns = {
    "woche", "monat", "jahr", "tag", "wochenende", "morgen", "abend", "nachmittag",
    "vormittag", "nacht", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "saison", "sommer", "winter", "herbst", "fruehjahr", "fruehling", "mal"};
const SvSet kPronouns = {"er", "sie", "he", "she", "they", "wir", "ich", "dieser", "diese"};
// Function words that end like adjectives ("ohne", "keine").
const SvSet kNotAdjectives = {"ohne", "eine", "keine", "diese", "jede", "alle", "viele", "einige",
                              "wie", "die", "sie", "ihre", "seine", "meine", "unsere", "habe",
                              "werde", "sei", "seien", "waere", "haette", "wurde", "wurden",
                              "werden", "haben", "hatten", "waren", "sollen", "wollen", "koennen",
                              "muessen", "duerfen", "oder", "aber", "immer", "sehr", "weiter",
                              "unter", "hinter", "wieder", "jetzt", "gegen", "dessen", "deren",
                              "denen", "einem", "einen", "einer", "eines", "keinen", "keiner"};
// Words that open a clause without being its subject: prepositions,
// adverbs, conjunctions ("Am Mittwoch sagte Kelly", "Dazu erklärte X").
const SvSet kNonSubjectStarts = {
    "am", "im", "an", "in", "bei", "beim", "nach", "vor", "seit", "zuvor", "dazu", "danach",
    "daraufhin", "zudem", "ausserdem", "auch", "heute", "gestern", "damals", "dabei", "hierzu",
    "so", "spaeter", "anschliessend", "zunaechst", "jetzt", "nun", "dann", "deshalb", "daher",
    "trotzdem", "allerdings", "mit", "ueber", "gegenueber", "auf", "aus", "fuer", "zum", "zur",
    "unter", "waehrend", "wie", "weiter", "weiterhin", "ebenso", "ebenfalls", "vielmehr",
    "bereits", "schon", "erst", "noch", "zugleich", "gleichzeitig", "dort", "hier", "da",
    "als", "wenn", "weil", "dass", "ob", "zuletzt", "kurz", "wenig", "wenige", "am", "vom",
    "durch", "gegen", "ohne", "um", "this", "on", "at", "in", "later", "then", "es", "zu",
    "bezueglich", "hinsichtlich", "angesichts", "trotz", "wegen", "aufgrund", "infolge",
    "neben", "seitens", "innerhalb", "ausserhalb", "insbesondere", "nachdem", "unterdessen",
    "derzeit", "offiziell", "passend", "laut", "gemaess", "darueber", "hierbei", "indes",
    "inzwischen", "mittlerweile", "zuvor", "sodann", "ausserdem", "bisher", "ferner",
    "demnach", "entsprechend", "sofort", "damit", "somit", "dennoch", "jedoch", "zwar",
    "ja", "nein", "naja", "bezogen", "verglichen", "gemessen", "angesprochen",
    "immerhin", "bislang", "gleichwohl", "offenbar", "offensichtlich", "vermutlich",
    "wahrscheinlich", "angeblich", "schliesslich", "letztlich", "insgesamt", "oft",
    "wiederholt", "mehrfach", "einmal", "ausdruecklich", "erneut", "nochmals", "von", "bis",
    "sinngemaess", "woertlich", "besorgt",
    // Datives: "Ihnen drohen Geldstrafen" names who is threatened, no speaker.
    "ihnen", "ihm", "uns", "mir", "dir", "euch"};
// Lower-case parts of names ("van Laak", "bin Laden", "de Maizière").
const SvSet kNameParticles = {"van", "de", "del", "della", "da", "di", "dos", "du", "bin",
                              "ibn", "al", "el", "le", "la", "ter", "ten", "zu"};
const SvSet kLeadingConjunctions = {"und", "aber", "doch", "denn", "sondern", "jedoch",
                                    "and", "but"};
// Adverbs that may stand between an inverted speech verb and its subject
// ("sagte zudem der Minister").
const SvSet kSkippableAdverbs = {"auch", "zudem", "jedoch", "dazu", "weiter", "ebenfalls",
                                 "nun", "heute", "gestern", "bereits", "noch", "zuvor",
                                 "seinerseits", "ihrerseits", "dann", "spaeter", "damals",
                                 "allerdings", "zugleich", "nochmals", "erneut", "also",
                                 "hingegen", "indes", "wiederum", "ebenso", "daraufhin"};
// Heads of source phrases after "nach": "nach Angaben der Polizei".
constexpr std::string_view kSourceNounSuffixes[] = {
    "angaben", "worten", "ansicht", "informationen", "aussagen", "aussage", "berichten",
    "bericht", "meinung", "einschaetzung", "schaetzungen", "schaetzung", "erkenntnissen",
    "darstellung", "auffassung", "ueberzeugung", "untersuchungen", "meldungen", "mitteilung",
    "vermutungen", "recherchen", "umfragen", "zeugenaussagen", "ermittlungen", "berechnungen",
    "auskunft", "daten", "statistiken", "studie", "studien", "analyse", "endergebnis",
    "medien", "planungen", "hinweis", "hinweisen", "nachricht", "nachrichten",
    "erkenntnisstand", "erfahrungen", "entwurf", "dokument", "veroeffentlichung",
    "darstellungen", "vorhersage", "prognose", "prognosen", "bekunden", "vernehmen",
    "gutachten", "quellen"};
// Heads of bodies a role belongs to ("im Senat", "im Wiener Landtag").
constexpr std::string_view kBodies[] = {
    "rat", "tag", "parlament", "ministerium", "amt", "senat", "ausschuss", "gericht", "gerichtshof",
    "verband", "kabinett", "vorstand", "kongress", "kommission", "direktorium", "praesidium",
    "gremium", "konzern", "unternehmen", "team", "klub", "verein", "institut", "rathaus"};
// Endings of nouns for people, singular and plural.
constexpr std::string_view kPersonNounEndings[] = {
    "er", "erin", "erinnen", "ern", "ist", "istin", "isten", "or", "orin", "oren", "ent", "entin",
    "enten", "ant", "antin", "anten", "eur", "eurin", "eure", "experte", "experten", "leute"};
// Adverbs of "… gesagt" that make a set phrase: "kurz gesagt", "ehrlich gesagt".
const SvSet kSayingAdverbs = {"kurz", "anders", "ehrlich", "offen", "grob", "nebenbei",
                              "salopp", "vorsichtig", "einfach", "ganz", "schlicht"};
// Conjunctions that open a subordinate clause, whose subject follows them.
const SvSet kSubordinators = {"da", "weil", "obwohl", "nachdem", "waehrend", "wenn",
                              "sobald", "bevor", "seitdem", "zumal", "indem", "weshalb"};
// Modal verbs, finite.
const SvSet kModals = {"muss", "kann", "soll", "will", "darf", "mag", "muessen", "koennen",
                       "sollen", "wollen", "duerfen", "musste", "konnte", "sollte", "wollte"};
// Words in -er that are no adjective before a genitive noun.
const SvSet kNotGenitiveAdjectives = {"ueber", "unter", "hinter", "wieder", "immer", "aber", "oder",
                                      "weder", "ausser", "vier", "sieben", "neuer", "zuvor", "later"};
// Heads of offices and institutions that name their field with "für".
constexpr std::string_view kOfficesFor[] = {
    "minister", "ministerin", "ministerium", "kommissar", "kommissarin", "beauftragte",
    "beauftragter", "koordinator", "koordinatorin", "zentrum", "zentrale", "institut", "amt",
    "ausschuss", "rat", "verband", "stelle", "behoerde", "gesellschaft", "kommission",
    "gericht", "hochkommissar", "agentur", "bund", "verein", "referent", "referentin"};
// Konjunktiv I (and the Konjunktiv II that replaces it) of the verbs that
// carry reported speech (Duden, Grammatik: indirekte Rede).
const SvSet kSubjunctive = {
    "sei", "seien", "seiest", "habe", "werde", "koenne", "muesse", "wolle", "solle", "duerfe",
    "moege", "gebe", "gehe", "komme", "stehe", "liege", "bleibe", "wisse", "brauche",
    "fuehre", "lasse", "sehe", "zeige", "gelte", "halte", "trage", "handle", "plane",
    "arbeite", "wuerde", "wuerden", "haette", "haetten", "waere", "waeren", "koennten",
    "muessten", "duerften", "gebe", "bestehe", "fehle", "drohe", "erwarte", "benoetige"};
// Role heads that point back to the current speaker when no entity carries
// the role ("sagte der Minister").
constexpr std::string_view kRoleSuffixes[] = {
    "minister", "ministerin", "praesident", "praesidentin", "sprecher", "sprecherin", "chef",
    "chefin", "kanzler", "kanzlerin", "sekretaer", "botschafter", "buergermeister", "leiter",
    "leiterin", "vorsitzende", "vorsitzender", "senator", "abgeordnete", "direktor",
    "direktorin", "politiker", "politikerin", "staatschef", "regierungschef", "premier"};

bool EndsWithAny(std::string_view w, std::span<const std::string_view> suffixes) {
  for (std::string_view s : suffixes) {
    if (w.ends_with(s)) return true;
  }
  return false;
}

bool HasParticle(std::string_view particles, std::string_view word) {
  size_t from = 0;
  while (from <= particles.size()) {
    size_t bar = particles.find('|', from);
    if (bar == std::string_view::npos) bar = particles.size();
    if (particles.substr(from, bar - from) == word) return true;
    from = bar + 1;
  }
  return false;
}

// --- The finder ------------------------------------------------------------------

struct Pair {
  int open = 0;   // word index of the opening mark
  int close = 0;  // word index of the closing mark
};

// A quotation while it is being built: word spans, end-exclusive.
struct Found {
  int msg_begin = 0, msg_end = 0;  // the message (words)
  int cue_begin = -1, cue_end = -1;
  int cue_particle = -1;           // the separated particle of the cue, if any
  int spk_begin = -1, spk_end = -1;
  uint32_t byte_begin = 0, byte_end = 0;  // message bytes (direct: inside the marks)
  QuoteKind kind = QuoteKind::kDirect;
  bool continuation = false;  // speaker carried over from the previous quotation
  bool chained = false;       // a Konjunktiv sentence continuing the previous one
  bool act = false;           // a speech act without a message clause (ReportedAct)
  int entity = -1;            // the speaker's entity when known already (an interview's label)
};

class Finder {
 public:
  Finder(const WordView& v, Extraction* ex) : v_(v), ex_(ex), n_(v.size()) {}

  void Run() {
    inside_.assign(n_, 0);
    used_.assign(n_, 0);
    verb_.assign(n_, nullptr);
    verb_known_.assign(n_, 0);
    MarkMentionWords();
    SkipDatelines();
    MarkNameBreaks();
    FindPairs();
    for (const Pair& p : pairs_) {
      for (int i = p.open; i <= p.close; ++i) inside_[i] = 1;
    }
    Interviews();
    for (const Pair& p : pairs_) Direct(p);
    for (size_t s = 0; s < sentences_.size(); ++s) Reported(static_cast<int>(s));
    std::sort(found_.begin(), found_.end(),
              [](const Found& a, const Found& b) { return a.msg_begin < b.msg_begin; });
    Chains();
    Emit();
  }

 private:
  bool Word(int i) const { return i >= 0 && i < n_ && v_.IsWord(i); }
  std::string_view F(int i) const { return v_.Folded(i); }
  bool Punct(int i, std::string_view p) const { return i >= 0 && i < n_ && v_.IsPunct(i, p); }
  QuoteMark Mark(int i) const {
    if (i < 0 || i >= n_ || v_.words[i].kind != text::TokenKind::kPunct) return QuoteMark::kNone;
    return ClassifyQuoteMark(v_.Raw(i));
  }
  int SentenceBegin(int i) const { return sentences_[v_.words[i].sentence].first; }
  int SentenceEnd(int i) const { return sentences_[v_.words[i].sentence].second; }
  bool Dash(int i) const { return Punct(i, "–") || Punct(i, "—"); }

  // The sentences as the finder reads them: a dateline opening one of the
  // first sentences ("Wien – Bildungsministerin Hammerschmid wünscht sich
  // …", "Köln/Wien - …") is no part of it, so it is neither speaker nor
  // message.
  void SkipDatelines() {
    sentences_ = v_.sentences;
    const size_t first = std::min<size_t>(sentences_.size(), 3);
    for (size_t s = 0; s < first; ++s) {
      auto& [b, e] = sentences_[s];
      if (const int end = DatelineEnd(b, e); end >= 0) b = end + 1;
    }
  }

  // The dash or period ending a dateline at the start of [b, e):
  // capitalized words, or groups joined by '/', of which one starts a place
  // the recognizer found, then a dash and a capitalized word or quotation
  // mark. A period ends one only inside the sentence (the splitter keeps a
  // line's leading "Brüssel." with the sentence after it), after a word of
  // three letters or more ("Dr. Müller", "St. Pölten" are no datelines),
  // and a word in capitals may stand for the place ("BRÜSSEL."). -1 if
  // there is none.
  int DatelineEnd(int b, int e) const {
    bool place = false;
    bool capitals = true;
    for (int i = b; i < e && i < b + 6; ++i) {
      const bool dot = Punct(i, ".");
      if (Dash(i) || Punct(i, "-") || dot) {
        const bool next_cap = i + 1 < e && (Mark(i + 1) != QuoteMark::kNone ||
                                            (Word(i + 1) && v_.words[i + 1].cap));
        if (dot && (i == b || v_.Raw(i - 1).size() < 3)) return -1;
        return (place || (dot && capitals)) && next_cap ? i : -1;
      }
      if (Punct(i, "/")) continue;
      if (!Word(i) || !v_.words[i].cap) return -1;
      place = place || place_start_[i];
      capitals = capitals && v_.Raw(i).size() >= 3 && IsAllCaps(v_.Raw(i));
    }
    return -1;
  }

  // The words where a place the recognizer found starts and where a
  // person's name ends.
  void MarkMentionWords() {
    place_start_.assign(n_, 0);
    person_end_.assign(n_, 0);
    organization_word_.assign(n_, 0);
    for (const Mention& m : ex_->mentions) {
      if (m.type == EntityType::kOrganization) {
        for (int w = v_.WordAt(m.begin); w < n_ && v_.words[w].end <= m.end; ++w) organization_word_[w] = 1;
      } else if (m.type == EntityType::kLocation) {
        const int b = v_.WordAt(m.begin);
        if (b < n_ && v_.words[b].begin == m.begin) place_start_[b] = 1;
      } else if (m.type == EntityType::kPerson) {
        const int e = v_.WordAt(m.end) - 1;
        if (e >= 0 && e < n_ && v_.words[e].end == m.end) person_end_[e] = 1;
      }
    }
  }
  bool SentenceFinal(int i) const {
    return Punct(i, ".") || Punct(i, "!") || Punct(i, "?");
  }
  bool CapWord(int i) const {
    return Word(i) && v_.words[i].cap && !kDeterminers.contains(F(i)) &&
           !kNonSubjectStarts.contains(F(i)) && !kLeadingConjunctions.contains(F(i)) &&
           !kPronouns.contains(F(i));
  }
  // Where a name that opens with its particles ("de Maizière", "van der
  // Bellen", "von der Leyen") has its first capitalized word, when one opens
  // at `i`; else `i`. The particles that are also German words ("da", "du",
  // "bin", "von der") open a name only where the recognizer found a person's
  // name ending in the capitalized words after them; "von" only with "der"
  // or "den" ("von Matthias Prückler" is a preposition's object), and "zu"
  // never ("meinte zu Thiem").
  int AfterOpeningParticles(int i, int limit) const {
    static const SvSet kPlain = {"de", "van", "di", "del", "della", "dos", "ten", "ter", "al", "el"};
    static const SvSet kAmbiguous = {"von", "da", "du", "bin", "ibn"};
    if (i >= limit || !Word(i)) return i;
    const bool plain = kPlain.contains(F(i));
    if (!plain && !kAmbiguous.contains(F(i))) return i;
    int k = i + 1;
    if (k < limit && Word(k) && (F(k) == "der" || F(k) == "den")) ++k;
    if (F(i) == "von" && k == i + 1) return i;
    if (k >= limit || !CapWord(k)) return i;
    if (!plain) {
      int last = k;
      while (last + 1 < limit && CapWord(last + 1)) ++last;
      if (!person_end_[last]) return i;
    }
    return k;
  }
  // After a title's abbreviation or an initial and its period, when a
  // capitalized word follows ("Prof. Dr. Matthias W. Beckmann"): the index
  // of that word; else `i`.
  int AfterAbbreviation(int i, int limit) const {
    static const SvSet kTitles = {"dr", "prof"};
    if (i + 2 >= limit || !Word(i) || !v_.words[i].cap || !Punct(i + 1, ".") ||
        v_.words[i + 1].begin != v_.words[i].end || !CapWord(i + 2))
      return i;
    const bool initial = v_.Raw(i).size() == 1;  // one capital letter
    return initial || kTitles.contains(F(i)) ? i + 2 : i;
  }
  // "im" before a body, after a role ("der Minderheitsführer im Senat", "die
  // Oppositionsparteien im Wiener Landtag"), not after a person's name, nor
  // before a time or a conversation ("Niessl im Interview", "im Sommer").
  bool InBody(int j) const {
    if (!Word(j) || F(j) != "im" || j == 0 || person_end_[j - 1]) return false;
    int k = j + 1;
    for (int a = 0; a < 2 && k < n_ && Adjective(k); ++a) ++k;
    return k < n_ && CapWord(k) && EndsWithAny(F(k), kBodies);
  }
  // A noun whose first part is in lower case: "ai-Bericht", "dpa-Meldung".
  bool HyphenNoun(int i) const {
    if (!Word(i) || v_.words[i].cap) return false;
    const std::string_view raw = v_.Raw(i);
    const size_t hyphen = raw.rfind('-');
    return hyphen != std::string_view::npos && hyphen > 0 && hyphen + 2 < raw.size() &&
           raw[hyphen + 1] >= 'A' && raw[hyphen + 1] <= 'Z';
  }
  // Whether [b, e) names a person or an organisation the recognizer found,
  // a role, or is a pronoun.
  bool NamesSomeone(int b, int e) const {
    for (int k = b; k < e; ++k) {
      if (person_end_[k] || organization_word_[k] || place_start_[k]) return true;
      if (Word(k) && (kPronouns.contains(F(k)) || EndsWithAny(F(k), kRoleSuffixes))) return true;
      // A noun for people: "Kritiker", "Experten", "Aktivistinnen".
      if (CapWord(k) && EndsWithAny(F(k), kPersonNounEndings)) return true;
    }
    return false;
  }
  // Whether "zu" and an infinitive follow the verb at `v` before any comma.
  bool ThreatensWithoutComma(int v, int se) const {
    for (int k = v + 1; k + 1 < se; ++k) {
      if (!Word(k)) return false;
      if (F(k) == "zu" && Word(k + 1) && !v_.words[k + 1].cap && F(k + 1).ends_with("en")) return true;
    }
    return false;
  }
  // A past participle with "ge": "gesagt", "angekündigt", "vorgeworfen"
  // (not "berichtet", "erklärt").
  static bool IsParticiple(std::string_view f) {
    return (f.starts_with("ge") || f.find("ge", 2) != std::string_view::npos) &&
           (f.ends_with("t") || f.ends_with("en"));
  }
  // A web address written as a name ("t-online.de", "heise.de"): a word, its
  // period and a top-level domain, without spaces; the index after it, else
  // `i`.
  int AfterWebAddress(int i, int limit) const {
    static const SvSet kDomains = {"de", "at", "ch", "com", "net", "org", "eu", "info"};
    if (i < limit && Word(i)) {  // one token: "golem.de"
      const std::string_view f = F(i);
      const size_t dot = f.rfind('.');
      if (dot != std::string_view::npos && dot > 0 && kDomains.contains(f.substr(dot + 1))) return i + 1;
    }
    if (i + 2 >= limit || !Word(i) || !Punct(i + 1, ".") || !Word(i + 2) ||
        v_.words[i + 1].begin != v_.words[i].end || v_.words[i + 2].begin != v_.words[i + 1].end ||
        !kDomains.contains(F(i + 2)))
      return i;
    return i + 3;
  }
  // A word that opens a clause without being its subject (kNonSubjectStarts),
  // unless it opens a name with its particles ("von der Leyen erklärte").
  bool NonSubjectStart(int i, int limit) const {
    return Word(i) && kNonSubjectStarts.contains(F(i)) && AfterOpeningParticles(i, limit) == i;
  }
  // "heißt es": a document speaks, or nobody named.
  bool Impersonal(int v) const { return F(v) == "heisst" || F(v) == "hiess"; }
  // An adverb or adjective that opens the sentence alone before the verb
  // ("Dagegen sagte die Polizei"): the subject follows the verb. Not the
  // pronouns and the adverb that SpkAtt takes as a source ("Demnach").
  bool SentenceAdverb(int i) const {
    static const SvSet kSubjects = {"demnach", "dies", "man"};
    if (!Word(i) || !v_.words[i].sentence_adverb || kPronouns.contains(F(i)) ||
        kDeterminers.contains(F(i)) || kSubjects.contains(F(i)))
      return false;
    // The word list lacks names that are words in lower case ("Xi",
    // "Google", "Stumpf"): a name the recognizer found in the article, here
    // or elsewhere, is a subject.
    const std::string_view raw = v_.Raw(i);
    for (const Mention& m : ex_->mentions) {
      if (m.text == raw) return false;
    }
    return true;
  }
  bool Adjective(int i) const {
    if (!Word(i) || v_.words[i].cap) return false;
    const std::string_view f = F(i);
    if (kNotAdjectives.contains(f)) return false;
    return f.size() > 3 && (f.ends_with("e") || f.ends_with("en") || f.ends_with("er") ||
                            f.ends_with("es") || f.ends_with("em"));
  }
  bool Verb(int i, std::string_view* particles) const {
    if (!Word(i)) return false;
    // Asked many times of the same words: looked up once per word.
    if (!verb_known_[i]) {
      verb_[i] = VerbTable().Find(F(i));
      verb_known_[i] = 1;
    }
    if (verb_[i] == nullptr) return false;
    // A capitalized word inside a German sentence is a noun ("nach Angaben
    // der Polizei"), and "befand sich" says where, not what, someone found.
    if (!v_.english && v_.words[i].cap && i > SentenceBegin(i) && Mark(i - 1) == QuoteMark::kNone) return false;
    if (F(i) == "befand" && i + 1 < n_ && Word(i + 1) && F(i + 1) == "sich") return false;
    // "ließ sich nicht erklären", "ließ es sich nicht nehmen": no one speaks.
    if (*verb_[i] == kLetSpeak) {
      for (int k = i + 1; k < i + 3 && k < n_ && Word(k); ++k) {
        if (F(k) == "sich") return false;
      }
    }
    // "seine Meinung zu äußern": an infinitive, no cue.
    if (!v_.english && i > 0 && Word(i - 1) && F(i - 1) == "zu") return false;
    *particles = *verb_[i];
    return true;
  }

  // Quotation-mark pairs within paragraphs, outermost only.
  void FindPairs() {
    int open = -1;
    QuoteMark om = QuoteMark::kNone;
    for (int i = 0; i < n_; ++i) {
      if (open >= 0 && v_.words[i].paragraph != v_.words[open].paragraph) open = -1;
      const QuoteMark m = Mark(i);
      if (m == QuoteMark::kNone) continue;
      if (open >= 0) {
        if (Closes(om, m)) {
          if (i > open + 1) pairs_.push_back({open, i});
          open = -1;
        } else if (m == om && m == QuoteMark::kLowDouble) {
          open = i;  // the earlier one was never closed
        }
        continue;
      }
      if (!Opens(m, i)) continue;
      open = i;
      om = m;
    }
  }
  bool Opens(QuoteMark m, int i) const {
    switch (m) {
      case QuoteMark::kLowDouble: case QuoteMark::kLeftDouble: case QuoteMark::kStraightDouble:
      case QuoteMark::kLeftGuillemet: case QuoteMark::kRightGuillemet: case QuoteMark::kLowSingle:
      case QuoteMark::kLeftAngle: case QuoteMark::kRightAngle: case QuoteMark::kLeftSingle:
        return true;
      case QuoteMark::kStraightSingle:
        // An apostrophe that opens: after a space, directly before a word.
        return (v_.words[i].begin == 0 || v_.text[v_.words[i].begin - 1] == ' ' ||
                v_.text[v_.words[i].begin - 1] == '\n') &&
               i + 1 < n_ && v_.words[i + 1].begin == v_.words[i].end;
      default:
        return false;
    }
  }
  static bool Closes(QuoteMark open, QuoteMark m) {
    switch (open) {
      case QuoteMark::kLowDouble:
        return m == QuoteMark::kLeftDouble || m == QuoteMark::kRightDouble ||
               m == QuoteMark::kStraightDouble;
      case QuoteMark::kLeftDouble: return m == QuoteMark::kRightDouble;
      case QuoteMark::kStraightDouble: return m == QuoteMark::kStraightDouble;
      case QuoteMark::kLeftGuillemet: return m == QuoteMark::kRightGuillemet;
      case QuoteMark::kRightGuillemet: return m == QuoteMark::kLeftGuillemet;
      case QuoteMark::kLowSingle:
        return m == QuoteMark::kLeftSingle || m == QuoteMark::kRightSingle ||
               m == QuoteMark::kStraightSingle;
      case QuoteMark::kLeftSingle: return m == QuoteMark::kRightSingle;
      case QuoteMark::kStraightSingle:
        return m == QuoteMark::kStraightSingle || m == QuoteMark::kRightSingle;
      case QuoteMark::kLeftAngle: return m == QuoteMark::kRightAngle;
      case QuoteMark::kRightAngle: return m == QuoteMark::kLeftAngle;
      default: return false;
    }
  }

  // A short quoted name starting at the mark `i` („Der Spiegel“): the
  // index after its closing mark, or `i`.
  int QuotedName(int i, int limit) const {
    // A name starts with a capital or is a web address („tagesschau.de“):
    // „ganz besonders sorgfältig“ after "nach Angaben der Staatsanwaltschaft"
    // is quoted words, no name.
    if (Mark(i) == QuoteMark::kNone || !inside_[i] || !Word(i + 1) ||
        (!v_.words[i + 1].cap && v_.Raw(i + 1).find('.') == std::string_view::npos && !Punct(i + 2, ".")))
      return i;
    for (int k = i + 1; k < limit && k < i + 7; ++k) {
      if (Mark(k) != QuoteMark::kNone) return k > i + 1 ? k + 1 : i;
      if (!Word(k) && !Punct(k, "-") && !Punct(k, ".")) return i;
    }
    return i;
  }

  // A noun phrase starting at `i`: a pronoun, or [det] adj* Name+ with
  // genitive, "von", "aus", "in" and bracketed or quoted attachments ("ein
  // Sprecher des LBM in Koblenz", "die Zeitung „Yemen Observer“"). Returns
  // its end, `i` if none.
  int NounPhrase(int i, int limit) const {
    if (i >= limit || !Word(i)) {
      const int e = QuotedName(i, limit);  // laut „Reuters“
      return e > i && e <= limit ? e : i;
    }
    if (kPronouns.contains(F(i))) return i + 1;
    // "Des Weiteren wirft die OSZE … vor": an adverb, no noun phrase.
    if (F(i) == "des" && i + 1 < limit && Word(i + 1) && (F(i + 1) == "weiteren" || F(i + 1) == "oefteren"))
      return i;
    // Heads and their modifiers: [det] adj* (Name | „Name“)+.
    auto core = [&](int m) {
      if (m < limit && Word(m) && kDeterminers.contains(F(m))) {
        ++m;
        // An attribute phrase between the article and its adjective: a
        // preposition, its noun phrase and at most two adverbs ("der für die
        // Region zuständige Koordinator", "die in sozialen Medien offen
        // geäußerte Kritik").
        if (m < limit && Word(m) &&
            (kRelativePrepositions.contains(F(m)) || F(m) == "zur" || F(m) == "zum" || F(m) == "im" ||
             F(m) == "am" || F(m) == "vom" || F(m) == "beim")) {
          int k = m + 1;
          if (k < limit && Word(k) && kDeterminers.contains(F(k))) ++k;
          for (int a = 0; a < 2 && k < limit && Adjective(k); ++a) ++k;
          const int noun = k;
          while (k < limit && k < noun + 3 && CapWord(k)) ++k;
          for (int a = 0; a < 2 && k > noun && k < limit && Word(k) && !v_.words[k].cap && !Adjective(k); ++a) ++k;
          if (k > noun && k + 1 < limit && Adjective(k) && CapWord(k + 1)) m = k;
        }
      }
      // A web address in lower case is a name, no adjective ("t-online.de").
      if (const int w = AfterWebAddress(m, limit); w > m) return w;
      for (int a = 0; a < 3 && m < limit && Adjective(m); ++a) ++m;
      const int first = m;
      if (first == i) m = AfterOpeningParticles(m, limit);  // no article before a name's particles
      while (m < limit) {
        if (m > first && name_break_[m]) break;
        if (const int a = AfterAbbreviation(m, limit); a > m) {
          m = a;  // "Dr. Heino Stoever", "George W. Bush"
        } else if (const int w = AfterWebAddress(m, limit); w > m) {
          m = w;  // "Spiegel.de" ends the name
          break;
        } else if (CapWord(m) || (Word(m) && organization_word_[m]) || HyphenNoun(m)) {
          ++m;  // "Die taz vermutet": an organisation's name in lower case; "laut ai-Bericht"
        } else if (m > first && m + 2 < limit && Punct(m, "-") && v_.words[m].begin == v_.words[m - 1].end &&
                   Word(m + 1) && (F(m + 1) == "und" || F(m + 1) == "oder") && CapWord(m + 2)) {
          m += 2;  // "der Indonesischen Such- und Rettungsagentur"
        } else if (m > first && m + 1 < limit && Word(m) && kNameParticles.contains(F(m)) &&
                   CapWord(m + 1)) {
          m += 2;  // "Heike van Laak"
        } else if (const int q = QuotedName(m, limit); q > m && q <= limit) {
          m = q;
        } else {
          break;
        }
      }
      return m > first ? m : -1;
    };
    int j = core(i);
    // "einer der Betreiber", "einer von drei Befragten" (not the article
    // of "einer von der Stadt beauftragten Studie").
    static const SvSet kOneOf = {"einer", "eine", "jeder", "jede", "keiner", "keine"};
    static const SvSet kFew = {"zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn"};
    if (j < 0 && i + 2 < limit && kOneOf.contains(F(i)) && Word(i + 1)) {
      if (F(i + 1) == "der") {
        // "einer der 13 beteiligten Feuerwehrmänner"
        int m = i + 2;
        if (m + 1 < limit && (v_.words[m].kind == text::TokenKind::kNumber || (Word(m) && kFew.contains(F(m)))))
          ++m;
        j = core(m);
      } else if (F(i + 1) == "von" && i + 3 < limit &&
                 (v_.words[i + 2].kind == text::TokenKind::kNumber || (Word(i + 2) && kFew.contains(F(i + 2))))) {
        j = core(i + 3);
      }
    }
    if (j < 0) return i;
    for (int attach = 0; attach < 4 && j < limit; ++attach) {
      const std::string_view f = Word(j) ? F(j) : std::string_view();
      // "für" after the heads of offices and institutions: "der Beauftragte
      // für Menschenrechte", "das Institut für Weltwirtschaft".
      const bool office_for = f == "fuer" && Word(j - 1) && EndsWithAny(F(j - 1), kOfficesFor);
      // A source noun's genitive without an article, one noun long ("Angaben
      // seines Anwalts", "Angaben libanesischer Sicherheitskreise"; not the
      // next noun: "nach Angaben unabhängiger Experten Senfgas eingesetzt"),
      // and a person's name after it ("Auskunft ihrer Freundin Margarete
      // Buber-Neumann").
      if (Word(j - 1) && v_.words[j - 1].cap && EndsWithAny(F(j - 1), kSourceNounSuffixes) &&
          !(j - 2 >= i && Word(j - 2) && F(j - 2) == "eigenen") &&
          (f == "seines" || f == "seiner" || f == "ihres" || f == "ihrer" ||
           (Adjective(j) && f.ends_with("er") && !kDeterminers.contains(f) &&
            !kRelativePrepositions.contains(f) && !kNotGenitiveAdjectives.contains(f)))) {
        int k = Adjective(j) ? j : j + 1;
        for (int a = 0; a < 3 && k < limit && Adjective(k); ++a) ++k;
        if (k >= limit || !CapWord(k)) break;
        j = k + 1;
        for (int p = j; p < limit && p < j + 3 && CapWord(p); ++p) {
          if (person_end_[p]) {
            j = p + 1;
            break;
          }
        }
        continue;
      }
      if (f == "des" || f == "der" || f == "eines" || f == "einer" || f == "von" ||
          f == "vom" || f == "of" || f == "und" || f == "aus" || f == "in" || InBody(j) || office_for) {
        int m = j + 1;
        // "in die Luft" is a direction, no place of the source; "in einem
        // Interview" is where it was said.
        if (f == "in" && m < limit && Word(m) &&
            (F(m) == "die" || F(m) == "das" || F(m) == "den" || F(m) == "einem" || F(m) == "einer" ||
             F(m) == "einen" || F(m) == "eine"))
          break;
        if ((f == "von" || f == "aus" || f == "in") && m < limit && Word(m) &&
            (F(m) == "der" || F(m) == "dem" || F(m) == "den"))
          ++m;
        // After a genitive article an adjective ends in -en ("der NASA der
        // überwiegende Teil": "überwiegende" is a nominative, a new phrase).
        const bool genitive = f == "des" || f == "der" || f == "eines" || f == "einer";
        if (genitive && m < limit && Adjective(m) && !F(m).ends_with("en")) break;
        // An abbreviation takes no genitive ("einer Pressemitteilung des BMI
        // der Verbesserung …": "der Verbesserung" is a dative of the verb).
        if (genitive && Word(j - 1) && IsAllCaps(v_.Raw(j - 1))) break;
        // A news agency after "der" is whom it was told ("bestätigte eine
        // Sprecherin der APA").
        if (f == "der" && m < limit && Word(m) && kNewsAgencies.contains(F(m))) break;
        // Nor does a person named by age ("sagte die 45-Jährige der
        // Deutschen Presse-Agentur").
        if (genitive && Word(j - 1) && F(j - 1).find("-jaehrig") != std::string_view::npos) break;
        const int e = core(m);
        if (e < 0) break;
        // Nor does a person's name take a genitive: "sagte Nikolic der
        // Zeitung Danas", "räumte Gauland in der ARD ein" name whom and
        // where they told it; unless an apposition follows, which shows the
        // "name" to be a role ("Österreichs Wirtschaftsdelegierter in London,
        // Christian Kesberg").
        if ((genitive || f == "in") && person_end_[j - 1] && !Punct(e, ",")) break;
        j = e;
      } else if (Punct(j, "(")) {
        int e = j + 1;
        while (e < limit && e < j + 12 && !Punct(e, ")")) ++e;
        if (e >= limit || !Punct(e, ")")) break;
        j = e + 1;
      } else {
        break;
      }
    }
    return j;
  }

  // A noun phrase with an apposition set off by commas ("der Trainer der
  // Frankfurter, Michael Skibbe", "Tony Auden, ein Sprecher des ...,"):
  // the apposition must end the clause (at `limit`, a comma, a full stop or
  // a verb), so that "sagte Kelly, die Lage werde ..." keeps "Kelly".
  int SpeakerPhrase(int i, int limit) const {
    const int e = NounPhrase(i, limit);
    if (e == i || e + 1 >= limit || !Punct(e, ",") || inside_[e] || kPronouns.contains(F(i)))
      return e;
    // "Innocent Kamansi, selbst Flüchtling, sagt": an adverb may open the
    // apposition.
    int a = e + 1;
    if (a + 1 < limit && Word(a) && (F(a) == "selbst" || F(a) == "ebenfalls" || F(a) == "einst") &&
        CapWord(a + 1))
      ++a;
    const int e2 = NounPhrase(a, limit);
    if (e2 == a || (Word(e + 1) && kPronouns.contains(F(e + 1)))) return e;
    std::string_view particles;
    if (e2 >= limit || Punct(e2, ",") || SentenceFinal(e2) || Punct(e2, ":") ||
        Verb(e2, &particles))
      return e2;
    return e;
  }

  // The subject after an inverted verb at `v` ("sagte zudem der Minister").
  std::pair<int, int> SubjectAfter(int v, int limit) const {
    int i = v + 1;
    if (i < limit && Word(i) && F(i) == "sich") ++i;  // "äußerte sich der Minister"
    for (int skip = 0; skip < 3 && i < limit && Word(i) && kSkippableAdverbs.contains(F(i)); ++skip) ++i;
    // An insertion between dashes: "Dies gab heute – nach eingehenden
    // Untersuchungen – Professor Bernd Hillemeier bekannt."
    if (i < limit && Dash(i)) {
      for (int k = i + 1; k < limit && k <= i + 15; ++k) {
        if (Dash(k)) {
          i = k + 1;
          break;
        }
        if (!Word(k) && !Punct(k, ",") && v_.words[k].kind != text::TokenKind::kNumber) break;
      }
    }
    if (i + 1 < limit && Word(i) && (F(i) == "am" || F(i) == "im") && CapWord(i + 1)) i += 2;
    const int e = SpeakerPhrase(i, limit);
    if (e == i) return {-1, -1};
    return {i, e};
  }

  // A subject that fills the whole Vorfeld from `b` up to the verb at `v`,
  // commas of an apposition or a relative clause included ("Tony Auden, ein
  // Sprecher des Zyklonwarnzentrums, wies darauf hin"; "Der NDR, der ...
  // verantwortlich ist, begründete"); {-1,-1} if there is none.
  std::pair<int, int> WholeSubject(int b, int v) const {
    while (b < v && Word(b) && kLeadingConjunctions.contains(F(b))) ++b;
    if (b < v && Word(b) && F(b) == "wie") ++b;
    if (b >= v || !Word(b) || NonSubjectStart(b, v) || (b + 1 == v && SentenceAdverb(b))) {
      return {-1, -1};
    }
    const int e = SpeakerPhrase(b, v);
    if (e == b) return {-1, -1};
    if (e == v || (e + 1 == v && Punct(e, ","))) return {b, e};
    // After an apposition, a short adverbial before the verb ("Wie Steve
    // Marshall, Sprecher der UN-Büros, in Bangkok mitteilte").
    if (Punct(e, ",") && !inside_[e] && v - e <= 6 && Word(e + 1) &&
        kNonSubjectStarts.contains(F(e + 1))) {
      bool apposition = false;
      for (int k = b; k < e && !apposition; ++k) apposition = Punct(k, ",");
      bool plain = true;
      for (int k = e + 1; k < v && plain; ++k) {
        plain = !Punct(k, ",") && Mark(k) == QuoteMark::kNone;
      }
      if (apposition && plain) return {b, e};
    }
    if (Punct(e, ",") && Word(e + 1) && kRelativePronouns.contains(F(e + 1))) {
      for (int k = e + 2; k < v && k < e + 30; ++k) {
        if (Punct(k, ",") && !inside_[k]) return k + 1 == v ? std::pair<int, int>{b, e} : std::pair<int, int>{-1, -1};
      }
    }
    return {-1, -1};
  }

  // "heißt es in der Mitteilung", "In der Mitteilung heißt es", "hieß es aus
  // dem Ministerium": the source of an impersonal cue at `v` is the document
  // (or office) named by the prepositional phrase; {-1,-1} if there is none.
  std::pair<int, int> ImpersonalSource(int cs, int v, int limit) const {
    static const SvSet kIn = {"in", "im", "bei", "auf", "aus"};
    if (cs < v && Word(cs) && kIn.contains(F(cs))) {
      const int e = NounPhrase(cs + 1, v);
      if (e > cs + 1 && e == v) return {cs + 1, e};
    }
    int k = v + 1;
    if (k < limit && Word(k) && F(k) == "es") ++k;
    for (int skip = 0; skip < 3 && k < limit && Word(k) && kSkippableAdverbs.contains(F(k)); ++skip) ++k;
    if (k + 1 < limit && Word(k) && kIn.contains(F(k))) {
      const int e = NounPhrase(k + 1, limit);
      if (e > k + 1) return {k + 1, e};
    }
    return {-1, -1};
  }

  // The subject of the verb at `v` in the clause from `cs`: before it, or
  // after it up to `limit` where an object or an adverbial fills the
  // Vorfeld ("Seinen Rücktritt gab er bekannt", "Dem Vernehmen nach wirft
  // die JG …"); {-1,-1} when there is none.
  std::pair<int, int> SubjectOfClause(int cs, int v, int limit) const {
    const std::pair<int, int> before = SubjectBefore(cs, v);
    // "der" with an adjective in -en is no nominative ("Der drittgrößten
    // Volkswirtschaft der Erde droht …": a dative).
    const bool oblique =
        before.first >= 0 && Word(before.first) &&
        (kObliqueDeterminers.contains(F(before.first)) ||
         (F(before.first) == "der" && Adjective(before.first + 1) && F(before.first + 1).ends_with("en")));
    if (before.first >= 0 && !oblique) return before;
    return SubjectAfter(v, limit);
  }

  // The subject before the verb at `v`, from clause start `cs`; {-1,-1} when
  // the clause opens with something that is not its subject.
  std::pair<int, int> SubjectBefore(int cs, int v) const {
    auto found = SubjectOpening(cs, v);
    if (found.first >= 0) return found;
    // "Gegenüber der Polizei hat er angegeben, ...": the subject follows the
    // finite auxiliary of a verb at the clause end. One that opens the
    // clause ("…, hat er gesagt", "konnte Katzian bestätigen") is one of
    // the perfect or a modal, not of the passive ("Ist ein Echo gemeldet").
    static const SvSet kAux = {"hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren",
                               "habe", "wird", "wurde", "werden", "wurden"};
    static const SvSet kPassive = {"ist", "war", "sind", "waren", "wird", "wurde", "werden", "wurden"};
    if (Word(cs) && kFiniteAuxiliaries.contains(F(cs)) && !kPassive.contains(F(cs))) {
      found = SubjectAfter(cs, v);
      if (found.first >= 0) return found;
    }
    for (int a = cs + 1; a + 1 < v; ++a) {
      if (Word(a) && kAux.contains(F(a))) {
        found = SubjectAfter(a, v);
        if (found.first >= 0) return found;
        // "Bundespräsident Christian Wulff (CDU) hat in einem Gespräch mit
        // … bekräftigt, …": the subject fills the Vorfeld before the
        // auxiliary of the perfect (not of the passive: "Der Vorschlag
        // wurde von … kritisiert").
        if (!kPassive.contains(F(a))) {
          found = WholeSubject(cs, a);
          if (found.first >= 0) return found;
        }
        break;
      }
    }
    return {-1, -1};
  }

  std::pair<int, int> SubjectOpening(int cs, int v) const {
    // English: "Mission manager Ines Haller said …", "The company said …":
    // a clause of a few words before the verb is its subject; the speaker is
    // the name that ends it after role words, else all of it ("Controllers
    // in Darmstadt").
    if (v_.english && v > cs && v - cs <= 7) {
      static const SvSet kAndOr = {"and", "but", "or"};
      static const SvSet kPassive = {"was", "were", "is", "are", "be", "been", "being"};
      const int b = Word(cs) && kAndOr.contains(F(cs)) ? cs + 1 : cs;
      bool words = b < v;
      for (int i = b; i < v && words; ++i) words = Word(i);
      // "commuters were told to …" names the addressee, not the speaker.
      if (words && !kNonSubjectStarts.contains(F(b)) && !kPassive.contains(F(v - 1))) {
        return {EnglishSpeakerBegin(b, v), v};
      }
      if (words) return {-1, -1};
    }
    if (const int sb = SentenceBegin(v); sb < cs) {
      // The commas that set the clause start may belong to the subject, of
      // the sentence or of a clause after an earlier comma ("… wies das
      // zurück, die Sprecherin der Fraktion, Sandra Boser, erklärte: …").
      // The longest such subject: after the farthest of the last three
      // commas first.
      auto whole = WholeSubject(sb, v);
      if (whole.first >= 0) return whole;
      // "Die Präsidentin der EZB, Christine Lagarde, hatte zuletzt betont":
      // the finite auxiliary of a participle right after the apposition.
      static const SvSet kHave = {"hat", "hatte", "hatten", "haben", "habe", "haette"};
      if (Word(cs) && kHave.contains(F(cs))) {
        whole = WholeSubject(sb, cs);
        if (whole.first >= 0) return whole;
      }
      int commas[3];
      int num_commas = 0;
      for (int c = cs - 2; c > sb && num_commas < 3; --c) {
        if (Punct(c, ",") && !inside_[c]) commas[num_commas++] = c;
      }
      while (num_commas > 0) {
        whole = WholeSubject(commas[--num_commas] + 1, v);
        if (whole.first >= 0) return whole;
      }
    }
    while (cs < v && Word(cs) && kLeadingConjunctions.contains(F(cs))) ++cs;
    if (cs < v && Word(cs) && F(cs) == "wie") {
      ++cs;  // "wie die Polizei mitteilte", "wie schon die WHO sagte"
      for (int skip = 0; skip < 2 && cs < v && Word(cs) &&
                         (kSkippableAdverbs.contains(F(cs)) || F(cs) == "schon");
           ++skip)
        ++cs;
    }
    // A subordinate clause: its subject follows the conjunction ("da sie
    // befürchten, …", "Während Premierminister Juncker ankündigte, …").
    if (cs + 1 < v && Word(cs) && kSubordinators.contains(F(cs))) {
      const int e = SpeakerPhrase(cs + 1, v);
      if (e == v && !NonSubjectStart(cs + 1, v)) return {cs + 1, e};
    }
    // "Etwa einer von drei Befragten erklärte": the subject follows the
    // word that says how many.
    static const SvSet kApproximately = {"etwa", "rund", "knapp", "fast", "nahezu", "ungefaehr",
                                         "circa", "zirka", "mindestens", "hoechstens"};
    if (cs + 1 < v && Word(cs) && kApproximately.contains(F(cs))) ++cs;
    if (cs + 1 == v && SentenceAdverb(cs)) return {-1, -1};
    if (TimePhrase(cs, v)) return {-1, -1};
    static const SvSet kFocus = {"auch", "selbst", "sogar", "nur", "ebenfalls"};
    // "Genau das fordern nun Aktivisten", "Auch dies bestätigte er": the
    // demonstrative is the object; the subject follows the verb.
    if (cs + 2 == v && Word(cs) && (SentenceAdverb(cs) || kFocus.contains(F(cs))) && Word(cs + 1) &&
        (F(cs + 1) == "das" || F(cs + 1) == "dies"))
      return {-1, -1};
    // "Nicht wenige bezeichnen …": the negated quantifier is the subject;
    // "Nicht nur Plieseis zweifelt …": the focus particle's subject follows.
    if (cs + 2 <= v && Word(cs) && F(cs) == "nicht" && Word(cs + 1)) {
      static const SvSet kQuantifiers = {"wenige", "alle", "jeder", "jede", "viele", "wenigen"};
      if (cs + 2 == v && kQuantifiers.contains(F(cs + 1))) return {cs, v};
      if (F(cs + 1) == "nur" && cs + 2 < v) {
        const int e = SpeakerPhrase(cs + 2, v);
        if (e == v) return {cs + 2, e};
      }
    }
    // "Auch Faymann betonte", "Selbst die Polizei sprach von …": a focus
    // particle before a subject that fills the rest of the Vorfeld.
    if (cs + 1 < v && Word(cs) && kFocus.contains(F(cs)) && Word(cs + 1) &&
        !kNonSubjectStarts.contains(F(cs + 1)) && !TimePhrase(cs + 1, v)) {
      const int e = SpeakerPhrase(cs + 1, v);
      if (e == v) return {cs + 1, e};
    }
    if (cs >= v || v - cs > 15) return {-1, -1};
    if (!Word(cs) && Mark(cs) == QuoteMark::kNone) return {-1, -1};
    if (NonSubjectStart(cs, v)) return {-1, -1};
    if (v_.words[cs].kind == text::TokenKind::kNumber) return {-1, -1};
    if (Mark(cs) != QuoteMark::kNone) return {cs, v};
    // A question opens with its verb ("Kann Woody Allen es ernst meinen",
    // "Sollte man davon ausgehen, dass …").
    static const SvSet kQuestionVerbs = {"sollte", "sollten", "koennte", "koennten", "muesste",
                                         "wuerde", "wuerden", "duerfte", "moechte", "haette",
                                         "waere", "gibt"};
    if (kFiniteAuxiliaries.contains(F(cs)) || kQuestionVerbs.contains(F(cs))) return {-1, -1};
    // The noun phrase the clause opens with ("Dieser hatte ... gesagt";
    // "Kelly betonte am Mittwoch").
    const int e = SpeakerPhrase(cs, v);
    if (e == cs) return {-1, -1};
    return {cs, e};
  }

  // Whether [b, v) is a time phrase in the accusative that fills the
  // Vorfeld ("Diese Woche kündigte ESPN … an", "Vergangenen Montag sagte
  // er"): the subject follows the verb.
  bool TimePhrase(int b, int v) const {
    static const SvSet kTimeWords = {
        "diese", "diesen", "dieses", "jede", "jeden", "jedes", "letzte", "letzten", "letztes",
        "vergangene", "vergangenen", "vergangenes", "kommende", "kommenden", "kommendes",
        "naechste", "naechsten", "naechstes", "vorige", "vorigen", "voriges", "den", "das", "die",
        "ganze", "ganzen"};
    // "Siebzig Jahre später rief die Stadtverwaltung …", "Zwei Tage danach":
    // a span of time and a word for after or before.
    static const SvSet kAfter = {"spaeter", "danach", "darauf", "zuvor", "davor", "frueher", "lang"};
    auto time_noun = [&](std::string_view f) {  // singular or plural: "Jahre", "Wochen"
      if (kTimeNouns.contains(f)) return true;
      if (f.ends_with("e") && kTimeNouns.contains(f.substr(0, f.size() - 1))) return true;
      return f.ends_with("n") && kTimeNouns.contains(f.substr(0, f.size() - 1));
    };
    if (v - b == 3 && Word(v - 1) && kAfter.contains(F(v - 1)) && CapWord(v - 2) && time_noun(F(v - 2)) &&
        (v_.words[b].kind == text::TokenKind::kNumber || (Word(b) && !kDeterminers.contains(F(b)))))
      return true;
    if (v - b < 2 || v - b > 3) return false;
    for (int i = b; i + 1 < v; ++i) {
      if (!Word(i) || !kTimeWords.contains(F(i))) return false;
    }
    return CapWord(v - 1) && kTimeNouns.contains(F(v - 1));
  }

  // Words where one person's name ends and another's starts ("warf Lech
  // Kaczyński Wałęsa … vor"): a speaker's run of capitalized words stops
  // there. Both persons must be named elsewhere in the article too, the
  // first be no role ("Innenministeriumssprecher Alexander Marakovits", a
  // role the tagger took for a name), and the two together no name of the
  // article ("Ghost" "Games" beside "Ghost Games"): the tagger's cuts of
  // one name stay whole.
  void MarkNameBreaks() {
    name_break_.assign(n_, 0);
    std::vector<int> ends(n_, -1);
    std::vector<int> starts(n_, -1);
    const std::vector<Mention>& mentions = ex_->mentions;
    auto named_again = [&](const Mention& m) {
      return m.entity >= 0 && ex_->entities[static_cast<size_t>(m.entity)].mentions.size() >= 2;
    };
    for (size_t k = 0; k < mentions.size(); ++k) {
      const Mention& m = mentions[k];
      if (m.type != EntityType::kPerson || !named_again(m)) continue;
      const int b = v_.WordAt(m.begin);
      if (b < n_ && v_.words[b].begin == m.begin) starts[b] = static_cast<int>(k);
      const int e = v_.WordAt(m.end) - 1;
      if (e >= 0 && e < n_ && v_.words[e].end == m.end) ends[e] = static_cast<int>(k);
    }
    for (int i = 1; i < n_; ++i) {
      if (ends[i - 1] < 0 || starts[i] < 0) continue;
      const Mention& first = mentions[static_cast<size_t>(ends[i - 1])];
      const Mention& second = mentions[static_cast<size_t>(starts[i])];
      if (first.entity == second.entity || EndsWithAny(text::Fold(first.text, v_.lang), kRoleSuffixes)) continue;
      const std::string joined = first.text + " " + second.text;
      bool one_name = false;
      for (const Mention& m : mentions) one_name = one_name || m.text == joined;
      name_break_[i] = !one_name;
    }
  }

  // The particle of a separable cue verb within [from, to), or -1.
  int FindParticle(std::string_view particles, int from, int to) const {
    for (int i = from; i < to; ++i) {
      if (Word(i) && HasParticle(particles, F(i))) return i;
    }
    return -1;
  }

  int TrimEnd(int b, int e) const {
    while (e > b && v_.words[e - 1].kind == text::TokenKind::kPunct &&
           Mark(e - 1) == QuoteMark::kNone && !Punct(e - 1, ")"))
      --e;
    return e;
  }

  // The words (not punctuation) among tokens [b, e).
  int WordsIn(int b, int e) const {
    int words = 0;
    for (int i = b; i < e; ++i) words += Word(i) ? 1 : 0;
    return words;
  }

  bool Overlaps(int b, int e) const {
    for (int i = b; i < e; ++i) {
      if (used_[i]) return true;
    }
    return false;
  }
  void Use(int b, int e) {
    for (int i = std::max(b, 0); i < e; ++i) used_[i] = 1;
  }

  void Add(Found f) {
    if (f.msg_end <= f.msg_begin) return;
    if (f.byte_end == 0) {
      f.byte_begin = v_.words[f.msg_begin].begin;
      f.byte_end = v_.words[f.msg_end - 1].end;
    }
    Use(f.msg_begin, f.msg_end);
    if (f.cue_begin >= 0) Use(f.cue_begin, f.cue_end);
    found_.push_back(f);
  }

  // Where the speaker starts in the English subject [b, verb): at the name
  // that ends it after role words ("mission manager Ines Haller"), else at
  // `b` ("the company", "Controllers in Darmstadt").
  int EnglishSpeakerBegin(int b, int verb) const {
    static const SvSet kPrepositions = {"in", "of", "at", "from", "for", "on", "with", "by"};
    int name = verb;
    while (name > b && CapWord(name - 1)) --name;
    if (name == verb || (name > b && kPrepositions.contains(F(name - 1)))) return b;
    return name;
  }

  // A quotation inside a clause whose verb names it ("nannte das Urteil
  // „fahrlässig“", "würdigte ihn als „großen Österreicher“", "hatte es als
  // „Militäroperation“ bezeichnet", "sprach von einem „harten Schritt“"):
  // the quoted words are the subject's.
  bool Naming(const Pair& p, Found* f) const {
    static const SvSet kNaming = {"nannte", "nannten", "nennt", "nennen", "bezeichnete",
                                  "bezeichneten", "bezeichnet", "bezeichnen", "wuerdigte",
                                  "wuerdigten", "wuerdigt"};
    int cs = SentenceBegin(p.open);
    for (int i = p.open - 1; i > cs; --i) {
      if ((Punct(i, ",") || Punct(i, ":")) && !inside_[i]) {
        cs = i + 1;
        break;
      }
    }
    // "sprach von einem „historischen Tag“": the cue is the verb with "von".
    static const SvSet kSpeakOf = {"sprach", "sprachen", "spricht", "sprechen"};
    int verb = -1;
    bool speak_of = false;
    for (int i = cs; i < p.open && verb < 0; ++i) {
      if (!Word(i) || inside_[i]) continue;
      if (kNaming.contains(F(i))) verb = i;
      if (kSpeakOf.contains(F(i)) && i + 1 < p.open && Word(i + 1) && F(i + 1) == "von") {
        verb = i;
        speak_of = true;
      }
    }
    // A participle after it closes the clause: "… als „…“ bezeichnet."
    for (int i = p.close + 1; verb < 0 && i < n_ && i <= p.close + 3 && Word(i); ++i) {
      if (kNaming.contains(F(i)) && (i + 1 >= n_ || !Word(i + 1))) verb = i;
    }
    if (verb < 0) return false;
    // A name after a preposition is what is named by, not the name given
    // ("nannte im „Deutschlandfunk“ …").
    if (p.open > cs && Word(p.open - 1) && kNonSubjectStarts.contains(F(p.open - 1)) &&
        F(p.open - 1) != "als" && !(speak_of && p.open == verb + 2)) {
      return false;
    }
    const std::pair<int, int> speaker = SubjectOfClause(cs, verb, p.open);
    if (speaker.first < 0 || Overlaps(speaker.first, speaker.second) || used_[verb]) return false;
    f->kind = QuoteKind::kDirect;
    f->cue_begin = verb;
    f->cue_end = verb + 1;
    if (speak_of) f->cue_particle = verb + 1;
    f->spk_begin = speaker.first;
    f->spk_end = speaker.second;
    return true;
  }

  // In English text, the speech verb of "<subject> said" in the words from
  // `k` to `limit`: a subject of one to five words, then the verb; -1 when
  // there is none.
  int EnglishVerbAfterSubject(int k, int limit) const {
    if (!v_.english) return -1;
    std::string_view particles;
    for (int i = k + 1; i < limit && i <= k + 5; ++i) {
      if (!Word(i - 1)) return -1;
      if (Verb(i, &particles) && particles.empty() && !used_[i]) return i;
    }
    return -1;
  }

  // --- Interviews ---------------------------------------------------------------

  // Where the label of an interview's turn ends (its colon) when sentence
  // [sb, se) opens with one: up to three capitalized words and a colon
  // ("STANDARD:", "Kunasek:", "Peter Kaiser:"); else -1.
  int LabelColon(int sb, int se) const {
    for (int i = sb; i < se && i < sb + 4; ++i) {
      if (Punct(i, ":")) return i > sb && i + 1 < se ? i : -1;
      if (!CapWord(i)) return -1;
    }
    return -1;
  }

  // Whether the label [b, colon) names the interviewer: a medium in
  // capitals ("STANDARD", "SPIEGEL", "ZEIT ONLINE"), an organisation the
  // recognizer found ("profil") or "Frage".
  bool InterviewerLabel(int b, int colon) const {
    if (colon == b + 1 && F(b) == "frage") return true;
    bool capitals = true;
    for (int i = b; i < colon; ++i) capitals = capitals && v_.Raw(i).size() >= 2 && IsAllCaps(v_.Raw(i));
    if (capitals) return true;
    const uint32_t lb = v_.words[b].begin;
    const uint32_t le = v_.words[colon - 1].end;
    for (const Mention& m : ex_->mentions) {
      if (m.type == EntityType::kOrganization && m.begin == lb && m.end == le) return true;
    }
    return false;
  }

  // The person an interview's label [b, colon) names: a person's name the
  // recognizer found there, or one whose name ends in the label's last word
  // ("Kunasek" for Mario Kunasek); else -1.
  int LabelPerson(int b, int colon) const {
    const uint32_t lb = v_.words[b].begin;
    const uint32_t le = v_.words[colon - 1].end;
    for (const Mention& m : ex_->mentions) {
      if (m.type == EntityType::kPerson && m.entity >= 0 && m.begin >= lb && m.end <= le) return m.entity;
    }
    const std::string_view last = v_.Raw(colon - 1);
    for (size_t e = 0; e < ex_->entities.size(); ++e) {
      const Entity& entity = ex_->entities[e];
      if (entity.type == EntityType::kPerson && entity.name.size() > last.size() &&
          entity.name.ends_with(last) && entity.name[entity.name.size() - last.size() - 1] == ' ')
        return static_cast<int>(e);
    }
    return -1;
  }

  // An interview's answers are the direct quotations of the person whose
  // name labels them ("STANDARD: Hat das Land zu spät reagiert? Kunasek: Im
  // Nachhinein ist man immer klüger. …"): from the label's colon to the next
  // label or the end of the paragraph. Only where the interviewer's label
  // is answered by a person's at least once, so that headings ("Bildung: Die
  // SPD will …"), the line-ups of match reports ("Salzburg: Walke – …") and
  // a single "Name: …" line are left to the other rules. The questions are
  // no quotations.
  void Interviews() {
    struct Turn {
      int sentence, colon, entity;
      bool interviewer;
    };
    std::vector<Turn> turns;
    bool answered = false;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const auto [sb, se] = sentences_[s];
      const int colon = LabelColon(sb, se);
      if (colon < 0) continue;
      const int entity = LabelPerson(sb, colon);
      const bool interviewer = entity < 0 && InterviewerLabel(sb, colon);
      // Other labels ("Oder: Lebe ich …") are no turns.
      if (entity < 0 && !interviewer) continue;
      answered = answered || (entity >= 0 && !turns.empty() && turns.back().interviewer);
      turns.push_back({static_cast<int>(s), colon, entity, interviewer});
    }
    if (!answered) return;
    for (size_t t = 0; t < turns.size(); ++t) {
      const int sb = sentences_[static_cast<size_t>(turns[t].sentence)].first;
      const int paragraph = v_.words[sb].paragraph;
      const size_t next_sentence = t + 1 < turns.size() ? static_cast<size_t>(turns[t + 1].sentence)
                                                        : sentences_.size();
      int end = turns[t].colon + 1;
      for (size_t s = static_cast<size_t>(turns[t].sentence); s < next_sentence; ++s) {
        const auto [b, e] = sentences_[s];
        if (b < e && v_.words[b].paragraph != paragraph) break;
        end = std::max(end, e);
      }
      if (turns[t].interviewer) {
        // A question: no quotation, nor the continuation of an answer.
        Use(sb, end);
        continue;
      }
      if (WordsIn(turns[t].colon + 1, end) < 2) continue;
      Found f;
      f.msg_begin = turns[t].colon + 1;
      f.msg_end = end;
      f.cue_begin = turns[t].colon;
      f.cue_end = turns[t].colon + 1;
      f.spk_begin = sb;
      f.spk_end = turns[t].colon;
      f.entity = turns[t].entity;
      Add(f);
    }
  }

  // A pair of quotation marks: a quotation when a cue attaches to it.
  void Direct(const Pair& p) {
    if (used_[p.open]) return;  // inside an interview's answer
    int words = 0;
    bool sentence_like = false;
    for (int i = p.open + 1; i < p.close; ++i) {
      if (Word(i)) ++words;
      if (SentenceFinal(i)) sentence_like = true;
    }
    Found f;
    f.msg_begin = p.open;
    f.msg_end = p.close + 1;
    f.byte_begin = v_.words[p.open].end;
    f.byte_end = v_.words[p.close].begin;
    const int sb = SentenceBegin(p.open);
    const bool at_clause_start =
        p.open == sb || Punct(p.open - 1, ":") || Punct(p.open - 1, "-") ||
        (p.open == sb + 1 && Word(sb) && kLeadingConjunctions.contains(F(sb)));

    // Cue after: „…“, sagte Kelly / „…“, so Kelly / „…!“ rief er.
    int k = p.close + 1;
    const bool comma = Punct(k, ",");
    if (comma) ++k;
    std::string_view particles;
    if (k < n_ && (comma || Punct(p.close - 1, ",") || Punct(p.close - 1, "!") ||
                   Punct(p.close - 1, "?"))) {
      const int limit = std::min(n_, k + 20);
      // The clause ends at a quotation mark, but for a quoted name ("schreibt
      // die „Computerwoche“").
      int clause_end = k;
      while (clause_end < limit && !SentenceFinal(clause_end) && !Punct(clause_end, ":")) {
        if (Mark(clause_end) == QuoteMark::kNone) {
          ++clause_end;
          continue;
        }
        const int name_end = QuotedName(clause_end, limit);
        if (name_end <= clause_end) break;
        clause_end = name_end;
      }
      if (Verb(k, &particles) && !used_[k]) {
        int particle = -1;
        if (!particles.empty()) {
          particle = FindParticle(particles, k + 1, clause_end);
          if (particle < 0) goto no_cue_after;
        }
        f.cue_begin = k;
        f.cue_end = (particle >= 0 ? particle : k) + 1;
        f.cue_particle = particle;
        // "„…“, hieß es in einer Erklärung": the document speaks.
        std::tie(f.spk_begin, f.spk_end) =
            Impersonal(k) ? ImpersonalSource(k, k, clause_end) : SubjectAfter(k, clause_end);
      } else if (comma && Word(k) && F(k) == "so") {
        const int e = SpeakerPhrase(k + 1, clause_end);
        if (e == k + 1) goto no_cue_after;
        f.cue_begin = k;
        f.cue_end = k + 1;
        f.spk_begin = k + 1;
        f.spk_end = e;
      } else if (const int verb = EnglishVerbAfterSubject(k, clause_end); verb > k) {
        // English puts the subject first: "…," mission manager Ines Haller
        // said / "…," she said / "…," the company said.
        f.cue_begin = verb;
        f.cue_end = verb + 1;
        f.spk_begin = EnglishSpeakerBegin(k, verb);
        f.spk_end = verb;
      } else {
        goto no_cue_after;
      }
      if (!at_clause_start && p.open > sb) {
        // "Es gehe darum, die "Kontrolle zu erlangen", sagte Kelly": the
        // quoted words end a reported clause.
        f.kind = QuoteKind::kReported;
        f.msg_begin = sb;
        f.byte_begin = v_.words[sb].begin;
        f.byte_end = v_.words[p.close].end;
      }
      Add(f);
      return;
    }
  no_cue_after:
    f.cue_begin = f.cue_end = -1;
    if (!at_clause_start) {
      // The speaker's own word for something ("Kelly nannte das Urteil
      // „fahrlässig“", "… bezeichnete ihn als „Wortbruch“"); other quoted
      // words inside a clause are scare quotes or titles.
      if (Naming(p, &f)) Add(f);
      return;
    }
    // Cue before: "Dazu erklärte Sheinbaum: „…“", "Kelly sagte: „…“".
    if (Punct(p.open - 1, ":")) {
      const int colon = p.open - 1;
      int cs = SentenceBegin(colon);
      for (int i = colon - 1; i >= cs; --i) {
        // A quoted name does not end the clause ("erklärte gegenüber der
        // „Bild“-Zeitung: …").
        if (Mark(i) != QuoteMark::kNone && inside_[i]) {
          int open = i - 1;
          while (open > cs && open > i - 7 && Mark(open) == QuoteMark::kNone) --open;
          if (open >= cs && open < i - 1 && QuotedName(open, colon) == i + 1) {
            i = open;
            continue;
          }
        }
        if (Punct(i, ",") || (Mark(i) != QuoteMark::kNone && inside_[i])) {
          cs = i + 1;
          break;
        }
      }
      int verb = -1;
      for (int i = colon - 1; i >= cs; --i) {
        if (Verb(i, &particles) && !used_[i]) {
          verb = i;
          break;
        }
      }
      // "sagte Jon Bon Jovi, Gründer der Rockband: „…“", "Erkki Tuomioja,
      // Präsident des Rats: „…“": the comma sets off an apposition of the
      // speaker, not a clause; the clause starts before it.
      if (verb < 0 && cs > SentenceBegin(colon) && Punct(cs - 1, ",") && NounPhrase(cs, colon) == colon) {
        int outer = SentenceBegin(colon);
        for (int i = cs - 2; i > outer; --i) {
          if (Punct(i, ",") || (Mark(i) != QuoteMark::kNone && inside_[i])) {
            outer = i + 1;
            break;
          }
        }
        for (int i = cs - 2; i >= outer; --i) {
          if (Verb(i, &particles) && !used_[i]) {
            verb = i;
            break;
          }
        }
        if (verb >= 0 || SpeakerPhrase(outer, colon) == colon) cs = outer;
      }
      if (verb >= 0) {
        int particle = -1;
        if (!particles.empty()) particle = FindParticle(particles, verb + 1, colon);
        if (particles.empty() || particle >= 0) {
          f.cue_begin = verb;
          f.cue_end = (particle >= 0 ? particle : verb) + 1;
          f.cue_particle = particle;
          // "In dem Antrag heißt es: „…“": the document speaks.
          if (Impersonal(verb)) {
            std::tie(f.spk_begin, f.spk_end) = ImpersonalSource(cs, verb, colon);
          } else {
            std::tie(f.spk_begin, f.spk_end) = SubjectBefore(cs, verb);
            if (f.spk_begin < 0) std::tie(f.spk_begin, f.spk_end) = SubjectAfter(verb, colon);
          }
          Add(f);
          return;
        }
      }
      // No verb: "Besorgt zeigte sich der Außenminister Luis Videgaray: „…“"
      // names the speaker right before the colon.
      if (cs < colon && Word(cs) && !kNonSubjectStarts.contains(F(cs)) && SpeakerPhrase(cs, colon) == colon) {
        bool apposition = false;
        for (int i = cs; i < colon && !apposition; ++i) apposition = Punct(i, ",");
        if (apposition) {  // "Erkki Tuomioja, Präsident des Rats: „…“"
          f.spk_begin = cs;
          f.spk_end = colon;
          Add(f);
          return;
        }
      }
      int b = colon;
      while (b > cs && CapWord(b - 1)) --b;
      if (b < colon) {
        while (b > cs && Adjective(b - 1)) --b;
        if (b > cs && Word(b - 1) && kDeterminers.contains(F(b - 1))) --b;
        if (b > cs && Word(b - 1) && !v_.words[b - 1].cap) {
          // "Thaksin begründete seinen Schritt mit den Worten: „…“": the
          // phrase before the colon is an object; the speaker opens the clause.
          const int e = NounPhrase(cs, b);
          if (e == cs || !Word(cs) || kNonSubjectStarts.contains(F(cs))) return;
          b = cs;
          f.spk_end = e;
        } else {
          f.spk_end = colon;
        }
        f.spk_begin = b;
        Add(f);
        return;
      }
    }
    if (words >= 5 && sentence_like) {
      f.continuation = true;  // the speaker is found in Emit
      Add(f);
    }
  }

  // Reported speech in sentence `s`: at most one quotation per sentence.
  void Reported(int s) {
    const auto [sb, se_all] = sentences_[s];
    if (sb >= se_all) return;
    const int se = TrimEnd(sb, se_all);
    for (int i = sb; i < se; ++i) {
      if (used_[i] || inside_[i] || !Word(i)) continue;
      const std::string_view f = F(i);
      std::string_view particles;
      if (Verb(i, &particles) && !ResemblesOrRecalls(sb, se, i)) {
        // "das erklärte Ziel", "die angekündigte Reform": a participle
        // between an article and its noun is an adjective. Not a verb whose
        // particle closes the clause ("Die kündigte Stöger … an").
        if (i > sb && Word(i - 1) && kDeterminers.contains(F(i - 1)) && CapWord(i + 1) &&
            (particles.empty() || FindParticle(particles, i + 1, se) < 0))
          continue;
        // Set phrases, no speech: "Kurz gesagt geht es um …", "wird nicht
        // wie angekündigt am 20. November erscheinen", "wie bereits gesagt".
        // (A participle without "ge", "Wie berichtet, …", is not caught.)
        if (i > sb && Word(i - 1) && IsParticiple(F(i)) &&
            (F(i - 1) == "wie" || (F(i) == "gesagt" && kSayingAdverbs.contains(F(i - 1))) ||
             (i - 1 > sb && Word(i - 2) && F(i - 2) == "wie" &&
              (F(i - 1) == "bereits" || F(i - 1) == "schon" || F(i - 1) == "eingangs" || F(i - 1) == "oben"))))
          continue;
        // "Dabei droht die Partei in der Versenkung zu verschwinden": a
        // danger, no threat uttered (that takes a comma: "drohte, … zu …").
        if (F(i).starts_with("droh") && ThreatensWithoutComma(i, se)) continue;
        if (Cued(sb, se, i, particles)) return;
        if (ReportedAct(sb, se, i, particles)) return;
        continue;
      }
      if ((f == "laut" || f == "gemaess") && i + 1 < se) {
        const int e = SpeakerPhrase(i + 1, se);
        // "laut Reuters", "laut der Polizei", "laut israelischen Medien",
        // "laut diesem Zeugen" (an adjective by its ending), "laut von der
        // Leyen"; not "laut und deutlich".
        if (e > i + 1 && (CapWord(i + 1) || kDeterminers.contains(F(i + 1)) ||
                          Adjective(i + 1) || Mark(i + 1) != QuoteMark::kNone ||
                          AfterOpeningParticles(i + 1, se) > i + 1 || AfterWebAddress(i + 1, se) > i + 1 ||
                          HyphenNoun(i + 1))) {
          if (SourcePhrase(sb, se, i, i + 1, i + 1, e)) return;
        }
      } else if (f == "according" && i + 2 < se && F(i + 1) == "to") {
        int e = NounPhrase(i + 2, se);
        // English nouns are in lower case: "according to police", "according
        // to the city's transport office": the words up to the comma that
        // closes the phrase, or up to the sentence's end after the message.
        if (e <= i + 2) {
          int k = i + 2;
          while (k < se && k < i + 8 && Word(k)) ++k;
          if (k > i + 2 && (k == se || Punct(k, ",") || (k + 1 == se && Punct(k, ".")))) e = k;
        }
        if (e > i + 2 && SourcePhrase(sb, se, i, i + 2, i + 2, e)) return;
      } else if (f == "zufolge" && i > sb) {
        // The noun phrase before it ("ersten Angaben zufolge", "Einem
        // Bericht der Zeitung zufolge"), not the words before that ("Es
        // handele sich ersten Angaben zufolge").
        int cs = i;
        // "Ihnen zufolge", "ihm zufolge": a pronoun in the dative.
        if (Word(i - 1) && (F(i - 1) == "ihnen" || F(i - 1) == "ihm" || F(i - 1) == "ihr")) {
          cs = i - 1;
        } else {
          while (cs > sb && i - cs < 8 &&
                 (CapWord(cs - 1) || Adjective(cs - 1) || Mark(cs - 1) != QuoteMark::kNone ||
                  (Word(cs - 1) && (kDeterminers.contains(F(cs - 1)) || F(cs - 1) == "von" ||
                                    F(cs - 1) == "vom")))) {
            // "Der Website worldreferree.com zufolge", "dem „Figaro“ zufolge"
            if (Mark(cs - 1) != QuoteMark::kNone && !inside_[cs - 1]) break;
            --cs;
          }
          if (cs > sb + 2 && cs - 3 >= sb && AfterWebAddress(cs - 3, i) == cs) {
            cs -= 3;
            while (cs > sb && i - cs < 10 && (CapWord(cs - 1) || Adjective(cs - 1) ||
                                              (Word(cs - 1) && kDeterminers.contains(F(cs - 1)))))
              --cs;
          }
        }
        // After a colon a new clause starts ("…, um zu einem Befund zu
        // kommen: Ihnen zufolge ist …").
        int clause = sb;
        for (int k = sb; k < cs; ++k) {
          if (Punct(k, ":") && !inside_[k]) clause = k + 1;
        }
        if (cs < i && SourcePhrase(clause, se, i, i + 1, cs, i)) return;
      } else if (f == "nach" && i + 1 < se) {
        // "nach deren Angaben": the relative pronoun is no part of the speaker.
        const bool relative = F(i + 1) == "deren" || F(i + 1) == "dessen";
        int j = i + 1;
        if (Word(j) && (kDeterminers.contains(F(j)) || relative)) ++j;
        for (int a = 0; a < 3 && j < se && Adjective(j); ++a) ++j;
        // "Nach Grupps Meinung": a name in the genitive before the noun.
        if (j + 1 < se && CapWord(j) && F(j).ends_with("s") && CapWord(j + 1) &&
            EndsWithAny(F(j + 1), kSourceNounSuffixes))
          ++j;
        if (j < se && CapWord(j) && EndsWithAny(F(j), kSourceNounSuffixes)) {
          // The source is the whole phrase: "nach Angaben der Polizei",
          // "nach Aussagen von Albrecht Conze", "nach deren Angaben".
          const int e = SpeakerPhrase(relative ? i + 2 : i + 1, se);
          if (e > j && SourcePhrase(sb, se, i, i + 1, i + 1, e)) return;
        }
      } else if (f == "nach" && i > sb && Word(i - 1) && v_.words[i - 1].cap &&
                 EndsWithAny(F(i - 1), kSourceNounSuffixes)) {
        // "Seiner Meinung nach", "Angaben der Polizei nach": a postposition.
        int cs = i - 1;
        while (cs > sb && i - cs < 4 && Word(cs - 1) && !v_.words[cs - 1].cap) --cs;
        if (SourcePhrase(sb, se, i, i + 1, cs, i)) return;
      } else if (f == "demnach" && i == sb && i + 3 < se) {
        if (SourcePhrase(sb, se, i, i + 1, i, i + 1)) return;
      } else if ((f == "dies" || f == "das") && i == sb && i + 2 < se && s > 0) {
        // "Das erklärte ein Sprecher.": the message is the sentence before.
        // "Dies gab Airbus bekannt.": a separable verb's particle closes it.
        std::string_view p;
        const bool verb = Verb(i + 1, &p);
        const int particle = verb && !p.empty() ? FindParticle(p, i + 2, se) : -1;
        if (verb && (p.empty() || particle == se - 1)) {
          const auto [spb, spe] = SubjectAfter(i + 1, se);
          const auto [pb, pe_all] = sentences_[s - 1];
          const int pe = TrimEnd(pb, pe_all);
          // "X wünscht sich einen Kandidaten. Dies sagte X am Mittwoch.": the
          // sentence before, read as a speech act of its own, is what this
          // one attributes.
          if (spb >= 0 && pe > pb + 2 && !found_.empty() && found_.back().act &&
              found_.back().msg_begin == pb && found_.back().msg_end <= pe_all) {
            found_.pop_back();
            std::fill(used_.begin() + pb, used_.begin() + pe_all, 0);
          }
          if (spb >= 0 && pe > pb + 2 && !Overlaps(pb, pe_all)) {
            Found q;
            q.kind = QuoteKind::kReported;
            q.msg_begin = pb;
            q.msg_end = pe;
            q.cue_begin = i + 1;
            q.cue_end = (particle >= 0 ? particle : i + 1) + 1;
            q.cue_particle = particle;
            q.spk_begin = spb;
            q.spk_end = spe;
            // "„Die Lage ist ernst.“ Das sagte Merkel.": a quotation that
            // fills the sentence before is direct.
            for (const Pair& pair : pairs_) {
              if (pair.open == pb && pair.close + 1 >= pe_all - 1 && pair.close < pe_all) {
                q.kind = QuoteKind::kDirect;
                q.msg_end = pair.close + 1;
                q.byte_begin = v_.words[pair.open].end;
                q.byte_end = v_.words[pair.close].begin;
                break;
              }
            }
            Add(q);
            return;
          }
        }
      } else if (f == "so" && Punct(i - 1, ",") && i + 1 < se) {
        const int e = SpeakerPhrase(i + 1, se_all);
        if (e > i + 1 && (e >= se || Punct(e, ",") || !CapWord(e))) {
          Found q;
          q.kind = QuoteKind::kReported;
          q.msg_begin = sb;
          q.msg_end = i - 1;
          q.cue_begin = i;
          q.cue_end = i + 1;
          q.spk_begin = i + 1;
          q.spk_end = e;
          if (!Overlaps(q.msg_begin, q.msg_end)) {
            Add(q);
            return;
          }
        }
      }
    }
  }

  // A speech verb at `v` in sentence [sb, se): "…, sagte Kelly" or
  // "Kelly sagte, …".
  bool Cued(int sb, int se, int v, std::string_view particles) {
    Found q;
    q.kind = QuoteKind::kReported;
    // After a colon a new clause starts: "Geheimdienstler …: Das Gesetz löse
    // die Probleme nicht, sagt Kreissl" has no subject before the verb (but
    // "hat einen Namen: Terrorismus, sagte er" is no clause).
    int clause = sb;
    for (int i = sb; i + 3 < v; ++i) {
      if (Punct(i, ":") && !inside_[i]) clause = i + 1;
    }
    if (Coordinated(clause, se, v, particles)) return true;
    // "…, so versichern Insider in Sofia": "so" between the comma and the
    // verb, where the clause ends the sentence (or only a relative clause
    // follows it). "Denn dort, so heißt es, hätte …" is an insertion into
    // the message, which goes on after it.
    int message_comma = v - 1;
    if (v > sb + 2 && Word(v - 1) && F(v - 1) == "so") {
      int next_comma = -1;
      bool dash = false;  // "so sagen sie alle – jene, die …" opens an insertion
      for (int i = v + 1; i < se && next_comma < 0; ++i) {
        if (Punct(i, ",") && !inside_[i]) next_comma = i;
        dash = dash || Dash(i);
      }
      if (next_comma < 0 ||
          (!dash && Word(next_comma + 1) && kRelativePronouns.contains(F(next_comma + 1))))
        message_comma = v - 2;
    }
    if (message_comma > sb && Punct(message_comma, ",") && WholeSubject(clause, v).first < 0) {
      // Message first (unless the comma closes an apposition of the subject).
      int particle = -1;
      if (!particles.empty()) {
        particle = FindParticle(particles, v + 1, se);
        if (particle < 0) return false;
      }
      // After a colon ("… verstanden: Hinter dem Anteil …, so versichern
      // Insider") the message is the clause the colon opens.
      q.msg_begin = message_comma == v - 1 ? sb : clause;
      q.msg_end = message_comma;
      if (Word(sb) && F(sb) == "wie") return false;
      q.cue_begin = v;
      q.cue_end = (particle >= 0 ? particle : v) + 1;
      q.cue_particle = particle;
      // "…, heißt es": no speaker, or the document it is in.
      const bool impersonal = Impersonal(v);
      std::tie(q.spk_begin, q.spk_end) = impersonal ? ImpersonalSource(v, v, se) : SubjectAfter(v, se);
      if ((q.spk_begin < 0 && !impersonal) || Overlaps(q.msg_begin, q.msg_end)) return false;
      Add(q);
      return true;
    }
    // Verb first: the message follows a comma or colon, after the subject
    // and its apposition ("teilte der Vorsitzende ..., Magdalena Chu, mit, ...").
    int cs = clause;
    for (int i = v - 1; i > clause; --i) {
      if ((Punct(i, ",") || Punct(i, ";")) && !inside_[i]) {
        cs = i + 1;
        break;
      }
    }
    const bool impersonal = Impersonal(v);
    // "wie es auf Elsässisch heißt": a name in a language, no speech.
    if (impersonal && v - 2 >= cs && Word(v - 2) && F(v - 2) == "auf" && CapWord(v - 1) &&
        (F(v - 1).ends_with("isch") || F(v - 1) == "deutsch"))
      return false;
    int source_from = cs;  // "wie es in dem Papier heißt"
    if (impersonal && source_from < v && Word(source_from) && F(source_from) == "wie") ++source_from;
    if (impersonal && source_from < v && Word(source_from) && F(source_from) == "es") ++source_from;
    std::pair<int, int> speaker = impersonal ? ImpersonalSource(source_from, v, se) : SubjectBefore(cs, v);
    // "Der Politik schlug er vor, …", "Die Entwicklung verglich ich mit …":
    // a subject pronoun right after the verb; what fills the Vorfeld is an
    // object.
    if (!impersonal && speaker.first >= 0 && v + 1 < se && Word(v + 1) &&
        (F(v + 1) == "er" || F(v + 1) == "ich" || F(v + 1) == "wir" ||
         (F(v + 1) == "sie" && !NamesSomeone(speaker.first, speaker.second))))
      speaker = {-1, -1};
    // "Klien wurde vorgeworfen, …": the subject of a passive is whom it is
    // said of, not who says it.
    if (!impersonal && speaker.first >= 0 && speaker.second < v && IsParticiple(F(v))) {
      // Only in the verb's own stretch: not "Demirtas – dem die Immunität
      // entzogen werden soll – hatte gewarnt".
      for (int k = v - 1; k >= speaker.second && (Word(k) || v_.words[k].kind == text::TokenKind::kNumber); --k) {
        if (F(k) == "wird" || F(k) == "wurde" || F(k) == "werden" || F(k) == "wurden") {
          speaker = {-1, -1};
          break;
        }
      }
    }
    // "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal": a
    // Vorfeld that names no one and no role is an object where a person's
    // name the recognizer found follows the verb.
    if (!impersonal && speaker.first >= 0 && !NamesSomeone(speaker.first, speaker.second)) {
      const auto after = SubjectAfter(v, se);
      if (after.first >= 0 && after.first <= v + 2 && !kObliqueDeterminers.contains(F(after.first))) {
        bool person = false;
        for (int k = after.first; k < after.second && !person; ++k) person = person_end_[k];
        if (person) speaker = {-1, -1};
      }
    }
    int search_from = v + 1;
    if (speaker.first < 0 && !impersonal) {
      speaker = SubjectAfter(v, se);
      if (speaker.first >= 0) {
        search_from = speaker.second;
        for (int i = speaker.first; i < speaker.second; ++i) {
          if (Punct(i, ",") && Punct(speaker.second, ",")) {
            search_from = speaker.second + 1;
            break;
          }
        }
      }
    }
    int comma = -1;
    for (int i = search_from; i < se && i <= search_from + 12; ++i) {
      if ((Punct(i, ",") || Punct(i, ":")) && !inside_[i]) {
        comma = i;
        break;
      }
      std::string_view other;
      if (Verb(i, &other)) {
        // "lehnte das Angebot ab und kündigte an, …": the message is the
        // second verb's.
        if (Coordinated(clause, se, i, other)) return true;
        // A verb ends the search, unless it is the cue's own infinitive
        // ("ließ erklären").
        if (other.empty() && !HasParticle(particles, F(i))) break;
      }
    }
    // English needs no comma before the message, so a later one is inside
    // it: "said it would cut 1,200 jobs, about 5 percent of its workforce".
    if (v_.english && comma > search_from) comma = -1;
    // "…, wie die Polizei mitteilte.": the message is before the clause.
    const bool as_clause = cs > clause && Word(cs) && F(cs) == "wie";
    if (comma < 0 && !v_.english && !as_clause) return false;
    int particle = -1;
    if (!particles.empty()) {
      particle = FindParticle(particles, v + 1, comma < 0 ? se : comma);
      // In the clause the particle stands before the verb: "wie es hieß".
      if (particle < 0 && as_clause) particle = FindParticle(particles, cs + 1, v);
      if (particle < 0) return false;
    }
    // "warnte vor dem Gegner, der bei Standards gefährlich sei": the
    // message is what the verb governs, with its relative clause.
    const bool relative = comma >= 0 && RelativeClauseOnObject(search_from, comma, se);
    // "hatte die Abschiebung illegaler Einwanderer angekündigt, von denen
    // ein Großteil Mexikaner sind": the relative clause belongs to the
    // object before the verb; nothing after the verb is a message.
    if (comma >= 0 && comma == search_from && Punct(comma, ",") && PrepositionalRelative(comma, se))
      return false;
    // "Genau das fordern nun Aktivisten, die sich …": the clause after the
    // comma describes the subject after the verb; it is no message.
    if (comma >= 0 && comma == speaker.second && speaker.first > v &&
        RelativeClauseOnObject(speaker.first, comma, se))
      return false;
    q.cue_begin = v;
    q.cue_end = (particle >= 0 ? particle : v) + 1;
    q.cue_particle = particle;
    std::tie(q.spk_begin, q.spk_end) = speaker;
    // Without a subject the clause may still be speech ("Zu dem Skandal
    // führte Elshorst aus, ...": a name the phrase finder misses); English
    // needs one, it has no comma before the message.
    if (q.spk_begin < 0 && comma < 0 && !(as_clause && impersonal)) return false;
    q.msg_begin = comma < 0 ? std::max(q.cue_end, q.spk_end) : relative ? search_from : comma + 1;
    // "… confirmed on Thursday that the burn had gone to plan": the message
    // starts after "that", a few adverbial words after the verb.
    if (v_.english && comma < 0) {
      for (int t = q.msg_begin; t < se && t < q.msg_begin + 5 && Word(t); ++t) {
        if (F(t) == "that") {
          q.msg_begin = t + 1;
          break;
        }
      }
    }
    // "Wie die Polizei mitteilte, …" and "…, wie die Polizei mitteilte."
    if (as_clause) {
      q.msg_begin = sb;
      q.msg_end = cs - 1;
    } else {
      q.msg_end = se;
      // In a subordinate clause ("Während Atsumi betont, dass …, berichten
      // Betroffene …") the message ends where the main clause resumes with
      // its finite verb.
      if (Word(cs) && kSubordinators.contains(F(cs))) {
        for (int k = q.msg_begin + 1; k + 1 < se; ++k) {
          if (!Punct(k, ",") || inside_[k] || !Word(k + 1)) continue;
          std::string_view p;
          const std::string_view w = F(k + 1);
          if (kFiniteAuxiliaries.contains(w) || kSubjunctive.contains(w) || kModals.contains(w) ||
              (!v_.words[k + 1].cap && Verb(k + 1, &p))) {
            q.msg_end = k;
            break;
          }
        }
      }
    }
    if (WordsIn(q.msg_begin, q.msg_end) < 3 || Overlaps(q.msg_begin, q.msg_end)) return false;
    DirectIfQuoted(&q);
    Add(q);
    return true;
  }

  // A speech verb at `v` that shares the subject of the clause's first verb
  // and opens its message after a comma or colon, a few adverbs and its
  // particle apart: "Der Kanzler begrüßte den Vorschlag, warnte aber, die
  // Kosten seien zu hoch"; "Die Gewerkschaft lehnte ab und kündigte an, …".
  bool Coordinated(int cs, int se, int v, std::string_view particles) {
    if (v < cs + 3 || !(Punct(v - 1, ",") || (Word(v - 1) && F(v - 1) == "und")) || inside_[v - 1])
      return false;
    int k = v + 1;
    for (int skip = 0; skip < 2 && Word(k) && (F(k) == "aber" || kSkippableAdverbs.contains(F(k)));
         ++skip)
      ++k;
    int particle = -1;
    if (!particles.empty()) {
      if (!Word(k) || !HasParticle(particles, F(k))) return false;
      particle = k++;
    }
    if (k + 3 >= se || !(Punct(k, ",") || Punct(k, ":")) || inside_[k]) return false;
    // The clause opens with its subject and its verb ("Der Kanzler
    // begrüßte"), which comes before the comma or "und", with no comma
    // between: not "Ich bin froh, bekannte er und gestand: …". Not an
    // auxiliary, whose participles these are ("hat einen Bug entdeckt,
    // gemeldet, und …"), nor a sentence adverb ("Teilweise können wir …").
    const auto [spb, spe] = WholeSubjectBeforeVerb(cs, v - 1);
    if (spb < 0 || spe >= v - 2 || SentenceAdverb(spb) || kFiniteAuxiliaries.contains(F(spe)) ||
        kNonSubjectStarts.contains(F(spe)) || (F(v).starts_with("ge") && F(v).ends_with("t")))
      return false;
    for (int i = spe + 1; i + 1 < v; ++i) {
      if ((Punct(i, ",") || Punct(i, ":")) && !inside_[i]) return false;
    }
    Found q;
    q.kind = QuoteKind::kReported;
    q.msg_begin = k + 1;
    q.msg_end = se;
    q.cue_begin = v;
    q.cue_end = (particle >= 0 ? particle : v) + 1;
    q.cue_particle = particle;
    q.spk_begin = spb;
    q.spk_end = spe;
    if (WordsIn(q.msg_begin, q.msg_end) < 3 || Overlaps(q.msg_begin, q.msg_end)) return false;
    DirectIfQuoted(&q);
    Add(q);
    return true;
  }

  // A message that is one quotation is direct speech.
  void DirectIfQuoted(Found* q) const {
    if (Mark(q->msg_begin) != QuoteMark::kNone && inside_[q->msg_end - 1] &&
        Mark(q->msg_end - 1) != QuoteMark::kNone) {
      q->kind = QuoteKind::kDirect;
      q->byte_begin = v_.words[q->msg_begin].end;
      q->byte_end = v_.words[q->msg_end - 1].begin;
    }
  }

  // "erinnern an" with "an" in the verb's clause: something resembles,
  // commemorates or is remembered ("Das Konzept erinnert an andere
  // Vorstöße", "erinnert sich an Außerirdische"), no one speaks;
  // "erinnerte daran, dass …" stays speech, and so does the verb right
  // after its message ("Es sei eng geworden, erinnerte sich X an jene Zeit")
  // or before a colon.
  bool ResemblesOrRecalls(int sb, int se, int v) const {
    if (!F(v).starts_with("erinner")) return false;
    int b = v;
    while (b > sb && !(Punct(b - 1, ",") && !inside_[b - 1])) --b;
    if (b == v && v > sb) return false;
    bool an = false;
    for (int i = b; i < se && !(Punct(i, ",") && !inside_[i]); ++i) {
      if (inside_[i]) continue;
      if (Punct(i, ":")) return false;  // "erinnert sich an die Zeit: …" recounts it
      an = an || (Word(i) && F(i) == "an");
    }
    return an;
  }

  // Whether the clause after the comma at `comma` opens with a preposition
  // and "denen", "deren" or "dessen": a relative clause ("…, von denen jede
  // Spur verlorengegangen ist"), never a message of its own.
  bool PrepositionalRelative(int comma, int se) const {
    if (comma + 3 >= se || !Word(comma + 1) || !Word(comma + 2) ||
        !kRelativePrepositions.contains(F(comma + 1)))
      return false;
    const std::string_view pronoun = F(comma + 2);
    return pronoun == "denen" || pronoun == "deren" || pronoun == "dessen";
  }

  // Whether the clause after the comma at `comma` is a relative clause on a
  // noun the verb governs, not a message: "warnte vor dem Gegner, der bei
  // Standards gefährlich sei", "fordern Vereine, die sich mit … befassen".
  // `from` is the first word after the verb and its subject. A clause
  // opening with an article and its noun ("betonte Kelly, die Maßnahmen
  // zielten …") or after a time ("sagte am Mittwoch, die …") is a message.
  bool RelativeClauseOnObject(int from, int comma, int se) const {
    if (comma <= from || comma + 2 >= se || !Word(comma + 1)) return false;
    if (PrepositionalRelative(comma, se)) return CapWord(comma - 1);
    if (!kRelativePronouns.contains(F(comma + 1))) return false;
    if (!CapWord(comma - 1) || kTimeNouns.contains(F(comma - 1))) return false;
    // "die Maßnahmen", "die neue Version der Software", "die ersten 90
    // Asylwerber"; "das sei …" (a demonstrative before the verb)
    int i = comma + 2;
    if (kSubjunctive.contains(F(i)) || kFiniteAuxiliaries.contains(F(i))) return false;
    for (int a = 0; a < 4 && i < se && (Adjective(i) || v_.words[i].kind == text::TokenKind::kNumber); ++a) ++i;
    return !CapWord(i);
  }

  // "Ohrenzeugen berichteten von einem lauten Knall.": a speech act without
  // a message clause; the whole sentence is what was reported.
  bool ReportedAct(int sb, int se, int v, std::string_view particles) {
    int first_comma = -1;
    for (int i = sb; i < se; ++i) {
      if (Punct(i, ":") || inside_[i]) return false;
      if (Punct(i, ",") && first_comma < 0) first_comma = i;
    }
    int particle = -1;
    if (!ActVerb(v, se, particles, &particle)) return false;
    Found q;
    q.kind = QuoteKind::kReported;
    q.cue_begin = v;
    q.cue_end = (particle >= 0 ? particle : v) + 1;
    q.cue_particle = particle;
    std::tie(q.spk_begin, q.spk_end) = SubjectOfClause(sb, v, se);
    if (q.spk_begin < 0 || se - sb < 5 || Overlaps(sb, se)) return false;
    // Commas only around an apposition or a relative clause of a subject
    // that fills the Vorfeld ("Der CSU-Vorsitzende, Edmund Stoiber, warf
    // der SPD … vor"); another comma may open a message clause.
    if (first_comma >= 0) {
      // The subject, its apposition ("…, Edmund Stoiber,") or its relative
      // clause ("…, die ihre Verluste noch beziffert,") reach the verb.
      const bool relative = q.spk_end + 1 < v && Punct(q.spk_end, ",") && Word(q.spk_end + 1) &&
                            kRelativePronouns.contains(F(q.spk_end + 1)) && Punct(v - 1, ",");
      const bool apposition = first_comma < q.spk_end;
      const bool fills_vorfeld = (apposition && (q.spk_end == v || (q.spk_end + 1 == v && Punct(q.spk_end, ",")))) ||
                                 relative;
      if (q.spk_begin != sb || !fills_vorfeld) return false;
      for (int i = v; i < se; ++i) {
        if (Punct(i, ",")) return false;
      }
      // "Zehnter, das passt gut, betonte Orter": the message comes first,
      // its speaker after the verb.
      if (const auto after = SubjectAfter(v, se); after.first >= 0 && after.second == se) return false;
    }
    // A participle closing its clause is a perfect tense, seldom speech
    // ("hat ... zu einem Hauptanliegen erklärt"); the particle of a separable
    // verb closes it as a rule ("Die Polizei geht von Suizid aus.").
    if (particle < 0 && ClosesClause(q.cue_end, se)) return false;
    if (!ReportsContent(sb, se, q.spk_begin, q.spk_end, v, particle)) return false;
    q.msg_begin = sb;
    q.msg_end = se;
    q.act = true;
    // A dash after the particle ends the act: "X wirft Y Blockadehaltung vor
    // – Gespräche mit …" (a headline and its second part).
    if (particle >= 0 && particle + 1 < se && Dash(particle + 1)) {
      q.msg_end = particle + 1;
    }
    Add(q);
    return true;
  }

  // Whether the speech verb at `v` makes a speech act of the clause ending at
  // `se` without a message clause; *particle: where its particle is, or -1.
  bool ActVerb(int v, int se, std::string_view particles, int* particle) const {
    // "äußerte sich (zu …)": that someone spoke, not what.
    if (F(v).find("aeusser") != std::string_view::npos) return false;
    *particle = -1;
    if (particles.empty()) {
      // A particle the lexicon does not give this verb makes another verb:
      // "sagte den Auftritt ab" (cancelled), "rief den Notstand aus",
      // "sagte er ab – wegen …".
      for (int i = v + 1; i < se; ++i) {
        if (Word(i) && (F(i) == "ab" || F(i) == "an" || F(i) == "aus") && ClosesClause(i + 1, se)) {
          return false;
        }
      }
      return true;
    }
    // The last one: "kündigt nach 40 Jahren an der Macht Rückzug an".
    for (int i = se - 1; i > v && *particle < 0; --i) {
      if (Word(i) && HasParticle(particles, F(i))) *particle = i;
    }
    if (*particle < 0) return false;
    const std::string_view p = F(*particle);
    // "stellt … dar" is "is", not "describes", without a clause;
    // "kündigt sich an", "geht sich aus" are no speech.
    if (p == "dar") return false;
    for (int i = v + 1; i < *particle && i <= v + 3; ++i) {
      if (Word(i) && F(i) == "sich" && (p == "an" || p == "aus")) return false;
    }
    // "sprach von …" takes a phrase, not a particle.
    if (p == "von" || p == "davon") return true;
    // The particle closes the clause ("… Menschenhandel vor.", "… als
    // Ursache an und …"); inside it, the word is a preposition ("warf das
    // Gerät 66 Meter weit und siegte vor der Russin").
    return ClosesClause(*particle + 1, se);
  }

  // Whether a clause ends before `next` in a sentence ending at `se`: the
  // sentence's end, a comma, a semicolon, a dash, "und" or "oder".
  bool ClosesClause(int next, int se) const {
    return next >= se || Punct(next, ",") || Punct(next, ";") || Dash(next) || Punct(next, "-") ||
           (Word(next) && (F(next) == "und" || F(next) == "oder"));
  }

  // What a speech act in [sb, se) reports besides its speaker and verb: at
  // least two words that are no determiners or pronouns; "bestätigte dies"
  // and "bestätigte den Vorfall" point back and report nothing of their own.
  bool ReportsContent(int sb, int se, int spk_begin, int spk_end, int v, int particle) const {
    int content = 0;
    for (int i = sb; i < se; ++i) {
      const bool spoken = (i >= spk_begin && i < spk_end) || i == v || i == particle;
      if (spoken || !Word(i)) continue;
      if (F(i) == "dies" || F(i) == "dieses") return false;
      if (!kDeterminers.contains(F(i)) && !kPronouns.contains(F(i))) ++content;
    }
    return content >= 2;
  }

  // "laut X", "X zufolge", "nach Angaben von X": the cue at [cb, ce), the
  // speaker at [spb, spe); the message is the rest of the sentence.
  bool SourcePhrase(int sb, int se, int cb, int ce, int spb, int spe) {
    const int phrase_begin = std::min(cb, spb);
    const int phrase_end = std::max(ce, spe);
    Found q;
    q.kind = QuoteKind::kReported;
    q.cue_begin = cb;
    q.cue_end = ce;
    q.spk_begin = spb;
    q.spk_end = spe;
    if (phrase_begin == sb) {
      q.msg_begin = phrase_end;
      if (Punct(q.msg_begin, ",")) ++q.msg_begin;
      q.msg_end = se;
    } else if (phrase_end >= se) {
      q.msg_begin = sb;
      q.msg_end = Punct(phrase_begin - 1, ",") ? phrase_begin - 1 : phrase_begin;
    } else {
      q.msg_begin = sb;
      q.msg_end = se;
    }
    if (WordsIn(q.msg_begin, q.msg_end) < 3 || Overlaps(q.msg_begin, q.msg_end)) return false;
    // Keep the phrase itself out of "used" only for the message part.
    Add(q);
    return true;
  }

  // Reported speech with no quotation just before is often what the subject
  // of the sentence before said or wrote ("Lammert würdigte die Bundeswehr
  // als ... . Die Bundeswehr sei eine Armee des Friedens"): that subject, when
  // it opens the sentence before in the same paragraph, stands right before
  // its verb and names a person or an organisation (a name the entity
  // recognizer found, or a role noun); {-1,-1} otherwise.
  std::pair<int, int> SubjectOfSentenceBefore(int s) const {
    const auto [pb, pe] = sentences_[s - 1];
    const int sb = sentences_[s].first;
    if (pb >= pe || v_.words[pb].paragraph != v_.words[sb].paragraph) return {-1, -1};
    const auto [b, e] = WholeSubjectBeforeVerb(pb, pe);
    if (b < 0 || kPronouns.contains(F(b))) return {-1, -1};
    const uint32_t from = v_.words[b].begin;
    const uint32_t to = v_.words[e - 1].end;
    for (const Mention& m : ex_->mentions) {
      if (m.begin >= from && m.end <= to &&
          (m.type == EntityType::kPerson || m.type == EntityType::kOrganization)) {
        return {b, e};
      }
    }
    if (EndsWithAny(F(e - 1), kRoleSuffixes)) return {b, e};
    return {-1, -1};
  }

  // SubjectOfSentenceBefore(s) where that sentence's verb is a speech verb
  // (with its particle, if it takes one: "Suresh äußerte sich …", not "Der
  // ORF stellt … die Infrastruktur"); {-1,-1} otherwise.
  std::pair<int, int> SpeakerOfSentenceBefore(int s) const {
    const auto subject = SubjectOfSentenceBefore(s);
    if (subject.first < 0) return subject;
    std::string_view particles;
    const int verb = Punct(subject.second, ",") ? subject.second + 1 : subject.second;
    if (!Verb(verb, &particles)) return {-1, -1};
    if (!particles.empty() &&
        FindParticle(particles, verb + 1, sentences_[static_cast<size_t>(s) - 1].second) < 0)
      return {-1, -1};
    return subject;
  }

  // The noun phrase that fills the Vorfeld of the sentence [b, e) right
  // before its finite verb; {-1,-1} if the sentence does not open so.
  std::pair<int, int> WholeSubjectBeforeVerb(int b, int e) const {
    if (!Word(b) || kNonSubjectStarts.contains(F(b))) return {-1, -1};
    const int np = SpeakerPhrase(b, e);
    // The finite verb: a known cue verb, or any word in lower case that is
    // not an article (German nouns are capitalized, so after a whole noun
    // phrase that is the verb: "Lammert würdigte", "Stoiber begründete");
    // after the comma that closes an apposition ("Einer der Putschisten,
    // Harouna Djibrilla Adamou, dankte").
    std::string_view particles;
    if (np == b || np >= e) return {-1, -1};
    int verb = np;
    if (Punct(np, ",") && !inside_[np]) {
      bool apposition = false;
      for (int k = b; k < np && !apposition; ++k) apposition = Punct(k, ",");
      if (apposition) verb = np + 1;
    }
    if (verb >= e || !Word(verb)) return {-1, -1};
    if (!Verb(verb, &particles) && (v_.words[verb].cap || kDeterminers.contains(F(verb)))) {
      return {-1, -1};
    }
    return {b, np};
  }

  // Sentences in Konjunktiv I right after a quotation continue it.
  void Chains() {
    std::vector<Found> added;
    added.reserve(sentences_.size());
    size_t next = 0;
    int last = -1;  // index into found_ of the latest quotation before the sentence
    const Found* last_added = nullptr;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const auto [sb, se_all] = sentences_[s];
      if (sb >= se_all) continue;
      while (next < found_.size() && found_[next].msg_begin < sb) last = static_cast<int>(next++);
      const Found* prev = last >= 0 ? &found_[last] : nullptr;
      if (last_added != nullptr && (prev == nullptr || last_added->msg_begin > prev->msg_begin))
        prev = last_added;
      if (Overlaps(sb, se_all)) continue;
      // Without a quotation just before, the sentence is reported speech of
      // an unnamed source.
      const int gap = prev != nullptr ? static_cast<int>(s) - v_.words[prev->msg_end - 1].sentence
                                      : 1 << 20;
      bool subjunctive = false;
      bool modal = false;  // "soll": hearsay, or only a plan ("Der Start soll ... erfolgen")
      for (int i = sb; i < se_all && !subjunctive; ++i) {
        subjunctive = Word(i) && !inside_[i] && kSubjunctive.contains(F(i));
        modal = modal || (Word(i) && !inside_[i] && (F(i) == "soll" || F(i) == "sollen"));
        if (Word(i) && (F(i) == "ich" || F(i) == "wir") && !inside_[i]) break;
      }
      // A "soll" sentence counts as reported speech only right after a
      // quotation, whose speaker it goes on reporting.
      if (!subjunctive && !(modal && gap <= 2)) continue;
      // One sentence between: if someone speaks in it, the sentence reports
      // that speaker ("… sagte der Minister. Der Reedereisprecher äußerte
      // sich ebenfalls. Die Crew sei gerettet worden.").
      std::pair<int, int> before{-1, -1};
      if (gap == 2) before = SpeakerOfSentenceBefore(static_cast<int>(s));
      const bool chained = gap <= 1 || (gap == 2 && before.first < 0);
      Found q;
      q.kind = QuoteKind::kReported;
      q.msg_begin = sb;
      q.msg_end = se_all;
      if (chained) {
        q.chained = true;
        q.spk_begin = prev->spk_begin;
        q.spk_end = prev->spk_end;
        q.continuation = prev->spk_begin < 0 || prev->continuation;
      } else if (before.first >= 0) {
        std::tie(q.spk_begin, q.spk_end) = before;
      } else if (subjunctive && s > 0) {
        std::tie(q.spk_begin, q.spk_end) = SubjectOfSentenceBefore(static_cast<int>(s));
      }
      q.byte_begin = v_.words[sb].begin;
      q.byte_end = v_.words[se_all - 1].end;
      Use(sb, se_all);
      added.push_back(q);
      last_added = &added.back();  // stable: `added` never grows past its reserve
    }
    found_.insert(found_.end(), added.begin(), added.end());
    std::sort(found_.begin(), found_.end(),
              [](const Found& a, const Found& b) { return a.msg_begin < b.msg_begin; });
  }

  // --- Speakers -------------------------------------------------------------------

  std::string Text(uint32_t b, uint32_t e) const {
    return std::string(v_.text.substr(b, e - b));
  }

  // The entity of the first person or organisation named in sentence `s`,
  // or -1.
  int FirstSourceIn(int s) const {
    const auto [sb, se] = sentences_[static_cast<size_t>(s)];
    if (se <= sb) return -1;
    for (const Mention& m : ex_->mentions) {
      if (m.entity < 0 || m.begin < v_.words[sb].begin || m.end > v_.words[se - 1].end) continue;
      if (m.type == EntityType::kPerson || m.type == EntityType::kOrganization) return m.entity;
    }
    return -1;
  }

  // The nearest person mention ending before byte `before`, outside
  // quotes: its index in ex_->mentions, or -1.
  int PersonBefore(uint32_t before) const {
    int best = -1;
    uint32_t best_end = 0;
    for (size_t i = 0; i < ex_->mentions.size(); ++i) {
      const Mention& m = ex_->mentions[i];
      if (m.type != EntityType::kPerson || m.entity < 0 || m.end > before) continue;
      const int w = v_.WordAt(m.begin);
      if (w < n_ && inside_[w]) continue;
      if (m.end >= best_end) {
        best_end = m.end;
        best = static_cast<int>(i);
      }
    }
    return best;
  }

  int ResolveSpeaker(const Found& f, const Quote& q, int prev_entity, int prev_sentence) const {
    if (f.spk_begin < 0) return -1;
    // A name in the speaker phrase; a place only when it opens the phrase
    // ("Moskau erklärte"), not in "Controllers in Darmstadt".
    int org = -1;
    for (const Mention& m : ex_->mentions) {
      if (m.entity < 0 || m.begin < q.speaker_begin || m.end > q.speaker_end) continue;
      if (m.type == EntityType::kPerson) return m.entity;
      if (m.type == EntityType::kLocation && m.begin != q.speaker_begin) continue;
      if (org < 0) org = m.entity;
    }
    if (org >= 0) return org;
    const std::string_view head = F(f.spk_end - 1);
    const int sentence = v_.words[f.msg_begin].sentence;
    const bool prev_near = prev_entity >= 0 && sentence - prev_sentence <= 3;
    // The source phrases the annotators mark as the speaker without naming
    // anyone: "Demnach" goes on with the speaker of the sentence before (the
    // first name of that sentence was the source in fewer than half of the
    // 10kGNAD cases: "Nikkei berichtet über Konami"); "nach eigenen Angaben"
    // is the subject's own word, the first name of its sentence.
    if (f.spk_end - f.spk_begin == 1 && head == "demnach") {
      return prev_entity >= 0 && sentence - prev_sentence <= 1 ? prev_entity : -1;
    }
    if (Word(f.spk_begin) && F(f.spk_begin).starts_with("eigen")) return FirstSourceIn(sentence);
    // "nach seiner Einschätzung", "Seinen Angaben zufolge": a masculine
    // possessive before a noun of a source points back as "er" does ("seine
    // Anwältin", "seiner Familie" name others). Not "ihrer", which may be
    // hers or theirs ("die KP …, die nach ihrer Auffassung …"), where the
    // text does not tell the sex of every person.
    static const SvSet kPossessives = {"seiner", "seinen", "seinem", "seine", "seines"};
    const bool possessive = Word(f.spk_begin) && kPossessives.contains(F(f.spk_begin)) &&
                            f.spk_end - f.spk_begin <= 3 && EndsWithAny(head, kSourceNounSuffixes);
    if ((f.spk_end - f.spk_begin == 1 && kPronouns.contains(head)) || possessive) {
      if (head == "wir" || head == "ich" || head == "they") return -1;
      // The speaker of the sentence before goes on speaking ("Er räumte
      // zugleich ein"); else the person named last.
      if (prev_entity >= 0 && sentence - prev_sentence <= 1 &&
          ex_->entities[prev_entity].type == EntityType::kPerson)
        return prev_entity;
      const int person = PersonBefore(std::min(q.begin, q.speaker_begin));
      return person >= 0 ? ex_->mentions[person].entity : (prev_near ? prev_entity : -1);
    }
    // A role noun: the entity with that role mentioned last.
    if (head.size() >= 4) {
      int best = -1;
      uint32_t best_pos = 0;
      for (size_t e = 0; e < ex_->entities.size(); ++e) {
        if (roles_[e].find(head) == std::string::npos) continue;
        for (int mi : ex_->entities[e].mentions) {
          const Mention& m = ex_->mentions[mi];
          if (m.end <= q.speaker_begin && m.end >= best_pos) {
            best_pos = m.end;
            best = static_cast<int>(e);
          }
        }
      }
      if (best >= 0) return best;
      if (prev_near && EndsWithAny(head, kRoleSuffixes)) return prev_entity;
    }
    return -1;
  }

  void Emit() {
    roles_.clear();
    for (const Entity& e : ex_->entities) roles_.push_back(text::Fold(e.role, v_.lang));
    int prev_entity = -1;
    int prev_sentence = -100;
    int prev_spk_b = -1, prev_spk_e = -1;
    int prev_end_sentence = -100;
    int prev_paragraph = -100;
    for (Found& f : found_) {
      Quote q;
      q.kind = f.kind;
      q.begin = f.byte_begin;
      q.end = f.byte_end;
      // Trim spaces inside the marks.
      while (q.begin < q.end && v_.text[q.begin] == ' ') ++q.begin;
      while (q.end > q.begin && v_.text[q.end - 1] == ' ') --q.end;
      const int sentence = v_.words[f.msg_begin].sentence;
      int entity = -1;
      if (f.continuation && f.spk_begin < 0) {
        // An unattributed quotation: continues the previous speaker when it
        // follows closely, else the last person named before it.
        const bool close_by = sentence - prev_end_sentence <= 2 &&
                              v_.words[f.msg_begin].paragraph - prev_paragraph <= 1;
        if (close_by && prev_spk_b >= 0) {
          f.spk_begin = prev_spk_b;
          f.spk_end = prev_spk_e;
          entity = prev_entity;
        } else if (const int m = f.chained ? -1 : PersonBefore(q.begin); m >= 0) {
          q.speaker_begin = ex_->mentions[m].begin;
          q.speaker_end = ex_->mentions[m].end;
          q.speaker = Text(q.speaker_begin, q.speaker_end);
          entity = ex_->mentions[m].entity;
        }
      }
      if (f.cue_begin >= 0) {
        q.cue_begin = v_.words[f.cue_begin].begin;
        q.cue_end = v_.words[f.cue_end - 1].end;
        q.cue = std::string(v_.Raw(f.cue_begin));
        if (f.cue_particle >= 0) {
          q.cue += ' ';
          q.cue += v_.Raw(f.cue_particle);
        }
      }
      if (f.spk_begin >= 0) {
        q.speaker_begin = v_.words[f.spk_begin].begin;
        q.speaker_end = v_.words[f.spk_end - 1].end;
        // The phrase may stop inside a person's or an organisation's name
        // ("Sebastian" of "Sebastian Kurz": "kurz" opens clauses;
        // "Reporter" of "Reporter ohne Grenzen"): the speaker ends with it.
        for (const Mention& m : ex_->mentions) {
          if ((m.type == EntityType::kPerson || m.type == EntityType::kOrganization) &&
              m.begin >= q.speaker_begin && m.begin < q.speaker_end && m.end > q.speaker_end)
            q.speaker_end = m.end;
        }
        q.speaker = Text(q.speaker_begin, q.speaker_end);
        if (f.entity >= 0) {
          entity = f.entity;
        } else if (f.continuation) {
          entity = entity >= 0 ? entity : prev_entity;
        } else {
          entity = ResolveSpeaker(f, q, prev_entity, prev_sentence);
        }
      }
      q.speaker_entity = entity;
      q.text = Text(q.begin, q.end);
      if (q.end > q.begin) {
        // The next unattributed quotation continues this one, speaker or not.
        prev_entity = entity;
        prev_sentence = sentence;
        prev_spk_b = f.spk_begin;
        prev_spk_e = f.spk_end;
        prev_end_sentence = v_.words[f.msg_end - 1].sentence;
        prev_paragraph = v_.words[f.msg_end - 1].paragraph;
        ex_->quotes.push_back(std::move(q));
      }
    }
  }

  const WordView& v_;
  Extraction* ex_;
  const int n_;
  std::vector<Pair> pairs_;
  std::vector<std::pair<int, int>> sentences_;  // v_.sentences less leading datelines
  std::vector<uint8_t> inside_;  // inside a pair of quotation marks (marks included)
  std::vector<uint8_t> used_;    // part of a quotation or cue found so far
  std::vector<uint8_t> place_start_;  // the first word of a place the recognizer found
  std::vector<uint8_t> person_end_;   // the last word of a person's name the recognizer found
  std::vector<uint8_t> organization_word_;  // a word of an organisation the recognizer found
  std::vector<uint8_t> name_break_;  // a person's name ends before this word and another's starts
  // Verb(): the particles of word i when it is a speech verb, else null, once
  // verb_known_[i].
  mutable std::vector<const std::string_view*> verb_;
  mutable std::vector<uint8_t> verb_known_;
  std::vector<Found> found_;
  std::vector<std::string> roles_;  // folded Entity::role, by entity
};

}  // namespace

bool IsSpeechVerb(std::string_view folded, std::string_view* particles) {
  const std::string_view* found = VerbTable().Find(folded);
  if (found == nullptr) return false;
  *particles = *found;
  return true;
}

void FindQuotes(const WordView& view, Extraction* ex) {
  if (view.words.empty()) return;
  Finder(view, ex).Run();
}

}  // namespace storyline::extract
