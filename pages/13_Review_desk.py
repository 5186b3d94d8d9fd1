"""Review desk (editors only): each table that needs review, was not read or has labels not
recognised, shown as a grid with every cell's role (and, from a PDF, its page drawn with the cells
outlined) beside the figures it gives; an editor settles it
(another reading, header rows, a label's meaning, the offence, the period, skip, or one figure),
the table is read again at once, and the decision is kept in the source's source.yml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import auth, data, loaders, queries, ui

ui.page("Review desk", "Settle each table the ingest doubted, once: the decision is kept with the return, with who and why, "
        "and applied on every rebuild. No figure needs typing.", allow_empty=True)
who = auth.actor()
if not who.is_editor:
    st.warning("The review desk is for editors. Sign in as an editor to settle how a return's tables read.")
    if auth.settings().can_sign_in and st.button("Sign in", key="desk_login"):
        st.login()
    st.stop()

from core.facts import OFFENCE_LABELS, OFFENCES  # noqa: E402
from editorial import desk  # noqa: E402

ROLE_COLOURS = {"header": "#dbe9f6", "label": "#e8e8e8", "figure": "#d9f2d9", "total": "#a8dca8", "skipped": "#f9d9d9"}

raw = data.raw_dir()
staged = st.session_state.get("staged")
roots = [raw] + ([Path(staged)] if staged and Path(staged).exists() else [])
choices: dict[str, Path] = {}
if staged and Path(staged).exists():
    for folder in sorted(p for p in Path(staged).iterdir() if (p / "source.yml").is_file()):
        choices[f"Being added: {folder.name}"] = folder
for sid in desk.doubtful_sources(loaders.issues()):
    if (raw / sid / "source.yml").is_file():
        choices[f"Published: {sid}"] = raw / sid
asked = st.query_params.get("source")
if asked and (raw / asked / "source.yml").is_file():
    choices.setdefault(f"Published: {asked}", raw / asked)
if not choices:
    ui.notice("Nothing to settle: no return being added, and no published return has a doubtful table.")
    st.stop()
keys = list(choices)
start = next((i for i, k in enumerate(keys) if asked and k.endswith(f": {asked}")), 0)
pick = st.selectbox("Return", keys, index=start, key="desk_source")
folder = choices[pick]

stamp = (folder / "source.yml").stat().st_mtime_ns
if st.session_state.get("desk_read") != (str(folder), stamp):
    with st.spinner("Reading the return (in a separate process, bounded)..."):
        st.session_state["desk_doubts"] = desk.doubts(folder)
    st.session_state["desk_read"] = (str(folder), stamp)
doubts = st.session_state["desk_doubts"]
open_doubts = [d for d in doubts if d.status in ("needs review", "not read", "labels not recognised")]
st.markdown(f"**{len(open_doubts)}** table(s) to settle, **{sum(d.status == 'decided' for d in doubts)}** settled, "
            f"**{sum(d.status == 'read' for d in doubts)}** read without doubt.")
if (done := st.session_state.pop("desk_done", None)):
    st.success(done)

for i, d in enumerate(doubts):
    with st.expander(f"{d.file} · table {d.table}: {d.status}", expanded=d.status != "read" and i < 6):
        if d.why:
            st.caption(ui.plain(d.why[:400]))
        if d.unknown_labels:
            st.markdown("Labels not recognised: " + ", ".join(f"`{ui.plain(x)}`" for x in d.unknown_labels[:12]))
        left, right = st.columns([3, 2])
        if d.page:
            pictures = st.session_state.setdefault("desk_pictures", {})
            key = (str(folder), stamp, d.file, d.table)
            if key not in pictures:
                pictures[key] = desk.page_picture(folder, d, ROLE_COLOURS)
            if pictures[key]:
                left.image(pictures[key], caption=f"Page {d.page} of {ui.plain(d.file)}, the table's cells outlined in "
                           "the colours of their roles", width="stretch", output_format="PNG",
                           alt=f"Page {d.page} of {d.file} with the cells of table {d.table} outlined")
        grid, css = queries.role_grid(d.rows, d.roles, ROLE_COLOURS)
        styled = grid.style.apply(lambda _, css=css: css, axis=None)
        left.caption("The table as printed, each cell coloured by its role: headings blue, labels grey, figures green, "
                     "totals dark green, cells that gave no figure red.")
        left.dataframe(styled, hide_index=True, key=f"grid_{i}")
        right.markdown(f"Figures it gives ({ui.plain(d.reading or 'not read')})")
        if d.figures:
            ui.table(pd.DataFrame(d.figures), where=right, columns=["label_raw", "value_raw", "value", "status", "source_location"])
        else:
            right.caption("none")
        kind = st.radio("Decide", list(desk.KIND_WORDS), format_func=desk.KIND_WORDS.get, key=f"kind_{i}", horizontal=False)
        fields: dict[str, object] = {}
        if kind == "reading":
            shown = [f"{n} (score {score:.2f}){' · chosen now' if n == d.reading else ''}" for n, score in d.readings] or ["none"]
            fields["reading"] = st.selectbox("Reading", shown, key=f"reading_{i}").rsplit(" (score ", 1)[0]
        elif kind == "header_rows":
            c1, c2 = st.columns(2)
            fields["header_rows"] = int(c1.number_input("Rows of headings at the top", 0, 20, 1, key=f"nh_{i}"))
            fields["label_columns"] = int(c2.number_input("Columns of labels at the left", 0, 20, 1, key=f"nl_{i}"))
        elif kind == "label":
            printed = sorted({cell for row in d.rows for cell in row if cell and not cell.replace(",", "").isdigit()})
            fields["label"] = st.selectbox("Label, as printed", d.unknown_labels + [p for p in printed if p not in d.unknown_labels],
                                           key=f"label_{i}")
            meaning = st.selectbox("It means", ["gender", "platform", "age", *desk.MEANINGS], key=f"means_{i}",
                                   format_func=lambda m: {"header": "a heading's name, not a category",
                                                          "derived": "a column computed from others (skip it)",
                                                          "note": "not a figure's label (skip its figures)"}.get(m, f"a {m}"))
            if meaning in desk.MEANINGS:
                fields["means"] = meaning
            else:
                fields["means"] = f"{meaning}={st.selectbox('Category', desk.categories(meaning), key=f'cat_{i}')}"
        elif kind == "offence":
            codes = [*OFFENCES, "other", "not_a_count"]
            fields["offence"] = st.selectbox("Offence", codes, key=f"offence_{i}", format_func=lambda c: OFFENCE_LABELS.get(
                c, {"other": "another offence (not read, named)", "not_a_count": "not a count of offences (not read)"}.get(c, c)))
            if fields["offence"] == "other":
                fields["named"] = st.text_input("Which offence", max_chars=120, key=f"named_{i}")
        elif kind == "period":
            c1, c2 = st.columns(2)
            fields["period_start"] = c1.date_input("From", value=date(date.today().year - 1, 4, 1), key=f"ps_{i}", format="YYYY-MM-DD")
            fields["period_end"] = c2.date_input("To", value=date(date.today().year, 3, 31), key=f"pe_{i}", format="YYYY-MM-DD")
        elif kind == "figure":
            locations = [str(f["source_location"]) for f in d.figures] or [""]
            fields["location"] = st.selectbox("Cell", locations, key=f"loc_{i}")
            fields["value"] = int(st.number_input("It stands for", 0, 1_000_000, 0, key=f"value_{i}"))
        why = st.text_input("Why (kept with the decision)", max_chars=300, key=f"why_{i}")
        if st.button("Apply", key=f"apply_{i}", type="primary"):
            try:
                decided = desk.decide(auth.actor(), folder, roots, raw, d.file, d.table, kind, why, **fields)
            except (desk.NotAllowed, desk.DecisionError) as exc:
                ui.error(str(exc))
            else:
                st.session_state["desk_done"] = f"{d.file} table {d.table}: {decided.describe()}"
                st.session_state.pop("previewed", None)  # the Add returns preview reads again with it
                st.rerun()

st.divider()
if str(folder).startswith(str(raw.resolve())) or folder.parent == raw:
    st.write("Decisions on a published return reach the published table when it is rebuilt.")
    if st.button("Rebuild the published table", key="desk_publish"):
        with st.spinner("Rebuilding..."):
            code = desk.publish(auth.actor(), raw, data.data_dir())
        st.success(f"Rebuilt (exit {code}); every page now reads the new table.")
else:
    st.page_link("pages/10_Add_returns.py", label="Back to Add returns, to see the preview with these decisions")
