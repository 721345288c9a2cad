#include "app/alignment_factors.hpp"

#include "app/dataset.hpp"
#include "app/input_error.hpp"

namespace ts::app {

std::map<int, std::array<double, 3>> read_alignment_factors(const std::filesystem::path& file, int replica) {
  const Dataset ds = read_netcdf(file);
  const Variable* v = ds.find("unemployment_alignment_factor");
  if (v == nullptr || v->dims != std::vector<std::string>{"year", "replica", "education"})
    throw InputError(file.string() + ": no variable unemployment_alignment_factor(year, replica, education); "
                     "write it with a run of this version");
  const Dimension& years = ds.dim("year");
  const Dimension& replicas = ds.dim("replica");
  std::size_t r = replicas.values.size();
  for (std::size_t k = 0; k < replicas.values.size(); ++k)
    if (replicas.values[k] == replica) r = k;
  if (r == replicas.values.size())
    throw InputError(file.string() + ": has no replica " + std::to_string(replica) + " to take alignment factors from");
  std::map<int, std::array<double, 3>> factors;
  for (std::size_t y = 0; y < years.values.size(); ++y)
    for (std::size_t e = 0; e < 3; ++e)
      factors[static_cast<int>(years.values[y])][e] = v->data[(y * replicas.values.size() + r) * 3 + e];
  return factors;
}

}  // namespace ts::app
