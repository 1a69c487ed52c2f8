"""Hostile input to the pipeline (issue 10, point 2): property-based tests (hypothesis).

Real news sentences with hostile characters sprinkled in (right-to-left text and marks,
zero-width characters, combining marks, odd line breaks), very long tokens, and lone
surrogates that reach a reader as JSON escapes. Properties: ``Analyzer.analyze`` never
raises, every statement's offsets index the article text exactly, and the stored records
index the stored text exactly (the export contract).

Few examples in the quick profile (the pipeline is slow); ``NEWSLEDGER_HYPOTHESIS=long`` runs
the profile's 10,000 (hours: by hand only).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile_inputs import (PIPELINE, SENTENCES, check_items, check_offsets, check_record_offsets,
                            hostile_text, long_token, read, same_text, storable_text, write)
from newsledger.model import Article
from newsledger.store import Ledger


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-pipeline")


@PIPELINE
@given(text=storable_text.filter(str.strip))
def test_pipeline_offsets_index_the_stored_text(analyzer, tmp_path_factory, text):
    """Statements over hostile text: offsets index the article text, and the stored text."""
    article = Article(text=text, published=date(2025, 3, 4))
    statements = analyzer.analyze(article)
    check_offsets(text, statements)
    with Ledger(":memory:") as ledger:
        ledger.add([(article, statements)])
        stored = ledger.article(article.id)
        assert stored["text"] == text
        records = ledger.statements(article_id=article.id)
        assert len(records) == len({s.statement_id(article) for s in statements})
        for record in records:
            check_record_offsets(stored["text"], record)


@PIPELINE
@given(token=long_token, sentence=st.sampled_from(SENTENCES), at=st.integers(min_value=0, max_value=2))
def test_pipeline_long_tokens(analyzer, token, sentence, at):
    parts = [sentence, sentence]
    parts.insert(at % 3, token)
    text = " ".join(parts)
    statements = analyzer.analyze(Article(text=text))
    check_offsets(text, statements)


@PIPELINE
@given(text=hostile_text.filter(str.strip))
def test_what_a_reader_yields_the_pipeline_can_analyse(analyzer, folder, text):
    """Lone surrogates in JSON escapes reach the pipeline only as U+FFFD, never as a crash."""
    path = write(folder, "surrogates.jsonl", json.dumps({"text": text}) + "\n")
    articles, _ = check_items(read([path], max_bytes=60_000), str(path))
    for article in articles:
        assert same_text(article.text, text)
        check_offsets(article.text, analyzer.analyze(article))


def test_lone_surrogate_in_json_is_replaced_and_noted(folder):
    text = "Senator Mike Lee said \ud83d the talks had failed."
    path = write(folder, "one.jsonl", json.dumps({"text": text, "title": "Lee \udc00"}) + "\n")
    [note_, article] = read([path])
    assert article.text == text.replace("\ud83d", "\ufffd") and article.title == "Lee \ufffd"
    assert not note_.skipped and "surrogate" in note_.message and note_.where == f"{path}:1"


def test_article_longer_than_the_pipeline_takes_is_refused_and_the_rest_ingested(analyzer, tmp_path):
    """Under --max-bytes (2 MB) but over the 1,000,000 characters spaCy parses at once: that
    article is one Problem, the others are stored."""
    from newsledger.ingest import ingest

    (tmp_path / "a.txt").write_text("date 2025-03-04 " + SENTENCES[0])
    (tmp_path / "b.txt").write_text("date 2025-03-04 " + SENTENCES[2] + " " * 1_000_000 + SENTENCES[5])
    (tmp_path / "c.txt").write_text("date 2025-03-05 " + SENTENCES[5])
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = ingest([str(tmp_path)], ledger, analyzer)
        assert ledger.counts()["articles"] == 2 and summary.added == 2
    [problem] = summary.skipped
    assert problem.where == str(tmp_path / "b.txt") and "1000000-character limit" in problem.message


def test_article_over_the_statement_limit_is_refused_and_the_rest_ingested(analyzer, tmp_path):
    from newsledger.ingest import ingest

    (tmp_path / "many.txt").write_text("date 2025-03-04 " + " ".join(SENTENCES[:3]))
    (tmp_path / "one.txt").write_text("date 2025-03-05 " + SENTENCES[0])
    assert len(analyzer.analyze(Article(text=" ".join(SENTENCES[:3])))) >= 2
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = ingest([str(tmp_path)], ledger, analyzer, max_statements=1)
        assert ledger.counts()["articles"] == 1 and summary.added == 1
    [problem] = summary.skipped
    assert problem.where == str(tmp_path / "many.txt") and "over the limit of 1 per article" in problem.message
