"""A verb of saying coordinated after a content: whose statement it is.

"The Food and Drink Federation said the study did not show that processed foods caused early
death and warned against 'demonising' affordable products": the parser hangs "warned" on the
content's verb ("show"), whose subject is "the study"; the warning is the federation's. PolNeAR
train agrees (``content_edges.without_coordinated_saying``: contents stop before such a verb 92
times in 98). Not when the content's verb is itself one of saying: in "A readout said President
Donald Trump 'reaffirmed' U.S. support … and urged both sides to agree to a ceasefire" Trump urged.
Used by the rules (``attribution_rules.find_source``) and the learned variants
(``learned/sources.coordinated_subject``).
"""

from __future__ import annotations

from spacy.tokens import Token

# verbs of saying and judging that, coordinated after a content, are another statement of its speaker
SAYING_LEMMAS = frozenset({
    "say", "warn", "add", "insist", "note", "stress", "urge", "call", "tell", "argue", "acknowledge",
    "concede", "caution", "vow", "pledge", "promise", "deny", "reject", "emphasize", "emphasise", "suggest",
    "predict", "threaten", "demand", "accuse", "praise", "defend", "criticize", "criticise", "describe",
    "highlight", "explain", "question", "admit", "welcome", "blame", "assert", "declare", "dismiss",
    "announce", "mock", "downplay", "condemn", "slam"})
_NESTED_SAYING = SAYING_LEMMAS | {"reaffirm", "reiterate", "affirm", "repeat", "express", "voice"}


def saying_verb_above(verb: Token) -> Token | None:
    """The verb of saying whose subject a coordinated ``verb`` of saying shares, when the parser
    hung ``verb`` on that verb's content ("said the study did not show … and | warned"); None
    otherwise."""
    first = verb.head
    if verb.dep_ != "conj" or first.dep_ != "ccomp" or verb.lemma_.lower() not in SAYING_LEMMAS \
            or first.lemma_.lower() in _NESTED_SAYING or first.head.pos_ != "VERB":
        return None
    return first.head
