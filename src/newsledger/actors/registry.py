"""The actor registry: every actor seen so far, across articles, and how to find them again.

``resolve_statements`` asks the registry who "Lee" or "Senator Lee" is when the
article itself does not say, and tells it every actor it resolves (with the
name as written, the role learned at that date, the members of a group). The
registry is plain Python: it starts empty, or from rows that the store kept
(``ActorRegistry.from_rows``), and hands back the records that changed
(``take_dirty``) for the store to save. It never touches a database itself.

Merging rules (issue 4 point 3)
-------------------------------
- Same normalised name or alias, same kind: one actor.
- A surname ("Lee"), a title plus surname ("Senator Lee") or a shorter form of a
  full name ("Tayyip Erdogan" for "Recep Tayyip Erdogan") merges with the one
  known person whose name ends with it and who is *compatible*: same kind, no
  conflicting country, and, when the mention carries a title, a known role with
  that title if any candidate has one. Two candidates left: no merge (different
  people who share a surname stay apart).
- A surname seen before any full name gets an actor of its own ("person:lee");
  when later exactly one compatible full name with that surname appears, the
  surname actor is merged into it (``merged_into``), so its statements count for
  the full name. Ids never change, a merged id points to its canonical actor.
- A person the knowledge base knows is never merged into one it does not know
  ("Hillary Clinton" stays itself when "Crooked Hillary Clinton" turns up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from newsledger.actors.names import normalize
from newsledger.actors.titles import canonical_title

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# words of an institution's name that name nothing ("Foreign Ministry of the DPRK": "The
# spokesman" writes none of its name)
_FUNCTION_WORDS = {"the", "of", "for", "and", "on", "in", "at", "to"}


def name_words(name: str) -> list[str]:
    """The words of a person's name that identify them: no initials, no Jr./Sr."""
    return list(_name_words(name))


def writes_name(text: str, name: str) -> bool:
    """True when a mention's text writes (part of) the name itself, not only a title or pronoun."""
    words = set(normalize(text).split())
    return any(w in words for w in name_words(name))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = normalize(name).split()
    kept = [w for w in words if w not in _SUFFIXES and w not in _FUNCTION_WORDS and len(w) > 1]
    return tuple(kept or words)


@dataclass
class ActorRecord:
    """One actor as the registry knows it (and as the store keeps it)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    country: str | None = None
    organization: str | None = None
    role: str | None = None
    first_date: date | None = None
    last_date: date | None = None
    merged_into: str | None = None
    in_kb: bool = False

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "aliases": list(self.aliases),
            "roles": [dict(r) for r in self.roles], "members": [dict(m) for m in self.members],
            "country": self.country, "organization": self.organization, "role": self.role,
            "first_date": self.first_date, "last_date": self.last_date,
            "merged_into": self.merged_into, "in_kb": self.in_kb,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ActorRecord:
        fields = {k: row.get(k) for k in ("id", "name", "kind", "country", "organization", "role",
                                           "first_date", "last_date", "merged_into")}
        return cls(**fields, aliases=list(row.get("aliases") or []), roles=list(row.get("roles") or []),
                   members=list(row.get("members") or []), in_kb=bool(row.get("in_kb")))

    def titles(self) -> set[str]:
        return {normalize(canonical_title(r["title"])) for r in self.roles if r.get("title")}

    def countries(self) -> set[str]:
        found = {r["country"] for r in self.roles if r.get("country")}
        if self.country:
            found.add(self.country)
        return found


class ActorRegistry:
    """Actors by id, by name or alias, and by the endings of person names."""

    def __init__(self, records: Iterable[ActorRecord] = ()):
        self._by_id: dict[str, ActorRecord] = {}
        self._by_key: dict[str, list[str]] = {}
        self._by_ending: dict[str, list[str]] = {}
        self._dirty: set[str] = set()
        for record in records:
            self._put(record)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> ActorRegistry:
        return cls(ActorRecord.from_row(r) for r in rows)

    # ------------------------------------------------------------------ indexes
    def _put(self, record: ActorRecord) -> None:
        self._by_id[record.id] = record
        for alias in [record.name, *record.aliases]:
            self._index(record, alias)

    def _index(self, record: ActorRecord, alias: str) -> None:
        key = normalize(alias)
        if not key:
            return
        ids = self._by_key.setdefault(key, [])
        if record.id not in ids:
            ids.append(record.id)
        if record.kind == "person":
            words = name_words(alias)
            for i in range(1, len(words)):  # every proper ending: "lee", "tayyip erdogan"
                ending = " ".join(words[i:])
                ids = self._by_ending.setdefault(ending, [])
                if record.id not in ids:
                    ids.append(record.id)

    # ------------------------------------------------------------------ access
    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    def records(self) -> list[ActorRecord]:
        return list(self._by_id.values())

    def canonical_id(self, actor_id: str) -> str:
        seen = set()
        while actor_id in self._by_id and self._by_id[actor_id].merged_into and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self._by_id[actor_id].merged_into  # type: ignore[assignment]
        return actor_id

    def get(self, actor_id: str) -> ActorRecord | None:
        """The record of an id, following merges to the canonical actor."""
        return self._by_id.get(self.canonical_id(actor_id))

    def find(self, name: str, kind: str | None = None) -> list[ActorRecord]:
        """Canonical actors whose name or an alias is ``name`` (normalised), of ``kind`` if given."""
        out: list[ActorRecord] = []
        for actor_id in self._by_key.get(normalize(name), []):
            record = self.get(actor_id)
            if record is not None and (kind is None or record.kind == kind) and record not in out:
                out.append(record)
        return out

    def ending_with(self, name: str) -> list[ActorRecord]:
        """Canonical persons with a longer name that ends with ``name`` ("Lee" -> Mike Lee)."""
        out: list[ActorRecord] = []
        for actor_id in self._by_ending.get(" ".join(name_words(name)), []):
            record = self.get(actor_id)
            if record is not None and record not in out and len(name_words(record.name)) > len(name_words(name)):
                out.append(record)
        return out

    # ------------------------------------------------------------------ matching
    def match_person(self, name: str, *, title: str | None = None, country: str | None = None) -> ActorRecord | None:
        """The one known person ``name`` (full, shorter or surname) can be, or None.

        Exact names first; then persons whose name ends with ``name``, kept when
        compatible (no other country; the title, when given and when any candidate
        has it, among their roles). Several left: None.
        """
        exact = [r for r in self.find(name, "person") if _compatible(r, country)]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            return _by_title(exact, title)
        longer = [r for r in self.ending_with(name) if _compatible(r, country)]
        return _by_title(longer, title) if longer else None

    # ------------------------------------------------------------------ updates
    def observe(self, actor_id: str, name: str, kind: str, *, alias: str | None = None,
                role: dict[str, Any] | None = None, country: str | None = None,
                organization: str | None = None, on: date | None = None,
                members: list[dict[str, Any]] | None = None, kb_roles: list[dict[str, Any]] | None = None,
                in_kb: bool = False) -> ActorRecord:
        """Record that ``actor_id`` was seen (as ``alias``, with ``role``, on ``on``); returns the
        canonical record. A new full-name person absorbs earlier surname-only actors."""
        record = self.get(actor_id)
        created = record is None
        if record is None:
            record = ActorRecord(id=actor_id, name=name, kind=kind, in_kb=in_kb)
            if kb_roles:
                record.roles = [dict(r, source="kb") for r in kb_roles]
            self._put(record)
        changed = created
        for written in (alias, name):
            if written and normalize(written) != normalize(record.name) and \
                    all(normalize(written) != normalize(a) for a in record.aliases):
                record.aliases.append(written)
                self._index(record, written)
                changed = True
        if role and role.get("title"):
            changed |= _add_role(record, role, on)
            record.role = role["title"]
        if country and record.country != country and (record.country is None or role):
            record.country = country
            changed = True
        if organization and record.organization != organization:
            record.organization = organization
            changed = True
        if members:
            known = {(m.get("actor_id"), m.get("name")) for m in record.members}
            for member in members:
                if (member.get("actor_id"), member.get("name")) not in known:
                    record.members.append(dict(member))
                    changed = True
        if on is not None:
            if record.first_date is None or on < record.first_date:
                record.first_date, changed = on, True
            if record.last_date is None or on > record.last_date:
                record.last_date, changed = on, True
        if changed:
            self._dirty.add(record.id)
        if created and kind == "person" and len(name_words(name)) > 1:
            self._absorb_short_forms(record)
        return record

    def merge(self, from_id: str, into_id: str) -> None:
        """Point ``from_id`` at ``into_id``; its aliases and roles move to the canonical actor."""
        source, target = self._by_id.get(from_id), self.get(into_id)
        if source is None or target is None or source is target:
            return
        source.merged_into = target.id
        for alias in [source.name, *source.aliases]:
            if normalize(alias) != normalize(target.name) and alias not in target.aliases:
                target.aliases.append(alias)
                self._index(target, alias)
        for role in source.roles:
            if role not in target.roles:
                target.roles.append(dict(role))
        for d in (source.first_date, source.last_date):
            if d is not None:
                target.first_date = min(target.first_date or d, d)
                target.last_date = max(target.last_date or d, d)
        self._dirty.update({source.id, target.id})

    def _absorb_short_forms(self, record: ActorRecord) -> None:
        words = name_words(record.name)
        for i in range(1, len(words)):
            ending = " ".join(words[i:])
            for other in self.find(ending, "person"):
                if other.id == record.id or len(name_words(other.name)) >= len(words):
                    continue
                if other.in_kb and not record.in_kb:
                    continue  # "Crooked Hillary Clinton" does not absorb the known Hillary Clinton
                if not _compatible(other, record.country):
                    continue
                rivals = [r for r in self.ending_with(ending) if _compatible(r, other.country)]
                if [r.id for r in rivals] == [record.id]:
                    self.merge(other.id, record.id)

    def take_dirty(self) -> list[dict[str, Any]]:
        """Rows of the records changed since the last call (for the store), then forget them."""
        rows = [self._by_id[i].row() for i in sorted(self._dirty) if i in self._by_id]
        self._dirty.clear()
        return rows


def _compatible(record: ActorRecord, country: str | None) -> bool:
    return country is None or not record.countries() or country in record.countries()


def _by_title(candidates: list[ActorRecord], title: str | None) -> ActorRecord | None:
    if len(candidates) == 1:
        return candidates[0]
    if title:
        want = normalize(canonical_title(title))
        titled = [r for r in candidates if want in r.titles()]
        if len(titled) == 1:
            return titled[0]
    return None


def _add_role(record: ActorRecord, role: dict[str, Any], on: date | None) -> bool:
    """Add a role learned from the text, or widen the dates it was seen in force."""
    key = (normalize(canonical_title(role["title"])), role.get("country"), role.get("organization"))
    for known in record.roles:
        if (normalize(canonical_title(known.get("title", ""))), known.get("country"),
                known.get("organization")) != key:
            continue
        if known.get("source") == "kb" or on is None:
            return False
        seen = on.isoformat()
        changed = False
        if known.get("seen_from") is None or seen < known["seen_from"]:
            known["seen_from"], changed = seen, True
        if known.get("seen_until") is None or seen > known["seen_until"]:
            known["seen_until"], changed = seen, True
        return changed
    new = {k: v for k, v in role.items() if v is not None}
    new["source"] = "text"
    if on is not None:
        new["seen_from"] = new["seen_until"] = on.isoformat()
    record.roles.append(new)
    return True


__all__ = ["ActorRecord", "ActorRegistry", "name_words"]
