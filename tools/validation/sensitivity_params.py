"""The uncertain parameters screened one at a time: key, default, low, high, why that range.

Defaults are those of `taskshift docs parameters` (the baseline scenario sets none of these keys);
the check in plan.py refuses to run if a default here differs from the program's.
"""

PARAMS = [
    # technology
    ("technology.capability_ceiling.analytic", 0.55, 0.35, 0.75,
     "moderate-automation scenario's ceiling (0.35) to halfway to rapid-automation's (0.85): the literature's spread on how much non-routine analytic work AI can take over"),
    ("technology.capability_ceiling.manual", 0.65, 0.45, 0.85,
     "moderate (0.45) to near rapid (0.90) scenario ceilings: uncertainty on mobile robotics"),
    ("technology.speed.routine_cognitive", 0.25, 0.15, 0.40,
     "logistic slopes of the moderate (0.15) and rapid (0.40) scenarios"),
    ("technology.speed.analytic", 0.25, 0.15, 0.40,
     "same range as above, for the category generative AI moves fastest in"),
    ("technology.cost_decline", 0.04, 0.02, 0.06,
     "moderate (2%/year) and rapid (6%/year) scenario values"),
    ("technology.adoption_spread", 0.5, 0.25, 1.0,
     "half and double the default: how sharply employers switch when automation becomes cheaper (not calibrated)"),
    # exposure
    ("exposure.reinstatement_share", 0.35, 0.2, 0.5,
     "rapid (0.30) and moderate (0.50) scenario values widened to 0.20: Acemoglu-Restrepo find reinstatement weaker after 1987"),
    ("exposure.separation_sensitivity", 5.0, 2.5, 10.0,
     "half and double the default (assumption, not calibrated)"),
    ("exposure.augmentation_per_digital_level", 0.12, 0.06, 0.2,
     "half the default to 0.2 (assumption): how much digital skill turns displacement into augmentation"),
    # labour market
    ("labour.productivity_effect", 0.5, 0.25, 0.75,
     "+/- 50% around Graetz-Michaels-type estimates of the demand restored by productivity gains"),
    ("labour.new_task_demand", 0.3, 0.1, 0.5,
     "assumption +/- 0.2 new non-routine jobs per displaced FTE"),
    ("labour.matching_efficiency", 0.62, 0.5, 0.75,
     "+/- 20%: the range of yearly job-finding rates of the Flemish unemployed across cycles (labour_flows)"),
    # training and skills
    ("training.skill_gain", 0.08, 0.04, 0.12,
     "+/- 50% (assumption): the skill stock a year of training adds"),
    ("training.depreciation_per_pace", 1.0, 0.5, 2.0,
     "half and double (assumption): obsolescence of skills with the pace of automation"),
    ("training.exposure_reduction", 0.3, 0.15, 0.5,
     "half the default to 0.5 (assumption): how much more skill protects against displacement"),
    # capital income
    ("capital.concentration", 2.5, 1.5, 3.5,
     "+/- 1 around the default exponent of the wealth proxy: wealth is more concentrated than earnings, by how much is uncertain"),
    ("capital.automation_effect", 0.3, 0.15, 0.5,
     "half the default to 0.5: fall of the labour share per unit of automated labour demand"),
    # energy
    ("energy.doubling_time_end", 2.6, 2.0, 4.0,
     "Koomey's post-2000 2.6 years; 2.0 if AI accelerators keep improving fast, 4.0 if efficiency gains stall or rebound eats them"),
    ("energy.flemish_hosting_share", 0.25, 0.1, 0.5,
     "assumption: 10% (almost all in foreign hyperscale regions) to 50% (colocation at home)"),
    ("energy.baseline_growth", 0.082, 0.07, 0.095,
     "the growth rates that take the Belgian 3.2 TWh of 2024 to the low (18.5 TWh) and high (34 TWh) published 2050 figures"),
]

OUTPUTS = [
    ("unemployment_rate", "Unemployment rate 15-64", "pp", 100.0),
    ("gini_disposable_income", "Gini of disposable income", "Gini points", 100.0),
    ("ss_balance_share_of_value_added", "Social-security balance, share of value added", "pp of VA", 100.0),
    ("datacenter_twh", "Datacentre electricity in Flanders", "TWh", 1.0),
    ("datacenter_twh_by_task", "Datacentre electricity in Flanders for automated tasks", "GWh", 1000.0),
]
YEARS = [2035, 2050]
