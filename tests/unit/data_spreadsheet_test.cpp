// LoadDataset on what spreadsheets write: header names in any case or
// spacing, missing-value cells, repeated headers, ragged rows, blank lines,
// title and total lines, locale number formats, and the messages for files
// that cannot be used. Counts and reason texts are checked exactly.
#include <doctest/doctest.h>

#include <string>

#include "core/data/dataset.h"

namespace likecast {
namespace {

const std::string kHeader =
    "video_id,video_view_count,video_like_count,video_share_count,video_download_count,video_comment_count\n";

Dataset Load(const std::string& text, bool require_likes = true) {
  DatasetOptions options;
  options.require_likes = require_likes;
  return LoadDataset(text, options);
}

TEST_CASE("dataset header names") {
  SUBCASE("title case with spaces") {
    const Dataset d = Load("Video ID,Video View Count,Video Like Count,Video Share Count,Video Download Count,"
                           "Video Comment Count,Video Duration (sec),Verified Status,Author Ban Status\n"
                           "10,1000,100,10,5,3,42,verified,under review\n");
    REQUIRE(d.ok());
    REQUIRE(d.rows.size() == 1);
    const VideoRecord& row = d.rows.front();
    CHECK(row.video_id == 10);
    CHECK(row.inputs.views == 1000);
    CHECK(row.likes == 100);
    CHECK(row.inputs.shares == 10);
    CHECK(row.inputs.downloads == 5);
    CHECK(row.inputs.comments == 3);
    CHECK(row.inputs.duration_sec == 42);
    CHECK(row.inputs.verified == true);
    CHECK(row.inputs.author_status == AuthorStatus::under_review);
  }
  SUBCASE("short names, camel case and padding") {
    const Dataset d = Load(" Views ,likes,videoShareCount,DOWNLOADS,comment-count\n1000,100,10,5,3\n");
    REQUIRE(d.ok());
    CHECK(d.rows.front().inputs.views == 1000);
    CHECK(d.rows.front().inputs.comments == 3);
  }
  SUBCASE("the full name wins over a short name") {
    const Dataset d = Load("views,video_view_count,likes,shares,downloads,comments\n1,1000,100,10,5,3\n");
    REQUIRE(d.ok());
    CHECK(d.rows.front().inputs.views == 1000);
  }
  SUBCASE("columns in any order, extra columns ignored") {
    const Dataset d = Load("notes,comments,downloads,shares,likes,views,posted\nhi,3,5,10,100,1000,2024-01-01\n");
    REQUIRE(d.ok());
    CHECK(d.rows.front().inputs.views == 1000);
    CHECK(d.rows.front().likes == 100);
  }
}

TEST_CASE("dataset missing cells") {
  const Dataset d = Load(kHeader +
                         "1,1000,100,10,5,3\n"
                         "2,#N/A,100,10,5,3\n"
                         "3,,100,10,5,3\n"
                         "4,undefined,100,10,5,3\n"
                         "5,1000,#N/A,#N/A,,3\n"
                         "6,1000,100,10,5,3\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  REQUIRE(d.rows_skipped == 4);
  CHECK(d.skipped[0].line == 3);
  CHECK(d.skipped[0].reason == "video_view_count is missing (\"#N/A\")");
  CHECK(d.skipped[1].reason == "video_view_count is empty");
  CHECK(d.skipped[2].reason == "video_view_count is missing (\"undefined\")");
  CHECK(d.skipped[3].reason == "video_like_count and video_share_count are missing (\"#N/A\"); video_download_count is empty");
}

TEST_CASE("dataset optional cells") {
  const Dataset d = Load(kHeader.substr(0, kHeader.size() - 1) + ",video_duration_sec,verified_status,author_ban_status\n" +
                         "1,1000,100,10,5,3,#N/A,maybe,unknown\n"
                         "2,1000,100,10,5,3,-4,,\n"
                         "3,1000,100,10,5,3,99999,yes,Banned\n");
  REQUIRE(d.ok());
  REQUIRE(d.rows.size() == 3);
  CHECK_FALSE(d.rows[0].inputs.duration_sec.has_value());
  CHECK_FALSE(d.rows[0].inputs.verified.has_value());
  CHECK_FALSE(d.rows[0].inputs.author_status.has_value());
  CHECK_FALSE(d.rows[1].inputs.duration_sec.has_value());
  CHECK_FALSE(d.rows[2].inputs.duration_sec.has_value());
  CHECK(d.rows[2].inputs.verified == true);
  CHECK(d.rows[2].inputs.author_status == AuthorStatus::banned);
}

TEST_CASE("dataset bad counts") {
  const Dataset d = Load(kHeader +
                         "1,-40,100,10,5,3\n"
                         "2,1000,100,abc,5,3\n"
                         "3,1000,100,10,1e400,3\n"
                         "4,2e10,100,10,5,3\n"
                         "5,1000,100,10,5,12x\n");
  CHECK_FALSE(d.ok());
  REQUIRE(d.rows_skipped == 5);
  CHECK(d.skipped[0].reason == "video_view_count \"-40\" is negative; counts are 0 or more");
  CHECK(d.skipped[1].reason == "video_share_count \"abc\" is not a number");
  CHECK(d.skipped[2].reason == "video_download_count \"1e400\" is out of range");
  CHECK(d.skipped[3].reason == "video_view_count \"2e10\" is above 10,000,000,000, the largest count accepted");
  CHECK(d.skipped[4].reason == "video_comment_count \"12x\" is not a number");
  CHECK(d.error ==
        "no usable rows: all 5 rows were skipped (line 2: video_view_count \"-40\" is negative; counts are 0 or more). "
        "Fix those cells and load the file again.");
}

TEST_CASE("dataset repeated header") {
  const Dataset d = Load(kHeader + "1,1000,100,10,5,3\n" + kHeader + "2,2000,200,20,10,6\n" +
                         "Video_ID,Video View Count,Video Like Count,Video Share Count,Video Download Count,"
                         "Video Comment Count\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  REQUIRE(d.rows_skipped == 2);
  CHECK(d.skipped[0].line == 3);
  CHECK(d.skipped[0].reason == "the row repeats the header");
  CHECK(d.skipped[1].line == 5);
}

TEST_CASE("dataset ragged rows") {
  const Dataset d = Load(kHeader +
                         "1,1000,100\n"
                         "2,1000,100,10,5,3,oops,more\n"
                         "3,1000,100,10,5,3,,\n"
                         "4,1000,100,10,5,3\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  REQUIRE(d.rows_skipped == 2);
  CHECK(d.skipped[0].reason == "the row has 3 fields but the header has 6, so it has no video_share_count");
  CHECK(d.skipped[1].reason ==
        "the row has 8 fields but the header has 6; a text cell with an unquoted delimiter may have split it");
}

TEST_CASE("dataset short row keeps known columns") {
  const Dataset d = Load("views,likes,shares,downloads,comments,video_duration_sec\n1000,100,10,5,3\n");
  REQUIRE(d.ok());
  REQUIRE(d.rows.size() == 1);
  CHECK_FALSE(d.rows.front().inputs.duration_sec.has_value());
}

TEST_CASE("dataset blank lines") {
  const Dataset d = Load("\r\n" + kHeader + "\n1,1000,100,10,5,3\n,,,,,\n  \n\n2,2000,200,20,10,6\n\n\n,,,,,\n\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  CHECK(d.rows_skipped == 0);
  CHECK(d.rows[0].line == 4);
  CHECK(d.rows[1].line == 8);
}

TEST_CASE("dataset title lines above the header") {
  const Dataset d = Load("My TikTok videos\nExported 2024-03-01,,\n\n" + kHeader + "1,1000,100,10,5,3\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 1);
  REQUIRE(d.rows_skipped == 2);
  CHECK(d.skipped[0].line == 1);
  CHECK(d.skipped[0].reason == "the line is above the header on line 4, not a video");
  CHECK(d.skipped[1].line == 2);
}

TEST_CASE("dataset total line") {
  const Dataset d = Load(kHeader + "1,1000,100,10,5,3\n2,2000,200,20,10,6\nTotal,3000,300,30,15,9\n");
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  REQUIRE(d.rows_skipped == 1);
  CHECK(d.skipped[0].reason == "the row is a \"Total\" line, not a video");
}

TEST_CASE("dataset quoted numbers with separators") {
  const Dataset d = Load(kHeader + "1,\"1,234,567\",\"12,345\",\"1 234\",5.0,3\n");
  REQUIRE(d.ok());
  REQUIRE(d.rows.size() == 1);
  CHECK(d.rows[0].inputs.views == 1234567);
  CHECK(d.rows[0].likes == 12345);
  CHECK(d.rows[0].inputs.shares == 1234);
  CHECK(d.rows[0].inputs.downloads == 5);
}

TEST_CASE("dataset semicolon file with decimal commas") {
  const Dataset d = Load(
      "video_id;views;likes;shares;downloads;comments;duration\n"
      "1;1.234.567;12.345;1,0;5;3;12,5\n"
      "2;289935,0;3484,0;1092,0;20,0;3,0;25\n");
  REQUIRE(d.ok());
  CHECK(d.delimiter == ';');
  REQUIRE(d.rows.size() == 2);
  CHECK(d.rows[0].inputs.views == 1234567);
  CHECK(d.rows[0].likes == 12345);
  CHECK(d.rows[0].inputs.shares == 1);
  CHECK(d.rows[0].inputs.duration_sec == 12.5);
  CHECK(d.rows[1].inputs.views == 289935);
  CHECK(d.rows[1].likes == 3484);
}

TEST_CASE("dataset decimal comma option") {
  DatasetOptions options;
  options.decimal_comma = true;
  const Dataset d = LoadDataset("views,likes,shares,downloads,comments\n\"1,5\",1,1,1,1\n", options);
  REQUIRE(d.rows.size() == 1);
  CHECK(d.rows[0].inputs.views == 1.5);
  const Dataset by_default = LoadDataset("views,likes,shares,downloads,comments\n\"1,500\",1,1,1,1\n");
  REQUIRE(by_default.rows.size() == 1);
  CHECK(by_default.rows[0].inputs.views == 1500);
}

TEST_CASE("dataset video ids from excel") {
  const Dataset d = Load(kHeader + "7017666017,1,1,1,1,1\n7017666015.0,1,1,1,1,1\n7.01766602E+09,1,1,1,1,1\nabc,1,1,1,1,1\n");
  REQUIRE(d.rows.size() == 4);
  CHECK(d.rows[0].video_id == 7017666017);
  CHECK(d.rows[1].video_id == 7017666015);
  CHECK(d.rows[2].video_id == 7017666020);
  CHECK_FALSE(d.rows[3].video_id.has_value());
  CHECK(IsTestVideo(d.rows[1]));
  CHECK_FALSE(IsTestVideo(d.rows[0]));
  CHECK_FALSE(IsTestVideo(d.rows[3]));
}

TEST_CASE("dataset video ids out of range") {
  const Dataset d = Load(kHeader + "9223372036854775807,1,1,1,1,1\n99999999999999999999,1,1,1,1,1\n"
                                   "-99999999999999999999,1,1,1,1,1\n1e400,1,1,1,1,1\n7.2E+18,1,1,1,1,1\n12.5,1,1,1,1,1\n");
  REQUIRE(d.ok());
  REQUIRE(d.rows.size() == 1);
  CHECK(d.rows[0].video_id == 9223372036854775807);
  REQUIRE(d.skipped.size() == 5);
  CHECK(d.skipped[0].line == 3);
  CHECK(d.skipped[0].reason ==
        "video_id \"99999999999999999999\" does not fit in a 64-bit integer (the largest id is 9223372036854775807)");
  CHECK(d.skipped[1].reason ==
        "video_id \"-99999999999999999999\" does not fit in a 64-bit integer (the largest id is 9223372036854775807)");
  CHECK(d.skipped[2].reason ==
        "video_id \"1e400\" does not fit in a 64-bit integer (the largest id is 9223372036854775807)");
  CHECK(d.skipped[3].reason ==
        "video_id \"7.2E+18\" is above 2^53 with a decimal point or an exponent, so its last digits are lost. Format "
        "the id column as a whole number and export the file again");
  CHECK(d.skipped[4].reason == "video_id \"12.5\" is not a whole number");
}

TEST_CASE("dataset duplicated column names") {
  SUBCASE("the same name twice") {
    const Dataset d = Load("views,likes,shares,downloads,comments,likes\n1000,100,10,5,3,200\n");
    CHECK(d.error ==
          "columns 2 and 6 of the header are both video_like_count (\"likes\" and \"likes\"), so either could hold "
          "the values. Rename or delete one of them.");
    CHECK(d.rows.empty());
  }
  SUBCASE("two spellings of one name") {
    const Dataset d = Load("Video ID,views,likes,shares,downloads,comments,video_id\n1,1000,100,10,5,3,2\n");
    CHECK(d.error ==
          "columns 1 and 7 of the header are both video_id (\"Video ID\" and \"video_id\"), so either could hold the "
          "values. Rename or delete one of them.");
  }
  SUBCASE("a repeated column that is not read") {
    const Dataset d = Load("notes,views,likes,shares,downloads,comments,notes\na,1000,100,10,5,3,b\n");
    CHECK(d.ok());
    CHECK(d.rows.size() == 1);
  }
}

TEST_CASE("dataset line numbers after multi-line fields") {
  const Dataset d = Load("note," + kHeader + "\"line one\nline two\",1,1000,100,10,5,3\n\"a\r\nb\r\nc\",2,#N/A,1,1,1,1\nx,3,1,1,1,1,1\n");
  REQUIRE(d.ok());
  REQUIRE(d.rows.size() == 2);
  CHECK(d.rows[0].line == 2);
  REQUIRE(d.rows_skipped == 1);
  CHECK(d.skipped[0].line == 4);
  CHECK(d.rows[1].line == 7);
}

TEST_CASE("dataset for scoring needs only views") {
  const Dataset d = Load("views,duration\n1000,30\n#N/A,30\n", false);
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 1);
  CHECK_FALSE(d.rows[0].likes.has_value());
  CHECK(d.rows_skipped == 1);
  const Dataset training = Load("views,duration\n1000,30\n");
  CHECK(training.error ==
        "missing columns video_like_count, video_share_count, video_download_count and video_comment_count (the header "
        "has \"views\", \"duration\"). Name the columns video_like_count (or likes), video_share_count (or shares), "
        "video_download_count (or downloads) and video_comment_count (or comments), or check that this file is the "
        "right one.");
}

TEST_CASE("dataset rejected files") {
  SUBCASE("empty") {
    CHECK(Load("").error ==
          "the file is empty: it has no header line and no rows. Choose a CSV file with a header line and one row per "
          "video.");
    CHECK(Load("\r\n,,,\n\n").error == Load("").error);
  }
  SUBCASE("header only") {
    CHECK(Load(kHeader + "\n,,,,,\n").error ==
          "the file has a header but no data rows. Add at least one row of video metrics below the header.");
  }
  SUBCASE("missing views column") {
    CHECK(Load("video_like_count,video_share_count,video_download_count,video_comment_count\n1,2,3,4\n").error ==
          "missing column video_view_count (the header has \"video_like_count\", \"video_share_count\", "
          "\"video_download_count\", \"video_comment_count\"). Name the column video_view_count (or views), or check "
          "that this file is the right one.");
  }
  SUBCASE("no header line") {
    CHECK(Load("1,1000,100,10,5,3\n2,2000,200,20,10,6\n").error ==
          "the first line looks like data, not a header (\"1\", \"1000\", \"100\", \"10\", \"5\", \"3\"). Add a "
          "first line that names the columns, including video_view_count (or views), video_like_count "
          "(or likes), video_share_count (or shares), video_download_count (or downloads) and video_comment_count (or "
          "comments).");
  }
  SUBCASE("PNG image") {
    CHECK(Load("\x89PNG\r\n\x1A\n").error ==
          "this file is a PNG image, not a CSV text file. Export the sheet as CSV (comma, semicolon or tab separated) "
          "and choose that file.");
  }
  SUBCASE("the only row skipped") {
    CHECK(Load(kHeader + "1,#N/A,1,1,1,1\n").error ==
          "no usable rows: the only row was skipped (line 2: video_view_count is missing (\"#N/A\")). Fix those cells "
          "and load the file again.");
  }
  SUBCASE("rows read before a late error are not returned") {
    const Dataset d = Load(kHeader + "1,1000,100,10,5,3\n\"2,1000,100,10,5,3\n");
    CHECK(d.error ==
          "line 3 opens a quoted field that is never closed, so the rest of the file would be one value. Add the "
          "missing \" on that line, or remove the stray one.");
    CHECK(d.rows.empty());
    CHECK(d.rows_loaded == 1);
  }
}

TEST_CASE("dataset skipped list is capped") {
  std::string text = kHeader;
  for (int i = 0; i < 30; ++i) text += std::to_string(i) + ",#N/A,1,1,1,1\n";
  text += "99,1000,100,10,5,3\n";
  DatasetOptions options;
  options.max_skipped_kept = 10;
  const Dataset d = LoadDataset(text, options);
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 1);
  CHECK(d.rows_skipped == 30);
  CHECK(d.skipped.size() == 10);
  CHECK(d.skipped.back().line == 11);
}

}  // namespace
}  // namespace likecast
