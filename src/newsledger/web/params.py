"""Statement filters as the web takes them: one set of names for the API and the pages.

``speaker`` (the search page labels it "actor": a name or mention, any part, any case),
``actor_id``, ``act``, ``outlet``, ``since``, ``until``, ``search`` (plain words, all must
occur), ``article_id``, ``conditional``; ``after`` (a statement id) and ``limit`` page.
The API declares them with types (FastAPI validates); the pages read them leniently from a
form (blank fields mean "no filter") and show what is wrong instead of failing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from newsledger.model import ACTS

PAGE_SIZE = 50
MAX_PAGE = 1000
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"0", "false", "off", "no"}


@dataclass
class StatementFilters:
    speaker: str | None = None
    actor_id: str | None = None
    act: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    article_id: str | None = None
    conditional: bool | None = None
    errors: list[str] = field(default_factory=list)

    def store_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Ledger.iter_statements``."""
        values = asdict(self)
        values.pop("errors")
        return values

    def query_items(self) -> list[tuple[str, str]]:
        """The filters that are set, as query-string pairs (for links that keep them)."""
        items = []
        for name, value in self.store_kwargs().items():
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            items.append((name, str(value)))
        return items

    def query_string(self, **extra: Any) -> str:
        items = self.query_items() + [(k, str(v)) for k, v in extra.items() if v is not None]
        return urlencode(items)

    @property
    def words(self) -> list[str]:
        from newsledger.store.search import words

        return words(self.search) if self.search else []


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _date(value: str | None, name: str, errors: list[str]) -> date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{name} {value!r} is not a date (use YYYY-MM-DD)")
        return None


def from_form(params: Any) -> StatementFilters:
    """Filters from a page's query parameters; problems go to ``errors``, never raised."""
    errors: list[str] = []
    act = _blank(params.get("act"))
    if act is not None and act not in ACTS:
        errors.append(f"act {act!r} is not one of {', '.join(ACTS)}")
        act = None
    conditional = _blank(params.get("conditional"))
    flag: bool | None = None
    if conditional is not None:
        if conditional.lower() in _TRUE:
            flag = True
        elif conditional.lower() in _FALSE:
            flag = False
        else:
            errors.append(f"conditional {conditional!r} is not yes or no")
    return StatementFilters(
        speaker=_blank(params.get("speaker")),
        actor_id=_blank(params.get("actor_id")),
        act=act,
        outlet=_blank(params.get("outlet")),
        since=_date(params.get("since"), "since", errors),
        until=_date(params.get("until"), "until", errors),
        search=_blank(params.get("search")),
        article_id=_blank(params.get("article_id")),
        conditional=flag,
        errors=errors,
    )


def page_limit(value: str | None, errors: list[str]) -> int:
    value = _blank(value)
    if value is None:
        return PAGE_SIZE
    try:
        limit = int(value)
    except ValueError:
        errors.append(f"limit {value!r} is not a number")
        return PAGE_SIZE
    if not 1 <= limit <= MAX_PAGE:
        errors.append(f"limit must be between 1 and {MAX_PAGE}")
        return PAGE_SIZE
    return limit
