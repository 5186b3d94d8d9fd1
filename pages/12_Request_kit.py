"""Request kit: the standard FOI request and a return template per force, for a new round."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import loaders, ui
from editorial.kit import build_kit, force_areas, request_text

ui.page("Request kit", "Send every force the same request, with a return template that makes the answers uniform "
        "(and reads straight back into this tool).", allow_empty=True)
this_year = date.today().year
with ui.filters():
    c1, c2 = st.columns(2)
    start = c1.date_input("Period from", value=date(this_year - 1, 4, 1), format="YYYY-MM-DD", key="kit_from")
    end = c2.date_input("Period to", value=date(this_year, 3, 31), format="YYYY-MM-DD", key="kit_to")
if end < start:
    st.error("The period ends before it starts.")
    st.stop()
text = request_text(start, end)
st.subheader("Request text")
st.code(text, language=None, wrap_lines=True)
st.download_button("Download request text", text.encode("utf-8"), file_name="request.txt", mime="text/plain", key="kit_text")
forces = loaders.forces()
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
choice = st.selectbox("Return template for", ["all"] + list(names), format_func=lambda c: "All 43 forces (zip)" if c == "all" else names[c],
                      key="kit_force")
if st.button("Prepare templates", key="kit_make"):
    areas = force_areas(list(names) if choice == "all" else [choice])
    with tempfile.TemporaryDirectory() as tmp:
        files = build_kit(Path(tmp), start, end, areas)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(f, f.name)
    st.download_button("Download the kit (zip)", buf.getvalue(), file_name=f"foi-kit-{start:%Y%m%d}-{end:%Y%m%d}.zip",
                       mime="application/zip", key="kit_zip")
st.markdown("When answers come back, add them on the **Add returns** page; the **Round tracker** shows who is still to answer.")
