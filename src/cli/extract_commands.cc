// `storyline extract`, `storyline entities` and `storyline eval quotes`:
// entities, quotations, figures and dates of one article (a file, or the
// stored extraction of a stored id), the entities of the store, and the quote
// finder's scores on SpkAtt data.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "extract/spkatt.h"
#include "storyline/engine.h"
#include "storyline/extract.h"
#include "storyline/ingest.h"
#include "storyline/json_writer.h"
#include "storyline/store.h"

namespace storyline::cli {
namespace {

struct ExtractOptions {
  bool json = false;
  std::string target;
  std::string db;
  std::optional<std::string> model;  // unset: ingest's default; "": built-in rules
  std::string gold;
  std::string predictions;
  std::string type;
  int64_t limit = -1;
};

ExtractOptions& Opts() {
  static ExtractOptions options;
  return options;
}

// Byte offsets → code point offsets of one text.
class CharOffsets {
 public:
  explicit CharOffsets(std::string_view text) : cp_(text.size() + 1) {
    uint32_t c = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      cp_[i] = c;  // lead bytes before i
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++c;
    }
    cp_[text.size()] = c;
  }
  int64_t operator()(uint32_t byte) const { return cp_[byte]; }

 private:
  std::vector<uint32_t> cp_;
};

void WriteJson(const Article& a, const extract::Extraction& ex) {
  const CharOffsets at(a.text);
  JsonWriter w;
  w.BeginObject().Key("id").String(a.id);
  w.Key("entities").BeginArray();
  for (const extract::Mention& m : ex.mentions) {
    w.BeginObject().Key("text").String(m.text).Key("start").Int(at(m.begin)).Key("end").Int(at(m.end));
    w.Key("type").String(extract::EntityTypeName(m.type));
    if (m.entity >= 0) {
      const extract::Entity& e = ex.entities[m.entity];
      w.Key("canonical").String(e.canonical).Key("role").String(e.role);
    } else {
      w.Key("canonical").String("").Key("role").String("");
    }
    w.EndObject();
  }
  w.EndArray().Key("quotes").BeginArray();
  for (const extract::Quote& q : ex.quotes) {
    w.BeginObject().Key("text").String(q.text).Key("start").Int(at(q.begin)).Key("end").Int(at(q.end));
    w.Key("kind").String(extract::QuoteKindName(q.kind)).Key("cue").String(q.cue);
    w.Key("speaker").String(q.speaker);
    if (q.speaker_entity >= 0) {
      w.Key("speaker_entity").String(ex.entities[q.speaker_entity].name);
    } else {
      w.Key("speaker_entity").Null();
    }
    w.EndObject();
  }
  w.EndArray().Key("figures").BeginArray();
  for (const extract::Figure& f : ex.figures) {
    w.BeginObject().Key("text").String(f.text).Key("start").Int(at(f.begin)).Key("end").Int(at(f.end));
    w.Key("value").Double(f.value).Key("unit").String(f.unit).Key("counted").String(f.counted);
    w.Key("qualifier").String(f.qualifier).EndObject();
  }
  w.EndArray().Key("dates").BeginArray();
  for (const extract::DateMention& d : ex.dates) {
    w.BeginObject().Key("text").String(d.text).Key("start").Int(at(d.begin)).Key("end").Int(at(d.end));
    w.Key("value").String(d.value).Key("precision").String(DatePrecisionName(d.precision));
    w.Key("relative").Bool(d.relative).Key("relation").String(d.relation).EndObject();
  }
  w.EndArray().EndObject();
  fmt::print("{}\n", w.str());
}

size_t Columns(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Prints `text` word-wrapped to 80 columns, each line indented by `indent`.
void PrintWrapped(std::string_view text, size_t indent) {
  const std::string pad(indent, ' ');
  std::string line;
  size_t cols = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    const size_t wc = Columns(word);
    if (cols > 0 && indent + cols + 1 + wc > 80) {
      fmt::print("{}{}\n", pad, line);
      line.clear();
      cols = 0;
    }
    if (cols > 0) {
      line += ' ';
      ++cols;
    }
    line += word;
    cols += wc;
    i = j;
  }
  if (!line.empty()) fmt::print("{}{}\n", pad, line);
}

std::string FormatValue(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v)) && v < 1e15 && v > -1e15) {
    return fmt::format("{}", static_cast<int64_t>(v));
  }
  return fmt::format("{:.4g}", v);
}

void WriteText(const Article& a, const extract::Extraction& ex) {
  fmt::print("{}{}{}\n", a.id, a.title.empty() ? "" : ": ", a.title);
  fmt::print("\nEntities ({})\n", ex.entities.size());
  for (const extract::Entity& e : ex.entities) {
    std::string line = fmt::format("{:<4}{}", extract::EntityTypeName(e.type), e.name);
    if (!e.role.empty()) line += fmt::format(" ({})", e.role);
    line += fmt::format(" ×{}", e.mentions.size());
    PrintWrapped(line, 2);
  }
  fmt::print("\nQuotes ({})\n", ex.quotes.size());
  for (const extract::Quote& q : ex.quotes) {
    std::string who = q.speaker_entity >= 0 ? ex.entities[q.speaker_entity].name : "?";
    if (!q.speaker.empty() && q.speaker != who) who += fmt::format(" (\"{}\")", q.speaker);
    PrintWrapped(fmt::format("{} {}{}", QuoteKindName(q.kind), who,
                             q.cue.empty() ? "" : fmt::format(", cue \"{}\"", q.cue)),
                 2);
    PrintWrapped(q.kind == extract::QuoteKind::kDirect ? "\u201E" + q.text + "\u201C" : q.text, 6);
  }
  fmt::print("\nFigures ({})\n", ex.figures.size());
  for (const extract::Figure& f : ex.figures) {
    std::string line = fmt::format("{} = {}", f.text, FormatValue(f.value));
    if (!f.unit.empty()) line += " " + f.unit;
    if (!f.counted.empty()) line += " " + f.counted;
    if (!f.qualifier.empty()) line += fmt::format(" [{}]", f.qualifier);
    PrintWrapped(line, 2);
  }
  fmt::print("\nDates ({})\n", ex.dates.size());
  for (const extract::DateMention& d : ex.dates) {
    std::string line = fmt::format("{} = {}", d.text, d.value.empty() ? "?" : d.value);
    line += fmt::format(" ({}", DatePrecisionName(d.precision));
    if (!d.relation.empty()) line += ", " + d.relation;
    line += ")";
    PrintWrapped(line, 2);
  }
}

void Print(const Article& a, const extract::Extraction& ex, bool first) {
  if (Opts().json) {
    WriteJson(a, ex);
  } else {
    if (!first) fmt::print("\n");
    WriteText(a, ex);
  }
}

// The model a command extracts with: --model, else what `ingest` uses, so that
// `extract FILE` shows what `ingest` would store.
std::string ModelPath() {
  const ExtractOptions& o = Opts();
  return o.model ? *o.model : DefaultNerModelPath();
}

int RunExtract() {
  const ExtractOptions& o = Opts();
  if (!std::filesystem::exists(o.target)) {
    // A stored article: what ingest extracted from its latest revision.
    // A mistyped path reads as an id: say that it is neither.
    auto neither = [&](const Status& why) {
      return Fail(Status(why.code(), fmt::format("'{}' is no file, nor a stored article: {}", o.target, why.message())));
    };
    auto store = OpenStore(o.db, /*read_only=*/true);
    if (!store.ok()) return neither(store.status());
    auto article = (*store)->GetArticle(o.target);
    if (!article.ok()) return neither(article.status());
    auto stored = (*store)->GetExtraction(o.target);
    if (stored.ok()) {
      Print(*article, *stored, true);
      return kExitOk;
    }
    if (stored.status().code() != StatusCode::kNotFound) return Fail(stored.status());
    // Stored by a storyline that did not extract yet (the next ingest will).
    fmt::print(stderr, "storyline: article '{}' has no stored extraction yet; extracting it now\n", o.target);
    auto extractor = extract::Extractor::Create(ModelPath());
    if (!extractor.ok()) return Fail(extractor.status());
    Print(*article, (*extractor)->Extract(*article), true);
    return kExitOk;
  }
  std::vector<Article> articles;
  bool read_ok = true;
  ingest::Sink sink;
  sink.article = [&](Article&& a) {
    PrepareArticle(a);
    articles.push_back(std::move(a));
  };
  sink.diagnostic = [&](ingest::Diagnostic&& d) {
    if (d.severity == ingest::Severity::kError) read_ok = false;
    fmt::print(stderr, "{}\n", d.ToString());
  };
  ingest::ReadPath(o.target, {}, sink);
  auto extractor = extract::Extractor::Create(ModelPath());
  if (!extractor.ok()) return Fail(extractor.status());
  for (size_t i = 0; i < articles.size(); ++i) Print(articles[i], (*extractor)->Extract(articles[i]), i == 0);
  return read_ok ? kExitOk : kExitFailure;
}

// "12, 15, 31" with at most `max` ids, then "+N".
std::string StoryList(const std::vector<store::StoryId>& stories, size_t max) {
  if (stories.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < stories.size() && i < max; ++i) out += (i > 0 ? ", " : "") + std::to_string(stories[i]);
  if (stories.size() > max) out += fmt::format(" +{}", stories.size() - max);
  return out;
}

int RunEntities() {
  const ExtractOptions& o = Opts();
  store::EntityQuery query;
  query.limit = o.limit;
  if (!o.type.empty()) {
    for (extract::EntityType t : {extract::EntityType::kPerson, extract::EntityType::kOrganization,
                                  extract::EntityType::kLocation, extract::EntityType::kOther}) {
      if (extract::EntityTypeName(t) == o.type) query.type = t;
    }
  }
  auto store = OpenStore(o.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  auto entities = (*store)->ListEntities(query);
  if (!entities.ok()) return Fail(entities.status());
  if (o.json) {
    for (const store::EntityInfo& e : *entities) {
      JsonWriter w;
      w.BeginObject().Key("key").String(e.key).Key("type").String(extract::EntityTypeName(e.type));
      w.Key("name").String(e.name).Key("mentions").Int(e.mentions).Key("articles").Int(e.articles);
      w.Key("aliases").BeginArray();
      for (const std::string& alias : e.aliases) w.String(alias);
      w.EndArray().Key("stories").BeginArray();
      for (store::StoryId s : e.stories) w.Int(s);
      w.EndArray().EndObject();
      fmt::print("{}\n", w.str());
    }
    return kExitOk;
  }
  fmt::print("{:<4} {:>8} {:>8} {:<32} {}\n", "TYPE", "MENTIONS", "ARTICLES", "NAME", "STORIES");
  for (const store::EntityInfo& e : *entities) {
    fmt::print("{:<4} {:>8} {:>8} {:<32} {}\n", extract::EntityTypeName(e.type), e.mentions, e.articles, e.name,
               StoryList(e.stories, 8));
  }
  fmt::print("{} entit{}\n", entities->size(), entities->size() == 1 ? "y" : "ies");
  return kExitOk;
}

int RunEvalQuotes() {
  const ExtractOptions& o = Opts();
  auto docs = extract::ReadSpkAtt(o.gold);
  if (!docs.ok()) return Fail(docs.status());
  auto extractor = extract::Extractor::Create(ModelPath());
  if (!extractor.ok()) return Fail(extractor.status());
  std::ofstream out;
  if (!o.predictions.empty()) {
    out.open(o.predictions, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(Status::IoError(fmt::format("{}: cannot write", o.predictions)));
  }
  extract::SpkAttScorer scorer;
  for (const extract::SpkAttDocument& doc : *docs) {
    Article a;
    a.id = doc.name;
    a.text = doc.text;
    a.language = "de";
    const extract::Extraction ex = (*extractor)->Extract(a);
    const std::vector<extract::SpkAttAnnotation> predicted = extract::ToSpkAtt(doc, ex.quotes);
    scorer.Add(doc.gold, predicted);
    if (out.is_open()) out << extract::SpkAttPredictionLine(doc, predicted) << '\n';
  }
  if (out.is_open() && !out.flush()) {
    return Fail(Status::IoError(fmt::format("{}: write failed", o.predictions)));
  }
  const extract::SpkAttScores s = scorer.Scores();
  if (o.json) {
    JsonWriter w;
    w.BeginObject().Key("documents").Int(static_cast<int64_t>(docs->size()))
        .Key("gold").Int(s.gold).Key("predicted").Int(s.predicted).Key("matched").Int(s.matched)
        .Key("message_p").Double(s.message_p).Key("message_r").Double(s.message_r)
        .Key("message_f1").Double(s.message_f1).Key("speaker_p").Double(s.speaker_p)
        .Key("speaker_r").Double(s.speaker_r).Key("speaker_f1").Double(s.speaker_f1)
        .Key("joint_p").Double(s.joint_p).Key("joint_r").Double(s.joint_r)
        .Key("joint_f1").Double(s.joint_f1)
        .Key("pooled_message_p").Double(s.pooled_message_p)
        .Key("pooled_message_r").Double(s.pooled_message_r)
        .Key("pooled_message_f1").Double(s.pooled_message_f1)
        .Key("pooled_speaker_p").Double(s.pooled_speaker_p)
        .Key("pooled_speaker_r").Double(s.pooled_speaker_r)
        .Key("pooled_speaker_f1").Double(s.pooled_speaker_f1)
        .Key("pooled_joint_p").Double(s.pooled_joint_p)
        .Key("pooled_joint_r").Double(s.pooled_joint_r)
        .Key("pooled_joint_f1").Double(s.pooled_joint_f1)
        .Key("mean_f1").Double(s.mean_f1).EndObject();
    fmt::print("{}\n", w.str());
    return kExitOk;
  }
  fmt::print("documents {}  gold quotes {}  predicted {}  matched {}\n", docs->size(), s.gold,
             s.predicted, s.matched);
  fmt::print("SpkAtt-2023 measure (means over quotation pairs, as the shared task's scorer):\n");
  fmt::print("{:<16}{:>10}{:>10}{:>10}\n", "", "precision", "recall", "F1");
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "message", s.message_p, s.message_r, s.message_f1);
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "speaker", s.speaker_p, s.speaker_r, s.speaker_f1);
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "joint", s.joint_p, s.joint_r, s.joint_f1);
  fmt::print("tokens pooled over all quotations:\n");
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "pooled message", s.pooled_message_p,
             s.pooled_message_r, s.pooled_message_f1);
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "pooled speaker", s.pooled_speaker_p,
             s.pooled_speaker_r, s.pooled_speaker_f1);
  fmt::print("{:<16}{:>10.3f}{:>10.3f}{:>10.3f}\n", "pooled joint", s.pooled_joint_p,
             s.pooled_joint_r, s.pooled_joint_f1);
  fmt::print("harmonic mean of message and speaker F1: {:.3f}\n", s.mean_f1);
  return kExitOk;
}

}  // namespace

void RegisterExtractCommands(CLI::App& app) {
  ExtractOptions& o = Opts();
  CLI::App* extract = app.add_subcommand(
      "extract", "Print the entities, quotations, figures and dates of an article:\n"
                 "a file (any format `ingest` reads; extracted now) or the id of a stored\n"
                 "article (what `ingest` extracted and stored).");
  extract->add_flag("--json", o.json, "One JSON object per article; offsets in characters");
  extract->add_option("target", o.target, "A file, or a stored article id")->required();
  extract->add_option("--model", o.model,
                      "NER tagger model for files (see `storyline train ner`), '' for the\n"
                      "built-in rules; default as for 'storyline ingest': $STORYLINE_NER_MODEL, else\n"
                      "the model this build trained when it exists, else the rules");
  AddDbOption(extract, &o.db);
  SetRunner(extract, RunExtract);

  CLI::App* entities = app.add_subcommand(
      "entities",
      "List the people, organisations, places and other names of the stored articles\n"
      "(one line per canonical name: 'John Kelly' and 'Kelly' in one article are one),\n"
      "most mentioned first, with their mentions, the articles that name them and the\n"
      "stories those articles are in.");
  AddDbOption(entities, &o.db);
  entities->add_flag("--json", o.json, "One JSON object per entity: key, type, name, mentions, articles, aliases, stories");
  entities->add_option("--type", o.type, "Only this type")->check(CLI::IsMember({"PER", "ORG", "LOC", "OTH"}));
  entities->add_option("--limit", o.limit, "Show at most this many (default: all)")->check(CLI::NonNegativeNumber);
  SetRunner(entities, RunEntities);

  CLI::App* eval = EvalCommand(app);
  CLI::App* quotes = eval->add_subcommand(
      "quotes", "Find quotations in SpkAtt JSONL documents and print message, speaker and\n"
                "joint precision, recall and F1 against the gold annotations: the SpkAtt-2023\n"
                "shared task's measure (means over paired quotations), then tokens pooled.");
  quotes->add_option("gold", o.gold, "SpkAtt JSONL file")->required();
  quotes->add_option("--predictions", o.predictions,
                     "Write the predictions, one JSON line per document, to this file");
  quotes->add_option("--model", o.model,
                     "NER tagger model (see `storyline train ner`), '' for the built-in rules;\n"
                     "default as for 'storyline ingest'");
  quotes->add_flag("--json", o.json, "Print the scores as one JSON object");
  SetRunner(quotes, RunEvalQuotes);
}

}  // namespace storyline::cli
