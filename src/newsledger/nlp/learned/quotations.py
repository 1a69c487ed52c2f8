"""A tagger's statements around quotations split by their cue, read as one statement.

PolNeAR (and newsledger's rules, ``layout.continue_quotes``) take '"Q1," X said. "Q2."' and
'"Q1," X said at a rally, "Q2."' for one statement of X in two pieces. The learned taggers
see windows of text and often give the pieces to two statements, or the second to the next
paragraph's cue, or to a cue before it that does not introduce it ('"Q1," Obama said at a
dinner, where Mrs. Clinton also spoke. "Q2."'). :func:`join_split_quotations` puts them back
together; it changes nothing else (indirect statements, and quotations that a cue introduces,
'Y replied: "Q2"' or '"Q2," Y said', are left as they are).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from ...model import Statement
from ..layout import continue_announcements, continue_quotes, continued_by
from ..spans import doc_quotes
from .paragraph_cuts import PARAGRAPH_BREAK

EXAMPLE_WORDS = {"including", "as", "like", "namely"}  # "…, including, "Q2"": the quotation is the example


def join_split_quotations(doc: Doc, text: str, statements: list[Statement]) -> list[Statement]:
    """``statements`` with the pieces of each split quotation in one statement (see the
    module docstring); ``text`` is ``doc.text``."""
    quotes = doc_quotes(doc)
    joined = [_to_cue_sentence_end(doc, st) for st in _one_per_cue(text, statements)]
    joined = _without_borrowed_continuations(text, joined, quotes)
    joined = _reclaim_continuations(text, joined, quotes)
    joined = _past_a_participle(text, joined, quotes)
    continue_quotes(text, joined, quotes)  # extends in place, as for the rules
    joined = continue_announcements(text, joined)
    return joined


def _one_per_cue(text: str, statements: list[Statement]) -> list[Statement]:
    """Quotations on both sides of one cue ('"Q1," Trump said at a rally, "Q2."') are one
    statement in two pieces, as the rules read it, not two statements sharing a cue."""
    merged: list[Statement] = []
    at: dict[tuple[int, int], int] = {}
    for st in statements:
        i = at.get(tuple(st.cue_span))
        if i is not None and merged[i].quote == st.quote == "indirect" \
                and (merged[i].content_start < st.cue_span[0]) != (st.content_start < st.cue_span[0]):
            # "a rebellion over | welfare cuts |, with lawmakers | threatening | to vote against": the
            # words before the source are not what the cue says when words after it are, unless
            # they stand right before it and the words after are in another sentence ("A global
            # climate accord could not …, he said. It had to …")
            before, after = (merged[i], st) if merged[i].content_start < st.cue_span[0] else (st, merged[i])
            merged[i] = before if _fronted(text, before) and "." in text[after.cue_span[1]:after.content_start] \
                else after
            continue
        if i is None or "indirect" in (merged[i].quote, st.quote):
            at.setdefault(tuple(st.cue_span), len(merged))
            merged.append(st)
            continue
        first = merged[i]
        merged[i] = replace(first, content_spans=sorted({*map(tuple, first.content_spans), *map(tuple, st.content_spans)}),
                            content=f"{first.content} … {st.content}", speaker=first.speaker or st.speaker,
                            quote="direct" if first.quote == st.quote == "direct" else "mixed")
    return merged


def _fronted(text: str, statement: Statement) -> bool:
    """The content stands right before its source and cue, a comma between ("…, he said")."""
    reader = statement.speaker.span[0] if statement.speaker is not None else statement.cue_span[0]
    return not text[statement.content_spans[-1][1]:min(reader, statement.cue_span[0])].strip(" ,\"”’'")


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


def _reclaim_continuations(text: str, statements: list[Statement], quotes) -> list[Statement]:
    """A quotation that opens a sentence after '"Q1," X said …' in the same paragraph, with no
    quotation between, is X's ('"Q1," Obama said after meeting Putin. He didn't suggest
    retaliation. "Q2."'), taken back from a cue that does not introduce it: one after it
    in another sentence or paragraph (the tagger gave "Q2" to "Schiff called" below), or one
    before it not followed by ":" or "," ("… in Washington, where Mrs. Clinton also spoke.
    "Q2."'). A cue that introduces its quotation ('"Q2," Y said'; 'Y added: "Q2"') keeps it."""
    out = list(statements)
    for n, quote in enumerate(quotes):
        i = next((k for k, st in enumerate(out) if _only_quotation(st, quote)), None)
        if i is None or _introduces(text, out[i], quote):
            continue
        owner = _quoted_before(text, out, quote, quotes[n - 1].start if n else -1)
        if owner is None or owner == i:
            continue
        first = out[owner]
        out[owner] = replace(first, content_spans=[*first.content_spans, (quote.start, quote.end)],
                             content=f"{first.content} … {text[quote.start:quote.end]}",
                             quote="direct" if first.quote == "direct" else "mixed")
        out[i] = None
    return [st for st in out if st is not None]


def _only_quotation(statement: Statement | None, quote) -> bool:
    return statement is not None and bool(statement.content_spans) and all(
        quote.start - 2 <= a and b <= quote.end + 2 for a, b in statement.content_spans) and \
        sum(b - a for a, b in statement.content_spans) >= (quote.end - quote.start) // 2


def _introduces(text: str, statement: Statement, quote) -> bool:
    cue_start, cue_end = statement.cue_span
    if cue_start >= quote.end:  # '"Q2," Y said': the cue follows in the same sentence
        between = text[quote.end:cue_start]
        return "\n" not in between and not any(ch in ".!?" for ch in between.strip()[:1])
    if cue_end <= quote.start:  # 'Y added: "Q2"', 'Y said "Q2"'
        between = text[cue_end:quote.start].strip()
        return between == "" or between.endswith((":", ",")) or "\n" not in text[cue_end:quote.start] and \
            not any(ch in ".!?" for ch in between)
    return True


def _quoted_before(text: str, statements: list[Statement | None], quote, previous_start: int) -> int | None:
    """The direct statement '"Q1," X said …' of the quotation's paragraph that ``quote``
    continues: its content ends before its cue, the quotation opens a sentence after that
    cue, and no other quotation lies between (the cue comes after ``previous_start``, where
    the quotation before this one begins; quotations are in text order)."""
    paragraph = text.rfind("\n", 0, quote.start) + 1
    if not text[paragraph:quote.start].rstrip().endswith((".", "!", "?")):
        return None
    best = None
    for k, st in enumerate(statements):
        if st is None or st.quote == "indirect" or not st.content_spans:
            continue
        cue_end = st.cue_span[1]
        if not (paragraph <= st.content_spans[0][0] and st.content_spans[-1][1] <= st.cue_span[0] and cue_end <= quote.start):
            continue
        if cue_end <= previous_start:
            continue
        if best is None or cue_end > statements[best].cue_span[1]:
            best = k
    return best


def _past_a_participle(text: str, statements: list[Statement], quotes) -> list[Statement]:
    """'“Q1,” Tester said, referring to the excuse, “Q2.”': the second quotation goes on
    with the first, past a participle clause between commas; the tagger gives it to the
    participle ("referring to" + "the excuse, “Q2”"), which keeps the rest of its content. A
    participle with nothing else to say ('“Q1,” he said, adding, “Q2”') or giving an example
    ('… suggesting questions, including, “Q2”') keeps its quotation."""
    out = list(statements)
    for i, st in enumerate(out):
        if st.quote == "indirect" or not st.content_spans or st.content_spans[-1][1] > st.cue_span[0]:
            continue
        quote = next((q for q in quotes if q.start >= st.cue_span[1]), None)
        between = text[st.cue_span[1]:quote.start] if quote else ""
        if not between.startswith(",") or not between.rstrip().endswith(",") or any(c in between for c in ".!?\n"):
            continue
        taker = next((k for k, other in enumerate(out) if k != i and st.cue_span[1] <= other.cue_span[0] < quote.start
                      and any(a <= quote.start < b for a, b in other.content_spans)), None)
        if taker is None:
            continue
        cut = text.rindex(",", 0, quote.start)
        rest = [(a, min(b, cut)) for a, b in out[taker].content_spans if a < cut]
        if not rest or text[rest[-1][0]:rest[-1][1]].split()[-1].lower() in EXAMPLE_WORDS:
            continue  # '"Q1," he said, adding, "Q2"' and '… suggesting questions, including, "Q2"' keep Q2
        out[taker] = replace(out[taker], content_spans=rest, content=" … ".join(text[a:b] for a, b in rest),
                             quote="indirect")
        out[i] = replace(st, content_spans=[*st.content_spans, (quote.start, quote.end)],
                         content=f"{st.content} … {text[quote.start:quote.end]}")
    return [st for st in out if st is not None]


def without_pieces_of_later_quotations(text: str, statements: list[Statement]) -> list[Statement]:
    """A quotation left open at its paragraph's end runs on to the cue after it ('"We will
    continue to do so as long as it is necessary. ¶ "But there are limits," he said'): when the
    tagger also gave its first paragraph to the cue before it ('"…," Scholz told a meeting'),
    the piece is dropped from that statement, which keeps its other pieces."""
    def later(st: Statement, n: int, a: int, b: int) -> bool:
        return n > 0 and a >= st.cue_span[1] and _left_open(text, b) \
            and any(other is not st and other.cue_span[0] >= b and _within(other, a, b) for other in statements)

    return [_without_pieces(text, st, later) for st in statements]


def without_pieces_of_earlier_quotations(text: str, statements: list[Statement]) -> list[Statement]:
    """A quotation of an earlier paragraph that a statement there holds is not the content of a
    cue in a later paragraph: in '"India strongly rejects these allegations," Jaiswal said at the
    briefing. "The Canadian government has not shared a shred of evidence." ¶ Jaiswal said New
    Delhi would take "appropriate steps" …' the tagger gave the second "said" the first
    paragraph's last quotation too; the piece is dropped from it, which keeps its other pieces."""
    starts = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text))]  # once per text, not per piece

    def paragraph(at: int) -> int:
        return starts[bisect.bisect_right(starts, at) - 1]

    def earlier(st: Statement, n: int, a: int, b: int) -> bool:
        own = paragraph(st.cue_span[0])
        return b <= own and any(other is not st and other.cue_span[1] <= own and _within(other, a, b)
                                and paragraph(other.cue_span[0]) == paragraph(a) for other in statements)

    return [_without_pieces(text, st, earlier, keep_one=True) for st in statements]


_NAMING = {"call", "describe", "label", "dub", "brand", "term"}


def without_pieces_of_later_cues(text: str, statements: list[Statement]) -> list[Statement]:
    """A piece after a later naming cue ("calling", "describing … as") and inside that
    statement's content is that statement's: in '"We're going to make them pay twice as much,"
    Trump said, calling Spain's position "terrible."' the tagger gave "said" the quoted
    "terrible." too; the piece is dropped from it, which keeps its other pieces. (A quotation
    after "adding" or another "said" may continue the first: PolNeAR gives it both.)"""
    def named_by_later(st: Statement, n: int, a: int, b: int) -> bool:
        return n > 0 and any(other is not st and st.cue_span[1] <= other.cue_span[0] and other.cue_span[1] <= a
                             and other.extra.get("cue_lemma") in _NAMING and _within(other, a, b)
                             for other in statements)

    return [_without_pieces(text, st, named_by_later) for st in statements]


def _without_pieces(text: str, st: Statement, others: Callable[[Statement, int, int, int], bool],
                    keep_one: bool = False) -> Statement:
    """``st`` without the pieces ``others(st, index, start, end)`` gives to other statements (none
    dropped with ``keep_one`` when that would leave it no piece)."""
    kept = [(a, b) for n, (a, b) in enumerate(st.content_spans) if not others(st, n, a, b)]
    if len(kept) == len(st.content_spans) or keep_one and not kept:
        return st
    return replace(st, content_spans=kept, content=" … ".join(text[a:b] for a, b in kept))


def _within(statement: Statement, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in statement.content_spans)


def _left_open(text: str, end: int) -> bool:
    """True when a piece ends its paragraph with no closing quotation mark."""
    return text[end - 1:end] not in ('"', "”", "’", "'", "»") and text[end:].lstrip(" \t").startswith("\n")
