"""Datelines: where (and often when, and through which agency) a story was filed.

Wire copy opens its first paragraph with one: "SEOUL, March 2 (Reuters) - ", "BEIJING, May
20 (Xinhua) -- ", "AUSTIN, Texas (AP) — ", "BRUSSELS - ", "MOSCOW, March 5. /TASS/. ". It
is nobody's words and names nobody who spoke: a statement's source or content that begins
at the paragraph's start begins after it (:func:`after_dateline`), so "SEOUL, March 2
(Reuters) - Kim Yo Jong warned" is Kim's, not South Korea's.

Recognised: a place in capitals at the start of a line (one or more words, "NEW DELHI",
"ST. LOUIS"), optionally followed by a region in any case (", Texas", ", D.C."), a date
(", March 2"), an agency in parentheses or slashes ("(AP)", "/TASS/"), then a dash. Not
recognised: a colon ("NEW DELHI: "), which transcripts use for speakers ("TRUMP: Wrong."),
and a place not in capitals ("Seoul - "), which is as often a headline's first words, unless a
date and an agency follow it, as the Press Trust of India writes ("New Delhi, Sep 5 (PTI) ").
(The layout rules tell a place before a colon, "ISLAMABAD: ", from a speaker's label.)
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice

from newsledger.countries import country_named
from newsledger.nlp.timex_patterns import MONTHS
from newsledger.sources.datelines import DATELINE, MONTH, opening_lines

_SPACES = re.compile(r"\s*")
_MONTH = MONTH


def after_dateline(text: str, start: int, end: int | None = None) -> int:
    """Where a span that begins at ``start`` begins once a dateline opening a line there (after
    spaces: a header blanked out) is left out: ``start`` itself when there is none, or when the dateline would take the
    whole span (up to ``end``)."""
    found = dateline_end(text, start, end)
    if found is None or (end is not None and found >= end):
        return start
    return found


def dateline_end(text: str, start: int, end: int | None = None) -> int | None:
    """Where the dateline that opens the line at ``start`` (after spaces) ends, or None."""
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return None  # not at a line's start
    # the first character that is not a space, without copying the rest of the text: the
    # attribution rules ask this of every subject that opens a line
    first = _SPACES.match(text, start, len(text) if end is None else end).end()
    found = DATELINE.match(text, first)
    return None if found is None else found.end()


# A place in capitals before a colon, as South Asian papers open their stories ("ISLAMABAD: ")
_COLON_DATELINE = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*):\s")
_PLACE = re.compile(r"[A-Z][A-Za-z.'’\- ]*?(?=\s*[,(:/—–-]|\s*$)")


def in_dateline(text: str, span: tuple[int, int]) -> bool:
    """True for the filing day of a dateline ("MOSCOW, March 7 (Reuters) -"), which dates the
    story, not what the line says."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    end = dateline_end(text, line_start)
    return end is not None and span[1] <= end


def dateline_place(text: str, start: int) -> str | None:
    """The place of a dateline opening the line at ``start`` ("WASHINGTON" of "WASHINGTON, Dec 8
    (Reuters) - ", "ISLAMABAD" of "ISLAMABAD: "), or None."""
    colon = _COLON_DATELINE.match(text, start)
    if colon is not None:
        return colon.group(1)
    if dateline_end(text, start) is None:
        return None
    found = _PLACE.match(text, start)
    return found.group(0).strip() if found else None


def without_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans``, each begun after a dateline it opens with ("SEOUL, March 2 (Reuters) - | Kim
    Yo Jong warned …"; :func:`after_dateline`) or begins inside ("TOKYO, | Feb 4 (Kyodo) - …"),
    and left out when it is no more than the dateline's words ("MANILA": a content run on from a headline, cut at its paragraph)."""
    kept = []
    for start, end in spans:
        found = dateline_end(text, start, end)
        line = text.rfind("\n", 0, start) + 1
        if found is None and line < start:  # begun inside the dateline: "TOKYO, | Feb 4 (Kyodo) - Japan …"
            found = dateline_end(text, line)
            found = found if found is not None and found > start else None
        if found is None:
            kept.append((start, end))
        elif found < end:
            kept.append((found, end))
    return kept


_DAY = re.compile(r"\b(" + _MONTH + r")[ ]+(\d{1,2})\b")
MAX_DATELINE_AGE = 31  # days a story's dateline may precede the date it was published or collected


def dateline_day(text: str, start: int, published: dt.date | None) -> dt.date | None:
    """The day a dateline near ``start`` gives its story ("AUSTIN, Texas, July 23 (Reuters) -"
    read in a file of August 5 is July 23), in the year that puts it on or before ``published``
    and at most :data:`MAX_DATELINE_AGE` days before it; None without a dated dateline in the first
    lines, without ``published``, or for a day that does not fit."""
    if published is None:
        return None
    line = start
    for _ in range(4):  # a headline, a byline, then the dateline
        end = dateline_end(text, line)
        day = _DAY.search(text, line, end) if end is not None else None
        if day is not None:
            return _on_or_before(published, MONTHS[day.group(1)[:3].lower()], int(day.group(2)))
        nxt = text.find("\n", line)
        if nxt < 0:
            return None
        line = nxt + 1
        while line < len(text) and text[line] == "\n":
            line += 1
    return None


def _on_or_before(published: dt.date, month: int, day: int) -> dt.date | None:
    for year in (published.year, published.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        if found <= published:
            return found if (published - found).days <= MAX_DATELINE_AGE else None
    return None


def story_day(text: str, start: int, published: dt.date | dt.datetime | None) -> dt.date | None:
    """The day relative dates count from: a wire story's dated dateline ("on Wednesday" in "July 23
    (Reuters) -" is July 23, whenever the file was collected), else the publication date."""
    published = published.date() if isinstance(published, dt.datetime) else published
    return dateline_day(text, start, published) or published


_DATELINE_LINES = 4  # a headline, a byline or two, then the dateline


def dateline_country(text: str, body_start: int = 0) -> str | None:
    """The country of the place the story was filed from ("ISLAMABAD: …", "WASHINGTON, Dec 8
    (Reuters) - …"): a capital, a country or another form ``countries.country_named`` knows;
    None when the first lines hold no dateline or its place names no country."""
    for first, end in islice(opening_lines(text, body_start), _DATELINE_LINES):
        place = dateline_place(text, first) if first < end else None
        if place is not None:
            return country_named(place)
    return None
