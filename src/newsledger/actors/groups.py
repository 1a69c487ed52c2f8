"""The members a group phrase lists, as actors: "a number of countries, including the USA,
Germany and the UK" -> the United States, Germany and the United Kingdom, each with its
knowledge-base id, else the actor this run has seen under that name, else the words alone
(kind "unknown"). Which words list members is :func:`.evidence.find_members`'."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from newsledger.actors.evidence import find_members
from newsledger.actors.knowledge import KnowledgeBase
from newsledger.actors.registry import ActorRegistry

# The record's speaker kinds for the knowledge base's kinds (a place speaks as a country).
CONTRACT_KINDS = {"person": "person", "organization": "organization", "country": "country",
                  "media": "media", "group": "group", "place": "country"}


def group_members(kb: KnowledgeBase, registry: ActorRegistry, text: str, on: date | None,
                  context: Iterable[str]) -> list[dict[str, Any]]:
    """The members ``text`` lists, as ``{"name", "actor_id", "kind"}`` records, in order."""
    members = []
    for written, entry in find_members(kb, text, on=on, context_ids=context):
        if entry is not None:
            members.append({"name": entry.name, "actor_id": entry.id,
                            "kind": CONTRACT_KINDS.get(entry.kind, entry.kind)})
            continue
        known = registry.find(written)
        members.append({"name": known[0].name if known else written,
                        "actor_id": known[0].id if known else None,
                        "kind": known[0].kind if known else "unknown"})
    return members
