// The person record's attributes, declared once as an X-macro list (type, name, unit): the
// population's storage (model/person.hpp) and anything that only needs the list, such as the
// benchmarks' byte count, which must compile without Thrust, loop over it. Narrow types where the
// range allows: bytes per person-year set the speed floor.
#pragma once
#include <cstdint>

// X(type, name, unit)
#define TS_PERSON_ATTRIBUTES(X)                                                              \
  X(std::uint64_t, person_id, "1")                /* global id: keys every random draw */   \
  X(std::uint8_t, age, "years")                                                              \
  X(std::uint8_t, sex, "1")                       /* 0 male, 1 female */                    \
  X(std::uint8_t, region, "1")                    /* province, see calibration */           \
  X(std::uint8_t, education, "1")                 /* 0 low, 1 middle, 2 high */             \
  X(std::uint8_t, status, "1")                    /* model/status.hpp */                    \
  X(std::uint8_t, digital_skill, "1")             /* 0 none .. 3 ICT specialist */          \
  X(std::uint8_t, trained, "1")                   /* took part in training this year */     \
  X(std::uint8_t, unemployment_months, "months")  /* current spell, capped at 255 */        \
  X(std::uint16_t, occupation, "1")               /* index into the ISCO-08 4-digit table */\
  X(float, task_analytic, "1")                    /* time shares of the five task */        \
  X(float, task_interpersonal, "1")               /* categories, summing to one */          \
  X(float, task_routine_cognitive, "1")                                                      \
  X(float, task_routine_manual, "1")                                                         \
  X(float, task_manual, "1")                                                                 \
  X(float, skill_stock, "1")                      /* general skills, 1 = base-year mean */  \
  X(float, wage_effect, "1")                      /* persistent individual log-wage term */ \
  X(float, hours, "1")                            /* FTE fraction when working */           \
  X(float, gross_wage, "EUR/year")                /* labour earnings this year */           \
  X(float, previous_wage, "EUR/year")             /* last earnings in work, for benefits */ \
  X(float, years_worked, "years")                                                            \
  X(float, career_earnings, "EUR")                /* sum of capped earnings, for pensions */\
  X(float, displaced_share, "1")                  /* share of tasks displaced this year */  \
  X(float, capital_income, "EUR/year")                                                       \
  X(float, benefits, "EUR/year")                  /* unemployment, assistance, basic inc. */\
  X(float, pension, "EUR/year")                                                              \
  X(float, contributions, "EUR/year")             /* own social contributions */           \
  X(float, taxes, "EUR/year")                     /* personal income and capital tax */    \
  X(float, disposable_income, "EUR/year")
