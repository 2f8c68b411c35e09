// Stop words: short lists of function words (articles, pronouns,
// prepositions, conjunctions, auxiliaries, frequent particles), written for
// this project, in folded form (see Fold: "für" is "fuer", "más" is "mas").
// Content words stay out even when frequent in news ("Prozent", "Jahr").
#include <string_view>
#include <unordered_set>

#include "storyline/text.h"

namespace storyline::text {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& German() {
  static const WordSet set = {
      // articles
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
      "eines",
      // pronouns and determiners
      "ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "dich", "sich", "uns", "euch",
      "mir", "dir", "ihm", "ihn", "ihnen", "man", "mein", "meine", "meinen", "meinem", "meiner",
      "dein", "deine", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihre", "ihren",
      "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "unserer", "euer",
      "eure", "dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "jenes",
      "welche", "welcher", "welches", "welchen", "welchem", "wer", "was", "wen", "wem",
      "kein", "keine", "keinen", "keinem", "keiner", "alle", "allen", "aller", "alles",
      "etwas", "nichts",
      // prepositions
      "an", "am", "auf", "aus", "bei", "beim", "bis", "durch", "fuer", "gegen", "hinter", "in",
      "im", "ins", "mit", "nach", "neben", "ohne", "seit", "ueber", "um", "unter", "vom", "von",
      "vor", "waehrend", "wegen", "zu", "zum", "zur", "zwischen",
      // conjunctions
      "und", "oder", "aber", "denn", "sondern", "dass", "weil", "wenn", "als", "ob", "obwohl",
      "damit", "sowie", "bzw",
      // particles and adverbs without content
      "nicht", "auch", "noch", "schon", "nur", "so", "wie", "doch", "ja", "sehr", "hier", "da",
      "dann", "nun", "mal", "wieder", "bereits",
      // auxiliaries and modals
      "bin", "bist", "ist", "sind", "seid", "war", "waren", "sei", "seien", "waere", "waeren",
      "habe", "hast", "hat", "haben", "habt", "hatte", "hatten", "haette", "haetten", "wird",
      "werden", "wirst", "werdet", "wurde", "wurden", "wuerde", "wuerden", "worden", "kann",
      "koennen", "konnte", "konnten", "muss", "muessen", "musste", "soll", "sollen", "sollte",
      "will", "wollen", "wollte", "darf", "duerfen"};
  return set;
}

const WordSet& English() {
  static const WordSet set = {
      "a", "an", "the",
      "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
      "it", "its", "we", "us", "our", "ours", "they", "them", "their", "theirs", "myself",
      "himself", "herself", "itself", "themselves", "this", "that", "these", "those", "who",
      "whom", "whose", "which", "what",
      "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over",
      "under", "about", "after", "before", "between", "through", "during", "without", "within",
      "against", "among",
      "and", "or", "but", "nor", "so", "yet", "if", "because", "while", "although", "than", "as",
      "be", "is", "am", "are", "was", "were", "been", "being", "have", "has", "had", "having",
      "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
      "must",
      "not", "no", "there", "here", "then", "when", "where", "why", "how", "all", "any", "both",
      "each", "other", "some", "such", "only", "own", "same", "too", "very", "just", "also"};
  return set;
}

const WordSet& Spanish() {
  static const WordSet set = {
      "el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del",
      "de", "a", "en", "con", "por", "para", "sin", "sobre", "entre", "hasta", "desde", "hacia",
      "contra", "segun",
      "y", "e", "o", "u", "ni", "pero", "sino", "que", "porque", "como", "cuando", "si",
      "aunque",
      "yo", "tu", "ella", "nosotros", "nosotras", "vosotros", "ellos", "ellas", "me", "te", "se",
      "nos", "os", "le", "les", "mi", "mis", "tus", "su", "sus", "nuestro", "nuestra",
      "nuestros", "nuestras", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas",
      "aquel", "aquella",
      "es", "son", "era", "eran", "fue", "fueron", "ser", "estar", "estan", "estaba", "ha", "han",
      "habia", "hay", "sido",
      "no", "mas", "muy", "ya", "tambien", "tan"};
  return set;
}

const WordSet& French() {
  static const WordSet set = {
      "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux",
      "a", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers",
      "contre",
      "et", "ou", "mais", "donc", "ni", "car", "que", "qu", "qui", "quoi", "dont", "si", "comme",
      "quand",
      "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t",
      "se", "s", "lui", "leur", "leurs", "eux", "mon", "ma", "mes", "ton", "ta", "tes", "son",
      "sa", "ses", "notre", "nos", "votre", "vos", "ce", "c", "cet", "cette", "ces",
      "est", "sont", "etait", "etaient", "ete", "etre", "ont", "avait", "avaient", "avoir",
      "sera", "seront",
      "ne", "n", "pas", "plus", "tres", "aussi", "deja", "y"};
  return set;
}

const WordSet& Portuguese() {
  static const WordSet set = {
      "o", "a", "os", "as", "um", "uma", "uns", "umas",
      "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "por", "pelo", "pela",
      "pelos", "pelas", "para", "com", "sem", "sobre", "entre", "ate", "desde", "ao", "aos",
      "e", "ou", "mas", "nem", "que", "porque", "como", "quando", "se",
      "eu", "tu", "ele", "ela", "vos", "eles", "elas", "me", "te", "lhe", "lhes", "meu",
      "minha", "meus", "minhas", "seu", "sua", "seus", "suas", "nosso", "nossa", "este", "esta",
      "estes", "estas", "esse", "essa", "isso", "isto", "aquele", "aquela",
      "sao", "foi", "foram", "era", "eram", "ser", "estar", "estao", "estava", "tem", "ter",
      "tinha", "ha", "sido",
      "nao", "mais", "muito", "ja", "tambem", "tao"};
  return set;
}

const WordSet& Italian() {
  static const WordSet set = {
      "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l",
      "di", "del", "dello", "della", "dei", "degli", "delle", "a", "al", "allo", "alla", "ai",
      "agli", "alle", "da", "dal", "dalla", "dai", "in", "nel", "nello", "nella", "nei", "negli",
      "nelle", "con", "su", "sul", "sulla", "per", "tra", "fra",
      "e", "ed", "o", "ma", "che", "perche", "come", "quando", "se", "anche",
      "io", "tu", "lui", "lei", "noi", "voi", "loro", "mi", "ti", "si", "ci", "vi", "ne", "mio",
      "mia", "miei", "mie", "suo", "sua", "suoi", "sue", "nostro", "nostra", "questo", "questa",
      "questi", "queste", "quello", "quella",
      "sono", "era", "erano", "fu", "essere", "stato", "stata", "ha", "hanno", "aveva", "avere",
      "non", "piu", "molto", "gia"};
  return set;
}

const WordSet& Dutch() {
  static const WordSet set = {
      "de", "het", "een",
      "van", "in", "op", "aan", "met", "voor", "door", "bij", "uit", "tot", "naar", "over",
      "onder", "tussen", "zonder", "tegen",
      "en", "of", "maar", "want", "dat", "omdat", "als", "toen", "dan",
      "ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "jullie", "u", "mij", "me", "hem",
      "haar", "ons", "hun", "mijn", "jouw", "zijn", "uw", "onze", "deze", "dit", "die", "wie",
      "wat", "welke",
      "is", "ben", "bent", "was", "waren", "wordt", "worden", "werd", "werden", "heeft",
      "hebben", "had", "hadden", "zal", "zullen", "kan", "kunnen", "moet", "moeten",
      "niet", "geen", "ook", "nog", "al", "er", "hier", "daar", "wel", "zo", "zeer"};
  return set;
}

const WordSet& Russian() {
  // Folded: lower case, ё → е.
  static const WordSet set = {
      "и", "а", "но", "или", "да", "же", "ли", "ни", "не",
      "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "из", "у", "за",
      "под", "над", "при", "про", "для", "до", "без", "через", "между",
      "я", "ты", "он", "она", "оно", "мы", "вы", "они", "меня", "тебя", "его", "ее", "нас",
      "вас", "их", "мне", "тебе", "ему", "ей", "нам", "вам", "им", "себя", "себе", "свой",
      "своя", "свое", "свои", "мой", "моя", "мое", "мои", "твой", "наш", "ваш", "этот", "эта",
      "это", "эти", "тот", "та", "то", "те", "кто", "что", "который", "которая", "которое",
      "которые",
      "был", "была", "было", "были", "быть", "есть", "будет", "будут",
      "как", "так", "уже", "еще", "только", "вот", "там", "тут", "где", "когда", "если",
      "чтобы", "тоже", "очень", "все", "весь", "вся"};
  return set;
}

}  // namespace

bool IsStopWord(std::string_view folded, std::string_view lang) {
  if (lang.size() != 2) return false;
  const WordSet* set = nullptr;
  switch (lang[0]) {
    case 'd': if (lang == "de") set = &German(); break;
    case 'e': if (lang == "en") set = &English(); else if (lang == "es") set = &Spanish(); break;
    case 'f': if (lang == "fr") set = &French(); break;
    case 'i': if (lang == "it") set = &Italian(); break;
    case 'n': if (lang == "nl") set = &Dutch(); break;
    case 'p': if (lang == "pt") set = &Portuguese(); break;
    case 'r': if (lang == "ru") set = &Russian(); break;
    default: break;
  }
  return set != nullptr && set->count(folded) != 0;
}

}  // namespace storyline::text
