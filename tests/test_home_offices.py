"""A government office the text gives no country is the country the story was filed from, as wire
copy writes its own country's ministers (actors/shared_names.py): "PUTRAJAYA, Feb 11 (Bernama) --
Prime Minister Anwar Ibrahim said …" is Malaysia's prime minister, though the knowledge base does
not know him. The articles are fictional, in the agencies' styles; statements come from the real
pipeline, resolved as ``newsledger ingest`` does, with both the default and the rules variant."""

from __future__ import annotations

import pytest

from ledger_support import by_cue


@pytest.mark.parametrize("dateline, speaker, country", [
    ("PUTRAJAYA, Feb 28 (Bernama) --", "Prime Minister Anwar Ibrahim", "MYS"),
    ("ABUJA, Feb 28 (Reuters) -", "President Bola Tinubu", "NGA"),
    ("CANBERRA, Feb 28 (AAP) -", "Defence Minister Richard Marles", "AUS"),
])
def test_a_minister_without_a_country_is_the_datelines(read, dateline, speaker, country):
    statements = read(f"{dateline} {speaker} said on Saturday that the government would raise "
                      "spending on the navy.\n")
    found = by_cue(statements, "said")
    assert found.speaker.country == country, (speaker, found.speaker)


def test_a_country_the_words_give_wins_over_the_dateline(read):
    statements = read("PUTRAJAYA, Feb 28 (Bernama) -- Indonesian President Prabowo Subianto said on "
                      "Saturday that Jakarta would send peacekeepers to Gaza.\n\n"
                      "PUTRAJAYA, Feb 28 (Bernama) -- Opposition leader Hamzah Zainudin said the "
                      "budget would fail.\n")
    assert by_cue(statements, "said").speaker.country == "IDN"
    hamzah = [s for s in statements if s.speaker and "Hamzah" in (s.speaker.name or "")]
    assert hamzah and hamzah[0].speaker.country is None  # an opposition leader holds no office of state
