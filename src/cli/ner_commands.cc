// `storyline train ner` and `storyline eval ner`: training the NER tagger on
// GermEval 2014 data and scoring it (strict span-and-type F1 on the outer
// chunks), on a model or by K-fold cross-validation.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/germeval.h"
#include "extract/tagger.h"
#include "extract/word_clusters.h"

namespace storyline::cli {
namespace {

struct NerOptions {
  std::string tsv;
  std::string out;
  std::string model;
  std::string predictions;
  std::vector<std::string> texts;
  int folds = 0;
  bool raw = false;
  int epochs = extract::TrainOptions().epochs;
  uint64_t seed = extract::TrainOptions().seed;
};

NerOptions& Opts() {
  static NerOptions options;
  return options;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Word classes from the --text corpora; empty without any.
Result<extract::WordClusters> LearnClusters(const std::vector<std::string>& paths) {
  if (paths.empty()) return extract::WordClusters();
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<std::string>> sentences;
  for (const std::string& path : paths) {
    const Status s = extract::AppendJsonlSentences(path, "de", &sentences);
    if (!s.ok()) return s;
  }
  size_t tokens = 0;
  for (const auto& s : sentences) tokens += s.size();
  extract::WordClusters clusters = extract::WordClusters::Learn(sentences, extract::ClusterOptions());
  fmt::print("word classes from {} sentences ({} tokens): {} words in {:.1f} s\n", sentences.size(),
             tokens, clusters.num_words(), Seconds(start));
  return clusters;
}

void PrintRow(std::string_view name, const extract::PrfCounts& c) {
  fmt::print("{:<12} {:>6} {:>6} {:>6}  {:.4f}  {:.4f}  {:.4f}\n", name, c.gold, c.predicted,
             c.correct, c.Precision(), c.Recall(), c.F1());
}

int RunTrainNer() {
  const NerOptions& o = Opts();
  if (o.epochs < 1) return Fail(Status::InvalidArgument("--epochs must be at least 1"));
  auto sentences = extract::ReadGermEval(o.tsv);
  if (!sentences.ok()) return Fail(sentences.status());
  const auto gazetteer = extract::Gazetteer::Create(extract::kGermanWordListPath);
  if (!gazetteer->has_dictionary()) {
    fmt::print(stderr, "storyline: note: {} not found, training without the word-list feature\n",
               extract::kGermanWordListPath);
  }
  std::vector<extract::TaggedSentence> data;
  data.reserve(sentences->size());
  size_t tokens = 0;
  for (const auto& s : *sentences) {
    data.push_back(s.tagged);
    tokens += s.tagged.tokens.size();
  }
  auto clusters = LearnClusters(o.texts);
  if (!clusters.ok()) return Fail(clusters.status());
  extract::TrainOptions options;
  options.epochs = o.epochs;
  options.clusters = &*clusters;
  const auto start = std::chrono::steady_clock::now();
  const extract::TaggerModel model = extract::TaggerModel::Train(data, *gazetteer, options);
  const Status saved = model.Save(o.out);
  if (!saved.ok()) return Fail(saved);
  fmt::print("trained on {} sentences ({} tokens), {} epochs in {:.1f} s: {} features -> {}\n",
             data.size(), tokens, options.epochs, Seconds(start), model.num_features(), o.out);
  return kExitOk;
}

int RunEvalNer() {
  const NerOptions& o = Opts();
  if (o.model.empty() == (o.folds == 0)) {
    fmt::print(stderr, "storyline: eval ner needs either --model or --folds\n");
    return kExitUsage;
  }
  if (o.folds == 1 || o.folds < 0) return Fail(Status::InvalidArgument("--folds must be at least 2"));
  if (o.epochs < 1) return Fail(Status::InvalidArgument("--epochs must be at least 1"));
  auto sentences = extract::ReadGermEval(o.tsv);
  if (!sentences.ok()) return Fail(sentences.status());
  const auto gazetteer = extract::Gazetteer::Create(extract::kGermanWordListPath);

  std::vector<std::vector<uint8_t>> predicted;
  const auto start = std::chrono::steady_clock::now();
  size_t tokens = 0;
  for (const auto& s : *sentences) tokens += s.tagged.tokens.size();
  if (o.folds > 0) {
    auto clusters = LearnClusters(o.texts);
    if (!clusters.ok()) return Fail(clusters.status());
    extract::TrainOptions options;
    options.epochs = o.epochs;
    options.seed = o.seed;
    options.clusters = &*clusters;
    predicted = extract::CrossValidate(*sentences, o.folds, *gazetteer, options);
    fmt::print("{}-fold cross-validation on {} sentences ({} tokens), {} epochs: {:.1f} s\n",
               o.folds, sentences->size(), tokens, options.epochs, Seconds(start));
  } else {
    auto model = extract::TaggerModel::Load(o.model);
    if (!model.ok()) return Fail(model.status());
    predicted.resize(sentences->size());
    std::vector<std::string_view> views;
    for (size_t s = 0; s < sentences->size(); ++s) {
      const auto& toks = (*sentences)[s].tagged.tokens;
      views.assign(toks.begin(), toks.end());
      model->Tag(views, *gazetteer, &predicted[s]);
    }
    const double secs = Seconds(start);
    fmt::print("tagged {} sentences ({} tokens) with {} in {:.2f} s ({:.0f} tokens/s)\n",
               sentences->size(), tokens, o.model, secs, secs > 0 ? tokens / secs : 0.0);
  }
  if (!gazetteer->has_dictionary()) {
    fmt::print("note: {} not found: word-list feature off\n", extract::kGermanWordListPath);
  }
  if (!o.raw) extract::RepairTags(*sentences, *gazetteer, &predicted);

  extract::NerScores scores;
  for (size_t s = 0; s < sentences->size(); ++s) {
    scores.Add((*sentences)[s].tagged.tags, predicted[s]);
  }
  fmt::print("strict span-and-type scores, outer chunks\n");
  fmt::print("{:<12} {:>6} {:>6} {:>6}  {:<6}  {:<6}  {:<6}\n", "type", "gold", "pred", "correct",
             "prec", "recall", "f1");
  for (int t = 0; t < extract::kNumTypes; ++t) {
    const extract::PrfCounts& c = scores.by_type[t];
    if (c.gold == 0 && c.predicted == 0) continue;
    PrintRow(extract::TypeName(t), c);
  }
  PrintRow("PER+LOC+ORG", scores.core);
  PrintRow("all", scores.all);

  if (!o.predictions.empty()) {
    std::ofstream out(o.predictions, std::ios::binary | std::ios::trunc);
    out << extract::FormatPredictions(*sentences, predicted);
    out.close();
    if (!out) return Fail(Status::IoError(fmt::format("{}: cannot write predictions", o.predictions)));
  }
  return kExitOk;
}

}  // namespace

void RegisterNerCommands(CLI::App& app) {
  NerOptions& o = Opts();
  CLI::App* train = CommandGroup(app, "train", "Train the engine's statistical models.");
  CLI::App* train_ner = train->add_subcommand(
      "ner", "Train the named-entity tagger on GermEval 2014 data (index, token, outer and\n"
             "inner tag per line). Deterministic: the same data gives the same model file.");
  train_ner->add_option("tsv", o.tsv, "GermEval 2014 TSV file")->required();
  train_ner->add_option("--out", o.out, "Model file to write")->required();
  train_ner->add_option("--epochs", o.epochs, "Passes over the data");
  train_ner->add_option("--text", o.texts,
                        "JSONL file of unlabelled articles (\"text\" field) to learn word classes\n"
                        "from; repeatable. The classes are stored in the model.");
  SetRunner(train_ner, RunTrainNer);

  CLI::App* eval = EvalCommand(app);
  CLI::App* ner = eval->add_subcommand(
      "ner", "Score the named-entity tagger on a GermEval 2014 TSV file: strict span-and-type\n"
             "precision, recall and F1 of the outer chunks, per type and overall. Give a\n"
             "model, or --folds K to train and test by K-fold cross-validation on the file.\n"
             "Scores what the recognizer keeps: the tags after its repairs (see --raw).");
  ner->add_option("tsv", o.tsv, "GermEval 2014 TSV file with gold tags")->required();
  ner->add_option("--model", o.model, "Model file (see 'storyline train ner')");
  ner->add_option("--folds", o.folds, "Cross-validate with K folds instead of using a model");
  ner->add_option("--epochs", o.epochs, "Passes over the data when cross-validating");
  ner->add_option("--text", o.texts,
                  "JSONL file of unlabelled articles for word classes when cross-validating");
  ner->add_option("--seed", o.seed,
                  "Seed of the sentence order in training when cross-validating; the spread of\n"
                  "the scores over a few seeds shows what a change is worth");
  ner->add_option("--predictions", o.predictions,
                  "Write the predictions here, in the input's 4-column format");
  ner->add_flag("--raw", o.raw,
                "Score the tagger's tags as they are, without the repairs the recognizer\n"
                "makes after tagging (roles and titles out of names, name particles in)");
  SetRunner(ner, RunEvalNer);
}

}  // namespace storyline::cli
