// Duplicate detection: exact copies, near copies (MinHash with LSH banding
// over word shingles) and paragraph reuse between articles.
//
// A Fingerprint is computed once per article from its text (pure, thread-safe)
// and then offered to a DuplicateIndex, which remembers the articles seen so
// far and answers whether a new one copies an earlier one. The first article
// added with a given text is the original; every later copy points to that
// original, never to another copy (A, B copies A, C copies B → C points to A).
// Callers that want "earliest" to mean "earliest published" add articles in
// publication order.
#ifndef STORYLINE_DEDUP_H_
#define STORYLINE_DEDUP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/article.h"
#include "storyline/text.h"

namespace storyline::dedup {

// Words per shingle: near-duplicate overlap is the Jaccard similarity of the
// sets of 5-word sequences (folded words and numbers; punctuation ignored).
inline constexpr int kShingleWords = 5;
// MinHash signature length and its LSH banding (kBands * kRows == kMinHashSize).
inline constexpr int kMinHashSize = 128;
inline constexpr int kBands = 32;
inline constexpr int kRows = 4;
// Paragraphs with fewer words and numbers than this are not fingerprinted for
// reuse: headings and bylines ("Weitere Videos", "Foto: dpa") are not text.
inline constexpr int kMinParagraphWords = 8;

// One paragraph long enough to count as reusable text.
struct ParagraphPrint {
  uint64_t hash = 0;   // of the paragraph's folded words and numbers, in order
  uint32_t begin = 0;  // byte span of the paragraph in the fingerprinted text
  uint32_t end = 0;    // exclusive
  uint32_t words = 0;  // words and numbers in the paragraph
  friend bool operator==(const ParagraphPrint&, const ParagraphPrint&) = default;
};

struct Fingerprint {
  // Of Article::content_hash (id-independent content, title and outlet
  // included); 0 when unknown. Equal non-zero values mean an exact copy.
  uint64_t content_hash = 0;
  // Of the folded words and numbers of the text in order, so the same text
  // with other quotes, spacing, case or line breaks, under another title or
  // outlet, has the same value. 0 for a text without words.
  uint64_t text_hash = 0;
  uint32_t words = 0;  // words and numbers in the text
  // kMinHashSize values (one-permutation MinHash with optimal densification);
  // empty for a text without words.
  std::vector<uint32_t> minhash;
  // The paragraphs of at least kMinParagraphWords words, in text order.
  std::vector<ParagraphPrint> paragraphs;
};

// Fingerprints `text` (CleanText output: paragraphs are its lines) in
// language `lang` (ISO 639-1 or empty; it selects the case folding rules).
// Thread-safe; reuses thread-local buffers, so the only allocations are those
// of the returned vectors. Invalid UTF-8 is hashed as it comes, never rejected.
Fingerprint ComputeFingerprint(std::string_view text, std::string_view lang);
// As above, into *out, reusing its vectors' capacity.
void ComputeFingerprint(std::string_view text, std::string_view lang, Fingerprint* out);
// Fingerprints article.text in article.language and sets content_hash from
// article.content_hash (when non-empty).
Fingerprint ComputeFingerprint(const Article& article);
// The same from the article's analysis, `terms` =
// text::Analyzer(article.language).Analyze(article.text): the words are not
// tokenized and folded a second time when the clusterer reads the same terms.
void ComputeFingerprint(const Article& article, const std::vector<text::Term>& terms,
                        Fingerprint* out);

// The MinHash estimate of the Jaccard similarity of the two texts' shingle
// sets, in [0, 1]; 0 when either has no signature.
double EstimateOverlap(const Fingerprint& a, const Fingerprint& b);

struct SharedParagraphsResult {
  int count = 0;
  // (index into a.paragraphs, index into b.paragraphs), matched one to one,
  // in the order of a.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
};

// The paragraphs two fingerprints have in common.
SharedParagraphsResult SharedParagraphs(const Fingerprint& a, const Fingerprint& b);

struct Match {
  std::string original_id;  // the first article with this text (never a copy)
  std::string matched_id;   // the indexed article that matched (may be a copy)
  double overlap = 0;       // 1 for exact; else the Jaccard estimate vs matched_id
  bool exact = false;       // same text (text_hash) or same content (content_hash)
};

struct Reuse {
  std::string other_id;       // an indexed article sharing paragraphs
  int shared_paragraphs = 0;  // distinct paragraphs of the query found in it
  int total_paragraphs = 0;   // paragraphs of the query (fingerprinted ones)
  int other_paragraphs = 0;   // paragraphs of the other article (fingerprinted ones)
};

// The articles seen so far, for duplicate and reuse queries. Memory grows with
// the articles indexed (roughly 2 KB each plus ids and paragraphs); bound it
// with Options::window_days or EvictBefore. Not thread-safe: one writer, and
// no reader while it writes.
class DuplicateIndex {
 public:
  struct Options {
    // Near copy when the Jaccard estimate reaches this. The LSH banding finds
    // a pair at 0.5 with probability 0.87, at 0.6 with 0.99 (see duplicate_index.cc).
    double near_threshold = 0.5;
    // Texts with fewer words are matched only exactly. In a short text a
    // shared boilerplate sentence ("Der Volltext dieses Artikels steht nicht
    // mehr zur Verfügung") alone reaches the threshold: in 10kGNAD, stubs of
    // 22-27 words that share only that sentence estimate at up to 0.45.
    int min_near_words = 50;
    // When > 0, Add evicts articles whose day is more than this many days
    // before the latest day added.
    int64_t window_days = 0;
    // A paragraph found in more indexed articles than this is boilerplate
    // ("Alle Rechte vorbehalten ...") and ignored by FindReuse.
    int boilerplate_paragraph_limit = 200;
  };

  DuplicateIndex();
  explicit DuplicateIndex(Options options);
  ~DuplicateIndex();
  DuplicateIndex(const DuplicateIndex&) = delete;
  DuplicateIndex& operator=(const DuplicateIndex&) = delete;
  DuplicateIndex(DuplicateIndex&&) noexcept;
  DuplicateIndex& operator=(DuplicateIndex&&) noexcept;

  // Looks `fp` up, then indexes it under `id` and `day` (days since the
  // epoch, for eviction; any constant when eviction is not used). Returns the
  // match when the article copies an indexed one: an exact match wins, else
  // the candidate with the highest overlap (the earlier one on ties). An
  // exact copy is not indexed again (its text already is, under the original).
  // Adding an id that is indexed replaces its entry first (a revision is
  // never a copy of itself).
  std::optional<Match> Add(std::string_view id, const Fingerprint& fp, int64_t day = 0);

  // The match Add would return, without indexing.
  std::optional<Match> Find(const Fingerprint& fp) const;

  // The indexed articles sharing at least one paragraph with `fp`, most shared
  // first (earlier indexed first on ties). Call it before Add(fp), or the
  // article finds itself.
  std::vector<Reuse> FindReuse(const Fingerprint& fp) const;

  // Forgets the articles whose day is before `day`.
  void EvictBefore(int64_t day);

  bool Contains(std::string_view id) const;  // false for exact copies: never indexed
  size_t size() const;  // articles indexed (exact copies excluded)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::dedup

#endif  // STORYLINE_DEDUP_H_
