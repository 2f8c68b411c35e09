// The HTTP server: a JSON API over a store and the embedded web UI, both
// served by one process (`storyline serve`).
//
// Endpoints (described for clients in GET /api/openapi.json and in
// src/serve/README.md): GET /healthz, GET /api/stories, GET /api/stories/{id},
// GET /api/storylines/{id}, GET /api/articles/{id}, GET /api/entities/{key},
// POST /api/articles, and the UI under / (a fixed set of embedded files).
//
// Errors are JSON {"error": message} with 400 (bad input), 401 (a write
// without the required token), 404 (unknown id or path), 413 (body too
// large), 503 (the store is busy) or 500 (anything else the store reports).
//
// Threads: the server answers requests on a pool of threads. Each request
// opens its own Store on `db_path` (SQLite in WAL mode lets readers run beside
// the one writer); writes (POST) are serialized by a mutex and share one
// IngestSession, primed by Run() in the background before the first POST
// (POSTs wait for it; reads do not). Start() and Stop()
// may be called from different threads; everything else from one.
#ifndef STORYLINE_SERVE_H_
#define STORYLINE_SERVE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "storyline/status.h"

namespace storyline::serve {

struct ServerOptions {
  std::string db_path;        // the SQLite database; created when absent
  std::string bind = "127.0.0.1";
  int port = 8080;            // 0: any free port (see Server::port)
  // When non-empty, POST requests need "Authorization: Bearer <token>". When
  // bound to an address other than loopback, POST needs it in any case (and
  // is refused with 401 when no token is configured).
  std::string token;
  size_t max_body_bytes = 16u << 20;  // larger bodies get 413
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  int busy_timeout_ms = 2000;  // how long a request waits for a locked store before 503
  // The NER model ingestion uses (IngestOptions::ner_model); unset: the default.
  std::optional<std::string> ner_model;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& address);

class Server {
 public:
  // Opens (creating and migrating) the store once to check it, and binds the
  // socket. Errors: the store's (it names the file), or IoError when the
  // address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server() = default;

  // The bound port (the chosen one when ServerOptions::port was 0).
  virtual int port() const = 0;
  // Answers requests until Stop(); IoError when listening fails.
  virtual Status Run() = 0;
  // Makes Run() return; safe from any thread, also before Run() started.
  virtual void Stop() = 0;
};

}  // namespace storyline::serve

#endif  // STORYLINE_SERVE_H_
