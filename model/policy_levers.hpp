// Scenario policy levers that change the tax-benefit outcome of a person or are carried for
// other processes. Defaults switch every lever off, so default levers reproduce the 2024 rules.
#pragma once
#include <type_traits>

namespace ts::model {

struct PolicyLevers {
  // Universal basic income per person and year, in euros; 0 switches it off.
  double basic_income_annual = 0.0;
  // Age from which a person receives the basic income.
  double basic_income_min_age = 18.0;
  // Whether the basic income is added to taxable income (taxed at the progressive schedule
  // without lump-sum expenses or replacement-income reduction) or paid untaxed.
  bool basic_income_taxable = false;
  // Tax shift from labour to capital: cut of the employee plus employer SSC rates, in
  // percentage points, split equally between the two (half each).
  double tax_shift_ssc_points = 0.0;
  // Rise of the flat capital-income tax rate, in percentage points, that finances the shift.
  double capital_income_tax_increase_points = 0.0;
  // Platform workers pay employee SSC (and their platform the employer SSC) on their platform
  // income, with the wage rules of income tax, instead of the self-employed rules.
  bool platform_treated_as_employee = false;
  // Robot tax: share of the displaced wage bill levied on automation capital. Applied at the
  // aggregate level by the caller, not per person.
  double robot_tax_rate = 0.0;
  // Share of training costs subsidised, and a yearly individual learning account in euros;
  // used by the training process, carried here so that one scenario struct holds all levers.
  double training_subsidy_share = 0.0;
  double learning_account_eur = 0.0;
};

static_assert(std::is_trivially_copyable_v<PolicyLevers>);

}  // namespace ts::model
