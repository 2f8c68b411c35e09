#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "engine/story_placer.h"
#include "storyline/engine.h"
#include "storyline/extract.h"
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

// Extraction costs several times what storing an article does (about 1 ms an
// article with the NER model), so a batch's articles are extracted on all
// cores; Extractor::Extract is const and thread-safe.
std::vector<extract::Extraction> ExtractAll(const extract::Extractor& extractor,
                                            const std::vector<Article>& articles, int threads) {
  std::vector<extract::Extraction> out(articles.size());
  if (threads <= 0) threads = static_cast<int>(std::min(8u, std::max(1u, std::thread::hardware_concurrency())));
  const size_t workers = std::min(static_cast<size_t>(threads), articles.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < articles.size(); i = next.fetch_add(1)) {
      out[i] = extractor.Extract(articles[i]);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

// Collects what the readers produce and writes it to the store in batches.
class IngestRun {
 public:
  IngestRun(store::Store& store, const IngestOptions& options, const extract::Extractor& extractor,
            engine::PlacementCache* placement_cache)
      : store_(store),
        options_(options),
        extractor_(extractor),
        clock_(options.clock ? options.clock : WallClock),
        placer_(store, options, report_.counts, placement_cache) {}

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
        to_extract_.push_back(std::move(article));
        break;
      case store::PutOutcome::kUnchanged: ++report_.counts.unchanged; break;
      case store::PutOutcome::kRevised:
        ++report_.counts.revised;
        // A revision keeps its story: re-clustering it could split a story
        // that other articles joined because of it. Only its headline (a
        // candidate story title) follows the new content.
        store_error_ = engine::UpdatePlacedHeadline(store_, article);
        if (!store_error_.ok()) return;
        to_extract_.push_back(std::move(article));
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

  // Extracts the batch's new and revised articles, stores their extractions
  // and commits the batch.
  void Commit() {
    if (!in_batch_ || !store_error_.ok()) return;
    store_error_ = PutExtractions(to_extract_);
    to_extract_.clear();
    if (!store_error_.ok()) return;
    store_error_ = store_.CommitBatch();
    in_batch_ = false;
    pending_ = 0;
  }

  Result<IngestReport> Finish() {
    Commit();
    if (in_batch_) (void)store_.RollbackBatch();  // only after a store error
    if (store_error_.ok()) store_error_ = ExtractUnextracted();
    if (store_error_.ok()) store_error_ = placer_.PlaceUnplaced();
    MaybeReportProgress(true);
    if (!store_error_.ok()) return store_error_;
    return std::move(report_);
  }

  bool failed() const { return !store_error_.ok(); }

 private:
  Status PutExtractions(const std::vector<Article>& articles) {
    const std::vector<extract::Extraction> extractions = ExtractAll(extractor_, articles, options_.extract_threads);
    for (size_t i = 0; i < articles.size(); ++i) {
      Status status = store_.PutExtraction(articles[i].id, articles[i].revision, extractions[i]);
      if (!status.ok()) {
        return Status(status.code(), articles[i].origin + ": could not store the extraction of article '" +
                                         articles[i].id + "': " + status.message());
      }
      ++report_.counts.extracted;
    }
    return Status::Ok();
  }

  // Articles stored before extractions were (schema version 2) get theirs,
  // in batches like the rest.
  Status ExtractUnextracted() {
    Result<std::vector<std::string>> ids = store_.ListUnextractedArticles();
    if (!ids.ok()) return ids.status();
    const size_t batch = static_cast<size_t>(std::max(1, options_.batch_size));
    for (size_t start = 0; start < ids->size(); start += batch) {
      std::vector<Article> articles;
      for (size_t i = start; i < std::min(ids->size(), start + batch); ++i) {
        Result<Article> article = store_.GetArticle((*ids)[i]);
        if (!article.ok()) return article.status();
        articles.push_back(std::move(article).value());
      }
      STORYLINE_RETURN_IF_ERROR(store_.BeginBatch());
      Status status = PutExtractions(articles);
      if (status.ok()) status = store_.CommitBatch();
      if (!status.ok()) {
        (void)store_.RollbackBatch();
        return status;
      }
      MaybeReportProgress(false);
    }
    return Status::Ok();
  }

  void MaybeReportProgress(bool final) {
    if (!options_.progress) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress_ < std::chrono::milliseconds(100)) return;
    last_progress_ = now;
    options_.progress(report_.counts);
  }

  store::Store& store_;
  const IngestOptions& options_;
  const extract::Extractor& extractor_;
  std::function<int64_t()> clock_;
  IngestReport report_;
  engine::StoryPlacer placer_;  // after report_: it counts into report_.counts
  Status store_error_;
  bool in_batch_ = false;
  int pending_ = 0;
  std::vector<Article> to_extract_;  // this batch's new and revised articles
  std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace

struct IngestSession::State {
  std::unique_ptr<extract::Extractor> extractor;
  std::string extractor_model;
  engine::PlacementCache placement;
};

IngestSession::State& SessionState(IngestSession& session) { return *session.state_; }

IngestSession::IngestSession() : state_(std::make_unique<State>()) {}
IngestSession::~IngestSession() = default;

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

std::string DefaultNerModelPath() {
  const char* env = std::getenv("STORYLINE_NER_MODEL");
  if (env != nullptr && *env != '\0') return env;
#ifdef STORYLINE_DEFAULT_NER_MODEL
  std::error_code ec;
  if (std::filesystem::is_regular_file(STORYLINE_DEFAULT_NER_MODEL, ec)) return STORYLINE_DEFAULT_NER_MODEL;
#endif
  return "";
}

namespace {

// The extractor a run uses: the session's when it was created for the same
// model, else a new one (kept by the session when there is one, else in
// `owned`).
Result<const extract::Extractor*> AcquireExtractor(const IngestOptions& options, IngestSession::State* session,
                                                   std::unique_ptr<extract::Extractor>& owned) {
  const std::string model = options.ner_model ? *options.ner_model : DefaultNerModelPath();
  if (session != nullptr && session->extractor != nullptr && session->extractor_model == model) {
    return session->extractor.get();
  }
  Result<std::unique_ptr<extract::Extractor>> created = extract::Extractor::Create(model);
  if (!created.ok()) {
    return Status(created.status().code(), "cannot load the NER model for extraction: " + created.status().message());
  }
  owned = std::move(created).value();
  if (session == nullptr) return owned.get();
  session->extractor = std::move(owned);
  session->extractor_model = model;
  return session->extractor.get();
}

// Runs one ingest: `read` feeds the sink, then the run places and finishes.
Result<IngestReport> RunIngest(store::Store& store, const IngestOptions& options,
                               const std::function<void(const ingest::Sink&, const IngestRun&)>& read) {
  IngestSession::State* session = options.session != nullptr ? &SessionState(*options.session) : nullptr;
  std::unique_ptr<extract::Extractor> own_extractor;
  Result<const extract::Extractor*> extractor = AcquireExtractor(options, session, own_extractor);
  if (!extractor.ok()) return extractor.status();
  IngestRun run(store, options, **extractor, session != nullptr ? &session->placement : nullptr);
  ingest::Sink sink;
  sink.article = [&run, &options](Article&& a) {
    if (options.on_read) options.on_read(a);
    run.OnArticle(std::move(a));
  };
  sink.diagnostic = [&run](ingest::Diagnostic&& d) { run.OnDiagnostic(std::move(d)); };
  sink.file_done = [&run](std::string_view) { run.Commit(); };
  read(sink, run);
  return run.Finish();
}

}  // namespace

Status PrimeSession(store::Store& store, IngestSession& session, const IngestOptions& options) {
  IngestSession::State& state = SessionState(session);
  std::unique_ptr<extract::Extractor> unused;
  Result<const extract::Extractor*> extractor = AcquireExtractor(options, &state, unused);
  if (!extractor.ok()) return extractor.status();
  IngestCounts counts;
  engine::StoryPlacer placer(store, options, counts, &state.placement);
  return placer.Prime();
}

Result<IngestReport> Ingest(store::Store& store, const std::vector<std::string>& paths,
                            const IngestOptions& options) {
  return RunIngest(store, options, [&](const ingest::Sink& sink, const IngestRun& run) {
    for (const std::string& path : paths) {
      ingest::ReadPath(path, options.read, sink);
      if (run.failed()) break;
    }
  });
}

Result<IngestReport> IngestJsonl(store::Store& store, std::istream& in, std::string_view name,
                                 const IngestOptions& options) {
  return RunIngest(store, options, [&](const ingest::Sink& sink, const IngestRun&) {
    ingest::ReadJsonl(in, name, options.read, sink);
  });
}

}  // namespace storyline
