// The 10kGNAD test split that the throughput benchmarks read.
#ifndef STORYLINE_BENCH_CORPUS_H_
#define STORYLINE_BENCH_CORPUS_H_

#include <simdjson.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::bench {

// $STORYLINE_TEXT_CORPUS when set, else the file under `shared_dir`.
inline std::string CorpusPath(const std::string& shared_dir) {
  if (const char* env = std::getenv("STORYLINE_TEXT_CORPUS")) return env;
  return shared_dir + "/bench/corpus/10kgnad-test.jsonl";
}

// The "text" field of every JSONL line of `path`; empty when the file cannot
// be read.
inline std::vector<std::string> ReadCorpusTexts(const std::string& path) {
  std::vector<std::string> texts;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) return texts;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs) != simdjson::SUCCESS) return texts;
  for (auto doc : docs) {
    std::string_view text;
    if (doc["text"].get_string().get(text) == simdjson::SUCCESS) texts.emplace_back(text);
  }
  return texts;
}

}  // namespace storyline::bench

#endif  // STORYLINE_BENCH_CORPUS_H_
