"""Giving up a demand is a change of position (analysis/stance.py): "West African leaders
demanded that … Bazoum be returned to power" in July, then "West African leaders dropped their
demand that … Bazoum be returned to power" in December is a reversal, and "dropped his objection"
backs what was objected to. The articles are fictional, in the wires' style; they go through the
real pipeline, the ledger and the positions stage."""

from __future__ import annotations

import pytest

from newsledger.analysis.positions import position_changes, update_positions
from newsledger.analysis.stance import stance
from newsledger.ingest import ingest
from newsledger.store import Ledger

JULY = """date 2023-07-31

ABUJA (Reuters) - West African leaders demanded on Sunday that Niger's ousted president Mohamed Bazoum be returned to power within a week.
"""
DECEMBER = """date 2023-12-11

ABUJA (Reuters) - West African leaders on Sunday dropped their demand that Niger's ousted president Mohamed Bazoum be returned to power.
"""


def test_a_dropped_demand_reverses_the_demand(analyzer, tmp_path):
    folder = tmp_path / "niger"
    folder.mkdir()
    (folder / "reuters_2023-07-31_ultimatum.txt").write_text(JULY, encoding="utf-8")
    (folder / "reuters_2023-12-11_talks.txt").write_text(DECEMBER, encoding="utf-8")
    with Ledger(tmp_path / "ledger.db") as ledger:
        ingest([str(folder)], ledger, analyzer)
        update_positions(ledger)
        changes = position_changes(ledger)
    assert [(c["from"], c["to"], c["kind"]) for c in changes] == [("for", "against", "reversal")]
    assert changes[0]["after"]["cue"].startswith("dropped")


@pytest.mark.parametrize("cue, act, expected", [
    ("dropped their demand", "demand", "against"),
    ("abandoned its call for", "demand", "against"),
    ("withdrew its support for", "claim", "against"),
    ("has dropped his objection to", "claim", "for"),
    ("demanded", "demand", "for"),
])
def test_the_stance_of_giving_something_up(cue, act, expected):
    assert stance({"cue": cue, "act": act, "content": "that the ousted president be returned to power"})[0] == expected
