#include "app/energy_table.hpp"

#include <string>
#include <vector>

#include "app/csv_table.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"
#include "app/table_rows.hpp"
#include "model/energy_parameter_specs.hpp"

namespace ts::app {

void check_energy_table(const std::filesystem::path& directory) {
  const CsvTable t = CsvTable::load(directory / "energy.csv", {"parameter", "value", "unit"});
  const ParameterRows parameters(t);
  std::vector<std::string> keys;
  for (const model::ParameterSpec& spec : model::energy_parameter_specs) keys.emplace_back(spec.key);
  parameters.refuse_unknown(keys, "a key of the energy module");
  for (const model::ParameterSpec& spec : model::energy_parameter_specs) {
    const std::size_t row = parameters.row(spec.key);
    const double value = t.number(row, "value");
    const std::string where = t.file_name() + ":" + std::to_string(t.line_of(row));
    if (value != spec.default_value)
      throw InputError(where + ": column 'value': " + spec.key + " is " + round_trip_text(value) +
                       " here, but the scenario's default is " + round_trip_text(spec.default_value) +
                       "; set it in the scenario instead (" + spec.key + " under [energy], or --set " + spec.key + "=" +
                       round_trip_text(value) + "): this table records the defaults and their sources");
    if (t.text(row, "unit") != spec.unit)
      throw InputError(where + ": column 'unit': expected '" + std::string(spec.unit) + "' for " + spec.key + ", found '" +
                       std::string(t.text(row, "unit")) + "'");
  }
}

}  // namespace ts::app
