#include "cluster/sparse.h"

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

}  // namespace
}  // namespace storyline::cluster::internal
