#include <string>
#include <utility>

#include <fmt/format.h>

#include "ingest/ingest_internal.h"
#include "storyline/ingest.h"

namespace storyline::ingest {

std::string Diagnostic::ToString() const {
  const std::string_view level = severity == Severity::kError ? "error" : "warning";
  if (file.empty()) return fmt::format("{}: {}", level, message);
  if (line > 0) return fmt::format("{}:{}: {}: {}", file, line, level, message);
  return fmt::format("{}: {}: {}", file, level, message);
}

namespace internal {

void Emit(const Sink& sink, Diagnostic&& diagnostic) {
  if (sink.diagnostic) sink.diagnostic(std::move(diagnostic));
}

void Emit(const Sink& sink, Article&& article) {
  if (sink.article) sink.article(std::move(article));
}

void EmitFileDone(const Sink& sink, std::string_view file) {
  if (sink.file_done) sink.file_done(file);
}

}  // namespace internal
}  // namespace storyline::ingest
