"""The subordinators that open a condition, and the reading of conditions without a parse.

:data:`SUBORDINATORS` is the table both readings share ("if", "unless", "provided that", "as
long as", "the moment", "only once" …, each with its kind); :func:`regex_conditions` is the
fallback of ``conditions.py`` for a Doc without dependencies: the condition runs from the
subordinator to the next punctuation, the consequence is the longer rest of the content piece.
"""

from __future__ import annotations

import re

from newsledger.model import Condition, Statement

# Longest first, so "only if" wins over "if". kind None = recognised but not a condition.
SUBORDINATORS: list[tuple[str, str | None]] = [
    ("if and only if", "if"), ("if and when", "if"), ("unless and until", "unless"),
    ("as soon as", "as_soon_as"), ("on the condition that", "on_condition"),
    ("on condition that", "on_condition"), ("in the event that", "in_case"),
    ("in the event of", "in_case"), ("provided that", "provided"),
    ("providing that", "provided"), ("assuming that", "assuming"),
    ("provided", "provided"), ("providing", "provided"),
    ("as long as", "as_long_as"), ("so long as", "as_long_as"),
    ("in case of", "in_case"), ("in case", "in_case"), ("only if", "if"),
    ("even if", None), ("as if", None), ("what if", None), ("unless", "unless"), ("if", "if"),
    ("the moment", "the_moment"), ("the minute", "the_moment"), ("the instant", "the_moment"),
    # a time that is a precondition: "will only agree to a ceasefire once Ukraine withdraws",
    # "will not resume talks until the ships leave" (a bare "once"/"until" only dates)
    ("only once", "only_once"), ("only when", "only_once"), ("only after", "only_once"),
    ("once", "only_once"), ("until", "not_until"),
]
SUB_RE = re.compile(
    r"\b(" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s, _ in SUBORDINATORS) + r")\b",
    re.IGNORECASE,
)
KIND = {s: k for s, k in SUBORDINATORS}
NEGATIVE = {"unless", "either_or", "otherwise"}  # kinds whose marker stays in the condition's text


def regex_conditions(text: str, st: Statement) -> list[dict]:
    """Conditions of a statement read without a parse: a subordinator of :data:`SUBORDINATORS`
    in its content, the condition up to the next punctuation, the consequence the longer side."""
    out = []
    for s, e in st.content_spans:
        for m in SUB_RE.finditer(text, s, e):
            marker = " ".join(m.group(1).lower().split())
            kind = KIND.get(marker)
            if kind is None or re.search(r"\b(ask|asked|asking|wonder\w*|whether)\W*$", text[s:m.start()]) \
                    or kind == "the_moment" and re.search(r"\b(at|for|in|from|of|this)\s*$", text[s:m.start()], re.I):
                continue
            stop = re.search(r"[,;.!?]", text[m.end():e])
            c_end = m.end() + stop.start() if stop else e
            cond = text_condition(text, m.end() if kind not in NEGATIVE else m.start(), c_end)
            rest = (s, m.start()) if m.start() - s > e - c_end else (c_end, e)
            cons = text_condition(text, *rest)
            if cond and cons:
                out.append({"kind": kind, "marker": text[m.start():m.end()], "condition": cond,
                            "consequence": cons, "elliptic": False})
    return out


def text_condition(text: str, start: int, end: int) -> Condition | None:
    piece = text[start:end]
    stripped = piece.strip(" \t\n,;:—–-\"“”'‘’«».")
    stripped = re.sub(r"^(then)\s+", "", stripped, flags=re.IGNORECASE)
    if not stripped:
        return None
    s = start + piece.index(stripped)
    return Condition(stripped, (s, s + len(stripped)))
