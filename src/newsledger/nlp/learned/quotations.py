"""A tagger's statements around quotations split by their cue, read as one statement.

PolNeAR (and newsledger's rules, ``layout.continue_quotes``) take '"Q1," X said. "Q2."' and
'"Q1," X said at a rally, "Q2."' for one statement of X in two pieces. The learned taggers
see windows of text and often give the pieces to two statements, or the second to the next
paragraph's cue. :func:`join_split_quotations` puts them back together; it changes nothing
else (indirect statements, and quotations another statement of the same paragraph claims,
are left as they are).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Statement
from ..layout import continue_quotes, continued_by
from ..spans import doc_quotes


def join_split_quotations(doc: Doc, text: str, statements: list[Statement]) -> list[Statement]:
    """``statements`` with the pieces of each split quotation in one statement (see the
    module docstring); ``text`` is ``doc.text``."""
    quotes = doc_quotes(doc)
    joined = [_to_cue_sentence_end(doc, st) for st in _one_per_cue(statements)]
    joined = _without_borrowed_continuations(text, joined, quotes)
    continue_quotes(text, joined, quotes)  # extends in place, as for the rules
    return joined


def _one_per_cue(statements: list[Statement]) -> list[Statement]:
    """Quotations on both sides of one cue ('"Q1," Trump said at a rally, "Q2."') are one
    statement in two pieces, as the rules read it, not two statements sharing a cue."""
    merged: list[Statement] = []
    at: dict[tuple[int, int], int] = {}
    for st in statements:
        i = at.get(tuple(st.cue_span))
        if i is None or "indirect" in (merged[i].quote, st.quote):
            at.setdefault(tuple(st.cue_span), len(merged))
            merged.append(st)
            continue
        first = merged[i]
        merged[i] = replace(first, content_spans=sorted({*map(tuple, first.content_spans), *map(tuple, st.content_spans)}),
                            content=f"{first.content} … {st.content}", speaker=first.speaker or st.speaker,
                            quote="direct" if first.quote == st.quote == "direct" else "mixed")
    return merged


def _to_cue_sentence_end(doc: Doc, statement: Statement) -> Statement:
    """The statement's sentence span reaching the end of its cue's sentence as spaCy splits
    it (the tagger's windows split at a closing quotation mark), so that a quotation after
    that sentence can be found to continue it."""
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if cue is None or statement.sentence_span is None:
        return statement
    end = cue.sent.end_char
    return statement if end <= statement.sentence_span[1] else \
        replace(statement, sentence_span=(statement.sentence_span[0], end))


def _without_borrowed_continuations(text: str, statements: list[Statement], quotes) -> list[Statement]:
    """Drop a statement whose whole content is a quotation that continues another statement's
    quotation ('"Q1," X said. "Q2."') while its own cue stands in a later paragraph: the
    tagger lends "Q2" to the next paragraph's cue ("Fowler argued"); it is X's."""
    starts = {q.start: q for q in quotes}
    continued = {(q.start, q.end) for q in (continued_by(text, st, starts) for st in statements) if q}
    return [st for st in statements
            if not (len(st.content_spans) == 1 and tuple(st.content_spans[0]) in continued
                    and "\n" in text[st.content_spans[0][1]:st.cue_span[0]])]
