"""Notice ⇄ JSON. Output is deterministic: the same input gives byte-identical JSON.

`notice_to_json` writes the fields in dataclass order, UTF-8 characters as they are
(`ensure_ascii=False`), spans as [start, end] lists. Floats that are whole numbers are
written as integers (5000, not 5000.0) so that values read the way the notice prints them.
"""
from __future__ import annotations

import json
from typing import Any

from .model import Notice, to_plain


def _tidy(obj: Any) -> Any:
    if isinstance(obj, float) and obj.is_integer() and abs(obj) < 2**53:
        return int(obj)
    if isinstance(obj, dict):
        return {k: _tidy(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_tidy(v) for v in obj]
    return obj


def notice_to_dict(notice: Notice, include_text: bool = True) -> dict[str, Any]:
    d = _tidy(to_plain(notice))
    if not include_text:
        d.pop("text", None)
    return d


def notice_to_json(notice: Notice, include_text: bool = True, indent: int | None = 1) -> str:
    """The notice as JSON text (ends with a newline)."""
    return json.dumps(notice_to_dict(notice, include_text), ensure_ascii=False, indent=indent) + "\n"


__all__ = ["notice_to_dict", "notice_to_json"]
