#!/usr/bin/python3
"""Write a synthetic TaskShift output file (NetCDF-4, CF-1.8) for testing the report tools.

Usage: make_example_output.py OUT.nc [--replicas N] [--seed S] [--start-year Y] [--end-year Y]
                               [--scenario-name NAME] [--effect X] [--missing var1,var2]

The numbers are random but plausible for Flanders; they are NOT model results.
Replica noise depends only on --seed, so two files made with the same seed and different
--effect behave like two scenarios run with common random numbers (paired differences are
smooth). --missing omits the named variables together with their _p05/_p50/_p95 companions.

Run with Debian's /usr/bin/python3 (needs xarray, netCDF4, numpy).
"""
import argparse
import datetime
import hashlib
import sys

try:
    import numpy as np
    import xarray as xr
except ImportError as exc:  # wrong interpreter
    print("make_example_output.py: error: %s; run with Debian's /usr/bin/python3 (needs xarray, "
          "netCDF4, numpy)" % exc, file=sys.stderr)
    sys.exit(1)

STATUS = ["in_education", "employed", "unemployed", "inactive", "retired"]
EDUCATION = ["low", "middle", "high"]
OCCUPATION = ["isco1_managers", "isco2_professionals", "isco3_technicians", "isco4_clerks",
              "isco5_service_sales", "isco6_agriculture", "isco7_craft", "isco8_operators",
              "isco9_elementary"]
WAGE_TERCILE = ["low_paid", "middle_paid", "high_paid"]
TASK = ["analytic", "interpersonal", "routine_cognitive", "routine_manual", "manual"]
DIGITAL_SKILL = ["none", "basic", "advanced", "specialist"]
REVENUE_SOURCE = ["employee_contributions", "employer_contributions", "state_subsidy",
                  "alternative_financing"]
SPENDING_BRANCH = ["pensions", "health_care", "unemployment", "family_allowances", "disability"]

GROUPS = {
    "status": STATUS, "status_from": STATUS, "status_to": STATUS, "education": EDUCATION,
    "occupation": OCCUPATION, "wage_tercile": WAGE_TERCILE, "task": TASK,
    "digital_skill": DIGITAL_SKILL, "revenue_source": REVENUE_SOURCE,
    "spending_branch": SPENDING_BRANCH,
}

from output_variables import EXPECTED_VARIABLES  # noqa: E402 (next to this file)


class Gen:
    """Trajectory generator: deterministic trend + replica-specific smooth noise."""

    def __init__(self, years, n_rep, seed, effect):
        self.years = np.asarray(years)
        self.t = (self.years - self.years[0]).astype(float)
        self.T = max(float(self.t[-1]), 1.0)
        self.x = self.t / self.T          # 0 .. 1 over the horizon
        self.n_rep = n_rep
        self.rng = np.random.default_rng(seed)
        # the scenario effect varies a little by replica (from its own stream, so that the noise
        # draws, and hence the common random numbers, do not depend on --effect)
        er = np.random.default_rng([seed, 1]).normal(1.0, 0.15, size=n_rep)
        self.effect = effect * er[None, :]           # (1, replica)

    def noise(self, scale, shape=()):
        """Random walk (year, replica, *shape) with step sd `scale`, starting near 0."""
        steps = self.rng.normal(0.0, scale, size=(len(self.years), self.n_rep) + tuple(shape))
        steps[0] *= 0.3
        return np.cumsum(steps, axis=0)

    def trend(self, start, end):
        return start + (end - start) * self.x

    def series(self, start, end, sd, shape=(), effect=0.0):
        """(year, replica[, ...]) = linear trend start->end (+effect*x) + noise."""
        start = np.asarray(start, dtype=float)
        end = np.asarray(end, dtype=float)
        base = start[None, ...] + (end - start)[None, ...] * self.x.reshape((-1,) + (1,) * start.ndim)
        eff = np.asarray(effect, dtype=float)[None, None, ...] * self.x.reshape((-1, 1) + (1,) * start.ndim)
        eff = eff * self.effect.reshape((1, -1) + (1,) * start.ndim)
        return base[:, None, ...] + eff + self.noise(sd, start.shape if shape == () else shape)


def normalise(a, axis=-1):
    a = np.clip(a, 1e-6, None)
    return a / a.sum(axis=axis, keepdims=True)


def build(args):
    years = np.arange(args.start_year, args.end_year + 1, dtype=np.int32)
    if len(years) == 0:
        raise SystemExit("make_example_output.py: empty year range")
    g = Gen(years, args.replicas, args.seed, args.effect)
    e = g.effect                     # (1, replica): scenario effect per replica
    v = {}

    def put(name, dims, data, units, long_name):
        v[name] = (dims, np.asarray(data, dtype=np.float64), {"units": units, "long_name": long_name})

    YR = ("year", "replica")
    pop_total = g.series(6.80e6, 7.15e6, 4e3)
    shares = normalise(g.series([0.12, 0.45, 0.022, 0.13, 0.278], [0.115, 0.43, 0.020, 0.12, 0.315],
                                0.0015, effect=[0, 0.01, -0.004, -0.006, 0]))
    put("population_by_status", YR + ("status",), pop_total[..., None] * shares, "persons",
        "Population by labour-market status")
    emp_rate = g.series(0.775, 0.80, 0.002, effect=0.012)
    put("employment_rate_20_64", YR, emp_rate, "1", "Employment rate, persons aged 20-64")
    unemp_edu = np.clip(g.series([0.075, 0.035, 0.020], [0.085, 0.032, 0.018], 0.0015,
                                 effect=[-0.012, -0.004, -0.001]), 0.003, None)
    put("unemployment_rate_by_education", YR + ("education",), unemp_edu, "1",
        "Unemployment rate by education level")
    put("unemployment_rate", YR, unemp_edu @ np.array([0.2, 0.4, 0.4]), "1", "Unemployment rate")
    employed = pop_total * shares[..., 1]
    occ = normalise(g.series([0.11, 0.24, 0.13, 0.11, 0.15, 0.01, 0.10, 0.07, 0.08],
                             [0.12, 0.30, 0.14, 0.07, 0.16, 0.008, 0.08, 0.045, 0.077], 0.0012,
                             effect=[0, 0.01, 0.004, 0.003, 0, 0, 0.002, 0.002, -0.004]))
    put("employment_by_occupation", YR + ("occupation",), employed[..., None] * occ, "persons",
        "Employment by occupation (ISCO-08 major group)")
    terc = normalise(g.series([1 / 3, 1 / 3, 1 / 3], [0.35, 0.28, 0.37], 0.0015,
                              effect=[-0.005, 0.012, -0.003]))
    put("employment_share_by_wage_tercile", YR + ("wage_tercile",), terc, "1",
        "Share of employment by initial wage tercile of the occupation")
    edu = normalise(g.series([0.15, 0.40, 0.45], [0.10, 0.37, 0.53], 0.001))
    put("employment_by_education", YR + ("education",), employed[..., None] * edu, "persons",
        "Employment by education level")
    tasks = normalise(g.series([0.26, 0.22, 0.20, 0.16, 0.16], [0.31, 0.26, 0.15, 0.12, 0.16], 0.001,
                               effect=[0, 0, 0.006, 0.004, 0]))
    put("mean_task_share", YR + ("task",), tasks, "1", "Mean share of working time by task")
    put("share_automatable_over_70", YR, np.clip(g.series(0.14, 0.10, 0.0015, effect=0.01), 0, 1), "1",
        "Share of workers with automation probability above 70%")
    put("share_automatable_50_70", YR, np.clip(g.series(0.30, 0.27, 0.002, effect=0.005), 0, 1), "1",
        "Share of workers with automation probability 50-70%")
    put("training_rate", YR, np.clip(g.series(0.45, 0.55, 0.003, effect=0.05), 0, 1), "1",
        "Participation in training, last 12 months, persons aged 25-64")
    put("digital_skill_share", YR + ("digital_skill",),
        normalise(g.series([0.15, 0.45, 0.30, 0.10], [0.05, 0.35, 0.40, 0.20], 0.002,
                           effect=[-0.01, -0.02, 0.015, 0.015])), "1",
        "Share of adults by digital skill level")
    growth = (1.012 ** g.t)[:, None]
    put("mean_wage", YR, 52000 * growth * (1 + g.noise(0.002)) * (1 - 0.01 * e * g.x[:, None]),
        "EUR/year", "Mean gross annual wage of employees")
    put("median_wage", YR, 45500 * growth * (1 + g.noise(0.002)) * (1 - 0.012 * e * g.x[:, None]),
        "EUR/year", "Median gross annual wage of employees")
    n = len(STATUS)
    p = np.full((n, n), 0.01) + np.diag([0.80, 0.93, 0.45, 0.80, 0.97])
    p[0, 1], p[2, 1], p[3, 1], p[1, 4] = 0.12, 0.40, 0.08, 0.025
    p = p / p.sum(axis=1, keepdims=True)
    pop_by = pop_total[..., None] * shares
    trans = pop_by[..., :, None] * p[None, None] * (1 + np.abs(g.noise(0.003, (n, n))))
    put("status_transitions", YR + ("status_from", "status_to"), trans, "persons",
        "Persons moving between labour-market statuses during the year")
    put("gini_gross_labour_income", YR, g.series(0.30, 0.325, 0.0015, effect=0.01), "1",
        "Gini coefficient of individual gross labour income")
    put("gini_disposable_income", YR, g.series(0.25, 0.265, 0.0012, effect=0.006), "1",
        "Gini coefficient of individual disposable income")
    put("p90_p10", YR, g.series(3.2, 3.5, 0.01, effect=0.1), "1", "P90/P10 ratio of individual disposable income")
    put("s80_s20", YR, g.series(3.6, 3.9, 0.01, effect=0.12), "1", "S80/S20 ratio of individual disposable income")
    put("poverty_rate", YR, g.series(0.09, 0.10, 0.0015, effect=0.008), "1",
        "At-risk-of-poverty rate (60% of median individual disposable income)")
    put("labour_share", YR, g.series(0.60, 0.57, 0.002, effect=-0.01), "1", "Labour share of value added")
    gdp_growth = (1.025 ** g.t)[:, None, None]
    rev = np.array([16e9, 36e9, 19e9, 14e9])[None, None] * gdp_growth * (1 + g.noise(0.003, (4,)))
    rev = rev * (1 - 0.01 * e * g.x[:, None])[..., None]
    put("ss_revenue", YR + ("revenue_source",), rev, "EUR", "Social security revenue by source")
    spend = (np.array([42e9, 31e9, 3.5e9, 6.5e9, 2.5e9])[None, None]
             * (1.0285 ** g.t)[:, None, None] * (1 + g.noise(0.003, (5,))))
    spend[..., 2] *= 1 + 0.15 * e * g.x[:, None]
    put("ss_spending", YR + ("spending_branch",), spend, "EUR", "Social security spending by branch")
    put("ss_balance", YR, rev.sum(-1) - spend.sum(-1), "EUR", "Social security balance (revenue - spending)")
    put("income_tax_revenue", YR, 31e9 * gdp_growth[..., 0] * (1 + g.noise(0.003)), "EUR",
        "Personal income tax revenue")
    twh = np.clip(g.series(2.0, 6.0, 0.05, effect=1.5), 0.1, None)
    put("datacenter_twh", YR, twh, "TWh", "Electricity use of data centres")
    put("datacenter_cost_eur", YR, twh * 1e9 * 0.14, "EUR", "Electricity cost of data centres")
    put("datacenter_co2_t", YR, twh * 1e6 * g.trend(0.15, 0.05)[:, None], "t",
        "CO2 emissions from data-centre electricity")

    # The example stands for a whole model output: it writes every variable the report expects.
    unwritten = [name for name in EXPECTED_VARIABLES if name not in v]
    if unwritten:
        sys.exit("make_example_output.py: error: no generator for %s (tools/output_variables.py)"
                 % ", ".join(unwritten))

    missing = [m.strip() for m in args.missing.split(",") if m.strip()] if args.missing else []
    for m in missing:
        if m in v:
            del v[m]
        else:
            print("make_example_output.py: --missing: unknown variable %r ignored" % m, file=sys.stderr)

    data_vars = {}
    for name, (dims, data, attrs) in v.items():
        data_vars[name] = (dims, data, attrs)
        for q in (5, 50, 95):
            pq = np.percentile(data, q, axis=1)
            qa = {"units": attrs["units"],
                  "long_name": "%s, %dth percentile across replicas" % (attrs["long_name"], q)}
            data_vars["%s_p%02d" % (name, q)] = (tuple(d for d in dims if d != "replica"), pq, qa)

    coords = {"year": ("year", years, {"long_name": "calendar year", "axis": "T"}),
              "replica": ("replica", np.arange(args.replicas, dtype=np.int32),
                          {"long_name": "replica index (common random numbers)"})}
    for gname, labels in GROUPS.items():
        coords[gname] = (gname, np.array(labels, dtype=object), {"long_name": gname.replace("_", " ")})
    ds = xr.Dataset(data_vars, coords=coords)
    text = args.scenario_text or ("Synthetic example output (%s), effect %.2f; numbers are random, "
                                  "not model results." % (args.scenario_name, args.effect))
    ds.attrs = {
        "Conventions": "CF-1.8",
        "title": "TaskShift microsimulation output (synthetic example)",
        "scenario_name": args.scenario_name,
        "scenario_text": text,
        "scenario_hash": hashlib.sha256(text.encode()).hexdigest()[:16],
        "inputs_hash": "0000000000000000",
        "code_version": "example-0.0.0",
        "backend": "cpu-example",
        "mpi_ranks": np.int32(1),
        "threads": np.int32(1),
        "seed": np.int64(args.seed),
        "run_date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "persons_simulated": np.int64(68000),
        "scale": np.float64(100.0),
    }
    return ds


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write a synthetic TaskShift NetCDF output for testing.")
    ap.add_argument("out", help="output .nc path")
    ap.add_argument("--replicas", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument("--start-year", type=int, default=2024)
    ap.add_argument("--end-year", type=int, default=2050)
    ap.add_argument("--scenario-name", default="example_baseline")
    ap.add_argument("--scenario-text", default=None)
    ap.add_argument("--effect", type=float, default=0.0,
                    help="scenario effect size; 0 = baseline, 1 = a stronger digitalisation shock")
    ap.add_argument("--missing", default="", help="comma-separated variables to omit")
    args = ap.parse_args(argv)
    if args.replicas < 1:
        ap.error("--replicas must be >= 1")
    ds = build(args)
    enc = {name: {"zlib": True, "complevel": 4} for name in ds.data_vars}
    ds.to_netcdf(args.out, format="NETCDF4", engine="netcdf4", encoding=enc)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
