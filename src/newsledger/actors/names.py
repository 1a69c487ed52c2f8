"""Matching keys of names, and dates of day, month or year precision.

Every look-up in the knowledge base and the actor registry compares names by
``normalize``: lower case, accents and punctuation dropped, single spaces
("U.S." == "US", "Erdogan" == "Erdoğan"). ``slug`` turns a name into the stable
part of an actor id ("Mike Lee" -> "mike-lee").
"""

from __future__ import annotations

import hashlib

import re
import unicodedata
from dataclasses import replace
from datetime import date
from functools import lru_cache

from newsledger.model import Mention
from newsledger.nlp.nominals import GENERIC_PERSON, TITLE_ABBREVIATIONS, TITLES

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


@lru_cache(maxsize=65536)
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


def strip_the(text: str) -> str:
    """The text without spaces around it and without a leading "the " ("The Kremlin" -> "Kremlin")."""
    stripped = text.strip()
    return stripped[4:] if stripped[:4].lower() == "the " else stripped


_MAX_ID = 80


def actor_id_for(kind: str, name: str) -> str:
    """``kind:slug`` of a name ("person:mike-lee"); a long slug is cut and given a short
    hash so it stays unique."""
    key = slug(strip_the(name)) or "unnamed"
    if len(key) > _MAX_ID:
        key = key[:_MAX_ID - 9].rstrip("-") + "-" + hashlib.sha256(key.encode()).hexdigest()[:8]
    return f"{kind}:{key}"



_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame".split())


def without_honorific(name: str) -> str:
    """The name without a leading courtesy title: "Mr. Obama" -> "Obama" (the New York
    Times names people so throughout); a name of one word is left as it is.

    >>> without_honorific("Mrs. Clinton"), without_honorific("Dr. Oz"), without_honorific("Mr.")
    ('Clinton', 'Oz', 'Mr.')
    """
    words = name.split()
    if len(words) > 1 and normalize(words[0]) in _HONORIFICS:
        return " ".join(words[1:])
    return name


def slug(text: str) -> str:
    """The id form of a name: ``normalize`` with dashes ("Jens Stoltenberg" -> "jens-stoltenberg")."""
    return normalize(text).replace(" ", "-")


def split_the(key: str) -> tuple[str, bool]:
    """A normalised key without its leading "the", and whether it had one."""
    return _split_the(key)


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


# The last word of a title written before a name in a label of capitals ("… SPOKESWOMAN MARIA ZAKHAROVA")
_LABEL_TITLES = TITLES | GENERIC_PERSON | TITLE_ABBREVIATIONS.keys()


def title_cased(mention: Mention) -> Mention:
    """A mention written in capitals read as a name is written ("QATAR'S FOREIGN MINISTRY" of a
    list of reactions is "Qatar's Foreign Ministry"), with the words after its last title as the
    person's name ("BRITISH PRIME MINISTER KEIR STARMER" is Keir Starmer, "RUSSIAN FOREIGN
    MINISTRY SPOKESWOMAN MARIA ZAKHAROVA" Maria Zakharova: the entity recogniser tags no name in
    capitals); any other mention as it is. Offsets are unchanged."""
    if not mention.text.isupper() or len(mention.text.split()) < 2:
        return mention
    words = [word.capitalize() for word in mention.text.split()]
    if mention.name:  # named by the speakers stage in capitals too
        return replace(mention, text=" ".join(words), name=" ".join(w.capitalize() for w in mention.name.split())) \
            if mention.name.isupper() else mention
    titled = [i for i, word in enumerate(words) if word.lower() in _LABEL_TITLES]
    rest = words[titled[-1] + 1:] if titled else []
    if 2 <= len(rest) <= 3 and all(word.isalpha() for word in rest):
        return replace(mention, text=" ".join(words), name=" ".join(rest), kind="person")
    return replace(mention, text=" ".join(words))
