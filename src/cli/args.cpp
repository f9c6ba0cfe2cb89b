// Command-line option parsing (see args.h).
#include "cli/args.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

#include "core/data/dataset.h"

namespace likecast::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& value_options,
           const std::set<std::string>& flag_options, size_t max_positional) {
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      if (positional_.size() < max_positional) {
        positional_.push_back(arg);
      } else if (error_.empty()) {
        error_ = "unexpected argument \"" + arg + "\"";
      }
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flag_options.count(name)) {
      flags_.insert(name);
    } else if (value_options.count(name)) {
      if (inline_value) {
        values_[name] = *inline_value;
      } else if (i + 1 < argc) {
        values_[name] = argv[++i];
      } else if (error_.empty()) {
        error_ = "option --" + name + " needs a value";
      }
    } else if (error_.empty()) {
      error_ = "unknown option --" + name;
    }
  }
}

std::optional<std::string> Args::Value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<double> Args::Count(const std::string& name, double max) {
  const auto text = Value(name);
  if (!text) return std::nullopt;
  std::string problem;
  const std::optional<double> value = ParseNumberCell(*text, &problem);
  if (!value || *value < 0 || *value > max) {
    if (error_.empty()) {
      error_ = "--" + name + " \"" + *text + "\" is invalid: give a number from 0 to " + std::to_string(static_cast<long long>(max));
    }
    return std::nullopt;
  }
  return value;
}

int PrintError(const std::string& message, int code) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return code;
}

int PrintUsageError(const std::string& message, const char* command, const char* usage) {
  std::fprintf(stderr, "error: %s\nusage: %s\nRun 'likecast %s --help' for the options.\n", message.c_str(), usage,
               command);
  return kExitUsage;
}

bool IsSameFile(const std::string& a, const std::string& b) {
  struct stat first {}, second {};
  if (stat(a.c_str(), &first) != 0 || stat(b.c_str(), &second) != 0) return false;
  return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

std::string CheckWritable(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
    return path + " is a folder; give a file name, for example " + path + "/out.json";
  const std::string temporary = path + ".tmp";
  if (stat(temporary.c_str(), &info) == 0) return "";   // a file of that name is left alone: the write replaces it anyway
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) return "cannot write " + temporary + ": " + std::strerror(errno) + "; check that the folder exists and is writable";
  std::fclose(file);
  std::remove(temporary.c_str());
  return "";
}

}  // namespace likecast::cli
