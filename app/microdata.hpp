// Real microdata instead of the synthetic population: a person file in CSV or NetCDF
// (docs/population.md, "Person files"), read, validated as a whole and turned into the host
// columns that Simulation::start_from takes. Nothing is built until every row has passed.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/calibration.hpp"
#include "model/simulation.hpp"

namespace ts::app {

struct Microdata {
  std::string file;
  std::size_t persons = 0;
  // Named as the person attributes: age, sex, education (attained), status, occupation (index of
  // the ISCO-08 table), hours, gross_wage, and those optional ones the file has.
  std::vector<model::HostColumn> columns;
  std::vector<std::string> optional_missing;  // optional columns the file lacks (drawn instead)
  std::optional<double> scale;  // what a NetCDF file records in its attribute `scale`
  std::optional<double> year;   // the year whose end a snapshot holds (its attribute `year`)
};

// The required and optional columns of a person file.
const std::vector<std::string>& microdata_required_columns();
const std::vector<std::string>& microdata_optional_columns();

// Reads FILE: NetCDF when it ends in .nc, CSV otherwise. Any problem throws InputError naming
// the file, the line (CSV) or row (NetCDF, counted from 1) and the column.
Microdata load_microdata(const std::filesystem::path& file, const model::Calibration& calibration);

// A note (empty when there is none) for a file whose persons, each standing for 1/scale
// residents, stand for a population more than 5% off the base population of the calibration.
std::string microdata_size_note(const Microdata& microdata, const model::Calibration& calibration, double scale);

// A file that records the scale it was written at must be run at that scale: at another, each
// person would stand for another number of residents. A snapshot that records its year must be of
// the base year: a later one would be labelled and projected as the base year's population.
// Throws InputError naming the file, the attribute and what it should be.
void check_microdata_fits(const Microdata& microdata, double scale, int base_year);

}  // namespace ts::app
