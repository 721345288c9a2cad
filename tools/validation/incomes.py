"""Incomes: base-year inequality against Flemish SILC, social-security accounts against published totals."""
import numpy as np

import published as P
from common import BASE_YEAR, ROOT, bn, num, pct, setup_matplotlib, table


def vg_pop_20_64():
    """Persons aged 20-64 in the Flemish Region on 1 Jan 2024, from the model's population table."""
    total = 0
    for line in open(ROOT / "configs/calibration/population_age_sex.csv"):
        if line.startswith("#") or line.startswith("age,"):
            continue
        a, _sex, n = line.split(",")[:3]
        if 20 <= int(a) <= 64:
            total += int(float(n))
    return total


def keys():
    er_vg = next(v for k, _, v, _, _ in P.LABOUR if k == "er_20_64")
    vg_emp = er_vg * vg_pop_20_64()
    k_emp = vg_emp / P.EMPLOYED_BE_20_64_2023
    k_pop = P.POP_VG_2024 / P.POP_BE_2024
    odds = lambda u: u / (1 - u)  # noqa: E731  unemployed per employed
    k_une = k_emp * odds(P.UR_VG_2023) / odds(P.UR_BE_2023)
    return {"emp": (k_emp, f"employment key {k_emp:.3f} = Flemish employed 20-64 (76.8% x {num(vg_pop_20_64())} persons "
                            f"aged 20-64 in population_age_sex.csv = {num(vg_emp)}) / Belgian employed 20-64 "
                            f"{num(P.EMPLOYED_BE_20_64_2023)} (Statbel 2023)"),
            "pop": (k_pop, f"population key {k_pop:.3f} = Flemish / Belgian population on 1 Jan 2024 "
                           f"({num(P.POP_VG_2024)} / {num(P.POP_BE_2024)}, Statbel)"),
            "une": (k_une, f"unemployment key {k_une:.3f} = employment key x (unemployed per employed: VG 3.3% / "
                           "BE 5.6% unemployment rates of 2023, Statbel)")}


def accounts(ctx):
    b = ctx.scenario("baseline").isel(replica=0).sel(year=BASE_YEAR)
    rev = dict(zip(b.revenue_source.values, np.asarray(b.ss_revenue_by_source.values, dtype=float)))
    spe = dict(zip(b.spending_branch.values, np.asarray(b.ss_spending_by_branch.values, dtype=float)))
    pop = dict(zip(b.status.values, np.asarray(b.population_by_status.values, dtype=float)))
    k = keys()
    wage_growth_19_24 = P.WAGES_2022["P50"] * P.WAGE_UPRATING_2022_2024 / P.WAGE_MEDIAN_2019
    rsz, y_rsz, s_rsz = P.SS_ACCOUNTS["rsz_contributions"]
    pen, y_pen, s_pen = P.SS_ACCOUNTS["pensions"]
    rva, y_rva, s_rva = P.SS_ACCOUNTS["rva_spending"]
    rec, y_rec, s_rec = P.SS_ACCOUNTS["unemployed_recipients"]
    rows = []

    def row(label, model, be, year, uprate, key, source, money=True):
        scaled = be * uprate * k[key][0]
        f = bn if money else (lambda x: num(x))
        diff = f"{100 * (model / scaled - 1):+.0f}%"
        rows.append([label, f(model), f(be), year, f"x {uprate:.3f}" if uprate != 1 else "–", f"{key} {k[key][0]:.3f}",
                     f(scaled), diff, source])
        return scaled

    contrib = rev["employee_contributions"] + rev["employer_contributions"]
    out = {}
    out["contrib"] = (contrib, row("Employee + employer social contributions", contrib, rsz, y_rsz, wage_growth_19_24, "emp", s_rsz))
    out["pensions"] = (spe["pensions"], row("Pension spending", spe["pensions"], pen, y_pen, P.WAGE_UPRATING_2022_2024, "pop", s_pen))
    out["unemp"] = (spe["unemployment"], row("Unemployment benefit spending", spe["unemployment"], rva, y_rva, 1.0, "une", s_rva))
    row("Unemployed persons (model: ILO status) / benefit recipients", pop["unemployed"], rec, y_rec, 1.0, "une", s_rec, money=False)
    row("Retired persons / statutory pensioners", pop["retired"], 2.53e6, y_pen, 1.0, "pop",
        "pensionstat.be: 2.53 million pensioners", money=False)
    for label, v in (("Self-employed contributions", rev["self_employed_contributions"]),
                     ("Social assistance (leefloon top-up)", spe["social_assistance"]),
                     ("Other branches, net (balancing item)", spe["other_branches_net"]),
                     ("Personal income tax and capital-income tax", float(b.income_tax_revenue))):
        rows.append([label, bn(v), "not found", "–", "–", "–", "–", "–", "–"])
    header = ["account", "model VG 2024", "published BE", "year", "uprating to 2024", "key to VG",
              "published, scaled to VG 2024", "model vs scaled", "source"]
    text = [
        "Model: baseline run, base year 2024 (identical in every replica and scenario), Flemish residents, "
        "weighted to the whole population. Published figures are Belgian and of earlier years; they are brought "
        "to Flanders 2024 by stated keys and uprating factors:",
        "",
        f"- {k['emp'][1]};",
        f"- {k['pop'][1]};",
        f"- {k['une'][1]};",
        f"- uprating: contributions 2019 -> 2024 by the growth of the Statbel full-time median wage "
        f"({num(P.WAGE_MEDIAN_2019)} in 2019 to {num(P.WAGES_2022['P50'] * P.WAGE_UPRATING_2022_2024)} in 2024, x {wage_growth_19_24:.3f}); "
        f"pensions 2022 -> 2024 by the indexation factor {P.WAGE_UPRATING_2022_2024} (wage_deciles.csv); "
        "RVA spending and counts are not uprated (spending of 2018 covers time credit and SWT too).",
        "",
        table(header, rows),
        "",
        "Reading: the contributions are the model's strongest test (wage bill x rates). A model figure above "
        "the scaled RSZ total is expected to the extent that the model applies the private-sector employer rate "
        "(25%) to every employee and has no target-group reductions, and that Flanders' wage bill per worker is "
        "above the Belgian mean; below it, to the extent that civil servants' contributions and the "
        "alternative financing paths are in the RSZ figure. Pensions: the model pays the single rate (60%) "
        "to everyone, never the 75% household rate, and all retirees accrue as employees; survivors' pensions "
        "and civil-servant pensions (higher) are in the published figure. Unemployment: the model counts ILO "
        "unemployed, the RVA counts benefit recipients (including some who are inactive in the ILO sense), "
        "and the RVA total includes time credit and SWT (bridge pensions), which the model does not have. "
        "A national-accounts table (NBB: social contributions D.61 and social benefits D.62 by sub-sector, and "
        "household income tax D.51) for 2023, with the Flemish share from the regional accounts, would replace "
        "these keys.",
    ]
    return "\n".join(text), out


def section(ctx):
    base = ctx.scenario("baseline")
    lines = ["## 5. Incomes", "", "### Inequality and poverty", ""]
    rows = []
    vals = {}
    for var, label, value, year, source in P.INEQUALITY:
        a = np.asarray(base[var].sel(year=BASE_YEAR).values, dtype=float)
        m = float(a.mean())
        vals[var] = m
        if var == "s80_s20":
            rows.append([label, f"{m:.2f}", f"{value:.1f}", year, f"{m - value:+.2f}", source])
        else:
            rows.append([label, f"{100 * m:.1f}" if var.startswith("gini") else pct(m),
                         f"{100 * value:.1f}" if var.startswith("gini") else pct(value), year,
                         f"{100 * (m - value):+.1f}" + (" points" if var.startswith("gini") else " pp"), source])
    lines.append(table(["indicator", "model 2024 (individual)", "published (household, equivalised)", "year",
                        "difference", "source"], rows))
    lines.append("")
    lines.append(
        "**The individual-versus-household caveat.** The model's incomes are individual disposable incomes of "
        "adults 18+ (docs/incomes.md): no household record, no pooling between partners, no equivalence scale. "
        "SILC's figures are for persons, each given the equivalised disposable income of their household "
        "(household income / (1 + 0.5 per extra adult + 0.3 per child)). The two differ in opposite "
        "directions. Pooling makes SILC's distribution more equal: a non-earning partner of a high earner is "
        "poor as an individual but not in SILC, and students and young adults living with their parents count "
        "with their parents' income. But the model's social assistance also has no household means test: every "
        "adult not in education receives at least the single leefloon (€15,462 a year), which puts a floor under "
        "the individual distribution that real cohabitants do not have, and the poverty line is 60% of the "
        "individual median, not of the equivalised one. So the model figures are not estimates of the published "
        "ones; a gap says how far the individual view is from the household view, not that the tax-benefit rules "
        "are wrong. What would close it: a household layer (partners, children, shared housing) with the "
        "household means tests of assistance and the household rates of benefits and pensions; then the "
        "equivalised indicators are comparable directly.")
    lines.append("")
    acc_text, acc = accounts(ctx)
    lines.append("### Social-security accounts against published totals")
    lines.append("")
    lines.append(acc_text)
    lines.append("")
    plt = setup_matplotlib()
    fig, ax = plt.subplots(figsize=(6.5, 3))
    labels = ["contributions\n(employee+employer)", "pensions", "unemployment\nbenefits"]
    keys_ = ["contrib", "pensions", "unemp"]
    x = np.arange(3)
    ax.bar(x - 0.2, [acc[k][0] / 1e9 for k in keys_], 0.4, label="model, Flanders 2024")
    ax.bar(x + 0.2, [acc[k][1] / 1e9 for k in keys_], 0.4, color="tab:gray", label="published BE, scaled to VG 2024")
    ax.set_xticks(x)
    ax.set_xticklabels(labels)
    ax.set_ylabel("EUR bn a year")
    ax.set_title("Social-security accounts, base year")
    ax.legend(fontsize=7)
    lines.append(f"![social-security accounts]({ctx.savefig(fig, 'ss_accounts.png')})")
    lines.append("")
    return "\n".join(lines), acc_text, vals
