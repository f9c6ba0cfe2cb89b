// The inputs that once crashed, hung or tripped a sanitizer in a fuzz target,
// kept in tests/fuzz/regressions/TARGET/, replayed through the core functions
// they reached. scripts/fuzz replays the same files through the fuzz targets
// under ASan and UBSan; these tests also check what each input now gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/chat/chat.h"
#include "core/data/dataset.h"
#include "core/model/model_io.h"
#include "test_model.h"

namespace likecast {
namespace {

const std::filesystem::path kRegressions = std::filesystem::path(LIKECAST_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

std::string ReadRegression(const std::string& target, const std::string& name) {
  const std::filesystem::path path = kRegressions / target / name;
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot open ", path.string());
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

bool Contains(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

// A source that returns at most `chunk` bytes per call, as fuzz_csv reads its input.
ByteSource ChunkedSource(std::string_view bytes, size_t chunk) {
  auto offset = std::make_shared<size_t>(0);
  return [bytes, chunk, offset](char* buffer, size_t capacity) -> size_t {
    const size_t count = std::min({capacity, chunk, bytes.size() - *offset});
    std::copy_n(bytes.data() + *offset, count, buffer);
    *offset += count;
    return count;
  };
}

}  // namespace

TEST_CASE("fuzz regression chat format not a string") {
  // A saved conversation whose "format" is an array made nlohmann's value() throw out of RestoreJson.
  const std::string input = ReadRegression("fuzz_chat", "restore-format-not-a-string.txt");
  const size_t newline = input.find('\n');
  REQUIRE(newline != std::string::npos);
  const Model model = testing::MakeChatTestModel();
  Conversation conversation(&model);
  CHECK(conversation.RestoreJson(std::string_view(input).substr(0, newline)) ==
        "the saved conversation is not a LikeCast chat: \"format\" must be \"likecast-chat\"");
  const ChatReply reply = conversation.Send(std::string_view(input).substr(newline + 1));
  CHECK_FALSE(reply.text.empty());
}

TEST_CASE("fuzz regression model seed out of range") {
  // training.seed 1e20 was cast to a 32-bit integer, which is undefined behaviour, and train_rows is -5.
  // The file has an older layout, so the loader may reject it before it reaches the seed.
  const ModelLoadResult loaded = ModelFromJson(ReadRegression("fuzz_model", "training-seed-1e20.json"));
  CHECK_FALSE(loaded.model.has_value());
  CHECK_FALSE(loaded.error.empty());

  // The same two values in a model file of the current layout reach the range checks.
  nlohmann::json file = nlohmann::json::parse(ModelToJson(testing::MakeChatTestModel()));
  file["training"]["seed"] = 1e20;
  const ModelLoadResult seed = ModelFromJson(file.dump());
  CHECK_FALSE(seed.model.has_value());
  CAPTURE(seed.error);
  CHECK(Contains(seed.error, "training.seed"));

  file["training"]["seed"] = 7;
  file["training"]["train_rows"] = -5;
  const ModelLoadResult rows = ModelFromJson(file.dump());
  CHECK_FALSE(rows.model.has_value());
  CAPTURE(rows.error);
  CHECK(Contains(rows.error, "train_rows"));
}

TEST_CASE("fuzz regression csv transcripts not utf-8") {
  // fuzz_csv once spent 10 s on this input. Its first byte is the target's options byte (0xEF: chunks of
  // 16 bytes, likes not required). The rest is a file whose transcripts have bytes that are not UTF-8.
  const std::string input = ReadRegression("fuzz_csv", "slow-transcripts-not-utf8.bin");
  REQUIRE(input.size() > 1);
  DatasetOptions options;
  options.require_likes = false;
  const std::string_view bytes = std::string_view(input).substr(1);
  const Dataset whole = LoadDataset(bytes, options);
  CHECK_MESSAGE(whole.ok(), whole.error);
  CHECK(whole.encoding == "Windows-1252");
  CHECK(whole.rows.size() > 10);

  const Dataset chunked = LoadDatasetFromSource(ChunkedSource(bytes, 16), options);
  CHECK(chunked.error == whole.error);
  CHECK(chunked.rows.size() == whole.rows.size());
  CHECK(chunked.rows_skipped == whole.rows_skipped);
}

TEST_CASE("fuzz regression csv mixed encodings in chunks") {
  // The first UTF-8 check stopped the reader as soon as it decoded the 0xFF byte, so the whole file gave
  // fewer rows than the same file in chunks of 7 bytes (the options byte 0x76: likes not required).
  const std::string input = ReadRegression("fuzz_csv", "mixed-encodings-chunked.bin");
  REQUIRE(input.size() > 1);
  DatasetOptions options;
  options.require_likes = false;
  const std::string_view bytes = std::string_view(input).substr(1);
  const Dataset whole = LoadDataset(bytes, options);
  const Dataset chunked = LoadDatasetFromSource(ChunkedSource(bytes, 7), options);
  CHECK(Contains(whole.error, "has the byte 0xFF, which is not UTF-8"));
  CHECK(chunked.error == whole.error);
  CHECK(chunked.rows_skipped == whole.rows_skipped);
  CHECK(chunked.rows_loaded == whole.rows_loaded);
}

}  // namespace likecast
