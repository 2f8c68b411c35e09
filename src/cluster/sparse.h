// Sparse term vectors: (term id, weight) pairs sorted by id. Internal to the
// cluster stage.
#ifndef STORYLINE_CLUSTER_SPARSE_H_
#define STORYLINE_CLUSTER_SPARSE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyline::cluster::internal {

struct Entry {
  uint32_t id = 0;
  float w = 0;
};

using SparseVec = std::vector<Entry>;

// Σ a_t · b_t · scale[t]², over the shared ids (a merge join), kept apart
// for the ids with channel[t] == 0 (out[0]) and the others (out[1]).
void WeightedDot2(const SparseVec& a, const SparseVec& b, const std::vector<float>& scale,
                  const std::vector<uint8_t>& channel, double out[2]);
// ‖v ∘ scale‖ per channel, as WeightedDot2 splits them.
void WeightedNorm2(const SparseVec& v, const std::vector<float>& scale,
                   const std::vector<uint8_t>& channel, double out[2]);
// sqrt(Σ v_t² · scale[t]²).
double WeightedNorm(const SparseVec& v, const std::vector<float>& scale);
// *acc += factor · v, keeping *acc sorted; `scratch` is reused storage.
void AddScaled(const SparseVec& v, float factor, SparseVec* acc, SparseVec* scratch);
// Keeps the `keep` entries with the largest |w · scale[id]|, sorted by id again.
void Truncate(std::size_t keep, const std::vector<float>& scale, SparseVec* v);

}  // namespace storyline::cluster::internal

#endif  // STORYLINE_CLUSTER_SPARSE_H_
