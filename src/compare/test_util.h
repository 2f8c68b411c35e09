// Hand-built articles and extractions for the compare tests: no dependency on
// the extractor's quality.
#ifndef STORYLINE_COMPARE_TEST_UTIL_H_
#define STORYLINE_COMPARE_TEST_UTIL_H_

#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>

#include "storyline/article.h"
#include "storyline/compare.h"
#include "storyline/extract.h"
#include "storyline/text.h"

namespace storyline::compare::testing {

// Owns the articles and extractions a StoryInput points to.
class StoryBuilder {
 public:
  // Adds an article (German, cleaned text); `date` may be "" or any form
  // ParsePublishedDate accepts.
  StoryBuilder& Article(std::string id, std::string text, std::string date = "", std::string source = "",
                        std::string title = "") {
    storyline::Article& a = articles_.emplace_back();
    a.id = std::move(id);
    a.text = text::CleanText(text);
    a.title = std::move(title);
    a.source = std::move(source);
    a.language = "de";
    if (!date.empty()) {
      auto d = ParsePublishedDate(date);
      if (!d.ok()) throw std::invalid_argument("bad date: " + date);
      a.published = *d;
    }
    extractions_.emplace_back();
    return *this;
  }
  storyline::Article& last() { return articles_.back(); }
  extract::Extraction& ex() { return extractions_.back(); }

  // A PER entity of the last article; returns its index.
  int Person(std::string name, std::string canonical, std::string role = "") {
    extract::Entity e;
    e.type = extract::EntityType::kPerson;
    e.name = std::move(name);
    e.canonical = std::move(canonical);
    e.role = std::move(role);
    ex().entities.push_back(std::move(e));
    return static_cast<int>(ex().entities.size()) - 1;
  }
  // A quote of the last article whose message is the substring `message` of
  // its text.
  void Quote(std::string_view message, int speaker, extract::QuoteKind kind = extract::QuoteKind::kDirect) {
    extract::Quote q;
    const size_t at = last().text.find(message);
    if (at == std::string::npos) throw std::invalid_argument("not in the text: " + std::string(message));
    q.begin = static_cast<uint32_t>(at);
    q.end = static_cast<uint32_t>(at + message.size());
    q.text = std::string(message);
    q.kind = kind;
    q.speaker_entity = speaker;
    if (speaker >= 0) q.speaker = ex().entities[static_cast<size_t>(speaker)].name;
    ex().quotes.push_back(std::move(q));
  }
  void Figure(std::string_view figure_text, double value, std::string counted, std::string unit = "",
              std::string qualifier = "") {
    extract::Figure f;
    const size_t at = last().text.find(figure_text);
    if (at == std::string::npos) throw std::invalid_argument("not in the text: " + std::string(figure_text));
    f.begin = static_cast<uint32_t>(at);
    f.end = static_cast<uint32_t>(at + figure_text.size());
    f.text = std::string(figure_text);
    f.value = value;
    f.counted = std::move(counted);
    f.unit = std::move(unit);
    f.qualifier = std::move(qualifier);
    ex().figures.push_back(std::move(f));
  }
  // A date mention; `value` "" keeps it relative with `relation`.
  void Date(std::string_view mention, std::string value, DatePrecision precision, std::string relation) {
    extract::DateMention d;
    const size_t at = last().text.find(mention);
    if (at == std::string::npos) throw std::invalid_argument("not in the text: " + std::string(mention));
    d.begin = static_cast<uint32_t>(at);
    d.end = static_cast<uint32_t>(at + mention.size());
    d.text = std::string(mention);
    d.value = std::move(value);
    d.precision = precision;
    d.relative = !relation.empty();
    d.relation = std::move(relation);
    ex().dates.push_back(std::move(d));
  }

  StoryInput Input(int64_t id = 1, int64_t storyline = 1) const {
    StoryInput in;
    in.id = id;
    in.storyline = storyline;
    for (size_t i = 0; i < articles_.size(); ++i) in.articles.push_back({&articles_[i], &extractions_[i], nullptr});
    return in;
  }
  Briefing Build(const BriefingOptions& options = {}) const { return BuildBriefing(Input(), options); }

 private:
  // Deques: pointers stay valid as articles are added.
  std::deque<storyline::Article> articles_;
  std::deque<extract::Extraction> extractions_;
};

}  // namespace storyline::compare::testing

#endif  // STORYLINE_COMPARE_TEST_UTIL_H_
