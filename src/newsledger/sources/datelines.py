"""The dateline of wire copy, as text, and the agency it credits.

"SEOUL, March 2 (Reuters) - ", "BEIJING, May 20 (Xinhua) -- ", "AUSTIN, Texas (AP) — ",
"BRUSSELS - ", "MOSCOW, March 5. /TASS/. ", "New Delhi, Sep 5 (PTI) ", and a live blog's time
stamp "10:42 GMT — ". :data:`DATELINE` is the
pattern (what it takes and leaves is told in :mod:`newsledger.nlp.datelines`, which reads
datelines in the analysis); here it also gives the agency a story credits, which is the outlet
of a file that names none: :func:`credited_agency`.

Not read: a credit at the end of a story ("— Reuters"), a byline ("By Jane Doe, AP"), and a
dateline after the third line of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+)*"  # SEOUL, NEW DELHI, ST. LOUIS, GAZA/JERUSALEM
    r"(?:,[ ]+(?!" + MONTH + r"[ ]+\d)[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*)*)?"  # , Texas / , D.C.
    r"(?:,?[ ]+" + MONTH + r"[ ]+\d{1,2}(?:,[ ]+\d{4})?)?"  # , March 2 / , March 2, 2026
    r"(?:[ ]*\.?[ ]*(?:\((?P<agency>[A-Za-z][\w.&' ]*)\)|/(?P<slashed>[A-Z][\w.&' ]*)/))?\.?"  # (Reuters) / /TASS/.
    r"(?:[ ]*[-–—―]+[ ]+|(?<=/\.)[ ]+)"  # then a dash (or, after "/TASS/.", a space)
    r"(?=[A-Z\"“‘'])"  # and a sentence: "NATO - the alliance said" is no dateline
    # or a place in any case with a date and an agency, no dash: "New Delhi, Sep 5 (PTI) India …",
    # "NEW DELHI, Aug 19 (PTI) Union Home Minister …"
    r"|[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){0,2},[ ]+" + MONTH + r"[ ]+\d{1,2}(?:,[ ]+\d{4})?[ ]+"
    r"\((?P<dashless>[A-Z][A-Za-z.&]*)\)[ ]+"
    r"(?=[A-Z\"“‘'])"
    # or a live blog's time stamp: "10:42 GMT — ", "14:05 - ", "9.30am: "
    r"|\d{1,2}[:.]\d{2}(?:[ ]?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|EST|EDT|PST|PDT|ET|PT|"
    r"a\.m\.|p\.m\.|am|pm))?[ ]*(?:[-–—―]+[ ]+|:[ ]+)"
    r"(?=[A-Z\"“‘'])"
)
_LINES_READ = 3  # a headline, a standfirst, then the dateline


def opening_lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Each line of ``text`` from ``start`` on, as (where its first non-space character is, where
    it ends); a blank line gives two equal offsets. Readers of a dateline stop after a few."""
    while True:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        yield start + len(line) - len(line.lstrip()), end
        if end >= len(text):
            return
        start = end + 1


def credited_agency(text: str, start: int = 0) -> str | None:
    """The agency credited by the dateline opening one of the first lines of ``text`` from
    ``start`` ("Reuters" of "SEOUL, March 2 (Reuters) - Kim …", "TASS" of "MOSCOW, March 5.
    /TASS/. …"), or None: no dateline there, or one that credits no agency ("BRUSSELS - ")."""
    lines = (line for first, end in opening_lines(text, start) if (line := text[first:end].strip()))
    for line in islice(lines, _LINES_READ):
        found = DATELINE.match(line)
        if found is not None:
            agency = found.group("agency") or found.group("slashed") or found.group("dashless")
            return agency.strip() if agency else None
    return None
