"""Words that decide an act whatever the cue: harm and resolve in a consequence, the formulas
of a coming response, a declared target, a falsehood named as such. Used by ``acts.py``.

- :func:`harmful`: a word of harm ("tragic consequences") or a response said with resolve
  ("will respond firmly", "resolute measures", "all options are on the table");
- :func:`unanswered`: "will not go unanswered", "will not remain unpunished";
- :func:`legitimate_target`: "Any American or British ship will be a legitimate target";
- :func:`called_false`: "called the report 'a typical fake'", "branded the claims baseless".

Each reads tokens of the parse only; none decides whose side the speaker is on (``act_sides.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.nlp.spans import tokens_in

_HARM = {"consequence", "war", "conflict", "escalation", "catastrophe", "disaster", "danger",
         "risk", "crisis", "retaliation", "collapse", "destruction", "tragedy", "tragic",
         "nuclear", "casualty", "death", "bloodshed", "confrontation", "chaos", "threat",
         "countermeasure", "punishment", "retribution", "reprisal"}

# Words of resolve on a response: the deterrence formulas of defence ministries and state media
# ("the military will respond firmly", "take resolute measures", "decisive action").
_RESOLVE = {"firmly", "firm", "resolutely", "resolute", "decisively", "decisive", "forcefully",
            "forceful", "severely", "severe", "harshly", "harsh", "strongly", "strong", "necessary",
            "devastating", "crushing", "military", "swift", "overwhelming", "immediate", "robust",
            "appropriate", "powerful", "stern", "tough", "merciless", "ruthless"}
_RESPONSE_WORDS = {"respond", "response", "react", "reaction", "measure", "action", "step", "strike",
                   "retaliate", "hit", "answer"}


def harmful(doc: Doc, part) -> bool:
    """Harm in ``part``: a word of harm ("tragic consequences", "countermeasures") or a response
    with a word of resolve ("will respond firmly", "resolute measures"); "necessary measures"
    counts, "strong support" does not."""
    if part is None:
        return False
    tokens = tokens_in(doc, [part.span])
    return any(t.lemma_.lower() in _HARM for t in tokens) or any(
        t.lemma_.lower() in _RESPONSE_WORDS and any(c.lower_ in _RESOLVE for c in t.children)
        or t.lemma_.lower() == "option" and any(c.lower_ == "all" for c in t.children)  # "all options are on the table"
        for t in tokens)


_UNANSWERED = {"unanswered", "unpunished", "unnoticed"}


def unanswered(content: list[Token]) -> bool:
    """"will not go unanswered", "will not remain unpunished": the formula of a coming response."""
    return any(t.lower_ in _UNANSWERED and any(c.dep_ == "neg" for c in t.head.children) for t in content)


_NAMING = {"call", "brand", "label", "describe", "term", "dub"}
# words that say a claim is false whatever it names; "fake" and "false" only of a claim-like thing
_FALSE_CLAIM = {"falsehood", "nonsense", "lie", "fabrication", "fabricated", "baseless", "groundless", "untrue",
                "hoax", "disinformation", "slander", "smear", "fiction", "rubbish"}
_FAKE = {"fake", "false", "absurd"}
_CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "story", "news", "statement", "charge", "assertion",
                "rumor", "rumour", "article", "video", "photo", "image", "suggestion", "idea", "notion", "reports"}


def called_false(cue: list[Token], content: list[Token]) -> bool:
    """The cue names what it is about a falsehood ("called the report 'a typical fake'", "branded
    the claims baseless", "has called climate change a hoax"): a denial, though no negation is
    written. "Fake" and "false" count only of a claim-like thing ("called Oz a quack, fake and
    charlatan" is an insult)."""
    if not any(t.lemma_.lower() in _NAMING for t in cue):
        return False
    lemmas = {t.lemma_.lower() for t in content}
    return bool(lemmas & _FALSE_CLAIM) or bool(lemmas & _FAKE) and bool(lemmas & _CLAIM_NOUNS)


def legitimate_target(content: list[Token]) -> bool:
    """A thing declared a "legitimate target" (not negated): whoever declares it says they may strike it."""
    return any(t.lemma_.lower() == "target" and any(c.lower_ == "legitimate" for c in t.children)
               and not any(c.dep_ == "neg" for c in t.head.children) for t in content)
