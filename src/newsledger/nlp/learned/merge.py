"""How a learned tagger's statements and the rules' statements on the same doc are merged.

The tagger's statements win where both read the same words (replacing its spans by the
rules' lowered attribution F1 on PolNeAR dev), except where the rules read a layout: a
punctuation cue (a quotation signed "― Name", "NAME: words" in a transcript or a headline).
Rule statements the rules get right more often (direct quotations, "according to", layouts)
are added where the tagger found nothing over the same words, and so is a rule statement on
words the tagger read as an attribution that tidying then dropped or cut away. The rules'
reading also wins where the tagger saw only part of it: a quotation over several paragraphs
on the same cue, and hearsay ("is reported | to have told").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Statement
from ..attribution import reports_a_report


def _sure(statement: Statement) -> bool:
    """Rule statements the rules get right more often than the tagger: direct quotations,
    "according to", and a said or told clause with its speaker ("Police said about 36,000 people
    took part", which the tagger may miss in a paragraph of figures), not a time clause after
    "said" ("as Eric Garner said | before he died")."""
    if statement.quote == "direct" or statement.cue.lower().startswith("according to"):
        return True
    words = statement.content.lower().split()
    return statement.extra.get("rule") == "verb:clause" and statement.extra.get("cue_lemma") in ("say", "tell") \
        and statement.speaker is not None and bool(words) and words[0] not in _TIME_CLAUSES


_TIME_CLAUSES = {"before", "after", "when", "while", "as", "since", "until", "because", "if", "once"}


# Cues that are punctuation: a quotation signed "― Name" after it, "NAME: words" in a
# transcript or a headline. The rules read the layout; the tagger, trained on few of them,
# often misses them or runs one statement over several signed quotations.
_LAYOUT_CUES = frozenset({":", "―", "—", "–", "--"})


def _by_layout(statement: Statement) -> bool:
    """Read from a layout: a punctuation cue, or paragraphs announced with a colon."""
    return statement.cue.strip() in _LAYOUT_CUES or bool(statement.extra.get("announced"))


def _covers_half(chars: set[int], other: set[int]) -> bool:
    """``chars`` holds at least half of ``other``."""
    return bool(other) and len(chars & other) >= len(other) / 2


def content_chars(statement: Statement) -> set[int]:
    return {i for start, end in statement.content_spans for i in range(start, end)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _with_rule_speaker(statement: Statement, ruled: list[Statement]) -> Statement:
    """A learned statement without a source takes the speaker of the rule statement on the
    same cue: the rules know passives and agents the tagger missed."""
    sentence = statement.sentence_span
    speaker = statement.speaker
    if speaker is not None and (sentence is None or _overlaps(speaker.span, sentence)):
        return statement
    # No source, or one outside the cue's sentence (the tagger reaching too far).
    for rule in ruled:
        if rule.speaker is not None and _overlaps(rule.cue_span, statement.cue_span):
            return replace(statement, speaker=rule.speaker)
    return statement


def _with_whole_quotation(statement: Statement, ruled: list[Statement]) -> Statement:
    """A learned statement takes the content of the rules' direct quotation on the same cue
    when that holds all of its own and more: the quotation the rules read over several
    paragraphs (""We are seeing … wear us down. ¶ "If they cross …," Koo told lawmakers"),
    of which the tagger saw only the last."""
    chars = content_chars(statement)
    for rule in ruled:
        if rule.cue_span == statement.cue_span and rule.quote == "direct":
            whole = content_chars(rule)
            if chars < whole:
                return replace(statement, content=rule.content, content_spans=rule.content_spans, quote=rule.quote)
    return statement


def with_rule_cue(statement: Statement, ruled: list[Statement]) -> Statement:
    """A learned statement whose content, not all quoted, stands before its cue takes the cue of
    the rule statement that reads the same content as its verb's clause, after that verb:
    in "Koo told lawmakers he expected deliveries by 2027, but cautioned that delays were
    possible" the expectation was told, not cautioned."""
    spans = [(start, end) for start, end in statement.content_spans if end > start]
    if statement.quote == "direct" or not spans or max(end for _, end in spans) > statement.cue_span[0]:
        return statement  # checked on the spans: this runs for every learned statement
    first, chars = min(start for start, _ in spans), content_chars(statement)
    for rule in ruled:
        if rule.extra.get("rule") not in ("verb:clause", "noun") or rule.cue_span[1] > first:
            continue
        same = content_chars(rule)
        # the same words, or the opening of a rule clause that runs on over the learned cue ("said |
        # it would close its plants by 2028 and invest … in offshore wind, as it reported | …")
        opening = min(start for start, _ in rule.content_spans) == first and chars <= same \
            and set(range(*statement.cue_span)) <= same
        if len(same & chars) >= 0.9 * max(len(same), len(chars)) or opening:
            return replace(statement, cue=rule.cue, cue_span=rule.cue_span, speaker=rule.speaker or statement.speaker,
                           extra={**statement.extra, "cue_lemma": rule.extra.get("cue_lemma", rule.cue.lower()),
                                  "cue_chars": [rule.cue_span]})
    return statement


_HEARSAY = re.compile(r"\b(?:said|reported|believed|understood|thought|known|rumou?red|alleged) to\b")


def with_rule_hearsay(statement: Statement, ruled: list[Statement]) -> Statement:
    """A learned statement whose cue is the start of a rule statement's hearsay cue ("is
    reported" of "The minister is reported to have told aides that …") is that rule
    statement: the minister told it, by hearsay; the tagger made "The minister" content."""
    for rule in ruled:
        (start, end), (rule_start, rule_end) = statement.cue_span, rule.cue_span
        if rule_start <= start and end < rule_end and _HEARSAY.search(rule.cue) \
                and content_chars(statement) & content_chars(rule):
            return replace(statement, cue=rule.cue, cue_span=rule.cue_span, speaker=rule.speaker or statement.speaker,
                           content=rule.content, content_spans=rule.content_spans,
                           extra={**statement.extra, "cue_lemma": rule.extra.get("cue_lemma", "")})
    return statement


def split_at_rule_cue(statement: Statement, ruled: list[Statement]) -> list[Statement]:
    """A learned statement whose unquoted content lies on both sides of its cue, split in two
    when the pieces before the cue are the clause a rule reads for an earlier verb: in "Starmer
    told MPs that Britain would recognise a state only as part of a peace process, rejecting
    calls for immediate recognition" the tagger gave "rejecting" both; what was told goes to
    "told" (:func:`with_rule_cue`), what was rejected stays. Otherwise ``[statement]``."""
    cue_start = statement.cue_span[0]
    before = [(a, b) for a, b in statement.content_spans if b <= cue_start]
    after = [(a, b) for a, b in statement.content_spans if a >= statement.cue_span[1]]
    if statement.quote == "direct" or not before or not after \
            or len(before) + len(after) != len(statement.content_spans):
        return [statement]
    first = replace(statement, content_spans=before)
    told = with_rule_cue(first, [replace(r, content_spans=[(a, min(b, cue_start)) for a, b in r.content_spans
                                                           if a < cue_start]) for r in ruled])
    if told is first:
        return [statement]
    rule = next(r for r in ruled if r.cue_span == told.cue_span)
    return [replace(told, content_spans=before, speaker=rule.speaker or statement.speaker),
            replace(statement, content_spans=after)]


def merge_with_rules(learned: list[Statement], ruled: list[Statement],
                     abandoned: set[int] = frozenset()) -> list[Statement]:
    """``learned`` (speakers missing there filled from the rule statement on the same
    cue), plus each rule statement whose content no learned one half-covers and that is
    either sure (:func:`_sure`) or stands on ``abandoned`` characters: words the tagger
    read as part of an attribution that ``tidy`` then dropped or cut away (a cue that
    reports nothing, a content running on into the next sentence), or nested in the content
    of an "according to" statement. The rules' reading of those words stands. Rule
    statements read from a layout (:func:`_by_layout`) are always
    kept, and replace each learned statement over half of one."""
    laid_out = [s for s in ruled if _by_layout(s)]
    # A learned statement over half of a laid-out one is that statement read worse (or one
    # run over several signed quotations): the layout's reading replaces it.
    # Nor is a statement of nobody inside a laid-out one ("Araghchi: … We will not | sign | a bad
    # deal."): the speaker's own words.
    learned = [s for s in learned
               if not any(_covers_half(content_chars(s), content_chars(r)) or s.cue_span == r.cue_span
                          or s.speaker is None and content_chars(s) | set(range(*s.cue_span)) <= content_chars(r)
                          for r in laid_out)]
    merged = [_with_rule_speaker(_with_whole_quotation(s, ruled), ruled) for s in learned]
    taken = [content_chars(s) for s in learned]
    for statement in laid_out:  # kept even around a learned statement nested in it
        merged.append(statement)
        taken.append(content_chars(statement))
    reporting = [chars for statement, chars in zip(merged, taken) if reports_a_report(statement)]
    for statement in ruled:
        chars = content_chars(statement)
        # "Israel warned it would act again, according to a statement from …": the warning
        # is Israel's statement too (the tagger, one content per word, cannot nest it)
        within = [r for r in reporting if statement.cue_span[0] in r and chars <= r] \
            if statement.speaker is not None else []  # not "are close to agreeing | a plan", said by nobody
        if _by_layout(statement) or not (_sure(statement) or chars & abandoned or within):
            continue  # laid out: added above
        overlaps = [len(chars & other) / max(1, min(len(chars), len(other)))
                    for other in taken if not any(other is r for r in within)]
        if not overlaps or max(overlaps) < 0.5:
            merged.append(statement)
            taken.append(chars)
            if reports_a_report(statement):  # its own nested statement may follow
                reporting.append(chars)
    merged.sort(key=lambda s: (s.content_start, s.cue_span[0]))
    return merged
