"""Safety checks on an OOXML (.docx) container before any XML library sees it.

Covered: not-a-zip / truncated archives, OLE2 files posing as .docx (password-protected OOXML is
stored in an OLE2 compound file; a legacy Word 97-2003 .doc is one too), zip bombs (too many
entries, too many declared decompressed bytes, an absurd compression ratio), and XML parts that
declare a DTD or entities (XXE, billion laughs) — refused outright, never resolved.

Not covered: validating the XML against the OOXML schema; macro-enabled .docm files.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, LimitExceeded, UnsupportedFormat
from .base import Limits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RATIO_MAX = 200
_RATIO_MIN_BYTES = 10 * 1024 * 1024
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_ole2(path: Path, head: bytes) -> None:
    """Raise the right error for an OLE2 compound file named .docx."""
    if not head.startswith(OLE2_MAGIC):
        return
    with open(path, "rb") as fh:
        blob = fh.read(4 * 1024 * 1024)
        if len(blob) >= 0x34:                               # also read the first directory sector
            shift = int.from_bytes(blob[0x1E:0x20], "little")
            first_dir = int.from_bytes(blob[0x30:0x34], "little")
            if 7 <= shift <= 16 and first_dir < 0xFFFFFFFA:
                fh.seek((first_dir + 1) << shift)
                blob += fh.read(1 << shift)
    if "WordDocument".encode("utf-16-le") in blob and "EncryptedPackage".encode("utf-16-le") not in blob:
        raise UnsupportedFormat(path, "a legacy Word 97-2003 .doc file, not .docx; save it as .docx")
    raise EncryptedDocument(path, "password-protected (encrypted) .docx; remove the password and retry")


def open_checked(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Open a .docx as a zip after the container checks; the caller closes it."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    check_ole2(path, head)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise CorruptDocument(path, "not a valid zip archive (truncated or damaged .docx)") from None
    except (OSError, ValueError, EOFError) as e:
        raise CorruptDocument(path, f"unreadable zip archive ({type(e).__name__})") from None
    try:
        check_entries(path, zf.infolist(), limits)
        if "word/document.xml" not in zf.namelist():
            raise CorruptDocument(path, "no word/document.xml in the archive (not a Word .docx)")
        check_no_dtd(path, zf)
    except BaseException:
        zf.close()
        raise
    return zf


def check_entries(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse archives with too many entries, too many bytes, or a bomb-like entry."""
    if len(infos) > limits.max_zip_entries:
        raise LimitExceeded(path, f"{len(infos)} zip entries, over the limit of {limits.max_zip_entries}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise LimitExceeded(path, f"{total} bytes when unzipped, over the limit of {limits.max_unzipped_bytes} "
                                  f"(zip bomb?)")
    for i in infos:
        ratio = i.file_size / max(i.compress_size, 1)
        if ratio > _RATIO_MAX and i.file_size > _RATIO_MIN_BYTES:
            raise LimitExceeded(path, f"zip entry {i.filename!r} compresses {ratio:.0f}:1 (zip bomb?)")


def _is_xml_head(head: bytes) -> bool:
    h = head.lstrip()
    return h.startswith(b"<") or head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def _as_utf8(data: bytes) -> bytes:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    return data


def check_no_dtd(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse when any XML part declares a DTD or entities (XXE / entity expansion)."""
    for info in zf.infolist():
        if info.is_dir():
            continue
        try:
            with zf.open(info) as fh:
                head = fh.read(16)
                if not _is_xml_head(head):
                    continue
                data = head + fh.read()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise CorruptDocument(path, f"damaged zip entry {info.filename!r} ({type(e).__name__})") from None
        if _DTD.search(_as_utf8(data)):
            raise CorruptDocument(path, f"XML declares a DTD/entities; refused for safety ({info.filename})")
