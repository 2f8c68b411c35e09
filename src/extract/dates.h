// Dates: absolute ("Dezember 2024", "Fiskaljahr 2016", "20. Januar",
// "23.02.2017") and relative ("am Donnerstag", "gestern", "vor vier Jahren")
// mentions, resolved against the publication date (internal to the extract
// stage).
#ifndef STORYLINE_EXTRACT_DATES_H_
#define STORYLINE_EXTRACT_DATES_H_

#include "extract/word_view.h"
#include "storyline/article.h"
#include "storyline/extract.h"

namespace storyline::extract {

// Appends the dates of view.text to ex->dates, in text order. A relative
// date resolves when `published` is precise enough: weekdays and day
// offsets need the day ("am Donnerstag" → the latest Thursday on or before
// publication), year offsets the year; otherwise value stays "" and relation
// says what the text gave ("weekday:4", "days:-1", "years:-4"). A day and
// month without a year ("20. Januar") take the publication year (the year
// before when that would put them more than a week after publication).
void FindDates(const WordView& view, const PublishedDate& published, Extraction* ex);

// The month a folded word names, German or English ("maerz", "jaenner",
// "feber", "march"): 1 to 12, else 0.
int MonthOfWord(std::string_view folded);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_DATES_H_
