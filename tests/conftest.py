"""Fixtures shared by newsledger's tests.

The shared data folder
    ``SHARED`` is ``../shared`` beside the repository (the worked example, PolNeAR).
    A test that needs it either

    - takes the ``shared`` fixture (the folder), or the ``shared_path`` fixture and calls
      ``shared_path("data", "examples", "2024-03-10-nato-red-line.txt")`` for a path
      inside it, or
    - is marked ``@pytest.mark.shared`` (or ``@pytest.mark.shared("data", "polnear")``).

    When the folder or file is absent the test is skipped with a clear reason, except
    when the environment has ``CI=true``: there it fails, so CI never passes by skipping.

The pipeline
    ``analyzer`` is one ``newsledger.nlp.pipeline.Analyzer`` for the whole session,
    because loading spaCy takes seconds.

Hypothesis profiles
    ``quick`` (the default, and what CI runs): few examples per property, the same on every
    run (derandomized), no deadline.
    ``long`` (by hand: ``NEWSLEDGER_HYPOTHESIS=long python -m pytest tests/test_hostile_readers.py``):
    10,000 examples per property. See RELIABILITY.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

HYPOTHESIS_PROFILE = os.environ.get("NEWSLEDGER_HYPOTHESIS", "quick").strip().lower() or "quick"
# quick: the same examples on every run (derandomize), so CI is reproducible; long explores.
settings.register_profile("quick", max_examples=40, deadline=None, print_blob=True, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=10_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(HYPOTHESIS_PROFILE)  # an unknown name fails here, loudly

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_MISSING = "../shared not found: worked example and PolNeAR tests need it beside the repo"


def in_ci() -> bool:
    """True when the environment says ``CI=true`` (any case)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def require_shared(*parts: str) -> Path:
    """``SHARED / parts``, or skip the calling test when it is absent (fail under CI=true)."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    if not SHARED.is_dir():
        reason = f"{SHARED_MISSING} (looked for {SHARED})"
    else:
        reason = f"{path} not found in ../shared"
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so missing shared data is a failure, not a skip",
                    pytrace=False)
    pytest.skip(reason)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "shared(*parts): the test needs ../shared (or the path inside it named by parts); "
        "skipped when absent, failed when CI=true",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers(name="shared"):
        require_shared(*marker.args)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the repository (skip, or fail under CI=true, when absent)."""
    return require_shared()


@pytest.fixture(scope="session")
def shared_path():
    """``require_shared`` as a fixture: ``shared_path("data", "polnear", "dev")``."""
    return require_shared


@pytest.fixture(scope="session")
def analyzer():
    """One full newsledger pipeline for the session (spaCy loads in seconds)."""
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def rules_analyzer():
    """The rules variant alone (``--model rules``): for tests of storage, concurrency and
    crashes, where what is stored matters and not which variant found it (the quickest)."""
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer("rules")


@pytest.fixture(params=["analyzer", "rules_analyzer"])
def read(request):
    """``read(body, header=…)``: the resolved statements of an article, as ``newsledger ingest``
    gives them (``ledger_support.ledger``), once with the default analyzer and once with the
    rules (``read.variant`` says which)."""
    from ledger_support import ledger

    analyzer = request.getfixturevalue(request.param)

    def read_article(body: str, **kwargs):
        return ledger(analyzer, body, **kwargs)

    read_article.variant = request.param
    return read_article
