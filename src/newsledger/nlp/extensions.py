"""The ``Doc`` extensions that newsledger's spaCy components read and write.

Registered once, on import, so that any component module can rely on them:

- ``doc._.published``: ``datetime.date`` or None, the article's publication date
  (the anchor for relative dates); set by whoever creates the Doc.
- ``doc._.body_start``: character offset where the analysed body begins.
- ``doc._.statements``: ``list[newsledger.model.Statement]``, filled by
  ``newsledger_attribution`` and enriched by the later components.
- ``doc._.timexes``: ``list[newsledger.nlp.timex.Timex]``, filled by ``newsledger_timex``.
- ``doc._.mentions``: ``list[newsledger.model.Mention]``, the named and pronominal
  mentions found by ``newsledger_speakers``.
"""

from spacy.tokens import Doc

_EXTENSIONS = {
    "published": None,
    "body_start": 0,
    "statements": None,
    "timexes": None,
    "mentions": None,
}

for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
