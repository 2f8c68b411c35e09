#include "cluster/evaluation.h"

#include <simdjson.h>

#include <cassert>
#include <cstdint>
#include <fstream>
#include <map>
#include <utility>

#include <fmt/format.h>

namespace storyline::cluster {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// The contingency table: items per (cluster, class), per cluster, per class.
struct Contingency {
  std::map<std::pair<std::string_view, std::string_view>, int64_t> cells;
  std::unordered_map<std::string_view, int64_t> clusters;
  std::unordered_map<std::string_view, int64_t> classes;
};

Contingency Count(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  assert(predicted.size() == gold.size());
  Contingency c;
  for (size_t i = 0; i < predicted.size(); ++i) {
    ++c.cells[{predicted[i], gold[i]}];
    ++c.clusters[predicted[i]];
    ++c.classes[gold[i]];
  }
  return c;
}

double Pairs(int64_t n) { return static_cast<double>(n) * static_cast<double>(n - 1) / 2; }

}  // namespace

Scores BCubed(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  if (predicted.empty()) return {1, 1, 1};
  const Contingency c = Count(predicted, gold);
  // Each of the n_ij items of a cell has precision n_ij / |cluster| and
  // recall n_ij / |class|.
  double p = 0;
  double r = 0;
  for (const auto& [key, n] : c.cells) {
    const double nij = static_cast<double>(n);
    p += nij * nij / static_cast<double>(c.clusters.at(key.first));
    r += nij * nij / static_cast<double>(c.classes.at(key.second));
  }
  const double items = static_cast<double>(predicted.size());
  Scores s;
  s.precision = p / items;
  s.recall = r / items;
  s.f1 = F1(s.precision, s.recall);
  return s;
}

Scores Pairwise(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  const Contingency c = Count(predicted, gold);
  double both = 0;
  double in_clusters = 0;
  double in_classes = 0;
  for (const auto& [key, n] : c.cells) both += Pairs(n);
  for (const auto& [key, n] : c.clusters) in_clusters += Pairs(n);
  for (const auto& [key, n] : c.classes) in_classes += Pairs(n);
  Scores s;
  s.precision = in_clusters > 0 ? both / in_clusters : 1;
  s.recall = in_classes > 0 ? both / in_classes : 1;
  s.f1 = F1(s.precision, s.recall);
  return s;
}

Result<std::unordered_map<std::string, std::string>> ReadGoldLabels(const std::string& path,
                                                                     std::string_view field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot open", path));
  std::unordered_map<std::string, std::string> labels;
  simdjson::ondemand::parser parser;
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto fail = [&](std::string_view what) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", path, number, what));
    };
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(object) != simdjson::SUCCESS) {
      return fail("not a JSON object");
    }
    std::string id;
    std::string label;
    bool has_id = false;
    bool has_label = false;
    for (auto member : object) {
      std::string_view key;
      if (member.unescaped_key().get(key) != simdjson::SUCCESS) return fail("not JSON");
      if (key != "id" && key != field) continue;
      simdjson::ondemand::value value;
      if (member.value().get(value) != simdjson::SUCCESS) return fail("not JSON");
      std::string text;
      std::string_view sv;
      int64_t integer = 0;
      if (value.get_string().get(sv) == simdjson::SUCCESS) {
        text.assign(sv);
      } else if (value.get_int64().get(integer) == simdjson::SUCCESS) {
        text = std::to_string(integer);
      } else {
        return fail(fmt::format("\"{}\" is neither a string nor an integer", key));
      }
      if (key == "id") {
        id = std::move(text);
        has_id = true;
      } else {
        label = std::move(text);
        has_label = true;
      }
    }
    if (!has_id) return fail("no \"id\"");
    if (has_label) labels[id] = std::move(label);
  }
  if (in.bad()) return Status::IoError(fmt::format("{}: read failed", path));
  return labels;
}

}  // namespace storyline::cluster
