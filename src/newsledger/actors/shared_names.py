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

from dataclasses import replace

from newsledger.actors.evidence import LearnedRole
from newsledger.actors.knowledge import KBEntry, KnowledgeBase
from newsledger.actors.titles import role_titled
from newsledger.countries import country_named
from newsledger.nlp.act_sides import STATE_OFFICE
from newsledger.nlp.datelines import dateline_country

# Words of the names institutions of many countries share ("Foreign Office", "Supreme Court").
_SHARED_WORDS = frozenset({"the", "foreign", "office", "senate", "house", "supreme", "court", "national",
                           "security", "council", "federal", "government", "treasury", "cabinet",
                           "parliament", "assembly",
                           # parties of that name sit in many parliaments ("Conservative leader" in Ottawa)
                           "conservative", "conservatives", "labour", "liberal", "liberals", "socialist",
                           "socialists", "green", "greens", "party"})


def is_shared_name(name: str) -> bool:
    """True for a name made only of words many countries' institutions share."""
    words = re.findall(r"[a-z']+", name.lower())
    return bool(words) and all(w in _SHARED_WORDS for w in words)


def filed_elsewhere(entry: KBEntry, name: str, filed_id: str | None) -> bool:
    """True when ``name`` is a shared institution name, the story was filed from the country
    whose knowledge-base id is ``filed_id`` ("country:PAK"), and ``entry`` (the knowledge
    base's reading of the name) is another country's."""
    if filed_id is None or not entry.country or not is_shared_name(name):
        return False
    return filed_id != f"country:{entry.country}"


def role_filed_elsewhere(kb: KnowledgeBase, learned: LearnedRole | None, phrase: str,
                         filed_id: str | None) -> LearnedRole | None:
    """``learned`` without an organisation the phrase names only by a shared name ("Foreign
    Office spokesman" in a story filed from Islamabad, "the secretary of the Supreme National
    Security Council" from Tehran, "Conservative leader" from Washington about Canada) when the
    knowledge base's organisation of that name is another country's than the story's. A country
    the phrase names stays ("Pakistan's Foreign Office spokesman" is Pakistan's; "British Foreign
    Office spokesman" keeps the FCDO); else the role has none, rather than the other country's."""
    if learned is None or filed_id is None or not learned.organization:
        return learned
    org = kb.get(learned.organization)
    if org is None or not org.country or filed_id == f"country:{org.country}":
        return learned
    words = phrase.lower()
    if any(not is_shared_name(alias) and re.search(rf"\b{re.escape(alias.lower())}\b", words)
           for alias in [org.name, *org.aliases]):
        return learned  # "White House press secretary": the White House is only one country's
    named = [c for c in (country_named(w) for w in re.findall(r"[A-Z][\w.]*", phrase)) if c]
    country = kb.country(named[0]) if named else None
    if country is not None and country.alpha3 == org.country:
        return learned  # "British Foreign Office spokesman", wherever the story was filed
    return replace(learned, organization=None, country=country.alpha3 if country is not None else None)


def home_office(learned: LearnedRole | None, filed_id: str | None, text: str = "",
                span: tuple[int, int] = (0, 0)) -> LearnedRole | None:
    """``learned`` with the country the story was filed from, when it is an office of state
    (minister, president, premier, chancellor) the text gives no country or organisation:
    "PUTRAJAYA, Feb 11 (Bernama) -- Prime Minister Anwar Ibrahim" is Malaysia's, as wire copy
    names none for its own country's ministers. Unchanged otherwise ("Indonesian President
    Prabowo" keeps Indonesia; "Opposition leader Hamzah" holds no office of state), and when
    the words naming the person at ``span`` of ``text``, or the few after them, name a country
    or people ("Hussein Al-Sheikh, the vice president | of the Palestinian Authority" in a story
    from Riyadh)."""
    phrase = text[span[0]:span[1] + 40].split(".")[0]
    if learned is None or learned.country or learned.organization or not filed_id \
            or not filed_id.startswith("country:") or not STATE_OFFICE.search(learned.title or "") \
            or any(country_named(w) for w in re.findall(r"[A-Z][\w.'’-]*", phrase)):
        return learned
    return replace(learned, country=filed_id.split(":", 1)[1])


def namesake_elsewhere(entry: KBEntry, title: str | None, filed_id: str | None) -> bool:
    """True when ``entry`` is a person the knowledge base knows only in government offices, the
    text gives the name another such office (a minister's, a president's), and the story was
    filed from another country than the person's: "BOGOTA … Defense Minister Pedro Sanchez" is
    Colombia's minister, not Spain's prime minister. Spokesmen and envoys, titled many ways, are
    never namesakes."""
    if entry.kind != "person" or not title or filed_id is None or not entry.country or not entry.roles \
            or filed_id == f"country:{entry.country}" or not STATE_OFFICE.search(title):
        return False
    return role_titled(entry.roles, title) is None and all(STATE_OFFICE.search(r.get("title", ""))
                                                            for r in entry.roles)




def filed_country_id(text: str, body_start: int, kb: KnowledgeBase) -> str | None:
    """The knowledge-base id of the country the story was filed from (:func:`dateline_country`),
    or None."""
    country = dateline_country(text, body_start)
    entry = kb.lookup(country, kinds={"country"}) if country else None
    return entry.id if entry is not None else None
