// The outputs of a run as an in-memory CF dataset (dimensions with coordinates, variables,
// global attributes), its NetCDF-4 file, and the operations on replica ensembles: percentiles
// over replicas, merging blocks of replicas run as separate jobs, a yearly CSV for
// spreadsheets, and a bitwise comparison for reproducibility checks.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ts::app {

// A dimension and its coordinate: string labels (stored as an NC_STRING coordinate variable)
// or numeric values (stored as NC_INT64 when every value is a whole number, else NC_DOUBLE).
// Its size is that of whichever is set.
struct Dimension {
  std::string name;
  std::vector<std::string> labels;
  std::vector<double> values;
  std::string units;
  std::string long_name;
  std::size_t size() const { return labels.empty() ? values.size() : labels.size(); }
};

// Row-major data over `dims`; integer variables are stored as NC_INT64 (their data must be
// whole numbers).
struct Variable {
  std::string name, long_name, units;
  std::vector<std::string> dims;
  std::vector<double> data;
  bool integer = false;
  std::string comment;
};

struct Dataset {
  std::vector<Dimension> dims;
  std::vector<Variable> variables;
  std::vector<std::pair<std::string, std::string>> text_attributes;
  std::vector<std::pair<std::string, double>> number_attributes;

  const Dimension& dim(std::string_view name) const;  // throws std::out_of_range if absent
  const Variable* find(std::string_view name) const;  // nullptr if absent
};

// The global text attribute that lists (separated by spaces or commas) the attributes that
// may differ between blocks of one ensemble (wall time, host, replica range...):
// merge_replicas keeps the first block's values for them and requires the others to match.
inline constexpr const char* per_run_attributes_key = "per_run_attributes";

// NetCDF-4 with deflate level 4 and shuffle, Conventions = "CF-1.8" (unless the dataset sets
// it), a coordinate variable for every dimension, units/long_name/comment attributes. The
// file is written as "<out>.partial-<pid>" and renamed onto `out` only once complete and
// closed; on any error the partial file is removed and the exception (InputError for a folder
// that is missing or not writable, checked first; std::runtime_error for NetCDF failures,
// std::invalid_argument for an inconsistent dataset) names `out`.
void write_netcdf(const Dataset& dataset, const std::filesystem::path& out);

// Reads what write_netcdf writes (Conventions comes back as a text attribute). Errors
// (std::runtime_error) name the file and the NetCDF error.
Dataset read_netcdf(const std::filesystem::path& file);

// For each variable with a "replica" dimension, adds <name>_p05, <name>_p50 and <name>_p95
// over the replicas (numpy's default "linear" quantile: interpolation between order
// statistics; NaN if any replica is NaN), with the other dimensions in their order, units
// copied and long_name suffixed. Existing percentile variables of those names are replaced.
void add_replica_percentiles(Dataset& dataset);

// Concatenates blocks of replicas along "replica", ordered by replica value (which must be
// disjoint across blocks). Everything else — dimensions, variables without a replica
// dimension (bit for bit), attributes other than the per-run ones — must match; the old
// percentile variables are dropped and recomputed over the whole ensemble. Throws
// InputError naming the block (by `block_names`, e.g. the files, else "block N") and what
// differs.
Dataset merge_replicas(const std::vector<Dataset>& blocks, const std::vector<std::string>& block_names = {});

// The whole numbers between the first and the last of `replica`'s values (sorted, as
// merge_replicas leaves them) that it lacks, as "3, 5-9"; empty when none. A merge of blocks
// that leaves such a gap is allowed (an ensemble may be assembled in parts) but worth a note.
std::string missing_replicas(const Dimension& replica);

// One row per (year, replica): year,replica, then each variable over exactly (year, replica),
// then each variable over (year, replica, X) as columns name[label]. Written atomically like
// write_netcdf.
void write_yearly_csv(const Dataset& dataset, const std::filesystem::path& out);

struct DatasetDifference {
  std::string variable;
  std::size_t differing_values;  // SIZE_MAX: present in only one dataset, or shapes differ
  double max_abs_diff;           // over the differing values (infinity where one is NaN)
};

// Variables (and dimension coordinates, under the dimension's name) compared bit for bit;
// NaN equals NaN with the same bits. Only differences are listed: empty means identical.
std::vector<DatasetDifference> compare_bitwise(const Dataset& a, const Dataset& b);

}  // namespace ts::app
