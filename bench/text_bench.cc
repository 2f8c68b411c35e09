// The text stage over the 10kGNAD test split: CleanText, Normalize,
// SplitSentences and Analyze (tokenize, fold, stem) with an Analyzer("de").
// Bytes are those of the raw article text. The corpus path can be overridden
// with STORYLINE_TEXT_CORPUS; without the file the benchmarks are skipped.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "storyline/text.h"

namespace {

namespace text = storyline::text;

std::string CorpusPath() { return storyline::bench::CorpusPath(STORYLINE_SHARED_DIR); }

// The "text" field of every JSONL line; empty when the file is absent.
const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = storyline::bench::ReadCorpusTexts(CorpusPath());
  return corpus;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const std::string& t : Corpus()) n += static_cast<int64_t>(t.size());
  return n;
}

bool SkipWithoutCorpus(benchmark::State& state) {
  if (!Corpus().empty()) return false;
  state.SkipWithError(("corpus absent: " + CorpusPath()).c_str());
  return true;
}

void BM_TextPipeline(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  text::Analyzer analyzer("de");
  std::vector<text::Span> sentences;
  size_t terms = 0;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) {
      const std::string clean = text::CleanText(raw);
      const std::string normal = text::Normalize(clean);
      sentences.clear();
      text::SplitSentences(normal, "de", &sentences);
      terms += analyzer.Analyze(normal).size();
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  benchmark::DoNotOptimize(terms);
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["articles"] = static_cast<double>(Corpus().size());
}
BENCHMARK(BM_TextPipeline)->Unit(benchmark::kMillisecond);

void BM_CleanText(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) benchmark::DoNotOptimize(text::CleanText(raw));
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) benchmark::DoNotOptimize(text::Normalize(raw));
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  std::vector<text::Span> sentences;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) {
      sentences.clear();
      text::SplitSentences(raw, "de", &sentences);
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  std::vector<text::Token> tokens;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) {
      tokens.clear();
      text::Tokenize(raw, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Analyze(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  text::Analyzer analyzer("de");
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) benchmark::DoNotOptimize(analyzer.Analyze(raw).data());
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_IdentifyLanguage(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  for (auto _ : state) {
    for (const std::string& raw : Corpus()) benchmark::DoNotOptimize(text::IdentifyLanguage(raw));
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_IdentifyLanguage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
