"""Offers and costs on a condition: a side open to or ready for talks offers them ("Russia remains
open to a political settlement, provided that …" is a commitment, not a warning, though
"conflict" is a word of harm); a cost the speaker's own side would bear is a warning, not a threat
("Belgium could face lawsuits if …", "we will pay a much higher price later"). The sentences are
fictional, written in TASS's, Reuters' and AP's styles; the statements come from the real pipeline."""

from __future__ import annotations

import pytest

from ledger_support import HEADLINE_FOLLOWS, ledger


def _act(analyzer, sentence: str) -> str:
    found = ledger(analyzer, "Leaders speak on the war\n\n" + sentence + "\n", header=HEADLINE_FOLLOWS)
    assert found, sentence
    return found[-1].act


@pytest.mark.parametrize("sentence", [
    "Russian President Vladimir Putin stressed that Russia remains open to a political and diplomatic "
    "settlement of the Ukrainian conflict, provided that its root causes are eliminated.",
    "\"Pakistan is ready for a dialogue with India, provided it is held at a neutral venue,\" Pakistani "
    "Foreign Minister Ishaq Dar told a news conference.",
    "Kremlin spokesman Dmitry Peskov said Moscow remained open to talks.",
])
def test_a_side_open_to_or_ready_for_talks_offers_them(analyzer, sentence):
    assert _act(analyzer, sentence) == "commitment"


@pytest.mark.parametrize("sentence", [
    "Belgian Prime Minister Bart De Wever warned that Belgium could face lawsuits worth billions if the "
    "assets were used without a solid legal basis.",
    "\"If we do not support Ukraine now, we will pay a much higher price later,\" EU foreign policy chief "
    "Kaja Kallas told reporters.",
])
def test_a_cost_the_speakers_side_would_bear_is_a_warning(analyzer, sentence):
    assert _act(analyzer, sentence) == "warning"


@pytest.mark.parametrize("sentence, act", [
    ("Russian President Vladimir Putin said Russia was ready for winter.", "claim"),   # no talks offered
    ("Iranian Foreign Minister Abbas Araqchi said Tehran would respond if Israel attacked.", "threat"),
])
def test_readiness_without_talks_and_a_sides_response_stay_as_they_were(analyzer, sentence, act):
    assert _act(analyzer, sentence) == act


def test_what_the_speakers_own_town_would_undergo_is_a_warning(analyzer):
    assert _act(analyzer, "\"If the dam breaks, the town will be destroyed,\" Mayor Anna Berg said.") == "warning"
    # what would be done to the other side stays a threat
    assert _act(analyzer, "\"If Western troops appear on Ukrainian soil, they will be destroyed,\" Russian Foreign "
                          "Minister Sergei Lavrov said.") == "threat"


@pytest.mark.parametrize("sentence, act", [
    ("Denver Mayor Mike Johnston said the city would open 300 new shelter beds by December.", "commitment"),
    ("Illinois Governor JB Pritzker said the state would sue unless the funds were released.", "threat"),
    ("A Transportation Department spokesperson said the department would redirect the funds if Illinois "
     "missed the deadline.", "threat"),
    ("Ford CEO Jim Farley said the company would cut 5,000 jobs if demand did not recover.", "commitment"),
    ("Union leader Sharon Graham said the company would cut jobs.", "prediction"),  # not her company
])
def test_a_title_holders_own_institution_is_their_side(analyzer, sentence, act):
    assert _act(analyzer, sentence) == act


@pytest.mark.parametrize("sentence, act", [
    ("\"Without this decision, Ukraine will face a serious funding gap next year,\" Ukrainian President "
     "Volodymyr Zelensky said.", "warning"),
    ("The union said workers could lose thousands of jobs.", "warning"),
    ("Trump will face Biden in November, his campaign said.", "prediction"),   # a rival is no cost
    ("\"Apple has to comply, or it will face penalty payments,\" EU competition chief Teresa Ribera said.",
     "demand"),  # the demand leads; the cost is its sanction
])
def test_a_cost_to_come_is_a_warning(analyzer, sentence, act):
    assert _act(analyzer, sentence) == act
