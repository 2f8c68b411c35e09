// The SpkAtt speaker-attribution data (GermEval 2023/2024, German news) and
// the measure of its shared task, for scoring the quote finder (internal to
// the extract stage).
//
// Measure (the task's "simplified" subtask, as its scorer computes it,
// github.com/uhh-lt/news-speaker-attribution-2023, eval/classes.py): per
// document, gold quotations that are not nested and the predicted ones are
// paired one-to-one by an optimal assignment that maximises the summed F1 of
// their message tokens (plus 0.01 when the types agree, a tie-breaker); as
// in the scorer, the assignment pairs min(gold, predicted) quotations even
// where messages do not overlap. Every pair, every unpaired prediction and
// every unpaired gold quotation is a group; a group has a precision for the
// message (shared / predicted tokens) when it predicts tokens and a recall
// (shared / gold tokens) when it has gold tokens, and the same for the
// speaker. Message P and R are the means of the defined message values over
// all groups of all documents, speaker P and R likewise, joint P and R the
// means over both kinds together; each F1 is the harmonic mean of its P and
// R. The token counts pooled over all groups (micro) are reported beside it.
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
  std::string medium;        // "Speech", "SW", ...: a tie-breaker of the matching
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
// of the message, except in a speech act told in one sentence (its cue verb
// inside the message: "Die Polizei geht von Suizid aus."), which SpkAtt
// annotates as "Reported" speech, the whole sentence its message.
std::vector<SpkAttAnnotation> ToSpkAtt(const SpkAttDocument& doc, const std::vector<Quote>& quotes);

struct SpkAttScores {
  int gold = 0;       // top-level gold quotations
  int predicted = 0;
  int matched = 0;    // pairs whose messages share tokens
  // The shared task's measure: means over groups (see the top of this file).
  double message_p = 0, message_r = 0, message_f1 = 0;
  double speaker_p = 0, speaker_r = 0, speaker_f1 = 0;
  double joint_p = 0, joint_r = 0, joint_f1 = 0;
  // Tokens pooled over all groups: shared / predicted, shared / gold.
  double pooled_message_p = 0, pooled_message_r = 0, pooled_message_f1 = 0;
  double pooled_speaker_p = 0, pooled_speaker_r = 0, pooled_speaker_f1 = 0;
  double pooled_joint_p = 0, pooled_joint_r = 0, pooled_joint_f1 = 0;
  double mean_f1 = 0;  // harmonic mean of message_f1 and speaker_f1
};

// Counts accumulate over documents; call Add per document, then Scores().
class SpkAttScorer {
 public:
  void Add(const std::vector<SpkAttAnnotation>& gold,
           const std::vector<SpkAttAnnotation>& predicted);
  SpkAttScores Scores() const;

 private:
  struct Mean {
    double sum = 0;
    int64_t n = 0;
    void Add(double x) { sum += x, ++n; }
  };
  // Adds one group: shared, predicted and gold tokens of message and speaker.
  void AddGroup(size_t msg_tp, size_t msg_pred, size_t msg_gold, size_t spk_tp,
                size_t spk_pred, size_t spk_gold);

  int gold_ = 0, predicted_ = 0, matched_ = 0;
  Mean msg_p_, msg_r_, spk_p_, spk_r_;
  int64_t msg_tp_ = 0, msg_pred_ = 0, msg_gold_ = 0;
  int64_t spk_tp_ = 0, spk_pred_ = 0, spk_gold_ = 0;
};

// The optimal one-to-one assignment of rows to columns of `score` (all rows
// the same length) that maximises the summed score, pairing min(rows,
// columns) of them: for each row its column, or -1.
std::vector<int> MaxAssignment(const std::vector<std::vector<double>>& score);

// One line of the predictions file (no trailing newline): documentName and
// annotations with quote, speaker and cue as {"tokenIds": [...]}, type and
// isNested, as in the gold file.
std::string SpkAttPredictionLine(const SpkAttDocument& doc,
                                 const std::vector<SpkAttAnnotation>& predicted);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_SPKATT_H_
