// `storyline serve`: the HTTP API and web UI over a store (src/serve/).
#include <csignal>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "storyline/serve.h"

namespace storyline::cli {
namespace {

struct ServeOptions {
  std::string db;
  serve::ServerOptions server;
};

ServeOptions& Opts() {
  static ServeOptions options;
  return options;
}

int RunServe() {
  serve::ServerOptions options = Opts().server;
  options.db_path = Opts().db.empty() ? store::DefaultDatabasePath() : Opts().db;
  auto server = serve::Server::Create(options);
  if (!server.ok()) return Fail(server.status());
  // Stop cleanly on Ctrl-C / SIGTERM: wait for the signal on a helper thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  serve::Server* raw = server->get();
  std::thread waiter([raw, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    raw->Stop();
  });
  waiter.detach();
  fmt::print(stderr, "storyline: serving {} on http://{}:{}/{}\n", options.db_path, options.bind,
             (*server)->port(),
             !serve::IsLoopback(options.bind) && options.token.empty() ? " (read-only: no --token)" : "");
  Status status = (*server)->Run();
  if (!status.ok()) return Fail(status);
  return kExitOk;
}

}  // namespace

void RegisterServeCommands(CLI::App& app) {
  ServeOptions& o = Opts();
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Serve the JSON API (/api/...) and the web UI (/) over the store. Binds to\n"
      "loopback by default; on another address, POST /api/articles needs --token.");
  AddDbOption(serve, &o.db);
  serve->add_option("--bind", o.server.bind, "Address to listen on")->capture_default_str();
  serve->add_option("--port", o.server.port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--token", o.server.token,
                    "Bearer token that POST requests must send (default: $STORYLINE_TOKEN)")
      ->envname("STORYLINE_TOKEN");
  SetRunner(serve, RunServe);
}

}  // namespace storyline::cli
