// The extract stage over the 10kGNAD test split: the rule-based finders
// (quotes, dates, figures over one word view) and the whole Extractor
// (entities with the built-in gazetteers, then the finders), with the rules
// (BM_Extractor) and with the trained NER tagger (BM_ExtractorTagger, the
// model of the build target ner_model or $STORYLINE_NER_MODEL). Items are
// articles. The corpus path can be overridden with STORYLINE_TEXT_CORPUS;
// without the file (or the model) the benchmarks are skipped.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "extract/dates.h"
#include "extract/figures.h"
#include "extract/quotes.h"
#include "extract/word_view.h"
#include "storyline/extract.h"
#include "storyline/text.h"

namespace {

namespace extract = storyline::extract;

std::string CorpusPath() { return storyline::bench::CorpusPath(STORYLINE_SHARED_DIR); }

// The cleaned "text" of every JSONL line; empty when the file is absent.
const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = [] {
    std::vector<std::string> texts = storyline::bench::ReadCorpusTexts(CorpusPath());
    for (std::string& t : texts) t = storyline::text::CleanText(t);
    return texts;
  }();
  return corpus;
}

bool SkipWithoutCorpus(benchmark::State& state) {
  if (!Corpus().empty()) return false;
  state.SkipWithError(("corpus absent: " + CorpusPath()).c_str());
  return true;
}

void BM_SpeechFiguresDates(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const storyline::PublishedDate published = storyline::ParsePublishedDate("2017-02-23").value();
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& t : Corpus()) {
      extract::Extraction ex;
      const extract::WordView view = extract::BuildWordView(t, "de");
      extract::FindQuotes(view, &ex);
      extract::FindDates(view, published, &ex);
      extract::FindFigures(view, &ex);
      found += ex.quotes.size() + ex.dates.size() + ex.figures.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_SpeechFiguresDates)->Unit(benchmark::kMillisecond);

void RunExtractor(benchmark::State& state, const std::string& model_path) {
  if (SkipWithoutCorpus(state)) return;
  auto extractor = extract::Extractor::Create(model_path);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  storyline::Article article;
  article.language = "de";
  article.published = storyline::ParsePublishedDate("2017-02-23").value();
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& t : Corpus()) {
      article.text = t;
      const extract::Extraction ex = (*extractor)->Extract(article);
      found += ex.mentions.size() + ex.quotes.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Corpus().size()));
}

void BM_Extractor(benchmark::State& state) { RunExtractor(state, ""); }
BENCHMARK(BM_Extractor)->Unit(benchmark::kMillisecond);

void BM_ExtractorTagger(benchmark::State& state) {
  const char* env = std::getenv("STORYLINE_NER_MODEL");
  RunExtractor(state, env != nullptr ? env : STORYLINE_NER_MODEL);
}
BENCHMARK(BM_ExtractorTagger)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
