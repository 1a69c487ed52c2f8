"""A day given once to an occasion dates what its participants said at it in the sentences that
follow (nlp/date_occasions.py): a phone call, a meeting, a briefing. Articles are fictional, in
the wires' style; statements come from the real pipeline, resolved as ``newsledger ingest`` does,
with both the default and the rules variant. Published Monday 2026-03-02."""

from __future__ import annotations

from datetime import date

from ledger_support import by_cue

SATURDAY, SUNDAY, FRIDAY = date(2026, 2, 28), date(2026, 3, 1), date(2026, 2, 27)


def test_a_call_reported_by_the_kremlin_dates_what_each_leader_said_in_it(read):
    statements = read(
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held a phone "
        "conversation on Saturday, the Kremlin said.\n\n"
        "Putin stressed that Moscow remained open to talks on Ukraine.\n\n"
        "Erdogan told Putin that Turkey was ready to host a new round of negotiations in Istanbul.\n")
    kremlin = by_cue(statements, "said")
    assert kremlin.date is None and kremlin.date_basis == "publication"  # not a participant
    for cue in ("stressed", "told"):
        found = by_cue(statements, cue)
        assert (found.date, found.date_basis) == (SATURDAY, "relative"), cue
        assert found.extra["date_text"] == "Saturday" and found.extra.get("date_occasion")


def test_a_meeting_dates_both_ministers_and_a_later_one_replaces_an_earlier(read):
    statements = read(
        "On Friday, Foreign Minister Sergei Lavrov held talks with Indian Foreign Minister "
        "Subrahmanyam Jaishankar in Moscow.\n\n"
        "On Sunday, Lavrov met his Chinese counterpart Wang Yi in Beijing. Lavrov said Russia and "
        "China would coordinate their positions at the United Nations.\n\n"
        "Wang said China supported a political settlement.\n")
    assert by_cue(statements, "said").date == SUNDAY
    assert [s.date for s in statements if s.speaker and s.speaker.name == "Wang Yi"] == [SUNDAY]


def test_a_briefing_to_reporters_dates_the_spokeswomans_next_words(read):
    statements = read(
        "Clinton communications director Jennifer Palmieri spoke to reporters Friday after the "
        "debate.\n\n"
        "Palmieri called on Trump to stop attacking the former beauty queen and apologize.\n")
    found = by_cue(statements, "called")
    assert found.date == FRIDAY


def test_no_occasion_no_date(read):
    """Not a meeting (an arrest, a remark "called … a wake-up call"), a plan in what was said, a
    name outside the occasion's clause, a standing position in the present tense, a habit: the
    statement stays undated."""
    statements = read(
        "On Saturday, police arrested the mayor of Ankara in a corruption inquiry. The mayor's "
        "lawyer said the charges were politically motivated.\n\n"
        "Minyon Moore called Mr. Obama's remarks on Saturday a wake-up call. Obama warned that "
        "turnout would decide the race.\n\n"
        "The foreign ministry said on Sunday that the two sides would meet in Geneva on Friday. "
        "Lavrov predicted that the talks would be difficult.\n\n"
        "On Saturday, Trump spoke to a gathering of oil executives, probably not what Graham had in "
        "mind. Graham urged Republicans to accept the science.\n\n"
        "Zelensky met Macron in Paris on Sunday. Zelensky says Ukraine needs air defence. Zelensky "
        "has long argued that sanctions must be tightened.\n")
    for content in ("the charges", "turnout", "the talks", "Republicans", "Ukraine needs", "sanctions"):
        found = [s for s in statements if s.content.removeprefix("that ").startswith(content)]
        assert found, content
        assert found[0].date is None, (content, found[0].cue, found[0].date)


def test_an_occasion_too_far_back_or_after_the_statement_dates_nothing(read):
    statements = read(
        "Estonia and Finland are racing to protect the cables under the Baltic Sea after a series of "
        "breaks.\n\n"
        "Prime Minister Kristen Michal met Finnish President Alexander Stubb in Tallinn on Saturday.\n\n"
        "The two discussed energy links across the Gulf of Finland.\n\n"
        "Trade between the two countries has grown by a third since 2020.\n\n"
        "Estonia's grid operator plans a third undersea cable.\n\n"
        "Michal said the cable would be built by 2030.\n\n"
        "Stubb warned that sabotage at sea remained the main risk. On Sunday, Stubb visited the "
        "navy's base in Upinniemi.\n")
    assert by_cue(statements, "said").date is None  # four sentences after the meeting
    assert by_cue(statements, "warned").date is None  # the next visit comes after the warning


UN_MEETING = (
    "SC/16284\n11 FEBRUARY 2026\n\n"
    "Security Council Hears Calls for Ceasefire in El Fasher\n\n"
    "The Security Council met today to consider the situation in Sudan, hearing a briefing by the "
    "Under-Secretary-General for Humanitarian Affairs before members took the floor.\n\n"
    "Briefing the Council, the Under-Secretary-General said that more than 400,000 civilians remain "
    "trapped in and around El Fasher. She urged both parties to open the Adre crossing without delay.\n\n"
    "The representative of France said his country was appalled by reports of mass killings. If the "
    "Rapid Support Forces continue to block convoys, France will push for targeted sanctions, he warned.\n\n"
    "China's representative stressed that the sovereignty of Sudan must be respected.\n\n"
    "Sudan's ambassador has long accused the Rapid Support Forces of war crimes.\n")


def test_the_storys_occasion_dates_whoever_speaks_at_it(read):
    """A report of a meeting: the lead dates the meeting ("met today"), and the briefer and the
    delegates speak at it, though none is named in the lead; a habit stays undated."""
    statements = read(UN_MEETING, header="date 2026-02-11\n\n", published=date(2026, 2, 11))
    for cue in ("said that more", "urged", "said his country", "warned", "stressed"):
        found = [s for s in statements if (s.cue + " " + s.content).startswith(cue) or s.cue == cue]
        assert found and found[0].date == date(2026, 2, 11), (cue, found and found[0].date)
    assert all(s.date is None for s in statements if "long" in s.cue)


def test_a_lead_that_tells_no_occasion_dates_nothing(read):
    """The worked example's shape: the lead dates an article, not a meeting, so a warning told
    later without a day stays undated."""
    statements = read(
        "The United States must withdraw from NATO if the alliance sends troops to Ukraine, US Senator "
        "Mike Lee indicated in an article for the magazine on March 1.\n\n"
        "Russian President Vladimir Putin warned of tragic consequences if NATO troops were sent to "
        "Ukraine. He emphasized that Russia has weapons that can hit targets in the alliance's "
        "countries.\n")
    assert by_cue(statements, "indicated").date == SUNDAY
    assert by_cue(statements, "warned").date is None and by_cue(statements, "emphasized").date is None


def test_the_same_actor_named_otherwise_keeps_the_date(read):
    """Rule 2 after the actors stage: "The Ministry" is the ministry that spoke on Saturday (and
    resolves to it), and a pair's dated statement is each member's last one."""
    statements = read(
        "Armenia's Ministry of Foreign Affairs said on Saturday that Azerbaijani forces had opened fire "
        "on the village of Sotk.\n\n"
        "The Ministry demands that the Azerbaijani side immediately cease its provocations.\n\n"
        "Malaysian Prime Minister Anwar Ibrahim and Indonesian President Prabowo Subianto said on "
        "Sunday that the Security Council must act on Gaza.\n\n"
        "Prabowo said Indonesia was prepared to deploy peacekeepers to the enclave.\n")
    ministry = by_cue(statements, "demands")
    assert ministry.date == SATURDAY and ministry.speaker.actor_id == by_cue(statements, "said").speaker.actor_id
    prabowo = [s for s in statements if s.content.startswith("Indonesia was prepared")]
    assert prabowo and prabowo[0].date == SUNDAY and prabowo[0].date_basis == "inherited"


def test_a_lead_said_at_a_press_conference_dates_only_its_speaker(read):
    """The lead's occasion is its own speaker's ("said on Saturday at a press conference"): a
    minister of another country quoted later, in an interview, and Moscow's reply were not
    there; the speaker's next words are."""
    statements = read(
        "Estonia will board tankers that cross its waters without valid insurance if another undersea "
        "cable is damaged, Defence Minister Kadri Tamsalu said on Saturday at a press conference in "
        "Tallinn.\n\n"
        "The minister said that the navy had tracked the tanker for six hours before the cable failed.\n\n"
        "Finnish Foreign Minister Aino Rautio said in an interview with a Helsinki daily that Finland "
        "was studying joint patrols with Estonia.\n\n"
        "Moscow rejected the accusations.\n")
    assert by_cue(statements, "said").date == SATURDAY
    rautio = [s for s in statements if s.content.removeprefix("that ").startswith("Finland was studying")]
    assert rautio and rautio[0].date is None
    assert by_cue(statements, "rejected").date is None
