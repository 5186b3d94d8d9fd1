"""Add returns: upload FOI answers, preview what the ingest reads from them, and add them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import data, loaders, ui
from ingest.intake import MAX_FILE_BYTES, MAX_UPLOAD_BYTES, Details, Upload, UploadRejected, accept, discard, preview, stage

ui.page("Add returns", "Upload the answers forces sent (xlsx, csv, html, or a zip of a round). You will see every figure "
        "read from them, with the cell it came from, before anything is added.", allow_empty=True)
forces = loaders.forces()
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
raw = data.raw_dir()
staged = st.session_state.get("staged")

if staged is None:
    with st.form("upload"):
        files = st.file_uploader("Return files", accept_multiple_files=True,
                                 help=f"Up to {MAX_FILE_BYTES // 2**20} MB a file, {MAX_UPLOAD_BYTES // 2**20} MB in all.")
        force = st.selectbox("Force", ["", *names], format_func=lambda c: names.get(c, "Read from the filled templates"),
                             help="The request kit's templates name their force and period; other files need the force here.")
        c1, c2 = st.columns(2)
        reference = c1.text_input("FOI reference", placeholder="e.g. 10905-25")
        received = c2.date_input("Date received", value=date.today(), format="YYYY-MM-DD")
        c3, c4 = st.columns(2)
        start = c3.date_input("Period asked: from", value=date(date.today().year - 1, 4, 1), format="YYYY-MM-DD")
        end = c4.date_input("Period asked: to", value=date(date.today().year, 3, 31), format="YYYY-MM-DD")
        url = st.text_input("Link to the published answer (optional)")
        suppression = st.text_input("What the force's * stands for (optional)", placeholder="1-4")
        go = st.form_submit_button("Preview")
    if go:
        uploads = [Upload(f.name, f.getvalue()) for f in files or []]
        try:
            session = stage(uploads, Details(force, reference, start, end, received, url, suppression), raw.parent)
        except UploadRejected as exc:
            st.error(f"Not added: {exc}")
        else:
            st.session_state["staged"] = str(session)
            st.rerun()
else:
    session = Path(staged)
    figures, issues = preview(session)
    n_files = len(figures.drop_duplicates(["source_id", "source_file"])) if len(figures) else 0
    st.subheader(f"Preview: {len(figures)} figures from {n_files} file(s)")
    errors = issues[issues["severity"] == "error"] if len(issues) else issues
    if len(errors):
        st.error(f"{len(errors)} problem(s) would stop figures from being read; see below. You can still add the files "
                 "(they are kept as received) or cancel.")
    for (_, file, area), g in figures.groupby(["source_id", "source_file", "area_name"], sort=False):
        st.markdown(f"**{file}** · {area}, {g['period_start'].iloc[0]:%d %b %Y} to {g['period_end'].iloc[0]:%d %b %Y}")
        st.dataframe(g[["label_raw", "value_raw", "source_location", "breakdown", "age_band", "gender", "platform", "status", "value"]],
                     hide_index=True)
    if len(issues):
        st.markdown("**Issues**")
        st.dataframe(issues[["source_file", "location", "severity", "issue_type", "message"]], hide_index=True)
    c1, c2 = st.columns(2)
    if c1.button("Add these returns", type="primary", key="accept"):
        targets = accept(session, raw, data.data_dir())
        st.cache_data.clear()
        del st.session_state["staged"]
        st.session_state["added"] = ", ".join(t.name for t in targets)
        st.rerun()
    if c2.button("Cancel", key="cancel"):
        discard(session)
        del st.session_state["staged"]
        st.rerun()

if st.session_state.get("added"):
    st.success(f"Added as source(s) {st.session_state['added']}; the figures now appear on every page.")
    st.page_link("pages/2_Forces.py", label="See them on the Forces page")
