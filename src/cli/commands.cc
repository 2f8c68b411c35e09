#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "storyline/engine.h"
#include "storyline/json_writer.h"
#include "storyline/store.h"
#include "storyline/text.h"

namespace storyline::cli {
namespace {

struct Options {
  std::string db;
  bool json = false;
  std::vector<std::string> paths;
  std::string id;
  int revision = 0;
  std::string lang;
  std::string text;
  std::string ner_model;
};

Options& Opts() {
  static Options options;
  return options;
}

std::map<const CLI::App*, std::function<int()>>& Runners() {
  static std::map<const CLI::App*, std::function<int()>> runners;
  return runners;
}

Result<std::unique_ptr<store::Store>> OpenStore(bool read_only) {
  return cli::OpenStore(Opts().db, read_only);
}

// Cuts a UTF-8 string to at most `max_chars` code points, the last one "…"
// when something was cut.
std::string Ellipsize(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  size_t cut = s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars - 1) cut = i;
    if (chars++ == max_chars) return std::string(s.substr(0, cut)) + "…";
  }
  return std::string(s);
}

// "2026-11-22 10:55:41" for unix seconds, in UTC.
std::string FormatUnixTime(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// --- ingest -----------------------------------------------------------------

int RunIngest() {
  auto store = OpenStore(false);
  if (!store.ok()) return Fail(store.status());
  IngestOptions options;
  if (!Opts().ner_model.empty()) options.ner_model = Opts().ner_model;
  const bool tty = isatty(fileno(stderr)) != 0;
  if (tty) {
    options.progress = [](const IngestCounts& c) {
      fmt::print(stderr, "\r\033[Kingesting: {} read, {} new, {} unchanged, {} revised, {} failed",
                 c.read, c.added, c.unchanged, c.revised, c.failed);
    };
  }
  Result<IngestReport> report = Ingest(**store, Opts().paths, options);
  if (tty) fmt::print(stderr, "\r\033[K");
  if (!report.ok()) return Fail(report.status());
  for (const auto& w : report->warnings) fmt::print(stderr, "{}\n", w.ToString());
  const IngestCounts& c = report->counts;
  fmt::print("read {}, new {}, unchanged {}, revised {}, failed {}\n", c.read, c.added, c.unchanged,
             c.revised, c.failed);
  if (c.extracted > 0) fmt::print("extracted {}\n", c.extracted);
  if (c.placed > 0) {
    fmt::print("stories: placed {} (duplicates {}), new stories {}, merged {}{}, replayed {}\n", c.placed,
               c.duplicates, c.new_stories, c.merged, c.moved > 0 ? fmt::format(", moved {}", c.moved) : "",
               c.replayed);
  }
  if (!report->errors.empty()) {
    fmt::print("failed:\n");
    for (const auto& e : report->errors) fmt::print("  {}\n", e.ToString());
  }
  return report->errors.empty() ? kExitOk : kExitFailure;
}

// --- articles -----------------------------------------------------------------

int RunArticles() {
  auto store = OpenStore(true);
  if (!store.ok()) return Fail(store.status());
  auto articles = (*store)->ListArticles({});
  if (!articles.ok()) return Fail(articles.status());
  // Story of each article (0: not placed yet).
  std::vector<store::Placement> placements(articles->size());
  for (size_t i = 0; i < articles->size(); ++i) {
    auto placement = (*store)->GetPlacement((*articles)[i].id);
    if (placement.ok()) {
      placements[i] = *placement;
    } else if (placement.status().code() != StatusCode::kNotFound) {
      return Fail(placement.status());
    }
  }
  if (Opts().json) {
    for (size_t i = 0; i < articles->size(); ++i) {
      const Article& a = (*articles)[i];
      JsonWriter w;
      w.BeginObject();
      WriteArticleFields(w, a);
      if (placements[i].story != 0) {
        w.Key("story").Int(placements[i].story).Key("storyline").Int(placements[i].storyline);
        if (!placements[i].duplicate_of.empty()) {
          w.Key("duplicate_of").String(placements[i].duplicate_of);
          w.Key("duplicate_overlap").Double(placements[i].duplicate_overlap);
        }
      }
      w.EndObject();
      fmt::print("{}\n", w.str());
    }
    return kExitOk;
  }
  fmt::print("{:<28} {:<10} {:<4} {:<3} {:>5} {:<16} {}\n", "ID", "PUBLISHED", "LANG", "REV", "STORY",
             "SOURCE", "TITLE");
  for (size_t i = 0; i < articles->size(); ++i) {
    const Article& a = (*articles)[i];
    fmt::print("{:<28} {:<10} {:<4} {:<3} {:>5} {:<16} {}\n", Ellipsize(a.id, 28),
               a.published.known() ? a.published.ToIso().substr(0, 10) : "-",
               a.language.empty() ? "?" : a.language, a.revision,
               placements[i].story == 0 ? std::string("-") : std::to_string(placements[i].story),
               a.source.empty() ? "-" : Ellipsize(a.source, 16),
               a.title.empty() ? "(no title)" : Ellipsize(a.title, 60));
  }
  fmt::print("{} article{}\n", articles->size(), articles->size() == 1 ? "" : "s");
  return kExitOk;
}

// --- article ------------------------------------------------------------------

int RunArticle() {
  auto store = OpenStore(true);
  if (!store.ok()) return Fail(store.status());
  auto article = (*store)->GetArticle(Opts().id, Opts().revision);
  if (!article.ok()) return Fail(article.status());
  const Article& a = *article;
  std::vector<text::Span> sentences = text::SplitSentences(a.text, a.language);
  if (Opts().json) {
    JsonWriter w;
    w.BeginObject();
    WriteArticleFields(w, a);
    w.Key("text").String(a.text);
    w.Key("sentences").BeginArray();
    for (const text::Span& s : sentences) {
      w.BeginObject().Key("start").Int(s.begin).Key("end").Int(s.end).Key("text").String(s.In(a.text)).EndObject();
    }
    w.EndArray().EndObject();
    fmt::print("{}\n", w.str());
    return kExitOk;
  }
  fmt::print("id:         {} (revision {})\n", a.id, a.revision);
  fmt::print("title:      {}\n", a.title.empty() ? "(none)" : a.title);
  fmt::print("source:     {}\n", a.source.empty() ? "(unknown)" : a.source);
  fmt::print("url:        {}\n", a.url.empty() ? "(none)" : a.url);
  fmt::print("published:  {} ({})\n", a.published.known() ? a.published.ToIso() : "(unknown)",
             DatePrecisionName(a.published.precision));
  fmt::print("language:   {}\n", a.language.empty() ? "(unknown)" : a.language);
  fmt::print("hash:       {}\n", a.content_hash);
  fmt::print("first seen: {} UTC\n", FormatUnixTime(a.first_seen));
  fmt::print("origin:     {}\n\n{}\n\nsentences ({}):\n", a.origin, a.text, sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    fmt::print("{:>4}  {}\n", i + 1, sentences[i].In(a.text));
  }
  return kExitOk;
}

// --- tokens -------------------------------------------------------------------

std::string_view KindName(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::kWord: return "word";
    case text::TokenKind::kNumber: return "number";
    case text::TokenKind::kPunct: return "punct";
  }
  return "?";
}

int RunTokens() {
  std::string input = Opts().text;
  if (input == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::string lang = Opts().lang;
  std::string how = "given";
  const std::string cleaned = text::CleanText(input);
  if (lang.empty()) {
    text::LanguageGuess guess = text::IdentifyLanguage(cleaned);
    lang = guess.code;
    how = fmt::format("identified, {}%{}", guess.percent, guess.reliable ? "" : ", unreliable");
  }
  const std::string normalized = text::Normalize(cleaned);
  fmt::print("language:   {} ({})\n", lang.empty() ? "unknown" : lang, how);
  fmt::print("normalized: {}\n", normalized);
  fmt::print("sentences:\n");
  for (const text::Span& s : text::SplitSentences(normalized, lang)) {
    fmt::print("  | {}\n", s.In(normalized));
  }
  fmt::print("tokens:\n  {:<24} {:<7} {:<24} {:<20} {}\n", "TOKEN", "KIND", "FOLDED", "STEM", "FLAGS");
  text::Analyzer analyzer(lang);
  for (const text::Term& t : analyzer.Analyze(normalized)) {
    std::string flags;
    if (t.stop) flags += "stop ";
    if (t.capitalized) flags += "cap";
    if (t.kind == text::TokenKind::kNumber) {
      auto value = text::ParseNumber(t.span.In(normalized), lang);
      if (value) flags += fmt::format("value={}", *value);
    }
    fmt::print("  {:<24} {:<7} {:<24} {:<20} {}\n", t.span.In(normalized), KindName(t.kind), t.folded,
               t.stem, flags);
  }
  return kExitOk;
}

}  // namespace

void SetRunner(const CLI::App* command, std::function<int()> runner) {
  Runners()[command] = std::move(runner);
}

CLI::App* CommandGroup(CLI::App& app, const std::string& name, const std::string& description) {
  for (CLI::App* sub : app.get_subcommands([&](CLI::App* a) { return a->get_name() == name; })) {
    return sub;
  }
  CLI::App* group = app.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

CLI::App* EvalCommand(CLI::App& app) {
  return CommandGroup(app, "eval", "Score the engine against labelled data.");
}

void AddDbOption(CLI::App* command, std::string* path) {
  command->add_option("--db", *path, "SQLite database file (default: $STORYLINE_DB, else storyline.db)")
      ->envname("STORYLINE_DB");
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, bool read_only) {
  store::SqliteOptions options;
  options.read_only = read_only;
  options.upgrade = true;  // after an update of storyline, reading upgrades the file once
  return store::OpenSqlite(path.empty() ? store::DefaultDatabasePath() : path, options);
}

int Fail(const Status& status) {
  fmt::print(stderr, "storyline: {}\n", status.ToString());
  return kExitFailure;
}

void RegisterCommands(CLI::App& app) {
  RegisterArticleCommands(app);
  RegisterClusterCommands(app);
  RegisterStoryCommands(app);
  RegisterExtractCommands(app);
  RegisterNerCommands(app);
  RegisterHtmlCommands(app);
  RegisterBriefCommands(app);
  RegisterServeCommands(app);
}

void RegisterArticleCommands(CLI::App& app) {
  Options& o = Opts();

  CLI::App* ingest = app.add_subcommand(
      "ingest",
      "Read articles and store them. Prints counts (read, new, unchanged, revised,\n"
      "failed) and lists every input that failed with its file and line. Storing the\n"
      "same content again adds nothing; changed content under a known id becomes a\n"
      "new revision (it keeps its story). New articles are then placed, in order of\n"
      "publication, into stories and storylines (see 'storyline stories'), continuing\n"
      "the stories of earlier runs; copies of earlier articles are marked as such.\n"
      "New and revised articles are extracted (entities, quotes, figures, dates; see\n"
      "'storyline extract ID' and 'storyline entities') and stored with them.\n"
      "Exit code 1 when any input failed.");
  AddDbOption(ingest, &o.db);
  ingest->add_option("--ner-model", o.ner_model,
                     "NER tagger model (see 'storyline train ner'); default: $STORYLINE_NER_MODEL, else the\n"
                     "model this build trained when it exists, else built-in rules");
  ingest->add_option("paths", o.paths,
                     "Files (.txt, .jsonl), directories (walked recursively) or '-' for JSONL on stdin")
      ->required();
  SetRunner(ingest, RunIngest);

  CLI::App* articles = app.add_subcommand(
      "articles", "List the stored articles (latest revisions) with their story ('-' when not placed yet).");
  AddDbOption(articles, &o.db);
  articles->add_flag("--json", o.json, "One JSON object per line");
  SetRunner(articles, RunArticles);

  CLI::App* article = app.add_subcommand("article", "Show one stored article: metadata, text and sentences.");
  AddDbOption(article, &o.db);
  article->add_option("id", o.id, "Article id (see 'storyline articles')")->required();
  article->add_option("--revision", o.revision, "Revision to show (default: the latest)");
  article->add_flag("--json", o.json, "Print JSON");
  SetRunner(article, RunArticle);

  CLI::App* tokens = app.add_subcommand(
      "tokens", "Show how text is normalized, split into sentences, tokenized, folded and stemmed\n"
                "(a debugging aid).");
  tokens->add_option("text", o.text, "The text, or '-' to read standard input")->required();
  tokens->add_option("--lang", o.lang, "ISO 639-1 language code (default: identified from the text)");
  SetRunner(tokens, RunTokens);
}

int RunSelected(CLI::App& app) {
  // The deepest chosen command with a runner wins: `eval clusters` runs the
  // runner of `clusters`, not of `eval`.
  const CLI::App* chosen = &app;
  std::function<int()> runner;
  while (true) {
    auto selected = chosen->get_subcommands();
    if (selected.empty()) break;
    chosen = selected.front();
    auto it = Runners().find(chosen);
    if (it != Runners().end()) runner = it->second;
  }
  return runner ? runner() : kExitUsage;
}

}  // namespace storyline::cli
