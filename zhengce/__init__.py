"""zhengce (政策) — read Chinese government policy notices into structured, checkable data.

Public API::

    import zhengce
    notice = zhengce.parse("notice.docx")        # a Notice: meta, sections, measures, facts with spans
    zhengce.to_json(notice)                       # deterministic JSON
    zhengce.sample_paths()                        # the bundled sample corpus (five real notices)
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from extractor.errors import ZhengceError
from extractor.jsonio import notice_to_dict, notice_to_json
from extractor.model import Notice
from extractor.pipeline import parse_file, parse_text
from extractor.readers import Limits, read

__version__ = "0.1.0"

parse = parse_file
to_json = notice_to_json
to_dict = notice_to_dict


def sample_paths() -> list[Path]:
    """The bundled sample notices (福鼎, 福建省, 鹰潭, 威海, 遵义), sorted by name."""
    root = resources.files("zhengce").joinpath("samples")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


__all__ = ["Limits", "Notice", "ZhengceError", "__version__", "parse", "parse_file", "parse_text", "read",
           "sample_paths", "to_dict", "to_json"]
