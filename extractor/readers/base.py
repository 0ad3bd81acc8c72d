"""What every reader returns: a `RawDocument` — one text string plus its blocks.

`text` is the document's text as read: paragraphs separated by "\n"; a table rendered as one
line per row with cells joined by " | " and a trailing " |" (the same flattened form government
sites print), so that one structure parser serves .txt, .docx, .pdf and .html. Merged cells are
carried down (their text repeated in every row they span). Every fact's span points into `text`.

`blocks` keep the structure the format had: paragraphs and tables with their cell grid and the
span of each block in `text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CELL_SEP = " | "


@dataclass(frozen=True)
class Limits:
    """Safety limits for reading one file (overridable from the CLI: --max-bytes, --max-pages,
    --max-unzipped-bytes, --max-zip-entries, --max-chars).

    Each is checked as early as it can be, so that a file over a limit costs almost nothing:

    - `max_bytes` (50 MiB): the size on disk, from `stat`, before a byte is read (a 200 MB text
      is refused in microseconds); readers never read past it.
    - `max_pages` (2,000): PDF pages, from the page count, before any page is loaded.
    - `max_unzipped_bytes` (200 MiB): a .docx's declared decompressed size (zip bombs; entries are
      inflated in 1 MB steps and never past their declared size), and a PDF's Flate streams,
      images aside (PDF bombs), inflated in 1 MB steps before pdfium loads a page.
    - `max_zip_entries` (5,000): entries of a .docx, from the end-of-archive record, before the
      zip directory is parsed.
    - `max_chars` (5,000,000): characters of text; a PDF stops at the page whose character count
      (known before its characters are copied) takes the total over; other formats after reading.

    Time is not a reader limit: `zhengce batch --timeout` stops a file that takes too long.
    """

    max_bytes: int = 50 * 1024 * 1024          # file size on disk
    max_pages: int = 2000                      # PDF pages
    max_unzipped_bytes: int = 200 * 1024 * 1024  # decompressed bytes of a .docx, or of a PDF's streams
    max_zip_entries: int = 5000                # entries in a .docx archive
    max_chars: int = 5_000_000                 # characters of text after reading


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Table:
    """A table as drawn: `rows` of cell texts, merged cells carried down into every row they span."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Block:
    kind: str                      # "paragraph" | "table"
    span: tuple[int, int]
    table: Table | None = None


@dataclass
class RawDocument:
    text: str
    format: str                    # txt | docx | pdf | html
    path: str | None = None
    encoding: str | None = None
    pages: int | None = None
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def render_table_row(cells: list[str] | tuple[str, ...]) -> str:
    """One table row as a text line: ``a | b | c |``.

    >>> render_table_row(["1", "培育铜基新材料产业链技能人才", "市人社局"])
    '1 | 培育铜基新材料产业链技能人才 | 市人社局 |'
    """
    clean = [" ".join(c.split()) for c in cells]
    return CELL_SEP.join(clean) + " |"


class TextBuilder:
    """Accumulates paragraphs and tables into one text, recording each block's span."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[Block] = []

    def _append(self, s: str) -> tuple[int, int]:
        if self._parts:
            self._parts.append("\n")
            self._len += 1
        start = self._len
        self._parts.append(s)
        self._len += len(s)
        return start, self._len

    def paragraph(self, s: str) -> None:
        span = self._append(s)
        self.blocks.append(Block("paragraph", span))

    def table(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        lines = [render_table_row(r) for r in rows]
        span = self._append("\n".join(lines))
        self.blocks.append(Block("table", span, Table(tuple(tuple(" ".join(c.split()) for c in r) for r in rows))))

    @property
    def text(self) -> str:
        return "".join(self._parts)
