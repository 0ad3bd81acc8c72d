"""spaCy adapter: the toolkit's rule-based extractors as registered spaCy components.

There is no trained Chinese model to download (and nothing may be downloaded at run time), so
the pipeline is ``spacy.blank("zh")`` with the jieba segmenter plus these custom components,
each a thin class over a pure function of this package:

=====================  ==========================  =========================================
factory                span group / extension      pure function
=====================  ==========================  =========================================
``zhengce_bodies``     ``doc.spans["zc_bodies"]``   `agencies.find_agencies`
``zhengce_money``      ``doc.spans["zc_money"]``    `amounts.extract_amounts`
``zhengce_quantities`` ``doc.spans["zc_targets"]``  `targets.extract_targets`
``zhengce_times``      ``doc.spans["zc_times"]``    `deadlines.extract_deadlines` / `extract_recurrences`
``zhengce_obligations````doc.spans["zc_obligations"]`` `obligations.extract_obligations`
=====================  ==========================  =========================================

Each span carries its fact on ``span._.zc_fact`` (the frozen dataclass) and ``doc._.zc_facts``
lists them all, so displaCy (``style="span"``) and users' own components can use them.
Span boundaries snap outward to jieba tokens (``alignment_mode="expand"``); the fact itself keeps
the exact character span.

jieba writes a dictionary cache on first use; it goes to ``$ZHENGCE_CACHE_DIR`` or
``~/.cache/zhengce`` (never to a read-only install directory).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

_REGISTERED = False

GROUPS = {
    "zhengce_bodies": "zc_bodies",
    "zhengce_money": "zc_money",
    "zhengce_quantities": "zc_targets",
    "zhengce_times": "zc_times",
    "zhengce_obligations": "zc_obligations",
}


def cache_dir() -> Path:
    """Where jieba's dictionary cache goes (created on demand)."""
    d = Path(os.environ.get("ZHENGCE_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zhengce")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _configure_jieba() -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.dt.cache_file = "jieba.cache"


def _finders() -> dict[str, Callable[[str], list[tuple[int, int, str, Any]]]]:
    from . import agencies, amounts, deadlines, obligations, targets

    def bodies(text):
        return [(s, e, "BODY", name) for name, (s, e) in agencies.find_agencies(text)]

    def facts(fn, label):
        return lambda text: [(f.span[0], f.span[1], label, f) for f in fn(text)]

    def times(text):
        return ([(f.span[0], f.span[1], "DEADLINE", f) for f in deadlines.extract_deadlines(text)]
                + [(f.span[0], f.span[1], "RECURRENCE", f) for f in deadlines.extract_recurrences(text)])

    return {
        "zhengce_bodies": bodies,
        "zhengce_money": facts(amounts.extract_amounts, "MONEY"),
        "zhengce_quantities": facts(targets.extract_targets, "TARGET"),
        "zhengce_times": times,
        "zhengce_obligations": facts(obligations.extract_obligations, "OBLIGATION"),
    }


class FactComponent:
    """Runs one finder over ``doc.text`` and stores the results as a span group."""

    def __init__(self, name: str, group: str):
        self.name = name
        self.group = group

    def __call__(self, doc):
        finder = _finders()[self.name]
        spans = []
        for s, e, label, fact in finder(doc.text):
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is None:
                continue
            span._.zc_fact = fact
            spans.append(span)
            doc._.zc_facts.append(fact)
        doc.spans[self.group] = spans
        return doc


def register() -> None:
    """Register the extensions and factories (idempotent). Called by `make_nlp`."""
    global _REGISTERED
    if _REGISTERED:
        return
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    if not Span.has_extension("zc_fact"):
        Span.set_extension("zc_fact", default=None)
    if not Doc.has_extension("zc_facts"):
        Doc.set_extension("zc_facts", default=None)
    for factory, group in GROUPS.items():
        if not Language.has_factory(factory):
            Language.factory(factory)(_make_factory(factory, group))
    _REGISTERED = True


def _make_factory(factory: str, group: str):
    def create(nlp, name):
        return FactComponent(factory, group)

    create.__name__ = f"make_{factory}"
    return create


def _init_doc_facts(doc):
    doc._.zc_facts = []
    return doc


def make_nlp(components: tuple[str, ...] = tuple(GROUPS)):
    """A blank Chinese pipeline (jieba segmenter) with the zhengce components.

    >>> nlp = make_nlp()
    >>> doc = nlp("到2025年,每个工作室给予5万元建设补助资金。(责任单位:市人力资源社会保障局)")
    >>> [s.label_ for s in doc.spans["zc_money"]], int(doc.spans["zc_money"][0]._.zc_fact.value)
    (['MONEY'], 50000)
    """
    import spacy
    from spacy.language import Language

    _configure_jieba()
    register()
    if not Language.has_factory("zhengce_init"):
        Language.component("zhengce_init")(_init_doc_facts)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zhengce_init")
    for c in components:
        nlp.add_pipe(c)
    return nlp


__all__ = ["FactComponent", "GROUPS", "cache_dir", "make_nlp", "register"]
