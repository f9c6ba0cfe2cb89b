// Validated reads of fields from a JSON document (nlohmann::json), for the
// model file loader and its insights section. Each read names
// the field in its message ("features[2].std is not a number") and the reader
// keeps the first problem, so a loader is a flat list of reads then one check.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace likecast {

class JsonReader {
 public:
  using json = nlohmann::json;

  // `error` receives the first problem and must outlive the reader. Fields of an object whose `where` is
  // `root` are named alone ("ensemble", not "the model.ensemble"). `range_hint` ends the messages about a
  // value out of range or an array too long ("train the model again ..."); "" ends them with the range.
  explicit JsonReader(std::string* error, std::string root = "", std::string range_hint = "");

  const json* Field(const json& object, const char* key, const std::string& where);   // nullptr when missing
  double Number(const json& object, const char* key, const std::string& where);       // any finite number
  double Number(const json& object, const char* key, const std::string& where, double min, double max);
  int Integer(const json& object, const char* key, const std::string& where, int min, int max);
  // A whole number 0 or more; the message names what it counts: "is not a whole number of videos".
  size_t Count(const json& object, const char* key, const std::string& where, const char* unit);
  std::string String(const json& object, const char* key, const std::string& where);
  const json* Array(const json& object, const char* key, const std::string& where, size_t max_size = 1u << 24);
  // Reads an array of at most `max_size` finite numbers, each from -limit to limit.
  std::vector<double> Numbers(const json& object, const char* key, const std::string& where,
                              double limit = kNoLimit, size_t max_size = 1u << 24);

  std::nullptr_t Fail(const std::string& message);   // keeps `message` unless a problem came first
  bool ok() const { return error_->empty(); }

  // The name of a field in messages: "where.key", or "key" alone when `where` is the root.
  std::string Path(const std::string& where, const char* key) const;

  static constexpr double kNoLimit = 1.7976931348623157e308;   // the largest double

 private:
  std::string OutOfRange(const std::string& name, double value, const std::string& expected) const;

  std::string* error_;
  std::string root_;
  std::string range_hint_;
};

}  // namespace likecast
