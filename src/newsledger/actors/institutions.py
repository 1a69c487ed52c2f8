"""The institution an official named by an institution's common noun speaks for.

"The Justice Department welcomed the ruling. A department spokeswoman said the barriers
posed a risk": the spokeswoman is the Justice Department's; "South Korea's Unification
Ministry said … A ministry spokesperson, Koo Byoung-sam, told a briefing": Koo speaks for
the Unification Ministry. The noun before the title ("department", "ministry") names the
institution the article's speakers named last with that word.

"The Ministry demands …" after "Armenia's Ministry of Foreign Affairs said …" is that ministry
(:func:`same_institution`).

Not read: an institution the article names only outside a speaker (the resolver sees
speakers in order), and a noun the earlier name does not contain ("an agency spokesman"
after "the Pentagon").
"""

from __future__ import annotations

from dataclasses import replace

from newsledger.actors.evidence import PERSON_NOUNS, LearnedRole
from newsledger.actors.knowledge import KnowledgeBase
from newsledger.model import Mention

INSTITUTION_WORDS = frozenset({"department", "ministry", "agency", "office", "embassy", "company", "bureau",
                               "commission", "committee", "campaign", "administration", "council", "court",
                               "government", "party", "army", "navy", "military", "police", "union"})
_ARTICLES = frozenset({"a", "an", "the"})


def institution_word(phrase: str, title_words: frozenset[str]) -> str | None:
    """The institution noun right before the closing role noun of ``phrase`` ("a department
    spokeswoman" -> "department"), or None. ``title_words`` are the role nouns."""
    words = [w.strip(",.").lower() for w in phrase.split()]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if len(words) != 2 or words[1] not in title_words or words[0] not in INSTITUTION_WORDS:
        return None
    return words[0]


def earlier_institution(word: str, earlier: list[Mention]) -> Mention | None:
    """The latest of ``earlier`` (resolved organisation speakers, in order) whose words hold
    ``word``."""
    for mention in reversed(earlier):
        names = f"{mention.text} {mention.name or ''}".lower().split()
        if word in names:
            return mention
    return None


def same_institution(phrase: str, earlier: list[Mention]) -> Mention | None:
    """The institution a definite "the ministry" / "The Council" stands for: the latest of
    ``earlier`` (resolved organisation speakers, in order) whose words hold that noun ("The
    Ministry demands …" after "Armenia's Ministry of Foreign Affairs said …"); None for any
    other phrase, or when no earlier speaker fits."""
    words = phrase.strip().lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in INSTITUTION_WORDS:
        return None
    found = earlier_institution(words[1], earlier)
    return found if found is not None and found.actor_id else None


def adopt(mention: Mention, same: Mention) -> None:
    """Give ``mention`` the resolution of ``same``, the speaker it stands for."""
    for field in ("name", "actor_id", "kind", "role", "country", "organization"):
        setattr(mention, field, getattr(same, field))


def of_institution(kb: KnowledgeBase, learned: LearnedRole | None, mention: Mention,
                   earlier: list[Mention]) -> LearnedRole | None:
    """``learned`` (the role a mention's words give) with the organisation of the institution
    noun before its title, the latest of ``earlier`` that holds it; unchanged when the role
    names its organisation already or no earlier speaker fits."""
    if learned is None or learned.organization:
        return learned
    word = institution_word(mention.text.split(",")[0], PERSON_NOUNS)
    found = earlier_institution(word, earlier) if word else None
    if found is None:
        return learned
    org = found.actor_id if found.actor_id and kb.get(found.actor_id) else found.name
    return replace(learned, organization=org, country=learned.country or found.country)
