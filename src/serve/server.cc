// The HTTP adapter: maps requests onto the engine and store, and Statuses
// onto HTTP status codes (the only place that does). httplib may throw from
// handlers (std::regex, bad_alloc); the exception handler turns that into 500.
#include <httplib.h>
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "serve/assets.h"
#include "storyline/compare.h"
#include "storyline/engine.h"
#include "storyline/json_writer.h"
#include "storyline/serve.h"
#include "storyline/store.h"
#include "storyline/text.h"

namespace storyline::serve {
namespace {

constexpr int64_t kDefaultLimit = 20;
constexpr int64_t kMaxLimit = 200;

void SendJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  JsonWriter w;
  w.BeginObject().Key("error").String(message).EndObject();
  SendJson(res, status, w.Take());
}

int HttpStatus(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kBusy: return 503;
    case StatusCode::kUnsupported: return 400;
    default: return 500;
  }
}

// `status`'s message with a leading "<hidden>: " removed: the database path
// is useful on the command line but none of an HTTP client's business.
void SendStatusHiding(httplib::Response& res, const Status& status, std::string_view hidden) {
  std::string_view message = status.message();
  if (!hidden.empty() && message.size() > hidden.size() + 2 && message.substr(0, hidden.size()) == hidden &&
      message.substr(hidden.size(), 2) == ": ") {
    message.remove_prefix(hidden.size() + 2);
  }
  SendError(res, HttpStatus(status.code()), message);
}

// A non-negative decimal integer, the whole string; nullopt otherwise.
std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 0) return std::nullopt;
  return value;
}

void WriteStory(JsonWriter& w, const store::StoryInfo& s) {
  w.BeginObject()
      .Key("id").Int(s.id)
      .Key("storyline").Int(s.storyline)
      .Key("title").String(s.title)
      .Key("articles").Int(s.article_count);
  w.Key("outlets").BeginArray();
  for (const std::string& o : s.outlets) w.String(o);
  w.EndArray();
  w.Key("first").String(s.first.ToIso()).Key("last").String(s.last.ToIso()).EndObject();
}

void WriteExtraction(JsonWriter& w, const extract::Extraction& x) {
  w.Key("entities").BeginArray();
  for (const extract::Entity& e : x.entities) {
    w.BeginObject()
        .Key("type").String(extract::EntityTypeName(e.type))
        .Key("name").String(e.name)
        .Key("key").String(e.canonical)
        .Key("role").String(e.role)
        .Key("mentions").BeginArray();
    for (int m : e.mentions) w.Int(m);
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("mentions").BeginArray();
  for (const extract::Mention& m : x.mentions) {
    w.BeginObject()
        .Key("begin").Int(m.begin).Key("end").Int(m.end)
        .Key("type").String(extract::EntityTypeName(m.type))
        .Key("text").String(m.text)
        .Key("entity").Int(m.entity)
        .EndObject();
  }
  w.EndArray();
  w.Key("quotes").BeginArray();
  for (const extract::Quote& q : x.quotes) {
    w.BeginObject()
        .Key("begin").Int(q.begin).Key("end").Int(q.end)
        .Key("kind").String(extract::QuoteKindName(q.kind))
        .Key("text").String(q.text)
        .Key("cue").String(q.cue)
        .Key("cue_begin").Int(q.cue_begin).Key("cue_end").Int(q.cue_end)
        .Key("speaker").String(q.speaker)
        .Key("speaker_begin").Int(q.speaker_begin).Key("speaker_end").Int(q.speaker_end)
        .Key("speaker_entity").Int(q.speaker_entity)
        .EndObject();
  }
  w.EndArray();
  w.Key("figures").BeginArray();
  for (const extract::Figure& f : x.figures) {
    w.BeginObject()
        .Key("begin").Int(f.begin).Key("end").Int(f.end)
        .Key("text").String(f.text)
        .Key("value").Double(f.value)
        .Key("unit").String(f.unit)
        .Key("counted").String(f.counted)
        .Key("qualifier").String(f.qualifier)
        .EndObject();
  }
  w.EndArray();
  w.Key("dates").BeginArray();
  for (const extract::DateMention& d : x.dates) {
    w.BeginObject()
        .Key("begin").Int(d.begin).Key("end").Int(d.end)
        .Key("text").String(d.text)
        .Key("value").String(d.value)
        .Key("relative").Bool(d.relative)
        .EndObject();
  }
  w.EndArray();
}

// The last day (days since the epoch) a date can mean: "2017-02" → 2017-02-28.
int64_t LastDay(const PublishedDate& d) {
  PublishedDate next = d;
  switch (d.precision) {
    case DatePrecision::kYear: next.year += 1; break;
    case DatePrecision::kMonth:
      if (++next.month > 12) {
        next.month = 1;
        next.year += 1;
      }
      break;
    default: return d.DaysSinceEpoch();
  }
  return next.DaysSinceEpoch() - 1;
}

// The body as JSONL: one JSON object (also pretty-printed) or an array of
// them becomes one line each; anything else is taken as JSONL as it is and
// left to the reader's diagnostics.
std::string ToJsonl(const std::string& body) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(body).get(doc) != simdjson::SUCCESS) return body;
  std::string out;
  simdjson::dom::array array;
  if (doc.get_array().get(array) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : array) {
      out += simdjson::minify(e);
      out += '\n';
    }
    return out;
  }
  out = simdjson::minify(doc);
  out += '\n';
  return out;
}

bool SameToken(std::string_view a, std::string_view b) {
  // Constant time in the length of `a` so that timing tells little.
  unsigned diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

class HttpServer : public Server {
 public:
  explicit HttpServer(ServerOptions options) : options_(std::move(options)) {}

  Status Bind() {
    Routes();
    svr_.set_payload_max_length(options_.max_body_bytes);
    svr_.set_read_timeout(options_.read_timeout_s, 0);
    svr_.set_write_timeout(options_.write_timeout_s, 0);
    svr_.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
         "base-uri 'none'; frame-ancestors 'none'"},
    });
    svr_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string message = res.status == 413   ? "request body too large"
                            : res.status == 404 ? "not found"
                                                : "HTTP status " + std::to_string(res.status);
      SendError(res, res.status, message);
    });
    svr_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what += std::string(": ") + e.what();
      } catch (...) {
      }
      SendError(res, 500, what);
    });
    if (options_.port == 0) {
      port_ = svr_.bind_to_any_port(options_.bind);
      if (port_ < 0) return Status::IoError("cannot bind to " + options_.bind);
    } else {
      if (!svr_.bind_to_port(options_.bind, options_.port)) {
        return Status::IoError("cannot bind to " + options_.bind + ":" + std::to_string(options_.port));
      }
      port_ = options_.port;
    }
    return Status::Ok();
  }

  int port() const override { return port_; }

  Status Run() override {
    {
      std::lock_guard<std::mutex> lock(stop_mutex_);
      if (stopped_) return Status::Ok();
    }
    // The first POST would otherwise pay for rebuilding the clusterer (a
    // replay of the stored window: seconds on a large store). POSTs wait for
    // the write lock meanwhile; reads do not.
    std::thread primer([this] {
      std::lock_guard<std::mutex> lock(write_mutex_);
      auto store = Open(false);
      IngestOptions options;
      options.ner_model = options_.ner_model;
      options.cancelled = [this] { return stopped_.load(); };
      // A failure here only means the first POST builds the state itself.
      if (store.ok()) (void)PrimeSession(**store, session_, options);
    });
    // listen_after_bind() returns false also after stop(); only report a
    // failure nobody asked for.
    const bool ok = svr_.listen_after_bind();
    primer.join();
    std::lock_guard<std::mutex> lock(stop_mutex_);
    if (!ok && !stopped_) return Status::IoError("the server stopped listening");
    return Status::Ok();
  }

  void Stop() override {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    // Also read by priming, which gives up at its next page instead of
    // holding Run() (and the shutdown) for the rest of a long replay.
    stopped_ = true;
    svr_.stop();
  }

 private:
  Result<std::unique_ptr<store::Store>> Open(bool read_only) const {
    store::SqliteOptions o;
    o.read_only = read_only;
    o.busy_timeout_ms = options_.busy_timeout_ms;
    return store::OpenSqlite(options_.db_path, o);
  }

  void Routes() {
    svr_.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      auto store = Open(true);
      if (!store.ok()) return SendStatus(res, store.status());
      SendJson(res, 200, R"({"status":"ok"})");
    });
    svr_.Get("/api/stories", [this](const httplib::Request& req, httplib::Response& res) { Stories(req, res); });
    svr_.Get(R"(/api/stories/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      Story(req.matches[1], res);
    });
    svr_.Get(R"(/api/storylines/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      Storyline(req.matches[1], res);
    });
    svr_.Get(R"(/api/articles/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      ArticleById(req.matches[1], res);
    });
    svr_.Get(R"(/api/entities/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      EntityByKey(req.matches[1], res);
    });
    // The body is read here rather than by httplib: httplib refuses bodies
    // sent with a form content type (curl --data-binary without -H) over a
    // limit of 8 KB compiled into Debian's library; ours is max_body_bytes.
    svr_.Post("/api/articles", [this](const httplib::Request& req, httplib::Response& res,
                                      const httplib::ContentReader& reader) {
      std::string body;
      bool too_large = false;
      const bool read = reader([&](const char* data, size_t size) {
        if (body.size() + size > options_.max_body_bytes) {
          too_large = true;
          return false;
        }
        body.append(data, size);
        return true;
      });
      // httplib itself refuses a declared length over the payload limit.
      if (too_large || res.status == 413) return SendError(res, 413, "request body too large");
      if (!read) return SendError(res, 400, "the request body could not be read");
      Post(req, body, res);
    });
    svr_.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      const Asset* spec = FindAsset("/openapi.json");
      res.set_content(std::string(spec->content), std::string(spec->mime));
    });
    svr_.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 404, "unknown endpoint");
    });
    svr_.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
      const Asset* asset = FindAsset(req.path == "/" ? "/index.html" : req.path);
      if (asset == nullptr) return SendError(res, 404, "not found");
      res.set_content(std::string(asset->content), std::string(asset->mime));
    });
  }

  void Stories(const httplib::Request& req, httplib::Response& res) {
    int64_t limit = kDefaultLimit;
    int64_t offset = 0;
    if (req.has_param("limit")) {
      auto v = ParseInt(req.get_param_value("limit"));
      if (!v || *v < 1 || *v > kMaxLimit) return SendError(res, 400, "limit must be an integer from 1 to 200");
      limit = *v;
    }
    if (req.has_param("cursor") && !req.get_param_value("cursor").empty()) {
      auto v = ParseInt(req.get_param_value("cursor"));
      if (!v) return SendError(res, 400, "cursor is not one this server gave out");
      offset = *v;
    }
    std::optional<int64_t> from_day, to_day;
    for (const char* name : {"from", "to"}) {
      if (!req.has_param(name) || req.get_param_value(name).empty()) continue;
      auto date = ParsePublishedDate(req.get_param_value(name));
      if (!date.ok()) return SendError(res, 400, std::string(name) + ": " + date.status().message());
      if (std::string_view(name) == "from") {
        from_day = date->DaysSinceEpoch();
      } else {
        to_day = LastDay(*date);
      }
    }
    const std::string query = text::Fold(req.get_param_value("q"));
    const std::string lang = req.get_param_value("lang");
    const std::string entity = req.get_param_value("entity");

    auto store = Open(true);
    if (!store.ok()) return SendStatus(res, store.status());
    auto stories = (*store)->ListStories({});
    if (!stories.ok()) return SendStatus(res, stories.status());

    std::optional<std::set<store::StoryId>> entity_stories;
    if (!entity.empty()) {
      auto entities = (*store)->ListEntities({});
      if (!entities.ok()) return SendStatus(res, entities.status());
      entity_stories.emplace();
      for (const store::EntityInfo& e : *entities) {
        if (e.key == entity || std::find(e.aliases.begin(), e.aliases.end(), entity) != e.aliases.end()) {
          entity_stories->insert(e.stories.begin(), e.stories.end());
        }
      }
    }
    std::map<std::string, std::string> language_of;
    if (!lang.empty()) {
      auto articles = (*store)->ListArticles({});
      if (!articles.ok()) return SendStatus(res, articles.status());
      for (const Article& a : *articles) language_of[a.id] = a.language;
    }

    std::vector<const store::StoryInfo*> matched;
    for (const store::StoryInfo& s : *stories) {
      if (!query.empty() && text::Fold(s.title).find(query) == std::string::npos) continue;
      if (from_day && (!s.last.known() || LastDay(s.last) < *from_day)) continue;
      if (to_day && (!s.first.known() || s.first.DaysSinceEpoch() > *to_day)) continue;
      if (entity_stories && entity_stories->count(s.id) == 0) continue;
      if (!lang.empty()) {
        auto ids = (*store)->ListStoryArticles(s.id);
        if (!ids.ok()) return SendStatus(res, ids.status());
        if (std::none_of(ids->begin(), ids->end(), [&](const std::string& id) { return language_of[id] == lang; })) {
          continue;
        }
      }
      matched.push_back(&s);
    }
    JsonWriter w;
    w.BeginObject().Key("stories").BeginArray();
    const int64_t total = static_cast<int64_t>(matched.size());
    for (int64_t i = offset; i < std::min(total, offset + limit); ++i) WriteStory(w, *matched[i]);
    w.EndArray().Key("total").Int(total).Key("next_cursor");
    if (offset + limit < total) {
      w.String(std::to_string(offset + limit));
    } else {
      w.Null();
    }
    w.EndObject();
    SendJson(res, 200, w.Take());
  }

  void Story(const std::string& id_text, httplib::Response& res) {
    auto id = ParseInt(id_text);
    if (!id || *id < 1) return SendError(res, 400, "a story id is a positive integer");
    auto store = Open(true);
    if (!store.ok()) return SendStatus(res, store.status());
    auto briefing = BriefStoredStory(**store, *id);
    if (!briefing.ok()) return SendStatus(res, briefing.status());
    SendJson(res, 200, compare::RenderJson(*briefing));
  }

  void Storyline(const std::string& id_text, httplib::Response& res) {
    auto id = ParseInt(id_text);
    if (!id || *id < 1) return SendError(res, 400, "a storyline id is a positive integer");
    auto store = Open(true);
    if (!store.ok()) return SendStatus(res, store.status());
    auto stories = (*store)->ListStorylineStories(*id);
    if (!stories.ok()) return SendStatus(res, stories.status());
    if (stories->empty()) return SendError(res, 404, "no storyline " + id_text);
    JsonWriter w;
    w.BeginObject().Key("id").Int(stories->front().storyline).Key("stories").BeginArray();
    for (const store::StoryInfo& s : *stories) WriteStory(w, s);
    w.EndArray().EndObject();
    SendJson(res, 200, w.Take());
  }

  void ArticleById(const std::string& id, httplib::Response& res) {
    auto store = Open(true);
    if (!store.ok()) return SendStatus(res, store.status());
    auto article = (*store)->GetArticle(id);
    if (!article.ok()) return SendStatus(res, article.status());
    auto placement = (*store)->GetPlacement(id);
    if (!placement.ok() && placement.status().code() != StatusCode::kNotFound) {
      return SendStatus(res, placement.status());
    }
    auto extraction = (*store)->GetExtraction(id);
    if (!extraction.ok() && extraction.status().code() != StatusCode::kNotFound) {
      return SendStatus(res, extraction.status());
    }
    JsonWriter w;
    w.BeginObject();
    WriteArticleFields(w, *article);
    w.Key("text").String(article->text);
    w.Key("story");
    if (placement.ok()) {
      w.Int(placement->story).Key("storyline").Int(placement->storyline);
      w.Key("duplicate_of").String(placement->duplicate_of);
    } else {
      w.Null();
    }
    w.Key("extracted").Bool(extraction.ok());
    WriteExtraction(w, extraction.ok() ? *extraction : extract::Extraction{});
    w.EndObject();
    SendJson(res, 200, w.Take());
  }

  void EntityByKey(const std::string& key, httplib::Response& res) {
    auto store = Open(true);
    if (!store.ok()) return SendStatus(res, store.status());
    auto entities = (*store)->ListEntities({});
    if (!entities.ok()) return SendStatus(res, entities.status());
    const store::EntityInfo* found = nullptr;
    for (const store::EntityInfo& e : *entities) {
      if (e.key == key) found = &e;
    }
    for (const store::EntityInfo& e : *entities) {
      if (found == nullptr && std::find(e.aliases.begin(), e.aliases.end(), key) != e.aliases.end()) found = &e;
    }
    if (found == nullptr) return SendError(res, 404, "no entity with the key '" + key + "'");
    JsonWriter w;
    w.BeginObject()
        .Key("key").String(found->key)
        .Key("name").String(found->name)
        .Key("type").String(extract::EntityTypeName(found->type))
        .Key("mentions").Int(found->mentions)
        .Key("articles").Int(found->articles);
    w.Key("aliases").BeginArray();
    for (const std::string& a : found->aliases) w.String(a);
    w.EndArray().Key("stories").BeginArray();
    for (store::StoryId id : found->stories) {
      auto story = (*store)->GetStory(id);
      if (story.ok()) WriteStory(w, *story);
    }
    w.EndArray().EndObject();
    SendJson(res, 200, w.Take());
  }

  bool Authorized(const httplib::Request& req, httplib::Response& res) const {
    const bool needed = !options_.token.empty() || !IsLoopback(options_.bind);
    if (!needed) return true;
    if (options_.token.empty()) {
      SendError(res, 401, "writes need a token (--token) when the server is bound to a non-loopback address");
      return false;
    }
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0 ||
        !SameToken(std::string_view(header).substr(kBearer.size()), options_.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401, "missing or wrong token (Authorization: Bearer <token>)");
      return false;
    }
    return true;
  }

  void Post(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    if (!Authorized(req, res)) return;
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
      return SendError(res, 400, "the body is empty: send one JSON article or JSONL");
    }
    std::istringstream in(ToJsonl(body));
    std::vector<std::string> ids;
    IngestOptions options;
    options.ner_model = options_.ner_model;
    options.on_read = [&ids](const Article& a) { ids.push_back(a.id); };
    options.read.max_article_bytes = options_.max_body_bytes;
    options.session = &session_;  // guarded by write_mutex_

    std::lock_guard<std::mutex> lock(write_mutex_);
    auto store = Open(false);
    if (!store.ok()) return SendStatus(res, store.status());
    auto report = IngestJsonl(**store, in, "body", options);
    if (!report.ok()) return SendStatus(res, report.status());
    const IngestCounts& c = report->counts;
    JsonWriter w;
    w.BeginObject();
    if (c.read == 0) {
      w.Key("error").String(report->errors.empty() ? "no article in the body"
                                                   : "no article could be read: " + report->errors[0].ToString());
    }
    w.Key("read").Int(c.read).Key("added").Int(c.added).Key("unchanged").Int(c.unchanged)
        .Key("revised").Int(c.revised).Key("failed").Int(c.failed);
    w.Key("articles").BeginArray();
    for (const std::string& id : ids) {
      w.BeginObject().Key("id").String(id).Key("story");
      auto placement = (*store)->GetPlacement(id);
      if (placement.ok()) {
        w.Int(placement->story).Key("storyline").Int(placement->storyline);
      } else {
        w.Null();
      }
      w.EndObject();
    }
    w.EndArray().Key("errors").BeginArray();
    for (const ingest::Diagnostic& d : report->errors) w.String(d.ToString());
    w.EndArray().Key("warnings").BeginArray();
    for (const ingest::Diagnostic& d : report->warnings) w.String(d.ToString());
    w.EndArray().EndObject();
    SendJson(res, c.read == 0 ? 400 : 200, w.Take());
  }

  void SendStatus(httplib::Response& res, const Status& status) const {
    SendStatusHiding(res, status, options_.db_path);
  }

  ServerOptions options_;
  httplib::Server svr_;
  int port_ = 0;
  std::mutex write_mutex_;
  // Keeps the NER model and the clusterer between POSTs, so that one costs
  // what its own articles cost rather than a replay of the window.
  IngestSession session_;
  std::mutex stop_mutex_;
  std::atomic<bool> stopped_{false};  // Stop was called (set under stop_mutex_)
};

}  // namespace

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  {
    // Creates and migrates the database, so that requests may open it read-only.
    auto store = store::OpenSqlite(options.db_path);
    if (!store.ok()) return store.status();
  }
  auto server = std::make_unique<HttpServer>(options);
  STORYLINE_RETURN_IF_ERROR(server->Bind());
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace storyline::serve
