"""Temporal expressions: find them in news text and normalise them to TIMEX3 values.

What is extracted
-----------------
Each :class:`Timex` is one temporal expression with its character span, a TIMEX3
``type`` (``DATE``, ``TIME``, ``DURATION`` or ``SET``) and a TIMEX3 ``value``:

- explicit dates: "March 9", "March 9, 2024", "9 March 2024", "Mar. 9", "Sept. 11",
  "the 9th of March", "Monday, March 4", "March 9 last year", "2024-03-09", "2024/03/09",
  "03/09/2024" (US order; day first only when the first number is > 12 or the separator
  is a dot, "09.03.2024") -> ``2024-03-09``; ISO weeks "2024-W10".
- months and years: "in March" / "March 2024" -> ``2024-03``; "in 2014" -> ``2014``;
  "early March" (mod ``START``), "mid-2023" (``MID``), "the end of last year" (``END``);
  "fiscal 2024"/"FY24" -> ``FY2024``.
- relative to the publication date (the *anchor*): "today", "yesterday", "tomorrow",
  "the day before yesterday"; "tonight" -> ``2024-03-10TNI``, "this morning" -> ``...TMO``,
  "last night", "Monday evening"; weekdays ("on Monday", "last Monday", "next Tuesday");
  "this/last/next week" -> ISO week ``2024-W09``; "this weekend" -> ``2024-W10-WE``;
  "this/last/next month|year|quarter|decade"; "earlier this month" -> ``2024-03``;
  "two days ago" -> day, "three weeks ago" -> ISO week, "a year ago" -> ``2023`` (the
  granularity of the unit); "in two weeks" (future) -> ``2024-W12``.
- narrative references: "the previous day", "the day before", "the following week",
  "two days later", "a year earlier", "that day" are counted from the last full date
  mentioned before them in the text, else from the anchor ("that day" needs a mention).
- seasons and quarters: "summer 2023" -> ``2023-SU`` (winter is labelled by the year of
  its January), "Q1 2024" / "the first quarter" -> ``2024-Q1``, "the first half of 2024"
  -> ``2024-H1``; decades "the 1990s", "the '90s", "the nineties" -> ``199``; centuries
  "the 21st century" -> ``20``.
- clock times: "at 3 p.m.", "3:30pm GMT", "at 15:00", "noon", "midnight" -> ``TIME``
  ``2024-03-10T15:00`` on the anchor day, or on a full date written right next to it
  ("on March 9 at 3 p.m.", "3 p.m. Monday").
- references: "now", "currently", "at present", "these days" -> ``PRESENT_REF``;
  "recently", "previously", "earlier", "the past", "in recent years" -> ``PAST_REF``;
  "soon", "later", "shortly", "the (near) future", "the coming weeks" -> ``FUTURE_REF``,
  except that "later", "soon" and "shortly" under a past-tense verb are ``PAST_REF``
  (the ``Later, Macron ruled out ...`` of a narrative happened before publication).
- durations: "three years" -> ``P3Y``, "two weeks" ``P2W``, "48 hours" ``PT48H``,
  "a three-year deal" ``P3Y``, "half an hour" ``PT30M``, "18 months" ``P18M``,
  "a decade" ``P10Y`` and "a century" ``P100Y`` (TIMEX3 also allows ``P1DE``; years keep
  values comparable), "several days"/"for years" -> ``PXD``/``PXY`` (``PXDE`` for
  "decades"); "about three years" keeps the word, with mod ``APPROX`` (``MORE_THAN``,
  ``LESS_THAN``, ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS`` likewise); "the past three years"
  and "the last week" are durations too.
- sets: "every week" / "weekly" -> ``P1W``, "daily" ``P1D``, "every two weeks" ``P2W``,
  "every Monday" / "on Mondays" -> ``XXXX-WXX-1``, "every January" -> ``XXXX-01``,
  "every morning" -> ``XXXX-XX-XXTMO``, "twice a week", "per year", "$5 a day".
- holidays: Christmas (Eve, Day), New Year's (Eve, Day), Easter, Thanksgiving (US),
  Halloween, Valentine's Day, with a signal or a year.

Spans and signals
-----------------
Spans follow TimeML: the preposition that relates the expression to an event ("on",
"in", "since", "for", "until", "by", ...) is *not* part of the span; it is kept in
``Timex.signal``. So "since 2014" is the DATE ``2014`` with signal ``since`` (the value of
the point, as TIMEX3 does), "for three years" is the DURATION ``P3Y`` with signal ``for``,
"in the near future" is ``the near future`` with signal ``in``. The one exception is
"in" + a counted duration ("in two weeks"), which keeps "in" because it is what makes
the words a date; under a past verb ("built in two weeks") it is the DURATION "two
weeks". "ago", "later", "earlier" are part of the span. A weekday written before a date
("Monday, March 4") is part of the date's span.

Anchoring and tense
-------------------
Values are computed from the anchor (the publication date; in the pipeline component, a wire
story's dated dateline up to 31 days before it: ``datelines.story_day``). A year-less month-day, a
bare month, a weekday, a season, a quarter or a holiday reads as the most recent one on
or before the anchor ("on March 9", published 2024-03-10 -> 2024-03-09; "on December 30"
published 2024-01-02 -> 2023-12-30) unless the governing verb is future ("will meet on
March 12", "is scheduled for", "plans to", "would"), then as the next one on or after it.
The :class:`TimexComponent` decides tense from the dependency parse; :func:`find_timexes`
takes a ``future(offset)`` callback and otherwise uses a word-window heuristic (the
nearest tense cue - "will", "scheduled", "said", a past "-ed" form - in the clause).
"last Monday" is the last one strictly before the anchor, "next Tuesday" the next one
strictly after. Without an anchor relative expressions are not guessed: TIMEX3
placeholders are used ("XXXX-03-09", "XXXX-WXX-1", "XXXX-XX-XX" for "yesterday",
"XXXX-WXX" for "last week"). ``anchor_dependent`` is True exactly when the value was
computed from the anchor or the narrative reference (also for the ``*_REF`` values).

What is not extracted
---------------------
Bare numbers ("3 million", "Section 230", "2000 troops", "Flight 2024"), "may" the modal,
"march" the noun or verb (month names must be capitalised, and a bare month needs a
preposition, a modifier or a year), "Sunday Times", "Black Friday", "USA Today", "the
Daily Mail", versions, phone numbers, ratios and scores, year ranges ("2023-24"), ages
("a 45-year-old"), day-month numeric dates without a year ("3/9"), time zones (kept in
the span, not in the value), event-anchored expressions ("two days after the vote" gives
only the DURATION "two days"), ranges as single expressions ("March 9-10" gives "March
9"), frequencies (TIMEX3 ``freq``: "twice a week" is the SET ``P1W``), and holidays other
than those listed. Month-name dates are parsed by ``dateparser`` (cached per surface
string); everything else is precompiled regexes and calendar arithmetic.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from spacy.attrs import IDX

from newsledger.nlp import timex_patterns as P
from newsledger.nlp.timex_calendar import Ctx, warm_up
from newsledger.nlp.timex_normalize import HANDLERS
from newsledger.nlp.datelines import story_day
from newsledger.nlp.spans import doc_text

__all__ = ["Timex", "find_timexes", "normalize", "TimexComponent"]

_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")


@dataclass
class Timex:
    """One temporal expression: ``text == article_text[span[0]:span[1]]``."""

    text: str
    span: tuple[int, int]
    type: str  # DATE | TIME | DURATION | SET
    value: str
    anchor_dependent: bool
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
    signal: str | None = None  # the preposition before the span: "on", "since", "for", ...

    def date(self) -> dt.date | None:
        """The calendar day: of a full-day DATE, or of a TIME on a known day; else None."""
        if self.type not in ("DATE", "TIME"):
            return None
        m = _FULL_DAY.match(self.value)
        if not m:
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None


# --- tense from words (used when there is no parse) -----------------------------------

_FUTURE_WORDS = {"will", "'ll", "’ll", "shall", "would", "wo", "won't", "won’t", "going",
                 "scheduled", "schedule", "due", "slated", "expected", "expects", "expect",
                 "plans", "plan", "planned", "planning", "intends", "intend", "upcoming",
                 "set", "aims", "hopes", "may", "might", "should", "must", "next", "to"}
_PAST_WORDS = {"said", "says", "was", "were", "had", "did", "told", "met", "went", "came",
               "took", "gave", "made", "held", "began", "spoke", "saw", "left", "wrote",
               "rose", "fell", "won", "lost", "sent", "led", "kept", "brought", "thought",
               "found", "struck", "fought", "flew", "ran", "became", "hit", "ago", "last",
               "has", "have", "been", "got", "felt", "knew", "meant", "paid", "sold",
               "stood", "understood", "began", "broke", "chose", "drove", "spent", "wore"}
_NOT_PAST_ED = {"need", "indeed", "speed", "seed", "feed", "red", "bed", "hundred", "shed",
                "bred", "united", "proceed", "exceed", "succeed", "embed", "breed", "greed",
                "weed", "deed", "creed", "bleed", "heed", "shred", "led", "fled", "sled",
                "scheduled", "expected", "planned", "slated", "wed"}
_CLAUSE_BEFORE = re.compile(r"[.!?;:\n“”\"]")
_WORDS = re.compile(r"[A-Za-z'’]+")
_WEAK = {"to", "may", "might", "should", "must", "next"}  # only count right before the verb


def _cue(word: str) -> bool | None:
    w = word.lower()
    if w in _FUTURE_WORDS:
        return True
    if w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
        return False
    return None


def text_tense(text: str, pos: int) -> bool | None:
    """True (future), False (past) or None from the nearest tense cue around ``pos``."""
    left = text[max(0, pos - 100):pos]
    cut = max((m.end() for m in _CLAUSE_BEFORE.finditer(left)), default=0)
    before = _WORDS.findall(left[cut:])[-8:]
    right = text[pos:pos + 80]
    mm = _CLAUSE_BEFORE.search(right)
    after = _WORDS.findall(right[:mm.start()] if mm else right)[:8]
    best: tuple[int, bool] | None = None
    for dist, w in enumerate(reversed(before)):
        c = _cue(w)
        if c is not None and not (w.lower() in _WEAK and dist > 2):
            best = (dist, c)
            break
    for dist, w in enumerate(after):
        if best is not None and dist >= best[0]:
            break
        c = _cue(w)
        if c is not None and w.lower() not in _WEAK and w.lower() != "last":
            best = (dist, c)
            break
    return best[1] if best else None


# --- scanning -------------------------------------------------------------------------

def _signal_at(text: str, pos: int) -> str | None:
    m = P.SIGNAL_BEFORE.search(text, max(0, pos - 14), pos)
    return " ".join(m["sig"].lower().split()) if m else None


def _windows(text: str, start: int) -> list[tuple[int, int, set[str]]]:
    """Disjoint ranges of ``text[start:]`` around trigger words (on whitespace bounds),
    each with the triggers it holds ("#" for a digit)."""
    out: list[tuple[int, int, set[str]]] = []
    n = len(text)
    for m in P.TOKEN.finditer(text, start):
        w = m.group(0)
        key = "#" if w[0].isdigit() else w.lower()
        if key != "#" and key not in P.TRIGGERS:
            continue
        ws, we = max(start, m.start() - P.BEFORE_WINDOW), min(n, m.end() + P.AFTER_WINDOW)
        while ws > start and not text[ws - 1].isspace():
            ws -= 1
        while we < n and not text[we].isspace():
            we += 1
        if out and ws <= out[-1][1]:
            out[-1][2].add(key)
            out[-1] = (out[-1][0], max(out[-1][1], we), out[-1][2])
        else:
            out.append((ws, we, {key}))
    return out


_JOIN_BEFORE = re.compile(r"^[\s,]*(?:at|on|,)?[\s,]*$", re.I)


def find_timexes(text: str, anchor: dt.date | None, *, start: int = 0,
                 future: Callable[[int], bool | None] | None = None) -> list[Timex]:
    """All temporal expressions of ``text[start:]``, in order, with offsets into ``text``.

    ``anchor`` is the publication date (None: relative values stay unresolved).
    ``future(offset)`` says whether the verb governing the expression that starts at
    ``offset`` is future (True), past (False) or unknown (None: the word heuristic
    decides).
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    cache: dict[int, bool | None] = {}

    def tense(pos: int) -> bool | None:
        if pos not in cache:
            t = future(pos) if future is not None else None
            cache[pos] = text_tense(text, pos) if t is None else bool(t)
        return cache[pos]

    ctx = Ctx(text, anchor, tense, lambda pos: _signal_at(text, pos))
    cands = []
    for ws, we, found in _windows(text, start):
        for name, rx in P.PATTERNS:
            if found.isdisjoint(P.NEEDS[name]):
                continue
            for m in rx.finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), -m.end(), P.PRIORITY[name], name, m))
    cands.sort(key=lambda c: c[:3])
    out: list[Timex] = []
    taken_end = start
    for s, neg_e, _, name, m in cands:
        if s < taken_end:
            continue
        res = HANDLERS[name](m, ctx)
        if res is None:
            continue
        s2 = res.start if res.start is not None else s
        e2 = res.end if res.end is not None else -neg_e
        tx = Timex(text[s2:e2], (s2, e2), res.type, res.value, res.dep, res.mod,
                   _signal_at(text, s2))
        out.append(tx)
        taken_end = -neg_e
        d = tx.date()
        if d is not None and tx.type == "DATE":
            ctx.ref_day = d
    _attach_times(text, out)
    return out


def _attach_times(text: str, out: list[Timex]) -> None:
    """A clock time takes its day from a full date written right next to it."""
    for i, tx in enumerate(out):
        if tx.type != "TIME" or not re.search(r"T\d\d:\d\d$", tx.value):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(out) or out[j].type != "DATE" or out[j].date() is None:
                continue
            a, b = (out[j], tx) if j < i else (tx, out[j])
            gap = text[a.span[1]:b.span[0]]
            if len(gap) <= 8 and _JOIN_BEFORE.match(gap):
                tx.value = out[j].date().isoformat() + tx.value[tx.value.index("T"):]
                tx.anchor_dependent = out[j].anchor_dependent
                break


_LEADING_SIGNAL = re.compile(r"^\s*(?:(?:" + "|".join(s.replace(" ", r"\s+") for s in P.SIGNALS)
                             + r")\s+)?", re.I)


def normalize(expression: str, anchor: dt.date | None, *, tense: str = "past") -> tuple[str, str] | None:
    """``(type, value)`` of one expression ("on March 9", "last week"), or None.

    ``tense`` is that of the governing verb: "past" (default, news narrative), "future"
    or "present" (present reads like past for month-days and weekdays, and makes
    "later" a FUTURE_REF).
    """
    fut = {"future": True, "past": False}.get(tense)
    found = find_timexes(expression, anchor, future=lambda _pos: fut)
    if not found:
        return None
    best = max(found, key=lambda t: t.span[1] - t.span[0])
    return best.type, best.value


# --- spaCy component ------------------------------------------------------------------

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "may", "might", "should", "must",
               "can", "ca"}
_FUTURE_LEMMAS = {"schedule", "plan", "expect", "intend", "due", "set", "slate", "aim",
                  "hope", "prepare", "upcoming"}
_REPORTING = {"say", "tell", "announce", "warn", "state", "report", "claim", "add", "note",
              "write", "be", "have", "do", "argue", "insist", "believe", "think"}


def parse_tense(doc, token_index: int) -> bool | None:
    """Future (True), past (False) or unknown (None) for the verb governing a token; a day
    right after a reporting verb ("said on Tuesday he would impose …") is that verb's, however
    the parser hung it on the reported clause."""
    tok = doc[token_index]
    before = doc[token_index - 2] if token_index >= 2 and doc[token_index - 1].lower_ in ("on", "at") \
        else doc[token_index - 1] if token_index >= 1 else None
    if before is not None and before.lemma_.lower() in _REPORTING and before.pos_ == "VERB":
        tok = before
    path_future = False
    for _ in range(10):
        if tok.lemma_.lower() in _FUTURE_LEMMAS or tok.lower_ in ("next", "upcoming"):
            path_future = True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    for _ in range(4):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        tags = {a.tag_ for a in auxes} | {tok.tag_}
        lemma = tok.lemma_.lower()
        if words & _FUTURE_AUX or ("going" in words and "to" in words):
            return True
        if "VBD" in tags or (tags & {"VBZ", "VBP"} and tok.tag_ == "VBN" and words & {"has", "have"}):
            return False
        if lemma in _FUTURE_LEMMAS or path_future:
            return True if tags & {"VBZ", "VBP", "VBN", "VBG"} else None
        if tok.tag_ == "VB" and "to" in words and tok.dep_ in ("xcomp", "advcl", "ccomp", "relcl", "acl"):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            continue
        if tok.tag_ in ("VBZ", "VBP") and lemma not in _REPORTING:
            return True
        if tok.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"} and lemma not in _REPORTING:
            return True
        return None
    return None


try:
    from spacy.language import Language
except ImportError:  # pragma: no cover - spaCy is a dependency
    Language = None


class TimexComponent:
    """spaCy component: sets ``doc._.timexes`` from ``doc._.published`` and the parse."""

    def __init__(self, nlp=None, name: str = "newsledger_timex"):
        import newsledger.nlp.extensions  # noqa: F401  (registers doc._.timexes)

        self.name = name
        warm_up()

    def __call__(self, doc):
        starts = doc.to_array(IDX).tolist()  # no Token objects: a list of ints
        has_parse = doc.has_annotation("DEP")

        def future(pos: int) -> bool | None:
            if not has_parse or not starts:
                return None
            i = max(0, bisect.bisect_right(starts, pos) - 1)
            return parse_tense(doc, i)

        text, start = doc_text(doc), doc._.body_start or 0
        doc._.timexes = find_timexes(text, story_day(text, start, doc._.published), start=start, future=future)
        return doc


if Language is not None:
    @Language.factory("newsledger_timex")
    def make_timex_component(nlp, name: str):
        return TimexComponent(nlp, name)
