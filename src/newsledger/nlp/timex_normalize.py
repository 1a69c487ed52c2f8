"""TIMEX3 values for :mod:`newsledger.nlp.timex`: the handlers, and their table.

One handler per pattern of :mod:`newsledger.nlp.timex_patterns`: ``handler(match, ctx)``
returns a :class:`~newsledger.nlp.timex_calendar.Res` (type, value, anchor dependence,
mod, adjusted span) or None to reject the match. This module holds the calendar
expressions (explicit dates, months, years, decades, centuries, seasons, quarters,
weekdays, day words, weeks, weekends); :mod:`~newsledger.nlp.timex_relative` holds the
counted ones (ago, in N, N later), durations, sets, ``*_REF`` values, clock times and
holidays. ``HANDLERS`` maps each pattern name to its handler.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from newsledger.nlp import timex_patterns as P
from newsledger.nlp import timex_relative
from newsledger.nlp.timex_calendar import (
    CLAUSE_END_AFTER, Ctx, DAY, Res, UNANCHORED, UNIT_GRAN, add_months, at_sentence_start,
    day_res, duration, fmt, mod_of, month_day, next_words, num_value, prev_word, resolve_md,
    resolve_month, resolve_weekday, shift, unit_name, weekend,
)


# --- handlers: explicit dates ---------------------------------------------------------

def h_iso(m: re.Match, ctx: Ctx) -> Res | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"]:
        return Res("TIME", f"{d.isoformat()}T{m['H']}:{m['M']}", False)
    return Res("DATE", d.isoformat(), False)


def h_isoweek(m: re.Match, ctx: Ctx) -> Res | None:
    if not 1 <= int(m["w"]) <= 53:
        return None
    return Res("DATE", m.group(0), False)


def h_numeric(m: re.Match, ctx: Ctx) -> Res | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 50 else 1900 + int(y)
    if m["sep"] == ".":          # 09.03.2024: day first (European)
        day, month = a, b
    elif a > 12 >= b:            # 24/02/2022 cannot be US order
        day, month = a, b
    else:                        # US order: 03/09/2024 is March 9
        month, day = a, b
    try:
        return Res("DATE", dt.date(year, month, day).isoformat(), False)
    except ValueError:
        return None


def h_ymd_slash(m: re.Match, ctx: Ctx) -> Res | None:
    try:
        return Res("DATE", dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), False)
    except ValueError:
        return None


def _rel_year(anchor: dt.date | None, rel: str) -> int | None:
    if anchor is None:
        return None
    word = rel.split()[-2].lower()
    return anchor.year + {"last": -1, "this": 0, "next": 1}[word]


def h_md(m: re.Match, ctx: Ctx) -> Res | None:
    md = month_day(m["ds"])
    if md is None:
        return None
    month, day = md
    if m["y"] or m["rel"]:
        year = int(m["y"]) if m["y"] else _rel_year(ctx.anchor, m["rel"])
        if year is None:
            return Res("DATE", f"XXXX-{month:02d}-{day:02d}", True)
        try:
            return Res("DATE", dt.date(year, month, day).isoformat(), not m["y"])
        except ValueError:
            return None
    if ctx.anchor is None:
        return Res("DATE", f"XXXX-{month:02d}-{day:02d}", True)
    d = resolve_md(ctx.anchor, month, day, ctx.future(m.start()))
    return Res("DATE", d.isoformat(), True) if d else None


h_dm = h_md


def h_month(m: re.Match, ctx: Ctx) -> Res | None:
    month = P.MONTHS[m["mon"].rstrip(".").lower()]
    mod_word = (m["mod"] or "").lower()
    mod = mod_of(mod_word)
    if mod_word in ("every", "each"):
        return Res("SET", f"XXXX-{month:02d}", False)
    if m["y"]:
        return Res("DATE", f"{int(m['y']):04d}-{month:02d}", False, mod)
    if m["rel"]:
        year = _rel_year(ctx.anchor, m["rel"])
        return Res("DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}", True, mod)
    if not mod_word and not ctx.signal(m.start()):
        return None  # a bare "May"/"March": the modal, the verb, a name
    if ctx.anchor is None:
        return Res("DATE", f"XXXX-{month:02d}", True, mod)
    mode = mod_word if mod_word in ("last", "next", "this") else (
        "future" if ctx.future(m.start()) else "past")
    return Res("DATE", f"{resolve_month(ctx.anchor, month, mode):04d}-{month:02d}", True, mod)


# --- years, decades, centuries, seasons, quarters -----------------------------------

def h_year(m: re.Match, ctx: Ctx) -> Res | None:
    y = int(m["y"])
    sig = ctx.signal(m.start())
    nxt = next_words(ctx, m.end())
    if nxt and nxt[0].lower() in P.COUNT_NOUNS_AFTER_YEAR:
        return None
    if not (m["mod"] or sig):
        prev = prev_word(ctx, m.start("y")).lower()
        if prev in P.YEAR_NAME_BEFORE or y < 1900 or y > 2099:
            return None
        if ctx.text[max(0, m.start() - 1):m.start()] in ("$", "#", "№"):
            return None
        if nxt and nxt[0][0].islower() and nxt[0].endswith("s") and not nxt[0].endswith(("ss", "'s", "’s")) \
                and nxt[0].lower() not in ("was", "is", "has", "as", "its", "this", "us", "plus", "thus"):
            return None  # "2000 troops"
    return Res("DATE", f"{y:04d}", False, mod_of(m["mod"]))


def h_fiscal(m: re.Match, ctx: Ctx) -> Res | None:
    y = m["y"] or m["y2"]
    y = int(y) if len(y) == 4 else 2000 + int(y)
    return Res("DATE", f"FY{y}", False)


def h_decade(m: re.Match, ctx: Ctx) -> Res | None:
    mod = mod_of(m["mod"] or (re.search(r"early|mid|late", m["the"] or "") or [None])[0])
    if m["d4"]:
        return Res("DATE", m["d4"][:3], False, mod)
    d2 = m["d2"] or m["d2b"]
    digit = int(d2[0]) if d2 else P.DECADE_WORDS[m["dw"].lower()]
    century = "20" if digit in (0, 1) else "19"
    return Res("DATE", f"{century}{digit}", False, mod)


def h_century(m: re.Match, ctx: Ctx) -> Res | None:
    mod = mod_of(m["mod"])
    if m["rel"]:
        if ctx.anchor is None:
            return Res("DATE", "XX", True, mod)
        k = {"this": 0, "last": -1, "previous": -1, "next": 1}[m["rel"].lower()]
        return Res("DATE", f"{ctx.anchor.year // 100 + k:02d}", True, mod)
    n = int(m["n"]) if m["n"] else P.ORDINALS[m["w"].lower()]
    if not 1 <= n <= 22:
        return None
    return Res("DATE", f"{n - 1:02d}", False, mod)


_SEASON_K = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _season_of(d: dt.date) -> tuple[int, int]:
    if d.month == 12:
        return d.year + 1, 0
    return d.year, (d.month // 3) % 4 if d.month > 2 else 0


def h_season(m: re.Match, ctx: Ctx) -> Res | None:
    word = m["s"].lower()
    code = P.SEASONS[word]
    rel = (m["rel"] or "").lower()
    nxt = next_words(ctx, m.end())
    if m["s"][0].isupper() and not at_sentence_start(ctx, m.start("s")) and not m["y"]:
        return None  # "the Arab Spring"
    if word in ("fall", "spring") and not m["y"] and (not rel or (nxt and nxt[0].lower() == "of")):
        return None  # the verb "fall", "the fall of Kabul"
    if not m["y"] and rel in ("", "the") and not ctx.signal(m.start()):
        return None
    mod = mod_of(rel)
    if m["y"]:
        return Res("DATE", f"{m['y']}-{code}", False, mod)
    if ctx.anchor is None:
        return Res("DATE", f"XXXX-{code}", True, mod)
    ya, ka = _season_of(ctx.anchor)
    idx_a, kt = ya * 4 + ka, _SEASON_K[code]
    cands = [(y * 4 + kt, y) for y in (ya - 1, ya, ya + 1)]
    if rel == "this" or mod:
        year = ya
    elif rel == "last":
        year = max(c for c in cands if c[0] < idx_a)[1]
    elif rel == "next":
        year = min(c for c in cands if c[0] > idx_a)[1]
    elif ctx.future(m.start()):
        year = min(c for c in cands if c[0] >= idx_a)[1]
    else:
        year = max(c for c in cands if c[0] <= idx_a)[1]
    return Res("DATE", f"{year}-{code}", True, mod)


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4}


def h_quarter(m: re.Match, ctx: Ctx) -> Res | None:
    if m["q"] or m["q0"]:
        q = m["q"] or m["q0"]
        kind, n = q[0].upper(), int(q[1])
        if kind == "H" and n > 2:
            return None
        y = m["y"] or m["y0"] or (("20" + m["yy"][-2:]) if m["yy"] else None)
        rel = None
    else:
        kind = "Q" if m["kind"].lower() == "quarter" else "H"
        o = m["ord"].lower()
        n = _ORD_Q.get(o, 4 if kind == "Q" else 2)
        if kind == "H" and n > 2:
            return None
        y, rel = m["y1"], (m["rel"] or "").lower()
        if kind == "H" and not (y or rel):
            return None  # "the second half" of a match
    if y:
        return Res("DATE", f"{y}-{kind}{n}", False)
    if ctx.anchor is None:
        return Res("DATE", f"XXXX-{kind}{n}", True)
    a = ctx.anchor
    cur = (a.month - 1) // (3 if kind == "Q" else 6) + 1
    if rel in ("this", "the"):
        year = a.year
    elif rel in ("last", "next"):
        year = a.year + (1 if rel == "next" else -1)
    elif ctx.future(m.start()):
        year = a.year if n >= cur else a.year + 1
    else:
        year = a.year if n <= cur else a.year - 1
    return Res("DATE", f"{year}-{kind}{n}", True)


# --- weekdays, day words, weeks -----------------------------------------------------

def h_weekday(m: re.Match, ctx: Ctx) -> Res | None:
    prev = prev_word(ctx, m.start()).lower()
    nxt = " ".join(next_words(ctx, m.end())).lower()
    if not m["rel"] and (prev in P.WEEKDAY_NAME_BEFORE or any(
            nxt == w or nxt.startswith(w + " ") for w in P.WEEKDAY_NAME_AFTER)):
        return None
    wd = P.WEEKDAYS[m["wd"].lower()]
    part = m["part"]
    if m["pl"]:
        return Res("SET", f"XXXX-WXX-{wd}", False)
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
        if part:
            return Res("TIME", f"{value}T{P.PARTS_OF_DAY[part.lower()]}", True)
        return Res("DATE", value, True)
    if rel in ("last", "past"):
        mode = "last"
    elif rel == "next":
        mode = "next"
    elif rel == "coming":
        mode = "future"
    else:
        mode = "future" if ctx.future(m.start()) else "past"
    return day_res(ctx, resolve_weekday(ctx.anchor, wd, mode), DAY, part)


_DAYWORD = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def h_dayword(m: re.Match, ctx: Ctx) -> Res | None:
    w = m["w"].lower()
    if m["w"][0].isupper() and not m["pre"] and not at_sentence_start(ctx, m.start()):
        prev = prev_word(ctx, m.start())
        if prev[:1].isupper():
            return None  # "USA Today", "Russia Today"
    k = _DAYWORD[w]
    pre = (m["pre"] or "").lower()
    if pre.startswith("the day before"):
        k -= 1
    elif pre.startswith("the day after"):
        k += 1
    part = m["part"] or ("night" if w == "tonight" else None)
    d = ctx.anchor + dt.timedelta(days=k) if ctx.anchor else None
    return day_res(ctx, d, DAY, part)


def h_thispart(m: re.Match, ctx: Ctx) -> Res | None:
    rel, part = m["rel"].lower(), m["part"].lower()
    k = 0
    if rel == "last":
        if part == "morning":
            return None
        k = -1
    d = ctx.anchor + dt.timedelta(days=k) if ctx.anchor else None
    return day_res(ctx, d, DAY, part)


def _unit_date(base: dt.date | None, k: int, unit: str, ctx: Ctx, mod: str | None = None) -> Res:
    """A DATE ``k`` units from ``base`` at the unit's granularity."""
    if unit == "weekend":
        if base is None:
            return Res("DATE", "XXXX-WXX-WE", True, mod)
        return Res("DATE", weekend(base + dt.timedelta(weeks=k)), True, mod)
    if unit == "quarter":
        if base is None:
            return Res("DATE", "XXXX-QX", True, mod)
        d = add_months(base, 3 * k)
        return Res("DATE", f"{d.year}-Q{(d.month - 1) // 3 + 1}", True, mod)
    gran = UNIT_GRAN.get(unit, DAY)
    if base is None:
        return Res("DATE", UNANCHORED[gran], True, mod)
    return Res("DATE", fmt(shift(base, k, unit), gran), True, mod)


_REL_K = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "past": -1,
          "previous": -1, "preceding": -1, "following": 1, "same": 0}


def h_relunit(m: re.Match, ctx: Ctx) -> Res | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    mod = mod_of(m["mod"])
    if rel == "the":
        if not mod:
            return None  # "the week", "the year" alone
        rel = "this"  # "the end of the year"
    narrative = rel in ("previous", "preceding", "following", "same")
    base = ctx.ref() if narrative else ctx.anchor
    return _unit_date(base, _REL_K[rel], unit, ctx, mod)


def h_the_unit(m: re.Match, ctx: Ctx) -> Res | None:
    rel, raw_unit = m["rel"].lower(), m["unit"].lower()
    n = num_value(m["num"]) if m["num"] else None
    if raw_unit in ("morning", "afternoon", "evening", "night"):
        if m["num"] or m["vague"] or rel not in ("previous", "following", "next", "same", "preceding", "prior"):
            return None
        base = ctx.ref()
        d = base + dt.timedelta(days=_REL_K.get(rel, -1)) if base else None
        return day_res(ctx, d, DAY, raw_unit)
    unit = "weekend" if raw_unit == "weekend" else unit_name(raw_unit)
    plural = raw_unit.endswith("s") and raw_unit != "weekend" and unit != "century" or raw_unit == "centuries"
    if m["num"] or m["vague"]:
        if unit == "weekend":
            return None
        return Res("DURATION", duration(n, unit), False)
    if plural:
        if rel in ("coming", "next", "following"):
            return Res("DATE", "FUTURE_REF", True)
        return Res("DURATION", duration(None, unit), False)
    if unit in ("second", "minute", "hour"):
        return Res("DURATION", duration(1, unit), False)
    if rel in ("past", "last"):
        if unit == "weekend":
            return _unit_date(ctx.anchor, -1, unit, ctx) if ctx.anchor else Res("DATE", "XXXX-WXX-WE", True)
        nxt = next_words(ctx, m.end())
        if nxt and nxt[0].lower() == "of":
            return None  # "the last week of March"
        return Res("DURATION", duration(1, unit), False)
    if rel == "coming":
        return _unit_date(ctx.anchor, 1, unit, ctx)
    return _unit_date(ctx.ref(), _REL_K.get(rel, -1), unit, ctx)


def h_the_day_before(m: re.Match, ctx: Ctx) -> Res | None:
    if not CLAUSE_END_AFTER.match(ctx.text, m.end()):
        return None  # "the day before the vote": relative to an event
    k = 1 if m["dir"].lower() == "after" else -1
    return _unit_date(ctx.ref(), k, m["unit"].lower(), ctx)


def h_that_unit(m: re.Match, ctx: Ctx) -> Res | None:
    if ctx.ref_day is None:
        return None
    unit = m["unit"].lower()
    if unit in ("morning", "afternoon", "evening", "night"):
        return day_res(ctx, ctx.ref_day, DAY, unit)
    return _unit_date(ctx.ref_day, 0, unit, ctx)


def h_weekend(m: re.Match, ctx: Ctx) -> Res | None:
    word = m.group(0).split()[0].lower()
    if word == "that":
        return Res("DATE", weekend(ctx.ref_day), True) if ctx.ref_day else None
    if ctx.anchor is None:
        return Res("DATE", "XXXX-WXX-WE", True)
    a = ctx.anchor
    if ctx.future(m.start()) or word == "next":
        sat = a + dt.timedelta(days=(6 - a.isoweekday()) % 7)
        if word == "next" and a.isoweekday() >= 6:
            sat += dt.timedelta(weeks=1)
        return Res("DATE", weekend(sat), True)
    sat = a - dt.timedelta(days=(a.isoweekday() - 6) % 7)
    return Res("DATE", weekend(sat), True)


HANDLERS: dict[str, Callable[[re.Match, Ctx], Res | None]] = {
    name: globals().get("h_" + name) or getattr(timex_relative, "h_" + name) for name, _ in P.PATTERNS
}
