#include "germeval.h"

#include "name_tags.h"
#include "storyline/text.h"

#include <algorithm>
#include <cassert>
#include <fstream>
#include <iterator>
#include <thread>

#include <fmt/format.h>

namespace storyline::extract {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

}  // namespace

Result<std::vector<GermEvalSentence>> ParseGermEval(std::string_view content, std::string_view origin) {
  std::vector<GermEvalSentence> out;
  GermEvalSentence cur;
  auto flush = [&]() {
    if (!cur.tagged.tokens.empty()) out.push_back(std::move(cur));
    cur = GermEvalSentence();
  };
  size_t line_no = 0;
  while (!content.empty()) {
    ++line_no;
    const size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.front() == '#') {
      if (!cur.tagged.tokens.empty()) flush();
      cur.comment.assign(line);
      continue;
    }
    const std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 3) {
      return Status::InvalidArgument(fmt::format(
          "{}:{}: expected index<TAB>token<TAB>outer<TAB>inner, got {} column(s)", origin, line_no,
          cols.size()));
    }
    const int tag = TagFromName(cols[2]);
    if (tag < 0) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: unknown tag '{}' (expected O, B-/I- with PER, LOC, ORG, OTH and "
                      "their deriv/part forms)", origin, line_no, cols[2]));
    }
    auto t = static_cast<uint8_t>(tag);
    if (IsInside(t)) {
      const auto& tags = cur.tagged.tags;
      if (tags.empty() || tags.back() == 0 || TagType(tags.back()) != TagType(t)) --t;  // I-x → B-x
    }
    cur.indexes.emplace_back(cols[0]);
    cur.tagged.tokens.emplace_back(cols[1]);
    cur.tagged.tags.push_back(t);
  }
  flush();
  return out;
}

Result<std::vector<GermEvalSentence>> ReadGermEval(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(fmt::format("{}: read failed", path));
  auto sentences = ParseGermEval(content, path);
  if (sentences.ok() && sentences->empty()) {
    return Status::InvalidArgument(fmt::format("{}: no sentences", path));
  }
  return sentences;
}

void NerScores::Add(std::span<const uint8_t> gold, std::span<const uint8_t> predicted) {
  assert(gold.size() == predicted.size());
  const std::vector<Chunk> g = ChunksOf(gold);
  const std::vector<Chunk> p = ChunksOf(predicted);
  auto count = [&](const Chunk& c, int64_t PrfCounts::*field) {
    all.*field += 1;
    by_type[c.type].*field += 1;
    if (c.type < 3) core.*field += 1;  // PER, LOC, ORG
  };
  for (const Chunk& c : g) count(c, &PrfCounts::gold);
  for (const Chunk& c : p) {
    count(c, &PrfCounts::predicted);
    if (std::find(g.begin(), g.end(), c) != g.end()) count(c, &PrfCounts::correct);
  }
}

std::string FormatPredictions(std::span<const GermEvalSentence> sentences,
                              std::span<const std::vector<uint8_t>> predicted) {
  assert(sentences.size() == predicted.size());
  std::string out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const GermEvalSentence& sent = sentences[s];
    if (!sent.comment.empty()) out += sent.comment + "\n";
    for (size_t i = 0; i < sent.tagged.tokens.size(); ++i) {
      out += fmt::format("{}\t{}\t{}\tO\n", sent.indexes[i], sent.tagged.tokens[i],
                         TagName(predicted[s][i]));
    }
    out += "\n";
  }
  return out;
}

void RepairTags(std::span<const GermEvalSentence> sentences, const Gazetteer& gazetteer,
                std::vector<std::vector<uint8_t>>* predicted) {
  assert(sentences.size() == predicted->size());
  const text::Folder folder("de");
  std::vector<std::string> folded;
  std::vector<std::string_view> words, folded_views;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& tokens = sentences[s].tagged.tokens;
    words.assign(tokens.begin(), tokens.end());
    folded.resize(tokens.size());
    folded_views.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      folded[i].clear();
      folder.To(tokens[i], &folded[i]);
      folded_views[i] = folded[i];
    }
    FixNameTags(gazetteer, words, folded_views, &(*predicted)[s]);
  }
}

std::vector<std::vector<uint8_t>> CrossValidate(std::span<const GermEvalSentence> sentences, int k,
                                                const Gazetteer& gazetteer,
                                                const TrainOptions& options) {
  assert(k >= 2);
  const size_t n = sentences.size();
  std::vector<std::vector<uint8_t>> predicted(n);
  auto bound = [&](int f) { return n * static_cast<size_t>(f) / static_cast<size_t>(k); };
  auto run_fold = [&](int f) {
    std::vector<TaggedSentence> train;
    train.reserve(n);
    for (size_t s = 0; s < n; ++s) {
      if (s < bound(f) || s >= bound(f + 1)) train.push_back(sentences[s].tagged);
    }
    const TaggerModel model = TaggerModel::Train(train, gazetteer, options);
    std::vector<std::string_view> views;
    for (size_t s = bound(f); s < bound(f + 1); ++s) {
      const auto& tokens = sentences[s].tagged.tokens;
      views.assign(tokens.begin(), tokens.end());
      model.Tag(views, gazetteer, &predicted[s]);
    }
  };
  // Folds write disjoint sentences, so they may run in parallel; the result
  // does not depend on the number of threads.
  const int threads = std::max(1, std::min<int>(k, static_cast<int>(std::thread::hardware_concurrency())));
  for (int first = 0; first < k; first += threads) {
    std::vector<std::thread> pool;
    for (int f = first; f < std::min(k, first + threads); ++f) pool.emplace_back(run_fold, f);
    for (std::thread& t : pool) t.join();
  }
  return predicted;
}

}  // namespace storyline::extract
