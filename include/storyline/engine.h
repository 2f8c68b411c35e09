// The engine: runs the pipeline stages over articles. The CLI and the server
// are thin shells over this header.
#ifndef STORYLINE_ENGINE_H_
#define STORYLINE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/ingest.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline {

struct IngestCounts {
  int64_t read = 0;       // articles read from the input
  int64_t added = 0;      // new ids stored
  int64_t unchanged = 0;  // same content as stored: nothing written
  int64_t revised = 0;    // stored as a new revision of a known id
  int64_t failed = 0;     // inputs (files or lines) that could not be read or stored
};

struct IngestReport {
  IngestCounts counts;
  std::vector<ingest::Diagnostic> errors;    // one per failed input
  std::vector<ingest::Diagnostic> warnings;  // e.g. converted encodings
};

struct IngestOptions {
  ingest::ReadOptions read;
  int batch_size = 500;  // articles per transaction
  // Called now and then (at most every ~100 ms) and once at the end.
  std::function<void(const IngestCounts&)> progress;
  // Unix seconds; injectable for tests.
  std::function<int64_t()> clock;
};

// Makes a raw article ready to store: cleans its title and text
// (text::CleanText), identifies the language when the input gave none, and
// computes the content hash.
void PrepareArticle(Article& article);

// Reads every path (see ingest::ReadPath), prepares each article and stores
// it, committing every `batch_size` articles and at the end of each input.
// Fails (non-ok) only when the store itself fails; bad input is reported in
// IngestReport and never stops the run.
Result<IngestReport> Ingest(store::Store& store, const std::vector<std::string>& paths,
                            const IngestOptions& options);

}  // namespace storyline

#endif  // STORYLINE_ENGINE_H_
