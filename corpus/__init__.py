"""zhengce.corpus — MANY notices: batch conversion, the store, queries, cross-notice comparison and text reuse.
Imports `extractor`; nothing here is imported by `extractor`. Submodules are imported lazily
(``from corpus.compare import compare_notices``) so that importing the package stays cheap."""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "compare_notices": "compare", "Comparison": "compare", "region_of": "compare", "incentives_table": "compare",
    "targets_table": "compare", "responsibility_table": "compare", "coverage_table": "compare",
    "coverage_matrix": "compare", "align_measures": "align", "find_reuse": "reuse", "find_reuse_pair": "reuse",
    "Reuse": "reuse", "write_report": "report", "report_html": "report", "load_taxonomy": "topics",
    "assign_topics": "topics",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"corpus.{_EXPORTS[name]}"), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
