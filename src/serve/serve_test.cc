#include <httplib.h>
#include <simdjson.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "storyline/engine.h"
#include "storyline/serve.h"
#include "storyline/store.h"

namespace storyline::serve {
namespace {

namespace fs = std::filesystem;

const char kArticle[] = R"({
  "id": "test-1",
  "lang": "de",
  "published": "2017-02-23",
  "source": "Testbote",
  "title": "Minister Kelly besucht Mexiko",
  "text": "Der amerikanische Heimatschutzminister John Kelly hat Mexiko besucht. \"Es wird keine Massenabschiebungen geben\", sagte Kelly am Donnerstag in Mexiko-Stadt. In den USA leben 5,8 Millionen Mexikaner ohne Papiere."
})";

// A server on an ephemeral loopback port over a fresh database.
class Running {
 public:
  explicit Running(ServerOptions options) {
    options.bind = options.bind.empty() ? "127.0.0.1" : options.bind;
    options.port = 0;
    options.ner_model = "";  // rules only: fast and independent of the build's model
    auto server = Server::Create(options);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server.value());
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
    for (int i = 0; i < 200; ++i) {
      if (auto res = client_->Get("/healthz"); res && res->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~Running() {
    server_->Stop();
    thread_.join();
  }
  httplib::Client& client() { return *client_; }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_serve_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.db_path = (dir_ / "serve.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  ServerOptions options_;
};

// Percent-encodes everything but unreserved characters.
std::string EncodePath(std::string_view s) {
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += fmt::format("%{:02X}", ch);
    }
  }
  return out;
}

simdjson::dom::element Parse(simdjson::dom::parser& parser, const std::string& body) {
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(body).get(doc), simdjson::SUCCESS) << body;
  return doc;
}

std::string ErrorOf(const httplib::Result& res) {
  simdjson::dom::parser parser;
  std::string_view error;
  if (!res || Parse(parser, res->body)["error"].get(error) != simdjson::SUCCESS) return "(no JSON error)";
  return std::string(error);
}

TEST_F(ServeTest, PostedArticleIsServedByEveryEndpoint) {
  Running server(options_);
  auto& c = server.client();
  auto post = c.Post("/api/articles", kArticle, "application/json");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  simdjson::dom::parser parser;
  auto doc = Parse(parser, post->body);
  EXPECT_EQ(int64_t(doc["added"]), 1);
  std::string_view id = doc["articles"].at(0)["id"];
  EXPECT_EQ(id, "test-1");
  const int64_t story = doc["articles"].at(0)["story"];
  const int64_t storyline = doc["articles"].at(0)["storyline"];
  EXPECT_GT(story, 0);

  auto article = c.Get("/api/articles/test-1");
  ASSERT_TRUE(article);
  ASSERT_EQ(article->status, 200) << article->body;
  simdjson::dom::parser p2;
  auto a = Parse(p2, article->body);
  EXPECT_EQ(std::string_view(a["title"]), "Minister Kelly besucht Mexiko");
  EXPECT_TRUE(bool(a["extracted"]));
  EXPECT_EQ(int64_t(a["story"]), story);
  EXPECT_GT(simdjson::dom::array(a["figures"]).size(), 0u);
  EXPECT_EQ(article->get_header_value("Content-Type"), "application/json; charset=utf-8");

  auto briefing = c.Get("/api/stories/" + std::to_string(story));
  ASSERT_TRUE(briefing);
  ASSERT_EQ(briefing->status, 200) << briefing->body;
  simdjson::dom::parser p3;
  EXPECT_EQ(std::string_view(Parse(p3, briefing->body)["headline"]["text"]), "Minister Kelly besucht Mexiko");

  auto line = c.Get("/api/storylines/" + std::to_string(storyline));
  ASSERT_TRUE(line);
  EXPECT_EQ(line->status, 200) << line->body;

  auto list = c.Get("/api/stories?q=KELLY%20besucht&from=2017-02&to=2017-02-23&lang=de");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  simdjson::dom::parser p4;
  auto l = Parse(p4, list->body);
  ASSERT_EQ(simdjson::dom::array(l["stories"]).size(), 1u);
  EXPECT_TRUE(l["next_cursor"].is_null());

  for (const char* miss : {"/api/stories?q=nirgends", "/api/stories?to=2016", "/api/stories?lang=fr",
                           "/api/stories?entity=nobody"}) {
    auto r = c.Get(miss);
    ASSERT_TRUE(r);
    simdjson::dom::parser p;
    EXPECT_EQ(simdjson::dom::array(Parse(p, r->body)["stories"]).size(), 0u) << miss;
  }

  // An entity the extraction found, by its key, and as a story filter.
  simdjson::dom::array entities = a["entities"];
  ASSERT_GT(entities.size(), 0u);
  std::string key(std::string_view(entities.at(0)["key"]));
  auto entity = c.Get("/api/entities/" + EncodePath(key));
  ASSERT_TRUE(entity);
  ASSERT_EQ(entity->status, 200) << entity->body;
  simdjson::dom::parser p5;
  EXPECT_EQ(int64_t(Parse(p5, entity->body)["stories"].at(0)["id"]), story);
  auto by_entity = c.Get("/api/stories?entity=" + EncodePath(key));
  ASSERT_TRUE(by_entity);
  simdjson::dom::parser p6;
  EXPECT_EQ(simdjson::dom::array(Parse(p6, by_entity->body)["stories"]).size(), 1u);

  // The same article again changes nothing.
  auto again = c.Post("/api/articles", kArticle, "application/json");
  ASSERT_TRUE(again);
  simdjson::dom::parser p7;
  EXPECT_EQ(int64_t(Parse(p7, again->body)["unchanged"]), 1);
}

TEST_F(ServeTest, PagesWithCursor) {
  Running server(options_);
  auto& c = server.client();
  // Unrelated events years apart: one story each.
  const char* topics[] = {
      "Der Stadtrat von Hamburg beschließt einen neuen Hafenplan für Containerschiffe.",
      "Bayern München gewinnt das Pokalfinale gegen Dortmund nach Elfmeterschießen.",
      "Forscher entdecken in der Antarktis eine unbekannte Pinguinkolonie auf dem Eis.",
      "Die Bundesbank senkt ihre Prognose für das Wirtschaftswachstum deutlich.",
      "Ein Orkan deckt in Norddeutschland zahlreiche Dächer ab und fällt Bäume."};
  std::string jsonl;
  for (int i = 0; i < 5; ++i) {
    jsonl += fmt::format(R"({{"id":"p{}","lang":"de","published":"{}-03-01","title":"Meldung {}","text":"{}"}})",
                         i, 2010 + 2 * i, i, topics[i]) + "\n";
  }
  auto post = c.Post("/api/articles", jsonl, "application/x-ndjson");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  simdjson::dom::parser parser;
  const int64_t total = Parse(parser, c.Get("/api/stories")->body)["total"];
  ASSERT_GE(total, 2);
  std::string cursor;
  int64_t seen = 0;
  for (int page = 0; page < 10; ++page) {
    auto r = c.Get("/api/stories?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    simdjson::dom::parser p;
    auto doc = Parse(p, r->body);
    seen += static_cast<int64_t>(simdjson::dom::array(doc["stories"]).size());
    if (doc["next_cursor"].is_null()) break;
    cursor = std::string(std::string_view(doc["next_cursor"]));
  }
  EXPECT_EQ(seen, total);
}

TEST_F(ServeTest, ErrorsAreJsonWithTheRightStatus) {
  Running server(options_);
  auto& c = server.client();
  struct Case {
    const char* path;
    int status;
  };
  for (const Case& k : {Case{"/api/stories/999999", 404}, Case{"/api/stories/abc", 400},
                        Case{"/api/stories?limit=0", 400}, Case{"/api/stories?limit=201", 400},
                        Case{"/api/stories?cursor=x", 400}, Case{"/api/stories?from=2017-02-30", 400},
                        Case{"/api/storylines/42", 404}, Case{"/api/storylines/-1", 400},
                        Case{"/api/articles/nope", 404}, Case{"/api/entities/nobody", 404},
                        Case{"/api/unknown", 404}, Case{"/nope.html", 404},
                        Case{"/../../etc/passwd", 404}, Case{"/%2e%2e/serve.db", 404}}) {
    auto r = c.Get(k.path);
    ASSERT_TRUE(r) << k.path;
    EXPECT_EQ(r->status, k.status) << k.path << ": " << r->body;
    EXPECT_NE(ErrorOf(r), "(no JSON error)") << k.path;
    // The database's location is not a client's business.
    EXPECT_EQ(r->body.find(options_.db_path), std::string::npos) << k.path << ": " << r->body;
  }
  auto empty = c.Post("/api/articles", "  \n", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto garbage = c.Post("/api/articles", "not json at all\n", "application/json");
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400) << garbage->body;
  EXPECT_NE(ErrorOf(garbage), "(no JSON error)");
}

// A line with a problem that does not lose its article: the article is
// stored, and the answer says what was wrong with it.
TEST_F(ServeTest, PostAnswersTheWarningsOfKeptArticles) {
  Running server(options_);
  auto r = server.client().Post(
      "/api/articles", "{\"id\":\"w1\",\"title\":\"Stra\xDF" "e gesperrt\",\"published\":\"gestern\"}\n",
      "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  simdjson::dom::parser parser;
  auto doc = Parse(parser, r->body);
  EXPECT_EQ(int64_t(doc["added"]), 1);
  EXPECT_EQ(simdjson::dom::array(doc["errors"]).size(), 0u);
  std::vector<std::string> warnings;
  for (simdjson::dom::element w : simdjson::dom::array(doc["warnings"])) warnings.emplace_back(std::string_view(w));
  ASSERT_EQ(warnings.size(), 2u) << r->body;
  EXPECT_NE(warnings[0].find("body:1: warning: not UTF-8"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("'published'"), std::string::npos) << warnings[1];
}

TEST_F(ServeTest, TooLargeBodyIs413) {
  options_.max_body_bytes = 1024;
  Running server(options_);
  auto r = server.client().Post("/api/articles", std::string(4096, ' '), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorOf(r), "request body too large");
}

// curl --data-binary @file.jsonl sends a form content type; a body over
// httplib's built-in 8 KB form limit must still be read as JSONL.
TEST_F(ServeTest, JsonlSentAsFormIsAccepted) {
  Running server(options_);
  std::string body;
  for (int i = 0; i < 60; ++i) {
    body += R"({"id": "form-)" + std::to_string(i) +
            R"(", "lang": "de", "text": "Ein Artikel, der als Formular geschickt wurde, mit genug Text, )"
            R"(damit die Zeile lang wird und das Limit von acht Kilobyte deutlich überschritten wird."})" "\n";
  }
  ASSERT_GT(body.size(), 8192u);
  auto r = server.client().Post("/api/articles", body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(ServeTest, TokenIsRequiredForWritesWhenConfigured) {
  options_.token = "s3cret";
  Running server(options_);
  auto& c = server.client();
  auto none = c.Post("/api/articles", kArticle, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_NE(ErrorOf(none), "(no JSON error)");
  auto wrong = c.Post("/api/articles", {{"Authorization", "Bearer s3creT"}}, kArticle, "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto right = c.Post("/api/articles", {{"Authorization", "Bearer s3cret"}}, kArticle, "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200) << right->body;
  // Reads need no token.
  auto read = c.Get("/api/articles/test-1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
}

TEST(ServeAddressTest, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.2"));
}

TEST_F(ServeTest, LockedStoreIs503) {
  options_.busy_timeout_ms = 50;
  Running server(options_);
  // Another writer holds the database's write lock.
  auto other = store::OpenSqlite(options_.db_path);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->BeginBatch().ok());
  auto r = server.client().Post("/api/articles", kArticle, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503) << r->body;
  EXPECT_NE(ErrorOf(r), "(no JSON error)");
  EXPECT_TRUE((*other)->RollbackBatch().ok());
  auto retry = server.client().Post("/api/articles", kArticle, "application/json");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 200) << retry->body;
}

TEST_F(ServeTest, ScriptTitlesAreDataAndTheUiInsertsOnlyText) {
  Running server(options_);
  auto& c = server.client();
  const std::string title = "<script>alert(1)</script>";
  const std::string body = R"({"id":"xss","lang":"de","title":")" + std::string("<script>alert(1)<\\/script>") +
                           R"(","text":"Ein harmloser Text über <b>fette</b> Dinge und <img src=x onerror=alert(2)>."})";
  auto post = c.Post("/api/articles", body, "application/json");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  auto article = c.Get("/api/articles/xss");
  ASSERT_TRUE(article);
  simdjson::dom::parser parser;
  EXPECT_EQ(std::string_view(Parse(parser, article->body)["title"]), title);
  EXPECT_EQ(article->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(article->get_header_value("X-Content-Type-Options"), "nosniff");

  auto index = c.Get("/");
  ASSERT_TRUE(index);
  ASSERT_EQ(index->status, 200);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(index->body.find("lang=\"de\""), std::string::npos);
  for (const char* path : {"/", "/app.js"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                             "<script>"}) {
      if (std::string_view(path) == "/" && std::string_view(sink) == "<script>") continue;
      EXPECT_EQ(r->body.find(sink), std::string::npos) << path << " uses " << sink;
    }
  }
  auto css = c.Get("/style.css");
  ASSERT_TRUE(css);
  EXPECT_NE(css->body.find("overflow-wrap: anywhere"), std::string::npos);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(ServeTest, OpenApiAndHealth) {
  Running server(options_);
  auto& c = server.client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto spec = c.Get("/api/openapi.json");
  ASSERT_TRUE(spec);
  ASSERT_EQ(spec->status, 200);
  simdjson::dom::parser parser;
  auto doc = Parse(parser, spec->body);
  EXPECT_EQ(std::string_view(doc["openapi"]).substr(0, 2), "3.");
  for (const char* p : {"/api/stories", "/api/stories/{id}", "/api/storylines/{id}", "/api/articles/{id}",
                        "/api/entities/{key}", "/api/articles", "/healthz"}) {
    EXPECT_EQ(doc["paths"][p].error(), simdjson::SUCCESS) << p;
  }
}

TEST_F(ServeTest, SeedStoriesAreBriefed) {
  const fs::path seeds = fs::path(STORYLINE_SHARED_DIR) / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  {
    auto store = store::OpenSqlite(options_.db_path);
    ASSERT_TRUE(store.ok());
    IngestOptions ingest;
    ingest.ner_model = "";
    auto report = Ingest(**store, {seeds.string()}, ingest);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }
  Running server(options_);
  auto& c = server.client();
  auto list = c.Get("/api/stories?limit=200");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  simdjson::dom::parser parser;
  simdjson::dom::array stories = Parse(parser, list->body)["stories"];
  ASSERT_GT(stories.size(), 0u);
  for (simdjson::dom::element s : stories) {
    const int64_t id = s["id"];
    auto briefing = c.Get("/api/stories/" + std::to_string(id));
    ASSERT_TRUE(briefing);
    EXPECT_EQ(briefing->status, 200) << id;
  }
  auto kelly = c.Get("/api/stories?q=kelly");
  ASSERT_TRUE(kelly);
  EXPECT_EQ(kelly->status, 200);
}

}  // namespace
}  // namespace storyline::serve
