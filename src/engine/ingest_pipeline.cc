#include <chrono>
#include <ctime>
#include <string>
#include <utility>

#include "engine/story_placer.h"
#include "storyline/engine.h"
#include "storyline/text.h"

namespace storyline {
namespace {

// "de-DE", "DE", "de_AT" → "de"; anything else that is not two or three
// ASCII letters → "" (then identified from the text).
std::string NormalizeLanguageCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "";
    out.push_back(c);
  }
  return out.size() == 2 || out.size() == 3 ? out : "";
}

// Titles are one line.
std::string CleanTitle(std::string_view title) {
  std::string t = text::CleanText(title);
  for (char& c : t) {
    if (c == '\n') c = ' ';
  }
  return t;
}

int64_t WallClock() { return static_cast<int64_t>(std::time(nullptr)); }

// Collects what the readers produce and writes it to the store in batches.
class IngestRun {
 public:
  IngestRun(store::Store& store, const IngestOptions& options)
      : store_(store),
        options_(options),
        clock_(options.clock ? options.clock : WallClock),
        placer_(store, options, report_.counts) {}

  void OnArticle(Article&& article) {
    if (!store_error_.ok()) return;
    ++report_.counts.read;
    PrepareArticle(article);
    article.first_seen = clock_();
    if (!in_batch_) {
      store_error_ = store_.BeginBatch();
      if (!store_error_.ok()) return;
      in_batch_ = true;
    }
    Result<store::PutOutcome> outcome = store_.PutArticle(article);
    if (!outcome.ok()) {
      store_error_ = Status(outcome.status().code(),
                            article.origin + ": could not store article '" + article.id +
                                "': " + outcome.status().message());
      return;
    }
    switch (*outcome) {
      case store::PutOutcome::kNew:
        ++report_.counts.added;
        placer_.NoteNew(article);
        break;
      case store::PutOutcome::kUnchanged: ++report_.counts.unchanged; break;
      case store::PutOutcome::kRevised:
        ++report_.counts.revised;
        // A revision keeps its story: re-clustering it could split a story
        // that other articles joined because of it. Only its headline (a
        // candidate story title) follows the new content.
        store_error_ = engine::UpdatePlacedHeadline(store_, article);
        if (!store_error_.ok()) return;
        break;
    }
    if (++pending_ >= options_.batch_size) Commit();
    MaybeReportProgress(false);
  }

  void OnDiagnostic(ingest::Diagnostic&& d) {
    if (d.severity == ingest::Severity::kError) {
      ++report_.counts.failed;
      report_.errors.push_back(std::move(d));
    } else {
      report_.warnings.push_back(std::move(d));
    }
    MaybeReportProgress(false);
  }

  void Commit() {
    if (!in_batch_ || !store_error_.ok()) return;
    store_error_ = store_.CommitBatch();
    in_batch_ = false;
    pending_ = 0;
  }

  Result<IngestReport> Finish() {
    Commit();
    if (in_batch_) (void)store_.RollbackBatch();  // only after a store error
    if (store_error_.ok()) store_error_ = placer_.PlaceUnplaced();
    MaybeReportProgress(true);
    if (!store_error_.ok()) return store_error_;
    return std::move(report_);
  }

  bool failed() const { return !store_error_.ok(); }

 private:
  void MaybeReportProgress(bool final) {
    if (!options_.progress) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress_ < std::chrono::milliseconds(100)) return;
    last_progress_ = now;
    options_.progress(report_.counts);
  }

  store::Store& store_;
  const IngestOptions& options_;
  std::function<int64_t()> clock_;
  IngestReport report_;
  engine::StoryPlacer placer_;  // after report_: it counts into report_.counts
  Status store_error_;
  bool in_batch_ = false;
  int pending_ = 0;
  std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace

void PrepareArticle(Article& article) {
  article.title = CleanTitle(article.title);
  article.text = text::CleanText(article.text);
  article.language = NormalizeLanguageCode(article.language);
  if (article.language.empty()) {
    std::string sample = article.title;
    sample += '\n';
    // The first 4 KB identify a language as well as the whole text does.
    sample.append(article.text, 0, std::min<size_t>(article.text.size(), 4096));
    article.language = text::IdentifyLanguage(sample).code;
  }
  article.content_hash = ContentHash(article);
}

Result<IngestReport> Ingest(store::Store& store, const std::vector<std::string>& paths,
                            const IngestOptions& options) {
  IngestRun run(store, options);
  ingest::Sink sink;
  sink.article = [&run](Article&& a) { run.OnArticle(std::move(a)); };
  sink.diagnostic = [&run](ingest::Diagnostic&& d) { run.OnDiagnostic(std::move(d)); };
  sink.file_done = [&run](std::string_view) { run.Commit(); };
  for (const std::string& path : paths) {
    ingest::ReadPath(path, options.read, sink);
    if (run.failed()) break;
  }
  return run.Finish();
}

}  // namespace storyline
