"""A health agency's warning, a Commons clash, a missile launch and a wire service's exclusive:
"The agency" is the WHO the story names, not the wire service of its dateline; "The Conservative
leader" is not the Prime Minister named last; a name the recogniser cut at "and" or a label is
whole; a headline's act ("fires missiles") is not what is warned of; and the writer's ", a move
that could anger …" is no one's statement. The articles are fictional, written in Reuters', PA's
and Yonhap's styles; the statements come from the real pipeline, resolved as ``newsledger ingest``
does."""

from __future__ import annotations

from ledger_support import HEADLINE_FOLLOWS, by_cue, ledger


WHO_WARNING = (
    "WHO warns of new mpox wave, urges vaccination\n\n"
    "GENEVA, May 12 (Reuters) - The World Health Organization warned on Tuesday that a new strain of mpox"
    " was spreading faster than previous outbreaks and urged countries to step up vaccination in affected"
    " regions.\n\n"
    "\"We are seeing a concerning rise in cases in at least six countries,\" WHO Director-General Tedros "
    "Adhanom Ghebreyesus told reporters in Geneva. \"Unless vaccines reach the people who need them, this "
    "outbreak will grow.\"\n\n"
    "The agency said it would convene its emergency committee next week to decide whether the outbreak "
    "constitutes a public health emergency of international concern.\n\n"
    "Health officials in the Democratic Republic of Congo, where most cases have been recorded, said they"
    " had received fewer than half of the doses promised by donors.\n\n"
    "The U.S. Centers for Disease Control and Prevention said the risk to the American public remained "
    "low.")

COMMONS_CLASH = (
    "Prime Minister's Questions: Starmer and Badenoch clash over immigration\n\n"
    "LONDON (PA) - Kemi Badenoch accused Sir Keir Starmer of \"losing control of the borders\" as the two "
    "leaders clashed at Prime Minister's Questions on Wednesday.\n\n"
    "The Conservative leader said: \"Small boat crossings are up by a third. When will the Prime Minister "
    "admit his plan has failed?\"\n\n"
    "Sir Keir replied that the Tories had \"left the asylum system in chaos\" and insisted his government "
    "was \"fixing the foundations.\"\n\n"
    "\"We will smash the gangs, and we will not take lectures from the party that lost control,\" the Prime"
    " Minister told MPs.\n\n"
    "Liberal Democrat leader Sir Ed Davey called on the government to set up safe routes for refugees.\n\n"
    "Downing Street later said the Prime Minister would set out new measures in the coming weeks.")

MISSILES = (
    "North Korea fires missiles, warns of \"more powerful\" response to drills\n\n"
    "SEOUL, Aug 7 (Yonhap) -- North Korea fired two short-range ballistic missiles into the East Sea on "
    "Thursday, South Korea's Joint Chiefs of Staff (JCS) said, hours after Pyongyang warned it would "
    "respond to upcoming joint military drills with \"more powerful\" action.\n\n"
    "\"Our military has strengthened surveillance and is maintaining a full readiness posture in close "
    "cooperation with the United States,\" the JCS said in a text message to reporters.\n\n"
    "Kim Yo-jong, the powerful sister of leader Kim Jong-un, said in a statement carried by the Korean "
    "Central News Agency (KCNA) that the drills were \"a rehearsal for invasion.\"\n\n"
    "\"Should the U.S. and its stooges go ahead with the war games, they will face an unimaginable "
    "catastrophe,\" she said.\n\n"
    "Japan's Defense Ministry said the missiles appeared to have landed outside its exclusive economic "
    "zone.\n\n"
    "Seoul's unification ministry urged the North to stop provocations and return to dialogue.")

OIL_EXCLUSIVE = (
    "Exclusive: Saudi Arabia weighs oil output hike, sources say\n\n"
    "DUBAI/LONDON, June 2 (Reuters) - Saudi Arabia is considering raising its oil output by up to 500,000"
    " barrels per day from August, three sources familiar with the kingdom's thinking told Reuters, a "
    "move that could anger some fellow OPEC+ producers.\n\n"
    "The sources, who declined to be named because the discussions are private, said no final decision "
    "had been made and that the plan could change depending on market conditions.\n\n"
    "\"The kingdom wants to regain market share, and it is willing to tolerate lower prices for a while,\" "
    "one of the sources said.\n\n"
    "Saudi Arabia's energy ministry did not respond to a request for comment. An OPEC+ delegate from a "
    "Gulf country said he had not heard of the plan.\n\n"
    "Oil prices fell more than 2 percent after the report.")


def test_the_agency_is_the_health_agency_the_story_names(analyzer):
    found = by_cue([s for s in ledger(analyzer, WHO_WARNING, header=HEADLINE_FOLLOWS)
                    if "emergency committee" in s.content], "said")
    assert found.speaker.name == "World Health Organization"
    assert found.act != "report"  # an agency's own plan, not a news report


def test_a_name_the_recogniser_cut_at_and_is_whole(analyzer):
    found = [s for s in ledger(analyzer, WHO_WARNING, header=HEADLINE_FOLLOWS) if "American public" in s.content][0]
    assert "Centers for Disease Control and Prevention" in found.speaker.name
    assert found.speaker.kind == "organization" and found.speaker.country == "USA"


def test_a_party_leader_is_not_the_other_partys_leader_named_last(analyzer):
    found = [s for s in ledger(analyzer, COMMONS_CLASH, header=HEADLINE_FOLLOWS) if "Small boat" in s.content][0]
    assert found.speaker.name == "Kemi Badenoch"
    # the Prime Minister's own reply stays his
    reply = by_cue(ledger(analyzer, COMMONS_CLASH, header=HEADLINE_FOLLOWS), "replied")
    assert reply.speaker.name == "Keir Starmer"


def test_a_headlines_act_is_not_what_is_warned_of(analyzer):
    statements = ledger(analyzer, MISSILES, header=HEADLINE_FOLLOWS)
    assert not [s for s in statements if s.content.endswith("fires missiles")]
    assert [s for s in statements if s.content.startswith('"more powerful" response')]


def test_a_label_does_not_cut_the_name_a_headline_opens_with(analyzer):
    found = by_cue(ledger(analyzer, OIL_EXCLUSIVE, header=HEADLINE_FOLLOWS), "say")
    assert found.content == "Saudi Arabia weighs oil output hike"


def test_the_writers_apposition_is_no_ones_statement(analyzer):
    statements = ledger(analyzer, OIL_EXCLUSIVE, header=HEADLINE_FOLLOWS)
    assert not [s for s in statements if "anger" in s.content or "anger" in s.cue]
    told = by_cue(statements, "told")
    assert told.content.startswith("Saudi Arabia is considering")
