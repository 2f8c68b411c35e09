// An allocator for the large lookup tables of the extract stage (gazetteer
// sets, the tagger's feature table, word classes, the word cache), internal
// to extract/. Those tables are read at random, one cache line per lookup, and
// span thousands of 4 KiB pages: most lookups then also miss the TLB, which
// costs as much again as the cache miss (more under virtualization). Blocks of
// 1 MiB and more are therefore aligned to 2 MiB and offered to the kernel as
// transparent huge pages (madvise; a hint the kernel may ignore). Smaller
// blocks come from operator new. Stateless: any two instances are equal.
#ifndef STORYLINE_EXTRACT_HUGE_PAGES_H_
#define STORYLINE_EXTRACT_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace storyline::extract {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  static constexpr size_t kThreshold = size_t{1} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
    }
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }

  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kThreshold) {
      ::operator delete(p, std::align_val_t(alignof(T)));
    } else {
      std::free(p);
    }
  }

  template <typename U>
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) {
    return true;
  }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_HUGE_PAGES_H_
