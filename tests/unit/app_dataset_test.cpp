#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/dataset.hpp"
#include "app/input_error.hpp"
#include "app/output_file.hpp"

namespace {

namespace fs = std::filesystem;
using ts::app::Dataset;
using ts::app::Dimension;
using ts::app::Variable;

struct ScratchDirectory {
  fs::path path = fs::temp_directory_path() / ("ts_dataset_test_" + std::to_string(::getpid()));
  ScratchDirectory() { fs::create_directories(path); }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path scratch(const std::string& name) {
  static const ScratchDirectory directory;
  return directory.path / name;
}

// A small run output: 3 years x the given replicas x 3 education levels. Values depend on
// (year, replica, level) only, so blocks of replicas are slices of the whole.
Dataset make_dataset(const std::vector<double>& replicas, const std::string& host = "node01") {
  Dataset d;
  const std::vector<double> years = {2024, 2025, 2026};
  d.dims.push_back({"year", {}, years, "year", "calendar year"});
  d.dims.push_back({"replica", {}, replicas, "1", "replica number"});
  d.dims.push_back({"education", {"low", "middle", "high"}, {}, "", "ISCED level group"});
  Variable employment{
      "employment", "persons employed", "persons", {"year", "replica"}, {}, false, ""};
  Variable unemployed{"unemployed", "persons unemployed", "persons", {"year", "replica"}, {},
                      true,         "ILO definition"};
  Variable by_education{
      "employment_rate", "employment rate", "1", {"year", "replica", "education"}, {}, false, ""};
  for (std::size_t y = 0; y < years.size(); ++y)
    for (const double r : replicas) {
      employment.data.push_back(3.0e6 + 1234.567 * double(y) + std::sqrt(r + 2.0) * 1000.0);
      unemployed.data.push_back(150000 + 17 * double(y) + 3 * r);
      for (int e = 0; e < 3; ++e)
        by_education.data.push_back(0.5 + 0.1 * e + (double(y) + r) / 97.0);
    }
  Variable population{"population",
                      "population aged 15-66",
                      "persons",
                      {"year"},
                      {4.3e6, 4.31e6, 4.32e6},
                      false,
                      ""};
  Variable seed{"seed_used", "scenario seed", "1", {}, {42}, true, ""};
  d.variables = {employment, unemployed, by_education, population, seed};
  d.text_attributes = {{"title", "TaskShift test output"},
                       {"resolved_configuration", "name = \"test\"\ntechnology.speed = 0.3\n"},
                       {"host", host},
                       {ts::app::per_run_attributes_key, "host wall_seconds"}};
  d.number_attributes = {{"seed", 42}, {"wall_seconds", 1.5 + replicas.front()}};
  return d;
}

std::vector<double> range(double first, double last) {
  std::vector<double> values;
  for (double v = first; v <= last; ++v) values.push_back(v);
  return values;
}

bool same_dims(const Dataset& a, const Dataset& b) {
  if (a.dims.size() != b.dims.size()) return false;
  for (std::size_t i = 0; i < a.dims.size(); ++i)
    if (a.dims[i].name != b.dims[i].name || a.dims[i].labels != b.dims[i].labels ||
        a.dims[i].values != b.dims[i].values || a.dims[i].units != b.dims[i].units ||
        a.dims[i].long_name != b.dims[i].long_name)
      return false;
  return true;
}

std::size_t partial_files_in(const fs::path& dir) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    count += entry.path().filename().string().find(".partial-") != std::string::npos;
  return count;
}

TEST(Dataset, NetcdfRoundTripKeepsEveryBit) {
  Dataset written = make_dataset(range(0, 3));
  written.variables[0].data[5] = std::nan("");  // NaN survives with its bits
  ts::app::add_replica_percentiles(written);
  const fs::path file = scratch("round_trip.nc");
  ts::app::write_netcdf(written, file);
  const Dataset read = ts::app::read_netcdf(file);

  EXPECT_TRUE(ts::app::compare_bitwise(written, read).empty());
  EXPECT_TRUE(same_dims(written, read));
  ASSERT_EQ(read.variables.size(), written.variables.size());
  for (std::size_t i = 0; i < read.variables.size(); ++i) {
    const Variable& a = written.variables[i];
    const Variable& b = read.variables[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.dims, b.dims);
    EXPECT_EQ(a.units, b.units);
    EXPECT_EQ(a.long_name, b.long_name);
    EXPECT_EQ(a.comment, b.comment);
    EXPECT_EQ(a.integer, b.integer) << a.name;
  }
  ASSERT_FALSE(read.text_attributes.empty());
  EXPECT_EQ(read.text_attributes.front(),
            (std::pair<std::string, std::string>{"Conventions", "CF-1.8"}));
  const std::vector<std::pair<std::string, std::string>> rest(read.text_attributes.begin() + 1,
                                                              read.text_attributes.end());
  EXPECT_EQ(rest, written.text_attributes);
  EXPECT_EQ(read.number_attributes, written.number_attributes);
  EXPECT_FALSE(fs::exists(file.string() + ".partial-" + std::to_string(::getpid())));
}

TEST(Dataset, PythonXarrayReadsTheFile) {
  Dataset dataset = make_dataset(range(0, 4));
  ts::app::add_replica_percentiles(dataset);
  const fs::path file = scratch("for_xarray.nc");
  ts::app::write_netcdf(dataset, file);
  // Debian's interpreter (xarray, netCDF4, numpy); the percentiles must equal numpy's bits.
  const fs::path script = scratch("check.py");
  std::ofstream(script) << R"(import sys, numpy, xarray
ds = xarray.open_dataset(sys.argv[1])
assert ds.attrs["Conventions"] == "CF-1.8", ds.attrs
assert ds.attrs["title"] == "TaskShift test output"
assert ds.attrs["seed"] == 42
assert dict(ds.sizes) == {"year": 3, "replica": 5, "education": 3}, dict(ds.sizes)
assert list(ds.year.values) == [2024, 2025, 2026]
assert list(ds.education.values) == ["low", "middle", "high"], ds.education.values
assert ds.employment.dims == ("year", "replica")
assert ds.employment.attrs["units"] == "persons"
assert ds.employment.attrs["long_name"] == "persons employed"
assert ds.year.attrs["units"] == "year"
assert ds.unemployed.dtype == numpy.int64
assert ds.employment_rate.dims == ("year", "replica", "education")
assert float(ds.employment_rate.sel(year=2025, replica=3, education="high")) == 0.5 + 0.1 * 2 + (1 + 3) / 97.0
enc = ds.employment.encoding
assert enc.get("zlib") and enc.get("complevel") == 4 and enc.get("shuffle"), enc
for name in ["employment", "unemployed", "employment_rate"]:
    q = numpy.quantile(ds[name].values.astype(float), [0.05, 0.5, 0.95], axis=1)
    for k, suffix in enumerate(["_p05", "_p50", "_p95"]):
        assert numpy.array_equal(ds[name + suffix].values, q[k]), (name, suffix)
print("xarray ok")
)";
  const std::string command = "/usr/bin/python3 " + script.string() + " " + file.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(Dataset, ErrorMidWriteLeavesNoFileUnderTheFinalName) {
  Dataset bad = make_dataset(range(0, 1));
  bad.variables[2].data.pop_back();  // no longer matches (year, replica, education)
  const fs::path file = scratch("bad.nc");
  try {
    ts::app::write_netcdf(bad, file);
    FAIL() << "expected an exception";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("employment_rate"), std::string::npos) << error.what();
  }
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(partial_files_in(file.parent_path()), 0u);

  // A finished file from an earlier run stays as it was.
  const Dataset good = make_dataset(range(0, 1));
  ts::app::write_netcdf(good, file);
  EXPECT_THROW(ts::app::write_netcdf(bad, file), std::invalid_argument);
  EXPECT_TRUE(ts::app::compare_bitwise(good, ts::app::read_netcdf(file)).empty());
  EXPECT_EQ(partial_files_in(file.parent_path()), 0u);
}

// What `write_netcdf` (and `run`, `synth` and `merge` before any work) says about a path that
// cannot be written: the path, and what is wrong with its folder.
std::string output_folder_error(const fs::path& file) {
  try {
    ts::app::write_netcdf(make_dataset({0}), file);
  } catch (const ts::app::InputError& error) {
    EXPECT_NE(std::string(error.what()).find(file.string() + ": "), std::string::npos) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "expected an InputError for " << file;
  return "";
}

TEST(Dataset, UnwritablePathsAreNamedWithTheirFolder) {
  EXPECT_NE(output_folder_error(scratch("no_such_folder/out.nc")).find("the folder '" +
                                                                       scratch("no_such_folder").string() +
                                                                       "' does not exist"),
            std::string::npos);
  std::ofstream(scratch("plain_file")) << "x";
  EXPECT_NE(output_folder_error(scratch("plain_file/out.nc")).find("is not a folder"), std::string::npos);
  fs::create_directories(scratch("a_folder.nc"));
  EXPECT_NE(output_folder_error(scratch("a_folder.nc")).find("is a folder"), std::string::npos);
  EXPECT_EQ(partial_files_in(scratch("")), 0u);
  EXPECT_NO_THROW(ts::app::check_output_folder(scratch("fine.nc")));
  EXPECT_THROW(ts::app::read_netcdf(scratch("missing.nc")), std::runtime_error);
}

TEST(Dataset, PercentilesMatchHandComputation) {
  Dataset d;
  d.dims.push_back({"year", {}, {2024}, "year", ""});
  d.dims.push_back({"replica", {}, {0, 1, 2, 3}, "1", ""});
  d.variables.push_back({"x", "a quantity", "EUR", {"year", "replica"}, {10, 1, 3, 2}, false, ""});
  d.variables.push_back({"unrelated", "", "", {"year"}, {7}, false, ""});
  ts::app::add_replica_percentiles(d);
  ASSERT_EQ(d.variables.size(), 5u);
  const Variable* p05 = d.find("x_p05");
  const Variable* p50 = d.find("x_p50");
  const Variable* p95 = d.find("x_p95");
  ASSERT_TRUE(p05 && p50 && p95);
  // Sorted 1 2 3 10; positions (n - 1) q = 0.15, 1.5, 2.85.
  EXPECT_DOUBLE_EQ(p05->data.at(0), 1.0 + 0.15 * (2.0 - 1.0));
  EXPECT_DOUBLE_EQ(p50->data.at(0), 2.5);
  EXPECT_DOUBLE_EQ(p95->data.at(0), 3.0 + 0.85 * (10.0 - 3.0));
  EXPECT_EQ(p50->dims, std::vector<std::string>{"year"});
  EXPECT_EQ(p50->units, "EUR");
  EXPECT_EQ(p50->long_name, "a quantity (50th percentile over replicas)");
  ts::app::add_replica_percentiles(d);  // recomputing replaces, does not duplicate
  EXPECT_EQ(d.variables.size(), 5u);
}

TEST(Dataset, MergeOfBlocksEqualsTheWholeEnsemble) {
  Dataset whole = make_dataset(range(0, 5));
  ts::app::add_replica_percentiles(whole);
  Dataset first = make_dataset(range(0, 2), "node01");
  Dataset second = make_dataset(range(3, 5), "node02");  // per-run attributes differ
  ts::app::add_replica_percentiles(first);
  ts::app::add_replica_percentiles(second);

  for (const auto& blocks :
       {std::vector<Dataset>{first, second}, std::vector<Dataset>{second, first}}) {
    const Dataset merged = ts::app::merge_replicas(blocks);
    EXPECT_TRUE(same_dims(whole, merged));
    EXPECT_TRUE(ts::app::compare_bitwise(whole, merged).empty());
    ASSERT_EQ(merged.variables.size(), whole.variables.size());
    for (std::size_t i = 0; i < merged.variables.size(); ++i)
      EXPECT_EQ(merged.variables[i].name, whole.variables[i].name);
  }
  // Through files, as an ensemble job would do it.
  ts::app::write_netcdf(first, scratch("block1.nc"));
  ts::app::write_netcdf(second, scratch("block2.nc"));
  ts::app::write_netcdf(whole, scratch("whole.nc"));
  const Dataset merged = ts::app::merge_replicas(
      {ts::app::read_netcdf(scratch("block1.nc")), ts::app::read_netcdf(scratch("block2.nc"))});
  EXPECT_TRUE(ts::app::compare_bitwise(ts::app::read_netcdf(scratch("whole.nc")), merged).empty());
}

TEST(Dataset, MissingReplicasAreListedAsRanges) {
  Dataset whole = make_dataset(range(0, 5));
  EXPECT_EQ(ts::app::missing_replicas(whole.dim("replica")), "");
  const Dataset merged = ts::app::merge_replicas({make_dataset(range(3, 3)), make_dataset(range(0, 0)),
                                                  make_dataset(range(5, 9), "node02")});
  EXPECT_EQ(ts::app::missing_replicas(merged.dim("replica")), "1-2, 4");
}

// The message of the InputError that merging `blocks` named a.nc, b.nc throws ("" if none).
std::string merge_error(const std::vector<Dataset>& blocks) {
  try {
    ts::app::merge_replicas(blocks, {"a.nc", "b.nc"});
  } catch (const ts::app::InputError& error) {
    return error.what();
  }
  return "";
}

TEST(Dataset, MergeRejectsOverlapsAndMismatches) {
  EXPECT_EQ(merge_error({make_dataset({0, 1}), make_dataset({1, 2})}), "b.nc: replica 1 is also in a.nc");
  EXPECT_EQ(merge_error({make_dataset({0, 1, 1})}), "a.nc: replica 1 appears twice");
  Dataset other = make_dataset({2, 3});
  other.text_attributes[0].second = "another title";
  EXPECT_EQ(merge_error({make_dataset({0, 1}), other}),
            "b.nc: attribute '" + other.text_attributes[0].first +
                "' differs from a.nc; only blocks of one ensemble merge");
  Dataset shifted = make_dataset({2, 3});
  shifted.variables[3].data[0] += 1;  // population has no replica dim: must match
  EXPECT_EQ(merge_error({make_dataset({0, 1}), shifted}),
            "b.nc: the data of variable 'population' differs from a.nc; only blocks of one ensemble merge");
  // Without names the blocks are numbered.
  try {
    ts::app::merge_replicas({make_dataset({0, 1}), make_dataset({1, 2})});
    ADD_FAILURE() << "expected an InputError";
  } catch (const ts::app::InputError& error) {
    EXPECT_STREQ(error.what(), "block 2: replica 1 is also in block 1");
  }
}

TEST(Dataset, CompareBitwiseFindsOneUlp) {
  const Dataset a = make_dataset(range(0, 3));
  Dataset b = a;
  double& value = b.variables[0].data[4];
  const double before = value;
  value = std::nextafter(value, 1e300);
  auto differences = ts::app::compare_bitwise(a, b);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].variable, "employment");
  EXPECT_EQ(differences[0].differing_values, 1u);
  EXPECT_EQ(differences[0].max_abs_diff, value - before);
  EXPECT_GT(differences[0].max_abs_diff, 0.0);

  b = a;
  b.variables.pop_back();
  differences = ts::app::compare_bitwise(a, b);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].variable, "seed_used");
  EXPECT_EQ(differences[0].differing_values, SIZE_MAX);

  b = a;
  b.variables[0].data[0] = -0.0 * b.variables[0].data[0];  // sign differs
  Dataset c = a;
  c.variables[0].data[0] = std::nan("");
  Dataset d = a;
  d.variables[0].data[0] = std::nan("");
  EXPECT_EQ(ts::app::compare_bitwise(a, b).size(), 1u);
  EXPECT_TRUE(ts::app::compare_bitwise(c, d).empty());
}

TEST(Dataset, YearlyCsvHasHeaderAndOneRowPerYearAndReplica) {
  const Dataset d = make_dataset({0, 1});
  const fs::path file = scratch("yearly.csv");
  ts::app::write_yearly_csv(d, file);
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u + 3 * 2);
  EXPECT_EQ(lines[0],
            "year,replica,employment,unemployed,employment_rate[low],employment_rate[middle],"
            "employment_rate[high]");
  std::vector<std::string> fields;
  std::stringstream row(lines[4]);
  for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
  ASSERT_EQ(fields.size(), 7u);
  EXPECT_EQ(fields[0], "2025");
  EXPECT_EQ(fields[1], "1");
  EXPECT_EQ(std::stod(fields[2]), d.variables[0].data[3]);  // shortest round-trip text
  EXPECT_EQ(fields[3], "150020");
  EXPECT_EQ(std::stod(fields[6]), d.variables[2].data[11]);
  EXPECT_EQ(partial_files_in(file.parent_path()), 0u);
}

}  // namespace
