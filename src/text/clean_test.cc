#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

TEST(CleanTextTest, Table) {
  const std::vector<Case> cases = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"a\r\nb\rc\nd", "a\nb\nc\nd"},
      {"\xEF\xBB\xBFHallo", "Hallo"},                            // BOM
      {"Au\xC3\x9F" "en\xC2\xAD" "minister", "Au\xC3\x9F" "enminister"},  // soft hyphen
      {"Null\xE2\x80\x8B" "breite", "Nullbreite"},                // zero-width space
      {"a\xC2\xA0" "b\xE2\x80\xAF" "c\xE2\x80\x89" "d", "a b c d"},  // NBSP, NNBSP, thin space
      {"a  \t  b", "a b"},
      {"  erste Zeile  \n\n\n   zweite  \n", "erste Zeile\nzweite"},
      {"\n\n  \n", ""},
      {"a\x01" "b\x7F" "c\xC2\x80" "d", "abcd"},                  // C0, DEL, C1
      {"a\tb", "a b"},
      {"eins\xE2\x80\xA8zwei", "eins\nzwei"},                      // LINE SEPARATOR
      {"Pen\xCC\x83" "a", "Pe\xC3\xB1" "a"},                      // NFC: n + U+0303 → ñ
      {"\xE2\x80\x9EHallo\xE2\x80\x9C", "\xE2\x80\x9EHallo\xE2\x80\x9C"},  // „Hallo“ kept
      {"Mexikos \xE2\x80\x93 mit", "Mexikos \xE2\x80\x93 mit"},   // en dash kept
      {"x\xE2\x80\xA6", "x\xE2\x80\xA6"},                         // ellipsis kept
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CleanText(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(NormalizeTest, Table) {
  const std::vector<Case> cases = {
      {"\xE2\x80\x9EHallo\xE2\x80\x9C", "\"Hallo\""},                   // „Hallo“
      {"\xE2\x80\x9CHello\xE2\x80\x9D", "\"Hello\""},                   // “Hello”
      {"\xC2\xABOui\xC2\xBB", "\"Oui\""},                               // «Oui»
      {"\xE2\x80\x9Asingle\xE2\x80\x98", "'single'"},                   // ‚single‘
      {"\xE2\x80\xB9x\xE2\x80\xBA", "'x'"},                             // ‹x›
      {"geht\xE2\x80\x99s", "geht's"},
      {"geht\xC2\xB4s", "geht's"},
      {"Mexikos \xE2\x80\x93 mit", "Mexikos - mit"},                     // en dash
      {"a\xE2\x80\x94" "b", "a-b"},                                     // em dash
      {"\xE2\x88\x92" "5", "-5"},                                       // minus sign
      {"und\xE2\x80\xA6", "und..."},
      {"Gro\xC3\x9F und klein", "Gro\xC3\x9F und klein"},                // case and ß kept
      {"  \xE2\x80\x9EZitat\xE2\x80\x9C\r\n\r\nNeu\xC2\xAD" "er Absatz",
       "\"Zitat\"\nNeuer Absatz"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Normalize(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(CleanTextTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(CleanText("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(CleanText("a\xC3"), "a\xEF\xBF\xBD");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CleanTextTest, SeedsAreIdempotent) {
  const std::string dir = std::string(STORYLINE_SHARED_DIR) + "/seeds/";
  const std::string path = dir + "001_a680b5860f4bcf0f.txt";
  const std::string raw = ReadFile(path);
  if (raw.empty()) GTEST_SKIP() << path << " is absent";
  const std::string clean = CleanText(raw);
  EXPECT_EQ(CleanText(clean), clean);
  EXPECT_EQ(clean.find("\n\n"), std::string::npos);
  EXPECT_EQ(clean.find("\n "), std::string::npos);  // indented lines trimmed
  const std::string norm = Normalize(raw);
  EXPECT_EQ(Normalize(norm), norm);
  EXPECT_EQ(norm.find("\xE2\x80\x9E"), std::string::npos);  // no „ left
  EXPECT_NE(norm.find("\"sehr lang\""), std::string::npos);
}

TEST(SplitParagraphsTest, NonEmptyLines) {
  const std::string text = "Titel\n\n  Erster Absatz.  \nZweiter.";
  const std::vector<Span> p = SplitParagraphs(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].In(text), "Titel");
  EXPECT_EQ(p[1].In(text), "Erster Absatz.");
  EXPECT_EQ(p[2].In(text), "Zweiter.");
  EXPECT_TRUE(SplitParagraphs("").empty());
}

}  // namespace
}  // namespace storyline::text
