"""Calendar arithmetic shared by the TIMEX3 handlers of :mod:`newsledger.nlp.timex`.

The result type (:class:`Res`), the scanning context (:class:`Ctx`), month-name parsing
by ``dateparser`` (cached per surface string), and the calendar helpers the handlers
of :mod:`~newsledger.nlp.timex_normalize` and :mod:`~newsledger.nlp.timex_relative`
share: TIMEX3 values by granularity, ISO weeks, month and weekday anchoring (the most
recent one on or before the anchor unless the verb is future), durations.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from newsledger.nlp import timex_patterns as P

DAY, WEEK, MONTH, YEAR, DECADE, CENTURY = "day", "week", "month", "year", "decade", "century"
UNIT_GRAN = {"day": DAY, "week": WEEK, "fortnight": WEEK, "month": MONTH, "year": YEAR,
              "decade": DECADE, "century": CENTURY}
_MODS = {"early": "START", "mid": "MID", "mid-": "MID", "late": "END", "the start of": "START",
         "the beginning of": "START", "the middle of": "MID", "the end of": "END"}
DUR_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
             "some": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
             "under": "LESS_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
             "up to": "EQUAL_OR_LESS"}
QUANTITY_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|[a-z]+)?|"
                              r"times|once|twice|dollars|euros|pounds|rubles|hryvnias)\s*$", re.I)
CLAUSE_END_AFTER = re.compile(r"\s*(?:[,.;:!?)\"”’]|$|and\b|but\b|when\b|as\b|,)")


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


UNANCHORED = {DAY: "XXXX-XX-XX", WEEK: "XXXX-WXX", MONTH: "XXXX-XX", YEAR: "XXXX",
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


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    return _MODS.get(" ".join(word.lower().split()))


def next_words(ctx: Ctx, end: int) -> list[str]:
    mm = P.NEXT_WORDS.match(ctx.text, end)
    return [w for w in mm.groups() if w] if mm else []


def prev_word(ctx: Ctx, start: int) -> str:
    mm = P.PREV_WORD.search(ctx.text, max(0, start - 30), start)
    return mm.group(1) if mm else ""


def at_sentence_start(ctx: Ctx, start: int) -> bool:
    return P.SENTENCE_END_BEFORE.search(ctx.text, max(0, start - 6), start) is not None


def day_res(ctx: Ctx, d: dt.date | None, gran: str = DAY, part: str | None = None,
            mod: str | None = None) -> Res:
    if d is None:
        value = UNANCHORED[gran]
    else:
        value = fmt(d, gran)
    if part:
        return Res("TIME", f"{value}T{P.PARTS_OF_DAY[part.lower()]}", True, mod)
    return Res("DATE", value, True, mod)


# --- the days of a calendar period -----------------------------------------------------

_PERIOD = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|"
    r"(?P<s>SP|SU|FA|WI)))?$|^(?P<decade>\d{3})$")
_SEASON_START = {"SP": (0, 3), "SU": (0, 6), "FA": (0, 9), "WI": (-1, 12)}  # (year shift, month)


def period_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the calendar period a TIMEX3 DATE value names, or None.

    Periods are years ("1998"), months ("2004-03"), ISO weeks ("2024-W10", Monday to
    Sunday; a weekend "2024-W10-WE", Saturday and Sunday), quarters ("2024-Q1"), halves
    ("2024-H2"), seasons of three months ("2023-SU"; winter is labelled by the year of its
    January, so "2024-WI" starts in December 2023) and decades ("199"). Not periods: full
    days, placeholders ("XXXX-03"), references ("PAST_REF"), durations and sets.
    """
    m = _PERIOD.match(value or "")
    if m is None:
        return None
    try:
        if m["decade"]:
            start = dt.date(int(m["decade"]) * 10, 1, 1)
            return start, dt.date(start.year + 9, 12, 31)
        year = int(m["y"])
        if m["w"]:
            start = dt.date.fromisocalendar(year, int(m["w"]), 6 if m["we"] else 1)
            return start, dt.date.fromisocalendar(year, int(m["w"]), 7)
        if m["m"]:
            start, months = dt.date(year, int(m["m"]), 1), 1
        elif m["q"]:
            start, months = dt.date(year, 3 * int(m["q"]) - 2, 1), 3
        elif m["h"]:
            start, months = dt.date(year, 1 if m["h"] == "1" else 7, 1), 6
        elif m["s"]:
            shift_years, month = _SEASON_START[m["s"]]
            start, months = dt.date(year + shift_years, month, 1), 3
        else:
            start, months = dt.date(year, 1, 1), 12
    except ValueError:  # "2024-13", week 54
        return None
    return start, add_months(start, months) - dt.timedelta(days=1)
