"""Surface patterns for :mod:`newsledger.nlp.timex`: word lists and precompiled regexes.

Pure data, no calendar arithmetic: every pattern is compiled once at import. Month
and weekday names are matched case-sensitively (``(?-i:...)``) so that "may" the
modal and "a march" are never months; everything else is case-insensitive.
Each entry of :data:`PATTERNS` is ``(name, compiled_regex)``; the handler of the
same name in :mod:`newsledger.nlp.timex_normalize` turns a match into a value.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
    "friday": 5, "saturday": 6, "sunday": 7,
}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "couple": 2,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22,
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "tonight": "NI", "overnight": "NI",
}
# canonical unit -> (TIMEX3 duration letter, is a time unit (after "T"), factor to it)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
}

# Words that make a following weekday part of a name, not a date ("Black Friday",
# "Sunday Times"), and words after "later"/"earlier" that make them adjectives.
WEEKDAY_NAME_BEFORE = {"black", "good", "bloody", "super", "cyber", "easter", "holy",
                       "ash", "palm", "maundy", "giving", "manic", "blue", "mad"}
WEEKDAY_NAME_AFTER = {"times", "telegraph", "express", "mirror", "post", "herald", "mail",
                      "people", "independent", "star", "sport", "tribune", "observer",
                      "night football", "service", "school", "league", "sun"}
LATER_ADJ_NOUNS = {"stage", "stages", "date", "version", "versions", "life", "part", "phase",
                   "round", "years", "edition", "model", "models", "report", "reports",
                   "statement", "statements", "interview", "post", "note", "one", "ones",
                   "than", "attempt", "attempts", "period", "generation", "generations",
                   "work", "works", "work.", "chapter", "season", "seasons", "meeting",
                   "talks", "decision", "draft", "sessions", "session", "point"}
COUNT_NOUNS_AFTER_YEAR = {"people", "police", "personnel", "children", "men", "women",
                          "staff", "troops", "soldiers", "residents", "feet", "metres",
                          "meters", "miles", "kilometres", "kilometers", "km", "kg", "m",
                          "ft", "tons", "tonnes", "euros", "dollars", "pounds", "units",
                          "votes", "cases", "deaths", "points", "percent", "per", "times"}
YEAR_NAME_BEFORE = {"section", "article", "no", "no.", "number", "flight", "route", "highway",
                    "room", "page", "pages", "rule", "resolution", "boeing", "airbus", "model",
                    "version", "v", "windows", "office", "chapter", "item", "code", "bill",
                    "exit", "road", "lot", "unit", "box", "suite", "tu", "su", "mig", "s-",
                    "f-", "iphone", "playstation", "about", "some", "nearly", "almost", "over",
                    "than", "around", "roughly", "least", "approximately", "killing",
                    "killed", "injuring", "total", "additional", "another", "$", "#"}
SIGNALS = ("as of", "on", "in", "at", "since", "for", "until", "till", "by", "from",
           "through", "throughout", "during", "before", "after", "over", "within", "to",
           "between", "and", "or", "of", "around", "starting", "beginning", "ending",
           "through", "into", "than", "like", "past")

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?-i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
MONTH_FULL = rf"(?-i:(?:{_MONTH_FULL})\b)"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ORD = r"(?:st|nd|rd|th)"
DAY = rf"(?:[12]\d|3[01]|0?[1-9]){ORD}?(?![\d:.,]\d|\d|\s*(?:%|percent|per\s*cent|million|billion))"
YEAR = r"(?<![\d.,$€£#])(?<!\d-)(?:1[89]\d\d|20\d\d|21\d\d)(?![\d]|[.,]\d|-\d|\s*%)"
ANY_YEAR = r"(?<![\d.,$€£#])(?<!\d-)(?:1\d\d\d|20\d\d|21\d\d)(?![\d]|[.,]\d|-\d|\s*%)"
_NUM_1_9 = "one|two|three|four|five|six|seven|eight|nine"
NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:" + _NUM_1_9 + r"))?"
    r"|one\s+and\s+a\s+half|a\s+couple\s+of|a\s+dozen|a\s+hundred|(?:a\s+)?half\s+an?|a\s+half"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|"
    + _NUM_1_9 + r"|hundred|dozen|an|a)"
)
NUM_DIGIT = r"(?<![\d.,$€£])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NUM = rf"(?:{NUM_DIGIT}|{NUM_WORD})"
VAGUE = r"(?:a\s+few|a\s+number\s+of|a\s+couple\s+of|several|few|many|some|dozens\s+of|hundreds\s+of)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
UNIT_SG = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century)"
PART = r"(?:morning|afternoon|evening|night)"
TZ = r"(?:\s+(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|[ECMP][SD]T|local\s+time|Moscow\s+time|Kyiv\s+time))?"
MODW = r"(?:early|earlier|late|later|mid-?|the\s+(?:start|beginning|middle|end)\s+of)"
RELYEAR = r"(?:of\s+)?(?:last|this|next)\s+year"

_I = re.IGNORECASE

_RAW = [
    # explicit dates (month names parsed by dateparser)
    ("iso", rf"(?<![\w/.-])(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d)?)?(?![\w/-]|\.\d)"),
    ("isoweek", r"(?<![\w-])(?P<y>\d{4})-W(?P<w>[0-5]\d)(?:-(?P<wd>[1-7]))?(?![\w-])"),
    ("numeric", r"(?<![\w/.:-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.-]\d)"),
    ("ymd_slash", r"(?<![\w/.-])(?P<y>\d{4})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\w/]|\.\d)"),
    ("md", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<ds>{MONTH}\s+(?:the\s+)?{DAY})(?:(?:,\s*|\s+)(?P<y>{YEAR})|\s+(?P<rel>{RELYEAR}))?"),
    ("dm", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<ds>(?:the\s+)?(?<![\d.,$€£])(?:[12]\d|3[01]|0?[1-9]){ORD}?\s+(?:of\s+)?{MONTH})(?:,?\s+(?P<y>{YEAR})|\s+(?P<rel>{RELYEAR}))?"),
    ("month", rf"(?:(?P<mod>{MODW}|last|this|next|every|each)(?:\s+|(?<=-)))?(?P<mon>{MONTH_FULL}|(?-i:(?:{_MONTH_ABBR})\b\.?)(?=,?\s+(?:of\s+)?\d))(?:,?\s+(?:of\s+)?(?P<y>{ANY_YEAR})|\s+(?P<rel>{RELYEAR}))?"),
    # years, decades, centuries, seasons, quarters
    ("year", rf"(?:(?P<mod>{MODW})(?:\s+|(?<=-)))?(?P<y>{ANY_YEAR})(?!s\b)"),
    ("fiscal", rf"(?:\bFY\s?(?P<y2>\d{{2}}|\d{{4}})\b|\bfiscal\s+(?:year\s+)?(?P<y>{YEAR}))"),
    ("decade", rf"(?:\bthe\s+)?(?:(?P<mod>early|mid-?|late)\s*)?(?:(?P<d4>1\d\d0|20\d0)s\b|(?P<the>\bthe\s+(?:(?:early|mid-?|late)\s*)?)(?:['’](?P<d2>\d0)s\b|(?P<d2b>\d0)s\b|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b))"),
    ("century", r"(?:\bthe\s+)?(?:(?P<mod>early|mid-?|late)\s*)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)|(?P<rel>this|last|next|previous))[\s-]+century\b"),
    ("season", rf"(?:(?P<rel>last|this|next|early|late|mid-?|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"),
    ("quarter", rf"(?:\b(?-i:(?P<q>[QH][1-4]))\b(?:\s*(?P<y>{YEAR})|\s+(?P<yy>['’]\d\d)\b)?|(?P<y0>{YEAR})\s*(?-i:(?P<q0>[QH][1-4]))\b|\bthe\s+(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)(?:\s+of\s+(?:(?P<y1>{YEAR})|(?P<rel>this|last|next|the)\s+year))?)"),
    # weekdays and day words
    ("weekday", rf"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:\s+(?P<part>{PART}))?"),
    ("dayword", rf"(?:(?P<pre>the\s+day\s+(?:before|after)|earlier|later)\s+)?\b(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>{PART}))?"),
    ("thispart", rf"\b(?P<rel>this|last|early\s+this|late\s+this|earlier\s+this|later\s+this)\s+(?P<part>{PART})\b"),
    ("relunit", rf"\b(?:(?P<mod>{MODW})(?:\s+|(?<=-)))?(?P<rel>last|this|next|past|coming|previous|following|current|same|preceding|the)\s+(?P<unit>weekend|week|month|year|quarter|decade)\b"),
    ("the_unit", rf"\bthe\s+(?P<rel>previous|following|next|same|preceding|past|last|coming|prior)\s+(?:(?P<vague>few|several|many)\s+|(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|weekend|{PART})\b"),
    ("the_day_before", rf"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|prior)\b(?!\s+(?:yesterday|tomorrow))"),
    ("that_unit", rf"\b(?:(?P<mod>earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"),
    ("weekend", r"\b(?:the|this|last|next|that)\s+weekend\b"),
    # counted relative dates
    ("ago", rf"\b(?:(?P<vague>{VAGUE})\s+|(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\s+ago\b|\b(?:a\s+)?long\s+(?:time\s+)?ago\b"),
    ("in_n", rf"\bin\s+(?:(?:about|around|roughly|another|just|only|less\s+than|under)\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})(?:['’]?\s+time)?\b"),
    ("n_later", rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>later|earlier|before|after|afterwards?|previously|prior)\b"),
    # durations
    ("duration", rf"\b(?:(?P<mod>about|around|almost|nearly|roughly|approximately|some|more\s+than|over|less\s+than|under|at\s+least|up\s+to|just|only)\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})(?:[\s-]+long\b)?(?![\s-]+olds?\b)"),
    ("vague_dur", rf"\b(?:(?P<vague>{VAGUE})\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?![\s-]+old\b)"),
    # sets
    ("every", rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|weekend|{WEEKDAY}|{MONTH_FULL}|{PART}|quarter)\b"),
    ("times_per", rf"\b(?P<k>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT_SG})\b"),
    ("per", rf"\b(?:per|a)\s+(?P<unit>second|minute|hour|day|week|month|year)\b"),
    ("adverb_set", r"\b(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|fortnightly)\b"),
    # references
    ("ref", r"\b(?:right\s+now|now|currently|at\s+present|presently|at\s+the\s+moment|nowadays|these\s+days|the\s+present"
            r"|recently|lately|previously|the\s+past|recent\s+(?:days|weeks|months|years|decades)|earlier"
            r"|soon|shortly|later(?:\s+on)?|sooner\s+or\s+later|the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future"
            r"|the\s+(?:coming|next\s+few|next\s+several)\s+(?:days|weeks|months|years|decades)|a\s+later\s+date)\b(?![-’'])"),
    # clock times
    ("time", rf"(?<![\d.:])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b){TZ}"),
    ("time24", rf"(?<![\d.:])(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?:\s*(?:hrs|h)\b)?(?P<tz>{TZ})(?![\d:])"),
    ("noon", rf"\b(?P<w>noon|midday|midnight){TZ}\b"),
    # holidays
    ("holiday", rf"(?-i:(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day|New\s+Year['’]s|Easter\s+Sunday|Easter|Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day))\b(?:,?\s+(?P<y>{YEAR}))?"),
]

PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx, _I)) for name, rx in _RAW]
PRIORITY = {name: i for i, (name, _) in enumerate(_RAW)}

# A quick filter: a text with none of these cannot hold a timex (digits, month and
# weekday names, and the temporal words above).
SIGNAL_BEFORE = re.compile(r"(?:^|[^\w])(?P<sig>" + "|".join(s.replace(" ", r"\s+") for s in SIGNALS)
                           + r"|every|each)\s+$", _I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*|\d+")
NEXT_WORDS = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)(?:\s+([A-Za-z][A-Za-z'’-]*))?")
PREV_WORD = re.compile(r"([A-Za-z$#][A-Za-z'’.-]*|\$)\s*$")
SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?\n][\"”’')\]]*)\s*$")

# Words one of which (or a digit) every pattern contains: the scanner runs the patterns
# only in windows around them, which keeps a long article cheap.
TRIGGERS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + list(SEASONS) + list(DECADE_WORDS)
    + ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night",
       "overnight", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
       "week", "weeks", "weekend", "fortnight", "fortnights", "month", "months", "year", "years",
       "decade", "decades", "century", "centuries", "quarter", "half", "ago", "now", "currently",
       "present", "presently", "moment", "nowadays", "recently", "lately", "previously", "past",
       "earlier", "later", "soon", "sooner", "shortly", "future", "noon", "midday", "midnight",
       "christmas", "easter", "thanksgiving", "halloween", "valentine", "daily", "weekly",
       "monthly", "yearly", "annually", "hourly", "nightly", "quarterly", "biweekly",
       "fortnightly", "fy", "fiscal", "recent", "mondays", "tuesdays", "wednesdays",
       "thursdays", "fridays", "saturdays", "sundays"])
TOKEN = re.compile(r"[A-Za-z]+|\d")
BEFORE_WINDOW, AFTER_WINDOW = 48, 72

_D = "#"  # stands for "a digit"
_UNITS_W = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
            "weeks", "fortnight", "fortnights", "month", "months", "year", "years", "decade",
            "decades", "century", "centuries"}
_PARTS_W = {"morning", "afternoon", "evening", "night"}
_WEEKDAYS_W = set(WEEKDAYS) | {w + "s" for w in WEEKDAYS}
# pattern -> the trigger words (or "#", a digit) without which it cannot match
NEEDS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "iso": {_D}, "isoweek": {_D}, "numeric": {_D}, "ymd_slash": {_D}, "md": set(MONTHS),
    "dm": set(MONTHS), "month": set(MONTHS), "year": {_D}, "fiscal": {_D},
    "decade": {_D} | set(DECADE_WORDS), "century": {"century"}, "season": set(SEASONS),
    "quarter": {_D, "quarter", "half"}, "weekday": _WEEKDAYS_W,
    "dayword": {"today", "yesterday", "tomorrow", "tonight"}, "thispart": _PARTS_W,
    "relunit": {"week", "weekend", "month", "year", "quarter", "decade"},
    "the_unit": _UNITS_W | _PARTS_W | {"weekend"}, "the_day_before": {"day", "week", "month", "year"},
    "that_unit": {"day", "week", "month", "year"} | _PARTS_W, "weekend": {"weekend"},
    "ago": {"ago"}, "in_n": _UNITS_W, "n_later": _UNITS_W, "duration": _UNITS_W,
    "vague_dur": _UNITS_W, "every": {"every", "each"}, "times_per": _UNITS_W, "per": _UNITS_W,
    "adverb_set": {"daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly",
                   "quarterly", "biweekly", "fortnightly"},
    "ref": {"now", "currently", "present", "presently", "moment", "nowadays", "days", "weeks",
            "months", "years", "decades", "recently", "lately", "previously", "past", "earlier",
            "later", "soon", "sooner", "shortly", "future", "recent", "date"},
    "time": {_D}, "time24": {_D}, "noon": {"noon", "midday", "midnight"},
    "holiday": {"christmas", "easter", "thanksgiving", "halloween", "valentine", "year"},
}.items()}
TRIGGERS = TRIGGERS | {"every", "each"}
assert set(NEEDS) == {name for name, _ in PATTERNS}
