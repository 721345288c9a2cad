// The calibration tables as the model reads them (app/calibration_loader.*): a copy of the
// real tables with one field changed is refused with the file, the line and the column.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/calibration_loader.hpp"
#include "app/energy_table.hpp"
#include "app/input_error.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path calibration_dir = fs::path(__FILE__).parent_path() / ".." / ".." / "configs" / "calibration";

// A fresh copy of the real tables for each case, removed when the case ends.
struct TableCopy {
  fs::path dir = fs::temp_directory_path() / ("ts_calibration_test_" + std::to_string(::getpid()));
  TableCopy() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(calibration_dir))
      if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  ~TableCopy() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  // Replaces the first occurrence of `line_start` at the start of a line by `replacement`;
  // returns that line's number.
  std::size_t replace_line(const std::string& table, const std::string& line_start, const std::string& replacement) const {
    std::ifstream in(dir / table);
    std::ostringstream out;
    std::string line;
    std::size_t number = 0, found = 0;
    while (std::getline(in, line)) {
      ++number;
      if (found == 0 && line.rfind(line_start, 0) == 0) {
        line = replacement + line.substr(line_start.size());
        found = number;
      }
      out << line << "\n";
    }
    EXPECT_NE(found, 0u) << table << " has no line starting with " << line_start;
    std::ofstream(dir / table) << out.str();
    return found;
  }
  std::string error() const {
    try {
      ts::app::load_calibration(dir);
      ts::app::load_tax_benefit_rules(dir);
      ts::app::check_energy_table(dir);
    } catch (const ts::app::InputError& error) {
      return error.what();
    }
    return "";
  }
};

// A copy of the tables with one line's start replaced is refused with table:line and `expected`.
void expect_refused(const std::string& table, const std::string& line_start, const std::string& replacement,
                    const std::string& expected) {
  const TableCopy copy;
  const std::size_t line = copy.replace_line(table, line_start, replacement);
  const std::string message = copy.error();
  EXPECT_NE(message.find(table + ":" + std::to_string(line) + ": " + expected), std::string::npos) << message;
}

TEST(CalibrationLoader, RealTablesLoad) { EXPECT_EQ(TableCopy().error(), ""); }

TEST(CalibrationLoader, PersonsBeyondAnyRegionAreRefused) {
  expect_refused("population_age_sex.csv", "15,male,38789,", "15,male,1e300,",
                 "column 'persons': expected a number from 0 to 10000000");
}

TEST(CalibrationLoader, RetirementAgesAndYearsAreChecked) {
  expect_refused("retirement.csv", "2024,65,", "2024,200,",
                 "column 'statutory_age': expected a whole number from 55 to 75, found 200");
  expect_refused("retirement.csv", "2025,", "2024,", "column 'year': a second row for 2024");
  expect_refused("cohort_education.csv", "2025,", "2025.5,", "column 'year': expected a whole number from 1900 to 2200");
}

// The tables whose last row holds for later years must start at the base year: a run's first
// years would have no row otherwise.
TEST(CalibrationLoader, YearTablesMustStartAtTheBaseYear) {
  for (const std::string table : {"retirement.csv", "cohort_education.csv"}) {
    const TableCopy copy;
    const std::size_t line = copy.replace_line(table, "2024,", "2099,");
    const std::string expected = table + ":" + std::to_string(line + 1) +
                                 ": column 'year': the first year is 2025; expected a row for 2024, the base year";
    EXPECT_NE(copy.error().find(expected), std::string::npos) << copy.error();
  }
  const TableCopy copy;
  std::ifstream in(copy.dir / "cohort_education.csv");
  std::string header, line;
  while (std::getline(in, line) && line.rfind("year,", 0) != 0) header += line + "\n";
  in.close();
  std::ofstream(copy.dir / "cohort_education.csv") << header << line << "\n";
  EXPECT_NE(copy.error().find("cohort_education.csv: no rows; expected one for each year from 2024"), std::string::npos)
      << copy.error();
}

// A key given twice leaves unclear which value applies: refused in every keyed table.
TEST(CalibrationLoader, SecondRowsOfAKeyAreRefused) {
  expect_refused("labour_flows.csv", "vacancy_rate,", "separation_permanent,",
                 "column 'parameter': a second row for separation_permanent (the first is line");
  expect_refused("tax_benefit_2024.csv", "work_bonus_max_monthly,", "employee_ssc_rate,",
                 "column 'parameter': a second row for employee_ssc_rate");
  expect_refused("training.csv", "education,middle,", "education,low,",
                 "columns 'dimension', 'category': a second row for education,low");
  expect_refused("wage_deciles.csv", "P20,2824,2022,", "P10,2824,2022,",
                 "columns 'percentile', 'year': a second row for P10,2022");
  expect_refused("occupation_tasks_isco08.csv", "1113,", "1112,", "column 'isco4': a second row for 1112");
}

// Rows the model does not read are checked all the same.
TEST(CalibrationLoader, UnusedRowsAreChecked) {
  expect_refused("wage_deciles.csv", "P30,3136,2022,", "P30,abc,2022,",
                 "column 'monthly_gross_fte_eur': expected a number, found 'abc'");
  expect_refused("labour_flows.csv", "inactive_to_employment,", "inactive_to_employment,x",
                 "column 'value': expected a number, found 'x");
}

// energy.csv records the defaults of the [energy] scenario keys; the run takes them from the
// scenario, so a table that says otherwise is refused rather than silently ignored.
TEST(CalibrationLoader, EnergyTableMustRecordTheScenarioDefaults) {
  expect_refused("energy.csv", "energy.pue_2024,1.56,", "energy.pue_2024,1.7,",
                 "column 'value': energy.pue_2024 is 1.7 here, but the scenario's default is 1.56; set it in the "
                 "scenario instead (energy.pue_2024 under [energy], or --set energy.pue_2024=1.7)");
  expect_refused("energy.csv", "energy.pue_2024,1.56,1,", "energy.pue_2024,1.56,%,",
                 "column 'unit': expected '1' for energy.pue_2024, found '%'");
  expect_refused("energy.csv", "energy.pue_2024,", "energy.pue_2042,", "column 'parameter': 'energy.pue_2042' is not a key");
}

// The tax-benefit rules: each row a rule of the model, in its unit and range.
TEST(CalibrationLoader, TaxBenefitRulesAreChecked) {
  expect_refused("tax_benefit_2024.csv", "employee_ssc_rate,", "employee_ssc_rat,",
                 "column 'parameter': 'employee_ssc_rat' is not a rule of the model");
  expect_refused("tax_benefit_2024.csv", "employee_ssc_rate,0.1307,share", "employee_ssc_rate,0.1307,eur",
                 "column 'unit': expected 'share' for employee_ssc_rate, found 'eur'");
  expect_refused("tax_benefit_2024.csv", "employee_ssc_rate,0.1307,", "employee_ssc_rate,13.07,",
                 "column 'value': expected a number from 0 to 1, found 13.07");
  expect_refused("tax_benefit_2024.csv", "work_bonus_max_monthly,267.42,", "work_bonus_max_monthly,1e30,",
                 "column 'value': expected a number from 0 to 10000000");
}

TEST(CalibrationLoader, OccupationWeightsAreChecked) {
  expect_refused("occupation_tasks_isco08.csv", "1112,1,1.0,", "1112,1,-1,",
                 "column 'weight': expected a number from 0 to 1000000000, found -1");
  // Every occupation of group 9 without weight: none could be drawn.
  const TableCopy copy;
  std::ifstream in(copy.dir / "occupation_tasks_isco08.csv");
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("9", 0) == 0 && line.find(",9,1.0,") == 4) line.replace(4, 7, ",9,0,");
    out << line << "\n";
  }
  in.close();
  std::ofstream(copy.dir / "occupation_tasks_isco08.csv") << out.str();
  EXPECT_NE(copy.error().find("occupation_tasks_isco08.csv: ISCO major group 9 has no occupation with a weight above 0"),
            std::string::npos)
      << copy.error();
}

TEST(CalibrationLoader, OccupationCodesAreChecked) {
  expect_refused("occupation_tasks_isco08.csv", "1112,1,", "1112,3,",
                 "column 'isco1': expected the first digit of isco4 (1112), found 3");
  expect_refused("occupation_by_education.csv", "1,", "2.5,", "column 'isco1': expected a whole number from 1 to 9, found 2.5");
}

TEST(CalibrationLoader, NonPositiveWageDecileIsRefused) {
  expect_refused("wage_deciles.csv", "P10,2754,2024,", "P10,-100,2024,",
                 "column 'monthly_gross_fte_eur': expected a number from 1 to 1000000, found -100");
}

TEST(CalibrationLoader, MonthsOfPayAreChecked) {
  expect_refused("wage_structure.csv", "annual_months,13.92,", "annual_months,1.392,",
                 "column 'value': expected a number from 12 to 16, found 1.392");
}

}  // namespace
