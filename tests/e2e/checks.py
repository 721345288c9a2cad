"""The assertion helper of the end-to-end tests' Python parts (put on PYTHONPATH by the scripts).

Each check stops the test at the first failure and names it; with verbose on, every check also
prints its line with the values it compared, so a passing log shows the margins."""
passed = 0
verbose = True


def check(cond, what, *values):
    global passed
    if verbose or not cond:
        print(("ok   " if cond else "FAIL ") + what, *[round(float(v), 4) for v in values])
    assert cond, what
    passed += 1
