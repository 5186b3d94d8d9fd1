"""Text from returns and from people is data: shown as plain text, never run as markdown, HTML
or a spreadsheet formula. Never imports streamlit."""

from __future__ import annotations

import re

import pandas as pd

from core.export import safe_text

# every character markdown (CommonMark + GitHub tables, Streamlit's :colour[] and $math$) gives meaning to
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def md_escape(text: object) -> str:
    """Text to put inside st.markdown, st.caption or a label so that it shows as typed:
    no link, image, heading, HTML tag, emphasis or colour. Line breaks become spaces."""
    t = " ".join(str(text if text is not None else "").split())
    return _MD_SPECIAL.sub(r"\\\1", t)


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A table for display: text cells that a spreadsheet would run as a formula are prefixed
    with ' (the table toolbar's own 'Download as CSV' exports what is shown)."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if s.dtype == object or pd.api.types.is_string_dtype(s):
            out[c] = s.map(lambda v: safe_text(v) if isinstance(v, str) else v)
    return out


def safe_url(url: object) -> str:
    """A link target from a return: http(s) only, else nothing."""
    u = str(url or "").strip()
    return u if re.match(r"^https?://[^\s<>\"'`]+$", u, re.I) else ""
