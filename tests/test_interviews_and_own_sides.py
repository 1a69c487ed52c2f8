"""An interview printed as questions and answers ("Q: … A: …"), the day an interview aired, and a
speaker's own side named by a possessive in reported speech: the answers are the words of the one interviewed, named in the
introduction, not an unnamed "A" nor the outlet's section; "Trump told a crowd that his
administration would 'finish the job'" is Trump's commitment, as "warned that it would take
'overwhelming countermeasures' if …" is North Korea's threat. The sentences are fictional, written in
The Guardian's, AP's and Yonhap's styles; the statements come from the real pipeline, resolved as
``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import ledger

INTERVIEW = (
    "'We will not be intimidated': Q&A with Moldova's president\n\n"
    "CHISINAU — Moldovan President Maia Sandu spoke to The Guardian on Friday about Russian interference, energy "
    "and the country's bid to join the European Union.\n\n"
    "Q: Russia says Moldova is becoming a NATO base. Is it?\n\n"
    "A: No. Our constitution says we are neutral, and we respect that.\n\n"
    "Q: Will Moldova join the EU by 2030?\n\n"
    "A: If we keep up the pace of reforms, yes. It depends on us, not on Moscow.")


def test_an_interviews_answers_are_the_interviewees(analyzer):
    statements = ledger(analyzer, INTERVIEW)
    answers = [s for s in statements if s.speaker is not None and s.speaker.text == "A"]
    assert [a.content[:12] for a in answers] == ["No. Our cons", "If we keep u"]
    assert {a.speaker.name for a in answers} == {"Maia Sandu"}
    questions = [s for s in statements if s.speaker is not None and s.speaker.text == "Q"]
    assert len(questions) == 2 and all(q.act == "question" for q in questions)


def test_an_a_without_questions_is_no_answer(analyzer):
    # "A: " alone is a section's letter, not an interview's answer
    statements = ledger(analyzer, (
        "The council voted on three proposals.\n\n"
        "A: Build a new bridge over the river by 2030.\n\n"
        "B: Repair the old bridge and add a ferry line."))
    assert not [s for s in statements if s.speaker is not None and s.speaker.text == "A"]


@pytest.mark.parametrize("sentence, act", [
    ("DES MOINES, Iowa (AP) — President Donald Trump told a crowd of supporters on Friday that his administration "
     "would \"finish the job\" on immigration, drawing loud cheers.", "commitment"),
    ("SEOUL, Jan 15 (Yonhap) — North Korea warned that it would take \"overwhelming countermeasures\" if the "
     "United States and South Korea go ahead with large-scale military exercises.", "threat"),
    ("Analysts said his administration would struggle to pass the bill.", "prediction"),
])
def test_a_possessive_of_the_speaker_names_their_own_side(analyzer, sentence, act):
    assert ledger(analyzer, sentence)[0].act == act


@pytest.mark.parametrize("sentence, day", [
    ("HELSINKI (Reuters) - Russia could test NATO's resolve within five years, Finnish President Alexander "
     "Stubb said in an interview with CNN aired on Sunday.", "2026-03-01"),
    ("Finnish President Alexander Stubb said the film aired on Sunday was false.", None),
])
def test_an_interview_is_dated_by_the_day_it_aired(analyzer, sentence, day):
    # the parser hangs "aired" on "said"; the day is the interview's, not the film's
    said = ledger(analyzer, sentence)[0]
    assert (said.date.isoformat() if said.date else None) == day
