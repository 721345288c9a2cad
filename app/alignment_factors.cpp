#include "app/alignment_factors.hpp"

#include <string>
#include <utility>

#include "app/dataset.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"

namespace ts::app {

AlignmentReference read_alignment_factors(const std::filesystem::path& file, const std::vector<int>& replicas,
                                          int first_year, int last_year, unsigned seed, double scale) {
  const Dataset ds = read_netcdf(file);
  const Variable* v = ds.find("unemployment_alignment_factor");
  if (v == nullptr || v->dims != std::vector<std::string>{"year", "replica", "education"})
    throw InputError(file.string() + ": no variable unemployment_alignment_factor(year, replica, education); "
                     "write it with a run of this version");
  const std::vector<double>& years = ds.dim("year").values;
  const std::vector<double>& in_file = ds.dim("replica").values;
  for (int year = first_year + 1; year <= last_year; ++year) {
    bool found = false;
    for (const double y : years) found = found || y == year;
    if (!found)
      throw InputError(file.string() + ": no alignment factors for " + std::to_string(year) + " (the file holds " +
                       (years.empty() ? std::string("no years") : std::to_string(static_cast<int>(years.front())) + "-" +
                                                                    std::to_string(static_cast<int>(years.back()))) +
                       "), which the run needs: run the reference over the same years (--years " +
                       std::to_string(first_year) + ":" + std::to_string(last_year) + ")");
  }
  AlignmentReference result;
  // What makes the random numbers: the seed, and through the persons drawn, the scale.
  const std::pair<const char*, double> run_settings[] = {{"seed", static_cast<double>(seed)}, {"scale", scale}};
  std::string theirs, ours;
  for (const auto& [name, value] : ds.number_attributes)
    for (const auto& [setting, run_value] : run_settings)
      if (name == setting && value != run_value) {
        theirs += (theirs.empty() ? "" : " and ") + name + " " + message_text(value);
        ours += (ours.empty() ? "" : " and ") + name + " " + message_text(run_value);
      }
  if (!theirs.empty())
    result.note = file.string() + " was run with " + theirs + ", this run with " + ours +
                  ": its alignment factors apply, but the two runs do not share random numbers, so their "
                  "differences include sampling noise\n";
  for (const int replica : replicas) {
    std::size_t r = in_file.size();
    for (std::size_t k = 0; k < in_file.size(); ++k)
      if (in_file[k] == replica) r = k;
    if (r == in_file.size())
      throw InputError(file.string() + ": has no replica " + std::to_string(replica) + " to take alignment factors from (it holds " +
                       std::to_string(in_file.size()) + "); run the reference with at least as many replicas");
    AlignmentFactors& factors = result.factors[replica];
    for (std::size_t y = 0; y < years.size(); ++y)
      for (std::size_t e = 0; e < 3; ++e)
        factors[static_cast<int>(years[y])][e] = v->data[(y * in_file.size() + r) * 3 + e];
  }
  return result;
}

}  // namespace ts::app
