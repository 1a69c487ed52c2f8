"""Records to articles: the rules shared by the JSONL, JSON and CSV/TSV readers.

A record is a mapping of field names to values (a JSON object, a CSV row). Field
names are matched case-insensitively, surrounding spaces ignored; the first field
present with a value wins:

- text: ``text``, ``body``, ``content`` (required; a string with something in it)
- date: ``date``, ``published``, ``published_at``, ``publication_date`` (``dates.py``)
- title: ``title``, ``headline``
- url: ``url``, ``link``
- outlet: ``outlet``, ``source``, ``publisher`` (an object such as NewsAPI's
  ``{"id": ..., "name": "Reuters"}`` gives its ``name``)

``field_map`` (``{"text": "BODY"}``, from the CLI's ``--field text=BODY``) replaces the
names looked for for one field by the one name given. Its keys are our field names
above (``published`` and ``source`` are accepted for ``date`` and ``outlet``); an
unknown key is reported once and ignored.

Kept exactly: the text (no stripping, ``body_start`` is 0: the ``date`` header of plain
text is not read inside records). Metadata (title, url, outlet) is stripped of
surrounding spaces; numbers become strings; lists, objects (other than an outlet's
name) and empty strings count as absent. A record's date that is not a date is
reported (``date 'foo' is not a date; ...``) and the article is kept with the caller's
default date, or none. A record without a date gets the default date, or none.

Lone surrogates (a JSON ``"\\ud800"`` escape that is half of no pair) are no text: no
database stores them and the pipeline cannot read them. In the text each becomes U+FFFD
(one character for one, so offsets stay put) and a note says how many; in metadata they
are replaced silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from newsledger.model import Article, Problem

from .dates import parse_date
from .reading import Options

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "date": ("date", "published", "published_at", "publication_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher"),
}
FIELD_ALIASES = {"published": "date", "source": "outlet"}
SHOWN_KEYS = 12
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def resolve_field_map(field_map: Mapping[str, str] | None) -> tuple[dict[str, str], list[Problem]]:
    """``field_map`` with our field names lower-cased, and a Problem per unknown name."""
    resolved: dict[str, str] = {}
    problems = []
    for ours, theirs in (field_map or {}).items():
        name = FIELD_ALIASES.get(ours.strip().lower(), ours.strip().lower())
        if name in FIELDS:
            resolved[name] = theirs
        else:
            known = ", ".join(FIELDS)
            problems.append(Problem("field map", f"unknown field {ours!r} (known: {known}); ignored",
                                    skipped=False))
    return resolved, problems


def names_for(field: str, field_map: Mapping[str, str]) -> tuple[str, ...]:
    """The record field names looked for, lower-cased, for one of our fields."""
    if field in field_map:
        return (field_map[field].strip().lower(),)
    return FIELDS[field]


def find_key(keys: Iterable[str], names: tuple[str, ...]) -> str | None:
    """The first key, in the order of ``names``, that matches one of them."""
    by_name = {str(key).strip().lower(): key for key in keys}
    for name in names:
        if name in by_name:
            return by_name[name]
    return None


def no_text_message(kind: str, names: tuple[str, ...], keys: Iterable[str]) -> str:
    """``no text column (looked for text, body, content); columns: id, headline``."""
    shown = [one_line(str(key)) for key in keys][:SHOWN_KEYS + 1]
    listed = ", ".join(shown[:SHOWN_KEYS]) + (", ..." if len(shown) > SHOWN_KEYS else "")
    plural = "columns" if kind == "column" else "fields"
    return f"no text {kind} (looked for {', '.join(names)}); {plural}: {listed or 'none'}"


def record_article(record: Mapping[str, Any], *, path: str, where: str, number: int,
                   options: Options) -> Iterator[Article | Problem]:
    """The article in one record, with a Problem first when something is wrong."""
    keys = {str(key).strip().lower(): key for key in record}
    values = {field: _value(record, keys, names_for(field, options.field_map)) for field in FIELDS}
    refusal = _text_refusal(values["text"], record, keys, options)
    if refusal:
        yield Problem(where, refusal)
        return
    text, surrogates = LONE_SURROGATE.subn("\ufffd", values["text"])
    if surrogates:
        yield Problem(where, f"{surrogates} lone surrogate escape(s) in the text (no character) "
                             "replaced with U+FFFD", skipped=False)
    published, problem = _published(values["date"], where, options)
    if problem:
        yield problem
    yield Article(text=text, path=path, outlet=_outlet(values["outlet"]),
                  url=_metadata(values["url"]), published=published,
                  title=_metadata(values["title"]), extra={"record": number})


def _value(record: Mapping[str, Any], keys: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if name in keys and record[keys[name]] not in (None, ""):
            return record[keys[name]]
    return None


def _text_refusal(text: Any, record: Mapping[str, Any], keys: Mapping[str, Any],
                  options: Options) -> str | None:
    names = names_for("text", options.field_map)
    if text is None and not any(name in keys for name in names):
        return no_text_message("field", names, record)
    if text is None or isinstance(text, str) and not text.strip():
        return "text is empty (refused)"
    if not isinstance(text, str):
        return f"text is {_kind(text)}, not a string (refused)"
    return None


def _published(value: Any, where: str, options: Options) -> tuple[date | None, Problem | None]:
    try:
        return parse_date(value) or options.default_date, None
    except ValueError as error:
        fallback = options.default_date
        stored = f"stored with the default date {fallback.isoformat()}" if fallback else "stored without a date"
        shown = _shown(value)
        reason = "is not a date" if str(error) == "not a date" else f"is not a date ({error})"
        return fallback, Problem(where, f"date {shown} {reason}; {stored}", skipped=False)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    if not isinstance(value, str):
        return one_line(text)
    return f"'{text}'" if text.isprintable() else repr(text)


def one_line(text: str) -> str:
    """``text`` as is when printable, else its Python repr (so a Problem stays one line)."""
    return text if text.isprintable() else repr(text)


def _metadata(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return LONE_SURROGATE.sub("\ufffd", str(value)).strip() or None


def _outlet(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("name")
    return _metadata(value)


def _kind(value: Any) -> str:
    names = {list: "a list", dict: "an object", bool: "true or false", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
