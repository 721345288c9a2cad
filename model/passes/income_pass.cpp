// Wages, capital income, taxes and benefits of every person. Two passes: the first sets
// wages and sums labour compensation and the wealth weights that share out capital income;
// the global totals give value added and the capital income to distribute; the second applies
// the tax-benefit rules (model/tax_benefit_k.hpp) person by person.
// Equations: docs/model.md section 6-7 and docs/incomes.md.
#include <cstring>

#include "kernels/cents_lanes_avx2.hpp"
#include "kernels/det_math_in_range_avx2.hpp"
#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/wage_lanes_avx2.hpp"
#include "model/tax_benefit_avx2.hpp"
#include "model/tax_benefit_k.hpp"

namespace ts::model {
namespace {

constexpr int bin_labour_compensation = 0;  // cents
constexpr int bin_wealth_weight = 1;        // fixed-point 1e9 units of the weight
constexpr int bin_employed_fte = 2;         // fixed-point FTE
constexpr int bin_wage_bill_fte = 3;        // cents per FTE sum: sum of FTE wages (annual)
constexpr int bin_count = 4;

// Wealth proxy for the capital-income rule: career earnings (in 100 kEUR) to a power, so that
// capital income concentrates at the top. Bounded so that fixed-point sums cannot overflow.
TS_HD inline double wealth_base(double career_earnings) {
  const double base = career_earnings / 100000.0 + 0.05;
  return base < 40.0 ? base : 40.0;
}
TS_HD inline double bounded_weight(double weight) { return weight < 1e6 ? weight : 1e6; }

// Wages and, fused with them, the wealth weights that share out capital income (they read the
// careers the wages have just updated), with their exact sums.
struct SetWages {
  PersonView p;
  TablesView t;
  WageTerms w;
  SchoolLeavingAges leaving;
  TaxBenefitRules rules;
  bool platform_treated_as_employee;  // the policy lever: employers then pay contributions on it
  double pension_ceiling;
  bool accumulate_career;
  std::size_t count;
  float* wealth_weights;
  double concentration;
  // Persons in groups of `lanes`: the wages' exponentials of a group are taken together, and so
  // are its wealth weights' powers, so that their long dependent chains overlap (det_exp_lanes
  // and det_pow_lanes give the same bits as one at a time).
  static constexpr int lanes = 8;
  template <class Add>
  TS_HD void operator()(std::size_t group, Add& add) const {
    const std::size_t first = group * lanes;
    double monthly_fte[lanes];
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      monthly_fte[l] = i < count && is_employed(p.status[i]) ? person_log_monthly_wage_fte(p, i, t, w, leaving, 0.0) : 0.0;
    }
    det_exp_lanes(monthly_fte);
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      if (i < count) person(i, monthly_fte[l], add);
    }
    double weight[lanes];
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      weight[l] = i < count ? wealth_base(p.career_earnings[i]) : 1.0;
    }
    det_pow_lanes(weight, concentration);
    std::int64_t fixed = 0;
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      if (i < count) {
        wealth_weights[i] = p.age[i] >= 18 ? static_cast<float>(bounded_weight(weight[l])) : 0.0f;
        fixed += share_to_fixed(wealth_weights[i]);
      }
    }
    add(bin_wealth_weight, fixed);
  }
  template <class Add>
  TS_HD void person(std::size_t i, double monthly_fte, Add& add) const {
    const std::uint8_t status = p.status[i];
    double wage = 0.0;
    if (is_employed(status)) {
      const double annual_fte = monthly_fte * w.annual_months;
      wage = annual_fte * p.hours[i];
      const bool employee = status <= status_employee_temporary ||
                            (platform_treated_as_employee && status == status_platform_worker);
      const double employer = employee ? employer_social_contribution(wage, p.hours[i], rules) : 0.0;
      add(bin_labour_compensation, euros_to_cents(wage + employer));
      add(bin_employed_fte, share_to_fixed(p.hours[i]));
      add(bin_wage_bill_fte, euros_to_cents(annual_fte * p.hours[i]));
      // The base year's career earnings already include the years up to it.
      const double capped = wage < pension_ceiling ? wage : pension_ceiling;
      if (accumulate_career) p.career_earnings[i] += static_cast<float>(capped);
    }
    p.gross_wage[i] = static_cast<float>(wage);
  }
#if defined(TS_WAGE_LANES_AVX2) && defined(TS_TAX_BENEFIT_AVX2) && defined(TS_DET_MATH_IN_RANGE_AVX2)
  // The CPU's path: whole groups with AVX2, every person's wage and weight in vector lanes (the
  // lanes of persons who are not employed are computed and thrown away: cheaper than branches);
  // the sums in int64 vectors, added once. A last partial group goes through operator().
  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const {
    const avx2::WageLaneTables tables(t, w, leaving);
    ts::avx2::CentsLanes<2> cents;  // labour compensation, wage bill
    ts::avx2::CentsLanes<2> fixed;  // employed FTE, wealth weights
    constexpr std::size_t tile_groups = tile_vectors * 4 / lanes;
    std::size_t group = begin;
    for (; group + tile_groups <= end && (group + tile_groups) * lanes <= count; group += tile_groups)
      tile<tile_vectors>(group * lanes, tables, cents, fixed);
    for (; group < end && (group + 1) * lanes <= count; ++group) tile<lanes / 4>(group * lanes, tables, cents, fixed);
    add(bin_labour_compensation, cents.total(0));
    add(bin_wage_bill_fte, cents.total(1));
    add(bin_employed_fte, fixed.total(0));
    add(bin_wealth_weight, fixed.total(1));
    for (; group < end; ++group) (*this)(group, add);
  }
  // Persons in tiles of `tile_vectors` vectors of four: the exponentials' and logarithms'
  // polynomial chains of a tile run in lockstep, so that the core overlaps them.
  static constexpr int tile_vectors = 8;
  template <int V>
  void tile(std::size_t first, const avx2::WageLaneTables& tables, ts::avx2::CentsLanes<2>& cents,
            ts::avx2::CentsLanes<2>& fixed) const {
    __m128i status[V], employed[V];
    __m128i any_employed = _mm_setzero_si128();
    for (int h = 0; h < V; ++h) {
      status[h] = avx2::widen_bytes(p.status + first + 4 * static_cast<std::size_t>(h));
      employed[h] = avx2::employed_mask(status[h]);
      any_employed = _mm_or_si128(any_employed, employed[h]);
    }
    __m256d base[V];
    // Tiles without anyone employed are common (retirees cluster in the population's order):
    // their wages are 0 and their careers stay.
    if (_mm_testz_si128(any_employed, any_employed)) {
      for (int h = 0; h < V; ++h) {
        const std::size_t i = first + 4 * static_cast<std::size_t>(h);
        _mm_storeu_ps(p.gross_wage + i, _mm_setzero_ps());
        base[h] = wealth_base_lanes(_mm_loadu_ps(p.career_earnings + i));
      }
    } else {
      wages<V>(first, tables, status, employed, cents, base);
    }
    // det_pow_lanes: b * det_log(a), then det_exp. Career earnings are not negative, so the bases
    // are in [0.05, 40] (a NaN career gives 40), their logarithms in [-3.0, 3.7], and with a
    // concentration of at most 180 in size the exponentials' arguments within [-700, 700]:
    // then the variants without the special cases give the same bits.
    bool ordinary = concentration >= -180.0 && concentration <= 180.0;
    for (int h = 0; h < V; ++h) ordinary = ordinary && ts::avx2::lanes_within(base[h], 0.05, 40.0);
    if (ordinary) ts::avx2::log_vectors_of_normal(base);
    else ts::avx2::log_vectors(base);
    for (__m256d& v : base) v = _mm256_mul_pd(_mm256_set1_pd(concentration), v);
    if (ordinary) ts::avx2::exp_vectors_in_range(base);
    else ts::avx2::exp_vectors(base);
    for (int h = 0; h < V; ++h) {
      const std::size_t i = first + 4 * static_cast<std::size_t>(h);
      const __m128i adult = _mm_cmpgt_epi32(avx2::widen_bytes(p.age + i), _mm_set1_epi32(17));
      const __m128 weight = _mm_and_ps(_mm_castsi128_ps(adult), _mm256_cvtpd_ps(_mm256_min_pd(base[h], _mm256_set1_pd(1e6))));
      _mm_storeu_ps(wealth_weights + i, weight);
      fixed.add_units({_mm256_and_pd(avx2::wide_mask(employed[h]), avx2::widen_floats(p.hours + i)), _mm256_cvtps_pd(weight)},
                      fixed_share_unit);
    }
  }
  // wealth_base: career / 100000 + 0.05, at most 40 (min_pd is base < 40 ? base : 40).
  static __m256d wealth_base_lanes(__m128 career) {
    return _mm256_min_pd(
        _mm256_add_pd(_mm256_div_pd(_mm256_cvtps_pd(career), _mm256_set1_pd(100000.0)), _mm256_set1_pd(0.05)),
        _mm256_set1_pd(40.0));
  }
  // The wages of a tile, the careers they add to, and the wealth bases of the updated careers.
  template <int V>
  void wages(std::size_t first, const avx2::WageLaneTables& tables, const __m128i (&status)[V],
             const __m128i (&employed)[V], ts::avx2::CentsLanes<2>& cents, __m256d (&base)[V]) const {
    __m256d x[V];
    for (int h = 0; h < V; ++h) {
      // The others' exponent is 0, as in operator(): no overflow in lanes thrown away.
      const __m256d mask = avx2::wide_mask(employed[h]);
      x[h] = _mm256_and_pd(mask, tables.log_monthly_wage_fte(p, first + 4 * static_cast<std::size_t>(h), status[h], mask));
    }
    bool in_range = true;
    for (int h = 0; h < V; ++h) in_range = in_range && ts::avx2::lanes_within(x[h], -700.0, 700.0);
    if (in_range) ts::avx2::exp_vectors_in_range(x);
    else ts::avx2::exp_vectors(x);
    for (int h = 0; h < V; ++h) {
      const std::size_t i = first + 4 * static_cast<std::size_t>(h);
      const __m256d mask = avx2::wide_mask(employed[h]);
      const __m256d hours = avx2::widen_floats(p.hours + i);
      const __m256d annual_fte = _mm256_mul_pd(x[h], _mm256_set1_pd(w.annual_months));
      const __m256d wage = _mm256_and_pd(mask, _mm256_mul_pd(annual_fte, hours));
      const __m128i employee32 = _mm_or_si128(
          _mm_cmplt_epi32(status[h], _mm_set1_epi32(status_employee_temporary + 1)),
          _mm_and_si128(_mm_set1_epi32(platform_treated_as_employee ? -1 : 0),
                        _mm_cmpeq_epi32(status[h], _mm_set1_epi32(status_platform_worker))));
      const __m256d employer = _mm256_and_pd(avx2::wide_mask(_mm_and_si128(employed[h], employee32)),
                                             avx2::employer_social_contribution_lanes(wage, hours, rules));
      // The wage bill's annual_fte * hours is the wage; the others' lanes add 0.
      cents.add_euros({_mm256_and_pd(mask, _mm256_add_pd(wage, employer)), wage});
      __m128 career = _mm_loadu_ps(p.career_earnings + i);
      if (accumulate_career) {
        const __m256d capped = _mm256_min_pd(wage, _mm256_set1_pd(pension_ceiling));  // wage < ceiling ? wage : ceiling
        career = _mm_blendv_ps(career, _mm_add_ps(career, _mm256_cvtpd_ps(capped)), _mm_castsi128_ps(employed[h]));
        _mm_storeu_ps(p.career_earnings + i, career);
      }
      _mm_storeu_ps(p.gross_wage + i, _mm256_cvtpd_ps(wage));
      base[h] = wealth_base_lanes(career);
    }
  }
#endif
};

struct ApplyTaxBenefit {
  PersonView p;
  const float* wealth_weights;
  TaxBenefitRules rules;  // with the policy levers applied
  PolicyLevers policy;
  double capital_per_weight;  // euros per unit of wealth weight
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const std::uint8_t status = p.status[i];
    PersonIncomeInput in;
    in.status = status;
    in.age = p.age[i];
    in.fte = p.hours[i];
    const double labour = p.gross_wage[i];
    if (status == status_self_employed) in.self_employed_income = labour;
    else if (status == status_platform_worker) in.platform_income = labour;
    else in.gross_wage = labour;
    in.previous_gross_monthly_wage = p.previous_wage[i] / 12.0;
    in.unemployment_spell_months = p.unemployment_months[i] + 1.0;
    const double years = p.years_worked[i];
    in.career_years = years;
    in.career_average_wage = years > 0.0 ? p.career_earnings[i] / years : 0.0;
    in.capital_income = capital_per_weight * wealth_weights[i];
    const PersonIncomes out = compute_incomes_under(in, rules, policy);
    p.capital_income[i] = static_cast<float>(out.capital_income);
    p.benefits[i] = static_cast<float>(out.unemployment_benefit + out.social_assistance + out.basic_income);
    p.pension[i] = static_cast<float>(out.pension);
    p.contributions[i] = static_cast<float>(out.employee_ssc + out.self_employed_ssc);
    p.taxes[i] = static_cast<float>(out.income_tax + out.capital_income_tax);
    p.disposable_income[i] = static_cast<float>(out.disposable_income);
    const double accounts[account_count] = {out.employee_ssc,  out.employer_ssc,         out.self_employed_ssc,
                                            out.income_tax,    out.capital_income_tax,   out.unemployment_benefit,
                                            out.social_assistance, out.pension,          out.basic_income};
    for (int a = 0; a < account_count; ++a) add(a, euros_to_cents(accounts[a]));
  }
  // The CPU's path: four persons at a time with AVX2 (model/tax_benefit_avx2.hpp), the last
  // persons of the range one at a time through operator(). The accounts' cents are summed
  // locally and added once.
  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const {
#if defined(TS_TAX_BENEFIT_AVX2)
    ts::avx2::CentsLanes<account_count> cents;
    const avx2::RuleLanes constants(rules);
    std::size_t i = begin;
    for (; i + 4 <= end; i += 4) four_persons(i, constants, cents);
    for (int a = 0; a < account_count; ++a) add(a, cents.total(a));
#else
    std::size_t i = begin;
#endif
    for (; i < end; ++i) (*this)(i, add);
  }
#if defined(TS_TAX_BENEFIT_AVX2)
  static __m256d widen(const float* x) { return _mm256_cvtps_pd(_mm_loadu_ps(x)); }
  static __m256d widen(const std::uint8_t* x) {
    std::uint32_t bytes;
    std::memcpy(&bytes, x, sizeof bytes);
    return _mm256_cvtepi32_pd(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(bytes))));
  }
  // Persons i to i + 3. Labour income is a wage, self-employed or platform income by status, as
  // in operator().
  void four_persons(std::size_t i, const avx2::RuleLanes& constants, ts::avx2::CentsLanes<account_count>& cents) const {
    const __m256d status = widen(p.status + i);
    const auto is = [&](std::uint8_t code) { return _mm256_cmp_pd(status, _mm256_set1_pd(code), _CMP_EQ_OQ); };
    const __m256d self_employed = is(status_self_employed);
    const __m256d platform = is(status_platform_worker);
    const __m256d labour = widen(p.gross_wage + i);
    const __m256d years = widen(p.years_worked + i);
    const __m256d zero = _mm256_setzero_pd();
    avx2::IncomeLanesInput in;
    in.age = widen(p.age + i);
    in.fte = widen(p.hours + i);
    in.gross_wage = _mm256_andnot_pd(_mm256_or_pd(self_employed, platform), labour);
    in.self_employed_income = _mm256_and_pd(self_employed, labour);
    in.platform_income = _mm256_and_pd(platform, labour);
    in.self_employed = self_employed;
    in.unemployed = is(status_unemployed);
    in.retired = is(status_retired);
    // The benefit's inputs matter only in groups with someone unemployed, the pension's only in
    // groups with someone retired (compute_incomes_lanes skips the others): their divisions are
    // not done elsewhere.
    in.previous_gross_monthly_wage = in.unemployment_spell_months = zero;
    if (_mm256_movemask_pd(in.unemployed) != 0) {
      in.previous_gross_monthly_wage = _mm256_div_pd(widen(p.previous_wage + i), _mm256_set1_pd(12.0));
      in.unemployment_spell_months = _mm256_add_pd(widen(p.unemployment_months + i), _mm256_set1_pd(1.0));
    }
    in.career_years = years;
    in.career_average_wage = zero;
    if (_mm256_movemask_pd(in.retired) != 0)
      in.career_average_wage = _mm256_and_pd(_mm256_cmp_pd(years, zero, _CMP_GT_OQ), _mm256_div_pd(widen(p.career_earnings + i), years));
    in.capital_income = _mm256_mul_pd(_mm256_set1_pd(capital_per_weight), widen(wealth_weights + i));
    in.in_education = is(status_in_education);
    const avx2::IncomeLanes out = avx2::compute_incomes_lanes(in, rules, policy, constants);
    const auto store = [](float* to, __m256d x) { _mm_storeu_ps(to, _mm256_cvtpd_ps(x)); };
    store(p.capital_income + i, out.capital_income);
    store(p.benefits + i,
          _mm256_add_pd(_mm256_add_pd(out.unemployment_benefit, out.social_assistance), out.basic_income));
    store(p.pension + i, out.pension);
    store(p.contributions + i, _mm256_add_pd(out.employee_ssc, out.self_employed_ssc));
    store(p.taxes + i, _mm256_add_pd(out.income_tax, out.capital_income_tax));
    store(p.disposable_income + i, out.disposable_income);
    const auto bit = [](bool present, Account a) { return present ? 1u << a : 0u; };
    const unsigned present = bit(out.contributions, account_employee_ssc) | bit(out.contributions, account_employer_ssc) |
                             bit(out.self_employed_contributions, account_self_employed_ssc) |
                             bit(true, account_income_tax) | bit(true, account_capital_tax) |
                             bit(out.unemployment_benefits, account_unemployment) |
                             bit(true, account_assistance) | bit(out.pensions, account_pension) |
                             bit(out.basic_incomes, account_basic_income);
    cents.add_euros({out.employee_ssc, out.employer_ssc, out.self_employed_ssc, out.income_tax, out.capital_income_tax,
                     out.unemployment_benefit, out.social_assistance, out.pension, out.basic_income},
                    present);
  }
#endif
};

}  // namespace

IncomeTotals income_pass(Simulation::State& s) {
  CarriedGlobals& g = s.globals;
  const std::size_t n = s.population.size();
  s.wealth_weights.resize(n);
  // The base year is observed under the 2024 rules: policy levers act from the next year on,
  // so every scenario starts from the same calibrated state.
  const PolicyLevers levers = g.year == s.settings.base_year ? PolicyLevers{} : s.parameters.policy;
  const TaxBenefitRules rules = apply_policy(s.rules, levers);
  const PersonView p = s.population.view();
  float* wealth_weights = thrust::raw_pointer_cast(s.wealth_weights.data());
  std::vector<std::int64_t> totals = global_histogram(
      s, exact_histogram((n + SetWages::lanes - 1) / SetWages::lanes, bin_count,
                         SetWages{p, s.tables(), s.wage_terms(), school_leaving_ages(s.parameters), rules,
                                  levers.platform_treated_as_employee, s.rules.pension_wage_ceiling,
                                  g.year > s.settings.base_year, n, wealth_weights, s.parameters.capital.concentration}));
  IncomeTotals result;
  result.labour_compensation = cents_to_euros(totals[bin_labour_compensation]);
  const double employed_fte = fixed_to_share(totals[bin_employed_fte]);
  const double mean_fte_wage = employed_fte > 0.0 ? cents_to_euros(totals[bin_wage_bill_fte]) / employed_fte : 0.0;
  double automated = 0.0;
  for (double fte : g.automated_fte) automated += fte;
  const double automated_share = automated / (automated + employed_fte > 0.0 ? automated + employed_fte : 1.0);
  const CapitalParameters& capital = s.parameters.capital;
  double labour_share = capital.labour_share_2024 * (1.0 - capital.automation_effect * automated_share);
  labour_share = labour_share > 0.05 ? labour_share : 0.05;
  result.value_added = result.labour_compensation / labour_share;
  result.capital_income = (result.value_added - result.labour_compensation) * capital.household_share;
  result.displaced_wage_bill = automated * mean_fte_wage;
  const double weights = fixed_to_share(totals[bin_wealth_weight]);
  const std::vector<std::int64_t> accounts = global_histogram(
      s, exact_histogram(n, account_count,
                         ApplyTaxBenefit{s.population.view(), thrust::raw_pointer_cast(s.wealth_weights.data()), rules,
                                         levers, weights > 0.0 ? result.capital_income / weights : 0.0}));
  for (int a = 0; a < account_count; ++a) result.accounts[a] = cents_to_euros(accounts[static_cast<std::size_t>(a)]);
  return result;
}

}  // namespace ts::model
