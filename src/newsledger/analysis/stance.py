"""A statement's stance on what it is about: for, against, conditional or neutral.

:func:`stance` reads only the statement record (act, ``negated``, ``condition``, cue and
content); it never looks at other statements or at the issue the statement is placed in.
The rules, first match wins:

1. questions and reports are ``neutral``: asking, or relaying what others do, takes no side;
2. content that declines to exclude ("nothing can be ruled out", "we do not rule out…",
   "all options are on the table") is ``conditional``: open to it, depending on events;
3. a statement with a ``condition`` is ``conditional`` (for its consequence, if…);
4. a denial, or a cue that refuses ("ruled out", "rejected", "opposed") is ``against``; a cue
   that gives up a demand ("dropped their demand that …") is ``against`` it, one that gives up an
   objection ("dropped his objection to …") ``for``;
5. a cue that backs ("backed", "supported", "welcomed", "called for") is ``for``; a claim or
   prediction that the speaker's side backs or refuses something ("Turkey supported Sweden
   joining the alliance", said by Erdogan; "we oppose it") is ``for`` or ``against``;
6. commitment, demand, proposal and threat are ``for``, or ``against`` when negated;
7. an opinion is ``against`` when negated, ``for`` when it says what should be done;
8. a negated claim or prediction that says someone will not act ("would not support",
   "will not send", "has no plans to") is ``against``;
9. anything else (claims, predictions, warnings without a condition) is ``neutral``.

Not computed: sarcasm, stances carried only by the surrounding article, and whom a stance
is for or against (the actor-to-actor direction: see the statement's ``targets``).
"""

from __future__ import annotations

import re
from typing import Any

from newsledger.countries import country_code

FOR, AGAINST, CONDITIONAL, NEUTRAL = "for", "against", "conditional", "neutral"
STANCES = (FOR, AGAINST, CONDITIONAL, NEUTRAL)

# Declining to exclude: a double negation that leaves the option open.
_OPEN = re.compile(
    r"\b(?:nothing|no option|no options|none of (?:this|these|it))\b[^.;]{0,30}?\b(?:ruled|excluded)\b"
    r"|\b(?:not|n't|never|nobody|no one|cannot|can't)\b[^.;]{0,25}?\b(?:rule|ruled|ruling|exclude|excluded|excluding)\b"
    r"|\b(?:all|every|any) options?\b[^.;]{0,20}?\bon the table\b"
    r"|\bremains? on the table\b",
    re.IGNORECASE)
_AGAINST_CUE = re.compile(
    r"\b(?:rul(?:e|ed|es|ing) out|reject(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|"
    r"condemn(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|veto(?:es|ed|ing)?|den(?:y|ies|ied|ying)|"
    r"exclud(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|block(?:s|ed|ing)?|"
    r"warn(?:s|ed|ing)? against|spoke against|argued against|voted against)\b",
    re.IGNORECASE)
_FOR_CUE = re.compile(
    r"\b(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|endors(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|"
    r"favou?r(?:s|ed|ing)?|call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
    r"promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|champion(?:s|ed|ing)?|argued for|voted for|"
    r"advocat(?:e|es|ed|ing))\b",
    re.IGNORECASE)
# Giving up a demand or an objection: the cue holds the verb and what is given up
_DROPPED = re.compile(
    r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|withdr(?:ew|aw|aws|awn|awing)|shelv(?:e|es|ed|ing)|"
    r"scrap(?:s|ped|ping)?|relinquish(?:es|ed|ing)?|gave up|give up|gives up)\b[^.;]{0,20}?\b"
    r"(?P<what>demand|call|insistence|request|condition|precondition|support|backing|plan|bid|proposal|"
    r"objection|opposition|veto|resistance|boycott)s?\b",
    re.IGNORECASE)
_OBJECTIONS = ("objection", "opposition", "veto", "resistance", "boycott")
_SHOULD = re.compile(r"\b(?:should|must|ought to|need(?:s)? to|has to|have to|it is time to)\b", re.IGNORECASE)
_WILL_NOT = re.compile(
    r"\b(?:will not|won't|would not|wouldn't|shall not|is not going to|are not going to|"
    r"(?:has|have|had) no (?:plans?|intention)|never)\b",
    re.IGNORECASE)

_COMMITTING = {"commitment", "demand", "proposal", "threat"}


def stance(record: dict[str, Any]) -> tuple[str, str]:
    """``(stance, basis)`` of a statement record; ``basis`` says in a few words why."""
    act = record.get("act") or "claim"
    negated = bool(record.get("negated"))
    cue = record.get("cue") or ""
    content = record.get("content") or ""
    condition = (record.get("condition") or {}).get("text")
    if act in ("question", "report"):
        return NEUTRAL, act
    if _OPEN.search(content):
        return CONDITIONAL, "does not rule it out"
    if condition:
        return CONDITIONAL, f"if {condition}"
    if act == "denial":
        return AGAINST, "denial"
    dropped = _DROPPED.search(cue)
    if dropped:  # "dropped their demand that Bazoum be returned" no longer backs it; "dropped his objection" does
        return (FOR, "dropped its objection") if dropped["what"].lower().startswith(_OBJECTIONS) \
            else (AGAINST, "dropped its demand")
    if _AGAINST_CUE.search(cue):
        return AGAINST, f"“{cue}”"
    if _FOR_CUE.search(cue):
        return FOR, f"“{cue}”"
    side = _side_backing(record, content)
    if side is not None and act in ("claim", "prediction"):
        return side
    if act in _COMMITTING:
        return (AGAINST, f"negated {act}") if negated else (FOR, act)
    if act == "opinion":
        if negated:
            return AGAINST, "negated opinion"
        if _SHOULD.search(content):
            return FOR, "says it should be done"
        return NEUTRAL, act
    if act in ("claim", "prediction") and negated and _WILL_NOT.search(content):
        return AGAINST, "says it will not happen"
    return NEUTRAL, act


# "Turkey supported Sweden joining the alliance", "we strongly oppose it": a side backing or refusing
_SIDE_VERB = re.compile(
    r"^(?:that\s+)?(?P<subject>[\w.'’ -]{1,40}?)\s+(?:(?:would|will|does|did|do|now|still|fully|firmly|strongly|"
    r"not|no longer|n't)\s+)*(?P<verb>support|back|favou?r|welcome|endorse|oppose|reject)(?:s|es|ed|d)?\b",
    re.IGNORECASE)
_OWN_SIDE = {"we", "i", "he", "she"}


def _side_backing(record: dict[str, Any], content: str) -> tuple[str, str] | None:
    """For or against, when what was said is that the speaker's side backs or refuses something:
    its subject is "we", "I", "he" or "she", or the speaker's country ("Turkey supported Sweden
    joining the alliance" said by Erdogan). None otherwise ("Russia supports …" said by a Turk)."""
    found = _SIDE_VERB.match(content.strip(" \"“”'‘’"))
    if found is None:
        return None
    subject = found["subject"].strip().lower()
    country = (record.get("speaker") or {}).get("country")
    if subject not in _OWN_SIDE and (country is None or country_code(subject) != country):
        return None
    backs = found["verb"].lower() not in ("oppose", "reject")
    if record.get("negated"):
        backs = not backs
    return (FOR, "says its side backs it") if backs else (AGAINST, "says its side refuses it")


def is_change(before: str, after: str) -> bool:
    """Whether going from stance ``before`` to ``after`` is a change of position (neutral
    statements state no position, so they never start or end a change)."""
    return NEUTRAL not in (before, after) and before != after


def change_kind(before: str, after: str) -> str:
    """``reversal`` between for and against, else ``shift`` (to or from conditional)."""
    return "reversal" if {before, after} == {FOR, AGAINST} else "shift"


__all__ = ["AGAINST", "CONDITIONAL", "FOR", "NEUTRAL", "STANCES", "change_kind", "is_change", "stance"]
