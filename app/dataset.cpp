// NetCDF-4 output through the C API, written under a temporary name so that a run killed
// mid-write never leaves a file that looks finished (ARCHITECTURE.md, principle 7), and the
// replica-ensemble operations on the in-memory dataset.
#include "app/dataset.hpp"

#include <netcdf.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <stdexcept>

#include "app/input_error.hpp"
#include "app/number_text.hpp"
#include "app/output_file.hpp"

namespace ts::app {
namespace {

namespace fs = std::filesystem;

const char* const percentile_suffixes[] = {"_p05", "_p50", "_p95"};
const double percentile_levels[] = {0.05, 0.50, 0.95};
const char* const percentile_names[] = {"5th", "50th", "95th"};

std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool is_whole(double value) {
  return std::isfinite(value) && std::trunc(value) == value && std::abs(value) <= 0x1p53 &&
         !(value == 0.0 && std::signbit(value));  // -0.0 would come back as +0.0
}

// ---------------------------------------------------------------- NetCDF writing

class NetcdfWriter {
 public:
  NetcdfWriter(const Dataset& dataset, std::string out_name)
      : dataset_(dataset), out_(std::move(out_name)) {}

  void write(const fs::path& partial) {
    check(nc_create(partial.c_str(), NC_NETCDF4 | NC_CLOBBER, &ncid_), "creating the file");
    try {
      define();
      check(nc_enddef(ncid_), "leaving define mode");
      put_data();
      const int status = nc_close(ncid_);
      ncid_ = -1;
      check(status, "closing the file");
    } catch (...) {
      if (ncid_ >= 0) nc_abort(ncid_);
      ncid_ = -1;
      throw;
    }
  }

 private:
  void check(int status, const std::string& what) const {
    if (status != NC_NOERR)
      throw std::runtime_error(out_ + ": NetCDF error while " + what + ": " + nc_strerror(status));
  }
  [[noreturn]] void inconsistent(const std::string& what) const {
    throw std::invalid_argument(out_ + ": cannot write the dataset: " + what);
  }
  void put_text(int varid, const char* name, const std::string& text) {
    if (!text.empty())
      check(nc_put_att_text(ncid_, varid, name, text.size(), text.c_str()),
            std::string("writing attribute ") + name);
  }

  void define() {
    bool has_conventions = false;
    for (const auto& [name, value] : dataset_.text_attributes)
      has_conventions |= name == "Conventions";
    if (!has_conventions) put_text(NC_GLOBAL, "Conventions", "CF-1.8");
    for (const auto& [name, value] : dataset_.text_attributes)
      put_text(NC_GLOBAL, name.c_str(), value);
    for (const auto& [name, value] : dataset_.number_attributes)
      check(nc_put_att_double(ncid_, NC_GLOBAL, name.c_str(), NC_DOUBLE, 1, &value),
            "writing attribute " + name);
    for (const Dimension& dim : dataset_.dims) define_dimension(dim);
    for (const Variable& variable : dataset_.variables) define_variable(variable);
  }

  void define_dimension(const Dimension& dim) {
    if (!dim.labels.empty() && !dim.values.empty())
      inconsistent("dimension '" + dim.name + "' has both labels and values");
    int dimid = 0, varid = 0;
    check(nc_def_dim(ncid_, dim.name.c_str(), dim.size(), &dimid),
          "defining dimension '" + dim.name + "'");
    const bool whole = std::all_of(dim.values.begin(), dim.values.end(), is_whole);
    const nc_type type = !dim.labels.empty() ? NC_STRING : whole ? NC_INT64 : NC_DOUBLE;
    check(nc_def_var(ncid_, dim.name.c_str(), type, 1, &dimid, &varid),
          "defining coordinate '" + dim.name + "'");
    put_text(varid, "long_name", dim.long_name);
    put_text(varid, "units", dim.units);
    coordinates_.push_back({varid, &dim, type});
  }

  void define_variable(const Variable& variable) {
    std::vector<int> dimids;
    std::size_t size = 1;
    for (const std::string& dim_name : variable.dims) {
      const auto dim = std::find_if(dataset_.dims.begin(), dataset_.dims.end(),
                                    [&](const Dimension& d) { return d.name == dim_name; });
      if (dim == dataset_.dims.end())
        inconsistent("variable '" + variable.name + "' uses undeclared dimension '" + dim_name +
                     "'");
      dimids.push_back(static_cast<int>(dim - dataset_.dims.begin()));
      size *= dim->size();
    }
    if (variable.data.size() != size)
      inconsistent("variable '" + variable.name + "' has " + std::to_string(variable.data.size()) +
                   " values where its dimensions need " + std::to_string(size));
    if (variable.integer && !std::all_of(variable.data.begin(), variable.data.end(), [](double v) {
          return std::isfinite(v) && std::trunc(v) == v;
        }))
      inconsistent("integer variable '" + variable.name +
                   "' holds a value that is not a whole number");
    int varid = 0;
    check(nc_def_var(ncid_, variable.name.c_str(), variable.integer ? NC_INT64 : NC_DOUBLE,
                     static_cast<int>(dimids.size()), dimids.data(), &varid),
          "defining variable '" + variable.name + "'");
    if (!dimids.empty() && size > 0)  // filters need a chunked (non-scalar) variable
      check(nc_def_var_deflate(ncid_, varid, 1, 1, 4),
            "setting compression of '" + variable.name + "'");
    put_text(varid, "long_name", variable.long_name);
    put_text(varid, "units", variable.units);
    put_text(varid, "comment", variable.comment);
    variables_.push_back({varid, &variable});
  }

  void put_data() {
    for (const auto& [varid, dim, type] : coordinates_) {
      const std::string what = "writing coordinate '" + dim->name + "'";
      if (dim->size() == 0) continue;
      if (type == NC_STRING) {
        std::vector<const char*> pointers;
        for (const std::string& label : dim->labels) pointers.push_back(label.c_str());
        check(nc_put_var_string(ncid_, varid, pointers.data()), what);
      } else if (type == NC_INT64) {
        std::vector<long long> whole(dim->values.begin(), dim->values.end());
        check(nc_put_var_longlong(ncid_, varid, whole.data()), what);
      } else {
        check(nc_put_var_double(ncid_, varid, dim->values.data()), what);
      }
    }
    for (const auto& [varid, variable] : variables_) {
      const std::string what = "writing variable '" + variable->name + "'";
      if (variable->data.empty()) continue;
      if (variable->integer) {
        std::vector<long long> whole(variable->data.begin(), variable->data.end());
        check(nc_put_var_longlong(ncid_, varid, whole.data()), what);
      } else {
        check(nc_put_var_double(ncid_, varid, variable->data.data()), what);
      }
    }
  }

  struct Coordinate {
    int varid;
    const Dimension* dim;
    nc_type type;
  };
  struct Defined {
    int varid;
    const Variable* variable;
  };
  const Dataset& dataset_;
  std::string out_;
  int ncid_ = -1;
  std::vector<Coordinate> coordinates_;
  std::vector<Defined> variables_;
};

// ---------------------------------------------------------------- NetCDF reading

class NetcdfReader {
 public:
  explicit NetcdfReader(const fs::path& file) : file_(file.string()) {
    check(nc_open(file_.c_str(), NC_NOWRITE, &ncid_), "opening the file");
  }
  ~NetcdfReader() { nc_close(ncid_); }
  NetcdfReader(const NetcdfReader&) = delete;
  NetcdfReader& operator=(const NetcdfReader&) = delete;

  Dataset read() {
    Dataset dataset;
    int ndims = 0, nvars = 0, ngatts = 0, unlimited = 0;
    check(nc_inq(ncid_, &ndims, &nvars, &ngatts, &unlimited), "reading the header");
    std::vector<int> dimids(static_cast<std::size_t>(ndims));
    check(nc_inq_dimids(ncid_, &ndims, dimids.data(), 0), "listing dimensions");
    std::vector<std::string> dim_names;
    for (const int dimid : dimids) {
      dataset.dims.push_back(read_dimension(dimid));
      dim_names.push_back(dataset.dims.back().name);
    }
    for (int varid = 0; varid < nvars; ++varid) {
      const std::string name = variable_name(varid);
      if (std::find(dim_names.begin(), dim_names.end(), name) == dim_names.end())
        dataset.variables.push_back(read_variable(varid, name));
    }
    for (int i = 0; i < ngatts; ++i) read_global_attribute(i, dataset);
    return dataset;
  }

 private:
  void check(int status, const std::string& what) const {
    if (status != NC_NOERR)
      throw std::runtime_error(file_ + ": NetCDF error while " + what + ": " + nc_strerror(status));
  }

  std::string variable_name(int varid) const {
    char name[NC_MAX_NAME + 1];
    check(nc_inq_varname(ncid_, varid, name), "reading a variable name");
    return name;
  }

  std::string text_attribute(int varid, const char* name) const {
    nc_type type = 0;
    std::size_t length = 0;
    if (nc_inq_att(ncid_, varid, name, &type, &length) != NC_NOERR) return "";
    if (type == NC_STRING) {
      std::vector<char*> strings(length);
      check(nc_get_att_string(ncid_, varid, name, strings.data()),
            std::string("reading attribute ") + name);
      std::string text = length > 0 && strings[0] ? strings[0] : "";
      nc_free_string(length, strings.data());
      return text;
    }
    std::string text(length, '\0');
    check(nc_get_att_text(ncid_, varid, name, text.data()),
          std::string("reading attribute ") + name);
    return text;
  }

  std::vector<double> numbers(int varid, std::size_t size, const std::string& name) const {
    std::vector<double> data(size);
    if (size > 0) check(nc_get_var_double(ncid_, varid, data.data()), "reading '" + name + "'");
    return data;
  }

  Dimension read_dimension(int dimid) const {
    char name[NC_MAX_NAME + 1];
    std::size_t length = 0;
    check(nc_inq_dim(ncid_, dimid, name, &length), "reading a dimension");
    Dimension dim{name, {}, {}, "", ""};
    int varid = 0;
    if (nc_inq_varid(ncid_, name, &varid) != NC_NOERR) {
      dim.values.resize(length);  // no coordinate variable: number the positions
      for (std::size_t i = 0; i < length; ++i) dim.values[i] = double(i);
      return dim;
    }
    nc_type type = 0;
    check(nc_inq_vartype(ncid_, varid, &type), "reading coordinate '" + dim.name + "'");
    if (type == NC_STRING) {
      std::vector<char*> strings(length);
      if (length > 0)
        check(nc_get_var_string(ncid_, varid, strings.data()),
              "reading coordinate '" + dim.name + "'");
      for (char* s : strings) dim.labels.emplace_back(s ? s : "");
      if (length > 0) nc_free_string(length, strings.data());
    } else {
      dim.values = numbers(varid, length, dim.name);
    }
    dim.units = text_attribute(varid, "units");
    dim.long_name = text_attribute(varid, "long_name");
    return dim;
  }

  Variable read_variable(int varid, const std::string& name) const {
    Variable variable;
    variable.name = name;
    int ndims = 0;
    nc_type type = 0;
    check(nc_inq_varndims(ncid_, varid, &ndims), "reading variable '" + name + "'");
    std::vector<int> dimids(static_cast<std::size_t>(ndims));
    check(nc_inq_var(ncid_, varid, nullptr, &type, nullptr, dimids.data(), nullptr),
          "reading variable '" + name + "'");
    std::size_t size = 1;
    for (const int dimid : dimids) {
      char dim_name[NC_MAX_NAME + 1];
      std::size_t length = 0;
      check(nc_inq_dim(ncid_, dimid, dim_name, &length), "reading variable '" + name + "'");
      variable.dims.emplace_back(dim_name);
      size *= length;
    }
    variable.integer = type == NC_INT64 || type == NC_INT || type == NC_SHORT || type == NC_BYTE ||
                       type == NC_UINT64 || type == NC_UINT || type == NC_USHORT ||
                       type == NC_UBYTE;
    variable.data = numbers(varid, size, name);
    variable.long_name = text_attribute(varid, "long_name");
    variable.units = text_attribute(varid, "units");
    variable.comment = text_attribute(varid, "comment");
    return variable;
  }

  void read_global_attribute(int index, Dataset& dataset) const {
    char name[NC_MAX_NAME + 1];
    check(nc_inq_attname(ncid_, NC_GLOBAL, index, name), "reading a global attribute");
    nc_type type = 0;
    std::size_t length = 0;
    check(nc_inq_att(ncid_, NC_GLOBAL, name, &type, &length),
          std::string("reading attribute ") + name);
    if (type == NC_CHAR || type == NC_STRING) {
      dataset.text_attributes.emplace_back(name, text_attribute(NC_GLOBAL, name));
    } else {
      std::vector<double> values(std::max<std::size_t>(length, 1));
      check(nc_get_att_double(ncid_, NC_GLOBAL, name, values.data()),
            std::string("reading attribute ") + name);
      dataset.number_attributes.emplace_back(name, values[0]);
    }
  }

  std::string file_;
  int ncid_ = -1;
};

// ---------------------------------------------------------------- ensembles

std::size_t axis_of(const Variable& variable, std::string_view dim) {
  return static_cast<std::size_t>(std::find(variable.dims.begin(), variable.dims.end(), dim) -
                                  variable.dims.begin());
}

// Sizes of the dimensions before and after `axis`, so that index = (outer * n + k) * inner + i.
// Also checks that the data has the size its dimensions say.
std::pair<std::size_t, std::size_t> outer_inner(const Dataset& dataset, const Variable& variable,
                                                std::size_t axis) {
  std::size_t outer = 1, inner = 1;
  for (std::size_t d = 0; d < axis; ++d) outer *= dataset.dim(variable.dims[d]).size();
  for (std::size_t d = axis + 1; d < variable.dims.size(); ++d)
    inner *= dataset.dim(variable.dims[d]).size();
  if (variable.data.size() != outer * dataset.dim(variable.dims[axis]).size() * inner)
    throw std::invalid_argument("variable '" + variable.name + "' has " +
                                std::to_string(variable.data.size()) +
                                " values, which does not match its dimensions");
  return {outer, inner};
}

// numpy.quantile(values, q) with the default method "linear" (virtual index (n - 1) q), using
// numpy's own lerp so that results match numpy to the bit.
double linear_quantile(const std::vector<double>& sorted, double q) {
  const double index = double(sorted.size() - 1) * q;
  const double below = std::floor(index);
  const std::size_t lower = static_cast<std::size_t>(below);
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double t = index - below, a = sorted[lower], b = sorted[upper];
  const double difference = b - a;
  return t >= 0.5 ? b - difference * (1.0 - t) : a + difference * t;
}

bool is_percentile_name(const std::string& name) {
  for (const char* suffix : percentile_suffixes)
    if (name.size() > 4 && name.ends_with(suffix)) return true;
  return false;
}

std::vector<std::string> per_run_attributes(const Dataset& dataset) {
  std::vector<std::string> names;
  for (const auto& [name, value] : dataset.text_attributes) {
    if (name != per_run_attributes_key) continue;
    std::string current;
    for (const char c : value + " ") {
      if (c == ' ' || c == ',') {
        if (!current.empty()) names.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
  }
  return names;
}

bool same_dimension(const Dimension& a, const Dimension& b) {
  return a.name == b.name && a.labels == b.labels && same_bits(a.values, b.values) &&
         a.units == b.units && a.long_name == b.long_name;
}

bool same_metadata(const Variable& a, const Variable& b) {
  return a.name == b.name && a.dims == b.dims && a.long_name == b.long_name && a.units == b.units &&
         a.integer == b.integer && a.comment == b.comment;
}

// Everything of `block` except its replicas must match `first`.
void check_block_matches(const Dataset& first, const Dataset& block, const std::string& first_name,
                         const std::string& name) {
  const auto fail = [&](const std::string& what) {
    throw InputError(name + ": " + what + " differs from " + first_name + "; only blocks of one ensemble merge");
  };
  if (first.dims.size() != block.dims.size()) fail("the list of dimensions");
  for (std::size_t d = 0; d < first.dims.size(); ++d)
    if (first.dims[d].name != "replica" && !same_dimension(first.dims[d], block.dims[d]))
      fail("dimension '" + first.dims[d].name + "'");
  if (first.variables.size() != block.variables.size()) fail("the list of variables");
  for (std::size_t v = 0; v < first.variables.size(); ++v) {
    const Variable& a = first.variables[v];
    const Variable& b = block.variables[v];
    if (!same_metadata(a, b)) fail("variable '" + a.name + "' (name, dimensions or attributes)");
    if (axis_of(a, "replica") == a.dims.size() && !same_bits(a.data, b.data))
      fail("the data of variable '" + a.name + "'");
  }
  const std::vector<std::string> per_run = per_run_attributes(first);
  const auto shared = [&](const auto& attributes) {
    auto kept = attributes;
    std::erase_if(kept, [&](const auto& a) {
      return std::find(per_run.begin(), per_run.end(), a.first) != per_run.end();
    });
    return kept;
  };
  const auto texts_a = shared(first.text_attributes), texts_b = shared(block.text_attributes);
  if (texts_a.size() != texts_b.size()) fail("the list of text attributes");
  for (std::size_t i = 0; i < texts_a.size(); ++i)
    if (texts_a[i] != texts_b[i]) fail("attribute '" + texts_a[i].first + "'");
  const auto numbers_a = shared(first.number_attributes),
             numbers_b = shared(block.number_attributes);
  if (numbers_a.size() != numbers_b.size()) fail("the list of number attributes");
  for (std::size_t i = 0; i < numbers_a.size(); ++i)
    if (numbers_a[i].first != numbers_b[i].first ||
        bits_of(numbers_a[i].second) != bits_of(numbers_b[i].second))
      fail("attribute '" + numbers_a[i].first + "'");
}

Dataset without_percentiles(Dataset dataset) {
  std::erase_if(dataset.variables, [](const Variable& v) { return is_percentile_name(v.name); });
  return dataset;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string coordinate_text(const Dimension& dim, std::size_t i) {
  return dim.labels.empty() ? round_trip_text(dim.values[i]) : dim.labels[i];
}

}  // namespace

const Dimension& Dataset::dim(std::string_view name) const {
  for (const Dimension& d : dims)
    if (d.name == name) return d;
  throw std::out_of_range("dataset has no dimension '" + std::string(name) + "'");
}

const Variable* Dataset::find(std::string_view name) const {
  for (const Variable& v : variables)
    if (v.name == name) return &v;
  return nullptr;
}

void write_netcdf(const Dataset& dataset, const std::filesystem::path& out) {
  write_atomically(
      out, [&](const fs::path& partial) { NetcdfWriter(dataset, out.string()).write(partial); });
}

Dataset read_netcdf(const std::filesystem::path& file) { return NetcdfReader(file).read(); }

void add_replica_percentiles(Dataset& dataset) {
  std::vector<Variable> added;
  for (const Variable& variable : dataset.variables) {
    const std::size_t axis = axis_of(variable, "replica");
    if (axis == variable.dims.size()) continue;
    const std::size_t replicas = dataset.dim("replica").size();
    const auto [outer, inner] = outer_inner(dataset, variable, axis);
    Variable base{variable.name, variable.long_name, variable.units, variable.dims, {},
                  false,         variable.comment};
    base.dims.erase(base.dims.begin() + static_cast<std::ptrdiff_t>(axis));
    std::vector<Variable> levels(3, base);
    for (std::size_t p = 0; p < 3; ++p) {
      levels[p].name += percentile_suffixes[p];
      levels[p].long_name += std::string(" (") + percentile_names[p] + " percentile over replicas)";
    }
    std::vector<double> values(replicas);
    for (std::size_t o = 0; o < outer; ++o)
      for (std::size_t i = 0; i < inner; ++i) {
        bool any_nan = false;
        for (std::size_t r = 0; r < replicas; ++r) {
          values[r] = variable.data[(o * replicas + r) * inner + i];
          any_nan |= std::isnan(values[r]);
        }
        std::sort(values.begin(), values.end());
        for (std::size_t p = 0; p < 3; ++p)
          levels[p].data.push_back(any_nan || replicas == 0
                                       ? std::numeric_limits<double>::quiet_NaN()
                                       : linear_quantile(values, percentile_levels[p]));
      }
    for (Variable& level : levels) added.push_back(std::move(level));
  }
  for (Variable& variable : added) {
    std::erase_if(dataset.variables, [&](const Variable& v) { return v.name == variable.name; });
    dataset.variables.push_back(std::move(variable));
  }
}

Dataset merge_replicas(const std::vector<Dataset>& input_blocks, const std::vector<std::string>& block_names) {
  if (input_blocks.empty()) throw std::invalid_argument("merge_replicas: no blocks to merge");
  std::vector<std::string> names = block_names;
  for (std::size_t b = names.size(); b < input_blocks.size(); ++b) names.push_back("block " + std::to_string(b + 1));
  std::vector<Dataset> blocks;
  for (const Dataset& block : input_blocks) blocks.push_back(without_percentiles(block));
  for (std::size_t b = 1; b < blocks.size(); ++b) check_block_matches(blocks[0], blocks[b], names[0], names[b]);

  // Every replica as (value, block, position in block), in the order of replica values.
  struct Source {
    double value;
    std::size_t block, position;
  };
  std::vector<Source> sources;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Dimension& replica = blocks[b].dim("replica");
    if (!replica.labels.empty())
      throw InputError(names[b] + ": the replica coordinate must be numeric");
    for (std::size_t k = 0; k < replica.values.size(); ++k)
      sources.push_back({replica.values[k], b, k});
  }
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Source& a, const Source& b) { return a.value < b.value; });
  for (std::size_t k = 1; k < sources.size(); ++k)
    if (sources[k].value == sources[k - 1].value)
      throw InputError(names[sources[k].block] + ": replica " + round_trip_text(sources[k].value) +
                       (sources[k].block == sources[k - 1].block ? " appears twice"
                                                                 : " is also in " + names[sources[k - 1].block]));

  Dataset merged = blocks[0];
  for (Dimension& dim : merged.dims)
    if (dim.name == "replica") {
      dim.values.clear();
      for (const Source& source : sources) dim.values.push_back(source.value);
    }
  for (std::size_t v = 0; v < merged.variables.size(); ++v) {
    Variable& variable = merged.variables[v];
    const std::size_t axis = axis_of(variable, "replica");
    if (axis == variable.dims.size()) continue;
    for (const Dataset& block : blocks)
      outer_inner(block, block.variables[v], axis);  // sizes check
    const auto [outer, inner] = outer_inner(blocks[0], variable, axis);
    variable.data.assign(outer * sources.size() * inner, 0.0);
    for (std::size_t o = 0; o < outer; ++o)
      for (std::size_t k = 0; k < sources.size(); ++k) {
        const Dataset& block = blocks[sources[k].block];
        const std::size_t block_replicas = block.dim("replica").size();
        const double* from =
            &block.variables[v].data[(o * block_replicas + sources[k].position) * inner];
        std::copy(from, from + inner, &variable.data[(o * sources.size() + k) * inner]);
      }
  }
  add_replica_percentiles(merged);
  return merged;
}

std::string missing_replicas(const Dimension& replica) {
  std::string text;
  for (std::size_t k = 1; k < replica.values.size(); ++k) {
    const double first = replica.values[k - 1] + 1.0, last = replica.values[k] - 1.0;
    if (first > last) continue;
    text += (text.empty() ? "" : ", ") + round_trip_text(first) + (first == last ? "" : "-" + round_trip_text(last));
  }
  return text;
}

void write_yearly_csv(const Dataset& dataset, const std::filesystem::path& out) {
  const Dimension& year = dataset.dim("year");
  const Dimension& replica = dataset.dim("replica");
  struct Column {
    const Variable* variable;
    std::size_t width;  // 1, or the size of the third dimension
  };
  std::vector<Column> columns;
  std::string header = "year,replica";
  for (const Variable& v : dataset.variables)
    if (v.dims.size() == 2 && v.dims[0] == "year" && v.dims[1] == "replica") {
      columns.push_back({&v, 1});
      header += "," + csv_field(v.name);
    }
  for (const Variable& v : dataset.variables)
    if (v.dims.size() == 3 && v.dims[0] == "year" && v.dims[1] == "replica") {
      const Dimension& third = dataset.dim(v.dims[2]);
      columns.push_back({&v, third.size()});
      for (std::size_t x = 0; x < third.size(); ++x)
        header += "," + csv_field(v.name + "[" + coordinate_text(third, x) + "]");
    }
  write_atomically(out, [&](const fs::path& partial) {
    std::ofstream file(partial, std::ios::binary);
    file << header << '\n';
    for (std::size_t y = 0; y < year.size(); ++y)
      for (std::size_t r = 0; r < replica.size(); ++r) {
        file << csv_field(coordinate_text(year, y)) << ','
             << csv_field(coordinate_text(replica, r));
        for (const Column& column : columns)
          for (std::size_t x = 0; x < column.width; ++x)
            file << ','
                 << round_trip_text(
                        column.variable->data.at((y * replica.size() + r) * column.width + x));
        file << '\n';
      }
    file.close();
    if (!file) throw std::runtime_error(out.string() + ": writing the CSV file failed");
  });
}

std::vector<DatasetDifference> compare_bitwise(const Dataset& a, const Dataset& b) {
  std::vector<DatasetDifference> differences;
  const auto compare = [&](const std::string& name, const std::vector<double>& x,
                           const std::vector<double>& y) {
    if (x.size() != y.size()) {
      differences.push_back({name, SIZE_MAX, std::numeric_limits<double>::infinity()});
      return;
    }
    DatasetDifference difference{name, 0, 0.0};
    for (std::size_t i = 0; i < x.size(); ++i)
      if (bits_of(x[i]) != bits_of(y[i])) {
        ++difference.differing_values;
        const double gap = std::abs(x[i] - y[i]);
        difference.max_abs_diff =
            std::max(difference.max_abs_diff,
                     std::isnan(gap) ? std::numeric_limits<double>::infinity() : gap);
      }
    if (difference.differing_values > 0) differences.push_back(difference);
  };
  const auto only_in_one = [&](const std::string& name) {
    differences.push_back({name, SIZE_MAX, std::numeric_limits<double>::infinity()});
  };
  for (const Dimension& dim : a.dims) {
    const auto other = std::find_if(b.dims.begin(), b.dims.end(),
                                    [&](const Dimension& d) { return d.name == dim.name; });
    if (other == b.dims.end())
      only_in_one(dim.name);
    else if (dim.labels != other->labels)
      only_in_one(dim.name);
    else
      compare(dim.name, dim.values, other->values);
  }
  for (const Dimension& dim : b.dims)
    if (std::none_of(a.dims.begin(), a.dims.end(),
                     [&](const Dimension& d) { return d.name == dim.name; }))
      only_in_one(dim.name);
  for (const Variable& variable : a.variables) {
    const Variable* other = b.find(variable.name);
    if (!other)
      only_in_one(variable.name);
    else if (other->dims != variable.dims)
      only_in_one(variable.name);
    else
      compare(variable.name, variable.data, other->data);
  }
  for (const Variable& variable : b.variables)
    if (!a.find(variable.name)) only_in_one(variable.name);
  return differences;
}

}  // namespace ts::app
