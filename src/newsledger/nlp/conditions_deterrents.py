"""Conditions a deterrent implies without a subordinator, for ``newsledger.nlp.conditions``.

- the deterrent's subject: "Any attack on a NATO member will be met with a devastating
  response": condition "Any attack on a NATO member" (the act that would trigger it),
  consequence the rest of the clause (kind ``implied``). Only for "any" + a noun of a hostile
  act as the main clause's subject, with a future or conditional verb; or, without "any", for
  such a noun aimed at someone and a verb of what it sets off ("An armed attack on Philippine
  public vessels would invoke U.S. mutual defense commitments", "would not go unanswered").
- the response's object: "Iran would respond decisively to any aggression against its nuclear
  facilities": condition "any aggression against its nuclear facilities", consequence "Iran
  would respond decisively" (kind ``implied``). Only for a verb of response ("respond",
  "react", "retaliate") in the future or conditional, and "to any" + a noun of a hostile act.
- what a side will not allow: "Israel would never allow Iran to obtain a nuclear weapon",
  "China will not tolerate any attempt to split Taiwan" (kind ``not_allow``): condition "Iran
  to obtain a nuclear weapon" (what the other side must not do), consequence "Israel would
  never allow". Only for *allow, permit, let* with a clause after their object, a party (a
  country, group or person: not "let the Baltic become a sea without law"), or *allow,
  permit, tolerate, accept* with a noun of a hostile act, refused ("not", "never") in the future
  or conditional ("would not allow", "will never tolerate"); "did not allow reporters in" tells
  of the past, and "will not accept the result" names no act of another party.

All work on the dependency parse and only inside the content's main clause (or a clause
coordinated with it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.nlp.conditions_ultimatums import make_condition

_HOSTILE_ACTS = {"attack", "attempt", "aggression", "incursion", "violation", "provocation", "interference",
                 "strike", "move", "escalation", "deployment", "encroachment", "intrusion", "act",
                 "misadventure", "adventurism", "infiltration", "intervention", "invasion", "occupation",
                 "blockade", "annexation",
                 # arms sent to the other side: "any delivery of Taurus missiles would be seen as …"
                 "delivery", "supply", "shipment", "transfer",
                 # and measures against it: "will respond firmly to any new tariffs"
                 "tariff", "sanction", "restriction"}
_FUTURE = {"will", "would", "'ll", "shall", "wo"}
_RESPOND = {"respond", "react", "retaliate"}
_ALLOW_CLAUSE = {"allow", "permit", "let"}  # "… allow Iran to obtain …"
_ALLOW_ACT = {"allow", "permit", "tolerate", "accept"}  # "… tolerate any attempt to …"


def _main_verbs(content: set[Token]) -> list[Token]:
    """The content's main verbs, and a clause coordinated with one ("the government had given the
    armed forces a free hand and that any future attack would be treated as an act of war")."""
    roots = [t for t in content if t.pos_ in ("VERB", "AUX") and (t.head not in content or t.head.i == t.i)]
    return roots + [c for r in roots for c in r.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                    and c in content]


def _future(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in verb.children)


def _any_hostile(noun: Token | None) -> bool:
    return noun is not None and noun.lemma_.lower() in _HOSTILE_ACTS \
        and any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children)


# What a hostile act would set off: "would invoke U.S. mutual defense commitments", "would be
# met with …", "would be seen as …", "would not go unanswered".
_SETS_OFF = {"invoke", "trigger", "meet", "see", "consider", "regard", "treat", "view", "deem", "constitute",
             "provoke", "prompt", "draw", "cross"}


def _hostile_setting_off(noun: Token | None, verb: Token) -> bool:
    """"An armed attack on Philippine public vessels would invoke U.S. mutual defense
    commitments", "the supply of long-range missiles to Kiev would not go unanswered": a hostile
    act aimed at someone (a preposition after it), and what it would set off; without "any"."""
    if noun is None or noun.lemma_.lower() not in _HOSTILE_ACTS \
            or not any(c.dep_ == "prep" and c.lower_ in ("on", "against", "to", "into") for c in noun.children):
        return False  # not "the transfer of power would be seen as …": aimed at no one
    return goes_unanswered(verb) or verb.lemma_.lower() in _SETS_OFF


def goes_unanswered(verb: Token) -> bool:
    """"… would not go unanswered": a response is coming."""
    return verb.lemma_.lower() == "go" and any(c.lower_ == "unanswered" for c in verb.children)


def _implied(doc: Doc, verb: Token, condition: list[Token], content: set[Token], kind: str,
             marker: str, before_only: bool = False, left_out: tuple[Token, ...] = ()) -> dict | None:
    """The condition ``condition`` and the rest of ``verb``'s clause (but ``left_out``) as its consequence."""
    inside = {t.i for t in (*condition, *left_out)}
    marks = {c.i for c in verb.children if c.dep_ == "mark"}
    rest = [t for t in verb.subtree if t in content and t.i not in inside and t.i not in marks
            and not (before_only and t.i > condition[0].i)]
    cond, cons = make_condition(doc, condition), make_condition(doc, rest)
    if cond is None or cons is None:
        return None
    return {"kind": kind, "marker": marker, "condition": cond, "consequence": cons, "elliptic": False}


def any_hostile_act(doc: Doc, content: set[Token]) -> list[dict]:
    """"Any attack on a NATO member will be met with a devastating response": the subject names
    what would trigger the consequence; "any" makes it a condition, not an event. "Iran would
    respond decisively to any aggression": the object of the response does the same."""
    out = []
    for verb in _main_verbs(content):
        if not _future(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c in content), None)
        if _any_hostile(subject) or _hostile_setting_off(subject, verb):
            marker = "any" if _any_hostile(subject) else subject.text.lower()  # "any", or the act: "attack"
            out.append(_implied(doc, verb, list(subject.subtree), content, "implied", marker))
        elif verb.lemma_.lower() in _RESPOND:
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            noun = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if _any_hostile(noun) and noun in content:
                out.append(_implied(doc, verb, list(noun.subtree), content, "implied", "any", left_out=(to,)))
    return [found for found in out if found is not None]


_PARTY_ENTITIES = {"GPE", "ORG", "NORP", "PERSON"}


def _a_party(objects: list[Token], clause: Token) -> bool:
    """Whoever must not act is a party: a country, a group, a person, "anyone" ("allow Iran to
    obtain", "let anyone threaten", "allow any person or force to split"); not a thing or a place ("let the Baltic become a sea without law")."""
    doers = [o for o in objects if o.dep_ == "dobj"] + [c for c in clause.children if c.dep_ == "nsubj"]
    return any(d.ent_type_ in _PARTY_ENTITIES or d.lower_ in ("anyone", "anybody", "others")
               # "will never allow any person or force to split Taiwan"
               or d.lemma_.lower() in _ANY_PARTY and any(c.dep_ == "det" and c.lower_ == "any" for c in d.children)
               for d in doers)


_ANY_PARTY = {"person", "force", "country", "party", "group", "one", "power", "state", "government", "individual"}


def not_allowed(doc: Doc, content: set[Token]) -> list[dict]:
    """"Israel would never allow Iran to obtain a nuclear weapon": what the speaker's side will not
    let another do is the condition of what it will do (see the module docstring)."""
    out = []
    for verb in _main_verbs(content):
        lemma = verb.lemma_.lower()
        refused = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
        if lemma not in _ALLOW_CLAUSE | _ALLOW_ACT or not refused or not _future(verb):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c in content]
        clause = next((c for c in objects if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        noun = next((c for c in objects if c.dep_ == "dobj"), None)
        if lemma in _ALLOW_CLAUSE and clause is not None and _a_party(objects, clause):
            condition = sorted({t for c in objects for t in c.subtree} & content, key=lambda t: t.i)
        elif lemma in _ALLOW_ACT and noun is not None and noun.lemma_.lower() in _HOSTILE_ACTS:
            condition = sorted(set(noun.subtree) & content, key=lambda t: t.i)
        else:
            continue
        if condition and condition[0].i > verb.i:
            out.append(_implied(doc, verb, condition, content, "not_allow", verb.text.lower(), before_only=True))
    return [found for found in out if found is not None]
