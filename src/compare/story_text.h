// The text of a story prepared for comparison: sentences with their content
// stems as interned ids, per article. Internal to src/compare.
#ifndef STORYLINE_COMPARE_STORY_TEXT_H_
#define STORYLINE_COMPARE_STORY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/text.h"

namespace storyline::compare {

// Sorted, distinct stem ids.
using StemSet = std::vector<int>;

// Content stems of text, interned. Owns one text::Analyzer per language.
// Not thread-safe: one per BuildBriefing call.
class StemIndex {
 public:
  // Appends the content stems of `text` (words that are not stop words, at
  // least two letters, and numbers) to *out, sorted and distinct.
  StemSet Stems(std::string_view text, std::string_view lang);
  // Every word and number of `text` with its byte span and stem id; stop
  // words and one-letter words have stem -1.
  struct TermRef {
    uint32_t begin = 0;
    uint32_t end = 0;
    int stem = -1;
    bool number = false;
  };
  std::vector<TermRef> Terms(std::string_view text, std::string_view lang);
  // The id of one word's matching stem (folded and stemmed here).
  int StemOfWord(std::string_view word, std::string_view lang);
  const std::string& Name(int id) const { return names_[static_cast<size_t>(id)]; }
  int size() const { return static_cast<int>(names_.size()); }

 private:
  int Intern(std::string_view stem);

  text::Analyzers analyzers_;
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
  std::string scratch_;
};

// The matching key of a stem: Fold spells ä/ö/ü as ae/oe/ue, which hides the
// umlaut plural from the Snowball German stemmer (Einsatz / Einsätzen →
// "einsatz" / "einsaetz"); Snowball's own postlude maps ä → a, so we do the
// same on the folded spelling. The conflations it adds ("feuer" → "fer") are
// harmless for matching within one story.
void UmlautKey(std::string_view stem, std::string* out);

struct Sentence {
  int article = 0;        // index into the story's articles
  int index = 0;          // sentence number within the article
  uint32_t begin = 0;     // byte span in the article text
  uint32_t end = 0;
  bool furniture = false; // heading, byline, "weitere Videos": not a statement
  StemSet stems;
};

// Size of the intersection of two sorted sets.
int SharedCount(const StemSet& a, const StemSet& b);
// |a ∩ b| / min(|a|, |b|); 0 when either is empty.
double OverlapCoefficient(int shared, size_t a, size_t b);
// |a ∩ b| / sqrt(|a| |b|) (the cosine of binary vectors).
double SetCosine(int shared, size_t a, size_t b);

// Splits an article text into sentences, marking furniture: a paragraph that
// is one short line without final punctuation (a heading: "Mexiko irritiert
// von Trump-Politik", "weitere Videos").
std::vector<Sentence> SplitStory(std::string_view text, std::string_view lang, int article,
                                 StemIndex& stems);

// Code points of UTF-8 text.
size_t CodePoints(std::string_view s);

}  // namespace storyline::compare

#endif  // STORYLINE_COMPARE_STORY_TEXT_H_
