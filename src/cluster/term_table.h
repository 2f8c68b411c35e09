// Term keys (stems, "@names", "#numbers") → dense ids. Internal to the cluster
// stage.
#ifndef STORYLINE_CLUSTER_TERM_TABLE_H_
#define STORYLINE_CLUSTER_TERM_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cluster::internal {

// Interns keys to the ids 0, 1, 2, ... in order of first sight. Open
// addressing over 8-byte slots (32 bits of the hash as a tag, 32 bits of the
// id) with the keys back to back in one buffer: an article looks up about a
// thousand keys, most of a vocabulary is rare words, and a lookup costs its
// cache misses, so a caller hashes a batch of keys and prefetches their slots
// (Prefetch) before it interns any of them.
class TermTable {
 public:
  TermTable();

  static uint64_t Hash(std::string_view key);
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }
  // The id of `key` (whose Hash is `hash`); a new key gets the next id and
  // sets *inserted.
  uint32_t Intern(std::string_view key, uint64_t hash, bool* inserted);
  // The id whose slot carries the tag of `hash`, most likely that of the key
  // with this hash (to be confirmed with key()), and prefetches its key; kNone
  // when no slot does. Lets a batch fetch its keys before comparing any.
  uint32_t Guess(uint64_t hash) const;
  static constexpr uint32_t kNone = 0xFFFFFFFF;

  size_t size() const { return key_end_.size(); }
  std::string_view key(uint32_t id) const {
    const size_t begin = id == 0 ? 0 : key_end_[id - 1];
    return std::string_view(keys_).substr(begin, key_end_[id] - begin);
  }

 private:
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1; }
  void Place(uint64_t hash, uint32_t id);

  std::vector<uint64_t> slots_;  // 0: empty
  size_t mask_ = 0;
  std::string keys_;
  std::vector<size_t> key_end_;  // by id
};

}  // namespace storyline::cluster::internal

#endif  // STORYLINE_CLUSTER_TERM_TABLE_H_
