// The subcommands of `storyline`.
#ifndef STORYLINE_CLI_COMMANDS_H_
#define STORYLINE_CLI_COMMANDS_H_

#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Adds every subcommand and its options to `app`.
void RegisterCommands(CLI::App& app);

// What runs when `command` was chosen; returns the exit code.
void SetRunner(const CLI::App* command, std::function<int()> runner);

// A command that only groups subcommands (`eval`, `train`), created on first
// use so that several command files can add to it.
CLI::App* CommandGroup(CLI::App& app, const std::string& name, const std::string& description);
// The `eval` group every evaluation is a subcommand of.
CLI::App* EvalCommand(CLI::App& app);

// Adds `--db` (with $STORYLINE_DB) to `command`, bound to `*path`.
void AddDbOption(CLI::App* command, std::string* path);
// Opens the store at `path` (or the default path when empty).
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, bool read_only);
// Prints "storyline: <status>" to stderr; returns kExitFailure.
int Fail(const Status& status);

// Command groups, each in its own file.
void RegisterArticleCommands(CLI::App& app);
void RegisterClusterCommands(CLI::App& app);
void RegisterStoryCommands(CLI::App& app);
void RegisterExtractCommands(CLI::App& app);
void RegisterNerCommands(CLI::App& app);
void RegisterHtmlCommands(CLI::App& app);
void RegisterBriefCommands(CLI::App& app);
void RegisterServeCommands(CLI::App& app);
// Runs the subcommand that was parsed; returns the exit code.
int RunSelected(CLI::App& app);

}  // namespace storyline::cli

#endif  // STORYLINE_CLI_COMMANDS_H_
