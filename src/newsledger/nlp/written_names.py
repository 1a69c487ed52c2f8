"""Names a speaker mention writes out that the entity recogniser did not tag.

- :func:`institution_named`: an institution named by a common noun and a qualifier, kept
  whole ("the Finnish navy", "a spokesman for the Estonian government");
- :func:`proper_name`: the last run of capitalised proper nouns after any title ("Mayor
  Lina Park", "Vance").

Not here: names the recogniser found (``speakers`` reads ``doc.ents``), and whether a name
in a title-case headline is one (``headlines``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Mention
from .nominals import TITLES, Named

# Heads of a phrase that names an institution: "the Finnish navy", "the Estonian prosecutor's office".
INSTITUTION_NOUNS = {"navy", "army", "guard", "government", "ministry", "office", "police", "military",
                     "embassy", "agency", "commission", "parliament", "court", "cabinet", "administration",
                     "council", "committee", "department", "service", "forces", "coastguard", "company",
                     "operator", "campaign", "party", "presidency", "kremlin", "pentagon", "union"}
SPOKESPEOPLE = ("a spokesman for ", "a spokeswoman for ", "a spokesperson for ", "a representative of ",
                "the spokesman for ", "the spokeswoman for ", "the spokesperson for ")
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}


def institution_named(mention: Mention) -> Named | None:
    """"the Finnish navy", "a spokesman for the Estonian government": an institution
    named by a common noun, kept whole (its nationality word is not the speaker)."""
    text = mention.text.split(", ")[0]
    offset = 0
    lowered = text.lower()
    for prefix in SPOKESPEOPLE:
        if lowered.startswith(prefix):
            offset = len(prefix)
            break
    phrase = text[offset:]
    words = phrase.lower().replace("'s", "").split()
    named = [w for i, w in enumerate(phrase.split())
             if w[:1].isupper() and not (i == 0 and w.lower() in DETERMINERS)]
    if not words or words[-1] not in INSTITUTION_NOUNS or not named:
        return None  # "the ministry": an organisation (see _kind_of_phrase), but no name
    name = phrase[4:] if phrase.lower().startswith("the ") else phrase
    start = mention.span[0] + offset + (len(phrase) - len(name))
    return Named(name, "organization", (start, start + len(name)), phrase.lower())


def proper_name(doc: Doc, mention: Mention) -> Named | None:
    """A capitalised name the entity recogniser missed ("Mayor Lina Park", "Vance"):
    the last run of proper nouns in the mention, after any title. Its kind is person
    after a title, or for two or three words that head the mention; else unknown."""
    end = mention.span[0] + mention.text.index(", ") if ", " in mention.text else mention.span[1]
    span = doc.char_span(mention.span[0], end, alignment_mode="expand")
    if span is None:
        return None
    runs: list[list] = [[]]
    for token in span:
        if token.pos_ == "PROPN" and token.is_title and token.lower_ not in TITLES:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    run = next((r for r in reversed(runs) if r), None)
    if run is None or len(run) > 4:
        return None
    titled = run[0].i > span.start and doc[run[0].i - 1].lower_ in TITLES
    # a name after a preposition is no person by its length alone ("Data from the 2014
    # American Community Survey")
    kind = "person" if titled or len(run) in {2, 3} and run[-1].i == span.root.i else "unknown"
    name = " ".join(t.text for t in run)
    return Named(name, kind, (run[0].idx, run[-1].idx + len(run[-1])), span.text.lower())
