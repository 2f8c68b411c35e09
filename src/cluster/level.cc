#include "cluster/level.h"

#include <algorithm>
#include <cassert>

namespace storyline::cluster::internal {

bool Level::Active(const Group& g, int64_t seq) const {
  if (g.alias != 0 || g.evicted) return false;
  if (g.dated) return g.hi >= now_ - params_.window_days;
  return seq - g.last_seq <= params_.undated_window;
}

double Level::TimeFactor(bool dated, double lo, double hi, const Group& g, double scale) const {
  if (!dated || !g.dated) return 1.0;
  const double gap = std::max({0.0, lo - g.hi, g.lo - hi});
  return 1.0 / (1.0 + gap / scale);
}

const double* Level::Norms(Group& g, const Vectorizer& v) {
  if (g.norm_epoch != v.idf_epoch()) {
    WeightedNorm2(g.sum, v.idf(), v.channel(), g.norm);
    g.norm_epoch = v.idf_epoch();
  }
  return g.norm;
}

void Level::Candidates(const ArticleVector& a, const Vectorizer& v, int64_t seq,
                       std::vector<Scored>* out) {
  out->clear();
  if (a.dated) now_ = std::max(now_, a.hi);
  if (a.norm <= 0) return;
  const double scale = a.title_only ? params_.time_scale_days_short : params_.time_scale_days;
  if (score_.size() < groups_.size()) score_.resize(groups_.size(), 0);
  touched_.clear();
  const std::vector<float>& idf = v.idf();
  probe_.Assign(a.terms, idf, v.channel());
  // A cheap first pass: each shared distinctive term votes with its weight.
  const size_t query = std::min(a.top.size(), static_cast<size_t>(params_.query_terms));
  PrefetchPostings(a.top.data(), query);
  for (size_t q = 0; q < query; ++q) {
    const uint32_t term = a.top[q];
    if (term >= postings_.size()) continue;
    const float vote = idf[term] * idf[term];
    for (uint32_t g : postings_[term]) {
      if (score_[g] == 0) touched_.push_back(g);
      score_[g] += vote;
    }
  }
  const auto by_votes = [this](uint32_t x, uint32_t y) { return score_[x] > score_[y]; };
  const size_t keep = std::min(touched_.size(), static_cast<size_t>(params_.max_candidates) * 2);
  std::partial_sort(touched_.begin(), touched_.begin() + static_cast<std::ptrdiff_t>(keep),
                    touched_.end(), by_votes);
  for (size_t i = 0; i < touched_.size(); ++i) {
    const uint32_t g = touched_[i];
    score_[g] = 0;
    if (i >= keep || out->size() >= static_cast<size_t>(params_.max_candidates)) continue;
    PrefetchCandidates(i, keep);
    Group& group = groups_[g];
    if (!Active(group, seq)) continue;
    const double* norms = Norms(group, v);
    double dot[2];
    probe_.WeightedDot2(group.sum, dot);
    // Headlines capitalize most words (English title case), so a title-only
    // article has no name signal of its own: its word cosine decides.
    const double cosine = Blend(dot, a.channel_norm, norms, a.title_only ? 0.0 : params_.name_share);
    out->push_back({g, cosine * TimeFactor(a.dated, a.lo, a.hi, group, scale), cosine});
  }
  const auto by_similarity = [](const Scored& x, const Scored& y) {
    return x.similarity > y.similarity;
  };
  std::sort(out->begin(), out->end(), by_similarity);
  if (params_.max_members <= 0) return;
  // The centroid blurs two events that share their topic words; the closest
  // single report is the sharper evidence (nearest-neighbour linking), and it
  // also lets a story whose reports drift apart keep its stragglers. Only the
  // few best candidates are checked, so the cost per article stays bounded.
  const size_t n = std::min(out->size(), static_cast<size_t>(params_.member_candidates));
  for (size_t i = 0; i < n; ++i) {
    Scored& s = (*out)[i];
    const Group& group = groups_[s.group];
    const double best = std::max(s.centroid, MemberSimilarity(a, group));
    s.similarity = best * TimeFactor(a.dated, a.lo, a.hi, group, scale);
  }
  std::sort(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(n), by_similarity);
}

// Candidates reads a few dozen postings lists and groups scattered over the
// heap; asking for them ahead of use overlaps the cache misses.
void Level::PrefetchPostings(const uint32_t* terms, size_t n) const {
  for (size_t q = 0; q < n; ++q) {
    if (terms[q] < postings_.size()) __builtin_prefetch(&postings_[terms[q]]);
  }
  for (size_t q = 0; q < n; ++q) {
    if (terms[q] < postings_.size() && !postings_[terms[q]].empty()) {
      __builtin_prefetch(postings_[terms[q]].data());
    }
  }
}

void Level::PrefetchCandidates(size_t i, size_t end) const {
  constexpr size_t kAhead = 4;
  if (i + kAhead < end) {
    const char* p = reinterpret_cast<const char*>(&groups_[touched_[i + kAhead]]);
    for (size_t line = 0; line < sizeof(Group); line += 64) __builtin_prefetch(p + line);
  }
  if (i + 2 < end) {
    const SparseVec& sum = groups_[touched_[i + 2]].sum;
    const char* p = reinterpret_cast<const char*>(sum.data());
    const size_t bytes = sum.size() * sizeof(Entry);
    for (size_t line = 0; line < bytes; line += 64) __builtin_prefetch(p + line);
  }
}

double Level::MemberSimilarity(const ArticleVector& a, const Group& g) const {
  const double share = a.title_only ? 0.0 : params_.name_share;
  for (const Member& m : g.members) {
    const char* p = reinterpret_cast<const char*>(m.terms.data());
    const size_t bytes = m.terms.size() * sizeof(Entry);
    for (size_t line = 0; line < bytes; line += 64) __builtin_prefetch(p + line);
  }
  double best = 0;
  for (const Member& m : g.members) {
    double dot[2];
    probe_.ScaledDot2(m.terms, dot);
    best = std::max(best, Blend(dot, a.channel_norm, m.channel_present, share));
  }
  return best;
}

// The member is stored with the idf of its day baked in: re-weighting every
// member whenever the idf moves would cost more than the small drift is worth.
void Level::AddMember(Group& g, const ArticleVector& a, const Vectorizer& v) {
  const std::vector<float>& idf = v.idf();
  const std::vector<uint8_t>& channel = v.channel();
  member_scratch_.assign(a.terms.begin(), a.terms.end());
  Truncate(static_cast<size_t>(params_.member_terms), idf, &member_scratch_);
  double norm[2];
  WeightedNorm2(member_scratch_, idf, channel, norm);
  for (Entry& e : member_scratch_) {
    const double n = norm[channel[e.id] != 0 ? 1 : 0];
    e.w = n > 0 ? static_cast<float>(e.w * idf[e.id] / n) : 0.0f;
  }
  const double present[2] = {norm[0] > 0 ? 1.0 : 0.0, norm[1] > 0 ? 1.0 : 0.0};
  if (g.members.size() < static_cast<size_t>(params_.max_members)) {
    g.members.push_back({member_scratch_, {present[0], present[1]}});
  } else {
    Member& m = g.members[g.next_member];
    m.terms.swap(member_scratch_);
    m.channel_present[0] = present[0];
    m.channel_present[1] = present[1];
    g.next_member = (g.next_member + 1) % static_cast<uint32_t>(params_.max_members);
  }
}

uint32_t Level::Create() {
  groups_.emplace_back();
  return static_cast<uint32_t>(groups_.size() - 1);
}

void Level::Index(uint32_t g, uint32_t term) {
  std::vector<uint32_t>& indexed = groups_[g].indexed;
  auto it = std::lower_bound(indexed.begin(), indexed.end(), term);
  if (it != indexed.end() && *it == term) return;
  if (indexed.size() >= static_cast<size_t>(params_.max_indexed_terms)) return;
  indexed.insert(it, term);
  if (postings_.size() <= term) postings_.resize(term + 1);
  std::vector<uint32_t>& list = postings_[term];
  // A term so common that its list is full keeps only its most recent
  // groups: the old ones are the least likely to be continued.
  if (list.size() >= static_cast<size_t>(params_.max_postings)) list.erase(list.begin());
  list.push_back(g);
}

void Level::Add(uint32_t g, const ArticleVector& a, const Vectorizer& v, int64_t seq) {
  Group& group = groups_[g];
  assert(group.alias == 0);
  if (a.norm > 0) {
    AddScaled(a.terms, static_cast<float>(1.0 / a.norm), &group.sum, &merge_scratch_);
    if (group.sum.size() > static_cast<size_t>(params_.centroid_terms) * 3 / 2) {
      Truncate(static_cast<size_t>(params_.centroid_terms), v.idf(), &group.sum);
    }
  }
  group.norm_epoch = -1;
  if (a.dated) {
    if (!group.dated) {
      group.lo = a.lo;
      group.hi = a.hi;
      group.dated = true;
    } else {
      group.lo = std::min(group.lo, a.lo);
      group.hi = std::max(group.hi, a.hi);
    }
  }
  group.last_seq = std::max(group.last_seq, seq);
  ++group.size;
  if (params_.max_members > 0 && a.norm > 0) AddMember(group, a, v);
  const size_t query = std::min(a.top.size(), static_cast<size_t>(params_.query_terms));
  for (size_t q = 0; q < query; ++q) Index(g, a.top[q]);
}

double Level::Similarity(uint32_t a, uint32_t b, const Vectorizer& v) {
  Group& x = groups_[a];
  Group& y = groups_[b];
  const double* nx = Norms(x, v);
  const double* ny = Norms(y, v);
  double dot[2];
  WeightedDot2(x.sum, y.sum, v.idf(), v.channel(), dot);
  return Blend(dot, nx, ny, params_.name_share) *
         TimeFactor(x.dated, x.lo, x.hi, y, params_.time_scale_days);
}

void Level::Merge(uint32_t into, uint32_t from, const Vectorizer& v) {
  assert(into != from);
  Group& src = groups_[from];
  Group& dst = groups_[into];
  AddScaled(src.sum, 1.0f, &dst.sum, &merge_scratch_);
  Truncate(static_cast<size_t>(params_.centroid_terms), v.idf(), &dst.sum);
  dst.norm_epoch = -1;
  if (src.dated) {
    dst.lo = dst.dated ? std::min(dst.lo, src.lo) : src.lo;
    dst.hi = dst.dated ? std::max(dst.hi, src.hi) : src.hi;
    dst.dated = true;
  }
  dst.last_seq = std::max(dst.last_seq, src.last_seq);
  dst.size += src.size;
  for (Member& m : src.members) {
    if (dst.members.size() < static_cast<size_t>(params_.max_members)) dst.members.push_back(std::move(m));
  }
  std::vector<Member>().swap(src.members);
  std::vector<uint32_t> terms;
  terms.swap(src.indexed);
  src.alias = into + 1;
  SparseVec().swap(src.sum);
  for (uint32_t term : terms) Index(into, term);
}

uint32_t Level::Resolve(uint32_t g) const {
  while (groups_[g].alias != 0) g = groups_[g].alias - 1;
  return g;
}

void Level::Compact(int64_t seq) {
  for (Group& g : groups_) {
    if (g.alias == 0 && !g.evicted && !Active(g, seq)) {
      g.evicted = true;
      SparseVec().swap(g.sum);
      std::vector<uint32_t>().swap(g.indexed);
      std::vector<Member>().swap(g.members);
    }
  }
  for (std::vector<uint32_t>& list : postings_) {
    std::erase_if(list, [this](uint32_t g) {
      return groups_[g].alias != 0 || groups_[g].evicted;
    });
  }
}

}  // namespace storyline::cluster::internal
