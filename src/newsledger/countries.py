"""Every country in the forms news writes it: name, short names, demonyms, capital, metonyms.

    >>> country_named("Israeli"), country_named("the U.K."), country_named("Pyongyang")
    ('Israel', 'United Kingdom', 'North Korea')
    >>> country_named("Korean") is None  # North or South: no one country
    True

The forms come from the knowledge base's country file (``actors/kb/countries.json``: ISO
3166-1 through pycountry, with hand-checked demonyms, capitals, metonyms and short names).
The nlp stage reads countries here, before any actor is resolved, to tell whose side a
statement's subject is on ("Israeli Prime Minister Benjamin Netanyahu said Israel would
continue …": his own country acts) and which country a nationality names ("Iranian
drones" -> Iran). A form two countries share is no country's. Like ``model.py``, this module
imports nothing of the project.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

COUNTRIES_FILE = Path(__file__).parent / "actors" / "kb" / "countries.json"


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    """The country file's entries, read once."""
    return tuple(json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))["entries"])


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Lower-case form -> the country's name; forms shared by two countries left out."""
    entries = _entries()
    forms: dict[str, str] = {}
    shared: set[str] = set()
    for entry in entries:
        capital = entry.get("capital") or ""
        written = [entry["name"], entry.get("iso_name") or "", capital, capital.split(",")[0],
                   *entry.get("demonyms", []), *entry.get("metonyms", []), *entry.get("aliases", [])]
        written += [d + "s" for d in entry.get("demonyms", []) if not d.endswith("s")]  # "Israelis"
        for form in {_key(w) for w in written if w}:
            if forms.get(form, entry["name"]) != entry["name"]:
                shared.add(form)
            forms[form] = entry["name"]
    return {form: name for form, name in forms.items() if form not in shared}


def _key(text: str) -> str:
    key = " ".join(text.lower().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """A country's name -> its ISO 3166-1 alpha-3 code."""
    return {entry["name"]: entry["alpha3"] for entry in _entries() if entry.get("alpha3")}


def country_code(text: str) -> str | None:
    """The alpha-3 code of the country ``text`` writes ("Turkey", "Ankara", "Turkish" -> "TUR"), or None."""
    name = country_named(text)
    return _codes().get(name) if name else None


def country_named(text: str) -> str | None:
    """The name of the country ``text`` writes (a name, short name, demonym, capital or
    metonym, any case, with or without "the"), or None."""
    return _forms().get(_key(text))


PEOPLE_FILE = COUNTRIES_FILE.with_name("people.json")


@lru_cache(maxsize=1)
def _people() -> dict[str, frozenset[str]]:
    """Lower-case name or alias of a person in the knowledge base -> the names of the countries
    they belong to or have served (``people.json``: nationality and roles); an alias two people
    share is left out."""
    by_code = {code: name for name, code in _codes().items()}
    found: dict[str, frozenset[str]] = {}
    shared: set[str] = set()
    for entry in json.loads(PEOPLE_FILE.read_text(encoding="utf-8"))["entries"]:
        codes = {entry.get("country"), *(role.get("country") for role in entry.get("roles", []))}
        countries = frozenset(by_code[c] for c in codes if c in by_code)
        aliases = [a["alias"] if isinstance(a, dict) else a for a in entry.get("aliases", [])]
        for form in {_key(n) for n in (entry["name"], *aliases) if n}:
            if form in found and found[form] != countries:
                shared.add(form)
            found[form] = countries
    return {form: countries for form, countries in found.items() if form not in shared and countries}


def person_countries(name: str) -> frozenset[str]:
    """The countries of a person the knowledge base knows by this name or alias ("Dmitry
    Peskov", "Peskov": Russia), empty for anyone else: whose side a speaker is on, for
    the nlp stage, which resolves no actor."""
    return _people().get(_key(name), frozenset())
