// compute_incomes_under (model/tax_benefit_k.hpp) for four persons at a time, for host code
// compiled with AVX2. Every branch of the scalar rules is evaluated in every lane and the
// lane's own branch is blended in; each lane goes through the scalar operations in the same
// order with the same operands (no FMA: the project's -ffp-contract=off keeps the intrinsics'
// multiplies and adds apart; max_pd(a, b) and min_pd(a, b) are a > b ? a : b and a < b ? a : b,
// as tb_max and tb_min), so every lane gives the scalar function's bits.
// Groups without self-employed or platform income skip the self-employed contributions (0 in
// every lane): most groups, as persons of a kind cluster in the population's order.
#pragma once
#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>

#include <cstdint>

#include "model/tax_benefit_k.hpp"

#define TS_TAX_BENEFIT_AVX2 1

namespace ts::model::avx2 {

// The inputs of four persons, one per lane. The status is given as four all-ones/all-zeros masks.
struct IncomeLanesInput {
  __m256d age, fte, gross_wage, self_employed_income, platform_income, previous_gross_monthly_wage;
  __m256d unemployment_spell_months, career_average_wage, career_years, capital_income;
  __m256d unemployed, retired, in_education, self_employed;
};

// The PersonIncomes fields, one person per lane.
struct IncomeLanes {
  __m256d labour_income, capital_income, employee_ssc, employer_ssc, self_employed_ssc, income_tax;
  __m256d capital_income_tax, unemployment_benefit, social_assistance, pension, basic_income, disposable_income;
  // Whether some lane's contributions (employee and employer), self-employed contributions,
  // benefit, pension or basic income may be nonzero: where not, they are +0.0 in every lane.
  bool contributions, self_employed_contributions, unemployment_benefits, pensions, basic_incomes;
};

namespace detail {

inline __m256d splat(double x) { return _mm256_set1_pd(x); }
inline __m256d vmax(__m256d a, __m256d b) { return _mm256_max_pd(a, b); }  // tb_max
inline __m256d vmin(__m256d a, __m256d b) { return _mm256_min_pd(a, b); }  // tb_min
inline __m256d vclamp(__m256d x, double lo, double hi) { return vmin(vmax(x, splat(lo)), splat(hi)); }
inline __m256d vadd(__m256d a, __m256d b) { return _mm256_add_pd(a, b); }
inline __m256d vsub(__m256d a, __m256d b) { return _mm256_sub_pd(a, b); }
inline __m256d vmul(__m256d a, __m256d b) { return _mm256_mul_pd(a, b); }
inline __m256d vdiv(__m256d a, __m256d b) { return _mm256_div_pd(a, b); }
inline __m256d le(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
inline __m256d gt(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
inline __m256d ge(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
// !(a <= b), true for NaN: the lanes that pass the scalar code's `if (a <= b) return 0.0`.
inline __m256d not_le(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_NLE_UQ); }
// mask ? yes : no, lane by lane.
inline __m256d select(__m256d mask, __m256d yes, __m256d no) { return _mm256_blendv_pd(no, yes, mask); }
inline __m256d zero_unless(__m256d mask, __m256d x) { return _mm256_and_pd(mask, x); }

inline __m256d work_bonus_monthly(__m256d s, const TaxBenefitRules& r) {
  const __m256d above_low = vsub(s, splat(r.work_bonus_low_threshold_monthly));
  const __m256d second = vsub(splat(r.work_bonus_max_monthly), vmul(splat(r.work_bonus_slope_1), above_low));
  const __m256d third = vsub(splat(r.work_bonus_intercept_2_monthly), vmul(splat(r.work_bonus_slope_2), above_low));
  __m256d bonus = zero_unless(le(s, splat(r.work_bonus_high_threshold_monthly)), third);
  bonus = select(le(s, splat(r.work_bonus_mid_threshold_monthly)), second, bonus);
  bonus = select(le(s, splat(r.work_bonus_low_threshold_monthly)), splat(r.work_bonus_max_monthly), bonus);
  return vmax(bonus, _mm256_setzero_pd());
}

// employer_social_contribution of `gross`, given the clamped fte `f` and the lanes that pay
// (gross > 0).
inline __m256d employer_contribution(__m256d gross, __m256d f, __m256d paid, const TaxBenefitRules& r) {
  const __m256d zero = _mm256_setzero_pd();
  const __m256d contribution = vmul(splat(r.employer_ssc_rate), gross);
  // gross / 4.0 as gross * 0.25: both are the exact quarter, rounded once.
  const __m256d s = vdiv(vmul(gross, splat(0.25)), f);
  const __m256d quarterly_reduction =
      vadd(vmul(splat(r.structural_reduction_low_wage_coefficient),
                vmax(vsub(splat(r.structural_reduction_low_wage_threshold_quarterly), s), zero)),
           vmul(splat(r.structural_reduction_very_low_wage_coefficient),
                vmax(vsub(splat(r.structural_reduction_very_low_wage_threshold_quarterly), s), zero)));
  const __m256d reduction = vmul(vmul(splat(4.0), f), quarterly_reduction);
  return zero_unless(paid, vmax(vsub(contribution, vmin(reduction, contribution)), zero));
}

// employee_social_contribution and employer_social_contribution of the same gross wage and fte.
inline void social_contributions(__m256d gross, __m256d fte, const TaxBenefitRules& r, __m256d& employee,
                                 __m256d& employer) {
  const __m256d zero = _mm256_setzero_pd();
  const __m256d paid = not_le(gross, zero);
  const __m256d f = vclamp(fte, 0.01, 1.0);
  const __m256d own = vmul(splat(r.employee_ssc_rate), gross);
  const __m256d bonus = vmul(vmul(splat(12.0), f), work_bonus_monthly(vdiv(vdiv(gross, splat(12.0)), f), r));
  employee = zero_unless(paid, vmax(vsub(own, vmin(bonus, own)), zero));
  employer = employer_contribution(gross, f, paid, r);
}

// self_employed_contribution; `main_occupation` a lane mask.
inline __m256d self_employed_contribution(__m256d professional_income, __m256d main_occupation, const TaxBenefitRules& r) {
  const __m256d zero = _mm256_setzero_pd();
  __m256d base = vmax(professional_income, zero);
  base = select(main_occupation, vmax(base, splat(r.self_employed_minimum_income_main)), base);
  const __m256d first = vmin(base, splat(r.self_employed_ceiling_1));
  const __m256d second = vclamp(vsub(base, splat(r.self_employed_ceiling_1)), 0.0, r.self_employed_ceiling_2 - r.self_employed_ceiling_1);
  return vadd(vmul(splat(r.self_employed_rate_1), first), vmul(splat(r.self_employed_rate_2), second));
}

inline __m256d tax_schedule(__m256d y, const TaxBenefitRules& r) {
  const __m256d zero = _mm256_setzero_pd();
  const __m256d x = vmax(y, zero);
  const __m256d b1 = vmin(x, splat(r.tax_bracket_1));
  const __m256d b2 = vmin(vmax(vsub(x, splat(r.tax_bracket_1)), zero), splat(r.tax_bracket_2 - r.tax_bracket_1));
  const __m256d b3 = vmin(vmax(vsub(x, splat(r.tax_bracket_2)), zero), splat(r.tax_bracket_3 - r.tax_bracket_2));
  const __m256d b4 = vmax(vsub(x, splat(r.tax_bracket_3)), zero);
  return vadd(vadd(vadd(vmul(splat(r.tax_rate_1), b1), vmul(splat(r.tax_rate_2), b2)), vmul(splat(r.tax_rate_3), b3)),
              vmul(splat(r.tax_rate_4), b4));
}

// `allowance_credit_of_allowance` is tax_schedule of the tax-free allowance in every lane.
inline __m256d personal_income_tax(__m256d wage_income, __m256d replacement_income, __m256d other_income,
                                   const TaxBenefitRules& r, __m256d allowance_credit_of_allowance) {
  const __m256d zero = _mm256_setzero_pd();
  const __m256d wage = vmax(wage_income, zero);
  const __m256d replacement = vmax(replacement_income, zero);
  const __m256d other = vmax(other_income, zero);
  const __m256d expenses = vmin(vmul(splat(r.professional_expense_rate), vmax(wage, zero)), splat(r.professional_expense_cap));
  const __m256d taxable = vadd(vadd(vsub(wage, expenses), replacement), other);
  // Where every lane's taxable income reaches the allowance, tb_min returns the allowance (or
  // an equal value, whose schedule is the same): its schedule, computed once, serves.
  const __m256d allowance = splat(r.tax_free_allowance);
  const __m256d allowance_credit = _mm256_movemask_pd(ge(taxable, allowance)) == 0xf
                                       ? allowance_credit_of_allowance
                                       : tax_schedule(vmin(allowance, taxable), r);
  __m256d tax = vmax(vsub(tax_schedule(taxable, r), allowance_credit), zero);
  // The replacement-income reduction (two divisions) only in groups where some lane gets it.
  const __m256d reduced = _mm256_and_pd(gt(replacement, zero), gt(tax, zero));
  if (_mm256_movemask_pd(reduced) != 0) {
    const double span = r.replacement_income_reduction_taper_end - r.replacement_income_reduction_taper_start;
    const __m256d start = splat(r.replacement_income_reduction_taper_start);
    const __m256d progress = span > 0.0 ? vclamp(vdiv(vsub(taxable, start), splat(span)), 0.0, 1.0)
                                        : zero_unless(gt(taxable, start), splat(1.0));
    const __m256d ceiling = vmul(splat(r.replacement_income_reduction_max),
                                 vsub(splat(1.0), vmul(progress, splat(1.0 - r.replacement_income_reduction_floor_share))));
    const __m256d attributable = vmul(tax, vdiv(replacement, taxable));
    tax = select(reduced, vsub(tax, vmin(attributable, ceiling)), tax);
  }
  return zero_unless(not_le(taxable, zero), vmul(vmax(tax, zero), splat(1.0 + r.municipal_surcharge_rate)));
}

inline __m256d unemployment_benefit(__m256d previous_gross_monthly_wage, __m256d spell_month, const TaxBenefitRules& r) {
  const __m256d m = vmax(spell_month, splat(1.0));
  const __m256d w = vmax(previous_gross_monthly_wage, _mm256_setzero_pd());
  __m256d rate = splat(r.unemployment_rate_after_12);
  __m256d cap = select(le(m, splat(30.0)), splat(r.unemployment_max_months_25_30), splat(r.unemployment_max_months_31_36));
  cap = select(le(m, splat(24.0)), splat(r.unemployment_max_months_13_24), cap);
  const __m256d first_year = le(m, splat(12.0));
  rate = select(first_year, splat(r.unemployment_rate_months_4_12), rate);
  cap = select(first_year, splat(r.unemployment_max_months_7_12), cap);
  cap = select(le(m, splat(6.0)), splat(r.unemployment_max_months_4_6), cap);
  const __m256d first_quarter = le(m, splat(3.0));
  rate = select(first_quarter, splat(r.unemployment_rate_months_1_3), rate);
  cap = select(first_quarter, splat(r.unemployment_max_months_1_3), cap);
  const __m256d minimum = splat(r.unemployment_minimum_monthly);
  const __m256d monthly = select(le(m, splat(36.0)), vmax(vmin(vmul(rate, w), cap), minimum), minimum);
  return vmul(splat(12.0), monthly);
}

inline __m256d pension(__m256d career_average_wage, __m256d career_years, const TaxBenefitRules& r) {
  const __m256d fraction = vclamp(vdiv(career_years, splat(r.pension_full_career_years)), 0.0, 1.0);
  const __m256d earned =
      vmul(vmul(splat(r.pension_rate), vmin(vmax(career_average_wage, _mm256_setzero_pd()), splat(r.pension_wage_ceiling))),
           fraction);
  const __m256d at_least_minimum = vmax(earned, vmul(splat(12.0 * r.minimum_pension_full_career_monthly), fraction));
  return select(ge(career_years, splat(r.minimum_pension_min_career_years)), at_least_minimum, earned);
}

}  // namespace detail

// employer_social_contribution of four gross wages and ftes.
inline __m256d employer_social_contribution_lanes(__m256d gross, __m256d fte, const TaxBenefitRules& r) {
  using namespace detail;
  return employer_contribution(gross, vclamp(fte, 0.01, 1.0), not_le(gross, _mm256_setzero_pd()), r);
}

// What every group of the rules would compute alike, computed once for a pass.
struct RuleLanes {
  __m256d allowance_credit;  // tax_schedule(tax_free_allowance) in every lane
  explicit RuleLanes(const TaxBenefitRules& r)
      : allowance_credit(detail::tax_schedule(_mm256_set1_pd(r.tax_free_allowance), r)) {}
};

// compute_incomes_under of four persons, with `k` the RuleLanes of r.
inline IncomeLanes compute_incomes_lanes(const IncomeLanesInput& in, const TaxBenefitRules& r, const PolicyLevers& levers,
                                         const RuleLanes& k) {
  using namespace detail;
  const __m256d zero = _mm256_setzero_pd();
  IncomeLanes out;
  const __m256d wage = vmax(in.gross_wage, zero);
  const __m256d self_employed = vmax(in.self_employed_income, zero);
  const __m256d platform = vmax(in.platform_income, zero);
  out.labour_income = vadd(vadd(wage, self_employed), platform);
  out.capital_income = vmax(in.capital_income, zero);
  const __m256d employee_gross = vadd(wage, levers.platform_treated_as_employee ? platform : zero);
  // A branch whose lanes are all zeroed is skipped (the same +0.0 in every lane): persons of a
  // kind cluster in the population's order, so whole groups without wages, without unemployed
  // or without retirees are common.
  const auto any = [](__m256d mask) { return _mm256_movemask_pd(mask) != 0; };
  out.employee_ssc = out.employer_ssc = zero;
  out.contributions = any(not_le(employee_gross, zero));
  if (out.contributions) social_contributions(employee_gross, in.fte, r, out.employee_ssc, out.employer_ssc);
  // ssc_self = 0.0, plus each contribution whose condition holds.
  out.self_employed_ssc = zero;
  const __m256d platform_paid = levers.platform_treated_as_employee ? zero : gt(platform, zero);
  out.self_employed_contributions = any(_mm256_or_pd(in.self_employed, _mm256_or_pd(gt(self_employed, zero), platform_paid)));
  if (out.self_employed_contributions) {
    const __m256d own = _mm256_or_pd(gt(self_employed, zero), in.self_employed);
    __m256d ssc = select(own, vadd(zero, self_employed_contribution(self_employed, in.self_employed, r)), zero);
    ssc = select(platform_paid, vadd(ssc, self_employed_contribution(platform, zero, r)), ssc);
    out.self_employed_ssc = ssc;
  }
  out.unemployment_benefits = any(in.unemployed);
  out.unemployment_benefit =
      out.unemployment_benefits
          ? zero_unless(in.unemployed, unemployment_benefit(in.previous_gross_monthly_wage, in.unemployment_spell_months, r))
          : zero;
  out.pensions = any(in.retired);
  out.pension = out.pensions ? zero_unless(in.retired, pension(in.career_average_wage, in.career_years, r)) : zero;
  out.basic_incomes = levers.basic_income_annual > 0.0;
  out.basic_income = levers.basic_income_annual > 0.0
                         ? zero_unless(ge(in.age, splat(levers.basic_income_min_age)), splat(levers.basic_income_annual))
                         : zero;
  const __m256d business_profit =
      vsub(vadd(self_employed, levers.platform_treated_as_employee ? zero : platform), out.self_employed_ssc);
  const __m256d other_taxable = vadd(vmax(business_profit, zero), levers.basic_income_taxable ? out.basic_income : zero);
  out.income_tax = personal_income_tax(vsub(employee_gross, out.employee_ssc),
                                       vadd(out.unemployment_benefit, out.pension), other_taxable, r, k.allowance_credit);
  out.capital_income_tax = vmul(splat(r.capital_income_tax_rate), out.capital_income);
  __m256d net = vadd(vadd(vadd(vadd(out.labour_income, out.capital_income), out.unemployment_benefit), out.pension),
                     out.basic_income);
  net = vsub(vsub(vsub(vsub(net, out.employee_ssc), out.self_employed_ssc), out.income_tax), out.capital_income_tax);
  const __m256d assisted = _mm256_andnot_pd(in.in_education, ge(in.age, splat(r.social_assistance_min_age)));
  out.social_assistance = zero_unless(assisted, vmax(vsub(splat(12.0 * r.social_assistance_monthly), net), zero));
  out.disposable_income = vadd(net, out.social_assistance);
  return out;
}

inline IncomeLanes compute_incomes_lanes(const IncomeLanesInput& in, const TaxBenefitRules& r, const PolicyLevers& levers) {
  return compute_incomes_lanes(in, r, levers, RuleLanes(r));
}

// The lanes of four PersonIncomeInputs (for tests and callers with the inputs at hand).
inline IncomeLanesInput lanes_of(const PersonIncomeInput (&in)[4]) {
  const auto field = [&](auto member) {
    return _mm256_setr_pd(in[0].*member, in[1].*member, in[2].*member, in[3].*member);
  };
  const auto is = [&](std::uint8_t status) {
    const auto mask = [&](int l) { return in[l].status == status ? -1ll : 0ll; };
    return _mm256_castsi256_pd(_mm256_setr_epi64x(mask(0), mask(1), mask(2), mask(3)));
  };
  return IncomeLanesInput{field(&PersonIncomeInput::age),
                          field(&PersonIncomeInput::fte),
                          field(&PersonIncomeInput::gross_wage),
                          field(&PersonIncomeInput::self_employed_income),
                          field(&PersonIncomeInput::platform_income),
                          field(&PersonIncomeInput::previous_gross_monthly_wage),
                          field(&PersonIncomeInput::unemployment_spell_months),
                          field(&PersonIncomeInput::career_average_wage),
                          field(&PersonIncomeInput::career_years),
                          field(&PersonIncomeInput::capital_income),
                          is(status_unemployed),
                          is(status_retired),
                          is(status_in_education),
                          is(status_self_employed)};
}

// Lane l of the results as a PersonIncomes.
inline PersonIncomes person_of(const IncomeLanes& lanes, int l) {
  const auto lane = [&](__m256d v) {
    alignas(32) double x[4];
    _mm256_store_pd(x, v);
    return x[l];
  };
  PersonIncomes out;
  out.labour_income = lane(lanes.labour_income);
  out.capital_income = lane(lanes.capital_income);
  out.employee_ssc = lane(lanes.employee_ssc);
  out.employer_ssc = lane(lanes.employer_ssc);
  out.self_employed_ssc = lane(lanes.self_employed_ssc);
  out.income_tax = lane(lanes.income_tax);
  out.capital_income_tax = lane(lanes.capital_income_tax);
  out.unemployment_benefit = lane(lanes.unemployment_benefit);
  out.social_assistance = lane(lanes.social_assistance);
  out.pension = lane(lanes.pension);
  out.basic_income = lane(lanes.basic_income);
  out.disposable_income = lane(lanes.disposable_income);
  return out;
}

}  // namespace ts::model::avx2
#endif
