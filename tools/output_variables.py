"""The indicator variables that every TaskShift output file holds (without their _p05/_p50/_p95
companions): report.py notes any that a file lacks, and make_example_output.py checks that it
writes them all, so the synthetic file tests the report against the same list."""

EXPECTED_VARIABLES = [
    "population_by_status", "employment_rate_20_64", "unemployment_rate",
    "unemployment_rate_by_education", "employment_by_occupation",
    "employment_share_by_wage_tercile", "employment_by_education", "mean_task_share",
    "share_automatable_over_70", "share_automatable_50_70", "training_rate",
    "digital_skill_share", "mean_wage", "median_wage", "status_transitions",
    "gini_gross_labour_income", "gini_disposable_income", "p90_p10", "s80_s20",
    "poverty_rate", "labour_share", "ss_revenue", "ss_spending", "ss_balance",
    "income_tax_revenue", "datacenter_twh", "datacenter_cost_eur", "datacenter_co2_t",
]
