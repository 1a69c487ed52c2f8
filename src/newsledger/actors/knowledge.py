"""The actors knowledge base: countries, organisations, people, news outlets and places.

The data is plain JSON shipped in the package (``actors/kb/*.json``, described in
``actors/kb/README.md``); this module loads it once and answers look-ups from dict
indexes built at load time, so every look-up is a handful of dict reads.

>>> from datetime import date
>>> kb = load_kb()
>>> kb.lookup("the Kremlin").id
'org:kremlin'
>>> kb.holder("President", "RUS", on=date(2022, 5, 1)).name
'Vladimir Putin'
>>> kb.parse_title("the Russian President")
('President', 'RUS', None)

Matching rules (see ``normalize``): case-insensitive, accents and punctuation
ignored ("U.S." == "US", "Erdogan" == "Erdoğan"), a leading "the" optional; a few
aliases are stricter (``case_sensitive``: "US" must not match the pronoun "us";
``the_required``: "The Hill" needs its "the", "Hill" alone is a surname).
Surnames ("Putin", "May") are kept apart and used only with ``allow_surnames=True``;
``context_aliases`` ("the alliance" for NATO) only when their entry is in
``context_ids``; context metonyms ("Brussels") pick among their candidates by
``context_ids``, else fall back to their default.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from newsledger.actors.kb_entries import KBEntry, _Alias, _alias_items
from newsledger.actors.kb_roles import RolesMixin
from newsledger.actors.names import (
    _POSSESSIVE,
    _WORDLIKE,
    _letters,
    _split_the,
    strip_the,
    normalize,
    parse_date,
)
from newsledger.actors.titles import TITLE_VARIANTS, canonical_title, role_functions

KB_FILES = ("countries.json", "organizations.json", "people.json", "outlets.json", "places.json")
KINDS = ("person", "organization", "country", "media", "group")


class KnowledgeBase(RolesMixin):
    """Look-ups over the packaged knowledge base. Build with ``load_kb()``."""

    def __init__(self, documents: dict[str, dict[str, Any]]):
        self._by_id: dict[str, KBEntry] = {}
        self._alias: dict[str, list[_Alias]] = {}
        self._surname: dict[str, list[_Alias]] = {}
        self._context: dict[str, list[KBEntry]] = {}          # self context aliases
        self._metonym: dict[str, list[dict[str, Any]]] = {}    # context metonyms (Brussels)
        self._demonym: dict[str, KBEntry] = {}
        self._country_code: dict[str, KBEntry] = {}
        self._roles: list[tuple[KBEntry, dict[str, Any], date | None, date | None, str, set[str]]] = []
        self._roles_by_title: dict[str, list[int]] = {}
        self._roles_by_function: dict[str, list[int]] = {}
        self._parsed_roles: dict[int, list[tuple[dict[str, Any], date | None, date | None]]] = {}
        self.meta: dict[str, Any] = {}
        self._children: dict[str, set[str]] = {}
        for filename, doc in documents.items():
            self.meta[filename] = doc.get("_meta", {})
            for raw in doc.get("entries", []):
                self._add(raw, filename)
            for met in doc.get("context_metonyms", []):
                self._metonym.setdefault(self._key(met["alias"])[0], []).append(met)
        for entry in self._by_id.values():
            if entry.parent:
                self._children.setdefault(entry.parent, set()).add(entry.id)

    # ------------------------------------------------------------------ loading
    def _add(self, raw: dict[str, Any], filename: str) -> None:
        entry_id = raw["id"]
        if entry_id in self._by_id:
            raise ValueError(f"{filename}: duplicate id {entry_id}")
        aliases, surnames = [], []
        flags: list[tuple[str, dict[str, Any], bool]] = []
        for alias, opts in _alias_items(raw.get("aliases", [])):
            is_surname = bool(opts.get("surname"))
            (surnames if is_surname else aliases).append(alias)
            flags.append((alias, opts, is_surname))
        country = raw.get("country") or raw.get("alpha3")
        entry = KBEntry(
            id=entry_id, name=raw["name"], kind=raw["kind"], aliases=aliases,
            roles=list(raw.get("roles", [])), country=country, raw=raw,
            surnames=surnames, context_aliases=list(raw.get("context_aliases", [])) + _masthead_short(raw),
        )
        self._by_id[entry_id] = entry
        self._index(entry, raw["name"], {}, self._alias)
        for alias, opts, is_surname in flags:
            self._index(entry, alias, opts, self._surname if is_surname else self._alias)
        for alias, opts in _alias_items(raw.get("metonyms", [])):
            self._index(entry, alias, opts, self._alias)
        for alias in entry.context_aliases:
            key = self._key(alias)[0]
            if key:
                self._context.setdefault(key, []).append(entry)
        if entry.kind == "country":
            for code in (raw.get("alpha3"), raw.get("alpha2")):
                if code:
                    self._country_code[code.upper()] = entry
            for dem in raw.get("demonyms", []):
                self._demonym.setdefault(self._key(dem)[0], entry)
        for role in entry.roles:
            start = parse_date(role.get("from"))
            until = parse_date(role.get("until"), end=True)
            title = normalize(role.get("title", ""))
            idx = len(self._roles)
            fns = role_functions(role)
            self._roles.append((entry, role, start, until, title, fns))
            self._roles_by_title.setdefault(title, []).append(idx)
            for fn in fns:
                self._roles_by_function.setdefault(fn, []).append(idx)
            self._parsed_roles.setdefault(id(entry), []).append((role, start, until))

    def _index(self, entry: KBEntry, alias: str, opts: dict[str, Any], table: dict[str, list[_Alias]]) -> None:
        key, had_the = self._key(alias)
        if not key:
            return
        case_sensitive = opts.get("case_sensitive")
        if case_sensitive is None:
            letters = _letters(strip_the(alias))
            case_sensitive = letters.isupper() and key in _WORDLIKE
        item = _Alias(entry, alias, the_required=bool(opts.get("the_required")) and had_the,
                      case_sensitive=bool(case_sensitive))
        bucket = table.setdefault(key, [])
        for other in bucket:
            if other.entry is entry and other.the_required == item.the_required \
                    and other.case_sensitive == item.case_sensitive:
                return
        bucket.append(item)

    @staticmethod
    def _key(text: str) -> tuple[str, bool]:
        return _split_the(normalize(text))

    # ------------------------------------------------------------------ access
    @property
    def entries(self) -> Iterable[KBEntry]:
        return self._by_id.values()

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> KBEntry | None:
        return self._by_id.get(entry_id)

    def by_kind(self, kind: str) -> list[KBEntry]:
        return [e for e in self._by_id.values() if e.kind == kind]

    # ------------------------------------------------------------------ look-ups
    def _in_context(self, entry_id: str, context_ids: Iterable[str]) -> bool:
        """True when the entry, a child of it (an EU institution for the EU) or its parent is in context."""
        ctx = set(context_ids)
        if entry_id in ctx:
            return True
        if self._children.get(entry_id, set()) & ctx:
            return True
        return False

    def _active(self, entry: KBEntry, on: date) -> bool:
        for _role, start, until in self._parsed_roles.get(id(entry), []):
            if (start is None or start <= on) and (until is None or on < until):
                return True
        return False

    def _choose(self, candidates: list[KBEntry], on: date | None, context_ids: Iterable[str],
                strict: bool) -> KBEntry | None:
        unique = list(dict.fromkeys(candidates))
        if len(unique) == 1:
            return unique[0]
        in_ctx = [e for e in unique if self._in_context(e.id, context_ids)]
        if len(in_ctx) == 1:
            return in_ctx[0]
        pool = in_ctx or unique
        if on is not None:
            active = [e for e in pool if e.kind != "person" or self._active(e, on)]
            if len(active) == 1:
                return active[0]
            if active:
                pool = active
        return None if strict else pool[0]

    def lookup(self, name: str, *, on: date | None = None, context_ids: Iterable[str] = frozenset(),
               allow_surnames: bool = False, kinds: Iterable[str] | None = None) -> KBEntry | None:
        """The entry a name refers to, or None.

        Order: a context alias or context metonym whose entry is in ``context_ids``;
        an exact alias (names, aliases, metonyms); with ``allow_surnames``, a surname
        (only when unambiguous after ``context_ids`` and ``on``); finally the default
        of a context metonym ("Brussels" -> the EU). Several entries with the same
        full alias are told apart by ``context_ids``, then by who held a role ``on``.
        """
        if not name or not name.strip():
            return None
        wanted = set(kinds) if kinds else None
        key, had_the = self._key(name)
        keys = [key]
        stripped = _POSSESSIVE.sub("", name.strip())
        if stripped != name.strip():
            keys.append(self._key(stripped)[0])
        for k in keys:
            found = self._lookup_key(k, name, had_the, on, context_ids, allow_surnames, wanted)
            if found is not None:
                return found
        return None

    def context_of(self, names: Iterable[str]) -> frozenset[str]:
        """The ``context_ids`` an article's names give: the entries they refer to and the
        organisations of those entries' roles (a speaker's party, a minister's ministry)."""
        context: set[str] = set()
        for name in names:
            entry = self.lookup(name)
            if entry is not None:
                context.add(entry.id)
                context.update(role["organization"] for role in entry.roles if role.get("organization"))
        return frozenset(context)

    def _lookup_key(self, key: str, raw: str, had_the: bool, on: date | None, context_ids: Iterable[str],
                    allow_surnames: bool, wanted: set[str] | None) -> KBEntry | None:
        if not key:
            return None
        ok = (lambda e: wanted is None or e.kind in wanted)
        ctx = frozenset(context_ids)
        if ctx:
            hits = [e for e in self._context.get(key, []) if ok(e) and self._in_context(e.id, ctx)]
            for met in self._metonym.get(key, []):
                for cand in met.get("context", []):
                    e = self._by_id.get(cand)
                    if e is not None and ok(e) and self._in_context(cand, ctx):
                        hits.append(e)
            hits = list(dict.fromkeys(hits))
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                metonym_order = [c for met in self._metonym.get(key, []) for c in met.get("context", [])]
                if metonym_order:
                    for cand in metonym_order:
                        if any(h.id == cand for h in hits):
                            return self._by_id[cand]
        exact = [a.entry for a in self._alias.get(key, []) if a.accepts(raw, had_the) and ok(a.entry)]
        if exact:
            return self._choose(exact, on, ctx, strict=False)
        if allow_surnames:
            sur = [a.entry for a in self._surname.get(key, []) if a.accepts(raw, had_the) and ok(a.entry)]
            if sur:
                return self._choose(sur, on, ctx, strict=True)
        for met in self._metonym.get(key, []):
            default = met.get("default")
            if default and default in self._by_id and ok(self._by_id[default]):
                return self._by_id[default]
        return None

    def candidates(self, name: str, *, allow_surnames: bool = True) -> list[KBEntry]:
        """Every entry a name could refer to, without choosing (for the actors stage to rank)."""
        key, _had_the = self._key(name)
        out = [a.entry for a in self._alias.get(key, [])]
        if allow_surnames:
            out += [a.entry for a in self._surname.get(key, [])]
        out += self._context.get(key, [])
        for met in self._metonym.get(key, []):
            out += [self._by_id[c] for c in met.get("context", []) if c in self._by_id]
        return list(dict.fromkeys(out))

    def context_entries(self, name: str) -> list[KBEntry]:
        """The entries a context alias stands for ("the campaign" -> every campaign,
        "the agency" -> every agency that has it), whether or not they are in context."""
        return list(self._context.get(self._key(name)[0], []))

    def is_surname(self, name: str) -> bool:
        """True when the name is known only as a surname (needs context to resolve)."""
        key, _ = self._key(name)
        return key in self._surname and key not in self._alias

    def kind_of(self, name: str, *, context_ids: Iterable[str] = frozenset()) -> str | None:
        """'media' for 'Politico', 'country' for 'Kyiv', 'organization' for 'the Kremlin', ..."""
        entry = self.lookup(name, context_ids=context_ids)
        return entry.kind if entry else None

    def suggest(self, name: str, *, limit: int = 5, score_cutoff: float = 90.0) -> list[tuple[KBEntry, float]]:
        """Fuzzy candidates for a misspelt name (rapidfuzz over the alias keys); slower than lookup."""
        from rapidfuzz import fuzz, process

        key, _ = self._key(name)
        if not key:
            return []
        keys = list(self._alias)
        out: list[tuple[KBEntry, float]] = []
        for match, score, _ in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit * 2,
                                               score_cutoff=score_cutoff):
            for a in self._alias[match]:
                if all(a.entry is not e for e, _s in out):
                    out.append((a.entry, score))
        return out[:limit]

    # ------------------------------------------------------------------ countries
    def country(self, code_or_name: str) -> KBEntry | None:
        """A country by alpha-3, alpha-2, name, alias, metonym or demonym ('RUS', 'RU', 'Russia', 'Russian')."""
        if not code_or_name:
            return None
        text = code_or_name.strip()
        if text.upper() in self._country_code and (len(text) == 3 or text.isupper()):
            return self._country_code[text.upper()]
        entry = self.lookup(text, kinds={"country"})
        if entry is not None:
            return entry
        return self.demonym(text)

    def demonym(self, word: str) -> KBEntry | None:
        """The country of a demonym: 'Russian' -> Russia, 'the French' -> France, 'Britons' -> UK."""
        key, _ = self._key(word)
        if key in self._demonym:
            return self._demonym[key]
        for suffix in ("s", "es"):
            if key.endswith(suffix) and key[: -len(suffix)] in self._demonym:
                return self._demonym[key[: -len(suffix)]]
        return None



# --------------------------------------------------------------------------- loading

# Last words of newspaper names that stand for the whole once it is named: "the Times"
# after "the Tampa Bay Times", "the Post" after "The Washington Post".
_MASTHEAD_WORDS = {"Times", "Post", "Journal", "Tribune", "Herald", "Globe", "Telegraph", "Examiner",
                   "Chronicle", "Inquirer", "Gazette", "Observer", "Register", "Courier", "Sun", "Star"}


def _masthead_short(raw: dict[str, Any]) -> list[str]:
    """["the Times"] for a media entry named "Tampa Bay Times" (when not already listed)."""
    words = raw["name"].split()
    if raw.get("kind") != "media" or len(words) < 2 or words[-1] not in _MASTHEAD_WORDS:
        return []
    short = f"the {words[-1]}"
    return [] if short.lower() in {a.lower() for a in raw.get("context_aliases", [])} else [short]


def _read_documents() -> dict[str, dict[str, Any]]:
    base = resources.files("newsledger.actors").joinpath("kb")
    docs = {}
    for name in KB_FILES:
        docs[name] = json.loads(base.joinpath(name).read_text(encoding="utf-8"))
    return docs


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return KnowledgeBase(_read_documents())


__all__ = ["KBEntry", "KnowledgeBase", "load_kb", "normalize", "parse_date", "canonical_title",
           "role_functions", "TITLE_VARIANTS"]