#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/input_error.hpp"
#include "app/scenario.hpp"

namespace {

namespace fs = std::filesystem;
using ts::app::Distribution;
using ts::app::InputError;
using ts::app::load_scenario;
using ts::model::ParameterSpec;
using ts::model::ParameterType;

const ParameterSpec specs[] = {
    {"technology.midpoint_year.routine_cognitive", ParameterType::year, 2035, 2020, 2100, "year",
     "Year at which half of routine cognitive tasks are automatable.", ""},
    {"technology.midpoint_year.routine_manual", ParameterType::year, 2030, 2020, 2100, "year",
     "Year at which half of routine manual tasks are automatable.", ""},
    {"technology.speed.routine_manual", ParameterType::real, 0.3, 0.01, 2.0, "1/year",
     "Steepness of the diffusion curve.", ""},
    {"labour.search_rounds", ParameterType::integer, 3, 1, 10, "1", "Matching rounds per year.",
     ""},
    {"policy.basic_income", ParameterType::boolean, 0, 0, 1, "1", "Whether a basic income is paid.",
     ""},
    {"energy.mix.solar", ParameterType::real, 0.3, 0, 1, "share", "Solar share of electricity.",
     "energy_mix"},
    {"energy.mix.wind", ParameterType::real, 0.3, 0, 1, "share", "Wind share of electricity.",
     "energy_mix"},
    {"energy.mix.gas", ParameterType::real, 0.4, 0, 1, "share", "Gas share of electricity.",
     "energy_mix"},
};
constexpr std::size_t midpoint_cognitive = 0, midpoint_manual = 1, speed = 2, rounds = 3,
                      basic_income = 4, solar = 5, wind = 6, gas = 7;

struct ScratchDirectory {
  fs::path path = fs::temp_directory_path() / ("ts_scenario_test_" + std::to_string(::getpid()));
  ScratchDirectory() { fs::create_directories(path); }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path write_file(const std::string& name, const std::string& content) {
  static const ScratchDirectory scratch;
  const fs::path file = scratch.path / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file) << content;
  return file;
}

ts::app::ResolvedScenario load(const fs::path& file, const std::vector<std::string>& sets = {}) {
  return load_scenario(file, specs, sets, 2024, 2050);
}

// The message of the InputError thrown by loading `content` (with `sets`), "" if none.
std::string error_of(const std::string& name, const std::string& content,
                     const std::vector<std::string>& sets = {}) {
  const fs::path file = write_file(name, content);
  try {
    load(file, sets);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

#define EXPECT_CONTAINS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

double fixed(const ts::app::ResolvedScenario& s, std::size_t i) {
  EXPECT_EQ(s.parameters[i].kind, Distribution::Kind::fixed);
  return s.parameters[i].args.at(0);
}

TEST(Scenario, DefaultsWhereNothingIsSet) {
  const auto s = load(write_file("empty.toml", "# nothing set\n"));
  EXPECT_EQ(s.name, "empty");
  ASSERT_EQ(s.parameters.size(), std::size(specs));
  for (std::size_t i = 0; i < std::size(specs); ++i) EXPECT_EQ(fixed(s, i), specs[i].default_value);
  EXPECT_EQ(s.content_hash.size(), 16u);
}

TEST(Scenario, InheritanceChainMostDerivedWins) {
  write_file("chain/base.toml",
             "name = \"base\"\ndescription = \"the root\"\n"
             "[technology.speed]\nroutine_manual = 0.5\n"
             "[technology.midpoint_year]\nroutine_cognitive = 2040\n");
  write_file("chain/child.toml",
             "name = \"child\"\nbase = \"base.toml\"\n[technology.speed]\nroutine_manual = 0.6\n");
  const fs::path grandchild = write_file("chain/sub/grandchild.toml",
                                         "base = \"../child.toml\"\n[policy]\nbasic_income = true\n"
                                         "[labour]\nsearch_rounds = 5\n");
  const auto s = load(grandchild);
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.description, "the root");
  ASSERT_EQ(s.files.size(), 3u);
  EXPECT_EQ(fs::path(s.files[0]).filename(), "grandchild.toml");
  EXPECT_EQ(fs::path(s.files[1]).filename(), "child.toml");
  EXPECT_EQ(fs::path(s.files[2]).filename(), "base.toml");
  EXPECT_EQ(fixed(s, speed), 0.6);
  EXPECT_EQ(fixed(s, midpoint_cognitive), 2040);
  EXPECT_EQ(fixed(s, midpoint_manual), 2030);
  EXPECT_EQ(fixed(s, basic_income), 1.0);
  EXPECT_EQ(fixed(s, rounds), 5);
}

TEST(Scenario, InheritanceCycle) {
  write_file("cycle/a.toml", "base = \"b.toml\"\n");
  const std::string message = error_of("cycle/b.toml", "# b\nbase = \"a.toml\"\n");
  // b names a, whose base names b again: the error points at that line of a.
  EXPECT_CONTAINS(message, "a.toml:1: key 'base': inheritance cycle: ");
  EXPECT_CONTAINS(message, "b.toml -> ");
  const std::string self = error_of("cycle/self.toml", "base = \"self.toml\"\n");
  EXPECT_CONTAINS(self, "self.toml:1: key 'base': inheritance cycle");
}

TEST(Scenario, MissingFileAndMissingBase) {
  EXPECT_CONTAINS(error_of("x.toml", "base = \"nowhere.toml\"\n"),
                  "x.toml:1: key 'base': expected an existing scenario file");
  try {
    load("/nonexistent/scenario.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_CONTAINS(error.what(), "/nonexistent/scenario.toml: cannot open");
  }
}

TEST(Scenario, TomlSyntaxErrorNamesLine) {
  EXPECT_CONTAINS(
      error_of("syntax.toml", "name = \"x\"\n[technology.speed]\nroutine_manual = = 3\n"),
      "syntax.toml:3: TOML syntax error");
}

TEST(Scenario, UnknownKeySuggestsNearest) {
  EXPECT_CONTAINS(
      error_of("unknown.toml", "name = \"x\"\n[technology.speed]\nroutine_manul = 0.4\n"),
      "unknown.toml:3: unknown key 'technology.speed.routine_manul'; "
      "did you mean 'technology.speed.routine_manual'?");
  // A misspelt table name is reported at the parameter below it, with the full key.
  EXPECT_CONTAINS(error_of("table.toml", "[technolgy.speed]\nroutine_manual = 0.4\n"),
                  "table.toml:2: unknown key 'technolgy.speed.routine_manual'; "
                  "did you mean 'technology.speed.routine_manual'?");
  const std::string far = error_of("far.toml", "[weather]\nrain = 1\n");
  EXPECT_CONTAINS(far, "far.toml:2: unknown key 'weather.rain'");
  EXPECT_EQ(far.find("did you mean"), std::string::npos) << far;
}

TEST(Scenario, UnknownTopLevelKey) {
  EXPECT_CONTAINS(error_of("top.toml", "nmae = \"x\"\n"),
                  "top.toml:1: unknown top-level key 'nmae'; did you mean 'name'?");
  EXPECT_CONTAINS(error_of("top2.toml", "# c\nseed = 4\n"),
                  "top2.toml:2: unknown top-level key 'seed'");
}

TEST(Scenario, WrongType) {
  EXPECT_CONTAINS(
      error_of("type1.toml", "[technology.speed]\nroutine_manual = \"fast\"\n"),
      "type1.toml:2: key 'technology.speed.routine_manual': expected a number, found \"fast\"");
  EXPECT_CONTAINS(
      error_of("type2.toml", "[technology.midpoint_year]\nroutine_cognitive = 2035.5\n"),
      "type2.toml:2: key 'technology.midpoint_year.routine_cognitive': "
      "expected a year (an integer), found 2035.5");
  EXPECT_CONTAINS(error_of("type3.toml", "[policy]\nbasic_income = 1\n"),
                  "type3.toml:2: key 'policy.basic_income': expected true or false, found 1");
  EXPECT_CONTAINS(
      error_of("type4.toml", "technology = 3\n"),
      "type4.toml:1: key 'technology': expected a table of parameters, found an integer");
  EXPECT_CONTAINS(error_of("type5.toml", "name = 3\n"),
                  "type5.toml:1: key 'name': expected a string, found 3");
}

TEST(Scenario, OutOfRange) {
  EXPECT_CONTAINS(error_of("range.toml", "[technology.speed]\n\nroutine_manual = 5.0\n"),
                  "range.toml:3: key 'technology.speed.routine_manual': expected a number between "
                  "0.01 and 2, found 5");
  EXPECT_CONTAINS(
      error_of("range2.toml", "labour.search_rounds = 0\n"),
      "range2.toml:1: key 'labour.search_rounds': expected an integer between 1 and 10, found 0");
}

TEST(Scenario, YearOutsideTheRun) {
  EXPECT_CONTAINS(
      error_of("year.toml", "name = \"x\"\n[technology.midpoint_year]\nroutine_cognitive = 2075\n"),
      "year.toml:3: key 'technology.midpoint_year.routine_cognitive': "
      "expected a year between 2024 and 2050, found 2075");
}

TEST(Scenario, SharesNotSummingToOne) {
  const std::string message = error_of("mix.toml", "[energy.mix]\nsolar = 0.3\nwind = 0.5\n");
  EXPECT_CONTAINS(message, "mix.toml:3: sum group 'energy_mix'");
  EXPECT_CONTAINS(message, "expected shares summing to 1 (within 1e-6), found 1.2");
  EXPECT_EQ(error_of("mix_ok.toml", "[energy.mix]\nsolar = 0.5\nwind = 0.2\ngas = 0.3\n"), "");
}

TEST(Scenario, BadDistributions) {
  const std::string key = "key 'technology.speed.routine_manual': ";
  const auto check = [&](const std::string& name, const std::string& value,
                         const std::string& expected) {
    EXPECT_CONTAINS(error_of(name, "[technology.speed]\nroutine_manual = " + value + "\n"),
                    name + ":2: " + key + expected);
  };
  check("d1.toml", "{ distribution = \"gauss\", mean = 0.3, sd = 0.1 }",
        "field 'distribution': expected \"uniform\", \"normal\", \"triangular\" or \"choice\", "
        "found \"gauss\"");
  check("d2.toml", "{ distribution = \"uniform\", min = 0.1 }",
        "distribution 'uniform': missing field 'max'");
  check("d3.toml", "{ distribution = \"uniform\", min = 0.1, max = 0.3, sd = 1 }",
        "distribution 'uniform': unexpected field 'sd'");
  check("d4.toml", "{ distribution = \"uniform\", min = 0.5, max = 0.3 }",
        "distribution 'uniform': expected min <= max, found min 0.5 > max 0.3");
  check("d5.toml", "{ distribution = \"uniform\", min = 0.1, max = 3 }",
        "distribution 'uniform': field 'max': expected a number between 0.01 and 2, found 3");
  check("d6.toml", "{ distribution = \"normal\", mean = 0.3, sd = -1 }",
        "distribution 'normal': field 'sd': expected a positive number, found -1");
  check("d7.toml", "{ distribution = \"triangular\", min = 0.1, mode = 0.9, max = 0.3 }",
        "distribution 'triangular': expected min <= mode <= max, found mode 0.9");
  check("d8.toml", "{ distribution = \"choice\", values = [] }",
        "distribution 'choice': field 'values': expected a non-empty array, found an empty array");
  check("d9.toml", "{ min = 0.1, max = 0.2 }", "expected a number or a distribution such as");
}

TEST(Scenario, SetOverridesAfterInheritance) {
  const fs::path file = write_file("set.toml", "[technology.speed]\nroutine_manual = 0.5\n");
  const auto s = load(
      file,
      {"technology.speed.routine_manual=0.4", "name = \"from the command line\"",
       "technology.midpoint_year.routine_manual={distribution=\"uniform\",min=2030,max=2040}"});
  EXPECT_EQ(fixed(s, speed), 0.4);
  EXPECT_EQ(s.name, "from the command line");
  EXPECT_EQ(s.parameters[midpoint_manual].kind, Distribution::Kind::uniform);
  EXPECT_EQ(s.parameters[midpoint_manual].args, (std::vector<double>{2030, 2040}));
}

TEST(Scenario, SetErrorsNameTheOption) {
  const auto message = [](const std::string& assignment) {
    try {
      load(write_file("plain.toml", "name = \"plain\"\n"), {assignment});
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  EXPECT_CONTAINS(
      message("technology.speed.routine_manual=5"),
      "--set 'technology.speed.routine_manual=5': key 'technology.speed.routine_manual': "
      "expected a number between 0.01 and 2, found 5");
  EXPECT_CONTAINS(
      message("technology.sped.routine_manual=0.4"),
      "--set 'technology.sped.routine_manual=0.4': unknown key 'technology.sped.routine_manual'; "
      "did you mean 'technology.speed.routine_manual'?");
  EXPECT_CONTAINS(
      message("technology.speed.routine_manual=fast"),
      "--set 'technology.speed.routine_manual=fast': key 'technology.speed.routine_manual': "
      "expected a TOML value");
  EXPECT_CONTAINS(message("technology.speed.routine_manual"),
                  "--set 'technology.speed.routine_manual': expected key=value");
}

TEST(Scenario, DistributionsDrawnInRange) {
  const fs::path file = write_file(
      "draw.toml",
      "[technology.speed]\nroutine_manual = { distribution = \"normal\", mean = 1.9, sd = 0.5 }\n"
      "[technology.midpoint_year]\n"
      "routine_cognitive = { distribution = \"uniform\", min = 2030, max = 2040 }\n"
      "routine_manual = { distribution = \"triangular\", min = 2026, mode = 2028, max = 2040 }\n"
      "[labour]\nsearch_rounds = { distribution = \"choice\", values = [2, 4, 8] }\n"
      "[policy]\nbasic_income = { distribution = \"choice\", values = [true, false] }\n");
  const auto s = load(file);
  std::vector<int> seen_rounds(11, 0);
  bool reached_upper_clamp = false;
  for (int k = 0; k <= 1000; ++k) {
    const double u = k / 1000.0 * (1.0 - 1e-12);
    const std::vector<double> v =
        ts::app::draw_parameters(s, specs, [&](std::size_t) { return u; });
    EXPECT_GE(v[speed], 0.01);
    EXPECT_LE(v[speed], 2.0);
    reached_upper_clamp |= v[speed] == 2.0;
    EXPECT_GE(v[midpoint_cognitive], 2030);
    EXPECT_LE(v[midpoint_cognitive], 2040);
    EXPECT_EQ(v[midpoint_cognitive], std::floor(v[midpoint_cognitive]));  // years are whole
    EXPECT_GE(v[midpoint_manual], 2026);
    EXPECT_LE(v[midpoint_manual], 2040);
    ++seen_rounds.at(static_cast<std::size_t>(v[rounds]));
    EXPECT_TRUE(v[basic_income] == 0.0 || v[basic_income] == 1.0);
    EXPECT_EQ(v[solar], 0.3);  // fixed values untouched
  }
  EXPECT_TRUE(reached_upper_clamp);
  EXPECT_GT(seen_rounds[2], 0);
  EXPECT_GT(seen_rounds[4], 0);
  EXPECT_GT(seen_rounds[8], 0);
  // The median of a normal is its mean; of a symmetric triangular, its mode.
  const auto at_half = ts::app::draw_parameters(s, specs, [](std::size_t) { return 0.5; });
  EXPECT_NEAR(at_half[speed], 1.9, 1e-9);
}

TEST(Scenario, DrawnSharesAreRescaledToSumToOne) {
  const auto s = load(
      write_file("drawn_mix.toml",
                 "[energy.mix]\nsolar = { distribution = \"uniform\", min = 0.2, max = 0.4 }\n"));
  const auto v = ts::app::draw_parameters(s, specs, [](std::size_t) { return 0.99; });
  EXPECT_NEAR(v[solar] + v[wind] + v[gas], 1.0, 1e-15);
  EXPECT_GT(v[solar], 0.3);
}

TEST(Scenario, ContentHashFollowsValuesNotLayout) {
  const auto a = load(write_file("h1.toml",
                                 "name = \"h\"\n[technology.speed]\nroutine_manual = 0.5\n"
                                 "[labour]\nsearch_rounds = 4\n"));
  const auto b = load(write_file("h2.toml",
                                 "# same values, other order, comments\nname = \"h\"\n"
                                 "labour.search_rounds = 4 # four\n\n"
                                 "[technology]\nspeed.routine_manual = 0.50\n"));
  const auto c = load(write_file("h3.toml",
                                 "name = \"h\"\n[technology.speed]\nroutine_manual = 0.51\n"
                                 "[labour]\nsearch_rounds = 4\n"));
  EXPECT_EQ(a.resolved_text, b.resolved_text);
  EXPECT_EQ(a.content_hash, b.content_hash);
  EXPECT_NE(a.content_hash, c.content_hash);
}

TEST(Scenario, ResolvedTextIsAScenarioItself) {
  const auto s =
      load(write_file("full.toml",
                      "name = \"full \\\"quoted\\\"\"\n[technology.speed]\n"
                      "routine_manual = { distribution = \"normal\", mean = 0.3, sd = 0.05 }\n"
                      "[labour]\nsearch_rounds = { distribution = \"choice\", values = [2, 3] }\n"
                      "[energy.mix]\nsolar = 0.5\nwind = 0.25\ngas = 0.25\n"));
  EXPECT_CONTAINS(
      s.resolved_text,
      "technology.speed.routine_manual = { distribution = \"normal\", mean = 0.3, sd = 0.05 }\n");
  EXPECT_CONTAINS(s.resolved_text, "energy.mix.gas = 0.25\n");
  EXPECT_CONTAINS(s.resolved_text, "policy.basic_income = false\n");
  const auto again = load(write_file("again.toml", s.resolved_text));
  EXPECT_EQ(again.resolved_text, s.resolved_text);
  EXPECT_EQ(again.content_hash, s.content_hash);
}

TEST(Scenario, MarkdownListsEveryKey) {
  const std::string table = ts::app::parameters_markdown(specs);
  EXPECT_CONTAINS(table, "| key | meaning | unit | default | range |");
  for (const ParameterSpec& spec : specs) {
    EXPECT_CONTAINS(table, "`" + std::string(spec.key) + "`");
    EXPECT_CONTAINS(table, spec.description);
  }
  EXPECT_CONTAINS(table, "| 0.01 to 2 |");
}

}  // namespace
