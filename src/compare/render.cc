// Renderers of a Briefing: text, Markdown, JSON, HTML.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "compare/story_text.h"
#include "storyline/compare.h"
#include "storyline/json_writer.h"

namespace storyline::compare {
namespace {

// "11,000,000", "5,800,000", "2.5", "0.33".
std::string FormatValue(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::string digits = fmt::format("{}", static_cast<int64_t>(std::llround(std::fabs(v))));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
      out.push_back(digits[i]);
    }
    return v < 0 ? "-" + out : out;
  }
  return fmt::format("{:.4g}", v);
}

std::string DateOr(const PublishedDate& d, std::string_view none) {
  return d.known() ? d.ToIso() : std::string(none);
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::vector<std::string> QuoteArticles(const QuoteEntry& q) {
  std::vector<std::string> ids;
  for (const QuoteReport& r : q.reports) {
    if (ids.empty() || ids.back() != r.article_id) ids.push_back(r.article_id);
  }
  return ids;
}

std::vector<std::string> FigureArticles(const FigureGroup& g) {
  std::vector<std::string> ids;
  for (const FigureValue& v : g.values) {
    bool seen = false;
    for (const std::string& id : ids) seen |= id == v.article_id;
    if (!seen) ids.push_back(v.article_id);
  }
  return ids;
}

std::string ShareLine(const Share& s) {
  std::vector<std::string> parts;
  if (s.shared_paragraphs > 0) {
    parts.push_back(fmt::format("{} of {} paragraphs", s.shared_paragraphs, s.paragraphs));
  }
  if (s.shared_sentences > 0) {
    parts.push_back(fmt::format("{} of {} sentences", s.shared_sentences, s.sentences));
  }
  return fmt::format("shares {} with {}", Join(parts, " and "), s.other_id);
}

// "id" or "id, outlet" when the outlet is known.
std::string Cite(const std::string& id, const std::string& outlet) {
  return outlet == id || outlet.empty() ? id : id + ", " + outlet;
}

std::string FigureLabel(const FigureGroup& g) {
  std::string label = g.counted;
  if (!g.unit.empty()) label += " [" + g.unit + "]";
  return label;
}

std::string FigureValueText(const FigureValue& v) {
  std::string s = v.text;
  if (!v.qualifier.empty()) s += " (" + v.qualifier + ")";
  s += " = " + FormatValue(v.value);
  return s;
}

// The statements of one speaker. A briefing lists statements (each with the
// articles that report it); a reader looks for a person, so the renderers
// name each speaker once, over their statements, as the web UI does.
struct SpeakerStatements {
  const QuoteEntry* first = nullptr;  // names the speaker
  std::vector<const QuoteEntry*> statements;  // in the briefing's order
  std::vector<std::string> article_ids;       // distinct, over the statements
};

// The briefing's statements by speaker (Person key, else the speaker phrase;
// the unknown speakers together), each speaker where its first statement
// ranks.
std::vector<SpeakerStatements> BySpeaker(const Briefing& b) {
  std::vector<SpeakerStatements> out;
  std::vector<std::string> keys;
  for (const QuoteEntry& q : b.quotes) {
    const std::string& key = q.speaker_key.empty() ? q.speaker : q.speaker_key;
    size_t at = 0;
    while (at < keys.size() && keys[at] != key) ++at;
    if (at == keys.size()) {
      keys.push_back(key);
      out.push_back({&q, {}, {}});
    }
    SpeakerStatements& s = out[at];
    s.statements.push_back(&q);
    for (const QuoteReport& r : q.reports) {
      if (std::find(s.article_ids.begin(), s.article_ids.end(), r.article_id) == s.article_ids.end()) {
        s.article_ids.push_back(r.article_id);
      }
    }
  }
  return out;
}

std::string SpeakerName(const QuoteEntry& q) { return q.speaker.empty() ? "(speaker unknown)" : q.speaker; }

// "2 sources", or "3 statements, 2 sources".
std::string StatementCount(const SpeakerStatements& s) {
  const size_t n = s.article_ids.size();
  std::string out = fmt::format("{} source{}", n, n == 1 ? "" : "s");
  if (s.statements.size() > 1) out = fmt::format("{} statements, ", s.statements.size()) + out;
  return out;
}

// One wording of a statement and the articles that give it so (copies give
// the same words): each wording is shown once.
struct Wording {
  const QuoteReport* report = nullptr;
  std::vector<std::string> article_ids;
};

std::vector<Wording> Wordings(const QuoteEntry& q) {
  std::vector<Wording> out;
  for (const QuoteReport& r : q.reports) {
    auto same = std::find_if(out.begin(), out.end(), [&r](const Wording& w) {
      return w.report->text == r.text && w.report->kind == r.kind;
    });
    if (same == out.end()) {
      out.push_back({&r, {r.article_id}});
    } else if (same->article_ids.back() != r.article_id) {
      same->article_ids.push_back(r.article_id);
    }
  }
  return out;
}

// "id1, id2" and "; reported" for reported speech; each id between `mark`s
// (Markdown's "`").
std::string WordingCite(const Wording& w, std::string_view mark = "") {
  std::string out;
  for (const std::string& id : w.article_ids) {
    if (!out.empty()) out += ", ";
    out.append(mark).append(id).append(mark);
  }
  if (w.report->kind != extract::QuoteKind::kDirect) out += "; reported";
  return out;
}

// --- Text ------------------------------------------------------------------------

// Word-wraps `text` to `width` code points; the first line starts with
// `first` and the following lines with `rest` (both counted in the width).
void Wrap(std::string_view text, std::string_view first, std::string_view rest, int width, std::string* out) {
  std::string line(first);
  size_t line_len = CodePoints(first);
  const size_t rest_len = CodePoints(rest);
  bool empty = true;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    const std::string_view word = text.substr(i, j - i);
    const size_t len = CodePoints(word);
    if (!empty && line_len + 1 + len > static_cast<size_t>(width)) {
      *out += line;
      *out += '\n';
      line.assign(rest);
      line_len = rest_len;
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++line_len;
    }
    line += word;
    line_len += len;
    empty = false;
    i = j;
  }
  *out += line;
  *out += '\n';
}

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "json") return Format::kJson;
  if (name == "html") return Format::kHtml;
  return Status::InvalidArgument(
      fmt::format("unknown format '{}': expected text, md, json or html", name));
}

std::string RenderText(const Briefing& b, int width) {
  std::string out;
  out += fmt::format("STORY {} (storyline {})\n", b.id, b.storyline);
  Wrap(b.headline.empty() ? "(no headline)" : b.headline, "", "", width, &out);
  if (!b.headline_article_id.empty()) out += fmt::format("  [{}]\n", b.headline_article_id);

  if (!b.summary.empty()) {
    out += "\nSUMMARY\n";
    for (const SummarySentence& s : b.summary) {
      Wrap(s.text + " [" + s.article_id + "]", "  - ", "    ", width, &out);
    }
  }

  out += fmt::format("\nSOURCES: {} article{}, {} independent\n", b.sources.size(),
                     b.sources.size() == 1 ? "" : "s", b.independent_sources);
  for (const SourceRow& r : b.sources) {
    Wrap(fmt::format("{}{} | {} | {} words", r.article_id, r.outlet == r.article_id ? "" : " | " + r.outlet,
                     DateOr(r.published, "undated"), r.words),
         "  - ", "    ", width, &out);
    if (!r.copied_from.empty()) Wrap("mostly copies " + r.copied_from, "      ", "      ", width, &out);
    for (const Share& s : r.shares) Wrap(ShareLine(s), "      ", "      ", width, &out);
  }

  if (!b.people.empty()) {
    out += "\nPEOPLE\n";
    for (const Person& p : b.people) {
      std::string line = p.name;
      if (!p.roles.empty()) line += " (" + Join(p.roles, "; ") + ")";
      line += fmt::format(": {} source{} [{}]", p.article_ids.size(), p.article_ids.size() == 1 ? "" : "s",
                          Join(p.article_ids, ", "));
      Wrap(line, "  - ", "    ", width, &out);
    }
  }

  if (!b.quotes.empty()) {
    out += "\nWHO SAID WHAT\n";
    for (const SpeakerStatements& s : BySpeaker(b)) {
      Wrap(SpeakerName(*s.first) + ": " + StatementCount(s), "  * ", "    ", width, &out);
      for (const QuoteEntry* q : s.statements) {
        const std::vector<Wording> wordings = Wordings(*q);
        for (size_t i = 0; i < wordings.size(); ++i) {
          Wrap(fmt::format("{}\"{}\" [{}]", i == 0 ? "" : "also as: ", wordings[i].report->text,
                           WordingCite(wordings[i])),
               i == 0 ? "    - " : "      ", "      ", width, &out);
        }
      }
    }
  }

  if (!b.figures.empty()) {
    out += "\nFIGURES\n";
    for (const FigureGroup& g : b.figures) {
      const int n = g.sources();
      std::string head = FigureLabel(g);
      if (n > 1) {
        head += g.agree ? fmt::format(": {} sources agree", n) : fmt::format(": {} sources DISAGREE", n);
      } else {
        head += ": only in " + g.values.front().article_id;
      }
      Wrap(head, g.agree ? "  * " : "  ! ", "    ", width, &out);
      for (const FigureValue& v : g.values) {
        Wrap(fmt::format("{} [{}]: {}", FigureValueText(v), Cite(v.article_id, v.outlet), v.sentence), "    - ",
             "      ", width, &out);
      }
    }
  }

  if (!b.only_in.empty()) {
    out += "\nONLY IN ONE SOURCE\n";
    for (const OnlyIn& o : b.only_in) {
      Wrap(fmt::format("{}: {} statement{}", Cite(o.article_id, o.outlet), o.count, o.count == 1 ? "" : "s"),
           "  * ", "    ", width, &out);
      for (const std::string& s : o.sentences) Wrap(s, "    - ", "      ", width, &out);
    }
  }

  if (!b.timeline.empty()) {
    out += "\nTIMELINE\n";
    for (const TimelineEntry& e : b.timeline) {
      Wrap(e.label, "  * ", "    ", width, &out);
      for (const TimelineItem& it : e.items) {
        if (e.publication) {
          Wrap(fmt::format("[{}] published", it.article_id), "    - ", "      ", width, &out);
        } else {
          Wrap(fmt::format("[{}] {}: {}", it.article_id, it.text, it.sentence), "    - ", "      ", width, &out);
        }
      }
    }
  }

  if (!b.related.empty()) {
    out += "\nRELATED STORIES\n";
    for (const RelatedStory& r : b.related) {
      Wrap(fmt::format("story {} ({}): {}", r.id, DateOr(r.first, "undated"), r.headline), "  - ", "    ", width,
           &out);
    }
  }
  return out;
}

// --- Markdown --------------------------------------------------------------------

namespace {

// Keeps article text from turning into Markdown structure: table pipes,
// emphasis, links and inline HTML are escaped.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '#' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const Briefing& b) {
  std::string out;
  out += fmt::format("# {}\n\n", Md(b.headline.empty() ? "(no headline)" : b.headline));
  out += fmt::format("Story {} · storyline {}", b.id, b.storyline);
  if (!b.headline_article_id.empty()) out += fmt::format(" · headline from `{}`", b.headline_article_id);
  out += "\n";
  if (!b.summary.empty()) {
    out += "\n## Summary\n\n";
    for (const SummarySentence& s : b.summary) out += fmt::format("- {} (`{}`)\n", Md(s.text), s.article_id);
  }
  out += fmt::format("\n## Sources\n\n{} article{}, {} independent.\n\n", b.sources.size(),
                     b.sources.size() == 1 ? "" : "s", b.independent_sources);
  out += "| article | outlet | date | words | shared text |\n|---|---|---|---:|---|\n";
  for (const SourceRow& r : b.sources) {
    std::vector<std::string> shares;
    if (!r.copied_from.empty()) shares.push_back("mostly copies `" + r.copied_from + "`");
    for (const Share& s : r.shares) shares.push_back(ShareLine(s));
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", r.article_id, Md(r.outlet), DateOr(r.published, "undated"),
                       r.words, Md(Join(shares, "; ")));
  }
  if (!b.people.empty()) {
    out += "\n## People\n\n";
    for (const Person& p : b.people) {
      out += fmt::format("- **{}**", Md(p.name));
      if (!p.roles.empty()) out += " — " + Md(Join(p.roles, "; "));
      out += fmt::format(" ({} source{}: `{}`)\n", p.article_ids.size(), p.article_ids.size() == 1 ? "" : "s",
                         Join(p.article_ids, "`, `"));
    }
  }
  if (!b.quotes.empty()) {
    out += "\n## Who said what\n\n";
    for (const SpeakerStatements& s : BySpeaker(b)) {
      out += fmt::format("- **{}** ({})\n", Md(SpeakerName(*s.first)), StatementCount(s));
      for (const QuoteEntry* q : s.statements) {
        const std::vector<Wording> wordings = Wordings(*q);
        for (size_t i = 0; i < wordings.size(); ++i) {
          out += fmt::format("{}“{}” ({})\n", i == 0 ? "  - " : "    - also as: ", Md(wordings[i].report->text),
                             WordingCite(wordings[i], "`"));
        }
      }
    }
  }
  if (!b.figures.empty()) {
    out += "\n## Figures\n\n";
    for (const FigureGroup& g : b.figures) {
      const int n = g.sources();
      std::string verdict = n > 1 ? (g.agree ? fmt::format("{} sources agree", n)
                                             : fmt::format("**{} sources disagree**", n))
                                  : "only in `" + g.values.front().article_id + "`";
      out += fmt::format("- {}{}: {}\n", g.agree ? "" : "⚠ ", Md(FigureLabel(g)), verdict);
      for (const FigureValue& v : g.values) {
        out += fmt::format("  - {} (`{}`, {}): {}\n", Md(FigureValueText(v)), v.article_id, Md(v.outlet),
                           Md(v.sentence));
      }
    }
  }
  if (!b.only_in.empty()) {
    out += "\n## Only in one source\n\n";
    for (const OnlyIn& o : b.only_in) {
      out += fmt::format("- `{}` ({}): {} statement{}\n", o.article_id, Md(o.outlet), o.count,
                         o.count == 1 ? "" : "s");
      for (const std::string& s : o.sentences) out += fmt::format("  - {}\n", Md(s));
    }
  }
  if (!b.timeline.empty()) {
    out += "\n## Timeline\n\n";
    for (const TimelineEntry& e : b.timeline) {
      out += fmt::format("- **{}**\n", Md(e.label));
      for (const TimelineItem& it : e.items) {
        if (e.publication) {
          out += fmt::format("  - `{}` published\n", it.article_id);
        } else {
          out += fmt::format("  - `{}` {}: {}\n", it.article_id, Md(it.text), Md(it.sentence));
        }
      }
    }
  }
  if (!b.related.empty()) {
    out += "\n## Related stories\n\n";
    for (const RelatedStory& r : b.related) {
      out += fmt::format("- story {} ({}): {}\n", r.id, DateOr(r.first, "undated"), Md(r.headline));
    }
  }
  return out;
}

// --- JSON ------------------------------------------------------------------------

std::string RenderJson(const Briefing& b) {
  JsonWriter w;
  auto ids = [&w](const std::vector<std::string>& v) {
    w.BeginArray();
    for (const std::string& id : v) w.String(id);
    w.EndArray();
  };
  w.BeginObject();
  w.Key("id").Int(b.id).Key("storyline").Int(b.storyline);
  w.Key("headline").BeginObject().Key("text").String(b.headline).Key("article").String(b.headline_article_id).EndObject();
  w.Key("summary").BeginArray();
  for (const SummarySentence& s : b.summary) {
    w.BeginObject().Key("text").String(s.text).Key("article").String(s.article_id).EndObject();
  }
  w.EndArray();
  w.Key("sources").BeginObject().Key("independent").Int(b.independent_sources).Key("articles").BeginArray();
  for (const SourceRow& r : b.sources) {
    w.BeginObject()
        .Key("article").String(r.article_id)
        .Key("outlet").String(r.outlet)
        .Key("published").String(r.published.ToIso())
        .Key("words").Int(r.words);
    if (r.copied_from.empty()) {
      w.Key("copied_from").Null();
    } else {
      w.Key("copied_from").String(r.copied_from);
    }
    w.Key("shares").BeginArray();
    for (const Share& s : r.shares) {
      w.BeginObject()
          .Key("article").String(s.other_id)
          .Key("shared_paragraphs").Int(s.shared_paragraphs)
          .Key("paragraphs").Int(s.paragraphs)
          .Key("shared_sentences").Int(s.shared_sentences)
          .Key("sentences").Int(s.sentences)
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  w.Key("people").BeginArray();
  for (const Person& p : b.people) {
    w.BeginObject().Key("name").String(p.name).Key("key").String(p.key).Key("roles");
    ids(p.roles);
    w.Key("mentions").Int(p.mentions).Key("sources").Int(static_cast<int64_t>(p.article_ids.size())).Key("articles");
    ids(p.article_ids);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes").BeginArray();
  for (const QuoteEntry& q : b.quotes) {
    w.BeginObject().Key("speaker").String(q.speaker).Key("speaker_key").String(q.speaker_key);
    w.Key("sources").Int(q.sources()).Key("articles");
    ids(QuoteArticles(q));
    w.Key("reports").BeginArray();
    for (const QuoteReport& r : q.reports) {
      w.BeginObject()
          .Key("article").String(r.article_id)
          .Key("outlet").String(r.outlet)
          .Key("kind").String(extract::QuoteKindName(r.kind))
          .Key("text").String(r.text)
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("figures").BeginArray();
  for (const FigureGroup& g : b.figures) {
    w.BeginObject().Key("counted").String(g.counted).Key("unit").String(g.unit);
    w.Key("agree").Bool(g.agree).Key("sources").Int(g.sources()).Key("articles");
    ids(FigureArticles(g));
    w.Key("values").BeginArray();
    for (const FigureValue& v : g.values) {
      w.BeginObject()
          .Key("article").String(v.article_id)
          .Key("outlet").String(v.outlet)
          .Key("text").String(v.text)
          .Key("value").Double(v.value)
          .Key("unit").String(v.unit)
          .Key("counted").String(v.counted)
          .Key("qualifier").String(v.qualifier)
          .Key("sentence").String(v.sentence)
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("only_in").BeginArray();
  for (const OnlyIn& o : b.only_in) {
    w.BeginObject().Key("article").String(o.article_id).Key("outlet").String(o.outlet).Key("count").Int(o.count);
    w.Key("sentences");
    ids(o.sentences);
    w.EndObject();
  }
  w.EndArray();
  w.Key("timeline").BeginArray();
  for (const TimelineEntry& e : b.timeline) {
    w.BeginObject().Key("label").String(e.label).Key("date").String(e.date);
    w.Key("precision").String(DatePrecisionName(e.precision));
    if (e.weekday == 0) {
      w.Key("weekday").Null();
    } else {
      w.Key("weekday").Int(e.weekday);
    }
    w.Key("publication").Bool(e.publication).Key("items").BeginArray();
    for (const TimelineItem& it : e.items) {
      w.BeginObject()
          .Key("article").String(it.article_id)
          .Key("text").String(it.text)
          .Key("sentence").String(it.sentence)
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("related").BeginArray();
  for (const RelatedStory& r : b.related) {
    w.BeginObject().Key("id").Int(r.id).Key("first").String(r.first.ToIso()).Key("headline").String(r.headline).EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

// --- HTML ------------------------------------------------------------------------

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kCss = R"(body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
article{border-top:3px solid #333;margin-top:2em}h1{font-size:1.6em;margin:.5em 0}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}
.meta,.id{color:#666;font-size:.85em}.id{font-family:monospace}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.2em .5em;text-align:left;vertical-align:top}.num{text-align:right}
.disagree{background:#fff1f0;border-left:4px solid #d33;padding-left:.5em}.agree{border-left:4px solid #3a3;padding-left:.5em}
blockquote{margin:.3em 0 .3em 1em;padding-left:.7em;border-left:2px solid #aaa}ul{padding-left:1.2em})";

void HtmlBriefing(const Briefing& b, std::string* out) {
  auto id = [](std::string_view s) { return "<span class=\"id\">" + HtmlEscape(s) + "</span>"; };
  std::string& o = *out;
  o += "<article>\n";
  o += "<h1>" + HtmlEscape(b.headline.empty() ? "(no headline)" : b.headline) + "</h1>\n";
  o += fmt::format("<p class=\"meta\">Story {} · storyline {}", b.id, b.storyline);
  if (!b.headline_article_id.empty()) o += " · headline from " + id(b.headline_article_id);
  o += "</p>\n";
  if (!b.summary.empty()) {
    o += "<h2>Summary</h2>\n<ul>\n";
    for (const SummarySentence& s : b.summary) o += "<li>" + HtmlEscape(s.text) + " " + id(s.article_id) + "</li>\n";
    o += "</ul>\n";
  }
  o += fmt::format("<h2>Sources</h2>\n<p>{} article{}, {} independent.</p>\n", b.sources.size(),
                   b.sources.size() == 1 ? "" : "s", b.independent_sources);
  o += "<table><tr><th>article</th><th>outlet</th><th>date</th><th class=\"num\">words</th><th>shared text</th></tr>\n";
  for (const SourceRow& r : b.sources) {
    std::vector<std::string> shares;
    if (!r.copied_from.empty()) shares.push_back("mostly copies " + r.copied_from);
    for (const Share& s : r.shares) shares.push_back(ShareLine(s));
    o += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                     id(r.article_id), HtmlEscape(r.outlet), HtmlEscape(DateOr(r.published, "undated")), r.words,
                     HtmlEscape(Join(shares, "; ")));
  }
  o += "</table>\n";
  if (!b.people.empty()) {
    o += "<h2>People</h2>\n<ul>\n";
    for (const Person& p : b.people) {
      o += "<li><b>" + HtmlEscape(p.name) + "</b>";
      if (!p.roles.empty()) o += " — " + HtmlEscape(Join(p.roles, "; "));
      o += fmt::format(" <span class=\"meta\">({} source{}: {})</span></li>\n", p.article_ids.size(),
                       p.article_ids.size() == 1 ? "" : "s", HtmlEscape(Join(p.article_ids, ", ")));
    }
    o += "</ul>\n";
  }
  if (!b.quotes.empty()) {
    o += "<h2>Who said what</h2>\n";
    for (const SpeakerStatements& s : BySpeaker(b)) {
      o += fmt::format("<p><b>{}</b> <span class=\"meta\">({})</span></p>\n", HtmlEscape(SpeakerName(*s.first)),
                       StatementCount(s));
      for (const QuoteEntry* q : s.statements) {
        const std::vector<Wording> wordings = Wordings(*q);
        for (size_t i = 0; i < wordings.size(); ++i) {
          std::string ids;
          for (const std::string& a : wordings[i].article_ids) ids += " " + id(a);
          o += std::string(i == 0 ? "<blockquote>" : "<blockquote class=\"also\"><span class=\"meta\">also as:</span> ") +
               HtmlEscape(wordings[i].report->text) + ids +
               (wordings[i].report->kind == extract::QuoteKind::kDirect ? ""
                                                                        : " <span class=\"meta\">reported</span>") +
               "</blockquote>\n";
        }
      }
    }
  }
  if (!b.figures.empty()) {
    o += "<h2>Figures</h2>\n";
    for (const FigureGroup& g : b.figures) {
      const int n = g.sources();
      const std::string verdict = n > 1 ? (g.agree ? fmt::format("{} sources agree", n)
                                                   : fmt::format("<b>{} sources disagree</b>", n))
                                        : "only in " + id(g.values.front().article_id);
      o += fmt::format("<div class=\"{}\"><p>{}: {}</p><ul>\n", g.agree ? "agree" : "disagree",
                       HtmlEscape(FigureLabel(g)), verdict);
      for (const FigureValue& v : g.values) {
        o += "<li>" + HtmlEscape(FigureValueText(v)) + " " + id(v.article_id) + " " + HtmlEscape(v.outlet) +
             ": <i>" + HtmlEscape(v.sentence) + "</i></li>\n";
      }
      o += "</ul></div>\n";
    }
  }
  if (!b.only_in.empty()) {
    o += "<h2>Only in one source</h2>\n";
    for (const OnlyIn& oi : b.only_in) {
      o += fmt::format("<p>{} {}: {} statement{}</p>\n<ul>\n", id(oi.article_id), HtmlEscape(oi.outlet), oi.count,
                       oi.count == 1 ? "" : "s");
      for (const std::string& s : oi.sentences) o += "<li>" + HtmlEscape(s) + "</li>\n";
      o += "</ul>\n";
    }
  }
  if (!b.timeline.empty()) {
    o += "<h2>Timeline</h2>\n<table>\n";
    for (const TimelineEntry& e : b.timeline) {
      for (size_t i = 0; i < e.items.size(); ++i) {
        const TimelineItem& it = e.items[i];
        o += "<tr><td>" + (i == 0 ? "<b>" + HtmlEscape(e.label) + "</b>" : std::string()) + "</td><td>" +
             id(it.article_id) + "</td><td>" +
             (e.publication ? std::string("published")
                            : HtmlEscape(it.text) + ": " + HtmlEscape(it.sentence)) +
             "</td></tr>\n";
      }
    }
    o += "</table>\n";
  }
  if (!b.related.empty()) {
    o += "<h2>Related stories</h2>\n<ul>\n";
    for (const RelatedStory& r : b.related) {
      o += fmt::format("<li>story {} ({}): {}</li>\n", r.id, HtmlEscape(DateOr(r.first, "undated")),
                       HtmlEscape(r.headline));
    }
    o += "</ul>\n";
  }
  o += "</article>\n";
}

}  // namespace

std::string RenderHtml(const std::vector<Briefing>& briefings) {
  std::string out = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out += HtmlEscape(briefings.size() == 1 ? briefings.front().headline : "Story briefings");
  out += "</title>\n<style>\n";
  out += kCss;
  out += "\n</style>\n</head>\n<body>\n";
  for (const Briefing& b : briefings) HtmlBriefing(b, &out);
  out += "</body>\n</html>\n";
  return out;
}

std::string RenderHtml(const Briefing& briefing) { return RenderHtml(std::vector<Briefing>{briefing}); }

std::string Render(const Briefing& briefing, Format format) {
  switch (format) {
    case Format::kText: return RenderText(briefing);
    case Format::kMarkdown: return RenderMarkdown(briefing);
    case Format::kJson: return RenderJson(briefing);
    case Format::kHtml: return RenderHtml(briefing);
  }
  return RenderText(briefing);
}

}  // namespace storyline::compare
