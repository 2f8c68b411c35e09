#include "gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <iterator>
#include <fstream>
#include <string>
#include <utility>

#include "byte_pairs.h"
#include "fnv.h"
#include "gazetteer_data.h"
#include "huge_pages.h"
#include "name_suffixes.h"
#include "storyline/text.h"

namespace storyline::extract {
namespace {

uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// Calls f(line) for each non-empty, non-comment line of a built-in list.
template <typename F>
void ForEachLine(std::string_view data, F&& f) {
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line);
  }
}

// A set of 64-bit hashes with open addressing and linear probing: one cache
// line per lookup, where std::unordered_set chases a node pointer and a
// sorted vector needs ~20 probes. Value 0 marks an empty slot, so a hash of 0
// is stored as 1.
class HashSet {
 public:
  void Build(std::vector<uint64_t> hashes) {
    size_t cap = 16;
    while (cap < hashes.size() * 2) cap <<= 1;
    table_.assign(cap, 0);
    values_.assign(cap, 0);
    mask_ = cap - 1;
    for (uint64_t h : hashes) Insert(h, 1);
  }
  // Inserts h (if absent) and ORs `value` (not 0) into its value.
  void Insert(uint64_t h, uint8_t value) {
    assert(value != 0);
    h = h == 0 ? 1 : h;
    if (table_.empty()) {
      table_.assign(16, 0);
      values_.assign(16, 0);
      mask_ = 15;
    }
    size_t s = Slot(h);
    while (table_[s] != 0 && table_[s] != h) s = (s + 1) & mask_;
    if (table_[s] == 0) {
      table_[s] = h;
      if (++size_ * 2 > table_.size()) {
        Grow();
        s = Slot(h);
        while (table_[s] != h) s = (s + 1) & mask_;
      }
    }
    values_[s] |= value;
  }
  // The value of h, 0 when absent.
  uint8_t Get(uint64_t h) const {
    const size_t s = Find(h);
    return s == kAbsent ? 0 : values_[s];
  }
  // Get(h) != 0, as every stored hash has a value: without reading the
  // values, which would be a second miss.
  bool Contains(uint64_t h) const { return Find(h) != kAbsent; }
  // Fetches the first slot Get(h) reads (of an empty set: null plus 0, which
  // a prefetch ignores). Written so because GCC 12 -O2 dropped the prefetch
  // behind an emptiness test, a ternary or a second prefetch.
  void Prefetch(uint64_t h) const {
    h |= static_cast<uint64_t>(h == 0);
    __builtin_prefetch(table_.data() + Slot(h));
  }

 private:
  size_t Slot(uint64_t h) const { return static_cast<size_t>(h ^ (h >> 29)) & mask_; }
  // The slot holding h, kAbsent when none does.
  static constexpr size_t kAbsent = ~size_t{0};
  size_t Find(uint64_t h) const {
    if (table_.empty()) return kAbsent;
    h = h == 0 ? 1 : h;
    for (size_t s = Slot(h);; s = (s + 1) & mask_) {
      const uint64_t v = table_[s];
      if (v == h) return s;
      if (v == 0) return kAbsent;
    }
  }
  void Grow() {
    HugeVector<uint64_t> old = std::move(table_);
    HugeVector<uint8_t> old_values = std::move(values_);
    table_.assign(old.size() * 2, 0);
    values_.assign(old.size() * 2, 0);
    mask_ = table_.size() - 1;
    for (size_t k = 0; k < old.size(); ++k) {
      if (old[k] == 0) continue;
      size_t s = Slot(old[k]);
      while (table_[s] != 0) s = (s + 1) & mask_;
      table_[s] = old[k];
      values_[s] = old_values[k];
    }
  }

  HugeVector<uint64_t> table_;
  HugeVector<uint8_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Bits of the per-word table (folded words).
constexpr uint8_t kFirstName = 1, kTitle = 2, kOrgSuffix = 4, kPhraseStart = 8,
                  kPlaceStart = 16, kPlaceWord = 32;
// PhraseStartOf() only: the word is the genitive of a one-word place.
constexpr uint8_t kGenitivePlace = 64;
constexpr uint8_t kLastName = 128;
// Start bits only (ListedStartAsWritten): the word may also start a declined
// form of a listed name (DeclinedForms), which only the repairs look up.
constexpr uint8_t kDeclinedStart = 1;

// Calls f(original, translation) for every message of a gettext .mo file
// (GNU gettext manual, "The Format of GNU MO Files"); nothing for a file that
// is missing or malformed. The context of "ctx\x04msgid" is dropped.
template <typename F>
void ForEachMessage(const std::string& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u32 = [&](size_t at, uint32_t* v) {
    if (at + 4 > b.size()) return false;
    std::memcpy(v, b.data() + at, 4);
    return true;
  };
  uint32_t magic = 0, n = 0, originals = 0, translations = 0;
  if (!u32(0, &magic) || magic != 0x950412deU || !u32(8, &n) || !u32(12, &originals) ||
      !u32(16, &translations)) {
    return;
  }
  auto str = [&](uint32_t table, uint32_t i, std::string_view* out) {
    uint32_t len = 0, off = 0;
    if (!u32(table + 8ULL * i, &len) || !u32(table + 8ULL * i + 4, &off)) return false;
    if (static_cast<uint64_t>(off) + len > b.size()) return false;
    *out = std::string_view(b).substr(off, len);
    return true;
  };
  for (uint32_t i = 0; i < n; ++i) {
    std::string_view original, translation;
    if (!str(originals, i, &original) || !str(translations, i, &translation)) return;
    if (original.empty()) continue;  // the header
    if (const size_t ctx = original.find('\x04'); ctx != std::string_view::npos) {
      original.remove_prefix(ctx + 1);
    }
    f(original, translation);
  }
}

// "Kronobergs län [SE-07]" → "Kronobergs län", "Georgia (US)" → "Georgia".
std::string_view StripQualifier(std::string_view name) {
  const size_t cut = name.find_first_of("[(");
  if (cut != std::string_view::npos) name = name.substr(0, cut);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}

// Role heads are looked up by suffix: the hash of the last k bytes of the
// folded word, computed from the end (FnvStep), for every k.
constexpr uint8_t kRoleWeak = 1, kRoleOffice = 2;
// A compound's head (DictionaryNounHead) has at least kMinHead bytes, with at
// least kMinFront in front of it.
constexpr size_t kMinFront = 3, kMinHead = 4;

uint64_t SuffixHash(std::string_view s) {
  uint64_t h = kFnvSeed;
  for (size_t k = s.size(); k-- > 0;) h = FnvStep(h, static_cast<unsigned char>(s[k]));
  return h;
}

// The key of a listed name in the phrase sets: its tokens (into *tokens)
// folded and joined by ' ' (into *key). Returns the hash of the first folded
// word, 0 for a name without tokens.
uint64_t PhraseKey(std::string_view name, std::vector<text::Token>* tokens, std::string* key) {
  tokens->clear();
  text::Tokenize(name, tokens);
  key->clear();
  uint64_t first = 0;
  for (size_t i = 0; i < tokens->size(); ++i) {
    if (i > 0) *key += ' ';
    const size_t before = key->size();
    const text::Token& t = (*tokens)[i];
    text::FoldTo(name.substr(t.begin, t.end - t.begin), "", key);
    if (i == 0) first = Hash(std::string_view(*key).substr(before));
  }
  return first;
}

}  // namespace

struct Gazetteer::Impl {
  uint64_t id = 0;
  HashSet words;          // folded word → kFirstName | kTitle | kOrgSuffix | kPhraseStart
  HashSet locations;      // folded phrases, words joined by ' '
  HashSet organizations;
  // The declined forms of both (DeclinedForms), folded: 1 for a location,
  // 2 for an organisation.
  HashSet declined;
  // Folded first words of the names listed with a first word in lower case
  // ("dpa", "1. FC Köln"): only these start a name where the text writes
  // them in lower case.
  HashSet lower_starts;
  // The first words of the names of our lists as written ("BUND", "Die"),
  // and their beginnings, which reject most words before any hashing.
  HashSet written_starts;
  BytePairs written_pairs;
  size_t max_phrase_words = 1;
  HashSet places;         // catalog places, folded, words joined by ' '
  size_t max_place_words = 1;
  size_t num_places = 0;
  HashSet roles;          // SuffixHash(head) → kRoleWeak / kRoleOffice
  size_t max_role_bytes = 0;
  HashSet dictionary;     // hashes of the words as listed
  // SuffixHash of the capitalized dictionary words of at least kMinHead
  // bytes, as listed and with the first letter lower-cased (the heads that
  // DictionaryNounHead looks for at the end of a compound).
  HashSet noun_heads;
  bool has_dictionary = false;
  // The endings of the listed places, given and family names and dictionary
  // nouns (NameKindCodeOf); name_words holds the places and names as
  // written, which the dictionary's nouns leave out.
  NameSuffixes suffixes;
  HashSet name_words;

  bool InDictionary(std::string_view w) const { return dictionary.Contains(Hash(w)); }

  uint8_t PhraseStartOf(std::string_view w) const {
    uint8_t v = words.Get(Hash(w)) & (kPhraseStart | kPlaceStart | kPlaceWord);
    if (!(v & kPlaceWord) && GenitiveOfPlace(w)) v |= kGenitivePlace;
    return v;
  }

  bool IsPlaceWord(std::string_view w) const { return (words.Get(Hash(w)) & kPlaceWord) != 0; }

  bool IsListedLocation(std::string_view w) const { return locations.Contains(Hash(w)); }

  // The genitive of a one-word catalog place: "Ungarns", "Griechenlandes".
  bool GenitiveOfPlace(std::string_view w) const {
    return GenitiveEnding(w, [this](std::string_view stem) { return IsPlaceWord(stem); }) > 0;
  }

  void AddNameWord(std::string_view word, NameKind kind) {
    if (!StartsUpper(word)) return;
    suffixes.Add(word, kind);
    name_words.Insert(Hash(word), 1);
  }

  void AddNameWords(std::string_view data, NameKind kind) {
    ForEachLine(data, [&](std::string_view line) { AddNameWord(line, kind); });
  }

  void AddWords(std::string_view data, uint8_t bit) {
    ForEachLine(data, [&](std::string_view line) { words.Insert(Hash(text::Fold(line)), bit); });
  }

  // Full names: the first word is a given name, the last a family name
  // (titles and numbers such as "Papst" or "II." are not names).
  void AddPeople(std::string_view data) {
    std::vector<text::Token> tokens;
    ForEachLine(data, [&](std::string_view line) {
      tokens.clear();
      text::Tokenize(line, &tokens);
      auto word = [&](size_t i) {
        return line.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      };
      size_t last = tokens.size();
      while (last > 0 && !StartsUpper(word(last - 1))) --last;
      if (last == 0) return;
      words.Insert(Hash(text::Fold(word(last - 1))), kLastName);
      if (last > 1) words.Insert(Hash(text::Fold(word(0))), kFirstName);
    });
  }

  void AddPlace(std::string_view name) {
    name = StripQualifier(name);
    if (name.empty()) return;
    thread_local std::vector<text::Token> tokens;
    thread_local std::string key;
    const uint64_t first = PhraseKey(name, &tokens, &key);
    if (tokens.empty() || tokens.size() > 6) return;
    if (!StartsUpper(name.substr(tokens[0].begin, tokens[0].end - tokens[0].begin))) {
      lower_starts.Insert(first, 1);
    }
    words.Insert(first, tokens.size() == 1 ? kPlaceStart | kPlaceWord : kPlaceStart);
    if (tokens.size() == 1) AddNameWord(name.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), NameKind::kPlace);
    if (places.Get(Hash(key)) == 0) ++num_places;
    places.Insert(Hash(key), 1);
    max_place_words = std::max(max_place_words, tokens.size());
  }

  void AddPhrases(std::string_view data, HashSet* set) {
    std::vector<text::Token> tokens;
    std::string key;
    ForEachLine(data, [&](std::string_view line) {
      const uint64_t first = PhraseKey(line, &tokens, &key);
      if (!tokens.empty()) {
        const std::string_view word = line.substr(tokens[0].begin, tokens[0].end - tokens[0].begin);
        words.Insert(first, kPhraseStart);
        if (!StartsUpper(word)) lower_starts.Insert(first, 1);
        AddWrittenStart(word);
      }
      max_phrase_words = std::max(max_phrase_words, tokens.size());
      set->Insert(Hash(key), 1);
      AddDeclinedForms(line, set == &locations ? 1 : 2);
    });
  }

  // The declined forms of a listed name (DeclinedForms), with their first
  // words as written. Not for the tagger's features, which the model was
  // trained on with the listed forms alone.
  void AddDeclinedForms(std::string_view line, uint8_t kind) {
    thread_local std::vector<std::string> forms;
    thread_local std::vector<text::Token> tokens;
    DeclinedForms(line, &forms);
    std::string key;
    for (const std::string& form : forms) {
      PhraseKey(form, &tokens, &key);
      AddWrittenStart(std::string_view(form).substr(tokens[0].begin, tokens[0].end - tokens[0].begin));
      declined.Insert(Hash(key), kind);
    }
  }

  // A first word of a name of our lists, as written (ListedStartAsWritten).
  void AddWrittenStart(std::string_view word) {
    written_starts.Insert(Hash(word), 1);
    written_pairs.Add(word);
  }
};

void DeclinedForms(std::string_view name, std::vector<std::string>* out) {
  out->clear();
  std::vector<text::Token> tokens;
  text::Tokenize(name, &tokens);
  std::vector<std::string_view> words;
  for (const text::Token& t : tokens) words.push_back(name.substr(t.begin, t.end - t.begin));
  // The leading adjectives, each without its ending.
  std::vector<std::string_view> stems;
  for (size_t i = 0; i + 1 < words.size() && stems.size() == i; ++i) {
    const std::string_view w = words[i];
    if (w.size() < 4 || !StartsUpper(w)) break;
    if (w.ends_with("es") || w.ends_with("er")) {
      stems.push_back(w.substr(0, w.size() - 2));
    } else if (w.ends_with('e')) {
      stems.push_back(w.substr(0, w.size() - 1));
    }
  }
  if (stems.empty()) return;
  const std::string head(words[stems.size()]);
  std::vector<std::string> heads = {head};
  if (head.ends_with('s') || head.ends_with('x') || head.ends_with('z') || head.ends_with("\xC3\x9F")) {
    heads.push_back(head + "es");
  } else if (head.ends_with('e')) {
    heads.push_back(head + "s");
  } else {
    heads.push_back(head + "s");
    heads.push_back(head + "es");
  }
  for (std::string_view ending : {"e", "en", "er", "es", "em"}) {
    for (const std::string& h : heads) {
      std::string form;
      for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) form += ' ';
        if (i < stems.size()) {
          form.append(stems[i]).append(ending);
        } else {
          form.append(i == stems.size() ? std::string_view(h) : words[i]);
        }
      }
      if (form != name) out->push_back(std::move(form));
    }
  }
}

std::vector<std::pair<std::string, std::string_view>> DeclinedListedNames() {
  std::vector<std::pair<std::string, std::string_view>> out;
  std::vector<std::string> forms;
  for (std::string_view data : {gazetteer_data::kOrganizations, gazetteer_data::kLocations}) {
    ForEachLine(data, [&](std::string_view line) {
      DeclinedForms(line, &forms);
      for (std::string& f : forms) out.emplace_back(std::move(f), line);
    });
  }
  return out;
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

std::unique_ptr<Gazetteer> Gazetteer::Create(std::string_view dictionary_path,
                                             std::string_view place_catalog_dir) {
  static std::atomic<uint64_t> next_id{1};
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  Impl& m = *g->impl_;
  m.id = next_id.fetch_add(1);
  m.AddWords(gazetteer_data::kFirstNames, kFirstName);
  m.AddWords(gazetteer_data::kPackageFirstNames, kFirstName);
  m.AddWords(gazetteer_data::kPackageLastNames, kLastName);
  m.AddPeople(gazetteer_data::kPeople);
  m.AddNameWords(gazetteer_data::kFirstNames, NameKind::kPerson);
  m.AddNameWords(gazetteer_data::kPackageFirstNames, NameKind::kPerson);
  m.AddNameWords(gazetteer_data::kPackageLastNames, NameKind::kPerson);
  m.AddWords(gazetteer_data::kTitles, kTitle);
  m.AddWords(gazetteer_data::kOrgSuffixes, kOrgSuffix);
  m.AddPhrases(gazetteer_data::kLocations, &m.locations);
  m.AddPhrases(gazetteer_data::kOrganizations, &m.organizations);
  ForEachLine(gazetteer_data::kRoles, [&](std::string_view line) {
    const size_t sp = line.find(' ');
    const bool weak = sp != std::string_view::npos && line.substr(sp + 1) == "weak";
    const std::string_view head = line.substr(0, sp);
    m.roles.Insert(SuffixHash(head), weak ? kRoleWeak : kRoleOffice);
    m.max_role_bytes = std::max(m.max_role_bytes, head.size());
  });
  if (!place_catalog_dir.empty()) {
    for (std::string_view file : {"iso_3166-1.mo", "iso_3166-2.mo", "libgweather-4.0-locations.mo"}) {
      ForEachMessage(std::string(place_catalog_dir) + "/" + std::string(file),
                     [&](std::string_view original, std::string_view german) {
                       m.AddPlace(original);
                       m.AddPlace(german);
                     });
    }
    // Our list of smaller towns (data/gazetteers/towns.txt), places of the
    // same weak kind as the catalogs': "Inzigkofen", "Völklingen".
    ForEachLine(gazetteer_data::kTowns, [&](std::string_view line) { m.AddPlace(line); });
  }
  if (!dictionary_path.empty()) {
    std::ifstream in{std::string(dictionary_path)};
    std::string line;
    std::vector<uint64_t> hashes, heads;
    std::string lowered;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      const uint64_t hash = Hash(line);
      hashes.push_back(hash);
      if (!StartsUpper(line)) continue;
      if (!m.name_words.Contains(hash)) m.suffixes.Add(line, NameKind::kNoun);
      if (line.size() >= kMinHead) {
        LowerFirstTo(line, &lowered);
        heads.push_back(SuffixHash(line));
        heads.push_back(SuffixHash(lowered));
      }
    }
    m.has_dictionary = !hashes.empty();
    m.dictionary.Build(std::move(hashes));
    m.noun_heads.Build(std::move(heads));
  }
  m.suffixes.Seal();
  return g;
}

std::vector<std::vector<std::string_view>> AliasGroups() {
  std::vector<std::vector<std::string_view>> groups;
  ForEachLine(gazetteer_data::kAliases, [&](std::string_view line) {
    std::vector<std::string_view> names;
    while (!line.empty()) {
      const size_t bar = line.find('|');
      std::string_view name = line.substr(0, bar);
      line = bar == std::string_view::npos ? std::string_view() : line.substr(bar + 1);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!name.empty()) names.push_back(name);
    }
    if (!names.empty()) groups.push_back(std::move(names));
  });
  return groups;
}

uint8_t Gazetteer::NameKindCodeOf(std::string_view word) const {
  return impl_->suffixes.CodeOf(word);
}

bool Gazetteer::has_dictionary() const { return impl_->has_dictionary; }
size_t Gazetteer::num_catalog_places() const { return impl_->num_places; }
uint64_t Gazetteer::id() const { return impl_->id; }

bool Gazetteer::IsFirstName(std::string_view folded) const {
  return (impl_->words.Get(Hash(folded)) & kFirstName) != 0;
}
bool Gazetteer::IsTitle(std::string_view folded) const {
  return (impl_->words.Get(Hash(folded)) & kTitle) != 0;
}
bool Gazetteer::IsTitleOrRole(std::string_view word, std::string_view folded) const {
  return IsTitle(folded) || RoleOf(word, folded) != RoleKind::kNone;
}
bool Gazetteer::IsOrganizationSuffix(std::string_view folded) const {
  return (impl_->words.Get(Hash(folded)) & kOrgSuffix) != 0;
}

WordFlags Gazetteer::FlagsOf(std::string_view folded) const {
  const uint8_t v = impl_->words.Get(Hash(folded));
  return {(v & kFirstName) != 0, (v & kTitle) != 0, (v & kOrgSuffix) != 0, (v & kLastName) != 0};
}

RoleKind Gazetteer::RoleOf(std::string_view word, std::string_view folded) const {
  if (!StartsUpper(word)) return RoleKind::kNone;
  // The longest listed head that ends the word decides ("amtskollege" before
  // "kollege").
  uint8_t found = 0;
  uint64_t h = kFnvSeed;
  const size_t longest = std::min(folded.size(), impl_->max_role_bytes);
  for (size_t k = 1; k <= longest; ++k) {
    h = FnvStep(h, static_cast<unsigned char>(folded[folded.size() - k]));
    if (const uint8_t v = impl_->roles.Get(h)) found = v;
  }
  if (found == kRoleOffice) return RoleKind::kOffice;
  if (found == kRoleWeak) return RoleKind::kWeak;
  return RoleKind::kNone;
}

DictionaryClass Gazetteer::DictionaryClassOf(std::string_view word) const {
  if (!impl_->has_dictionary) return DictionaryClass::kNoDictionary;
  const bool exact = impl_->InDictionary(word);
  bool lower = false;
  if (StartsUpper(word)) {
    thread_local std::string lowered;
    LowerFirstTo(word, &lowered);
    lower = impl_->InDictionary(lowered);
  }
  if (exact && lower) return DictionaryClass::kBoth;
  if (exact) return DictionaryClass::kExact;
  if (lower) return DictionaryClass::kLower;
  return DictionaryClass::kUnknown;
}

namespace {

// Where the shortest (or the longest) head of `word` listed in `heads`
// begins, else 0 (see Gazetteer::DictionaryNounHead). The suffix hash grows
// byte by byte from the end, so each candidate head costs one lookup,
// shortest first.
template <typename HeadSet>
size_t NounHeadAt(const HeadSet& heads, std::string_view word, bool longest) {
  if (word.size() < kMinFront + kMinHead) return 0;
  size_t found = 0;
  uint64_t h = kFnvSeed;
  for (size_t at = word.size(); at-- > kMinFront;) {
    const auto c = static_cast<unsigned char>(word[at]);
    h = FnvStep(h, c);
    // Split only at the start of a code point.
    if (word.size() - at >= kMinHead && (c & 0xc0) != 0x80 && heads.Contains(h)) {
      if (!longest) return at;
      found = at;
    }
  }
  return found;
}

}  // namespace

size_t Gazetteer::DictionaryNounHead(std::string_view word) const {
  return impl_->has_dictionary ? NounHeadAt(impl_->noun_heads, word, false) : 0;
}

size_t Gazetteer::DictionaryNounHeadLongest(std::string_view word) const {
  return impl_->has_dictionary ? NounHeadAt(impl_->noun_heads, word, true) : 0;
}

void Gazetteer::PrefetchWordLookups(std::string_view word, std::string_view folded) const {
  const uint64_t folded_hash = Hash(folded);
  impl_->words.Prefetch(folded_hash);
  const bool upper = StartsUpper(word);
  if (!upper) impl_->lower_starts.Prefetch(folded_hash);
  if (!impl_->has_dictionary) return;
  impl_->dictionary.Prefetch(Hash(word));
  if (upper) {
    impl_->suffixes.Prefetch(word);
    thread_local std::string lowered;
    LowerFirstTo(word, &lowered);
    impl_->dictionary.Prefetch(Hash(lowered));
  }
}

size_t Gazetteer::GenitivePlaceEnding(std::string_view folded) const {
  const Impl& m = *impl_;
  if (m.IsPlaceWord(folded) || !m.GenitiveOfPlace(folded)) return 0;
  // The ending whose stem is a listed or catalog place.
  return GenitiveEnding(
      folded, [&m](std::string_view stem) { return m.IsPlaceWord(stem) || m.IsListedLocation(stem); });
}

size_t Gazetteer::GenitiveListedPlaceEnding(std::string_view folded) const {
  const Impl& m = *impl_;
  if (m.IsListedLocation(folded)) return 0;
  return GenitiveEnding(folded, [&m](std::string_view stem) { return m.IsListedLocation(stem); });
}

uint8_t Gazetteer::PhraseStartOf(std::string_view word, std::string_view folded) const {
  if (!StartsUpper(word) && !impl_->lower_starts.Contains(Hash(folded))) return 0;
  return impl_->PhraseStartOf(folded);
}

uint8_t Gazetteer::ListedStartAsWritten(std::string_view word) const {
  if (!impl_->written_pairs.MayBegin(word)) return 0;
  return impl_->written_starts.Contains(Hash(word)) ? kPhraseStart | kDeclinedStart : 0;
}

void Gazetteer::MatchPhrases(std::span<const std::string> folded, std::vector<uint8_t>* bits) const {
  MatchPhrasesOf(folded, bits);
}

void Gazetteer::MatchPhrases(std::span<const std::string_view> folded, std::vector<uint8_t>* bits) const {
  MatchPhrasesOf(folded, bits);
}

bool Gazetteer::IsListedPlace(std::span<const std::string> folded) const { return IsListedPlaceOf(folded); }

bool Gazetteer::IsListedPlace(std::span<const std::string_view> folded) const {
  return IsListedPlaceOf(folded);
}

template <typename Word>
bool Gazetteer::IsListedPlaceOf(std::span<const Word> folded) const {
  if (folded.empty()) return false;
  thread_local std::vector<uint8_t> bits;
  MatchPhrasesOf(folded, &bits);
  return (bits[0] & kPhraseLocationBegin) && std::count(bits.begin(), bits.end(), 0) == 0;
}

template <typename Word>
void Gazetteer::MatchPhrasesOf(std::span<const Word> folded, std::vector<uint8_t>* bits) const {
  thread_local std::vector<uint8_t> starts;
  starts.resize(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) starts[i] = impl_->PhraseStartOf(folded[i]);
  MatchPhrasesOf(folded, std::span<const uint8_t>(starts), bits);
}

void Gazetteer::MatchPhrases(std::span<const std::string> folded, std::span<const uint8_t> starts,
                             std::vector<uint8_t>* bits) const {
  MatchPhrasesOf(folded, starts, bits);
}

void Gazetteer::MatchPhrases(std::span<const std::string_view> folded, std::span<const uint8_t> starts,
                             std::vector<uint8_t>* bits) const {
  MatchPhrasesOf(folded, starts, bits);
}

template <typename Word>
void Gazetteer::MatchPhrasesOf(std::span<const Word> folded, std::span<const uint8_t> starts,
                               std::vector<uint8_t>* bits) const {
  bits->assign(folded.size(), 0);
  thread_local std::string key;
  thread_local std::vector<uint64_t> hashes;
  uint8_t any = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    any |= starts[i];
    if (starts[i] & kGenitivePlace) (*bits)[i] |= kPhrasePlaceGenitive;
  }
  if ((any & (kPhraseStart | kPlaceStart)) == 0) return;
  for (int pass = 0; pass < 3; ++pass) {
    const HashSet& set = pass == 0 ? impl_->locations : pass == 1 ? impl_->organizations : impl_->places;
    const uint8_t begin = pass == 0 ? kPhraseLocationBegin : pass == 1 ? kPhraseOrganizationBegin : kPhrasePlaceBegin;
    const uint8_t inside = pass == 0 ? kPhraseLocationInside : pass == 1 ? kPhraseOrganizationInside : kPhrasePlaceInside;
    const uint8_t start_bit = pass == 2 ? kPlaceStart : kPhraseStart;
    const size_t max_words = pass == 2 ? impl_->max_place_words : impl_->max_phrase_words;
    size_t i = 0;
    while (i < folded.size()) {
      size_t matched = 0;
      const size_t longest = (starts[i] & start_bit) ? std::min(max_words, folded.size() - i) : 0;
      // The keys of every length first, their slots fetched together (the
      // sets are larger than the CPU's caches), then the longest match.
      hashes.resize(longest + 1);
      key.clear();
      const uint8_t declined = pass < 2 && (starts[i] & kDeclinedStart) ? pass + 1 : 0;
      for (size_t n = 1; n <= longest; ++n) {
        if (n > 1) key += ' ';
        key += folded[i + n - 1];
        hashes[n] = Hash(key);
        set.Prefetch(hashes[n]);
        if (declined != 0) impl_->declined.Prefetch(hashes[n]);
      }
      for (size_t n = longest; n >= 1 && matched == 0; --n) {
        if (set.Contains(hashes[n]) || (declined != 0 && impl_->declined.Get(hashes[n]) == declined)) matched = n;
      }
      if (matched == 0) {
        ++i;
        continue;
      }
      (*bits)[i] |= begin;
      for (size_t k = 1; k < matched; ++k) (*bits)[i + k] |= inside;
      i += matched;
    }
  }
}

void LowerFirstTo(std::string_view word, std::string* out) {
  out->clear();
  if (word.empty()) return;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  if (c < 0) {
    out->assign(word);
    return;
  }
  const UChar32 lower = u_tolower(c);
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, lower, error);
  (void)error;  // cannot fail: the buffer holds any code point
  out->append(buf, static_cast<size_t>(n));
  out->append(word.substr(static_cast<size_t>(i)));
}

bool StartsUpperBeyondAscii(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

}  // namespace storyline::extract
