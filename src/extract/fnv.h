// FNV-1a, one byte at a time: the incremental hash of a word's prefixes and
// suffixes (each one step longer than the last), and of short keys. Internal
// to the extract stage.
#ifndef STORYLINE_EXTRACT_FNV_H_
#define STORYLINE_EXTRACT_FNV_H_

#include <cstdint>

namespace storyline::extract {

inline constexpr uint64_t kFnvSeed = 0xcbf29ce484222325ULL;

inline constexpr uint64_t FnvStep(uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001b3ULL; }

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_FNV_H_
