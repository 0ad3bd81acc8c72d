"""The 任务分工表 as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese text), a header
row 序号,重点任务,工作要求,牵头单位,配合单位,完成时限, one line per row; a group row has only its
heading, in the 重点任务 column. Not covered: other encodings or separators."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from ..tasks import HEADERS, TaskRow


def rows_to_csv(rows: Sequence[TaskRow]) -> str:
    """The rows as CSV text (without the byte-order mark).

    >>> row = TaskRow("1", "开展职业技能培训", "到2025年培训1万人次", ("市人社局",), (), "2025年底前")
    >>> print(rows_to_csv([row]), end="")
    序号,重点任务,工作要求,牵头单位,配合单位,完成时限
    1,开展职业技能培训,到2025年培训1万人次,市人社局,,2025年底前
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADERS)
    for r in rows:
        w.writerow(r.cells())
    return buf.getvalue()


def write_csv(rows: Sequence[TaskRow], path: str | Path) -> Path:
    """Write the rows as a CSV file Excel opens (UTF-8 with BOM, LF line ends); returns the path."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(rows_to_csv(rows), encoding="utf-8-sig", newline="")
    tmp.replace(path)
    return path


__all__ = ["rows_to_csv", "write_csv"]
