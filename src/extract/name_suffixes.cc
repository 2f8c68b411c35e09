#include "name_suffixes.h"

#include <algorithm>
#include <cmath>

#include "fnv.h"

namespace storyline::extract {
namespace {

// A word's suffixes are hashed from the end one byte at a time (FnvStep), so
// that each costs one step; 0 marks an empty slot.
uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

size_t Home(uint64_t key, size_t mask) { return static_cast<size_t>(key ^ (key >> 29)) & mask; }

// Add-half smoothing over a nominal 64 suffixes per length: a suffix the
// lists hold only for other kinds still leaves a kind some probability.
constexpr double kAlpha = 0.5;
constexpr double kNominalSuffixes = 64;

}  // namespace

const NameSuffixes::Slot* NameSuffixes::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t s = Home(key, mask);; s = (s + 1) & mask) {
    if (slots_[s].key == key) return &slots_[s];
    if (slots_[s].key == 0) return nullptr;
  }
}

NameSuffixes::Slot& NameSuffixes::Upsert(uint64_t key) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(std::max<size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& o : old) {
      if (o.key == 0) continue;
      size_t s = Home(o.key, mask);
      while (slots_[s].key != 0) s = (s + 1) & mask;
      slots_[s] = o;
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t s = Home(key, mask);
  while (slots_[s].key != 0 && slots_[s].key != key) s = (s + 1) & mask;
  if (slots_[s].key == 0) {
    slots_[s].key = key;
    ++used_;
  }
  return slots_[s];
}

void NameSuffixes::Add(std::string_view word, NameKind kind) {
  if (word.size() < kMinBytes) return;
  terms_.clear();
  const auto k = static_cast<size_t>(kind);
  ++words_[k];
  uint64_t h = kFnvSeed;
  for (size_t len = 1; len <= kMaxSuffix && len <= word.size(); ++len) {
    h = FnvStep(h, static_cast<unsigned char>(word[word.size() - len]));
    ++Upsert(NonZero(h)).count[k];
  }
}

void NameSuffixes::Prefetch(std::string_view word) const {
  if (word.size() < kMinBytes || slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  uint64_t h = kFnvSeed;
  for (size_t len = 1; len <= kMaxSuffix && len <= word.size(); ++len) {
    h = FnvStep(h, static_cast<unsigned char>(word[word.size() - len]));
    __builtin_prefetch(slots_.data() + Home(NonZero(h), mask));
  }
}

double NameSuffixes::Term(int k, uint32_t count) const {
  if (count < kTabulated && !terms_.empty()) return terms_[k * kTabulated + count];
  return std::log((count + kAlpha) / (words_[k] + kAlpha * kNominalSuffixes));
}

void NameSuffixes::Seal() {
  std::vector<double> terms(kNumNameKinds * kTabulated);
  for (int k = 0; k < kNumNameKinds; ++k) {
    for (uint32_t c = 0; c < kTabulated; ++c) terms[k * kTabulated + c] = Term(k, c);
  }
  terms_ = std::move(terms);
}

uint8_t NameSuffixes::CodeOf(std::string_view word) const {
  if (word.size() < kMinBytes) return 0;
  // Without one of the lists (no dictionary: no nouns) the kinds cannot be
  // told apart.
  for (uint32_t n : words_) {
    if (n == 0) return 0;
  }
  std::array<double, kNumNameKinds> score{};
  uint64_t h = kFnvSeed;
  for (size_t len = 1; len <= kMaxSuffix && len <= word.size(); ++len) {
    h = FnvStep(h, static_cast<unsigned char>(word[word.size() - len]));
    const Slot* slot = Find(NonZero(h));
    if (slot == nullptr) break;
    for (int k = 0; k < kNumNameKinds; ++k) {
      score[k] += Term(k, slot->count[k]);
    }
  }
  int best = 0;
  for (int k = 1; k < kNumNameKinds; ++k) {
    if (score[k] > score[best]) best = k;
  }
  double next = -HUGE_VAL;
  for (int k = 0; k < kNumNameKinds; ++k) {
    if (k != best) next = std::max(next, score[k]);
  }
  const double margin = score[best] - next;
  const int bucket = margin < 1 ? 0 : margin < 3 ? 1 : 2;
  return static_cast<uint8_t>(1 + best * kMarginBuckets + bucket);
}

}  // namespace storyline::extract
