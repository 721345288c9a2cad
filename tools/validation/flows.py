"""Gross labour-market flows: the baseline's yearly transitions against the published ones."""
import numpy as np

import published as P
from common import BASE_YEAR, REPLICAS, pct, table

FIRST, LAST = BASE_YEAR + 1, BASE_YEAR + 6
# The model's statuses pooled as the survey's three. Published "not in the labour force" as an
# origin is ages 15-64, so the model's retirees (mostly 65+) are left out of it as an origin.
POOL_TO = {"E": ["employed"], "U": ["unemployed"], "N": ["in_education", "inactive", "retired"]}
POOL_FROM = {"E": ["employed"], "U": ["unemployed"], "N": ["in_education", "inactive"]}


def rates(d):
    """Per replica: {key: rate} pooled over FIRST..LAST, survivors present at both ends."""
    t = d.status_transitions.sel(year=slice(FIRST, LAST)).sum("year")
    out = []
    for r in range(t.sizes["replica"]):
        m = t.isel(replica=r)
        row = {}
        for key, _, _ in P.FLOWS:
            a, b = key.split(">")
            origin = m.sel(status_from=POOL_FROM[a])
            row[key] = float(origin.sel(status_to=POOL_TO[b]).sum()) / float(origin.sum())
        out.append(row)
    return out


def section(ctx):
    per_replica = rates(ctx.scenario("baseline"))
    lines = ["## 8. Gross labour-market flows", ""]
    lines.append(
        f"Baseline, {REPLICAS} replicas: the status at the start of each year against its end (output "
        f"`status_transitions`, persons present at both ends), pooled over {FIRST}-{LAST}, all ages 15 and over; "
        "'not in the labour force' as an origin leaves the model's retirees out (the survey's ages end at 64). "
        f"Published: {P.FLOWS_SOURCE}. The stocks are calibrated (section 1); the flows are not, and "
        "docs/model.md (section 5, 'Gross flows against the published ones') says why they differ.")
    lines.append("")
    rows = []
    for key, label, value in P.FLOWS:
        v = np.array([r[key] for r in per_replica])
        rows.append([label, pct(v.mean()), f"{100 * v.std(ddof=1):.2f} pp" if v.size > 1 else "–",
                     pct(value), f"{v.mean() / value:.2f}"])
    lines.append(table(["flow", "model", "replica s.d.", "published", "model / published"], rows))
    lines.append("")
    return "\n".join(lines)
