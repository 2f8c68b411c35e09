#include "ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <tuple>

#include "fnv.h"
#include "storyline/text.h"

namespace storyline::extract {
namespace {

// Feature templates; the template id seeds the hash of the value.
enum class Template : uint32_t {
  kBias = 1, kWord, kFolded, kSuffix, kPrefix, kShape, kCase, kPrev, kNext, kPrev2, kNext2,
  kPrevShape, kNextShape, kPrevBigram, kNextBigram, kWordBits, kPrevBits, kNextBits,
  kHyphenFirst, kHyphenLast, kPrevShapeCur, kCaseDict, kPrevCase, kNextCase, kLastHyphenSuffix,
  kPrevSuffix, kNextSuffix, kPrevDict, kNextDict, kCluster, kPrevCluster, kNextCluster,
  kClusterCase, kCompoundHead, kNameKind,
};

// Word-level gazetteer bits (beyond the phrase bits of Gazetteer::MatchPhrases).
constexpr uint8_t kBitFirstName = 1;
constexpr uint8_t kBitTitle = 2;
constexpr uint8_t kBitOrgSuffix = 4;
constexpr uint8_t kBitRole = 8;
constexpr uint8_t kBitWeakRole = 16;
constexpr uint8_t kBitLastName = 32;

// Feature keys: 64-bit values (string hashes, small codes) are combined with
// the template id by a multiply-xorshift finalizer and folded to 32 bits.
// Strings are hashed once per token; every feature of the token and of its
// neighbours combines those hashes instead of hashing strings again.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

inline uint32_t Key(Template t, uint64_t a, uint64_t b = 0) {
  const uint64_t h = Mix(Mix(a + 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(t)) ^ b);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

inline uint64_t HashString(std::string_view v) { return XXH3_64bits(v.data(), v.size()); }

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

// DictionaryClass values, and one more: unknown, but a compound of a
// dictionary noun (Gazetteer::DictionaryNounHead).
constexpr uint8_t kDictCompound = 5;
static_assert(static_cast<uint8_t>(DictionaryClass::kBoth) < kDictCompound);

bool OpensSentence(std::string_view token) {
  return token == "\"" || token == ":" || token == "(" || token == "„" || token == "“" ||
         token == "«" || token == "»" || token == "-" || token == "–";
}


// Fills *info for `token`, whose hash `word_hash` is known.
// `folded`, when not null, is the token already folded.
void ComputeWordInfo(std::string_view token, uint64_t word_hash, const std::string* folded,
                     const Gazetteer& gazetteer, const WordClusters& clusters,
                     const text::Folder& folder, std::string* shape, WordInfo* info) {
  info->token.assign(token);
  info->word_hash = word_hash;
  if (folded != nullptr) {
    info->folded.assign(*folded);
  } else {
    info->folded.clear();
    folder.To(token, &info->folded);
  }
  const std::string& f = info->folded;
  ShapeTo(token, shape);
  info->folded_hash = HashString(f);
  info->shape_hash = HashString(*shape);
  info->case_initial = CaseClass(*shape, true);
  info->case_inner = CaseClass(*shape, false);
  uint8_t bits = 0;
  const WordFlags flags = gazetteer.FlagsOf(f);
  if (flags.first_name) bits |= kBitFirstName;
  if (flags.title) bits |= kBitTitle;
  if (flags.org_suffix) bits |= kBitOrgSuffix;
  if (flags.last_name) bits |= kBitLastName;
  const RoleKind role = gazetteer.RoleOf(token, f);
  if (role == RoleKind::kOffice) bits |= kBitRole;
  if (role == RoleKind::kWeak) bits |= kBitWeakRole;
  info->word_bits = bits;
  info->dict = static_cast<uint8_t>(gazetteer.DictionaryClassOf(token));
  // A capitalized word the dictionary lacks is a name or a compound noun;
  // the compounds get a class of their own, and their head a feature.
  info->head_hash = 0;
  if (info->dict == static_cast<uint8_t>(DictionaryClass::kUnknown) && info->case_inner == kCaseCap) {
    const size_t head = gazetteer.DictionaryNounHead(token);
    if (head > 0) {
      info->dict = kDictCompound;
      thread_local std::string folded_head;
      folded_head.clear();
      folder.To(token.substr(head), &folded_head);
      info->head_hash = HashString(folded_head);
    }
  }
  info->phrase_start = gazetteer.PhraseStartOf(token, f);
  // What a capitalized word looks like by its ending (a place, a person's
  // name, a noun): most names of the text are in no list, but many end as
  // the listed ones do.
  info->name_kind = info->case_inner == kCaseCap ? gazetteer.NameKindCodeOf(token) : 0;
  info->clusters.fill(WordClusters::kNone);
  if (clusters.levels() > 0) {
    clusters.ClassesOf(token, info->clusters.data());
    // A genitive the text did not show ("Tiganjs") takes the classes of the
    // name it is formed from ("Tiganj"): a proper noun's genitive adds -s.
    if (info->clusters[0] == WordClusters::kNone && token.size() > 3 && token.back() == 's' &&
        info->case_inner == kCaseCap) {
      clusters.ClassesOf(token.substr(0, token.size() - 1), info->clusters.data());
    }
  }
  info->has_emit = {false, false, false, false};
  info->valid = true;
}

}  // namespace

void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     const WordClusters& clusters, std::string_view lang, SentenceFeatures* out,
                     WordInfoCache* cache) {
  const size_t n = tokens.size();
  const size_t levels = clusters.levels();
  assert(levels <= std::tuple_size_v<decltype(WordInfo::clusters)>);
  const text::Folder folder(lang);
  out->clusters.assign((n + 2) * levels, WordClusters::kNone);
  if (out->folded.size() < n) out->folded.resize(n);
  out->word_bits.assign(n, 0);
  out->dict.assign(n, 0);
  out->name_kind.assign(n, 0);
  out->head_hash.assign(n, 0);
  out->phrase_start.assign(n, 0);
  out->case_class.assign(n, 0);
  out->word_hash.assign(n, 0);
  out->infos.assign(n, nullptr);
  out->initial.assign(n, false);
  // Per-token hashes, with two sentinel positions on each side: index i + 2
  // is token i.
  out->folded_hash.assign(n + 4, 0);
  out->shape_hash.assign(n + 4, 0);
  for (int k = 0; k < 2; ++k) {
    out->folded_hash[k] = out->shape_hash[k] = 0x5354415254ULL;               // <s>
    out->folded_hash[n + 2 + k] = out->shape_hash[n + 2 + k] = 0x454e44ULL;  // </s>
  }
  // The cache is larger than the CPU's caches: fetch every token's entry
  // (its first two lines: the check and the strings) before reading any.
  for (size_t i = 0; i < n; ++i) {
    out->word_hash[i] = HashString(tokens[i]);
    if (cache != nullptr) {
      const char* entry = reinterpret_cast<const char*>(&cache->Slot(out->word_hash[i]));
      __builtin_prefetch(entry);
      __builtin_prefetch(entry + 64);
    }
  }
  // And for the words not cached, what the dictionary and word-class lookups
  // will read: each waits for memory, and so the waits overlap.
  // Such a word is folded here already, for the lookups by its folded form.
  out->prefolded.assign(n, 0);
  if (cache != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      const WordInfo& info = cache->Slot(out->word_hash[i]);
      if (!info.valid || info.word_hash != out->word_hash[i] || info.token != tokens[i]) {
        std::string& f = out->folded[i];
        f.clear();
        folder.To(tokens[i], &f);
        out->prefolded[i] = 1;
        gazetteer.PrefetchWordLookups(tokens[i], f);
        if (levels > 0) clusters.PrefetchClassesOf(tokens[i]);
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const uint64_t word_hash = out->word_hash[i];
    WordInfo* info = &out->info;
    if (cache != nullptr) {
      info = &cache->Slot(word_hash);
      if (!info->valid || info->word_hash != word_hash || info->token != tokens[i]) {
        ComputeWordInfo(tokens[i], word_hash, out->prefolded[i] ? &out->folded[i] : nullptr,
                        gazetteer, clusters, folder, &out->shape, info);
      }
    } else {
      ComputeWordInfo(tokens[i], word_hash, nullptr, gazetteer, clusters, folder, &out->shape, info);
    }
    out->infos[i] = cache != nullptr ? info : nullptr;
    // A word folded before the lookups holds its folded form already.
    if (!out->prefolded[i]) out->folded[i] = info->folded;
    out->folded_hash[i + 2] = info->folded_hash;
    out->shape_hash[i + 2] = info->shape_hash;
    const bool initial = i == 0 || OpensSentence(tokens[i - 1]);
    out->initial[i] = initial;
    out->case_class[i] = initial ? info->case_initial : info->case_inner;
    out->word_bits[i] = info->word_bits;
    out->dict[i] = info->dict;
    out->name_kind[i] = info->name_kind;
    out->head_hash[i] = info->head_hash;
    out->phrase_start[i] = info->phrase_start;
    std::copy_n(info->clusters.data(), levels, out->clusters.data() + (i + 1) * levels);
  }
  gazetteer.MatchPhrases(std::span<const std::string>(out->folded.data(), n), out->phrase_start,
                         &out->phrase_bits);

  constexpr uint64_t kNone = 0x23;  // '#': outside the sentence
  auto bits_at = [&](size_t i, int d) -> uint32_t {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0 || j >= static_cast<int64_t>(n)) return 0;
    const auto k = static_cast<size_t>(j);
    return out->word_bits[k] | (static_cast<uint32_t>(out->phrase_bits[k]) << 8);
  };
  auto case_at = [&](size_t i, int d) -> uint64_t {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0 || j >= static_cast<int64_t>(n)) return kNone;
    return out->case_class[static_cast<size_t>(j)];
  };
  auto dict_at = [&](size_t i, int d) -> uint64_t {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0 || j >= static_cast<int64_t>(n)) return kNone;
    return out->dict[static_cast<size_t>(j)];
  };
  // Hashes of the last three bytes of a folded word longer than three bytes.
  auto suffix3 = [](std::string_view w) {
    uint64_t h = kFnvSeed;
    for (size_t k = w.size() - 3; k < w.size(); ++k) h = FnvStep(h, static_cast<unsigned char>(w[k]));
    return h;
  };

  out->hashes.clear();
  out->offsets.assign(1, 0);
  out->group_end.clear();
  out->known.assign(n * kGroups, 0);
  out->known_emit.resize(n * kGroups);
  // A later word of the sentence may have taken over a word's cache entry
  // (the entry was right for the word when it was looked up, so its hash
  // tells).
  for (size_t i = 0; i < n; ++i) {
    const WordInfo* info = out->infos[i];
    if (info != nullptr && info->word_hash != out->word_hash[i]) out->infos[i] = nullptr;
  }
  // Features are written through a pointer into room made for each token
  // (push_back was not inlined: a call per feature). A token has at most
  // 15 + 2 * 8 + 3 own features, 11 per neighbour group and 57 others.
  constexpr size_t kMaxPerToken = 128;
  struct Writer {
    std::vector<uint32_t>* v;
    uint32_t* p;
    void push_back(uint32_t k) { *p++ = k; }
    size_t size() const { return static_cast<size_t>(p - v->data()); }
    void Reserve(size_t more) {
      const size_t at = size();
      v->resize(at + more);
      p = v->data() + at;
    }
  } h{&out->hashes, out->hashes.data()};
  const uint64_t* fh = out->folded_hash.data() + 2;  // fh[i + d], d in [-2, 2]
  const uint64_t* sh = out->shape_hash.data() + 2;
  // Starts group g of token i: true when the cache already holds its summed
  // weights (pointed at by known_emit), so that its features are left out.
  auto known = [&](size_t i, size_t g, const WordInfo* info, size_t slot) {
    if (info == nullptr || !info->has_emit[slot]) return false;
    out->known[i * kGroups + g] = 1;
    const float* sum = info->emit[slot].data();
    out->known_emit[i * kGroups + g] = sum;
    // The tagger reads the sum soon; it spans up to three cache lines.
    __builtin_prefetch(sum);
    __builtin_prefetch(sum + 16);
    __builtin_prefetch(sum + kNumTags - 1);
    return true;
  };
  for (size_t i = 0; i < n; ++i) {
    h.Reserve(kMaxPerToken);
    const std::string_view f = out->folded[i];
    const auto ii = static_cast<ptrdiff_t>(i);
    const uint64_t case_class = out->case_class[i];
    // Group 0, the word's own features (given whether it opens the sentence).
    if (!known(i, 0, out->infos[i], out->initial[i] ? 1 : 0)) {
      h.push_back(Key(Template::kBias, 0));
      h.push_back(Key(Template::kWord, out->word_hash[i]));
      h.push_back(Key(Template::kFolded, fh[ii]));
      uint64_t pre = kFnvSeed, suf = pre;
      for (size_t k = 1; k <= 4 && k < f.size(); ++k) {
        pre = FnvStep(pre, static_cast<unsigned char>(f[k - 1]));
        suf = FnvStep(suf, static_cast<unsigned char>(f[f.size() - k]));
        h.push_back(Key(Template::kSuffix, suf, k));
        h.push_back(Key(Template::kPrefix, pre, k));
      }
      h.push_back(Key(Template::kShape, sh[ii]));
      h.push_back(Key(Template::kCase, case_class));
      h.push_back(Key(Template::kCaseDict, case_class, out->dict[i]));
      for (size_t l = 0; l < levels; ++l) {
        const uint16_t c = out->clusters[(i + 1) * levels + l];
        if (c != WordClusters::kNone) {
          h.push_back(Key(Template::kCluster, l << 16 | c));
          h.push_back(Key(Template::kClusterCase, l << 16 | c, case_class));
        }
      }
      if (out->head_hash[i] != 0) h.push_back(Key(Template::kCompoundHead, out->head_hash[i]));
      if (out->name_kind[i] != 0) h.push_back(Key(Template::kNameKind, out->name_kind[i], case_class));
      const size_t first_hyphen = f.find('-');
      if (first_hyphen != std::string_view::npos && first_hyphen > 0 && first_hyphen + 1 < f.size()) {
        const size_t last_hyphen = f.rfind('-');
        h.push_back(Key(Template::kHyphenFirst, HashString(f.substr(0, first_hyphen))));
        const std::string_view last = f.substr(last_hyphen + 1);
        h.push_back(Key(Template::kHyphenLast, HashString(last)));
        if (last.size() > 3) h.push_back(Key(Template::kLastHyphenSuffix, suffix3(last)));
      }
    }
    out->group_end.push_back(static_cast<uint32_t>(h.size()));
    // Group 1, the word before as a left neighbour.
    if (!known(i, 1, i > 0 ? out->infos[i - 1] : nullptr, 2)) {
      h.push_back(Key(Template::kPrev, fh[ii - 1]));
      h.push_back(Key(Template::kPrevShape, sh[ii - 1]));
      if (i > 0 && out->folded[i - 1].size() > 3) {
        h.push_back(Key(Template::kPrevSuffix, suffix3(out->folded[i - 1])));
      }
      for (size_t l = 0; l < levels; ++l) {
        const uint16_t c = out->clusters[i * levels + l];
        if (c != WordClusters::kNone) h.push_back(Key(Template::kPrevCluster, l << 16 | c));
      }
    }
    out->group_end.push_back(static_cast<uint32_t>(h.size()));
    // Group 2, the word after as a right neighbour.
    if (!known(i, 2, i + 1 < n ? out->infos[i + 1] : nullptr, 3)) {
      h.push_back(Key(Template::kNext, fh[ii + 1]));
      h.push_back(Key(Template::kNextShape, sh[ii + 1]));
      if (i + 1 < n && out->folded[i + 1].size() > 3) {
        h.push_back(Key(Template::kNextSuffix, suffix3(out->folded[i + 1])));
      }
      for (size_t l = 0; l < levels; ++l) {
        const uint16_t c = out->clusters[(i + 2) * levels + l];
        if (c != WordClusters::kNone) h.push_back(Key(Template::kNextCluster, l << 16 | c));
      }
    }
    out->group_end.push_back(static_cast<uint32_t>(h.size()));
    // The rest looks at more than one word.
    h.push_back(Key(Template::kPrev2, fh[ii - 2]));
    h.push_back(Key(Template::kNext2, fh[ii + 2]));
    h.push_back(Key(Template::kPrevCase, case_at(i, -1), case_class));
    h.push_back(Key(Template::kNextCase, case_class, case_at(i, 1)));
    h.push_back(Key(Template::kPrevBigram, fh[ii - 1], fh[ii]));
    h.push_back(Key(Template::kNextBigram, fh[ii], fh[ii + 1]));
    h.push_back(Key(Template::kPrevShapeCur, fh[ii - 1], sh[ii]));
    const uint32_t bits[3] = {bits_at(i, 0), bits_at(i, -1), bits_at(i, 1)};
    const Template bit_templates[3] = {Template::kWordBits, Template::kPrevBits, Template::kNextBits};
    for (int t = 0; t < 3; ++t) {
      // The set bits, lowest first.
      for (uint32_t rest = bits[t]; rest != 0; rest &= rest - 1) {
        const auto b = static_cast<uint32_t>(std::countr_zero(rest));
        h.push_back(Key(bit_templates[t], case_class, b));
      }
    }
    h.push_back(Key(Template::kPrevDict, case_at(i, -1), dict_at(i, -1)));
    h.push_back(Key(Template::kNextDict, case_at(i, 1), dict_at(i, 1)));
    out->offsets.push_back(static_cast<uint32_t>(h.size()));
  }
  out->hashes.resize(h.size());
}

}  // namespace storyline::extract
