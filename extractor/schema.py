"""The published JSON Schema of a notice, generated from the dataclasses in `model`.

`notice_schema()` walks the dataclass fields and their type hints; the committed file
`schema/notice.schema.json` is its output (`python -m extractor.schema > schema/notice.schema.json`),
and a test checks that the two agree and that every notice we write validates against it.
"""
from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from typing import Any

from . import model

_DOCS = {
    "span": "[start, end) character offsets into the notice's `text` (the text as read)",
    "section": "headings above the fact, outermost first",
    "measure": "id of the measure the fact sits in, or null",
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None):
        return {"type": "null"}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a, defs) for a in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs)}
        return {"type": "array", "prefixItems": [_type_schema(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if origin is dict:
        return {"type": "object"}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _dataclass_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {}


def _dataclass_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props = {}
    for f in dataclasses.fields(cls):
        s = _type_schema(hints[f.name], defs)
        if f.name in _DOCS:
            s = {**s, "description": _DOCS[f.name]}
        props[f.name] = s
    out: dict[str, Any] = {"type": "object", "properties": props, "required": [f.name for f in dataclasses.fields(cls)],
                           "additionalProperties": False}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    return out


def notice_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _dataclass_schema(model.Notice, defs)
    root["properties"]["text"] = {"type": "string", "description": "the notice's text as read; spans index into it"}
    root["required"] = [r for r in root["required"] if r != "text"]   # --no-text output leaves it out
    # enumerations
    defs["Unit"]["properties"]["role"]["enum"] = list(model.ROLES)
    defs["Amount"]["properties"]["bound"]["enum"] = list(model.BOUNDS)
    defs["Obligation"]["properties"]["strength"]["enum"] = list(model.STRENGTHS)
    for name in ("Deadline",):
        defs[name]["properties"]["date"]["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://zhengce.dev/schema/notice.schema.json",
            "title": "zhengce Notice", "schema_version": model.SCHEMA_VERSION, **root, "$defs": defs}


def main() -> None:
    sys.stdout.write(json.dumps(notice_schema(), ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
