// Wage calibration of the base year, shared by synthesis and microdata import: quantiles of
// the full-time employees' monthly FTE wages from an exact histogram summed over all shards, and
// the alignment of the synthetic wage distribution to the published deciles.
#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model {
namespace {

struct FullTimeWages {
  PersonView p;
  TablesView t;
  WageTerms w;
  SchoolLeavingAges leaving;
  LogBins bins;
  bool observed;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const std::uint8_t status = p.status[i];
    if ((status != status_employee_permanent && status != status_employee_temporary) || p.hours[i] < 1.0f) return;
    if (observed && !(p.gross_wage[i] > 0.0f)) return;
    const double wage = observed ? p.gross_wage[i] / (w.annual_months * p.hours[i])
                                 : person_monthly_wage_fte(p, i, t, w, leaving, 0.0);
    add(bins.bin_of(wage), 1);
  }
};

// Persons in groups of `wage_lanes` for the alignment: the exponentials and logarithms of a
// group are taken in lockstep, the same bits as one person at a time, so that their dependent
// chains overlap. (The full-time wages above stay per person: only a third of the persons
// count, and lanes would take the functions for everyone.)
constexpr int wage_lanes = 8;

// Maps each person's potential wage through the piecewise log-linear map that sends the
// synthetic deciles onto the published ones (beyond P10 and P90, the end shifts carry on), by
// moving their persistent wage effect. Ranks are kept; the deciles then match.
struct AlignWageEffects {
  PersonView p;
  TablesView t;
  WageTerms w;
  SchoolLeavingAges leaving;
  double log_synthetic[9];
  double log_target[9];
  std::size_t count;
  TS_HD void operator()(std::size_t group) const {
    const std::size_t first = group * wage_lanes;
    double log_wage[wage_lanes];
    for (int l = 0; l < wage_lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      log_wage[l] = i < count ? person_log_monthly_wage_fte(p, i, t, w, leaving, 0.0) : 0.0;
    }
    det_exp_lanes(log_wage);  // the monthly wage, whose logarithm the deciles were taken of
    det_log_lanes(log_wage);
    for (int l = 0; l < wage_lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      if (i < count) shift(i, log_wage[l]);
    }
  }
  TS_HD void shift(std::size_t i, double log_wage) const {
    double shift;
    if (log_wage <= log_synthetic[0]) {
      shift = log_target[0] - log_synthetic[0];
    } else if (log_wage >= log_synthetic[8]) {
      shift = log_target[8] - log_synthetic[8];
    } else {
      int k = 0;
      while (log_wage > log_synthetic[k + 1]) ++k;
      const double x = (log_wage - log_synthetic[k]) / (log_synthetic[k + 1] - log_synthetic[k]);
      shift = log_target[k] + x * (log_target[k + 1] - log_target[k]) - log_wage;
    }
    p.wage_effect[i] = static_cast<float>(p.wage_effect[i] + shift);
  }
};

std::size_t wage_groups(std::size_t persons) { return (persons + wage_lanes - 1) / wage_lanes; }

}  // namespace

std::vector<double> full_time_wage_quantiles(Simulation::State& s, bool observed, const std::vector<double>& probabilities) {
  const FullTimeWages contribution{s.population.view(), s.tables(), s.wage_terms(), school_leaving_ages(s.parameters),
                                   s.bins, observed};
  const std::vector<std::int64_t> counts =
      global_histogram(s, exact_histogram(s.population.size(), s.bins.bin_count(), contribution));
  std::int64_t total = 0;
  for (auto c : counts) total += c;
  if (total == 0) return {};
  // Amounts are spread evenly inside each bin, so a bin's sum is its count times its midpoint.
  std::vector<std::int64_t> sums(counts.size(), 0);
  for (std::size_t b = 2; b + 1 < counts.size(); ++b) {
    const double low = s.bins.lowest * det_exp(static_cast<double>(b - 2) * s.bins.ratio_log);
    sums[b] = euros_to_cents(low * 0.5 * (1.0 + det_exp(s.bins.ratio_log))) * counts[b];
  }
  const LogBinnedDistribution distribution(counts, sums);
  std::vector<double> quantiles;
  for (double p : probabilities) quantiles.push_back(distribution.quantile(p));
  return quantiles;
}

void align_wage_distribution(Simulation::State& s) {
  const std::vector<double> deciles = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  s.globals.log_wage_intercept = 0.0;
  const std::vector<double> synthetic = full_time_wage_quantiles(s, false, deciles);
  if (synthetic.empty()) throw std::runtime_error("no full-time employees in the base population to calibrate wages on: raise --scale");
  // First the level: the intercept moves the synthetic median onto the published one, so that the
  // wage effects stay centred on zero (entrants draw theirs from the same centred distribution);
  // then the shape, decile by decile.
  s.globals.log_wage_intercept = det_log(s.calibration.wages.deciles_monthly_fte_2024[4]) - det_log(synthetic[4]);
  AlignWageEffects align{s.population.view(), s.tables(), s.wage_terms(), school_leaving_ages(s.parameters), {}, {},
                         s.population.size()};
  for (int k = 0; k < 9; ++k) {
    align.log_synthetic[k] = det_log(synthetic[static_cast<std::size_t>(k)]) + s.globals.log_wage_intercept;
    align.log_target[k] = det_log(s.calibration.wages.deciles_monthly_fte_2024[k]);
  }
  parallel_for(wage_groups(s.population.size()), align);
}

}  // namespace ts::model
