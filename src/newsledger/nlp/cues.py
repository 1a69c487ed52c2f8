"""Which words report speech, belief or intent, and how they take their content.

A cue is decided from a word's lemma *and* the shape of what it governs, because
the same verb reports speech in one shape and not in another: "said that the
plan failed" (a clausal complement) reports, "said goodbye" does not; "called
for a ceasefire" reports a demand, "called his mother" does not.

``frame(token)`` names that shape. The lexicon (``data/cues.json``) gives, for
each ``lemma/frame`` pair, how often it was a cue in PolNeAR's training split;
it is rebuilt by ``python -m newsledger.evaluate.build_cues`` and reviewed by
hand against the seed lists below, which hold the cues a reader of news would
expect even where the training data is thin (denials, red lines, warnings).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

# Frames, from the most to the least specific.
CLAUSE = "clause"        # ccomp: "said (that) X"
REVERSED = "reversed"    # the cue hangs off its content: "X, he said."
INFINITIVE = "infinitive"  # xcomp: "urged them to X", "refused to X"
PREP = "prep"            # "warned of X", "called for X", "pointed to X"
NAMING = "naming"        # dobj + predicate: "called the vote a mistake", "described X as Y"
OBJECT = "object"        # dobj: "denied the report", "endorsed Trump"
NONE = "none"

# Seeds a news reader expects, whatever the training data says. They are added
# to what the lexicon learned, never removed from it.
SEED_CUES: dict[str, set[str]] = {
    CLAUSE: {
        "say", "tell", "state", "claim", "add", "note", "argue", "believe", "think",
        "warn", "deny", "insist", "announce", "report", "write", "explain", "suggest",
        "acknowledge", "admit", "assert", "declare", "emphasize", "emphasise", "stress",
        "indicate", "learn", "confirm", "predict", "promise", "vow", "pledge", "threaten",
        "complain", "reveal", "recall", "contend", "maintain", "mention", "point",
        "agree", "concede", "charge", "allege", "tweet", "hope", "fear", "know",
        "estimate", "conclude", "show", "find", "reply", "respond", "answer", "ask",
        "wonder", "urge", "demand", "insist", "underline", "underscore", "signal",
        "hint", "caution", "testify", "assure", "counter", "observe", "remark",
        "speculate", "expect", "doubt", "feel", "rule", "announce", "proclaim",
    },
    REVERSED: {
        "say", "tell", "add", "note", "write", "explain", "argue", "claim", "warn",
        "insist", "continue", "report", "state", "declare", "emphasize", "stress",
        "tweet", "ask", "reply", "respond", "answer", "recall", "concede", "admit",
        "acknowledge", "observe", "remark", "predict", "promise", "vow",
    },
    INFINITIVE: {
        "urge", "promise", "vow", "pledge", "threaten", "refuse", "decline", "want",
        "plan", "call", "ask", "demand", "intend", "vow", "agree", "offer", "propose",
        "encourage", "hope", "seek", "aim", "expect", "warn", "tell", "order", "rule",
    },
    PREP: {
        "warn", "call", "point", "speak", "talk", "complain", "argue", "insist",
        "hint", "rule", "push", "advocate", "appeal", "press",
    },
    NAMING: {
        "call", "describe", "label", "brand", "characterize", "characterise", "dub", "term",
        "portray", "deem", "dismiss", "denounce", "cite", "hail", "praise", "slam", "criticize",
        "condemn", "view", "see", "regard", "consider", "declare", "pronounce",
    },
    OBJECT: {
        "cite", "deny", "reject", "dismiss", "rule", "announce", "endorse", "criticize",
        "criticise", "praise", "condemn", "demand", "propose", "promise", "pledge",
        "threaten", "predict", "acknowledge", "admit", "confirm", "support", "oppose",
        "blame", "accuse", "defend", "attack", "question", "refute", "welcome",
    },
}

# Particles and prepositions that complete a phrasal cue ("ruled out", "called for").
PHRASAL = {
    "rule": {"out"},
    "call": {"for", "on", "upon"},
    "point": {"to", "out"},
    "warn": {"of", "about", "against"},
    "speak": {"of", "about", "out"},
    "talk": {"about"},
    "push": {"for"},
    "press": {"for"},
    "appeal": {"for", "to"},
    "advocate": {"for"},
    "insist": {"on"},
    "hint": {"at"},
    "complain": {"about", "of"},
    "argue": {"for", "against"},
}

CONTENT_DEPS = {"ccomp"}
LEARNED_THRESHOLD = 0.35
LEARNED_MIN_COUNT = 3
SEED_OVERRULED_COUNT = 30
SEED_OVERRULED_RATE = 0.15


@lru_cache(maxsize=1)
def learned_lexicon() -> dict[str, tuple[int, int]]:
    """``{"lemma/frame": (times a cue, times seen)}`` from PolNeAR train."""
    try:
        raw = resources.files("newsledger.nlp").joinpath("data/cues.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return {k: (v[0], v[1]) for k, v in json.loads(raw)["counts"].items()}


def frame(token: Token) -> str:
    """The shape in which ``token`` governs a possible content."""
    deps = {child.dep_ for child in token.children}
    if "ccomp" in deps and not _conditional_complement(token):
        return CLAUSE
    if (token.dep_ in {"ccomp", "parataxis"} and token.head.i < token.i
            and not any(c.dep_ == "mark" for c in token.children)):
        # "X, he said" — but not "told them that forces would respond", where the
        # complement clause's own verb hangs the same way.
        return REVERSED
    if token.dep_ == "parataxis" and token.head.i > token.i and _between_commas(token):
        return REVERSED  # "The budget, Senator Weber said, was too small."
    if "xcomp" in deps or gerund_after_particle(token) is not None:
        return INFINITIVE
    if phrasal_prep(token) is not None:
        return PREP
    if "dobj" in deps and naming_predicate(token) is not None:
        return NAMING
    if "dobj" in deps:
        return OBJECT
    return NONE


def _between_commas(token: Token) -> bool:
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    opened = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closed = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return opened and closed


def phrasal_prep(token: Token) -> Token | None:
    """The preposition of a phrasal cue ("warned *of*", "called *for*"), if any. A time
    phrase is not one: "called the mayor *on* Monday" is no "call on"."""
    phrasal = PHRASAL.get(token.lemma_.lower(), ())
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in phrasal and not (child.lower_ == "on" and any(
                g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children)):
            return child
    return None


def _conditional_complement(token: Token) -> bool:
    """"warned of sanctions if ships were found ...": the parser may take the if-clause
    for the complement; with a phrasal preposition present, the preposition's object is
    the content and the if-clause its condition."""
    if phrasal_prep(token) is None:
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.lower_ in {"if", "unless"} for c in token.children)


def naming_predicate(token: Token) -> Token | None:
    """The predicate of "called X *a mistake*" or "described X *as a disaster*"."""
    for child in token.children:
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"):
            return child
    return None


def gerund_after_particle(token: Token) -> Token | None:
    """"ruled out sending troops": the parser often hangs the gerund as advcl."""
    if not any(c.dep_ == "prt" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > token.i), None)


def is_cue(lemma: str, shape: str, first_person: bool = False) -> bool:
    """Whether a word of this lemma, governing a content of this shape, is a cue.

    A pair the training data saw often enough (``LEARNED_MIN_COUNT``) is a cue
    when it was one at least ``LEARNED_THRESHOLD`` of the time; a seed is a cue
    unless the data saw it ``SEED_OVERRULED_COUNT`` times and almost never as a
    cue ("think" in "I think"). ``first_person`` ("I think", "we know") checks
    the ``/first`` counts as well.
    """
    lemma = lemma.lower()
    if shape == NONE:
        return False
    key = f"{lemma}/{shape}"
    if first_person and _rate(key + "/first", LEARNED_MIN_COUNT) is not None \
            and _rate(key + "/first", LEARNED_MIN_COUNT) < LEARNED_THRESHOLD:
        return False
    rate = _rate(key, LEARNED_MIN_COUNT)
    if lemma in SEED_CUES.get(shape, ()):
        # "I think" must not overrule "she thinks": seeds are judged without first person.
        counts = learned_lexicon().get(key, (0, 0)) if first_person else _without_first_person(key)
        strong = _rate_of(counts, SEED_OVERRULED_COUNT)
        return strong is None or strong >= SEED_OVERRULED_RATE
    return rate is not None and rate >= LEARNED_THRESHOLD


def _rate(key: str, min_count: int) -> float | None:
    return _rate_of(learned_lexicon().get(key, (0, 0)), min_count)


def _rate_of(counts: tuple[int, int], min_count: int) -> float | None:
    hits, seen = counts
    return hits / seen if seen >= min_count else None


def _without_first_person(key: str) -> tuple[int, int]:
    """Counts of ``key`` minus those with an "I"/"we" subject: "she thinks" is a cue far
    more often than "I think", which dominates the raw counts."""
    lexicon = learned_lexicon()
    hits, seen = lexicon.get(key, (0, 0))
    first_hits, first_seen = lexicon.get(key + "/first", (0, 0))
    return hits - first_hits, seen - first_seen
