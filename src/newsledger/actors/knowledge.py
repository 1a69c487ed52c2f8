"""The actors knowledge base: countries, organisations, people and news outlets.

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
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator

from newsledger.model import Actor

KB_FILES = ("countries.json", "organizations.json", "people.json", "outlets.json")
KINDS = ("person", "organization", "country", "media", "group")

# Lower-cased all-caps aliases that are also English words: they match only when
# written in capitals ("US", "U.S." but not "us"; "WHO" but not "who").
_WORDLIKE = frozenset(
    "us who it am an as at be by do go he if in is me my no of oh on or so to up we "
    "ice aim time sun post hill nation star globe mint punch week".split()
)

_CHAR_MAP = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
    "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
    "ʻ": "", "ʼ": "", "’": "", "‘": "", "'": "", "`": "", "´": "", ".": "",
    "‐": " ", "‑": " ", "–": " ", "—": " ", "-": " ", "&": " and ",
})
_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$", re.IGNORECASE)


def normalize(text: str) -> str:
    """The matching key of a name: lower case, no accents, no punctuation, single spaces.

    >>> normalize("the U.S.")
    'the us'
    >>> normalize("Recep Tayyip Erdoğan")
    'recep tayyip erdogan'
    """
    text = text.translate(_CHAR_MAP)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_CHAR_MAP)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def _split_the(key: str) -> tuple[str, bool]:
    if key.startswith("the "):
        return key[4:], True
    return key, False


def _letters(text: str) -> str:
    """The letters and digits of a name as written (case kept), for case-sensitive aliases."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum())


def _strip_the_raw(text: str) -> str:
    stripped = text.strip()
    return stripped[4:] if stripped[:4].lower() == "the " else stripped


# --------------------------------------------------------------------------- dates

def parse_date(value: str | None, *, end: bool = False) -> date | None:
    """Parse an ISO date of day, month or year precision.

    With ``end=True`` a month or year gives the first day *after* it, so that
    ``until`` is always an exclusive bound: a role is in force on ``d`` when
    ``from <= d < until``. A full date is used as is, both ways: on the day of a
    hand-over the new holder is the one in force.
    """
    if value is None:
        return None
    parts = str(value).split("-")
    if len(parts) == 3:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        if not end:
            return date(y, m, 1)
        return date(y + (m == 12), m % 12 + 1, 1)
    if len(parts) == 1 and parts[0]:
        y = int(parts[0])
        return date(y + 1, 1, 1) if end else date(y, 1, 1)
    raise ValueError(f"not an ISO date: {value!r}")


# --------------------------------------------------------------------------- titles

# canonical title -> spellings (normalised); the canonical one is included automatically.
TITLE_VARIANTS: dict[str, list[str]] = {
    "President": ["pres"],
    "Vice President": ["vice president", "vp", "veep"],
    "Prime Minister": ["pm", "prime minster"],
    "Deputy Prime Minister": ["deputy pm", "vice premier", "first deputy prime minister"],
    "Premier": [],
    "Chancellor": [],
    "Foreign Minister": [
        "minister of foreign affairs", "foreign affairs minister", "minister for foreign affairs",
        "foreign affairs secretary", "top diplomat", "chief diplomat", "minister for europe and foreign affairs",
    ],
    "Foreign Secretary": [],
    "External Affairs Minister": ["minister of external affairs", "minister for external affairs"],
    "Secretary of State": [],
    "Defense Minister": ["defence minister", "minister of defence", "minister of defense", "minister for defence"],
    "Secretary of Defense": ["defense secretary", "defence secretary", "pentagon chief", "secretary of war", "war secretary"],
    "Attorney General": ["ag"],
    "Secretary General": ["secretary general", "sec gen", "general secretary"],
    "Director General": ["director general"],
    "Director": [],
    "Managing Director": [],
    "High Representative": ["foreign policy chief", "high representative for foreign affairs and security policy"],
    "Senator": ["sen", "senator elect"],
    "Representative": ["rep", "congressman", "congresswoman", "member of congress", "congressmember"],
    "Governor": ["gov"],
    "Mayor": [],
    "Speaker": ["house speaker"],
    "Majority Leader": [],
    "Minority Leader": [],
    "Chair": ["chairman", "chairwoman", "chairperson", "chairs"],
    "Press Secretary": [],
    "Spokesperson": ["spokesman", "spokeswoman", "spokesperson", "spokespeople"],
    "Chief of Staff": [],
    "Campaign Manager": [],
    "Campaign Chair": ["campaign chairman", "campaign chairwoman"],
    "Counselor": ["counsellor", "counselor to the president"],
    "Chief Strategist": [],
    "National Security Adviser": ["national security advisor"],
    "Ambassador": ["envoy"],
    "King": [],
    "Queen": [],
    "Emperor": [],
    "Emir": ["amir"],
    "Crown Prince": [],
    "Grand Duke": [],
    "Pope": ["pontiff"],
    "Supreme Leader": [],
    "Presidential candidate": [
        "presidential nominee", "presidential hopeful", "presidential contender", "candidate", "nominee",
        "presidential frontrunner", "front runner", "frontrunner",
    ],
    "Vice-presidential candidate": ["vice presidential candidate", "vice presidential nominee", "running mate"],
    "President-elect": ["president elect"],
    "Chief Justice": [],
    "Justice": ["supreme court justice", "associate justice"],
    "Special Counsel": [],
    "Leader": [],
    "Commander-in-Chief": ["commander in chief"],
    "Chief of the General Staff": ["chief of general staff", "chief of the general staff"],
    "Secretary": [],
    "Minister": [],
}

# Titles that name the same function in different countries, for ``holder``.
FUNCTION_OF_TITLE: dict[str, str] = {
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "external affairs minister": "foreign_minister",
    "prime minister": "head_of_government",
    "chancellor": "head_of_government",
    "premier": "head_of_government",
    "head of government": "head_of_government",
    "head of state": "head_of_state",
    "defense minister": "defense_minister",
    "secretary of defense": "defense_minister",
}
_HEAD_OF_STATE_TITLES = {"president", "king", "queen", "emperor", "emir", "grand duke", "pope",
                         "supreme leader", "acting president"}
_HEAD_OF_GOVERNMENT_TITLES = {"prime minister", "chancellor", "premier"}
# Which role counts first when several are in force (``role_on``).
_TITLE_RANK = {
    "president": 0, "king": 0, "queen": 0, "emperor": 0, "emir": 0, "pope": 0, "grand duke": 0,
    "supreme leader": 0, "prime minister": 1, "chancellor": 1, "premier": 1, "secretary general": 1,
    "acting president": 1, "president-elect": 2, "vice president": 2, "foreign minister": 2,
    "foreign secretary": 2, "secretary of state": 2, "external affairs minister": 2,
    "high representative": 2, "speaker": 2, "majority leader": 2, "minority leader": 3,
    "presidential candidate": 5, "vice-presidential candidate": 5,
}
_FILLER = frozenset("the a an former then current acting new outgoing incoming late of s".split())


def _build_title_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, variants in TITLE_VARIANTS.items():
        for v in [canonical, *variants]:
            index[normalize(v)] = canonical
    return index


_TITLE_INDEX = _build_title_index()
_MAX_TITLE_WORDS = max(len(k.split()) for k in _TITLE_INDEX)


def canonical_title(title: str) -> str:
    """'chairman' -> 'Chair', 'defence minister' -> 'Defense Minister'; unknown titles come back as given."""
    return _TITLE_INDEX.get(normalize(title), title.strip())


def role_functions(role: dict[str, Any]) -> set[str]:
    """What a role is, across countries: head_of_state, head_of_government, foreign_minister, ..."""
    if role.get("functions"):
        return set(role["functions"])
    title = normalize(role.get("title", ""))
    out = set()
    if role.get("organization") is None and role.get("country"):
        if title in _HEAD_OF_STATE_TITLES:
            out.add("head_of_state")
        if title in _HEAD_OF_GOVERNMENT_TITLES:
            out.add("head_of_government")
        if title == "secretary of state" and role.get("country") == "USA":
            out.add("foreign_minister")
    fn = FUNCTION_OF_TITLE.get(title)
    if fn and fn not in ("head_of_government", "head_of_state"):
        out.add(fn)
    return out


# --------------------------------------------------------------------------- entries

@dataclass
class KBEntry:
    """One knowledge-base entry (person, organization, country, media or group)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    country: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    surnames: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)

    @property
    def source(self) -> str | None:
        return self.raw.get("source")

    @property
    def parent(self) -> str | None:
        return self.raw.get("parent")

    @property
    def alpha3(self) -> str | None:
        return self.raw.get("alpha3")

    @property
    def demonyms(self) -> list[str]:
        return list(self.raw.get("demonyms", []))

    @property
    def metonyms(self) -> list[str]:
        return list(self.raw.get("metonyms", []))

    def to_actor(self) -> Actor:
        """The model's ``Actor`` for this entry (aliases include surnames and metonyms)."""
        aliases = [*self.aliases, *self.metonyms, *self.surnames]
        return Actor(id=self.id, name=self.name, kind=self.kind,
                     aliases=list(dict.fromkeys(aliases)), roles=[dict(r) for r in self.roles])


@dataclass(frozen=True)
class _Alias:
    entry: KBEntry
    written: str            # the alias as written in the JSON
    the_required: bool = False
    case_sensitive: bool = False

    def accepts(self, raw: str, had_the: bool) -> bool:
        if self.the_required and not had_the:
            return False
        if self.case_sensitive:
            return _letters(_strip_the_raw(raw)) == _letters(_strip_the_raw(self.written))
        return True


def _alias_items(values: Iterable[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for value in values or ():
        if isinstance(value, str):
            yield value, {}
        elif isinstance(value, dict) and value.get("alias"):
            yield value["alias"], value
        else:
            raise ValueError(f"bad alias {value!r}")


class KnowledgeBase:
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
            surnames=surnames, context_aliases=list(raw.get("context_aliases", [])),
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
            letters = _letters(_strip_the_raw(alias))
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

    # ------------------------------------------------------------------ roles
    def _resolve_country(self, country: str | None) -> str | None:
        if country is None:
            return None
        entry = self.country(country)
        return entry.raw.get("alpha3") if entry else country

    def _resolve_org(self, organization: str | None) -> str | None:
        if organization is None:
            return None
        if organization in self._by_id:
            return organization
        entry = self.lookup(organization, kinds={"organization", "group", "media"})
        return entry.id if entry else organization

    def holders(self, title: str, country: str | None = None, organization: str | None = None, *,
                on: date | None = None) -> list[KBEntry]:
        """Everyone holding the role on the date (several for 'Senator'); acting holders last."""
        main, acting = self._find_holders(title, country, organization, on or date.today())
        return list(dict.fromkeys(main + acting))

    def holder(self, title: str, country: str | None = None, organization: str | None = None, *,
               on: date | None = None) -> KBEntry | None:
        """Who held the role on the date, or None when nobody or several did.

        ``title`` is matched after normalisation ("president", "Defence Minister",
        "chairman" -> "Chair"); a function title also finds the local titles of the
        same function ("Foreign Minister" of the USA -> the Secretary of State,
        "Prime Minister" of Germany -> the Chancellor). ``country`` may be a code or
        a name, ``organization`` an id or a name. Without ``organization``, roles in
        an organisation count only when no role outside one matches ("Speaker" of the
        USA -> the Speaker of the House). An acting holder counts only when there is
        no other.
        """
        main, acting = self._find_holders(title, country, organization, on or date.today())
        if len(main) == 1:
            return main[0]
        if not main and len(acting) == 1:
            return acting[0]
        return None

    def _find_holders(self, title: str, country: str | None, organization: str | None,
                      on: date) -> tuple[list[KBEntry], list[KBEntry]]:
        country = self._resolve_country(country)
        organization = self._resolve_org(organization)
        want = normalize(canonical_title(title))
        idxs = self._roles_by_title.get(want, [])
        found = self._scan(idxs, country, organization, on)
        if not found[0] and not found[1]:
            fn = FUNCTION_OF_TITLE.get(want)
            if fn:
                found = self._scan(self._roles_by_function.get(fn, []), country, organization, on)
        return found

    def _scan(self, idxs: list[int], country: str | None, organization: str | None,
              on: date) -> tuple[list[KBEntry], list[KBEntry]]:
        passes = [False] if organization is not None else [False, True]
        for with_orgs in passes:
            main: list[KBEntry] = []
            acting: list[KBEntry] = []
            for idx in idxs:
                entry, role, start, until, _t, _f = self._roles[idx]
                if (start is not None and on < start) or (until is not None and on >= until):
                    continue
                role_org = role.get("organization")
                if organization is not None:
                    if role_org != organization:
                        continue
                elif role_org is not None and (not with_orgs or country is None):
                    continue
                if country is not None:
                    role_country = role.get("country")
                    if role_country is None:
                        org = self._by_id.get(role_org or "")
                        if org is None or org.country != country:
                            continue
                    elif role_country != country:
                        continue
                bucket = acting if role.get("acting") else main
                if entry not in bucket:
                    bucket.append(entry)
            if main or acting:
                return main, acting
        return [], []

    def roles_on(self, entry: KBEntry | str, on: date | None = None) -> list[dict[str, Any]]:
        """Every role of the entry in force on the date, most senior first."""
        if isinstance(entry, str):
            entry = self._by_id[entry]
        on = on or date.today()
        active = [(role, start) for role, start, until in self._parsed_roles.get(id(entry), [])
                  if (start is None or start <= on) and (until is None or on < until)]
        active.sort(key=lambda rs: (_TITLE_RANK.get(normalize(rs[0].get("title", "")), 4),
                                    bool(rs[0].get("acting")),
                                    -(rs[1].toordinal() if rs[1] else 0)))
        return [dict(role) for role, _start in active]

    def role_on(self, entry: KBEntry | str, on: date | None = None) -> dict[str, Any] | None:
        """The role in force that day (the most senior if several), or None."""
        roles = self.roles_on(entry, on)
        return roles[0] if roles else None

    # ------------------------------------------------------------------ titles
    def parse_title(self, phrase: str) -> tuple[str, str | None, str | None] | None:
        """Split a title phrase into (title, country alpha-3, organization id).

        "the Russian President" -> ("President", "RUS", None); "US Senator" ->
        ("Senator", "USA", None); "NATO Secretary General" -> ("Secretary General",
        None, "org:nato"); "President of France" -> ("President", "FRA", None);
        "Foreign Minister Sergei Lavrov" -> ("Foreign Minister", None, None): words
        after the title that are not "of X" (a name) are ignored. None when no title.
        """
        if not phrase or not phrase.strip():
            return None
        words = normalize(phrase.replace("’s", "'s").replace("'s ", " 's ")).split()
        # find the longest title, leftmost
        best: tuple[int, int, str] | None = None
        for i in range(len(words)):
            for n in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
                cand = " ".join(words[i:i + n])
                if cand in _TITLE_INDEX:
                    if best is None or n > best[1] - best[0]:
                        best = (i, i + n, _TITLE_INDEX[cand])
                    break
            if best is not None and best[0] == i:
                # prefer a longer title starting later only if it covers this one
                pass
        if best is None:
            return None
        start, end, title = best
        # a modifier word that is itself part of a longer title ("House" + "Speaker")
        before = [w for w in words[:start] if w not in _FILLER]
        after: list[str] = []
        if end < len(words) and words[end] in ("of", "for", "to") and end + 1 < len(words):
            after = [w for w in words[end + 1:] if w not in _FILLER]
        country, org = self._modifiers(before)
        if after:
            c2, o2 = self._modifiers(after)
            country = country or c2
            org = org or o2
        if org is not None and country is None:
            org_entry = self._by_id.get(org)
            if org_entry is not None and org_entry.country and org_entry.kind == "organization" \
                    and org_entry.raw.get("type") in ("legislature", "government", "party", "agency"):
                country = org_entry.country
        return title, country, org

    def _modifiers(self, words: list[str]) -> tuple[str | None, str | None]:
        """Country and organization named by a run of modifier words (longest match first)."""
        country = org = None
        i = 0
        while i < len(words):
            matched = False
            for n in range(len(words) - i, 0, -1):
                text = " ".join(words[i:i + n])
                dem = self.demonym(text) if n <= 3 else None
                if dem is not None and country is None:
                    country = dem.raw.get("alpha3")
                    i += n
                    matched = True
                    break
                entry = self._modifier_entry(text)
                if entry is not None:
                    if entry.kind == "country" and country is None:
                        country = entry.raw.get("alpha3")
                    elif entry.kind in ("organization", "group") and org is None:
                        org = entry.id
                    i += n
                    matched = True
                    break
            if not matched:
                i += 1
        return country, org

    def _modifier_entry(self, text: str) -> KBEntry | None:
        key, _ = self._key(text)
        for a in self._alias.get(key, []):
            if a.entry.kind in ("country", "organization", "group") and not a.case_sensitive:
                return a.entry
            if a.case_sensitive and key in ("us",):
                return a.entry  # "us senator": lower-cased by normalize, written "US" in titles
        adj = self._org_adjective.get(key) if hasattr(self, "_org_adjective") else None
        return self._by_id.get(adj) if adj else None

    @property
    def _org_adjective(self) -> dict[str, str]:
        cache = self.__dict__.get("_org_adjective_cache")
        if cache is None:
            cache = {}
            for e in self._by_id.values():
                for adj in e.raw.get("adjectives", []):
                    cache[self._key(adj)[0]] = e.id
            self.__dict__["_org_adjective_cache"] = cache
        return cache


# --------------------------------------------------------------------------- loading

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
