#include "cluster/term_table.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace storyline::cluster::internal {
namespace {

uint32_t Intern(TermTable& table, std::string_view key, bool* inserted) {
  return table.Intern(key, TermTable::Hash(key), inserted);
}

TEST(TermTableTest, IdsInOrderOfFirstSight) {
  TermTable table;
  bool inserted = false;
  EXPECT_EQ(Intern(table, "minist", &inserted), 0u);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(Intern(table, "@tillerson", &inserted), 1u);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(Intern(table, "minist", &inserted), 0u);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(Intern(table, "", &inserted), 2u);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(Intern(table, "", &inserted), 2u);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(table.key(1), "@tillerson");
  EXPECT_EQ(table.key(2), "");
}

TEST(TermTableTest, KeysSurviveGrowth) {
  TermTable table;
  bool inserted = false;
  // Far past the initial slots, so the table rehashes several times.
  for (int i = 0; i < 100000; ++i) {
    ASSERT_EQ(Intern(table, "#" + std::to_string(i), &inserted), static_cast<uint32_t>(i));
    ASSERT_TRUE(inserted);
  }
  for (int i = 0; i < 100000; i += 7) {
    ASSERT_EQ(Intern(table, "#" + std::to_string(i), &inserted), static_cast<uint32_t>(i));
    ASSERT_FALSE(inserted);
    ASSERT_EQ(table.key(static_cast<uint32_t>(i)), "#" + std::to_string(i));
  }
  EXPECT_EQ(Intern(table, "#100000", &inserted), 100000u);
  EXPECT_TRUE(inserted);
}

TEST(TermTableTest, GuessFindsTheIdOfAKnownKey) {
  TermTable table;
  bool inserted = false;
  for (int i = 0; i < 1000; ++i) Intern(table, "w" + std::to_string(i), &inserted);
  for (int i = 0; i < 1000; ++i) {
    const std::string key = "w" + std::to_string(i);
    // A tag shared by another key (1 in 2^31 here) would give its id instead.
    EXPECT_EQ(table.Guess(TermTable::Hash(key)), static_cast<uint32_t>(i)) << key;
  }
  EXPECT_EQ(table.Guess(TermTable::Hash("unknown")), TermTable::kNone);
}

}  // namespace
}  // namespace storyline::cluster::internal
