// GermEval 2014 NER data and its official metric (internal to extract/):
// reading the 4-column TSV, strict span-and-type precision/recall/F1 on the
// outer chunks, prediction files, and K-fold cross-validation of the tagger.
#ifndef STORYLINE_EXTRACT_GERMEVAL_H_
#define STORYLINE_EXTRACT_GERMEVAL_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "storyline/status.h"
#include "tagger.h"

namespace storyline::extract {

struct GermEvalSentence {
  std::string comment;               // the "#\t..." line before it, if any
  std::vector<std::string> indexes;  // first column, as written
  TaggedSentence tagged;             // tokens and outer tags (valid BIO)
};

// Parses `index<TAB>token<TAB>outer<TAB>inner` lines, '#' comment lines and
// blank lines between sentences. An I- tag that does not continue a chunk of
// its type opens one (as conlleval reads it). Errors name the line.
Result<std::vector<GermEvalSentence>> ParseGermEval(std::string_view content, std::string_view origin);
Result<std::vector<GermEvalSentence>> ReadGermEval(const std::string& path);

struct PrfCounts {
  int64_t gold = 0;
  int64_t predicted = 0;
  int64_t correct = 0;
  double Precision() const { return predicted == 0 ? 0.0 : static_cast<double>(correct) / predicted; }
  double Recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / gold; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

// Strict span-and-type scores: a predicted chunk is correct when a gold chunk
// has the same begin, end and type.
struct NerScores {
  PrfCounts all;                           // every type
  PrfCounts core;                          // PER, LOC, ORG only
  std::array<PrfCounts, kNumTypes> by_type{};
  // Adds one sentence.
  void Add(std::span<const uint8_t> gold, std::span<const uint8_t> predicted);
};

// The sentences in the input's 4-column format with `predicted` as the outer
// column and "O" as the inner one.
std::string FormatPredictions(std::span<const GermEvalSentence> sentences,
                              std::span<const std::vector<uint8_t>> predicted);

// K-fold cross-validation: sentences are cut into k contiguous folds; each
// fold is tagged by a model trained on the others. Returns the pooled tags,
// one vector per sentence. k >= 2. Deterministic.
std::vector<std::vector<uint8_t>> CrossValidate(std::span<const GermEvalSentence> sentences, int k,
                                                const Gazetteer& gazetteer,
                                                const TrainOptions& options);

// Applies to each sentence's predicted tags the repairs the recognizer makes
// after tagging (FixNameTags in name_tags.h), so that a score measures the
// names `storyline extract` gives.
void RepairTags(std::span<const GermEvalSentence> sentences, const Gazetteer& gazetteer,
                std::vector<std::vector<uint8_t>>* predicted);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_GERMEVAL_H_
