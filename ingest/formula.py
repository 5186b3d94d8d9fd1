"""Text that a spreadsheet program would run as a formula, and how every export stops it. One
module, with no heavy imports, so the dashboard can use it without loading the ingest."""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a lone dash and a plain signed number cannot run, and are left as printed
_PLAIN = re.compile(r"^[+\-–]$|^[+-]?\d[\d,]*(\.\d+)?%?$")


def neutralise(text: str) -> str:
    """Stop a spreadsheet program running a text cell as a formula (OWASP CSV injection)."""
    if text.startswith(FORMULA_START) and not _PLAIN.match(text):
        return "'" + text
    return text
