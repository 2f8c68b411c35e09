#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

// Tokens as "text/kind" with kind w, n or p: readable table entries.
std::vector<std::string> Render(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    const char kind = t.kind == TokenKind::kWord ? 'w' : t.kind == TokenKind::kNumber ? 'n' : 'p';
    out.push_back(std::string(text.substr(t.begin, t.end - t.begin)) + "/" + kind);
  }
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> expected;
};

TEST(TokenizeTest, Table) {
  const std::vector<Case> cases = {
      {"", {}},
      {"   ", {}},
      {"Hallo Welt", {"Hallo/w", "Welt/w"}},
      {"5,8 Millionen", {"5,8/n", "Millionen/w"}},
      {"fast 410'000 Menschen", {"fast/w", "410'000/n", "Menschen/w"}},
      {"410\xE2\x80\x99" "000", {"410\xE2\x80\x99" "000/n"}},
      {"1.000 und 1.000.000", {"1.000/n", "und/w", "1.000.000/n"}},
      {"3.5 or 1,000,000", {"3.5/n", "or/w", "1,000,000/n"}},
      {"im Fiskaljahr 2016.", {"im/w", "Fiskaljahr/w", "2016/n", "./p"}},
      {"Nur gut 24 Stunden", {"Nur/w", "gut/w", "24/n", "Stunden/w"}},
      {"US-Au\xC3\x9F" "enminister", {"US-Au\xC3\x9F" "enminister/w"}},
      {"von Trump-Politik", {"von/w", "Trump-Politik/w"}},
      {"im In-und Ausland", {"im/w", "In-und/w", "Ausland/w"}},
      {"Sicherheits- und", {"Sicherheits/w", "-/p", "und/w"}},
      {"Mexikos \xE2\x80\x93 mit", {"Mexikos/w", "\xE2\x80\x93/p", "mit/w"}},
      {"don't", {"don't/w"}},
      {"geht\xE2\x80\x99s", {"geht\xE2\x80\x99s/w"}},
      {"'Zitat'", {"'/p", "Zitat/w", "'/p"}},
      {"\"Militär\xC2\xADoperation\".",
       {"\"/p", "Milit\xC3\xA4r\xC2\xADoperation/w", "\"/p", "./p"}},
      {"U.S. officials", {"U.S./w", "officials/w"}},
      {"z. B. so", {"z/w", "./p", "B/w", "./p", "so/w"}},
      {"z.B. so", {"z.B./w", "so/w"}},
      {"U.S.-Pr\xC3\xA4sident", {"U.S.-Pr\xC3\xA4sident/w"}},
      {"2016er G20 G-20 3D", {"2016er/w", "G20/w", "G-20/w", "3D/w"}},
      {"21-j\xC3\xA4hrige", {"21-j\xC3\xA4hrige/w"}},
      {"2-3 Tore", {"2/n", "-/p", "3/n", "Tore/w"}},
      {"5%", {"5/n", "%/p"}},
      {"10:30 Uhr", {"10/n", ":/p", "30/n", "Uhr/w"}},
      {"am 20.01.2017", {"am/w", "20.01.2017/n"}},
      {"www.allinrechner.at", {"www/w", "./p", "allinrechner/w", "./p", "at/w"}},
      {"(Nafta)", {"(/p", "Nafta/w", ")/p"}},
      {"Pe\xC3\xB1" "a Nieto", {"Pe\xC3\xB1" "a/w", "Nieto/w"}},
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0!", {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0/w", "!/p"}},
      {"1,5-Zimmer", {"1,5-Zimmer/w"}},
      {"Ende.Anfang", {"Ende/w", "./p", "Anfang/w"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Render(c.text), c.expected) << "text: " << c.text;
  }
}

TEST(TokenizeTest, AppendsAndKeepsOffsets) {
  std::vector<Token> tokens = {Token{0, 1, TokenKind::kPunct}};
  Tokenize("ab 12", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1], (Token{0, 2, TokenKind::kWord}));
  EXPECT_EQ(tokens[2], (Token{3, 5, TokenKind::kNumber}));
}

TEST(ParseNumberTest, Table) {
  struct NumberCase {
    std::string token;
    std::string lang;
    std::optional<double> expected;
  };
  const std::vector<NumberCase> cases = {
      {"2016", "de", 2016},
      {"24", "de", 24},
      {"5,8", "de", 5.8},
      {"5,8", "en", 5.8},
      {"410'000", "de", 410000},
      {"410\xE2\x80\x99" "000", "de", 410000},
      {"410'000.50", "de", 410000.5},
      {"1.000", "de", 1000},
      {"1.000", "en", 1},
      {"1.000", "", 1000},
      {"1.000.000", "de", 1000000},
      {"1,000", "en", 1000},
      {"1,000", "de", 1},
      {"1,000,000", "en", 1000000},
      {"1,000,000", "de", 1000000},
      {"3.5", "en", 3.5},
      {"3.5", "de", 3.5},
      {"1.000,5", "de", 1000.5},
      {"1,000.5", "en", 1000.5},
      {"12.345.678,9", "de", 12345678.9},
      {"-5,8", "de", -5.8},
      {"0,5", "fr", 0.5},
      {"20.01.2017", "de", std::nullopt},
      {"10.00.0", "de", std::nullopt},
      {"1.000,5,5", "de", std::nullopt},
      {"12345,678", "en", std::nullopt},
      {"1..2", "de", std::nullopt},
      {"abc", "de", std::nullopt},
      {"5a", "de", std::nullopt},
      {"", "de", std::nullopt},
      {",5", "de", std::nullopt},
      {"5.", "de", std::nullopt},
  };
  for (const NumberCase& c : cases) {
    const std::optional<double> got = ParseNumber(c.token, c.lang);
    ASSERT_EQ(got.has_value(), c.expected.has_value()) << c.token << " (" << c.lang << ")";
    if (got) {
      EXPECT_DOUBLE_EQ(*got, *c.expected) << c.token << " (" << c.lang << ")";
    }
  }
}

}  // namespace
}  // namespace storyline::text
