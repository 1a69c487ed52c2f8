"""The writer's words at the edges of a statement: a headline's "as" clause of what goes on
meanwhile ("Pritzker threatens to sue | as Duffy sets deadline …") and a participle after a
condition ("unless the government makes an improved offer by the end of the month|, raising the
prospect of further disruption"). The articles are fictional, written in AP's and Reuters' styles;
the statements come from the real pipeline, resolved as ``newsledger ingest`` does."""

from __future__ import annotations

import pytest

from ledger_support import HEADLINE_FOLLOWS, ledger


@pytest.mark.parametrize("headline, cue, content", [
    ("Pritzker threatens to sue as Duffy sets deadline on Chicago transit funds", "threatens", "to sue"),
    ("Orban concedes defeat as Magyar's Tisza wins Hungarian election", "concedes", "defeat"),
])
def test_a_headlines_as_clause_is_the_writers(analyzer, headline, cue, content):
    body = f"{headline}\n\nCHICAGO (AP) — The dispute deepened on Monday.\n"
    found = [s for s in ledger(analyzer, body, header=HEADLINE_FOLLOWS) if s.cue == cue]
    assert found and found[0].content == content


def test_an_as_phrase_without_a_clause_stays(analyzer):
    body = "Kremlin brands sanctions as theft\n\nMOSCOW (Reuters) - The Kremlin spoke on Monday.\n"
    found = [s for s in ledger(analyzer, body, header=HEADLINE_FOLLOWS) if s.cue.startswith("brands")]
    assert not found or "theft" in found[0].content


@pytest.mark.parametrize("lead, ending", [
    ("LONDON, Feb 5 (Reuters) - The British Medical Association said on Thursday that resident doctors in "
     "England would walk out for five days in March unless the government makes an improved pay offer by the "
     "end of the month, raising the prospect of further disruption for the National Health Service.",
     "by the end of the month"),
    ("CHICAGO, Feb 10 (Reuters) - Illinois Governor JB Pritzker said on Tuesday the state would sue the Trump "
     "administration within days unless the U.S. Transportation Department releases $2.1 billion in frozen "
     "funding for Chicago's Red Line extension, escalating a standoff that has stalled the project.",
     "Red Line extension"),
])
def test_a_writers_participle_after_a_condition_is_no_part_of_it(analyzer, lead, ending):
    body = f"Strike and funding rows deepen\n\n{lead}\n"
    found = [s for s in ledger(analyzer, body, header=HEADLINE_FOLLOWS) if s.condition is not None][0]
    assert found.condition.text.endswith(ending)
