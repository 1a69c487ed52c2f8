"""What a mention's own words say about its actor: a title, a country, a seat, group members.

These read only the mention and the spans of its chain (the words the speakers
component already found); no parsing of the article happens here.

>>> from newsledger.actors.knowledge import load_kb
>>> role = learn_role(load_kb(), "US Senator Mike Lee from Utah", "Mike Lee")
>>> (role.title, role.country, role.organization, role.region)
('Senator', 'USA', 'org:us-senate', 'Utah')
>>> learn_role(load_kb(), "NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg").organization
'org:nato'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from newsledger.actors.knowledge import KBEntry, KnowledgeBase
from newsledger.actors.names import normalize, strip_the
from newsledger.actors.titles import _TITLE_INDEX
from newsledger.model import Article, Mention
from newsledger.nlp.nominals import NAME_PARTICLES

# Titles whose body is implied by the country ("US Senator" sits in the US Senate).
LEGISLATURES = {
    ("Senator", "USA"): "org:us-senate",
    ("Representative", "USA"): "org:us-house",
}
_FORMER = re.compile(r"\b(?:former|ex|then|onetime|one-time|late)\b", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:current|now|sitting|incumbent)\b", re.IGNORECASE)
_REGION = re.compile(r"^\s*(?:,\s*)?(?:from|of)\s+((?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,2})")
_APPOSITION = re.compile(r"^\s*,\s*([^,]+)")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|whom|which)\b.*", re.S)
_LIST_MARK = re.compile(r"\b(?:including|such as|among them|namely|like|(?:which|who) (?:include|includes|included))\b|:",
                        re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|or|as well as|&)\s+", re.IGNORECASE)
US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Rhode Island", "South Carolina", "South Dakota", "West Virginia"}
# Nouns of an apposition that make the name before it a person ("Jan Novak, the head of …").
PERSON_NOUNS = frozenset("""head leader chief spokesman spokeswoman spokesperson official lawmaker
politician member director adviser advisor analyst expert professor lawyer attorney candidate founder
owner chairman chairwoman chair president minister secretary ambassador envoy general commander mayor
governor senator representative congressman congresswoman aide deputy activist economist researcher
manager executive ceo diplomat negotiator judge prosecutor author writer journalist editor
correspondent strategist pollster campaigner organizer organiser source""".split())
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
_CAPITALISED_RUN = re.compile(
    r"^(?:(?:The|A|An)\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|"
    # a name particle ("de Blasio", "von der Leyen", "al-Sisi"), never a word's start ("A department")
    rf"{_PARTICLE}(?:-[A-Z][\w'’.-]*|(?=(?:\s+{_PARTICLE}\b)*\s+[A-Z]))))*)")
_PRONOUNS = frozenset("he she him her his hers they them we us i me it its who whom which that".split())
# words that open a phrase and name no one: "The wife of …", "One of the people, a U.S. official"
_DETERMINERS = frozenset("the a an this these those my our your their one each some another".split())


@dataclass
class LearnedRole:
    """A role as the text gives it: "US Senator … from Utah", "the Russian President"."""

    title: str
    country: str | None = None
    organization: str | None = None
    region: str | None = None
    former: bool = False

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "country": self.country,
                               "organization": self.organization}
        if self.region:
            out["region"] = self.region
        return out


def evidence_phrases(article: Article, mention: Mention) -> list[str]:
    """The mention's words, then the words of each span of its chain (its antecedents)."""
    phrases = [mention.text]
    for start, end in mention.chain:
        if 0 <= start < end <= len(article.text):
            phrase = article.text[start:end]
            if phrase not in phrases:
                phrases.append(phrase)
    return phrases


def titled_elsewhere(kb: KnowledgeBase, text: str, name: str) -> LearnedRole | None:
    """The role the article gives a person where it writes a title right before the name,
    anywhere in it: a headline's "Chinese Foreign Ministry Spokesperson Mao Ning's Regular
    Press Conference" makes "Mao Ning:" below a spokesperson. None when no title does."""
    for found in re.finditer(r"((?:[A-Z][\w.'’-]*\s+){1,5})" + re.escape(name) + r"\b", text):
        learned = learn_role(kb, found.group(0), name)
        if learned is not None:
            return learned
    return None


def is_name_like(text: str) -> bool:
    """True for words that can name an actor (not "he", "the politician", "the material")."""
    words = text.split()
    if not words or normalize(text) in _PRONOUNS:
        return False
    return any(w[:1].isupper() for w in words if w.lower() != "the")


def _locate(phrase: str, name: str) -> tuple[int, int] | None:
    """Where the name (or its last word) is in the phrase, case-insensitively."""
    low = phrase.lower()
    for needle in (name, name.split()[-1] if name.split() else name):
        i = low.find(needle.lower())
        if needle and i >= 0:
            return i, i + len(needle)
    return None


def learn_role(kb: KnowledgeBase, phrase: str, name: str | None = None) -> LearnedRole | None:
    """The title (with country, organisation, seat) that a phrase gives a person, or None.

    The title is read before the name ("French President Emmanuel Macron"), else
    from an apposition after it ("Jens Stoltenberg, NATO's secretary general");
    without a name the whole phrase counts ("the Russian President").
    """
    if not phrase or not phrase.strip():
        return None
    prefix, suffix = phrase, ""
    if name:
        where = _locate(phrase, name)
        if where is None:
            return None
        prefix, suffix = phrase[:where[0]], phrase[where[1]:]
    parsed = kb.parse_title(prefix) if prefix.strip() else None
    if (parsed is None or parsed[1:] == (None, None)) and suffix:
        # a rank alone before the name ("General Oleksandr Syrskyi") gives way to an apposition
        # that says whose ("…, the commander-in-chief of Ukraine's armed forces")
        appo = _APPOSITION.match(suffix)
        after = kb.parse_title(appo.group(1)) if appo and not _title_of_another(kb, appo.group(1)) else None
        if after is not None and (parsed is None or after[1:] != (None, None)):
            parsed, prefix = after, appo.group(1)
    if parsed is None:
        return None
    title, country, org = parsed
    if org is None and country is not None:
        org = LEGISLATURES.get((title, country))
    region = None
    seat = _REGION.match(suffix)
    if seat and kb.country(seat.group(1)) is None:
        region = seat.group(1).rstrip(".,")
        if country is None and region in US_STATES:
            country = "USA"
            org = org or LEGISLATURES.get((title, country))
    return LearnedRole(title=title, country=country, organization=org, region=region,
                       former=bool(_FORMER.search(prefix)))


def _title_of_another(kb: KnowledgeBase, apposition: str) -> bool:
    """True when the apposition's title belongs to someone it names by a possessive: "Ivanka
    Trump, the Republican presidential nominee's eldest daughter" is no nominee ("NATO's
    secretary general" is a secretary general: the title comes after the possessive), or
    after "of" a noun that is no title ("the sister of North Korean leader Kim Jong Un"; "the
    secretary general of NATO" is one)."""
    head, of, _ = apposition.partition(" of ")
    if of and kb.parse_title(head) is not None:
        return False  # "the commander-in-chief of Ukraine's armed forces": the title comes first
    parts = _POSSESSIVE.split(apposition)
    if len(parts) > 1 and kb.parse_title(parts[-1]) is None:
        return True
    # "Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un" is no leader
    return bool(of) and kb.parse_title(head) is None


def without_relative_clause(phrase: str) -> str:
    """The phrase without a trailing non-restrictive relative clause (", who spoke on …")."""
    return _RELATIVE_CLAUSE.sub("", phrase)


def title_only(kb: KnowledgeBase, phrase: str) -> LearnedRole | None:
    """The role of a mention that is a title and nothing else ("The US president", "the
    Kremlin spokesman", "the Russian President"): the phrase ends with the title.

    Of coordinated titles the last one counts, as of that day when it says so ("the
    former secretary of state and current Democratic presidential nominee" -> the
    nominee); otherwise a leading "former" covers it too ("the former first lady and
    senator")."""
    phrase = without_relative_clause(phrase)  # "A department spokesman, who spoke on condition …"
    words = normalize(phrase).split()
    if not words:
        return None
    for n in range(min(len(words), 5), 0, -1):
        if " ".join(words[-n:]) in _TITLE_INDEX:
            parts = _AND.split(phrase)
            if len(parts) > 1:
                last = learn_role(kb, parts[-1])
                if last is not None:
                    last.former = last.former or (not _CURRENT.search(parts[-1]) and bool(_FORMER.search(parts[0])))
                    return last
            return learn_role(kb, phrase)
    return None


def written_name(kb: KnowledgeBase, phrase: str) -> str | None:
    """The capitalised words a phrase starts with, without a leading title ("Jan Novak" in
    "Jan Novak, the head of the miners' union"; "Lee" in "Senator Lee"), or None; None too
    for words that end with a person noun, capitalised at a sentence start or in a headline
    ("Lawmaker urges …", "Retired General Reveals …")."""
    if phrase.strip().isupper() and len(phrase.split()) == 1 and kb.lookup(phrase.strip()) is not None:
        return phrase.strip()  # "WHO warns …": an acronym the knowledge base spells in capitals, not "who"
    found = _CAPITALISED_RUN.match(phrase.strip())
    if not found:
        return None
    words = found.group(1).split()
    while words and (normalize(words[0]) in _TITLE_INDEX or normalize(words[0]) in _DETERMINERS):
        words = words[1:]  # "The wife of …": "The" alone is no name
    if not words or len(words) > 4 or normalize(" ".join(words)) in _PRONOUNS:
        return None
    if normalize(words[-1]).rstrip("s") in PERSON_NOUNS:
        # "Lawmaker urges …", "Scholars have debated …", "Retired General Reveals …": a person
        # noun capitalised in a headline or at a sentence start
        return None
    rest = normalize(phrase.strip()[found.end():]).split()
    if rest and rest[0] in PERSON_NOUNS:
        return None  # "A New York judge", "a Texas elector": a place that qualifies a person noun
    if rest and re.search(r"['’]s$", words[-1]):
        return None  # "Connecticut’s tax commissioner": the owner, not the speaker
    return " ".join(words).rstrip(".,")


def country_owner(kb: KnowledgeBase, name: str) -> tuple[KBEntry, str] | None:
    """The country that owns what a name names, and the rest of the name: "Britain's
    Ministry of Defence" -> (United Kingdom, "Ministry of Defence"); None otherwise."""
    parts = _POSSESSIVE.split(name, maxsplit=1)
    if len(parts) != 2 or not parts[1]:
        return None
    country = kb.lookup(parts[0], kinds={"country"})
    return (country, parts[1]) if country is not None else None


_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})$")


def _owner_country(kb: KnowledgeBase, words: str) -> KBEntry | None:
    """The country of words that qualify a noun as its owner's: a demonym ("Finnish", "South
    Korean") or a country's abbreviation in capitals ("U.S.", "DPRK"). Other names before a
    noun may say what it is about ("the Taiwan Affairs Office" is Beijing's): None."""
    if words.isupper() and len(words) <= 5:
        return kb.lookup(words, kinds={"country"})
    return kb.demonym(words) if words[:1].isupper() else None


def country_in_name(kb: KnowledgeBase, name: str) -> KBEntry | None:
    """The country an organisation's name says it is of: by the demonym it opens with
    ("Finnish navy", "Chinese Embassy", "South Korean Joint Chiefs of Staff", "U.S.
    Embassy") or the country it ends with after "of" ("Foreign Ministry of the DPRK"); None
    otherwise (a country's name before a noun, as in "Taiwan Affairs Office", says what the
    body deals with, not whose it is)."""
    words = strip_the(name).split()
    for n in (2, 1):
        owner = _owner_country(kb, " ".join(words[:n])) if len(words) > n else None
        if owner is not None:
            return owner
    of = _OF_COUNTRY.search(name)
    return kb.lookup(of.group(1), kinds={"country"}) if of else None


def unnamed_country(kb: KnowledgeBase, phrase: str) -> str | None:
    """The country (alpha-3) of an unnamed person by the demonym or country before the role
    noun ("A senior Saudi official" -> SAU, "a U.S. official, speaking on condition of
    anonymity" -> USA, "An Israeli official" -> ISR) or after it ("The representative of France"
    -> FRA); None when the words before the noun name
    none ("a Western diplomat", "a source close to the Kremlin")."""
    head = without_relative_clause(phrase).split(",")[0].split()
    for n in (2, 1):
        for i in range(1, len(head) - n + 1):  # not the head noun itself, not the article
            owner = _owner_country(kb, " ".join(head[i:i + n]))
            if owner is not None and owner.kind == "country":
                return owner.alpha3
    # "The representative of France", "the representative of the United States", "The United
    # Kingdom's delegate": a country named whole, before "'s" or after "of"
    lowered = [w.lower() for w in head]
    named = " ".join(head[lowered.index("of") + 1:]) if "of" in lowered[1:3] else \
        re.split(r"['’]s\b", " ".join(head))[0] if re.search(r"['’]s\b", " ".join(head)) else None
    owner = kb.lookup(strip_the(named), kinds={"country"}) if named else None
    return owner.alpha3 if owner is not None else None


def other_word_orders(kb: KnowledgeBase, name: str) -> list[str]:
    """The same institution's name in the other word order around its country: "Foreign
    Ministry of the DPRK" <-> "DPRK Foreign Ministry"; none when no country is named so."""
    of = _OF_COUNTRY.search(name)
    if of is not None and kb.lookup(of.group(1), kinds={"country"}) is not None:
        return [f"{of.group(1)} {name[:of.start()].strip()}"]
    words = strip_the(name).split()
    for n in (2, 1):
        first = " ".join(words[:n])
        if len(words) > n and first[:1].isupper() and kb.lookup(first, kinds={"country"}) is not None:
            rest = " ".join(words[n:])
            return [f"{rest} of the {first}", f"{rest} of {first}"]
    return []


def owned_entry(kb: KnowledgeBase, country: KBEntry, rest: str) -> KBEntry | None:
    """The organisation of ``country`` the knowledge base knows by "<demonym> <rest>"
    ("Britain's Ministry of Defence": the British Ministry of Defence), or by ``rest`` alone
    ("Yemen's Houthi movement": the Houthis, a Yemeni group)."""
    for words in [*(f"{demonym} {rest}" for demonym in country.demonyms), rest]:
        entry = kb.lookup(words, kinds={"organization"})
        if entry is not None and entry.country == country.alpha3:
            return entry
    return None


def person_apposition(phrase: str, name: str) -> bool:
    """True when the name is followed by ", a/an/the <person noun>" ("Jan Novak, the head of …")."""
    where = _locate(phrase, name)
    if where is None:
        return False
    appo = _APPOSITION.match(phrase[where[1]:])
    if not appo:
        return False
    words = [w for w in normalize(appo.group(1)).split() if w not in ("a", "an", "the", "former", "top")]
    return bool(words) and any(w in PERSON_NOUNS for w in words[:3])


def find_members(kb: KnowledgeBase, phrase: str, *, on: date | None = None,
                 context_ids: Iterable[str] = frozenset()) -> list[tuple[str, KBEntry | None]]:
    """The named members of a group phrase, each with its knowledge-base entry if any.

    "a number of countries, including the USA, Germany and the UK" -> USA, Germany, UK.
    Only a listing counts (after "including"/"such as"/":", or a phrase with commas or
    "and"): "European NATO member countries" names no members.
    """
    mark = _LIST_MARK.search(phrase)
    part = phrase[mark.end():] if mark else without_relative_clause(phrase)  # not ", which joined the lawsuit"
    if mark is None and "," not in part and not _AND.search(part):
        return []
    members: list[tuple[str, KBEntry | None]] = []
    for piece in part.split(","):
        piece = piece.strip(" .;")
        if not piece:
            continue
        whole = _member(kb, piece, on, context_ids)
        if whole is not None or not _AND.search(piece):
            _keep(members, piece, whole)
            continue
        for sub in _AND.split(piece):
            sub = sub.strip(" .;")
            if sub:
                _keep(members, sub, _member(kb, sub, on, context_ids))
    return members


def _keep(members: list[tuple[str, KBEntry | None]], text: str, entry: KBEntry | None) -> None:
    text = re.sub(r"^(?:and|or)\s+", "", text, flags=re.IGNORECASE)
    if entry is None and not is_name_like(text):
        return
    if entry is not None and any(e is entry for _t, e in members):
        return
    members.append((text, entry))


def _member(kb: KnowledgeBase, text: str, on: date | None, context_ids: Iterable[str]) -> KBEntry | None:
    """The entry a member's words name; else a known person named after a title
    ("Chinese President Xi Jinping": Xi Jinping)."""
    entry = kb.lookup(text, on=on, context_ids=context_ids, allow_surnames=len(text.split()) == 1)
    if entry is not None or _AND.search(text):  # "A and B" is no one person
        return entry
    words = text.split()
    return next((found for start in range(1, len(words) - 1)
                 if (found := kb.lookup(" ".join(words[start:]), on=on, context_ids=context_ids,
                                        kinds={"person"})) is not None), None)


__all__ = ["LearnedRole", "LEGISLATURES", "PERSON_NOUNS", "US_STATES", "evidence_phrases", "find_members",
           "is_name_like", "learn_role", "person_apposition", "title_only", "written_name"]
