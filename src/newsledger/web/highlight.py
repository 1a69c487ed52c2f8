"""Article text with its attributions marked up, every character escaped.

The text is untrusted: it is cut into segments at every span boundary, and each segment is
escaped on its own (``markupsafe.escape``) and wrapped in a ``<span>`` whose classes say
which parts of which statements it belongs to:

``hl-source`` the speaker mention, ``hl-cue`` the reporting words, ``hl-content`` what was
said, ``hl-condition`` the condition of a conditional statement, ``hl-match`` a searched
word. ``data-st`` lists the statement ids of the segment and ``title`` says, per statement,
speaker, act, date and condition (the script in ``static/app.js`` turns it into a card).
An empty ``<a id="t-ID">`` anchor marks where each statement starts, for links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import Markup, escape

ROLES = ("source", "cue", "content", "condition")
SNIPPET_REACH = 240  # characters looked at around a statement for its sentence boundaries
_SENTENCE_END = re.compile(r"(?:[.!?][\"'”’)]*\s+|\n)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: str
    statement: str | None = None


def _pair(value: Any) -> tuple[int, int] | None:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and 0 <= value[0] < value[1]):
        return value[0], value[1]
    return None


def _pairs(value: Any) -> list[tuple[int, int]]:
    """A span, or a list of spans (discontinuous content), as pairs; malformed ones dropped."""
    single = _pair(value)
    if single is not None:
        return [single]
    if isinstance(value, (list, tuple)):
        return [p for p in (_pair(v) for v in value) if p is not None]
    return []


def statement_marks(record: dict[str, Any]) -> list[Mark]:
    """Source, cue, content and condition spans of one statement record."""
    sid = str(record.get("id") or "")
    marks = [Mark(s, e, "source", sid) for s, e in _pairs(record.get("source_span"))]
    marks += [Mark(s, e, "cue", sid) for s, e in _pairs(record.get("cue_span"))]
    marks += [Mark(s, e, "content", sid) for s, e in _pairs(record.get("content_span"))]
    condition = record.get("condition")
    if isinstance(condition, dict):
        marks += [Mark(s, e, "condition", sid) for s, e in _pairs(condition.get("span"))]
    return marks


def statement_bounds(record: dict[str, Any]) -> tuple[int, int] | None:
    marks = statement_marks(record)
    if not marks:
        return None
    return min(m.start for m in marks), max(m.end for m in marks)


def describe(record: dict[str, Any]) -> str:
    """One line for the hover card: speaker — act — date — if condition."""
    speaker = record.get("speaker") or {}
    who = speaker.get("name") or speaker.get("mention") or "unknown speaker"
    parts = [who, (record.get("act") or "?") + (" (negated)" if record.get("negated") else "")]
    when = record.get("date") or (record.get("article") or {}).get("published")
    parts.append(when or "undated")
    condition = record.get("condition")
    if isinstance(condition, dict) and condition.get("text"):
        parts.append("if " + str(condition["text"]))
    return " — ".join(parts)


def match_marks(text: str, words: Iterable[str], lo: int, hi: int) -> list[Mark]:
    """Where the searched words occur (whole words, any case) in ``text[lo:hi]``."""
    wanted = {w.casefold() for w in words if w}
    if not wanted:
        return []
    return [Mark(m.start(), m.end(), "match") for m in _WORD.finditer(text, lo, hi)
            if m.group().casefold() in wanted]


def render(text: str, records: Iterable[dict[str, Any]], lo: int = 0, hi: int | None = None,
           extra: Iterable[Mark] = (), anchors: bool = True) -> Markup:
    """``text[lo:hi]`` escaped, with the statements' spans (and ``extra`` marks) wrapped."""
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, min(lo, hi))
    tips: dict[str, str] = {}
    marks: list[Mark] = list(extra)
    starts: dict[int, list[str]] = {}
    for record in records:
        own = statement_marks(record)
        if not own:
            continue
        sid = own[0].statement or ""
        tips[sid] = describe(record)
        marks += own
        first = max(lo, min(m.start for m in own))
        if anchors and first < hi:
            starts.setdefault(first, []).append(sid)
    marks = [m for m in marks if m.start < hi and m.end > lo]
    points = {lo, hi}
    for m in marks:
        points.add(max(lo, m.start))
        points.add(min(hi, m.end))
    points.update(p for p in starts if lo <= p <= hi)
    ordered = sorted(points)
    opening: dict[int, list[Mark]] = {}
    for m in marks:
        opening.setdefault(max(lo, m.start), []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for left, right in zip(ordered, ordered[1:]):
        for sid in starts.get(left, ()):
            out.append(f'<a class="anchor" id="t-{escape(sid)}"></a>')
        active = [m for m in active if m.end > left] + opening.get(left, [])
        piece = escape(text[left:right])
        if not active:
            out.append(str(piece))
            continue
        out.append(_segment(piece, active, tips))
    return Markup("".join(out))


def _segment(piece: Markup, active: list[Mark], tips: dict[str, str]) -> str:
    roles = [role for role in (*ROLES, "match") if any(m.role == role for m in active)]
    ids: list[str] = []
    for m in active:
        if m.statement and m.statement not in ids:
            ids.append(m.statement)
    classes = " ".join(["hl", *(f"hl-{role}" for role in roles)])
    attributes = f'class="{classes}"'
    if ids:
        attributes += f' data-st="{escape(" ".join(ids))}"'
        title = "\n".join(tips[i] for i in ids if i in tips)
        if title:
            attributes += f' title="{escape(title)}"'
    return f"<span {attributes}>{piece}</span>"


def snippet_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` widened to the sentence(s) around them (within SNIPPET_REACH)."""
    start, end = max(0, start), min(len(text), end)
    lo = max(0, start - SNIPPET_REACH)
    before = list(_SENTENCE_END.finditer(text, lo, start))
    if before:
        lo = before[-1].end()
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else start
    hi = min(len(text), end + SNIPPET_REACH)
    after = _SENTENCE_END.search(text, end, hi)
    if after:
        hi = after.end()
        while hi > end and text[hi - 1].isspace():
            hi -= 1
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else end
    return lo, max(hi, end)


def evidence(text: str | None, record: dict[str, Any], words: Iterable[str] = ()) -> Markup:
    """The sentence(s) of one statement with its parts (and searched words) marked."""
    bounds = statement_bounds(record)
    if not text or bounds is None or bounds[1] > len(text):
        return escape(record.get("content") or "")
    lo, hi = snippet_bounds(text, *bounds)
    body = render(text, [record], lo, hi, extra=match_marks(text, words, lo, hi), anchors=False)
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    return Markup(prefix) + body + Markup(suffix)
