"""Turn labels of transcripts and of a parliament's record (nlp/layout.py, nlp/speakers.py): a TV
transcript's "BLITZER:" is the "WOLF BLITZER, CNN ANCHOR:" of its first turn, and Hansard's
"Kemi Badenoch (North West Essex) (Con):" and "The Prime Minister (Keir Starmer):" name the
member, not the seat or the party. The transcripts are fictional, in CNN's and Hansard's styles;
statements come from the real pipeline, resolved as ``newsledger ingest`` does, with both the
default and the rules variant."""

from __future__ import annotations

TV = (
    "THE SITUATION ROOM WITH WOLF BLITZER\n\n"
    "WOLF BLITZER, CNN ANCHOR: Senator Bernie Sanders of Vermont joined me earlier this evening to "
    "discuss the funding deadline.\n\n"
    "BLITZER: Senator, the government runs out of money on Friday. Will you vote for the stopgap bill?\n\n"
    "SANDERS: No, I will not. This bill cuts Medicaid by $80 billion while it hands another tax break "
    "to billionaires.\n\n"
    "MARKETS: Stocks fell sharply on Monday after the jobs report.\n")

COMMONS = (
    "House of Commons\n\n"
    "Q1. Sarah Owen (Luton North) (Lab): Families in Luton are still waiting for the new hospital wing "
    "that was promised in 2019.\n\n"
    "The Prime Minister (Keir Starmer): I can confirm that the funding is secure and that construction "
    "will start in the spring.\n\n"
    "Kemi Badenoch (North West Essex) (Con): The Chancellor promised no new taxes on working people, "
    "and she broke that promise.\n")


def speakers_by_label(statements, text: str) -> dict[str, str | None]:
    return {text[s.speaker.span[0]:s.speaker.span[1]]: s.speaker.name
            for s in statements if s.cue == ":" and s.speaker is not None}


def test_a_tv_anchors_surname_label_is_the_anchor_named_in_the_first_turn(read):
    from ledger_support import PUBLISHED

    statements = read(TV)
    labels = speakers_by_label(statements, f"date {PUBLISHED.isoformat()}\n\n{TV}")
    assert labels.get("BLITZER") == "Wolf Blitzer"
    assert labels.get("SANDERS") == "Bernie Sanders"
    assert all(name is None or "Markets" not in name for name in labels.values())


def test_a_members_label_names_the_member_not_the_seat_or_party(read):
    from ledger_support import PUBLISHED

    statements = read(COMMONS)
    labels = speakers_by_label(statements, f"date {PUBLISHED.isoformat()}\n\n{COMMONS}")
    assert labels == {"Sarah Owen": "Sarah Owen", "Keir Starmer": "Keir Starmer",
                      "Kemi Badenoch": "Kemi Badenoch"}
    badenoch = [s for s in statements if s.cue == ":" and s.speaker.name == "Kemi Badenoch"]
    assert badenoch[0].content.startswith("The Chancellor promised")
