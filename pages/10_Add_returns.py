"""Add returns (editors only): upload FOI answers, see how every file was read and every figure
with its cell, then add them, or cancel. Withdraw a return added here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from core.facts import TRIAGE
from dashboard import auth, data, loaders, queries, ui

ui.page("Add returns", "Upload the answers forces sent (PDF, Word, Excel, OpenDocument, CSV, a saved web page, or a zip of a "
        "round). You will see how each file was read and every figure with the cell it came from, before anything is added.",
        allow_empty=True)
who = auth.actor()
if not who.is_editor:
    # checked on the server, on every run: a reader gets no widget that could write
    st.warning("Adding returns is for editors. Sign in as an editor to add or withdraw returns; everyone can read "
               "every figure on the other pages.")
    if auth.settings().can_sign_in and st.button("Sign in", key="add_login"):
        st.login()
    st.stop()

# only now: the intake and its readers are 20 MB of a server process, and a reader's page needs none of it
from editorial import intake  # noqa: E402

raw = data.raw_dir()
intake.sweep_staging(raw.parent)  # abandoned previews go after intake.STAGING_TTL
if intake.unfinished(raw):  # an accept a stopped server left half done: undone and logged, before anything else
    undone = intake.recover_now(raw, data.data_dir())
    ui.notice(f"An earlier addition was interrupted before it finished; it was undone and nothing of it is published: "
              f"{', '.join(undone) or 'nothing had moved yet'}. Add those returns again.")
forces = loaders.forces()
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
staged = st.session_state.get("staged")
if staged and not Path(staged).exists():  # swept, or accepted in another tab
    del st.session_state["staged"]
    staged = None

if staged is None:
    with st.form("upload"):
        files = st.file_uploader(
            "Return files", accept_multiple_files=True,
            help=f"Up to {intake.MAX_FILE_BYTES // 2**20} MB a file, {intake.MAX_UPLOAD_BYTES // 2**20} MB an upload, "
                 f"{intake.MAX_ZIP_ENTRIES} files in a zip, {intake.MAX_SESSION_BYTES // 2**20} MB a session.")
        force = st.selectbox("Force", ["", *names], format_func=lambda c: names.get(c, "Recognise from the files"),
                             help="Leave the force and the reference empty to recognise each answer's force, reference, date and "
                                  "period from its own letterhead, signature and text (a whole round at once); what is unclear "
                                  "is asked next. The request kit's templates name their force and period.")
        c1, c2 = st.columns(2)
        reference = c1.text_input("FOI reference", placeholder="e.g. 10905-25", max_chars=intake.MAX_TEXT)
        received = c2.date_input("Date received", value=date.today(), format="YYYY-MM-DD")
        c3, c4 = st.columns(2)
        start = c3.date_input("Period asked: from", value=date(date.today().year - 1, 4, 1), format="YYYY-MM-DD")
        end = c4.date_input("Period asked: to", value=date(date.today().year, 3, 31), format="YYYY-MM-DD")
        url = st.text_input("Link to the published answer (optional)", max_chars=intake.MAX_TEXT)
        suppression = st.text_input("What the force's * stands for (optional)", placeholder="1-4", max_chars=20)
        go = st.form_submit_button("Preview")
    if go:
        uploads = [intake.Upload(f.name, f.getvalue()) for f in files or []]
        used = int(st.session_state.get("session_bytes", 0))
        try:
            if not force and not reference.strip():
                with st.spinner("Recognising each answer's force from its files..."):
                    session = intake.stage_round(uploads, raw.parent, session_bytes=used)
            else:
                session = intake.stage(uploads, intake.Details(names.get(force, ""), reference, start, end, received, url,
                                                               suppression), raw.parent, session_bytes=used)
        except intake.UploadRejected as exc:
            ui.error(f"Not added: {exc}")
        else:
            st.session_state["session_bytes"] = used + sum(len(u.data) for u in uploads)
            st.session_state["staged"] = str(session)
            st.session_state.pop("previewed", None)
            st.rerun()
else:
    session = Path(staged)
    pending = intake.pending_answers(session)
    unsettled = [p for p in pending if not p.get("settled")]
    if unsettled:
        st.subheader("Which force sent these?")
        st.write("The force of these answers could not be recognised with confidence; it is never guessed. Choose it, or "
                 "leave it blank to leave the answer out.")
        with st.form("pending"):
            chosen = {}
            for p in unsettled:
                if p["triage"] == "not an answer":
                    st.markdown(f"**{ui.plain(p['name'])}**: not an answer (a covering e-mail or an acknowledgement); left out")
                    continue
                st.markdown(f"**{ui.plain(p['name'])}** · {ui.plain(p['why'])}")
                st.text("\n".join(p["first_lines"]) or "(no text)")
                chosen[p["id"]] = st.selectbox(f"Force for {p['name']}", ["", *names], key=f"pending_{p['id']}",
                                               format_func=lambda c: names.get(c, "Leave it out"))
            if st.form_submit_button("Continue"):
                intake.settle_pending(session, {k: names.get(v, "") for k, v in chosen.items()}, auth.actor())
                st.session_state.pop("previewed", None)
                st.rerun()
        st.stop()
    if st.session_state.get("previewed") != staged:
        with st.spinner("Reading the files (in a separate process, stopped if it takes too long)..."):
            figures, issues = intake.preview(session)
        st.session_state["preview_result"] = (figures, issues)
        st.session_state["previewed"] = staged
    figures, issues = st.session_state["preview_result"]
    readings = intake.preview_readings(session)
    n_files = len(readings)
    st.subheader(f"Preview: {len(figures)} figures from {n_files} file(s)")
    if pending or len(intake.staged_sources(session)) > 1:
        triage = queries.triage(intake.staged_sources(session), issues, pending)
        counts = triage["status"].value_counts()
        st.markdown("**Triage**: " + ", ".join(f"{counts.get(t, 0)} {t}" for t in TRIAGE))
        ui.table(triage)
    errors = issues[issues["severity"] == "error"] if len(issues) else issues
    review = issues[issues["severity"] == "review"] if len(issues) else issues
    if len(errors):
        ui.error(f"{len(errors)} problem(s) stop figures from being read; see the issues below. You can still add the files "
                 "(they are kept as received; a file the reader stopped is kept but never read again), or cancel.")
    if len(review):
        ui.caveat(f"Needs review: {len(review)} reading(s) are doubtful. Check the figures below against the file before adding; "
                  "each doubtful table shows the reading chosen beside the next best.")
        st.page_link("pages/13_Review_desk.py", label="Settle them in the Review desk (kept with the return, never asked again)")
    changed = queries.replacements(figures, loaders.figures())
    if not changed.empty:
        ui.caveat(f"{len(changed)} figure(s) here differ from figures already published; if added, each is shown as a revision "
                  "with both values and who added it.")
        ui.table(changed)
    for r in readings:
        st.markdown(f"**{ui.plain(r['file'])}** (read as {ui.plain(r['format'])})")
        for t in r["tables"]:
            status = "needs review" if t["review"] else ("not read: " + t["not_read"] if t["not_read"] else f"read as {t['reading']}")
            with st.expander(f"{t['table']}: {status}", expanded=bool(t["review"])):
                if t["title"]:
                    st.caption(ui.plain(t["title"][:200]))
                if t["review"]:
                    st.write(t["review"])
                    c1, c2 = st.columns(2)
                    c1.markdown(f"Chosen: **{ui.plain(t['reading'])}** (score {t['score']:.2f})")
                    ui.table(ui.frame(t["chosen_figures"]), where=c1)
                    c2.markdown(f"Next best: **{ui.plain(t['runner_up'])}** (score {t['runner_up_score']:.2f})")
                    ui.table(ui.frame(t["runner_up_figures"]), where=c2)
                st.markdown("The table as read: each cell with its row and column labels")
                ui.table(ui.frame(t["cells"]))
    for (_, file, area), g in figures.groupby(["source_id", "source_file", "area_name"], sort=False):
        st.markdown(f"**Figures from {ui.plain(file)}** · {ui.plain(area)}")
        ui.table(g[["label_raw", "value_raw", "source_location", "breakdown", "age_band", "gender", "platform", "status", "value",
                    "review"]])
    if len(issues):
        st.markdown("**Issues**")
        ui.table(issues[["source_file", "location", "severity", "issue_type", "message"]])
    c1, c2 = st.columns(2)
    if c1.button("Add these returns", type="primary", key="accept"):
        try:
            targets = intake.accept(session, raw, data.data_dir(), auth.actor())
        except (intake.NotAllowed, intake.AcceptFailed, intake.UploadRejected) as exc:
            ui.error(str(exc))
        else:
            for k in ("staged", "previewed", "preview_result"):
                st.session_state.pop(k, None)
            st.session_state["added"] = ", ".join(t.name for t in targets)
            st.rerun()
    if c2.button("Cancel", key="cancel"):
        intake.discard(session)
        for k in ("staged", "previewed", "preview_result"):
            st.session_state.pop(k, None)
        st.rerun()

if st.session_state.get("added"):
    st.success(f"Added as source(s) {st.session_state['added']}; the figures now appear on every page.")
    st.page_link("pages/2_Forces.py", label="See them on the Forces page")

st.subheader("Withdraw a return added here")
mine = intake.withdrawable(raw)
if not mine:
    st.caption("No returns have been added through this page.")
else:
    labels = {r["source_id"]: f"{r['force']} · {r['reference']} (added {r['accepted_at'][:10]})" for r in mine}
    with st.form("withdraw"):
        choice = st.selectbox("Return", list(labels), format_func=lambda k: labels[k])
        why = st.text_input("Why (kept in the audit log)", max_chars=intake.MAX_TEXT)
        confirm = st.form_submit_button("Withdraw it")
    if confirm and choice:
        try:
            kept = intake.withdraw(choice, raw, data.data_dir(), auth.actor(), why)
        except (intake.NotAllowed, intake.AcceptFailed) as exc:
            ui.error(str(exc))
        else:
            st.success(f"Withdrawn: moved to {kept.parent.name}/{kept.name} (kept, not deleted); the table was rebuilt without it.")
