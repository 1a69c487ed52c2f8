"""``newsledger_learned_attribution``: the accurate learned tagger as a spaCy component.

It fills ``doc._.statements`` exactly as ``newsledger_attribution`` does (same
:class:`~newsledger.model.Statement` objects, offsets into the doc's text, the
header before ``doc._.body_start`` skipped), so the later components (speakers,
conditions, negation, acts, venue, targets, dates) run on its output unchanged.
``Analyzer(model="accurate")`` builds that pipeline; by hand::

    nlp.add_pipe("newsledger_learned_attribution", after="newsledger_attribution")

By default it runs the shipped int8 ONNX model (:mod:`.runtime`, checksum checked
when loaded, no torch needed); ``model_dir`` names a folder written by
``newsledger train attribution`` instead (run with torch, for checking a model
before it is exported).

Rules where rules are surer: when the rules component ran before it, the rule
statements that are direct quotations, "according to" attributions or read from a
layout (a quotation signed "― Name", "NAME: words") are kept where the tagger found
nothing over the same words (:mod:`.merge`; on PolNeAR dev this adds recall at no cost
in precision; replacing the tagger's spans by the rules' where both found the statement
lowered attribution F1, so the tagger's spans win, except over a layout).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.util import minibatch
from spacy.tokens import Doc

from ...model import Mention, Statement
from .. import extensions  # noqa: F401  (registers the Doc extensions)
from ..quotes import find_quotes, quote_kind
from ..attribution import anonymity_formula, said_by_nobody
from ..conditions import CONDITION_MARKS
from ..datelines import without_dateline
from ..spans import doc_text
from .cue_prepositions import with_governing_preposition
from .cue_edges import reports, trimmed_cue_end
from .cue_times import cue_end_before_time
from .contents import (clause_of_cue_object, condition_clause, ends_in_relative_pronoun, has_content_word,
                       object_of_another_verb, question_topic, without_addressee,
                       whole_names, without_cue_adjuncts, without_dangling_words, without_words_before_that,
                       without_trailing_punctuation)
from .citing import reported_citing
from .decode import whole_words
from .frames import without_frames_as_contents
from .fronted import with_fronted_subject
from .merge import content_chars, merge_with_rules, split_at_rule_cue, with_rule_cue, with_rule_hearsay
from ..headlines import in_headline, without_time_clause
from .sources import (coordinated_subject, document_speaking, in_another_sentence, passive_subject, quoted_source,
                      subject_of_cue, undergone_by_place, whole_source, within_cue_paragraph)
from .quotations import (join_split_quotations, without_pieces_of_earlier_quotations, without_pieces_of_later_cues,
                         without_pieces_of_later_quotations)
from .paragraph_cuts import within_paragraph
from .tails import without_narrative_after
from ..content_edges import (without_coordinated_saying, without_pieces_after_saying, without_trailing_occasion,
                             without_writers_apposition)

_CACHE: dict[str, tuple] = {}


def load(model_dir: str | Path):
    """The (model, tokenizer, metadata) of a trained folder, loaded once per process."""
    key = str(Path(model_dir).resolve())
    if key not in _CACHE:
        from .model import load_tagger

        _CACHE[key] = load_tagger(model_dir)
    return _CACHE[key]


@Language.factory("newsledger_learned_attribution",
                  default_config={"model_dir": "", "batch_size": 16, "threads": 0, "keep_rules": True})
def make_learned_attribution(nlp: Language, name: str, model_dir: str, batch_size: int,
                             threads: int, keep_rules: bool) -> "LearnedAttribution":
    return LearnedAttribution(model_dir, batch_size, threads, keep_rules)


class LearnedAttribution:
    """Tag the doc's text with the learned model and decode the tags into statements."""

    def __init__(self, model_dir: str | Path = "", batch_size: int = 16, threads: int = 0,
                 keep_rules: bool = True):
        self.batch_size = batch_size
        self.keep_rules = keep_rules
        if model_dir:
            self.model, self.tokenizer, self.meta = load(model_dir)
            self.onnx = None
            if threads:
                import torch

                torch.set_num_threads(threads)
        else:
            from .runtime import shipped_tagger

            self.onnx = shipped_tagger(threads)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 32):
        # In batches: a stream of any length is never held in memory whole.
        for batch in minibatch(docs, size=max(batch_size, self.batch_size)):
            yield from self._pipe_batch(batch)

    def _pipe_batch(self, docs: list[Doc]):
        found = self._analyze([doc_text(doc) for doc in docs], [doc._.body_start or 0 for doc in docs])
        for doc, statements in zip(docs, found):
            doc._.statements = finish(statements, doc, keep_rules=self.keep_rules)
            yield doc

    def _analyze(self, texts: list[str], starts: list[int]) -> list[list[Statement]]:
        if self.onnx is not None:
            return self.onnx.analyze_texts(texts, starts, self.batch_size)
        from .predict import analyze_texts

        cfg = self.model.config
        return analyze_texts(self.model, self.tokenizer, texts, cfg.max_len, cfg.overlap, self.batch_size, starts)


def finish(learned: list[Statement], doc: Doc, *, keep_rules: bool = True,
           text: str | None = None) -> list[Statement]:
    """A tagger's statements for ``doc``, each given the rules' cue where the rules read its
    content as the clause of a verb before it (:func:`.merge.with_rule_cue`), tidied
    (:func:`tidy`) and merged with the rule
    statements already on ``doc._.statements`` (:func:`merge_with_rules`) when
    ``keep_rules``; shared by both learned variants."""
    text = doc.text if text is None else text  # built token by token by spaCy: once per doc
    ruled = (doc._.statements or []) if keep_rules else []
    tidied, abandoned = [], set()
    for statement in (reported_citing(doc, part) for found in learned for part in split_at_rule_cue(found, ruled)):
        kept = tidy(with_rule_hearsay(with_rule_cue(statement, ruled), ruled), doc, text)
        abandoned |= content_chars(statement) | set(range(*statement.cue_span))
        # not "who asked | not to be named", "History | has shown", "anonymity to | discuss |"
        if kept is not None and not anonymity_formula(kept) and not said_by_nobody(text, kept):
            tidied.append(kept)
            abandoned -= content_chars(kept) | set(range(*kept.cue_span))
    merged = merge_with_rules(join_split_quotations(doc, text, tidied), ruled, abandoned)
    merged = without_pieces_of_earlier_quotations(text, without_pieces_of_later_quotations(text, merged))
    merged = without_pieces_of_later_cues(text, merged)
    return without_frames_as_contents(text, merged)


def tidy(statement: Statement, doc: Doc, text: str | None = None) -> Statement | None:
    """Fix what the tagger gets wrong in ways a rule can tell; None drops the statement.

    - a cue never holds a time expression after its verb ("said on February 26" -> "said"):
      the cue ends where such a time expression (``doc._.timexes``) begins ("has previously
      accused" stays whole);
    - content never overlaps the cue ("warned of" + "of tragic consequences"): the
      content starts after the cue;
    - a cue never ends in a determiner, nor in a preposition that does not open the
      content ("indicated in an article" -> "indicated"; "warned of" + "tragic
      consequences" stays);
    - a content whose subject stands before its parenthetical source and cue gets it
      back (:func:`.fronted.with_fronted_subject`);
    - the cue takes the adverbs of its verb right before it ("repeatedly | pledged");
    - a source in another sentence is none; a place that "has seen" events said nothing;
    - a content of function words only ("the") is no statement, unless a pronoun ("is against it");
    - a cue inside its own source ("Minister | Denys | Shmyhal welcomed") is no cue;
    - a cue of auxiliaries, particles and adverbs only ("is not") is no cue, and a
      cue that only says statements exist ("there have been statements about") is the
      writer's own assertion, not an attribution;
    - a content never starts inside a name ("Exclusive: Saudi | Arabia"), nor with the
      cue's words before its "that" ("told reporters earlier | that"), and the clause of an
      awaited noun or of others' words is no content ("wait for evidence that …",
      "responding to reports that …");
    - a source starts in its cue's paragraph, and a participle after a text acted on speaks
      for the text ("vetoed a draft resolution demanding …": the resolution).
    ``text`` is ``doc.text`` when the caller already has it.
    """
    text = doc_text(doc) if text is None else text
    cue_start, cue_end = statement.cue_span
    # a cue never runs over its content ("said | sanctions had not failed; the video omits")
    cue_end = min([cue_end, *(a for a, b in statement.content_spans if cue_start < a and b <= cue_end)])
    cue_end = cue_start + len(text[cue_start:cue_end].rstrip())
    cue_end = cue_end_before_time(doc, text, cue_start, cue_end)
    if cue_end is None:
        return None  # "failed on | Thursday to agree on |": a cue never begins with a date
    spans = [(max(start, cue_end) if start < cue_end <= end and start >= cue_start else start, end)
             for start, end in statement.content_spans]
    # no content opens with the comma after its source's phrase (", such cases have …")
    spans = [(start + len(text[start:end]) - len(text[start:end].lstrip(" \t\n,;")), end) for start, end in spans]
    spans = [whole_words(text, start, end) for start, end in spans]  # a cut inside "$60,000"
    spans = whole_names(doc, spans, (cue_start, cue_end), *([statement.speaker.span] if statement.speaker else []))
    spans = without_dateline(text, spans)
    spans = [(start, end) for start, end in spans if end > start]
    spans = _without_cue_condition(doc, (cue_start, cue_end), spans, text)
    spans = _from_phrase_start(doc, spans, cue_end)
    spans = _without_runaway_pieces(doc, spans, text)
    spans = without_dateline(text, within_paragraph(spans, (cue_start, cue_end), text))
    spans = without_narrative_after(text, spans, (cue_start, cue_end))
    if statement.speaker is not None:
        frame = (min(cue_start, statement.speaker.span[0]), max(cue_end, statement.speaker.span[1]))
        spans = with_fronted_subject(doc, spans, frame, text)
    spans = _without_unquoted_pieces_before(doc, spans, (cue_start, cue_end), text)
    if spans:
        cue_end = trimmed_cue_end(doc, cue_start, cue_end, spans[0][0])
        between = text[cue_end:spans[0][0]]
        if between.strip() == "to":  # "refused | to testify": the infinitive's "to" opens the content
            spans[0] = (cue_end + between.index("to"), spans[0][1])
        cue_end, spans = with_governing_preposition(doc, (cue_start, cue_end), spans)
    cue_start = _with_adverbs_before(doc, cue_start, statement.speaker)
    if cue_end <= cue_start or not has_content_word(doc, spans) or not reports(doc, (cue_start, cue_end)) \
            or ends_in_relative_pronoun(doc, spans):
        return None
    spans = [piece for piece in spans if not object_of_another_verb(doc, piece, (cue_start, cue_end))
             and not clause_of_cue_object(doc, piece, (cue_start, cue_end))
             and not question_topic(doc, piece, (cue_start, cue_end))
             and not condition_clause(text, piece, (cue_start, cue_end))]
    if not spans:
        return None
    spans = without_addressee(doc, spans, (cue_start, cue_end))  # "tells | Al Jazeera the group will …"
    spans = without_words_before_that(doc, spans, (cue_start, cue_end))  # "told reporters | earlier | that …"
    spans = without_writers_apposition(text, spans)  # "…, a reversal after months of objections"
    spans = without_pieces_after_saying(text, spans)  # "said | it would appeal |, calling the | decision"
    spans = without_coordinated_saying(text, without_trailing_occasion(text, spans))  # "…, in a post on …"
    spans = without_time_clause(doc, spans)  # the headline "… threatens to sue | as Duffy sets deadline"
    spans = without_dangling_words(doc, without_cue_adjuncts(doc, spans, (cue_start, cue_end)))
    spans = without_trailing_punctuation(text, spans)  # "…joining the alliance|,
    speaker = whole_source(doc, within_cue_paragraph(statement.speaker, cue_start, text), text, (cue_start, cue_end))
    if _inside_source(speaker, (cue_start, cue_end)):
        return None
    spans = _without_source_words(spans, speaker)  # "Saudi | crown prince | reportedly told"
    if not spans:
        return None
    quoted = quoted_source(doc, (cue_start, cue_end), text)
    if quoted is not None:  # "The company was quoted by Bloomberg as saying …": the company's words
        # the quoted one is no content of the one who quoted it
        spans = [(a, b) for a, b in spans if not (a < quoted.span[1] and quoted.span[0] < b)]
        if not spans:
            return None
        speaker = quoted
    if speaker is not None and undergone_by_place(doc, speaker, (cue_start, cue_end)):
        return None  # "The Baltic Sea has seen a series of incidents": undergone, not said
    if speaker is not None and quoted is None and (passive_subject(doc, speaker, (cue_start, cue_end))
                                or in_another_sentence(doc, speaker, (cue_start, cue_end), text)):
        speaker = None  # "He has been harshly criticized for …", "Peskov, asked about …": who did it goes unnamed
    document = document_speaking(doc, (cue_start, cue_end), text) if quoted is None else None
    if document is not None:  # "vetoed a draft resolution | demanding | a ceasefire": the resolution's words
        speaker = document
    if quoted is None and document is None:
        # the parse's subject, when the tagger had none or took one from what was said
        found = coordinated_subject(doc, speaker, (cue_start, cue_end), text) or speaker or subject_of_cue(
            doc, (cue_start, cue_end), text, any_verb=in_headline(text, doc._.body_start or 0, cue_start))
        speaker = None if found is not None and passive_subject(doc, found, (cue_start, cue_end)) else found
    spans = _without_source_words(spans, speaker)  # the headline's "North Korea fires missiles, | warns"
    if not spans:
        return None
    extra = {**statement.extra, "cue_lemma": _cue_lemma(doc, (cue_start, cue_end), statement.extra)}
    quote = statement.quote
    if spans != statement.content_spans and quote != "indirect":  # a piece cut off may have been the unquoted one
        quote = quote_kind(spans, find_quotes(text))
    return replace(statement, cue=text[cue_start:cue_end], cue_span=(cue_start, cue_end), speaker=speaker,
                   content_spans=spans, content=" ... ".join(text[a:b] for a, b in spans), quote=quote,
                   extra=extra)


def _without_source_words(spans: list[tuple[int, int]], speaker: Mention | None) -> list[tuple[int, int]]:
    """The pieces that are not words of the source itself: "Saudi | crown prince | reportedly
    told" has no content "crown prince", and the headline "North Korea fires missiles, warns of
    …" none "North Korea fires missiles" (who warns did the firing)."""
    if speaker is None:
        return spans
    return [(a, b) for a, b in spans if not (speaker.span[0] <= a and b <= speaker.span[1])]


def _inside_source(speaker: Mention | None, cue_span: tuple[int, int]) -> bool:
    """A cue within its own source's words ("Ukrainian Defence Minister | Denys | Shmyhal
    welcomed …", a name the tagger took for the cue) reports nothing; dropping it lets the
    rules' reading of the same words stand (:func:`.merge.merge_with_rules`)."""
    return speaker is not None and speaker.span[0] <= cue_span[0] and cue_span[1] <= speaker.span[1]


PHRASE_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "predet", "advmod", "quantmod"}


def _from_phrase_start(doc: Doc, spans: list[tuple[int, int]], cue_end: int) -> list[tuple[int, int]]:
    """Content that begins inside a noun phrase begins where the phrase does ("questions
    about …" after "the continued" -> "the continued questions about …"): the words left of
    it that modify a word of the content (determiners, adjectives, compounds, numbers,
    possessors) belong to what was said; never back over the cue."""
    if not spans:
        return spans
    start, end = spans[0]
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return spans
    i = first.start
    while i > 0:
        word = doc[i - 1]
        modifier = word.head if word.dep_ == "case" else word  # the "'s" of a possessor
        if word.idx < cue_end or word.is_punct or modifier.dep_ not in PHRASE_LEFT_DEPS \
                or not (modifier.head.i >= i and modifier.head.idx < end):  # modifies the content
            break
        i -= 1
    return spans if i == first.start else [(doc[i].idx, end)] + spans[1:]


def _without_runaway_pieces(doc: Doc, spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The content without pieces that begin in a later sentence than the piece before
    them, across more than three words that are not content ("learned that France … if
    necessary. | Kyiv is not currently asking | for Western troops"): a quotation split by
    its cue keeps both halves (quote marks stand at the edges of the gap)."""
    kept = spans[:1]
    for start, end in spans[1:]:
        before = doc.char_span(kept[-1][1] - 1, kept[-1][1], alignment_mode="expand")
        after = doc.char_span(start, start + 1, alignment_mode="expand")
        gap = text[kept[-1][1] - 1:start + 1]  # with the pieces' edges, where quote marks stand
        if before is not None and after is not None and before.sent != after.sent \
                and len(gap.split()) > 3 and not any(q in gap for q in QUOTE_MARKS):
            break
        kept.append((start, end))
    return kept


def _without_unquoted_pieces_before(doc: Doc, spans: list[tuple[int, int]], cue_span: tuple[int, int],
                                    text: str) -> list[tuple[int, int]]:
    """Without the pieces that end before the cue's sentence begins and stand in no quote
    marks: in "Macron said that Western leaders have discussed it. According to him,
    “nothing can be ruled out.”" the tagger gave "According to" both contents, and in "… the
    possibility was denied. Western leaders said they would meet" it gave "said" "the
    possibility" besides its own; those pieces are another statement's (the rules' reading of
    them then stands). A quotation that runs over sentences up to its cue keeps every piece;
    a statement left with no piece is dropped."""
    cue = doc.char_span(cue_span[0], cue_span[1], alignment_mode="expand")
    if cue is None:
        return spans
    begins = cue.sent.start_char
    kept = [(start, end) for start, end in spans
            if end > begins or any(q in text[max(0, start - 1):start + 1] + text[end - 1:end + 1]
                                   for q in QUOTE_MARKS)]
    return kept


QUOTE_MARKS = "\"“”«»„‟"


def _without_cue_condition(doc: Doc, cue_span: tuple[int, int], spans: list[tuple[int, int]],
                           text: str) -> list[tuple[int, int]]:
    """Content spans without a trailing condition when the content is a noun phrase ("warned
    of tragic consequences | if NATO troops were sent"): the condition is the warning's, the
    conditions stage records it, and the content is what was warned of. A content that is a
    clause keeps its condition ("indicated that the US must withdraw if the alliance sends
    troops", "said that if the ruling stands, we will appeal", the headline's "says Ukraine ready
    for ceasefire talks if Russia stops strikes"): it is part of what was said."""
    if not spans:
        return spans
    last = spans[-1]
    piece = doc.char_span(*last, alignment_mode="contract")
    if piece is None:
        return spans
    for token in piece[1:]:
        if token.lower_ in CONDITION_MARKS and token.dep_ == "mark":
            # a verb, or a subject where a headline drops the verb ("Ukraine | ready for talks if …")
            if any(t.pos_ in ("VERB", "AUX") or t.dep_ == "nsubj" for t in doc[piece.start:token.i]) \
                    or any(q in text[last[0]:token.idx] for q in QUOTE_MARKS) \
                    or piece[0].lower_ in ("that", "whether"):  # "said that if …, we will appeal"
                return spans  # a clause, or a quotation: the condition is part of what was said
            end = last[0] + len(text[last[0]:token.idx].rstrip(" ,;"))
            return spans[:-1] + [(last[0], end)] if end > last[0] else spans[:-1]
    return spans


def _cue_lemma(doc: Doc, cue_span: tuple[int, int], extra: dict) -> str:
    """The lemma later stages read the cue by, as the rules give it ("learned" -> "learn"):
    of the cue's first word that is not an auxiliary or a particle ("has not said" -> "say")."""
    span = doc.char_span(*cue_span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return extra.get("cue_lemma", "")
    word = next((t for t in span if t.pos_ not in ("AUX", "PART")), span[0])
    return word.lemma_.lower()


def _with_adverbs_before(doc: Doc, cue_start: int, speaker: Mention | None) -> int:
    """The cue with the adverbs right before it that modify its verb ("also | said",
    "repeatedly | says", "never | said"), as PolNeAR's cues have them; not a source's word."""
    first = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    if first is None or len(first) == 0:
        return cue_start
    start = first.start
    while start > 0 and (doc[start - 1].pos_ in ("ADV", "PART") and doc[start - 1].dep_ in ("advmod", "neg")
                         or doc[start - 1].pos_ == "AUX" and doc[start - 1].dep_ in ("aux", "auxpass")) \
            and doc[start - 1].head.i >= start and doc[start - 1].head.i - start < 4 \
            and (speaker is None or not speaker.span[0] <= doc[start - 1].idx < speaker.span[1]):
        start -= 1
    return doc[start].idx
