"""Speakers named through a person: "her campaign", "the Clinton campaign", "his ex-wife".

``owned_institution`` and ``relative`` resolve a possessive nominal through the person its
pronoun stands for (``people`` is the speakers stage's index of the article's people:
``antecedent(word, at)`` and ``genders``). Not resolved: a relative the article never
names ("his wife said" with no wife named stays unnamed), and possessives of organisations
("its board").
"""

from __future__ import annotations

from ..model import Mention
from .nominals import Named

# Institutions named after a person: "the Clinton campaign", "her campaign", "the Obama administration"
# (not "his office", whose statements are commonly his own).
PERSONAL_INSTITUTIONS = {"campaign", "administration", "camp"}
KIN_NOUNS = {"wife": "female", "husband": "male", "ex-wife": "female", "ex-husband": "male", "widow": "female",
             "widower": "male", "son": "male", "daughter": "female", "mother": "female", "father": "male",
             "brother": "male", "sister": "female", "spouse": None}


def owned_institution(words: list[str], mention: Mention, people) -> Named | None:
    """"her campaign" after "Hillary Clinton": the "Clinton campaign", an organisation named
    after the person the pronoun stands for (the actors stage knows it as Hillary for
    America); None, and no name, when the pronoun finds nobody."""
    owner = people.antecedent(words[0], mention.span[0])
    if owner is None:
        return None
    return Named(f"{owner.name.split()[-1]} {words[1]}", "organization", owner.span, mention.text.lower())


def relative(words: list[str], mention: Mention, before: list[Named], people) -> Named | None:
    """"His ex-wife" after "Donald Trump's divorce from wife Ivana ... Donald and Ivana Trump":
    the latest other person named before with the surname of the one the pronoun stands for,
    one introduced with the kin word ("wife Ivana") first, and none known to be of the other
    sex ("his son" is not Ivana). None when there is no such person (a relative never named
    is not guessed)."""
    owner = people.antecedent(words[0], mention.span[0])
    if owner is None:
        return None
    people_before = [n for n in before if n.kind == "person" and len(n.name.split()) > 1]
    full = owner.name
    if len(full.split()) == 1:  # "Donald" of "Donald and Ivana Trump": "Donald Trump" named before
        full = next((n.name for n in reversed(people_before) if n.name.split()[0] == full), full)
    surname = full.split()[-1]
    kin = words[1].removeprefix("ex-")
    wanted = KIN_NOUNS[words[1]]
    family = [n for n in people_before if n.name != full and n.name.split()[-1] == surname
              and people.genders.get(n.name, wanted) == wanted]
    named_so = [n for n in family if kin in n.context.split()]
    return (named_so or family or [None])[-1]
