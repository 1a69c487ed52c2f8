"""Calendar arithmetic and TIMEX3 values for :mod:`newsledger.nlp.timex`.

One handler per pattern of :mod:`newsledger.nlp.timex_patterns`: ``handler(match, ctx)``
returns a :class:`Res` (type, value, anchor dependence, mod, adjusted span) or None to
reject the match. Month-name dates are parsed by ``dateparser`` (cached per surface
string); the anchoring (which year, which week), the TIMEX3 granularities, ISO weeks,
durations and sets are computed here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from newsledger.nlp import timex_patterns as P

DAY, WEEK, MONTH, YEAR, DECADE, CENTURY = "day", "week", "month", "year", "decade", "century"
_UNIT_GRAN = {"day": DAY, "week": WEEK, "fortnight": WEEK, "month": MONTH, "year": YEAR,
              "decade": DECADE, "century": CENTURY}
_MODS = {"early": "START", "mid": "MID", "mid-": "MID", "late": "END", "the start of": "START",
         "the beginning of": "START", "the middle of": "MID", "the end of": "END"}
_DUR_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
             "some": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
             "under": "LESS_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
             "up to": "EQUAL_OR_LESS"}
_QUANTITY_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|[a-z]+)?|"
                              r"times|once|twice|dollars|euros|pounds|rubles|hryvnias)\s*$", re.I)
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,.;:!?)\"”’]|$|and\b|but\b|when\b|as\b|,)")


@dataclass
class Res:
    type: str
    value: str
    dep: bool
    mod: str | None = None
    start: int | None = None  # span override (absolute offsets)
    end: int | None = None


@dataclass
class Ctx:
    text: str
    anchor: dt.date | None
    tense: Callable[[int], bool | None]   # offset -> True future, False past, None unknown
    signal: Callable[[int], str | None]   # offset -> preposition just before, lowercased
    ref_day: dt.date | None = None        # last full date mentioned (narrative reference)

    def future(self, pos: int) -> bool:
        return self.tense(pos) is True

    def ref(self) -> dt.date | None:
        return self.ref_day or self.anchor


# --- dateparser, for month-name surface forms -------------------------------------

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from dateparser.date import DateDataParser
        _PARSER = DateDataParser(languages=["en"], settings={
            # a leap year, so that "Feb. 29" parses; the year is resolved by us
            "RELATIVE_BASE": dt.datetime(2024, 1, 1), "PREFER_DATES_FROM": "current_period",
            "DATE_ORDER": "MDY", "RETURN_TIME_AS_PERIOD": True})
    return _PARSER


@lru_cache(maxsize=8192)
def month_day(surface: str) -> tuple[int, int] | None:
    """``(month, day)`` of a month-name surface form ("Sept. 11", "the 9th of March")."""
    data = _parser().get_date_data(" ".join(surface.split()))
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.month, data.date_obj.day


def warm_up() -> None:
    month_day("March 9")


# --- calendar helpers ---------------------------------------------------------------

def fmt(d: dt.date, gran: str) -> str:
    if gran == DAY:
        return d.isoformat()
    if gran == WEEK:
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if gran == MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if gran == YEAR:
        return f"{d.year:04d}"
    if gran == DECADE:
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


_UNANCHORED = {DAY: "XXXX-XX-XX", WEEK: "XXXX-WXX", MONTH: "XXXX-XX", YEAR: "XXXX",
               DECADE: "XXX", CENTURY: "XX"}


def add_months(d: dt.date, k: int) -> dt.date:
    y, m = divmod(d.month - 1 + k, 12)
    y += d.year
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def shift(d: dt.date, n: float, unit: str) -> dt.date:
    n_int = int(round(n))
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, int(round(n * months)) if n != n_int else n_int * months)


def num_value(s: str | None) -> float | None:
    """The number in "two", "twenty-five", "1,000", "a", "half a"; None when vague."""
    if not s:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    if s[0].isdigit():
        return float(s.replace(",", ""))
    if "half" in s:
        return 1.5 if s.startswith("one") else 0.5
    if s in ("a couple of",):
        return 2.0
    total = 0.0
    for w in s.split():
        if w == "a" and total == 0 and len(s.split()) > 1:
            continue
        v = P.SMALL_NUMBERS.get(w)
        if v is None:
            return None
        total = total * v if v == 100 and total else total + v
    return total or None


def unit_name(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def duration(n: float | None, unit: str) -> str:
    letter, is_time, factor = P.UNITS[unit]
    t = "T" if is_time else ""
    if n is None:
        return {"decade": "PXDE", "century": "PXCE"}.get(unit, f"P{t}X{letter}")
    n = n * factor
    if n != int(n):  # fractions into the next smaller unit where that is whole
        smaller = {"Y": (12, "M", ""), "D": (24, "H", "T"), "H": (60, "M", "T"), "W": (7, "D", "")}
        if letter in smaller and not (letter == "M" and is_time):
            k, letter2, t2 = smaller[letter]
            if (n * k) == int(n * k):
                return f"P{t2}{int(n * k)}{letter2}"
        return f"P{t}{n:g}{letter}"
    return f"P{t}{int(n)}{letter}"


def resolve_md(anchor: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    step = 1 if future else -1
    for k in range(9):  # Feb 29 may need a few years
        try:
            cand = dt.date(anchor.year + step * k, month, day)
        except ValueError:
            continue
        if (cand >= anchor) if future else (cand <= anchor):
            return cand
    return None


def resolve_month(anchor: dt.date, month: int, mode: str) -> int:
    """The year of ``month``: mode past/future (inclusive of the anchor month), last/next."""
    y = anchor.year
    if mode == "this":
        return y
    if mode in ("past", "last"):
        return y if (month < anchor.month or (mode == "past" and month == anchor.month)) else y - 1
    return y if (month > anchor.month or (mode == "future" and month == anchor.month)) else y + 1


def resolve_weekday(anchor: dt.date, wd: int, mode: str) -> dt.date:
    diff = (anchor.isoweekday() - wd) % 7
    if mode == "past":
        return anchor - dt.timedelta(days=diff)
    if mode == "last":
        return anchor - dt.timedelta(days=diff or 7)
    ahead = (wd - anchor.isoweekday()) % 7
    if mode == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=ahead or 7)  # next


def weekend(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}-WE"


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    return _MODS.get(" ".join(word.lower().split()))


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _next_words(ctx: Ctx, end: int) -> list[str]:
    mm = P.NEXT_WORDS.match(ctx.text, end)
    return [w for w in mm.groups() if w] if mm else []


def _prev_word(ctx: Ctx, start: int) -> str:
    mm = P.PREV_WORD.search(ctx.text, max(0, start - 30), start)
    return mm.group(1) if mm else ""


def _at_sentence_start(ctx: Ctx, start: int) -> bool:
    return P.SENTENCE_END_BEFORE.search(ctx.text, max(0, start - 6), start) is not None


def day_res(ctx: Ctx, d: dt.date | None, gran: str = DAY, part: str | None = None,
            mod: str | None = None) -> Res:
    if d is None:
        value = _UNANCHORED[gran]
    else:
        value = fmt(d, gran)
    if part:
        return Res("TIME", f"{value}T{P.PARTS_OF_DAY[part.lower()]}", True, mod)
    return Res("DATE", value, True, mod)


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
    mod = _mod(mod_word)
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
    nxt = _next_words(ctx, m.end())
    if nxt and nxt[0].lower() in P.COUNT_NOUNS_AFTER_YEAR:
        return None
    if not (m["mod"] or sig):
        prev = _prev_word(ctx, m.start("y")).lower()
        if prev in P.YEAR_NAME_BEFORE or y < 1900 or y > 2099:
            return None
        if ctx.text[max(0, m.start() - 1):m.start()] in ("$", "#", "№"):
            return None
        if nxt and nxt[0][0].islower() and nxt[0].endswith("s") and not nxt[0].endswith(("ss", "'s", "’s")) \
                and nxt[0].lower() not in ("was", "is", "has", "as", "its", "this", "us", "plus", "thus"):
            return None  # "2000 troops"
    return Res("DATE", f"{y:04d}", False, _mod(m["mod"]))


def h_fiscal(m: re.Match, ctx: Ctx) -> Res | None:
    y = m["y"] or m["y2"]
    y = int(y) if len(y) == 4 else 2000 + int(y)
    return Res("DATE", f"FY{y}", False)


def h_decade(m: re.Match, ctx: Ctx) -> Res | None:
    mod = _mod(m["mod"] or (re.search(r"early|mid|late", m["the"] or "") or [None])[0])
    if m["d4"]:
        return Res("DATE", m["d4"][:3], False, mod)
    d2 = m["d2"] or m["d2b"]
    digit = int(d2[0]) if d2 else P.DECADE_WORDS[m["dw"].lower()]
    century = "20" if digit in (0, 1) else "19"
    return Res("DATE", f"{century}{digit}", False, mod)


def h_century(m: re.Match, ctx: Ctx) -> Res | None:
    mod = _mod(m["mod"])
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
    nxt = _next_words(ctx, m.end())
    if m["s"][0].isupper() and not _at_sentence_start(ctx, m.start("s")) and not m["y"]:
        return None  # "the Arab Spring"
    if word in ("fall", "spring") and not m["y"] and (not rel or (nxt and nxt[0].lower() == "of")):
        return None  # the verb "fall", "the fall of Kabul"
    if not m["y"] and rel in ("", "the") and not ctx.signal(m.start()):
        return None
    mod = _mod(rel)
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
    prev = _prev_word(ctx, m.start()).lower()
    nxt = " ".join(_next_words(ctx, m.end())).lower()
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
    if m["w"][0].isupper() and not m["pre"] and not _at_sentence_start(ctx, m.start()):
        prev = _prev_word(ctx, m.start())
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
    gran = _UNIT_GRAN.get(unit, DAY)
    if base is None:
        return Res("DATE", _UNANCHORED[gran], True, mod)
    return Res("DATE", fmt(shift(base, k, unit), gran), True, mod)


_REL_K = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "past": -1,
          "previous": -1, "preceding": -1, "following": 1, "same": 0}


def h_relunit(m: re.Match, ctx: Ctx) -> Res | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    mod = _mod(m["mod"])
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
        nxt = _next_words(ctx, m.end())
        if nxt and nxt[0].lower() == "of":
            return None  # "the last week of March"
        return Res("DURATION", duration(1, unit), False)
    if rel == "coming":
        return _unit_date(ctx.anchor, 1, unit, ctx)
    return _unit_date(ctx.ref(), _REL_K.get(rel, -1), unit, ctx)


def h_the_day_before(m: re.Match, ctx: Ctx) -> Res | None:
    if not _CLAUSE_END_AFTER.match(ctx.text, m.end()):
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
    gran = _UNIT_GRAN[unit]
    if n != int(n) and unit in ("year", "decade", "century"):
        n, unit, gran = n * {"year": 12, "decade": 120, "century": 1200}[unit], "month", MONTH
    if base is None:
        return Res("DATE", _UNANCHORED[gran], True)
    return Res("DATE", fmt(shift(base, n, unit), gran), True)


def h_in_n(m: re.Match, ctx: Ctx) -> Res | None:
    n, unit = num_value(m["num"]), unit_name(m["unit"])
    nxt = _next_words(ctx, m.end())
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
    if d in ("before", "after", "prior") and not _CLAUSE_END_AFTER.match(ctx.text, m.end()):
        return None  # "two days after the vote": a duration and a signal
    sign = 1 if d.startswith(("later", "after")) else -1
    return _counted(ctx.ref(), sign * n, unit)


def h_duration(m: re.Match, ctx: Ctx) -> Res | None:
    num = m["num"].lower()
    n, unit = num_value(num), unit_name(m["unit"])
    hyphen = "-" in ctx.text[m.start("num"):m.start("unit")]
    if num in ("a", "an", "one") and not (hyphen or m["mod"]):
        before = ctx.text[max(0, m.start() - 30):m.start()]
        if _QUANTITY_BEFORE.search(before) and num in ("a", "an"):
            return None  # "$5 a day": a set
        if unit == "day" and num == "one" and not ctx.signal(m.start()):
            return None  # "one day" (some day)
    mod = _DUR_MODS.get(" ".join((m["mod"] or "").lower().split()))
    start = m.start() if mod else m.start("num")
    return Res("DURATION", duration(n, unit), False, mod, start=start)


def h_vague_dur(m: re.Match, ctx: Ctx) -> Res | None:
    unit = unit_name(m["unit"])
    if not m["vague"]:
        nxt = _next_words(ctx, m.end())
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
        if not _QUANTITY_BEFORE.search(before) or re.search(r"\b(?:for|over|in|within|than)\s*$", before, re.I):
            return None
    return Res("SET", duration(1, unit_name(m["unit"])), False)


_ADVERB_SET = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
               "annually": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
               "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}


def h_adverb_set(m: re.Match, ctx: Ctx) -> Res | None:
    w = m["w"]
    if w[0].isupper():
        nxt = _next_words(ctx, m.end())
        if not _at_sentence_start(ctx, m.start()) or (nxt and nxt[0][0].isupper()):
            return None  # "the Daily Mail", "Weekly Standard"
    return Res("SET", _ADVERB_SET[w.lower()], False)


# --- PRESENT_REF / PAST_REF / FUTURE_REF --------------------------------------------

_PRESENT = ("now", "right now", "currently", "at present", "presently", "at the moment",
            "nowadays", "these days", "the present")
_PAST = ("recently", "lately", "previously", "the past")


def h_ref(m: re.Match, ctx: Ctx) -> Res | None:
    w = " ".join(m.group(0).lower().split())
    nxt = _next_words(ctx, m.end())
    nxt0 = nxt[0].lower() if nxt else ""
    prev = _prev_word(ctx, m.start()).lower()
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
    prev = _prev_word(ctx, m.start()).lower()
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


HANDLERS: dict[str, Callable[[re.Match, Ctx], Res | None]] = {
    name: globals()["h_" + name] for name, _ in P.PATTERNS
}
