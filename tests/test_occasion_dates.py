"""A day given once to an occasion dates what its participants said at it in the sentences that
follow (nlp/date_occasions.py): a phone call, a meeting, a briefing. Articles are fictional, in
the wires' style; statements come from the real pipeline, resolved as ``newsledger ingest`` does,
with both the default and the rules variant. Published Monday 2026-03-02."""

from __future__ import annotations

from datetime import date

from ledger_support import by_cue

SATURDAY, SUNDAY, FRIDAY = date(2026, 2, 28), date(2026, 3, 1), date(2026, 2, 27)


def test_a_call_reported_by_the_kremlin_dates_what_each_leader_said_in_it(read):
    statements = read(
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held a phone "
        "conversation on Saturday, the Kremlin said.\n\n"
        "Putin stressed that Moscow remained open to talks on Ukraine.\n\n"
        "Erdogan told Putin that Turkey was ready to host a new round of negotiations in Istanbul.\n")
    kremlin = by_cue(statements, "said")
    assert kremlin.date is None and kremlin.date_basis == "publication"  # not a participant
    for cue in ("stressed", "told"):
        found = by_cue(statements, cue)
        assert (found.date, found.date_basis) == (SATURDAY, "relative"), cue
        assert found.extra["date_text"] == "Saturday" and found.extra.get("date_occasion")


def test_a_meeting_dates_both_ministers_and_a_later_one_replaces_an_earlier(read):
    statements = read(
        "On Friday, Foreign Minister Sergei Lavrov held talks with Indian Foreign Minister "
        "Subrahmanyam Jaishankar in Moscow.\n\n"
        "On Sunday, Lavrov met his Chinese counterpart Wang Yi in Beijing. Lavrov said Russia and "
        "China would coordinate their positions at the United Nations.\n\n"
        "Wang said China supported a political settlement.\n")
    assert by_cue(statements, "said").date == SUNDAY
    assert [s.date for s in statements if s.speaker and s.speaker.name == "Wang Yi"] == [SUNDAY]


def test_a_briefing_to_reporters_dates_the_spokeswomans_next_words(read):
    statements = read(
        "Clinton communications director Jennifer Palmieri spoke to reporters Friday after the "
        "debate.\n\n"
        "Palmieri called on Trump to stop attacking the former beauty queen and apologize.\n")
    found = by_cue(statements, "called")
    assert found.date == FRIDAY


def test_no_occasion_no_date(read):
    """Not a meeting (an arrest, a remark "called … a wake-up call"), a plan in what was said, a
    name outside the occasion's clause, a standing position in the present tense, a habit: the
    statement stays undated."""
    statements = read(
        "On Saturday, police arrested the mayor of Ankara in a corruption inquiry. The mayor's "
        "lawyer said the charges were politically motivated.\n\n"
        "Minyon Moore called Mr. Obama's remarks on Saturday a wake-up call. Obama warned that "
        "turnout would decide the race.\n\n"
        "The foreign ministry said on Sunday that the two sides would meet in Geneva on Friday. "
        "Lavrov predicted that the talks would be difficult.\n\n"
        "On Saturday, Trump spoke to a gathering of oil executives, probably not what Graham had in "
        "mind. Graham urged Republicans to accept the science.\n\n"
        "Zelensky met Macron in Paris on Sunday. Zelensky says Ukraine needs air defence. Zelensky "
        "has long argued that sanctions must be tightened.\n")
    for content in ("the charges", "turnout", "the talks", "Republicans", "Ukraine needs", "sanctions"):
        found = [s for s in statements if s.content.removeprefix("that ").startswith(content)]
        assert found, content
        assert found[0].date is None, (content, found[0].cue, found[0].date)


def test_an_occasion_too_far_back_or_after_the_statement_dates_nothing(read):
    statements = read(
        "Prime Minister Kristen Michal met Finnish President Alexander Stubb in Tallinn on Saturday.\n\n"
        "The two discussed energy links across the Gulf of Finland.\n\n"
        "Trade between the two countries has grown by a third since 2020.\n\n"
        "Estonia's grid operator plans a third undersea cable.\n\n"
        "Michal said the cable would be built by 2030.\n\n"
        "Stubb warned that sabotage at sea remained the main risk. On Sunday, Stubb visited the "
        "navy's base in Upinniemi.\n")
    assert by_cue(statements, "said").date is None  # four sentences after the meeting
    assert by_cue(statements, "warned").date is None  # the next visit comes after the warning
