"""A folder of ~30 news-like articles for the scale tests (test_parallel, test_ray).

The repository's example articles (a Baltic story told over a month) plus generated
wire-style reports in which the same fictional people recur: named in full in one
article, by surname or pronoun in the next, so speaker resolution across articles (which
depends on the order articles are met in) is part of what the tests compare.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

PEOPLE = [  # (title, first name, surname, pronoun, place)
    ("Mayor", "Clara", "Voss", "she", "Harwick"),
    ("Finance Minister", "Omar", "Haddad", "he", "Lurenne"),
    ("Governor", "Lia", "Park", "she", "Valley County"),
    ("Senator", "Dan", "Ortiz", "he", "the capital"),
    ("Defence Minister", "Ilse", "Marrow", "she", "Tallport"),
    ("Union leader", "Piet", "Janssen", "he", "the docks"),
]
TOPICS = [
    ("the harbor tunnel", "close for repairs", "hundreds of jobs"),
    ("the budget deficit", "shrink next year", "early elections"),
    ("the new rail line", "open in September", "higher fares"),
    ("the border patrols", "be doubled", "new sanctions"),
    ("the port strike", "end within a week", "a national strike"),
]
PARAGRAPHS = [
    "{title} {first} {last} said on {day} that {topic} would {plan}.",
    "“We will not give up on {topic},” {last} told reporters in {place}.",
    "If the council rejects the plan, the government will face {risk}, {last} warned.",
    "{pronoun_cap} denied that officials had been ordered to delay the work.",
    "Critics said the decision would cost {risk}.",
    "According to the local newspaper, talks on {topic} will resume on Monday.",
    "{last} urged lawmakers to approve the money before the summer recess.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article_text(n: int) -> str:
    """The n-th generated article: a date header, then four or five short paragraphs."""
    title, first, last, pronoun, place = PEOPLE[n % len(PEOPLE)]
    topic, plan, risk = TOPICS[(n // 2) % len(TOPICS)]
    published = date(2024, 5, 1) + timedelta(days=n)
    values = dict(title=title, first=first, last=last, pronoun_cap=pronoun.capitalize(),
                  place=place, topic=topic, plan=plan, risk=risk, day=WEEKDAYS[n % 5])
    picked = [PARAGRAPHS[0]] + [PARAGRAPHS[1 + (n + k) % (len(PARAGRAPHS) - 1)] for k in range(3 + n % 2)]
    if n % 3 == 0:  # a second speaker, named by surname only: resolved from earlier articles
        other = PEOPLE[(n + 1) % len(PEOPLE)]
        picked.append(f"{other[2]} said that the plan for {topic} was “a serious mistake”.")
    body = "\n\n".join(p.format(**values) for p in picked)
    return f"date {published.isoformat()} {body}\n"


def write_corpus(folder: Path, generated: int = 24) -> Path:
    """``folder`` with the examples (7 files, 8 articles) and ``generated`` generated ones."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(EXAMPLES.iterdir()):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for n in range(generated):
        (folder / f"2024-report-{n:02d}.txt").write_text(article_text(n), encoding="utf-8")
    return folder


# -- a stand-in pipeline for the pool's own tests (no spaCy: workers start in a blink) --------


class EchoAnalyzer:
    """One statement per article, its cue naming the worker process; an article whose text
    is ``boom`` raises, one whose text is ``exit`` ends the worker process at once."""

    def analyze_articles(self, articles, batch_size=32):
        import os

        from newsledger.model import Statement

        for article in articles:
            if article.text == "boom":
                raise ValueError("boom")
            if article.text == "exit":
                os._exit(3)
            yield article, [Statement(cue=f"pid {os.getpid()}", cue_span=(0, 1), content=article.text,
                                      content_spans=[(0, len(article.text))])]


class EchoSpec:
    """Picklable stand-in for ``AnalyzerSpec``: what a worker loads."""

    def load(self):
        return EchoAnalyzer()
