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


def test_what_is_left_open_is_no_promise(analyzer):
    statements = ledger(analyzer, (
        "NEW YORK, Nov 5 (AP) - Andrew Cuomo conceded in a speech to supporters in Midtown. \"The people "
        "have spoken, and I respect their decision,\" Cuomo said. He did not say whether he would run again."))
    assert by_cue(statements, "did not say").act == "claim"


def test_a_relative_pronoun_speaks_as_the_phrase_it_stands_for(analyzer):
    # the parser hangs "which reported" on "officials": the speaker is the officials, not "Health"
    statements = ledger(analyzer, (
        "GENEVA, March 20 (AP) - Measles cases in Europe rose sharply last year.\n\n"
        "Health officials in Romania, which reported the most cases, said they had launched a catch-up "
        "campaign in schools."))
    said = by_cue(statements, "said")
    assert said.speaker.kind == "group" and said.speaker.name.startswith("Health officials")


@pytest.mark.parametrize("sentence, kind", [
    ("Boeing Co reported a smaller-than-expected quarterly loss on Wednesday.", "organization"),
    ("The New York Times reported on Wednesday that Boeing would cut 10 percent of its workforce.", "media"),
])
def test_a_company_reporting_its_figures_is_no_outlet(analyzer, sentence, kind):
    said = by_cue(ledger(analyzer, f"SEATTLE, July 30 (Reuters) - {sentence}"), "reported")
    assert said.speaker.kind == kind


def test_a_top_diplomat_is_the_foreign_minister(analyzer):
    statements = ledger(analyzer, (
        "MOSCOW, February 14. /TASS/. Russia will take countermeasures if the United States deploys "
        "long-range missiles in Germany, Russian Foreign Minister Sergey Lavrov told reporters on Friday.\n\n"
        "Earlier, Kremlin Spokesman Dmitry Peskov said that Moscow viewed the plans as a direct threat.\n\n"
        "The top diplomat also noted that Russia remained open to dialogue on strategic stability."))
    assert by_cue(statements, "also noted").speaker.name == by_cue(statements, "told").speaker.name
    assert "Peskov" not in by_cue(statements, "also noted").speaker.name


def test_the_agencies_that_spoke_together_are_no_news_agencies(analyzer):
    statements = ledger(analyzer, (
        "WHO warns measles cases in Europe at highest level in 25 years\n\n"
        "GENEVA, March 20 (AP) - Measles cases in Europe last year reached their highest level since 1997, "
        "the World Health Organization and UNICEF said Thursday.\n\n"
        "The region recorded 127,350 cases in 2024, the agencies said in a joint statement."), header="")
    assert by_cue(statements, "warns").speaker.actor_id == "org:who"  # "WHO", not the pronoun "who"
    agencies = [s for s in statements if s.speaker is not None and s.speaker.text == "the agencies"]
    assert agencies and agencies[0].act == "claim" and agencies[0].speaker.kind != "media"


@pytest.mark.parametrize("sentence, content", [
    ("Former Russian President Dmitry Medvedev said on Sunday that any attempt to seize Russian assets held in "
     "Europe would be treated as \"a casus belli\", in a post on his Telegram channel.",
     "would be treated as \"a casus belli\""),
    ("The minister said the talks would resume in March, in an interview with the BBC.",
     "the talks would resume in March"),
    # a post that is part of what was said stays
    ("The senator said he had been misquoted, in his view, by several outlets.", "by several outlets"),
])
def test_the_occasion_closing_a_content_is_not_what_was_said(read, sentence, content):
    said = by_cue(read(f"MOSCOW, March 2 (Reuters) - {sentence}"), "said")
    assert said.content.rstrip(".").endswith(content), said.content


def test_the_justices_speak_for_their_court(analyzer):
    statements = ledger(analyzer, (
        "WASHINGTON, Oct 2 (AP) - The Supreme Court on Thursday allowed President Donald Trump to remove a "
        "Democratic member of the Federal Trade Commission while it considers the case.\n\n"
        "In a brief order, the justices said they would hear arguments in December on whether the president "
        "can fire independent agency officials at will."))
    said = by_cue(statements, "said")
    assert said.speaker.kind == "organization" and "Supreme Court" in said.speaker.name
    assert said.act == "commitment"  # the court's own hearing, no longer a prediction by unknown speakers


@pytest.mark.parametrize("sentence, first, second", [
    ("Supreme Leader Ayatollah Ali Khamenei said on Tuesday that the talks could proceed but warned officials "
     "not to be \"overly optimistic or pessimistic.\"", "that the talks could proceed", "warned"),
    ("The mayor said she thinks the video should be released but said she would not release it herself.",
     "she thinks the video should be released", None),
])
def test_a_second_saying_is_not_part_of_the_first(read, sentence, first, second):
    statements = read(f"TEHRAN, April 15 (Reuters) - {sentence}")
    said = statements[0]
    assert said.content.rstrip(".") == first, said.content
    if second is not None:
        assert by_cue(statements, second).act == "warning"


def test_a_saying_verb_inside_a_quotation_stays_in_it(read):
    said = by_cue(read('TEHRAN, April 15 (Reuters) - "We negotiate, and warned them twice," Araqchi said.'), "said")
    assert "and warned them twice" in said.content


REACTIONS = (
    "World reacts to Israel-Iran ceasefire\n\n"
    "DUBAI, June 24 (Reuters) - Here are reactions from around the world to the ceasefire:\n\n"
    "QATAR'S FOREIGN MINISTRY:\n\"We welcome the ceasefire and call on all parties to commit to it fully.\"\n\n"
    "BRITISH PRIME MINISTER KEIR STARMER:\n\"This is a welcome step. The priority now is a lasting peace.\"\n\n"
    "RUSSIAN FOREIGN MINISTRY SPOKESWOMAN MARIA ZAKHAROVA:\n\"We hope the ceasefire will hold.\"")


@pytest.mark.parametrize("label, name, country", [
    ("BRITISH PRIME MINISTER KEIR STARMER", "Keir Starmer", "GBR"),
    ("RUSSIAN FOREIGN MINISTRY SPOKESWOMAN MARIA ZAKHAROVA", "Maria Zakharova", "RUS"),
    ("QATAR'S FOREIGN MINISTRY", "Qatar's Foreign Ministry", "QAT"),
])
def test_a_label_in_capitals_names_its_speaker(analyzer, label, name, country):
    # the entity recogniser tags no name in capitals: the title before the name tells where it starts
    said = next(s for s in ledger(analyzer, REACTIONS, header="") if s.speaker and s.speaker.text == label)
    assert said.speaker.name == name and said.speaker.country == country


def test_his_highness_is_the_one_named_so(analyzer):
    statements = ledger(analyzer, (
        "ABU DHABI, 14th June, 2025 (WAM) -- His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of "
        "the UAE, received a phone call today from the President of Iran.\n\n"
        "During the call, His Highness stressed the importance of prioritising diplomacy and dialogue."))
    assert by_cue(statements, "stressed").speaker.name == "Mohamed bin Zayed Al Nahyan"


def test_the_office_is_the_office_that_spoke_before(analyzer):
    statements = ledger(analyzer, (
        "SEOUL, Aug. 8 (Yonhap) -- The presidential office on Thursday condemned North Korea's latest ballistic "
        "missile launch as a \"grave provocation\" that threatens peace on the Korean Peninsula.\n\n"
        "National Security Adviser Shin Won-sik presided over an emergency meeting and ordered the military to "
        "maintain a firm readiness posture, the office said in a release."))
    assert by_cue(statements, "said").speaker.name == by_cue(statements, "condemned").speaker.name


@pytest.mark.parametrize("sentence, content", [
    ("Defense Secretary Pete Hegseth told senators on Wednesday that the budget cuts would not weaken U.S. "
     "readiness, facing sharp questions from Democrats about the firing of senior officers.",
     "that the budget cuts would not weaken U.S. readiness"),
    ("Governor Roy Cooper called for releasing the police videos, saying that transparency builds trust.",
     "releasing the police videos"),
])
def test_the_writers_participle_after_what_was_said_is_not_part_of_it(read, sentence, content):
    statements = read(f"WASHINGTON, March 5 (AP) - {sentence}")
    assert statements[0].content.rstrip(".") == content, statements[0].content
