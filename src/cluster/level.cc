#include "cluster/level.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

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
  const std::vector<float>& idf = v.idf();
  probe_.Assign(a.terms, idf, v.channel());
  // A cheap first pass: each shared distinctive term votes with its weight.
  const size_t query = std::min(a.top.size(), static_cast<size_t>(params_.query_terms));
  // The query: the `query` most distinctive terms that some group holds. A
  // word no article had before finds nothing, and early in a stream, or in a
  // small batch, an article's most distinctive words are mostly such words
  // (two reports of one vote share none of their top 16), so the next ones
  // stand in.
  query_.clear();
  for (size_t q = 0; q < a.top.size() && query_.size() < query; ++q) {
    const uint32_t term = a.top[q];
    if (term < postings_.size() && !postings_[term].empty()) query_.push_back(term);
  }
  PrefetchPostings(query_.data(), query_.size());
  // A group is noted in touched_ on its first vote, without a branch: the
  // slot is always written and kept only then. touched_ only grows (never
  // cleared), so it holds the first `touched` of this call.
  size_t votes = 0;
  for (uint32_t term : query_) votes += postings_[term].size();
  if (touched_.size() < votes) touched_.resize(votes);
  size_t touched = 0;
  for (uint32_t term : query_) {
    const float vote = idf[term] * idf[term];
    for (uint32_t g : postings_[term]) {
      touched_[touched] = g;
      touched += score_[g] == 0 ? 1 : 0;
      score_[g] += vote;
    }
  }
  const auto by_votes = [this](uint32_t x, uint32_t y) { return score_[x] > score_[y]; };
  const size_t keep = std::min(touched, static_cast<size_t>(params_.max_candidates) * 2);
  std::partial_sort(touched_.begin(), touched_.begin() + static_cast<std::ptrdiff_t>(keep),
                    touched_.begin() + static_cast<std::ptrdiff_t>(touched), by_votes);
  for (size_t i = 0; i < touched; ++i) {
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
// member_scratch_ holds the article's terms, truncated to member_terms.
void Level::AddMember(Group& g, const Vectorizer& v) {
  const std::vector<float>& idf = v.idf();
  const std::vector<uint8_t>& channel = v.channel();
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
  const uint32_t g = static_cast<uint32_t>(groups_.size() - 1);
  live_.push_back(g);
  return g;
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
  const bool trace = params_.trace_limit > 0 && group.size < params_.trace_limit &&
                     group.traces.size() == static_cast<size_t>(group.size);
  ++group.size;
  // The trace's unit vector and the member vector keep the same terms: they
  // are cut once.
  const bool member = params_.max_members > 0 && a.norm > 0;
  if (a.norm > 0 && (trace || member)) {
    member_scratch_.assign(a.terms.begin(), a.terms.end());
    Truncate(static_cast<size_t>(params_.member_terms), v.idf(), &member_scratch_);
  }
  if (trace) {
    if (group.traces.empty()) group.traces.reserve(4);
    Trace& t = group.traces.emplace_back();
    t.seq = seq;
    if (a.norm > 0) {
      t.unit.resize(member_scratch_.size());
      for (size_t i = 0; i < member_scratch_.size(); ++i) {
        t.unit[i] = {member_scratch_[i].id, static_cast<float>(member_scratch_[i].w / a.norm)};
      }
    }
    const size_t query = std::min(a.top.size(), static_cast<size_t>(params_.query_terms));
    t.top.assign(a.top.begin(), a.top.begin() + static_cast<std::ptrdiff_t>(query));
    t.dated = a.dated;
    t.lo = a.lo;
    t.hi = a.hi;
  } else if (!group.traces.empty()) {
    std::vector<Trace>().swap(group.traces);
  }
  if (member) {
    AddMember(group, v);
    if (trace) {
      // The slot just written: the ring's newest member.
      const size_t newest = group.members.size() < static_cast<size_t>(params_.max_members)
                                ? group.members.size() - 1
                                : (group.next_member + group.members.size() - 1) % group.members.size();
      group.traces.back().member = group.members[newest];
    }
  }
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
  ++merges_;
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
  if (Traced(into) && Traced(from) && dst.size + src.size <= params_.trace_limit) {
    dst.traces.insert(dst.traces.end(), std::make_move_iterator(src.traces.begin()),
                      std::make_move_iterator(src.traces.end()));
    std::sort(dst.traces.begin(), dst.traces.end(),
              [](const Trace& x, const Trace& y) { return x.seq < y.seq; });
  } else {
    std::vector<Trace>().swap(dst.traces);
  }
  std::vector<Trace>().swap(src.traces);
  dst.size += src.size;
  for (Member& m : src.members) {
    if (dst.members.size() < static_cast<size_t>(params_.max_members)) dst.members.push_back(std::move(m));
  }
  std::vector<Member>().swap(src.members);
  std::vector<uint32_t> terms;
  terms.swap(src.indexed);
  src.alias = into + 1;
  SparseVec().swap(src.sum);
  // Its postings entries are stale now; Compact drops them.
  stale_terms_.insert(stale_terms_.end(), terms.begin(), terms.end());
  for (uint32_t term : terms) Index(into, term);
}

uint32_t Level::Resolve(uint32_t g) const {
  while (groups_[g].alias != 0) g = groups_[g].alias - 1;
  return g;
}

// Visits only the groups still live and the postings lists that hold stale
// entries (of groups merged away or evicted since the last call), so that
// its cost follows the live window, not every group the stream ever made.
void Level::Compact(int64_t seq, std::vector<uint32_t>* evicted) {
  size_t kept = 0;
  for (uint32_t index : live_) {
    Group& g = groups_[index];
    if (g.alias == 0 && !g.evicted && !Active(g, seq)) {
      g.evicted = true;
      SparseVec().swap(g.sum);
      stale_terms_.insert(stale_terms_.end(), g.indexed.begin(), g.indexed.end());
      std::vector<uint32_t>().swap(g.indexed);
      std::vector<Member>().swap(g.members);
      std::vector<Trace>().swap(g.traces);
      if (evicted != nullptr) evicted->push_back(index);
    }
    if (g.alias == 0 && !g.evicted) live_[kept++] = index;
  }
  live_.resize(kept);
  std::sort(stale_terms_.begin(), stale_terms_.end());
  stale_terms_.erase(std::unique(stale_terms_.begin(), stale_terms_.end()), stale_terms_.end());
  for (uint32_t term : stale_terms_) {
    if (term >= postings_.size()) continue;
    std::erase_if(postings_[term], [this](uint32_t g) {
      return groups_[g].alias != 0 || groups_[g].evicted;
    });
  }
  stale_terms_.clear();
}

bool Level::Traced(uint32_t g) const {
  const Group& group = groups_[g];
  return params_.trace_limit > 0 && group.size > 0 &&
         group.traces.size() == static_cast<size_t>(group.size);
}

void Level::PartSum(const std::vector<Trace>& traces, const std::vector<uint8_t>& side,
                    uint8_t which, const Vectorizer& v, SparseVec* sum, double norms[2]) {
  sum->clear();
  // Truncated as Add truncates a centroid, so that the parts are compared as
  // the groups they would become.
  const size_t keep = static_cast<size_t>(params_.centroid_terms);
  for (size_t i = 0; i < traces.size(); ++i) {
    if (side[i] != which) continue;
    AddScaled(traces[i].unit, 1.0f, sum, &merge_scratch_);
    if (sum->size() > keep * 3 / 2) Truncate(keep, v.idf(), sum);
  }
  Truncate(keep, v.idf(), sum);
  WeightedNorm2(*sum, v.idf(), v.channel(), norms);
}

Bisection Level::Bisect(uint32_t g, const Vectorizer& v) {
  assert(Traced(g));
  const std::vector<Trace>& traces = groups_[g].traces;
  const std::vector<float>& idf = v.idf();
  const std::vector<uint8_t>& channel = v.channel();
  const size_t n = traces.size();
  Bisection out;
  out.side.assign(n, 0);
  if (n < 2) return out;
  std::vector<std::array<double, 2>> norms(n);
  for (size_t i = 0; i < n; ++i) WeightedNorm2(traces[i].unit, idf, channel, norms[i].data());
  auto similarity = [&](const SparseVec& a, const double* na, const SparseVec& b, const double* nb) {
    double dot[2];
    WeightedDot2(a, b, idf, channel, dot);
    return Blend(dot, na, nb, params_.name_share);
  };
  // Seeds: the first article, and the one least like it. The first is
  // held in a ProbeVec for the comparisons (see below).
  ProbeVec* part = part_probe_;
  part[0].Assign(traces[0].unit, idf, channel);
  size_t far = 1;
  double far_similarity = 2;
  for (size_t i = 1; i < n; ++i) {
    double dot[2];
    part[0].WeightedDot2(traces[i].unit, dot);
    const double s = Blend(dot, norms[i].data(), norms[0].data(), params_.name_share);
    if (s < far_similarity) {
      far_similarity = s;
      far = i;
    }
  }
  SparseVec sum[2];
  double sum_norm[2][2];
  sum[0] = traces[0].unit;
  sum[1] = traces[far].unit;
  std::copy_n(norms[0].data(), 2, sum_norm[0]);
  std::copy_n(norms[far].data(), 2, sum_norm[1]);
  // Each part's sum is compared with every article: held in a ProbeVec, a
  // dot product costs a probe per article term instead of a merge over both
  // (the same sums to the bit: see ProbeVec).
  auto to_part = [&](uint8_t which, size_t i) {
    double dot[2];
    part[which].WeightedDot2(traces[i].unit, dot);
    return Blend(dot, norms[i].data(), sum_norm[which], params_.name_share);
  };
  constexpr int kRounds = 8;
  for (int round = 0; round < kRounds; ++round) {
    bool changed = false;
    part[0].Assign(sum[0], idf, channel);
    part[1].Assign(sum[1], idf, channel);
    for (size_t i = 0; i < n; ++i) {
      const double s0 = to_part(0, i);
      const double s1 = to_part(1, i);
      const uint8_t side = s1 > s0 ? 1 : 0;
      changed |= side != out.side[i];
      out.side[i] = side;
    }
    if (round > 0 && !changed) break;
    if (std::count(out.side.begin(), out.side.end(), 1) == 0) return out;
    if (out.side[0] == 1) {
      for (uint8_t& s : out.side) s ^= 1;
    }
    if (std::count(out.side.begin(), out.side.end(), 1) == 0) return out;
    for (uint8_t which = 0; which < 2; ++which) {
      PartSum(traces, out.side, which, v, &sum[which], sum_norm[which]);
    }
  }
  out.leaving = static_cast<size_t>(std::count(out.side.begin(), out.side.end(), 1));
  if (out.leaving == 0) return out;
  // Spans of the two parts, for the time factor.
  bool dated[2] = {false, false};
  double lo[2] = {0, 0};
  double hi[2] = {0, 0};
  for (size_t i = 0; i < n; ++i) {
    if (!traces[i].dated) continue;
    const uint8_t s = out.side[i];
    lo[s] = dated[s] ? std::min(lo[s], traces[i].lo) : traces[i].lo;
    hi[s] = dated[s] ? std::max(hi[s], traces[i].hi) : traces[i].hi;
    dated[s] = true;
  }
  double factor = 1;
  if (dated[0] && dated[1]) {
    const double gap = std::max({0.0, lo[0] - hi[1], lo[1] - hi[0]});
    factor = 1.0 / (1.0 + gap / params_.time_scale_days);
  }
  out.similarity = similarity(sum[0], sum_norm[0], sum[1], sum_norm[1]) * factor;
  // Cohesion: how close an article is to the rest of its part (the part's
  // sum without it), averaged per part; the lower of the two.
  double total[2] = {0, 0};
  size_t count[2] = {0, 0};
  for (size_t i = 0; i < n; ++i) {
    const uint8_t s = out.side[i];
    // The part's sum without the article: its terms the (truncated) sum
    // holds are taken out again.
    double dot[2] = {0, 0};
    double shared[2] = {0, 0};
    const SparseVec& u = traces[i].unit;
    const SparseVec& p = sum[s];
    for (size_t x = 0, y = 0; x < u.size() && y < p.size();) {
      if (u[x].id < p[y].id) {
        ++x;
      } else if (p[y].id < u[x].id) {
        ++y;
      } else {
        const double w = static_cast<double>(idf[u[x].id]) * idf[u[x].id];
        const int c = channel[u[x].id] != 0 ? 1 : 0;
        dot[c] += u[x].w * p[y].w * w;
        shared[c] += u[x].w * u[x].w * w;
        ++x;
        ++y;
      }
    }
    double rest[2];
    double rest_norm[2];
    for (int c = 0; c < 2; ++c) {
      rest[c] = dot[c] - shared[c];
      rest_norm[c] = std::sqrt(std::max(0.0, sum_norm[s][c] * sum_norm[s][c] - 2 * dot[c] + shared[c]));
    }
    total[s] += Blend(rest, norms[i].data(), rest_norm, params_.name_share);
    ++count[s];
  }
  out.cohesion = std::min(count[0] > 1 ? total[0] / static_cast<double>(count[0]) : 0.0,
                          count[1] > 1 ? total[1] / static_cast<double>(count[1]) : 0.0);
  return out;
}

void Level::Rebuild(Group& g, std::vector<Trace> traces, const Vectorizer& v) {
  g.sum.clear();
  const size_t keep = static_cast<size_t>(params_.centroid_terms);
  g.dated = false;
  g.last_seq = 0;
  g.members.clear();
  g.next_member = 0;
  for (const Trace& t : traces) {
    AddScaled(t.unit, 1.0f, &g.sum, &merge_scratch_);
    if (g.sum.size() > keep * 3 / 2) Truncate(keep, v.idf(), &g.sum);
    if (t.dated) {
      g.lo = g.dated ? std::min(g.lo, t.lo) : t.lo;
      g.hi = g.dated ? std::max(g.hi, t.hi) : t.hi;
      g.dated = true;
    }
    g.last_seq = std::max(g.last_seq, t.seq);
  }
  g.norm_epoch = -1;
  g.size = static_cast<int64_t>(traces.size());
  // The ring holds the most recent members, oldest in slot 0.
  const size_t max_members = static_cast<size_t>(std::max(params_.max_members, 0));
  for (auto it = traces.rbegin(); it != traces.rend() && g.members.size() < max_members; ++it) {
    if (!it->unit.empty()) g.members.push_back(it->member);
  }
  std::reverse(g.members.begin(), g.members.end());
  g.traces = std::move(traces);
}

uint32_t Level::Split(uint32_t g, const Bisection& split, const Vectorizer& v) {
  assert(Traced(g) && split.side.size() == groups_[g].traces.size());
  const uint32_t out = Create();
  Group& from = groups_[g];
  std::vector<Trace> stay;
  std::vector<Trace> leave;
  for (size_t i = 0; i < from.traces.size(); ++i) {
    (split.side[i] == 0 ? stay : leave).push_back(std::move(from.traces[i]));
  }
  Rebuild(from, std::move(stay), v);
  Rebuild(groups_[out], std::move(leave), v);
  // The group that stays keeps its index entries (a stale one costs a
  // candidate that scores low); the new one is indexed like its articles.
  for (const Trace& t : groups_[out].traces) {
    for (uint32_t term : t.top) Index(out, term);
  }
  return out;
}

}  // namespace storyline::cluster::internal
