"""Notices for the graph from notice files or from the JSON that ``zhengce parse`` writes.

`notice_from_dict` rebuilds a `Notice` from its JSON dict (lists back to tuples, spans to
``(start, end)``, nested dataclasses rebuilt); keys it does not know are ignored, so JSON from a
newer schema still loads. `load_notice(path)` reads ``.json`` that way and every other file with
`extractor.pipeline.parse_file`. Problems are raised as `ZhengceError`s naming the file.

Not covered: JSON Lines or a corpus store (see `corpus/`); validating the JSON against the
schema (``extractor.schema``) — a dict that lacks what the graph needs is rejected, nothing more.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from extractor.errors import CorruptDocument
from extractor.model import (Amount, Deadline, Measure, Meta, Notice, Obligation, Recurrence, Region, Section, Source,
                             Target, Unit)
from extractor.readers import DEFAULT_LIMITS, EXTENSIONS, Limits

_FACTS = {"amounts": Amount, "targets": Target, "deadlines": Deadline, "recurrences": Recurrence,
          "obligations": Obligation, "sections": Section}
_NOTICE_KEYS = ("id", "meta", "measures")


def _tuple(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_tuple(x) for x in v)
    return v


def _make(cls: type, d: dict[str, Any], **nested: Any) -> Any:
    names = {f.name for f in fields(cls)}
    kw = {k: _tuple(v) for k, v in d.items() if k in names and k not in nested}
    kw.update(nested)
    return cls(**kw)


def notice_from_dict(d: dict[str, Any]) -> Notice:
    """A `Notice` from the dict `zhengce parse` writes (raises KeyError/TypeError when it is not one).

    >>> unit = {"name": "市人社局", "role": "lead", "span": [5, 9]}
    >>> d = {"id": "ab12", "source": {"path": "yt.txt", "format": "txt"},
    ...      "meta": {"title": "关于实施“技能鹰潭行动”的意见", "region": {"city": "鹰潭市"}},
    ...      "measures": [{"id": "m1", "number": "1.", "title": "开展培训", "text": "", "span": [0, 4],
    ...                    "section": ["三、主要任务"], "units": [unit]}]}
    >>> n = notice_from_dict(d)
    >>> n.meta.region.city, n.measures[0].units[0].span, n.measures[0].section
    ('鹰潭市', (5, 9), ('三、主要任务',))
    """
    meta_d = d.get("meta") or {}
    meta = _make(Meta, meta_d, region=_make(Region, meta_d.get("region") or {}))
    source = _make(Source, {"path": None, "format": "json", **(d.get("source") or {})})
    measures = tuple(_make(Measure, m, units=tuple(_make(Unit, u) for u in m.get("units") or ()))
                     for m in d.get("measures") or ())
    facts = {k: tuple(_make(cls, x) for x in d.get(k) or ()) for k, cls in _FACTS.items()}
    return _make(Notice, d, source=source, meta=meta, measures=measures, text=d.get("text") or "", **facts)


def load_notice_json(path: str | Path) -> Notice:
    """Read one notice JSON file written by ``zhengce parse``."""
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorruptDocument(path, "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CorruptDocument(path, f"not valid JSON ({e.__class__.__name__}: {e})") from None
    if not isinstance(d, dict) or any(k not in d for k in _NOTICE_KEYS):
        raise CorruptDocument(path, "not a notice JSON written by `zhengce parse` (needs id, meta and measures)")
    try:
        return notice_from_dict(d)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise CorruptDocument(path, f"notice JSON has an unexpected shape ({e})") from None


def load_notice(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Notice:
    """A notice from a file: ``.json`` written by ``zhengce parse``, else parsed with `parse_file`."""
    from extractor.pipeline import parse_file

    path = Path(path)
    if path.suffix.lower() == ".json":
        return load_notice_json(path)
    return parse_file(path, limits)


def expand_notice_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named, plus notice files and ``.json`` inside folders named (recursively, sorted)."""
    exts = set(EXTENSIONS) | {".json"}
    out: list[Path] = []
    for s in paths:
        p = Path(s)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in exts
                              and not q.name.startswith(".")))
        else:
            out.append(p)
    return out


__all__ = ["expand_notice_inputs", "load_notice", "load_notice_json", "notice_from_dict"]
