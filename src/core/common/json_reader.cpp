// Validated reads of JSON fields (see json_reader.h).
#include "core/common/json_reader.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace likecast {
namespace {

// Formats a number for a message: "1e+20", "-1", "0.25".
std::string NumberText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

JsonReader::JsonReader(std::string* error, std::string root, std::string range_hint)
    : error_(error), root_(std::move(root)), range_hint_(std::move(range_hint)) {}

std::string JsonReader::Path(const std::string& where, const char* key) const {
  return !root_.empty() && where == root_ ? key : where + "." + key;
}

std::string JsonReader::OutOfRange(const std::string& name, double value, const std::string& expected) const {
  return name + " is " + NumberText(value) + ", expected " + expected + (range_hint_.empty() ? "" : "; " + range_hint_);
}

const JsonReader::json* JsonReader::Field(const json& object, const char* key, const std::string& where) {
  if (!ok()) return nullptr;
  if (!object.is_object()) return Fail(where + " is not a JSON object");
  auto it = object.find(key);
  if (it == object.end()) return Fail(where + " has no \"" + key + "\" field");
  return &*it;
}

double JsonReader::Number(const json& object, const char* key, const std::string& where) {
  const json* value = Field(object, key, where);
  if (!value) return 0;
  if (!value->is_number()) return Fail(Path(where, key) + " is not a number"), 0;
  const double number = value->get<double>();
  if (!std::isfinite(number)) return Fail(Path(where, key) + " is not a finite number"), 0;
  return number;
}

double JsonReader::Number(const json& object, const char* key, const std::string& where, double min, double max) {
  const double number = Number(object, key, where);
  if (ok() && !(number >= min && number <= max))
    Fail(OutOfRange(Path(where, key), number, "a value from " + NumberText(min) + " to " + NumberText(max)));
  return ok() ? number : 0;
}

int JsonReader::Integer(const json& object, const char* key, const std::string& where, int min, int max) {
  const double number = Number(object, key, where);
  if (!ok()) return 0;
  // The range is checked before the cast: a double outside int's range makes the cast undefined.
  if (number != std::floor(number) || number < min || number > max) {
    return Fail(OutOfRange(Path(where, key), number,
                           "a whole number from " + std::to_string(min) + " to " + std::to_string(max))), 0;
  }
  return static_cast<int>(number);
}

size_t JsonReader::Count(const json& object, const char* key, const std::string& where, const char* unit) {
  const json* value = Field(object, key, where);
  if (!value) return 0;
  if (!value->is_number_unsigned()) return Fail(Path(where, key) + " is not a whole number of " + unit), 0;
  return value->get<size_t>();
}

std::string JsonReader::String(const json& object, const char* key, const std::string& where) {
  const json* value = Field(object, key, where);
  if (!value) return "";
  if (!value->is_string()) return Fail(Path(where, key) + " is not a string"), "";
  return value->get<std::string>();
}

const JsonReader::json* JsonReader::Array(const json& object, const char* key, const std::string& where,
                                          size_t max_size) {
  const json* value = Field(object, key, where);
  if (value && !value->is_array()) return Fail(Path(where, key) + " is not an array");
  if (value && value->size() > max_size) {
    return Fail(Path(where, key) + " lists " + std::to_string(value->size()) + " entries, expected at most " +
                std::to_string(max_size) + (range_hint_.empty() ? "" : "; " + range_hint_));
  }
  return value;
}

std::vector<double> JsonReader::Numbers(const json& object, const char* key, const std::string& where, double limit,
                                        size_t max_size) {
  std::vector<double> out;
  const json* values = Array(object, key, where, max_size);
  if (!values) return out;
  out.reserve(values->size());
  for (size_t i = 0; i < values->size(); ++i) {
    const json& value = (*values)[i];
    const std::string name = Path(where, key) + "[" + std::to_string(i) + "]";
    if (!value.is_number()) return Fail(name + " is not a number"), out;
    const double number = value.get<double>();
    if (!std::isfinite(number)) return Fail(name + " is not a finite number"), out;
    if (std::fabs(number) > limit)
      return Fail(OutOfRange(name, number, "a value from " + NumberText(-limit) + " to " + NumberText(limit))), out;
    out.push_back(number);
  }
  return out;
}

std::nullptr_t JsonReader::Fail(const std::string& message) {
  if (error_->empty()) *error_ = message;
  return nullptr;
}

}  // namespace likecast
