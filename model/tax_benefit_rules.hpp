// The Belgian tax-benefit parameters of one simulated year, as one trivially copyable struct
// of annual (or, where the law states them so, monthly) euro amounts, rates and durations.
// The defaults are the base year 2024; configs/calibration/tax_benefit_2024.csv holds the
// same values with their sources, and model/tax_benefit_fields.hpp maps the CSV names to the
// members. Every member is a double so that one loader fills them all. Euro amounts follow
// prices through indexed(); rates, durations and shares do not.
#pragma once
#include <type_traits>

#include "kernels/ts_hd.hpp"

namespace ts::model {

struct TaxBenefitRules {
  // --- Employee social security contributions (RSZ/ONSS) ---
  // Personal contribution on the gross wage. White-collar basis (blue-collar workers pay on
  // 108% of gross; the model does not tell them apart).
  double employee_ssc_rate = 0.1307;
  // Low-wage work bonus (social werkbonus, white-collar scale). S is the monthly
  // full-time-equivalent reference wage; the monthly reduction R is
  //   S <= low:          max
  //   low < S <= mid:    max - slope_1 * (S - low)
  //   mid < S <= high:   intercept_2 - slope_2 * (S - low)
  //   S > high:          0
  // and is paid pro rata of the FTE fraction, never above the contribution itself.
  double work_bonus_max_monthly = 267.42;
  double work_bonus_low_threshold_monthly = 2054.01;
  double work_bonus_mid_threshold_monthly = 2623.00;
  double work_bonus_high_threshold_monthly = 3144.45;
  double work_bonus_slope_1 = 0.2579;
  double work_bonus_intercept_2_monthly = 252.26;
  double work_bonus_slope_2 = 0.2313;

  // --- Employer social security contributions ---
  // Private commercial sector, including the wage-moderation levy.
  double employer_ssc_rate = 0.25;
  // Structural reduction, category 1, per quarter, on the quarterly FTE wage S:
  //   low_wage_coefficient * max(0, low_wage_threshold - S)
  //   + very_low_wage_coefficient * max(0, very_low_wage_threshold - S).
  double structural_reduction_low_wage_coefficient = 0.14;
  double structural_reduction_low_wage_threshold_quarterly = 10797.67;
  double structural_reduction_very_low_wage_coefficient = 0.40;
  double structural_reduction_very_low_wage_threshold_quarterly = 6807.18;

  // --- Self-employed social contributions (INASTI/RSVZ) ---
  // Rate up to the first ceiling, reduced rate up to the second, nothing above.
  double self_employed_rate_1 = 0.205;
  double self_employed_rate_2 = 0.1416;
  double self_employed_ceiling_1 = 72810.92;
  double self_employed_ceiling_2 = 107300.27;
  // Main-occupation self-employed pay at least the contribution on this income.
  double self_employed_minimum_income_main = 16861.46;

  // --- Personal income tax (income year 2024) ---
  // Lump-sum professional expenses on net wages (not on business profits).
  double professional_expense_rate = 0.30;
  double professional_expense_cap = 5750.0;
  // Bracket upper limits and marginal rates; the fourth rate applies above bracket_3.
  double tax_bracket_1 = 15820.0;
  double tax_bracket_2 = 27920.0;
  double tax_bracket_3 = 48320.0;
  double tax_rate_1 = 0.25;
  double tax_rate_2 = 0.40;
  double tax_rate_3 = 0.45;
  double tax_rate_4 = 0.50;
  // Basic tax-free allowance, granted as the schedule's tax on this amount.
  double tax_free_allowance = 10570.0;
  // Reduction for replacement incomes (benefits, pensions), simplified: the tax due on the
  // replacement income is reduced by at most this amount; the ceiling of the reduction falls
  // linearly to floor_share of itself between taper_start and taper_end of taxable income.
  double replacement_income_reduction_max = 3496.58;
  double replacement_income_reduction_taper_start = 27000.0;
  double replacement_income_reduction_taper_end = 54000.0;
  double replacement_income_reduction_floor_share = 1.0 / 3.0;
  // Municipal surcharge on the state income tax (average rate).
  double municipal_surcharge_rate = 0.07;
  // Flat withholding tax on capital income (interest, dividends).
  double capital_income_tax_rate = 0.30;

  // --- Unemployment insurance (single person living alone, 'alleenwonende') ---
  // Replacement rates on the previous gross monthly wage by spell phase.
  double unemployment_rate_months_1_3 = 0.65;
  double unemployment_rate_months_4_12 = 0.60;
  double unemployment_rate_after_12 = 0.55;
  // Monthly maxima by phase; from month 37 the benefit is the flat amount.
  double unemployment_max_months_1_3 = 2231.06;
  double unemployment_max_months_4_6 = 2059.46;
  double unemployment_max_months_7_12 = 1919.32;
  double unemployment_max_months_13_24 = 1608.36;
  double unemployment_max_months_25_30 = 1543.36;
  double unemployment_max_months_31_36 = 1478.10;
  double unemployment_minimum_monthly = 1437.54;  // floor in every month, flat from month 37

  // --- Social assistance (leefloon / revenu d'intégration), single rate ---
  double social_assistance_monthly = 1288.46;
  double social_assistance_min_age = 18.0;

  // --- Employee pensions ---
  double pension_rate = 0.60;              // single rate (household rate 75% not used)
  double pension_wage_ceiling = 78813.71;  // annual pensionable wage ceiling
  double pension_full_career_years = 45.0;
  double minimum_pension_full_career_monthly = 1773.35;  // single, full career
  double minimum_pension_min_career_years = 30.0;        // condition for the minimum
};

static_assert(std::is_trivially_copyable_v<TaxBenefitRules>);
static_assert(std::is_standard_layout_v<TaxBenefitRules>);

// The rules of a later year at the same real value: every euro amount (thresholds, brackets,
// allowances, caps, floors, maxima) multiplied by price_index; rates, shares, ages and
// durations unchanged. tests/unit/tax_benefit_test.cpp checks this list against the unit
// column of the fields table, so a new euro member cannot be forgotten here.
TS_HD inline TaxBenefitRules indexed(const TaxBenefitRules& base, double price_index) {
  TaxBenefitRules r = base;
  const double k = price_index;
  r.work_bonus_max_monthly *= k;
  r.work_bonus_low_threshold_monthly *= k;
  r.work_bonus_mid_threshold_monthly *= k;
  r.work_bonus_high_threshold_monthly *= k;
  r.work_bonus_intercept_2_monthly *= k;
  r.structural_reduction_low_wage_threshold_quarterly *= k;
  r.structural_reduction_very_low_wage_threshold_quarterly *= k;
  r.self_employed_ceiling_1 *= k;
  r.self_employed_ceiling_2 *= k;
  r.self_employed_minimum_income_main *= k;
  r.professional_expense_cap *= k;
  r.tax_bracket_1 *= k;
  r.tax_bracket_2 *= k;
  r.tax_bracket_3 *= k;
  r.tax_free_allowance *= k;
  r.replacement_income_reduction_max *= k;
  r.replacement_income_reduction_taper_start *= k;
  r.replacement_income_reduction_taper_end *= k;
  r.unemployment_max_months_1_3 *= k;
  r.unemployment_max_months_4_6 *= k;
  r.unemployment_max_months_7_12 *= k;
  r.unemployment_max_months_13_24 *= k;
  r.unemployment_max_months_25_30 *= k;
  r.unemployment_max_months_31_36 *= k;
  r.unemployment_minimum_monthly *= k;
  r.social_assistance_monthly *= k;
  r.pension_wage_ceiling *= k;
  r.minimum_pension_full_career_monthly *= k;
  return r;
}

}  // namespace ts::model
