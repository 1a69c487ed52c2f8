"""Statements as event data: GDELT-style CAMEO rows and POLECAT-style PLOVER rows.

``newsledger export --format cameo`` and ``--format plover`` write one tab-separated row per
statement record, with a header row, so that tools built for political event data can load
the ledger. Each statement is an event: its speaker is the source actor, its first target
(other than the speaker and the speaker's own country) is the target actor, its speech act
(``act``, coded by ``cameo``/``plover`` in the record) is the event, and its sentence is the
evidence. Values are derived from the record only; what the record does not say is left
empty, never guessed. Tabs and line breaks inside text are written as spaces (the offsets
columns point back to the exact words).

**cameo** — the 58 columns of a GDELT 1.0 event row, in GDELT's order and with its names,
then newsledger's evidence columns:

- ``GLOBALEVENTID``: the first 15 hex digits of the statement id as an integer (stable);
  ``SQLDATE`` (YYYYMMDD), ``MonthYear``, ``Year``, ``FractionDate`` (year + (month*30+day)/365,
  as GDELT) of the statement's date, else the article's publication date.
- ``Actor1Code/Name/CountryCode/KnownGroupCode/Type1Code``: the speaker's canonical name,
  ISO 3166 alpha-3 country, CAMEO known-group code for a few intergovernmental organisations
  (NATO ``NAT``, EU bodies ``EEC``, UN bodies ``UNO``, ``IMF``, ``WBK``, ``WTO``, ``OPC``),
  and a CAMEO type from the role words, organisation, kind, or an organisation's own name
  (``GOV``, ``LEG``, ``MIL``, ``JUD``, ``COP``, ``MED``, ``IGO``, ``LAB`` for trade unions,
  ``BUS``); the code is their concatenation ("USALEG"). ``Actor2*``: the
  same for the target (country from a ``country:XXX`` actor id only). Ethnic, religion and
  Type2/3 codes stay empty.
- ``EventCode``/``EventBaseCode``: the three-digit code of the act: 010 make statement
  (claim, opinion, prediction, report, question), 012 pessimistic comment (an unconditional
  warning), 020 appeal (proposal), 030 intent to cooperate (commitment), 100 demand,
  120 reject (denial), 130 threaten (threat, conditional warning); ``EventRootCode`` the
  record's ``cameo``; ``QuadClass`` 1-4 from the root (01-05 verbal cooperation, 06-08
  material cooperation, 09-13 verbal conflict, 14-20 material conflict); ``GoldsteinScale``
  from the CAMEO Goldstein table for those codes; ``IsRootEvent`` 1 and ``NumMentions``,
  ``NumSources``, ``NumArticles`` 1 (one statement in one article); ``AvgTone`` and all
  geography columns empty; ``DATEADDED`` the article's publication date (YYYYMMDD);
  ``SOURCEURL`` the article's URL, else its path.
- evidence: ``StatementId``, ``ArticleId``, ``Outlet``, ``Actor1Id``, ``Actor1Mention``,
  ``Actor2Id``, ``Targets`` (all target names, "; "-joined), ``Act``, ``Negated``, ``Quote``,
  ``Cue``, ``Content``, ``ContentSpan``, ``SourceSpan``, ``Condition``, ``DateBasis``,
  ``PublishedDate``, ``Confidence``.

**plover** — POLECAT-like columns: ``event_id`` (the statement id), ``story_date`` (the
article's publication date), ``event_date`` (the statement's date), ``source`` (the words
naming the speaker), ``source_actor``, ``source_agent`` (the CAMEO-style type above),
``source_country``, ``source_actor_id``, ``target``, ``target_actor_id``, ``target_country``,
``event_type`` (the record's ``plover``: THREATEN, REJECT, REQUEST, AGREE; empty for acts
PLOVER does not code, such as plain claims), ``event_mode`` (empty: not derived),
``quad_code`` (1 verbal cooperation for AGREE, 3 verbal conflict for REQUEST, REJECT,
THREATEN, as PLOVER's quad categories), ``contexts`` (empty), ``feed`` (the outlet),
``story_id`` (the article id), ``headline``, ``url``, ``event_text`` (the content), then
``act``, ``negated``, ``quote``, ``cue``, ``content_span``, ``source_span``, ``condition``,
``consequence``, ``date_basis``, ``confidence``.

Not derived: event modes and contexts, locations, tone, actors' religion or ethnicity, and
codes finer than the act (an ultimatum is 130, not 139).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from newsledger.store.rows import record_date

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
EVIDENCE_COLUMNS = [
    "StatementId", "ArticleId", "Outlet", "Actor1Id", "Actor1Mention", "Actor2Id", "Targets",
    "Act", "Negated", "Quote", "Cue", "Content", "ContentSpan", "SourceSpan", "Condition",
    "DateBasis", "PublishedDate", "Confidence",
]
CAMEO_COLUMNS = GDELT_COLUMNS + EVIDENCE_COLUMNS

PLOVER_COLUMNS = [
    "event_id", "story_date", "event_date", "source", "source_actor", "source_agent",
    "source_country", "source_actor_id", "target", "target_actor_id", "target_country",
    "event_type", "event_mode", "quad_code", "contexts", "feed", "story_id", "headline", "url",
    "event_text", "act", "negated", "quote", "cue", "content_span", "source_span", "condition",
    "consequence", "date_basis", "confidence",
]

# The three-digit CAMEO code of each act (root code from nlp/acts.py, "not specified below").
_EVENT_CODES = {"01": "010", "02": "020", "03": "030", "10": "100", "12": "120", "13": "130"}
# CAMEO Goldstein weights (CAMEO.goldsteinscale.txt) for the codes written here.
GOLDSTEIN = {"010": 0.0, "012": -0.4, "020": 3.0, "030": 4.0, "100": -5.0, "120": -4.0, "130": -4.4}
PLOVER_QUADS = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
                "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
                "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
KNOWN_GROUPS = {
    "org:nato": "NAT", "org:eu": "EEC", "org:european-commission": "EEC",
    "org:european-parliament": "EEC", "org:council-of-the-eu": "EEC", "org:european-council": "EEC",
    "org:un": "UNO", "org:unsc": "UNO", "org:unga": "UNO", "org:un-secretariat": "UNO",
    "org:imf": "IMF", "org:world-bank": "WBK", "org:wto": "WTO", "org:opec": "OPC",
}
# Role words -> CAMEO actor type, first match wins ("defence minister" is GOV, not MIL;
# "attorney general" JUD). A cue matches at the start of a word: "spokes" finds "spokeswoman".
_ROLE_TYPES = (
    (("senator", "congress", "lawmaker", "legislator", "parliament", "mp", "speaker of", "duma",
      "bundestag", "assembly"), "LEG"),
    (("judge", "court", "prosecutor", "attorney"), "JUD"),
    (("president", "prime minister", "minister", "chancellor", "secretary", "spokes", "ambassador",
      "governor", "mayor", "king", "queen", "premier", "envoy", "diplomat", "official",
      "government", "ministry", "kremlin", "white house", "commission", "city council",
      "council member", "councillor", "councilor"), "GOV"),
    (("general", "admiral", "army", "navy", "military", "commander", "armed forces", "coast guard"), "MIL"),
    (("police",), "COP"),
    (("chief executive", "ceo", "company", "chairman", "employers", "chamber of commerce",
      "business"), "BUS"),
)
# A trade union by its name ("the dockworkers' union", "Unite trade union"); "European Union"
# and "African Union" are not (they have no trade or workers word before "union").
_LABOUR = re.compile(r"\b(?:trade|labou?r|\w*workers|teachers|nurses|miners|farmers|\w*men)s? unions?\b"
                     r"|\bunion (?:leader|head|chief|boss)\b"
                     r"|\bunion of (?:\w+ )?\w*(?:workers|teachers|miners|nurses|journalists|farmers)\b")


def write_cameo(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """GDELT-style rows (``CAMEO_COLUMNS``), tab-separated with a header; returns how many."""
    return _write(stream, CAMEO_COLUMNS, (cameo_row(r) for r in records))


def write_plover(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """POLECAT-style rows (``PLOVER_COLUMNS``), tab-separated with a header; returns how many."""
    return _write(stream, PLOVER_COLUMNS, (plover_row(r) for r in records))


def _write(stream: TextIO, columns: list[str], rows: Iterable[dict[str, Any]]) -> int:
    stream.write("\t".join(columns) + "\n")
    count = 0
    for row in rows:
        stream.write("\t".join(_cell(row.get(name)) for name in columns) + "\n")
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


# --------------------------------------------------------------------------- actors

def source_actor(record: dict[str, Any]) -> dict[str, Any]:
    """The speaker as an event-data actor: name, id, mention, country, known group, type, code."""
    speaker = record.get("speaker") or {}
    actor_id = speaker.get("actor_id")
    country = speaker.get("country") or _country_of(actor_id)
    name = speaker.get("name") or speaker.get("mention")
    kind = speaker.get("kind")
    own_name = name if kind in ("organization", "group") else None  # "the dockworkers' union"
    return _actor(name, actor_id, country,
                  _actor_type(kind, actor_id, speaker.get("role"), speaker.get("organization"), own_name),
                  speaker.get("mention"))


def target_actor(record: dict[str, Any]) -> dict[str, Any] | None:
    """The statement's target: its first target that is neither the speaker nor the
    speaker's own country (else its first target); None when it has none."""
    targets = record.get("targets") or []
    if not targets:
        return None
    speaker = record.get("speaker") or {}
    own = {speaker.get("actor_id"), f"country:{speaker['country']}" if speaker.get("country") else None} - {None}
    chosen = next((t for t in targets if t.get("actor_id") not in own), targets[0])
    actor_id = chosen.get("actor_id")
    return _actor(chosen.get("name"), actor_id, _country_of(actor_id),
                  _actor_type(None, actor_id, None, None), None)


def _actor(name: str | None, actor_id: str | None, country: str | None, type_code: str | None,
           mention: str | None) -> dict[str, Any]:
    group = KNOWN_GROUPS.get(actor_id or "")
    code = "".join(part for part in (country, group, None if group else type_code) if part)
    return {"name": name, "id": actor_id, "mention": mention, "country": country,
            "group": group, "type": type_code, "code": code or None}


def _country_of(actor_id: str | None) -> str | None:
    if actor_id and actor_id.startswith("country:") and len(actor_id) == len("country:") + 3:
        return actor_id[len("country:"):]
    return None


def _actor_type(kind: str | None, actor_id: str | None, role: str | None, organization: str | None,
                name: str | None = None) -> str | None:
    """A CAMEO actor type from the kind, a known group, then the role, organisation and
    (for organisations) name words; None when nothing says."""
    if kind == "media":
        return "MED"
    if actor_id in KNOWN_GROUPS:
        return "IGO"
    text = " ".join(x for x in (role, organization, name) if x).casefold().replace("'", "").replace("’", "")
    words = " " + " ".join("".join(c if c.isalnum() else " " for c in text).split())
    for cues, code in _ROLE_TYPES:
        if any(f" {cue}" in words for cue in cues):
            return code
    return "LAB" if _LABOUR.search(words) else None


# --------------------------------------------------------------------------- events

def event_code(record: dict[str, Any]) -> str | None:
    """The three-digit CAMEO code of the statement's act (see the module docstring)."""
    root = record.get("cameo")
    if root == "01" and record.get("act") == "warning":
        return "012"
    return _EVENT_CODES.get(root or "")


def quad_class(root: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO root code."""
    if not root or not root.isdigit():
        return None
    n = int(root)
    return 1 if 1 <= n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4 if n <= 20 else None


def _event_date(record: dict[str, Any]) -> date | None:
    value = record_date(record)
    return date.fromisoformat(value) if value else None


def _compact(value: str | None) -> str | None:
    return value.replace("-", "") if value else None


def cameo_row(record: dict[str, Any]) -> dict[str, Any]:
    """One GDELT-style row (column name -> value) for a statement record."""
    article = record.get("article") or {}
    when = _event_date(record)
    source, target = source_actor(record), target_actor(record) or {}
    code = event_code(record)
    row: dict[str, Any] = {
        "GLOBALEVENTID": int(record["id"][:15], 16),
        "SQLDATE": when.strftime("%Y%m%d") if when else None,
        "MonthYear": when.strftime("%Y%m") if when else None,
        "Year": when.year if when else None,
        "FractionDate": f"{when.year + (when.month * 30 + when.day) / 365:.4f}" if when else None,
        "IsRootEvent": 1, "EventCode": code, "EventBaseCode": code[:3] if code else None,
        "EventRootCode": record.get("cameo"), "QuadClass": quad_class(record.get("cameo")),
        "GoldsteinScale": GOLDSTEIN.get(code or ""),
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "DATEADDED": _compact(article.get("published")),
        "SOURCEURL": article.get("url") or article.get("path"),
    }
    for n, actor in ((1, source), (2, target)):
        row.update({f"Actor{n}Code": actor.get("code"), f"Actor{n}Name": actor.get("name"),
                    f"Actor{n}CountryCode": actor.get("country"),
                    f"Actor{n}KnownGroupCode": actor.get("group"), f"Actor{n}Type1Code": actor.get("type")})
    row.update({
        "StatementId": record["id"], "ArticleId": article.get("id"), "Outlet": article.get("outlet"),
        "Actor1Id": source["id"], "Actor1Mention": source["mention"], "Actor2Id": target.get("id"),
        "Targets": "; ".join(t.get("name") or "" for t in record.get("targets") or []),
        "Act": record.get("act"), "Negated": record.get("negated"), "Quote": record.get("quote"),
        "Cue": record.get("cue"), "Content": record.get("content"),
        "ContentSpan": record.get("content_span"), "SourceSpan": record.get("source_span"),
        "Condition": (record.get("condition") or {}).get("text"), "DateBasis": record.get("date_basis"),
        "PublishedDate": article.get("published"), "Confidence": record.get("confidence"),
    })
    return row


def plover_row(record: dict[str, Any]) -> dict[str, Any]:
    """One POLECAT-style row (column name -> value) for a statement record."""
    article = record.get("article") or {}
    source, target = source_actor(record), target_actor(record) or {}
    event_type = record.get("plover")
    return {
        "event_id": record["id"], "story_date": article.get("published"), "event_date": record.get("date"),
        "source": source["mention"], "source_actor": source["name"], "source_agent": source["type"],
        "source_country": source["country"], "source_actor_id": source["id"],
        "target": target.get("name"), "target_actor_id": target.get("id"),
        "target_country": target.get("country"), "event_type": event_type, "event_mode": None,
        "quad_code": PLOVER_QUADS.get(event_type or ""), "contexts": None,
        "feed": article.get("outlet"), "story_id": article.get("id"), "headline": article.get("title"),
        "url": article.get("url"), "event_text": record.get("content"), "act": record.get("act"),
        "negated": record.get("negated"), "quote": record.get("quote"), "cue": record.get("cue"),
        "content_span": record.get("content_span"), "source_span": record.get("source_span"),
        "condition": (record.get("condition") or {}).get("text"),
        "consequence": (record.get("consequence") or {}).get("text"),
        "date_basis": record.get("date_basis"), "confidence": record.get("confidence"),
    }


__all__ = ["CAMEO_COLUMNS", "GDELT_COLUMNS", "GOLDSTEIN", "PLOVER_COLUMNS", "cameo_row", "event_code",
           "plover_row", "quad_class", "source_actor", "target_actor", "write_cameo", "write_plover"]
