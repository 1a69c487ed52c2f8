"""Fact checks, editorials, social-media posts and foreign-ministry briefings: a section's label
("THE FACTS:", "Editorial:") is the outlet speaking, not a speaker; being told to expect a response
is a warning, not a demand; "We urge …" said in the speaker's own voice is a demand. The sentences
are fictional, written in the styles of AP's fact checks, a newspaper editorial, Reuters and
Xinhua; the statements come from the real pipeline, resolved by the actors stage as ``newsledger
ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger

FACT_CHECK = (
    "FACT FOCUS: No, the EU did not ban cash payments\n\n"
    "CLAIM: The EU has banned all cash payments over 1,000 euros from July 2025.\n\n"
    "THE FACTS: The claim is false. The EU agreed in 2024 to cap cash payments at 10,000 euros, and the "
    "limit will apply from 2027, a European Commission spokesperson told The Associated Press.\n\n"
    "\"There is no ban on cash payments of 1,000 euros,\" the spokesperson said.")


def test_a_fact_checks_sections_are_the_outlet_speaking(read):
    statements = read(FACT_CHECK)
    assert not [s for s in statements if s.speaker is not None and "FACTS" in s.speaker.text]
    # the source the section quotes is found, and the verdict stays in the outlet's own voice
    told = by_cue(statements, "told")
    assert "European Commission spokesperson" in told.speaker.text
    assert told.content.startswith("The EU agreed in 2024")
    assert not any("The claim is false" in s.content for s in statements)


@pytest.mark.parametrize("label", ["Editorial", "THE FACTS", "Our view", "Global Times editorial", "Analysis"])
def test_a_section_label_is_no_speaker(read, label):
    statements = read(f"{label}: Congress must not give up its power over tariffs to the president.\n\n"
                      "Senator Rand Paul said on Sunday that he would force a vote on ending the emergency.")
    assert [s.cue for s in statements] == ["said"]


@pytest.mark.parametrize("sentence, act", [
    ('"If the Europeans steal our money, they should expect a response, including a nuclear one," '
     "Medvedev wrote.", "warning"),
    ('"They should be prepared for the consequences," the spokesman said.', "warning"),
    ('"Europe must brace for retaliation," the minister said.', "warning"),
    # the modal of a demand, and nothing coming to them: still a demand
    ('"They should withdraw their troops from the border," the spokesman said.', "demand"),
    ('"Congress should expect us to act on our own," the senator said.', "demand"),
])
def test_being_told_to_expect_a_response_is_a_warning(analyzer, sentence, act):
    statements = ledger(analyzer, f"MOSCOW, March 2 (Reuters) - {sentence}")
    assert by_cue(statements, sentence.rsplit(" ", 1)[1].rstrip(".")).act == act


@pytest.mark.parametrize("sentence, act", [
    ('"We urge the U.S. side to correct its wrong practices and cancel all unilateral tariff measures," '
     "Lin said.", "demand"),
    ('"We call on all parties to exercise maximum restraint," the ministry said.', "demand"),
    ('"I ask Congress to pass this bill without delay," the president said.', "demand"),
    # an appeal told, not made: the speaker reports what others, or they themselves, urged
    ("Lin said that European leaders urged Washington last week to lift the tariffs.", "claim"),
])
def test_an_appeal_in_the_speakers_own_voice_is_a_demand(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, f"BEIJING, April 8 (Xinhua) - {sentence}"), "said").act == act
