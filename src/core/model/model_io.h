// The model file: versioned JSON written and read with nlohmann/json.
//
// Writing is deterministic (fixed key order, no timestamps), so the same data
// and seed give a byte-identical file. Reading validates everything: the
// format name and version, the feature list, layer shapes and that every
// number is finite. A rejected file leaves the caller's current model alone,
// because the result is only returned, never assigned in place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace likecast {

struct ModelLoadResult {
  std::optional<Model> model;   // set when the file is valid
  std::string error;            // otherwise, what is wrong, e.g. "layer 1 has 12 weights, expected 2048"
};

std::string ModelToJson(const Model& model);
ModelLoadResult ModelFromJson(std::string_view text);
ModelLoadResult LoadModelFile(const std::string& path);
std::string SaveModelFile(const Model& model, const std::string& path);   // returns an error or ""

// Rounds a trained weight to the shortest decimal that reads back as the same float,
// so the file is small and the weights read back exactly.
double ShortestFloat(float value);

}  // namespace likecast
