"""Where a learned cue ends once the time expressions the tagger took into it are left out.

"said on February 26" -> "said" (the date is the statement's, read by the dates stage);
"has previously accused" stays whole (an adverb of time inside the verb group belongs to
the cue, as PolNeAR's cues have "repeatedly pledged"); a cue that begins with a date
("failed on | Thursday to agree on |") is no cue at all.
"""

from __future__ import annotations

from spacy.tokens import Doc


def cue_end_before_time(doc: Doc, text: str, cue_start: int, cue_end: int) -> int | None:
    """The cue's end before the first time expression (``doc._.timexes``) after its verb, or
    ``cue_end``; None when the cue begins with a date's noun or number."""
    for timex in doc._.timexes or ():
        if timex.span[0] <= cue_start < timex.span[1] and _opens_with_a_day(doc, cue_start):
            return None
        if cue_start < timex.span[0] < cue_end and _verb_before(doc, cue_start, timex.span[0]):
            cue_end = cue_start + len(_without_signal(text[cue_start:timex.span[0]], timex.signal))
    return cue_end


def _verb_before(doc: Doc, start: int, end: int) -> bool:
    """True when a verb (not an auxiliary) stands between ``start`` and ``end``: a time
    expression after the cue's verb ends the cue ("said | on February 26"), one inside its verb
    group does not ("has previously accused", "has long argued")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or any(t.pos_ == "VERB" for t in span)


def _opens_with_a_day(doc: Doc, start: int) -> bool:
    """True when the word at ``start`` is a date's noun or number ("Thursday", "March"), not an
    adverb of time that belongs to the cue ("now hopes", "later said")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ in {"PROPN", "NOUN", "NUM"}


def _without_signal(before: str, signal: str | None) -> str:
    """``before`` without trailing space and the time expression's preposition ("said on")."""
    before = before.rstrip()
    if signal and before.lower().endswith(" " + signal.lower()):
        before = before[: -len(signal)].rstrip()
    return before
