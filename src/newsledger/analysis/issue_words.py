"""The words of a statement that positions work with: the text placed in an issue, whether
it leans on earlier words, whether it names anything at all, and an issue's label.

- :func:`issue_text`: the content (quotes and a leading "that" dropped), plus the condition
  when the content does not hold it ("tragic consequences" + "if NATO troops were sent to
  Ukraine");
- :func:`is_vague`: a content that leans on what came before ("nothing can be ruled out",
  "there are no such plans"), to be read with an earlier statement;
- :func:`has_words`: whether a content names anything beyond pronouns and generic words
  ("him", "them", "nothing can be ruled out" do not): alone, such a content is no proposition;
- :func:`label_candidates` and :func:`choose_label`: an issue's readable label, the member
  wording or gerund phrase ("sending troops to Ukraine") closest to the issue's centre.

Pure functions of text (and, for the label, the sentence encoder); no database.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from newsledger.analysis.embeddings import embed

LABEL_WORDS = 12

_QUOTES = "\"“”„«»‘’'"
_STOP = set("""a an the and or but if of to in on at by for with from as into over under about
than then that this these those such it its it's he she they we you i his her their our your
is are was were be been being has have had do does did can could will would shall should may
might must not no nor so there here what which who whom whose when where why how all any
each every some more most other very just only also even still now later""".split())
# Words that name no proposition by themselves: a content made of these leans on context.
_GENERIC = set("""nothing everything anything something possibility possibilities situation scenario
scenarios plan plans idea ideas proposal proposals move moves option options thing things matter issue
question development developments accusation accusations claim claims report reports ruled rule out
excluded exclude case way course comment comments request requests""".split())
# "comment", "request": "declined | to comment", "did not respond to | a request for comment" name no issue
_ANAPHORA = re.compile(r"\b(?:such|this|these|those|it|so|the same|her|his|their)\b", re.IGNORECASE)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:in the (?:near|coming|foreseeable) future|in the coming \w+|before the \w+|"
    r"after the \w+|by (?:the end of )?\w+ ?\d{0,4}|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|this (?:week|month|year)|next (?:week|month|year)|for now|"
    r"at (?:this|the) (?:stage|moment|time)|(?:in|by|from|until) (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)(?: \d{4})?|(?:next|last) (?:week|month|year)))+$", re.IGNORECASE)
_GERUND = re.compile(r"\b(?!(?:according|nothing|something|anything|everything|during|including|"
                     r"following|regarding|concerning|being|morning|evening|thing|king|bring)\b)"
                     r"([a-z]{3,}ing)((?:\s+[\w'’-]+){1,8})", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s+(?:that|which|who|because|since|but|if|unless|when|while|as|and)\s.*$",
                           re.IGNORECASE)
# Personal pronouns not among the stop words: a content made of them names an actor, not a proposition.
_PRONOUNS = set("""me him us them you yours mine ours theirs hers himself herself itself themselves
ourselves myself yourself one""".split())


def clean(text: str) -> str:
    """Content words as a proposition: quotes, a leading "that" and end punctuation dropped."""
    text = " ".join((text or "").replace("…", " ").split()).strip(_QUOTES + " ,;:")
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    return text.strip(_QUOTES + " ,;:.!?")


def issue_text(record: dict[str, Any]) -> str:
    """The words of a statement that are placed in an issue (see the module docstring)."""
    text = clean(record.get("content") or "")
    condition = clean((record.get("condition") or {}).get("text") or "")
    if condition and condition.casefold() not in text.casefold():
        text = f"{text} if {condition}" if text else condition
    return text


def is_vague(text: str) -> bool:
    """True when the words lean on earlier ones: fewer than three words that name
    something ("nothing can be ruled out in the development of the situation"), or fewer
    than five with an anaphor ("there are no such plans", "her proposal")."""
    words = [w for w in re.findall(r"[\w'’-]+", text.casefold()) if w not in _STOP and w not in _GENERIC]
    return len(words) < 3 or (len(words) < 5 and bool(_ANAPHORA.search(text)))


def label_candidates(texts: list[str]) -> list[str]:
    """Readable short forms of member texts: each trimmed, and its gerund phrases."""
    out: list[str] = []
    for text in texts:
        for phrase in [text, *(m.group(1) + m.group(2) for m in _GERUND.finditer(text))]:
            phrase = _TRAILING_TIME.sub("", _CLAUSE_BREAK.sub("", phrase) if phrase is not text else phrase)
            phrase = clean(re.sub(r"[\"“”„«»]", "", phrase))  # a quote cut in half reads badly
            words = phrase.split()
            if len(words) > LABEL_WORDS:
                phrase = " ".join(words[:LABEL_WORDS]) + " …"
            if phrase and phrase not in out:
                out.append(phrase)
    return out


def choose_label(candidates: list[str], centroid: np.ndarray) -> str:
    """The candidate closest to the centroid, a little less for each word past four."""
    return choose_labels([candidates], [centroid])[0]


def choose_labels(candidates: list[list[str]], centroids: list[np.ndarray],
                  known: dict[str, np.ndarray] | None = None) -> list[str]:
    """:func:`choose_label` for many issues at once: every candidate not in ``known``
    (text -> unit vector, already embedded) is embedded in one call, not one per issue."""
    known = dict(known or {})
    missing = sorted({c for group in candidates for c in group if c not in known})
    known.update(zip(missing, embed(missing)))
    labels = []
    for group, centroid in zip(candidates, centroids):
        if not group:
            labels.append("(no words)")
            continue
        scores = np.stack([known[c] for c in group]) @ centroid
        lengths = np.array([max(0, len(c.split()) - 4) for c in group])
        labels.append(group[int(np.argmax(scores - 0.02 * lengths))])
    return labels


def has_words(text: str) -> bool:
    """True when ``text`` holds a word that is not a stop word, a pronoun or a generic word:
    "raising the retirement age" does, "him", "his", "nothing can be ruled out" do not."""
    return any(w not in _STOP and w not in _GENERIC and w not in _PRONOUNS
               for w in re.findall(r"[\w'’-]+", (text or "").casefold()))


__all__ = ["LABEL_WORDS", "choose_label", "choose_labels", "clean", "has_words", "is_vague", "issue_text",
           "label_candidates"]
