"""Institution names many countries share, read against the article's dateline.

"The Foreign Office", "the Senate", "the Supreme Court", "the National Security Council" are
the knowledge base's names of British and American institutions, and Pakistan, India, Brazil
and many more have their own. A story filed from another country ("ISLAMABAD: The Foreign
Office on Thursday rejected …") means that country's: the knowledge base's entry is not
linked, and the institution stays an organisation of the name the text gives.

Not decided here: a story with no dateline (the knowledge base's entry stands), and names
that say whose they are ("the British Foreign Office", "Pakistan's Senate": they never reach
this check as shared names).
"""

from __future__ import annotations

import re

from newsledger.actors.knowledge import KBEntry
from newsledger.countries import country_named
from newsledger.nlp.datelines import dateline_end

# Words of the names institutions of many countries share ("Foreign Office", "Supreme Court").
_SHARED_WORDS = frozenset({"the", "foreign", "office", "senate", "house", "supreme", "court", "national",
                           "security", "council", "federal", "government", "treasury", "cabinet",
                           "parliament", "assembly"})
_PLACE = re.compile(r"[A-Z][A-Za-z.'’\- ]*?(?=\s*[,(:/—–-]|\s*$)")
_COLON_DATELINE = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*):\s")
_LINES_READ = 4  # a headline, a byline or two, then the dateline


def is_shared_name(name: str) -> bool:
    """True for a name made only of words many countries' institutions share."""
    words = re.findall(r"[a-z']+", name.lower())
    return bool(words) and all(w in _SHARED_WORDS for w in words)


def dateline_country(text: str, body_start: int = 0) -> str | None:
    """The country of the place the story was filed from ("ISLAMABAD: …", "WASHINGTON, Dec 8
    (Reuters) - …"): a capital, a country or another form ``countries.country_named`` knows;
    None when the first lines hold no dateline or its place names no country."""
    start = body_start
    for _ in range(_LINES_READ):
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[start:line_end].lstrip()
        if line:
            first = start + len(text[start:line_end]) - len(line)
            place = _place_of(text, first)
            if place is not None:
                return country_named(place)
        if line_end >= len(text):
            return None
        start = line_end + 1
    return None


def _place_of(text: str, first: int) -> str | None:
    colon = _COLON_DATELINE.match(text, first)
    if colon is not None:
        return colon.group(1)
    if dateline_end(text, first) is None:
        return None
    found = _PLACE.match(text, first)
    return found.group(0).strip() if found else None


def filed_elsewhere(entry: KBEntry, name: str, country: str | None, kb) -> bool:
    """True when ``name`` is a shared institution name, the story was filed from ``country``,
    and ``entry`` (the knowledge base's reading of the name) is another country's."""
    if country is None or not is_shared_name(name) or not getattr(entry, "country", None):
        return False
    filed = kb.lookup(country, kinds={"country"})
    return filed is not None and filed.id != f"country:{entry.country}"
