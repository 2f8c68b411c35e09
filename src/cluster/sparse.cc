#include "cluster/sparse.h"

#include <algorithm>
#include <cmath>

namespace storyline::cluster::internal {

void WeightedDot2(const SparseVec& a, const SparseVec& b, const std::vector<float>& scale,
                  const std::vector<uint8_t>& channel, double out[2]) {
  out[0] = out[1] = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id < b[j].id) {
      ++i;
    } else if (b[j].id < a[i].id) {
      ++j;
    } else {
      const double s = scale[a[i].id];
      out[channel[a[i].id] != 0 ? 1 : 0] += static_cast<double>(a[i].w) * b[j].w * s * s;
      ++i;
      ++j;
    }
  }
}

void WeightedNorm2(const SparseVec& v, const std::vector<float>& scale,
                   const std::vector<uint8_t>& channel, double out[2]) {
  out[0] = out[1] = 0;
  for (const Entry& e : v) {
    const double x = static_cast<double>(e.w) * scale[e.id];
    out[channel[e.id] != 0 ? 1 : 0] += x * x;
  }
  out[0] = std::sqrt(out[0]);
  out[1] = std::sqrt(out[1]);
}

double WeightedNorm(const SparseVec& v, const std::vector<float>& scale) {
  double sum = 0;
  for (const Entry& e : v) {
    const double x = static_cast<double>(e.w) * scale[e.id];
    sum += x * x;
  }
  return std::sqrt(sum);
}

void ProbeVec::Assign(const SparseVec& v, const std::vector<float>& scale,
                      const std::vector<uint8_t>& channel) {
  // At most a quarter full: a miss (most probes) ends at the first slot or two.
  size_t size = 16;
  unsigned bits = 4;
  while (size < v.size() * 4) {
    size *= 2;
    ++bits;
  }
  slots_.assign(size, Slot());
  mask_ = size - 1;
  shift_ = 32 - bits;
  for (const Entry& e : v) {
    size_t i = Home(e.id);
    while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {e.id, e.w, scale[e.id], channel[e.id]};
  }
}

// Branch-free over hits and misses: a miss ends on an empty slot, whose
// zeros add +0 or -0 to a sum, which leaves it as it was (the sums start at
// +0 and are never -0), so the sums equal the merge join's to the bit.
void ProbeVec::WeightedDot2(const SparseVec& b, double out[2]) const {
  double sum[2] = {0, 0};
  for (const Entry& e : b) {
    const Slot& x = slots_[Find(e.id)];
    const double s = x.scale;
    const double product = static_cast<double>(x.w) * e.w * s * s;
    sum[0] += x.channel != 0 ? 0.0 : product;
    sum[1] += x.channel != 0 ? product : 0.0;
  }
  out[0] = sum[0];
  out[1] = sum[1];
}

void ProbeVec::ScaledDot2(const SparseVec& b, double out[2]) const {
  double sum[2] = {0, 0};
  for (const Entry& e : b) {
    const Slot& x = slots_[Find(e.id)];
    const double product = static_cast<double>(x.w) * x.scale * e.w;
    sum[0] += x.channel != 0 ? 0.0 : product;
    sum[1] += x.channel != 0 ? product : 0.0;
  }
  out[0] = sum[0];
  out[1] = sum[1];
}

void AddScaled(const SparseVec& v, float factor, SparseVec* acc, SparseVec* scratch) {
  scratch->clear();
  scratch->reserve(acc->size() + v.size());
  size_t i = 0;
  size_t j = 0;
  const SparseVec& a = *acc;
  while (i < a.size() || j < v.size()) {
    if (j == v.size() || (i < a.size() && a[i].id < v[j].id)) {
      scratch->push_back(a[i++]);
    } else if (i == a.size() || v[j].id < a[i].id) {
      scratch->push_back({v[j].id, v[j].w * factor});
      ++j;
    } else {
      scratch->push_back({a[i].id, a[i].w + v[j].w * factor});
      ++i;
      ++j;
    }
  }
  acc->swap(*scratch);
}

void Truncate(std::size_t keep, const std::vector<float>& scale, SparseVec* v) {
  if (v->size() <= keep) return;
  // The selection runs over (weight, position) pairs rather than over the
  // entries with a comparator that looks the scale up: the same comparisons
  // in the same order, so the same entries are kept (ties included), without
  // a scale lookup in every comparison. The kept entries are then picked out
  // in their original order, which is by id, instead of sorted again.
  struct Keyed {
    float weight;
    uint32_t position;
  };
  thread_local std::vector<Keyed> keyed;
  thread_local std::vector<uint8_t> kept;
  keyed.clear();
  for (size_t i = 0; i < v->size(); ++i) {
    const Entry& e = (*v)[i];
    keyed.push_back({std::fabs(e.w * scale[e.id]), static_cast<uint32_t>(i)});
  }
  std::nth_element(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(keep), keyed.end(),
                   [](const Keyed& a, const Keyed& b) { return a.weight > b.weight; });
  kept.assign(v->size(), 0);
  for (size_t i = 0; i < keep; ++i) kept[keyed[i].position] = 1;
  size_t out = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (kept[i] != 0) (*v)[out++] = (*v)[i];
  }
  v->resize(keep);
}

}  // namespace storyline::cluster::internal
