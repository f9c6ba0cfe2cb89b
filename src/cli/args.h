// Command-line options for likecast subcommands: "--name value" and "--flag".
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace likecast::cli {

// Exit codes, one per kind of failure. `likecast --help` and the README list them.
enum ExitCode {
  kExitOk = 0,
  kExitUsage = 1,        // unknown command, option or argument; a missing or invalid value
  kExitRejected = 2,     // an input file was rejected
  kExitModel = 3,        // the model file could not be loaded or used
  kExitTraining = 4,     // training failed
  kExitWrite = 5,        // an output file could not be written
};

class Args {
 public:
  // Parses argv[first..]: options listed in `value_options` take a value, `flag_options` do not, and
  // up to `max_positional` other words (file names, messages) are kept in positional().
  Args(int argc, char** argv, int first, const std::set<std::string>& value_options,
       const std::set<std::string>& flag_options, size_t max_positional = 0);

  // The first problem: an unknown option, an option without its value, a word past max_positional.
  const std::string& error() const { return error_; }
  std::optional<std::string> Value(const std::string& name) const;
  bool Flag(const std::string& name) const { return flags_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }

  // Reads a number option: a plain number, 0 or more. Sets error() on a bad value.
  std::optional<double> Count(const std::string& name, double max);

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
  std::string error_;
};

int PrintError(const std::string& message, int code);   // prints "error: ..." to stderr, returns code

// Prints "error: MESSAGE", the usage lines of `command` and where to find its options, then returns
// kExitUsage. `usage` is the text after "usage: " in the command's --help.
int PrintUsageError(const std::string& message, const char* command, const char* usage);

// True when both paths name one existing file (compared by device and inode, so links count).
bool IsSameFile(const std::string& a, const std::string& b);

// Returns "" when `path` can be written the way likecast writes files (a temporary file beside it, then a
// rename), else the problem and what to do. Creates and removes the temporary file to find out, so a long
// command can check its output before it starts.
std::string CheckWritable(const std::string& path);

}  // namespace likecast::cli
