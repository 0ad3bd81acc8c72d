"""`read(path)` — one entry point, one reader per format.

Formats: .txt (UTF-8 with/without BOM, UTF-16 with BOM, GB18030/GBK, Big5 — detected),
.docx, .pdf, .html/.htm. The format is chosen by content sniffing first, extension second.
Every failure is a `ZhengceError` subclass naming the file and the reason.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import EmptyDocument, LimitExceeded, UnsupportedFormat, ZhengceError
from .base import DEFAULT_LIMITS, Limits, RawDocument

EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
              ".shtml": "html", ".xhtml": "html"}


def sniff_format(path: Path, head: bytes) -> str:
    """The format by magic bytes, falling back on the extension."""
    ext = EXTENSIONS.get(path.suffix.lower())
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if ext in (None, "docx"):
            return "docx"
    low = head[:1024].lstrip().lower()
    if ext in (None, "txt") and (low.startswith(b"<!doctype html") or low.startswith(b"<html")):
        return "html"
    if ext is None:
        raise UnsupportedFormat(path, f"unknown file type {path.suffix or '(no extension)'!r}; "
                                      f"readable: {', '.join(sorted(EXTENSIONS))}")
    return ext


def read(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read one notice file into a RawDocument."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ZhengceError(p, "no such file") from None
    except OSError as e:
        raise ZhengceError(p, f"cannot open ({e.strerror})") from None
    if not p.is_file():
        raise ZhengceError(p, "not a regular file")
    if st.st_size == 0:
        raise EmptyDocument(p, "empty file")
    if st.st_size > limits.max_bytes:
        raise LimitExceeded(p, f"file is {st.st_size} bytes, over the limit of {limits.max_bytes} (raise --max-bytes)")
    with open(p, "rb") as fh:
        head = fh.read(4096)
    fmt = sniff_format(p, head)
    if fmt == "txt":
        from .txt import read_txt as reader
    elif fmt == "docx":
        from .docx import read_docx as reader
    elif fmt == "pdf":
        from .pdf import read_pdf as reader
    else:
        from .html import read_html as reader
    doc = reader(p, limits)
    if not doc.text.strip():
        raise EmptyDocument(p, "no text in the document")
    if len(doc.text) > limits.max_chars:
        raise LimitExceeded(p, f"{len(doc.text)} characters of text, over the limit of {limits.max_chars} (raise --max-chars)")
    return doc


__all__ = ["Limits", "DEFAULT_LIMITS", "RawDocument", "read", "sniff_format"]
