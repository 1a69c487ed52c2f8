"""Offices many countries share, in stories filed abroad: "Foreign Office spokesman" in a story
from Islamabad is not Britain's, "the secretary of the Supreme National Security Council" in one
from Tehran is not America's, and "Conservative leader" in one from Washington about Canada is not
Britain's party; a country the words name stays, and an office only one country has ("White House
spokesman") keeps its country wherever the story was filed. The articles are fictional, written in
AP's, Reuters' and Press TV's styles; the statements come from the real pipeline, resolved as
``newsledger ingest`` does."""

from __future__ import annotations

from datetime import date

import pytest

from ledger_support import HEADLINE_FOLLOWS, ledger


def _speaker(analyzer, body: str, surname: str):
    found = [s for s in ledger(analyzer, body, header=HEADLINE_FOLLOWS)
             if s.speaker is not None and surname in (s.speaker.name or "")]
    assert found, surname
    return found[0].speaker


@pytest.mark.parametrize("dateline, words, surname", [
    ("ISLAMABAD, May 2 (AP) —", "Foreign Office spokesman Shafqat Ali Khan said", "Khan"),
    ("TEHRAN (Press TV) -", "Ali Larijani, the secretary of the Supreme National Security Council, said", "Larijani"),
    ("WASHINGTON (AP) —", "Conservative leader Pierre Poilievre said", "Poilievre"),
])
def test_a_shared_office_abroad_is_not_the_knowledge_bases_country(analyzer, dateline, words, surname):
    body = f"Officials trade words over water talks\n\n{dateline} {words} the talks would resume soon.\n"
    speaker = _speaker(analyzer, body, surname)
    assert speaker.country not in ("GBR", "USA")
    assert speaker.organization is None


@pytest.mark.parametrize("dateline, words, surname, country", [
    # filed from the office's own country: the knowledge base's office
    ("LONDON, May 2 (Reuters) -", "Foreign Office spokesman Daniel Hartley said", "Hartley", "GBR"),
    # the words name the country
    ("ISLAMABAD, May 2 (AP) —", "Pakistan's Foreign Office spokesman Shafqat Ali Khan said", "Khan", "PAK"),
    ("ISLAMABAD, May 2 (AP) —", "British Foreign Office spokesman Daniel Hartley said", "Hartley", "GBR"),
    # an office of one country only, wherever the story was filed
    ("KYIV, May 2 (Reuters) -", "White House spokesman Harrison Fields said", "Fields", "USA"),
])
def test_an_office_keeps_its_country_when_nothing_says_otherwise(analyzer, dateline, words, surname, country):
    body = f"Officials trade words over water talks\n\n{dateline} {words} the talks would resume soon.\n"
    assert _speaker(analyzer, body, surname).country == country


KREMLIN_CALL = (
    "Putin, Erdogan discuss Black Sea shipping in phone call\n\n"
    "MOSCOW, March 2 (TASS) -- Russian President Vladimir Putin held a telephone conversation with "
    "Turkish President Recep Tayyip Erdogan on Monday, the Kremlin press service said.\n\n"
    "\"The conversation was constructive,\" the Kremlin said in a statement following the call.\n\n"
    "Vladimir Putin stressed that Russia remains open to a settlement. He added that Moscow would "
    "respond firmly if attacks on tankers continue.\n\n"
    "Erdogan expressed readiness to host a new round of talks in Istanbul, according to the readout.\n\n"
    "The sides agreed to continue contacts at various levels.")

SUMMIT = (
    "EU leaders agree to keep sanctions on Russia\n\n"
    "BRUSSELS, March 2 (Reuters) - Ursula von der Leyen, Emmanuel Macron and Friedrich Merz met in "
    "Brussels on Monday with Volodymyr Zelensky.\n\n"
    "The leaders agreed to keep sanctions on Russia for another six months.")

WHITE_HOUSE_CALL = (
    "Trump, Carney talk trade in call\n\n"
    "WASHINGTON (AP) — President Donald Trump spoke by phone with Canadian Prime Minister Mark Carney "
    "on Monday.\n\n"
    "\"The leaders discussed fair and reciprocal trade,\" according to a White House readout released "
    "late Monday. \"The President reaffirmed the commitment of the United States to the defense of "
    "North America.\"\n\n"
    "The readout said the leaders agreed to have their trade teams meet in Washington next week.")


def test_a_readout_is_the_office_that_issued_it_not_the_leader_who_spoke_last(analyzer):
    found = [s for s in ledger(analyzer, KREMLIN_CALL, header=HEADLINE_FOLLOWS) if s.cue == "according to"]
    assert found and found[0].speaker.name == "Kremlin"


def test_a_readout_named_by_its_office(analyzer):
    statements = ledger(analyzer, WHITE_HOUSE_CALL, header=HEADLINE_FOLLOWS)
    named = [s for s in statements if s.cue == "according to"][0]
    assert named.speaker.name == "White House" and named.speaker.country == "USA"  # not "a White House"
    later = [s for s in statements if s.speaker is not None and s.speaker.text == "The readout"][0]
    assert later.speaker.name == "White House"


WATER_DISPUTE = (
    "Pakistan threatens legal action over Chenab canal\n\n"
    "ISLAMABAD, March 2 (Reuters) - Foreign Minister Ishaq Dar said on Monday that if India went ahead "
    "with the canal, Pakistan would take the matter to the International Court of Justice.\n\n"
    "Dar added that Islamabad was willing to talk to New Delhi without preconditions.\n\n"
    "In New Delhi, Water Resources Minister C.R. Patil said India would build the canal if Pakistan "
    "kept stalling the talks.")


def test_a_minister_untitled_by_country_is_the_datelines_when_he_speaks_of_it(analyzer):
    statements = ledger(analyzer, WATER_DISPUTE, header=HEADLINE_FOLLOWS)
    court = [s for s in statements if "International Court" in s.content][0]
    assert court.act == "threat" and court.condition is not None
    assert [s for s in statements if "willing to talk" in s.content][0].act == "commitment"


def test_another_countrys_minister_in_the_same_story_is_not_the_datelines(analyzer):
    canal = [s for s in ledger(analyzer, WATER_DISPUTE, header=HEADLINE_FOLLOWS) if "build the canal" in s.content][0]
    assert canal.act == "threat"  # India's side acts: said in New Delhi, not by Pakistan


def test_the_sides_of_a_call_are_the_two_it_named(analyzer):
    found = [s for s in ledger(analyzer, KREMLIN_CALL, header=HEADLINE_FOLLOWS) if s.speaker is not None
             and s.speaker.text == "The sides"][0]
    assert found.speaker.kind == "group"
    assert {m["name"] for m in found.speaker.members} == {"Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_the_leaders_of_a_summit_of_many_are_no_pair(analyzer):
    found = [s for s in ledger(analyzer, SUMMIT, header=HEADLINE_FOLLOWS) if s.speaker is not None
             and s.speaker.text == "The leaders"]
    assert found and " and " not in (found[0].speaker.name or "")


@pytest.mark.parametrize("body, words", [
    ("French Prime Minister Sebastien Lecornu met unions on Monday. An adviser to the prime minister said "
     "the talks had been constructive.", "An adviser to the prime minister"),
    ("German Chancellor Friedrich Merz spoke on Tuesday. One person close to Merz said he was frustrated.",
     "One person close to Merz"),
])
def test_someone_close_to_or_advising_a_leader_is_not_the_leader(analyzer, body, words):
    found = [s for s in ledger(analyzer, "Leaders under pressure\n\n" + body + "\n", header=HEADLINE_FOLLOWS)
             if s.speaker is not None and s.speaker.text == words][0]
    assert found.speaker.name is None and found.speaker.kind == "person"


def test_an_indefinite_spokesperson_is_no_holder_the_knowledge_base_knows(analyzer):
    body = ("U.S. cuts aid to Colombia\n\nWASHINGTON, June 2 (Reuters) - A State Department spokesperson said "
            "Washington would reconsider the decision if Bogota showed real results.\n")
    found = [s for s in ledger(analyzer, body, header="date 2025-06-02 ", published=date(2025, 6, 2))
             if "reconsider" in s.content][0]
    assert found.speaker.name is None  # not the department's spokesperson of the day
    the = [s for s in ledger(analyzer, body.replace("A State Department spokesperson", "The State Department spokesperson"),
                             header="date 2025-06-02 ", published=date(2025, 6, 2)) if "reconsider" in s.content][0]
    assert the.speaker.name == "Tammy Bruce"  # the definite title is its holder


@pytest.mark.parametrize("words, name, country", [
    ("Foreign Ministry spokeswoman Mao Ning said", "Mao Ning", "CHN"),
    ("Foreign Ministry spokesman Esmaeil Baghaei said", "Esmaeil Baqaei", "IRN"),
    ("Defence Minister Khawaja Asif said", "Khawaja Asif", "PAK"),
    ("Pope Leo said", "Leo XIV", "VAT"),
    ("Kim Yo-jong said", "Kim Yo Jong", "PRK"),
])
def test_officials_the_wires_quote_daily_are_known(analyzer, words, name, country):
    body = f"Officials speak\n\nThe talks, {words}, would continue next week.\n"
    speaker = [s for s in ledger(analyzer, body, header=HEADLINE_FOLLOWS) if "talks" in s.content][0].speaker
    assert (speaker.name, speaker.country) == (name, country)
