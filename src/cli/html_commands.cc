// `storyline read-html` and `storyline eval html-aeb` / `eval html-snippets`:
// one HTML page read as an article, and the extractor's scores on the
// extraction benchmarks (../shared/bench/README.md, extraction/).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "ingest/html_eval.h"
#include "storyline/ingest.h"
#include "storyline/json_writer.h"

namespace storyline::cli {
namespace {

struct HtmlOptions {
  bool json = false;
  std::string file;
  std::string url;
  std::string dir;
  bool verbose = false;
  bool details = false;
};

HtmlOptions& Opts() {
  static HtmlOptions options;
  return options;
}

int RunReadHtml() {
  const HtmlOptions& o = Opts();
  Result<std::string> bytes = ingest::ReadHtmlFile(o.file);
  if (!bytes.ok()) return Fail(bytes.status());
  std::vector<ingest::Diagnostic> warnings;
  Result<ingest::HtmlDocument> doc = ingest::ParseHtmlArticle(*bytes, o.url, o.file, &warnings);
  for (const ingest::Diagnostic& d : warnings) fmt::print(stderr, "{}\n", d.ToString());
  if (!doc.ok()) return Fail(doc.status());
  const Article& a = doc->article;
  const std::string published = a.published.ToIso();
  if (o.json) {
    JsonWriter w;
    w.BeginObject()
        .Key("text").String(a.text)
        .Key("title").String(a.title)
        .Key("published").String(published)
        .Key("author").String(doc->author)
        .Key("source").String(a.source)
        .Key("lang").String(a.language)
        .Key("url").String(a.url)
        .EndObject();
    fmt::print("{}\n", w.str());
  } else {
    fmt::print("title      {}\npublished  {}\nauthor     {}\nsource     {}\nlang       {}\nurl        {}\n\n{}\n",
               a.title, published, doc->author, a.source, a.language, a.url, a.text);
  }
  return kExitOk;
}

void PrintErrors(const std::vector<std::string>& errors) {
  if (!Opts().verbose) {
    if (!errors.empty()) fmt::print(stderr, "{} pages failed (--verbose lists them)\n", errors.size());
    return;
  }
  for (const std::string& e : errors) fmt::print(stderr, "storyline: {}\n", e);
}

int RunEvalAeb() {
  Result<ingest::html::AebReport> r = ingest::html::EvaluateAeb(Opts().dir);
  if (!r.ok()) return Fail(r.status());
  PrintErrors(r->errors);
  if (Opts().details) {
    // Worst first: the pages where most is lost.
    std::vector<ingest::html::AebPage> pages = r->page_scores;
    std::stable_sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) {
      return ingest::html::F1(a.precision, a.recall) < ingest::html::F1(b.precision, b.recall);
    });
    for (const ingest::html::AebPage& p : pages) {
      if (p.precision >= 1 && p.recall >= 1) continue;
      fmt::print("{}  P {:.3f}  R {:.3f}\n", p.id, p.precision, p.recall);
    }
  }
  if (Opts().json) {
    JsonWriter w;
    w.BeginObject().Key("pages").Int(r->pages).Key("failed").Int(r->failed)
        .Key("precision").Double(r->precision).Key("recall").Double(r->recall)
        .Key("f1").Double(r->f1).EndObject();
    fmt::print("{}\n", w.str());
  } else {
    fmt::print("pages      {} ({} without text)\nprecision  {:.4f}\nrecall     {:.4f}\nf1         {:.4f}\n",
               r->pages, r->failed, r->precision, r->recall, r->f1);
  }
  return kExitOk;
}

int RunEvalSnippets() {
  Result<ingest::html::SnippetReport> r = ingest::html::EvaluateSnippets(Opts().dir);
  if (!r.ok()) return Fail(r.status());
  PrintErrors(r->errors);
  auto share = [](const ingest::html::MetaAccuracy& m) {
    return m.total == 0 ? 0.0 : static_cast<double>(m.correct) / m.total;
  };
  const ingest::html::SnippetCounts& c = r->counts;
  if (Opts().details) {
    for (const ingest::html::SnippetPage& p : r->faulty_pages) {
      fmt::print("{}\n", p.file);
      for (const std::string& s : p.missed) fmt::print("  missed  {}\n", s);
      for (const std::string& s : p.leaked) fmt::print("  leaked  {}\n", s);
      for (const auto& m : p.meta) fmt::print("  {:<6}  expected \"{}\", got \"{}\"\n", m.field, m.expected, m.extracted);
    }
  }
  if (Opts().json) {
    JsonWriter w;
    w.BeginObject().Key("pages").Int(r->pages).Key("failed").Int(r->failed)
        .Key("true_positives").Int(c.true_pos).Key("false_negatives").Int(c.false_neg)
        .Key("false_positives").Int(c.false_pos).Key("true_negatives").Int(c.true_neg)
        .Key("precision").Double(r->precision).Key("recall").Double(r->recall)
        .Key("f1").Double(r->f1)
        .Key("title_accuracy").Double(share(r->title)).Key("title_pages").Int(r->title.total)
        .Key("date_accuracy").Double(share(r->date)).Key("date_pages").Int(r->date.total)
        .Key("author_accuracy").Double(share(r->author)).Key("author_pages").Int(r->author.total)
        .EndObject();
    fmt::print("{}\n", w.str());
  } else {
    fmt::print(
        "pages      {} ({} failed)\nsnippets   tp {} fn {} fp {} tn {}\nprecision  {:.4f}\n"
        "recall     {:.4f}\nf1         {:.4f}\ntitle      {:.4f} of {} pages\ndate       {:.4f} of {} "
        "pages\nauthor     {:.4f} of {} pages\n",
        r->pages, r->failed, c.true_pos, c.false_neg, c.false_pos, c.true_neg, r->precision,
        r->recall, r->f1, share(r->title), r->title.total, share(r->date), r->date.total,
        share(r->author), r->author.total);
  }
  return kExitOk;
}

}  // namespace

void RegisterHtmlCommands(CLI::App& app) {
  HtmlOptions& o = Opts();
  CLI::App* read = app.add_subcommand(
      "read-html", "Read one HTML page (.html or .html.gz) as an article: body text without\n"
                   "boilerplate, title, publication date, author, outlet, language, URL.");
  read->add_flag("--json", o.json, "One JSON object: text, title, published, author, source, lang, url");
  read->add_option("--url", o.url, "The page's address, used when the page names no canonical URL");
  read->add_option("file", o.file, "An .html or .html.gz file")->required();
  SetRunner(read, RunReadHtml);

  CLI::App* eval = EvalCommand(app);
  CLI::App* aeb = eval->add_subcommand(
      "html-aeb", "Score article extraction on the AEB layout (html/ID.html.gz, ground-truth.json):\n"
                  "word-4-gram shingle precision and recall averaged over pages, F1 of the means.");
  aeb->add_option("dir", o.dir, "Benchmark folder, e.g. ../shared/bench/extraction/aeb-dev")->required();
  aeb->add_flag("--json", o.json, "Print the scores as one JSON object");
  aeb->add_flag("--verbose", o.verbose, "List the pages that failed");
  aeb->add_flag("--details", o.details, "Before the scores, list the pages not matched exactly, worst first");
  SetRunner(aeb, RunEvalAeb);

  CLI::App* snippets = eval->add_subcommand(
      "html-snippets", "Score article extraction on the trafilatura layout (index.jsonl with with/without\n"
                       "snippets and meta): snippet precision, recall and F1 over the corpus, and\n"
                       "title/date/author accuracy.");
  snippets->add_option("dir", o.dir, "Benchmark folder, e.g. ../shared/bench/extraction/trafilatura-dev")
      ->required();
  snippets->add_flag("--json", o.json, "Print the scores as one JSON object");
  snippets->add_flag("--verbose", o.verbose, "List the pages that failed");
  snippets->add_flag("--details", o.details,
                     "Before the scores, list per page the snippets missed and leaked and the\n"
                     "title/date/author that differ from the reference");
  SetRunner(snippets, RunEvalSnippets);
}

}  // namespace storyline::cli
