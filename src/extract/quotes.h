// Quotations and reported speech with their speakers (internal to the
// extract stage). Rule-based, linear in the number of words.
//
// Direct quotes are text between quotation marks („…“, "…", «…», »…«, ‚…‘,
// '…') that a speech cue introduces or follows ("…", sagte Kelly;
// Dazu erklärte Sheinbaum: "…") or that continues an attributed quote.
// Short quotes without a cue (scare quotes, titles) are not quotations.
// Reported speech is a clause governed by a speech verb ("Kelly betonte, die
// Maßnahmen zielten ..."; "..., fügte Kelly hinzu"), a source phrase
// ("nach den Worten von X", "X zufolge", "laut X", ", so X") or a sentence in
// Konjunktiv I right after a quotation (the speaker carries over).
#ifndef STORYLINE_EXTRACT_QUOTES_H_
#define STORYLINE_EXTRACT_QUOTES_H_

#include <string_view>

#include "extract/word_view.h"
#include "storyline/extract.h"

namespace storyline::extract {

// Appends the quotations of view.text to ex->quotes, in text order. Speakers
// resolve to ex->entities through ex->mentions (which may be empty): a name
// in the speaker phrase, a pronoun ("sagte er" → the nearest preceding
// person), or a role noun ("der Minister" → the entity whose role names it,
// most recently mentioned).
void FindQuotes(const WordView& view, Extraction* ex);

// The speech verb lexicon: whether `folded` (text::Fold) is a finite or
// participle form of a speech verb ("sagte", "erklaert", "said"). For
// separable verbs ("teilte ... mit") *particles lists the particles that must
// follow ("mit"), separated by '|'; empty when none is needed.
bool IsSpeechVerb(std::string_view folded, std::string_view* particles);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_QUOTES_H_
