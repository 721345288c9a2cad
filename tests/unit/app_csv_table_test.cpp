#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/csv_table.hpp"
#include "app/input_error.hpp"

namespace {

namespace fs = std::filesystem;
using ts::app::CsvTable;
using ts::app::InputError;

// One scratch directory per test process, removed when the process ends.
struct ScratchDirectory {
  fs::path path = fs::temp_directory_path() / ("ts_csv_test_" + std::to_string(::getpid()));
  ScratchDirectory() { fs::create_directories(path); }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path write_table(const std::string& name, const std::string& content) {
  static const ScratchDirectory scratch;
  const fs::path file = scratch.path / name;
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

// The message of the InputError that `action` throws ("" if none).
template <class Action>
std::string error_of(Action action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

const std::string good =
    "# shares.csv - test table\n"
    "# second comment line\n"
    "category,low,high,note,source\n"
    "a,0.25,0.75,\"plain, with comma\",\"Statbel, table 3 (2022)\"\n"
    "b,0.5,0.5,\"say \"\"hi\"\"\",assumption: symmetric\n";

TEST(CsvTable, LoadsQuotedFieldsAndLineNumbers) {
  const CsvTable table = CsvTable::load(write_table("good.csv", good), {"low", "high"});
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.line_of(0), 4u);
  EXPECT_EQ(table.line_of(1), 5u);
  EXPECT_EQ(table.number(0, "low"), 0.25);
  EXPECT_EQ(table.share(1, "high"), 0.5);
  EXPECT_EQ(table.text(0, "note"), "plain, with comma");
  EXPECT_EQ(table.text(1, "note"), "say \"hi\"");
  EXPECT_EQ(table.text(0, "source"), "Statbel, table 3 (2022)");
  EXPECT_NO_THROW(table.check_shares_sum_to_one({"low", "high"}, 1e-9));
}

TEST(CsvTable, QuotedFieldSpanningLinesKeepsLaterLineNumbersRight) {
  const CsvTable table =
      CsvTable::load(write_table("multiline.csv", "x,source\n1,\"two\nlines\"\nabc,s\n"), {"x"});
  EXPECT_EQ(table.text(0, "source"), "two\nlines");
  EXPECT_EQ(table.line_of(1), 4u);
  const std::string message = error_of([&] { table.number(1, "x"); });
  EXPECT_NE(message.find("multiline.csv:4: column 'x': expected a number, found 'abc'"),
            std::string::npos)
      << message;
}

TEST(CsvTable, CrLfLineEndings) {
  const CsvTable table =
      CsvTable::load(write_table("crlf.csv", "# c\r\nx,source\r\n1.5,\"s\"\r\n2,t\r\n"), {"x"});
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.number(1, "x"), 2.0);
  EXPECT_EQ(table.text(0, "source"), "s");
  EXPECT_EQ(table.text(1, "source"), "t");
}

TEST(CsvTable, ByteOrderMarkOfSpreadsheetCsvIsSkipped) {
  for (const std::string& table : {"\xEF\xBB\xBF" + good, "\xEF\xBB\xBF" + good.substr(good.find("category"))}) {
    const CsvTable loaded = CsvTable::load(write_table("bom.csv", table), {"category", "low", "high"});
    ASSERT_EQ(loaded.rows(), 2u);
    EXPECT_EQ(loaded.text(0, "category"), "a");
  }
}

TEST(CsvTable, MissingFile) {
  const std::string message = error_of([] { CsvTable::load("/nonexistent/dir/table.csv", {}); });
  EXPECT_NE(message.find("/nonexistent/dir/table.csv"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot open"), std::string::npos) << message;
}

TEST(CsvTable, MissingColumn) {
  const fs::path file = write_table("missing_column.csv", "# c\nlow,source\n0.1,s\n");
  const std::string message = error_of([&] { CsvTable::load(file, {"low", "high"}); });
  EXPECT_NE(message.find("missing_column.csv:2: column 'high'"), std::string::npos) << message;
}

TEST(CsvTable, MissingSourceColumn) {
  const fs::path file = write_table("no_source.csv", "low\n0.1\n");
  const std::string message = error_of([&] { CsvTable::load(file, {"low"}); });
  EXPECT_NE(message.find("no_source.csv:1: column 'source'"), std::string::npos) << message;
}

TEST(CsvTable, NonNumeric) {
  const CsvTable table = CsvTable::load(
      write_table("non_numeric.csv", "# c\n# c\nlow,source\n0.1,s\n12%,s\n"), {"low"});
  const std::string message = error_of([&] { table.number(1, "low"); });
  EXPECT_NE(message.find("non_numeric.csv:5: column 'low': expected a number, found '12%'"),
            std::string::npos)
      << message;
  EXPECT_NE(error_of([&] {
              CsvTable::load(write_table("inf.csv", "x,source\ninf,s\n"), {"x"}).number(0, "x");
            }).find("found 'inf'"),
            std::string::npos);
}

TEST(CsvTable, ShareOutOfRange) {
  const CsvTable table =
      CsvTable::load(write_table("share.csv", "low,source\n0.1,s\n1.5,s\n"), {"low"});
  EXPECT_EQ(table.share(0, "low"), 0.1);
  const std::string message = error_of([&] { table.share(1, "low"); });
  EXPECT_NE(message.find("share.csv:3: column 'low': expected a share in [0, 1], found 1.5"),
            std::string::npos)
      << message;
}

TEST(CsvTable, NumbersInARange) {
  const CsvTable table =
      CsvTable::load(write_table("range.csv", "x,source\n2024,s\n2024.5,s\n-3,s\n"), {"x"});
  EXPECT_EQ(table.whole_number(0, "x", 1900, 2200), 2024);
  EXPECT_EQ(table.number_in(1, "x", 2000, 2100), 2024.5);
  EXPECT_NE(error_of([&] { table.whole_number(1, "x", 1900, 2200); })
                .find("range.csv:3: column 'x': expected a whole number from 1900 to 2200, found 2024.5"),
            std::string::npos);
  EXPECT_NE(error_of([&] { table.whole_number(2, "x", 0, 10); })
                .find("range.csv:4: column 'x': expected a whole number from 0 to 10, found -3"),
            std::string::npos);
  EXPECT_NE(error_of([&] { table.number_in(2, "x", 0, 1e7); })
                .find("range.csv:4: column 'x': expected a number from 0 to 10000000, found -3"),
            std::string::npos);
}

TEST(CsvTable, BadQuoting) {
  const std::string unclosed = error_of(
      [] { CsvTable::load(write_table("unclosed.csv", "x,source\n1,s\n2,\"never closed\n"), {}); });
  EXPECT_NE(unclosed.find("unclosed.csv:3: bad quoting"), std::string::npos) << unclosed;
  const std::string stray = error_of(
      [] { CsvTable::load(write_table("stray.csv", "x,source\n1,Statbel \"table\" 3\n"), {}); });
  EXPECT_NE(stray.find("stray.csv:2: bad quoting"), std::string::npos) << stray;
  const std::string after = error_of(
      [] { CsvTable::load(write_table("after.csv", "x,source\n1,\"Statbel\" 2022\n"), {}); });
  EXPECT_NE(after.find("after.csv:2: bad quoting"), std::string::npos) << after;
}

TEST(CsvTable, WrongFieldCount) {
  const std::string message =
      error_of([] { CsvTable::load(write_table("fields.csv", "x,source\n1,s\n2,s,extra\n"), {}); });
  EXPECT_NE(message.find("fields.csv:3: expected 2 fields, found 3"), std::string::npos) << message;
}

TEST(CsvTable, SharesNotSummingToOne) {
  const CsvTable table = CsvTable::load(
      write_table("sum.csv", "# c\nlow,high,source\n0.25,0.75,s\n0.25,0.7,s\n"), {"low", "high"});
  const std::string message = error_of([&] {
    table.check_shares_sum_to_one({"low", "high"}, 1e-6);
  });
  EXPECT_NE(message.find("sum.csv:4: columns 'low', 'high'"), std::string::npos) << message;
  EXPECT_NE(message.find("found a sum of 0.95"), std::string::npos) << message;
}

TEST(CsvTable, EmptySource) {
  const std::string message = error_of(
      [] { CsvTable::load(write_table("empty_source.csv", "# c\nx,source\n1,s\n2,\n"), {"x"}); });
  EXPECT_NE(message.find("empty_source.csv:4: column 'source'"), std::string::npos) << message;
}

TEST(CsvTable, UnknownColumnIsAProgrammingError) {
  const CsvTable table = CsvTable::load(write_table("unknown.csv", "x,source\n1,s\n"), {"x"});
  EXPECT_THROW(table.number(0, "y"), std::invalid_argument);
  EXPECT_THROW(table.number(5, "x"), std::out_of_range);
}

TEST(CsvTable, RealCalibrationTableLoads) {
  // The repository root, found from this file's own path (tests/unit/...).
  const fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path();
  const fs::path file = root / "configs/calibration/training.csv";
  const CsvTable table = CsvTable::load(file, {"dimension", "category", "rate_12m"});
  ASSERT_GT(table.rows(), 0u);
  for (std::size_t r = 0; r < table.rows(); ++r) EXPECT_NO_THROW(table.share(r, "rate_12m"));
}

}  // namespace
