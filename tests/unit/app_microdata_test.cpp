// Person files (app/microdata.*): every kind of bad file is refused with a message naming the
// file, the line (or NetCDF row) and the column; good CSV and NetCDF files load.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/calibration_loader.hpp"
#include "app/input_error.hpp"
#include "app/microdata.hpp"
#include "app/population_file.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path calibration_dir = fs::path(__FILE__).parent_path() / ".." / ".." / "configs" / "calibration";

const ts::model::Calibration& calibration() {
  static const ts::model::Calibration c = ts::app::load_calibration(calibration_dir);
  return c;
}

struct Scratch {
  fs::path path = fs::temp_directory_path() / ("ts_microdata_test_" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(path); }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return path / name;
  }
};

const std::string header = "age,sex,education,status,isco4,hours,gross_wage\n";
const std::string good_rows =
    "45,female,high,employee_permanent,2111,1,62000\n"
    "19,male,middle,in_education,5111,0,0\n"
    "70,male,low,retired,8111,0,0\n"
    "33,male,middle,self_employed,7111,0.8,30000\n";

// Loads `text` and returns the error message (empty when it loads).
std::string error_of(const Scratch& s, const std::string& text) {
  const fs::path file = s.write("persons.csv", text);
  try {
    ts::app::load_microdata(file, calibration());
  } catch (const ts::app::InputError& e) {
    return e.what();
  }
  return "";
}

void expect_error(const std::string& message, const std::string& location, const std::string& column,
                  const std::string& words) {
  EXPECT_NE(message.find("persons.csv" + location), std::string::npos) << message;
  EXPECT_NE(message.find("column '" + column), std::string::npos) << message;
  EXPECT_NE(message.find(words), std::string::npos) << message;
}

TEST(Microdata, GoodCsvLoads) {
  Scratch s;
  const fs::path file = s.write("persons.csv", "# a comment line\n" + header + good_rows);
  const ts::app::Microdata m = ts::app::load_microdata(file, calibration());
  EXPECT_EQ(m.persons, 4u);
  EXPECT_EQ(m.optional_missing.size(), 10u);
  for (const auto& c : m.columns) {
    if (c.name == "status") { EXPECT_EQ(c.bytes[1], 0); }  // in_education
    if (c.name == "sex") { EXPECT_EQ(c.bytes[0], 1); }  // female
    if (c.name == "occupation") {
      std::uint16_t first = 0;
      std::memcpy(&first, c.bytes.data(), sizeof first);
      EXPECT_EQ(calibration().occupations.at(first).isco4, 2111);
    }
  }
}

TEST(Microdata, ByteOrderMarkOfSpreadsheetCsvIsSkipped) {
  Scratch s;
  const fs::path file = s.write("persons.csv", "\xEF\xBB\xBF" + header + good_rows);
  EXPECT_EQ(ts::app::load_microdata(file, calibration()).persons, 4u);
}

TEST(Microdata, OptionalColumnsLoad) {
  Scratch s;
  const std::string text =
      "age,sex,education,status,isco4,hours,gross_wage,region,digital_skill,task_analytic,task_interpersonal,"
      "task_routine_cognitive,task_routine_manual,task_manual,years_worked,unemployment_months,career_earnings\n"
      "40,male,low,unemployed,8111,0,0,limburg,basic,0.1,0.2,0.3,0.2,0.2,18,7,300000\n";
  EXPECT_EQ(error_of(s, text), "");
  const ts::app::Microdata m = ts::app::load_microdata(s.path / "persons.csv", calibration());
  EXPECT_TRUE(m.optional_missing.empty());
}

TEST(Microdata, MissingColumn) {
  Scratch s;
  expect_error(error_of(s, "age,sex,education,status,hours,gross_wage\n45,female,high,inactive,1,0\n"), ":1", "isco4", "missing");
}

TEST(Microdata, MissingTaskShare) {
  Scratch s;
  expect_error(error_of(s, "age,sex,education,status,isco4,hours,gross_wage,task_analytic\n45,female,high,inactive,2111,1,0,0.5\n"),
               ":1", "task_interpersonal", "together");
}

TEST(Microdata, UnknownCodes) {
  Scratch s;
  expect_error(error_of(s, header + good_rows + "50,x,high,inactive,2111,1,0\n"), ":6", "sex", "unknown code 'x'");
  expect_error(error_of(s, header + "50,male,phd,inactive,2111,1,0\n"), ":2", "education", "unknown code 'phd'");
  expect_error(error_of(s, header + "50,male,low,working,2111,1,0\n"), ":2", "status", "unknown code 'working'");
  expect_error(error_of(s, header + "50,male,low,inactive,9999,1,0\n"), ":2", "isco4", "unknown code 9999");
}

TEST(Microdata, OutOfRange) {
  Scratch s;
  expect_error(error_of(s, header + good_rows + "50,male,low,employee_permanent,8111,1.5,30000\n"), ":6", "hours", "out of range");
  expect_error(error_of(s, header + "50,male,low,employee_permanent,8111,0,30000\n"), ":2", "hours", "out of range");
  expect_error(error_of(s, header + "50,male,low,inactive,8111,1,-5\n"), ":2", "gross_wage", "negative wage");
  expect_error(error_of(s, header + "14,male,low,in_education,8111,0,0\n"), ":2", "age", "age below 15");
  // Euros beyond any pay (a unit error) would overflow the exact sums of cents.
  expect_error(error_of(s, header + "50,male,low,employee_permanent,8111,1,1e30\n"), ":2", "gross_wage",
               "expected at most 100000000 euros a year, found 1e+30");
  EXPECT_EQ(error_of(s, header + "50,male,low,employee_permanent,8111,1,1e8\n"), "");
  expect_error(error_of(s, "age,sex,education,status,isco4,hours,gross_wage,career_earnings\n"
                           "50,male,low,inactive,8111,1,0,2e10\n"),
               ":2", "career_earnings", "expected at most 10000000000 euros");
  const std::string tasks = "age,sex,education,status,isco4,hours,gross_wage,task_analytic,task_interpersonal,"
                            "task_routine_cognitive,task_routine_manual,task_manual\n";
  expect_error(error_of(s, tasks + "50,male,low,inactive,8111,1,0,-0.1,0.3,0.3,0.3,0.2\n"), ":2", "task_analytic", "out of range");
  expect_error(error_of(s, tasks + "50,male,low,inactive,8111,1,0,0.2,0.2,0.2,0.2,0.3\n"), ":2", "task_analytic..task_manual",
               "sum to one");
  EXPECT_EQ(error_of(s, tasks + "50,male,low,inactive,8111,1,0,0.2,0.2,0.2,0.2,0.20005\n"), "");
}

// Each person stands for 1/scale residents: a file that then stands for another population than
// the calibration's gets a note that says which scale would fit.
TEST(Microdata, SizeOffThePopulationIsNoted) {
  Scratch s;
  const ts::app::Microdata m = ts::app::load_microdata(s.write("persons.csv", header + good_rows), calibration());
  double residents = 0.0;
  for (const auto& by_age : calibration().persons)
    for (const double persons : by_age) residents += persons;
  EXPECT_EQ(ts::app::microdata_size_note(m, calibration(), 4.0 / residents), "");
  EXPECT_EQ(ts::app::microdata_size_note(m, calibration(), 4.0 / (1.04 * residents)), "");
  const std::string note = ts::app::microdata_size_note(m, calibration(), 1.0);
  EXPECT_NE(note.find("persons.csv holds 4 persons, who at --scale 1 stand for 4 residents aged 15+, but the base "
                      "population has " + std::to_string(std::lround(residents))),
            std::string::npos)
      << note;
  char fitting[32];
  std::snprintf(fitting, sizeof fitting, "%.3g", 4.0 / residents);
  EXPECT_NE(note.find(std::string("--scale ") + fitting + " would make them match"), std::string::npos) << note;
}

TEST(Microdata, NotANumber) {
  Scratch s;
  expect_error(error_of(s, header + "fifty,male,low,inactive,8111,1,0\n"), ":2", "age", "expected a number");
}

// A NetCDF person file as `synth` writes it, with codes; a bad code names the row.
TEST(Microdata, NetcdfRoundTripAndBadCode) {
  Scratch s;
  auto column = [](const std::string& name, const std::string& type, std::vector<unsigned char> bytes) {
    return ts::model::HostColumn{name, "1", type, std::move(bytes)};
  };
  auto floats = [](std::vector<float> v) {
    std::vector<unsigned char> b(v.size() * sizeof(float));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
  };
  std::uint16_t index[2] = {0, 5};
  std::vector<unsigned char> occupation(sizeof index);
  std::memcpy(occupation.data(), index, sizeof index);
  std::vector<ts::model::HostColumn> columns = {
      column("age", "u8", {30, 67}),       column("sex", "u8", {0, 1}),          column("education", "u8", {2, 0}),
      column("status", "u8", {1, 7}),      column("occupation", "u16", occupation), column("hours", "f32", floats({1.0f, 1.0f})),
      column("gross_wage", "f32", floats({50000.0f, 0.0f}))};
  const fs::path good = s.path / "good.nc";
  ts::app::write_population_file(columns, calibration(), {}, {}, good);
  const ts::app::Microdata m = ts::app::load_microdata(good, calibration());
  EXPECT_EQ(m.persons, 2u);
  EXPECT_FALSE(m.scale.has_value());
  EXPECT_NO_THROW(ts::app::check_microdata_fits(m, 0.3, 2024));  // no recorded scale: the run's holds

  // A file that records its scale runs at that scale only.
  const fs::path sample = s.path / "sample.nc";
  ts::app::write_population_file(columns, calibration(), {}, {{"scale", 0.001}}, sample);
  const ts::app::Microdata recorded = ts::app::load_microdata(sample, calibration());
  ASSERT_TRUE(recorded.scale.has_value());
  EXPECT_EQ(*recorded.scale, 0.001);
  EXPECT_NO_THROW(ts::app::check_microdata_fits(recorded, 0.001, 2024));
  try {
    ts::app::check_microdata_fits(recorded, 0.01, 2024);
    ADD_FAILURE() << "a scale other than the file's was accepted";
  } catch (const ts::app::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("sample.nc: written at scale 0.001 (its attribute 'scale'), but --scale is 0.01"),
              std::string::npos)
        << e.what();
  }

  // A snapshot holds the end of its year: only the base year's starts a run.
  const fs::path base_snapshot = s.path / "persons-2024.nc";
  const fs::path later_snapshot = s.path / "persons-2030.nc";
  ts::app::write_population_file(columns, calibration(), {}, {{"year", 2024.0}, {"scale", 0.001}}, base_snapshot);
  ts::app::write_population_file(columns, calibration(), {}, {{"year", 2030.0}, {"scale", 0.001}}, later_snapshot);
  const ts::app::Microdata base = ts::app::load_microdata(base_snapshot, calibration());
  ASSERT_TRUE(base.year.has_value());
  EXPECT_NO_THROW(ts::app::check_microdata_fits(base, 0.001, 2024));
  try {
    ts::app::check_microdata_fits(ts::app::load_microdata(later_snapshot, calibration()), 0.001, 2024);
    ADD_FAILURE() << "a snapshot of 2030 was accepted as the 2024 population";
  } catch (const ts::app::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("persons-2030.nc: a snapshot of the end of 2030 (its attribute 'year'), but a run "
                                         "starts from the population of 2024"),
              std::string::npos)
        << e.what();
  }

  columns[1] = column("sex", "u8", {0, 4});
  const fs::path bad = s.path / "bad.nc";
  ts::app::write_population_file(columns, calibration(), {}, {}, bad);
  try {
    ts::app::load_microdata(bad, calibration());
    FAIL() << "a bad code loaded";
  } catch (const ts::app::InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("bad.nc: row 2"), std::string::npos) << message;
    EXPECT_NE(message.find("column 'sex'"), std::string::npos) << message;
    EXPECT_NE(message.find("unknown code 4"), std::string::npos) << message;
  }
}

}  // namespace
