"""The one document model: a `Notice` and the facts found in it.

Every fact is a frozen dataclass carrying its `text` (as it stands in the notice),
its `span` — ``(start, end)`` character offsets into ``Notice.text``, end exclusive —
and its `section` path (the headings above it). Extractors produce facts with spans
relative to the string they were given; the pipeline maps them onto the original text
with `dataclasses.replace`.

Not covered here: how facts are found (see the per-fact modules) or serialised
beyond plain dicts (see `extractor.jsonio`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]

ROLES = ("lead", "support", "responsible")
BOUNDS = ("exact", "max", "min", "approx")
STRENGTHS = ("mandatory", "encouraged", "permitted")


@dataclass(frozen=True)
class Amount:
    """A money amount, normalised to 元.

    `bound` is one of BOUNDS; `per` the per-unit qualifiers (每人每年 → ("人", "年")).
    A range gives two Amounts sharing `range_id`, the low end bound "min", the high "max".
    """

    text: str
    span: Span
    value: float
    bound: str = "exact"
    per: tuple[str, ...] = ()
    currency_text: str = "元"
    range_id: int | None = None
    section: tuple[str, ...] = ()
    measure: str | None = None


@dataclass(frozen=True)
class Target:
    """A quantitative goal: `value` in the counting `unit` as written, due `year` or None."""

    text: str
    span: Span
    value: float
    unit: str
    year: int | None = None
    indicator: str | None = None
    section: tuple[str, ...] = ()
    measure: str | None = None


@dataclass(frozen=True)
class Deadline:
    """A time limit normalised to an ISO date; `kind` is deadline, period_end, dating_year or validity."""

    text: str
    span: Span
    date: str
    kind: str = "deadline"
    section: tuple[str, ...] = ()
    measure: str | None = None


@dataclass(frozen=True)
class Recurrence:
    """A cadence (每年, 每两年, 月调度) — kept apart from deadlines."""

    text: str
    span: Span
    cadence: str
    section: tuple[str, ...] = ()
    measure: str | None = None


@dataclass(frozen=True)
class Obligation:
    """A sentence that obliges someone: `strength` in STRENGTHS, `cue` the word that says so."""

    text: str
    span: Span
    strength: str
    cue: str
    actor: str | None = None
    section: tuple[str, ...] = ()
    measure: str | None = None


@dataclass(frozen=True)
class Unit:
    """A body responsible for a measure.

    `name` is the surface form as written; `canonical` the expanded name within the
    notice's region; `function` a key such as 人社 or 财政; `level` 省/市/县/区 or None.
    `source` says where it came from: marker, table, duty (a duty sentence), annex_line
    or inherited ("以下措施均需…", "下同").
    """

    name: str
    role: str
    span: Span
    canonical: str | None = None
    function: str | None = None
    level: str | None = None
    source: str = "marker"
    inherited: bool = False


@dataclass(frozen=True)
class Section:
    """A numbered heading and the text it governs; `path` lists the headings above it and itself."""

    id: str
    number: str
    title: str
    level: int
    span: Span
    path: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class Measure:
    """A numbered item that carries work (see GUIDELINE.md), or an annex row / line."""

    id: str
    number: str
    title: str
    text: str
    span: Span
    section: tuple[str, ...]
    units: tuple[Unit, ...] = ()
    source: str = "body"
    deadline: str | None = None


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    policy_title: str | None = None
    doc_number: str | None = None
    issuer: tuple[str, ...] = ()
    date: str | None = None
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    validity: str | None = None
    region: Region = field(default_factory=Region)


@dataclass(frozen=True)
class Source:
    path: str | None
    format: str
    encoding: str | None = None
    sha256: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class Notice:
    id: str
    source: Source
    text: str
    meta: Meta
    sections: tuple[Section, ...] = ()
    measures: tuple[Measure, ...] = ()
    amounts: tuple[Amount, ...] = ()
    targets: tuple[Target, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    recurrences: tuple[Recurrence, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    warnings: tuple[str, ...] = ()
    status: str = "ok"
    schema_version: str = SCHEMA_VERSION

    def to_dict(self, include_text: bool = True) -> dict[str, Any]:
        d = to_plain(self)
        if not include_text:
            d.pop("text", None)
        return d


def to_plain(obj: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, recursively (spans become [start, end])."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


__all__ = [
    "Amount", "Deadline", "Meta", "Measure", "Notice", "Obligation", "Recurrence", "Region",
    "SCHEMA_VERSION", "Section", "Source", "Span", "Target", "Unit", "asdict", "to_plain",
]
