// The `storyline` command: parses arguments, calls the engine, maps Status to
// messages on stderr and exit codes (0 ok, 1 failure, 2 usage).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "storyline: turns a stream of news articles from many outlets into stories.\n"
      "Articles are read from .txt files, JSONL files, directories of them or standard\n"
      "input ('-'), normalized and stored in a SQLite database (default storyline.db,\n"
      "or $STORYLINE_DB, or --db)."};
  app.require_subcommand(1);
  app.footer("Run 'storyline COMMAND --help' for the options of a command.\n"
             "Exit codes: 0 ok, 1 failure (some input or the database failed), 2 usage.");
  app.set_version_flag("--version", "storyline 0.1.0");
  storyline::cli::RegisterCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : storyline::cli::kExitUsage;
  }
  return storyline::cli::RunSelected(app);
}
