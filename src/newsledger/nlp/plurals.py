"""Whom "they", "them" and "it" refer to: groups, organisations, outlets and countries.

Used by ``speakers.py`` for plural and neuter pronoun speakers. ``people`` is the
speakers component's view of the article (``sentences``, ``quotes``, ``genders``,
``person_words``); ``before`` the named mentions before the pronoun, in order.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from . import pronouns
from .nominals import DOCUMENT_NOUNS, Named

INSTITUTION_KINDS = {"organization", "country", "media"}


def latest_document(doc: Doc, people: Any, at: int) -> Named | None:
    """"The indictment alleges that … In exchange, it says, …": the source of the latest
    statement before ``at``, when it is a document (:data:`nominals.DOCUMENT_NOUNS`) written
    in the last few sentences. A document stands for whoever issued it when the article says so
    ("The statement said …", with the ministry that issued it); else it stands as written."""
    sources = [s.speaker for s in doc._.statements or () if s.speaker is not None and s.speaker.span[1] <= at]
    if not sources:
        return None
    last = max(sources, key=lambda m: m.span[0])
    words = last.text.lower().split()
    near = people.sentences.of(at) - people.sentences.of(last.span[0]) < pronouns.LOOKBACK
    if not (near and words and words[-1] in DOCUMENT_NOUNS):
        return None
    if last.name and last.kind not in ("unknown", "media"):  # "The statement said …," it said: its issuer
        return Named(last.name, last.kind, last.span, last.text.lower())
    return Named(last.text, "unknown", last.span, last.text.lower())


def latest_institution(candidates: list[Named]) -> Named | None:
    return next((n for n in reversed(candidates) if n.kind in INSTITUTION_KINDS), None)


def recent_institution(before: list[Named], people: Any, at: int) -> Named | None:
    """"The European Commission published its report. It said ...": the latest
    organisation, country or outlet named in the last few sentences."""
    here = people.sentences.of(at)
    recent = [n for n in before if n.kind in INSTITUTION_KINDS
              and here - people.sentences.of(n.span[0]) < pronouns.LOOKBACK]
    return recent[-1] if recent else None


def institution_subject(doc: Doc, before: list[Named], people: Any, at: int) -> Named | None:
    """"Politifact ruled that ... but they could not resist": the latest subject of the
    pronoun's sentence or the one before that names an organisation, outlet, country or
    group, or is a proper noun that is no person's name in the article."""
    here = people.sentences.of(at)
    token_at = doc.char_span(at, at + 1, alignment_mode="expand")
    if token_at is None:
        return None
    kinds = INSTITUTION_KINDS | {"group"}
    for token in reversed(doc[:token_at.start]):
        if people.sentences.of(token.idx) < here - 1:
            break
        if token.dep_ not in {"nsubj", "nsubjpass"} or people.quotes.of(token.idx):
            continue
        if any(c.dep_ == "conj" for c in token.children):  # "Germany and France signed ..."
            phrase = doc[token.left_edge.i: token.right_edge.i + 1]
            return Named(phrase.text, "group", (phrase.start_char, phrase.end_char), phrase.text.lower())
        named = next((n for n in before if n.span[0] <= token.idx < n.span[1]), None)
        if named is not None:
            if named.kind in kinds:
                return named
            if named.kind == "person" and token.text in people.person_words:
                continue
        # An untagged name, or a one-word "person" of no known gender, that is no word of
        # a person's full name: "Politifact" tagged PERSON.
        if token.pos_ == "PROPN" and token.ent_type_ in {"", "ORG", "PERSON"} \
                and token.text not in people.person_words and token.text not in people.genders \
                and (token.ent_type_ != "PERSON" or named is not None and " " not in named.name):
            return Named(token.text, "unknown", (token.idx, token.idx + len(token)), token.text.lower())
    return None


def recent_coordination(doc: Doc, people: Any, at: int) -> Named | None:
    """"Germany and France signed the treaty. They said ...": a coordinated subject of
    one of the last few sentences, as a group."""
    here = people.sentences.of(at)
    for token in reversed(doc[: doc.char_span(at, at + 1, alignment_mode="expand").start]):
        if here - people.sentences.of(token.idx) >= pronouns.LOOKBACK:
            break
        if token.dep_ == "nsubj" and any(c.dep_ == "conj" for c in token.children):
            phrase = doc[token.left_edge.i: token.right_edge.i + 1]
            return Named(phrase.text, "group", (phrase.start_char, phrase.end_char), phrase.text.lower())
    return None


# Plural heads of several bodies that spoke together ("the agencies", "the organisations").
BODIES_OF_MANY = frozenset({"agencies", "organizations", "organisations", "bodies", "institutions", "groups"})


def bodies_of_many(words: list[str]) -> bool:
    """ "the agencies" after "the World Health Organization and UNICEF said": the bodies that
    spoke last (:func:`latest_plural`), not news agencies."""
    return words[:1] == ["the"] and words[-1] in BODIES_OF_MANY


def latest_of_kind(candidates: list[Named], kind: str) -> Named | None:
    """The last of ``candidates`` of that kind ("person", "media"), or None."""
    return next((n for n in reversed(candidates) if n.kind == kind), None)


def latest_plural(candidates: list[Named]) -> Named | None:
    return next((n for n in reversed(candidates) if n.kind in {"group", "organization", "country", "media"}), None)


# What an organisation or a person issues and a reporter then quotes as if it spoke.
ISSUED_NOUNS = frozenset({"statement", "communique", "communiqué", "readout", "release", "announcement"})
# documents that speak for whoever the article says wrote them ("the IAEA said in a confidential
# report … The report said"), never for the latest speaker as such
AUTHORED_NOUNS = frozenset({"report", "study", "assessment", "memo", "audit", "review", "survey", "analysis", "poll"})


# the nouns one document goes by: "a new poll from AP-NORC … The survey found", "the Kremlin said
# in a statement … according to the readout"
_SAME_DOCUMENT = {"poll": {"poll", "survey"}, "survey": {"survey", "poll"},
                  "readout": {"readout", "statement"}, "statement": {"statement", "readout"}}
# a readout is an office's account of a call or a meeting, never one of the leaders'
_OFFICES_ONLY = {"readout"}
_AUTHOR_LOOKBACK = 6  # sentences back to the phrase that names a document's author


def _author_phrase(token: Token, noun: str) -> Token | None:
    """The phrase ``token`` names as the author of a ``noun``: "a statement | by | the General
    Staff", "a poll | from | AP-NORC", "the agency's | report", "the IAEA said | in a confidential
    report"."""
    nouns = _SAME_DOCUMENT.get(noun, {noun})
    if token.lower_ in ("by", "from") and token.head.lemma_.lower() in nouns:
        return next((c for c in token.children if c.dep_ == "pobj"), None)
    if token.lemma_.lower() not in nouns:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    named = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named:  # "a White House readout", "a Kremlin statement"
        return named[-1]
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("in", "through") else None
    if verb is not None and verb.pos_ == "VERB":  # "said in a report", "wrote in a study"
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def issuer(doc: Doc, words: list[str], before: list[Named], resolved: list[Named], people: Any,
           at: int) -> Named | None:
    """Who issued "the statement" that speaks ("…," the statement said): the one the article
    names as its author in the last few sentences ("a statement by the General Staff of the
    Korean People's Army"), else the speaker of the latest statement in those sentences
    ("Netanyahu's office says it has not agreed to any proposal. 'Reports of a deal are
    false,' the statement says"). "The report", "the survey" (:data:`AUTHORED_NOUNS`) only when
    the article names its author ("the IAEA said in a confidential report", "a new poll from
    AP-NORC", "the agency's report"). None for any other mention, or when nobody spoke there."""
    if len(words) != 2 or words[0] not in {"the", "this", "that"} or words[1] not in ISSUED_NOUNS | AUTHORED_NOUNS:
        return None
    here = people.sentences.of(at)
    found = _named_author(doc, words[1], before, resolved, people, at, pronouns.LOOKBACK)
    if found is not None or words[1] not in ISSUED_NOUNS:
        return found  # a report or a study is not the latest speaker's unless the article says so
    recent = [n for n in resolved if n.span[1] <= at and here - people.sentences.of(n.span[0]) < pronouns.LOOKBACK
              and n.kind != "unknown" and (words[1] not in _OFFICES_ONLY or n.kind != "person")]
    if recent:
        return recent[-1]
    # further back, only where the article names the author: "the Kremlin said in a statement
    # following the call" three sentences before "according to the readout"
    return _named_author(doc, words[1], before, resolved, people, at, _AUTHOR_LOOKBACK)


def _named_author(doc: Doc, noun: str, before: list[Named], resolved: list[Named], people: Any,
                  at: int, lookback: int) -> Named | None:
    """The author of a ``noun`` the article names in the ``lookback`` sentences before ``at``."""
    here = people.sentences.of(at)
    token_at = doc.char_span(at, at + 1, alignment_mode="expand")
    for token in reversed(doc[:token_at.start] if token_at is not None else []):
        if here - people.sentences.of(token.idx) >= lookback:
            break
        author = _author_phrase(token, noun)
        if author is not None:
            # the name that holds the author phrase's head, else the first name in it that is no
            # nationality ("the General Staff of the Korean People's Army"; not "Congressional")
            inside = [n for n in (*resolved, *before) if author.left_edge.idx <= n.span[0] <= author.right_edge.idx]
            # "Mexico's foreign ministry said in a statement": the ministry as resolved, not Mexico
            named = [n for n in inside if n.span[0] <= author.idx < n.span[1]] \
                or [n for n in inside if n.kind != "group"]
            if named:
                return named[0]
    return None


# The parties of a call, a meeting or talks, named together: "The sides agreed …", "the two leaders"
_PARTIES = {("the", "sides"), ("both", "sides"), ("the", "two", "sides"), ("the", "leaders"), ("both", "leaders"),
            ("the", "two", "leaders"), ("the", "two", "men"), ("the", "two", "presidents"),
            ("the", "two", "ministers"), ("the", "ministers")}
_PARTIES_LOOKBACK = 6  # sentences: a readout names the two leaders once, in its lead


def the_parties(words: list[str], before: list[Named], resolved: list[Named], people: Any,
                at: int) -> Named | None:
    """"The sides agreed to continue contacts" after a call between Putin and Erdogan: the two
    people the last few sentences name (as speakers or not), as one group "Vladimir Putin and
    Recep Tayyip Erdoğan" (its members are read from that name). None when those sentences name
    one person, or more than two ("the leaders" of a summit)."""
    if tuple(words) not in _PARTIES:
        return None
    here = people.sentences.of(at)
    people_named: dict[str, Named] = {}  # by surname: "Erdogan" and "Recep Tayyip Erdogan" are one
    for n in sorted((*before, *resolved), key=lambda n: n.span):
        if n.kind == "person" and n.span[1] <= at and here - people.sentences.of(n.span[0]) < _PARTIES_LOOKBACK:
            surname = n.name.split()[-1].lower()
            kept = people_named.get(surname)
            people_named[surname] = n if kept is None or len(n.name) > len(kept.name) else kept
    if len(people_named) != 2:
        return None
    first, second = sorted(people_named.values(), key=lambda n: n.span)
    return Named(f"{first.name} and {second.name}", "group", first.span, f"{first.name} and {second.name}".lower())
