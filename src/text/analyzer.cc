// Analyzer: tokens → terms. Each distinct folded form is interned once with
// its stem and stop-word flag, so the steady state of Analyze allocates
// nothing per token and runs Snowball once per new word.
#include <libstemmer.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "storyline/text.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

// The hash of a folded form, also handed out with each term (see Term::hash).
// Inlined: most forms are a few bytes, where a library call costs more than
// the hashing.
uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// Append-only storage for interned strings: blocks never move, so pointers
// into them stay valid until Reset.
class Arena {
 public:
  const char* Copy(std::string_view s) {
    if (blocks_.empty() || used_ + s.size() > block_size_) {
      block_size_ = std::max(kBlockSize, s.size());
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      used_ = 0;
    }
    char* dst = blocks_.back().get() + used_;
    if (!s.empty()) std::memcpy(dst, s.data(), s.size());
    used_ += s.size();
    bytes_ += s.size();
    return dst;
  }

  size_t bytes() const { return bytes_; }

  void Reset() {
    blocks_.clear();
    used_ = 0;
    block_size_ = 0;
    bytes_ = 0;
  }

 private:
  static constexpr size_t kBlockSize = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;
  size_t block_size_ = 0;
  size_t bytes_ = 0;
};

// Snowball knows some languages under other codes.
std::string SnowballName(std::string_view lang) {
  if (lang == "nb" || lang == "nn") return "no";
  return std::string(lang);
}

// The canonical form of a number: shortest round-trip decimal, no exponent.
std::string_view FormatNumber(double v, char* buf, size_t size) {
  if (v == 0) v = 0;  // "-0" → "0"
  const auto [ptr, ec] = std::to_chars(buf, buf + size, v, std::chars_format::fixed);
  if (ec != std::errc()) return {};
  return {buf, static_cast<size_t>(ptr - buf)};
}

}  // namespace

// The cache maps each folded form to its stem and stop flag. Strings live in
// an arena of fixed blocks (views into it survive later inserts), entries are
// small and dense in insertion order, and the index is open addressing over 8-byte slots (32
// bits of hash, 32 bits of entry number): most of a corpus' vocabulary is
// rare words, so the cost of a lookup is its cache misses, and Analyze hides
// them by prefetching the slots of all terms before it probes any.
struct Analyzer::Impl {
  // Beyond this many forms the cache starts over at the next call.
  static constexpr size_t kMaxEntries = 1 << 19;
  static constexpr size_t kMaxStringBytes = size_t{64} << 20;
  static constexpr size_t kInitialSlots = 1 << 14;

  struct Entry {
    const char* folded = nullptr;
    const char* stem = nullptr;
    uint16_t folded_len = 0;
    uint16_t stem_len = 0;
    bool stop = false;
  };
  struct Pending {
    uint32_t off = 0;  // in folded_buf
    uint32_t len = 0;
    uint64_t hash = 0;
    uint32_t guess = 0;  // Guess(hash)
  };

  std::string lang;
  internal::FoldOptions fold_options;
  sb_stemmer* stemmer = nullptr;

  Arena strings;
  std::vector<Entry> entries;
  std::vector<uint64_t> entry_hashes;  // for rehashing
  std::vector<uint64_t> slots;
  size_t mask = 0;

  // Per call.
  std::vector<Token> tokens;
  std::vector<Term> terms;
  std::string folded_buf;
  std::vector<Pending> pending;

  Impl() { Clear(); }
  ~Impl() { sb_stemmer_delete(stemmer); }

  void Clear() {
    strings.Reset();
    entries.clear();
    entry_hashes.clear();
    slots.assign(kInitialSlots, 0);
    mask = kInitialSlots - 1;
  }

  void MaybeTrim() {
    if (entries.size() >= kMaxEntries || strings.bytes() >= kMaxStringBytes) Clear();
  }

  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1; }

  static std::string_view View(const char* p, uint16_t len) { return {p, len}; }

  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots[hash & mask]); }

  static constexpr uint32_t kNoGuess = 0xFFFFFFFF;

  // The entry whose slot carries the tag of `hash` (most likely the form
  // with this hash; to be confirmed), with the entry prefetched; kNoGuess
  // when no slot does.
  uint32_t Guess(uint64_t hash) const {
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots[i];
      if (slot == 0) return kNoGuess;
      if (static_cast<uint32_t>(slot >> 32) == tag) {
        __builtin_prefetch(&entries[static_cast<uint32_t>(slot)]);
        return static_cast<uint32_t>(slot);
      }
    }
  }

  bool Matches(uint32_t index, std::string_view folded) const {
    const Entry& e = entries[index];
    return e.folded_len == folded.size() &&
           std::memcmp(e.folded, folded.data(), folded.size()) == 0;
  }

  // The entry number of `folded`, inserted when new. Numbers are their own stem.
  uint32_t FindOrInsert(std::string_view folded, uint64_t hash, bool is_number) {
    const uint32_t tag = Tag(hash);
    size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
      const uint64_t slot = slots[i];
      if (slot == 0) break;
      if (static_cast<uint32_t>(slot >> 32) == tag) {
        const uint32_t index = static_cast<uint32_t>(slot);
        const Entry& e = entries[index];
        if (e.folded_len == folded.size() &&
            std::memcmp(e.folded, folded.data(), folded.size()) == 0) {
          return index;
        }
      }
    }
    return Insert(folded, hash, is_number);
  }

  uint32_t Insert(std::string_view folded, uint64_t hash, bool is_number) {
    // A folded word longer than 64 KiB is not a word; keep its head.
    if (folded.size() > 0xFFFF) folded = folded.substr(0, 0xFFFF);
    Entry e;
    e.folded = strings.Copy(folded);
    e.folded_len = static_cast<uint16_t>(folded.size());
    e.stem = e.folded;
    e.stem_len = e.folded_len;
    if (!is_number) {
      e.stop = IsStopWord(folded, lang);
      if (stemmer != nullptr && !folded.empty()) {
        const sb_symbol* s = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                                             static_cast<int>(folded.size()));
        if (s != nullptr) {
          const std::string_view stem(reinterpret_cast<const char*>(s),
                                      static_cast<size_t>(sb_stemmer_length(stemmer)));
          if (stem != folded && stem.size() <= 0xFFFF) {
            e.stem = strings.Copy(stem);
            e.stem_len = static_cast<uint16_t>(stem.size());
          }
        }
      }
    }
    const auto index = static_cast<uint32_t>(entries.size());
    entries.push_back(e);
    entry_hashes.push_back(hash);
    if (entries.size() * 2 > slots.size()) {
      Rehash(slots.size() * 2);
    } else {
      Place(hash, index);
    }
    return index;
  }

  void Place(uint64_t hash, uint32_t index) {
    size_t i = hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = (static_cast<uint64_t>(Tag(hash)) << 32) | index;
  }

  void Rehash(size_t size) {
    slots.assign(size, 0);
    mask = size - 1;
    for (uint32_t i = 0; i < entries.size(); ++i) Place(entry_hashes[i], i);
  }
};

Analyzer::Analyzer(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  impl_->lang = std::string(lang);
  impl_->fold_options = internal::FoldOptionsFor(lang);
  if (!lang.empty()) impl_->stemmer = sb_stemmer_new(SnowballName(lang).c_str(), "UTF_8");
}

Analyzer::~Analyzer() = default;

const std::string& Analyzer::language() const { return impl_->lang; }

std::string_view Analyzer::Stem(std::string_view folded) {
  // No trimming here: the terms of the last Analyze call stay valid.
  Impl& m = *impl_;
  const Impl::Entry& e = m.entries[m.FindOrInsert(folded, HashBytes(folded), false)];
  return Impl::View(e.stem, e.stem_len);
}

const std::vector<Term>& Analyzer::Analyze(std::string_view text) {
  Impl& m = *impl_;
  m.MaybeTrim();
  m.tokens.clear();
  m.terms.clear();
  m.pending.clear();
  m.folded_buf.clear();
  Tokenize(text, &m.tokens);

  // Pass 1: fold every word, canonicalize every number, prefetch its slot.
  char number_buf[400];
  for (const Token& tok : m.tokens) {
    if (tok.kind == TokenKind::kPunct) continue;
    const std::string_view s = text.substr(tok.begin, tok.end - tok.begin);
    Term t;
    t.span = Span{tok.begin, tok.end};
    t.kind = tok.kind;
    Impl::Pending p;
    p.off = static_cast<uint32_t>(m.folded_buf.size());
    if (tok.kind == TokenKind::kNumber) {
      std::string_view canonical;
      if (const std::optional<double> v = ParseNumber(s, m.lang)) {
        canonical = FormatNumber(*v, number_buf, sizeof number_buf);
      }
      // Not a number in this language's notation ("20.01.2017"): as written.
      m.folded_buf.append(canonical.empty() ? s : canonical);
    } else {
      int len = 1;
      t.capitalized = internal::IsUpper(internal::DecodeUtf8(s, 0, &len));
      internal::FoldWith(s, m.fold_options, &m.folded_buf);
    }
    p.len = static_cast<uint32_t>(m.folded_buf.size() - p.off);
    p.hash = HashBytes(std::string_view(m.folded_buf.data() + p.off, p.len));
    m.Prefetch(p.hash);
    m.pending.push_back(p);
    m.terms.push_back(t);
  }

  // Pass 2: probe the (prefetched) slots for the likely entries and
  // prefetch those, then their strings, then confirm each guess or insert the
  // new form: the misses of one pass overlap instead of following each other.
  for (Impl::Pending& p : m.pending) p.guess = m.Guess(p.hash);
  for (const Impl::Pending& p : m.pending) {
    if (p.guess != Impl::kNoGuess) __builtin_prefetch(m.entries[p.guess].folded);
  }
  for (size_t i = 0; i < m.terms.size(); ++i) {
    Impl::Pending& p = m.pending[i];
    const std::string_view folded(m.folded_buf.data() + p.off, p.len);
    p.off = p.guess != Impl::kNoGuess && m.Matches(p.guess, folded)
                ? p.guess
                : m.FindOrInsert(folded, p.hash, m.terms[i].kind == TokenKind::kNumber);
  }

  // Pass 3: views into the cache, stable until the next call.
  for (size_t i = 0; i < m.terms.size(); ++i) {
    const Impl::Entry& e = m.entries[m.pending[i].off];
    Term& t = m.terms[i];
    t.folded = Impl::View(e.folded, e.folded_len);
    t.stem = Impl::View(e.stem, e.stem_len);
    t.stop = t.kind == TokenKind::kWord && e.stop;
    t.hash = m.pending[i].hash;
  }
  return m.terms;
}

Analyzers::Analyzers() = default;
Analyzers::~Analyzers() = default;

Analyzer& Analyzers::For(std::string_view lang) {
  for (const std::unique_ptr<Analyzer>& a : analyzers_) {
    if (a->language() == lang) return *a;
  }
  analyzers_.push_back(std::make_unique<Analyzer>(lang));
  return *analyzers_.back();
}

}  // namespace storyline::text
