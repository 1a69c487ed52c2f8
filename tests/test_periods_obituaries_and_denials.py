"""An obituary, a profile and two ministries' statements: a saying dated only by a year, a month
or a week keeps that period (``date_period``), and analyses order it by the period's first day;
a period said of a thing ("the attack in Pahalgam in April") is not the saying's; "he" in an
obituary is the man it is about when a woman shares his surname; and a negated content is a
denial only when it denies something of the speaker's own: another party's negated deed is a
claim, an expectation held back is a prediction, and another's "does not rule out" keeps the
option open. The articles are fictional, written in AP's and Reuters' styles; the statements come
from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

from datetime import date

import pytest

from ledger_support import HEADLINE_FOLLOWS, PUBLISHED, by_cue, ledger
from newsledger.model import Article
from newsledger.nlp.timex_calendar import period_bounds
from newsledger.store.rows import effective_date, prepare, record_date


OBITUARY = (
    "Harold Benning, senator who fought tax rises, dies at 88\n\n"
    "WASHINGTON (AP) — Harold Benning, the Nebraska senator who spent three decades fighting tax "
    "increases, has died. He was 88.\n\n"
    "Benning served on the finance committee under Gerald Ford and as budget chairman under "
    "George H.W. Bush before retiring in 2005.\n\n"
    "He told the BBC in 1998 that he would never vote for a tax increase. \"Not one cent,\" he said.\n\n"
    "In March 2004, he said the Iraq war had been a mistake.\n\n"
    "His daughter, Senator Carol Benning, said her father had taught her \"to love this country "
    "above all.\" She said last week that the family would hold a private funeral.")

MINISTRIES = (
    "Kyiv and Moscow trade accusations after strike on port\n\n"
    "KYIV, March 2 (Reuters) - Ukraine's foreign ministry said on Monday that Russia had not "
    "abandoned its goal of destroying Ukraine.\n\n"
    "Russian Foreign Ministry spokeswoman Maria Zakharova said the Kyiv regime was not interested "
    "in a settlement.\n\n"
    "Kremlin spokesman Dmitry Peskov said Russia was not involved in the strike. Asked about "
    "mediation, he said the Kremlin did not rule out talks with Turkey's help.\n\n"
    "Vatican spokesman Matteo Bruni said he did not expect a breakthrough in the coming weeks.\n\n"
    "Danish Prime Minister Mette Frederiksen said Greenland was not for sale.\n\n"
    "India and Japan also condemned the attack in Pahalgam in April, the statement said.")


@pytest.mark.parametrize("value, first, last", [
    ("1998", date(1998, 1, 1), date(1998, 12, 31)),
    ("2004-02", date(2004, 2, 1), date(2004, 2, 29)),
    ("2024-W10", date(2024, 3, 4), date(2024, 3, 10)),
    ("2024-W10-WE", date(2024, 3, 9), date(2024, 3, 10)),
    ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
    ("2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
    ("2024-WI", date(2023, 12, 1), date(2024, 2, 29)),
    ("199", date(1990, 1, 1), date(1999, 12, 31)),
])
def test_a_periods_first_and_last_day(value, first, last):
    assert period_bounds(value) == (first, last)


@pytest.mark.parametrize("value", ["2024-03-09", "XXXX-03", "PAST_REF", "P3Y", "2024-13", ""])
def test_days_placeholders_and_references_are_no_periods(value):
    assert period_bounds(value) is None


def test_a_saying_dated_by_a_year_or_a_month_keeps_its_period(analyzer):
    statements = ledger(analyzer, OBITUARY, header=HEADLINE_FOLLOWS)
    bbc = by_cue(statements, "told")
    assert bbc.date is None and bbc.date_period == "1998"
    war = [s for s in statements if "Iraq war" in s.content][0]
    assert war.date is None and war.date_period == "2004-03"
    # a period is not passed on: as often as not it is a background clause's ("who in March ruled out")
    cent = [s for s in statements if "Not one cent" in s.content][0]
    assert cent.date is None and cent.date_period is None
    funeral = [s for s in statements if "funeral" in s.content][0]
    assert funeral.date_period == "2026-W09" and funeral.speaker.name == "Carol Benning"


def test_the_record_carries_the_period_and_analyses_order_by_its_first_day(analyzer):
    text = HEADLINE_FOLLOWS + OBITUARY
    article = Article(text=text, published=PUBLISHED, body_start=len(HEADLINE_FOLLOWS), path="obit.txt")
    statements = ledger(analyzer, OBITUARY, header=HEADLINE_FOLLOWS)
    rows = {s.row["content"]: s.row for s in prepare(article, statements).statements}
    bbc = next(row for content, row in rows.items() if "tax increase" in content)
    assert bbc["date"] is None and bbc["effective_date"] == date(1998, 1, 1)
    record = by_cue(statements, "told").record(article)
    assert record["date_period"] == "1998" and record_date(record) == "1998-01-01"
    # last week's saying ended before publication: its Monday; "this year" holds the publication day
    assert effective_date(None, "2026-W09", PUBLISHED) == date(2026, 2, 23)
    assert effective_date(None, "2026", PUBLISHED) == PUBLISHED
    assert effective_date(date(2026, 2, 27), "2025", PUBLISHED) == date(2026, 2, 27)


def test_he_in_an_obituary_is_its_subject_when_his_daughter_shares_the_surname(analyzer):
    statements = ledger(analyzer, OBITUARY, header=HEADLINE_FOLLOWS)
    for cue in ("told", "said the Iraq"):
        found = by_cue(statements, "told") if cue == "told" else \
            [s for s in statements if "Iraq war" in s.content][0]
        assert found.speaker.name == "Harold Benning"


def test_a_period_said_of_a_thing_is_not_the_sayings(analyzer):
    found = [s for s in ledger(analyzer, MINISTRIES, header=HEADLINE_FOLLOWS) if "Pahalgam" in s.content]
    assert found and all(s.date_period is None for s in found)


@pytest.mark.parametrize("words, act", [
    ("Russia had not abandoned", "claim"),             # another's deed, said by Kyiv
    ("the Kyiv regime was not interested", "claim"),   # another's will, said by Moscow
    ("Russia was not involved", "denial"),             # of the speaker's own side
    ("he did not expect a breakthrough", "prediction"),
    ("Greenland was not for sale", "denial"),          # a status: it answers someone's claim
])
def test_a_negated_content_is_a_denial_only_of_the_speakers_own(analyzer, words, act):
    found = [s for s in ledger(analyzer, MINISTRIES, header=HEADLINE_FOLLOWS) if s.content.startswith(words)
             or s.content.startswith("that " + words)]
    assert found, words
    assert found[0].act == act


def test_anothers_ruling_out_denied_keeps_the_option_open(analyzer):
    found = [s for s in ledger(analyzer, MINISTRIES, header=HEADLINE_FOLLOWS) if "Turkey's help" in s.content]
    assert found and not found[0].negated and found[0].act != "denial"
