// Fingerprinting and duplicate-index throughput over the 10kGNAD test split.
// Usage: dedup_bench --shared DIR [benchmark flags]
#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "corpus.h"
#include "storyline/dedup.h"
#include "storyline/text.h"

namespace {

std::vector<std::string>& Texts() {
  static std::vector<std::string> texts;
  return texts;
}

bool LoadCorpus(const std::string& path) {
  Texts() = storyline::bench::ReadCorpusTexts(path);
  return !Texts().empty();
}

int64_t CorpusBytes() {
  int64_t bytes = 0;
  for (const std::string& t : Texts()) bytes += static_cast<int64_t>(t.size());
  return bytes;
}

// Tokenize + fold alone: the part of fingerprinting the text stage does.
void BM_TokenizeFold(benchmark::State& state) {
  std::vector<storyline::text::Token> tokens;
  std::string folded;
  for (auto _ : state) {
    for (const std::string& t : Texts()) {
      tokens.clear();
      folded.clear();
      storyline::text::Tokenize(t, &tokens);
      for (const auto& tok : tokens) {
        if (tok.kind != storyline::text::TokenKind::kPunct) {
          storyline::text::FoldTo(std::string_view(t).substr(tok.begin, tok.end - tok.begin), "de",
                                  &folded);
        }
      }
      benchmark::DoNotOptimize(folded.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Texts().size()));
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_TokenizeFold)->Unit(benchmark::kMillisecond);

void BM_Fingerprint(benchmark::State& state) {
  storyline::dedup::Fingerprint fp;
  for (auto _ : state) {
    for (const std::string& t : Texts()) {
      storyline::dedup::ComputeFingerprint(t, "de", &fp);
      benchmark::DoNotOptimize(fp.minhash.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Texts().size()));
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Fingerprint)->Unit(benchmark::kMillisecond);

// Fingerprint + Add into a fresh index: the dedup stage's cost per article.
void BM_FingerprintAndAdd(benchmark::State& state) {
  storyline::dedup::Fingerprint fp;
  for (auto _ : state) {
    storyline::dedup::DuplicateIndex index;
    int64_t n = 0;
    for (const std::string& t : Texts()) {
      storyline::dedup::ComputeFingerprint(t, "de", &fp);
      benchmark::DoNotOptimize(index.Add(std::to_string(n++), fp));
      benchmark::DoNotOptimize(index.FindReuse(fp));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Texts().size()));
}
BENCHMARK(BM_FingerprintAndAdd)->Unit(benchmark::kMillisecond);

// Add alone: precomputed fingerprints into a fresh index per pass.
void BM_AddFresh(benchmark::State& state) {
  std::vector<storyline::dedup::Fingerprint> prints;
  for (const std::string& t : Texts())
    prints.push_back(storyline::dedup::ComputeFingerprint(t, "de"));
  for (auto _ : state) {
    storyline::dedup::DuplicateIndex index;
    int64_t n = 0;
    for (const auto& fp : prints) benchmark::DoNotOptimize(index.Add(std::to_string(n++), fp));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(prints.size()));
}
BENCHMARK(BM_AddFresh)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string shared = "../shared";
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--shared") == 0 && i + 1 < argc) {
      shared = argv[++i];
    } else {
      args.push_back(argv[i]);
    }
  }
  const std::string path = storyline::bench::CorpusPath(shared);
  if (!LoadCorpus(path)) {
    std::cerr << "dedup_bench: cannot read " << path << "\n";
    return 1;
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
