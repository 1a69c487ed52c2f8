"""Which known actor a nominal stands for, by what the article named last.

"The campaign says ...", "the agency said", "the senator said": the knowledge base
gives the candidates (every entry with the context alias "the campaign", everyone
holding "Senator" that day) and the article chooses: the candidate whose name, alias
or surname occurs last before the mention wins. A candidate the article never names
before the mention is not chosen, so nothing is guessed from the knowledge base alone.

>>> from newsledger.actors.knowledge import load_kb
>>> kb = load_kb()
>>> text = "Hillary Clinton spoke in Ohio. Donald Trump replied. The campaign said ..."
>>> latest_named(text, kb.context_entries("the campaign"), text.index("The campaign")).id
'org:trump-campaign'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from newsledger.actors.evidence import is_name_like
from newsledger.actors.kb_entries import KBEntry

# Words that end an alias naming a campaign after its candidate ("Clinton campaign").
_CAMPAIGN_HEADS = re.compile(r"(?:'s|’s)?\s+(?:campaign|camp)$", re.IGNORECASE)


def mention_keys(entry: KBEntry) -> list[str]:
    """The strings that name an entry in running text: its name, aliases and surnames,
    and for a campaign its candidate's name ("Clinton" for "Clinton campaign")."""
    keys = [entry.name, *entry.aliases, *entry.surnames]
    if entry.raw.get("type") == "campaign":
        keys += [_CAMPAIGN_HEADS.sub("", a) for a in entry.aliases if _CAMPAIGN_HEADS.search(a)]
    out = []
    for key in keys:
        key = key.strip()
        if key.lower().startswith("the "):
            key = key[4:]
        if len(key) >= 2 and key not in out:
            out.append(key)
    return out


@lru_cache(maxsize=4096)
def _pattern(key: str) -> re.Pattern[str]:
    # Case-sensitive: "VA" the department is not "Va." nor "va"; a short all-caps
    # alias must be written in capitals.
    return re.compile(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])")


def last_position(text: str, entry: KBEntry, before: int) -> int:
    """Where the article last names ``entry`` before offset ``before``, or -1."""
    head = text[:before]
    best = -1
    for key in mention_keys(entry):
        for found in _pattern(key).finditer(head):
            best = max(best, found.start())
    return best


def latest_named(text: str, entries: Iterable[KBEntry], before: int) -> KBEntry | None:
    """The entry among ``entries`` that the text names last before ``before``, or None."""
    best, where = None, -1
    for entry in dict.fromkeys(entries):
        at = last_position(text, entry, before)
        if at > where:
            best, where = entry, at
    return best


def latest_named_for(text: str, phrase: str, entries: Iterable[KBEntry], before: int) -> KBEntry | None:
    """:func:`latest_named` for a short name that is itself a name ("the Times"): an entry
    it names by itself (The Times of London) is left out, since any earlier "the Times"
    would count for it; "the Times" after "the Tampa Bay Times" is the Tampa Bay Times."""
    short = phrase.strip().lower().removeprefix("the ")
    return latest_named(text, [e for e in entries if short not in {k.lower() for k in mention_keys(e)}], before)


__all__ = ["last_position", "latest_named", "latest_named_for", "mention_keys"]


def nominal_entry(kb: Any, text: str, name: str, mention: Any) -> KBEntry | None:
    """"The campaign", "the agency", "the network", "the Times": of the entries the phrase
    stands for (the knowledge base's context aliases), the one the article ``text`` named last;
    the mention's own words first ("The New York Times reported … the RT editor … The network
    said": RT). ``name`` is what the speakers stage made of the mention."""
    if mention.kind not in ("organization", "media", "unknown"):
        return None
    for phrase in (mention.text, name):
        entries = kb.context_entries(phrase)
        latest = latest_named(text, entries, mention.span[0]) if entries else None
        if phrase is mention.text:
            named = _named_with_head(kb, name, mention, entries, latest)
            if named is not None:
                return named
        if entries and not is_name_like(phrase):
            return latest
        found = latest_named_for(text, phrase, entries, mention.span[0]) if entries else None
        if found is not None:  # "the Times" after "the Tampa Bay Times"
            return found
    return None


def _named_with_head(kb: Any, name: str, mention: Any, entries: list[KBEntry],
                     latest: KBEntry | None) -> KBEntry | None:
    """The entry of the name the speakers stage gave "the agency" when that name holds the noun
    and is one of the phrase's ``entries``, of another kind than the entry named ``latest``: "the
    International Atomic Energy Agency said … seen by Reuters … The agency said" is the IAEA,
    not the news agency named last (but "The campaign" after Hillary Clinton is hers, named
    last, whichever campaign came before)."""
    head = mention.text.lower().split()[-1:]
    entry = kb.lookup(name) if name != mention.text and head and head[0] in name.lower().split() else None
    return entry if entry is not None and entry in entries and latest is not None and latest.kind != entry.kind \
        else None
