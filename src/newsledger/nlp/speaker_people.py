"""The people of one article as antecedents for "he" and "she": the persons the recogniser
names, surnames and subjects it missed, the speakers resolved so far, and people who spoke
without a name ("A Polish deputy minister told me … he said"). Used by ``speakers.py``; the
choice of an antecedent is ``pronouns.antecedent``'s."""

from __future__ import annotations

from spacy.tokens import Doc

from . import pronouns
from .entity_names import after_courtesy_title, expand_surname, strip_det, whole_name
from .headlines import HeadlineNames
from .nominals import Named as _Named
from .spans import doc_text


class People:
    """The people of one article as antecedents for "he" and "she" (see ``pronouns``)."""

    def __init__(self, doc: Doc, named: list[_Named], headlines: HeadlineNames):
        self.sentences = pronouns.SentenceIndex(doc)
        self.quotes = pronouns.QuoteIndex(doc)
        self.named = named
        self.text = doc_text(doc)
        body_start = doc._.body_start or 0
        persons = [(ent, headlines.confirmed(*strip_det(ent))) for ent in (whole_name(e, headlines) for e in doc.ents)
                   if ent.label_ == "PERSON" and ent.start_char >= body_start and pronouns.is_person_reference(ent)]
        self.candidates = [pronouns.person_candidate(ent, self.sentences, confirmed[0])
                           for ent, confirmed in persons if confirmed is not None]
        untagged = pronouns.untagged_subjects(doc, self.sentences, body_start)
        surnames = pronouns.surnames([n.name for n in named if n.kind == "person"] + [c.name for c in untagged])
        taken = {c.span[0] for c in self.candidates}
        self.candidates += [c for c in pronouns.surname_mentions(doc, self.sentences, body_start, surnames)
                            if c.span[0] not in taken]
        taken = {c.span[0] for c in self.candidates}
        self.candidates += [c for c in untagged if c.span[0] not in taken]
        self.candidates.sort(key=lambda c: c.span)
        for s in doc._.statements:  # the first person named in a speaker mention spoke
            if s.speaker is not None:
                inside = [c for c in self.candidates if s.speaker.span[0] <= c.span[0] < s.speaker.span[1]]
                if inside:
                    inside[0].prominent = 3
        self.candidates += pronouns.subject_pronouns(doc, self.sentences, body_start)
        self.candidates.sort(key=lambda c: c.span)
        self.genders: dict[str, str] = {}
        surname_genders: dict[str, set[str | None]] = {}
        for c in self.candidates:
            if c.gender and c.pronoun is None:
                self.genders.setdefault(c.name, c.gender)
        for c in self.candidates:
            if c.pronoun is None and " " in c.name:
                surname_genders.setdefault(c.name.split()[-1], set()).add(self.genders.get(c.name))
        for surname, genders in surname_genders.items():
            # not "Clinton" when both Bill and Hillary are named, nor "Cheney" when Liz is a woman
            # and nothing tells Dick's gender
            if len(genders) == 1 and None not in genders:
                self.genders.setdefault(surname, next(iter(genders)))
        self.shown = pronouns.clause_genders(doc, self.candidates, self.quotes)  # "Clinton said she"
        for name, gender in pronouns.genders_from_pronouns(self.candidates, self.shown).items():
            self.genders.setdefault(name, gender)
        # words of full person names, so that "Trump" is never taken for an organisation
        self.person_words = {w for c in self.candidates if " " in c.name for w in c.name.split()}
        self.speakers: list[str] = []  # people resolved as speakers, in the order they spoke
        self.unnamed: set[tuple[int, int]] = set()  # spans of people who spoke without a name
        self.unnamed_phrases: set[str] = set()  # and the phrases naming them ("The representative of France")

    def spoke(self, name: str, span: tuple[int, int], word: str | None = None) -> None:
        """A person resolved as a speaker; a gendered pronoun that named them tells their gender."""
        said = pronouns.pronoun_gender(word) if word else None
        if said is not None:
            self.genders.setdefault(name, said)
        gender = self.genders.get(name) or self.genders.get(name.split()[-1])
        self.candidates.append(pronouns.Candidate(name, span, self.sentences.of(span[0]), 3, gender))
        self.candidates.sort(key=lambda c: c.span)
        self.speakers.append(name)

    def spoke_unnamed(self, phrase: str, span: tuple[int, int]) -> None:
        """A person who spoke without a name ("A Polish deputy minister"): the antecedent of a
        "he" that follows, rather than a person named further back (the byline's author)."""
        # not a name inside the phrase ("Secretary-General" in "the Under-Secretary-General")
        self.candidates = [c for c in self.candidates if not (span[0] <= c.span[0] and c.span[1] <= span[1])]
        self.candidates.append(pronouns.Candidate(phrase, span, self.sentences.of(span[0]), 3, None))
        self.candidates.sort(key=lambda c: c.span)
        self.unnamed.add(span)
        self.unnamed_phrases.add(phrase)

    def antecedent(self, word: str, at: int) -> _Named | None:
        found = pronouns.antecedent(word, at, self.candidates, self.sentences, self.genders, self.quotes)
        if found is None:
            return None
        target = _Named(found.name, "person", found.span, found.name.lower())
        if found.span in self.unnamed:
            return target
        before = [n for n in self.named if n.span[1] <= at and self.quotes.of(n.span[0]) is None]
        # "Ms. Holm told the BBC … she said": the courtesy title's person, the story's subject
        return self.expand(target, before, pronouns.pronoun_gender(word), after_courtesy_title(self.text, found.span[0]))

    def expand(self, target: _Named, before: list[_Named], wanted: str | None, subject: bool = False) -> _Named:
        """"Clinton" expands to the full name of the right gender (Bill, not Hillary, for
        "he" or in "Clinton said he ..."): names known to be of that gender first, then
        names of unknown gender; ``subject``: see :func:`.entity_names.expand_surname`."""
        wanted = wanted or self.shown.get(target.span[0])
        if wanted is None or subject:  # the story's subject, unless of the other gender
            fits = [n for n in before if wanted is None or self.genders.get(n.name) in (wanted, None)]
            return expand_surname(target, fits, self.speakers, subject)
        same = [n for n in before if self.genders.get(n.name) == wanted]
        unknown = [n for n in before if n.name not in self.genders]
        expanded = expand_surname(target, same, self.speakers, subject)
        return expanded if expanded is not target else expand_surname(target, unknown, self.speakers, subject)


# the nouns a meeting's record names its speakers by, never followed by a name there
_DELEGATE_NOUNS = {"representative", "delegate", "under-secretary-general", "assistant-secretary-general"}


def unnamed_delegate(phrase: str) -> bool:
    """A speaker a meeting's record names by seat only: "The representative of France", "China's
    representative", "the Emirati delegate", "the Under-Secretary-General for Humanitarian
    Affairs"."""
    words = phrase.lower().replace("’s", "").replace("'s", "").split(",")[0].split()
    for tail in ("for", "on"):  # "the Under-Secretary-General for Humanitarian Affairs"
        words = words[:words.index(tail)] if tail in words else words
    # "The representative of France", not "Representative Charles B. Rangel of New York"
    seat_of = "representative" in words[:2] and words[words.index("representative") + 1:][:1] == ["of"]
    return bool(words) and (words[-1] in _DELEGATE_NOUNS or seat_of)
