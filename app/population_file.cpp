#include "app/population_file.hpp"

#include <netcdf.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "app/input_error.hpp"
#include "app/output_file.hpp"

namespace ts::app {
namespace {

namespace fs = std::filesystem;

void check(int status, const std::string& what) {
  if (status != NC_NOERR) throw std::runtime_error(what + ": " + nc_strerror(status));
}

struct Coding {
  const char* name;
  const std::vector<std::string>& (*labels)();
  const char* long_name;
};

const Coding codings[] = {
    {"sex", sex_labels, "sex"},
    {"education", education_labels, "education (ISCED 0-2, 3-4, 5-8); students: the level they will leave school with"},
    {"status", status_labels, "labour-market status"},
    {"region", region_labels, "province"},
    {"digital_skill", digital_skill_labels, "digital skill level"},
};

std::string joined(const std::vector<std::string>& labels) {
  std::string text;
  for (const auto& l : labels) text += (text.empty() ? "" : " ") + l;
  return text;
}

int nc_type_of(const std::string& type) {
  if (type == "u8") return NC_UBYTE;
  if (type == "u16") return NC_USHORT;
  if (type == "u64") return NC_UINT64;
  if (type == "f32") return NC_FLOAT;
  throw std::invalid_argument("population file: unknown column type " + type);
}

void text_attribute(int file, int var, const char* name, const std::string& value, const std::string& what) {
  check(nc_put_att_text(file, var, name, value.size(), value.c_str()), what);
}

// The whole population, from one process.
void write_file(const std::vector<model::HostColumn>& columns, const model::Calibration& calibration,
                const std::vector<std::pair<std::string, std::string>>& text_attributes,
                const std::vector<std::pair<std::string, double>>& number_attributes, const fs::path& path,
                const std::string& what) {
  int file = -1;
  check(nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &file), what);
  try {
    std::uint64_t persons = 0;
    for (const auto& c : columns)
      if (c.name == "age") persons = c.bytes.size();
    const PersonFileShare whole{persons, {{0, 0, persons}}, 1};
    write_person_variables(file, columns, calibration, text_attributes, number_attributes, whole, {}, what);
    check(nc_close(file), what);
  } catch (...) {
    nc_close(file);
    throw;
  }
}

}  // namespace

const std::vector<std::string>& sex_labels() {
  static const std::vector<std::string> l{"male", "female"};
  return l;
}
const std::vector<std::string>& education_labels() {
  static const std::vector<std::string> l{"low", "middle", "high"};
  return l;
}
const std::vector<std::string>& status_labels() {
  static const std::vector<std::string> l{"in_education", "employee_permanent", "employee_temporary", "self_employed",
                                          "platform_worker", "unemployed", "inactive", "retired"};
  return l;
}
const std::vector<std::string>& region_labels() {
  static const std::vector<std::string> l{"antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"};
  return l;
}
const std::vector<std::string>& digital_skill_labels() {
  static const std::vector<std::string> l{"none", "basic", "advanced", "specialist"};
  return l;
}

void write_person_variables(int file, const std::vector<model::HostColumn>& columns, const model::Calibration& calibration,
                            const std::vector<std::pair<std::string, std::string>>& text_attributes,
                            const std::vector<std::pair<std::string, double>>& number_attributes,
                            const PersonFileShare& share, const std::function<void(int)>& before_writing,
                            const std::string& what) {
  std::uint64_t local_persons = 0;
  for (const auto& c : columns)
    if (c.name == "age") local_persons = c.bytes.size();
  int dim = -1;
  check(nc_def_dim(file, "person", share.persons, &dim), what);
  const std::size_t chunk = share.persons < 1048576 ? (share.persons > 0 ? share.persons : 1) : 1048576;
  auto define = [&](const std::string& name, int type, const std::string& unit, const std::string& long_name) {
    int var = -1;
    check(nc_def_var(file, name.c_str(), type, 1, &dim, &var), what + ": variable " + name);
    check(nc_def_var_chunking(file, var, NC_CHUNKED, &chunk), what);
    check(nc_def_var_deflate(file, var, 1, 1, 1), what);
    text_attribute(file, var, "units", unit, what);
    text_attribute(file, var, "long_name", long_name, what);
    return var;
  };
  std::vector<int> ids;
  for (const auto& c : columns) {
    const int var = define(c.name, nc_type_of(c.type), c.unit, c.name);
    for (const Coding& coding : codings) {
      if (c.name != coding.name) continue;
      const auto& labels = coding.labels();
      std::vector<unsigned char> values(labels.size());
      for (std::size_t k = 0; k < labels.size(); ++k) values[k] = static_cast<unsigned char>(k);
      check(nc_put_att(file, var, "flag_values", NC_UBYTE, values.size(), values.data()), what);
      text_attribute(file, var, "flag_meanings", joined(labels), what);
      text_attribute(file, var, "long_name", coding.long_name, what);
    }
    if (c.name == "occupation") text_attribute(file, var, "comment", "index into configs/calibration/occupation_tasks_isco08.csv sorted by isco1, isco4; see isco4", what);
    if (c.name == "hours") text_attribute(file, var, "comment", "full-time-equivalent fraction when working (1 for those not working)", what);
    ids.push_back(var);
  }
  const int isco4_var = define("isco4", NC_USHORT, "1", "ISCO-08 unit group (4-digit code) of the occupation");
  text_attribute(file, NC_GLOBAL, "Conventions", "CF-1.8", what);
  for (const auto& [k, v] : text_attributes) text_attribute(file, NC_GLOBAL, k.c_str(), v, what);
  for (const auto& [k, v] : number_attributes) check(nc_put_att_double(file, NC_GLOBAL, k.c_str(), NC_DOUBLE, 1, &v), what);
  check(nc_enddef(file), what);
  if (before_writing) before_writing(file);
  if (share.persons == 0) return;
  // Every process makes share.writes writes per variable (collective parallel writes need all of
  // them); those beyond its own stretches are empty.
  auto put = [&](int var, const unsigned char* local, std::size_t width, const std::string& name) {
    for (std::size_t w = 0; w < share.writes; ++w) {
      const PersonStretch stretch = w < share.stretches.size() ? share.stretches[w] : PersonStretch{};
      const std::size_t start = stretch.file_start, count = stretch.count;
      static const unsigned char nothing[8] = {};  // an empty write still needs a valid pointer
      const void* data = count > 0 ? static_cast<const void*>(local + stretch.local_start * width) : nothing;
      check(nc_put_vara(file, var, &start, &count, data), what + ": variable " + name);
    }
  };
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::size_t width = local_persons > 0 ? columns[i].bytes.size() / local_persons : 0;
    put(ids[i], columns[i].bytes.data(), width, columns[i].name);
    if (columns[i].name == "occupation") {
      std::vector<std::uint16_t> index(local_persons), isco4(local_persons);
      std::memcpy(index.data(), columns[i].bytes.data(), local_persons * sizeof(std::uint16_t));
      for (std::size_t k = 0; k < local_persons; ++k) isco4[k] = static_cast<std::uint16_t>(calibration.occupations.at(index[k]).isco4);
      put(isco4_var, reinterpret_cast<const unsigned char*>(isco4.data()), sizeof(std::uint16_t), "isco4");
    }
  }
}

void write_population_file(const std::vector<model::HostColumn>& columns, const model::Calibration& calibration,
                           const std::vector<std::pair<std::string, std::string>>& text_attributes,
                           const std::vector<std::pair<std::string, double>>& number_attributes, const fs::path& out) {
  write_atomically(out, [&](const fs::path& partial) {
    write_file(columns, calibration, text_attributes, number_attributes, partial, out.string());
  });
}

namespace {
// A person file opened for reading; an InputError names the file when it is not NetCDF.
int open_for_reading(const fs::path& file) {
  int nc = -1;
  const int status = nc_open(file.c_str(), NC_NOWRITE, &nc);
  if (status != NC_NOERR) throw_input_error(file.string(), 0, std::string("cannot open as NetCDF: ") + nc_strerror(status));
  return nc;
}
}  // namespace

std::optional<double> read_number_attribute(const fs::path& file, const char* name) {
  const int nc = open_for_reading(file);
  nc_type type = 0;
  std::size_t length = 0;
  double value = 0.0;
  const bool numeric = nc_inq_att(nc, NC_GLOBAL, name, &type, &length) == NC_NOERR && length == 1 &&
                       type != NC_CHAR && type != NC_STRING;
  const bool read = numeric && nc_get_att_double(nc, NC_GLOBAL, name, &value) == NC_NOERR;
  nc_close(nc);
  if (!read) return std::nullopt;
  return value;
}

std::vector<PersonVariable> read_person_variables(const fs::path& file, const std::vector<std::string>& wanted,
                                                  std::size_t& persons) {
  const std::string where = file.string();
  const int nc = open_for_reading(file);
  std::vector<PersonVariable> result;
  try {
    int dim = -1;
    if (nc_inq_dimid(nc, "person", &dim) != NC_NOERR) throw_input_error(where, 0, "expected a dimension 'person', found none");
    check(nc_inq_dimlen(nc, dim, &persons), where);
    for (const std::string& name : wanted) {
      int var = -1;
      if (nc_inq_varid(nc, name.c_str(), &var) != NC_NOERR) continue;
      int dims = 0;
      check(nc_inq_varndims(nc, var, &dims), where);
      int dim_ids[NC_MAX_VAR_DIMS];
      check(nc_inq_vardimid(nc, var, dim_ids), where);
      if (dims != 1 || dim_ids[0] != dim)
        throw_input_error(where, 0, "column '" + name + "': expected a variable over the dimension 'person' only");
      nc_type type = 0;
      check(nc_inq_vartype(nc, var, &type), where);
      if (type == NC_CHAR || type == NC_STRING)
        throw_input_error(where, 0, "column '" + name + "': expected numbers (codes for coded columns), found text");
      PersonVariable v{name, std::vector<double>(persons)};
      if (persons > 0) check(nc_get_var_double(nc, var, v.values.data()), where + ": variable " + name);
      result.push_back(std::move(v));
    }
    nc_close(nc);
  } catch (...) {
    nc_close(nc);
    throw;
  }
  return result;
}

}  // namespace ts::app
