"""A family name put first, after a title the entity recogniser took into the name: "TAO
spokesperson Chen Binhua told a press conference … 'Those who cling …,' Chen said" is Chen Binhua
both times (nlp/entity_names.py), not a second person called "Chen". Fictional, in Focus
Taiwan's and Yonhap's styles; statements from the real pipeline, resolved as ``newsledger ingest``
does, with both the default and the rules variant."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("first, again, full", [
    ("TAO spokesperson Chen Binhua", "Chen", "Chen Binhua"),
    ("KCNA commentator Ri Son Gwon", "Ri", "Ri Son Gwon"),
])
def test_a_family_name_alone_is_the_person_named_with_a_title_before(read, first, again, full):
    statements = read(
        f"On Wednesday, {first} told a press conference that the six people would be barred from "
        f"entering the country.\n\n"
        f'"Those who stubbornly cling to independence will be punished," {again} said.\n')
    names = {s.speaker.name for s in statements if s.speaker is not None}
    assert names == {full}, names
