// The catalogue of messy CSV files in LIKECAST_CASES_DIR/csv: every file loads
// as training data exactly as expect.json in that folder says (rows loaded and
// skipped, the words a skip reason or an error must contain). expect.json is
// read at test time, so a file added to the catalogue is tested without a rebuild.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/data/dataset.h"

namespace likecast {
namespace {

using nlohmann::json;

const std::filesystem::path kCsvCases = std::filesystem::path(LIKECAST_CASES_DIR) / "csv";

json ReadExpectations() {
  std::ifstream file(kCsvCases / "expect.json");
  REQUIRE_MESSAGE(file.good(), "cannot open ", (kCsvCases / "expect.json").string());
  const json expect = json::parse(file, nullptr, /*allow_exceptions=*/false);
  REQUIRE_MESSAGE(!expect.is_discarded(), "expect.json is not valid JSON");
  REQUIRE(expect.contains("files"));
  return expect.at("files");
}

bool Contains(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

void CheckLoaded(const Dataset& data, const json& want) {
  CHECK_MESSAGE(data.ok(), data.error);
  CHECK(data.rows.size() == want.at("rows_loaded").get<size_t>());
  CHECK(data.rows_loaded == data.rows.size());
  CHECK(data.rows_skipped == want.at("rows_skipped").get<size_t>());
  CHECK(data.skipped.size() == data.rows_skipped);
  for (const SkippedRow& row : data.skipped) {
    CAPTURE(row.line);
    CAPTURE(row.reason);
    CHECK(row.line > 1);
    if (want.contains("skip_reason_mentions"))
      CHECK(Contains(row.reason, want.at("skip_reason_mentions").get<std::string>()));
  }
}

void CheckRejected(const Dataset& data, const json& want) {
  CHECK_FALSE(data.ok());
  CHECK(data.rows.empty());
  if (want.contains("error_mentions")) {
    CAPTURE(data.error);
    CHECK(Contains(data.error, want.at("error_mentions").get<std::string>()));
  }
}

TEST_CASE("csv catalogue loads as expected") {
  const json files = ReadExpectations();
  REQUIRE(!files.empty());
  for (const auto& item : files.items()) {
    // Plain variables, not structured bindings: clang 14 (emcc) cannot capture bindings in CAPTURE's lambda.
    const std::string name = item.key();
    const json& want = item.value();
    CAPTURE(name);
    const std::string path = (kCsvCases / name).string();
    REQUIRE_MESSAGE(std::filesystem::exists(path), "expect.json lists ", name, " but the file is missing");
    const Dataset data = LoadDatasetFromFile(path);
    const bool rejected = want.value("error", false) || want.contains("error_mentions");
    if (rejected) {
      CheckRejected(data, want);
    } else {
      CheckLoaded(data, want);
    }
  }
}

TEST_CASE("csv catalogue lists every file") {
  const json files = ReadExpectations();
  std::set<std::string> listed;
  for (const auto& item : files.items()) listed.insert(item.key());
  for (const auto& entry : std::filesystem::directory_iterator(kCsvCases)) {
    if (entry.path().extension() != ".csv") continue;
    CAPTURE(entry.path().filename().string());
    CHECK(listed.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("csv catalogue streams like it loads") {
  const json files = ReadExpectations();
  for (const auto& item : files.items()) {
    CAPTURE(item.key());
    const std::string path = (kCsvCases / item.key()).string();
    size_t streamed = 0;
    const Dataset loaded = LoadDatasetFromFile(path);
    const Dataset stream = StreamDatasetFromFile(path, {}, [&](const VideoRecord&) { ++streamed; });
    CHECK(stream.error == loaded.error);
    CHECK(stream.rows_skipped == loaded.rows_skipped);
    CHECK(stream.rows_loaded == loaded.rows_loaded);
    if (loaded.ok()) CHECK(streamed == loaded.rows.size());
  }
}

}  // namespace
}  // namespace likecast
