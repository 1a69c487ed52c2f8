"""Briefings, bulletins and live pages: the one spoken to is no part of what was said ("tells Al
Jazeera the group …"), "the statement said" is its issuer's, an inverted "Should …" inside a
quotation and "The moment …, …" are conditions, a transcript's "QUESTION:" turns name nobody, and
"History has shown" is the writer speaking. The sentences are fictional, written in the styles of
Reuters, AP, a live page and a State Department transcript; the statements come from the real
pipeline, resolved by the actors stage as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


@pytest.mark.parametrize("sentence, cue, content", [
    ("Hamas official Osama Hamdan tells Al Jazeera the group will not accept any agreement that does not "
     "include a full withdrawal of Israeli forces from Gaza.",
     "tells", "the group will not accept any agreement"),
    ("Zelensky tells Macron Ukraine will not cede territory\n\nKYIV, Feb 3 (Reuters) - The two leaders spoke "
     "by phone on Monday.", "tells", "Ukraine will not cede territory"),
    ("Biden tells Netanyahu Israel must protect civilians\n\nWASHINGTON, Feb 3 (AP) - The two leaders spoke "
     "for an hour.", "tells", "Israel must protect civilians"),
])
def test_the_one_spoken_to_is_no_part_of_what_was_said(analyzer, sentence, cue, content):
    # the tagger read the addressee into the content ("Al Jazeera the group will …"); in a headline
    # the parser even makes "Macron Ukraine" one noun phrase, leaving the clause without a subject
    said = by_cue(ledger(analyzer, sentence), cue)
    assert said.content.startswith(content), said.content


def test_a_country_that_is_the_clauses_subject_keeps_its_whole_name(analyzer):
    # "North Korea" is the subject, CNN the one spoken to: the name is not cut to "Korea"
    said = by_cue(ledger(analyzer, "The envoy told CNN North Korea would pay a heavy price for the test."),
                  "told")
    assert said.content.startswith("North Korea would pay")


@pytest.mark.parametrize("body, issuer", [
    ("11:15 GMT - Israeli Prime Minister Benjamin Netanyahu's office says it has not agreed to any proposal. "
     "\"Reports of a deal are false,\" the statement says.", "Benjamin Netanyahu"),
    ("The warning came in a statement by North Korea's foreign ministry, carried by the official KCNA news "
     "agency.\n\n\"The United States will bear full responsibility for the consequences,\" the statement said.",
     "North Korea"),
])
def test_the_statement_that_speaks_is_its_issuers(analyzer, body, issuer):
    # "the statement" was a speaker of its own, named by nobody
    said = [s for s in ledger(analyzer, body) if s.speaker is not None and s.speaker.text == "the statement"]
    assert len(said) == 1
    assert said[0].speaker.name is not None and issuer in said[0].speaker.name, said[0].speaker


def test_an_inverted_condition_opening_a_quotation_is_found(read):
    # the quotation mark before "Should" hid the inversion (found only at a sentence's very start)
    statements = read(
        "SEOUL, Jan 15 (AP) - North Korea's army issued a statement on Thursday.\n\n"
        "\"Should the U.S. and its followers persist in their reckless military provocations, they will face "
        "the most serious consequences,\" the statement said.")
    said = by_cue(statements, "said")
    assert said.condition is not None
    assert said.condition.text == "the U.S. and its followers persist in their reckless military provocations"
    assert said.act == "warning"


@pytest.mark.parametrize("sentence, condition", [
    ("The moment North Korean forces cross the border, they will be met with an immediate response, "
     "South Korean President Yoon Suk Yeol said.", "North Korean forces cross the border"),
    ("Moldova's president said the moment Russian troops enter the country, NATO would respond "
     "decisively.", "Russian troops enter the country"),
])
def test_the_moment_an_act_happens_is_a_condition(analyzer, sentence, condition):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.act in ("warning", "threat")


@pytest.mark.parametrize("sentence", [
    "At the moment, we have no plans to send troops, the defence minister said.",
    "The minister said this was the moment of truth for Europe.",
    "The minister said that for the moment the talks would continue.",
])
def test_a_moment_that_opens_no_clause_is_no_condition(analyzer, sentence):
    assert by_cue(ledger(analyzer, sentence), "said").condition is None


TRANSCRIPT = """Transcript: State Department press briefing

WASHINGTON, Jan 22 - The following are excerpts from the daily press briefing by State Department spokesman Matthew Miller.

QUESTION: Does the United States believe Iran was behind the attack on the tanker?

MR. MILLER: We are still assessing the information. But Iran has a long history of supporting attacks on commercial shipping, and we will hold it accountable.

QUESTION: Has the Secretary spoken to his Saudi counterpart?

MR. MILLER: He spoke with Foreign Minister Faisal bin Farhan this morning. They discussed the need to protect freedom of navigation.
"""


def test_a_transcripts_question_turns_name_nobody(analyzer):
    # "QUESTION" was a person (an actor "person:question"); "MR" of "MR. MILLER" a country that
    # "They" then resolved to
    statements = ledger(analyzer, TRANSCRIPT, header="")
    questions = [s for s in statements if s.speaker is not None and s.speaker.text == "QUESTION"]
    assert len(questions) == 2 and all(s.act == "question" for s in questions)
    assert all(s.speaker.name is None and s.speaker.actor_id is None for s in questions)
    answers = [s for s in statements if s.speaker is not None and s.speaker.text == "MR. MILLER"]
    assert len(answers) == 2 and all(s.speaker.name == "Matthew Miller" for s in answers)
    assert not any(s.speaker is not None and s.speaker.name == "MR" for s in statements)


@pytest.mark.parametrize("sentence", [
    "History has shown that blockades and sanctions cannot stop the progress of a great nation.",
    "Experience shows that such sanctions only hurt the countries that impose them.",
])
def test_an_abstraction_made_to_speak_is_the_writers_voice(read, sentence):
    statements = read(
        "BEIJING, Jan 28 (Xinhua) - Chinese Foreign Ministry spokesperson Lin Jian said on Monday that China "
        f"firmly opposed the move.\n\n{sentence}")
    assert [s.cue for s in statements] == ["said"]


def test_a_countrys_armed_movement_speaks_for_itself(analyzer):
    # "Yemen's Houthi movement" was Yemen: the recogniser tags no "Houthi", so only the country was named
    said = by_cue(ledger(analyzer, (
        "SANAA, March 7 (AFP) - Yemen's Houthi movement said on Saturday it would expand its attacks on "
        "shipping to the Indian Ocean if U.S. and British strikes on Yemen continued.")), "said")
    assert said.speaker.actor_id == "org:houthis"
    assert said.act == "threat"


@pytest.mark.parametrize("sentence, act", [
    ('"Any American or British ship will be a legitimate target," Houthi military spokesman Yahya Saree said.',
     "threat"),
    ("Western weapons depots in Ukraine are legitimate targets, the Russian defence ministry said.", "threat"),
    ("Civilians are not legitimate targets, the U.N. human rights office said.", "denial"),
])
def test_declaring_a_legitimate_target_is_a_threat(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act


def test_an_interviews_q_turns_are_questions(analyzer):
    # "Q" was no label, so the tagger's reading stood: a claim by nobody, its question mark cut off
    statements = ledger(analyzer, (
        "Interview: Iran's foreign minister on the nuclear talks\n\n"
        "TEHRAN, March 5 - Iran's Foreign Minister Abbas Araghchi spoke to our correspondent.\n\n"
        "Q: Is Iran ready to limit uranium enrichment?\n\n"
        "Araghchi: Enrichment is our right and it is not negotiable. But we are ready to discuss "
        "confidence-building measures, as we did in 2015.\n"), header="")
    asked = [s for s in statements if s.content.startswith("Is Iran ready")]
    assert len(asked) == 1 and asked[0].act == "question" and asked[0].content.endswith("?")
    assert asked[0].speaker is not None and asked[0].speaker.text == "Q" and asked[0].speaker.actor_id is None
    answer = [s for s in statements if s.content.startswith("Enrichment is our right")]
    assert len(answer) == 1 and answer[0].speaker.name == "Abbas Araghchi"


def test_words_before_the_source_are_not_what_its_cue_says(analyzer):
    # the tagger read the cue twice: "welfare cuts" (what the rebellion is over) and "to vote against …"
    statements = ledger(analyzer, (
        "Starmer under pressure over welfare cuts\n\n"
        "LONDON, March 1 (Reuters) - British Prime Minister Keir Starmer faced a growing rebellion on Sunday "
        "over planned welfare cuts, with dozens of Labour lawmakers threatening to vote against the "
        "government.\n\nA Downing Street spokesperson said the reforms were \"the right thing to do\" and that the "
        "government would not back down.\n\nSources close to finance minister Rachel Reeves said she was "
        "prepared to make concessions on disability payments if it meant avoiding a defeat in parliament.\n\n"
        "\"We will not vote for a bill that pushes a million people into poverty,\" Labour lawmaker Rachael "
        "Maskell told the BBC.\n"), header="")
    threatening = [s for s in statements if s.cue == "threatening"]
    assert [s.content for s in threatening] == ["to vote against the government"]


def test_a_correspondent_is_not_the_country_they_report_from(analyzer):
    # "Our correspondent in Cairo" was Egypt speaking
    statements = ledger(analyzer, (
        "Live: Ceasefire talks in Cairo\n\n"
        "12:05 GMT - The White House says President Joe Biden spoke with Qatar's Emir about the talks.\n\n"
        "12:30 GMT - Our correspondent in Cairo reports that delegations are expected to meet again on "
        "Wednesday.\n"), header="")
    reports = by_cue(statements, "reports")
    assert reports.speaker.text == "Our correspondent in Cairo"
    assert reports.speaker.country != "EGY" and reports.speaker.name != "Egypt"
