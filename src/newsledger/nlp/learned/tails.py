"""A quotation at the end of one statement's content that belongs to the cue right after it.

News writing often runs a paraphrase into a quotation and then names the speaker again:

    Mr. Obama warned that the museum would not be a panacea. "A museum alone will not
    alleviate poverty," he said. "It won't eliminate gun violence."

PolNeAR (and a reader) gives the paraphrase to "warned" and both quoted sentences to "he
said". The tagger often tags "he" and "said" but no content start at the quotation, so the
decoder reads one long content for "warned" and "he said" is left without a content and
dropped. :func:`give_quoted_tails` hands the quotation (and the content's pieces after
"he said") to that cue.

Changed: only a statement whose content piece ends in a quoted sentence of its own (a
quote mark opening a sentence after the piece's first sentence), cut by a comma right
before a cue with a source and no content of its own (''"A," he said''; nothing but
spaces, punctuation and quote marks between them). Not changed: a quotation inside a
sentence ('DuVernay said she felt it was worth examining because "most people don't know,"
she said', which PolNeAR leaves to the first cue), a content that is one quotation from its
start (whose cue is then already the tagger's choice), a cue without a source, and a
quoted sentence followed by a full stop ('"A." Trump made this statement').
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Mention, Statement
from ..quotes import OPENING_MARKS as QUOTE_OPENINGS, Quote, quote_kind

Span = tuple[int, int]
OPENING_MARKS = (*QUOTE_OPENINGS, "‘")
MAX_BETWEEN = 8  # characters of punctuation and quote marks between the tail and its cue
SENTENCE_ENDS = (".", "!", "?", ".”", '."', ".''", "?”", '?"', "!”")


def give_quoted_tails(text: str, statements: list[Statement], frames: list[tuple[Span, Span]],
                      quotes: list[Quote]) -> list[Statement]:
    """``statements`` with each quoted tail moved to the cue-and-source ``frame`` right after
    it, as a statement of its own (see the module docstring). ``frames`` are the
    ``(cue_span, source_span)`` pairs the decoder found no content for."""
    out = list(statements)
    for cue_span, source_span in frames:
        frame = (min(cue_span[0], source_span[0]), max(cue_span[1], source_span[1]))
        for i, statement in enumerate(out):
            split = _split_at_tail(text, statement, frame)
            if split is None:
                continue
            kept, moved = split
            out[i] = _with_spans(text, statement, kept, quotes)
            out.append(_for_frame(text, statement, cue_span, source_span, moved, quotes))
            break
    out.sort(key=lambda s: (s.content_start, s.cue_span[0]))
    return out


def _for_frame(text: str, statement: Statement, cue_span: Span, source_span: Span,
               spans: list[Span], quotes: list[Quote]) -> Statement:
    """A statement of the frame's cue and source over ``spans``, otherwise like ``statement``."""
    cue = text[cue_span[0]:cue_span[1]]
    extra = {**statement.extra, "cue_lemma": cue.lower(), "cue_chars": [cue_span], "source_chars": [source_span]}
    speaker = Mention(text=text[source_span[0]:source_span[1]], span=source_span)
    return _with_spans(text, replace(statement, cue=cue, cue_span=cue_span, speaker=speaker, extra=extra),
                       spans, quotes)


def _split_at_tail(text: str, statement: Statement, frame: Span) -> tuple[list[Span], list[Span]] | None:
    """The content pieces ``statement`` keeps and those it gives to ``frame``, or None."""
    if frame[0] <= statement.cue_span[0] < frame[1]:
        return None
    pieces = sorted(statement.content_spans)
    for k, (start, end) in enumerate(pieces):
        if not 0 <= frame[0] - end <= MAX_BETWEEN or any(ch.isalnum() for ch in text[end:frame[0]]):
            continue
        words = [i for i in range(start, end) if text[i].isalnum()]
        if not words or "," not in text[words[-1]:frame[0]]:
            return None  # '“A.” Trump made …' starts a sentence; '“A,” he said' cuts one
        opening = _quoted_sentence_start(text, start, words[-1])
        if opening is None or start < statement.cue_span[0] < opening:
            return None
        kept = [*pieces[:k], (start, _before_spaces(text, start, opening))]
        after = [p for p in pieces[k + 1:] if p[0] >= frame[1]]
        return kept, [(opening, end), *after]
    return None


def _quoted_sentence_start(text: str, start: int, end: int) -> int | None:
    """Where in ``text[start:end]`` the last sentence that opens with a quote mark begins,
    when some words come before it; None when there is none."""
    for i in range(end - 1, start, -1):
        if not text.startswith(OPENING_MARKS, i) or (i > 0 and text[i - 1] in "'`"):
            continue
        before = text[start:i].rstrip()
        if before.endswith(SENTENCE_ENDS) and any(ch.isalnum() for ch in before):
            return i
    return None


def _before_spaces(text: str, start: int, end: int) -> int:
    """The end of ``text[start:end]`` without trailing spaces, nor a full stop that ends a
    sentence (PolNeAR's contents leave it out) rather than an abbreviation ("N.C.")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    last_word = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
    if last_word.endswith(".") and "." not in last_word[:-1]:
        end -= 1
    return end


def _with_spans(text: str, statement: Statement, spans: list[Span], quotes: list[Quote]) -> Statement:
    return replace(statement, content_spans=spans, content=" ... ".join(text[a:b] for a, b in spans),
                   quote=quote_kind(spans, quotes))


def without_narrative_after(text: str, spans: list[Span], cue_span: Span) -> list[Span]:
    """A quotation's content without the unquoted pieces after its own cue ('“It never
    crossed my mind,” she said several months after her release, and a big reason … was
    Trump': the tagger ran on through "she said" into the writer's narrative). Kept: a
    quotation that goes on after the cue ('“A,” she said, “B.”', '"A," he said, but "B"') and
    any content that does not open with a quotation ending before its cue."""
    if not spans or text[spans[0][0]:spans[0][0] + 1] not in OPENING_MARKS or spans[0][1] > cue_span[0]:
        return spans
    return [(a, b) for a, b in spans if a < cue_span[1] or any(mark in text[a:b] for mark in OPENING_MARKS)]
