// compute_incomes_lanes (model/tax_benefit_avx2.hpp) against compute_incomes_under, bit for bit,
// on random persons of every status, with inputs drawn at and around the rules' thresholds (work
// bonus, structural reduction, spell phases, minimum pension career, tax brackets, allowance,
// the replacement-income taper, the self-employed minimum and ceilings), under the levers of the
// scenarios.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "model/tax_benefit_avx2.hpp"
#include "model/tax_benefit_k.hpp"

namespace {

using namespace ts::model;

#if defined(TS_TAX_BENEFIT_AVX2)

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Picks, half of the time, a value from `edges` (or its neighbour one ulp away), else a uniform
// draw in [lo, hi).
struct Draw {
  std::mt19937_64 engine{20240917};
  double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine); }
  double near(const std::vector<double>& edges, double lo, double hi) {
    std::uniform_int_distribution<std::size_t> pick(0, 2 * edges.size() - 1);
    const std::size_t k = pick(engine);
    if (k >= edges.size()) return uniform(lo, hi);
    const double edge = edges[k];
    switch (engine() % 3) {
      case 0: return std::nextafter(edge, -1e300);
      case 1: return std::nextafter(edge, 1e300);
      default: return edge;
    }
  }
};

PersonIncomeInput random_person(Draw& d, const TaxBenefitRules& r) {
  PersonIncomeInput in;
  in.status = static_cast<std::uint8_t>(d.engine() % status_count);
  in.age = std::floor(d.near({15.0, 18.0, r.social_assistance_min_age, 65.0}, 15.0, 95.0));
  in.fte = d.near({0.0, 0.005, 0.01, 0.5, 1.0, 1.3, -0.2}, 0.0, 1.0);
  const double f = in.fte > 0.01 ? in.fte : 0.01;
  in.gross_wage = d.near({0.0, -0.0, -1000.0, 12.0 * f * r.work_bonus_low_threshold_monthly,
                          12.0 * f * r.work_bonus_mid_threshold_monthly, 12.0 * f * r.work_bonus_high_threshold_monthly,
                          4.0 * f * r.structural_reduction_low_wage_threshold_quarterly,
                          4.0 * f * r.structural_reduction_very_low_wage_threshold_quarterly},
                         -500.0, 160000.0);
  in.previous_gross_monthly_wage = d.near({0.0, -10.0, r.unemployment_max_months_1_3 / r.unemployment_rate_months_1_3,
                                           r.unemployment_minimum_monthly / r.unemployment_rate_after_12},
                                          0.0, 9000.0);
  in.unemployment_spell_months =
      d.near({0.0, 1.0, 3.0, 4.0, 6.0, 7.0, 12.0, 13.0, 24.0, 25.0, 30.0, 31.0, 36.0, 37.0, 256.0}, 0.0, 60.0);
  in.career_years = d.near({0.0, r.minimum_pension_min_career_years, r.pension_full_career_years, 50.0}, 0.0, 50.0);
  in.career_average_wage = d.near({0.0, -5.0, r.pension_wage_ceiling}, 0.0, 120000.0);
  in.capital_income = d.near({0.0, -100.0, 1e6}, 0.0, 40000.0);
  // Self-employed and platform income, mostly for their statuses (as the income pass gives it),
  // sometimes for anyone.
  const std::vector<double> self_employed_edges = {0.0, -0.0, -50.0, r.self_employed_minimum_income_main,
                                                   r.self_employed_ceiling_1, r.self_employed_ceiling_2};
  const bool self_employed = in.status == status_self_employed || d.engine() % 8 == 0;
  const bool platform = in.status == status_platform_worker || d.engine() % 8 == 0;
  if (self_employed) in.self_employed_income = d.near(self_employed_edges, -100.0, 150000.0);
  if (platform) in.platform_income = d.near(self_employed_edges, -100.0, 40000.0);
  return in;
}

void expect_same(const PersonIncomes& want, const PersonIncomes& got, const PersonIncomeInput& in) {
  const double w[] = {want.labour_income,      want.capital_income,       want.employee_ssc,
                      want.employer_ssc,       want.self_employed_ssc,    want.income_tax,
                      want.capital_income_tax, want.unemployment_benefit, want.social_assistance,
                      want.pension,            want.basic_income,         want.disposable_income};
  const double g[] = {got.labour_income,      got.capital_income,       got.employee_ssc,
                      got.employer_ssc,       got.self_employed_ssc,    got.income_tax,
                      got.capital_income_tax, got.unemployment_benefit, got.social_assistance,
                      got.pension,            got.basic_income,         got.disposable_income};
  for (int k = 0; k < 12; ++k)
    ASSERT_TRUE(same_bits(w[k], g[k])) << "field " << k << ": " << w[k] << " vs " << g[k] << " status "
                                        << int(in.status) << " wage " << in.gross_wage << " fte " << in.fte
                                        << " spell " << in.unemployment_spell_months << " years " << in.career_years;
}

void check_many(const TaxBenefitRules& base, const PolicyLevers& levers, int groups) {
  const TaxBenefitRules r = apply_policy(base, levers);
  Draw d;
  for (int g = 0; g < groups; ++g) {
    PersonIncomeInput in[4];
    for (auto& person : in) person = random_person(d, r);
    const avx2::IncomeLanes lanes = avx2::compute_incomes_lanes(avx2::lanes_of(in), r, levers);
    for (int l = 0; l < 4; ++l) {
      expect_same(compute_incomes_under(in[l], r, levers), avx2::person_of(lanes, l), in[l]);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// The levers of configs/scenarios/*.toml that act on persons, and their variants.
std::vector<PolicyLevers> scenario_levers() {
  std::vector<PolicyLevers> all(1);  // baseline and the scenarios without tax-benefit levers
  PolicyLevers basic;
  basic.basic_income_annual = 7200.0;
  basic.basic_income_min_age = 18.0;
  all.push_back(basic);
  basic.basic_income_taxable = true;
  all.push_back(basic);
  PolicyLevers shift;
  shift.tax_shift_ssc_points = 6.0;
  shift.capital_income_tax_increase_points = 10.0;
  all.push_back(shift);
  PolicyLevers platform;
  platform.platform_treated_as_employee = true;
  all.push_back(platform);
  return all;
}

TEST(TaxBenefitAvx2, EqualsScalarRulesBitForBitUnderEveryScenario) {
  for (const PolicyLevers& levers : scenario_levers()) {
    check_many(TaxBenefitRules{}, levers, 50000);
    if (HasFatalFailure()) return;
  }
}

// A taxable basic income of exactly a bracket, the allowance or a taper end puts taxable income
// on that edge for persons without other income.
TEST(TaxBenefitAvx2, EqualsScalarRulesWithTaxableIncomeAtTheEdges) {
  const TaxBenefitRules r{};
  for (double edge : {r.tax_free_allowance, r.tax_bracket_1, r.tax_bracket_2, r.tax_bracket_3,
                      r.replacement_income_reduction_taper_start, r.replacement_income_reduction_taper_end}) {
    for (double y : {std::nextafter(edge, 0.0), edge, std::nextafter(edge, 1e300)}) {
      PolicyLevers levers;
      levers.basic_income_annual = y;
      levers.basic_income_taxable = true;
      check_many(r, levers, 2000);
      if (HasFatalFailure()) return;
    }
  }
}

// Without a taper span the scalar rule takes its other branch.
TEST(TaxBenefitAvx2, EqualsScalarRulesWithoutATaperSpan) {
  TaxBenefitRules r{};
  r.replacement_income_reduction_taper_end = r.replacement_income_reduction_taper_start;
  check_many(r, PolicyLevers{}, 20000);
}

#else
TEST(TaxBenefitAvx2, NotBuiltWithoutAvx2) { GTEST_SKIP() << "built without AVX2"; }
#endif

}  // namespace
