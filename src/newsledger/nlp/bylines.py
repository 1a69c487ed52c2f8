"""Who wrote an article, by its byline: "By Anna Lindqvist" on a line of its own near the top.

:func:`byline` finds the author's name (up to four capitalised words, "and" a second author
ignored, an outlet after a comma or "for" left off: "By Jane Doe, Reuters"). The speakers
stage makes the author the speaker of an "I" outside quotation marks: in an opinion piece,
"For three years, I have argued that Europe cannot outsource its security" is the author's
statement, not an anonymous one.

Not read: an author named only at the end ("Anna Lindqvist is a former Swedish defence
minister."), a byline inside running text, or "By" lines of a photo credit.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .spans import doc_text

# the byline's line, all of it: "By Anna Lindqvist", "BY JANE DOE", "By Jane Doe, Reuters",
# "By Jane Doe and John Roe"; not a sentence ("By Monday evening, the talks had collapsed.")
_NAME_WORD = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^[ \t]*(?:By|BY|by)[ \t]+({_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|de|van|von|bin|al)){{1,3}})"
                     rf"(?:[ \t]*(?:,|and|for)[ \t]+[A-Z][^\n.!?]{{0,60}})?[ \t]*$", re.MULTILINE)
_NOT_PEOPLE = {"news", "staff", "press", "agency", "reuters", "editorial", "board", "desk", "reporters", "wire"}
_SEARCHED = 600  # characters of the body searched: a byline stands near the top


def byline(doc: Doc) -> tuple[str, tuple[int, int]] | None:
    """The author's name and its character span, from a byline near the body's start; None
    when there is none."""
    text = doc_text(doc)
    start = doc._.body_start or 0
    found = _BYLINE.search(text, start, start + _SEARCHED)
    if found is None or _NOT_PEOPLE & set(found.group(1).lower().split()):
        return None  # "By ABC News", "By Staff Reporters": no one person
    return found.group(1), found.span(1)
