"""`read(path)` — one entry point, one reader per format.

Formats: .txt (UTF-8 with/without BOM, UTF-16/32 with BOM, GB18030/GBK, Big5 — detected), .docx,
legacy Word 97-2003 .doc (and Word-compatible .wps), .pdf (born-digital), .html/.htm/.shtml/.xhtml. The format is chosen by content first (PDF and zip
magic bytes, an OLE2 header, HTML markup — also in a file saved as .txt), extension second.

Every failure is a `ZhengceError` subclass that prints as one line, "<file>: <reason>":
`UnsupportedFormat`, `EmptyDocument`, `CorruptDocument`, `EncryptedDocument`, `NoTextLayer`,
`LimitExceeded`. No exception from a parsing library escapes: whatever a reader lets through is
reported as `CorruptDocument` naming the exception type.

Not covered: Word 6/95 files, .ofd, spreadsheets, images (OCR), archives of several notices.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import CorruptDocument, EmptyDocument, LimitExceeded, UnsupportedFormat, ZhengceError
from .base import DEFAULT_LIMITS, Limits, RawDocument

EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".doc": "doc", ".wps": "doc", ".pdf": "pdf",
              ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP_START = re.compile(rb"^(\xef\xbb\xbf)?\s*<(!doctype\s+html|html|head|body|meta|div|p|table|span|section|"
                           rb"article|h[1-6]|center|font|br|!--)[\s>/]", re.I)
_TAG = re.compile(rb"</?(p|div|table|tr|td|span|br|html|body|meta|h[1-6]|a|img|li|font|strong)\b", re.I)


def looks_like_html(head: bytes) -> bool:
    """Markup at the start and several HTML tags in the first 4 KB.

    >>> looks_like_html('<p style="text-align:center">关于印发</p><p>各区县</p><p>一、</p>'.encode())
    True
    """
    return bool(_MARKUP_START.match(head)) and len(_TAG.findall(head[:4096])) >= 3


def sniff_format(path: Path, head: bytes) -> str:
    """The format by magic bytes, falling back on the extension."""
    ext = EXTENSIONS.get(path.suffix.lower())
    if head.startswith(b"%PDF") or (ext in (None, "pdf") and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and ext in (None, "docx"):
        return "docx"
    if head.startswith(_OLE2):
        if ext == "docx" and _encrypted_ooxml(path):
            return "docx"          # the docx reader says it is password-protected
        return "doc"               # the doc reader tells a Word file from .xls/.ppt and encrypted ones
    if ext in (None, "txt") and looks_like_html(head):
        return "html"
    if ext is None:
        raise UnsupportedFormat(path, f"unknown file type {path.suffix or '(no extension)'!r}; "
                                      f"readable: {', '.join(sorted(EXTENSIONS))}")
    return ext


def _encrypted_ooxml(path: Path) -> bool:
    """Whether an OLE2 file holds an encrypted Office Open XML package (a password-protected .docx)."""
    from ._zipsafe import check_ole2

    try:
        with open(path, "rb") as fh:
            check_ole2(path, fh.read(8))
    except UnsupportedFormat:
        return False
    except ZhengceError:
        return True
    return False


def _reader(fmt: str):
    if fmt == "txt":
        from .txt import read_txt as reader
    elif fmt == "doc":
        from .doc import read_doc as reader
    elif fmt == "docx":
        from .docx import read_docx as reader
    elif fmt == "pdf":
        from .pdf import read_pdf as reader
    else:
        from .html import read_html as reader
    return reader


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
    reader = _reader(sniff_format(p, head))
    try:
        doc = reader(p, limits)
    except ZhengceError:
        raise
    except (MemoryError, RecursionError) as e:
        raise LimitExceeded(p, f"too large or too deeply nested to read ({type(e).__name__})") from None
    except Exception as e:  # a library failure the reader did not anticipate: still one typed line
        reason = " ".join(str(e).split())[:160]
        raise CorruptDocument(p, f"could not be read ({type(e).__name__}: {reason})") from None
    if doc.format == "txt":
        doc = _record_dump_view(_jsdata_view(doc))
    if not doc.text.strip():
        raise EmptyDocument(p, "no text in the document")
    if len(doc.text) > limits.max_chars:
        raise LimitExceeded(p, f"{len(doc.text)} characters of text, over the limit of {limits.max_chars} "
                               f"(raise --max-chars)")
    return doc


_RECORD_DUMP = re.compile(r"^\ufeff?\s*\[\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\s*,"
                          r"(?:\s*(?:null|None|NULL|\d*)\s*,)*")


def _record_dump_view(doc: RawDocument) -> RawDocument:
    """A database row dumped by a crawler ("[uuid,null,标题,正文…]"): the title and the body on lines of their own."""
    from .base import TextBuilder

    m = _RECORD_DUMP.match(doc.text)
    if not m:
        return doc
    rest = doc.text[m.end():].rstrip().removesuffix("]")
    title, sep, body = rest.partition(",")
    if not sep or len(title) > 200:
        return doc
    tb = TextBuilder()
    tb.paragraph(title.strip())
    tb.paragraph(body.strip())
    return RawDocument(text=tb.text, format="txt", path=doc.path, encoding=doc.encoding, blocks=tb.blocks,
                       warnings=doc.warnings + ["database record dump: split into title and body"])


def _jsdata_view(doc: RawDocument) -> RawDocument:
    """A .txt that is script data holding a task list becomes that task table (see `jsdata`)."""
    from .base import TextBuilder
    from .jsdata import jsdata_to_rows, looks_like_jsdata

    if not looks_like_jsdata(doc.text):
        return doc
    rows = jsdata_to_rows(doc.text)
    if not rows or len(rows) < 3:
        return doc
    tb = TextBuilder()
    tb.table(rows)
    return RawDocument(text=tb.text, format="txt", path=doc.path, encoding=doc.encoding, blocks=tb.blocks,
                       warnings=doc.warnings + ["script data: read the task table it holds"])


__all__ = ["Limits", "DEFAULT_LIMITS", "RawDocument", "read", "sniff_format", "looks_like_html"]
