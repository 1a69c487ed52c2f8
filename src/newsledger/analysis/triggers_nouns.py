"""Noun phrases of a parsed clause: who acts, what is acted on, and where.

Helpers of :mod:`newsledger.analysis.triggers`, on spaCy tokens: the owner of a moved thing
("NATO troops" → NATO), what a measure word counts ("a battalion of soldiers" → soldiers),
knowledge-base ids of actors, objects and places (through ``trigger_words``), and the
words shown for each. Nothing here decides what the action is or whether it is asserted.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from newsledger.analysis import trigger_words as words

_NOT_PLACES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
_ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC")


def is_instrument(tok: Token) -> bool:
    """Troops, ships, drones: a subject that acts for its owner."""
    head = measured(tok)
    lemma = head.lemma_.lower() if head is not None else ""
    return words.object_class(lemma) in ("personnel", "aircraft", "warship", "weapon") or lemma in (
        "tank", "drone", "missile", "ship", "jet", "rocket", "artillery", "guard", "plane")


def measured(tok: Token | None) -> Token | None:
    """"a battalion of soldiers", "hundreds of troops" → the soldiers, the troops."""
    if tok is None or tok.lemma_.lower() not in words.MEASURE_NOUNS and tok.lower_ not in words.MEASURE_NOUNS:
        return tok
    inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"), None)
    return inner if inner is not None else tok


def owner_tokens(noun: Token) -> list[Token]:
    """The modifiers that name who a thing belongs to: "NATO troops", "Estonia's navy"."""
    noun = measured(noun) or noun
    nouns = [noun] + ([noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [])
    out = []
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and names_actor(c):
                out.extend(c.subtree)
    return out


def names_actor(tok: Token) -> bool:
    return tok.lower_ in words.GROUP_WORDS or tok.ent_type_ in _ACTOR_LABELS or (
        tok.pos_ in ("PROPN", "ADJ") and bool(words.resolve_name(tok.text)))


def actor_ids(tokens: list[Token], on: date | None) -> frozenset[str]:
    if not tokens:
        return frozenset()
    doc = tokens[0].doc
    span = doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    whole = words.resolve_name(strip_det(span.text), on)
    if whole:
        return frozenset(whole)
    ids: set[str] = set()
    for ent in span.ents:
        if ent.label_ in _ACTOR_LABELS:
            ids |= words.resolve_name(ent.text, on)
    for tok in span:
        if tok.lower_ in words.GROUP_WORDS or (tok.pos_ in ("PROPN", "ADJ") and not tok.ent_type_):
            ids |= words.resolve_name(tok.text, on)
    return frozenset(ids)


def object_ids(obj: Token, on: date | None, skip_owner: bool) -> frozenset[str]:
    """Ids when the object is an actor or place ("Taiwan", "a NATO member", "Russian tanker")."""
    if obj.ent_type_ in _ACTOR_LABELS or obj.pos_ == "PROPN":
        found = words.resolve_name(phrase(obj), on)
        if found:
            return frozenset(found)
    if skip_owner:
        return frozenset()
    owner = actor_ids(owner_tokens(obj), on)
    if obj.lemma_.lower() in words.ACTOR_HEADS and owner:
        return frozenset(words.expand(set(owner)))
    return owner


def place(verb: Token, nouns: list[Token]) -> tuple[str | None, str | None, frozenset[str]]:
    """The first locative phrase on the verb or its nouns, and its ids (all such phrases)."""
    found: list[tuple[int, Token]] = []
    for holder in [verb, *nouns, *(measured(n) for n in nouns)]:
        if holder is None:
            continue
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in words.IN_PREPS:
                found.extend((g.i, g) for g in prep.children if g.dep_ == "pobj")
    text, prep, ids = None, None, set()
    for _, pobj in sorted(set(found)):
        got = place_ids(pobj)
        if got:
            if text is None:
                text, prep = phrase(pobj), pobj.head.lower_
            ids |= got
    return text, prep, frozenset(ids)


def place_ids(pobj: Token) -> set[str]:
    span = pobj.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
    if pobj.ent_type_ in _NOT_PLACES:
        return set()
    if pobj.lemma_.lower() in words.SOIL_NOUNS:  # "on Ukrainian soil", "Russia's territory"
        ids = set()
        for c in pobj.children:
            if c.dep_ in ("amod", "poss", "compound"):
                ids |= {i for i in words.resolve_name(c.text) if i.startswith("country:")}
        if ids:
            return ids
    ids = set()
    for ent in span.ents:
        if ent.label_ in _PLACE_LABELS and ent.label_ != "NORP":
            ids |= words.place_ids(strip_det(ent.text))
    if ids:
        return ids
    if pobj.pos_ in ("PROPN",) or pobj.ent_type_:
        return words.place_ids(strip_det(span.text))
    return set()


def phrase(tok: Token) -> str:
    return strip_det(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text)


def strip_det(text: str) -> str:
    for det in ("the ", "a ", "an ", "its ", "their ", "his ", "her ", "another ", "any "):
        if text.lower().startswith(det):
            return text[len(det):]
    return text


def head_word(tok: Token) -> str:
    tok = measured(tok) or tok
    return tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.text.lower()


def object_text(obj: Token, skip_owner: bool) -> str:
    """The object's words without determiners, prepositional tails or (when it gave the actor)
    its owner ("NATO troops" → "troops")."""
    obj = measured(obj) or obj
    skip = set(owner_tokens(obj)) if skip_owner else set()
    keep = [t for t in obj.subtree if t not in skip and t.dep_ not in ("det", "poss", "case", "prep", "punct")
            and not any(a.dep_ == "prep" for a in t.ancestors if a in obj.subtree and a != obj)
            and t.i <= obj.i]
    return " ".join(t.text for t in keep) or obj.text


def actor_text(tokens: list[Token], ids: frozenset[str], owner: bool) -> str:
    """The actor as written ("the allies" → "allies"); an owner by its name ("French" → France)."""
    if owner and len(ids) == 1:
        (only,) = ids
        entry = words.kb().get(only)
        return words.GROUP_LABEL.get(only) or (entry.name if entry else only)
    tokens = sorted(tokens, key=lambda t: t.i)
    return strip_det(tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text)


def modifiers(noun: Token | None) -> tuple[str, ...]:
    """The lowercased words before ``noun`` in its phrase, without determiners, possessives and
    punctuation ("Patriot air-defence missiles" → patriot, air, defence)."""
    if noun is None:
        return ()
    return tuple(t.lower_ for t in noun.subtree if t.i < noun.i and not t.is_punct
                 and t.dep_ not in ("det", "poss", "case", "predet") and not t.like_num)
