#include "word_clusters.h"

#include <simdjson.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "storyline/text.h"

namespace storyline::extract {
namespace {

uint32_t SlotMix(uint64_t h) { return static_cast<uint32_t>(h ^ (h >> 31)); }

template <typename T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out->append(buf, sizeof(T));
}

template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

// One run of the exchange algorithm. `preds[w]` lists (predecessor, count)
// for word w; predecessors range over [0, num_preds). Returns the class of
// each word.
std::vector<uint16_t> Exchange(const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& preds,
                               const std::vector<uint32_t>& counts, size_t num_preds,
                               uint16_t num_classes, int iterations,
                               const std::vector<double>& xlogx) {
  const size_t num_words = preds.size();
  const size_t c_count = num_classes;
  std::vector<uint16_t> cls(num_words);
  // Words come sorted by frequency: dealing them out round-robin spreads the
  // frequent ones over all classes.
  for (size_t w = 0; w < num_words; ++w) cls[w] = static_cast<uint16_t>(w % c_count);
  // n_vc[v * C + c]: how often predecessor v comes before a word of class c.
  std::vector<uint32_t> n_vc(num_preds * c_count, 0);
  std::vector<uint64_t> n_c(c_count, 0);
  for (size_t w = 0; w < num_words; ++w) {
    for (const auto& [v, n] : preds[w]) n_vc[v * c_count + cls[w]] += n;
    n_c[cls[w]] += counts[w];
  }
  auto f = [&](uint64_t x) { return x < xlogx.size() ? xlogx[x] : static_cast<double>(x) * std::log(static_cast<double>(x)); };
  std::vector<double> gain(c_count);
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < num_words; ++w) {
      const uint16_t from = cls[w];
      for (const auto& [v, n] : preds[w]) n_vc[v * c_count + from] -= n;
      n_c[from] -= counts[w];
      // Change of the log-likelihood Σ N(v,c) log N(v,c) − Σ N(c) log N(c)
      // when w joins class c.
      for (size_t c = 0; c < c_count; ++c) gain[c] = -(f(n_c[c] + counts[w]) - f(n_c[c]));
      for (const auto& [v, n] : preds[w]) {
        const uint32_t* row = n_vc.data() + v * c_count;
        for (size_t c = 0; c < c_count; ++c) gain[c] += f(row[c] + n) - f(row[c]);
      }
      size_t best = from;
      for (size_t c = 0; c < c_count; ++c) {
        if (gain[c] > gain[best] + 1e-9) best = c;
      }
      if (best != from) ++moved;
      cls[w] = static_cast<uint16_t>(best);
      for (const auto& [v, n] : preds[w]) n_vc[v * c_count + best] += n;
      n_c[best] += counts[w];
    }
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

uint64_t WordHash(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

WordClusters WordClusters::Learn(std::span<const std::vector<std::string>> sentences,
                                 const ClusterOptions& options) {
  // Vocabulary: words seen at least min_count times, by frequency (ties by
  // spelling, so that the result does not depend on hash-map order).
  std::unordered_map<std::string_view, uint32_t> freq;
  for (const auto& s : sentences) {
    for (const std::string& w : s) ++freq[w];
  }
  std::vector<std::pair<std::string_view, uint32_t>> vocab;
  for (const auto& [w, n] : freq) {
    if (n >= static_cast<uint32_t>(std::max(1, options.min_count))) vocab.emplace_back(w, n);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string_view, uint32_t> id;
  for (size_t i = 0; i < vocab.size(); ++i) id.emplace(vocab[i].first, static_cast<uint32_t>(i));
  // Word ids: the vocabulary, then one id for all rare words; as
  // predecessors also the sentence start.
  const auto rare = static_cast<uint32_t>(vocab.size());
  const uint32_t start = rare + 1;
  const size_t num_words = vocab.size() + 1;
  std::unordered_map<uint64_t, uint32_t> bigrams;
  for (const auto& s : sentences) {
    uint32_t prev = start;
    for (const std::string& w : s) {
      auto it = id.find(w);
      const uint32_t cur = it == id.end() ? rare : it->second;
      ++bigrams[static_cast<uint64_t>(cur) << 32 | prev];
      prev = cur;
    }
  }
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> preds(num_words);
  std::vector<uint32_t> counts(num_words, 0);
  uint64_t total = 0;
  for (const auto& [key, n] : bigrams) {
    const auto w = static_cast<uint32_t>(key >> 32);
    preds[w].emplace_back(static_cast<uint32_t>(key), n);
    counts[w] += n;
    total += n;
  }
  for (auto& p : preds) std::sort(p.begin(), p.end());
  std::vector<double> xlogx(std::min<uint64_t>(total, 1u << 22) + 1, 0.0);
  for (size_t x = 1; x < xlogx.size(); ++x) {
    xlogx[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }

  WordClusters out;
  out.levels_ = options.classes.size();
  std::vector<std::vector<uint16_t>> runs;
  for (uint16_t c : options.classes) {
    runs.push_back(Exchange(preds, counts, num_words + 1, std::max<uint16_t>(c, 1),
                            options.iterations, xlogx));
  }
  std::vector<uint32_t> order(vocab.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<uint64_t> hashes(vocab.size());
  for (size_t i = 0; i < vocab.size(); ++i) hashes[i] = WordHash(vocab[i].first);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return hashes[a] < hashes[b]; });
  for (uint32_t w : order) {
    if (!out.keys_.empty() && out.keys_.back() == hashes[w]) continue;  // a 64-bit collision
    out.keys_.push_back(hashes[w]);
    for (const auto& run : runs) out.classes_.push_back(run[w]);
  }
  out.BuildTable();
  return out;
}

void WordClusters::BuildTable() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  for (size_t j = 0; j < keys_.size(); ++j) {
    uint64_t s = SlotMix(keys_[j]) & mask_;
    while (slots_[s] != 0) s = (s + 1) & mask_;
    slots_[s] = static_cast<uint32_t>(j + 1);
  }
}

void WordClusters::PrefetchClassesOf(std::string_view word) const {
  if (keys_.empty()) return;
  __builtin_prefetch(slots_.data() + (SlotMix(WordHash(word)) & mask_));
}

void WordClusters::ClassesOf(std::string_view word, uint16_t* classes) const {
  std::fill(classes, classes + levels_, kNone);
  if (keys_.empty()) return;
  const uint64_t h = WordHash(word);
  uint64_t s = SlotMix(h) & mask_;
  while (const uint32_t v = slots_[s]) {
    if (keys_[v - 1] == h) {
      std::copy_n(classes_.data() + (v - 1) * levels_, levels_, classes);
      return;
    }
    s = (s + 1) & mask_;
  }
}

void WordClusters::AppendTo(std::string* out) const {
  Put<uint32_t>(out, static_cast<uint32_t>(levels_));
  Put<uint32_t>(out, static_cast<uint32_t>(keys_.size()));
  for (size_t j = 0; j < keys_.size(); ++j) {
    Put<uint64_t>(out, keys_[j]);
    for (size_t l = 0; l < levels_; ++l) Put<uint16_t>(out, classes_[j * levels_ + l]);
  }
}

bool WordClusters::Read(std::string_view* in) {
  uint32_t levels = 0, n = 0;
  if (!Get(in, &levels) || !Get(in, &n) || levels > 8) return false;
  if (in->size() / (8 + 2 * static_cast<size_t>(levels)) < n) return false;
  levels_ = levels;
  keys_.resize(n);
  classes_.resize(static_cast<size_t>(n) * levels);
  for (uint32_t j = 0; j < n; ++j) {
    Get(in, &keys_[j]);
    if (j > 0 && keys_[j] <= keys_[j - 1]) return false;
    for (size_t l = 0; l < levels; ++l) Get(in, &classes_[j * levels + l]);
  }
  BuildTable();
  return true;
}

Status AppendJsonlSentences(const std::string& path, std::string_view lang,
                            std::vector<std::vector<std::string>>* sentences) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) {
    return Status::NotFound(fmt::format("{}: cannot read the text corpus", path));
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("{}: not JSONL", path));
  }
  std::vector<text::Span> spans;
  std::vector<text::Token> tokens;
  for (auto doc : docs) {
    std::string_view raw;
    if (doc["text"].get_string().get(raw) != simdjson::SUCCESS) continue;
    const std::string clean = text::CleanText(raw);
    spans.clear();
    text::SplitSentences(clean, lang, &spans);
    for (const text::Span& span : spans) {
      const std::string_view sentence = span.In(clean);
      tokens.clear();
      text::Tokenize(sentence, &tokens);
      if (tokens.empty()) continue;
      std::vector<std::string>& out = sentences->emplace_back();
      for (const text::Token& t : tokens) out.emplace_back(sentence.substr(t.begin, t.end - t.begin));
    }
  }
  return Status::Ok();
}

}  // namespace storyline::extract
