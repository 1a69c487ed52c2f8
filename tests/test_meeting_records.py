"""A meeting's record names its speakers by their seat ("The representative of France", "China's
representative", "the delegate", "the Under-Secretary-General"), and a "he" or "she" that follows
is that seat, not a body or a title named earlier (nlp/speaker_people.py, nlp/speakers.py,
actors/evidence.py). The record is fictional, in the style of the UN's meetings coverage; the
statements come from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from newsledger.actors.evidence import unnamed_country
from newsledger.actors.knowledge import load_kb

MEETING = (
    "The Security Council met today to consider the situation in Sudan.\n\n"
    "Briefing the Council, the Under-Secretary-General for Humanitarian Affairs said that more than "
    "400,000 civilians remain trapped in El Fasher. \"We are running out of words,\" she said.\n\n"
    "The representative of France said his country was appalled by reports of mass killings. If the "
    "Rapid Support Forces continue to block convoys, France will push for targeted sanctions, he warned.\n\n"
    "Speaking for the Russian Federation, the delegate said Moscow would not support any new "
    "sanctions regime. He denied that Russian companies were supplying weapons to either side.\n\n"
    "China's representative stressed that the sovereignty of Sudan must be respected. She called on "
    "all parties to return to the negotiating table in Jeddah.\n")


def speaker_of(statements, words: str):
    found = [s for s in statements if words in s.content]
    assert found, f"no statement says {words!r}: {[s.content for s in statements]}"
    return found[0].speaker


def test_a_pronoun_after_a_seat_is_that_seat_with_its_country(read):
    statements = read(MEETING)
    france = speaker_of(statements, "If the Rapid Support Forces")
    assert france.name == "The representative of France" and france.country == "FRA"
    assert france.actor_id is None  # a seat, not a person the ledger can follow across articles
    china = speaker_of(statements, "return to the negotiating table")
    assert china.country == "CHN" and china.actor_id is None
    russian = speaker_of(statements, "Russian companies")
    assert russian.name == "the delegate" and russian.country != "FRA"


def test_the_briefer_is_not_the_title_inside_her_own(read):
    statements = read(MEETING)
    briefer = speaker_of(statements, "We are running out of words")
    assert briefer.name.startswith("the Under-Secretary-General") and briefer.actor_id is None


@pytest.mark.parametrize("phrase, country", [
    ("The representative of France", "FRA"),
    ("the representative of the United States", "USA"),
    ("The United Kingdom's delegate", "GBR"),
    ("The Emirati delegate", "ARE"),
    ("a source close to the Kremlin", None),
    ("a Western diplomat", None),
])
def test_the_country_of_a_seat_named_before_or_after_its_noun(phrase, country):
    assert unnamed_country(load_kb(), phrase) == country


def test_a_seat_is_no_actor_and_a_named_envoy_keeps_his_name(read):
    statements = read(
        "The representative of Sudan said his Government had never obstructed humanitarian access. "
        "The Emirati delegate categorically rejected the accusation.\n\n"
        "EU Special Representative for the South Caucasus Magdalena Grono urged both sides to show "
        "restraint.\n")
    emirati = speaker_of(statements, "accusation")
    assert (emirati.name, emirati.actor_id, emirati.country) == (None, None, "ARE")
    assert "Grono" in (speaker_of(statements, "restraint").name or "")  # a person, not a seat


def test_where_talks_are_held_is_no_target(read):
    statements = read(
        "China's representative called on all parties to return to the negotiating table in Jeddah.\n\n"
        "Turkey's foreign minister said Ankara was ready to host new talks in Istanbul between Russia "
        "and Ukraine.\n\n"
        "Russian troops in Ukraine will not withdraw, Defence Minister Andrei Belousov said.\n")
    targets = {s.content.split()[0]: {t.name for t in s.targets} for s in statements}
    assert not any("Jeddah" in names or "Saudi Arabia" in names or "Istanbul" in names
                   for names in targets.values())
    talks = [names for first, names in targets.items() if "Russia" in names and "Ukraine" in names]
    assert talks, targets  # the parties to the talks, and the troops' country, stay
