#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

struct Case {
  std::string word;
  std::string lang;
  std::string expected;
};

TEST(FoldTest, Table) {
  const std::vector<Case> cases = {
      {"Haus", "de", "haus"},
      {"Au\xC3\x9F" "enminister", "de", "aussenminister"},   // Außenminister
      {"Aussenminister", "de", "aussenminister"},
      {"AUSSENMINISTER", "de", "aussenminister"},
      {"AU\xE1\xBA\x9E" "ENMINISTER", "de", "aussenminister"},  // capital ẞ
      {"M\xC3\xBCller", "de", "mueller"},                       // Müller
      {"Mueller", "de", "mueller"},
      {"M\xC3\x9CLLER", "de", "mueller"},                       // MÜLLER
      {"Mu\xCC\x88ller", "de", "mueller"},                      // u + combining diaeresis
      {"Ma\xC3\x9Fnahmen", "de", "massnahmen"},                 // Maßnahmen
      {"Massnahmen", "de", "massnahmen"},
      {"gro\xC3\x9F" "fl\xC3\xA4" "chigen", "de", "grossflaechigen"},
      {"grossfl\xC3\xA4" "chigen", "de", "grossflaechigen"},
      {"\xC3\x84u\xC3\x9F" "erungen", "de", "aeusserungen"},   // Äußerungen
      {"Pe\xC3\xB1" "a", "es", "pena"},                         // Peña
      {"Pena", "es", "pena"},
      {"Pe\xC3\xB1" "a", "", "pena"},
      {"Caf\xC3\xA9", "fr", "cafe"},
      {"\xC3\x89" "cole", "fr", "ecole"},                       // École
      {"S\xC3\xA3o", "pt", "sao"},
      {"\xC5\x81\xC3\xB3" "d\xC5\xBA", "pl", "lodz"},           // Łódź
      {"\xC5\x92uvre", "fr", "oeuvre"},                         // Œuvre
      {"US-Au\xC3\x9F" "enminister", "de", "us-aussenminister"},
      {"U.S.", "en", "us"},
      {"z.B.", "de", "zb"},
      {"don\xE2\x80\x99t", "en", "don't"},                      // ’ → '
      {"Au\xC3\x9F" "en\xC2\xAD" "minister", "de", "aussenminister"},  // soft hyphen dropped
      {"\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", "el", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"},  // Αθήνα → αθηνα
      {"\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "ru", "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0"},  // Ёлка → елка
      {"\xD0\x99\xD0\xBE\xD0\xB3\xD0\xB0", "ru", "\xD0\xB9\xD0\xBE\xD0\xB3\xD0\xB0"},  // Йога: й stays
      {"\xC4\xB0stanbul", "tr", "istanbul"},                    // İstanbul
      {"ISPARTA", "tr", "\xC4\xB1sparta"},                      // dotless ı in Turkish
      {"G\xC3\xB6teborg", "sv", "g\xC3\xB6teborg"},             // Swedish keeps ö
      {"Stra\xC3\x9F" "e", "sv", "strasse"},
      {"", "de", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Fold(c.word, c.lang), c.expected) << c.word << " (" << c.lang << ")";
    std::string folded;
    Folder(c.lang).To(c.word, &folded);
    EXPECT_EQ(folded, c.expected) << "Folder: " << c.word << " (" << c.lang << ")";
  }
}

TEST(FoldTest, AppendsToOutput) {
  std::string out = "x:";
  FoldTo("ABC", "en", &out);
  EXPECT_EQ(out, "x:abc");
}

TEST(StopWordTest, Table) {
  struct StopCase {
    std::string folded;
    std::string lang;
    bool stop;
  };
  const std::vector<StopCase> cases = {
      {"der", "de", true},          {"und", "de", true},
      {"fuer", "de", true},         {"ueber", "de", true},
      {"minister", "de", false},    {"mexiko", "de", false},
      {"the", "en", true},          {"minister", "en", false},
      {"der", "en", false},         {"the", "de", false},
      {"el", "es", true},           {"mas", "es", true},
      {"les", "fr", true},          {"ete", "fr", true},
      {"nao", "pt", true},          {"della", "it", true},
      {"het", "nl", true},          {"\xD0\xB8", "ru", true},  // и
      {"\xD0\xB5\xD1\x89\xD0\xB5", "ru", true},                // еще (from ещё)
      {"und", "", false},           {"und", "xx", false},
  };
  for (const StopCase& c : cases) {
    EXPECT_EQ(IsStopWord(c.folded, c.lang), c.stop) << c.folded << " (" << c.lang << ")";
  }
}

}  // namespace
}  // namespace storyline::text
