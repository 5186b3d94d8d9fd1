"""Text from a return is data: the one rule for text a spreadsheet program would run as a formula,
how every export stops it, and what counts as markup. No heavy imports, so the dashboard can use
it without loading the ingest."""

from __future__ import annotations

import re
from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
# a lone dash and a plain signed number cannot run, and are left as printed
_PLAIN: Final = re.compile(r"^[+\-–]$|^[+-]?\d[\d,]*(\.\d+)?%?$")
# HTML tags, markdown links and images, script URLs: shown as text, and flagged
MARKUP: Final = re.compile(r"<\s*/?\s*[a-z!][^>]*>|!?\[[^\]]*\]\([^)]*\)|javascript:|data:text/html", re.I)


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet program would run (OWASP CSV injection): what the ingest flags
    and every export neutralises, by this one rule."""
    return text.startswith(FORMULA_START) and not _PLAIN.match(text)


def neutralise(text: str) -> str:
    """Stop a spreadsheet program running a text cell as a formula."""
    return "'" + text if looks_like_formula(text) else text
