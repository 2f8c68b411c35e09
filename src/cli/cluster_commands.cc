// `storyline cluster` and `storyline eval clusters`: online clustering of the
// articles of files into stories and storylines, and its scores against gold
// labels.
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cluster/evaluation.h"
#include "storyline/cluster.h"
#include "storyline/dedup.h"
#include "storyline/engine.h"
#include "storyline/ingest.h"
#include "storyline/json_writer.h"
#include "storyline/text.h"

namespace storyline::cli {
namespace {

struct ClusterOptions {
  bool json = false;
  std::vector<std::string> paths;
  std::string gold;
  std::string field = "gold";
  std::string lang;
};

ClusterOptions& Opts() {
  static ClusterOptions options;
  return options;
}

// Reads and prepares every article of `paths`; diagnostics go to stderr.
// Returns false when any input failed.
bool ReadArticles(const std::vector<std::string>& paths, const std::string& lang,
                  std::vector<Article>* out) {
  bool ok = true;
  ingest::Sink sink;
  sink.article = [&](Article&& a) {
    // The filter looks at the language the input gave, before identification.
    if (!lang.empty() && a.language != lang) return;
    PrepareArticle(a);
    out->push_back(std::move(a));
  };
  sink.diagnostic = [&](ingest::Diagnostic&& d) {
    if (d.severity == ingest::Severity::kError) ok = false;
    fmt::print(stderr, "{}\n", d.ToString());
  };
  for (const std::string& path : paths) ingest::ReadPath(path, {}, sink);
  return ok;
}

struct Placement {
  cluster::StoryId story = 0;
  cluster::StorylineId storyline = 0;
  std::optional<std::string> duplicate_of;
};

// Clusters `articles` in arrival order (see cluster::ArrivalOrder); returns
// each article's final story and storyline (after every split and merge), by
// input index, and the indexes in the order they were processed.
std::vector<Placement> ClusterAll(const std::vector<Article>& articles,
                                  std::vector<size_t>* order) {
  *order = cluster::ArrivalOrder(articles);
  cluster::Clusterer clusterer;
  dedup::DuplicateIndex duplicates;
  dedup::Fingerprint fingerprint;
  text::Analyzers analyzers;  // one analysis per text, for both stages
  std::vector<Placement> placements(articles.size());
  for (size_t i : *order) {
    const Article& a = articles[i];
    const std::vector<text::Term>& terms = analyzers.For(a.language).Analyze(a.text);
    const cluster::Assignment assignment = clusterer.Add(a, terms);
    placements[i].story = assignment.story;
    // A split moves earlier articles: sequence k is the k-th article added.
    for (const cluster::Move& m : assignment.moved) {
      placements[(*order)[static_cast<size_t>(m.sequence - 1)]].story = m.to;
    }
    dedup::ComputeFingerprint(a, terms, &fingerprint);
    const int64_t day = a.published.known() ? a.published.DaysSinceEpoch() : 0;
    if (auto match = duplicates.Add(a.id, fingerprint, day)) {
      placements[i].duplicate_of = match->original_id;
    }
  }
  for (Placement& p : placements) {
    p.story = clusterer.ResolveStory(p.story);
    p.storyline = clusterer.StorylineOf(p.story);
  }
  return placements;
}

int RunCluster() {
  std::vector<Article> articles;
  const bool read_ok = ReadArticles(Opts().paths, "", &articles);
  std::vector<size_t> order;
  const std::vector<Placement> placements = ClusterAll(articles, &order);
  if (Opts().json) {
    for (size_t i : order) {
      JsonWriter w;
      w.BeginObject()
          .Key("id").String(articles[i].id)
          .Key("story").Int(placements[i].story)
          .Key("storyline").Int(placements[i].storyline);
      if (placements[i].duplicate_of) w.Key("duplicate_of").String(*placements[i].duplicate_of);
      w.EndObject();
      fmt::print("{}\n", w.str());
    }
  } else {
    // Stories grouped by storyline, each with its articles in arrival order.
    std::map<cluster::StorylineId, std::map<cluster::StoryId, std::vector<size_t>>> lines;
    for (size_t i : order) lines[placements[i].storyline][placements[i].story].push_back(i);
    size_t stories = 0;
    for (const auto& [line, members] : lines) {
      fmt::print("storyline {} ({} {})\n", line, members.size(),
                 members.size() == 1 ? "story" : "stories");
      for (const auto& [story, indexes] : members) {
        ++stories;
        fmt::print("  story {} ({} article{})\n", story, indexes.size(),
                   indexes.size() == 1 ? "" : "s");
        for (size_t i : indexes) {
          const Article& a = articles[i];
          fmt::print("    {:<10} {:<24} {}{}\n",
                     a.published.known() ? a.published.ToIso().substr(0, 10) : "-", a.id,
                     a.title.empty() ? "(no title)" : a.title,
                     placements[i].duplicate_of ? " [duplicate of " + *placements[i].duplicate_of + "]"
                                                : "");
        }
      }
    }
    fmt::print("{} articles, {} stories, {} storylines\n", articles.size(), stories, lines.size());
  }
  return read_ok ? kExitOk : kExitFailure;
}

int RunEvalClusters() {
  const ClusterOptions& o = Opts();
  if (o.field != "gold" && o.field != "gold_topic") {
    return Fail(Status::InvalidArgument(
        fmt::format("--field must be 'gold' or 'gold_topic', not '{}'", o.field)));
  }
  auto gold = cluster::ReadGoldLabels(o.gold, o.field);
  if (!gold.ok()) return Fail(gold.status());
  std::vector<Article> articles;
  const bool read_ok = ReadArticles({o.gold}, o.lang, &articles);
  std::vector<size_t> order;
  const std::vector<Placement> placements = ClusterAll(articles, &order);
  // Stories are scored against `gold`, storylines against `gold_topic`.
  const bool topics = o.field == "gold_topic";
  std::vector<std::string> predicted;
  std::vector<std::string> labels;
  std::unordered_map<std::string, int> classes;
  std::unordered_map<int64_t, int> clusters;
  for (size_t i = 0; i < articles.size(); ++i) {
    auto it = gold->find(articles[i].id);
    if (it == gold->end()) continue;
    const int64_t cluster = topics ? placements[i].storyline : placements[i].story;
    predicted.push_back(std::to_string(cluster));
    labels.push_back(it->second);
    ++classes[it->second];
    ++clusters[cluster];
  }
  if (predicted.empty()) {
    return Fail(Status::InvalidArgument(fmt::format(
        "{}: no article with a '{}' label{}", o.gold, o.field,
        o.lang.empty() ? "" : fmt::format(" and lang '{}'", o.lang))));
  }
  const cluster::Scores b3 = cluster::BCubed(predicted, labels);
  const cluster::Scores pairs = cluster::Pairwise(predicted, labels);
  fmt::print("articles {} (scored {}), gold classes {}, predicted {} {}\n", articles.size(),
             predicted.size(), classes.size(), clusters.size(), topics ? "storylines" : "stories");
  fmt::print("b-cubed   precision {:.4f} recall {:.4f} f1 {:.4f}\n", b3.precision, b3.recall, b3.f1);
  fmt::print("pairwise  precision {:.4f} recall {:.4f} f1 {:.4f}\n", pairs.precision, pairs.recall,
             pairs.f1);
  return read_ok ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterClusterCommands(CLI::App& app) {
  ClusterOptions& o = Opts();
  CLI::App* cluster = app.add_subcommand(
      "cluster",
      "Cluster the articles of files into stories (events) and storylines, in order of\n"
      "publication (an undated article stays behind the article before it in the input).");
  cluster->add_flag("--json", o.json,
                    "One JSON object per article: id, story, storyline (and duplicate_of)");
  cluster->add_option("paths", o.paths, "Files (.txt, .jsonl), directories or '-' for JSONL on stdin")
      ->required();
  SetRunner(cluster, RunCluster);

  CLI::App* eval = EvalCommand(app);
  CLI::App* clusters = eval->add_subcommand(
      "clusters", "Cluster a labelled JSONL file and print B-cubed and pairwise precision,\n"
                  "recall and F1 against its gold labels.");
  clusters->add_option("gold", o.gold, "JSONL articles with gold labels")->required();
  clusters->add_option("--field", o.field,
                       "Label to score against: 'gold' (stories) or 'gold_topic' (storylines)");
  clusters->add_option("--lang", o.lang, "Only the articles whose input 'lang' is this code");
  SetRunner(clusters, RunEvalClusters);
}

}  // namespace storyline::cli
