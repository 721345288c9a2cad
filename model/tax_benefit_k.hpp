// Per-person Belgian tax-benefit rules (base year 2024) as pure functions of plain values:
// social contributions, personal income tax, unemployment benefit, social assistance,
// pension, and compute_incomes() that combines them for one person and one year. All amounts
// are annual euros unless a name says monthly. Only + - * / and comparisons are used (no libm),
// so host and device results agree bit for bit under --fmad=false. docs/incomes.md states
// each rule, its parameters and the simplifications; the values live in TaxBenefitRules.
#pragma once
#include <cstdint>
#include <type_traits>

#include "kernels/ts_hd.hpp"
#include "model/policy_levers.hpp"
#include "model/status.hpp"
#include "model/tax_benefit_rules.hpp"

namespace ts::model {

TS_HD inline double tb_min(double a, double b) { return a < b ? a : b; }
TS_HD inline double tb_max(double a, double b) { return a > b ? a : b; }
TS_HD inline double tb_clamp(double x, double lo, double hi) { return tb_min(tb_max(x, lo), hi); }

// --- Social contributions --------------------------------------------------------------

// Monthly social work bonus R for a full-time-equivalent monthly reference wage.
TS_HD inline double work_bonus_monthly(double fte_monthly_wage, const TaxBenefitRules& r) {
  const double s = fte_monthly_wage;
  double bonus;
  if (s <= r.work_bonus_low_threshold_monthly) {
    bonus = r.work_bonus_max_monthly;
  } else if (s <= r.work_bonus_mid_threshold_monthly) {
    bonus =
        r.work_bonus_max_monthly - r.work_bonus_slope_1 * (s - r.work_bonus_low_threshold_monthly);
  } else if (s <= r.work_bonus_high_threshold_monthly) {
    bonus = r.work_bonus_intercept_2_monthly -
            r.work_bonus_slope_2 * (s - r.work_bonus_low_threshold_monthly);
  } else {
    bonus = 0.0;
  }
  return tb_max(bonus, 0.0);
}

// Employee SSC on an annual gross wage earned at the FTE fraction fte (0 < fte <= 1): the
// contribution minus the work bonus, which is computed on the monthly FTE wage
// gross / 12 / fte and paid pro rata of fte, and never exceeds the contribution.
TS_HD inline double employee_social_contribution(double gross_wage, const TaxBenefitRules& r,
                                                 double fte = 1.0) {
  if (gross_wage <= 0.0) return 0.0;
  const double f = tb_clamp(fte, 0.01, 1.0);
  const double contribution = r.employee_ssc_rate * gross_wage;
  const double bonus = 12.0 * f * work_bonus_monthly(gross_wage / 12.0 / f, r);
  return tb_max(contribution - tb_min(bonus, contribution), 0.0);
}

// Employer SSC with the structural reduction. The reduction is a quarterly formula on the
// quarterly FTE wage S = gross / 4 / fte; the model applies it to the average quarter of the
// year (four equal quarters), multiplies it by fte, and never lets it exceed the contribution.
TS_HD inline double employer_social_contribution(double gross_wage, double fte,
                                                 const TaxBenefitRules& r) {
  if (gross_wage <= 0.0) return 0.0;
  const double f = tb_clamp(fte, 0.01, 1.0);
  const double contribution = r.employer_ssc_rate * gross_wage;
  const double s = gross_wage / 4.0 / f;
  const double quarterly_reduction =
      r.structural_reduction_low_wage_coefficient *
          tb_max(r.structural_reduction_low_wage_threshold_quarterly - s, 0.0) +
      r.structural_reduction_very_low_wage_coefficient *
          tb_max(r.structural_reduction_very_low_wage_threshold_quarterly - s, 0.0);
  const double reduction = 4.0 * f * quarterly_reduction;
  return tb_max(contribution - tb_min(reduction, contribution), 0.0);
}

// Self-employed contributions on annual net professional income: rate_1 up to ceiling_1,
// rate_2 from ceiling_1 to ceiling_2, nothing above. In main occupation the income base is at
// least the minimum income (the minimum contribution); in secondary occupation the rates apply
// from the first euro. Administration fees of the social insurance funds are not included.
TS_HD inline double self_employed_contribution(double professional_income, const TaxBenefitRules& r,
                                               bool main_occupation = true) {
  double base = tb_max(professional_income, 0.0);
  if (main_occupation) base = tb_max(base, r.self_employed_minimum_income_main);
  const double first = tb_min(base, r.self_employed_ceiling_1);
  const double second = tb_clamp(base - r.self_employed_ceiling_1, 0.0,
                                 r.self_employed_ceiling_2 - r.self_employed_ceiling_1);
  return r.self_employed_rate_1 * first + r.self_employed_rate_2 * second;
}

// --- Personal income tax ---------------------------------------------------------------

// The progressive schedule on taxable income y (before the tax-free allowance).
TS_HD inline double tax_schedule(double y, const TaxBenefitRules& r) {
  const double x = tb_max(y, 0.0);
  const double b1 = tb_min(x, r.tax_bracket_1);
  const double b2 = tb_clamp(x - r.tax_bracket_1, 0.0, r.tax_bracket_2 - r.tax_bracket_1);
  const double b3 = tb_clamp(x - r.tax_bracket_2, 0.0, r.tax_bracket_3 - r.tax_bracket_2);
  const double b4 = tb_max(x - r.tax_bracket_3, 0.0);
  return r.tax_rate_1 * b1 + r.tax_rate_2 * b2 + r.tax_rate_3 * b3 + r.tax_rate_4 * b4;
}

// Lump-sum professional expenses on net wages (gross minus employee SSC).
TS_HD inline double professional_expenses(double net_wage, const TaxBenefitRules& r) {
  return tb_min(r.professional_expense_rate * tb_max(net_wage, 0.0), r.professional_expense_cap);
}

// Personal income tax of one person, municipal surcharge included.
//   wage_income:        wages net of employee SSC; the lump-sum expenses are deducted here.
//   replacement_income: unemployment benefits and pensions; they get the simplified
//                       replacement-income reduction.
//   other_income:       income taxed at the schedule without either (business profits net of
//                       self-employed SSC, a taxable basic income).
// Steps: taxable = wage - expenses + replacement + other; tax = schedule(taxable) -
// schedule(allowance) (the allowance is taxed at the lowest rates, the Belgian method);
// minus the replacement reduction min(tax * replacement share, ceiling), whose ceiling tapers
// from 100% to floor_share between taper_start and taper_end of taxable income; times
// (1 + municipal surcharge).
TS_HD inline double personal_income_tax(double wage_income, double replacement_income,
                                        const TaxBenefitRules& r, double other_income = 0.0) {
  const double wage = tb_max(wage_income, 0.0);
  const double replacement = tb_max(replacement_income, 0.0);
  const double other = tb_max(other_income, 0.0);
  const double taxable = wage - professional_expenses(wage, r) + replacement + other;
  if (taxable <= 0.0) return 0.0;
  const double allowance_credit = tax_schedule(tb_min(r.tax_free_allowance, taxable), r);
  double tax = tb_max(tax_schedule(taxable, r) - allowance_credit, 0.0);
  if (replacement > 0.0 && tax > 0.0) {
    const double span =
        r.replacement_income_reduction_taper_end - r.replacement_income_reduction_taper_start;
    const double progress =
        span > 0.0
            ? tb_clamp((taxable - r.replacement_income_reduction_taper_start) / span, 0.0, 1.0)
            : (taxable > r.replacement_income_reduction_taper_start ? 1.0 : 0.0);
    const double ceiling = r.replacement_income_reduction_max *
                           (1.0 - progress * (1.0 - r.replacement_income_reduction_floor_share));
    const double attributable = tax * (replacement / taxable);
    tax -= tb_min(attributable, ceiling);
  }
  return tb_max(tax, 0.0) * (1.0 + r.municipal_surcharge_rate);
}

// --- Benefits --------------------------------------------------------------------------

// Monthly unemployment benefit of a single person living alone in month spell_month of the
// spell (1 = first month): the phase rate times the previous gross monthly wage, capped at the
// phase maximum, floored at the minimum; flat minimum from month 37.
TS_HD inline double unemployment_benefit_monthly(double previous_gross_monthly_wage,
                                                 double spell_month, const TaxBenefitRules& r) {
  const double m = tb_max(spell_month, 1.0);
  const double w = tb_max(previous_gross_monthly_wage, 0.0);
  double rate, cap;
  if (m <= 3.0) {
    rate = r.unemployment_rate_months_1_3;
    cap = r.unemployment_max_months_1_3;
  } else if (m <= 6.0) {
    rate = r.unemployment_rate_months_4_12;
    cap = r.unemployment_max_months_4_6;
  } else if (m <= 12.0) {
    rate = r.unemployment_rate_months_4_12;
    cap = r.unemployment_max_months_7_12;
  } else if (m <= 24.0) {
    rate = r.unemployment_rate_after_12;
    cap = r.unemployment_max_months_13_24;
  } else if (m <= 30.0) {
    rate = r.unemployment_rate_after_12;
    cap = r.unemployment_max_months_25_30;
  } else if (m <= 36.0) {
    rate = r.unemployment_rate_after_12;
    cap = r.unemployment_max_months_31_36;
  } else {
    return r.unemployment_minimum_monthly;
  }
  return tb_max(tb_min(rate * w, cap), r.unemployment_minimum_monthly);
}

// Annual equivalent (12 times) of the monthly benefit in month spell_months of the spell.
TS_HD inline double unemployment_benefit(double previous_gross_monthly_wage, double spell_months,
                                         const TaxBenefitRules& r) {
  return 12.0 * unemployment_benefit_monthly(previous_gross_monthly_wage, spell_months, r);
}

// Benefit received over a year in which the spell runs from month first_month for
// months_in_year months (for callers that follow spells month by month).
TS_HD inline double unemployment_benefit_for_year(double previous_gross_monthly_wage,
                                                  int first_month, int months_in_year,
                                                  const TaxBenefitRules& r) {
  double total = 0.0;
  for (int k = 0; k < months_in_year && k < 12; ++k)
    total += unemployment_benefit_monthly(previous_gross_monthly_wage, double(first_month + k), r);
  return total;
}

// Leefloon top-up (single rate): lifts an adult's annual net income to the leefloon level.
TS_HD inline double social_assistance_topup(double other_net_income, const TaxBenefitRules& r) {
  return tb_max(12.0 * r.social_assistance_monthly - other_net_income, 0.0);
}

// Employee retirement pension (single rate): rate * min(career average wage, ceiling) *
// min(years / 45, 1). With at least min_career_years the pension is at least the full-career
// minimum pension times the same career fraction.
TS_HD inline double pension(double career_average_wage, double career_years,
                            const TaxBenefitRules& r) {
  const double fraction = tb_clamp(career_years / r.pension_full_career_years, 0.0, 1.0);
  const double earned =
      r.pension_rate * tb_min(tb_max(career_average_wage, 0.0), r.pension_wage_ceiling) * fraction;
  if (career_years >= r.minimum_pension_min_career_years) {
    return tb_max(earned, 12.0 * r.minimum_pension_full_career_monthly * fraction);
  }
  return earned;
}

// --- Policy levers -----------------------------------------------------------------------

// The rules with the tax shift applied: employee and employer SSC rates each cut by half of
// tax_shift_ssc_points (never below 0); the capital tax rate raised by
// capital_income_tax_increase_points (kept within [0, 1]).
TS_HD inline TaxBenefitRules apply_policy(const TaxBenefitRules& base, const PolicyLevers& p) {
  TaxBenefitRules r = base;
  const double cut = 0.5 * p.tax_shift_ssc_points / 100.0;
  r.employee_ssc_rate = tb_max(r.employee_ssc_rate - cut, 0.0);
  r.employer_ssc_rate = tb_max(r.employer_ssc_rate - cut, 0.0);
  r.capital_income_tax_rate =
      tb_clamp(r.capital_income_tax_rate + p.capital_income_tax_increase_points / 100.0, 0.0, 1.0);
  return r;
}

// --- One person, one year ----------------------------------------------------------------

struct PersonIncomeInput {
  std::uint8_t status = status_inactive;  // code from model/status.hpp
  double age = 40.0;
  double fte = 1.0;                   // FTE fraction of the wage job (and platform work
                                      // when treated as a job)
  double gross_wage = 0.0;            // annual, employees
  double self_employed_income = 0.0;  // annual net professional income
  double platform_income = 0.0;       // annual
  double previous_gross_monthly_wage = 0.0;
  double unemployment_spell_months = 0.0;  // month of the spell, 1 = first
  double career_average_wage = 0.0;        // revalued annual average, for the pension
  double career_years = 0.0;
  double capital_income = 0.0;  // annual, given by the caller
};

struct PersonIncomes {
  double labour_income = 0.0;  // gross wage + self-employed + platform income
  double capital_income = 0.0;
  double employee_ssc = 0.0;
  double employer_ssc = 0.0;  // not part of the person's income; for revenue accounts
  double self_employed_ssc = 0.0;
  double income_tax = 0.0;
  double capital_income_tax = 0.0;
  double unemployment_benefit = 0.0;
  double social_assistance = 0.0;
  double pension = 0.0;
  double basic_income = 0.0;
  double disposable_income = 0.0;
};

static_assert(std::is_trivially_copyable_v<PersonIncomeInput>);
static_assert(std::is_trivially_copyable_v<PersonIncomes>);

// Individual (not household) incomes of one person. Order: contributions on labour income;
// benefits and pension by status; basic income; income tax; capital tax; disposable income;
// then the leefloon top-up for adults (not in education) whose disposable income, basic income
// included, is below the leefloon.
// The same with the levers already applied to the rules (apply_policy once a year rather than
// once a person, in the population passes).
TS_HD inline PersonIncomes compute_incomes_under(const PersonIncomeInput& in, const TaxBenefitRules& r,
                                                 const PolicyLevers& levers) {
  PersonIncomes out;
  const double wage = tb_max(in.gross_wage, 0.0);
  const double self_employed = tb_max(in.self_employed_income, 0.0);
  const double platform = tb_max(in.platform_income, 0.0);
  out.labour_income = wage + self_employed + platform;
  out.capital_income = tb_max(in.capital_income, 0.0);

  // Wages, and platform income when platform work is treated as a job.
  const double employee_gross = wage + (levers.platform_treated_as_employee ? platform : 0.0);
  out.employee_ssc = employee_social_contribution(employee_gross, r, in.fte);
  out.employer_ssc = employer_social_contribution(employee_gross, in.fte, r);

  // Self-employed income: main occupation (minimum contribution) only for the self-employed
  // status; platform income under the self-employed rules is secondary (no minimum).
  const bool main_self_employed = in.status == status_self_employed;
  double ssc_self = 0.0;
  if (self_employed > 0.0 || main_self_employed)
    ssc_self += self_employed_contribution(self_employed, r, main_self_employed);
  if (!levers.platform_treated_as_employee && platform > 0.0)
    ssc_self += self_employed_contribution(platform, r, false);
  out.self_employed_ssc = ssc_self;

  if (in.status == status_unemployed)
    out.unemployment_benefit =
        unemployment_benefit(in.previous_gross_monthly_wage, in.unemployment_spell_months, r);
  if (in.status == status_retired)
    out.pension = pension(in.career_average_wage, in.career_years, r);
  if (levers.basic_income_annual > 0.0 && in.age >= levers.basic_income_min_age)
    out.basic_income = levers.basic_income_annual;

  const double business_profit =
      self_employed + (levers.platform_treated_as_employee ? 0.0 : platform) - ssc_self;
  const double other_taxable =
      tb_max(business_profit, 0.0) + (levers.basic_income_taxable ? out.basic_income : 0.0);
  out.income_tax = personal_income_tax(employee_gross - out.employee_ssc,
                                       out.unemployment_benefit + out.pension, r, other_taxable);
  out.capital_income_tax = r.capital_income_tax_rate * out.capital_income;

  const double net_before_assistance = out.labour_income + out.capital_income +
                                       out.unemployment_benefit + out.pension + out.basic_income -
                                       out.employee_ssc - out.self_employed_ssc - out.income_tax -
                                       out.capital_income_tax;
  if (in.age >= r.social_assistance_min_age && in.status != status_in_education)
    out.social_assistance = social_assistance_topup(net_before_assistance, r);
  out.disposable_income = net_before_assistance + out.social_assistance;
  return out;
}

TS_HD inline PersonIncomes compute_incomes(const PersonIncomeInput& in, const TaxBenefitRules& base,
                                           const PolicyLevers& levers) {
  return compute_incomes_under(in, apply_policy(base, levers), levers);
}

}  // namespace ts::model
