// Host-only table from parameter names (as in configs/calibration/tax_benefit_2024.csv) to the
// members of TaxBenefitRules, with each one's unit. The CSV loader fills the struct through it
// and reports unknown and missing names; indexed() scales exactly the members whose unit is
// "eur" (the unit test checks that). Units: "eur" (euro amount, annual unless the name says
// monthly or quarterly), "share" (rate or fraction), "years".
#pragma once
#include <cstddef>

#include "model/tax_benefit_rules.hpp"

namespace ts::model {

struct TaxBenefitField {
  const char* name;
  double TaxBenefitRules::*member;
  const char* unit;
};

inline constexpr TaxBenefitField tax_benefit_fields[] = {
    {"employee_ssc_rate", &TaxBenefitRules::employee_ssc_rate, "share"},
    {"work_bonus_max_monthly", &TaxBenefitRules::work_bonus_max_monthly, "eur"},
    {"work_bonus_low_threshold_monthly", &TaxBenefitRules::work_bonus_low_threshold_monthly, "eur"},
    {"work_bonus_mid_threshold_monthly", &TaxBenefitRules::work_bonus_mid_threshold_monthly, "eur"},
    {"work_bonus_high_threshold_monthly", &TaxBenefitRules::work_bonus_high_threshold_monthly,
     "eur"},
    {"work_bonus_slope_1", &TaxBenefitRules::work_bonus_slope_1, "share"},
    {"work_bonus_intercept_2_monthly", &TaxBenefitRules::work_bonus_intercept_2_monthly, "eur"},
    {"work_bonus_slope_2", &TaxBenefitRules::work_bonus_slope_2, "share"},
    {"employer_ssc_rate", &TaxBenefitRules::employer_ssc_rate, "share"},
    {"structural_reduction_low_wage_coefficient",
     &TaxBenefitRules::structural_reduction_low_wage_coefficient, "share"},
    {"structural_reduction_low_wage_threshold_quarterly",
     &TaxBenefitRules::structural_reduction_low_wage_threshold_quarterly, "eur"},
    {"structural_reduction_very_low_wage_coefficient",
     &TaxBenefitRules::structural_reduction_very_low_wage_coefficient, "share"},
    {"structural_reduction_very_low_wage_threshold_quarterly",
     &TaxBenefitRules::structural_reduction_very_low_wage_threshold_quarterly, "eur"},
    {"self_employed_rate_1", &TaxBenefitRules::self_employed_rate_1, "share"},
    {"self_employed_rate_2", &TaxBenefitRules::self_employed_rate_2, "share"},
    {"self_employed_ceiling_1", &TaxBenefitRules::self_employed_ceiling_1, "eur"},
    {"self_employed_ceiling_2", &TaxBenefitRules::self_employed_ceiling_2, "eur"},
    {"self_employed_minimum_income_main", &TaxBenefitRules::self_employed_minimum_income_main,
     "eur"},
    {"professional_expense_rate", &TaxBenefitRules::professional_expense_rate, "share"},
    {"professional_expense_cap", &TaxBenefitRules::professional_expense_cap, "eur"},
    {"tax_bracket_1", &TaxBenefitRules::tax_bracket_1, "eur"},
    {"tax_bracket_2", &TaxBenefitRules::tax_bracket_2, "eur"},
    {"tax_bracket_3", &TaxBenefitRules::tax_bracket_3, "eur"},
    {"tax_rate_1", &TaxBenefitRules::tax_rate_1, "share"},
    {"tax_rate_2", &TaxBenefitRules::tax_rate_2, "share"},
    {"tax_rate_3", &TaxBenefitRules::tax_rate_3, "share"},
    {"tax_rate_4", &TaxBenefitRules::tax_rate_4, "share"},
    {"tax_free_allowance", &TaxBenefitRules::tax_free_allowance, "eur"},
    {"replacement_income_reduction_max", &TaxBenefitRules::replacement_income_reduction_max, "eur"},
    {"replacement_income_reduction_taper_start",
     &TaxBenefitRules::replacement_income_reduction_taper_start, "eur"},
    {"replacement_income_reduction_taper_end",
     &TaxBenefitRules::replacement_income_reduction_taper_end, "eur"},
    {"replacement_income_reduction_floor_share",
     &TaxBenefitRules::replacement_income_reduction_floor_share, "share"},
    {"municipal_surcharge_rate", &TaxBenefitRules::municipal_surcharge_rate, "share"},
    {"capital_income_tax_rate", &TaxBenefitRules::capital_income_tax_rate, "share"},
    {"unemployment_rate_months_1_3", &TaxBenefitRules::unemployment_rate_months_1_3, "share"},
    {"unemployment_rate_months_4_12", &TaxBenefitRules::unemployment_rate_months_4_12, "share"},
    {"unemployment_rate_after_12", &TaxBenefitRules::unemployment_rate_after_12, "share"},
    {"unemployment_max_months_1_3", &TaxBenefitRules::unemployment_max_months_1_3, "eur"},
    {"unemployment_max_months_4_6", &TaxBenefitRules::unemployment_max_months_4_6, "eur"},
    {"unemployment_max_months_7_12", &TaxBenefitRules::unemployment_max_months_7_12, "eur"},
    {"unemployment_max_months_13_24", &TaxBenefitRules::unemployment_max_months_13_24, "eur"},
    {"unemployment_max_months_25_30", &TaxBenefitRules::unemployment_max_months_25_30, "eur"},
    {"unemployment_max_months_31_36", &TaxBenefitRules::unemployment_max_months_31_36, "eur"},
    {"unemployment_minimum_monthly", &TaxBenefitRules::unemployment_minimum_monthly, "eur"},
    {"social_assistance_monthly", &TaxBenefitRules::social_assistance_monthly, "eur"},
    {"social_assistance_min_age", &TaxBenefitRules::social_assistance_min_age, "years"},
    {"pension_rate", &TaxBenefitRules::pension_rate, "share"},
    {"pension_wage_ceiling", &TaxBenefitRules::pension_wage_ceiling, "eur"},
    {"pension_full_career_years", &TaxBenefitRules::pension_full_career_years, "years"},
    {"minimum_pension_full_career_monthly", &TaxBenefitRules::minimum_pension_full_career_monthly,
     "eur"},
    {"minimum_pension_min_career_years", &TaxBenefitRules::minimum_pension_min_career_years,
     "years"},
};

inline constexpr std::size_t tax_benefit_field_count =
    sizeof(tax_benefit_fields) / sizeof(tax_benefit_fields[0]);

// Every member is a double and every double is listed: a member added to the struct but not
// to this table fails here.
static_assert(sizeof(TaxBenefitRules) == tax_benefit_field_count * sizeof(double),
              "tax_benefit_fields must list every member of TaxBenefitRules");

}  // namespace ts::model
