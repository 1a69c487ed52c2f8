"""A foreign ministry's briefing, a dock strike, a disputed election, a company against a regulator,
a guerrilla group's offer and a summit's draft communique: a quotation of an earlier paragraph is
not a later cue's content; "which" after "the opposition" is the opposition; a union leader's
"his members would not return to work unless …" coerces; "the company" is the company, not the
bloc named after it; "Colombia's ELN guerrilla group" is no country; a Colombian defence minister
is not Spain's prime minister of the same name; and a draft "seen by Reuters" is not Reuters'.
The articles are fictional, written in PTI's, Reuters', AP's and AFP's styles; the statements come
from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import HEADLINE_FOLLOWS, by_cue, ledger


MEA_BRIEFING = (
    "Indian foreign ministry rejects Canadian allegations\n\n"
    "NEW DELHI, Dec 1 (PTI) The Ministry of External Affairs on Monday rejected as \"preposterous\" "
    "Canada's allegations that Indian officials were involved in a plot against Sikh activists on "
    "Canadian soil.\n\n"
    "\"India strongly rejects these absurd and motivated allegations,\" MEA spokesperson Randhir Jaiswal "
    "said at the weekly media briefing. \"The Canadian government has not shared a shred of evidence with "
    "us despite repeated requests.\"\n\n"
    "Jaiswal said New Delhi would take \"appropriate steps\" if Ottawa continued to target Indian "
    "diplomats.\n\n"
    "Canadian Prime Minister Mark Carney, speaking in Ottawa, said his government would \"follow the "
    "evidence wherever it leads.\"\n\n"
    "Sources in the government said India was also considering reducing the strength of the Canadian "
    "mission in New Delhi.")

DOCK_STRIKE = (
    "Strike at Port of Antwerp enters third day\n\n"
    "ANTWERP, Feb 11 (Reuters) - Dockworkers at the Port of Antwerp-Bruges extended their strike into a "
    "third day on Wednesday, leaving more than 40 ships waiting at anchor, a port spokeswoman said.\n\n"
    "Union leader Marc Peeters said his members would not return to work unless the government dropped "
    "its plan to raise the pension age for port workers.")

DISPUTED_VOTE = (
    "Venezuela's Maduro declared winner; opposition claims fraud\n\n"
    "CARACAS, July 30 (AP) — Venezuela's electoral council declared President Nicolás Maduro the winner "
    "of Sunday's presidential election, a result immediately disputed by the opposition, which said its "
    "own tally showed a landslide victory for its candidate.")

APPLE_EU = (
    "Apple says EU rules will delay new features\n\n"
    "CUPERTINO, Calif. (AP) — Apple said Tuesday that it would hold back some new iPhone features from "
    "users in the European Union because of regulatory uncertainty created by the bloc's Digital Markets "
    "Act.\n\n"
    "\"We are concerned that the interoperability requirements of the DMA could force us to compromise the"
    " integrity of our products in ways that risk user privacy and data security,\" the company said in a "
    "statement.\n\n"
    "A spokesperson for the European Commission said the law was \"designed to open markets, not to limit "
    "innovation,\" and that Apple was free to offer its products in the EU \"as long as it complies with "
    "the rules.\"")

HOSTAGES = (
    "Colombian rebels say they will free hostages if army halts offensive\n\n"
    "BOGOTA, March 5 (Reuters) - Colombia's ELN guerrilla group said on Wednesday it would release six "
    "hostages within a week if the army suspended its offensive in the northeastern Catatumbo region.\n\n"
    "In a statement posted on social media, the group's central command said the release \"depends "
    "entirely on the government's willingness to stop the bombing.\"\n\n"
    "Defense Minister Pedro Sanchez rejected the offer, saying the armed forces would \"not negotiate "
    "under blackmail\" and would continue operations until the hostages were freed.")

G7_DRAFT = (
    "G7 leaders warn China over support for Russia's war\n\n"
    "BORGO EGNAZIA, Italy, June 12 (Reuters) - Leaders of the Group of Seven rich democracies warned "
    "China on Thursday that they would take action against Chinese companies that help Russia's war "
    "effort in Ukraine, according to a draft of their final communique seen by Reuters.\n\n"
    "\"We will continue taking measures against actors in China and third countries that materially "
    "support Russia's war machine,\" the draft said.")


def test_an_earlier_paragraphs_quotation_is_not_a_later_cues_content(analyzer):
    statements = ledger(analyzer, MEA_BRIEFING, header=HEADLINE_FOLLOWS)
    steps = [s for s in statements if "appropriate steps" in s.content][0]
    assert steps.content.startswith("New Delhi would take")
    assert steps.condition is not None and steps.condition.text == "Ottawa continued to target Indian diplomats"
    # the quotation stays with the statement of its own paragraph
    assert [s for s in statements if "shred of evidence" in s.content and "absurd" in s.content]


def test_which_after_a_common_noun_is_that_noun(analyzer):
    found = [s for s in ledger(analyzer, DISPUTED_VOTE, header=HEADLINE_FOLLOWS) if "own tally" in s.content][0]
    assert found.speaker.text == "which" and found.speaker.name == "opposition"
    assert found.speaker.kind == "group"


def test_a_union_leaders_members_are_his_side(analyzer):
    found = [s for s in ledger(analyzer, DOCK_STRIKE, header=HEADLINE_FOLLOWS)
             if s.content.startswith("his members")][0]
    assert found.act == "threat" and found.condition is not None


def test_the_company_is_the_company_not_the_bloc_named_after_it(analyzer):
    found = [s for s in ledger(analyzer, APPLE_EU, header=HEADLINE_FOLLOWS) if "interoperability" in s.content][0]
    assert found.speaker.name == "Apple"


def test_a_countrys_group_is_the_group(analyzer):
    found = [s for s in ledger(analyzer, HOSTAGES, header=HEADLINE_FOLLOWS) if "six hostages" in s.content][0]
    assert found.speaker.kind != "country" and "ELN" in found.speaker.name and found.speaker.country == "COL"


def test_a_namesake_of_a_known_leader_abroad_is_someone_else(analyzer):
    found = by_cue(ledger(analyzer, HOSTAGES, header=HEADLINE_FOLLOWS), "rejected")
    assert found.speaker.name == "Pedro Sanchez" and found.speaker.actor_id != "person:pedro-sanchez"
    # in Madrid, as prime minister, he is the one the knowledge base knows
    home = ledger(analyzer, "MADRID (Reuters) - Spanish Prime Minister Pedro Sanchez said on Monday the budget "
                            "would pass.")[0]
    assert home.speaker.actor_id == "person:pedro-sanchez" and home.speaker.country == "ESP"


def test_a_draft_seen_by_an_outlet_is_not_the_outlets(analyzer):
    found = by_cue(ledger(analyzer, G7_DRAFT, header=HEADLINE_FOLLOWS), "according to")
    assert "draft" in found.speaker.text and found.speaker.name != "Reuters"


def test_a_nationality_before_a_plural_role_noun_is_a_group(analyzer):
    found = ledger(analyzer, "CAIRO (Reuters) - Egyptian mediators, speaking on condition of anonymity, said a new "
                             "proposal would be presented to both sides this week.")[0]
    assert (found.speaker.name, found.speaker.kind) == ("Egyptian mediators", "group")


def test_a_defence_ministers_army_is_his_side(analyzer):
    found = ledger(analyzer, "JERUSALEM (Reuters) - Israeli Defence Minister Israel Katz said the army would keep "
                             "striking Hamas targets in Gaza.")[0]
    assert found.act == "commitment"
    # a critic's "the army would …" is a prediction about someone else's army
    other = ledger(analyzer, "GENEVA (Reuters) - Amnesty International said the army would keep striking "
                             "targets in Gaza.")[0]
    assert other.act == "prediction"


@pytest.mark.parametrize("sentence, act", [
    # another side's troops are not the minister's own
    ('MOSCOW (TASS) - "If Western troops appear on Ukrainian soil, they will be destroyed," Russian Defence '
     'Minister Andrei Belousov said.', "threat"),
    # a defence lawyer has no army
    ("NEW YORK (AP) - Defense lawyer Maria Lopez said the army would appeal the ruling.", "prediction"),
])
def test_only_a_defence_officials_bare_army_is_their_own(analyzer, sentence, act):
    assert ledger(analyzer, sentence)[0].act == act


def test_what_a_speaker_responds_to_is_not_their_words(analyzer):
    statements = ledger(analyzer, (
        "Zelensky: peace plan must not reward aggression\n\n"
        "KYIV, Nov 20 (Ukrinform) - Ukrainian President Volodymyr Zelensky said on Thursday that any peace plan "
        "must not reward Russia's aggression, responding to reports that Washington had drafted a 28-point "
        "proposal requiring Kyiv to cede territory.\n\n"
        "\"Ukraine will never recognise the occupied territories as Russian. This is not a question of "
        "negotiations,\" Zelensky said in his nightly video address."), header=HEADLINE_FOLLOWS)
    drafted = [s for s in statements if s.content.startswith("that Washington had drafted")]
    assert drafted and all(s.speaker is None or s.speaker.name != "Volodymyr Zelensky" for s in drafted)


def test_an_industry_association_is_an_organisation(analyzer):
    found = ledger(analyzer, "BERLIN (dpa) - The bottled water industry association said its members complied "
                             "with all legal limits.")[0]
    assert found.speaker.kind == "organization"
