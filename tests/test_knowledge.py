"""Tests of the actors knowledge base (newsledger.actors.knowledge and the kb/*.json files).

No spaCy here: the knowledge base is plain data with dict look-ups.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from newsledger.actors import knowledge
from newsledger.actors.kb_entries import KBEntry
from newsledger.actors.knowledge import KB_FILES, load_kb
from newsledger.actors.names import normalize, parse_date, slug
from newsledger.actors.titles import canonical_title, role_functions

KB_DIR = Path(knowledge.__file__).with_name("kb")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def documents():
    base = resources.files("newsledger.actors").joinpath("kb")
    return {name: json.loads(base.joinpath(name).read_text(encoding="utf-8")) for name in KB_FILES}


# --------------------------------------------------------------------------- the data


def test_every_entry_names_its_source_and_ids_are_unique():
    ids = []
    for name, doc in documents().items():
        assert doc["_meta"].get("source"), name
        for entry in doc["entries"]:
            assert entry.get("source"), f"{name}: {entry['id']} has no source"
            assert entry["kind"] in ("person", "organization", "country", "media", "group", "place"), entry["id"]
            ids.append(entry["id"])
    assert len(ids) == len(set(ids))


def test_people_roles_are_well_formed():
    orgs = {e["id"] for e in documents()["organizations.json"]["entries"]}
    for person in documents()["people.json"]["entries"]:
        assert person["id"] == "person:" + slug(person["name"]).replace("ı", "i"), person["id"]
        assert person["roles"], person["id"]
        for role in person["roles"]:
            where = f"{person['id']} {role}"
            assert role["title"], where
            assert role["country"] or role["organization"], where
            if role["country"]:
                assert pycountry.countries.get(alpha_3=role["country"]) is not None, where
            if role["organization"]:
                assert role["organization"] in orgs, where
            start, until = parse_date(role.get("from")), parse_date(role.get("until"), end=True)
            assert start is not None, where
            assert until is None or start < until, where


def test_people_json_is_what_its_build_script_makes():
    from newsledger.actors.kb import build_people

    assert build_people.build()["entries"] == documents()["people.json"]["entries"]


def test_uncertain_dates_are_marked():
    roles = [r for p in documents()["people.json"]["entries"] for r in p["roles"]]
    assert any(r.get("uncertain") for r in roles)
    assert all(r.get("uncertain") in (None, True) for r in roles)


# Function titles that must have exactly one holder on the first of every month.
COVERAGE = [
    ("President", "USA"), ("Secretary of State", "USA"),
    ("President", "RUS"), ("Prime Minister", "RUS"), ("Foreign Minister", "RUS"),
    ("President", "UKR"), ("Prime Minister", "UKR"), ("Foreign Minister", "UKR"),
    ("President", "FRA"), ("Prime Minister", "FRA"), ("Foreign Minister", "FRA"),
    ("President", "DEU"), ("Chancellor", "DEU"), ("Foreign Minister", "DEU"),
    ("Prime Minister", "GBR"), ("Foreign Secretary", "GBR"),
    ("President", "CHN"), ("Premier", "CHN"), ("Foreign Minister", "CHN"),
    ("President", "TUR"), ("Foreign Minister", "TUR"),
    ("President", "POL"), ("Prime Minister", "POL"), ("Foreign Minister", "POL"),
    ("President", "ITA"), ("Prime Minister", "ITA"), ("Foreign Minister", "ITA"),
    ("Prime Minister", "CAN"), ("Foreign Minister", "CAN"),
    ("Prime Minister", "JPN"), ("Foreign Minister", "JPN"),
    ("President", "IND"), ("Prime Minister", "IND"), ("External Affairs Minister", "IND"),
]


@pytest.mark.parametrize("title,country", COVERAGE)
def test_heads_and_foreign_ministers_are_covered_since_2014(kb, title, country):
    gaps = []
    for year in range(2014, 2026):
        for month in range(1, 13):
            on = date(year, month, 1)
            if on < date(2014, 3, 1) or on > date(2025, 6, 1):
                continue
            if kb.holder(title, country, on=on) is None:
                gaps.append(on.isoformat())
    assert not gaps, f"{title} of {country}: nobody (or several) on {gaps[:5]}"


@pytest.mark.parametrize("org", ["NATO", "UN"])
def test_secretaries_general_are_covered_since_2014(kb, org):
    for year in range(2014, 2026):
        assert kb.holder("Secretary General", organization=org, on=date(year, 6, 1)) is not None, (org, year)


@pytest.mark.parametrize("title,country,org,on,expected", [
    ("President", "RUS", None, date(2022, 5, 1), "Vladimir Putin"),
    ("President", "USA", None, date(2016, 5, 1), "Barack Obama"),
    ("President", "USA", None, date(2018, 5, 1), "Donald Trump"),
    ("President", "USA", None, date(2024, 5, 1), "Joe Biden"),
    ("President", "USA", None, date(2017, 1, 20), "Donald Trump"),  # hand-over day: the successor
    ("President", "USA", None, date(2017, 1, 19), "Barack Obama"),
    ("Prime Minister", "GBR", None, date(2017, 6, 1), "Theresa May"),
    ("Chancellor", "DEU", None, date(2023, 1, 1), "Olaf Scholz"),
    ("Prime Minister", "DEU", None, date(2016, 1, 1), "Angela Merkel"),      # function -> Chancellor
    ("Foreign Minister", "USA", None, date(2019, 1, 1), "Mike Pompeo"),      # -> Secretary of State
    ("Foreign Minister", "IND", None, date(2020, 1, 1), "Subrahmanyam Jaishankar"),
    ("President", "UKR", None, date(2014, 4, 1), "Oleksandr Turchynov"),     # acting, nobody else
    ("Secretary General", None, "NATO", date(2024, 3, 10), "Jens Stoltenberg"),
    ("Secretary General", None, "NATO", date(2025, 1, 1), "Mark Rutte"),
    ("Secretary General", None, "UN", date(2016, 6, 1), "Ban Ki-moon"),
    ("President", None, "European Commission", date(2020, 6, 1), "Ursula von der Leyen"),
    ("High Representative", None, "EU", date(2022, 6, 1), "Josep Borrell"),
])
def test_holder_by_date(kb, title, country, org, on, expected):
    assert kb.holder(title, country, org, on=on).name == expected


def test_several_holders_give_none(kb):
    assert kb.holder("Senator", "USA", on=date(2016, 5, 1)) is None
    assert len(kb.holders("Senator", "USA", on=date(2016, 5, 1))) > 3


@pytest.mark.parametrize("phrase,expected", [
    ("the Russian President", ("President", "RUS", None)),
    ("the US president", ("President", "USA", None)),
    ("US Senator", ("Senator", "USA", None)),
    ("NATO Secretary General", ("Secretary General", None, "org:nato")),
    ("French President", ("President", "FRA", None)),
    ("President of France", ("President", "FRA", None)),
    ("the German chancellor", ("Chancellor", "DEU", None)),
    ("U.N. Secretary-General", ("Secretary General", None, "org:un")),
    ("the British foreign secretary", ("Foreign Secretary", "GBR", None)),
    ("the politician", None),
])
def test_parse_title(kb, phrase, expected):
    assert kb.parse_title(phrase) == expected


@pytest.mark.parametrize("name,kind,entry_id", [
    ("Kyiv", "country", "country:UKR"),          # tagged PERSON by the recogniser in the example
    ("Kiev", "country", "country:UKR"),
    ("Politico", "media", "media:politico"),     # tagged PERSON in the example
    ("Donbass", "place", "place:donbas"),        # tagged PERSON in the example
    ("the Kremlin", "organization", "org:kremlin"),
    ("Washington", "country", "country:USA"),
    ("Moscow", "country", "country:RUS"),
    ("Beijing", "country", "country:CHN"),
    ("the USA", "country", "country:USA"),
    ("U.S.", "country", "country:USA"),
    ("Reuters", "media", "media:reuters"),
    ("the North Atlantic Alliance", "organization", "org:nato"),
    ("Recep Tayyip Erdogan", "person", "person:recep-tayyip-erdogan"),
    ("Volodymyr Zelenskyy", "person", "person:volodymyr-zelensky"),
])
def test_lookup(kb, name, kind, entry_id):
    entry = kb.lookup(name)
    assert entry is not None and (entry.id, entry.kind) == (entry_id, kind)


def test_lookup_rules(kb):
    assert kb.lookup("us") is None                    # the pronoun is not the country
    assert kb.lookup("Putin") is None                 # surnames only when asked for
    assert kb.lookup("Putin", allow_surnames=True).name == "Vladimir Putin"
    assert kb.lookup("Clinton", allow_surnames=True, on=date(2016, 6, 1)).name == "Hillary Clinton"
    assert kb.lookup("Brussels").id == "org:eu"      # default of the context metonym
    assert kb.lookup("Brussels", context_ids={"org:nato"}).id == "org:nato"
    assert kb.lookup("the alliance") is None
    assert kb.lookup("the alliance", context_ids={"org:nato"}).id == "org:nato"


def test_roles_on(kb):
    role = kb.role_on("person:jens-stoltenberg", date(2024, 3, 10))
    assert (role["title"], role["organization"]) == ("Secretary General", "org:nato")
    assert kb.role_on("person:jens-stoltenberg", date(2014, 1, 1)) is None
    role = kb.role_on("person:mike-lee", date(2024, 3, 10))
    assert (role["title"], role["country"], role["region"]) == ("Senator", "USA", "Utah")


def test_title_holders_current_and_former(kb):
    senators = {e.name for e, _role in kb.title_holders("senator", on=date(2016, 9, 26))}
    assert {"Ted Cruz", "Bernie Sanders", "Lindsey Graham"} <= senators
    assert "Hillary Clinton" not in senators and "Barack Obama" not in senators
    former = {e.name for e, _role in kb.title_holders("Senator", on=date(2016, 9, 26), former=True)}
    assert {"Hillary Clinton", "Barack Obama"} <= former
    assert not former & senators                        # a sitting senator is not a former one
    before_her_term = kb.title_holders("Senator", on=date(2000, 1, 1), former=True)
    assert "Hillary Clinton" not in {e.name for e, _role in before_her_term}


def test_context_entries_and_the_veterans_department(kb):
    assert {"org:trump-campaign", "org:clinton-campaign"} <= {e.id for e in kb.context_entries("the campaign")}
    assert {"org:cbo", "org:va"} <= {e.id for e in kb.context_entries("The agency")}
    assert kb.lookup("VA").id == "org:va"
    assert kb.lookup("Va.") is None                     # Virginia's abbreviation, not the department
    assert kb.lookup("Department of Veterans Affairs").id == "org:va"


def test_countries_and_demonyms(kb):
    assert kb.country("RU").name == "Russia"
    assert kb.country("Ukrainian").alpha3 == "UKR"
    assert kb.demonym("the French").alpha3 == "FRA"
    assert kb.demonym("Britons").alpha3 == "GBR"


def test_names_and_titles():
    assert normalize("the U.S.") == "the us"
    assert normalize("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert slug("Jens Stoltenberg") == "jens-stoltenberg"
    assert parse_date("2014-10", end=True) == date(2014, 11, 1)
    assert canonical_title("defence minister") == "Defense Minister"
    assert role_functions({"title": "Secretary of State", "country": "USA"}) == {"foreign_minister"}
    assert role_functions({"title": "Chancellor", "country": "DEU"}) == {"head_of_government"}


def test_entries_are_hashable_by_identity(kb):
    entry = kb.get("org:nato")
    assert isinstance(entry, KBEntry)
    assert {entry: 1}[entry] == 1


def test_actor_modules_stay_small():
    folder = Path(knowledge.__file__).parent
    for path in folder.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 420, path.name
