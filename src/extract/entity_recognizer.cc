// Recognition: sentences → tokens → tags (the tagger, or rules without a
// model) → mentions with roles → entities resolved within the article.
#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities.h"
#include "gazetteer.h"
#include "name_tags.h"
#include "storyline/text.h"
#include "tagger.h"
#include "word_view.h"

namespace storyline::extract {
namespace {

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view text;
  std::string folded;
};

// A mention before resolution, with the tokens it spans in its sentence.
struct RawMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  int first_word = 0;  // in the WordView: the word at `begin`
  EntityType type = EntityType::kOther;
  std::vector<std::string> words;  // folded tokens of the name
  std::string role;
  RoleKind role_kind = RoleKind::kNone;
  int entity = -1;
  // Bytes of a genitive ending ("Mexikos": 1) cut from `words` to name the
  // entity it is a form of; 0 for other mentions.
  uint8_t genitive = 0;
};

bool IsDeterminer(std::string_view folded);

// Whether a mention stands where a genitive name does: right before a
// capitalized word or an opening quotation mark, or right after a
// capitalized word that does not open the sentence, in the same sentence.
bool GenitiveContext(const WordView& view, const RawMention& m) {
  const int next = view.WordAt(m.end);
  const int sentence = view.words[m.first_word].sentence;
  auto in_sentence = [&](int k) { return k >= 0 && k < view.size() && view.words[k].sentence == sentence; };
  if (in_sentence(next)) {
    if (view.IsWord(next) ? view.words[next].cap : ClassifyQuoteMark(view.Raw(next)) != QuoteMark::kNone) return true;
    // An adjective with a strong ending between the name and its noun
    // ("Angela Merkels einzigem Kompass", "Wes Andersons filigranes Hotel").
    const std::string_view adj = view.Folded(next);
    if (view.IsWord(next) && !view.words[next].cap && adj.size() >= 5 && (adj.ends_with("em") || adj.ends_with("es")) &&
        !IsDeterminer(adj) && in_sentence(next + 1) && view.IsWord(next + 1) && view.words[next + 1].cap) {
      return true;
    }
  }
  const int prev = m.first_word - 1;
  return prev >= 0 && view.words[prev].sentence == sentence && view.IsWord(prev) && view.words[prev].cap &&
         view.sentences[sentence].first != prev;
}

// Mentions that are the genitive (-s, -es) of a name they stand beside take
// that name's words, so that they vote and resolve with it: the tagger calls
// "Präsident Mexikos" a person as readily as a place, and "Angela Merkels"
// would be a person apart from "Merkel". A genitive is recognized
// - for a one-word mention: beside a one-word name or a full name's surname
//   of the same article ("Mexikos" beside "Mexiko", "Merkels" beside "Angela
//   Merkel"), or as the genitive of a listed place ("Großbritanniens",
//   "Ungarns"), which makes it a place; not when the word is itself the
//   surname of a person of the article ("Karas" beside "Othmar Karas", though
//   the catalogs know a place "Kara");
// - for a longer mention: beside the same words without the ending ("des
//   Deutschen Archäologischen Instituts" beside "Institut"), as a listed
//   place ("Tel Avivs"), or, for a person, when its last word without the
//   ending is a surname or one-word name of the article ("Van der Bellens"
//   beside "Alexander Van der Bellen") or a listed family name that the
//   word with the ending is not, where a genitive stands: before a noun, an
//   adjective and a noun or a quotation ("Maria Giulias Eltern", "Angela
//   Merkels einzigem Kompass", "Richard Seabrooks „Prospekt“") or
//   after one ("der Sprecher Heinz Fischers"); not "Madison Keys (USA)" nor
//   "Tarik Toros, der Chefredakteur".
void FoldGenitives(const Gazetteer& gazetteer, const WordView& view, std::vector<RawMention>* raw) {
  auto candidate = [](const RawMention& m) { return m.words.back().size() >= 4 && m.words.back().back() == 's'; };
  if (std::none_of(raw->begin(), raw->end(), candidate)) return;
  // Views of the words, unchanged until the end; sorted for binary search.
  std::vector<std::string_view> singles;   // one-word mentions
  std::vector<std::string_view> surnames;  // last words of the persons' longer names
  std::vector<std::string> phrases;        // longer mentions, words joined by spaces
  auto join = [](std::span<const std::string> words, size_t cut) {
    std::string phrase;
    for (size_t k = 0; k < words.size(); ++k) {
      if (k > 0) phrase += ' ';
      phrase.append(words[k], 0, words[k].size() - (k + 1 == words.size() ? cut : 0));
    }
    return phrase;
  };
  for (const RawMention& m : *raw) {
    if (m.words.size() == 1) {
      singles.push_back(m.words[0]);
    } else {
      phrases.push_back(join(m.words, 0));
      if (m.type == EntityType::kPerson) surnames.push_back(m.words.back());
    }
  }
  for (auto* v : {&singles, &surnames}) std::sort(v->begin(), v->end());
  std::sort(phrases.begin(), phrases.end());
  auto in = [](const auto& sorted, std::string_view w) { return std::binary_search(sorted.begin(), sorted.end(), w); };
  auto named = [&](std::string_view stem) { return in(singles, stem) || in(surnames, stem); };

  // Bytes to cut from each mention's last word, and whether it becomes a place.
  std::vector<uint8_t> cuts(raw->size(), 0);
  std::vector<bool> place(raw->size(), false);
  std::vector<std::string> stemmed;
  for (size_t i = 0; i < raw->size(); ++i) {
    const RawMention& m = (*raw)[i];
    if (!candidate(m)) continue;
    const std::string& w = m.words.back();
    size_t cut = 0;
    if (m.words.size() == 1) {
      if (in(surnames, w)) continue;
      cut = GenitiveEnding(w, named);
      if (cut == 0) {
        cut = gazetteer.GenitivePlaceEnding(w);
        if (cut == 0) cut = gazetteer.GenitiveListedPlaceEnding(w);
        place[i] = cut != 0;
      }
    } else {
      cut = GenitiveEnding(w, [&](std::string_view stem) { return in(phrases, join(m.words, w.size() - stem.size())); });
      if (cut == 0 && m.type == EntityType::kLocation && !gazetteer.IsListedPlace(m.words)) {
        cut = GenitiveEnding(w, [&](std::string_view stem) {
          stemmed = m.words;
          stemmed.back().assign(stem);
          return gazetteer.IsListedPlace(stemmed);
        });
        place[i] = cut != 0;
      }
      if (cut == 0 && m.type == EntityType::kPerson) {
        cut = GenitiveEnding(w, named);
        const WordFlags flags = gazetteer.FlagsOf(w);
        if (cut == 0 && !flags.first_name && !flags.last_name && GenitiveContext(view, m)) {
          // "Voss", "Koss": a name in -s takes no -s in the genitive.
          cut = GenitiveEnding(w, [&](std::string_view stem) {
            return stem.back() != 's' && gazetteer.FlagsOf(stem).last_name;
          });
        }
      }
    }
    cuts[i] = static_cast<uint8_t>(cut);
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    if (cuts[i] == 0) continue;
    RawMention& m = (*raw)[i];
    m.words.back().resize(m.words.back().size() - cuts[i]);
    m.genitive = cuts[i];
    if (place[i]) m.type = EntityType::kLocation;
  }
}

EntityType BaseType(int type) {
  switch (type % kNumBaseTypes) {
    case 0: return EntityType::kPerson;
    case 1: return EntityType::kLocation;
    case 2: return EntityType::kOrganization;
    default: return EntityType::kOther;
  }
}

// Determiners that may open "<determiner> <adjective> <role noun>". Not the
// neuter "das": the role nouns are masculine or feminine, and "Das sagte
// Ministerin ..." is a pronoun and a verb.
bool IsDeterminer(std::string_view folded) {
  for (std::string_view d : {"der", "die", "den", "dem", "des", "ein", "eine", "einen",
                             "einem", "eines", "einer", "sein", "seine", "seinem", "seinen",
                             "seines", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihres", "ihrer",
                             "dessen", "deren", "the", "a", "an"}) {
    if (folded == d) return true;
  }
  return false;
}

// An attributive adjective before a role noun ("der mexikanische
// Außenminister"): lower case, with a strong or weak adjective ending (-e,
// -en, -er, -es, -em) and a determiner before it, so that a verb ("sagte
// US-Außenminister ...") is not taken for one.
bool IsRoleAdjective(const std::vector<Tok>& toks, size_t i, std::string_view lang) {
  const Tok& t = toks[i];
  if (!IsWordToken(t.text) || StartsUpper(t.text) || t.folded.size() < 5) return false;
  if (text::IsStopWord(t.folded, lang.empty() ? "de" : lang)) return false;
  if (i == 0 || !IsDeterminer(toks[i - 1].folded)) return false;
  for (std::string_view s : {"e", "en", "er", "es", "em"}) {
    if (t.folded.ends_with(s)) return true;
  }
  return false;
}

// Name particles that may stand inside a person's name.
bool IsParticle(std::string_view folded) {
  for (std::string_view p : {"de", "del", "la", "van", "von", "der", "da", "di", "bin", "al", "le"}) {
    if (folded == p) return true;
  }
  return false;
}

class Recognizer final : public EntityRecognizer {
 public:
  Recognizer(std::unique_ptr<Gazetteer> gazetteer, std::optional<TaggerModel> model)
      : gazetteer_(std::move(gazetteer)), model_(std::move(model)) {}

  void Recognize(std::string_view text, std::string_view lang, Extraction* out) const override;
  void Recognize(const WordView& view, Extraction* out) const override;
  void MarkSentenceAdverbs(WordView* view) const override;

 private:
  void RuleTags(const std::vector<Tok>& toks, std::vector<uint8_t>* tags) const;
  void FindRole(const std::vector<Tok>& toks, size_t first, std::string_view text,
                std::string_view lang, RawMention* m) const;

  std::unique_ptr<Gazetteer> gazetteer_;
  std::optional<TaggerModel> model_;
};

// Without a model: listed places and organisations; a first name or a role
// noun followed by capitalized words is a person.
void Recognizer::RuleTags(const std::vector<Tok>& toks, std::vector<uint8_t>* tags) const {
  const size_t n = toks.size();
  tags->assign(n, 0);
  std::vector<std::string> folded(n);
  std::vector<uint8_t> starts(n);
  for (size_t i = 0; i < n; ++i) {
    folded[i] = toks[i].folded;
    std::string_view written = toks[i].text;
    // "the European Space Agency's probe": the name without the possessive.
    if (written.size() > 3 && written.ends_with("'s") && folded[i].ends_with("'s")) {
      written.remove_suffix(2);
      folded[i].resize(folded[i].size() - 2);
    }
    // Declined forms of listed names too ("des Statistischen Bundesamtes").
    starts[i] = gazetteer_->PhraseStartOf(written, folded[i]) | gazetteer_->ListedStartAsWritten(written);
  }
  std::vector<uint8_t> bits;
  gazetteer_->MatchPhrases(folded, starts, &bits);
  for (size_t i = 0; i < n; ++i) {
    if (bits[i] & kPhraseLocationBegin) (*tags)[i] = BeginTag(kTypeLoc);
    else if (bits[i] & kPhraseLocationInside) (*tags)[i] = InsideTag(kTypeLoc);
    else if (bits[i] & kPhraseOrganizationBegin) (*tags)[i] = BeginTag(kTypeOrg);
    else if (bits[i] & kPhraseOrganizationInside) (*tags)[i] = InsideTag(kTypeOrg);
  }
  auto name_word = [&](size_t j) {
    if (j >= n || (*tags)[j] != 0 || !StartsUpper(toks[j].text)) return false;
    if (gazetteer_->RoleOf(toks[j].text, toks[j].folded) != RoleKind::kNone) return false;
    if (gazetteer_->IsTitle(toks[j].folded)) return false;  // "Missionsleiterin Dr. Ines Haller"
    const DictionaryClass d = gazetteer_->DictionaryClassOf(toks[j].text);
    return d != DictionaryClass::kLower && d != DictionaryClass::kBoth;
  };
  for (size_t i = 0; i < n; ++i) {
    if ((*tags)[i] != 0) continue;
    const bool first_name = StartsUpper(toks[i].text) && gazetteer_->IsFirstName(toks[i].folded);
    const bool after_role = i > 0 && gazetteer_->RoleOf(toks[i - 1].text, toks[i - 1].folded) != RoleKind::kNone;
    if (!first_name && !(after_role && name_word(i))) continue;
    size_t end = i + 1;
    while (end < n && end < i + 4) {
      if (name_word(end)) {
        ++end;
      } else if (IsParticle(toks[end].folded) && name_word(end + 1)) {
        end += 2;
      } else {
        break;
      }
    }
    if (first_name && end == i + 1 && !after_role) continue;  // a lone first name
    (*tags)[i] = BeginTag(kTypePer);
    for (size_t k = i + 1; k < end; ++k) (*tags)[k] = InsideTag(kTypePer);
    i = end - 1;
  }
  // "Siemens AG", "Deutsche Bank": capitalized words before an organisation suffix.
  for (size_t i = 1; i < n; ++i) {
    if ((*tags)[i] != 0 || !gazetteer_->IsOrganizationSuffix(toks[i].folded)) continue;
    if (!StartsUpper(toks[i].text) && toks[i].folded.size() > 3) continue;
    size_t b = i;
    while (b > 0 && i - b < 3 && (*tags)[b - 1] == 0 && StartsUpper(toks[b - 1].text)) --b;
    if (b == i) continue;
    (*tags)[b] = BeginTag(kTypeOrg);
    for (size_t k = b + 1; k <= i; ++k) (*tags)[k] = InsideTag(kTypeOrg);
  }
}

// Whether the word around text[at] (the text between the spaces around it)
// is a link written out ("pic.twitter.com/oOo10gTVc2", "https://t.co/…",
// "www.orf.at"): it has "://", starts with "www.", or has a host with a dot
// before its first slash ("Kiew/Moskau" has none).
bool InLink(std::string_view text, size_t at) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  size_t begin = at;
  size_t end = at;
  while (begin > 0 && !space(text[begin - 1])) --begin;
  while (end < text.size() && !space(text[end])) ++end;
  const std::string_view run = text.substr(begin, end - begin);
  if (run.find("://") != std::string_view::npos || run.starts_with("www.")) return true;
  const size_t slash = run.find('/');
  if (slash == std::string_view::npos) return false;
  const size_t dot = run.substr(0, slash).find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < slash;
}

void Recognizer::FindRole(const std::vector<Tok>& toks, size_t first, std::string_view text,
                          std::string_view lang, RawMention* m) const {
  if (first == 0) return;
  size_t r = first - 1;
  // Titles between role and name: "Missionsleiterin Dr. Ines Haller".
  while (r > 0 && (gazetteer_->IsTitle(toks[r].folded) ||
                   (toks[r].text == "." && gazetteer_->IsTitle(toks[r - 1].folded)))) {
    --r;
  }
  RoleKind kind = gazetteer_->RoleOf(toks[r].text, toks[r].folded);
  size_t role_begin = r;
  // English "Secretary of State Rex Tillerson", "Minister of Finance ...".
  if (kind == RoleKind::kNone && r >= 2 && toks[r - 1].folded == "of" && StartsUpper(toks[r].text)) {
    kind = gazetteer_->RoleOf(toks[r - 2].text, toks[r - 2].folded);
    role_begin = r - 2;
  }
  if (kind == RoleKind::kNone) return;
  if (role_begin > 0 && IsRoleAdjective(toks, role_begin - 1, lang)) --role_begin;
  m->role.assign(text.substr(toks[role_begin].begin, toks[r].end - toks[role_begin].begin));
  m->role_kind = kind;
}

// Tags a sentence's tokens with the model; `views` holds their texts on entry.
// `views`, `joined` and `view_tags` are scratch.
void TagAsTrained(const TaggerModel& model, const Gazetteer& gazetteer,
                  std::span<const text::Token> tokens, std::string_view sentence,
                  std::vector<std::string_view>* views, std::vector<uint8_t>* joined,
                  std::vector<uint8_t>* view_tags, std::vector<uint8_t>* tags) {
  // GermEval, which the model learned from, writes an ordinal with its period
  // as one token ("6." in "am 6. März"); our tokenizer splits it, and a lone
  // "." inside a sentence made the next capitalized word look like a
  // sentence's first ("März" came out as an organisation after a day). A
  // number directly followed by a period and then by a word or number is
  // therefore tagged as one token; the period takes the number's tag, as
  // inside the same name.
  joined->clear();  // by view: a number and its period
  size_t n = 0;
  for (size_t i = 0; i < tokens.size(); ++i, ++n) {
    const bool ordinal = i + 2 < tokens.size() && tokens[i].kind == text::TokenKind::kNumber &&
                         tokens[i + 1].begin == tokens[i].end &&
                         sentence.substr(tokens[i + 1].begin, 1) == "." &&
                         tokens[i + 2].kind != text::TokenKind::kPunct;
    (*views)[n] = ordinal ? sentence.substr(tokens[i].begin, tokens[i + 1].end - tokens[i].begin)
                          : (*views)[i];
    joined->push_back(ordinal ? 1 : 0);
    if (ordinal) ++i;
  }
  views->resize(n);
  model.Tag(*views, gazetteer, view_tags);
  tags->resize(tokens.size());
  for (size_t v = 0, i = 0; v < n; ++v, ++i) {
    const uint8_t tag = (*view_tags)[v];
    (*tags)[i] = tag;
    if ((*joined)[v] != 0) (*tags)[++i] = tag == 0 ? 0 : InsideTag(TagType(tag));
  }
}

// Entities of one type with one canonical key are one entity: the key is
// what joins them across articles, so within one it joins names that share
// no word ("USA" and "Vereinigten Staaten", through aliases.txt). The
// later entity's mentions go to the first one, which keeps its name and
// takes the other's role when it has none; the entities from entity_base on
// are renumbered in order of first mention.
void MergeSameCanonical(int entity_base, Extraction* out) {
  const size_t n = out->entities.size() - static_cast<size_t>(entity_base);
  std::vector<int> into(n, -1);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = out->entities[entity_base + i];
    if (e.canonical.empty()) continue;
    for (size_t j = 0; j < i; ++j) {
      const Entity& f = out->entities[entity_base + j];
      if (into[j] < 0 && f.type == e.type && f.canonical == e.canonical) {
        into[i] = static_cast<int>(j);
        any = true;
        break;
      }
    }
  }
  if (!any) return;
  std::vector<int> renumber(n, -1);
  int next = entity_base;
  for (size_t i = 0; i < n; ++i) {
    if (into[i] < 0) renumber[i] = next++;
  }
  for (size_t i = 0; i < n; ++i) {
    if (into[i] < 0) continue;
    Entity& from = out->entities[entity_base + i];
    Entity& to = out->entities[entity_base + into[i]];
    to.mentions.insert(to.mentions.end(), from.mentions.begin(), from.mentions.end());
    std::sort(to.mentions.begin(), to.mentions.end());
    if (to.role.empty()) to.role = from.role;
    renumber[i] = renumber[into[i]];
  }
  for (Mention& m : out->mentions) {
    if (m.entity >= entity_base) m.entity = renumber[m.entity - entity_base];
  }
  size_t kept = entity_base;
  for (size_t i = 0; i < n; ++i) {
    if (into[i] >= 0) continue;
    if (kept != entity_base + i) out->entities[kept] = std::move(out->entities[entity_base + i]);
    ++kept;
  }
  out->entities.resize(kept);
}

void Recognizer::Recognize(std::string_view text, std::string_view lang, Extraction* out) const {
  Recognize(BuildWordView(text, lang.empty() ? "de" : lang), out);
}

void Recognizer::MarkSentenceAdverbs(WordView* view) const {
  if (view->english) return;
  std::string lower;
  for (const auto& [begin, end] : view->sentences) {
    if (begin >= end || !view->IsWord(begin) || !view->words[begin].cap) continue;
    const std::string_view word = view->Raw(begin);
    if (gazetteer_->DictionaryClassOf(word) != DictionaryClass::kLower) continue;
    // A declined adjective used as a noun ("Angehörige", "Verletzte") is
    // listed in lower case only, as its adjective is.
    LowerFirstTo(word, &lower);
    bool declined = false;
    for (const std::string_view ending : {"e", "en", "em", "er", "es"}) {
      if (lower.size() > ending.size() + 2 && lower.ends_with(ending)) {
        const DictionaryClass stem =
            gazetteer_->DictionaryClassOf(std::string_view(lower).substr(0, lower.size() - ending.size()));
        declined = declined || stem == DictionaryClass::kExact || stem == DictionaryClass::kBoth;
      }
    }
    view->words[begin].sentence_adverb = !declined;
  }
}

void Recognizer::Recognize(const WordView& view, Extraction* out) const {
  const std::string_view text = view.text;
  const std::string_view lang = view.lang;
  std::vector<RawMention> raw;
  std::vector<text::Token> tokens;
  std::vector<Tok> toks;
  std::vector<std::string_view> views;
  std::vector<uint8_t> joined, view_tags, tags;
  std::vector<std::string_view> words, folded_words;
  const std::string_view fold_lang = lang.empty() ? "de" : lang;
  const text::Folder folder(fold_lang);
  // The tagger learned one language's capitals ("Friday" is no place in
  // English); text in another gets the rules.
  const bool use_model = model_ && model_->lang() == fold_lang.substr(0, fold_lang.find('-'));
  // The sentences, tokens and folded words of the view (which the quotes,
  // dates and figures read too); punctuation, which the view keeps as
  // written, is folded here.
  for (const auto& [first, end] : view.sentences) {
    tokens.clear();
    for (int w = first; w < end; ++w) tokens.push_back({view.words[w].begin, view.words[w].end, view.words[w].kind});
    toks.resize(tokens.size());
    views.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      Tok& t = toks[i];
      t.begin = tokens[i].begin;
      t.end = tokens[i].end;
      t.text = text.substr(t.begin, t.end - t.begin);
      if (tokens[i].kind == text::TokenKind::kWord) {
        t.folded.assign(view.Folded(first + static_cast<int>(i)));
      } else {
        t.folded.clear();
        folder.To(t.text, &t.folded);
      }
      views[i] = t.text;
    }
    if (use_model) {
      TagAsTrained(*model_, *gazetteer_, tokens, text, &views, &joined, &view_tags, &tags);
    } else {
      RuleTags(toks, &tags);
    }
    words.resize(toks.size());
    folded_words.resize(toks.size());
    for (size_t i = 0; i < toks.size(); ++i) {
      words[i] = toks[i].text;
      folded_words[i] = toks[i].folded;
    }
    FixNameTags(*gazetteer_, words, folded_words, &tags);
    // No names in links: a link's tokens leave the name they were tagged
    // into ("in Wien. pic.twitter.com/…" read as one name keeps "Wien").
    for (size_t k = 0; k < toks.size(); ++k) {
      if (tags[k] == 0 || !InLink(text, toks[k].begin)) continue;
      tags[k] = 0;
      if (k + 1 < toks.size() && IsInside(tags[k + 1])) tags[k + 1] = BeginTag(TagType(tags[k + 1]));
      // Nor the period that ends the sentence before the link.
      for (size_t j = k; j > 0 && IsInside(tags[j - 1]) && !IsWordToken(toks[j - 1].text); --j) tags[j - 1] = 0;
    }
    for (const Chunk& c : ChunksOf(tags)) {
      if (c.type >= kNumBaseTypes) continue;  // "deutschen", "Trump-Politik": not names
      RawMention m;
      m.begin = toks[c.begin].begin;
      m.end = toks[c.end - 1].end;
      m.first_word = first + static_cast<int>(c.begin);
      m.type = BaseType(c.type);
      for (uint32_t k = c.begin; k < c.end; ++k) {
        if (IsWordToken(toks[k].text) || toks[k].text.front() >= '0') m.words.push_back(toks[k].folded);
      }
      if (m.words.empty()) continue;
      // "Ines Haller's", "Europe’s": the possessive ending is no part of the name.
      const std::string_view last = toks[c.end - 1].text;
      for (std::string_view possessive : {"'s", "’s"}) {
        if (last.size() > possessive.size() && last.ends_with(possessive) && IsWordToken(last)) {
          m.end -= static_cast<uint32_t>(possessive.size());
          m.words.back().clear();
          folder.To(last.substr(0, last.size() - possessive.size()), &m.words.back());
          break;
        }
      }
      if (m.type == EntityType::kPerson) {
        // A role or title alone names nobody ("Expertin: „…“" in a headline),
        // unless it is a family name too ("Richter", "Kaiser", "Prince").
        bool roles_only = true;
        for (uint32_t k = c.begin; k < c.end && roles_only; ++k) {
          const std::string_view f = toks[k].folded;
          roles_only = !IsWordToken(toks[k].text) || gazetteer_->IsTitle(f) ||
                       (gazetteer_->RoleOf(toks[k].text, f) != RoleKind::kNone &&
                        !gazetteer_->FlagsOf(f).last_name && !gazetteer_->IsFirstName(f));
        }
        if (roles_only) continue;
        FindRole(toks, c.begin, text, lang, &m);
      }
      raw.push_back(std::move(m));
    }
  }

  FoldGenitives(*gazetteer_, view, &raw);

  // One name, one type within an article: the majority of its mentions
  // decides (ties: the first); a listed place is never a person.
  {
    std::unordered_map<std::string, std::array<int, 4>> votes;
    std::string key;
    auto key_of = [&](const RawMention& m) {
      key.clear();
      for (const std::string& w : m.words) key += w + ' ';
      return key;
    };
    for (const RawMention& m : raw) ++votes[key_of(m)][static_cast<int>(m.type)];
    for (RawMention& m : raw) {
      const std::array<int, 4>& v = votes[key_of(m)];
      int best = static_cast<int>(m.type);
      for (int t = 0; t < 4; ++t) {
        if (v[t] > v[best]) best = t;
      }
      m.type = static_cast<EntityType>(best);
      if (m.type == EntityType::kPerson && gazetteer_->IsListedPlace(m.words)) {
        m.type = EntityType::kLocation;
      }
    }
  }

  // People first, longest names first: a shorter name whose words end the
  // longer one's ("Kelly", "Peña Nieto") is the same person.
  struct Group {
    EntityType type;
    std::vector<std::string> words;
    std::vector<int> members;
  };
  std::vector<Group> groups;
  std::vector<int> order(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const bool pa = raw[a].type == EntityType::kPerson, pb = raw[b].type == EntityType::kPerson;
    if (pa != pb) return pa;
    return raw[a].words.size() > raw[b].words.size();
  });
  auto ends_with = [](const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    if (shorter.size() > longer.size()) return false;
    return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  };
  for (int idx : order) {
    RawMention& m = raw[idx];
    int found = -1;
    // A listed place is never a surname ("Salzburg" after a player's name in
    // a line-up the tagger ran together).
    const bool place = m.type != EntityType::kPerson && gazetteer_->IsListedPlace(m.words);
    for (size_t g = 0; g < groups.size() && found < 0; ++g) {
      const Group& grp = groups[g];
      if (grp.words == m.words && grp.type == m.type) found = static_cast<int>(g);
      // A surname alone, whatever the tagger called it, joins the person;
      // a listed place stays a place.
      if (grp.type == EntityType::kPerson && grp.words.size() > m.words.size() &&
          ends_with(grp.words, m.words) && !place) {
        found = static_cast<int>(g);
      }
      // The genitive of a person's name ("Trumps Politik").
      if (grp.type == EntityType::kPerson && m.words.size() == 1 &&
          m.words[0].size() == grp.words.back().size() + 1 && m.words[0].back() == 's' &&
          m.words[0].starts_with(grp.words.back())) {
        found = static_cast<int>(g);
      }
    }
    if (found < 0) {
      found = static_cast<int>(groups.size());
      groups.push_back({m.type, m.words, {}});
    }
    m.type = groups[found].type;
    groups[found].members.push_back(idx);
  }

  // The particles a person's full name has before its surname ("Van der
  // Bellen" for "Alexander Van der Bellen") belong to a later mention of the
  // surname alone.
  auto TakeParticles = [&view](const std::vector<std::string>& full, RawMention* m) {
    const int k = m->first_word;
    for (int back = 1; static_cast<size_t>(back) < full.size() && back <= k && back <= 3; ++back) {
      const std::string_view particle = view.Folded(k - back);
      if (!view.IsWord(k - back) || particle != full[full.size() - 1 - static_cast<size_t>(back)] ||
          !IsNameParticle(particle, false)) {
        break;
      }
      m->begin = view.words[k - back].begin;
      m->first_word = k - back;
      m->words.insert(m->words.begin(), std::string(particle));
    }
  };
  // The tagger's mentions of a surname alone.
  for (const Group& grp : groups) {
    if (grp.type != EntityType::kPerson || grp.words.size() < 3) continue;
    for (int idx : grp.members) {
      RawMention& m = raw[idx];
      if (m.words.size() == 1 && m.words[0] == grp.words.back()) TakeParticles(grp.words, &m);
    }
  }

  // Later mentions of a person's surname the tagger missed ("Kelly" at the
  // start of a sentence), when no mention covers them yet.
  {
    std::vector<std::pair<uint32_t, uint32_t>> covered;
    for (const RawMention& m : raw) covered.emplace_back(m.begin, m.end);
    std::sort(covered.begin(), covered.end());
    std::unordered_map<std::string, int> surnames;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].type == EntityType::kPerson && groups[g].words.size() >= 2 &&
          !IsNameParticle(groups[g].words.back(), false) &&  // a name ends in no particle
          !gazetteer_->IsListedPlace(std::span(&groups[g].words.back(), 1))) {
        surnames.try_emplace(groups[g].words.back(), static_cast<int>(g));
      }
    }
    if (!surnames.empty()) {
      std::string folded;
      for (int k = 0; k < view.size(); ++k) {
        const Word& t = view.words[k];
        if (!view.IsWord(k) || !StartsUpper(view.Raw(k))) continue;
        folded.assign(view.Folded(k));
        auto it = surnames.find(folded);
        if (it == surnames.end()) continue;
        auto c = std::upper_bound(covered.begin(), covered.end(), std::make_pair(t.begin, UINT32_MAX));
        if (c != covered.begin() && std::prev(c)->second > t.begin) continue;
        RawMention m;
        m.begin = t.begin;
        m.end = t.end;
        m.first_word = k;
        m.type = EntityType::kPerson;
        m.words = {folded};
        TakeParticles(groups[it->second].words, &m);
        groups[it->second].members.push_back(static_cast<int>(raw.size()));
        raw.push_back(std::move(m));
      }
    }
  }

  // Output: entities in order of first mention, mentions in text order.
  const int entity_base = static_cast<int>(out->entities.size());
  std::vector<int> mention_order(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) mention_order[i] = static_cast<int>(i);
  std::sort(mention_order.begin(), mention_order.end(),
            [&](int a, int b) { return raw[a].begin < raw[b].begin; });
  std::vector<int> group_entity(groups.size(), -1);
  std::vector<size_t> name_rank(groups.size(), 0);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int idx : groups[g].members) raw[idx].entity = static_cast<int>(g);
  }
  for (int idx : mention_order) {
    const RawMention& m = raw[idx];
    const int g = m.entity;
    if (group_entity[g] < 0) {
      group_entity[g] = static_cast<int>(out->entities.size());
      Entity e;
      e.type = groups[g].type;
      out->entities.push_back(std::move(e));
    }
    Entity& e = out->entities[group_entity[g]];
    Mention mention;
    mention.begin = m.begin;
    mention.end = m.end;
    mention.type = e.type;
    mention.text.assign(text.substr(m.begin, m.end - m.begin));
    mention.entity = group_entity[g];
    // The name: the first of the mentions with the most words, a genitive
    // only when no other form is there (and then without its ending).
    const size_t rank = 2 * m.words.size() + (m.genitive == 0 ? 1 : 0);
    if (rank > name_rank[g]) {
      name_rank[g] = rank;
      e.name = mention.text.substr(0, mention.text.size() - m.genitive);
    }
    e.mentions.push_back(static_cast<int>(out->mentions.size()));
    out->mentions.push_back(std::move(mention));
  }
  // Roles, per entity: first office, else first relational role.
  std::vector<RoleKind> best(out->entities.size() - entity_base, RoleKind::kNone);
  for (int idx : mention_order) {
    const RawMention& m = raw[idx];
    // Only people have roles ("Präsident Ungarns" is the place Ungarn).
    if (m.role.empty() || m.type != EntityType::kPerson) continue;
    const int e = group_entity[m.entity];
    RoleKind& b = best[e - entity_base];
    if (b == RoleKind::kNone || (b == RoleKind::kWeak && m.role_kind == RoleKind::kOffice)) {
      out->entities[e].role = m.role;
      b = m.role_kind;
    }
  }
  for (size_t e = entity_base; e < out->entities.size(); ++e) {
    out->entities[e].canonical = CanonicalKey(out->entities[e].name);
  }
  MergeSameCanonical(entity_base, out);
}

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const std::string& model_path) {
  return Create(model_path, kGermanWordListPath);
}

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const std::string& model_path,
                                                                   std::string_view word_list_path) {
  std::optional<TaggerModel> model;
  if (!model_path.empty()) {
    auto loaded = TaggerModel::Load(model_path);
    if (!loaded.ok()) return loaded.status();
    model = std::move(loaded).value();
  }
  std::unique_ptr<EntityRecognizer> r =
      std::make_unique<Recognizer>(Gazetteer::Create(word_list_path), std::move(model));
  return r;
}

namespace {

// The key of a name before aliases: folded words, the titles and roles that
// open it dropped ("US-Außenminister Rex Tillerson" → "rex tillerson"). Only
// those: a later word is the name's own, though it ends as a role does
// ("Peter Kaiser", "Peking" with the English "king"), and a name of roles
// alone keeps them ("Stadtrat", an organisation).
std::string NameKey(std::string_view name) {
  static const std::unique_ptr<Gazetteer> lists = Gazetteer::Create("", "");
  std::vector<text::Token> tokens;
  text::Tokenize(name, &tokens);
  std::vector<std::string> folded;  // the words, punctuation left out
  size_t first = 0;                 // the first word that is no role or title, if any
  for (const text::Token& t : tokens) {
    if (t.kind == text::TokenKind::kPunct) continue;
    const std::string_view w = name.substr(t.begin, t.end - t.begin);
    folded.emplace_back();
    text::FoldTo(w, "de", &folded.back());
    if (first + 1 == folded.size() && lists->IsTitleOrRole(w, folded.back())) ++first;
  }
  if (first == folded.size()) first = 0;
  std::string key;
  for (size_t i = first; i < folded.size(); ++i) {
    // A hyphen between the parts of a name is a space: "Heinz-Christian
    // Strache" is also written "Heinz Christian Strache".
    for (size_t begin = 0; begin <= folded[i].size();) {
      size_t end = folded[i].find('-', begin);
      if (end == std::string::npos) end = folded[i].size();
      if (end > begin) {
        if (!key.empty()) key += ' ';
        key.append(folded[i], begin, end - begin);
      }
      begin = end + 1;
    }
  }
  return key;
}

// data/gazetteers/aliases.txt: the key of every listed name → the key of the
// first name of its line; and the key of a declined form of a listed
// organisation or location ("Statistischen Bundesamtes") → the key of the
// listed name, or of its alias line's first name.
const std::unordered_map<std::string, std::string>& Aliases() {
  static const std::unordered_map<std::string, std::string> aliases = [] {
    std::unordered_map<std::string, std::string> map;
    for (const std::vector<std::string_view>& names : AliasGroups()) {
      const std::string first = NameKey(names.front());
      for (size_t i = 1; i < names.size(); ++i) {
        std::string key = NameKey(names[i]);
        if (!key.empty() && key != first) map.try_emplace(std::move(key), first);
      }
    }
    for (const auto& [declined, listed] : DeclinedListedNames()) {
      std::string key = NameKey(declined);
      std::string base = NameKey(listed);
      if (const auto it = map.find(base); it != map.end()) base = it->second;
      if (!key.empty() && key != base) map.try_emplace(std::move(key), std::move(base));
    }
    return map;
  }();
  return aliases;
}

}  // namespace

std::string CanonicalKey(std::string_view name) {
  std::string key = NameKey(name);
  const auto& aliases = Aliases();
  auto it = aliases.find(key);
  return it == aliases.end() ? key : it->second;
}

std::string RoleKey(std::string_view role) {
  std::vector<text::Token> tokens;
  text::Tokenize(role, &tokens);
  std::string key;
  for (const text::Token& t : tokens) {
    if (t.kind == text::TokenKind::kPunct) continue;
    if (!key.empty()) key += ' ';
    text::FoldTo(role.substr(t.begin, t.end - t.begin), "de", &key);
  }
  return key;
}

}  // namespace storyline::extract
