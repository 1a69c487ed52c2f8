"""Who a definite role noun stands for: the speaker that role noun last introduced.

"A U.S. official, speaking on condition of anonymity, said … The official said the White
House would keep pressing Israel": the official is the unnamed U.S. official, not whoever
the article named last (the Egyptian foreign minister of the paragraph before). "A ministry
spokesperson, Koo Byoung-sam, told a briefing … The spokesperson added" is Koo.

Only generic role nouns (official, spokesman, diplomat, aide, …: :data:`.nominals.GENERIC_PERSON`)
are remembered, and only for "the" + noun; a title ("the senator") is read by who holds it.
:func:`after_role_noun` tells a name written right after a role noun or title, a person's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Mention
from .nominals import GENERIC_PERSON, TITLES, Named
from .possessives import KIN_NOUNS
from .written_names import proper_name

UNSEEN = object()  # no speaker was introduced with the role noun


class RoleNouns:
    """The speaker each generic role noun last introduced, in the order statements come."""

    def __init__(self) -> None:
        self._last: dict[str, Named | None] = {}

    def introduce(self, doc: Doc, mention: Mention, target: Named | None) -> None:
        """Remember ``target`` (None: nobody named) as the one ``mention``'s role noun stands for."""
        noun = _role_noun(doc, mention)
        if noun is not None:
            self._last[noun] = target

    def refer(self, words: list[str]):
        """The speaker "the <role noun>" (``words``, lower case) stands for, None for an unnamed
        one, or ``UNSEEN`` when no speaker was introduced with that noun."""
        if len(words) != 2 or words[0] != "the" or words[1] not in self._last:
            return UNSEEN
        return self._last[words[1]]


def _role_noun(doc: Doc, mention: Mention) -> str | None:
    span = doc.char_span(*mention.span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = span.root.lower_
    return noun if noun in GENERIC_PERSON else None


def after_role_noun(doc: Doc, name: Named) -> bool:
    """True for a name written right after a role noun ("Ministry spokesperson | Randhir
    Jaiswal", whatever the recogniser's label): a person's."""
    first = doc.char_span(name.span[0], name.span[1], alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    before = doc[first.start - 1].lower_
    return before in GENERIC_PERSON or before in TITLES and before not in {"prime", "chief"}


def with_name_after_role_noun(doc: Doc, mention: Mention, inside: list[Named]) -> list[Named]:
    """``inside`` (the recogniser's names in the mention) with the person named right after a
    role noun when the recogniser missed that name and found only others before it: in
    "Chinese Commerce Ministry spokesperson He Yadong" it found the ministry, and "He Yadong"
    (a family name that reads as a pronoun) is who spoke."""
    if not inside or any(n.kind == "person" for n in inside):
        return inside
    written = proper_name(doc, mention)
    if written is None or written.span[0] < max(n.span[1] for n in inside) or not after_role_noun(doc, written):
        return inside
    return [*inside, Named(written.name, "person", written.span, written.context)]


# Nouns of a person known by a relation to another: "a former aide to Senator Robert Hale"
_RELATIONS = {"aide", "adviser", "advisor", "lawyer", "attorney", "friend", "ally", "associate", "colleague",
              "confidant", "assistant", "bodyguard", "biographer", "classmate", "neighbor", "neighbour",
              "person", *KIN_NOUNS}
_CLOSE = {"close", "familiar", "near", "loyal"}  # "one person close to Merz"


def someone_of(root: Token, inside: list[Named]) -> bool:
    """The mention is a person named by a relation to the people named in it ("a former aide to
    Senator Robert Hale", "a lawyer for Trump", "a daughter of the late senator", "one person
    close to Merz") or to a title ("an adviser to the prime minister"), who is not them."""
    if root.lemma_.lower() not in _RELATIONS or any(n.kind != "person" for n in inside):
        return False
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of")]
    preps += [p for a in root.children if a.dep_ == "amod" and a.lower_ in _CLOSE
              for p in a.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]
    if not preps:
        return False
    if not inside:  # "an adviser to the prime minister": whoever holds the title is not the adviser
        return any(t.lower_ in TITLES for p in preps for t in p.subtree)
    return all(any(p.left_edge.idx <= n.span[0] <= p.right_edge.idx for p in preps) for n in inside)
