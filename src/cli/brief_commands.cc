// `storyline brief`: the briefing of every story in a set of files: they are
// ingested into an in-memory store (read, prepare, extract, cluster) and each
// story is briefed as `storyline story` would (BriefStoredStory).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "storyline/compare.h"
#include "storyline/engine.h"
#include "storyline/extract.h"
#include "storyline/ingest.h"
#include "storyline/store.h"

namespace storyline::cli {
namespace {

struct BriefOptions {
  std::string format = "text";
  std::vector<std::string> paths;
  std::string model;
  bool timings = false;
};

BriefOptions& Opts() {
  static BriefOptions options;
  return options;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int RunBrief() {
  const BriefOptions& o = Opts();
  auto format = compare::ParseFormat(o.format);
  if (!format.ok()) {
    fmt::print(stderr, "storyline: {}\n", format.status().message());
    return kExitUsage;
  }
  auto start = std::chrono::steady_clock::now();
  auto store = store::OpenSqlite(":memory:");
  if (!store.ok()) return Fail(store.status());
  IngestOptions options;
  if (!o.model.empty()) options.ner_model = o.model;
  auto report = Ingest(**store, o.paths, options);
  if (!report.ok()) return Fail(report.status());
  for (const ingest::Diagnostic& d : report->warnings) fmt::print(stderr, "{}\n", d.ToString());
  for (const ingest::Diagnostic& d : report->errors) fmt::print(stderr, "{}\n", d.ToString());
  const double ingest_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  auto stories = (*store)->ListStories({});
  if (!stories.ok()) return Fail(stories.status());
  // Multi-article stories first, each group by id.
  std::sort(stories->begin(), stories->end(), [](const store::StoryInfo& a, const store::StoryInfo& b) {
    if ((a.article_count > 1) != (b.article_count > 1)) return a.article_count > 1;
    return a.id < b.id;
  });
  std::vector<compare::Briefing> briefings;
  briefings.reserve(stories->size());
  for (const store::StoryInfo& story : *stories) {
    auto briefing = BriefStoredStory(**store, story.id);
    if (!briefing.ok()) return Fail(briefing.status());
    briefings.push_back(std::move(briefing).value());
  }
  const double brief_seconds = SecondsSince(start);

  switch (*format) {
    case compare::Format::kHtml:
      fmt::print("{}", compare::RenderHtml(briefings));
      break;
    case compare::Format::kJson:
      // JSON Lines: one briefing per line.
      for (const compare::Briefing& b : briefings) fmt::print("{}\n", compare::RenderJson(b));
      break;
    case compare::Format::kMarkdown:
    case compare::Format::kText:
      for (size_t i = 0; i < briefings.size(); ++i) {
        if (i > 0) {
          fmt::print("{}", *format == compare::Format::kText ? "\n" + std::string(80, '=') + "\n\n" : "\n---\n\n");
        }
        fmt::print("{}", compare::Render(briefings[i], *format));
      }
      break;
  }
  if (o.timings) {
    fmt::print(stderr, "{} articles, {} stories: ingest (store, extract, cluster) {:.3f} s, brief {:.3f} s\n",
               report->counts.read, briefings.size(), ingest_seconds, brief_seconds);
  }
  return report->errors.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterBriefCommands(CLI::App& app) {
  BriefOptions& o = Opts();
  CLI::App* brief = app.add_subcommand(
      "brief",
      "Cluster the articles of files into stories and print a briefing of each: headline,\n"
      "summary, sources and shared text, people, who said what, figures compared, what\n"
      "only one source reports, timeline and related stories. Stories with several\n"
      "articles come first.");
  brief->add_option("--format", o.format, "text (80 columns), md, json (one object per line) or html (one page)")
      ->check(CLI::IsMember({"text", "md", "markdown", "json", "html"}));
  brief->add_option("--ner-model", o.model,
                    "NER tagger model (see 'storyline train ner'); default as for 'storyline ingest'");
  brief->add_flag("--timings", o.timings, "Print the time of each stage to stderr");
  brief->add_option("paths", o.paths, "Files (.txt, .jsonl, .html, feeds), directories or '-' for JSONL on stdin")
      ->required();
  SetRunner(brief, RunBrief);
}

}  // namespace storyline::cli
