"""One catalogue of errors. Each says what went wrong with which file and, where it can, how to fix it.

A `ZhengceError` renders as one line: ``<file>: <reason>``. The CLI prints that line and exits
non-zero; batch runs record it against the file and go on.
"""
from __future__ import annotations


class ZhengceError(Exception):
    """Base class: a problem with one input, reported as one line naming the file."""

    stage = "read"

    def __init__(self, path: object, reason: str):
        self.path = str(path) if path is not None else "<input>"
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFormat(ZhengceError):
    """The file's extension or content is not one of the formats the toolkit reads."""


class EmptyDocument(ZhengceError):
    """The file holds no text (empty, whitespace only, or nothing extractable)."""


class CorruptDocument(ZhengceError):
    """The file is truncated, damaged, or not what its extension says."""


class EncryptedDocument(ZhengceError):
    """The file is password-protected."""


class NoTextLayer(ZhengceError):
    """A PDF with pages but no text layer (scanned): OCR is needed."""


class LimitExceeded(ZhengceError):
    """The file exceeds a configured safety limit (size, pages, decompressed bytes, time)."""


class ExtractionError(ZhengceError):
    """A bug or unexpected condition while extracting facts from text that was read."""

    stage = "extract"


__all__ = [
    "CorruptDocument", "EmptyDocument", "EncryptedDocument", "ExtractionError", "LimitExceeded",
    "NoTextLayer", "UnsupportedFormat", "ZhengceError",
]
