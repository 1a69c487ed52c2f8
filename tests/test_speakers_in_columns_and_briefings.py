"""Speakers, cues and contents found in a column, a briefing transcript, a Gaza casualty story,
a Hezbollah story, a sanctions story and a PMQs report: a "he" after an unnamed official, the
head of "The ministry, which …", a headline's "Hezbollah chief", a transcript's "MR PIGOTT:",
"The United States" as a country, the subject of "did not respond to a request for comment", a
dateline of two places, a second verb of judging ("and dismissed …"), the cue that takes a
"that" clause, a manner phrase between cue and object, a named appeal, a title's first word,
and a party's adjective. The sentences are fictional, in the outlets' styles; the statements
come from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


def test_he_after_an_unnamed_official_is_that_official_not_the_columnist(analyzer):
    # "he" was the byline's author, the only person named before it
    statements = ledger(analyzer, (
        "Opinion: Europe cannot keep outsourcing its security\n\nBy Anne Applebaum\n\n"
        "I spent last week in Warsaw and Vilnius, and the mood there is sober. A Polish deputy minister "
        "told me that his country now plans for a war without American help. \"We cannot wait for "
        "Washington to make up its mind,\" he said."), header="date 2025-12-02\n\n")
    said = by_cue(statements, "said")
    assert said.speaker.name == "A Polish deputy minister"


@pytest.mark.parametrize("named, later", [
    ("the Republican presidential nominee", "He"),
    ("her daughter", "she"),
])
def test_a_definite_description_is_no_new_unnamed_speaker(analyzer, named, later):
    # only "a …"/"an …" introduces someone never named; "the nominee" is someone named before
    statements = ledger(analyzer, (
        f"Donald Trump spoke in Michigan on Friday. Later, {named} told reporters that the polls were "
        f"wrong. \"We will win Michigan,\" {later.lower()} said."))
    said = by_cue(statements, "said")
    assert said.speaker.name != named


def test_the_head_of_a_phrase_with_a_relative_clause_resolves(analyzer):
    statements = ledger(analyzer, (
        "An Israeli airstrike on a school in Gaza City killed at least 14 people, according to the Gaza "
        "Health Ministry.\n\nThe ministry, which is part of the Hamas-run government, says more than half "
        "of the dead are women and children."))
    says = by_cue(statements, "says")
    assert says.speaker.name == "Gaza Health Ministry"


def test_a_headlines_chief_is_the_leader_the_story_names_next(analyzer):
    statements = ledger(analyzer, (
        "Hezbollah chief says group will not disarm while Israel occupies Lebanese land\n\n"
        "BEIRUT, Oct 30 (AFP) - Hezbollah leader Naim Qassem said on Thursday that the group would not "
        "hand over its weapons."), header="")
    says = by_cue(statements, "says")
    assert says.speaker.name == "Naim Qassem" and says.speaker.kind == "person"


def test_a_headlines_organisation_still_speaks_when_no_member_is_named(analyzer):
    statements = ledger(analyzer, (
        "Hezbollah says group will not disarm\n\nBEIRUT, Oct 30 (AFP) - The group said on Thursday it "
        "would not hand over its weapons."), header="")
    assert by_cue(statements, "says").speaker.name == "Hezbollah"


BRIEFING = """Department Press Briefing, November 18, 2025

Tommy Pigott, Principal Deputy Spokesperson

MR PIGOTT: Good afternoon, everyone. The United States condemns in the strongest terms the atrocities committed by the Rapid Support Forces in El Fasher.

QUESTION: Will the United States designate the RSF as a terrorist organization?

MR PIGOTT: I'm not going to get ahead of any decisions.
"""


def test_a_transcripts_label_without_a_full_stop_names_the_spokesman(analyzer):
    statements = ledger(analyzer, BRIEFING, header="")
    answers = [s for s in statements if s.speaker is not None and s.speaker.text == "MR PIGOTT"]
    assert len(answers) == 2 and all(s.speaker.name == "Tommy Pigott" for s in answers)
    questions = [s for s in statements if s.speaker is not None and s.speaker.text == "QUESTION"]
    assert questions and all(s.speaker.name is None for s in questions)


def test_the_united_states_is_a_country_and_a_manner_phrase_is_part_of_the_cue(analyzer):
    statements = ledger(analyzer, (
        "The United States condemns in the strongest terms the atrocities committed by the Rapid Support "
        "Forces in El Fasher."))
    condemns = by_cue(statements, "condemns")
    assert condemns.speaker.kind == "country" and condemns.speaker.actor_id == "country:USA"
    assert condemns.content.startswith("the atrocities")


@pytest.mark.parametrize("phrase", ["Some states", "Several Gulf states"])
def test_states_that_are_no_country_stay_a_group(analyzer, phrase):
    said = by_cue(ledger(analyzer, f"{phrase} said they would not attend the summit in Riyadh."), "said")
    assert said.speaker.kind == "group"


def test_the_subject_of_a_refusal_to_comment_is_its_speaker(analyzer):
    statements = ledger(analyzer, (
        "The U.S. Treasury Department on Monday imposed sanctions on a Chinese refinery.\n\n"
        "The refinery, Shandong Shouguang Luqing Petrochemical, did not respond to a request for comment."
        "\n\nIran's foreign ministry spokesman Esmaeil Baghaei called the sanctions \"an act of economic "
        "terrorism\"."))
    refusal = by_cue(statements, "did not respond")
    assert refusal.speaker is not None and "Shandong Shouguang Luqing Petrochemical" in refusal.speaker.text


def test_a_dateline_of_two_places_is_not_what_was_said(read):
    statements = read(
        "Israeli strike kills 14 in Gaza City, health officials say\n\nGAZA/JERUSALEM, Sept 22 (AP) - An "
        "Israeli airstrike on a school sheltering displaced families in Gaza City killed at least 14 people, "
        "according to the Gaza Health Ministry.", header="")
    according = by_cue(statements, "according to")
    assert according.content.startswith("An Israeli airstrike")


def test_a_second_verb_of_judging_is_a_statement_of_its_own(analyzer):
    statements = ledger(analyzer, (
        "Kremlin spokesman Dmitry Peskov told reporters that Russia's strikes were aimed only at military "
        "targets and dismissed Zelensky's words as \"empty threats\"."))
    told = by_cue(statements, "told")
    assert told.content == "that Russia's strikes were aimed only at military targets"
    assert by_cue(statements, "dismissed").act == "denial"


def test_a_that_clause_belongs_to_the_cue_before_it_not_the_frame_after_it(analyzer):
    statements = ledger(analyzer, (
        "Lebanese President Joseph Aoun told visiting U.S. envoy Tom Barrack that the state alone should "
        "hold weapons, the presidency said."))
    told = by_cue(statements, "told")
    assert told.speaker.name == "Joseph Aoun"
    assert told.content.startswith("that the state alone")


@pytest.mark.parametrize("content, appeal", [
    ("his call for an immediate ceasefire", True),
    ("their demand for a referendum on the treaty", True),
    ("an appeal to lay down arms", True),
    ("the call with Beijing had been productive", False),
    ("a call for papers was published", False),
])
def test_an_appeal_named_as_a_noun(analyzer, content, appeal):
    from newsledger.nlp.act_formulas import appeal_named

    doc = analyzer.nlp(f"The envoy repeated {content}.")
    start = doc.text.index(content)
    tokens = list(doc.char_span(start, start + len(content)))
    assert appeal_named(tokens) is appeal


def test_the_first_word_of_a_title_is_no_target(analyzer):
    told = by_cue(ledger(analyzer, (
        "A Downing Street spokesman later told reporters that the Prime Minister had full confidence in "
        "Home Secretary Shabana Mahmood.")), "later told")
    names = [t.name for t in told.targets]
    assert "Home" not in names and "Shabana Mahmood" in names


def test_a_british_partys_adjective_is_not_an_american_partys(analyzer):
    urged = by_cue(ledger(analyzer, (
        "Liberal Democrat leader Ed Davey urged the government to open safe routes for refugees.")), "urged")
    assert urged.speaker.name == "Ed Davey" and urged.speaker.country == "GBR"


def test_a_day_in_a_documents_phrase_is_not_its_name(analyzer):
    according = by_cue(ledger(analyzer, (
        "Federal Reserve policymakers were divided last month over how fast to cut interest rates, according "
        "to the minutes of the Sept 16-17 meeting released on Wednesday.")), "according to")
    assert according.speaker.name not in ("Wednesday", "Sept")


@pytest.mark.parametrize("phrase, kind", [
    ("One of the people, a U.S. official who asked not to be named,", "person"),
    ("One of the sources, an OPEC delegate,", "person"),
])
def test_one_of_many_is_one_and_no_one_called_one(analyzer, phrase, kind):
    said = [s for s in ledger(analyzer, (
        "Three people familiar with the matter said on Monday that the deal was close.\n\n"
        f"{phrase} said the first batteries would come from Germany.")) if "batteries" in s.content][0]
    assert said.speaker.kind == kind
    assert said.speaker.name is None and said.speaker.actor_id is None
