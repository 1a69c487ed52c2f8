"""Bring every derived analysis up to date with the statements in a ledger.

``refresh(ledger)`` runs, in order, the incremental updates of the analysis stage:
red lines (:func:`newsledger.analysis.redlines.update_redlines`), positions
(:func:`newsledger.analysis.positions.update_positions`) and outlet voice
(:func:`newsledger.analysis.outlet_voice.update_outlet_voice`). Each one reads only
what it has not seen before and writes in its own transaction, so a refresh after a
small ingest is cheap and running it twice changes nothing. Story links are not made
here: ``ingest`` links each batch as it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _steps() -> dict[str, Callable[[Any], Any]]:
    # Imported when called: the sentence encoder behind them loads only if needed.
    from .outlet_voice import update_outlet_voice
    from .positions import update_positions
    from .redlines import update_redlines

    return {"red lines": update_redlines, "positions": update_positions,
            "outlet voice": update_outlet_voice}


def refresh(ledger: Any, on_step: Callable[[str, Any], None] | None = None) -> dict[str, Any]:
    """Run every analysis update on ``ledger``; returns each step's summary by name."""
    done = {}
    for name, update in _steps().items():
        done[name] = update(ledger)
        if on_step:
            on_step(name, done[name])
    return done
