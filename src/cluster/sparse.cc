#include "cluster/sparse.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

// Bit k set where bucket[k] == id, for the kBucket (4) ids of a bucket.
inline unsigned MatchMask(const uint32_t* bucket, uint32_t id) {
#if defined(__SSE2__)
  const __m128i ids = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bucket));
  return static_cast<unsigned>(
      _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(ids, _mm_set1_epi32(static_cast<int>(id))))));
#else
  return (bucket[0] == id ? 1u : 0u) | (bucket[1] == id ? 2u : 0u) | (bucket[2] == id ? 4u : 0u) |
         (bucket[3] == id ? 8u : 0u);
#endif
}

}  // namespace

void ProbeVec::Assign(const SparseVec& v, const std::vector<float>& scale,
                      const std::vector<uint8_t>& channel) {
  // At most an eighth full: a bucket overflows into the next only rarely.
  size_t buckets = 4;
  unsigned bits = 2;
  while (buckets * kBucket < v.size() * 8) {
    buckets *= 2;
    ++bits;
  }
  ids_.assign(buckets * kBucket, kEmpty);
  if (payload_.size() < ids_.size()) payload_.resize(ids_.size());
  bucket_mask_ = buckets - 1;
  shift_ = 32 - bits;
  for (const Entry& e : v) {
    size_t i = HomeBucket(e.id) * kBucket;
    while (ids_[i] != kEmpty) i = (i + 1) & (ids_.size() - 1);
    const bool names = channel[e.id] != 0;
    ids_[i] = e.id;
    payload_[i] = {names ? 0.0f : e.w, names ? e.w : 0.0f, scale[e.id]};
  }
}

// The shared ids are gathered first, without a branch on hit or miss, so
// that the sums, whose additions must stay in id order, wait only on hits.
size_t ProbeVec::Gather(const SparseVec& b) const {
  if (hits_.size() < b.size()) hits_.resize(b.size());
  size_t n = 0;
  for (const Entry& e : b) {
    size_t bucket = HomeBucket(e.id);
    unsigned match = MatchMask(&ids_[bucket * kBucket], e.id);
    // A full bucket without the id: it may have overflowed into the next.
    // Both masks are taken before the one test, so the loop's branch is
    // almost never taken whether the id is there or not (a test of `match`
    // first would be a branch on hit or miss, which is unpredictable).
    unsigned free = MatchMask(&ids_[bucket * kBucket], kEmpty);
    while ((match | free) == 0) {
      bucket = (bucket + 1) & bucket_mask_;
      match = MatchMask(&ids_[bucket * kBucket], e.id);
      free = MatchMask(&ids_[bucket * kBucket], kEmpty);
    }
    // On a miss the slot written is any; it is not counted. Arithmetic, not
    // comparisons, so that the compiler does not turn them into a branch:
    // match < 16, so (match + 15) >> 4 is 1 exactly when it is not 0, and
    // bit 4 keeps countr_zero defined.
    const unsigned slot_in_bucket = std::countr_zero(match | (1u << kBucket)) & (kBucket - 1);
    hits_[n] = {static_cast<uint32_t>(bucket * kBucket + slot_in_bucket), e.w};
    n += (match + 15) >> 4;
  }
  return n;
}

void ProbeVec::WeightedDot2(const SparseVec& b, double out[2]) const {
  const size_t n = Gather(b);
  double words = 0;
  double names = 0;
  for (size_t k = 0; k < n; ++k) {
    const Payload& x = payload_[hits_[k].slot];
    const double s = x.scale;
    words += static_cast<double>(x.w_words) * hits_[k].w * s * s;
    names += static_cast<double>(x.w_names) * hits_[k].w * s * s;
  }
  out[0] = words;
  out[1] = names;
}

void ProbeVec::ScaledDot2(const SparseVec& b, double out[2]) const {
  const size_t n = Gather(b);
  double words = 0;
  double names = 0;
  for (size_t k = 0; k < n; ++k) {
    const Payload& x = payload_[hits_[k].slot];
    words += static_cast<double>(x.w_words) * x.scale * hits_[k].w;
    names += static_cast<double>(x.w_names) * x.scale * hits_[k].w;
  }
  out[0] = words;
  out[1] = names;
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

void SortById(SparseVec* v, SparseVec* scratch) {
  uint32_t max_id = 0;
  for (const Entry& e : *v) max_id |= e.id;
  scratch->resize(v->size());
  for (int shift = 0; shift < 32 && (max_id >> shift) != 0; shift += 8) {
    uint32_t start[257] = {};
    for (const Entry& e : *v) ++start[((e.id >> shift) & 0xFF) + 1];
    for (int d = 1; d <= 256; ++d) start[d] += start[d - 1];
    for (const Entry& e : *v) (*scratch)[start[(e.id >> shift) & 0xFF]++] = e;
    v->swap(*scratch);
  }
}

namespace {

// The value at ascending rank `rank` (0-based) of `values`, by radix
// selection over the bytes from the top. After the first byte only the
// values that share the prefix chosen so far are counted, copied apart into
// `rest` (reused storage) as they narrow.
constexpr std::ptrdiff_t kFewValues = 24;

uint32_t SelectRank(const std::vector<uint32_t>& values, size_t rank, std::vector<uint32_t>* rest) {
  uint32_t prefix = 0;
  uint32_t fixed = 0;  // the bits of prefix decided so far
  const uint32_t* begin = values.data();
  const uint32_t* end = begin + values.size();
  for (int shift = 24; shift >= 0; shift -= 8) {
    // A few values left: ordering them directly is cheaper than the byte
    // passes still to come (the result is the same value either way).
    if (end - begin <= kFewValues) {
      uint32_t few[kFewValues];
      const auto n = static_cast<size_t>(end - begin);
      std::copy(begin, end, few);
      std::nth_element(few, few + rank, few + n);
      return few[rank];
    }
    uint32_t count[256] = {};
    for (const uint32_t* x = begin; x != end; ++x) ++count[(*x >> shift) & 0xFF];
    uint32_t digit = 0;
    while (rank >= count[digit]) rank -= count[digit++];
    prefix |= digit << shift;
    fixed |= uint32_t{0xFF} << shift;
    if (shift == 0) break;
    // The values with the new prefix, compacted without a branch (in place
    // once they are in `rest`: the write position never passes the read one).
    rest->resize(static_cast<size_t>(end - begin));
    uint32_t* out = rest->data();
    size_t kept = 0;
    for (const uint32_t* x = begin; x != end; ++x) {
      out[kept] = *x;
      kept += (*x & fixed) == prefix ? 1 : 0;
    }
    begin = out;
    end = out + kept;
  }
  return prefix;
}

}  // namespace

void Truncate(std::size_t keep, const std::vector<float>& scale, SparseVec* v) {
  if (v->size() <= keep) return;
  const size_t n = v->size();
  thread_local std::vector<uint32_t> bits;
  thread_local std::vector<uint32_t> rest;
  thread_local std::vector<uint8_t> kept;
  // Non-negative floats order as their bit patterns do.
  bits.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Entry& e = (*v)[i];
    const float weight = std::fabs(e.w * scale[e.id]);
    std::memcpy(&bits[i], &weight, sizeof weight);
  }
  // Usually the keep-th largest weight is not tied with the next one, and
  // then the kept set is simply every weight at or above it, which a radix
  // selection finds without the mispredicted branches of std::nth_element.
  const uint32_t threshold = keep == 0 ? 0xFFFFFFFF : SelectRank(bits, n - keep, &rest);
  size_t at_or_above = 0;
  for (uint32_t x : bits) at_or_above += x >= threshold ? 1 : 0;
  if (at_or_above == keep) {
    // The survivors in their original order, which is by id; written
    // without a branch (an entry not kept is overwritten by the next).
    size_t out = 0;
    for (size_t i = 0; i < n; ++i) {
      (*v)[out] = (*v)[i];
      out += bits[i] >= threshold ? 1 : 0;
    }
    v->resize(keep);
    return;
  }
  // Ties across the boundary: which of them survive is what std::nth_element
  // over the entries picks, and the clusterer's decisions depend on it. It
  // runs over (weight, position) pairs, which makes the same comparisons in
  // the same order without a scale lookup in each.
  struct Keyed {
    float weight;
    uint32_t position;
  };
  thread_local std::vector<Keyed> keyed;
  keyed.clear();
  for (size_t i = 0; i < n; ++i) {
    float weight;
    std::memcpy(&weight, &bits[i], sizeof weight);
    keyed.push_back({weight, static_cast<uint32_t>(i)});
  }
  std::nth_element(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(keep), keyed.end(),
                   [](const Keyed& a, const Keyed& b) { return a.weight > b.weight; });
  kept.assign(n, 0);
  for (size_t i = 0; i < keep; ++i) kept[keyed[i].position] = 1;
  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    (*v)[out] = (*v)[i];
    out += kept[i];
  }
  v->resize(keep);
}

void TopIds(const SparseVec& v, std::size_t k, const std::vector<float>& scale,
            std::vector<uint32_t>* out) {
  out->clear();
  const size_t n = v.size();
  k = std::min(k, n);
  if (k == 0) return;
  thread_local std::vector<uint32_t> bits;
  thread_local std::vector<uint32_t> rest;
  thread_local std::vector<Entry> chosen;  // (id, weight · scale)
  // Non-negative floats order as their bit patterns do.
  bits.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const float weight = v[i].w * scale[v[i].id];
    std::memcpy(&bits[i], &weight, sizeof weight);
  }
  const uint32_t threshold = SelectRank(bits, n - k, &rest);
  // Everything above the k-th value, then values equal to it in id order
  // until there are k.
  chosen.clear();
  size_t above = 0;
  for (size_t i = 0; i < n; ++i) above += bits[i] > threshold ? 1 : 0;
  size_t ties = k - above;
  for (size_t i = 0; i < n; ++i) {
    if (bits[i] > threshold || (bits[i] == threshold && ties > 0)) {
      if (bits[i] == threshold) --ties;
      float weight;
      std::memcpy(&weight, &bits[i], sizeof weight);
      chosen.push_back({v[i].id, weight});
    }
  }
  std::sort(chosen.begin(), chosen.end(), [](const Entry& a, const Entry& b) {
    return a.w > b.w || (a.w == b.w && a.id < b.id);
  });
  for (const Entry& e : chosen) out->push_back(e.id);
}

}  // namespace storyline::cluster::internal
