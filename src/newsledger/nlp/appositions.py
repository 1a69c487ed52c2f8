"""Appositions in a speaker phrase: which words name the speaker.

"Michael McFaul, a senior fellow at the Hoover Institution and a former ambassador"
names one person, whose description holds an "and" and other names; "Its operator,
Estfin Networks," is named by its apposition. Used by :mod:`.speakers`.
"""

from __future__ import annotations

import re

from ..model import Mention
from .nominals import GENERIC_PERSON, TITLES, Named
from .possessives import KIN_NOUNS

# Words that open a list or its examples after a comma, not a description of what precedes it.
LIST_OPENERS = {"like", "including", "such", "and", "or", "among", "both"}


def before_apposition(text: str) -> str:
    """The words before an apposition that describes them ("Michael McFaul, a senior fellow at
    the Hoover Institution and a former ambassador": its "and" makes no group); a list ("Jeff
    Merkley, Sherrod Brown and Robert Menendez"), an example ("Critics, like Senators A and B")
    or a last item after ", and" keeps the whole text."""
    head, comma, rest = text.partition(", ")
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    keep_whole = not comma or ", and " in rest or not first.islower() or first in LIST_OPENERS
    return text if keep_whole else head


def head_or_appositive_names(mention: Mention, inside: list[Named]) -> list[Named]:
    """Names in the mention's head ("Elaine Kamarck, a veteran of ..."), else a name that
    is the whole first apposition ("Its operator, Estfin Networks,") — never a name
    buried in a description ("the operator, a company registered in Dubai")."""
    parts = mention.text.split(", ")
    start = mention.span[0]
    core_end = start + len(parts[0])
    core = [n for n in inside if n.span[1] <= core_end]
    # a name that ends the head names it; one before the head only qualifies it ("Scott's
    # niece, state Del. Marcia Price", "The Clinton campaign manager, Robby Mook")
    heading = [n for n in core if n.span[1] >= core_end - 1]
    if len(parts) < 2 or any(n.kind == "person" for n in heading):
        return core
    apposition = re.sub(r"\s*\(.*$", "", parts[1].rstrip(","))  # "… Marcia Price (D-Newport News)"
    a_start = core_end + 2
    # the whole apposition, or its end after a title ("The bill's author, Assemblymember Tom Reyes,")
    whole = [n for n in inside if n.span[1] == a_start + len(apposition)
             and _titles_only(apposition[:n.span[0] - a_start])]
    # the head noun stands before what qualifies it ("Russia's ambassador to Finland")
    head_words = re.split(r"\s+(?:to|of|for|at|in|from|on)\s+", parts[0].lower(), maxsplit=1)[0].split()
    head = head_words[-1] if head_words else ""
    # "Ostmark's foreign minister, Tomas Reyl": the title's holder is named in the apposition.
    if whole and (not core or head in TITLES or head in GENERIC_PERSON or head in KIN_NOUNS
                  or not heading and any(n.kind == "person" for n in whole)):
        return whole
    return core


def _titles_only(words: str) -> bool:
    """True for nothing, or at most three capitalised or title words ("Assemblymember",
    "U.S. Senator", "state senator") before a name."""
    parts = words.split()
    return len(parts) <= 3 and all(w[:1].isupper() or w.lower() in TITLES or w.lower() in _TITLE_MODIFIERS
                                   for w in parts)


_TITLE_MODIFIERS = {"state", "former", "deputy", "acting", "assistant", "vice", "chief", "senior", "federal"}
