"""An obituary's "Ms. Holm" is the woman it is about, not the daughter of that name quoted since;
"who" after "her daughter, Anne Holm," is the daughter named; "The survey" is the poll "from" the
center that made it; "I want to assure Kenyans that …" is a pledge. The sentences are fictional,
written in the styles of a newspaper obituary, AP and Reuters; the statements come from the real
pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger

OBITUARY = (
    "Margit Holm, Danish diplomat who brokered Baltic fishing pact, dies at 88\n\n"
    "COPENHAGEN — Margit Holm, a Danish diplomat who negotiated the 1992 Baltic fisheries agreement, died on "
    "Saturday at her home in Copenhagen. She was 88.\n\n"
    "Her death was confirmed by her daughter, Anne Holm, who said the cause was heart failure.\n\n"
    "\"I never wanted to be a politician. I wanted to solve problems,\" Ms. Holm told the BBC in 1998. In a 2005 "
    "interview with Politiken, she said that the fisheries talks had been \"the hardest months of my life.\"")


def test_a_courtesy_title_names_the_storys_subject(analyzer):
    statements = ledger(analyzer, OBITUARY)
    told = by_cue(statements, "told")
    assert told.speaker.text == "Ms. Holm" and told.speaker.name == "Margit Holm"
    # "she" after "Ms. Holm" is Ms. Holm too
    said = [s for s in statements if s.speaker is not None and s.speaker.text == "she"]
    assert said and said[0].speaker.name == "Margit Holm"


def test_who_after_a_relative_named_in_apposition_is_that_relative(analyzer):
    said = [s for s in ledger(analyzer, OBITUARY) if s.content == "the cause was heart failure"]
    assert said and said[0].speaker.name == "Anne Holm"


def test_the_survey_is_the_poll_from_the_center_that_made_it(analyzer):
    statements = ledger(analyzer, (
        "WASHINGTON (AP) — A majority of Americans say the tariffs have raised their cost of living, according to "
        "a new poll from The Associated Press-NORC Center for Public Affairs Research.\n\n"
        "The survey found that 61% of adults disapprove of how the president is handling trade."))
    found = by_cue(statements, "found")
    assert found.speaker.text == "The survey"
    assert found.speaker.name == "Associated Press-NORC Center for Public Affairs Research"


@pytest.mark.parametrize("sentence, act", [
    ("\"I want to assure Kenyans that by the end of this month there will be enough fuel in every station,\" "
     "Kenyan President William Ruto said.", "commitment"),
    ("\"We promise that no one will be left behind,\" Mayor Lina Park said.", "commitment"),
    ("Mayor Lina Park said the contractors promised to pay the workers.", "claim"),
])
def test_a_pledge_in_the_speakers_voice_is_a_commitment(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act
