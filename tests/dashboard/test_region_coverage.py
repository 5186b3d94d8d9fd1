"""A regional total that does not cover the same forces from year to year is marked at that point,
and a printed total that disagrees with its forces' own figures says so (issue 20). Invented figures."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import region_coverage

MEMBERS = {"A": "Force A", "B": "Force B", "C": "Force C"}


def _rows(values: dict[tuple[str, str], float]) -> pd.DataFrame:
    return pd.DataFrame([{"area_code": a, "period": p, "period_label": p, "period_start": p, "value": v, "fy": True,
                          "status": "reported"} for (a, p), v in values.items()])


def test_each_case_gets_its_note() -> None:
    forces = _rows({("A", "2021"): 10, ("B", "2021"): 20, ("C", "2021"): 30,  # all three, summing to the total
                    ("A", "2022"): 10, ("B", "2022"): 20,  # C missing, and the total is A + B: it covers two
                    ("A", "2023"): 10, ("B", "2023"): 20, ("C", "2023"): 31,  # all three, but the total says 60
                    ("A", "2024"): 5})  # one of three held, total not its sum: unknown
    region = _rows({("R", "2021"): 60, ("R", "2022"): 30, ("R", "2023"): 60, ("R", "2024"): 50})
    notes = dict(zip(*[region_coverage(region, forces, MEMBERS)[c] for c in ("period_label", "coverage_note")], strict=True))
    assert notes["2021"] == ""
    assert notes["2022"].startswith("covers 2 of 3 forces (no Force C)")
    assert notes["2023"] == "printed 60; its 3 forces' own figures sum to 61"
    assert notes["2024"].startswith("its forces' own figures held for 1 of 3")


def test_rates_put_a_force_beside_its_regions_reporting_forces_and_the_nation() -> None:
    from dashboard.queries import rate_series

    totals = _rows({("A", "2021"): 10, ("B", "2021"): 30, ("A", "2022"): 20, ("N", "2021"): 400})
    population = pd.DataFrame({"area_code": ["A", "B", "C", "N"], "population": [100_000, 200_000, 300_000, 4_000_000]})
    rates = rate_series(totals, population, "A", ["A", "B", "C"], "N", {"A": "Force A", "region": "Region R", "N": "Nation"})
    got = {(r.series, r.period_label): (r.value, r.forces) for r in rates.itertuples()}
    assert got[("Force A", "2021")] == (10.0, 1)
    assert got[("Region R: forces reporting", "2021")] == (round(40 / 300_000 * 100_000, 2), 2)  # A and B over their own people
    assert got[("Region R: forces reporting", "2022")] == (20.0, 1)  # one force reported: still a rate, and says so
    assert got[("Nation", "2021")] == (10.0, 0)
