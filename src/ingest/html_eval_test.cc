#include "ingest/html_eval.h"

#include <gtest/gtest.h>

namespace storyline::ingest::html {
namespace {

TEST(ShingleMatch, TinyCases) {
  ShingleScore same = ShingleMatch("a b c d e", "A B  C\nD e");
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  // pred shingles: abcd bcde cdex (3); gold: abcd bcde (2); common 2.
  ShingleScore extra = ShingleMatch("a b c d e x", "a b c d e");
  EXPECT_DOUBLE_EQ(extra.precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(extra.recall, 1.0);
  ShingleScore short_text = ShingleMatch("Über alles", "über alles");
  EXPECT_DOUBLE_EQ(short_text.precision, 1.0);
  EXPECT_DOUBLE_EQ(ShingleMatch("", "").recall, 1.0);
  EXPECT_DOUBLE_EQ(ShingleMatch("", "a b c d").recall, 0.0);
  // Repeated shingles count as often as they occur in both.
  ShingleScore repeated = ShingleMatch("a b c d a b c d", "a b c d");
  EXPECT_DOUBLE_EQ(repeated.precision, 1.0 / 5.0);
  EXPECT_DOUBLE_EQ(repeated.recall, 1.0);
}

TEST(CountSnippets, TrafilaturaDefinitions) {
  SnippetCounts c;
  CountSnippets("The body  text\nwith lines.", {"body text", "missing"}, {"with lines.", "menu"}, &c);
  EXPECT_EQ(c.true_pos, 1);
  EXPECT_EQ(c.false_neg, 1);
  EXPECT_EQ(c.false_pos, 1);
  EXPECT_EQ(c.true_neg, 1);
  EXPECT_DOUBLE_EQ(c.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(c.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(F1(0.5, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(F1(0, 0), 0.0);
}

TEST(CountSnippets, ListsMissedAndLeakedSnippets) {
  SnippetCounts c;
  std::vector<std::string> missed, leaked;
  CountSnippets("The body text.", {"body text", "missing"}, {"body", "menu"}, &c, &missed, &leaked);
  EXPECT_EQ(missed, std::vector<std::string>{"missing"});
  EXPECT_EQ(leaked, std::vector<std::string>{"body"});
}

}  // namespace
}  // namespace storyline::ingest::html
