"""The source of a tagger's statement as the whole noun phrase it names (see :func:`whole_source`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ...model import Mention

# A dateline that opens a story's first paragraph: "BRUSSELS - ", "WASHINGTON, D.C. — ".
DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Za-z.'’]*)*\s+[-–—―]+\s+")
_SOURCE_MODIFIERS = {"det", "compound", "amod"}
_REFLEXIVES = {"himself", "herself", "itself", "themselves"}
_ARTICLES = {"the", "a", "an", "this", "that", "these", "those"}


def whole_source(doc: Doc, speaker: Mention | None, text: str) -> Mention | None:
    """The source as the whole noun phrase the tagger cut short: with the determiner,
    title or adjective before it that belong to it ("material" -> "the material",
    "Karl Ost" -> "Minister Karl Ost"), with a reflexive after it ("Macron himself"),
    without trailing punctuation ("Minister Karl Ost," -> "Minister Karl Ost") and without
    a dateline before it ("BRUSSELS - European leaders" -> "European leaders"). The
    speakers stage resolves "the material", not "material"."""
    if speaker is None or speaker.chain or speaker.name:
        return speaker
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return speaker
    first, last = span.start, span.end
    while last - 1 > first and doc[last - 1].is_punct:
        last -= 1
    while first > 0 and doc[first - 1].sent == span[0].sent and (
            doc[first - 1].dep_ in _SOURCE_MODIFIERS and first <= doc[first - 1].head.i < last
            or doc[first - 1].lower_ in _ARTICLES):  # "the material notes": "the" may hang on "notes"
        first -= 1
    if last < len(doc) and doc[last].lower_ in _REFLEXIVES and doc[last].head.i in range(first, last):
        last += 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    dateline = DATELINE.match(text, start, end)
    if dateline and dateline.end() < end:
        start = dateline.end()
    if (start, end) == tuple(speaker.span):
        return speaker
    return replace(speaker, text=text[start:end], span=(start, end))
