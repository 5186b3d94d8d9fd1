"""The request kit: the template filled with known figures reads back exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from editorial.kit import (
    BANDS,
    GENDERS,
    PLATFORMS,
    SHEET_AGE_GENDER,
    SHEET_PLATFORMS,
    SHEET_TOTAL,
    SHEET_YOUNGEST,
    main,
    request_text,
)
from ingest.pipeline import run
from ingest.vocabulary.reference import reference

START, END = date(2024, 4, 1), date(2025, 3, 31)


def fill(path: Path) -> dict[tuple[str, str, str], object]:
    """Fill every yellow cell with known synthetic figures that add up (one cell withheld as
    * standing for 2); return what was typed."""
    wb = openpyxl.load_workbook(path)
    typed: dict[tuple[str, str, str], object] = {}
    true = {(g, b): 1 + i * len(BANDS) + j for i, g in enumerate(GENDERS) for j, b in enumerate(BANDS)}
    true[("Male", "11 and under")] = 2
    total = sum(true.values())
    wb[SHEET_TOTAL]["B3"] = total
    typed[("total", "", "")] = total
    ws = wb[SHEET_AGE_GENDER]
    for r, g in enumerate(GENDERS, start=4):
        for c, b in enumerate(BANDS, start=2):
            value: object = "*" if (g, b) == ("Male", "11 and under") else true[(g, b)]
            ws.cell(row=r, column=c, value=value)
            typed[("age_gender", b, g)] = value
        row_total = sum(true[(g, b)] for b in BANDS)
        ws.cell(row=r, column=6, value=row_total)
        typed[("gender", "", g)] = row_total
    for c, b in enumerate(BANDS, start=2):
        col_total = sum(true[(g, b)] for g in GENDERS)
        ws.cell(row=7, column=c, value=col_total)
        typed[("age", b, "")] = col_total
    ws.cell(row=7, column=6, value=total)
    typed[("total", "Total", "Total")] = total
    wb[SHEET_YOUNGEST]["B3"] = 9
    typed[("youngest_age", "", "")] = 9
    ws = wb[SHEET_PLATFORMS]
    for i, p in enumerate(PLATFORMS, start=4):
        value = "s.12 cost limit" if p == "Telegram" else i
        ws.cell(row=i, column=2, value=value)
        typed[("platform", p, "")] = value
    wb["Instructions"]["B12"] = "1-4"
    wb.save(path)
    return typed


def test_template_round_trip(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    assert main(["--period-start", START.isoformat(), "--period-end", END.isoformat(), "--out", str(kit), "--force", "Kent"]) == 0
    template = next(kit.glob("return-kent-police-*.xlsx"))
    src = tmp_path / "raw" / "kent"
    src.mkdir(parents=True)
    target = src / template.name
    target.write_bytes(template.read_bytes())
    (src / "source.yml").write_text(f'force: Kent\nreference: "T-1"\nperiod_start: {START}\nperiod_end: {END}\n', encoding="utf-8")
    typed = fill(target)
    result = run([tmp_path / "raw"], err=None, progress=False)
    assert result.issues.count("error") == 0 and result.issues.count("warning") == 0, result.issues.frame().to_string()
    f = result.figures
    assert set(f["area_code"]) == {"E23000032"} and set(f["reader"]) == {"crosstab"}
    assert (f["period_start"] == str(START)).all() and (f["period_end"] == str(END)).all()
    ref = reference()
    band_of = {b: ref.age_labels[b.lower()][0] for b in BANDS}
    got: dict[tuple[str, str, str], object] = {}
    for _, r in f.iterrows():
        if r["breakdown"] == "platform":
            key = ("platform", r["label_raw"].split(" | ")[0], "")
        elif r["breakdown"] in ("age", "age_gender", "gender"):
            label = {v: k for k, v in band_of.items()}.get(r["age_band"], "")
            key = (r["breakdown"], label, r["gender"].capitalize() if r["gender"] else "")
        else:
            key = (r["breakdown"], "", "")
        got[key] = r["value_raw"]
    expected = {k: str(v) for k, v in typed.items() if k != ("total", "Total", "Total")}
    assert got == expected
    starred = f[f["value_raw"] == "*"]
    assert list(starred["status"]) == ["suppressed"]
    refused = f[f["value_raw"] == "s.12 cost limit"]
    assert list(refused["status"]) == ["refused"] and list(refused["platform"]) == ["Telegram"]


def test_kit_for_every_force_and_request_text(tmp_path: Path) -> None:
    assert main(["--period-start", "2023-04-01", "--period-end", "2024-03-31", "--out", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.xlsx"))) == 43
    text = (tmp_path / "request.txt").read_text(encoding="utf-8")
    assert "section 15A" in text and "71/17" in text and "1 April 2023 and 31 March 2024" in text
    assert "11 and under; 12-15; 16 and over" in text and "youngest" in text and "not recorded" in text
    assert request_text(START, END).count("*") == 1


def test_template_has_drop_downs_and_the_force_filled_in(tmp_path: Path) -> None:
    main(["--period-start", "2024-04-01", "--period-end", "2025-03-31", "--out", str(tmp_path), "--force", "Northants"])
    wb = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    assert "Northamptonshire Police" in wb["Instructions"]["A3"].value
    assert "1 April 2024 to 31 March 2025" in wb["Instructions"]["A4"].value
    assert wb[SHEET_AGE_GENDER].data_validations.dataValidation
    assert wb[SHEET_PLATFORMS].data_validations.dataValidation
    assert str(wb[SHEET_AGE_GENDER]["A9"].value).startswith("=IF(")


def test_kit_rejects_unknown_force(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--period-start", "2024-04-01", "--period-end", "2025-03-31", "--out", str(tmp_path), "--force", "Gotham"])
    assert exc.value.code == 2


def test_threshold_written_on_the_template_is_used(tmp_path: Path) -> None:
    from editorial.intake import Details, Upload, preview, stage

    main(["--period-start", str(START), "--period-end", str(END), "--out", str(tmp_path / "kit"), "--force", "Kent"])
    path = next((tmp_path / "kit").glob("*.xlsx"))
    fill(path)
    wb = openpyxl.load_workbook(path)
    wb["Instructions"]["B12"] = "1-5"
    wb.save(path)
    session = stage([Upload("kent.xlsx", path.read_bytes())], Details("Kent", "K-1", START, END), tmp_path / "data")
    figures, _ = preview(session)
    starred = figures[figures["value_raw"] == "*"]
    assert list(starred["value_high"]) == [5.0]


def test_a_zip_of_filled_templates_becomes_one_source_per_force(tmp_path: Path) -> None:
    import io
    import zipfile

    from editorial.intake import Actor, Details, Upload, accept, preview, stage, staged_sources

    kit = tmp_path / "kit"
    main(["--period-start", str(START), "--period-end", str(END), "--out", str(kit), "--force", "Kent", "--force", "Surrey"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in kit.glob("*.xlsx"):
            fill(path)
            zf.write(path, f"round/{path.name}")
    session = stage([Upload("round.zip", buf.getvalue())], Details("", "Round 2025", START, END), tmp_path / "data")
    assert len(staged_sources(session)) == 2
    figures, issues = preview(session)
    assert set(figures["area_code"]) == {"E23000032", "E23000031"}
    assert not (issues["severity"] == "error").any()
    targets = accept(session, tmp_path / "data" / "raw", tmp_path / "data" / "processed", Actor("editor@example.org", "editor"))
    assert len(targets) == 2 and not session.exists()
