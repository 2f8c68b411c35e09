#include "tagger.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "huge_pages.h"
#include "ner_features.h"

namespace storyline::extract {
namespace {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

constexpr std::string_view kTypeNames[kNumTypes] = {
    "PER", "LOC", "ORG", "OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv",
    "PERpart", "LOCpart", "ORGpart", "OTHpart"};

constexpr std::string_view kMagic = "SLNERv2\n";
constexpr int kT = kNumTags;

constexpr float kNeg = -std::numeric_limits<float>::infinity();

// BIO constraint: I-x only after B-x or I-x. prev -1 is the sentence start.
bool Allowed(int prev, int cur) {
  if (!IsInside(static_cast<uint8_t>(cur))) return true;
  return prev > 0 && TagType(static_cast<uint8_t>(prev)) == TagType(static_cast<uint8_t>(cur));
}

// Rows padded to kP floats so that the loops over tags vectorize.
constexpr int kLanes = 4;
constexpr int kP = (kT + kLanes - 1) / kLanes * kLanes;
constexpr int kBlocks = kP / kLanes;
// O and the B- tags, padded to whole registers.
constexpr int kOpen = 1 + kNumTypes;
constexpr int kOpenP = (kOpen + kLanes - 1) / kLanes * kLanes;
constexpr int kOpenBlocks = kOpenP / kLanes;
constexpr int OpenTag(int j) { return j == 0 ? 0 : 2 * j - 1; }

// Subtracted from the score of tag O (0) of every token when tagging (not
// while training).
constexpr float kOutsidePenalty = 5.0f;

// kLanes floats in one SSE register (a GCC and Clang vector extension), for
// the Viterbi loop.
using Lanes = float __attribute__((vector_size(kLanes * sizeof(float))));
Lanes LoadLanes(const float* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof(Lanes));
  return v;
}

// The transition scores in the layout Viterbi reads: start[c] for the first
// tag, from[p * kP + c] for p → c, -inf where BIO forbids the pair or c is
// padding.
struct Transitions {
  std::array<float, kP> start{};
  std::array<float, kT * kP> from{};
  // The same for the forward pass, split by what BIO allows: any tag may
  // precede O and B-x (open[p * kOpenP + j] for p → the j-th of them,
  // OpenTag(j)), only B-x and I-x precede I-x (inside[2 * x] from B-x,
  // inside[2 * x + 1] from I-x).
  std::array<float, kT * kOpenP> open{};
  std::array<float, 2 * kNumTypes> inside{};
};

// trans has (kT + 1) rows: row 0 the start, row p + 1 after tag p.
void BuildTransitions(const float* trans, Transitions* out) {
  out->start.fill(kNeg);
  out->from.fill(kNeg);
  for (int c = 0; c < kT; ++c) {
    if (Allowed(-1, c)) out->start[c] = trans[c];
    for (int p = 0; p < kT; ++p) {
      if (Allowed(p, c)) out->from[p * kP + c] = trans[(p + 1) * kT + c];
    }
  }
  out->open.fill(kNeg);
  for (int p = 0; p < kT; ++p) {
    for (int j = 0; j < kOpen; ++j) out->open[p * kOpenP + j] = out->from[p * kP + OpenTag(j)];
  }
  for (int x = 0; x < kNumTypes; ++x) {
    const int b = 1 + 2 * x, in = 2 + 2 * x;
    out->inside[2 * x] = out->from[b * kP + in];
    out->inside[2 * x + 1] = out->from[in * kP + in];
  }
}

// Best path under emission scores emit[i * kT + c]. The forward pass keeps
// only the best scores (elementwise over the target tag, which vectorizes);
// the way back recomputes the argmax along the path, n * kT work instead of
// back-pointers for every pair.
void Viterbi(const float* emit, size_t n, const Transitions& t, std::vector<float>* score,
             std::vector<uint8_t>* tags) {
  tags->assign(n, 0);
  if (n == 0) return;
  score->resize(n * kP);
  float* sc = score->data();
  for (int c = 0; c < kP; ++c) sc[c] = t.start[c] + (c < kT ? emit[c] : 0.0f);
  for (size_t i = 1; i < n; ++i) {
    const float* prev = sc + (i - 1) * kP;
    float* cur = sc + i * kP;
    const float* e = emit + i * kT;
    // O and B-x: every previous tag, all targets at once in registers
    // (kOpenBlocks of them: independent running maxima, none in memory;
    // the fold expression unrolls the loop over blocks, which -O2 left in
    // memory). I-x: only B-x and I-x, whose transitions to it are finite;
    // every other candidate is -inf and cannot change the max. The max of
    // the same candidates does not depend on their order.
    Lanes best[kOpenBlocks];
    for (int b = 0; b < kOpenBlocks; ++b) best[b] = prev[0] + LoadLanes(t.open.data() + b * kLanes);
    auto relax = [&]<size_t... B>(float v, const float* row, std::index_sequence<B...>) {
      // std::max, lane by lane.
      ((best[B] = best[B] < v + LoadLanes(row + B * kLanes) ? v + LoadLanes(row + B * kLanes)
                                                            : best[B]),
       ...);
    };
    for (int p = 1; p < kT; ++p) {
      relax(prev[p], t.open.data() + p * kOpenP, std::make_index_sequence<kOpenBlocks>());
    }
    float open_best[kOpenP];
    for (int b = 0; b < kOpenBlocks; ++b) {
      std::memcpy(open_best + b * kLanes, &best[b], sizeof(Lanes));
    }
    for (int j = 0; j < kOpen; ++j) cur[OpenTag(j)] = open_best[j] + e[OpenTag(j)];
    for (int x = 0; x < kNumTypes; ++x) {
      const int in = 2 + 2 * x;
      cur[in] = std::max(prev[in - 1] + t.inside[2 * x], prev[in] + t.inside[2 * x + 1]) + e[in];
    }
    for (int c = kT; c < kP; ++c) cur[c] = kNeg;
  }
  const float* last = sc + (n - 1) * kP;
  int arg = 0;
  for (int c = 1; c < kT; ++c) {
    if (last[c] > last[arg]) arg = c;
  }
  (*tags)[n - 1] = static_cast<uint8_t>(arg);
  for (size_t i = n - 1; i > 0; --i) {
    const float* prev = sc + (i - 1) * kP;
    int best = 0;
    float best_score = prev[0] + t.from[arg];
    for (int p = 1; p < kT; ++p) {
      const float v = prev[p] + t.from[p * kP + arg];
      if (v > best_score) {
        best_score = v;
        best = p;
      }
    }
    arg = best;
    (*tags)[i - 1] = static_cast<uint8_t>(arg);
  }
}

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

template <typename T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out->append(buf, sizeof(T));
}

struct Reader {
  std::string_view in;
  bool ok = true;
  template <typename T>
  T Get() {
    T v{};
    if (in.size() < sizeof(T)) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return v;
  }
};

struct Scratch {
  SentenceFeatures features;
  WordInfoCache cache;
  std::vector<uint32_t> slot;
  std::vector<uint32_t> refs;
  std::vector<float> emit;
  std::vector<float> score;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

std::string_view TypeName(int type) {
  return type >= 0 && type < kNumTypes ? kTypeNames[type] : std::string_view("?");
}

int TypeFromName(std::string_view name) {
  for (int t = 0; t < kNumTypes; ++t) {
    if (kTypeNames[t] == name) return t;
  }
  return -1;
}

std::string TagName(uint8_t tag) {
  if (tag == 0) return "O";
  return fmt::format("{}-{}", IsBegin(tag) ? 'B' : 'I', TypeName(TagType(tag)));
}

int TagFromName(std::string_view name) {
  if (name == "O") return 0;
  if (name.size() < 3 || name[1] != '-' || (name[0] != 'B' && name[0] != 'I')) return -1;
  const int type = TypeFromName(name.substr(2));
  if (type < 0) return -1;
  return name[0] == 'B' ? BeginTag(type) : InsideTag(type);
}

std::vector<Chunk> ChunksOf(std::span<const uint8_t> tags) {
  std::vector<Chunk> chunks;
  for (size_t i = 0; i < tags.size(); ++i) {
    const uint8_t t = tags[i];
    if (t == 0) continue;
    const bool continues = IsInside(t) && !chunks.empty() && chunks.back().end == i &&
                           chunks.back().type == TagType(t);
    if (continues) {
      chunks.back().end = static_cast<uint32_t>(i + 1);
    } else {
      chunks.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), TagType(t)});
    }
  }
  return chunks;
}

uint64_t NextModelId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

struct TaggerModel::Impl {
  // Unique among the models of the process: names the word classes (and
  // language) for WordInfoCache.
  const uint64_t id = NextModelId();
  std::string lang = "de";
  WordClusters clusters;
  std::vector<float> trans = std::vector<float>((kT + 1) * kT, 0.0f);
  std::vector<uint32_t> keys;     // sorted feature hashes
  std::vector<uint32_t> offsets;  // keys.size() + 1
  std::vector<uint8_t> entry_tags;
  std::vector<float> entry_weights;
  // The lookup table Tag() reads, built from the arrays above: open
  // addressing on the feature hash, each slot pointing at the feature's
  // (weight, tag) entries, so a feature costs one probe and one read of its
  // few entries.
  struct Slot {
    uint32_t key = 0;
    uint32_t ref = kEmpty;  // first entry << 5 | entry count
  };
  struct Entry {
    float weight;
    uint32_t tag;
  };
  static constexpr uint32_t kEmpty = 0xffffffffU;
  // A feature with at least kDenseMin entries (the frequent ones: shapes,
  // word classes, the bias) keeps its weights as a dense row of kT floats
  // instead, which the tagger adds in a few vector instructions rather than
  // one scattered add per entry; its ref is row << 5 | kDenseRef. The zeros
  // of the row add nothing, so the scores stay the same to the bit. 5,214 of
  // the 40,784 features of the German model have 4 or more entries; with 4
  // the tagger bench ran the fewest instructions (4: 3.422 G, 8: 3.437 G,
  // 12: 3.492 G, all sparse: 3.725 G).
  static constexpr uint32_t kDenseMin = 4;
  static constexpr uint32_t kDenseRef = 31;
  static_assert(kT < kDenseRef, "a sparse feature's entry count never reads as kDenseRef");
  static bool IsDense(uint32_t ref) { return (ref & 31) == kDenseRef; }
  const float* DenseRow(uint32_t ref) const { return dense.data() + static_cast<size_t>(ref >> 5) * kT; }
  HugeVector<Slot> slots;
  HugeVector<Entry> entries;
  HugeVector<float> dense;
  uint32_t mask = 0;
  Transitions transitions;

  static uint32_t Mix(uint32_t k) {
    k ^= k >> 16;
    k *= 0x7feb352dU;
    k ^= k >> 15;
    return k;
  }

  void BuildTable() {
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    slots.assign(cap, Slot{});
    mask = static_cast<uint32_t>(cap - 1);
    entries.resize(entry_tags.size());
    for (size_t e = 0; e < entry_tags.size(); ++e) entries[e] = {entry_weights[e], entry_tags[e]};
    dense.clear();
    for (size_t j = 0; j < keys.size(); ++j) {
      uint32_t s = Mix(keys[j]) & mask;
      while (slots[s].ref != kEmpty) s = (s + 1) & mask;
      const uint32_t count = offsets[j + 1] - offsets[j];
      if (count >= kDenseMin) {
        const auto row = static_cast<uint32_t>(dense.size() / kT);
        dense.resize(dense.size() + kT, 0.0f);
        for (uint32_t e = offsets[j]; e < offsets[j + 1]; ++e) {
          dense[static_cast<size_t>(row) * kT + entry_tags[e]] = entry_weights[e];
        }
        slots[s] = {keys[j], row << 5 | kDenseRef};
      } else {
        slots[s] = {keys[j], offsets[j] << 5 | count};
      }
    }
    BuildTransitions(trans.data(), &transitions);
  }

  uint32_t SlotOf(uint32_t key) const { return Mix(key) & mask; }

  // The entry ref of feature `key` (kEmpty when the model lacks it),
  // probing from slot s.
  uint32_t Lookup(uint32_t key, uint32_t s) const {
    while (true) {
      const Slot slot = slots[s];
      if (slot.ref == kEmpty || slot.key == key) return slot.ref;
      s = (s + 1) & mask;
    }
  }
};

TaggerModel::TaggerModel() : impl_(std::make_unique<Impl>()) { impl_->BuildTable(); }
TaggerModel::~TaggerModel() = default;
TaggerModel::TaggerModel(TaggerModel&&) noexcept = default;
TaggerModel& TaggerModel::operator=(TaggerModel&&) noexcept = default;

size_t TaggerModel::num_features() const { return impl_->keys.size(); }
size_t TaggerModel::num_cluster_words() const { return impl_->clusters.num_words(); }
const std::string& TaggerModel::lang() const { return impl_->lang; }

TaggerModel TaggerModel::Train(std::span<const TaggedSentence> data, const Gazetteer& gazetteer,
                               const TrainOptions& options) {
  // Featurize once; features get dense ids in order of first appearance.
  std::unordered_map<uint32_t, uint32_t> ids;
  std::vector<uint32_t> id_keys;
  std::vector<std::vector<uint32_t>> feats(data.size());
  std::vector<std::vector<uint32_t>> offs(data.size());
  static const WordClusters kNoClusters;
  const WordClusters& clusters = options.clusters != nullptr ? *options.clusters : kNoClusters;
  SentenceFeatures sf;
  std::vector<std::string_view> views;
  for (size_t s = 0; s < data.size(); ++s) {
    views.assign(data[s].tokens.begin(), data[s].tokens.end());
    ExtractFeatures(views, gazetteer, clusters, options.lang, &sf);
    feats[s].reserve(sf.hashes.size());
    for (uint32_t h : sf.hashes) {
      auto [it, inserted] = ids.try_emplace(h, static_cast<uint32_t>(id_keys.size()));
      if (inserted) id_keys.push_back(h);
      feats[s].push_back(it->second);
    }
    offs[s] = sf.offsets;
  }
  const size_t num_feats = id_keys.size();
  std::vector<float> w(num_feats * kT, 0.0f);
  std::vector<double> u(num_feats * kT, 0.0);
  std::vector<float> tw((kT + 1) * kT, 0.0f);
  std::vector<double> tu((kT + 1) * kT, 0.0);
  std::vector<double> sum_w(num_feats * kT, 0.0);
  std::vector<double> sum_tw((kT + 1) * kT, 0.0);
  // One run's weights depend on the order it saw the sentences in (10-fold
  // CV F1 0.637-0.641 over seeds); the mean of five runs, each in its own
  // order, gives 0.650, and fewer weights survive pruning.
  const int runs = std::max(1, options.runs);
  for (int run = 0; run < runs; ++run) {
    std::fill(w.begin(), w.end(), 0.0f);
    std::fill(u.begin(), u.end(), 0.0);
    std::fill(tw.begin(), tw.end(), 0.0f);
    std::fill(tu.begin(), tu.end(), 0.0);
    std::vector<size_t> order(data.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    uint64_t rng = options.seed + static_cast<uint64_t>(run) * 0x9e3779b97f4a7c15ULL;
    double c = 1;
    std::vector<float> emit, score;
    std::vector<uint8_t> pred;
    Transitions transitions;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[SplitMix(&rng) % i]);
      }
      for (size_t s : order) {
        const TaggedSentence& sent = data[s];
        const size_t n = sent.tokens.size();
        if (n == 0) continue;
        emit.assign(n * kT, 0.0f);
        for (size_t i = 0; i < n; ++i) {
          float* e = emit.data() + i * kT;
          for (uint32_t k = offs[s][i]; k < offs[s][i + 1]; ++k) {
            const float* wf = w.data() + static_cast<size_t>(feats[s][k]) * kT;
            for (int t = 0; t < kT; ++t) e[t] += wf[t];
          }
        }
        BuildTransitions(tw.data(), &transitions);
        Viterbi(emit.data(), n, transitions, &score, &pred);
        if (pred != sent.tags) {
          for (size_t i = 0; i < n; ++i) {
            const int g = sent.tags[i];
            const int p = pred[i];
            const int gp = i == 0 ? 0 : sent.tags[i - 1] + 1;
            const int pp = i == 0 ? 0 : pred[i - 1] + 1;
            if (g != p) {
              for (uint32_t k = offs[s][i]; k < offs[s][i + 1]; ++k) {
                const size_t base = static_cast<size_t>(feats[s][k]) * kT;
                w[base + g] += 1.0f;
                u[base + g] += c;
                w[base + p] -= 1.0f;
                u[base + p] -= c;
              }
            }
            if (g != p || gp != pp) {
              tw[gp * kT + g] += 1.0f;
              tu[gp * kT + g] += c;
              tw[pp * kT + p] -= 1.0f;
              tu[pp * kT + p] -= c;
            }
          }
        }
        c += 1;
      }
    }
    for (size_t k = 0; k < w.size(); ++k) sum_w[k] += (w[k] - u[k] / c) / runs;
    for (size_t k = 0; k < tw.size(); ++k) sum_tw[k] += (tw[k] - tu[k] / c) / runs;
  }

  TaggerModel model;
  Impl& m = *model.impl_;
  m.lang = options.lang;
  m.clusters = clusters;
  for (size_t k = 0; k < tw.size(); ++k) m.trans[k] = static_cast<float>(sum_tw[k]);
  std::vector<uint32_t> by_key(num_feats);
  for (size_t i = 0; i < num_feats; ++i) by_key[i] = static_cast<uint32_t>(i);
  std::sort(by_key.begin(), by_key.end(),
            [&](uint32_t a, uint32_t b) { return id_keys[a] < id_keys[b]; });
  m.offsets.push_back(0);
  for (uint32_t f : by_key) {
    const size_t before = m.entry_tags.size();
    for (int t = 0; t < kT; ++t) {
      const size_t k = static_cast<size_t>(f) * kT + t;
      const auto avg = static_cast<float>(sum_w[k]);
      if (std::fabs(avg) < options.prune) continue;
      m.entry_tags.push_back(static_cast<uint8_t>(t));
      m.entry_weights.push_back(avg);
    }
    if (m.entry_tags.size() == before) continue;
    m.keys.push_back(id_keys[f]);
    m.offsets.push_back(static_cast<uint32_t>(m.entry_tags.size()));
  }
  m.BuildTable();
  return model;
}

std::string TaggerModel::Serialize() const {
  const Impl& m = *impl_;
  std::string out(kMagic);
  Put<uint32_t>(&out, static_cast<uint32_t>(m.lang.size()));
  out += m.lang;
  Put<uint32_t>(&out, kT);
  for (float v : m.trans) Put<float>(&out, v);
  Put<uint32_t>(&out, static_cast<uint32_t>(m.keys.size()));
  for (size_t j = 0; j < m.keys.size(); ++j) {
    Put<uint32_t>(&out, m.keys[j]);
    Put<uint8_t>(&out, static_cast<uint8_t>(m.offsets[j + 1] - m.offsets[j]));
    for (uint32_t e = m.offsets[j]; e < m.offsets[j + 1]; ++e) {
      Put<uint8_t>(&out, m.entry_tags[e]);
      Put<float>(&out, m.entry_weights[e]);
    }
  }
  m.clusters.AppendTo(&out);
  return out;
}

Result<TaggerModel> TaggerModel::Deserialize(std::string_view bytes, std::string_view origin) {
  auto corrupt = [&](std::string_view what) {
    return Status::Corruption(fmt::format("{}: not a storyline NER model ({})", origin, what));
  };
  if (!bytes.starts_with(kMagic)) return corrupt("bad magic; rebuild it with 'storyline train ner'");
  Reader r{bytes.substr(kMagic.size())};
  TaggerModel model;
  Impl& m = *model.impl_;
  const auto lang_len = r.Get<uint32_t>();
  if (!r.ok || lang_len > 16 || r.in.size() < lang_len) return corrupt("truncated header");
  m.lang.assign(r.in.substr(0, lang_len));
  r.in.remove_prefix(lang_len);
  if (r.Get<uint32_t>() != kT) return corrupt("different tag set");
  for (float& v : m.trans) v = r.Get<float>();
  const auto num_keys = r.Get<uint32_t>();
  if (!r.ok) return corrupt("truncated header");
  m.keys.reserve(num_keys);
  m.offsets.reserve(num_keys + 1);
  m.offsets.push_back(0);
  for (uint32_t j = 0; j < num_keys; ++j) {
    const auto key = r.Get<uint32_t>();
    const auto count = r.Get<uint8_t>();
    if (!m.keys.empty() && key <= m.keys.back()) r.ok = false;
    if (count > kT) r.ok = false;
    for (uint8_t e = 0; e < count && r.ok; ++e) {
      const auto tag = r.Get<uint8_t>();
      if (tag >= kT) r.ok = false;
      m.entry_tags.push_back(tag);
      m.entry_weights.push_back(r.Get<float>());
    }
    if (!r.ok) return corrupt(fmt::format("bad or truncated feature {}", j));
    m.keys.push_back(key);
    m.offsets.push_back(static_cast<uint32_t>(m.entry_tags.size()));
  }
  if (!m.clusters.Read(&r.in)) return corrupt("bad word classes");
  if (!r.in.empty()) return corrupt("trailing bytes");
  m.BuildTable();
  return model;
}

Status TaggerModel::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(fmt::format("{}: cannot open for writing", tmp));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Status::IoError(fmt::format("{}: write failed", tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IoError(fmt::format("{}: cannot rename to {}", tmp, path));
  }
  return Status::Ok();
}

Result<TaggerModel> TaggerModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open the NER model", path));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(fmt::format("{}: read failed", path));
  return Deserialize(bytes, path);
}

void TaggerModel::Tag(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                      std::vector<uint8_t>* tags) const {
  const Impl& m = *impl_;
  Scratch& s = ThreadScratch();
  const size_t n = tokens.size();
  s.cache.Bind(m.id * 0x9e3779b97f4a7c15ULL ^ gazetteer.id());
  ExtractFeatures(tokens, gazetteer, m.clusters, m.lang, &s.features, &s.cache);
  // The table does not fit in L2, so the lookups form a software pipeline
  // instead of one dependent miss after another: while feature k is added,
  // the entries of feature k + d and the slot of feature k + 2d are fetched.
  constexpr size_t kAhead = 8;
  const uint32_t* hashes = s.features.hashes.data();
  const size_t num = s.features.hashes.size();
  s.slot.resize(num);
  s.refs.resize(num);
  for (size_t k = 0; k < num; ++k) s.slot[k] = m.SlotOf(hashes[k]);
  auto resolve = [&](size_t k) {
    const uint32_t ref = m.Lookup(hashes[k], s.slot[k]);
    s.refs[k] = ref;
    if (ref == Impl::kEmpty) return;
    if (Impl::IsDense(ref)) {
      __builtin_prefetch(m.DenseRow(ref));
      __builtin_prefetch(m.DenseRow(ref) + kT - 1);
    } else {
      __builtin_prefetch(m.entries.data() + (ref >> 5));
    }
  };
  for (size_t k = 0; k < std::min(num, 2 * kAhead); ++k) __builtin_prefetch(m.slots.data() + s.slot[k]);
  for (size_t k = 0; k < std::min(num, kAhead); ++k) resolve(k);
  auto add = [&](uint32_t k, float* e) {
    if (k + 2 * kAhead < num) __builtin_prefetch(m.slots.data() + s.slot[k + 2 * kAhead]);
    if (k + kAhead < num) resolve(k + kAhead);
    const uint32_t ref = s.refs[k];
    if (ref == Impl::kEmpty) return;
    if (Impl::IsDense(ref)) {
      const float* row = m.DenseRow(ref);
      for (int t = 0; t < kT; ++t) e[t] += row[t];
      return;
    }
    const Impl::Entry* x = m.entries.data() + (ref >> 5);
    const Impl::Entry* end = x + (ref & 31);
    for (; x != end; ++x) e[x->tag] += x->weight;
  };
  const SentenceFeatures& f = s.features;
  s.emit.assign(n * kT, 0.0f);
  float group[kT];
  for (size_t i = 0; i < n; ++i) {
    float* e = s.emit.data() + i * kT;
    // The groups that depend on one word come from the cache, or are summed
    // and remembered there. Each group is summed on its own either way, so
    // the cache changes no score.
    uint32_t k = f.offsets[i];
    for (size_t g = 0; g < kGroups; ++g) {
      const size_t at = i * kGroups + g;
      const uint32_t end = f.group_end[at];
      if (f.known[at]) {
        const float* sum = f.known_emit[at];
        for (int t = 0; t < kT; ++t) e[t] += sum[t];
        continue;
      }
      std::fill_n(group, kT, 0.0f);
      for (; k < end; ++k) add(k, group);
      for (int t = 0; t < kT; ++t) e[t] += group[t];
      WordInfo* info = nullptr;
      size_t slot = 0;
      if (g == 0) {
        info = f.infos[i];
        slot = f.initial[i] ? 1 : 0;
      } else if (g == 1 && i > 0) {
        info = f.infos[i - 1];
        slot = 2;
      } else if (g == 2 && i + 1 < n) {
        info = f.infos[i + 1];
        slot = 3;
      }
      if (info != nullptr) {
        std::copy_n(group, kT, info->emit[slot].data());
        info->has_emit[slot] = true;
      }
    }
    for (; k < f.offsets[i + 1]; ++k) add(k, e);
  }
  // Trained on a few thousand sentences, the model finds fewer entities
  // than there are (10-fold CV on GermEval dev: precision 0.72, recall
  // 0.64): decoding asks a token for this much more evidence before it
  // calls it outside any entity (see docs/benchmarks.md for the choice).
  for (size_t i = 0; i < n; ++i) s.emit[i * kT] -= kOutsidePenalty;
  Viterbi(s.emit.data(), n, m.transitions, &s.score, tags);
}

}  // namespace storyline::extract
