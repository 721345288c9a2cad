// Datacentre energy of automation: see model/energy.hpp and docs/energy.md.
#include "model/energy.hpp"

#include "kernels/det_math.hpp"

namespace ts::model {

namespace {

constexpr double ln2 = 0.69314718055994530942;
// Simpson's rule on each calendar year with this many (even) sub-intervals. The error falls
// with (step / tau)^4: against the closed form it is below 1e-12 relative at tau = 10 years
// and below 1e-7 at the smallest allowed tau of 0.5 years (tests/unit/energy_test.cpp).
constexpr int simpson_steps_per_year = 64;

double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }

// Years since the base year, never negative (the model starts in the base year).
double years_since_base(int year, const EnergyParameters& p) {
  const double dt = static_cast<double>(year) - p.base_year;
  return dt > 0.0 ? dt : 0.0;
}

// Position on the linear base-year -> 2050 path, in [0, 1].
double path_fraction(int year, const EnergyParameters& p) {
  const double span = energy_target_year - p.base_year;
  if (!(span > 0.0)) return 1.0;
  return clamp01((static_cast<double>(year) - p.base_year) / span);
}

// (1 + rate)^years with det_pow, exact 1 at years = 0.
double grown(double rate, double years) {
  if (years == 0.0) return 1.0;
  return det_pow(1.0 + rate, years);
}

// Integral of dt / d(t) over [a, a + 1], composite Simpson.
double doublings_in_year(double a, const EnergyParameters& p) {
  const double h = 1.0 / simpson_steps_per_year;
  double odd = 0.0, even = 0.0;
  for (int i = 1; i < simpson_steps_per_year; ++i) {
    const double v = 1.0 / doubling_time(a + h * i, p);
    if (i % 2 == 1) {
      odd += v;
    } else {
      even += v;
    }
  }
  const double ends = 1.0 / doubling_time(a, p) + 1.0 / doubling_time(a + 1.0, p);
  return h / 3.0 * (ends + 4.0 * odd + 2.0 * even);
}

}  // namespace

double doubling_time(double t, const EnergyParameters& p) {
  if (!(p.doubling_time_tau > 0.0)) return p.doubling_time_end;
  const double since = t - p.base_year;
  return p.doubling_time_end +
         (p.doubling_time_start - p.doubling_time_end) * det_exp(-since / p.doubling_time_tau);
}

double efficiency_factor(int year, const EnergyParameters& p) {
  const int years = static_cast<int>(years_since_base(year, p));
  double doublings = 0.0;
  for (int k = 0; k < years; ++k) doublings += doublings_in_year(p.base_year + k, p);
  if (doublings == 0.0) return 1.0;
  return det_exp(-ln2 * doublings);
}

double pue(int year, const EnergyParameters& p) {
  return p.pue_2024 + (p.pue_2050 - p.pue_2024) * path_fraction(year, p);
}

double carbon_g_per_kwh(int year, const EnergyParameters& p) {
  return p.carbon_g_per_kwh_2024 +
         (p.carbon_g_per_kwh_2050 - p.carbon_g_per_kwh_2024) * path_fraction(year, p);
}

EnergyYear datacenter_energy(int year, const double automated_fte[energy_task_count],
                             const EnergyParameters& p) {
  EnergyYear out{};
  const double years = years_since_base(year, p);
  // kWh of facility energy per automated FTE-year of each task at this year's efficiency.
  const double scale = efficiency_factor(year, p) * pue(year, p);

  double automation_kwh = 0.0;  // wherever hosted
  double fte_total = 0.0;
  double hosted_twh = 0.0;
  for (int k = 0; k < energy_task_count; ++k) {
    const double kwh = automated_fte[k] * p.kwh_per_fte_2024[k] * scale;
    automation_kwh += kwh;
    fte_total += automated_fte[k];
    out.twh_by_task[k] = kwh * p.flemish_hosting_share * 1e-9;
    hosted_twh += out.twh_by_task[k];
  }

  out.twh_baseline = p.baseline_twh_2024 * grown(p.baseline_growth, years);
  out.twh_total = out.twh_baseline + hosted_twh;
  const double price = p.price_eur_per_mwh_2024 * grown(p.price_growth, years);
  out.cost_eur = out.twh_total * 1e6 * price;                   // TWh -> MWh
  out.co2_t = out.twh_total * 1e3 * carbon_g_per_kwh(year, p);  // 1e9 kWh x g/kWh / 1e6 g/t
  const double regional_twh =
      p.regional_electricity_twh_2024 * grown(p.regional_electricity_growth, years);
  out.share_of_regional_electricity = regional_twh > 0.0 ? out.twh_total / regional_twh : 0.0;
  out.kwh_per_automated_fte = fte_total > 0.0 ? automation_kwh / fte_total : 0.0;
  return out;
}

}  // namespace ts::model
