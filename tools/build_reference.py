"""Build data/reference/areas.csv and area_aliases.csv from data/reference/forces.csv.

Run once when forces.csv changes: `python tools/build_reference.py`. The outputs are
committed; the ingest reads them, never forces.csv directly, so the mapping a user sees
is the one in the repository.
"""

from __future__ import annotations

import csv
from pathlib import Path

REF = Path(__file__).resolve().parent.parent / "data" / "reference"

REGIONS = {
    "North East": "E12000001",
    "North West": "E12000002",
    "Yorkshire and The Humber": "E12000003",
    "East Midlands": "E12000004",
    "West Midlands": "E12000005",
    "East of England": "E12000006",
    "London": "E12000007",
    "South East": "E12000008",
    "South West": "E12000009",
}
NATIONS = {
    "W92000004": "Wales",
    "E92000001": "England",
    "K04000001": "England and Wales",
    "K02000001": "United Kingdom",
}
NATION_TYPES = {
    "W92000004": "nation",
    "E92000001": "nation",
    "K04000001": "england_and_wales",
    "K02000001": "uk",
}


def main() -> None:
    with open(REF / "forces.csv", newline="", encoding="utf-8") as fh:
        forces = list(csv.DictReader(fh))

    areas: list[dict[str, str]] = []
    aliases: list[tuple[str, str, str]] = []
    for f in forces:
        code = f["pfa_code"] or "BTP"
        region_code = REGIONS.get(f["region"], "")
        if f["nation"] == "Wales":
            region_code = "W92000004"
        # City of London's row in forces.csv has its columns shifted (region holds
        # the variants); its region is London.
        if code == "E23000034":
            region_code = "E12000007"
        nation = f["nation"] if f["nation"] in ("England", "Wales", "Scotland", "Northern Ireland") else ""
        if code == "E23000034":
            nation = "England"
        areas.append(
            {
                "area_code": code,
                "area_name": f["force_name_full"],
                "area_type": "force",
                "region_code": region_code,
                "nation": nation,
                "in_england_and_wales": "yes" if code[:1] in ("E", "W") else "no",
            }
        )
        names = {f["force_name_full"], f["pfa_name_ons_2020"], f["pfa_name_ons_2016"], f["force_name_police_uk_api"]}
        for v in f["name_variants_sourced"].split("|"):
            names.add(v)
        for n in names:
            if n.strip():
                aliases.append((n.strip(), code, "forces.csv"))
        for v in f["common_abbreviations_unsourced"].split(";"):
            if v.strip() and code != "E23000034":
                aliases.append((v.strip(), code, "forces.csv (unsourced abbreviation)"))
    for name, code in REGIONS.items():
        areas.append(
            {"area_code": code, "area_name": name, "area_type": "region", "region_code": code,
             "nation": "England", "in_england_and_wales": "yes"}
        )
        aliases.append((name, code, "ONS region name"))
    for code, name in NATIONS.items():
        areas.append(
            {"area_code": code, "area_name": name, "area_type": NATION_TYPES[code], "region_code": "",
             "nation": name if code in ("W92000004", "E92000001") else "", "in_england_and_wales": "yes" if code != "K02000001" else "no"}
        )
        aliases.append((name, code, "ONS name"))

    with open(REF / "areas.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(areas[0]))
        w.writeheader()
        w.writerows(areas)
    with open(REF / "area_aliases_generated.csv", "w", newline="", encoding="utf-8") as fh:
        w2 = csv.writer(fh)
        w2.writerow(["alias", "area_code", "origin"])
        for row in sorted(set(aliases)):
            w2.writerow(row)


if __name__ == "__main__":
    main()
