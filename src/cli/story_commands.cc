// `storyline stories`, `storyline story` and `storyline storylines`: the
// stories that `ingest` stored, newest first, the briefing of one, and the
// storylines that group them.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "storyline/compare.h"
#include "storyline/engine.h"
#include "storyline/json_writer.h"
#include "storyline/store.h"

namespace storyline::cli {
namespace {

struct StoryOptions {
  std::string db;
  bool json = false;
  int64_t limit = -1;
  std::string format = "text";
  int64_t id = 0;
};

StoryOptions& Opts() {
  static StoryOptions options;
  return options;
}

// Cuts a UTF-8 string to at most `max_chars` code points, adding "…".
std::string Ellipsize(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
      return std::string(s.substr(0, i)) + "…";
    }
  }
  return std::string(s);
}

std::string Day(const PublishedDate& date) { return date.known() ? date.ToIso().substr(0, 10) : "-"; }

// "Rheinpost, Moselbote +2"
std::string Outlets(const std::vector<std::string>& outlets) {
  if (outlets.empty()) return "-";
  std::string out = outlets[0];
  if (outlets.size() > 1) out += ", " + outlets[1];
  if (outlets.size() > 2) out += fmt::format(" +{}", outlets.size() - 2);
  return out;
}

void WriteStory(JsonWriter& w, const store::StoryInfo& s) {
  w.Key("id").Int(s.id)
      .Key("storyline").Int(s.storyline)
      .Key("title").String(s.title)
      .Key("articles").Int(s.article_count);
  w.Key("outlets").BeginArray();
  for (const std::string& o : s.outlets) w.String(o);
  w.EndArray();
  w.Key("first").String(s.first.ToIso()).Key("last").String(s.last.ToIso());
}

Result<std::vector<store::StoryInfo>> LoadStories(int64_t limit) {
  auto store = OpenStore(Opts().db, true);
  if (!store.ok()) return store.status();
  return (*store)->ListStories({.limit = limit, .offset = 0});
}

int RunStories() {
  auto stories = LoadStories(Opts().limit);
  if (!stories.ok()) return Fail(stories.status());
  if (Opts().json) {
    for (const store::StoryInfo& s : *stories) {
      JsonWriter w;
      w.BeginObject();
      WriteStory(w, s);
      w.EndObject();
      fmt::print("{}\n", w.str());
    }
    return kExitOk;
  }
  fmt::print("{:>6} {:>9} {:<10} {:<10} {:>4} {:<28} {}\n", "STORY", "STORYLINE", "FIRST", "LAST", "ARTS",
             "OUTLETS", "TITLE");
  for (const store::StoryInfo& s : *stories) {
    fmt::print("{:>6} {:>9} {:<10} {:<10} {:>4} {:<28} {}\n", s.id, s.storyline, Day(s.first), Day(s.last),
               s.article_count, Ellipsize(Outlets(s.outlets), 28),
               s.title.empty() ? "(no title)" : Ellipsize(s.title, 70));
  }
  fmt::print("{} stor{}\n", stories->size(), stories->size() == 1 ? "y" : "ies");
  return kExitOk;
}

int RunStory() {
  auto format = compare::ParseFormat(Opts().format);
  if (!format.ok()) {
    fmt::print(stderr, "storyline: {}\n", format.status().message());
    return kExitUsage;
  }
  auto store = OpenStore(Opts().db, true);
  if (!store.ok()) return Fail(store.status());
  auto briefing = BriefStoredStory(**store, Opts().id);
  if (!briefing.ok()) return Fail(briefing.status());
  const std::string out = compare::Render(*briefing, *format);
  fmt::print("{}{}", out, !out.empty() && out.back() == '\n' ? "" : "\n");
  return kExitOk;
}

int RunStorylines() {
  auto stories = LoadStories(-1);
  if (!stories.ok()) return Fail(stories.status());
  // Storylines in the order of their newest story; stories newest first.
  std::vector<int64_t> order;
  std::map<int64_t, std::vector<const store::StoryInfo*>> lines;
  for (const store::StoryInfo& s : *stories) {
    auto& members = lines[s.storyline];
    if (members.empty()) order.push_back(s.storyline);
    members.push_back(&s);
  }
  if (Opts().json) {
    for (int64_t line : order) {
      const auto& members = lines[line];
      int64_t articles = 0;
      for (const auto* s : members) articles += s->article_count;
      JsonWriter w;
      w.BeginObject().Key("id").Int(line).Key("articles").Int(articles).Key("stories").BeginArray();
      for (const auto* s : members) {
        w.BeginObject();
        WriteStory(w, *s);
        w.EndObject();
      }
      w.EndArray().EndObject();
      fmt::print("{}\n", w.str());
    }
    return kExitOk;
  }
  for (int64_t line : order) {
    const auto& members = lines[line];
    int64_t articles = 0;
    for (const auto* s : members) articles += s->article_count;
    // The span of a storyline: its earliest first and latest last dates.
    PublishedDate first, last;
    for (const auto* s : members) {
      if (s->first.known() && (!first.known() || s->first.EpochSeconds() < first.EpochSeconds())) first = s->first;
      if (s->last.known() && (!last.known() || s->last.EpochSeconds() > last.EpochSeconds())) last = s->last;
    }
    fmt::print("storyline {} ({} stor{}, {} article{}, {} to {})\n", line, members.size(),
               members.size() == 1 ? "y" : "ies", articles, articles == 1 ? "" : "s", Day(first), Day(last));
    for (const auto* s : members) {
      fmt::print("  story {:>5}  {:<10} {:>4} art.  {}\n", s->id, Day(s->last), s->article_count,
                 s->title.empty() ? "(no title)" : Ellipsize(s->title, 70));
    }
  }
  fmt::print("{} storyline{}, {} stor{}\n", order.size(), order.size() == 1 ? "" : "s", stories->size(),
             stories->size() == 1 ? "y" : "ies");
  return kExitOk;
}

}  // namespace

void RegisterStoryCommands(CLI::App& app) {
  StoryOptions& o = Opts();
  CLI::App* stories = app.add_subcommand(
      "stories",
      "List the stories (events) that 'storyline ingest' found, newest first (by the date\n"
      "of their latest article; undated stories last). Per story: its id (stable across\n"
      "ingest runs; the id of a story merged into another keeps resolving to it), its\n"
      "storyline, the dates of its first and last article, the number of articles, its\n"
      "outlets (most articles first) and its title (the earliest headline; the first\n"
      "sentence when no article has a title).");
  AddDbOption(stories, &o.db);
  stories->add_flag("--json", o.json,
                    "One JSON object per story: id, storyline, title, articles, outlets, first, last");
  stories->add_option("--limit", o.limit, "Show at most this many (default: all)")->check(CLI::NonNegativeNumber);
  SetRunner(stories, RunStories);

  CLI::App* story = app.add_subcommand(
      "story",
      "Print the briefing of one stored story: headline, summary, sources and shared\n"
      "text, people, who said what, figures compared, what only one source reports,\n"
      "timeline and the other stories of its storyline. The id of a story merged into\n"
      "another prints the story it was merged into.");
  AddDbOption(story, &o.db);
  story->add_option("--format", o.format, "text (80 columns), md, json or html")
      ->check(CLI::IsMember({"text", "md", "markdown", "json", "html"}));
  story->add_option("id", o.id, "Story id (see 'storyline stories')")->required();
  SetRunner(story, RunStory);

  CLI::App* storylines = app.add_subcommand(
      "storylines",
      "List the storylines (looser, longer-lived threads: the same people, places and\n"
      "topic) with their stories, the storyline with the newest story first.");
  AddDbOption(storylines, &o.db);
  storylines->add_flag("--json", o.json,
                       "One JSON object per storyline: id, articles, stories (as in 'stories --json')");
  SetRunner(storylines, RunStorylines);
}

}  // namespace storyline::cli
