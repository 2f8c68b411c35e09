// HTML article extraction speed on the AEB pages (../shared/bench/extraction/aeb-dev):
// gunzip + charset + parse (libxml2) + metadata + body, one page per iteration,
// on one thread. Reports pages/s and the process's peak resident memory.
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "storyline/ingest.h"

namespace {

const std::vector<std::string>& CompressedPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir = std::filesystem::path(STORYLINE_SHARED_DIR) / "bench/extraction/aeb-dev/html";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return pages;
}

void SetPeakMemory(benchmark::State& state) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_GunzipAndParse(benchmark::State& state) {
  const auto& pages = CompressedPages();
  if (pages.empty()) {
    state.SkipWithError("no pages in aeb-dev/html");
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& gz = pages[i++ % pages.size()];
    auto html = storyline::ingest::GunzipHtml(gz, "bench");
    const std::string_view page = html.ok() ? std::string_view(*html) : std::string_view();
    auto doc = storyline::ingest::ParseHtmlArticle(page, "", "bench", nullptr);
    bytes += html.ok() ? html->size() : 0;
    benchmark::DoNotOptimize(doc);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  SetPeakMemory(state);
}
BENCHMARK(BM_GunzipAndParse)->Unit(benchmark::kMillisecond);

void BM_ParseOnly(benchmark::State& state) {
  std::vector<std::string> html;
  for (const std::string& gz : CompressedPages()) {
    auto h = storyline::ingest::GunzipHtml(gz, "bench");
    if (h.ok()) html.push_back(std::move(h).value());
  }
  if (html.empty()) {
    state.SkipWithError("no pages in aeb-dev/html");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    auto doc = storyline::ingest::ParseHtmlArticle(html[i++ % html.size()], "", "bench", nullptr);
    benchmark::DoNotOptimize(doc);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  SetPeakMemory(state);
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
