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


def safe_file_name(name: str) -> str:
    """A file name reduced to ASCII letters, digits, `.`, `-`, `_` (accents dropped, other scripts
    replaced), its extension kept: every file a person or a round hands over is stored so."""
    import unicodedata

    base = re.split(r"[\\/]", str(name))[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_stem).lstrip("._").rstrip(".") or "file"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:5].lower()
    return f"{ascii_stem[:80]}.{ext}" if ext else ascii_stem[:90]


def slug(text: str) -> str:
    """Words as a folder name, every character kept in order ('FOI 9/25' is not a path)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "return"
