"""Names in headlines written in title case.

In "Obama Seeks More Muslim Refugees", "Black Lawmakers Rip Donald Trump" or "Gold Star
Mom Corners Obama" every long word is capitalised, so capitals are no evidence of a name
and the entity recogniser takes verbs and common nouns for parts of names ("Obama Seeks",
"Rip Donald Trump", "Gold Star Mom Corners Obama"). :class:`HeadlineNames` keeps a name
found in such a line only as far as the article's other lines name it too: "Obama Seeks"
is "Obama", "Rip Donald Trump" is "Donald Trump", and "Gold Star Mom" or "New Poll",
named nowhere else, is no name at all.

Not handled: a headline in sentence case (its capitals are evidence, as in any sentence)
and a name that only the headline gives (it is dropped, as the recogniser cannot be
trusted there).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from .nominals import NAME_PARTICLES
from .spans import doc_text

MIN_WORDS = 4  # shorter lines ("Mike Lee", "By Jane Doe") are too short to tell title case
LONG_WORD = 4  # title case capitalises every word this long; short function words may stay lower
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Short words title case leaves in lower case; any other lower-case word ("met" in "Chancellor
# Friedrich Merz met President Emmanuel Macron in Paris") makes the line a sentence of names.
TITLE_CASE_LOWER = {"and", "the", "for", "but", "nor", "yet", "via", "per", "off", "out", "del", "des", "les",
                    *NAME_PARTICLES}  # "von der Leyen"


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of at least four words whose words of four or more
    letters all begin with a capital, and whose shorter words in lower case are those title
    case leaves so ("and", "the", "for", …)."""
    lines = []
    for line in _LINE.finditer(text):
        words = _WORD.findall(line.group())
        long_words = [w for w in words if len(w) >= LONG_WORD]
        lowered = [w for w in words if len(w) >= 3 and w[0].islower() and w not in TITLE_CASE_LOWER]
        if len(words) >= MIN_WORDS and long_words and all(w[0].isupper() for w in long_words) and not lowered:
            lines.append(line.span())
    return lines


def in_headline(text: str, body_start: int, at: int) -> bool:
    """``at`` is on the body's first line and that line is a headline: no full stop at its end,
    and more text after it (a one-sentence text is no headline)."""
    end = text.find("\n", body_start)
    return end > at and bool(text[end:].strip()) and not text[body_start:end].rstrip().endswith((".", "!", "?"))


def in_first_line(doc: Doc, at: int) -> bool:
    """``at`` is on the body's first line: a headline's, or a lead's that opens the story."""
    return "\n" not in doc_text(doc)[doc._.body_start or 0:at]


def in_lead(doc: Doc, at: int) -> bool:
    """``at`` is in the paragraph after a headline (a first line that ends in no full stop, its
    closing quote mark aside), the lead, whose "A federal judge" the story names next ("U.S.
    District Judge Carlton Reeves wrote …"); never in the headline itself."""
    text = doc_text(doc)
    first_end = text.find("\n", doc._.body_start or 0)
    if not _has_headline(doc):
        return False  # no headline ('… said the statute was "hopelessly vague."'): the first line is the lead
    lead_start = len(text) - len(text[first_end:].lstrip())
    return lead_start <= at and "\n" not in text[lead_start:at]


def _has_headline(doc: Doc) -> bool:
    """The body's first line is a headline: it ends in no full stop (its closing quote aside)."""
    text = doc_text(doc)
    start = doc._.body_start or 0
    first_end = text.find("\n", start)
    first_line = text[start:first_end].rstrip().rstrip("\"”’'") if first_end >= 0 else ""
    return bool(first_line) and not first_line.endswith((".", "!", "?"))


def without_time_clause(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A headline's content without the writer's clause of what goes on meanwhile: "Pritzker
    threatens to sue | as Duffy sets deadline on Chicago transit funds", "Orban concedes defeat |
    as Magyar's Tisza wins Hungarian election". Only in a headline, and only an "as" that opens a
    clause with its own verb ("… as a threat" stays)."""
    if not spans or not _has_headline(doc) or not in_first_line(doc, spans[-1][0]):
        return spans
    start, end = spans[-1]
    piece = doc.char_span(start, end, alignment_mode="expand")
    mark = next((t for t in piece or [] if t.lower_ == "as" and t.dep_ == "mark" and t.idx > start
                 and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i), None)
    if mark is None:
        return spans
    cut = len(doc_text(doc)[start:mark.idx].rstrip())
    return spans[:-1] + [(start, start + cut)] if cut > 0 else spans[:-1]


class HeadlineNames:
    """Which part of a name found in a title-case line the rest of the article confirms."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lines = title_case_lines(self.text)
        self._starts = [start for start, _ in self.lines]
        outside = [ent for ent in doc.ents if ent.label_ in NAME_LABELS and not self.in_headline(ent.start_char)]
        self.known = {_key(ent.text) for ent in outside}
        # a family name alone confirms a headline's "Obama Seeks" ("President Barack Obama"),
        # but no other single word ("House" is not the "White House")
        self.surnames = {_key(ent.text.split()[-1]) for ent in outside if ent.label_ == "PERSON" and " " in ent.text}

    def in_headline(self, offset: int) -> bool:
        """Whether the character at ``offset`` is in a title-case line."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self.lines[k][1]

    def confirmed(self, name: str, start: int) -> tuple[str, int] | None:
        """``name`` as written at ``start``, or the longest run of its words the article names
        outside title-case lines, with that run's start; None when nothing of it is named
        elsewhere. Words may go from the end of the name only when they are verbs ("Obama
        Seeks"): a noun there is the name's head ("Gold Star Mom" is not "Gold Star"). A
        name outside title-case lines is returned as it is."""
        if not self.in_headline(start):
            return name, start
        words = [(m.group(), m.start()) for m in re.finditer(r"\S+", name)]
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                run = words[first:first + size]
                if not all(self._verb(start + at) for _, at in words[first + size:]):
                    continue
                text = name[run[0][1]:run[-1][1] + len(run[-1][0])]
                if _key(text) in (self.known if size == len(words) or size > 1 else self.surnames):
                    return text, start + run[0][1]
        return None

    def _verb(self, offset: int) -> bool:
        """Whether the word at ``offset`` is tagged as a verb ("Seeks" in "Obama Seeks")."""
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return token is not None and len(token) > 0 and token[0].tag_.startswith("VB")


def _key(name: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", name.strip()).lower()
