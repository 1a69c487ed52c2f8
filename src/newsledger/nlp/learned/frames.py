"""Statements whose content is only the frame of another: the last filter of the learned variants.

- "Asked | whether Ukraine would …, Rubio said: …": the tagger gave Rubio the content "Asked",
  the cue of a question said by nobody (a report whose content is a speaker's cue stays: "Kim
  Yo Jong … warned …, state media reported");
- "Trump wrote on | Truth | Social that …": the platform it was written on, cut by the cue's
  "on", is where, not what;
- "What to know | about the Venezuela standoff": an explainer's heading.
"""

from __future__ import annotations

import re

from ...model import Statement
from ..venue import PLATFORMS


def without_frames_as_contents(text: str, statements: list[Statement]) -> list[Statement]:
    """``statements`` without those whose whole content is a frame (see the module docstring)."""
    frames = [s.cue_span for s in statements if s.speaker is None]
    return [s for s in statements if not _platform_named(text, s) and not _explainer(text, s) and not any(
        a <= s.content_spans[0][0] and s.content_spans[-1][1] <= b for a, b in frames if (a, b) != s.cue_span)]


def _platform_named(text: str, statement: Statement) -> bool:
    """The content is the start of a platform's name right after the cue's "on" ("wrote on | Truth")."""
    if not statement.cue.lower().endswith(" on") or len(statement.content_spans) != 1:
        return False
    start, end = statement.content_spans[0]
    after = text[start:start + 20].lower()
    return any(after.startswith(name) and end - start <= len(name) for name in PLATFORMS if len(name) > 2)


_EXPLAINER = re.compile(r"\bwhat (?:(?:you|we) (?:need to )?|to )know\W*$", re.IGNORECASE)


def _explainer(text: str, statement: Statement) -> bool:
    """An explainer's heading, no one's saying: "What to know about the Venezuela standoff", "What
    we know so far"."""
    start, end = statement.cue_span
    return _EXPLAINER.search(text, max(0, start - 12), end) is not None
