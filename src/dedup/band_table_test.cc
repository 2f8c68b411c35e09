#include "dedup/band_table.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace storyline::dedup::internal {
namespace {

std::vector<uint32_t> Values(const BandTable& table, uint64_t key) {
  std::vector<uint32_t> out;
  table.ForEach(key, [&](uint32_t v) { out.push_back(v); });
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BandTableTest, InsertFindErase) {
  BandTable table;
  table.Insert(7, 1);
  table.Insert(7, 2);
  table.Insert(8, 1);
  EXPECT_EQ(Values(table, 7), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(Values(table, 8), (std::vector<uint32_t>{1}));
  EXPECT_TRUE(Values(table, 9).empty());
  EXPECT_FALSE(table.Erase(7, 3));
  EXPECT_TRUE(table.Erase(7, 1));
  EXPECT_FALSE(table.Erase(7, 1));
  EXPECT_EQ(Values(table, 7), (std::vector<uint32_t>{2}));
  EXPECT_EQ(table.size(), 2u);
}

// Against std::multimap, with keys that crowd a few home slots (long probe
// runs that wrap around the end of the array) and growth past the initial
// size, so that backward-shift deletion meets every case.
TEST(BandTableTest, AgreesWithMultimapUnderChurn) {
  std::mt19937_64 rng(3);
  BandTable table;
  std::multimap<uint64_t, uint32_t> expected;
  std::vector<std::pair<uint64_t, uint32_t>> live;
  for (int step = 0; step < 200000; ++step) {
    const bool insert = live.size() < 3000 && (live.empty() || rng() % 100 < 55);
    if (insert) {
      // Homes near both ends of the array; few distinct keys, so many repeat.
      const uint64_t key = (rng() % 2 == 0 ? rng() % 8 : 1023 - rng() % 8) + (rng() % 4) * 4096;
      const auto value = static_cast<uint32_t>(rng() % 1000);
      table.Insert(key, value);
      expected.emplace(key, value);
      live.emplace_back(key, value);
    } else {
      const size_t pick = rng() % live.size();
      const auto [key, value] = live[pick];
      live[pick] = live.back();
      live.pop_back();
      ASSERT_TRUE(table.Erase(key, value));
      auto [begin, end] = expected.equal_range(key);
      for (auto it = begin; it != end; ++it) {
        if (it->second == value) {
          expected.erase(it);
          break;
        }
      }
    }
    if (step % 997 == 0) {
      for (uint64_t key : {uint64_t{0}, uint64_t{3}, uint64_t{1020}, uint64_t{4099}, uint64_t{13311}}) {
        std::vector<uint32_t> want;
        auto [begin, end] = expected.equal_range(key);
        for (auto it = begin; it != end; ++it) want.push_back(it->second);
        std::sort(want.begin(), want.end());
        ASSERT_EQ(Values(table, key), want) << "step " << step << " key " << key;
      }
    }
  }
  EXPECT_EQ(table.size(), expected.size());
  for (const auto& [key, value] : live) ASSERT_TRUE(table.Erase(key, value));
  EXPECT_EQ(table.size(), 0u);
}

}  // namespace
}  // namespace storyline::dedup::internal
