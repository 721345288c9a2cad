// The person-level NetCDF-4 file of `taskshift synth`: dimension `person`, one variable per
// attribute of the person record in its own type (NC_UBYTE, NC_USHORT, NC_UINT64, NC_FLOAT),
// with units, long names and, for coded attributes, flag_values/flag_meanings; plus `isco4`
// (the ISCO-08 code of `occupation`) so that the file can be loaded back with --population.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/person_order.hpp"
#include "model/calibration.hpp"
#include "model/simulation.hpp"

namespace ts::app {

// Label lists of the coded attributes, in code order (also the labels of the CSV person file).
const std::vector<std::string>& sex_labels();
const std::vector<std::string>& education_labels();
const std::vector<std::string>& status_labels();
const std::vector<std::string>& region_labels();
const std::vector<std::string>& digital_skill_labels();

// Written as "<out>.partial-<pid>" and renamed onto `out` once complete; on error the partial
// file is removed and the exception names `out`.
void write_population_file(const std::vector<model::HostColumn>& columns, const model::Calibration& calibration,
                           const std::vector<std::pair<std::string, std::string>>& text_attributes,
                           const std::vector<std::pair<std::string, double>>& number_attributes,
                           const std::filesystem::path& out);

// One process's part of a person file that several processes write at once: the file's number
// of persons, where this process's id-ordered persons go, and how many writes every process makes
// per variable (collective writes need all processes; those beyond its stretches are empty).
struct PersonFileShare {
  std::uint64_t persons = 0;
  std::vector<PersonStretch> stretches;
  std::size_t writes = 1;
};

// Defines the person file's variables and attributes in `file` (an open NetCDF-4 file in define
// mode), calls `before_writing(file)` if given (e.g. to choose collective access) and writes this
// process's share of every column (columns in id order). Errors name `what`.
void write_person_variables(int file, const std::vector<model::HostColumn>& columns, const model::Calibration& calibration,
                            const std::vector<std::pair<std::string, std::string>>& text_attributes,
                            const std::vector<std::pair<std::string, double>>& number_attributes,
                            const PersonFileShare& share, const std::function<void(int)>& before_writing,
                            const std::string& what);

// A variable over `person` read back as doubles (exact for every type written), or absent.
struct PersonVariable {
  std::string name;
  std::vector<double> values;
};
// Reads the `wanted` variables that the file has over its dimension `person` (whose length goes
// to `persons`). Errors (InputError) name the file and the variable.
std::vector<PersonVariable> read_person_variables(const std::filesystem::path& file,
                                                  const std::vector<std::string>& wanted, std::size_t& persons);

// A numeric global attribute, such as `scale` (the fraction of the population the file holds,
// as `synth -o` and snapshots record it) or a snapshot's `year`, or nothing when the file has none.
std::optional<double> read_number_attribute(const std::filesystem::path& file, const char* name);

}  // namespace ts::app
