"""Publication dates from record fields and file names.

Read, in this order:

- an ISO date or datetime (``2024-03-10``, ``2024-03-10T14:00:00Z``): its date part as
  written (no conversion between time zones: the date the outlet printed);
- anything else that dateparser reads as an absolute day, month and year in English,
  French, German, Spanish, Italian, Portuguese, Dutch or Russian
  (``March 10, 2024``, ``Sun, 10 Mar 2024 14:00:00 GMT``, ``10 mars 2024``).

Not read (``ValueError`` with the reason):

- all-number dates whose day and month could be swapped (``03/04/2024``) and
  all-number dates with a two-digit year (``03/04/24``): ambiguous (year first,
  ``2024/03/04``, is read as year, month, day);
- an ISO-shaped date that is no calendar day (``2024-02-30``);
- relative dates (``yesterday``, ``2 days ago``) and dates without a day
  (``March 2024``): not a publication day;
- numbers (a JSON ``1710028800`` could be seconds or milliseconds), lists, objects.

An empty value (``None``, ``""``, spaces) is no date at all: ``None``, no error.
"""

from __future__ import annotations

import re
from datetime import date, datetime

ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
ISO_DATETIME_TAIL = re.compile(r"(?:[T ][0-9:.,]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?\s*", re.I)
ALL_NUMBERS = re.compile(r"([0-9]{1,4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,4})")
LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "ru"]
DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be written
    "PARSERS": ["custom-formats", "absolute-time"],  # no "yesterday", no timestamps
}


def parse_date(value: object) -> date | None:
    """The date in ``value``, ``None`` when it is empty; ``ValueError`` when it is not a date."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = value.strip()
    if not text:
        return None
    return _iso_date(text) or _written_date(text)


def _iso_date(text: str) -> date | None:
    match = ISO_DATE.match(text)
    if not match or not ISO_DATETIME_TAIL.fullmatch(text, match.end()):
        return None
    found = calendar_date(*match.groups())
    if found is None:
        raise ValueError("no such day")
    return found


def calendar_date(year: str, month: str, day: str) -> date | None:
    """The date of these digits, or ``None`` when there is no such day."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _written_date(text: str) -> date:
    _refuse_ambiguous(text)
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=LANGUAGES, settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):  # dateparser's own edge cases
        parsed = None
    if not isinstance(parsed, datetime):
        raise ValueError("not a date")
    return parsed.date()


def _refuse_ambiguous(text: str) -> None:
    match = ALL_NUMBERS.fullmatch(text)
    if not match:
        return
    first, second, third = match.groups()
    if len(first) == 4:  # year first is always year, month, day
        return
    if len(third) != 4:
        raise ValueError("ambiguous: a two-digit year")
    low, high = sorted((int(first), int(second)))
    if high <= 12 and low != high:
        raise ValueError("ambiguous: day and month could be swapped")


def date_in_name(name: str) -> date | None:
    """The first real ``YYYY-MM-DD`` date in a file name, else ``None``."""
    for match in re.finditer(r"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])", name):
        found = calendar_date(*match.groups())
        if found:
            return found
    return None
