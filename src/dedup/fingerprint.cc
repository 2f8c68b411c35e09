#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

// Inlined: most hashed strings are single words, where a library call costs
// more than the hashing.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "storyline/dedup.h"
#include "storyline/text.h"

namespace storyline::dedup {
namespace {

static_assert(kBands * kRows == kMinHashSize);
static_assert(kMinHashSize == 128, "the bin of a shingle is the top 7 bits of its hash");

// Separates folded words in the scratch buffer, so "ab c" and "a bc" differ.
constexpr char kWordSeparator = '\x1f';
constexpr uint64_t kShinglePrime = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kDensifySeed = 0x5DEECE66DULL;

// MurmurHash3's finalizer: a bijection that spreads every input bit.
constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

// Per-thread buffers: fingerprinting a stream allocates only while they grow.
struct Scratch {
  std::vector<text::Token> tokens;
  std::string folded;  // folded words, each followed by kWordSeparator
  std::vector<uint64_t> word_hashes;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

void SetContentHash(const Article& article, Fingerprint* out) {
  if (!article.content_hash.empty()) {
    out->content_hash =
        NonZero(XXH3_64bits(article.content_hash.data(), article.content_hash.size()));
  }
}

// One-permutation MinHash (Li, Owen, Zhang 2012) with optimal densification
// (Shrivastava 2017): each shingle hash picks one of 128 bins by its top bits
// and competes for the bin's minimum with its low 32 bits. That costs one hash
// per shingle instead of 128, which is what makes fingerprinting cheap enough
// for the stream, and estimates Jaccard similarity as well as 128 independent
// permutations when shingles outnumber bins. Empty bins (short texts) borrow
// the value of a filled bin chosen by a probe sequence that depends only on
// the bin, so two texts borrow alike and the estimate stays unbiased.
void ComputeMinHash(const std::vector<uint64_t>& word_hashes, std::vector<uint32_t>* out) {
  out->clear();
  const size_t n = word_hashes.size();
  if (n == 0) return;
  std::array<uint32_t, kMinHashSize> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  std::array<uint64_t, kMinHashSize / 64> filled{};
  auto add = [&](uint64_t h) {
    h = Mix64(h);
    const auto bin = static_cast<uint32_t>(h >> 57);
    const auto value = static_cast<uint32_t>(h);
    mins[bin] = std::min(mins[bin], value);
    filled[bin >> 6] |= uint64_t{1} << (bin & 63);
  };
  // A text shorter than a shingle is one shingle of all its words.
  const size_t width = std::min<size_t>(n, kShingleWords);
  for (size_t i = 0; i + width <= n; ++i) {
    uint64_t h = 0;
    for (size_t j = 0; j < width; ++j) h = h * kShinglePrime + word_hashes[i + j];
    add(h);
  }
  out->resize(kMinHashSize);
  auto is_filled = [&](uint32_t bin) { return (filled[bin >> 6] >> (bin & 63)) & 1; };
  for (uint32_t bin = 0; bin < kMinHashSize; ++bin) {
    if (is_filled(bin)) {
      (*out)[bin] = mins[bin];
      continue;
    }
    for (uint64_t attempt = 1;; ++attempt) {
      const auto from = static_cast<uint32_t>(
          Mix64(kDensifySeed ^ (uint64_t{bin} << 32) ^ attempt) & (kMinHashSize - 1));
      if (is_filled(from)) {
        (*out)[bin] = mins[from];
        break;
      }
    }
  }
}

bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Builds a fingerprint from the words and numbers of a text, given in order
// with their folded forms (appended to the scratch buffer) and their hashes.
// Paragraphs are the text's lines that hold words, trimmed of spaces.
class Builder {
 public:
  Builder(std::string_view text, Scratch* s, Fingerprint* out) : text_(text), s_(*s), out_(*out) {
    s_.folded.clear();
    s_.word_hashes.clear();
    out_.content_hash = 0;
    out_.text_hash = 0;
    out_.words = 0;
    out_.paragraphs.clear();
  }

  // The word at text[begin, end), folded here and hashed.
  void FoldWord(const text::Folder& folder, uint32_t begin, uint32_t end) {
    const size_t word_begin = s_.folded.size();
    folder.To(text_.substr(begin, end - begin), &s_.folded);
    Word(begin, end, word_begin,
         XXH3_64bits(s_.folded.data() + word_begin, s_.folded.size() - word_begin));
  }

  // The word at text[begin, end) with its folded form and that form's hash.
  void FoldedWord(uint32_t begin, uint32_t end, std::string_view folded, uint64_t hash) {
    const size_t word_begin = s_.folded.size();
    s_.folded.append(folded);
    Word(begin, end, word_begin, hash);
  }

  void Finish() {
    if (para_words_ > 0) CloseParagraph(s_.folded.size());
    out_.words = static_cast<uint32_t>(s_.word_hashes.size());
    if (out_.words > 0) out_.text_hash = NonZero(XXH3_64bits(s_.folded.data(), s_.folded.size()));
    ComputeMinHash(s_.word_hashes, &out_.minhash);
  }

 private:
  // The word at text[begin, end), whose folded form was appended to the
  // buffer from offset folded_begin on.
  void Word(uint32_t begin, uint32_t end, size_t folded_begin, uint64_t hash) {
    if (para_words_ == 0) {
      OpenParagraph(begin, folded_begin);
    } else if (LineBreakBetween(last_end_, begin)) {
      CloseParagraph(folded_begin);
      OpenParagraph(begin, folded_begin);
    }
    last_end_ = end;
    s_.word_hashes.push_back(hash);
    s_.folded.push_back(kWordSeparator);
    ++para_words_;
  }

  bool LineBreakBetween(uint32_t begin, uint32_t end) const {
    return std::memchr(text_.data() + begin, '\n', end - begin) != nullptr;
  }

  void OpenParagraph(uint32_t first_word_begin, size_t folded_begin) {
    uint32_t b = first_word_begin;
    while (b > 0 && text_[b - 1] != '\n') --b;
    while (b < first_word_begin && IsLineSpace(text_[b])) ++b;
    para_begin_ = b;
    para_folded_begin_ = folded_begin;
    para_words_ = 0;
  }

  // Closes the paragraph whose folded bytes end at folded_end.
  void CloseParagraph(size_t folded_end) {
    if (para_words_ >= static_cast<uint32_t>(kMinParagraphWords)) {
      auto e = static_cast<uint32_t>(text_.size());
      if (const void* nl = std::memchr(text_.data() + last_end_, '\n', text_.size() - last_end_)) {
        e = static_cast<uint32_t>(static_cast<const char*>(nl) - text_.data());
      }
      while (e > last_end_ && IsLineSpace(text_[e - 1])) --e;
      const uint64_t h =
          XXH3_64bits(s_.folded.data() + para_folded_begin_, folded_end - para_folded_begin_);
      out_.paragraphs.push_back({NonZero(h), para_begin_, e, para_words_});
    }
    para_words_ = 0;
  }

  std::string_view text_;
  Scratch& s_;
  Fingerprint& out_;
  size_t para_folded_begin_ = 0;
  uint32_t para_begin_ = 0;
  uint32_t last_end_ = 0;
  uint32_t para_words_ = 0;
};

}  // namespace

void ComputeFingerprint(std::string_view text, std::string_view lang, Fingerprint* out) {
  Scratch& s = ThreadScratch();
  s.tokens.clear();
  text::Tokenize(text, &s.tokens);
  Builder b(text, &s, out);
  const text::Folder folder(lang);
  for (const text::Token& t : s.tokens) {
    if (t.kind != text::TokenKind::kPunct) b.FoldWord(folder, t.begin, t.end);
  }
  b.Finish();
}

void ComputeFingerprint(const Article& article, const std::vector<text::Term>& terms,
                        Fingerprint* out) {
  Scratch& s = ThreadScratch();
  Builder b(article.text, &s, out);
  const text::Folder folder(article.language);
  for (const text::Term& t : terms) {
    if (t.kind == text::TokenKind::kNumber) {
      // Numbers count as written ("1.000" and "1000" differ), where the
      // analyzer gives their value.
      b.FoldWord(folder, t.span.begin, t.span.end);
    } else {
      b.FoldedWord(t.span.begin, t.span.end, t.folded, t.hash);
    }
  }
  b.Finish();
  SetContentHash(article, out);
}

Fingerprint ComputeFingerprint(std::string_view text, std::string_view lang) {
  Fingerprint fp;
  ComputeFingerprint(text, lang, &fp);
  return fp;
}

Fingerprint ComputeFingerprint(const Article& article) {
  Fingerprint fp;
  ComputeFingerprint(article.text, article.language, &fp);
  SetContentHash(article, &fp);
  return fp;
}

double EstimateOverlap(const Fingerprint& a, const Fingerprint& b) {
  if (a.minhash.size() != kMinHashSize || b.minhash.size() != kMinHashSize) return 0;
  int equal = 0;
  for (int i = 0; i < kMinHashSize; ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / kMinHashSize;
}

SharedParagraphsResult SharedParagraphs(const Fingerprint& a, const Fingerprint& b) {
  SharedParagraphsResult result;
  if (a.paragraphs.empty() || b.paragraphs.empty()) return result;
  std::vector<std::pair<uint64_t, uint32_t>> by_hash;  // (hash, index in b)
  by_hash.reserve(b.paragraphs.size());
  for (uint32_t j = 0; j < b.paragraphs.size(); ++j) by_hash.emplace_back(b.paragraphs[j].hash, j);
  std::sort(by_hash.begin(), by_hash.end());
  std::vector<bool> used(by_hash.size(), false);
  for (uint32_t i = 0; i < a.paragraphs.size(); ++i) {
    const uint64_t h = a.paragraphs[i].hash;
    auto it = std::lower_bound(by_hash.begin(), by_hash.end(), std::make_pair(h, uint32_t{0}));
    for (; it != by_hash.end() && it->first == h; ++it) {
      const auto k = static_cast<size_t>(it - by_hash.begin());
      if (used[k]) continue;
      used[k] = true;
      result.pairs.emplace_back(i, it->second);
      break;
    }
  }
  result.count = static_cast<int>(result.pairs.size());
  return result;
}

}  // namespace storyline::dedup
