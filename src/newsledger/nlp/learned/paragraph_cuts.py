"""A content within its cue's paragraph: the tagger lets a headline's content run into the
first paragraph, a quotation into the next paragraph's first words, or a content pick up a
piece of another paragraph. :func:`within_paragraph` cuts them, except where a quotation runs
on from one paragraph into the next in the news convention."""

from __future__ import annotations

import re

from ..quotes import OPENING_MARKS as QUOTE_OPENINGS, find_quotes

OPENING_MARKS = (*QUOTE_OPENINGS, "”")  # ” too: a paragraph opened with it by mistake
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def within_paragraph(spans: list[tuple[int, int]], cue_span: tuple[int, int], text: str) -> list[tuple[int, int]]:
    """Pieces cut at a blank line, keeping the side of the cue's paragraph: a content runs
    on past its paragraph only as a quotation continued in the news convention (the next
    paragraph opens with a quote mark). The tagger lets a headline's content run into the
    first paragraph, or a quotation into the next paragraph's first words."""
    kept = []
    for start, end in spans:
        # the breaks inside the piece, and between it and the cue unless it is a quotation
        # (whose speaker ``join_split_quotations`` may yet find): an unquoted piece of another
        # paragraph ("… over the next year. ¶ Defence | Secretary John Healey said") goes
        quoted = text.startswith(OPENING_MARKS, start)
        region = (start, end) if quoted else (min(start, cue_span[1]), max(end, cue_span[0]))
        for brk in list(PARAGRAPH_BREAK.finditer(text, *region)):
            if _quotation_runs_on(text, brk):
                continue  # a quotation continued into the next paragraph
            if cue_span[0] >= brk.end():
                start = max(start, brk.end())
            else:
                end = min(end, brk.start())
                break
        if end > start:
            kept.append((start, end))
    return kept


def _quotation_runs_on(text: str, brk: re.Match) -> bool:
    """True when a quotation runs on past the paragraph break ``brk`` in the news convention:
    the paragraph before leaves a quotation open and the next one opens with a quote mark.
    Not when the paragraph before holds no open quotation ("… said on Tuesday that ships had
    entered restricted waters." then ""We are seeing …," Koo told lawmakers.")."""
    if not text[brk.end():brk.end() + 2].startswith(OPENING_MARKS):
        return False
    before = text.rfind("\n", 0, brk.start())
    while before > 0 and not text[:before].rstrip(" \t\u00a0").endswith("\n"):
        before = text.rfind("\n", 0, before)  # a line break inside the paragraph
    begin = max(before, 0)
    closed = find_quotes(text, begin, brk.start())
    left = "".join(text[a:b] for a, b in zip([begin, *(q.end for q in closed)],
                                              [*(q.start for q in closed), brk.start()]))
    return any(mark in left for mark in QUOTE_OPENINGS)
