// IdentifyLanguage: CLD2 over plain text.
// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>
#include <string_view>

#include "storyline/text.h"

namespace storyline::text {
namespace {

// CLD2 speaks a few retired or regional codes; the rest of the engine speaks
// ISO 639-1 where there is one.
std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  std::string_view code = CLD2::LanguageCode(lang);
  if (code.empty() || code == "un" || code == "xxx") return {};
  const size_t dash = code.find('-');
  if (dash != std::string_view::npos) code = code.substr(0, dash);  // "zh-Hant", "sr-ME"
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "jw") return "jv";
  if (code == "mo") return "ro";
  return std::string(code);
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text) {
  LanguageGuess guess;
  if (text.empty()) return guess;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  // CLD2 takes an int length; a longer text is judged by its first 2 GiB.
  const int size = text.size() > 0x7FFFFFFF ? 0x7FFFFFFF : static_cast<int>(text.size());
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), size, /*is_plain_text=*/true, &hints, /*flags=*/0, language3, percent3,
      scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  guess.code = IsoCode(top);
  if (guess.code.empty()) return guess;
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == top) guess.percent = percent3[i];
  }
  guess.reliable = reliable;
  return guess;
}

}  // namespace storyline::text
