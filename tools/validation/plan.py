"""Prints the model runs the validation needs, one shell command a line (tools/validate.sh runs them).

usage: plan.py TASKSHIFT WORKDIR

Every run uses the same scale, seed and replicas, so runs differ only in their parameters and
share their random numbers (common random numbers): the one-at-a-time sensitivity runs are
compared with the baseline run replica by replica.
"""
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPLICAS, SCALE, SCENARIO_DIR, SEED, scenario_names  # noqa: E402
from sensitivity_params import PARAMS  # noqa: E402
from energy import SLOW, SLOW_SETS  # noqa: E402


def check_defaults(taskshift):
    """Refuse to plan if a screened key's default differs from the program's documented one."""
    text = subprocess.run([taskshift, "docs", "parameters"], check=True, capture_output=True,
                          text=True).stdout
    defaults = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0].startswith("`"):
            defaults[cells[0].strip("`")] = cells[3]
    for key, default, lo, hi, _ in PARAMS:
        if key not in defaults:
            sys.exit(f"plan.py: {key} is not a parameter of {taskshift}")
        if abs(float(defaults[key]) - default) > 1e-9:
            sys.exit(f"plan.py: default of {key} is {defaults[key]} in the program, {default} here")


def main():
    taskshift, work = sys.argv[1], Path(sys.argv[2])
    check_defaults(taskshift)
    common = ["--scale", str(SCALE), "--replicas", str(REPLICAS), "--seed", str(SEED),
              "--threads", "1"]
    jobs = [("pop", [taskshift, "synth", "-o", str(work / "pop.nc"), "--scale", str(SCALE),
                     "--seed", str(SEED), "--report", str(work / "synth-fit.csv")])]
    for name in scenario_names():
        jobs.append((f"scen-{name}", [taskshift, "run", str(SCENARIO_DIR / f"{name}.toml"),
                                      "-o", str(work / f"scen-{name}.nc")] + common))
    slow = [taskshift, "run", str(SCENARIO_DIR / "baseline.toml"), "-o", str(work / f"{SLOW}.nc")]
    for s in SLOW_SETS:
        slow += ["--set", s]
    jobs.append((SLOW, slow + common))
    for key, _default, lo, hi, _why in PARAMS:
        for tag, value in (("lo", lo), ("hi", hi)):
            name = f"sens-{key}-{tag}"
            jobs.append((name, [taskshift, "run", str(SCENARIO_DIR / "baseline.toml"),
                                "-o", str(work / f"{name}.nc"), "--set", f"{key}={value!r}"]
                         + common))
    for name, cmd in jobs:
        print(name + "\t" + " ".join(shlex.quote(c) for c in cmd))


if __name__ == "__main__":
    main()
