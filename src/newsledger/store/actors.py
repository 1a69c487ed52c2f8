"""Actors in the ledger: the ``actors`` table, and the actor listings the CLI and web show.

``actors``
    one row per actor the actors stage has seen (``actor_id`` of statements): id, canonical
    name, kind, the last role/country/organisation observed, ``aliases`` (JSON list of the
    names it was written as), ``roles`` (JSON list of ``{title, country, organization, from,
    until, seen_from, seen_until, source}``: dated roles from the knowledge base, and roles
    learned from the text with the dates they were seen), ``members`` (JSON list, for groups),
    ``merged_into`` (the canonical actor's id when this one was merged), ``in_kb``, and the
    first and last date it was seen.

The table shares the ledger's ``MetaData`` (created with the other tables by
``create_schema`` when this module is imported first) and is also created on first use by
:func:`ensure_actor_table`, so ledgers written before it existed gain it without a migration.

The store knows no actor logic: rows come from and go to the actors stage as plain dicts
(``ActorRegistry.take_dirty()`` / ``ActorRegistry.from_rows()``). Listings are computed from
this table and the statements: statement counts and first/last dates per canonical actor
(merged ids counted with their canonical actor); actors that have statements but no row
(ingested without the actors stage) are listed from their stored mentions.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from sqlalchemy import Boolean, Column, Connection, Date, Index, String, Table, Text, func, insert, inspect, select

from newsledger.store.engine import upserting_insert, write_transaction
from newsledger.store.schema import mentions, metadata, statements

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("role", Text),
    Column("country", String(3)),
    Column("organization", Text),
    Column("aliases", Text, nullable=False),
    Column("roles", Text, nullable=False),
    Column("members", Text, nullable=False),
    Column("merged_into", String(200)),
    Column("in_kb", Boolean, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Index("ix_actors_kind", "kind"),
    Index("ix_actors_merged_into", "merged_into"),
)

_JSON_FIELDS = ("aliases", "roles", "members")
_NON_WORD = re.compile(r"[^\w]+")


def ensure_actor_table(ledger: Any) -> None:
    """Create the ``actors`` table if the ledger lacks it (idempotent)."""
    with ledger.engine.connect() as connection:
        if inspect(connection).has_table("actors"):
            return
    with write_transaction(ledger.engine) as connection:
        actors.create(connection, checkfirst=True)


def load_actor_rows(ledger: Any) -> list[dict[str, Any]]:
    """Every actor row, as the dict ``ActorRegistry.from_rows`` takes."""
    ensure_actor_table(ledger)
    with ledger.engine.connect() as connection:
        return [_from_db(row._mapping) for row in connection.execute(select(actors))]


def save_actor_rows(ledger: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or replace actor rows (from ``ActorRegistry.take_dirty()``) in one transaction."""
    values = [_to_db(r) for r in rows]
    if not values:
        return 0
    ensure_actor_table(ledger)
    with write_transaction(ledger.engine) as connection:
        _upsert(connection, values)
    return len(values)


def _upsert(connection: Connection, values: list[dict[str, Any]]) -> None:
    stmt = upserting_insert(connection, actors)
    if stmt is not None:
        stmt = stmt.on_conflict_do_update(
            index_elements=[actors.c.id],
            set_={c.name: stmt.excluded[c.name] for c in actors.columns if c.name != "id"},
        )
        connection.execute(stmt, values)
        return
    ids = [v["id"] for v in values]
    connection.execute(actors.delete().where(actors.c.id.in_(ids)))
    connection.execute(insert(actors), values)


def _to_db(row: dict[str, Any]) -> dict[str, Any]:
    out = {c.name: row.get(c.name) for c in actors.columns}
    for key in _JSON_FIELDS:
        out[key] = json.dumps(row.get(key) or [], ensure_ascii=False, default=str)
    out["in_kb"] = bool(row.get("in_kb"))
    return out


def _from_db(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    for key in _JSON_FIELDS:
        row[key] = json.loads(row[key] or "[]")
    return row


@lru_cache(maxsize=65536)  # look-ups by name key every actor's names and aliases again
def name_key(text: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for look-ups by name."""
    if not text:
        return ""
    text = text.replace(".", "")
    if not text.isascii():  # ASCII has no accents to strip
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.casefold()
    text = " ".join(_NON_WORD.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


# --------------------------------------------------------------------------- listings

def _canonical(rows: dict[str, dict[str, Any]], actor_id: str) -> str:
    seen: set[str] = set()
    while actor_id in rows and rows[actor_id].get("merged_into") and actor_id not in seen:
        seen.add(actor_id)
        actor_id = rows[actor_id]["merged_into"]
    return actor_id


def _statement_stats(connection: Connection) -> dict[str, tuple[int, date | None, date | None]]:
    q = (select(statements.c.actor_id, func.count(), func.min(statements.c.effective_date),
                func.max(statements.c.effective_date))
         .where(statements.c.actor_id.is_not(None)).group_by(statements.c.actor_id))
    return {row[0]: (row[1], row[2], row[3]) for row in connection.execute(q)}


def _latest_mentions(connection: Connection) -> dict[str, dict[str, Any]]:
    """Per actor id, its speaker mention of the latest dated statement (name, kind, role…)."""
    q = (select(statements.c.actor_id, statements.c.effective_date, mentions.c.name, mentions.c.kind,
                mentions.c.role, mentions.c.country, mentions.c.organization, mentions.c.text)
         .join(mentions, (mentions.c.article_id == statements.c.article_id)
               & (mentions.c.start == statements.c.speaker_start)
               & (mentions.c.end == statements.c.speaker_end))
         .where(statements.c.actor_id.is_not(None)))
    latest: dict[str, dict[str, Any]] = {}
    for row in connection.execute(q):
        m = row._mapping
        current = latest.get(m["actor_id"])
        when = m["effective_date"] or date.min
        if current is None or when >= current["_when"]:
            latest[m["actor_id"]] = {**dict(m), "_when": when}
    return latest


def list_actors(ledger: Any, kind: str | None = None) -> list[dict[str, Any]]:
    """One record per canonical actor with statements: id, name, kind, role, country,
    organization, aliases, statements (count), first and last statement date (ISO), most
    statements first. ``kind`` keeps only that kind."""
    ensure_actor_table(ledger)
    with ledger.engine.connect() as connection:
        rows = {r["id"]: r for r in (_from_db(x._mapping) for x in connection.execute(select(actors)))}
        stats = _statement_stats(connection)
        latest = _latest_mentions(connection)
    out: dict[str, dict[str, Any]] = {}
    for actor_id, (count, first, last) in stats.items():
        canonical = _canonical(rows, actor_id)
        record = out.get(canonical)
        if record is None:
            record = out[canonical] = _base_record(canonical, rows.get(canonical), latest.get(canonical)
                                                   or latest.get(actor_id))
        record["statements"] += count
        record["_first"] = _earliest(record["_first"], first)
        record["_last"] = _latest(record["_last"], last)
        if actor_id != canonical:
            merged = rows.get(actor_id)
            for alias in ([merged["name"], *merged["aliases"]] if merged else []):
                if alias not in record["aliases"] and name_key(alias) != name_key(record["name"]):
                    record["aliases"].append(alias)
    result = []
    for record in out.values():
        first, last = record.pop("_first"), record.pop("_last")
        record["first"] = first.isoformat() if first else None
        record["last"] = last.isoformat() if last else None
        if kind is None or record["kind"] == kind:
            result.append(record)
    result.sort(key=lambda r: (-r["statements"], name_key(r["name"]), r["id"]))
    return result


def _earliest(a: date | None, b: date | None) -> date | None:
    return min(a, b) if a and b else a or b


def _latest(a: date | None, b: date | None) -> date | None:
    return max(a, b) if a and b else a or b


def _base_record(actor_id: str, row: dict[str, Any] | None, mention: dict[str, Any] | None) -> dict[str, Any]:
    mention = mention or {}
    name = (row or {}).get("name") or mention.get("name") or mention.get("text") or actor_id
    return {
        "id": actor_id,
        "name": name,
        "kind": (row or {}).get("kind") or mention.get("kind") or "unknown",
        "role": mention.get("role") if mention else (row or {}).get("role"),
        "country": mention.get("country") if mention else (row or {}).get("country"),
        "organization": mention.get("organization") if mention else (row or {}).get("organization"),
        "aliases": list((row or {}).get("aliases") or []),
        "statements": 0,
        "_first": None,
        "_last": None,
    }


def actors_called(ledger: Any, name: str) -> list[dict[str, str]]:
    """``{"id", "name"}`` of each canonical actor with statements that is called ``name``:
    its id, or its name or an alias (its own, or those of actors merged into it), compared by
    :func:`name_key`; when none is, those with a name or alias ending in ``name`` as whole
    words ("Macron"). Sorted by id.

    Reads only the actors table's names (not the statements' counts and mentions, as
    :func:`list_actors` does), then one index probe per candidate: fast at millions of
    statements. Actors without a row in the actors table (ledgers ingested without the
    actors stage) are not found here; :func:`list_actors` lists them."""
    ensure_actor_table(ledger)
    wanted = name_key(name)
    with ledger.engine.connect() as connection:
        q = select(actors.c.id, actors.c.name, actors.c.aliases, actors.c.merged_into)
        rows = {r.id: {"name": r.name, "aliases": json.loads(r.aliases or "[]"), "merged_into": r.merged_into}
                for r in connection.execute(q)}
        keys = {i: {name_key(x) for x in [r["name"], *r["aliases"]]} for i, r in rows.items()}
        matched = {i for i in rows if i == name} or {i for i, k in keys.items() if wanted and wanted in k}
        if not matched and wanted:
            matched = {i for i, k in keys.items() if any(x.endswith(" " + wanted) for x in k)}
        canonical_of = {i: _canonical(rows, i) for i in rows}
        found = []
        for canonical in sorted({canonical_of[i] for i in matched}):
            ids = [i for i, c in canonical_of.items() if c == canonical]
            probe = select(statements.c.actor_id).where(statements.c.actor_id.in_(ids)).limit(1)
            if canonical in rows and connection.execute(probe).first() is not None:
                found.append({"id": canonical, "name": rows[canonical]["name"]})
    return found


def find_actor(ledger: Any, name: str) -> str | None:
    """The canonical id of the actor called ``name`` (an id, the name, an alias, or a speaker
    name in the statements; case and accents ignored); the one with most statements wins."""
    ensure_actor_table(ledger)
    with ledger.engine.connect() as connection:
        rows = {r["id"]: r for r in (_from_db(x._mapping) for x in connection.execute(select(actors)))}
        stats = _statement_stats(connection)
        wanted = name_key(name)
        found = {i for i in rows if i == name}
        if not found:
            found = {i for i, r in rows.items() if wanted in {name_key(a) for a in [r["name"], *r["aliases"]]}}
        if not found:
            q = select(statements.c.actor_id, statements.c.speaker_name).where(
                statements.c.actor_id.is_not(None)).distinct()
            speakers = list(connection.execute(q))
            found = {aid for aid, speaker in speakers if name_key(speaker) == wanted or aid == name}
        if not found and wanted:  # a surname or a shorter name: "Stoltenberg"
            found = {i for i, r in rows.items() if any(name_key(a).endswith(" " + wanted)
                                                       for a in [r["name"], *r["aliases"]])}
            found |= {aid for aid, speaker in speakers if name_key(speaker).endswith(" " + wanted)}
    if not found:
        return None
    canon = {_canonical(rows, i) for i in found}

    def count(actor_id: str) -> int:
        return sum(stats.get(i, (0,))[0] for i in rows if _canonical(rows, i) == actor_id) \
            + (stats.get(actor_id, (0,))[0] if actor_id not in rows else 0)

    return sorted(canon, key=lambda i: (-count(i), i))[0]


def actor_profile(ledger: Any, name: str) -> dict[str, Any] | None:
    """An actor's profile: the listing record plus ``roles`` (dated), ``members``,
    ``merged_ids`` and ``statement_records`` (its statements over time, oldest first)."""
    actor_id = find_actor(ledger, name)
    if actor_id is None:
        return None
    rows = {r["id"]: r for r in load_actor_rows(ledger)}
    ids = sorted({i for i in rows if _canonical(rows, i) == actor_id} | {actor_id})
    listed = next((r for r in list_actors(ledger) if r["id"] == actor_id), None)
    row = rows.get(actor_id, {})
    profile = listed or _finish(_base_record(actor_id, row or None, None))
    profile["roles"] = sorted(row.get("roles") or [], key=lambda r: (
        r.get("from") or r.get("seen_from") or "", r.get("title") or ""))
    profile["members"] = row.get("members") or []
    profile["merged_ids"] = [i for i in ids if i != actor_id]
    records: list[dict[str, Any]] = []
    for i in ids:
        records.extend(ledger.statements(actor_id=i))
    records.sort(key=lambda r: (r.get("date") or (r.get("article") or {}).get("published") or "9999",
                                r["article"]["id"], r["content_span"][0] if r["content_span"] and
                                isinstance(r["content_span"][0], int) else r["content_span"][0][0]))
    profile["statement_records"] = records
    return profile


def _finish(record: dict[str, Any]) -> dict[str, Any]:
    record.pop("_first", None)
    record.pop("_last", None)
    record["first"] = record["last"] = None
    return record


__all__ = ["actors", "actor_profile", "actors_called", "ensure_actor_table", "find_actor", "name_key", "list_actors",
           "load_actor_rows", "save_actor_rows"]
