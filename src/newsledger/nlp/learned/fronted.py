"""The subject of a content that stands before its parenthetical source and cue.

News writing often sets the source and cue between commas inside what was said:

    These employees, Stumpf explained earlier in the committee hearing, were "well-paid".
    Hawaii, as one of Mr. Obama's climate advisers pointed out, normally does not get
    back-to-back hurricanes.

A reader (and PolNeAR) takes "These employees" and "were well-paid" as one content in two
pieces. The tagger often tags only the piece after the cue, which leaves a content with no
subject ("were well-paid"). :func:`with_fronted_subject` gives it back its first piece.

Changed: a content whose first word is a verb (after adverbs: "normally does"), whose source
and cue stand right before it between commas (an adjunct after the cue allowed: "explained
earlier in the committee hearing,"; "as" before the source allowed), and whose sentence
begins with a noun phrase and no verb up to that comma ("These employees", "The museum").
Not changed: a fronted clause ("the air pollution had become so bad, Mr. Obama noted, that
…"), a fronted adjunct ("In 2014, he said, …"), a content with a subject of its own ("Too
often, Mr. Clarke said, the debate …"), and anything inside quotation marks.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

Span = tuple[int, int]
MAX_SUBJECT_TOKENS = 10
MAX_ADJUNCT = 60  # characters between the cue and the comma that closes the parenthesis
_CLOSING = re.compile(r"[^,;:.!?\"“”'‘’\n]{0,%d},\s*$" % MAX_ADJUNCT)
_OPENING = re.compile(r",\s*(?:as\s+)?$")
_NOT_A_SUBJECT_START = {"ADP", "SCONJ", "CCONJ", "PUNCT", "VERB", "AUX"}
_SUBJECT_HEADS = {"NOUN", "PROPN", "PRON"}


def with_fronted_subject(doc: Doc, spans: list[Span], frame: Span, text: str) -> list[Span]:
    """``spans`` with the fronted subject before ``frame`` (the source and cue together)
    added as a first piece, when the module docstring's conditions hold; else ``spans``."""
    if not spans or not frame[1] <= spans[0][0]:
        return spans
    if not _CLOSING.fullmatch(text[frame[1]:spans[0][0]]) or not _starts_with_verb(doc, spans[0]):
        return spans
    opening = _OPENING.search(text, 0, frame[0])
    if opening is None:
        return spans
    comma = opening.start()
    framed = doc.char_span(frame[0], frame[1], alignment_mode="expand")
    content = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    if framed is None or content is None or framed.sent.start != content.sent.start:
        return spans
    subject = doc.char_span(framed.sent.start_char, comma, alignment_mode="contract")
    if subject is None or not _is_noun_phrase(subject):
        return spans
    return [(subject.start_char, subject.end_char), *spans]


def _starts_with_verb(doc: Doc, span: Span) -> bool:
    """The span's first word, after adverbs, is a verb: the content lacks its subject."""
    content = doc.char_span(span[0], span[1], alignment_mode="expand")
    if content is None:
        return False
    for token in content:
        if token.pos_ != "ADV":
            return token.pos_ in {"VERB", "AUX"}
    return False


def _is_noun_phrase(subject) -> bool:
    """A short run of words with a noun and no verb, not an adjunct nor a quotation."""
    if not 0 < len(subject) <= MAX_SUBJECT_TOKENS or subject[0].pos_ in _NOT_A_SUBJECT_START:
        return False
    if any(token.is_quote or token.pos_ in {"VERB", "AUX"} for token in subject):
        return False
    return any(token.pos_ in _SUBJECT_HEADS for token in subject)
