// `storyline brief`: the briefing of every story in a set of files, built in
// memory (read, prepare, cluster, fingerprint, extract, compare).
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

int RunBrief() {
  const BriefOptions& o = Opts();
  auto format = compare::ParseFormat(o.format);
  if (!format.ok()) {
    fmt::print(stderr, "storyline: {}\n", format.status().message());
    return kExitUsage;
  }
  bool read_ok = true;
  std::vector<Article> articles;
  ingest::Sink sink;
  sink.article = [&](Article&& a) {
    PrepareArticle(a);
    articles.push_back(std::move(a));
  };
  sink.diagnostic = [&](ingest::Diagnostic&& d) {
    if (d.severity == ingest::Severity::kError) read_ok = false;
    fmt::print(stderr, "{}\n", d.ToString());
  };
  for (const std::string& path : o.paths) ingest::ReadPath(path, {}, sink);

  auto extractor = extract::Extractor::Create(o.model);
  if (!extractor.ok()) return Fail(extractor.status());
  const compare::BatchBriefings batch = compare::BriefArticles(articles, extractor->get());

  switch (*format) {
    case compare::Format::kHtml:
      fmt::print("{}", compare::RenderHtml(batch.briefings));
      break;
    case compare::Format::kJson:
      // JSON Lines: one briefing per line.
      for (const compare::Briefing& b : batch.briefings) fmt::print("{}\n", compare::RenderJson(b));
      break;
    case compare::Format::kMarkdown:
    case compare::Format::kText:
      for (size_t i = 0; i < batch.briefings.size(); ++i) {
        if (i > 0) {
          fmt::print("{}", *format == compare::Format::kText ? "\n" + std::string(80, '=') + "\n\n" : "\n---\n\n");
        }
        fmt::print("{}", compare::Render(batch.briefings[i], *format));
      }
      break;
  }
  if (o.timings) {
    fmt::print(stderr, "{} articles, {} stories: cluster+fingerprint {:.3f} s, extract {:.3f} s, brief {:.3f} s\n",
               articles.size(), batch.briefings.size(), batch.cluster_seconds, batch.extract_seconds,
               batch.brief_seconds);
  }
  return read_ok ? kExitOk : kExitFailure;
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
  brief->add_option("--ner-model", o.model, "NER tagger model (see 'storyline train ner'); built-in rules when empty");
  brief->add_flag("--timings", o.timings, "Print the time of each stage to stderr");
  brief->add_option("paths", o.paths, "Files (.txt, .jsonl, .html, feeds), directories or '-' for JSONL on stdin")
      ->required();
  SetRunner(brief, RunBrief);
}

}  // namespace storyline::cli
