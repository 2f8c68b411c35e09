// Clustering metrics against gold labels: B-cubed (Bagga & Baldwin 1998) and
// pairwise precision/recall/F1, and a reader for gold labels in the JSONL
// article format of shared/bench/README.md.
#ifndef STORYLINE_CLUSTER_EVALUATION_H_
#define STORYLINE_CLUSTER_EVALUATION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/status.h"

namespace storyline::cluster {

struct Scores {
  double precision = 0;
  double recall = 0;
  double f1 = 0;  // harmonic mean of precision and recall (0 when both are 0)
};

// Item i is in cluster predicted[i] and gold class gold[i]; both vectors must
// have the same length (asserted). Empty input scores 1/1/1.
//
// B-cubed: per item, precision = |own cluster ∩ own class| / |own cluster|
// and recall = |own cluster ∩ own class| / |own class|, each averaged over
// the items; F1 from the averaged precision and recall.
Scores BCubed(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

// Pairwise: over all unordered pairs of items, precision = pairs together in
// both / pairs together in the clustering, recall = pairs together in both /
// pairs together in the gold classes. A side without any pair scores 1.
Scores Pairwise(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

// Reads `field` ("gold", "gold_topic", ...) of every line of a JSONL file,
// keyed by the line's "id". String and integer labels are accepted (integers
// as their decimal text). Lines without the field are skipped. Fails for an
// unreadable file, a line that is not a JSON object, or a line without a
// string "id", naming the file and line.
Result<std::unordered_map<std::string, std::string>> ReadGoldLabels(const std::string& path,
                                                                     std::string_view field);

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_EVALUATION_H_
