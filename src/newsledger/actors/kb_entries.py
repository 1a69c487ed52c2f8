"""Knowledge-base entries and their aliases (the records behind ``KnowledgeBase``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from newsledger.actors.names import _letters, strip_the
from newsledger.model import Actor

@dataclass(eq=False)  # identity: entries are unique objects, used as dict keys
class KBEntry:
    """One knowledge-base entry (person, organization, country, media or group)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    country: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    surnames: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)

    @property
    def source(self) -> str | None:
        return self.raw.get("source")

    @property
    def parent(self) -> str | None:
        return self.raw.get("parent")

    @property
    def alpha3(self) -> str | None:
        return self.raw.get("alpha3")

    @property
    def demonyms(self) -> list[str]:
        return list(self.raw.get("demonyms", []))

    @property
    def metonyms(self) -> list[str]:
        return list(self.raw.get("metonyms", []))

    def to_actor(self) -> Actor:
        """The model's ``Actor`` for this entry (aliases include surnames and metonyms)."""
        aliases = [*self.aliases, *self.metonyms, *self.surnames]
        return Actor(id=self.id, name=self.name, kind=self.kind,
                     aliases=list(dict.fromkeys(aliases)), roles=[dict(r) for r in self.roles])


@dataclass(frozen=True)
class _Alias:
    entry: KBEntry
    written: str            # the alias as written in the JSON
    the_required: bool = False
    case_sensitive: bool = False

    def accepts(self, raw: str, had_the: bool) -> bool:
        if self.the_required and not had_the:
            return False
        if self.case_sensitive:
            return _letters(strip_the(raw)) == _letters(strip_the(self.written))
        return True


def _alias_items(values: Iterable[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for value in values or ():
        if isinstance(value, str):
            yield value, {}
        elif isinstance(value, dict) and value.get("alias"):
            yield value["alias"], value
        else:
            raise ValueError(f"bad alias {value!r}")

