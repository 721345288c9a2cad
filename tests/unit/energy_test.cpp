// Tests of the datacentre-energy module (model/energy.hpp): the efficiency curve against its
// closed form, the properties the issue asks for (shorter doubling times lower energy; no
// automation leaves only the baseline; the base year reproduces the Belgian figure through the
// documented key; cost and CO2 scale with price and intensity) and a hand-worked base year. The
// agreement of energy_parameter_specs with configs/calibration/energy.csv, which every run checks
// too, is tested in app_calibration_loader_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <initializer_list>
#include <set>
#include <string>

#include "model/energy.hpp"
#include "model/energy_parameter_specs.hpp"

namespace {

using namespace ts::model;

const EnergyParameters defaults = default_energy_parameters();
const double no_fte[energy_task_count] = {0.0, 0.0, 0.0, 0.0, 0.0};
const double some_fte[energy_task_count] = {20000.0, 10000.0, 35000.0, 25000.0, 10000.0};

double automation_twh(const EnergyYear& y) {
  double sum = 0.0;
  for (double v : y.twh_by_task) sum += v;
  return sum;
}

// Closed form of the integral of dt / (a + b e^(-t/tau)) from 0 to T, with a = d_end and
// b = d_start - d_end: (tau/a) [ln(a e^(T/tau) + b) - ln(a + b)].
double closed_form_doublings(double years, const EnergyParameters& p) {
  const double a = p.doubling_time_end;
  const double b = p.doubling_time_start - p.doubling_time_end;
  const double tau = p.doubling_time_tau;
  return tau / a * (std::log(a * std::exp(years / tau) + b) - std::log(a + b));
}

// ---------------------------------------------------------------------------------------
// Efficiency curve

TEST(EnergyEfficiency, BaseYearIsOneAndEarlierYearsAreNotBackCast) {
  EXPECT_EQ(efficiency_factor(2024, defaults), 1.0);
  EXPECT_EQ(efficiency_factor(2010, defaults), 1.0);
}

TEST(EnergyEfficiency, DoublingTimeMovesFromStartToEnd) {
  EXPECT_DOUBLE_EQ(doubling_time(2024.0, defaults), defaults.doubling_time_start);
  EXPECT_NEAR(doubling_time(2024.0 + 400.0, defaults), defaults.doubling_time_end, 1e-12);
  for (double t = 2024.0; t < 2060.0; t += 0.5)
    EXPECT_LT(doubling_time(t, defaults), doubling_time(t + 0.5, defaults));
}

TEST(EnergyEfficiency, MatchesTheClosedFormIntegral) {
  for (int year = 2025; year <= 2070; ++year) {
    const double expected = std::pow(2.0, -closed_form_doublings(year - 2024.0, defaults));
    EXPECT_NEAR(efficiency_factor(year, defaults) / expected, 1.0, 1e-12) << year;
  }
  // The fastest allowed slowdown (tau = 0.5 years) is the hardest case for Simpson's rule.
  EnergyParameters abrupt = defaults;
  abrupt.doubling_time_tau = 0.5;
  for (int year : {2025, 2030, 2050})
    EXPECT_NEAR(efficiency_factor(year, abrupt) /
                    std::pow(2.0, -closed_form_doublings(year - 2024.0, abrupt)),
                1.0, 1e-7)
        << year;
  // With a constant doubling time the factor is exactly 2^-(years / d).
  EnergyParameters flat = defaults;
  flat.doubling_time_start = flat.doubling_time_end = 2.0;
  EXPECT_NEAR(efficiency_factor(2034, flat), std::pow(2.0, -5.0), 1e-15);
}

TEST(EnergyEfficiency, FallsEveryYearAndSlowsDown) {
  double previous_ratio = 0.0;
  for (int year = 2025; year <= 2060; ++year) {
    const double ratio = efficiency_factor(year, defaults) / efficiency_factor(year - 1, defaults);
    EXPECT_LT(ratio, 1.0) << year;
    EXPECT_GT(ratio, previous_ratio) << year;  // the yearly gain shrinks as d(t) lengthens
    previous_ratio = ratio;
  }
}

TEST(EnergyEfficiency, HalvingTheDoublingTimeLowersEnergy) {
  EnergyParameters fast = defaults;
  fast.doubling_time_start *= 0.5;
  fast.doubling_time_end *= 0.5;
  EXPECT_EQ(datacenter_energy(2024, some_fte, fast).twh_total,
            datacenter_energy(2024, some_fte, defaults).twh_total);
  for (int year : {2025, 2030, 2040, 2050}) {
    const EnergyYear slow_y = datacenter_energy(year, some_fte, defaults);
    const EnergyYear fast_y = datacenter_energy(year, some_fte, fast);
    EXPECT_LT(fast_y.twh_total, slow_y.twh_total) << year;
    EXPECT_LT(fast_y.kwh_per_automated_fte, slow_y.kwh_per_automated_fte) << year;
    for (int k = 0; k < energy_task_count; ++k)
      EXPECT_LT(fast_y.twh_by_task[k], slow_y.twh_by_task[k]) << year << " task " << k;
    EXPECT_EQ(fast_y.twh_baseline, slow_y.twh_baseline);
    // Halving every doubling time doubles the number of doublings: factor squared.
    EXPECT_NEAR(efficiency_factor(year, fast) / std::pow(efficiency_factor(year, defaults), 2.0),
                1.0, 1e-11);
  }
}

// ---------------------------------------------------------------------------------------
// Paths

TEST(EnergyPaths, PueAndCarbonAreLinearAndClamped) {
  EXPECT_EQ(pue(2024, defaults), 1.56);
  EXPECT_NEAR(pue(2037, defaults), 0.5 * (1.56 + 1.3), 1e-12);
  EXPECT_EQ(pue(2050, defaults), 1.3);
  EXPECT_EQ(pue(2070, defaults), 1.3);
  EXPECT_EQ(pue(2000, defaults), 1.56);
  EXPECT_EQ(carbon_g_per_kwh(2024, defaults), 158.0);
  EXPECT_NEAR(carbon_g_per_kwh(2037, defaults), 0.5 * (158.0 + 25.0), 1e-12);
  EXPECT_EQ(carbon_g_per_kwh(2050, defaults), 25.0);
  EXPECT_EQ(carbon_g_per_kwh(2099, defaults), 25.0);
}

TEST(EnergyPaths, BaselineAndRegionalUseGrowGeometrically) {
  const EnergyYear y = datacenter_energy(2034, no_fte, defaults);
  EXPECT_NEAR(y.twh_baseline / (0.895 * std::pow(1.082, 10.0)), 1.0, 1e-13);
  EXPECT_NEAR(y.share_of_regional_electricity,
              0.895 * std::pow(1.082, 10.0) / (55.1 * std::pow(1.034, 10.0)), 1e-13);
}

// ---------------------------------------------------------------------------------------
// Outputs

TEST(EnergyOutputs, NoAutomationGivesOnlyTheBaseline) {
  for (int year : {2024, 2030, 2050}) {
    const EnergyYear y = datacenter_energy(year, no_fte, defaults);
    EXPECT_EQ(y.twh_total, y.twh_baseline) << year;
    for (double v : y.twh_by_task) EXPECT_EQ(v, 0.0);
    EXPECT_EQ(y.kwh_per_automated_fte, 0.0);
  }
}

// The documented key: (BE datacentres 3.2 TWh - Google Saint-Ghislain 1.9 TWh) x Flemish share
// of BE electricity use 55.1 / 80 = 0.8954 TWh, rounded to 0.895 in the table.
TEST(EnergyOutputs, BaseYearMatchesTheBelgianFigureThroughTheKey) {
  const double key = 55.1 / 80.0;
  const double flemish = (3.2 - 1.9) * key;
  const EnergyYear y = datacenter_energy(2024, no_fte, defaults);
  EXPECT_NEAR(y.twh_baseline, flemish, 0.0005);
  EXPECT_NEAR(y.twh_baseline / key + 1.9, 3.2, 0.001);  // back to the published BE total
  EXPECT_NEAR(y.share_of_regional_electricity, flemish / 55.1, 1e-5);
  EXPECT_NEAR(y.cost_eur, 0.895e6 * 120.0, 1e-3);        // EUR 107.4 million
  EXPECT_NEAR(y.co2_t, 0.895e9 * 158.0 / 1e6, 1e-6);      // 141,410 t
}

// Hand-worked base year, 1,000 automated FTEs of analytic work:
//   per FTE, wherever hosted = 240 kWh x efficiency 1 x PUE 1.56     = 374.4 kWh
//   hosted in Flanders       = 1,000 x 374.4 x 0.25 = 93,600 kWh     = 9.36e-5 TWh
TEST(EnergyOutputs, HandWorkedBaseYear) {
  const double fte[energy_task_count] = {1000.0, 0.0, 0.0, 0.0, 0.0};
  const EnergyYear y = datacenter_energy(2024, fte, defaults);
  EXPECT_NEAR(y.kwh_per_automated_fte, 374.4, 1e-9);
  EXPECT_NEAR(y.twh_by_task[0], 9.36e-5, 1e-15);
  EXPECT_NEAR(y.twh_total, 0.895 + 9.36e-5, 1e-12);
  // Mixed tasks: the per-FTE figure is the FTE-weighted mean.
  const EnergyYear m = datacenter_energy(2024, some_fte, defaults);
  const double weighted = (20000 * 240.0 + 10000 * 96.0 + 35000 * 48.0 + 25000 * 96.0 +
                           10000 * 504.0) / 100000.0 * 1.56;
  EXPECT_NEAR(m.kwh_per_automated_fte, weighted, 1e-9);
  EXPECT_NEAR(automation_twh(m), weighted * 100000.0 * 0.25 * 1e-9, 1e-15);
}

TEST(EnergyOutputs, CostAndCo2ScaleWithPriceAndIntensity) {
  EnergyParameters dear = defaults;
  dear.price_eur_per_mwh_2024 *= 2.0;
  EnergyParameters dirty = defaults;
  dirty.carbon_g_per_kwh_2024 *= 3.0;
  dirty.carbon_g_per_kwh_2050 *= 3.0;
  for (int year : {2024, 2031, 2050, 2060}) {
    const EnergyYear base = datacenter_energy(year, some_fte, defaults);
    const EnergyYear d = datacenter_energy(year, some_fte, dear);
    const EnergyYear c = datacenter_energy(year, some_fte, dirty);
    EXPECT_NEAR(d.cost_eur / base.cost_eur, 2.0, 1e-14) << year;
    EXPECT_EQ(d.co2_t, base.co2_t);
    EXPECT_NEAR(c.co2_t / base.co2_t, 3.0, 1e-14) << year;
    EXPECT_EQ(c.cost_eur, base.cost_eur);
    EXPECT_NEAR(base.cost_eur, base.twh_total * 1e6 * 120.0, 1e-6 * base.cost_eur) << year;
    EXPECT_NEAR(base.co2_t, base.twh_total * 1e3 * carbon_g_per_kwh(year, defaults),
                1e-12 * base.co2_t)
        << year;
  }
  EnergyParameters rising = defaults;
  rising.price_growth = 0.02;
  EXPECT_NEAR(datacenter_energy(2034, no_fte, rising).cost_eur /
                  datacenter_energy(2034, no_fte, defaults).cost_eur,
              std::pow(1.02, 10.0), 1e-13);
}

TEST(EnergyOutputs, AutomationIsLinearInFteAndHostingShare) {
  double twice[energy_task_count];
  for (int k = 0; k < energy_task_count; ++k) twice[k] = 2.0 * some_fte[k];
  EnergyParameters all_local = defaults;
  all_local.flemish_hosting_share = 1.0;
  for (int year : {2024, 2040}) {
    const EnergyYear one = datacenter_energy(year, some_fte, defaults);
    const EnergyYear two = datacenter_energy(year, twice, defaults);
    const EnergyYear local = datacenter_energy(year, some_fte, all_local);
    EXPECT_NEAR(automation_twh(two) / automation_twh(one), 2.0, 1e-14);
    EXPECT_NEAR(two.kwh_per_automated_fte, one.kwh_per_automated_fte, 1e-12);
    EXPECT_NEAR(automation_twh(local) / automation_twh(one), 4.0, 1e-14);
    // The per-FTE figure counts the compute wherever it runs.
    EXPECT_EQ(local.kwh_per_automated_fte, one.kwh_per_automated_fte);
    EXPECT_NEAR(automation_twh(local), one.kwh_per_automated_fte * 100000.0 * 1e-9, 1e-15);
  }
}

// ---------------------------------------------------------------------------------------
// Specs and calibration table

TEST(EnergySpecs, KeysUniqueDefaultsInRange) {
  std::set<std::string> keys;
  for (const ParameterSpec& s : energy_parameter_specs) {
    EXPECT_TRUE(keys.insert(s.key).second) << "duplicate " << s.key;
    EXPECT_EQ(std::strncmp(s.key, "energy.", 7), 0) << s.key;
    EXPECT_LE(s.min_value, s.default_value) << s.key;
    EXPECT_LE(s.default_value, s.max_value) << s.key;
    EXPECT_STREQ(s.sum_group, "") << s.key;
    EXPECT_GT(std::strlen(s.description), 20u) << s.key;
  }
  for (int k = 0; k < energy_task_count; ++k)
    EXPECT_EQ(std::string(energy_parameter_specs[k].key),
              std::string("energy.kwh_per_fte_2024.") + energy_task_names[k]);
}

TEST(EnergySpecs, ValuesMapToTheirMembers) {
  double values[energy_parameter_count];
  for (std::size_t i = 0; i < energy_parameter_count; ++i) values[i] = 100.0 + i;
  const EnergyParameters p = energy_parameters_from(values);
  for (int k = 0; k < energy_task_count; ++k) EXPECT_EQ(p.kwh_per_fte_2024[k], 100.0 + k);
  const double members[] = {p.doubling_time_start,        p.doubling_time_end,
                            p.doubling_time_tau,          p.pue_2024,
                            p.pue_2050,                   p.flemish_hosting_share,
                            p.baseline_twh_2024,          p.baseline_growth,
                            p.price_eur_per_mwh_2024,     p.price_growth,
                            p.carbon_g_per_kwh_2024,      p.carbon_g_per_kwh_2050,
                            p.regional_electricity_twh_2024, p.regional_electricity_growth,
                            p.base_year};
  for (std::size_t i = 0; i < sizeof members / sizeof members[0]; ++i)
    EXPECT_EQ(members[i], 100.0 + 5 + i) << energy_parameter_specs[5 + i].key;
  EXPECT_EQ(default_energy_parameters().base_year, 2024.0);
}

}  // namespace
