#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dedup/band_table.h"
#include "storyline/dedup.h"

// Choice of the banding. With b bands of r rows, a pair with Jaccard J shares
// at least one band with probability 1 - (1 - J^r)^b. For 32 x 4:
//   J   0.3   0.4   0.5   0.6   0.7   0.8
//   P   0.23  0.56  0.87  0.988 0.9996 1.0
// so pairs at the 0.5 threshold are found 87% of the time and real copies
// (an edited wire text sits at 0.7 and above: changing one sentence of twenty
// breaks about 5% of the 5-word shingles, J ≈ 0.9) practically always, while
// the candidates below 0.3, which verification would reject anyway, stay
// rare. 16 x 8 puts the S-curve's midpoint at (1/16)^(1/8) ≈ 0.71 and would
// find a 0.5 pair only 6% of the time; 64 x 2 would make most articles of the
// same story candidates. Every candidate is verified on its full signature.

namespace storyline::dedup {
namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

uint64_t BandKey(const uint32_t* minhash, int band) {
  return XXH3_64bits_withSeed(minhash + static_cast<size_t>(band) * kRows,
                              sizeof(uint32_t) * kRows, static_cast<uint64_t>(band));
}

// The band keys of a signature, with their slots in `table` prefetched.
std::array<uint64_t, kBands> BandKeys(const uint32_t* minhash,
                                      const internal::BandTable& table) {
  std::array<uint64_t, kBands> keys;
  for (int band = 0; band < kBands; ++band) {
    keys[static_cast<size_t>(band)] = BandKey(minhash, band);
    table.Prefetch(keys[static_cast<size_t>(band)]);
  }
  return keys;
}

int EqualValues(const uint32_t* a, const uint32_t* b) {
  int equal = 0;
  for (int i = 0; i < kMinHashSize; ++i) equal += a[i] == b[i];
  return equal;
}

struct Entry {
  std::string id;
  std::string original_id;  // == id for an original
  uint64_t serial = 0;      // order of indexing: lower is earlier
  int64_t day = 0;
  uint64_t text_hash = 0;
  uint64_t content_hash = 0;
  bool live = false;
  bool banded = false;  // signature inserted into the band table
  uint32_t paragraph_count = 0;
  std::vector<uint64_t> posted_paragraphs;  // paragraph hashes this entry is listed under
};

struct Aging {
  int64_t day;
  uint64_t serial;
  uint32_t slot;
  friend bool operator>(const Aging& a, const Aging& b) {
    return std::tie(a.day, a.serial) > std::tie(b.day, b.serial);
  }
};

}  // namespace

struct DuplicateIndex::Impl {
  Options options;
  std::vector<Entry> entries;  // by slot; dead slots are reused
  // kMinHashSize values per slot (of banded entries), in one block: a
  // candidate's signature is found without touching its entry, and prefetched.
  std::vector<uint32_t> signatures;
  std::vector<uint32_t> free_slots;
  size_t live = 0;
  uint64_t next_serial = 0;
  std::optional<int64_t> latest_day;

  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> by_id;
  std::unordered_map<uint64_t, uint32_t> by_text;
  std::unordered_map<uint64_t, uint32_t> by_content;
  internal::BandTable bands;  // band key → slots
  // Paragraph hash → slots; a list is not grown past the boilerplate limit + 1.
  std::unordered_map<uint64_t, std::vector<uint32_t>> paragraphs;
  std::priority_queue<Aging, std::vector<Aging>, std::greater<>> by_age;

  uint32_t* Signature(uint32_t slot) { return signatures.data() + size_t{slot} * kMinHashSize; }
  const uint32_t* Signature(uint32_t slot) const {
    return signatures.data() + size_t{slot} * kMinHashSize;
  }

  bool Eligible(const Fingerprint& fp) const {
    return fp.minhash.size() == static_cast<size_t>(kMinHashSize) &&
           fp.words >= static_cast<uint32_t>(std::max(options.min_near_words, 1));
  }

  std::optional<Match> Find(const Fingerprint& fp) const;
  void Index(std::string_view id, const Fingerprint& fp, int64_t day, std::string original_id);
  void Remove(uint32_t slot);
  void EvictBefore(int64_t day);
};

std::optional<Match> DuplicateIndex::Impl::Find(const Fingerprint& fp) const {
  auto exact = [&](const std::unordered_map<uint64_t, uint32_t>& map,
                   uint64_t key) -> std::optional<Match> {
    if (key == 0) return std::nullopt;
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    const Entry& e = entries[it->second];
    return Match{e.original_id, e.id, 1.0, true};
  };
  if (auto m = exact(by_content, fp.content_hash)) return m;
  if (auto m = exact(by_text, fp.text_hash)) return m;
  if (!Eligible(fp)) return std::nullopt;

  std::vector<uint32_t> candidates;
  for (uint64_t key : BandKeys(fp.minhash.data(), bands)) {
    bands.ForEach(key, [&](uint32_t slot) { candidates.push_back(slot); });
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  const Entry* best = nullptr;
  int best_equal = -1;
  const int needed = static_cast<int>(options.near_threshold * kMinHashSize + 0.999999);
  // Signatures are 512 bytes apiece, scattered over the block: fetch them a
  // few candidates ahead.
  constexpr size_t kAhead = 4;
  auto prefetch = [&](size_t i) {
    if (i >= candidates.size()) return;
    const uint32_t* p = Signature(candidates[i]);
    for (int v = 0; v < kMinHashSize; v += 16) __builtin_prefetch(p + v);
  };
  for (size_t i = 0; i < kAhead; ++i) prefetch(i);
  for (size_t i = 0; i < candidates.size(); ++i) {
    prefetch(i + kAhead);
    const uint32_t slot = candidates[i];
    const int equal = EqualValues(fp.minhash.data(), Signature(slot));
    if (equal < needed) continue;
    const Entry& e = entries[slot];
    if (equal > best_equal || (equal == best_equal && e.serial < best->serial)) {
      best = &e;
      best_equal = equal;
    }
  }
  if (best == nullptr) return std::nullopt;
  return Match{best->original_id, best->id, static_cast<double>(best_equal) / kMinHashSize, false};
}

void DuplicateIndex::Impl::Index(std::string_view id, const Fingerprint& fp, int64_t day,
                                 std::string original_id) {
  uint32_t slot;
  if (!free_slots.empty()) {
    slot = free_slots.back();
    free_slots.pop_back();
  } else {
    slot = static_cast<uint32_t>(entries.size());
    entries.emplace_back();
    signatures.resize(entries.size() * kMinHashSize);
  }
  Entry& e = entries[slot];
  e.id.assign(id);
  e.original_id = std::move(original_id);
  e.serial = next_serial++;
  e.day = day;
  e.text_hash = fp.text_hash;
  e.content_hash = fp.content_hash;
  e.live = true;
  e.paragraph_count = static_cast<uint32_t>(fp.paragraphs.size());
  ++live;

  by_id.emplace(e.id, slot);
  // Not exact (or it would not be indexed), so neither key is present yet.
  if (e.text_hash != 0) by_text.emplace(e.text_hash, slot);
  if (e.content_hash != 0) by_content.emplace(e.content_hash, slot);
  e.banded = Eligible(fp);
  if (e.banded) {
    std::copy(fp.minhash.begin(), fp.minhash.end(), Signature(slot));
    for (uint64_t key : BandKeys(Signature(slot), bands)) bands.Insert(key, slot);
  }
  e.posted_paragraphs.clear();
  for (const ParagraphPrint& p : fp.paragraphs) e.posted_paragraphs.push_back(p.hash);
  std::sort(e.posted_paragraphs.begin(), e.posted_paragraphs.end());
  e.posted_paragraphs.erase(std::unique(e.posted_paragraphs.begin(), e.posted_paragraphs.end()),
                            e.posted_paragraphs.end());
  const size_t cap = static_cast<size_t>(std::max(options.boilerplate_paragraph_limit, 0)) + 1;
  std::erase_if(e.posted_paragraphs, [&](uint64_t h) {
    std::vector<uint32_t>& list = paragraphs[h];
    if (list.size() >= cap) return true;  // known boilerplate: not listed
    list.push_back(slot);
    return false;
  });
  by_age.push({day, e.serial, slot});
}

void DuplicateIndex::Impl::Remove(uint32_t slot) {
  Entry& e = entries[slot];
  assert(e.live);
  auto erase_if_ours = [slot](auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end() && it->second == slot) map.erase(it);
  };
  erase_if_ours(by_id, e.id);
  if (e.text_hash != 0) erase_if_ours(by_text, e.text_hash);
  if (e.content_hash != 0) erase_if_ours(by_content, e.content_hash);
  if (e.banded) {
    for (uint64_t key : BandKeys(Signature(slot), bands)) bands.Erase(key, slot);
  }
  for (uint64_t h : e.posted_paragraphs) {
    auto it = paragraphs.find(h);
    if (it == paragraphs.end()) continue;
    std::erase(it->second, slot);
    if (it->second.empty()) paragraphs.erase(it);
  }
  // Release the memory, not only the contents: an evicted entry may stay a
  // free slot for a long time.
  e = Entry();
  free_slots.push_back(slot);
  --live;
}

void DuplicateIndex::Impl::EvictBefore(int64_t day) {
  while (!by_age.empty() && by_age.top().day < day) {
    const Aging a = by_age.top();
    by_age.pop();
    // Stale when the entry was replaced by a revision (its slot may since
    // hold another entry, with another serial).
    if (entries[a.slot].live && entries[a.slot].serial == a.serial) Remove(a.slot);
  }
}

DuplicateIndex::DuplicateIndex() : DuplicateIndex(Options()) {}
DuplicateIndex::DuplicateIndex(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

std::optional<Match> DuplicateIndex::Add(std::string_view id, const Fingerprint& fp, int64_t day) {
  Impl& d = *impl_;
  if (d.options.window_days > 0) {
    d.latest_day = d.latest_day ? std::max(*d.latest_day, day) : day;
    d.EvictBefore(*d.latest_day - d.options.window_days);
  }
  if (auto it = d.by_id.find(id); it != d.by_id.end()) d.Remove(it->second);
  std::optional<Match> match = d.Find(fp);
  if (match && match->exact) return match;
  d.Index(id, fp, day, match ? match->original_id : std::string(id));
  return match;
}

std::optional<Match> DuplicateIndex::Find(const Fingerprint& fp) const { return impl_->Find(fp); }

std::vector<Reuse> DuplicateIndex::FindReuse(const Fingerprint& fp) const {
  const Impl& d = *impl_;
  std::vector<uint64_t> hashes;
  hashes.reserve(fp.paragraphs.size());
  for (const ParagraphPrint& p : fp.paragraphs) hashes.push_back(p.hash);
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());

  const size_t limit = static_cast<size_t>(std::max(d.options.boilerplate_paragraph_limit, 0));
  std::vector<uint32_t> hits;  // one slot per shared paragraph
  for (uint64_t h : hashes) {
    auto it = d.paragraphs.find(h);
    if (it == d.paragraphs.end() || it->second.size() > limit) continue;
    hits.insert(hits.end(), it->second.begin(), it->second.end());
  }
  std::sort(hits.begin(), hits.end());

  std::vector<Reuse> result;
  std::vector<uint64_t> serials;
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    const Entry& e = d.entries[hits[i]];
    result.push_back({e.id, static_cast<int>(j - i), static_cast<int>(fp.paragraphs.size()),
                      static_cast<int>(e.paragraph_count)});
    serials.push_back(e.serial);
    i = j;
  }
  std::vector<size_t> order(result.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (result[a].shared_paragraphs != result[b].shared_paragraphs) {
      return result[a].shared_paragraphs > result[b].shared_paragraphs;
    }
    return serials[a] < serials[b];
  });
  std::vector<Reuse> sorted;
  sorted.reserve(result.size());
  for (size_t i : order) sorted.push_back(std::move(result[i]));
  return sorted;
}

void DuplicateIndex::EvictBefore(int64_t day) { impl_->EvictBefore(day); }

bool DuplicateIndex::Contains(std::string_view id) const { return impl_->by_id.contains(id); }

size_t DuplicateIndex::size() const { return impl_->live; }

}  // namespace storyline::dedup
