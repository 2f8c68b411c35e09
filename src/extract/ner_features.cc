#include "ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>

#include "storyline/text.h"

namespace storyline::extract {
namespace {

// Feature templates; the template id seeds the hash of the value.
enum class Template : uint32_t {
  kBias = 1, kWord, kFolded, kSuffix, kPrefix, kShape, kCase, kPrev, kNext, kPrev2, kNext2,
  kPrevShape, kNextShape, kPrevBigram, kNextBigram, kWordBits, kPrevBits, kNextBits,
  kHyphenFirst, kHyphenLast, kPrevShapeCur, kCaseDict, kPrevCase, kNextCase, kLastHyphenSuffix,
  kPrevSuffix, kNextSuffix, kPrevDict, kNextDict,
};

// Word-level gazetteer bits (beyond the phrase bits of Gazetteer::MatchPhrases).
constexpr uint8_t kBitFirstName = 1;
constexpr uint8_t kBitTitle = 2;
constexpr uint8_t kBitOrgSuffix = 4;
constexpr uint8_t kBitRole = 8;
constexpr uint8_t kBitWeakRole = 16;

uint32_t H(Template t, std::string_view v, uint64_t sub = 0) {
  const uint64_t seed = (static_cast<uint64_t>(t) << 8) | sub;
  const uint64_t h = XXH3_64bits_withSeed(v.data(), v.size(), seed);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

uint32_t H2(Template t, std::string_view a, std::string_view b) {
  const uint64_t h1 = XXH3_64bits_withSeed(a.data(), a.size(), static_cast<uint64_t>(t) << 8);
  const uint64_t h = XXH3_64bits_withSeed(b.data(), b.size(), h1);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// Word shape: upper → X, lower → x, digit → d, other characters kept (ASCII)
// or 'o'; runs of one class collapse to one ("Außenminister" → "Xx",
// "US-Außenminister" → "X-Xx", "2017" → "d").
void ShapeTo(std::string_view w, std::string* out) {
  out->clear();
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const auto n = static_cast<int32_t>(w.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    char k = 'o';
    if (c < 0) k = 'o';
    else if (u_isupper(c)) k = 'X';
    else if (u_islower(c)) k = 'x';
    else if (u_isdigit(c)) k = 'd';
    else if (c < 0x80) k = static_cast<char>(c);
    if (out->empty() || out->back() != k) out->push_back(k);
  }
}

// Case classes.
constexpr uint8_t kCaseLower = 0, kCaseCap = 1, kCaseCapInitial = 2, kCaseUpper = 3,
                  kCaseDigit = 4, kCasePunct = 5, kCaseMixed = 6;

uint8_t CaseClass(std::string_view shape, bool initial) {
  if (shape.empty()) return kCasePunct;
  const char f = shape.front();
  if (f == 'X') {
    if (shape == "X") return kCaseUpper;
    return initial ? kCaseCapInitial : kCaseCap;
  }
  if (f == 'x') return shape.find('X') == std::string_view::npos ? kCaseLower : kCaseMixed;
  if (f == 'd') return kCaseDigit;
  return kCasePunct;
}

bool OpensSentence(std::string_view token) {
  return token == "\"" || token == ":" || token == "(" || token == "„" || token == "“" ||
         token == "«" || token == "»" || token == "-" || token == "–";
}

constexpr std::string_view kCaseNames[] = {"l", "C", "I", "U", "d", "p", "m"};
constexpr std::string_view kDictNames[] = {"-", "n", "e", "L", "b"};

}  // namespace

void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     std::string_view lang, SentenceFeatures* out) {
  const size_t n = tokens.size();
  if (out->folded.size() < n) out->folded.resize(n);
  if (out->shapes.size() < n) out->shapes.resize(n);
  out->word_bits.assign(n, 0);
  out->dict.assign(n, 0);
  out->case_class.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string& f = out->folded[i];
    f.clear();
    text::FoldTo(tokens[i], lang, &f);
    ShapeTo(tokens[i], &out->shapes[i]);
    const bool initial = i == 0 || OpensSentence(tokens[i - 1]);
    out->case_class[i] = CaseClass(out->shapes[i], initial);
    uint8_t bits = 0;
    if (gazetteer.IsFirstName(f)) bits |= kBitFirstName;
    if (gazetteer.IsTitle(f)) bits |= kBitTitle;
    if (gazetteer.IsOrganizationSuffix(f)) bits |= kBitOrgSuffix;
    const RoleKind role = gazetteer.RoleOf(tokens[i], f);
    if (role == RoleKind::kOffice) bits |= kBitRole;
    if (role == RoleKind::kWeak) bits |= kBitWeakRole;
    out->word_bits[i] = bits;
    out->dict[i] = static_cast<uint8_t>(gazetteer.DictionaryClassOf(tokens[i]));
  }
  gazetteer.MatchPhrases(std::span<const std::string>(out->folded.data(), n), &out->phrase_bits);

  static const std::string kStart = "<s>";
  static const std::string kEnd = "</s>";
  auto folded_at = [&](size_t i, int d) -> std::string_view {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0) return kStart;
    if (j >= static_cast<int64_t>(n)) return kEnd;
    return out->folded[static_cast<size_t>(j)];
  };
  auto shape_at = [&](size_t i, int d) -> std::string_view {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0) return kStart;
    if (j >= static_cast<int64_t>(n)) return kEnd;
    return out->shapes[static_cast<size_t>(j)];
  };
  auto bits_at = [&](size_t i, int d) -> uint32_t {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0 || j >= static_cast<int64_t>(n)) return 0;
    const auto k = static_cast<size_t>(j);
    return out->word_bits[k] | (static_cast<uint32_t>(out->phrase_bits[k]) << 8);
  };
  auto case_at = [&](size_t i, int d) -> std::string_view {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0 || j >= static_cast<int64_t>(n)) return "#";
    return kCaseNames[out->case_class[static_cast<size_t>(j)]];
  };

  out->hashes.clear();
  out->offsets.assign(1, 0);
  auto& h = out->hashes;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = tokens[i];
    const std::string_view f = out->folded[i];
    const std::string_view shape = out->shapes[i];
    h.push_back(H(Template::kBias, ""));
    h.push_back(H(Template::kWord, w));
    h.push_back(H(Template::kFolded, f));
    for (size_t k = 1; k <= 4 && k < f.size(); ++k) {
      h.push_back(H(Template::kSuffix, f.substr(f.size() - k), k));
      h.push_back(H(Template::kPrefix, f.substr(0, k), k));
    }
    h.push_back(H(Template::kShape, shape));
    const std::string_view case_name = kCaseNames[out->case_class[i]];
    const std::string_view dict_name = kDictNames[out->dict[i]];
    h.push_back(H(Template::kCase, case_name));
    h.push_back(H2(Template::kCaseDict, case_name, dict_name));
    h.push_back(H(Template::kPrev, folded_at(i, -1)));
    h.push_back(H(Template::kNext, folded_at(i, 1)));
    h.push_back(H(Template::kPrev2, folded_at(i, -2)));
    h.push_back(H(Template::kNext2, folded_at(i, 2)));
    h.push_back(H(Template::kPrevShape, shape_at(i, -1)));
    h.push_back(H(Template::kNextShape, shape_at(i, 1)));
    h.push_back(H2(Template::kPrevCase, case_at(i, -1), case_name));
    h.push_back(H2(Template::kNextCase, case_name, case_at(i, 1)));
    h.push_back(H2(Template::kPrevBigram, folded_at(i, -1), f));
    h.push_back(H2(Template::kNextBigram, f, folded_at(i, 1)));
    h.push_back(H2(Template::kPrevShapeCur, folded_at(i, -1), shape));
    const uint32_t bits[3] = {bits_at(i, 0), bits_at(i, -1), bits_at(i, 1)};
    const Template bit_templates[3] = {Template::kWordBits, Template::kPrevBits, Template::kNextBits};
    for (int t = 0; t < 3; ++t) {
      for (uint32_t b = 0; b < 16; ++b) {
        if (bits[t] & (1u << b)) h.push_back(H2(bit_templates[t], case_name, std::string_view()) + b);
      }
    }
    if (i > 0 && out->folded[i - 1].size() > 3) {
      const std::string& p = out->folded[i - 1];
      h.push_back(H(Template::kPrevSuffix, std::string_view(p).substr(p.size() - 3)));
    }
    if (i + 1 < n && out->folded[i + 1].size() > 3) {
      const std::string& x = out->folded[i + 1];
      h.push_back(H(Template::kNextSuffix, std::string_view(x).substr(x.size() - 3)));
    }
    h.push_back(H2(Template::kPrevDict, case_at(i, -1), i > 0 ? kDictNames[out->dict[i - 1]] : "#"));
    h.push_back(H2(Template::kNextDict, case_at(i, 1), i + 1 < n ? kDictNames[out->dict[i + 1]] : "#"));
    const size_t first_hyphen = f.find('-');
    if (first_hyphen != std::string_view::npos && first_hyphen > 0 && first_hyphen + 1 < f.size()) {
      const size_t last_hyphen = f.rfind('-');
      h.push_back(H(Template::kHyphenFirst, f.substr(0, first_hyphen)));
      const std::string_view last = f.substr(last_hyphen + 1);
      h.push_back(H(Template::kHyphenLast, last));
      if (last.size() > 3) h.push_back(H(Template::kLastHyphenSuffix, last.substr(last.size() - 3)));
    }
    out->offsets.push_back(static_cast<uint32_t>(h.size()));
  }
}

}  // namespace storyline::extract
