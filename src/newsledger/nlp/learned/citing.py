"""A report's verb when the tagger took the sourcing participle for its cue.

In "The Wall Street Journal reported, citing three US officials, that the Pentagon had drawn up
plans" the tagger may make "citing" the cue and "three US officials, that the Pentagon …" its
content; the report is the newspaper's "reported", and its content the "that" clause. "citing
three US officials" only says where the newspaper had it from (no statement of the officials
is made here: they are not quoted).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Statement
from ..spans import doc_text

_CITING = {"cite", "quote"}
_REPORTING = {"report", "say", "write", "tell", "announce", "state", "claim", "add"}


def reported_citing(doc: Doc, statement: Statement) -> Statement:
    """``statement`` with the reporting verb right before "citing …" ("reported, | citing") for its
    cue, and the "that" clause after the cited sources for its content; unchanged for any other
    statement (the parser may hang "citing" on the clause, so the words decide, not the tree)."""
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    citing = next((t for t in cue or () if t.lemma_.lower() in _CITING and t.tag_ == "VBG"), None)
    if citing is None or citing.i < 2 or len(statement.content_spans) != 1:
        return statement
    verb = doc[citing.i - 2] if doc[citing.i - 1].text == "," else doc[citing.i - 1]
    start, end = statement.content_spans[0]
    that = next((t for t in doc.char_span(start, end, alignment_mode="expand") or ()
                 if t.lower_ == "that" and t.dep_ == "mark"), None)
    if verb.lemma_.lower() not in _REPORTING or verb.pos_ != "VERB" or that is None:
        return statement
    return replace(statement, cue=verb.text, cue_span=(verb.idx, verb.idx + len(verb.text)),
                   content=doc_text(doc)[that.idx:end], content_spans=[(that.idx, end)])
