"""Red lines drawn without "if", and speakers named by the documents they wrote.

A side's red line is often written as what it "will not allow" ("Israel would never allow Iran
to obtain a nuclear weapon"), as a response to "any aggression", as a hostile act no one is
named to do ("there will be bombing"), or as a price to pay; a conditional acceptance ("we could
live with a small amount of enrichment as long as …") is none. "The agency" after "the
International Atomic Energy Agency said in a confidential report seen by Reuters" is the IAEA,
not Reuters; "the report" is the IAEA's too; "Iran's mission to the United Nations" is Iran's.
The sentences are fictional, written in Reuters', AP's and IRNA's styles; the statements come
from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger
from newsledger.analysis.redlines import is_redline
from newsledger.model import Article


def _record(statement):
    return statement.record(Article(text="", path="wire.txt"))


@pytest.mark.parametrize("sentence, condition", [
    ("Israeli Prime Minister Benjamin Netanyahu said Israel would never allow Iran to obtain a nuclear weapon.",
     "Iran to obtain a nuclear weapon"),
    ("U.S. Secretary of State Marco Rubio said the United States would not allow China to dominate the "
     "South China Sea.", "China to dominate the South China Sea"),
    ("\"We will not tolerate any attack on our ships,\" Vice Admiral Brad Cooper said.",
     "any attack on our ships"),
])
def test_what_a_side_will_not_allow_is_a_red_line(analyzer, sentence, condition):
    # "would not allow" was a denial with no condition: no red line to hold anyone to
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.extra["condition_kind"] == "not_allow"
    assert said.act == "threat"
    assert is_redline(_record(said))


@pytest.mark.parametrize("sentence", [
    "The police did not allow reporters to enter the building, the Associated Press said.",
    "French Foreign Minister Hélène Duvernoy said France will not let the Baltic become a sea without law.",
    "\"We will not accept the result of this election,\" opposition leader Nino Kerelia said.",
])
def test_a_refusal_of_no_act_of_another_party_is_no_red_line(analyzer, sentence):
    # the past ("did not allow"), a thing rather than a party ("the Baltic"), and a refusal of
    # something that is no hostile act
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is None


@pytest.mark.parametrize("sentence, condition", [
    ("Iranian Foreign Minister Seyed Abbas Araqchi said on Monday that the Islamic Republic would respond "
     "decisively to any aggression against its nuclear facilities.",
     "any aggression against its nuclear facilities"),
    ("Russian Foreign Minister Sergey Lavrov said Moscow will respond to any deployment of U.S. "
     "long-range missiles in Germany.", "any deployment of U.S. long-range missiles in Germany"),
])
def test_a_response_to_any_hostile_act_is_a_threat(analyzer, sentence, condition):
    # the speaker's own state responds to whoever commits the act; "the Islamic Republic" is Iran
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.act == "threat"


def test_an_unnamed_bombing_on_a_condition_is_the_speakers_threat(analyzer):
    statements = ledger(analyzer, (
        "\"If they don't make a deal, there will be bombing,\" U.S. President Donald Trump told reporters "
        "at the White House."))
    told = by_cue(statements, "told")
    assert told.condition is not None and told.condition.text == "they don't make a deal"
    assert told.act == "threat"


@pytest.mark.parametrize("sentence, act", [
    ("\"If the dam breaks, there will be a disaster,\" the engineer Tomas Varga said.", "warning"),
    ("\"If the talks fail, there will be consequences,\" the mediator Ilse Varga said.", "warning"),
])
def test_harm_no_party_does_stays_a_warning(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act


@pytest.mark.parametrize("sentence, cue", [
    ("\"We could live with a small amount of enrichment for energy, as long as the inspectors can go "
     "anywhere, any time,\" Trump told reporters aboard Air Force One.", "told"),
    ("President Donald Trump said on Friday he could accept a civilian Iranian nuclear program with "
     "low-level enrichment if it were placed under strict international inspection.", "said"),
])
def test_a_conditional_acceptance_is_no_threat_nor_warning(analyzer, sentence, cue):
    # "live with" was a hostile act of the speaker's side, and "nuclear" a word of harm
    statement = by_cue(ledger(analyzer, sentence), cue)
    assert statement.condition is not None
    assert statement.act not in ("threat", "warning")
    assert not is_redline(_record(statement))


@pytest.mark.parametrize("sentence", [
    "\"Any attack on our nuclear sites will be met with a crushing response,\" Araqchi told reporters in Tehran.",
    "\"Any attack on a NATO member will be met with a devastating response,\" NATO Secretary General Mark "
    "Rutte told reporters.",
])
def test_a_response_met_with_on_any_attack_is_a_threat(analyzer, sentence):
    told = by_cue(ledger(analyzer, sentence), "told")
    assert told.condition is not None and told.act == "threat"


def test_being_met_with_applause_is_no_threat(analyzer):
    said = by_cue(ledger(analyzer, (
        "The organiser Lena Holm said that if the talks go well, the delegates will be met with applause.")), "said")
    assert said.act != "threat"


@pytest.mark.parametrize("sentence, act", [
    ("\"The Zionist regime has made a grave mistake and will pay a heavy price,\" Khamenei said in a "
     "statement read on state television.", "warning"),
    ("\"Those who attacked our soldiers will pay dearly,\" the army chief Asim Munir said.", "warning"),
    ("\"The U.S. and the ROK will be held fully accountable for all the consequences arising from their reckless "
     "military provocations,\" the ministry spokesman said.", "warning"),
    ("\"Tallinn has crossed the line we drew. It will bear full responsibility for what follows,\" Russian "
     "ambassador Grigory Lanskoi said.", "warning"),
])
def test_a_punishment_to_come_is_a_warning(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act


@pytest.mark.parametrize("sentence, act", [
    ("President Donald Trump said Iran \"cannot have any enrichment, not even one percent.\"", "demand"),
    ("Leaders of the Group of Seven said Iran can never have a nuclear weapon.", "demand"),
])
def test_what_another_party_cannot_have_is_a_demand(analyzer, sentence, act):
    # a prohibition, not a denial of anything
    assert by_cue(ledger(analyzer, sentence), "said").act == act


@pytest.mark.parametrize("sentence", [
    "The economist Mira Tal said prices cannot rise forever.",
    "Israeli Prime Minister Benjamin Netanyahu said Israel cannot have a Palestinian state on its border.",
])
def test_cannot_of_a_thing_or_of_ones_own_side_is_no_demand(analyzer, sentence):
    assert by_cue(ledger(analyzer, sentence), "said").act != "demand"


IAEA_STORY = (
    "VIENNA, June 1 (Reuters) - Iran has sharply increased its stockpile of uranium enriched to up to 60% "
    "purity, the International Atomic Energy Agency said in a confidential report seen by Reuters on Monday.\n\n"
    "The report said Iran had 409 kg of uranium enriched to 60%. The agency said it could no longer verify "
    "that Iran's program was entirely peaceful.\n\n"
    "Iran's mission to the United Nations in Vienna called the report \"politically motivated\".")


def test_the_agency_and_its_report_are_the_agency_the_story_names(analyzer):
    # "The agency" was Reuters, named last (in "seen by Reuters"); "The report" was no one
    statements = ledger(analyzer, IAEA_STORY)
    report, agency = [s for s in statements if s.cue == "said"][1:3]
    assert report.speaker.text == "The report" and report.speaker.actor_id == "org:iaea"
    assert agency.speaker.text == "The agency" and agency.speaker.actor_id == "org:iaea"


def test_a_countrys_mission_to_the_united_nations_is_that_countrys(analyzer):
    called = by_cue(ledger(analyzer, IAEA_STORY), "called")
    assert called.speaker.actor_id != "org:un"
    assert called.speaker.country == "IRN"


def test_a_report_whose_author_is_not_named_speaks_for_no_one(analyzer):
    statements = ledger(analyzer, (
        "Talks resumed in Geneva on Monday, diplomats said. A report circulated among delegates on Sunday.\n\n"
        "The report said both sides had agreed to a prisoner exchange."))
    said = [s for s in statements if s.speaker is not None and s.speaker.text == "The report"]
    assert said and said[0].speaker.actor_id is None


def test_it_after_a_statement_is_whoever_issued_the_statement(analyzer):
    statements = ledger(analyzer, (
        "PYONGYANG, August 20 (KCNA) -- The Ministry of National Defence of the DPRK issued a statement on "
        "Tuesday denouncing the joint military drills of the United States and South Korea.\n\n"
        "The statement said that the DPRK armed forces will take \"merciless countermeasures\" if the hostile "
        "forces infringe upon the sovereignty of the Republic even slightly.\n\n"
        "\"The U.S. will be held fully accountable for all the consequences,\" it said."))
    said = [s for s in statements if s.cue == "said"]
    assert [s.speaker.country for s in said] == ["PRK", "PRK"]
    assert said[1].speaker.text == "it" and said[1].speaker.name == said[0].speaker.name
    # "the DPRK armed forces" are the ministry's own side: a threat, not a warning of harm
    assert said[0].act == "threat"


def test_a_name_cut_before_its_family_name_is_whole(analyzer):
    # the recogniser took "Seyed Abbas" for the name, and "Araqchi" was left out of it
    statements = ledger(analyzer, (
        "TEHRAN, April 20 (IRNA) - Foreign Minister Seyed Abbas Araqchi said on Monday that Iran was ready "
        "for fair talks."))
    said = by_cue(statements, "said")
    assert said.speaker.name == "Abbas Araghchi" and said.speaker.country == "IRN"


def test_a_title_case_headline_keeps_its_verb_out_of_the_name(analyzer):
    statements = ledger(analyzer, (
        "Elizabeth Warren Hammers Wells Fargo CEO: 'You Should Be Criminally Investigated.'\n\n"
        "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday over the bank's "
        "fake accounts.\n\n\"You should resign,\" Warren told Stumpf."), header="")
    headline = statements[0]
    assert headline.speaker is not None and headline.speaker.name == "Elizabeth Warren"


def test_a_time_after_the_object_of_the_cue_is_no_content(analyzer):
    rejected = by_cue(ledger(analyzer, (
        "Iranian Foreign Minister Abbas Araqchi rejected the demand hours later.")), "rejected")
    assert rejected.content == "the demand"


@pytest.mark.parametrize("condition, action_class, object_head", [
    ("any aggression against its nuclear facilities", "attack", "facility"),
    ("any deployment of US missiles in Germany", "send", "missile"),
    ("any delivery of Taurus missiles", "send", "missile"),
])
def test_a_hostile_act_named_as_a_noun_is_a_trigger(condition, action_class, object_head):
    # the red-line board parses the condition into who does what: "aggression" was no act at all
    from newsledger.analysis import trigger_words
    from newsledger.analysis.triggers import parse_many

    event = parse_many([condition], condition=True)[0][0]
    assert trigger_words.ACTION_CLASS[event.action] == action_class
    assert event.object_head == object_head
