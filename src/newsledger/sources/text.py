"""Plain-text articles: one file (``.txt``, ``.text``, no extension) is one article.

Read:

- the whole file, decoded by ``encoding.py``, kept exactly as ``Article.text``
  (no stripping, ``\\r\\n`` kept; only a UTF-8 byte-order mark is dropped);
- an optional header ``date YYYY-MM-DD`` at the very start (after optional
  whitespace; ``date`` in any case), followed by whitespace or the end: it gives
  ``published``, and ``body_start`` is the first character after the header and the
  whitespace after it, so ``text[body_start:]`` starts at the first word of the body.
  A header whose date is no calendar day (``date 2024-02-30``) is still a header (it
  is not body text), and a Problem says its date was not used;
- without a header, the first real ``YYYY-MM-DD`` in the file name
  (``nyt_2016-10-02_slug.txt``), else the caller's default date, else no date;
- the outlet from a PolNeAR-style name ``outlet_YYYY-MM-DD_slug.txt`` (``nyt``).

Not read: titles (``title`` is ``None``; the first line is not guessed to be one),
other header lines, and dates or outlets in folder names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date

from newsledger.model import Article, Problem

from .dates import calendar_date, date_in_name
from .encoding import read_decoded
from .reading import Options

HEADER = re.compile(r"\s*date\s+([0-9]{4})-([0-9]{2})-([0-9]{2})(?!\S)\s*", re.IGNORECASE)
POLNEAR_NAME = re.compile(r"(?P<outlet>.+?)_[0-9]{4}-[0-9]{2}-[0-9]{2}(?:_|\.|$)")


def read_text_file(path: str, options: Options) -> Iterator[Article | Problem]:
    """The article in one plain-text file, or the Problem that stopped it."""
    decoded, problems = read_decoded(path, options)
    yield from problems
    if decoded is None:
        return
    name = os.path.basename(path)
    yield from text_article(decoded.text, path=path, where=path, name_date=date_in_name(name),
                            outlet=outlet_in_name(name), default_date=options.default_date)


def text_article(text: str, *, path: str, where: str, name_date: date | None = None,
                 outlet: str | None = None,
                 default_date: date | None = None) -> Iterator[Article | Problem]:
    """One article from decoded text, reading the ``date`` header if there is one."""
    if not text.strip():
        yield Problem(where, "empty file")
        return
    header = HEADER.match(text)
    if header and header.end() == len(text):
        yield Problem(where, "only a date header, no text (refused)")
        return
    published = name_date or default_date
    if header:
        header_date = calendar_date(*header.groups())
        if header_date is None:
            yield Problem(where, f"header date '{header_text(header)}' is not a calendar day; not used", skipped=False)
        published = header_date or published
    yield Article(text=text, path=path, outlet=outlet, published=published,
                  title=None, body_start=header.end() if header else 0)


def header_text(header: re.Match[str]) -> str:
    return "-".join(header.groups())


def outlet_in_name(name: str) -> str | None:
    """``nyt`` for ``nyt_2016-10-02_slug.txt``; ``None`` for other names."""
    match = POLNEAR_NAME.match(name)
    return match.group("outlet") if match else None
