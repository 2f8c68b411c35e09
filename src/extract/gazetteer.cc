#include "gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <unordered_set>
#include <utility>

#include "gazetteer_data.h"
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

struct Role {
  std::string head;
  RoleKind kind;
};

}  // namespace

struct Gazetteer::Impl {
  std::unordered_set<uint64_t> first_names;
  std::unordered_set<uint64_t> titles;
  std::unordered_set<uint64_t> org_suffixes;
  std::unordered_set<uint64_t> locations;      // folded phrases, words joined by ' '
  std::unordered_set<uint64_t> organizations;
  size_t max_phrase_words = 1;
  std::vector<Role> roles;
  std::vector<uint64_t> dictionary;  // sorted hashes of the words as listed
  bool has_dictionary = false;

  bool InDictionary(std::string_view w) const {
    return std::binary_search(dictionary.begin(), dictionary.end(), Hash(w));
  }

  void AddWords(std::string_view data, std::unordered_set<uint64_t>* set) {
    ForEachLine(data, [&](std::string_view line) { set->insert(Hash(text::Fold(line))); });
  }

  void AddPhrases(std::string_view data, std::unordered_set<uint64_t>* set) {
    std::vector<text::Token> tokens;
    std::string key;
    ForEachLine(data, [&](std::string_view line) {
      tokens.clear();
      text::Tokenize(line, &tokens);
      key.clear();
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0) key += ' ';
        text::FoldTo(line.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), "", &key);
      }
      max_phrase_words = std::max(max_phrase_words, tokens.size());
      set->insert(Hash(key));
    });
  }
};

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

std::unique_ptr<Gazetteer> Gazetteer::Create(std::string_view dictionary_path) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  Impl& m = *g->impl_;
  m.AddWords(gazetteer_data::kFirstNames, &m.first_names);
  m.AddWords(gazetteer_data::kTitles, &m.titles);
  m.AddWords(gazetteer_data::kOrgSuffixes, &m.org_suffixes);
  m.AddPhrases(gazetteer_data::kLocations, &m.locations);
  m.AddPhrases(gazetteer_data::kOrganizations, &m.organizations);
  ForEachLine(gazetteer_data::kRoles, [&](std::string_view line) {
    const size_t sp = line.find(' ');
    const bool weak = sp != std::string_view::npos && line.substr(sp + 1) == "weak";
    m.roles.push_back({std::string(line.substr(0, sp)), weak ? RoleKind::kWeak : RoleKind::kOffice});
  });
  // Longest heads first, so "amtskollege" decides before "kollege".
  std::stable_sort(m.roles.begin(), m.roles.end(),
                   [](const Role& a, const Role& b) { return a.head.size() > b.head.size(); });
  if (!dictionary_path.empty()) {
    std::ifstream in{std::string(dictionary_path)};
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) m.dictionary.push_back(Hash(line));
    }
    std::sort(m.dictionary.begin(), m.dictionary.end());
    m.dictionary.erase(std::unique(m.dictionary.begin(), m.dictionary.end()), m.dictionary.end());
    m.has_dictionary = !m.dictionary.empty();
  }
  return g;
}

bool Gazetteer::has_dictionary() const { return impl_->has_dictionary; }

bool Gazetteer::IsFirstName(std::string_view folded) const {
  return impl_->first_names.contains(Hash(folded));
}
bool Gazetteer::IsTitle(std::string_view folded) const {
  return impl_->titles.contains(Hash(folded));
}
bool Gazetteer::IsOrganizationSuffix(std::string_view folded) const {
  return impl_->org_suffixes.contains(Hash(folded));
}

RoleKind Gazetteer::RoleOf(std::string_view word, std::string_view folded) const {
  if (!StartsUpper(word)) return RoleKind::kNone;
  for (const Role& r : impl_->roles) {
    if (folded.ends_with(r.head)) return r.kind;
  }
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

void Gazetteer::MatchPhrases(std::span<const std::string> folded, std::vector<uint8_t>* bits) const {
  bits->assign(folded.size(), 0);
  thread_local std::string key;
  for (int pass = 0; pass < 2; ++pass) {
    const auto& set = pass == 0 ? impl_->locations : impl_->organizations;
    const uint8_t begin = pass == 0 ? kPhraseLocationBegin : kPhraseOrganizationBegin;
    const uint8_t inside = pass == 0 ? kPhraseLocationInside : kPhraseOrganizationInside;
    size_t i = 0;
    while (i < folded.size()) {
      size_t matched = 0;
      const size_t longest = std::min(impl_->max_phrase_words, folded.size() - i);
      for (size_t n = longest; n >= 1 && matched == 0; --n) {
        key.clear();
        for (size_t k = 0; k < n; ++k) {
          if (k > 0) key += ' ';
          key += folded[i + k];
        }
        if (set.contains(Hash(key))) matched = n;
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

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

}  // namespace storyline::extract
