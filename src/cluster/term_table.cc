#include "cluster/term_table.h"

#include <cassert>
#include <limits>

// Inlined: the keys are single words, where a library call costs more than
// the hashing.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace storyline::cluster::internal {
namespace {

constexpr size_t kInitialSlots = size_t{1} << 14;

}  // namespace

TermTable::TermTable() : slots_(kInitialSlots, 0), mask_(kInitialSlots - 1) {}

uint64_t TermTable::Hash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

uint32_t TermTable::Intern(std::string_view key, uint64_t hash, bool* inserted) {
  const uint32_t tag = Tag(hash);
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    if (static_cast<uint32_t>(slot >> 32) == tag && this->key(static_cast<uint32_t>(slot)) == key) {
      *inserted = false;
      return static_cast<uint32_t>(slot);
    }
  }
  assert(size() < std::numeric_limits<uint32_t>::max());
  const auto id = static_cast<uint32_t>(size());
  keys_.append(key);
  key_end_.push_back(keys_.size());
  *inserted = true;
  // At most half full, so that probe sequences stay short.
  if (size() * 2 > slots_.size()) {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (uint32_t j = 0; j < size(); ++j) Place(Hash(this->key(j)), j);
  } else {
    Place(hash, id);
  }
  return id;
}

uint32_t TermTable::Guess(uint64_t hash) const {
  const uint32_t tag = Tag(hash);
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNone;
    if (static_cast<uint32_t>(slot >> 32) == tag) {
      const auto id = static_cast<uint32_t>(slot);
      __builtin_prefetch(keys_.data() + (id == 0 ? 0 : key_end_[id - 1]));
      return id;
    }
  }
}

void TermTable::Place(uint64_t hash, uint32_t id) {
  size_t i = hash & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = (static_cast<uint64_t>(Tag(hash)) << 32) | id;
}

}  // namespace storyline::cluster::internal
