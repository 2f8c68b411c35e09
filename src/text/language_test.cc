#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "storyline/text.h"

namespace storyline::text {
namespace {

TEST(IdentifyLanguageTest, Seeds) {
  const std::filesystem::path dir = std::filesystem::path(STORYLINE_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const LanguageGuess guess = IdentifyLanguage(Normalize(ss.str()));
    EXPECT_EQ(guess.code, "de") << entry.path();
    EXPECT_TRUE(guess.reliable) << entry.path();
    EXPECT_GT(guess.percent, 50) << entry.path();
    ++seen;
  }
  if (seen == 0) GTEST_SKIP() << "no seeds in " << dir;
}

TEST(IdentifyLanguageTest, ShortSamples) {
  struct Case {
    std::string code;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"de", "Der Minister reiste am Donnerstag nach Mexiko, um mit der Regierung über die "
             "Grenze und den Handel zu sprechen."},
      {"en", "The minister travelled to Mexico on Thursday to talk with the government about "
             "the border and about trade."},
      {"es", "El ministro viajó el jueves a México para hablar con el gobierno sobre la "
             "frontera y el comercio entre los dos países."},
      {"fr", "Le ministre s'est rendu jeudi au Mexique pour parler avec le gouvernement de la "
             "frontière et du commerce entre les deux pays."},
      {"pt", "O ministro viajou na quinta-feira para o México para conversar com o governo "
             "sobre a fronteira e o comércio entre os dois países."},
      {"it", "Il ministro si è recato giovedì in Messico per parlare con il governo della "
             "frontiera e del commercio tra i due paesi."},
      {"nl", "De minister reisde donderdag naar Mexico om met de regering te praten over de "
             "grens en over de handel tussen beide landen."},
      {"ru", "Министр в четверг отправился в Мексику, чтобы обсудить с правительством "
             "вопросы границы и торговли между двумя странами."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IdentifyLanguage(c.text).code, c.code) << c.text;
  }
}

TEST(IdentifyLanguageTest, NothingToJudge) {
  EXPECT_EQ(IdentifyLanguage("").code, "");
  EXPECT_EQ(IdentifyLanguage("12345 67 !!!").code, "");
  EXPECT_EQ(IdentifyLanguage("a\xFF\xFE" "b").code, "");  // invalid UTF-8
}

}  // namespace
}  // namespace storyline::text
