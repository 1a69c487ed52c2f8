"""TIMEX3 handlers for counted and vague expressions (see :mod:`newsledger.nlp.timex_normalize`).

"two days ago", "in two weeks", "two days later"; durations ("three years", "several
days", "about a decade"); sets ("every week", "daily", "twice a week"); the
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` references; clock times; holidays.
"""

from __future__ import annotations

import datetime as dt
import re

from newsledger.nlp import timex_patterns as P
from newsledger.nlp.timex_calendar import (
    CLAUSE_END_AFTER, Ctx, DUR_MODS, MONTH, QUANTITY_BEFORE, Res, UNANCHORED, UNIT_GRAN,
    at_sentence_start, duration, fmt, next_words, num_value, prev_word, shift, unit_name,
)


# --- counted relative dates, durations, sets ------------------------------------------

_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|worst|best|highest|lowest|biggest|largest|deadliest|most|least|longest|"
    r"strongest|weakest|fastest|slowest)\b[^.;!?]{0,40}$", re.I)


def h_ago(m: re.Match, ctx: Ctx) -> Res | None:
    if not m["unit"] or m["vague"] or not m["num"]:
        return Res("DATE", "PAST_REF", True)
    n, unit = num_value(m["num"]), unit_name(m["unit"])
    if n is None or unit in ("second", "minute", "hour"):
        return Res("DATE", "PAST_REF", True)
    return _counted(ctx.anchor, -n, unit)


def _counted(base: dt.date | None, n: float, unit: str) -> Res:
    gran = UNIT_GRAN[unit]
    if n != int(n) and unit in ("year", "decade", "century"):
        n, unit, gran = n * {"year": 12, "decade": 120, "century": 1200}[unit], "month", MONTH
    if base is None:
        return Res("DATE", UNANCHORED[gran], True)
    return Res("DATE", fmt(shift(base, n, unit), gran), True)


def h_in_n(m: re.Match, ctx: Ctx) -> Res | None:
    n, unit = num_value(m["num"]), unit_name(m["unit"])
    nxt = next_words(ctx, m.end())
    past = ctx.tense(m.start()) is False
    sup = _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
    if n is None or unit in ("second", "minute", "hour") or past or sup or (
            nxt and nxt[0].lower() in ("of", "since", "after", "before")):
        return Res("DURATION", duration(n, unit), False, start=m.start("num"))
    return _counted(ctx.anchor, n, unit)


def h_n_later(m: re.Match, ctx: Ctx) -> Res | None:
    n, unit = num_value(m["num"]), unit_name(m["unit"])
    d = m["dir"].lower()
    if n is None or unit in ("second", "minute", "hour"):
        return None
    if d in ("before", "after", "prior") and not CLAUSE_END_AFTER.match(ctx.text, m.end()):
        return None  # "two days after the vote": a duration and a signal
    sign = 1 if d.startswith(("later", "after")) else -1
    return _counted(ctx.ref(), sign * n, unit)


def h_duration(m: re.Match, ctx: Ctx) -> Res | None:
    num = m["num"].lower()
    n, unit = num_value(num), unit_name(m["unit"])
    hyphen = "-" in ctx.text[m.start("num"):m.start("unit")]
    if num in ("a", "an", "one") and not (hyphen or m["mod"]):
        before = ctx.text[max(0, m.start() - 30):m.start()]
        if QUANTITY_BEFORE.search(before) and num in ("a", "an"):
            return None  # "$5 a day": a set
        if unit == "day" and num == "one" and not ctx.signal(m.start()):
            return None  # "one day" (some day)
    mod = DUR_MODS.get(" ".join((m["mod"] or "").lower().split()))
    start = m.start() if mod else m.start("num")
    return Res("DURATION", duration(n, unit), False, mod, start=start)


def h_vague_dur(m: re.Match, ctx: Ctx) -> Res | None:
    unit = unit_name(m["unit"])
    if not m["vague"]:
        nxt = next_words(ctx, m.end())
        sig = ctx.signal(m.start())
        if not (sig in ("for", "over", "in", "within", "after", "during", "than", "past")
                or (nxt and nxt[0].lower() == "of")):
            return None
    return Res("DURATION", duration(None, unit), False)


def h_every(m: re.Match, ctx: Ctx) -> Res | None:
    u = m["unit"]
    low = u.lower()
    if low in P.WEEKDAYS:
        return Res("SET", f"XXXX-WXX-{P.WEEKDAYS[low]}", False)
    if low in P.MONTHS and u[0].isupper():
        return Res("SET", f"XXXX-{P.MONTHS[low]:02d}", False)
    if low in ("morning", "afternoon", "evening", "night"):
        return Res("SET", f"XXXX-XX-XXT{P.PARTS_OF_DAY[low]}", False)
    if low == "weekend":
        return Res("SET", "XXXX-WXX-WE", False)
    if low == "quarter":
        return Res("SET", "P3M", False)
    n = 2.0 if m["other"] else (num_value(m["num"]) if m["num"] else 1.0)
    return Res("SET", duration(n, unit_name(u)), False)


def h_times_per(m: re.Match, ctx: Ctx) -> Res | None:
    return Res("SET", duration(1, unit_name(m["unit"])), False)


def h_per(m: re.Match, ctx: Ctx) -> Res | None:
    if m.group(0).lower().startswith("a"):
        before = ctx.text[max(0, m.start() - 30):m.start()]
        if not QUANTITY_BEFORE.search(before) or re.search(r"\b(?:for|over|in|within|than)\s*$", before, re.I):
            return None
    return Res("SET", duration(1, unit_name(m["unit"])), False)


_ADVERB_SET = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
               "annually": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
               "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}


def h_adverb_set(m: re.Match, ctx: Ctx) -> Res | None:
    w = m["w"]
    if w[0].isupper():
        nxt = next_words(ctx, m.end())
        if not at_sentence_start(ctx, m.start()) or (nxt and nxt[0][0].isupper()):
            return None  # "the Daily Mail", "Weekly Standard"
    return Res("SET", _ADVERB_SET[w.lower()], False)


# --- PRESENT_REF / PAST_REF / FUTURE_REF --------------------------------------------

_PRESENT = ("now", "right now", "currently", "at present", "presently", "at the moment",
            "nowadays", "these days", "the present")
_PAST = ("recently", "lately", "previously", "the past")


def h_ref(m: re.Match, ctx: Ctx) -> Res | None:
    w = " ".join(m.group(0).lower().split())
    nxt = next_words(ctx, m.end())
    nxt0 = nxt[0].lower() if nxt else ""
    prev = prev_word(ctx, m.start()).lower()
    if w in _PRESENT:
        if w == "the present" and nxt0 in ("day", "case", "situation", "government", "moment"):
            return None
        return Res("DATE", "PRESENT_REF", True)
    if w in _PAST or w.startswith("recent"):
        if w == "the past" and nxt0 in ("few", "several", "decade", "year", "month", "week", "day"):
            return None
        return Res("DATE", "PAST_REF", True)
    if w in ("earlier", "later", "later on", "soon", "shortly"):
        if nxt0 in P.LATER_ADJ_NOUNS or prev in ("a", "an", "the", "its", "his", "her", "their", "as", "no"):
            return None  # "a later stage", "earlier than expected", "as soon as"
        if w == "shortly" and nxt0 in ("after", "before", "afterwards"):
            return None
        if w == "earlier":
            return Res("DATE", "PAST_REF", True)
        return Res("DATE", "PAST_REF" if ctx.tense(m.start()) is False else "FUTURE_REF", True)
    if "future" in w and nxt0 in ("of", "for"):
        return None  # "the future of NATO"
    return Res("DATE", "FUTURE_REF", True)


# --- clock times and holidays ----------------------------------------------------------

def _time(ctx: Ctx, hh: int, mm: int) -> Res:
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return Res("TIME", f"{day}T{hh:02d}:{mm:02d}", True)


def h_time(m: re.Match, ctx: Ctx) -> Res | None:
    h, mm = int(m["h"]), int(m["m"] or 0)
    pm = m["ap"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    return _time(ctx, h, mm)


def h_time24(m: re.Match, ctx: Ctx) -> Res | None:
    if not (m["tz"] or "h" in m.group(0)[5:] or ctx.signal(m.start()) in ("at", "by", "until", "from", "before", "after", "since")):
        return None
    return _time(ctx, int(m["h"]), int(m["m"]))


def h_noon(m: re.Match, ctx: Ctx) -> Res | None:
    return _time(ctx, 24 if m["w"].lower() == "midnight" else 12, 0)


def _holiday_date(name: str, year: int) -> dt.date:
    n = " ".join(name.lower().replace("’", "'").split())
    if n.startswith("christmas"):
        return dt.date(year, 12, 24 if "eve" in n else 25)
    if n.startswith("new year"):
        return dt.date(year, 12, 31) if "eve" in n else dt.date(year, 1, 1)
    if n.startswith("easter"):
        from dateutil.easter import easter
        return easter(year)
    if n.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n.startswith("halloween"):
        return dt.date(year, 10, 31)
    return dt.date(year, 2, 14)  # Valentine's Day


def h_holiday(m: re.Match, ctx: Ctx) -> Res | None:
    name = m["h"]
    if m["y"]:
        return Res("DATE", _holiday_date(name, int(m["y"])).isoformat(), False)
    bare = " " not in name and not name.lower().startswith(("halloween",))
    prev = prev_word(ctx, m.start()).lower()
    if bare and not (ctx.signal(m.start()) or prev in ("this", "last", "next")):
        return None  # "Christmas shopping", "Easter egg"
    if ctx.anchor is None:
        return Res("DATE", "XXXX-" + _holiday_date(name, 2024).isoformat()[5:], True)
    a, fut = ctx.anchor, ctx.future(m.start()) or prev == "next"
    for y in ((a.year, a.year + 1) if fut else (a.year, a.year - 1)):
        d = _holiday_date(name, y)
        if (d >= a) if fut else (d <= a):
            if prev == "last" and d == a:
                continue
            return Res("DATE", d.isoformat(), True)
    return Res("DATE", _holiday_date(name, a.year + (1 if fut else -1)).isoformat(), True)
