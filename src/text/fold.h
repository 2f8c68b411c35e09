// Internal: folding with the per-language decisions made once (an Analyzer
// folds millions of words in one language).
#ifndef STORYLINE_TEXT_FOLD_H_
#define STORYLINE_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace storyline::text::internal {

struct FoldOptions {
  bool strip = true;    // German umlaut rule and diacritic removal
  bool turkic = false;  // I → ı, İ → i
};

FoldOptions FoldOptionsFor(std::string_view lang);

// FoldTo with options from FoldOptionsFor.
void FoldWith(std::string_view word, FoldOptions options, std::string* out);

}  // namespace storyline::text::internal

#endif  // STORYLINE_TEXT_FOLD_H_
