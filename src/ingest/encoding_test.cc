#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {
namespace {

TEST(FindInvalidUtf8Test, Table) {
  struct Case {
    std::string_view input;
    size_t expected;
  };
  constexpr size_t kValid = std::string_view::npos;
  const Case cases[] = {
      {"", kValid},
      {"plain ascii", kValid},
      {"Stra\xC3\x9F" "e", kValid},             // ß
      {"\xE2\x82\xAC", kValid},                 // €
      {"\xF0\x9F\x98\x80", kValid},             // U+1F600
      {"Stra\xDF" "e", 4},                      // latin-1 ß
      {"ab\xC3", 2},                            // truncated
      {"\xC0\xAF", 0},                          // overlong '/'
      {"\xE0\x80\xAF", 0},                      // overlong
      {"\xED\xA0\x80", 0},                      // surrogate
      {"\xF4\x90\x80\x80", 0},                  // above U+10FFFF
      {"ok \xE2\x82" "x", 3},                   // bad continuation
      {"\x80", 0},                              // lone continuation
  };
  for (const Case& c : cases) {
    EXPECT_EQ(internal::FindInvalidUtf8(c.input), c.expected) << ::testing::PrintToString(c.input);
  }
}

TEST(LooksBinaryTest, Table) {
  EXPECT_FALSE(internal::LooksBinary("Text\twith\r\nline ends\f"));
  EXPECT_FALSE(internal::LooksBinary(""));
  EXPECT_TRUE(internal::LooksBinary(std::string_view("a\0b", 3)));
  EXPECT_TRUE(internal::LooksBinary("\x01\x02\x03\x04 abc"));
  EXPECT_FALSE(internal::LooksBinary("one stray \x1A control byte in a longer text"));
}

TEST(ToUtf8Test, ValidUtf8IsUnchanged) {
  std::string from = "stale";
  Result<std::string> r = ToUtf8("Gr\xC3\xBC\xC3\x9F" "e", &from);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "Gr\xC3\xBC\xC3\x9F" "e");
  EXPECT_EQ(from, "");
}

TEST(ToUtf8Test, ConvertsWindows1252German) {
  // "Größere Äpfel schmecken süß ..." in ISO-8859-1 / windows-1252.
  const std::string latin1 =
      "Die Stra\xDF" "e f\xFChrt \xFC" "ber die Br\xFC" "cke nach M\xFCnchen. Gr\xF6\xDF" "ere "
      "\xC4pfel schmecken s\xFC\xDF, \xF6" "fter als man denkt. M\xFCller und Schr\xF6" "der "
      "w\xFCrden n\xE4" "chste Woche \xFC" "ber Geb\xFChren f\xFCr Fu\xDFg\xE4nger verhandeln, "
      "sagte der B\xFCrgermeister am Donnerstag. Die \xC4nderungen seien gr\xF6\xDF" "er als "
      "erwartet.";
  std::string from;
  Result<std::string> r = ToUtf8(latin1, &from);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(from == "WINDOWS-1252" || from == "ISO-8859-1" || from == "ISO-8859-15") << from;
  EXPECT_NE(r->find("Stra\xC3\x9F" "e f\xC3\xBChrt"), std::string::npos) << *r;
  EXPECT_NE(r->find("\xC3\x84pfel"), std::string::npos);
  EXPECT_NE(r->find("Schr\xC3\xB6" "der"), std::string::npos);
  EXPECT_NE(r->find("n\xC3\xA4" "chste"), std::string::npos);
  EXPECT_EQ(internal::FindInvalidUtf8(*r), std::string_view::npos);
}

TEST(ToUtf8Test, RepairsStrayBytesInUtf8) {
  const std::string mostly_utf8 =
      "Der amerikanische Heimatschutzminister hat Massenabschiebungen ausgeschlossen. "
      "Gr\xC3\xB6\xC3\x9F" "ere \xC3\x84pfel und Stra\xDF" "e. Die S\xC3\xBC\xC3\x9F" "e.";
  std::string from;
  Result<std::string> r = ToUtf8(mostly_utf8, &from);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->find("Stra\xEF\xBF\xBD" "e. Die S\xC3\xBC\xC3\x9F" "e."), std::string::npos) << *r;
  EXPECT_TRUE(from.starts_with("UTF-8 with 1 invalid byte replaced")) << from;
}

TEST(ToUtf8Test, ConvertsUtf16WithByteOrderMark) {
  const std::string utf16le("\xFF\xFE" "A\0\xE4\0", 6);  // "Aä"
  std::string from;
  Result<std::string> r = ToUtf8(utf16le, &from);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "A\xC3\xA4");
  EXPECT_EQ(from, "UTF-16LE");
}

TEST(ToUtf8Test, RejectsBinary) {
  std::string from;
  Result<std::string> r = ToUtf8(std::string_view("\x7F" "ELF\0\0\0\x02", 8), &from);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("binary"), std::string::npos);
}

}  // namespace
}  // namespace storyline::ingest
