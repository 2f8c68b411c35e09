#include "cluster/sparse.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace storyline::cluster::internal {
namespace {

TEST(SparseTest, WeightedDotUsesSharedIdsOnly) {
  const std::vector<float> scale = {1, 2, 3, 1};
  const std::vector<uint8_t> channel = {0, 0, 1, 1};
  const SparseVec a = {{0, 1}, {1, 1}, {3, 2}};
  const SparseVec b = {{1, 3}, {2, 5}, {3, 1}};
  // id 1 (channel 0): 1 · 3 · 2² = 12; id 3 (channel 1): 2 · 1 · 1² = 2.
  double dot[2];
  WeightedDot2(a, b, scale, channel, dot);
  EXPECT_DOUBLE_EQ(dot[0], 12.0);
  EXPECT_DOUBLE_EQ(dot[1], 2.0);
  // ‖b ∘ scale‖ = sqrt((3·2)² + (5·3)² + 1²) = sqrt(36 + 225 + 1) = sqrt(262).
  EXPECT_NEAR(WeightedNorm(b, scale), 16.186414056238647, 1e-9);
}

TEST(SparseTest, AddScaledMergesSorted) {
  SparseVec acc = {{1, 1}, {4, 1}};
  SparseVec scratch;
  AddScaled({{0, 2}, {4, 2}, {9, 1}}, 0.5f, &acc, &scratch);
  ASSERT_EQ(acc.size(), 4u);
  EXPECT_EQ(acc[0].id, 0u);
  EXPECT_FLOAT_EQ(acc[0].w, 1);
  EXPECT_EQ(acc[2].id, 4u);
  EXPECT_FLOAT_EQ(acc[2].w, 2);
  EXPECT_EQ(acc[3].id, 9u);
  EXPECT_FLOAT_EQ(acc[3].w, 0.5);
}

TEST(SparseTest, TruncateKeepsHeaviestAndStaysSorted) {
  const std::vector<float> scale = {1, 1, 10, 1};
  SparseVec v = {{0, 3}, {1, 1}, {2, 0.5}, {3, 2}};
  // Weights · scale: 3, 1, 5, 2 → keep ids 2 and 0.
  Truncate(2, scale, &v);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].id, 0u);
  EXPECT_EQ(v[1].id, 2u);
}

// Truncate keeps what std::nth_element over the entries themselves keeps
// (then sorted by id), ties included (they take another path than distinct
// weights): the clusterer's decisions depend on
// which of several equally weighted terms survive.
TEST(SparseTest, TruncateKeepsWhatNthElementOverEntriesKeeps) {
  std::mt19937 rng(11);
  const uint32_t vocabulary = 3000;
  std::vector<float> scale(vocabulary);
  // Few distinct values, so that many weights tie.
  for (float& x : scale) x = 1.0f + static_cast<float>(rng() % 4) * 0.5f;
  for (int round = 0; round < 200; ++round) {
    SparseVec v;
    for (uint32_t id = 0; id < vocabulary; ++id) {
      if (rng() % 8 != 0) continue;
      // Even rounds: few distinct weights (ties at the boundary); odd rounds:
      // all distinct.
      const float w = round % 2 == 0 ? 0.5f * static_cast<float>(1 + rng() % 6)
                                     : static_cast<float>(rng() % 1000000) / 1000.0f;
      v.push_back({id, w});
    }
    const size_t keep = rng() % (v.size() + 10);
    SparseVec expected = v;
    if (expected.size() > keep) {
      auto weight = [&](const Entry& e) { return std::fabs(e.w * scale[e.id]); };
      std::nth_element(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(keep),
                       expected.end(),
                       [&](const Entry& a, const Entry& b) { return weight(a) > weight(b); });
      expected.resize(keep);
      std::sort(expected.begin(), expected.end(),
                [](const Entry& a, const Entry& b) { return a.id < b.id; });
    }
    Truncate(keep, scale, &v);
    ASSERT_EQ(v.size(), expected.size()) << round;
    for (size_t i = 0; i < v.size(); ++i) {
      ASSERT_EQ(v[i].id, expected[i].id) << round;
      ASSERT_EQ(v[i].w, expected[i].w) << round;
    }
  }
}

TEST(SparseTest, ProbeVecAgreesWithMergeJoinToTheBit) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> weight(0.01f, 3.0f);
  const uint32_t vocabulary = 5000;
  std::vector<float> scale(vocabulary);
  std::vector<uint8_t> channel(vocabulary);
  for (uint32_t id = 0; id < vocabulary; ++id) {
    scale[id] = weight(rng);
    channel[id] = static_cast<uint8_t>(rng() % 2);
  }
  auto random_vec = [&](size_t n) {
    std::vector<bool> used(vocabulary);
    SparseVec v;
    for (size_t i = 0; i < n; ++i) used[rng() % vocabulary] = true;
    for (uint32_t id = 0; id < vocabulary; ++id) {
      if (used[id]) v.push_back({id, weight(rng)});
    }
    return v;
  };
  ProbeVec probe;
  int overlapping = 0;
  for (int round = 0; round < 50; ++round) {
    const SparseVec a = random_vec(1 + rng() % 500);
    const SparseVec b = random_vec(1 + rng() % 3000);
    probe.Assign(a, scale, channel);
    double expected[2];
    double got[2];
    WeightedDot2(a, b, scale, channel, expected);
    probe.WeightedDot2(b, got);
    EXPECT_EQ(std::memcmp(expected, got, sizeof expected), 0) << round;
    if (expected[0] + expected[1] > 0) ++overlapping;
    // A pre-scaled b: Σ a_t · scale[t] · b_t, in id order.
    double scaled[2] = {0, 0};
    size_t j = 0;
    for (const Entry& e : a) {
      while (j < b.size() && b[j].id < e.id) ++j;
      if (j < b.size() && b[j].id == e.id) {
        scaled[channel[e.id]] += static_cast<double>(e.w) * scale[e.id] * b[j].w;
      }
    }
    probe.ScaledDot2(b, got);
    EXPECT_EQ(std::memcmp(scaled, got, sizeof scaled), 0) << round;
  }
  EXPECT_GT(overlapping, 40);  // the comparisons were not all of zeros
  probe.Assign({}, scale, channel);
  double got[2] = {1, 1};
  probe.WeightedDot2(random_vec(100), got);
  EXPECT_EQ(got[0], 0);
  EXPECT_EQ(got[1], 0);
}

TEST(SparseTest, TopIdsLargestFirstTiesByIdInOrder) {
  const std::vector<float> scale = {1, 2, 1, 1, 4, 1};
  // Scaled weights: id 0 → 3, 1 → 2, 2 → 2, 3 → 5, 4 → 2, 5 → 1.
  const SparseVec v = {{0, 3}, {1, 1}, {2, 2}, {3, 5}, {4, 0.5f}, {5, 1}};
  std::vector<uint32_t> top;
  TopIds(v, 3, scale, &top);
  EXPECT_EQ(top, (std::vector<uint32_t>{3, 0, 1}));
  TopIds(v, 5, scale, &top);
  EXPECT_EQ(top, (std::vector<uint32_t>{3, 0, 1, 2, 4}));
  TopIds(v, 10, scale, &top);
  EXPECT_EQ(top, (std::vector<uint32_t>{3, 0, 1, 2, 4, 5}));
  TopIds(v, 0, scale, &top);
  EXPECT_TRUE(top.empty());
}

TEST(SparseTest, TopIdsAgreesWithSortOnRandomVectors) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const size_t n = 1 + rng() % 500;
    std::vector<float> scale(2000);
    for (float& x : scale) x = 1 + static_cast<float>(rng() % 8) * 0.5f;
    SparseVec v;
    for (uint32_t id = 0; id < scale.size() && v.size() < n; ++id) {
      if (rng() % 3 == 0) v.push_back({id, static_cast<float>(1 + rng() % 4) * 0.5f});
    }
    std::vector<Entry> expected;
    for (const Entry& e : v) expected.push_back({e.id, e.w * scale[e.id]});
    std::sort(expected.begin(), expected.end(), [](const Entry& a, const Entry& b) {
      return a.w > b.w || (a.w == b.w && a.id < b.id);
    });
    const size_t k = rng() % 60;
    std::vector<uint32_t> want;
    for (size_t i = 0; i < std::min(k, expected.size()); ++i) want.push_back(expected[i].id);
    std::vector<uint32_t> top;
    TopIds(v, k, scale, &top);
    ASSERT_EQ(top, want) << "round " << round;
  }
}

TEST(SparseTest, SortByIdAgreesWithStableSort) {
  std::mt19937 rng(11);
  SparseVec scratch;
  for (uint32_t max_id : {0u, 1u, 255u, 256u, 70000u, 0xFFFFFFFFu}) {
    for (size_t n : {0u, 1u, 7u, 600u}) {
      SparseVec v;
      for (size_t i = 0; i < n; ++i) {
        const uint32_t id = max_id == 0 ? 0 : static_cast<uint32_t>(rng() % (uint64_t{max_id} + 1));
        v.push_back({id, static_cast<float>(i)});  // w tells equal ids apart
      }
      SparseVec expected = v;
      std::stable_sort(expected.begin(), expected.end(),
                       [](const Entry& a, const Entry& b) { return a.id < b.id; });
      SortById(&v, &scratch);
      ASSERT_EQ(v.size(), expected.size());
      for (size_t i = 0; i < v.size(); ++i) {
        ASSERT_EQ(v[i].id, expected[i].id) << max_id << " " << n;
        ASSERT_EQ(v[i].w, expected[i].w) << max_id << " " << n;
      }
    }
  }
}

// Ids that all hash to the table's last bucket: they overflow into the
// following buckets and wrap around to the first, and lookups must follow.
TEST(SparseTest, ProbeVecFindsIdsThatOverflowTheirBucket) {
  const uint32_t vocabulary = 200000;
  std::vector<float> scale(vocabulary, 1.5f);
  std::vector<uint8_t> channel(vocabulary, 0);
  for (uint32_t id = 0; id < vocabulary; id += 3) channel[id] = 1;
  // 20 entries make a table of 64 buckets (at most an eighth full): the home
  // bucket is the top 6 bits of the multiplicative hash.
  SparseVec a;
  for (uint32_t id = 0; id < vocabulary && a.size() < 20; ++id) {
    if (((id * 0x9E3779B1u) >> 26) == 63) a.push_back({id, 0.25f * static_cast<float>(a.size() + 1)});
  }
  ASSERT_EQ(a.size(), 20u);
  SparseVec b;
  for (uint32_t id = 0; id < a.back().id + 10; ++id) {
    if (id % 2 == 0 || ((id * 0x9E3779B1u) >> 26) == 63) b.push_back({id, 1.0f + static_cast<float>(id % 7)});
  }
  ProbeVec probe;
  probe.Assign(a, scale, channel);
  double expected[2];
  double got[2];
  WeightedDot2(a, b, scale, channel, expected);
  probe.WeightedDot2(b, got);
  EXPECT_EQ(std::memcmp(expected, got, sizeof expected), 0);
  EXPECT_GT(expected[0], 0);
  EXPECT_GT(expected[1], 0);
  // Every id of a is found, those of the other buckets are not.
  probe.WeightedDot2(a, got);
  WeightedDot2(a, a, scale, channel, expected);
  EXPECT_EQ(std::memcmp(expected, got, sizeof expected), 0);
}

}  // namespace
}  // namespace storyline::cluster::internal
