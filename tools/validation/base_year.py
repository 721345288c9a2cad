"""Base-year fit: labour-market marginals, occupations, wages, training and digital skills."""
import numpy as np

import published as P
from common import BASE_YEAR, SCALE, binom_se, calibration_parameter, num, pct, pp, setup_matplotlib, table

EMPLOYED = (1, 2, 3, 4)  # permanent, temporary, self-employed, platform (person-file status codes)
UNEMPLOYED = 5


def person_indicators(pop):
    age = pop.age.values.astype(int)
    sex = pop.sex.values.astype(int)
    edu = pop.education.values.astype(int)
    st = pop.status.values.astype(int)
    hours = pop.hours.values.astype(float)
    emp = np.isin(st, EMPLOYED)
    une = st == UNEMPLOYED
    out = {}

    def rate(num_mask, den_mask):
        n = int(den_mask.sum())
        p = float((num_mask & den_mask).sum()) / n if n else float("nan")
        return p, binom_se(p, n), n

    a2064 = (age >= 20) & (age <= 64)
    a2564 = (age >= 25) & (age <= 64)
    out["er_20_64"] = rate(emp, a2064)
    out["er_20_64_male"] = rate(emp, a2064 & (sex == 0))
    out["er_20_64_female"] = rate(emp, a2064 & (sex == 1))
    for e, name in enumerate(("low", "middle", "high")):
        out[f"er_{name}"] = rate(emp, a2564 & (edu == e))
    for lo, hi in ((55, 64), (20, 34), (35, 44), (45, 54)):
        out[f"er_{lo}_{hi}"] = rate(emp, (age >= lo) & (age <= hi))
    active = emp | une
    a1564 = (age >= 15) & (age <= 64)
    out["ur"] = rate(une, active & a1564)
    out["ur_male"] = rate(une, active & a1564 & (sex == 0))
    out["ur_female"] = rate(une, active & a1564 & (sex == 1))
    for e, name in enumerate(("low", "middle", "high")):
        out[f"ur_{name}"] = rate(une, active & a1564 & (edu == e))
        out[f"ur_{name}_25_64"] = rate(une, active & a2564 & (edu == e))
    for lo, hi in ((15, 34), (35, 54), (55, 64)):
        out[f"ur_{lo}_{hi}"] = rate(une, active & (age >= lo) & (age <= hi))
    w2064 = emp & a2064
    out["self_employed"] = rate(st == 3, w2064)
    out["self_employed_incl_platform"] = rate((st == 3) | (st == 4), w2064)
    out["temporary"] = rate(st == 2, np.isin(st, (1, 2)) & a2064)
    pt = hours < 0.999
    out["part_time"] = rate(pt, w2064)
    out["part_time_female"] = rate(pt, w2064 & (sex == 1))
    out["part_time_male"] = rate(pt, w2064 & (sex == 0))
    # digital skills, 16-74
    dig = pop.digital_skill.values.astype(int)
    a1674 = (age >= 16) & (age <= 74)
    out["digital_basic"] = rate(dig >= 1, a1674)
    out["digital_basic_low"] = rate(dig >= 1, a1674 & (edu == 0))
    out["digital_basic_high"] = rate(dig >= 1, a1674 & (edu == 2))
    # wages of full-time employees, monthly FTE (annual_months monthly payments a year, docs/model.md s.6)
    ft = np.isin(st, (1, 2)) & ~pt
    monthly = pop.gross_wage.values[ft].astype(float) / calibration_parameter("wage_structure.csv", "annual_months")
    out["wages"] = {"P10": float(np.percentile(monthly, 10)), "P50": float(np.percentile(monthly, 50)),
                    "P90": float(np.percentile(monthly, 90)), "mean": float(monthly.mean()),
                    "n": int(ft.sum()), "sd": float(monthly.std())}
    return out


def section(ctx):
    pop = ctx.population()
    base = ctx.scenario("baseline").isel(replica=0).sel(year=BASE_YEAR)
    ind = person_indicators(pop)
    n_persons = pop.sizes["person"]
    # consistency: the person file is the run's base year
    er_nc = float(base.employment_rate_20_64)
    assert abs(er_nc - ind["er_20_64"][0]) < 2e-3, (er_nc, ind["er_20_64"][0])

    lines = ["## 1. Base-year fit (2024)", ""]
    lines.append(
        f"From the person file of `taskshift synth -o POP.nc --scale {SCALE}` ({num(n_persons)} persons, "
        f"the base year of every run: its employment rate 20-64, {pct(ind['er_20_64'][0])}, equals the run's "
        f"`employment_rate_20_64` of {BASE_YEAR}, {pct(er_nc)}) and the baseline run's {BASE_YEAR} indicators. "
        "Published figures are for the Flemish Region unless marked BE. The model's base year is 2024; most "
        "published figures are for 2023 or earlier, so part of each difference is the year. "
        "'± s.e.' is the binomial standard error of the sample share, sqrt(p(1-p)/n) with n the persons in the "
        "denominator: the sampling error of the 2% sample. It is an upper bound for the rates by age, sex, "
        "education and status, which the synthesis integerises from the tables without sampling noise "
        "(docs/model.md, section 0), and the right order of magnitude for attributes drawn per person "
        "(job type, part time, occupation, wages, digital skills).")
    lines.append("")
    rows = []
    chart_items = []
    for key, label, value, year, source in P.LABOUR:
        m, se, n = ind[key]
        rows.append([label, pct(m), f"± {100 * se:.2f} pp", pct(value), year, pp(m - value), source])
        chart_items.append((label, m, se, value))
    for key, label, value, year, source in P.LABOUR:
        if key in ("ur_low", "ur_middle", "ur_high"):
            m, se, n = ind[key + "_25_64"]
            rows.append([label + ", model for 25-64", pct(m), f"± {100 * se:.2f} pp", pct(value), year,
                         pp(m - value), source + "; the age range of the published rate by education is probably 25-64"])
    m, se, n = ind["self_employed_incl_platform"]
    rows.append(["Self-employed incl. platform workers, share of workers 20-64", pct(m), f"± {100 * se:.2f} pp",
                 pct(0.14), 2024, pp(m - 0.14), "as above (platform work is mostly a side activity in the LFS)"])
    lines.append("### Labour market")
    lines.append("")
    lines.append(table(["indicator", "model 2024", "± s.e.", "published", "year", "difference", "source"], rows))
    lines.append("")

    plt = setup_matplotlib()
    fig, ax = plt.subplots(figsize=(7.5, 7.0))
    y = np.arange(len(chart_items))[::-1]
    ax.scatter([100 * c[3] for c in chart_items], y, marker="s", color="tab:gray", label="published", zorder=3)
    ax.errorbar([100 * c[1] for c in chart_items], y, xerr=[200 * c[2] for c in chart_items], fmt="o",
                color="tab:blue", label="model 2024 (± 2 s.e.)", zorder=4)
    for yy, c in zip(y, chart_items):
        ax.plot([100 * c[1], 100 * c[3]], [yy, yy], color="tab:red", alpha=0.4, lw=2)
    ax.set_yticks(y)
    ax.set_yticklabels([c[0] for c in chart_items])
    ax.set_xscale("log")
    ax.set_xticks([1, 2, 5, 10, 20, 50, 100])
    ax.set_xticklabels(["1", "2", "5", "10", "20", "50", "100"])
    ax.set_xlabel("%  (log scale)")
    ax.set_title("Base-year labour market: model (2024) against published Flemish figures")
    ax.legend(loc="lower right")
    lines.append(f"![base-year labour market]({ctx.savefig(fig, 'base_year_labour.png')})")
    lines.append("")

    # occupations
    occ = base.employment_by_occupation.values.astype(float)
    shares = occ / occ.sum()
    pub = np.array(P.ISCO_SHARES[2020]) / 100.0
    rows = []
    for i, name in enumerate(P.ISCO_NAMES):
        rows.append([name, pct(shares[i]), pct(pub[i]), pp(shares[i] - pub[i])])
    n_emp = int(round(occ.sum() * SCALE))
    lines.append("### Occupations (ISCO-08 major groups)")
    lines.append("")
    lines.append(
        f"Share of employment 15+ in {BASE_YEAR} against the Belgian shares of 2020 ({P.ISCO_SOURCE}). "
        f"Sampling error about ± {100 * binom_se(0.1, n_emp):.2f} pp for a 10% group ({num(n_emp)} workers in the sample). "
        "The published shares sum to 99.5% (armed forces and no response are in the total). The synthesis rakes "
        "the occupation mix to exactly these Belgian shares (occupation_by_education.csv, renormalised without "
        "armed forces), so this checks the synthesis, not the model; no Flemish ISCO split was found, and Flanders "
        "probably has more professionals and fewer elementary workers than Belgium as a whole.")
    lines.append("")
    lines.append(table(["ISCO-08 group", "model 2024 (VG)", "published 2020 (BE)", "difference"], rows))
    lines.append("")
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    x = np.arange(9)
    ax.bar(x - 0.2, 100 * shares, 0.4, label=f"model {BASE_YEAR} (VG)")
    ax.bar(x + 0.2, 100 * pub, 0.4, label="Eurostat LFS 2020 (BE)", color="tab:gray")
    ax.set_xticks(x)
    short = ["managers", "profession.", "technicians", "clerks", "service,\nsales", "agriculture", "craft",
             "operators", "elementary"]
    ax.set_xticklabels([f"{i + 1}\n{s}" for i, s in enumerate(short)], fontsize=7)
    ax.set_ylabel("% of employment")
    ax.set_title("Employment by ISCO-08 major group")
    ax.legend()
    lines.append(f"![occupation shares]({ctx.savefig(fig, 'base_year_occupations.png')})")
    lines.append("")

    # wages
    w = ind["wages"]
    rows = []
    for k in ("P10", "P50", "P90", "mean"):
        pub24 = P.WAGES_2022[k] * P.WAGE_UPRATING_2022_2024
        rows.append([k, num(w[k]), num(pub24), num(P.WAGES_2022[k]), f"{100 * (w[k] / pub24 - 1):+.1f}%"])
    ratio_m = w["P90"] / w["P10"]
    ratio_p = P.WAGES_2022["P90"] / P.WAGES_2022["P10"]
    rows.append(["P90/P10", f"{ratio_m:.2f}", f"{ratio_p:.2f}", f"{ratio_p:.2f}", f"{ratio_m - ratio_p:+.2f}"])
    se_med = 1.2533 * w["sd"] / np.sqrt(w["n"])
    exact = all(abs(w[k] / (P.WAGES_2022[k] * P.WAGE_UPRATING_2022_2024) - 1) < 0.005 for k in ("P10", "P50", "P90"))
    lines.append("### Wages")
    lines.append("")
    lines.append(
        f"Gross monthly wage of full-time employees (permanent and temporary, FTE = 1), annual earnings / "
        f"{calibration_parameter('wage_structure.csv', 'annual_months'):g} (wage_structure.csv), "
        f"against Statbel's full-time distribution of October 2022 uprated to 2024 by indexation (x {P.WAGE_UPRATING_2022_2024}); "
        f"{P.WAGE_SOURCE}. Statbel covers firms with 10+ employees and leaves out agriculture, public administration, "
        f"education and health; the model covers all employees. Sample: {num(w['n'])} full-time employees, "
        f"standard error of the median about €{se_med:,.0f}. "
        + ("P10, P50 and P90 match the uprated Statbel figures to within 0.5%: the build calibrates the wage "
           "distribution to these deciles (wage_deciles.csv), so these rows check the calibration; the mean and "
           "the shape between the deciles are the test." if exact else
           "The median of full-time permanent employees is calibrated to the uprated Statbel median "
           "(docs/model.md, section 0); the median here also includes temporary employees, so P10, P90, the mean "
           "and the ratio are the test."))
    lines.append("")
    lines.append(table(["statistic (EUR/month)", "model 2024", "published, uprated to 2024", "published 2022", "difference"], rows))
    lines.append("")

    # training and digital skills
    tr = float(base.training_rate)
    tre = base.training_rate_by_education.values.astype(float)
    rows = []
    pop25_64 = int(((pop.age.values >= 25) & (pop.age.values <= 64)).sum())
    se_tr = binom_se(tr, pop25_64)
    for (key, label, value, year, source), m in zip(P.TRAINING, [tr, *tre]):
        rows.append([label, pct(m), pct(value), year, pp(m - value), source])
    for key, label, value, year, source in P.DIGITAL:
        m, se, n = ind[key]
        rows.append([label, pct(m), pct(value), year, pp(m - value), source])
    lines.append("### Training and digital skills")
    lines.append("")
    lines.append(
        f"Training: the run's `training_rate` and `training_rate_by_education` ({BASE_YEAR}; persons 25-64 who "
        f"trained in the year, students counted as learning; s.e. ± {100 * se_tr:.2f} pp). Digital skills: persons "
        "16-74 of the person file at level basic or above. The Belgian rates by education are for Belgium; the "
        "calibration scales them by the Flemish/Belgian ratio 1.042 (configs/calibration/training.csv).")
    lines.append("")
    lines.append(table(["indicator", "model 2024", "published", "year", "difference", "source"], rows))
    lines.append("")

    # reading
    ur_low = ind["ur_low"][0]
    lines.append("### What the gaps mean")
    lines.append("")
    big = [(label, ind[key][0], value) for key, label, value, _, _ in P.LABOUR if abs(ind[key][0] - value) > 0.02]
    if big:
        lines.append("Differences larger than 2 points: " + "; ".join(
            f"{label} ({pct(m)} against {pct(v)})" for label, m, v in big) + ".")
        lines.append("")
    ur = ind["ur"][0]
    where = ("above the 2023 figure but within" if 0.038 <= ur <= 0.043 else
             "above the 2023 figure and" if ur > 0.033 + 0.002 else "close to the 2023 figure and")
    lines.append(
        f"- The overall rates are close by construction: the status tables (labour_status.csv) are built to the "
        f"Flemish margins. The unemployment rate ({pct(ur)} against {pct(0.033)}) is {where} "
        f"{'the' if 'within' in where else 'below the'} 2024 quarterly range (3.8-4.3%, Statbel).")
    ur_low25 = ind["ur_low_25_64"][0]
    age = pop.age.values
    st = pop.status.values
    m1524 = (age >= 15) & (age <= 24) & (pop.education.values == 0)
    u1524 = int((st[m1524] == UNEMPLOYED).sum())
    a1524 = int(np.isin(st[m1524], EMPLOYED + (UNEMPLOYED,)).sum())
    ur_1524 = u1524 / a1524 if a1524 else float("nan")
    lines.append(
        f"- The unemployment rate of the low educated 15-64 ({pct(ur_low)} against 5.7%) is the largest gap, and it "
        f"is a matter of age range: among 25-64-year-olds the model gives {pct(ur_low25)}, close to the published "
        f"rate, which is probably for 25-64. The 15-64 figure is pulled up by the active low-educated 15-24-year-olds "
        f"(unemployment rate {pct(ur_1524)} in the model): in the model 'low' is the education a person will leave "
        "school with, so young job seekers who have not finished secondary school count here. The same youth "
        f"rates give the unemployment rate 15-34 ({pct(ind['ur_15_34'][0])} against 6.0%). Closing it: check the "
        "15-24 rows of labour_status.csv against the Flemish youth unemployment rate (BE 19.9% at 15-24, 2024 Q3), "
        "and add an indicator of the rate by education for 25-64 so that the published figure is compared like "
        "with like.")
    lines.append(
        "- Job types and part time are drawn per person from employment_type.csv and part_time.csv; the gaps are "
        "the mix of years (2020-2025) and definitions (self-employed as main job; part time as declared by the "
        "respondent, against FTE < 1 here).")
    lines.append(
        "- Occupations: the match is by construction, but with Belgian shares standing in for Flemish ones; a "
        "Flemish ISCO split (Statbel LFS microdata or Steunpunt Werk) is the missing figure.")
    lines.append(
        f"- Wages (mean {100 * (w['mean'] / (P.WAGES_2022['mean'] * P.WAGE_UPRATING_2022_2024) - 1):+.1f}% against Statbel): "
        "the model's distribution covers sectors Statbel leaves out (public administration, education, health: "
        "flatter wages), and the uprating factor is the upper end for the whole economy, so a close fit to "
        "Statbel's scope is not the same as a fit to all Flemish employees. A Flemish all-sector wage "
        "distribution (RSZ/ONSS wage statistics) is the better target.")
    tr_ratio_m = tre[2] / tre[0]
    tr_ratio_p = P.TRAINING[3][2] / P.TRAINING[1][2]
    lines.append(
        f"- Training: the overall rate is {pct(tr)} against 22.4%; by education the model's high/low ratio is "
        f"{tr_ratio_m:.1f} against {tr_ratio_p:.1f} in the Belgian data. "
        + ("The model's gap is wider: " if tr_ratio_m > tr_ratio_p * 1.1 else
           "The model's gap is narrower: " if tr_ratio_m < tr_ratio_p / 1.1 else "The gaps are similar; ")
        + "the participation equation adds age, status and contract effects to the education margin as logit "
        "offsets (docs/model.md section 4), so the rates by education move with the composition of each group "
        "(the low educated are older and more often inactive). Raking the logit intercepts to all margins at "
        "once would make every margin exact.")
    lines.append(
        f"- Digital skills: the calibration targets 61% at least basic for 16-74 (digital_skills.csv); the person file "
        f"gives {pct(ind['digital_basic'][0])}. The table is by education and age band with the population weights of "
        "its derivation script, which may differ from the synthetic population's mix; the "
        "education gaps are wider in the data (26% / 77%, Belgium 2021) than two years later in Flanders. "
        "Re-fitting the table to the synthetic population's cells would close it.")
    lines.append("")
    return "\n".join(lines), ind
