// Throughput of online clustering on one core: a stream of synthetic German
// articles made by recombining paragraphs of the 10kGNAD corpus, dated over a
// year, with story sizes from a few to a few dozen articles.
//
// Usage: cluster_bench [--shared DIR] [--n ARTICLES]
//   DIR defaults to ../shared; ARTICLES to 1000000. Prints the rate over each
//   stretch ending at 10k, 100k, 1M (and N) articles (thread CPU time in
//   dedup + clustering, and the same with the making of the articles), the
//   peak memory, and a checksum of every decision (story, storyline,
//   duplicate): equal checksums before and after an optimization mean it
//   changed no decision.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cluster/evaluation.h"
#include "storyline/article.h"
#include "storyline/cluster.h"
#include "storyline/dedup.h"
#include "storyline/ingest.h"
#include "storyline/text.h"

namespace {

struct Source {
  std::string title;
  std::vector<std::string> paragraphs;
};

// Splits a 10kGNAD text into pseudo-paragraphs of about three sentences (the
// corpus has no line breaks).
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t begin = 0;
  int sentences = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ' && ++sentences == 3) {
      out.emplace_back(text.substr(begin, i + 1 - begin));
      begin = i + 2;
      sentences = 0;
    }
  }
  if (begin < text.size()) out.emplace_back(text.substr(begin));
  return out;
}

// CPU time of this thread: the rate on one core even on a busy machine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

int64_t PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string shared = "../shared";
  int64_t n = 1000000;
  constexpr const char* kUsage =
      "usage: cluster_bench [--shared DIR] [--n ARTICLES]\n"
      "  DIR: the shared data folder (default ../shared); ARTICLES: how many\n"
      "  synthetic articles to stream (default 1000000)\n";
  for (int i = 1; i < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      fmt::print("{}", kUsage);
      return 0;
    }
    if (i + 1 == argc) {
      fmt::print(stderr, "cluster_bench: {} needs a value\n{}", flag, kUsage);
      return 2;
    }
    const std::string_view value = argv[i + 1];
    if (flag == "--shared") {
      shared = value;
    } else if (flag == "--n") {
      char* end = nullptr;
      n = std::strtoll(value.data(), &end, 10);
      if (end == value.data() || *end != '\0' || n <= 0) {
        fmt::print(stderr, "cluster_bench: --n wants a positive number of articles, not '{}'\n", value);
        return 2;
      }
    } else {
      fmt::print(stderr, "cluster_bench: unknown option '{}'\n{}", flag, kUsage);
      return 2;
    }
  }
  std::vector<Source> sources;
  storyline::ingest::Sink sink;
  sink.article = [&](storyline::Article&& a) {
    Source s;
    s.paragraphs = Paragraphs(a.text);
    if (s.paragraphs.size() < 2) return;
    s.title = s.paragraphs[0].substr(0, 90);
    sources.push_back(std::move(s));
  };
  sink.diagnostic = [](storyline::ingest::Diagnostic&& d) {
    fmt::print(stderr, "{}\n", d.ToString());
  };
  const std::string corpus = shared + "/bench/corpus/10kgnad-test.jsonl";
  storyline::ingest::ReadPath(corpus, {}, sink);
  if (sources.empty()) {
    fmt::print(stderr, "cluster_bench: no articles in {}\n", corpus);
    return 1;
  }

  // Events: each takes its paragraphs mostly from one source article; an
  // article is a new event with probability 0.2, else it continues one of the
  // 64 most recent events (so stories of ~5 articles, some much larger).
  std::mt19937_64 rng(42);
  struct Event {
    size_t source;
    int64_t day;
    int64_t id;
  };
  int64_t events = 0;
  // The generator's event of each article and the story the clusterer has it
  // in now (splits move articles), for B-cubed at the end.
  std::vector<int64_t> event_of;
  std::vector<int64_t> story_of;
  event_of.reserve(static_cast<size_t>(n));
  story_of.reserve(static_cast<size_t>(n));
  std::vector<Event> recent;
  storyline::cluster::Clusterer clusterer;
  // Duplicates are looked for among the articles of the last 30 days, as a
  // live deployment would; older fingerprints are evicted.
  storyline::dedup::DuplicateIndex::Options dedup_options;
  dedup_options.window_days = 30;
  storyline::dedup::DuplicateIndex duplicates(dedup_options);
  storyline::dedup::Fingerprint fingerprint;
  // Dedup and the clusterer read one analysis of each text.
  storyline::text::Analyzers analyzers;
  int64_t duplicates_found = 0;
  uint64_t decisions = 0;  // FNV-1a over the assignments and duplicate matches
  const auto mix = [&decisions](uint64_t x) {
    for (int b = 0; b < 8; ++b) {
      decisions = (decisions ^ ((x >> (8 * b)) & 0xFF)) * 0x100000001B3ULL;
    }
  };
  Clock::duration dedup_busy{};
  const int64_t first_day = 17167;  // 2017-01-01
  Clock::duration busy{};
  Clock::duration stretch_busy{};
  int64_t stretch_start = 0;
  // Articles are made a batch at a time and then processed, so that the
  // thread CPU time of the processing (dedup + clustering) is measured apart
  // from that of making them (reading the clock costs microseconds here, too
  // much to read it around every article). The stream is the same either way.
  constexpr int64_t kBatch = 1000;
  struct Made {
    storyline::Article article;
    int64_t event = 0;
    int64_t day = 0;
  };
  std::vector<Made> batch(static_cast<size_t>(kBatch));
  for (Made& m : batch) m.article.language = "de";
  double generation_cpu = 0;  // thread CPU seconds spent making articles
  double stretch_generation_cpu = 0;
  double cpu_start = ThreadCpuSeconds();
  const double cpu_begin = cpu_start;
  std::vector<int64_t> marks = {10000, 100000, 1000000};
  if (n != 10000 && n != 100000 && n != 1000000) marks.push_back(n);
  fmt::print("cluster_bench: {} synthetic articles from {} source texts\n", n, sources.size());
  for (int64_t batch_begin = 0; batch_begin < n; batch_begin += kBatch) {
    const int64_t batch_end = std::min(n, batch_begin + kBatch);
    const double generation_start = ThreadCpuSeconds();
    for (int64_t k = batch_begin; k < batch_end; ++k) {
      Made& made = batch[static_cast<size_t>(k - batch_begin)];
      storyline::Article& article = made.article;
      const int64_t day = first_day + k * 365 / n;
      if (recent.empty() || std::uniform_real_distribution<>(0, 1)(rng) < 0.2) {
        recent.push_back({rng() % sources.size(), day, events++});
        if (recent.size() > 64) recent.erase(recent.begin());
      }
      const Event& event = recent[rng() % recent.size()];
      const Source& base = sources[event.source];
      const Source& other = sources[rng() % sources.size()];
      article.id = fmt::format("a{}", k);
      article.title = base.title;
      article.text.clear();
      for (int p = 0; p < 3; ++p) {
        article.text += base.paragraphs[rng() % base.paragraphs.size()];
        article.text += '\n';
      }
      article.text += other.paragraphs[rng() % other.paragraphs.size()];
      const int64_t d = std::max(event.day, day);
      article.published.precision = storyline::DatePrecision::kDay;
      // Days → civil date (H. Hinnant's algorithm).
      {
        const int64_t z = d + 719468;
        const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        const int64_t doe = z - era * 146097;
        const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const int64_t mp = (5 * doy + 2) / 153;
        article.published.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
        article.published.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
        article.published.year = static_cast<int>(yoe + era * 400 + (article.published.month <= 2));
      }
      made.event = event.id;
      made.day = d;
    }
    const double generation = ThreadCpuSeconds() - generation_start;
    generation_cpu += generation;
    stretch_generation_cpu += generation;
    for (int64_t k = batch_begin; k < batch_end; ++k) {
      const Made& made = batch[static_cast<size_t>(k - batch_begin)];
      const storyline::Article& article = made.article;
      const Clock::time_point start = Clock::now();
      const std::vector<storyline::text::Term>& terms =
          analyzers.For(article.language).Analyze(article.text);
      storyline::dedup::ComputeFingerprint(article, terms, &fingerprint);
      const std::optional<storyline::dedup::Match> match =
          duplicates.Add(article.id, fingerprint, made.day);
      const Clock::time_point dedup_done = Clock::now();
      const storyline::cluster::Assignment assignment = clusterer.Add(article, terms);
      const Clock::duration spent = Clock::now() - start;
      if (match) {
        ++duplicates_found;
        mix(std::hash<std::string>{}(match->matched_id));
      }
      event_of.push_back(made.event);
      story_of.push_back(assignment.story);
      for (const storyline::cluster::Move& move : assignment.moved) {
        story_of[static_cast<size_t>(move.sequence - 1)] = move.to;
      }
      mix(static_cast<uint64_t>(assignment.story));
      mix(static_cast<uint64_t>(assignment.storyline));
      dedup_busy += dedup_done - start;
      busy += spent;
      stretch_busy += spent;
    }
    for (int64_t mark : marks) {
      if (batch_end != mark) continue;
      const double seconds = std::chrono::duration<double>(stretch_busy).count();
      const double cpu = ThreadCpuSeconds() - cpu_start;
      const auto count = static_cast<double>(mark - stretch_start);
      fmt::print("  articles {:>8}: {:>7.0f} articles/s CPU in dedup+Add, {:>7.0f} articles/s CPU "
                 "incl. generation, {:>7.0f} articles/s wall in dedup+Add, over articles {}..{}; "
                 "{} stories; peak RSS {} MiB\n",
                 mark, count / (cpu - stretch_generation_cpu), count / cpu, count / seconds,
                 stretch_start + 1, mark, clusterer.story_count(), PeakRssKiB() / 1024);
      cpu_start = ThreadCpuSeconds();
      stretch_start = mark;
      stretch_busy = {};
      stretch_generation_cpu = 0;
    }
  }
  const double seconds = std::chrono::duration<double>(busy).count();
  const double cpu = ThreadCpuSeconds() - cpu_begin;
  fmt::print("total: {} articles; {:.2f} s CPU in dedup+Add ({:.0f} articles/s); {:.2f} s CPU incl. "
             "generation ({:.0f} articles/s); {:.2f} s wall in dedup+Add ({:.0f} articles/s; dedup "
             "alone {:.2f} s); {} stories; {} duplicates; {} fingerprints held; peak RSS {} MiB; "
             "decisions {:016x}\n",
             n, cpu - generation_cpu, static_cast<double>(n) / (cpu - generation_cpu), cpu,
             static_cast<double>(n) / cpu, seconds, static_cast<double>(n) / seconds,
             std::chrono::duration<double>(dedup_busy).count(), clusterer.story_count(),
             duplicates_found, duplicates.size(), PeakRssKiB() / 1024, decisions);
  // Outside the timed part. Events that drew the same source text are
  // indistinguishable, so no clusterer reaches 1.0 here; the figure is for
  // comparing versions of the clusterer on the same stream.
  std::vector<std::string> predicted(story_of.size());
  std::vector<std::string> gold(event_of.size());
  for (size_t i = 0; i < story_of.size(); ++i) {
    predicted[i] = std::to_string(clusterer.ResolveStory(story_of[i]));
    gold[i] = std::to_string(event_of[i]);
  }
  const storyline::cluster::Scores b3 = storyline::cluster::BCubed(predicted, gold);
  fmt::print("stories against the generator's {} events: B-cubed precision {:.4f} recall {:.4f} f1 {:.4f}\n",
             events, b3.precision, b3.recall, b3.f1);
  return 0;
}
