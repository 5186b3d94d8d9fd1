"""PDF letters: tables (ruled or not) and prose, by the position of the text on each page.

pdfium (pypdfium2) gives runs of text with their boxes and the page's line art; from those:

- lines of text are the runs that share a baseline band; runs split only by kerning are joined;
- the letterhead and footer repeated on every page are dropped (not rows, not prose);
- a table is a block of lines whose cells line up in columns. Ruling lines, where the PDF has
  them, give the columns and the rows (a row's label wrapped over several lines is one label,
  with the figures on whichever line they sit); without them the columns come from the gaps
  between the cells of the lines that hold figures, and a wrapped label joins the figure line
  it is nearer to (a tie is a doubt, and says so);
- a blank cell stays in its column (never closing the gap);
- a table that runs over a page break, with or without its header repeated, is one table;
- what is not a table is prose, in paragraphs, for figures stated in sentences.

Every cell's location is `page P line L col C` (line L counted from the top of page P).
A scanned PDF (no text) is read by OCR when Debian's tesseract is installed, with every
figure marked for review; otherwise it is a clear error.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ingest.read.base import (
    MAX_OCR_PAGES,
    MAX_OCR_PIXELS,
    MAX_PDF_PAGES,
    MAX_PROSE_LINES,
    Cell,
    Document,
    NamedGrid,
    ProseLine,
    ReaderError,
    ReaderNote,
)
from ingest.vocabulary.values import parse_value

WORD_GAP = 0.55  # words closer than this many line heights are one phrase (a column gap is wider)
OCR_REVIEW = "read by OCR from a scanned image: check every figure against the letter"
_WORD_MARKER = re.compile(r"^(?:under|less than|fewer than|below)\s*\d+$", re.I)
_LIST_ITEM = re.compile(r"^\s*[\u2022\u00b7\u25aa\u25e6\u2023\u2043\u2013*-]\s")
_FIGURE = re.compile(r"^[<>]?\s*[\d,]+(\.\d+)?%?$|^[*~–—-]$|^\[[cxz]\]$", re.I)


@dataclass
class Seg:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def h(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    segs: list[Seg]
    no: int = 0

    @property
    def top(self) -> float:
        return min(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    @property
    def h(self) -> float:
        return sorted(s.h for s in self.segs)[len(self.segs) // 2]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


@dataclass
class Rules:
    h: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    v: list[tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)


@dataclass
class Block:
    """A table found on one page: its column bands and rows of (column -> cell text parts)."""

    page: int
    bands: list[tuple[float, float]]
    rows: list[dict[int, list[tuple[Seg, int]]]]  # column index -> [(segment, line number)]
    row_lines: list[int]  # the line each row's figures sit on (for a blank cell's location)
    top: float
    bottom: float
    doubt: str = ""


def is_figure(text: str) -> bool:
    """A number, a marker, or a number with a mark set against it ('55*', '49^', '1,316 R': a line of those
    was read as a wrapped label and its row lost; quirks corpus, issue 18)."""
    t = text.strip()
    if _FIGURE.match(t):
        return True
    pv = parse_value(t)
    return pv.status == "suppressed" or (pv.status == "reported" and bool(pv.mark))


# --- reading the page -------------------------------------------------------------------------

@dataclass
class Unseen:
    """Text a reader of the page cannot see (issue 21: a number under a black redaction box; an
    invisible OCR layer saying 39 over an image showing 93). What a reader cannot see is not a figure."""

    covered: list[str] = field(default_factory=list)  # words under a filled box of their own colour
    invisible: int = 0  # characters drawn invisibly (render mode 3, as OCR layers are)
    images: int = 0  # images on the page


@dataclass(frozen=True)
class Turn:
    """How the text of a page is set: at 0, 90, 180 or 270 degrees. A landscape table printed on a
    portrait page (or a page turned by /Rotate) has its text at 90 or 270: its boxes are turned so
    that its lines run left to right again (read unturned, each letter was a line of its own)."""

    angle: int = 0
    width: float = 0.0  # the page as stored (PDF user space)
    height: float = 0.0
    mixed: bool = False  # some letters are set at another angle (a table's column names set upright in their cells)

    @property
    def page_height(self) -> float:
        """The height of the page as its text reads."""
        return self.width if self.angle in (90, 270) else self.height

    def box(self, left: float, low: float, right: float, high: float) -> tuple[float, float, float, float]:
        """A box in PDF space (y up) -> (x0, top, x1, bottom) on the page as its text reads (y down)."""
        w, h = self.width, self.height
        # pdfium's angles turn clockwise: 270 is text running up the page, 90 down it
        if self.angle == 270:  # text runs up the page: (x, y) -> (y, w - x)
            left, low, right, high = low, w - right, high, w - left
        elif self.angle == 90:  # text runs down the page: (x, y) -> (h - y, x)
            left, low, right, high = h - high, left, h - low, right
        elif self.angle == 180:
            left, low, right, high = w - right, h - high, w - left, h - low
        return left, self.page_height - high, right, self.page_height - low


def _turn_of(tp: object, n: int, width: float, height: float) -> Turn:
    """The angle most of a page's letters are set at (pdfium's angle of each, to the nearest quarter)."""
    import math

    import pypdfium2.raw as raw

    counts = {0: 0, 90: 0, 180: 0, 270: 0}
    step = max(1, n // 2000)  # a sample is enough to tell how a page is set
    for i in range(0, n, step):
        a = raw.FPDFText_GetCharAngle(tp.raw, i)  # type: ignore[attr-defined]
        if a < 0:
            continue
        counts[int(round(math.degrees(a) / 90)) % 4 * 90] += 1
    angle = max(counts, key=lambda k: counts[k])
    total = sum(counts.values())
    angle = angle if total and counts[angle] > 0.6 * total else 0
    return Turn(angle, width, height, mixed=counts[angle] < total)


def _angle_bin(tp: object, i: int) -> int:
    import math

    import pypdfium2.raw as raw

    a = raw.FPDFText_GetCharAngle(tp.raw, i)  # type: ignore[attr-defined]
    return -1 if a < 0 else int(round(math.degrees(a) / 90)) % 4 * 90


def _across_runs(runs: list[tuple[int, list[str], list[tuple[float, float, float, float]]]], upright: list[Seg]) -> list[Seg]:
    """Words set at another angle than the page (column names written up or down their cells), one
    segment each, laid on the header row they belong to: the line of upright text their cells end on
    ("Age band" beside them), else the line where they end. Read letter by letter, each letter was
    a line of its own and the names came out reversed and spaced."""
    segs: list[Seg] = []
    for _, chars, boxes in runs:
        text = "".join(chars).strip()
        if text:
            segs.append(Seg(" ".join(text.split()), min(b[0] for b in boxes), max(b[2] for b in boxes),
                            min(b[1] for b in boxes), max(b[3] for b in boxes)))
    out: list[Seg] = []
    groups: list[list[Seg]] = []
    for sg in sorted(segs, key=lambda sg: sg.top):  # names whose extents overlap up and down stand in one header row
        if groups and sg.top <= max(g.bottom for g in groups[-1]):
            groups[-1].append(sg)
        else:
            groups.append([sg])
    for g in groups:
        h = sorted(sg.x1 - sg.x0 for sg in g)[len(g) // 2]  # the letters' height, across the page
        end = max(sg.bottom for sg in g)
        near = [w for w in upright if end - h <= w.top <= end + 1.5 * h]
        top, bottom = (min(near, key=lambda w: abs(w.top - end)).top, min(near, key=lambda w: abs(w.top - end)).bottom) if near \
            else (end - h, end)
        out += [Seg(sg.text, sg.x0, sg.x1, top, bottom) for sg in g]
    return out


def _filled_boxes(page: object, turn: Turn) -> list[tuple[float, float, float, float, tuple[int, int, int]]]:
    """Filled paths on the page (x0, top, x1, bottom, colour), largest drawn last wins nothing: any covers."""
    import ctypes as c

    import pypdfium2.raw as raw

    out = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):  # type: ignore[attr-defined]
        obj = raw.FPDFPage_GetObject(page.raw, i)  # type: ignore[attr-defined]
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        mode, stroke = c.c_int(0), c.c_int(0)
        if not raw.FPDFPath_GetDrawMode(obj, c.byref(mode), c.byref(stroke)) or mode.value == 0:
            continue
        rgba = [c.c_uint(0) for _ in range(4)]
        if not raw.FPDFPageObj_GetFillColor(obj, *(c.byref(v) for v in rgba)) or rgba[3].value < 200:
            continue
        box = [c.c_float(0) for _ in range(4)]
        if raw.FPDFPageObj_GetBounds(obj, *(c.byref(v) for v in box)):
            out.append((*turn.box(*(v.value for v in box)), (rgba[0].value, rgba[1].value, rgba[2].value)))
    return out


def _covered(seg: Seg, colour: tuple[int, int, int], boxes: list[tuple[float, float, float, float, tuple[int, int, int]]]) -> bool:
    """A word whose middle lies in a filled box of (nearly) its own colour cannot be seen."""
    return any(x0 <= seg.cx <= x1 and top <= seg.cy <= bottom and sum(abs(a - b) for a, b in zip(colour, fill, strict=True)) < 90
               for x0, top, x1, bottom, fill in boxes)


def _segments(page: object, height: float, unseen: Unseen | None = None) -> tuple[list[Seg], Turn]:
    """Words with their boxes (pdfium's loose boxes: the font's full height, the same for
    every letter of a line), split at spaces and at gaps pdfium printed no space for. Words a
    reader of the page cannot see are left out and counted in `unseen`."""
    import ctypes as c

    import pypdfium2.raw as raw

    unseen = unseen if unseen is not None else Unseen()
    handle = page.raw  # type: ignore[attr-defined]
    kinds = [raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, i)) for i in range(raw.FPDFPage_CountObjects(handle))]
    unseen.images = kinds.count(raw.FPDF_PAGEOBJ_IMAGE)
    tp = page.get_textpage()  # type: ignore[attr-defined]
    width = page.get_size()[0]  # type: ignore[attr-defined]
    turn = _turn_of(tp, tp.count_chars(), width, height)
    boxes = _filled_boxes(page, turn)
    words: list[Seg] = []
    modes: dict[int, int] = {}  # render mode per text object
    colours: list[tuple[int, int, int]] = []  # the fill colour of each word's first letter

    def visible(i: int) -> bool:
        obj = raw.FPDFText_GetTextObject(tp.raw, i)
        key = c.cast(obj, c.c_void_p).value or 0
        if key not in modes:
            modes[key] = raw.FPDFTextObj_GetTextRenderMode(obj) if key else 0
        return modes[key] != raw.FPDF_TEXTRENDERMODE_INVISIBLE

    def colour(i: int) -> tuple[int, int, int]:
        if not boxes:
            return (0, 0, 0)
        rgba = [c.c_uint(0) for _ in range(4)]
        raw.FPDFText_GetFillColor(tp.raw, i, *(c.byref(v) for v in rgba))
        return (rgba[0].value, rgba[1].value, rgba[2].value)

    try:
        n = tp.count_chars()
        text = tp.get_text_range() if n else ""
        if len(text) != n:  # characters outside the BMP: read one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(tp.raw, i) or 32) for i in range(n))
        chars: list[str] = []
        x0 = x1 = top = bottom = 0.0
        runs: list[tuple[int, list[str], list[tuple[float, float, float, float]]]] = []  # letters at another angle
        open_run = False
        for i, ch in enumerate(text):
            if turn.mixed:
                bin_ = -1 if ch.isspace() else _angle_bin(tp, i)
                if bin_ not in (-1, turn.angle) and visible(i):
                    box = turn.box(*tp.get_charbox(i, loose=True))
                    last = runs[-1][2][-1] if open_run else None
                    size = box[2] - box[0] if bin_ in (90, 270) else box[3] - box[1]
                    bin_ = (bin_ - turn.angle) % 360  # as the page reads
                    if last is None or runs[-1][0] != bin_ or abs(box[0] - last[0]) > size or \
                            min(abs(box[1] - last[3]), abs(box[3] - last[1]), abs(box[1] - last[1])) > 1.5 * size:
                        runs.append((bin_, [], []))
                    runs[-1][1].append(ch)
                    runs[-1][2].append(box)
                    open_run = True
                    continue
                if open_run and ch == " ":
                    runs[-1][1].append(ch)
                    continue
                open_run = False
            if ch.isspace() or ch in "\x00\ufffe\ufeff":
                if chars:
                    words.append(Seg("".join(chars), x0, x1, top, bottom))
                    chars = []
                continue
            if not visible(i):
                unseen.invisible += 1
                continue
            left, t, right, b = turn.box(*tp.get_charbox(i, loose=True))
            if chars and (abs(b - bottom) > 0.5 * (b - t) or left < x1 - 0.5 * (b - t) or left - x1 > 0.25 * (b - t)):
                words.append(Seg("".join(chars), x0, x1, top, bottom))
                chars = []
            if not chars:
                x0, top, bottom = left, t, b
                colours.extend([(0, 0, 0)] * (len(words) - len(colours)))
                colours.append(colour(i))
            chars.append(ch)
            x1 = max(right, x1) if len(chars) > 1 else right
            top, bottom = min(top, t), max(bottom, b)
        if chars:
            words.append(Seg("".join(chars), x0, x1, top, bottom))
    finally:
        tp.close()
    if boxes:
        kept = []
        for w, col in zip(words, colours, strict=False):
            if _covered(w, col, boxes):
                unseen.covered.append(w.text)
            else:
                kept.append(w)
        words = kept
    if turn.mixed:
        words += _across_runs(runs, words)
    return words, turn


def _rules(page: object, turn: Turn) -> Rules:
    import pypdfium2.raw as raw

    rules = Rules()
    height = turn.page_height
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=1):  # type: ignore[attr-defined]
        left, y_top, right, y_bottom = turn.box(*obj.get_bounds())
        top, bottom = height - y_top, height - y_bottom  # back to y up, as the edges below are written
        w, h = right - left, top - bottom
        if h <= 2.5 and w >= 4:
            rules.h.append((height - (top + bottom) / 2, left, right))
        elif w <= 2.5 and h >= 4:
            rules.v.append(((left + right) / 2, height - top, height - bottom))
        elif w >= 4 and h >= 4:
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
            if stroke.value and raw.FPDFPath_CountSegments(obj.raw) <= 6:  # a stroked box: its four edges
                rules.h += [(height - top, left, right), (height - bottom, left, right)]
                rules.v += [(left, height - top, height - bottom), (right, height - top, height - bottom)]
    return rules


def _lines(segs: list[Seg], rules: Rules) -> list[Line]:
    segs = sorted(segs, key=lambda s: (s.cy, s.x0))
    lines: list[Line] = []
    cy_sum = 0.0  # the current line's centre, kept as a running sum: recomputing it and the line's
    heights: list[float] = []  # height over every word was quadratic (10,000 glyphs on a line took 34 s, issue 21)
    for s in segs:
        if lines:
            cur = lines[-1]
            h = sorted(heights)[len(heights) // 2]  # the median of the line's first words (at most 15)
            if abs(s.cy - cy_sum / len(cur.segs)) <= 0.45 * min(h, s.h):
                cur.segs.append(s)
                cy_sum += s.cy
                if len(heights) < 15:
                    heights.append(s.h)
                continue
        lines.append(Line([s]))
        cy_sum, heights = s.cy, [s.h]
    for i, ln in enumerate(lines):
        ln.segs.sort(key=lambda s: s.x0)
        merged: list[Seg] = []
        for s in ln.segs:
            if merged:
                p = merged[-1]
                gap = s.x0 - p.x1
                crossed = any(p.x1 - 1 <= x <= s.x0 + 1 and y0 <= s.cy <= y1 for x, y0, y1 in rules.v)
                # words of one phrase; a wider gap or a ruling line between them is a new cell
                if gap <= WORD_GAP * min(p.h, s.h) and not crossed:
                    merged[-1] = Seg(p.text + " " + s.text, p.x0, max(p.x1, s.x1), min(p.top, s.top), max(p.bottom, s.bottom))
                    continue
            merged.append(s)
        ln.segs = merged
        ln.no = i + 1
    return lines


_PAGE_NO = re.compile(r"\bpage\s*\d+(\s*(of|/)\s*\d+)?|\d+\s*(of|/)\s*\d+\s*$|^\s*\d+\s*$", re.I)


_TRAILING_NO = re.compile(r"\s(\d{1,3})\s*$")


def _norm(text: str) -> str:
    """A line's words, with a page number ("Page 2 of 6", a bare "3") made the same on every page."""
    return _PAGE_NO.sub("#", " ".join(text.lower().split()))


def _repeated(pages: list[tuple[list[Line], float]]) -> list[set[int]]:
    """Line numbers per page that are letterhead or footer: the same words at the same height
    near the top or bottom of at least two pages."""
    if len(pages) < 2:
        return [set() for _ in pages]
    def key(text: str, pi: int) -> str:
        # a footer's words then its page's number ("© LGA and Revolution Consulting Limited 4" on page 4): the
        # number made the same on every page; a trailing number that is not the page's (a total) is kept
        m = _TRAILING_NO.search(text)
        if m and int(m.group(1)) in (pi + 1, pi):
            text = text[:m.start()] + " #"
        return _norm(text)

    seen: dict[str, list[tuple[int, float]]] = {}
    for pi, (lines, height) in enumerate(pages):
        for ln in lines:
            if ln.top < height * 0.22 or ln.bottom > height * 0.86:
                seen.setdefault(key(ln.text, pi), []).append((pi, ln.top))
    drop: list[set[int]] = [set() for _ in pages]
    for pi, (lines, height) in enumerate(pages):
        for ln in lines:
            if not (ln.top < height * 0.22 or ln.bottom > height * 0.86):
                continue
            others = {p for p, y in seen.get(key(ln.text, pi), []) if p != pi and abs(y - ln.top) < 12}
            # a table's header repeated at the top of each page is not letterhead: kept (the
            # page-break join drops the repeats)
            below = [x for x in lines if x.no == ln.no + 1]
            if others and not (below and _is_tabular(below[0]) and below[0].top - ln.bottom < 1.6 * ln.h):
                drop[pi].add(ln.no)
    return drop


# --- tables -----------------------------------------------------------------------------------

def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _is_tabular(ln: Line) -> bool:
    if len(ln.segs) < 2:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(ln.segs, ln.segs[1:], strict=False)]
    return max(gaps) >= max(ln.h * 0.9, 6.0) and any(is_figure(s.text) for s in ln.segs[1:])


def _bands_from_text(lines: list[Line]) -> list[tuple[float, float]]:
    intervals = sorted((s.x0, s.x1) for ln in lines if _is_tabular(ln) for s in ln.segs)
    bands: list[list[float]] = []
    for x0, x1 in intervals:
        if bands and x0 <= bands[-1][1] + 1.0:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return [(a, b) for a, b in bands]


def _bands_from_rules(xs: list[float]) -> list[tuple[float, float]]:
    return [(a, b) for a, b in zip(xs, xs[1:], strict=False) if b - a > 3]


def _column_of(s: Seg, bands: list[tuple[float, float]]) -> int | None:
    """The band a cell's centre falls in; None when it spans two bands (a group header)."""
    overlaps = [i for i, (a, b) in enumerate(bands) if min(s.x1, b) - max(s.x0, a) > 0.5]
    if len(overlaps) > 1:
        inside = [i for i in overlaps if bands[i][0] - 2 <= s.x0 and s.x1 <= bands[i][1] + 2]
        return inside[0] if inside else None
    if overlaps:
        return overlaps[0]
    # a heading set flush left over figures set flush right, ending before they begin: it belongs to the
    # column whose cell it sits in, from the column before's right edge to this one's (quirks corpus: by
    # nearness "Offences in 2023/24" went to the column on its left)
    for i, (_, right) in enumerate(bands):
        if (bands[i - 1][1] if i else float("-inf")) <= s.x0 and s.x1 <= right + 2:
            return i
    return min(range(len(bands)), key=lambda i: min(abs(s.cx - bands[i][0]), abs(s.cx - bands[i][1])))


def _ruled_region(lines: list[Line], rules: Rules, start: int) -> tuple[int, list[float], list[float]] | None:
    """From line `start`, the lines inside one ruled grid: (end index, column edges, row edges)."""
    ln = lines[start]
    vs = [r for r in rules.v if r[1] - 2 <= ln.top and ln.bottom <= r[2] + 2]
    if len(vs) < 2:
        return None
    y0 = min(r[1] for r in vs)
    y1 = max(r[2] for r in vs)
    # extend downwards through vertical rules that continue the grid (row by row)
    while True:
        more = [r for r in rules.v if y1 - 2 <= r[1] <= y1 + 2 and r[2] > y1 + 2]
        if not more:
            break
        y1 = max(r[2] for r in more)
    x0 = min(r[0] for r in vs)
    xs = _cluster([r[0] for r in rules.v if r[1] < y1 - 1 and r[2] > y0 + 1 and x0 - 2 <= r[0]], 3.0)
    ys = _cluster([r[0] for r in rules.h if y0 - 2 <= r[0] <= y1 + 2], 2.0)
    end = start
    while end + 1 < len(lines) and lines[end + 1].top >= y0 - 2 and lines[end + 1].bottom <= y1 + 2:
        end += 1
    return end, xs, ys


def _block_rows(lines: list[Line], bands: list[tuple[float, float]], row_edges: list[float]) -> tuple[
        list[dict[int, list[tuple[Seg, int]]]], list[int], str]:
    """Group the block's lines into table rows: by the horizontal rules where there are any,
    else one row per line with figures, wrapped label lines joining the nearer figure line."""
    rows: list[dict[int, list[tuple[Seg, int]]]] = []
    row_lines: list[int] = []
    doubt = ""

    def add(row: dict[int, list[tuple[Seg, int]]], ln: Line) -> None:
        for s in ln.segs:
            col = _column_of(s, bands)
            if col is None:  # a group header over several columns: spread over them
                for i, (a, b) in enumerate(bands):
                    if min(s.x1, b) - max(s.x0, a) > 0.5:
                        row.setdefault(i, []).append((s, ln.no))
                continue
            row.setdefault(col, []).append((s, ln.no))

    if len(row_edges) >= 3:
        groups: dict[int, list[Line]] = {}
        for ln in lines:
            cy = (ln.top + ln.bottom) / 2
            k = sum(1 for y in row_edges if y < cy)
            groups.setdefault(k, []).append(ln)
        for k in sorted(groups):
            row: dict[int, list[tuple[Seg, int]]] = {}
            for ln in groups[k]:
                add(row, ln)
            figure_lines = [ln.no for ln in groups[k] if any(is_figure(s.text) for s in ln.segs[1:])]
            rows.append(row)
            row_lines.append(figure_lines[0] if figure_lines else groups[k][0].no)
        return rows, row_lines, doubt

    def figure_line(ln: Line) -> bool:
        # "under 13" is how a small number is withheld and the name of an age band: on a line with no row label
        # and no other figure it is the second line of wrapped headings ("Of which / under 13"), not a row
        figures = [s for s in ln.segs[1:] if is_figure(s.text)]
        if any(not _WORD_MARKER.match(s.text.strip()) for s in figures):
            return True
        labelled = bool(bands) and ln.segs[0].x1 <= bands[0][1] + 6
        return bool(figures) and labelled

    has_fig = [figure_line(ln) for ln in lines]
    first_fig = next((i for i, f in enumerate(has_fig) if f), len(lines))
    # header lines above the first figure line: lines set close together are one header row
    # (a heading wrapped over two lines, cells joined per column); a wider gap starts the next
    # level (a group heading such as "Victim gender" over the gender columns)
    header_groups: list[list[Line]] = []
    for ln in lines[:first_fig]:
        if header_groups and ln.top - header_groups[-1][-1].bottom < 0.35 * ln.h:
            header_groups[-1].append(ln)
        else:
            header_groups.append([ln])
    for hg in header_groups:
        level: dict[int, list[tuple[Seg, int]]] = {}
        for ln in hg:
            add(level, ln)
        rows.append(level)
        row_lines.append(hg[0].no)
    body = lines[first_fig:]
    fig_idx = [i for i, ln in enumerate(body) if has_fig[first_fig + i]]
    attach: dict[int, list[Line]] = {i: [] for i in fig_idx}
    for i, ln in enumerate(body):
        if i in attach:
            continue
        before = max((j for j in fig_idx if j < i), default=None)
        after = min((j for j in fig_idx if j > i), default=None)
        if before is None or after is None:
            attach[before if after is None else after].append(ln)  # type: ignore[index]
            continue
        gap_before = ln.top - body[i - 1].bottom
        gap_after = body[i + 1].top - ln.bottom
        if abs(gap_before - gap_after) <= 0.15 * ln.h and i - 1 == before and i + 1 == after:
            doubt = "a wrapped label between two rows, with no ruling lines: which row it belongs to is a guess"
        attach[before if gap_before < gap_after else after].append(ln)
    for j in fig_idx:
        body_row: dict[int, list[tuple[Seg, int]]] = {}
        for ln in sorted(attach[j] + [body[j]], key=lambda x: x.top):
            add(body_row, ln)
        rows.append(body_row)
        row_lines.append(body[j].no)
    return rows, row_lines, doubt


def _blocks(lines: list[Line], rules: Rules, page: int, dropped: set[int]) -> tuple[list[Block], list[Line]]:
    """Tables on a page and the lines that are prose."""
    blocks: list[Block] = []
    prose: list[Line] = []
    i = 0
    live = [ln for ln in lines if ln.no not in dropped]
    while i < len(live):
        ruled = _ruled_region(live, rules, i)
        if ruled is not None and ruled[0] >= i + 1:
            end, xs, ys = ruled
            group = live[i:end + 1]
            if any(_is_tabular(ln) or len(ln.segs) > 1 for ln in group) and len(xs) >= 2:
                bands = _bands_from_rules(xs)
                # text left of the first rule or right of the last one: widen the outer bands
                rows, row_lines, doubt = _block_rows(group, bands, ys)
                blocks.append(Block(page, bands, rows, row_lines, group[0].top, group[-1].bottom, doubt))
                i = end + 1
                continue
        if not _is_tabular(live[i]):
            prose.append(live[i])
            i += 1
            continue
        # a run of lines with cells in columns; a line without figures inside it is a row label
        # wrapped onto its own line, and only if its words sit in the label column
        end = i
        while end + 1 < len(live):
            nxt = live[end + 1]
            if nxt.top - live[end].bottom > 1.6 * max(nxt.h, live[end].h):
                break
            if _is_tabular(nxt):
                end += 1
                continue
            bands_so_far = _bands_from_text(live[i:end + 1])
            k = end + 1
            while k < len(live) and not _is_tabular(live[k]) and k - end <= 8 and _in_label_column(live[k], bands_so_far) and \
                    live[k].top - live[k - 1].bottom <= 1.6 * live[k].h:
                k += 1
            if k > end + 1 and (k >= len(live) or not _is_tabular(live[k]) or live[k].top - live[k - 1].bottom > 1.6 * live[k].h):
                # wrapped label lines under the last row (labels aligned to the top of their cells)
                if live[end + 1].top - live[end].bottom <= 0.6 * live[end].h:
                    end = end + 1
                    continue
                break
            if k < len(live) and k > end + 1 and _is_tabular(live[k]):
                end = k
                continue
            break
        bands = _bands_from_text(live[i:end + 1])
        # the first group's name just above the first row ("Casualties aged 16-19" under the headings)
        start = i
        if start > 0 and prose and prose[-1] is live[start - 1] and _in_label_column(live[start - 1], bands) and \
                live[start].top - live[start - 1].bottom < 1.2 * live[start].h and start >= 2 and \
                _header_line(live[start - 2], bands) and live[start - 1].top - live[start - 2].bottom < 1.2 * live[start].h:
            start -= 1
            prose.pop()
        # header lines just above: cells that sit in the columns (not a title over the table)
        while start > 0 and prose and prose[-1] is live[start - 1] and start > i - 5 and \
                live[start].top - live[start - 1].bottom < 1.2 * live[start].h and _header_line(live[start - 1], bands):
            start -= 1
            prose.pop()
        group = live[start:end + 1]
        rows, row_lines, doubt = _block_rows(group, bands, [])
        blocks.append(Block(page, bands, rows, row_lines, group[0].top, group[-1].bottom, doubt))
        i = end + 1
    return blocks, prose


def _in_label_column(ln: Line, bands: list[tuple[float, float]]) -> bool:
    """A line whose words all sit in the first column: a row label wrapped onto a line of its own."""
    if not bands or any(is_figure(s.text) for s in ln.segs):
        return False
    a, b = bands[0]
    # a group's name over its rows ("Casualties aged 20-24", Welsh Government road casualties 2014) may
    # stand out left of the labels and run wider than them, short of the first column of figures
    right = bands[1][0] - 4 if len(bands) > 1 else b + 6
    return ln.segs[0].x0 >= a - 6 and ln.segs[-1].x1 <= b + 6 or ln.segs[0].x0 >= a - 24 and ln.segs[-1].x1 <= right


def _header_line(ln: Line, bands: list[tuple[float, float]]) -> bool:
    """A line of column headings over a table found from its figures: no figures, and its
    cells sit in the table's columns (a single cell only over a figure column)."""
    if len(bands) < 2 or any(is_figure(s.text) for s in ln.segs) or len(ln.text) > 160:
        return False
    cols = [_column_of(s, bands) for s in ln.segs]
    if ln.segs[0].x1 < bands[0][0] - 4 or ln.segs[-1].x0 > bands[-1][1] + 4:
        return False
    return len(ln.segs) >= 2 or (cols[0] is not None and cols[0] > 0)


def _continues(prev: Block, nxt: Block) -> bool:
    if len(prev.bands) != len(nxt.bands):
        # a continuation whose page has an empty column: its cells still fit the bands above
        cells = [s for row in nxt.rows for parts in row.values() for s, _ in parts]
        return bool(cells) and all(_column_of(s, prev.bands) is not None for s in cells) and len(nxt.bands) < len(prev.bands)
    return all(abs(a[0] - b[0]) < 12 or abs(a[1] - b[1]) < 12 for a, b in zip(prev.bands, nxt.bands, strict=True))


def _regrid(block: Block, bands: list[tuple[float, float]]) -> Block:
    rows = []
    for row in block.rows:
        new: dict[int, list[tuple[Seg, int]]] = {}
        for parts in row.values():
            for s, no in parts:
                col = _column_of(s, bands)
                new.setdefault(col if col is not None else 0, []).append((s, no))
        rows.append(new)
    return Block(block.page, bands, rows, block.row_lines, block.top, block.bottom, block.doubt)


def _row_texts(row: dict[int, list[tuple[Seg, int]]], n: int) -> list[str]:
    return [" ".join(s.text for s, _ in sorted(row.get(c, []), key=lambda p: (p[1], p[0].x0))) for c in range(n)]


# --- the document -----------------------------------------------------------------------------

def _ocr_page(page: object, width: float, height: float, number: int) -> list[Seg]:
    """Words from tesseract, as segments in PDF points (the page rendered at 300 dpi). The page's
    size is checked before it is drawn: one blank page of 14,400 pt is 3.6 billion pixels (issue 21)."""
    scale = 300 / 72
    if width * height * scale * scale > MAX_OCR_PIXELS:
        raise ReaderError(f"page {number} is {width:,.0f} x {height:,.0f} pt: too large to read by OCR (a letter's page is about "
                          "600 x 840 pt)", f"page {number}", "source_too_large")
    img = page.render(scale=scale).to_pil()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        img.save(png)
        out = subprocess.run(["tesseract", str(png), "stdout", "--psm", "6", "tsv"], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "OMP_THREAD_LIMIT": "1"})  # one thread: the file's memory bound holds
    segs: list[Seg] = []
    for row in out.stdout.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, w, h = (float(x) / scale for x in parts[6:10])
        segs.append(Seg(parts[11].strip(), left, left + w, top, top + h))
    return segs


def ocr_available() -> bool:
    return shutil.which("tesseract") is not None


def read(path: Path) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ReaderError("the PDF is protected by a password; ask the force for an unprotected copy") from None
        raise ReaderError(f"not a readable PDF ({msg[:200]})") from None
    doc = Document("pdf")
    try:
        n = len(pdf)
        if n > MAX_PDF_PAGES:
            raise ReaderError(f"the PDF has {n} pages, over the limit of {MAX_PDF_PAGES} pages for one return", "", "source_too_large")
        if n == 0:
            raise ReaderError("the PDF has no pages", "", "source_empty")
        pages: list[tuple[list[Line], float]] = []
        page_rules: list[Rules] = []
        texts = 0
        invisible = 0
        upright: set[int] = set()  # pages read as stored: their cells' boxes match the page's picture
        for i in range(n):
            page = pdf[i]
            width, height = page.get_size()
            unseen = Unseen()
            segs, turn = _segments(page, height, unseen)
            if not turn.angle and not page.get_rotation():
                upright.add(i + 1)
            texts += len(segs)
            page_rules.append(_rules(page, turn))
            pages.append((segs, turn.page_height))  # type: ignore[arg-type]
            if turn.angle:
                doc.notes.append(ReaderNote("page_turned", f"page {i + 1}", f"page {i + 1}: its text is set at {turn.angle} degrees "
                                            "(a landscape table on the page): read turned so its lines run across"))
            page.close()
            if unseen.covered:
                doc.notes.append(ReaderNote("hidden_text", f"page {i + 1}", f"page {i + 1}: {len(unseen.covered)} word(s) lie under filled "
                                            "boxes of their own colour (a redaction, or text hidden on purpose) and were left out; "
                                            "they are not figures: check the letter", " ".join(unseen.covered)[:200]))
            if unseen.invisible:
                invisible += unseen.invisible
                if segs or not unseen.images:
                    doc.notes.append(ReaderNote("hidden_text", f"page {i + 1}", f"page {i + 1}: {unseen.invisible} character(s) of "
                                                "invisible text were left out" + (" (a text layer over an image, as OCR writes it: what "
                                                "the image shows may differ; read the page yourself)" if unseen.images else "")))
        if texts == 0 and invisible:  # an invisible layer over images only: the images are read, by OCR, and doubted
            doc.notes.append(ReaderNote("hidden_text", "", f"the only text is an invisible layer ({invisible} characters, as OCR writes "
                                        "it) over images; it was not trusted (it may say other than the images show)"))
        if texts == 0:
            if not ocr_available():
                raise ReaderError("scanned image, no text to read (install Debian's tesseract-ocr to read scans by OCR, "
                                  "or type its figures into a transcription file)", "", "scanned_pdf")
            ocr_pages: list[tuple[list[Seg], float]] = []
            blank = 0
            for i in range(n):
                page = pdf[i]
                width, height = page.get_size()
                if not pdfium.raw.FPDFPage_CountObjects(page.raw):  # nothing drawn: nothing to OCR (199 blank pages, issue 21)
                    blank += 1
                    ocr_pages.append(([], height))
                    page.close()
                    continue
                if len(ocr_pages) - blank >= MAX_OCR_PAGES:
                    raise ReaderError(f"a scan of over {MAX_OCR_PAGES} pages with no text layer: over the limit of pages read by OCR; "
                                      "type its figures into a transcription file", "", "source_too_large")
                ocr_pages.append((_ocr_page(page, width, height, i + 1), height))
                page.close()
            if blank == n:
                raise ReaderError(f"the PDF's {n} page(s) are blank: nothing is drawn on them", "", "source_empty")
            pages = ocr_pages  # type: ignore[assignment]
            upright = set()
            page_rules = [Rules() for _ in range(n)]
            doc.review = OCR_REVIEW
            doc.notes.append(ReaderNote("ocr_used", "", f"no text layer: {n} page(s) read by OCR (tesseract); every figure needs review"))
    finally:
        pdf.close()
    line_pages = [(_lines(segs, rules), height) for (segs, height), rules in zip(pages, page_rules, strict=True)]  # type: ignore[arg-type]
    dropped = _repeated(line_pages)
    if any(dropped):
        doc.notes.append(ReaderNote("letterhead_dropped", "", f"{sum(len(d) for d in dropped)} line(s) of letterhead or footer repeated "
                                    "on every page were left out"))
    items: list[tuple[int, object]] = []  # (page, Block | Line) in reading order
    for pi, ((lines, _), rules) in enumerate(zip(line_pages, page_rules, strict=True)):
        blocks, prose = _blocks(lines, rules, pi + 1, dropped[pi])
        page_items: list[tuple[float, object]] = [(b.top, b) for b in blocks] + [(ln.top, ln) for ln in prose]
        items.extend((pi + 1, it) for _, it in sorted(page_items, key=lambda x: x[0]))
    # join tables across page breaks; collect prose into paragraphs
    tables: list[tuple[Block, list[Block], str]] = []  # (first block, continuations, title)
    para: list[tuple[int, Line]] = []
    last_item: object = None
    recent_prose: list[str] = []

    def flush() -> None:
        if para:
            p0, l0 = para[0]
            p1, l1 = para[-1]
            where = f"page {p0} line {l0.no}" if len(para) == 1 else (
                f"page {p0} lines {l0.no}-{l1.no}" if p0 == p1 else f"page {p0} line {l0.no} to page {p1} line {l1.no}")
            text = " ".join(ln.text for _, ln in para)
            doc.prose.append(ProseLine(where, text))
            recent_prose.append(text)
            para.clear()

    for page, it in items:
        if isinstance(it, Block):
            flush()
            prev = tables[-1] if tables else None
            prev_block = (prev[1][-1] if prev and prev[1] else prev[0]) if prev else None
            if prev_block is not None and last_item is prev_block and it.page == prev_block.page + 1 and _continues(prev_block, it):
                prev[1].append(_regrid(it, prev[0].bands) if len(it.bands) != len(prev[0].bands) else it)  # type: ignore[index]
            else:
                tables.append((it, [], recent_prose[-1] if recent_prose else ""))
            recent_prose.clear()
            last_item = it
            continue
        assert isinstance(it, Line)
        last_item = it
        if para:
            pp, pl = para[-1]
            # a list item ("• 2022/23 - 45") starts a paragraph of its own, as does a line after one ending in a
            # colon (the line that introduces a list): each item is a line a count can be read from
            if pp != page or it.top - pl.bottom > 0.9 * max(it.h, pl.h) or len(para) > 40 or _LIST_ITEM.match(it.text) or \
                    pl.text.rstrip().endswith(":"):
                flush()
        para.append((page, it))
        if len(doc.prose) > MAX_PROSE_LINES:
            break
    flush()
    for ti, (first, more, title) in enumerate(tables, start=1):
        grid = _grid(first, more, ti, title, upright)
        doubt = first.doubt or next((b.doubt for b in more if b.doubt), "")
        if doubt:
            grid.review = doubt
            doc.notes.append(ReaderNote("layout_doubt", grid.name, doubt))
        doc.grids.append(grid)
    return doc


def _grid(first: Block, more: list[Block], ti: int, title: str, upright: set[int] | None = None) -> NamedGrid:
    """The table as cells; on an `upright` page (neither turned nor set at an angle) each cell keeps
    its box, for the review desk's picture of the page."""
    n = len(first.bands)
    grid: list[list[Cell]] = []
    header = _row_texts(first.rows[0], n) if first.rows else []
    for bi, block in enumerate([first, *more]):
        for ri, row in enumerate(block.rows):
            texts = _row_texts(row, n)
            if bi > 0 and ri == 0 and texts == header:
                continue  # the header repeated on the next page
            if bi > 0 and ri == 0 and grid and texts[0][:1].islower() and not any(texts[1:]):
                # a row cut by the page break: its label ends at the top of the next page
                head = grid[-1][0]
                grid[-1][0] = Cell(f"{head.value} {texts[0]}" if head.value else texts[0], head.location)
                continue
            out = []
            segs = [sg for parts in row.values() for sg, _ in parts]
            boxed = upright is not None and block.page in upright and bool(segs)
            top, bottom = (min(sg.top for sg in segs), max(sg.bottom for sg in segs)) if segs else (0.0, 0.0)
            for c in range(n):
                parts = row.get(c, [])
                figure_parts = [(s, no) for s, no in parts if is_figure(s.text)]
                no = figure_parts[0][1] if figure_parts else (parts[0][1] if parts else block.row_lines[ri])
                box = None
                if boxed:
                    a, b = block.bands[c]
                    box = (min([a, *(sg.x0 for sg, _ in parts)]), top, max([b, *(sg.x1 for sg, _ in parts)]), bottom)
                out.append(Cell(texts[c] or None, f"page {block.page} line {no} col {c + 1}", box))
            grid.append(out)
    pages = sorted({b.page for b in [first, *more]})
    name = f"page {pages[0]} table {ti}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]} table {ti}"
    return NamedGrid(name, grid, title)
