"""What wire copy collected later, an earnings story, a G7 report, a UN vote and a Geneva
briefing need: a dated dateline anchors "on Wednesday" (not the day the file was collected), a
company named only before its officer's title is "the company", the agency of a dateline is no
antecedent, an "Asked …" frame is no one's content, and a state that keeps something up
"until" the other side acts draws a condition. The sentences are fictional, written in
Reuters', AP's and Kyodo's styles; the statements come from the real pipeline, resolved as
``newsledger ingest`` does."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_support import by_cue, ledger
from newsledger.nlp.datelines import dateline_day

TESLA = ("Tesla shares fall as Musk warns of \"rough quarters\" ahead\n\n"
         "AUSTIN, Texas, July 23 (Reuters) - Tesla Chief Executive Elon Musk warned on Wednesday that the company "
         "could face \"a few rough quarters\" as the end of U.S. electric-vehicle tax credits hits demand.\n\n"
         "Chief Financial Officer Vaibhav Taneja said tariffs had cost the company about $300 million in the "
         "quarter.\n\nThe company said it remained on track to start production of a cheaper model in the "
         "second half of the year.")


def collected(analyzer, body: str, published: dt.date) -> list:
    """The resolved statements of an article file dated ``published`` (the day it was collected)."""
    return ledger(analyzer, body, header="", published=published)


@pytest.mark.parametrize("published, day", [
    (dt.date(2025, 8, 5), dt.date(2025, 7, 23)),  # collected two weeks later
    (dt.date(2025, 7, 23), dt.date(2025, 7, 23)),  # the same day
    (dt.date(2026, 1, 2), None),  # more than a month later: the dateline's year is not sure
    (None, None),  # no publication date: no year at all
])
def test_a_dated_dateline_gives_the_storys_day(published, day):
    assert dateline_day(TESLA, 0, published) == day


def test_on_wednesday_counts_from_the_datelines_day_not_the_files(analyzer):
    statements = collected(analyzer, TESLA, dt.date(2025, 8, 5))
    assert by_cue(statements, "warned").date == dt.date(2025, 7, 23)  # a Wednesday


def test_the_company_is_the_one_its_officer_is_named_with_not_the_agency(analyzer):
    statements = collected(analyzer, TESLA, dt.date(2025, 7, 23))
    company = [s for s in statements if s.speaker is not None and s.speaker.text == "The company"]
    assert company and company[0].speaker.name == "Tesla"
    assert company[0].speaker.kind != "media"


def test_a_datelines_agency_is_no_antecedent(analyzer):
    statements = collected(analyzer, (
        "LONDON, Oct 15 (Reuters) - Britain's competition regulator fined a lender £20 million on "
        "Wednesday.\n\nThe company said it would appeal against the fine."), dt.date(2025, 10, 15))
    said = by_cue(statements, "said")
    assert said.speaker.name != "Reuters"


def test_an_asked_frame_is_no_ones_content(analyzer):
    statements = collected(analyzer, (
        "GENEVA, Nov 23 (AP) - U.S. Secretary of State Marco Rubio said on Sunday that the talks had been "
        "productive.\n\nAsked whether Ukraine would have to give up territory, Rubio said: \"That's for the "
        "Ukrainians to decide.\""), dt.date(2025, 11, 23))
    said = [s for s in statements if s.cue == "said"]
    assert all(s.content != "Asked" for s in said)
    assert any(s.content.startswith('"That\'s for the Ukrainians') for s in said)
    assert by_cue(statements, "asked").act == "question"


@pytest.mark.parametrize("sentence, condition, act", [
    ("The U.S. deputy ambassador, Dorothy Shea, said Washington would maintain the sanctions until Cuba "
     "released political prisoners.", "Cuba released political prisoners", "threat"),
    ("A Houthi spokesman said the group would keep targeting Israeli-linked ships until the war in Gaza "
     "ends.", "the war in Gaza ends", "threat"),
    # a goal, no one coerced
    ("Israeli Prime Minister Benjamin Netanyahu said Israel would continue the offensive until Hamas was "
     "destroyed.", "Hamas was destroyed", "commitment"),
])
def test_keeping_something_up_until_the_other_side_acts_is_a_condition(analyzer, sentence, condition, act):
    said = by_cue(collected(analyzer, sentence, dt.date(2025, 10, 29)), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.act == act


@pytest.mark.parametrize("sentence", [
    "The minister said the talks would continue until midnight.",
    "She said troops would stay in the region until the end of the year.",
    "He said he waited until the vote was over.",
])
def test_until_a_time_only_dates(analyzer, sentence):
    assert by_cue(collected(analyzer, sentence, dt.date(2025, 10, 29)), "said").condition is None


def test_a_possessive_opens_the_source_not_an_apposition(analyzer):
    statements = collected(analyzer, (
        "Argentina voted against the resolution this year, a shift its foreign ministry said reflected "
        "President Javier Milei's alignment with Washington."), dt.date(2025, 10, 29))
    sources = [s.speaker.text for s in statements if s.speaker is not None]
    assert not any(text.startswith("a shift") for text in sources)


def test_the_platform_and_the_writers_naming_are_not_what_was_written(analyzer):
    statements = collected(analyzer, (
        "BEIJING, Sept 3 (Reuters) - U.S. President Donald Trump wrote on Truth Social that Xi, Putin and Kim "
        "were \"conspiring against the United States of America\", a remark the Kremlin dismissed as ironic."),
        dt.date(2025, 9, 3))
    wrote = [s for s in statements if s.cue.startswith("wrote")]
    assert [s.content for s in wrote] == [
        'that Xi, Putin and Kim were "conspiring against the United States of America"']


def test_a_pti_dateline_without_a_dash_is_no_part_of_the_source(analyzer):
    said = by_cue(collected(analyzer, (
        "NEW DELHI, Aug 19 (PTI) Union Home Minister Amit Shah on Tuesday said India would not hold any talks "
        "with Pakistan until it stopped supporting cross-border terrorism."), dt.date(2025, 8, 19)), "said")
    assert said.speaker.name == "Amit Shah"
    assert said.condition is not None and said.condition.text == "it stopped supporting cross-border terrorism"


@pytest.mark.parametrize("body, cue, speaker", [
    ("The Food and Drink Federation said the study did not show that processed foods caused early death and "
     "warned against \"demonising\" affordable products.", "warned", "Food and Drink Federation"),
    ("Trump wrote on Truth Social that Israel and Hamas had \"both signed off\" and called it \"a great day "
     "for the Arab and Muslim world\".", "called", "Donald Trump"),
])
def test_a_verb_of_saying_after_a_content_has_the_contents_speaker(analyzer, body, cue, speaker):
    statements = collected(analyzer, "Donald Trump spoke on Thursday.\n\n" + body, dt.date(2025, 10, 9))
    assert by_cue(statements, cue).speaker.name == speaker


def test_a_nested_speakers_second_verb_stays_theirs(analyzer):
    statements = collected(analyzer, (
        "A readout of the call released by the White House said President Donald Trump \"reaffirmed\" U.S. "
        "support for a \"just and lasting peace\" and urged both sides to agree to a ceasefire by Christmas."),
        dt.date(2025, 12, 1))
    assert by_cue(statements, "urged").speaker.name == "Donald Trump"


def test_any_attack_in_a_second_clause_is_a_condition(analyzer):
    said = by_cue(collected(analyzer, (
        "Shah said the government had given the armed forces a free hand and that any future attack would be "
        "treated as an act of war."), dt.date(2025, 8, 19)), "said")
    assert said.condition is not None and said.condition.text == "any future attack"
    assert said.consequence.text == "would be treated as an act of war"


def test_a_journal_a_study_appeared_in_did_not_speak(analyzer):
    according = by_cue(collected(analyzer, (
        "People who eat large amounts of ultra-processed food are more likely to die early, according to a "
        "study of more than 200,000 adults published in The Lancet on Thursday."), dt.date(2025, 11, 20)),
        "according to")
    assert according.speaker.name != "Lancet"


def test_it_in_a_relative_clause_is_the_sentences_subject(analyzer):
    says = by_cue(collected(analyzer, (
        "WASHINGTON (AP) - The United States has massed warships in the Caribbean and struck boats it says "
        "carried drugs."), dt.date(2025, 12, 3)), "says")
    assert says.speaker.name == "United States"


def test_a_headlines_subject_speaks(analyzer):
    accepts = by_cue(collected(analyzer, (
        "Hamas accepts first phase of Gaza plan, reversing earlier stance\n\nCAIRO, Oct 9 (Reuters) - Hamas "
        "said on Thursday it had agreed to the first phase of U.S. President Donald Trump's plan for Gaza, "
        "including the release of all living hostages, after rejecting key parts of it last week.\n\n"
        "Egyptian officials, who mediated the talks, said the first hostages could be freed within 72 hours."),
        dt.date(2025, 10, 9)), "accepts")
    assert accepts.speaker is not None and accepts.speaker.name == "Hamas"


def test_an_explainers_heading_is_no_statement(analyzer):
    statements = collected(analyzer, (
        "What to know about the Venezuela standoff\n\nWASHINGTON (AP) - Defense Secretary Pete Hegseth said "
        "the boat strikes were legal."), dt.date(2025, 12, 3))
    assert [s.cue for s in statements] == ["said"]
