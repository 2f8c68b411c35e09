// LSH band key → the slots of the signatures that have it. Internal to the
// dedup stage.
#ifndef STORYLINE_DEDUP_BAND_TABLE_H_
#define STORYLINE_DEDUP_BAND_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyline::dedup::internal {

// A multimap from 64-bit keys (hashes: already uniform) to 32-bit values, as
// one open-addressing array of (key, value) pairs with linear probing and
// backward-shift deletion: every live signature has kBands entries, and a
// node-based multimap spent most of the index's time chasing pointers. Pairs
// take 12 bytes and the array is up to 3/4 full, so it holds a pair in
// 16 to 32 bytes (a multimap node alone took 32).
class BandTable {
 public:
  BandTable() : slots_(kInitialSlots), mask_(kInitialSlots - 1) {}

  // Adds (key, value); a pair added twice is stored twice.
  void Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    Place({static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32), value});
    ++size_;
  }

  // Calls f(value) for each value stored under `key`, in no set order.
  template <typename F>
  void ForEach(uint64_t key, F f) const {
    for (size_t i = key & mask_; slots_[i].value != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].key() == key) f(slots_[i].value);
    }
  }

  // Removes one copy of (key, value); false when there is none.
  bool Erase(uint64_t key, uint32_t value) {
    size_t i = key & mask_;
    for (;; i = (i + 1) & mask_) {
      if (slots_[i].value == kEmpty) return false;
      if (slots_[i].key() == key && slots_[i].value == value) break;
    }
    // Move later pairs of the run back into the hole when the hole lies on
    // their probe path (between their home and where they sit).
    for (size_t j = (i + 1) & mask_; slots_[j].value != kEmpty; j = (j + 1) & mask_) {
      const size_t home = slots_[j].key() & mask_;
      if (((j - home) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot();
    --size_;
    return true;
  }

  size_t size() const { return size_; }

  // Asks for the memory a later call with `key` will read first: the table
  // is large, so each key costs a cache miss unless a batch prefetches.
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr size_t kInitialSlots = 1024;
  struct Slot {  // the key in two halves: 12 bytes, not 16
    uint32_t key_low = 0;
    uint32_t key_high = 0;
    uint32_t value = kEmpty;
    uint64_t key() const { return (static_cast<uint64_t>(key_high) << 32) | key_low; }
  };

  void Place(const Slot& s) {
    size_t i = s.key() & mask_;
    while (slots_[i].value != kEmpty) i = (i + 1) & mask_;
    slots_[i] = s;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.value != kEmpty) Place(s);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_;
  size_t size_ = 0;
};

}  // namespace storyline::dedup::internal

#endif  // STORYLINE_DEDUP_BAND_TABLE_H_
