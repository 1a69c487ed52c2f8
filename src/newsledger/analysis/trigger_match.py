"""Does a reported event cross a red line's trigger? Structure first, then sentence meaning.

:func:`check` compares a trigger :class:`~newsledger.analysis.triggers.Event` with a reported
one and gives the first reason they differ, or None. In order:

1. the trigger is positive (an "unless" / "either … or" / "otherwise" trigger is crossed by
   something *not* happening, which no single report shows) and specific: one that names no
   known actor, no object and no place ("if you look back", "if schedules permit") would be
   crossed by any report of the same verb;
2. the event is asserted: no modal, negation, hedge ("considering", "refused to"), if-clause;
3. the action class agrees (send = deploy = deliver; attack = strike = invade; …);
4. the actor is compatible: the same country, or a member of the trigger's organisation or bloc
   (France for "the allies"; Austria is not NATO). A trigger whose actor is unnamed or
   unresolved (a passive, a pronoun) accepts any actor; a named trigger actor needs a named,
   compatible event actor;
5. the object agrees: the same head noun or word class (troops = soldiers = instructors; aid is
   not troops); a generic trigger object ("targets") accepts any; an object that is itself an
   actor ("a NATO member", "Taiwan") must be hit as object or as place;
6. the kinds agree: a modifier of the trigger's object or act from one of the sets of
   mutually exclusive kinds (nuclear / chemical, ground / media, long range / air defence) is
   not met by another of the same set in the event;
7. the place agrees: the event's place is the trigger's place or inside it (Kyiv, Donbas and
   "Ukrainian soil" are in Ukraine). A trigger with a place needs an event with one;
8. every number and model designation of the trigger is in the event ("90 percent" is not
   "60 percent", "Mirage" jets are not "F-16" jets).

Then :func:`match` asks the sentence encoder (``analysis/embeddings.py``): the cosine of the
trigger's words and the event's words must reach ``SIMILARITY`` (0.5, set by hand). On the
hand-made pairs (``tests/data/redline_pairs.jsonl``) structure does nearly all the work: the
true pairs that pass it score 0.42 to 0.97, the false ones that pass it rarely score lower, so
the encoder is a last guard against a parse gone wrong, not a judge of kinds. Whole-sentence
cosines do not see a changed modifier ("chemical" for "nuclear" weapons scores 0.78), hence
the kind sets of step 6. Word-level embeddings of objects were tried and dropped:
"uranium"/"plutonium" scored higher than "fighter jets"/"F-16s".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsledger.analysis import trigger_words as words
from newsledger.analysis.triggers import Event, parse_events

SIMILARITY = 0.5
# A model designation among the trigger's modifiers ("F-16" jets, "S-400" systems).
_DESIGNATION = re.compile(r"[a-z]{1,4}-?\d{1,4}[a-z]?")


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing one trigger with one reported text."""

    match: bool
    reason: str | None          # why not, or None for a match
    similarity: float | None    # cosine of the texts, when the structure agreed
    event: Event | None         # the clause that matched (or came closest)

    def record(self) -> dict:
        return {"match": self.match, "reason": self.reason, "similarity": self.similarity,
                "event": self.event.record() if self.event else None}


def check(trigger: Event, event: Event) -> str | None:
    """The first structural reason ``event`` does not cross ``trigger``, or None."""
    if trigger.negative:
        return "the trigger is a failure to act"
    if not (trigger.actor_ids or trigger.object or trigger.place_ids):
        return "the trigger names no known actor, no object and no place"
    if event.hedge is not None:
        return f"not asserted ({event.hedge})"
    if event.negative:
        return "not asserted (negated, or a condition)"
    if trigger.action_class != event.action_class:
        return f"action {event.action!r} is not {trigger.action!r}"
    reason = (_actor(trigger, event) or _object(trigger, event) or _kind(trigger, event)
              or _place(trigger, event))
    if reason:
        return reason
    wanted = list(trigger.numbers) + [w for w in trigger.modifiers if _DESIGNATION.fullmatch(w)]
    missing = [n for n in wanted if n not in event.numbers and n not in event.text.lower()]
    return f"{missing[0]} not in the event" if missing else None


def _actor(trigger: Event, event: Event) -> str | None:
    if not trigger.actor_ids:
        return None
    if not event.actor_ids:
        return "the event names no actor"
    allowed = words.expand(set(trigger.actor_ids))
    if set(event.actor_ids) <= allowed:
        return None
    return f"actor {event.actor!r} is not {trigger.actor!r}"


def _object(trigger: Event, event: Event) -> str | None:
    if not trigger.object_head or trigger.object_head in words.GENERIC_OBJECTS:
        return None
    if trigger.object_ids:
        if words.resolve_name(trigger.object or "") & set(trigger.object_ids):
            # The object is the actor itself ("Taiwan"): "Taiwan's economy" does not hit it.
            hit = words.resolve_name(event.object or "") | set(event.place_ids)
            if event.object_head in words.ACTOR_HEADS:
                hit |= set(event.object_ids)
        else:
            hit = set(event.object_ids) | set(event.place_ids)
        if hit & words.expand(set(trigger.object_ids)):
            return None
        return f"{event.object or 'nothing'!s} is not {trigger.object!r}"
    if not event.object_head:
        return f"the event has no object ({trigger.object!r})"
    if event.object_head == trigger.object_head or event.object_class == trigger.object_class:
        return None
    return f"{event.object!r} is not {trigger.object!r}"


def _kind(trigger: Event, event: Event) -> str | None:
    """A kind word of the trigger's object or act against another of the same set in the event."""
    for want, got in zip(words.kinds(trigger.modifiers), words.kinds(event.modifiers)):
        if want and got and not want & got:
            return f"{' / '.join(sorted(got))} is not {' / '.join(sorted(want))}"
    return None


def _place(trigger: Event, event: Event) -> str | None:
    if not trigger.place_ids:
        return None
    # The trigger's most specific place must be among the event's (which include the country
    # a region belongs to): "in Ukraine" takes Kharkiv, "in Donetsk" does not take Kharkiv.
    specific = {i for i in trigger.place_ids if i.startswith("place:")} or set(trigger.place_ids)
    if specific & set(event.place_ids):
        return None
    return f"place {event.place or 'unknown'!s} is not {trigger.place!r}"


def compared_text(trigger: Event, event: Event) -> str:
    """The trigger's words as the encoder compares them with ``event``: an abstract object
    that the structure found in the event ("a NATO member", hit by Poland) is replaced by
    what the event names ("Russia attacks Poland"), since whole-sentence similarity cannot
    know that Poland is a NATO member. Everything else is the trigger as written."""
    if not (trigger.object and trigger.object_head in words.ACTOR_HEADS and trigger.object_ids):
        return trigger.text
    allowed = words.expand(set(trigger.object_ids))
    if event.place and set(event.place_ids) & allowed:
        named = event.place
    elif event.object and set(event.object_ids) & allowed:
        named = event.object
    else:
        return trigger.text
    phrase = re.compile(r"\b(?:(?:a|an|the|any|another)\s+)?" + re.escape(trigger.object) + r"\b", re.I)
    return phrase.sub(lambda _: named, trigger.text, count=1)


Similarity = Callable[[Sequence[str], Sequence[str]], "object"]


def match(trigger: Event, events: Sequence[Event],
          similarity: Similarity | None = None) -> Verdict:
    """The best verdict over the clauses of one reported text (structure, then embeddings)."""
    if not events:
        return Verdict(False, "no event in the text", None, None)
    passing = [(e, check(trigger, e)) for e in events]
    agreeing = [e for e, reason in passing if reason is None]
    if not agreeing:
        first = passing[0]
        return Verdict(False, first[1], None, first[0])
    if similarity is None:
        from newsledger.analysis.embeddings import similarity as encoder_similarity
        similarity = encoder_similarity
    matrix = similarity([compared_text(trigger, e) for e in agreeing], [e.text for e in agreeing])
    scores = [float(matrix[i][i]) for i in range(len(agreeing))]
    best = max(range(len(agreeing)), key=lambda i: scores[i])
    score = round(scores[best], 3)
    if score < SIMILARITY:
        return Verdict(False, f"similarity {score} below {SIMILARITY}", score, agreeing[best])
    return Verdict(True, None, score, agreeing[best])


def match_texts(trigger: str, event: str) -> Verdict:
    """Parse a trigger (a condition's words, "if"/"unless" optional) and a reported text, and
    compare them: what the hand-made pairs in ``tests/data/redline_pairs.jsonl`` run through."""
    triggers = parse_events(trigger, condition=True)
    if not triggers:
        return Verdict(False, "no event in the trigger", None, None)
    return match(triggers[0], parse_events(event))


__all__ = ["SIMILARITY", "Verdict", "check", "compared_text", "match", "match_texts"]
