// BriefArticles: the in-memory pipeline behind `storyline brief`.
#include <algorithm>
#include <chrono>
#include <map>
#include <vector>

#include "storyline/cluster.h"
#include "storyline/compare.h"
#include "storyline/dedup.h"
#include "storyline/text.h"

namespace storyline::compare {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BatchBriefings BriefArticles(const std::vector<Article>& articles, const extract::Extractor* extractor,
                             const BriefingOptions& options) {
  BatchBriefings out;
  auto start = std::chrono::steady_clock::now();
  const std::vector<size_t> order = cluster::ArrivalOrder(articles);
  cluster::Clusterer clusterer;
  text::Analyzers analyzers;
  std::vector<dedup::Fingerprint> prints(articles.size());
  for (size_t i : order) {
    const std::vector<text::Term>& terms =
        analyzers.For(articles[i].language).Analyze(articles[i].text);
    (void)clusterer.Add(articles[i], terms);
    dedup::ComputeFingerprint(articles[i], terms, &prints[i]);
  }
  // Map ids back to input indexes (ids may repeat in odd input; the last wins).
  std::map<std::string, size_t, std::less<>> index;
  for (size_t i = 0; i < articles.size(); ++i) index[articles[i].id] = i;
  const std::vector<cluster::StorySummary> stories = clusterer.Stories();
  out.cluster_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  std::vector<extract::Extraction> extractions(articles.size());
  if (extractor != nullptr) {
    for (size_t i = 0; i < articles.size(); ++i) extractions[i] = extractor->Extract(articles[i]);
  }
  out.extract_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  std::vector<Briefing> briefings;
  briefings.reserve(stories.size());
  for (const cluster::StorySummary& story : stories) {
    StoryInput in;
    in.id = story.id;
    in.storyline = story.storyline;
    for (const std::string& id : story.article_ids) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      const size_t i = it->second;
      in.articles.push_back({&articles[i], extractor != nullptr ? &extractions[i] : nullptr, &prints[i]});
    }
    briefings.push_back(BuildBriefing(in, options));
  }
  // Related: the other stories of each storyline, with their headlines.
  std::map<int64_t, std::vector<size_t>> lines;
  for (size_t s = 0; s < stories.size(); ++s) lines[stories[s].storyline].push_back(s);
  for (size_t s = 0; s < stories.size(); ++s) {
    for (size_t o : lines[stories[s].storyline]) {
      if (o == s) continue;
      briefings[s].related.push_back({stories[o].id, stories[o].first, briefings[o].headline});
    }
    std::stable_sort(briefings[s].related.begin(), briefings[s].related.end(),
                     [](const RelatedStory& a, const RelatedStory& b) {
                       if (a.first.known() != b.first.known()) return a.first.known();
                       return a.first.known() && a.first.EpochSeconds() < b.first.EpochSeconds();
                     });
  }
  std::stable_partition(briefings.begin(), briefings.end(),
                        [](const Briefing& b) { return b.sources.size() > 1; });
  out.briefings = std::move(briefings);
  out.brief_seconds = SecondsSince(start);
  return out;
}

}  // namespace storyline::compare
