// A set of two-byte word beginnings, for a quick test in front of a slower
// lookup that most words fail: 64 Kibit, one bit per pair of first bytes.
// Internal to the extract stage.
#ifndef STORYLINE_EXTRACT_BYTE_PAIRS_H_
#define STORYLINE_EXTRACT_BYTE_PAIRS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyline::extract {

class BytePairs {
 public:
  // Adds the first two bytes of `word` (a word of one byte: it and 0).
  void Add(std::string_view word) {
    if (word.empty()) return;
    const size_t p = Pair(word);
    bits_[p >> 6] |= uint64_t{1} << (p & 63);
  }
  // False when no word added begins as `word` does.
  bool MayBegin(std::string_view word) const {
    if (word.empty()) return false;
    const size_t p = Pair(word);
    return (bits_[p >> 6] >> (p & 63) & 1) != 0;
  }

 private:
  static size_t Pair(std::string_view w) {
    return size_t{static_cast<unsigned char>(w[0])} << 8 | (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0);
  }
  std::array<uint64_t, 1024> bits_{};
};

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_BYTE_PAIRS_H_
