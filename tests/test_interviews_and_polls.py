"""A Q&A interview and a poll story: the "Q:" turns are asked by nobody named (no actor called
"Q"), the answers are the one interviewed; a headline's "Interview:" names the kind of story, not
a speaker, while "Poll:" names its source; and a share of a country's adults or voters is a group of people, not the
country. The articles are fictional, written in Politico's and AP's styles; the statements come
from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

from ledger_support import HEADLINE_FOLLOWS, ledger


INTERVIEW = (
    "Interview: Kallas says Putin does not want peace\n\n"
    "BRUSSELS — The European Union's foreign policy chief, Kaja Kallas, spoke to Politico in Brussels "
    "on Friday.\n\n"
    "Q: Peace talks have stalled again. Do you believe Vladimir Putin wants a deal?\n\n"
    "A: No. Everything he does shows the opposite. He talks about peace and bombs Kyiv.\n\n"
    "Q: Will the EU use the frozen Russian assets?\n\n"
    "A: We will find a way to fund Ukraine, with or without Hungary.\n")

POLL = (
    "Poll: Most Americans say the country is on the wrong track\n\n"
    "WASHINGTON (AP) — Two-thirds of U.S. adults say the economy is getting worse, according to a new "
    "poll from The Associated Press-NORC Center for Public Affairs Research.\n\n"
    "Most U.S. voters say they blame both parties for the shutdown.\n")


def test_questions_are_asked_by_nobody_named_and_answers_are_the_interviewees(analyzer):
    statements = ledger(analyzer, INTERVIEW, header=HEADLINE_FOLLOWS)
    questions = [s for s in statements if s.act == "question" and s.content.endswith("?")]
    assert len(questions) == 2
    assert all(s.speaker is None or s.speaker.name is None for s in questions)
    answers = [s for s in statements if s.content.startswith(("No. Everything", "We will find"))]
    assert len(answers) == 2 and {s.speaker.name for s in answers} == {"Kaja Kallas"}


def test_a_headlines_story_kind_is_no_speaker(analyzer):
    interview = ledger(analyzer, "Interview: Kallas on Russia, Ukraine and Europe's defense\n\n" + INTERVIEW.split("\n\n", 1)[1],
                       header=HEADLINE_FOLLOWS)
    assert all(s.speaker is None or s.speaker.text != "Interview" for s in interview)
    # a poll is the source of its findings (PolNeAR reads "Poll: Clinton leads …" so)
    poll = ledger(analyzer, POLL, header=HEADLINE_FOLLOWS)
    assert any(s.speaker is not None and s.speaker.text == "Poll" for s in poll)


def test_a_share_of_a_countrys_adults_is_a_group_not_the_country(analyzer):
    statements = ledger(analyzer, POLL, header=HEADLINE_FOLLOWS)
    adults = [s for s in statements if s.speaker is not None and "adults" in s.speaker.text]
    voters = [s for s in statements if s.speaker is not None and "voters" in s.speaker.text]
    assert adults and voters
    assert all(s.speaker.kind == "group" for s in adults + voters)
