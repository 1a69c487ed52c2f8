"""Statements whose content is only the frame of another: the last filter of the learned variants.

- "Asked | whether Ukraine would …, Rubio said: …": the tagger gave Rubio the content "Asked",
  the cue of a question said by nobody (a report whose content is a speaker's cue stays: "Kim
  Yo Jong … warned …, state media reported");
- "Trump wrote on | Truth | Social that …": the platform it was written on, cut by the cue's
  "on", is where, not what.
"""

from __future__ import annotations

from ...model import Statement
from ..venue import PLATFORMS


def without_frames_as_contents(text: str, statements: list[Statement]) -> list[Statement]:
    """``statements`` without those whose whole content is a frame (see the module docstring)."""
    frames = [s.cue_span for s in statements if s.speaker is None]
    return [s for s in statements if not _platform_named(text, s) and not any(
        a <= s.content_spans[0][0] and s.content_spans[-1][1] <= b for a, b in frames if (a, b) != s.cue_span)]


def _platform_named(text: str, statement: Statement) -> bool:
    """The content is the start of a platform's name right after the cue's "on" ("wrote on | Truth")."""
    if not statement.cue.lower().endswith(" on") or len(statement.content_spans) != 1:
        return False
    start, end = statement.content_spans[0]
    after = text[start:start + 20].lower()
    return any(after.startswith(name) and end - start <= len(name) for name in PLATFORMS if len(name) > 2)
