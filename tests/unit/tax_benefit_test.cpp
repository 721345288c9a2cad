// Tests of the Belgian tax-benefit rules (model/tax_benefit_k.hpp): households worked by hand
// with the arithmetic in the comments, asserted to the cent, then properties on grids
// (non-negativity, monotonicity, marginal rates, floors and caps, indexation), and the
// agreement of the fields table, the struct defaults and configs/calibration/tax_benefit_2024.csv.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "model/tax_benefit_fields.hpp"
#include "model/tax_benefit_k.hpp"

namespace {

using namespace ts::model;

const TaxBenefitRules rules{};
const PolicyLevers no_levers{};

PersonIncomeInput employee(double monthly_gross) {
  PersonIncomeInput in;
  in.status = status_employee_permanent;
  in.age = 40;
  in.fte = 1.0;
  in.gross_wage = 12.0 * monthly_gross;
  return in;
}

// ---------------------------------------------------------------------------------------
// Household 1: full-time employee at the median wage, EUR 3,728 a month (Statbel 2022).
//   gross            = 12 x 3,728                          = 44,736.00
//   employee SSC     = 13.07% x 44,736                     =  5,846.9952
//   work bonus: S = 3,728 > 3,144.45                       ->        0
//   net wage         = 44,736 - 5,846.9952                 = 38,889.0048
//   lump sum         = min(30% x 38,889.0048 = 11,666.70, 5,750) = 5,750
//   taxable          = 38,889.0048 - 5,750                 = 33,139.0048
//   schedule         = 25% x 15,820           = 3,955.00
//                    + 40% x 12,100           = 4,840.00
//                    + 45% x  5,219.0048      = 2,348.55216
//                                             = 11,143.55216
//   allowance credit = 25% x 10,570                        =  2,642.50
//   state tax        = 11,143.55216 - 2,642.50             =  8,501.05216
//   income tax       = 8,501.05216 x 1.07                  =  9,096.1258112
//   employer SSC     = 25% x 44,736 = 11,184; S_q = 11,184 > 10,797.67 -> no reduction
//   disposable       = 44,736 - 5,846.9952 - 9,096.1258112 = 29,792.8789888
TEST(TaxBenefitHandWorked, MedianFullTimeEmployee) {
  const PersonIncomes out = compute_incomes(employee(3728.0), rules, no_levers);
  EXPECT_NEAR(out.labour_income, 44736.00, 0.01);
  EXPECT_NEAR(out.employee_ssc, 5847.00, 0.01);
  EXPECT_NEAR(out.employer_ssc, 11184.00, 0.01);
  EXPECT_NEAR(out.income_tax, 9096.13, 0.01);
  EXPECT_NEAR(out.social_assistance, 0.0, 0.01);
  EXPECT_NEAR(out.disposable_income, 29792.88, 0.01);
}

// Household 2: low-wage full-time employee at EUR 2,400 a month, in the work-bonus range.
//   gross            = 12 x 2,400                          = 28,800.00
//   contribution     = 13.07% x 2,400 = 313.68 a month
//   work bonus R     = 267.42 - 0.2579 x (2,400 - 2,054.01)
//                    = 267.42 - 0.2579 x 345.99 = 267.42 - 89.230821 = 178.189179 a month
//   employee SSC     = 12 x (313.68 - 178.189179) = 12 x 135.490821 = 1,625.889852
//   net wage         = 28,800 - 1,625.889852               = 27,174.110148
//   lump sum         = min(8,152.23, 5,750)                =  5,750
//   taxable          = 21,424.110148
//   schedule         = 3,955 + 40% x 5,604.110148 = 3,955 + 2,241.6440592 = 6,196.6440592
//   state tax        = 6,196.6440592 - 2,642.50            =  3,554.1440592
//   income tax       = x 1.07                              =  3,802.93414334
//   employer SSC     = 25% x 28,800 = 7,200; S_q = 7,200:
//                      reduction/quarter = 0.14 x (10,797.67 - 7,200) + 0.40 x 0
//                                        = 0.14 x 3,597.67 = 503.6738
//                      7,200 - 4 x 503.6738 = 7,200 - 2,014.6952 = 5,185.3048
//   disposable       = 28,800 - 1,625.889852 - 3,802.93414334 = 23,371.17600466
TEST(TaxBenefitHandWorked, LowWageEmployeeWithWorkBonus) {
  const PersonIncomes out = compute_incomes(employee(2400.0), rules, no_levers);
  EXPECT_NEAR(out.employee_ssc, 1625.89, 0.01);
  EXPECT_NEAR(out.employer_ssc, 5185.30, 0.01);
  EXPECT_NEAR(out.income_tax, 3802.93, 0.01);
  EXPECT_NEAR(out.disposable_income, 23371.18, 0.01);
}

// Household 2b: at EUR 2,000 a month the work bonus (267.42) exceeds the contribution
// (13.07% x 2,000 = 261.40), so the employee SSC is zero, as the RSZ says ("up to about
// EUR 2,000 the work bonus compensates the whole contribution").
TEST(TaxBenefitHandWorked, WorkBonusCancelsContributionAtLowWage) {
  EXPECT_NEAR(employee_social_contribution(24000.0, rules), 0.0, 0.01);
}

// Household 3: person living alone, unemployed, previous gross wage EUR 3,000 a month.
//  Month 2:  65% x 3,000 = 1,950.00 (between min 1,437.54 and max 2,231.06) a month
//            annual equivalent = 12 x 1,950 = 23,400.00
//            taxable = 23,400 (no lump sum on benefits)
//            schedule = 3,955 + 40% x 7,580 = 3,955 + 3,032 = 6,987.00
//            minus allowance credit 2,642.50                 = 4,344.50
//            replacement reduction: taxable 23,400 < taper start 27,000, all income is
//            replacement income -> min(4,344.50, 3,496.58) = 3,496.58 -> 847.92
//            income tax = 847.92 x 1.07 = 907.2744
//            disposable = 23,400 - 907.2744 = 22,492.7256
//  Month 14: 55% x 3,000 = 1,650 > max 1,608.36 -> 1,608.36 a month = 19,300.32 a year
//            schedule = 3,955 + 40% x 3,480.32 = 5,347.128; - 2,642.50 = 2,704.628
//            < reduction ceiling 3,496.58 -> income tax 0; disposable = 19,300.32
TEST(TaxBenefitHandWorked, UnemployedMonth2AndMonth14) {
  PersonIncomeInput in;
  in.status = status_unemployed;
  in.age = 35;
  in.previous_gross_monthly_wage = 3000.0;
  in.unemployment_spell_months = 2;
  PersonIncomes out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.unemployment_benefit, 23400.00, 0.01);
  EXPECT_NEAR(out.income_tax, 907.27, 0.01);
  EXPECT_NEAR(out.disposable_income, 22492.73, 0.01);

  in.unemployment_spell_months = 14;
  out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.unemployment_benefit, 19300.32, 0.01);
  EXPECT_NEAR(out.income_tax, 0.0, 0.01);
  EXPECT_NEAR(out.disposable_income, 19300.32, 0.01);
}

// Household 4: retiree, 40 career years, career average wage EUR 45,000 a year.
//   earned pension   = 60% x min(45,000, 78,813.71) x 40/45 = 27,000 x 0.888... = 24,000.00
//   minimum (40 >= 30 years) = 12 x 1,773.35 x 40/45 = 21,280.20 x 40/45 = 18,915.7333
//   pension          = max(24,000, 18,915.73)               = 24,000.00
//   schedule         = 3,955 + 40% x 8,180 = 3,955 + 3,272  =  7,227.00
//   minus allowance credit 2,642.50                         =  4,584.50
//   replacement reduction min(4,584.50, 3,496.58)           -> 1,087.92
//   income tax       = 1,087.92 x 1.07                      =  1,164.0744
//   disposable       = 24,000 - 1,164.0744                  = 22,835.9256
TEST(TaxBenefitHandWorked, RetireeWith40CareerYears) {
  PersonIncomeInput in;
  in.status = status_retired;
  in.age = 70;
  in.career_average_wage = 45000.0;
  in.career_years = 40;
  const PersonIncomes out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.pension, 24000.00, 0.01);
  EXPECT_NEAR(out.income_tax, 1164.07, 0.01);
  EXPECT_NEAR(out.disposable_income, 22835.93, 0.01);
  // A low earner with the same career gets the pro-rata minimum pension.
  EXPECT_NEAR(pension(20000.0, 40, rules), 18915.73, 0.01);
  // Below 30 career years there is no minimum: 60% x 20,000 x 20/45 = 5,333.33.
  EXPECT_NEAR(pension(20000.0, 20, rules), 5333.33, 0.01);
}

// Household 5: self-employed in main occupation, net professional income EUR 40,000.
//   SSC              = 20.5% x 40,000 (below ceiling 72,810.92) = 8,200.00
//   taxable          = 40,000 - 8,200 (no lump sum on profits) = 31,800.00
//   schedule         = 3,955 + 4,840 + 45% x 3,880 = 3,955 + 4,840 + 1,746 = 10,541.00
//   state tax        = 10,541 - 2,642.50 = 7,898.50; x 1.07 = 8,451.395
//   disposable       = 40,000 - 8,200 - 8,451.395 = 23,348.605
TEST(TaxBenefitHandWorked, SelfEmployed40000) {
  PersonIncomeInput in;
  in.status = status_self_employed;
  in.age = 45;
  in.self_employed_income = 40000.0;
  const PersonIncomes out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.self_employed_ssc, 8200.00, 0.01);
  EXPECT_NEAR(out.income_tax, 8451.40, 0.01);
  EXPECT_NEAR(out.disposable_income, 23348.61, 0.01);
  // Minimum contribution in main occupation: 20.5% x 16,861.46 = 3,456.5993.
  EXPECT_NEAR(self_employed_contribution(5000.0, rules), 3456.60, 0.01);
  // Secondary occupation: rates from the first euro, 20.5% x 5,000 = 1,025.
  EXPECT_NEAR(self_employed_contribution(5000.0, rules, false), 1025.00, 0.01);
  // Above the second ceiling: 20.5% x 72,810.92 + 14.16% x 34,489.35 = 14,926.2386 + 4,883.6920
  EXPECT_NEAR(self_employed_contribution(200000.0, rules), 19809.93, 0.01);
}

// Leefloon top-up: an inactive adult without income gets 12 x 1,288.46 = 15,461.52; a pupil
// (in education) gets nothing; a basic income of 6,000 (untaxed) counts as income.
TEST(TaxBenefitHandWorked, SocialAssistanceAndBasicIncome) {
  PersonIncomeInput in;
  in.status = status_inactive;
  in.age = 30;
  PersonIncomes out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.social_assistance, 15461.52, 0.01);
  EXPECT_NEAR(out.disposable_income, 15461.52, 0.01);

  PolicyLevers ubi;
  ubi.basic_income_annual = 6000.0;
  out = compute_incomes(in, rules, ubi);
  EXPECT_NEAR(out.basic_income, 6000.0, 0.01);
  EXPECT_NEAR(out.social_assistance, 9461.52, 0.01);
  EXPECT_NEAR(out.disposable_income, 15461.52, 0.01);

  in.status = status_in_education;
  in.age = 19;
  out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.social_assistance, 0.0, 0.01);
  in.age = 16;
  out = compute_incomes(in, rules, ubi);
  EXPECT_NEAR(out.basic_income, 0.0, 0.01);
}

// Tax shift of 4 points: employee rate 13.07% - 2 = 11.07%, employer 25% - 2 = 23%;
// capital tax 30% + 5 points = 35% of 10,000 = 3,500.
TEST(TaxBenefitPolicy, TaxShift) {
  PolicyLevers shift;
  shift.tax_shift_ssc_points = 4.0;
  shift.capital_income_tax_increase_points = 5.0;
  PersonIncomeInput in = employee(3728.0);
  in.capital_income = 10000.0;
  const PersonIncomes out = compute_incomes(in, rules, shift);
  EXPECT_NEAR(out.employee_ssc, 0.1107 * 44736.0, 0.01);
  EXPECT_NEAR(out.employer_ssc, 0.23 * 44736.0, 0.01);
  EXPECT_NEAR(out.capital_income_tax, 3500.0, 0.01);
}

// Platform income of 10,000 at 0.4 FTE: self-employed secondary rules (20.5% = 2,050) by
// default. Treated as employees: FTE monthly wage S = 10,000 / 12 / 0.4 = 2,083.33, work bonus
// 267.42 - 0.2579 x 29.32 = 259.86 a month, x 12 x 0.4 = 1,247.31 a year against a
// contribution of 1,307.00 -> employee SSC 59.69; employer: S_q = 6,250, reduction
// 0.14 x 4,547.67 + 0.40 x 557.18 = 859.55 a quarter, x 4 x 0.4 = 1,375.27 -> 2,500 - 1,375.27.
TEST(TaxBenefitPolicy, PlatformWorkers) {
  PersonIncomeInput in;
  in.status = status_platform_worker;
  in.age = 25;
  in.platform_income = 10000.0;
  in.fte = 0.4;
  PersonIncomes out = compute_incomes(in, rules, no_levers);
  EXPECT_NEAR(out.self_employed_ssc, 2050.0, 0.01);
  EXPECT_NEAR(out.employee_ssc, 0.0, 0.01);
  PolicyLevers as_employee;
  as_employee.platform_treated_as_employee = true;
  out = compute_incomes(in, rules, as_employee);
  EXPECT_NEAR(out.self_employed_ssc, 0.0, 0.01);
  EXPECT_NEAR(out.employee_ssc, 59.69, 0.01);
  EXPECT_NEAR(out.employer_ssc, 1124.73, 0.01);
}

// ---------------------------------------------------------------------------------------
// Properties on grids.

TEST(TaxBenefitProperties, ContributionsAndTaxNeverNegative) {
  for (double y = 0.0; y <= 300000.0; y += 250.0) {
    for (double fte : {0.2, 0.5, 0.8, 1.0}) {
      EXPECT_GE(employee_social_contribution(y, rules, fte), 0.0);
      EXPECT_GE(employer_social_contribution(y, fte, rules), 0.0);
    }
    EXPECT_GE(self_employed_contribution(y, rules, true), 0.0);
    EXPECT_GE(self_employed_contribution(y, rules, false), 0.0);
    EXPECT_GE(personal_income_tax(y, 0.0, rules), 0.0);
    EXPECT_GE(personal_income_tax(0.0, y, rules), 0.0);
    EXPECT_GE(personal_income_tax(y / 2, y / 2, rules, y / 4), 0.0);
  }
}

// Tax is non-decreasing in every income, and on earned income (no replacement income) the
// marginal rate never exceeds the top rate times (1 + surcharge) = 53.5%. The taper of the
// replacement-income reduction may exceed it, as the Belgian rule does, so replacement income
// is only checked for monotonicity.
TEST(TaxBenefitProperties, TaxMonotoneAndMarginalRateBounded) {
  const double cap = rules.tax_rate_4 * (1.0 + rules.municipal_surcharge_rate);
  const double h = 10.0;
  for (double y = 0.0; y <= 250000.0; y += h) {
    const double dw = personal_income_tax(y + h, 0.0, rules) - personal_income_tax(y, 0.0, rules);
    const double doth =
        personal_income_tax(0.0, 0.0, rules, y + h) - personal_income_tax(0.0, 0.0, rules, y);
    const double drep =
        personal_income_tax(20000.0, y + h, rules) - personal_income_tax(20000.0, y, rules);
    const double drep_only =
        personal_income_tax(0.0, y + h, rules) - personal_income_tax(0.0, y, rules);
    EXPECT_GE(dw, -1e-9) << y;
    EXPECT_GE(doth, -1e-9) << y;
    EXPECT_GE(drep, -1e-9) << y;
    EXPECT_GE(drep_only, -1e-9) << y;
    EXPECT_LE(dw, cap * h + 1e-9) << y;
    EXPECT_LE(doth, cap * h + 1e-9) << y;
  }
}

// Disposable income never falls when the gross wage rises, for full-time and part-time
// employees. (The work-bonus scale has a 3-cent-a-month step at S = 2,623.00 where its two
// segments meet; on a EUR 50 grid it is far smaller than the net gain.)
TEST(TaxBenefitProperties, DisposableIncomeNonDecreasingInGrossWage) {
  for (double fte : {0.5, 0.8, 1.0}) {
    double previous = -1.0;
    for (double gross = 0.0; gross <= 200000.0; gross += 50.0) {
      PersonIncomeInput in = employee(0.0);
      in.fte = fte;
      in.gross_wage = gross;
      const double d = compute_incomes(in, rules, no_levers).disposable_income;
      EXPECT_GE(d, previous - 1e-9) << "fte " << fte << " gross " << gross;
      previous = d;
    }
  }
}

TEST(TaxBenefitProperties, BenefitsRespectFloorsAndCaps) {
  const double caps[] = {rules.unemployment_max_months_1_3,   rules.unemployment_max_months_4_6,
                         rules.unemployment_max_months_7_12,  rules.unemployment_max_months_13_24,
                         rules.unemployment_max_months_25_30, rules.unemployment_max_months_31_36};
  for (double w = 0.0; w <= 10000.0; w += 100.0) {
    double previous = 1e30;
    for (int m = 1; m <= 60; ++m) {
      const double b = unemployment_benefit_monthly(w, m, rules);
      const double cap = m <= 3    ? caps[0]
                         : m <= 6  ? caps[1]
                         : m <= 12 ? caps[2]
                         : m <= 24 ? caps[3]
                         : m <= 30 ? caps[4]
                         : m <= 36 ? caps[5]
                                   : rules.unemployment_minimum_monthly;
      EXPECT_GE(b, rules.unemployment_minimum_monthly - 1e-9);
      EXPECT_LE(b, cap + 1e-9);
      EXPECT_LE(b, previous + 1e-9) << "benefit rises with spell length";  // degressive
      previous = b;
    }
  }
  EXPECT_NEAR(unemployment_benefit_for_year(3000.0, 1, 12, rules),
              3 * 1950.0 + 3 * 1800.0 + 6 * 1800.0, 0.01);
  for (double w = 0.0; w <= 300000.0; w += 1000.0) {
    for (double years = 0.0; years <= 50.0; years += 1.0) {
      const double p = pension(w, years, rules);
      EXPECT_LE(p, rules.pension_rate * rules.pension_wage_ceiling + 1e-9);
      EXPECT_GE(p, 0.0);
      if (years >= rules.minimum_pension_min_career_years) {
        const double fraction = years < 45.0 ? years / 45.0 : 1.0;
        EXPECT_GE(p, 12.0 * rules.minimum_pension_full_career_monthly * fraction - 1e-6);
      }
    }
  }
  for (double net = -5000.0; net <= 30000.0; net += 100.0) {
    const double topup = social_assistance_topup(net, rules);
    EXPECT_GE(topup, 0.0);
    EXPECT_GE(net + topup, 12.0 * rules.social_assistance_monthly - 1e-9);
  }
}

// Indexation scales exactly the members whose unit is "eur" and leaves the others; and the
// whole system is then homogeneous: incomes scaled by 1.1 give taxes and benefits scaled by 1.1.
TEST(TaxBenefitProperties, IndexationScalesEuroAmountsOnly) {
  const TaxBenefitRules up = indexed(rules, 1.1);
  for (const TaxBenefitField& f : tax_benefit_fields) {
    const double base = rules.*(f.member);
    const double after = up.*(f.member);
    if (std::strcmp(f.unit, "eur") == 0)
      EXPECT_NEAR(after, 1.1 * base, 1e-9 * base) << f.name;
    else
      EXPECT_EQ(after, base) << f.name;
  }
  for (double m : {1500.0, 2400.0, 3728.0, 6305.0}) {
    const PersonIncomes a = compute_incomes(employee(m), rules, no_levers);
    const PersonIncomes b = compute_incomes(employee(1.1 * m), up, no_levers);
    EXPECT_NEAR(b.income_tax, 1.1 * a.income_tax, 1e-6);
    EXPECT_NEAR(b.employee_ssc, 1.1 * a.employee_ssc, 1e-6);
    EXPECT_NEAR(b.employer_ssc, 1.1 * a.employer_ssc, 1e-6);
    EXPECT_NEAR(b.disposable_income, 1.1 * a.disposable_income, 1e-6);
  }
  EXPECT_NEAR(unemployment_benefit(3300.0, 5, up), 1.1 * unemployment_benefit(3000.0, 5, rules),
              1e-6);
  EXPECT_NEAR(pension(1.1 * 45000.0, 40, up), 1.1 * pension(45000.0, 40, rules), 1e-6);
}

// ---------------------------------------------------------------------------------------
// The fields table, the struct defaults and the CSV agree.

TEST(TaxBenefitFields, NamesUniqueAndUnitsKnown) {
  std::set<std::string> names;
  for (const TaxBenefitField& f : tax_benefit_fields) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    const std::string unit = f.unit;
    EXPECT_TRUE(unit == "eur" || unit == "share" || unit == "years") << f.name;
  }
  EXPECT_EQ(names.size(), tax_benefit_field_count);
}

TEST(TaxBenefitFields, CsvMatchesDefaults) {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.find_last_of('/') + 1);
  std::ifstream csv(dir + "../../configs/calibration/tax_benefit_2024.csv");
  if (!csv) GTEST_SKIP() << "CSV not found relative to " << __FILE__;
  std::string line;
  bool header_seen = false;
  std::set<std::string> seen;
  while (std::getline(csv, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      EXPECT_EQ(line, "parameter,value,unit,source");
      header_seen = true;
      continue;
    }
    std::stringstream ss(line);
    std::string name, value, unit;
    std::getline(ss, name, ',');
    std::getline(ss, value, ',');
    std::getline(ss, unit, ',');
    const TaxBenefitField* field = nullptr;
    for (const TaxBenefitField& f : tax_benefit_fields)
      if (name == f.name) field = &f;
    ASSERT_NE(field, nullptr) << "unknown parameter " << name;
    EXPECT_TRUE(seen.insert(name).second) << "duplicate " << name;
    EXPECT_NEAR(std::stod(value), rules.*(field->member), 1e-9) << name;
    EXPECT_EQ(unit, field->unit) << name;
  }
  EXPECT_EQ(seen.size(), tax_benefit_field_count);
}

}  // namespace
