"""Issue 5: the shipped models load offline, are checked by checksum, and the accurate
variant tags real text coherently (worked example and sentences written here)."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from newsledger import resources
from newsledger.model import Article
from newsledger.nlp.learned.component import tidy
from newsledger.nlp.pipeline import Analyzer

from newsledger.sources import read_paths

EXAMPLE = ("data", "examples", "2024-03-10-nato-red-line.txt")


@pytest.fixture(scope="module")
def accurate():
    return Analyzer("accurate")


def _article(text: str, published: date = date(2024, 3, 10)) -> Article:
    return Article(text=text, published=published, outlet="Test Daily")


def test_every_shipped_model_passes_its_checksum():
    entries = resources.manifest()
    assert {"attribution-accurate", "sentence-encoder"} <= set(entries)
    for name, entry in entries.items():
        path = resources.model_file(name)
        assert path.stat().st_size == entry["bytes"], name


@pytest.fixture()
def models_copy(tmp_path, monkeypatch):
    """A private copy of the models folder, so damage done here stays here."""
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(resources.MANIFEST, folder / "MANIFEST.json")
    shutil.copy(resources.model_file("sentence-encoder.tokenizer"), folder)
    monkeypatch.setattr(resources, "MODELS_DIR", folder)
    monkeypatch.setattr(resources, "MANIFEST", folder / "MANIFEST.json")
    resources.model_file.cache_clear()
    yield folder
    resources.model_file.cache_clear()


def test_a_damaged_model_file_is_a_clear_error_saying_how_to_fix_it(models_copy):
    name = "sentence-encoder.tokenizer"
    assert resources.model_file(name).parent == models_copy
    resources.model_file.cache_clear()
    path = models_copy / resources.model_info(name)["file"]
    path.write_bytes(path.read_bytes()[:-100])  # a truncated copy
    with pytest.raises(resources.ModelFileError, match="damaged.*reinstall"):
        resources.model_file(name)


def test_a_missing_model_file_is_a_clear_error(models_copy):
    with pytest.raises(resources.ModelFileError, match="missing.*reinstall"):
        resources.model_file("attribution-accurate")  # its file was not copied
    with pytest.raises(resources.ModelFileError, match="no shipped model named 'nope'"):
        resources.model_file("nope")
    assert json.loads((models_copy / "MANIFEST.json").read_text())  # nothing rewritten


def test_accurate_variant_tags_the_worked_example(accurate, shared_path):
    article = next(iter(read_paths([str(shared_path(*EXAMPLE))])))
    text = article.text
    found = accurate.analyze(article)
    by_cue = {}
    for statement in found:
        assert text[statement.cue_span[0]:statement.cue_span[1]] == statement.cue
        for start, end in statement.content_spans:
            assert 0 <= start < end <= len(text)
        by_cue.setdefault(statement.cue, []).append(statement)
    threat = next(s for s in found if "withdraw from NATO" in s.content and s.condition)
    assert threat.speaker.name == "Mike Lee" and threat.act == "threat"
    assert "troops" in threat.condition.text
    warning = next(s for s in found if s.cue.startswith("warned"))
    assert warning.speaker.name == "Vladimir Putin" and warning.act == "warning"
    assert warning.condition is not None and "NATO troops" in warning.condition.text
    denial = next(s for s in found if s.cue == "was denied")
    assert "countries" in denial.speaker.text  # the rules' agent, not the next sentence's name
    assert any(s.speaker and s.speaker.name == "Politico" and s.act == "report" for s in found)
    assert all(s.extra.get("rule") for s in found)


def test_accurate_variant_is_deterministic_and_keeps_cues_clean(accurate):
    text = ("The foreign minister said on Tuesday that the talks in Vienna had failed. "
            "Senator Ann Hale warned of new sanctions if the ships entered the strait. "
            "“We will not back down,” the general told reporters.")
    first = accurate.analyze(_article(text, date(2024, 5, 2)))
    second = accurate.analyze(_article(text, date(2024, 5, 2)))
    assert [s.record(_article(text)) for s in first] == [s.record(_article(text)) for s in second]
    cues = {s.cue for s in first}
    assert "said" in cues and not any("Tuesday" in c or c.endswith(" on") for c in cues)
    warned = next(s for s in first if s.cue.startswith("warned"))
    assert warned.condition is not None and "strait" in warned.condition.text
    assert any(s.quote == "direct" and "back down" in s.content for s in first)


def test_tidy_drops_contents_of_function_words_only(accurate):
    text = "The start of which was announced by the President on Monday."
    doc = accurate.nlp(text)
    from newsledger.model import Statement

    garbage = Statement(cue="was announced", cue_span=(text.index("was"), text.index(" by")),
                        content="The", content_spans=[(0, 3)])
    assert tidy(garbage, doc) is None


def test_tagger_threads_come_from_the_environment_when_not_given(monkeypatch):
    """``NEWSLEDGER_TAGGER_THREADS`` sets the accurate tagger's ONNX Runtime threads (for
    a benchmark or a shared machine); a value that is not a number is a clear error."""
    from newsledger.nlp.learned.runtime import OnnxTagger

    monkeypatch.setenv("NEWSLEDGER_TAGGER_THREADS", "1")
    tagger = OnnxTagger()
    assert tagger.session.get_session_options().intra_op_num_threads == 1
    monkeypatch.setenv("NEWSLEDGER_TAGGER_THREADS", "two")
    with pytest.raises(ValueError, match="NEWSLEDGER_TAGGER_THREADS must be a whole number"):
        OnnxTagger()
    assert OnnxTagger(threads=2).session.get_session_options().intra_op_num_threads == 2
