"""Titles and roles: canonical spellings, the functions they stand for, and their rank.

``canonical_title("defence minister")`` -> "Defense Minister"; ``role_functions``
says what a role is across countries (a German "Chancellor" and a British "Prime
Minister" are both ``head_of_government``; the US "Secretary of State" is a
``foreign_minister``).
"""

from __future__ import annotations

from typing import Any

from newsledger.actors.names import normalize

# canonical title -> spellings (normalised); the canonical one is included automatically.
TITLE_VARIANTS: dict[str, list[str]] = {
    "President": ["pres"],
    "Vice President": ["vice president", "vp", "veep"],
    "Prime Minister": ["pm", "prime minster"],
    "Deputy Prime Minister": ["deputy pm", "vice premier", "first deputy prime minister"],
    "Premier": [],
    "Chancellor": [],
    "Foreign Minister": [
        "minister of foreign affairs", "foreign affairs minister", "minister for foreign affairs",
        "foreign affairs secretary", "top diplomat", "chief diplomat", "minister for europe and foreign affairs",
    ],
    "Foreign Secretary": [],
    "External Affairs Minister": ["minister of external affairs", "minister for external affairs"],
    "Secretary of State": [],
    "Defense Minister": ["defence minister", "minister of defence", "minister of defense", "minister for defence"],
    **{f"{area} Minister": [f"minister of {area.lower()}", f"minister for {area.lower()}"]
       for area in ("Finance", "Interior", "Economy", "Trade", "Energy", "Justice", "Health", "Education",
                    "Agriculture", "Environment", "Transport", "Labour")},
    "Secretary of Defense": ["defense secretary", "defence secretary", "pentagon chief", "secretary of war", "war secretary"],
    "Attorney General": ["ag"],
    "Secretary General": ["secretary general", "sec gen", "general secretary"],
    "Director General": ["director general"],
    "Director": [],
    "Managing Director": [],
    "High Representative": ["foreign policy chief", "high representative for foreign affairs and security policy"],
    "Senator": ["sen", "senator elect"],
    "Representative": ["rep", "congressman", "congresswoman", "member of congress", "congressmember"],
    "Governor": ["gov"],
    "Mayor": [],
    "Speaker": ["house speaker"],
    "Majority Leader": [],
    "Minority Leader": [],
    "Chair": ["chairman", "chairwoman", "chairperson", "chairs"],
    "Press Secretary": [],
    "Spokesperson": ["spokesman", "spokeswoman", "spokesperson", "spokespeople"],
    "Chief of Staff": [],
    "Campaign Manager": [],
    "Campaign Chair": ["campaign chairman", "campaign chairwoman"],
    "Counselor": ["counsellor", "counselor to the president"],
    "Chief Strategist": [],
    "National Security Adviser": ["national security advisor"],
    "Ambassador": ["envoy"],
    "King": [],
    "Queen": [],
    "Emperor": [],
    "Emir": ["amir"],
    "Crown Prince": [],
    "Grand Duke": [],
    "Pope": ["pontiff"],
    "Supreme Leader": [],
    "Presidential candidate": [
        "presidential nominee", "presidential hopeful", "presidential contender", "candidate", "nominee",
        "presidential frontrunner", "front runner", "frontrunner",
    ],
    "Vice-presidential candidate": ["vice presidential candidate", "vice presidential nominee", "running mate"],
    "President-elect": ["president elect"],
    "Chief Justice": [],
    "Justice": ["supreme court justice", "associate justice"],
    "Special Counsel": [],
    "General": ["gen", "lieutenant general", "lt gen", "major general", "maj gen", "brigadier general"],
    "Admiral": ["adm", "vice admiral", "rear admiral"],
    "Judge": ["district judge", "federal judge", "circuit judge", "magistrate judge", "district court judge"],
    "Prosecutor": ["federal prosecutor", "public prosecutor", "state prosecutor"],
    "Leader": [],
    "Commander-in-Chief": ["commander in chief"],
    "Chief of the General Staff": ["chief of general staff", "chief of the general staff"],
    "Secretary": [],
    "Minister": [],
}

# Titles that name the same function in different countries, for ``holder``.
FUNCTION_OF_TITLE: dict[str, str] = {
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "external affairs minister": "foreign_minister",
    "prime minister": "head_of_government",
    "chancellor": "head_of_government",
    "premier": "head_of_government",
    "head of government": "head_of_government",
    "head of state": "head_of_state",
    "defense minister": "defense_minister",
    "secretary of defense": "defense_minister",
}
_HEAD_OF_STATE_TITLES = {"president", "king", "queen", "emperor", "emir", "grand duke", "pope",
                         "supreme leader", "acting president"}
_HEAD_OF_GOVERNMENT_TITLES = {"prime minister", "chancellor", "premier"}
# Which role counts first when several are in force (``role_on``).
_TITLE_RANK = {
    "president": 0, "king": 0, "queen": 0, "emperor": 0, "emir": 0, "pope": 0, "grand duke": 0,
    "supreme leader": 0, "prime minister": 1, "chancellor": 1, "premier": 1, "secretary general": 1,
    "acting president": 1, "president-elect": 2, "vice president": 2, "foreign minister": 2,
    "foreign secretary": 2, "secretary of state": 2, "external affairs minister": 2,
    "high representative": 2, "speaker": 2, "majority leader": 2, "minority leader": 3,
    "presidential candidate": 5, "vice-presidential candidate": 5,
}
_FILLER = frozenset("the a an former then current acting new outgoing incoming late of s".split())


def _build_title_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, variants in TITLE_VARIANTS.items():
        for v in [canonical, *variants]:
            index[normalize(v)] = canonical
    return index


_TITLE_INDEX = _build_title_index()
_MAX_TITLE_WORDS = max(len(k.split()) for k in _TITLE_INDEX)


def canonical_title(title: str) -> str:
    """'chairman' -> 'Chair', 'defence minister' -> 'Defense Minister'; unknown titles come back as given."""
    return _TITLE_INDEX.get(normalize(title), title.strip())


def role_functions(role: dict[str, Any]) -> set[str]:
    """What a role is, across countries: head_of_state, head_of_government, foreign_minister, ..."""
    if role.get("functions"):
        return set(role["functions"])
    title = normalize(role.get("title", ""))
    out = set()
    if role.get("organization") is None and role.get("country"):
        if title in _HEAD_OF_STATE_TITLES:
            out.add("head_of_state")
        if title in _HEAD_OF_GOVERNMENT_TITLES:
            out.add("head_of_government")
        if title == "secretary of state" and role.get("country") == "USA":
            out.add("foreign_minister")
    fn = FUNCTION_OF_TITLE.get(title)
    if fn and fn not in ("head_of_government", "head_of_state"):
        out.add(fn)
    return out


def role_titled(roles: list[dict[str, Any]], title: str) -> dict[str, Any] | None:
    """The first of ``roles`` with ``title`` (canonical titles compared: "Sen." is "Senator")."""
    want = normalize(canonical_title(title))
    return next((r for r in roles if normalize(canonical_title(r.get("title", ""))) == want), None)
