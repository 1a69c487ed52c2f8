"""Polarity of statements: ``newsledger_negation``.

Reads ``doc._.statements`` and sets ``statement.negated`` to True when the speaker
denies or rules out the content. Also sets ``extra["negation_cues"]`` (the words
that decided, as ``[text, [start, end]]`` pairs, for evidence) and
``extra["double_negation"]`` (True when two negations cancel and an option is
kept open).

The rule: count the negating elements ("flips") of the cue and of the content's
main clause; the statement is negated when the count is odd. So a denial cue
negates, a negated denial cue keeps the option open, and so on.

Flips counted
-------------
In the cue (the reporting words):
- a verb of denial or ruling out: *deny, reject, dismiss, refute, rebut, exclude,
  disavow, repudiate, debunk, disprove, dispute*, *rule out*, *brush aside/off*;
  active ("Macron ruled out sending troops") or passive ("the possibility of such
  a scenario was denied");
- a negation on that verb ("did **not** rule out", "**never** denied") or a
  verb of refusal governing it ("**refused** to rule out", "declined to deny");
- a negative subject of that verb ("**nothing** was ruled out").

In the content's main clause (its first root; the clauses under it do not count,
so "if they do not withdraw, we will strike" is not negated):
- a negation particle on the predicate: *not, n't, never, no longer*
  ("do not have the right", "should not even consider"), but not the "not" of "not X but Y",
  which asserts Y ("This is not a war of choice but a war of necessity");
- a negative argument: *no* + noun ("there are **no** such plans"), *nothing,
  nobody, none, no one, neither* as subject or object ("**Nobody** will attack");
- a predicate of ruling out said by the speaker of itself or without an agent:
  passive "is ruled out", "cannot be excluded", first person "we do not exclude".
  A third party's denial inside the content ("Stoltenberg said Russia denied it")
  is reported, not made, and does not count; nor does the negation of one ("Peskov
  said the Kremlin does not rule out such an option" keeps the option open).

Hence "nothing can be ruled out" (nothing + ruled out), "did not rule out" and
"cannot be excluded" are NOT negated: double negatives keep an option open.

What is not covered
-------------------
- Negated reporting verbs that are not denials ("did not say that ..."): the
  statement stays as reported; whether it should exist is the attribution's call.
- Lexical negatives (*impossible, unlikely, fail, lack, refuse* in the content),
  negative-polarity adverbs (*hardly, barely*) and sarcasm.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

import newsledger.nlp.extensions  # noqa: F401  (registers doc._.statements)
from newsledger.model import Statement
from newsledger.nlp.spans import PerStatement, tokens_in

DENIAL_LEMMAS = {
    "deny", "reject", "dismiss", "refute", "rebut", "exclude", "disavow", "repudiate",
    "debunk", "disprove", "dispute",
}
# Phrasal denials: verb lemma -> particles that make it one.
DENIAL_PHRASALS = {"rule": {"out"}, "brush": {"aside", "off"}, "wave": {"off", "away"}}
REFUSAL_LEMMAS = {"refuse", "decline", "fail"}
NEGATIVE_WORDS = {"nothing", "nobody", "none", "neither", "noone", "no-one"}
_NEG_DEPS = {"neg"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "dative", "oprd"}
_FIRST_PERSON = {"i", "we", "me", "us"}


@Language.factory(
    "newsledger_negation",
    requires=["doc._.statements", "token.dep", "token.lemma"],
    assigns=["doc._.statements"],
)
def make_negation(nlp: Language, name: str) -> "NegationComponent":
    return NegationComponent()


class NegationComponent(PerStatement):
    """Set ``negated`` on every statement of ``doc._.statements``."""

    @staticmethod
    def mark(doc: Doc, statement: Statement) -> None:
        mark_negation(doc, statement)


def mark_negation(doc: Doc, statement: Statement) -> None:
    cue = tokens_in(doc, [statement.cue_span])
    content = tokens_in(doc, statement.content_spans)
    flips = _cue_flips(cue) + _content_flips(content, set(cue))
    statement.negated = len(flips) % 2 == 1
    statement.extra["negation_cues"] = [[t.text, [t.idx, t.idx + len(t)]] for t in flips]
    statement.extra["double_negation"] = len(flips) >= 2 and not statement.negated


def is_denial_verb(tok: Token) -> bool:
    """A verb of denial or ruling out ("denied", "ruled out", "brushed aside")."""
    lemma = tok.lemma_.lower()
    if lemma in DENIAL_LEMMAS:
        return True
    particles = DENIAL_PHRASALS.get(lemma)
    return bool(particles) and any(c.dep_ == "prt" and c.lower_ in particles for c in tok.children)


def _cue_flips(cue: list[Token]) -> list[Token]:
    flips: list[Token] = []
    for verb in (t for t in cue if t.pos_ in ("VERB", "AUX") and is_denial_verb(t)):
        flips.append(verb)
        flips.extend(_negators_of(verb))
    return flips


def _negators_of(verb: Token) -> list[Token]:
    """What negates a denial verb: "not", a refusal above it, a negative subject."""
    out = [c for c in verb.children if c.dep_ in _NEG_DEPS]
    out += [c for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and _is_negative_word(c)]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_LEMMAS:
        out.append(verb.head)
    return out


def _content_flips(content: list[Token], cue: set[Token]) -> list[Token]:
    root = _main_root(content, cue)
    if root is None:
        return []
    flips = [c for c in root.children if c.dep_ in _NEG_DEPS and not _not_but(root)]
    flips += _no_longer(root)
    # "there are no such plans", "nothing can be ...": a negative argument negates the clause.
    for arg in [*_arguments(root), root]:  # the root itself: a bare noun phrase ("no plans")
        flips += _negative_markers(arg)
    if root.pos_ in ("VERB", "AUX") and is_denial_verb(root):
        if _speaker_own(root):
            flips.append(root)
        else:  # another's ruling-out is reported, not made: "the Kremlin does not rule out such an option"
            flips = [f for f in flips if f.head != root and f is not root]
    return flips


def _not_but(root: Token) -> bool:
    """"not X but Y": the "not" only sets X against Y, the clause asserts Y ("This is not a war of
    choice but a war of necessity", "The question is not whether Russia will challenge us, but
    when"). Not "We do not want war, but we will defend ourselves": a clause of its own follows."""
    def contrast(word: Token) -> bool:
        return any(c.dep_ == "cc" and c.lower_ == "but" for c in word.children) \
            and any(c.dep_ == "conj" for c in word.children)
    if any(contrast(c) for c in root.children if c.dep_ in ("attr", "ccomp", "dobj", "acomp", "pobj")):
        return True
    but = next((c for c in root.children if c.dep_ == "cc" and c.lower_ == "but"), None)
    after = root.doc[but.i + 1] if but is not None and but.i + 1 < len(root.doc) else None
    return after is not None and after.tag_ in ("WRB", "WP", "WDT")  # "…, but when"


def _main_root(content: list[Token], cue: set[Token]) -> Token | None:
    """The predicate of the content's first main clause.

    That is the content's root (the first token whose head lies outside it), unless
    a comma-spliced clause comes first: "Kyiv is not asking for troops, it only needs
    ammunition" is parsed with the first clause as an unmarked adverbial of the second.
    """
    inside = set(content)
    root = next((t for t in content if not (t.is_punct or t.is_space or t in cue)
                 and (t.head not in inside or t.head.i == t.i)), None)
    if root is None:
        return None
    spliced = [c for c in root.children if c.dep_ in ("advcl", "parataxis") and c.i < root.i
               and c in inside and _is_full_clause(c)]
    return spliced[0] if spliced else root


def _is_full_clause(tok: Token) -> bool:
    """Has its own subject and no subordinator ("if", "when", "because")."""
    kids = list(tok.children)
    return any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids) and \
        not any(k.dep_ == "mark" or k.tag_ in ("WRB", "WDT") for k in kids)


def _arguments(root: Token) -> Iterable[Token]:
    """Subjects and objects of the root, including those of a prepositional object."""
    for child in root.children:
        if child.dep_ in _ARG_DEPS:
            yield child
        elif child.dep_ == "prep":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _is_negative_word(tok: Token) -> bool:
    return bool(_negative_markers(tok))


def _negative_markers(tok: Token) -> list[Token]:
    """"nothing", "nobody" themselves, or the "no" of "no such plans"."""
    if tok.lower_ in NEGATIVE_WORDS:
        return [tok]
    return [c for c in tok.children if c.lower_ == "no" and c.dep_ in ("det", "neg")]


def _no_longer(root: Token) -> list[Token]:
    return [g for c in root.children if c.dep_ == "advmod" and c.lower_ == "longer"
            for g in c.children if g.lower_ == "no"]


def _speaker_own(verb: Token) -> bool:
    """A ruling-out made by the speaker: passive, agentless, or in the first person."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubjpass")]
    if not subjects:
        return True
    return any(s.dep_ in ("nsubjpass", "csubjpass") or s.lower_ in _FIRST_PERSON for s in subjects)


