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
// One vector laid out for many dot products with others (an article against
// its candidates' centroids and members): open addressing by id, small
// enough to stay in the first-level cache, so that a dot product costs one
// probe per entry of the other vector instead of a merge over both. The sums
// run over the shared ids in increasing id order, as the merge join does, so
// the results are the same to the bit.
class ProbeVec {
 public:
  // Holds `v` with its scale and channel per id.
  void Assign(const SparseVec& v, const std::vector<float>& scale,
              const std::vector<uint8_t>& channel);
  // WeightedDot2(v, b, scale, channel, out).
  void WeightedDot2(const SparseVec& b, double out[2]) const;
  // Σ v_t · scale[t] · b_t per channel: the dot with a vector whose entries
  // already carry their scale.
  void ScaledDot2(const SparseVec& b, double out[2]) const;

 private:
  // w goes to w_words or w_names by channel, the other is 0: a product with
  // 0 adds +0 to a sum, which leaves it as it was (the sums start at +0 and
  // never become -0), so both sums can be added to without a branch.
  struct Payload {
    float w_words = 0;
    float w_names = 0;
    float scale = 0;
  };
  struct Hit {
    uint32_t slot;
    float w;  // of the other vector
  };
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  // Ids sit in buckets of kBucket, filled in order; an id that finds its
  // home bucket full goes on to the next. A lookup compares a whole bucket
  // at once, so it branches only when the bucket is full and holds no match
  // (rare: the table is at most an eighth full), never on hit or miss.
  static constexpr size_t kBucket = 4;
  size_t HomeBucket(uint32_t id) const {
    return static_cast<size_t>((id * 0x9E3779B1u) >> shift_) & bucket_mask_;
  }
  // The shared ids of `b` (in its order) into hits_; returns their number.
  size_t Gather(const SparseVec& b) const;

  // The ids apart from their weights: most probes miss, and they then touch
  // only this array, which stays in the first-level cache beside the vectors
  // streamed through it.
  std::vector<uint32_t> ids_;
  std::vector<Payload> payload_;  // by slot, as ids_
  size_t bucket_mask_ = 0;
  unsigned shift_ = 0;
  mutable std::vector<Hit> hits_;  // scratch
};

// Sorts `v` by id (stably), with an LSD radix sort over the bytes of the ids
// up to the highest one set; `scratch` is reused storage.
void SortById(SparseVec* v, SparseVec* scratch);

// Keeps the `keep` entries with the largest |w · scale[id]|, sorted by id again.
void Truncate(std::size_t keep, const std::vector<float>& scale, SparseVec* v);

// The ids of the `k` entries of `v` (sorted by id) with the largest
// w · scale[id], largest first; equal values in order of id. Weights and
// scales are non-negative. Replaces *out.
void TopIds(const SparseVec& v, std::size_t k, const std::vector<float>& scale,
            std::vector<uint32_t>* out);

}  // namespace storyline::cluster::internal

#endif  // STORYLINE_CLUSTER_SPARSE_H_
