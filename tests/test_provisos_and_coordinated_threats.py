"""Conditions and acts that wire copy writes in less common shapes: a bare "provided" ("…,
provided there are no new attacks"), an inverted "Were Ukraine to strike …" whose subject the
parser files as an attribute, a condition on the second of two coordinated clauses ("that
Hezbollah is playing with fire and that Israel would act … unless …"), a conditional demand
quoted after a first sentence that only asserts, "our coast guard will respond" as the
speaker's own side, "the group" of a group's leader, and the formulas "will not stand idle"
and "will not be safe". The sentences are fictional, written in Reuters', AP's and AFP's
styles; the statements come from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


@pytest.mark.parametrize("sentence, condition, consequence", [
    ("Ukraine's energy minister, Svitlana Hrynchuk, said repairs to damaged substations could take "
     "several weeks, provided there are no new attacks.",
     "there are no new attacks", "repairs to damaged substations could take several weeks"),
    ("The IAEA chief said the plant could restart its reactors next year, provided Russia stops "
     "shelling the area around it.",
     "Russia stops shelling the area around it", "the plant could restart its reactors next year"),
])
def test_a_bare_provided_opens_a_condition(analyzer, sentence, condition, consequence):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.consequence is not None and said.consequence.text == consequence


@pytest.mark.parametrize("sentence", [
    "The Pentagon said it provided Ukraine with three more air-defence systems last month.",
    "Officials said the weapons provided by Germany had arrived in Rzeszow on Tuesday.",
    "The minister said Kyiv was provided with missiles that can reach targets 300 km away.",
])
def test_provided_as_a_verb_is_no_condition(analyzer, sentence):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is None


@pytest.mark.parametrize("sentence, condition", [
    ("Were Ukraine to strike Russian energy facilities again, Moscow would consider it an act of "
     "terrorism, Russian Foreign Ministry spokeswoman Maria Zakharova said at her weekly briefing.",
     "Ukraine to strike Russian energy facilities again"),
    ("Were Lithuania to block the transit of goods to Kaliningrad again, Russia would respond with "
     "practical measures, Kremlin spokesman Dmitry Peskov said.",
     "Lithuania to block the transit of goods to Kaliningrad again"),
])
def test_an_inverted_were_is_a_condition_and_a_threat_of_the_speakers_state(analyzer, sentence, condition):
    # the parser files "Ukraine" as an attribute of "Were", not its subject: no condition was
    # found, and the statement was a commitment with nothing to hold it to
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.act == "threat"


def test_a_condition_on_the_second_of_two_clauses_governs_that_clause(analyzer):
    statements = ledger(analyzer, (
        "Israeli Defense Minister Israel Katz responded that Hezbollah \"is playing with fire\" and "
        "that Israel would act with full force unless the Lebanese government disarmed the group."))
    said = by_cue(statements, "responded")
    assert said.consequence is not None and said.consequence.text == "Israel would act with full force"
    assert said.act == "threat"


def test_a_coordinated_clause_sharing_its_subject_keeps_the_whole_consequence(analyzer):
    said = by_cue(ledger(analyzer, (
        "The defence minister said Estonia would board the tankers and detain their crews if another "
        "cable is damaged.")), "said")
    assert said.consequence is not None
    assert said.consequence.text == "Estonia would board the tankers and detain their crews"


@pytest.mark.parametrize("body, act", [
    ('"The Prime Minister has had fifteen months and the boats are still coming," Badenoch said during '
     'Prime Minister\'s Questions. "If he cannot stop them, he should step aside and let someone who can."',
     "demand"),
    ('"We had control for sixty minutes and then we stopped," Amorim told Sky Sports. "If we want to be '
     'in the top four, we have to win these games."',
     "demand"),
])
def test_the_conditional_sentence_of_a_quotation_decides_its_act(analyzer, body, act):
    # the first sentence only asserts; the act was taken from it ("claim")
    statement = next(s for s in ledger(analyzer, body) if s.condition is not None)
    assert statement.act == act


def test_our_forces_responding_is_the_speakers_own_side(analyzer):
    told = by_cue(ledger(analyzer, (
        '"If they cross into our territorial waters again, our coast guard will respond in accordance '
        'with the law," Taiwan\'s defence minister, Wellington Koo, told lawmakers.')), "told")
    assert told.act == "threat"


def test_the_group_of_a_groups_leader_is_the_speakers_own_side(analyzer):
    said = by_cue(ledger(analyzer, (
        "Hezbollah leader Naim Qassem said on Thursday that the group would not hand over its weapons as "
        "long as Israel continued to occupy Lebanese territory.")), "said")
    assert said.condition is not None
    assert said.act in ("threat", "denial") and said.act != "prediction"


@pytest.mark.parametrize("body, act", [
    ('"In the event that the enemy launches a wider war, we will not stand idle," Qassem said in a '
     'televised speech.', "warning"),
    ('"Should Russia choose to continue this terror, its refineries will not be safe," Zelensky said in '
     'his nightly video address.', "warning"),
])
def test_formulas_of_a_coming_response(analyzer, body, act):
    said = by_cue(ledger(analyzer, body), "said")
    assert said.condition is not None
    assert said.act == act


def test_a_cooperative_future_is_still_no_warning(analyzer):
    said = by_cue(ledger(analyzer, (
        '"If the talks go well, our delegation will stay in Geneva for another week," the Swiss '
        'foreign minister said.')), "said")
    assert said.act not in ("threat", "warning")


@pytest.mark.parametrize("sentence, condition, kind", [
    ("Iran's foreign minister Abbas Araqchi said Tehran would leave the NPT if and when sanctions were "
     "reimposed.", "sanctions were reimposed", "if"),
    ("Kremlin spokesman Dmitry Peskov said Russia would respond unless and until NATO halted its expansion.",
     "unless and until NATO halted its expansion", "unless"),
    ("North Korea's defence ministry said it would strike back as soon as U.S. troops crossed the line.",
     "U.S. troops crossed the line", "as_soon_as"),
    ("China's defence ministry said Taipei must stop its provocations or face the consequences.",
     "Taipei must stop its provocations", "otherwise"),
])
def test_compound_subordinators_and_or_face_are_conditions(analyzer, sentence, condition, kind):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.condition.text == condition
    assert said.extra["condition_kind"] == kind


def test_as_soon_as_possible_is_no_condition(analyzer):
    assert by_cue(ledger(analyzer, "He said the talks would resume as soon as possible."), "said").condition is None


def test_a_conditional_offer_is_no_threat(analyzer):
    said = by_cue(ledger(analyzer, (
        "Hamas said it would release the hostages on condition that Israel withdrew its forces.")), "said")
    assert said.condition is not None
    assert said.act == "commitment"
