// BriefStoredStory: a briefing built from what the store holds, for the CLI's
// `story` and `brief` and the server.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "storyline/compare.h"
#include "storyline/dedup.h"
#include "storyline/engine.h"
#include "storyline/extract.h"
#include "storyline/store.h"

namespace storyline {
namespace {

struct Loaded {
  Article article;
  std::unique_ptr<extract::Extraction> extraction;  // null when none is stored
  dedup::Fingerprint fingerprint;
  int64_t sequence = 0;
};

}  // namespace

Result<compare::Briefing> BriefStoredStory(store::Store& store, store::StoryId story,
                                           const compare::BriefingOptions& options) {
  Result<store::StoryId> live = store.ResolveStory(story);
  if (!live.ok()) return live.status();
  Result<store::StoryInfo> info = store.GetStory(*live);
  if (!info.ok()) return info.status();
  Result<std::vector<std::string>> ids = store.ListStoryArticles(*live);
  if (!ids.ok()) return ids.status();

  std::vector<Loaded> loaded;
  loaded.reserve(ids->size());
  for (const std::string& id : *ids) {
    Loaded l;
    Result<Article> article = store.GetArticle(id);
    if (!article.ok()) return article.status();
    l.article = std::move(article).value();
    Result<store::Placement> placement = store.GetPlacement(id);
    if (!placement.ok()) return placement.status();
    l.sequence = placement->sequence;
    Result<extract::Extraction> extraction = store.GetExtraction(id);
    if (extraction.ok()) {
      l.extraction = std::make_unique<extract::Extraction>(std::move(extraction).value());
    } else if (extraction.status().code() != StatusCode::kNotFound) {
      return extraction.status();
    }
    l.fingerprint = dedup::ComputeFingerprint(l.article);
    loaded.push_back(std::move(l));
  }
  // The order the articles joined the story: placement order, which within an
  // ingest run is cluster::ArrivalOrder (what compare::StoryInput expects:
  // an earlier article is the original a later copy copies).
  std::stable_sort(loaded.begin(), loaded.end(),
                   [](const Loaded& a, const Loaded& b) { return a.sequence < b.sequence; });

  compare::StoryInput input;
  input.id = info->id;
  input.storyline = info->storyline;
  for (const Loaded& l : loaded) input.articles.push_back({&l.article, l.extraction.get(), &l.fingerprint});
  compare::Briefing briefing = compare::BuildBriefing(input, options);

  Result<std::vector<store::StoryInfo>> line = store.ListStorylineStories(info->storyline);
  if (!line.ok()) return line.status();
  for (const store::StoryInfo& other : *line) {
    if (other.id != info->id) briefing.related.push_back({other.id, other.first, other.title});
  }
  // By date (undated last), as compare::BriefArticles orders them.
  std::stable_sort(briefing.related.begin(), briefing.related.end(),
                   [](const compare::RelatedStory& a, const compare::RelatedStory& b) {
                     if (a.first.known() != b.first.known()) return a.first.known();
                     return a.first.known() && a.first.EpochSeconds() < b.first.EpochSeconds();
                   });
  return briefing;
}

}  // namespace storyline
