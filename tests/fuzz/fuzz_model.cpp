// libFuzzer target for the model loader: any bytes given to ModelFromJson must
// give a model or an error message, never a crash. A model that loads must
// predict a number (not NaN), and must load again after ModelToJson writes it.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/model/model_io.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const likecast::ModelLoadResult loaded = likecast::ModelFromJson(text);
  Require(loaded.model.has_value() != !loaded.error.empty());
  if (!loaded.model) return 0;

  likecast::VideoInputs inputs;
  inputs.views = 12000;
  const likecast::Prediction prediction = loaded.model->Predict(inputs);
  Require(!std::isnan(prediction.likes));

  const likecast::ModelLoadResult again = likecast::ModelFromJson(likecast::ModelToJson(*loaded.model));
  Require(again.model.has_value());
  return 0;
}
