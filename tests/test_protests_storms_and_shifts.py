"""Statements of protest reports, storm warnings, transfer rumours and a government's shift: a
"Police said" the tagger missed among figures, an offer on allies' agreement that threatens
no one, a headline's "chancellor says" that the story names, "reports in France" that are no
French statement, "the center" of the National Hurricane Center, a governor's order to
evacuate, and the formula "will take resolute measures". The sentences are fictional, written
in AP's, Reuters' and Xinhua's styles; the statements come from the real pipeline, resolved as
``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import by_cue, ledger


def test_police_figures_the_tagger_missed_are_the_polices_statement(analyzer):
    statements = ledger(analyzer, (
        "Tens of thousands protest in Belgrade against government\n\n"
        "BELGRADE, July 15 (AP) — Tens of thousands of people marched through Belgrade on Saturday to demand "
        "early elections, in one of the largest protests in Serbia in years.\n\n"
        "Police said about 36,000 people took part. Organisers put the number at more than 140,000, while an "
        "independent monitoring group, the Public Assembly Archive, estimated the crowd at 140,000 to 145,000.\n\n"
        "\"We will not stop until this government resigns,\" said Milica Jovanovic, a 22-year-old student from "
        "Novi Sad.\n\n"
        "President Aleksandar Vucic dismissed the protesters' demands and said there would be no early "
        "elections. He accused foreign intelligence services of organising the unrest, without providing "
        "evidence."))
    said = by_cue(statements, "said")
    assert said.speaker.text == "Police" and said.content == "about 36,000 people took part"


def test_a_time_clause_after_said_is_no_content(analyzer):
    statements = ledger(analyzer, (
        "Acts of protest, Mr. Obama said, are acts of patriotism, whether it was sitting at a lunch counter or "
        "wearing a T-shirt emblazoned with the words ''I can't breathe,'' as Eric Garner said before he died."))
    assert not [s for s in statements if s.content == "before he died"]


@pytest.mark.parametrize("sentence, act", [
    ("Germany could deliver Taurus cruise missiles to Ukraine if its allies agreed to a joint approach, "
     "Chancellor Friedrich Merz said on Tuesday.", "claim"),
    ("Russia will send warships to escort its tankers unless Estonia drops its threat to board them, "
     "Russian ambassador Grigory Lanskoi said.", "threat"),
])
def test_an_offer_on_the_allies_agreement_coerces_no_one(analyzer, sentence, act):
    said = by_cue(ledger(analyzer, sentence), "said")
    assert said.condition is not None and said.act == act


def test_any_delivery_of_arms_is_a_condition_of_a_warning(analyzer):
    said = by_cue(ledger(analyzer, (
        "Kremlin spokesman Dmitry Peskov said any delivery of Taurus missiles would be seen as Germany's direct "
        "involvement in the conflict.")), "said")
    assert said.condition is not None and said.condition.text == "any delivery of Taurus missiles"
    assert said.act == "warning"


def test_a_headlines_title_is_the_person_the_story_names_with_it(analyzer):
    statements = ledger(analyzer, (
        "Germany could send Taurus if allies act together, chancellor says\n\n"
        "BERLIN, May 20 (Reuters) - Germany could deliver Taurus cruise missiles to Ukraine if its allies agreed "
        "to a joint approach, Chancellor Friedrich Merz said on Tuesday."), header="")
    says = by_cue(statements, "says")
    assert says.speaker.text == "chancellor" and says.speaker.name == "Friedrich Merz"
    assert says.act != "threat"


def test_reports_in_a_country_are_no_statement_of_that_country(analyzer):
    according = by_cue(ledger(analyzer, (
        "Real Madrid are in advanced talks to sign midfielder Lucas Moreau from Lyon for a fee of around 90 "
        "million euros, according to reports in France.")), "according to")
    assert according.speaker.country is None and according.speaker.actor_id != "country:FRA"
    assert according.speaker.kind == "media"


def test_the_center_is_the_center_named_before(analyzer):
    statements = ledger(analyzer, (
        "MIAMI — Hurricane Delia strengthened into a Category 4 storm on Wednesday, the National Hurricane Center "
        "said.\n\nThe center warned of a \"life-threatening storm surge\" of up to 15 feet.\n\n"
        "Forecasters expect the storm to make landfall late Thursday."))
    warned = by_cue(statements, "warned")
    assert warned.speaker.name == "National Hurricane Center"
    assert by_cue(statements, "expect").speaker.kind == "group"


@pytest.mark.parametrize("sentence, act", [
    ("\"Leave now, and do not wait for the water to rise,\" Governor Ron DeSantis said.", "demand"),
    ("\"Do not wait for the water to rise,\" Governor Ron DeSantis said.", "demand"),
    ("\"Tell that to the janitor who is paying taxes,\" Vice President Joe Biden said.", "claim"),
    ("\"Stop the war now,\" Pope Leo said.", "demand"),
    ("\"Let me start with Sudan,\" State Department spokesman Tommy Pigott said.", "claim"),
    ("\"Make no mistake, we will respond,\" Defence Minister Kadri Tamsalu said.", "commitment"),
])
def test_an_order_in_a_quotation_is_a_demand(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act


@pytest.mark.parametrize("sentence, act", [
    ("Chinese Foreign Ministry spokesperson Mao Ning said China firmly opposes the US overstretching the concept "
     "of national security and will take resolute measures to safeguard its legitimate rights.", "warning"),
    ("The army spokesman Arif Khan said it took firm action against the smugglers.", "claim"),
])
def test_resolute_measures_to_come_are_a_warning(analyzer, sentence, act):
    assert by_cue(ledger(analyzer, sentence), "said").act == act
