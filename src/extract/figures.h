// Figures: numbers with what they count, normalized (internal to the extract
// stage). "schätzungsweise 5,8 Millionen Mexikaner ohne Aufenthaltsgenehmigung"
// → 5800000, counted "Mexikaner ohne Aufenthaltsgenehmigung", qualifier
// "about". Digits are read with text::ParseNumber in the article's language.
#ifndef STORYLINE_EXTRACT_FIGURES_H_
#define STORYLINE_EXTRACT_FIGURES_H_

#include <optional>
#include <string_view>

#include "extract/word_view.h"
#include "storyline/extract.h"

namespace storyline::extract {

// Appends the figures of view.text to ex->figures, in text order. Numbers
// inside ex->dates (years, "20. Januar") are not figures, so FindDates runs
// first.
void FindFigures(const WordView& view, Extraction* ex);

// The value of a German or English number word, folded: "elf" → 11,
// "zwanzig" → 20, "dreihundert" → 300, "fuenfundzwanzig" → 25,
// "twelve" → 12. nullopt otherwise. "ein"/"eine" are not numbers on their own.
std::optional<double> NumberWordValue(std::string_view folded);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_FIGURES_H_
