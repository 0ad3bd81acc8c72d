"""Safety checks on an OOXML (.docx) container before any XML library sees it.

Covered: not-a-zip / truncated archives, OLE2 files posing as .docx (password-protected OOXML is
stored in an OLE2 compound file; a legacy Word 97-2003 .doc is one too), zip bombs (too many
entries — counted from the end-of-archive record before the directory is parsed —, too many
declared decompressed bytes, an absurd compression ratio, an entry whose deflate stream goes on
past the size its header declares), and XML parts that declare entities or a DTD with an external
identifier or internal subset (XXE, billion laughs) — refused outright, never resolved. The scan
reads every entry, whatever its name or first bytes (a DTD may follow leading whitespace; a part
may be UTF-16 without a byte-order mark); a bare ``<!DOCTYPE html>`` is harmless and allowed.
XML parts that declare an encoding other than UTF-8/UTF-16/UTF-32/ASCII (UTF-7, EBCDIC …) are
refused, since a DTD in them would not be visible to the scan.

`safe_copy` returns the archive python-docx is given: an in-memory copy holding exactly the bytes
that were checked (each entry inflated in bounded chunks, never past its declared size), so nothing
unchecked is ever parsed and a lying header cannot make python-docx inflate gigabytes.

Not covered: validating the XML against the OOXML schema; macro-enabled .docm files.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, LimitExceeded, UnsupportedFormat
from .base import Limits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RATIO_MAX = 200
_RATIO_MIN_BYTES = 10 * 1024 * 1024
_CHUNK = 1 << 20
_OVERLAP = 256
# an entity declaration anywhere, or a DOCTYPE that is more than a bare root name (external id or internal subset)
_DTD = re.compile(rb"<!\s*ENTITY|<!\s*DOCTYPE(?!\s+[A-Za-z_:][\w:.-]*\s*>)", re.IGNORECASE)
_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_XML_ENCODINGS = {b"utf-8", b"utf8", b"utf-16", b"utf-16le", b"utf-16be", b"utf-32", b"ucs-2", b"ucs-4",
                  b"us-ascii", b"ascii", b"iso-10646-ucs-2"}
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"                   # "<?xm" in EBCDIC


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


def check_directory_size(path: Path, limits: Limits) -> None:
    """Refuse, from the end-of-archive record alone, an archive listing too many entries.

    Parsing the central directory builds one object per entry (a 35 MB archive of 400,000 empty
    entries takes 4 s and 300 MB), so the count it declares is checked first — and, in case the
    count lies, the directory's size (1 KB per allowed entry is far more than real .docx entries use).
    """
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65557))
        tail = fh.read()
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or len(tail) - i < 22:
        return                                              # zipfile will say what is wrong
    count, cd_size = struct.unpack("<10xHI6x", tail[i:i + 22])
    if count > limits.max_zip_entries:
        raise LimitExceeded(path, f"{count} zip entries, over the limit of {limits.max_zip_entries} "
                                  f"(raise --max-zip-entries)")
    if cd_size != 0xFFFFFFFF and cd_size > 1024 * limits.max_zip_entries:
        raise LimitExceeded(path, f"a zip directory of {cd_size} bytes: more entries than the limit of "
                                  f"{limits.max_zip_entries} (raise --max-zip-entries)")


def open_checked(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Open a .docx as a zip after the container checks; the caller closes it."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    check_ole2(path, head)
    check_directory_size(path, limits)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise CorruptDocument(path, "not a valid zip archive (truncated or damaged .docx)") from None
    except (OSError, ValueError, EOFError, struct.error) as e:
        raise CorruptDocument(path, f"unreadable zip archive ({type(e).__name__})") from None
    try:
        check_entries(path, zf.infolist(), limits)
        if "word/document.xml" not in zf.namelist():
            raise CorruptDocument(path, "no word/document.xml in the archive (not a Word .docx)")
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


class _DtdScan:
    """Feed an entry's bytes in chunks; `.found` says whether it declares entities or a DTD.

    NUL bytes are dropped before matching, so UTF-16 and UTF-32 text (with or without a byte-order
    mark) is scanned like ASCII; other encodings are refused by `_check_encoding` on the first chunk.

    >>> s = _DtdScan(); s.feed(b'<?xml version="1.0"?>' + b"\\n" * 40 + b'<!DOCTYPE d [<!ENTITY a "b">]><d/>', True); s.found
    True
    >>> s = _DtdScan(); s.feed('<!DOCTYPE d SYSTEM "file:///etc/passwd"><d/>'.encode("utf-16-le"), True); s.found
    True
    >>> s = _DtdScan(); s.feed(b"<!DOCTYPE html><html><p>\\xe9\\x80\\x9a\\xe7\\x9f\\xa5</p></html>", True); s.found
    False
    """

    def __init__(self) -> None:
        self.tail = b""
        self.found = False

    def feed(self, chunk: bytes, final: bool = False) -> None:
        buf = self.tail + chunk.replace(b"\x00", b"")
        limit = len(buf) if final else len(buf) - _OVERLAP     # a match near the end is judged with more text
        for m in _DTD.finditer(buf):
            if m.start() >= limit:
                break
            self.found = True
            return
        self.tail = buf[-_OVERLAP:]


def _check_encoding(path: Path, name: str, head: bytes) -> None:
    """Refuse XML parts in encodings the DTD scan cannot read (UTF-7, EBCDIC, legacy code pages)."""
    if head.startswith(_EBCDIC_XML):
        raise CorruptDocument(path, f"XML part {name!r} is EBCDIC-encoded; refused for safety")
    m = _DECL_ENCODING.match(head.lstrip(b"\xef\xbb\xbf\xff\xfe").replace(b"\x00", b""))
    if m and m.group(1).strip().lower() not in _XML_ENCODINGS:
        enc = m.group(1).decode("ascii", "replace")
        raise CorruptDocument(path, f"XML part {name!r} declares encoding {enc!r}; only UTF-8/UTF-16 are read")


def _checked_bytes(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, inflated in bounded chunks and scanned for DTDs as they come."""
    scan, parts, n = _DtdScan(), [], 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)          # zipfile never returns more than the declared size
                if not parts and chunk:
                    _check_encoding(path, info.filename, chunk[:512])
                scan.feed(chunk, final=not chunk)
                if scan.found:
                    raise CorruptDocument(path, f"XML declares a DTD/entities; refused for safety ({info.filename})")
                if not chunk:
                    break
                parts.append(chunk)
                n += len(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, struct.error) as e:
        raise CorruptDocument(path, f"damaged zip entry {info.filename!r} ({type(e).__name__})") from None
    if n != info.file_size:
        raise CorruptDocument(path, f"zip entry {info.filename!r} holds {n} bytes, not the {info.file_size} declared")
    return b"".join(parts)


def check_no_dtd(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse when any entry declares entities or a DTD (XXE / entity expansion)."""
    for info in zf.infolist():
        if not info.is_dir():
            _checked_bytes(path, zf, info)


def safe_copy(path: Path, limits: Limits) -> io.BytesIO:
    """The .docx as an in-memory, uncompressed archive of exactly the checked bytes (for python-docx)."""
    zf = open_checked(path, limits)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                data = _checked_bytes(path, zf, info)
                copy.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), data)
    finally:
        zf.close()
    out.seek(0)
    return out
