// The SpkAtt speaker-attribution data (GermEval 2023/2024, German news) and
// a simplified form of its measure, for scoring the quote finder (internal
// to the extract stage).
//
// Measure: gold quotations that are not nested; predicted and gold messages
// matched one-to-one, greedily by the number of shared message tokens; for
// messages and for speakers, precision = shared tokens of matched pairs /
// predicted tokens, recall = shared tokens / gold tokens (unmatched
// quotations count in the denominators). Joint pools the message and
// speaker tokens into one precision and recall; `mean_f1` is the harmonic
// mean of the two F1 values, reported beside it.
#ifndef STORYLINE_EXTRACT_SPKATT_H_
#define STORYLINE_EXTRACT_SPKATT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "storyline/extract.h"
#include "storyline/status.h"

namespace storyline::extract {

struct SpkAttToken {
  uint32_t begin = 0;  // code point offsets into the document text
  uint32_t end = 0;
};

struct SpkAttAnnotation {
  std::vector<int> message;  // token ids, ascending
  std::vector<int> speaker;
  std::vector<int> cue;
  std::string type;          // "Direct", "Indirect", ...
  bool nested = false;
};

struct SpkAttDocument {
  std::string name;  // documentName
  std::string text;  // UTF-8
  std::vector<SpkAttToken> tokens;  // by id
  std::vector<SpkAttAnnotation> gold;
};

// Reads a SpkAtt JSONL file. Errors name the file and line.
Result<std::vector<SpkAttDocument>> ReadSpkAtt(const std::string& path);

// Quotations (byte offsets into doc.text) as annotations over the
// document's tokens: a token belongs to a span it overlaps; a direct
// quotation takes its quotation marks; cue and speaker tokens are left out
// of the message.
std::vector<SpkAttAnnotation> ToSpkAtt(const SpkAttDocument& doc, const std::vector<Quote>& quotes);

struct SpkAttScores {
  int gold = 0;       // top-level gold quotations
  int predicted = 0;
  int matched = 0;
  double message_p = 0, message_r = 0, message_f1 = 0;
  double speaker_p = 0, speaker_r = 0, speaker_f1 = 0;
  double joint_p = 0, joint_r = 0, joint_f1 = 0;
  double mean_f1 = 0;  // harmonic mean of message_f1 and speaker_f1
};

// Counts accumulate over documents; call Add per document, then Scores().
class SpkAttScorer {
 public:
  void Add(const std::vector<SpkAttAnnotation>& gold,
           const std::vector<SpkAttAnnotation>& predicted);
  SpkAttScores Scores() const;

 private:
  int gold_ = 0, predicted_ = 0, matched_ = 0;
  int64_t msg_tp_ = 0, msg_pred_ = 0, msg_gold_ = 0;
  int64_t spk_tp_ = 0, spk_pred_ = 0, spk_gold_ = 0;
};

// One line of the predictions file (no trailing newline): documentName and
// annotations with quote, speaker and cue as {"tokenIds": [...]}, type and
// isNested, as in the gold file.
std::string SpkAttPredictionLine(const SpkAttDocument& doc,
                                 const std::vector<SpkAttAnnotation>& predicted);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_SPKATT_H_
