"""Plain-text notices in any common Chinese encoding.

Detection order: BOMs (UTF-8, UTF-32, UTF-16); BOM-less UTF-16 (only when it decodes strictly into
mostly CJK/ASCII text); strict UTF-8; then the legacy encodings tried strictly — GB18030 (a superset
of GBK and GB2312: never decode as GBK, the seeds hold characters GBK lacks) and Big5 (as cp950, its
Windows superset). When both legacy decodings succeed, the one with more common Chinese characters
wins; charset-normalizer breaks near-ties. Lines that fit no encoding (a file pasted together from
two sources) are decoded one by one.

Binary junk (NUL bytes, many control characters) is refused as `CorruptDocument` rather than decoded
into noise; whitespace-only text is `EmptyDocument`.

Not covered: EBCDIC, UTF-7, HZ and ISO-2022 encodings; mojibake repair (text that was already
mis-decoded upstream stays as it is).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import CorruptDocument, EmptyDocument, LimitExceeded
from .base import Limits, RawDocument, TextBuilder

_CJK_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处理府研质"
)
_CJK_COMMON |= set("們個這為從來說對時於與學國際會過當還進體關機點義實經發現將動開場問員職術業務區縣責產費覽讓導衛稅習門見範應顯")
_LEGACY = (("gb18030", "gb18030"), ("big5", "cp950"))   # (reported name, codec)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(sample) // 50)


def _is_texty(text: str) -> bool:
    """True when nearly every character is CJK, ASCII printable, whitespace or common punctuation."""
    if not text:
        return False
    ok = sum(1 for c in text
             if c.isspace() or " " <= c <= "~" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return ok >= 0.95 * len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_texty(text[:20000]):
            return text, enc
    return None


def _score(text: str) -> float:
    """Share of CJK characters that are common ones, used to choose between legacy decodings."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in _CJK_COMMON for c in cjk) / len(cjk)


def _choose(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    scored = sorted(((_score(t), t, e) for t, e in candidates), reverse=True)
    if scored[0][0] - scored[1][0] >= 0.1:
        return scored[0][1], scored[0][2]
    from charset_normalizer import from_bytes  # lazy: only for near-ties

    best = from_bytes(data[:200000], cp_isolation=["gb18030", "big5", "cp950"]).best()
    want = "big5" if best is not None and best.encoding in ("big5", "cp950") else "gb18030"
    for text, enc in candidates:
        if enc == want:
            return text, enc
    return scored[0][1], scored[0][2]


def decode_bytes(data: bytes, path: object = None) -> tuple[str, str]:
    """Decode notice bytes; returns (text, encoding name).

    >>> decode_bytes("技能人才".encode("gb18030"))
    ('技能人才', 'gb18030')
    >>> decode_bytes("技能人才".encode("utf-16"))
    ('技能人才', 'utf-16')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data)
        if found:
            return found
    if _looks_binary(data):
        raise CorruptDocument(path, "binary content, not text (wrong extension or a damaged file)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for name, codec in _LEGACY:
        try:
            candidates.append((data.decode(codec), name))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return _decode_mixed(data), "mixed"
    if len(candidates) == 1:
        return candidates[0]
    return _choose(data, candidates)


def _line_score(text: str) -> float:
    """`_score`, less the share of private-use characters (what GB18030 makes of Big5 bytes)."""
    pua = sum(1 for c in text if "\ue000" <= c <= "\uf8ff")
    return _score(text) - pua / max(len(text), 1)


def _decode_mixed(data: bytes) -> str:
    """Line by line: strict UTF-8, else the legacy decoding (GB18030 or Big5) that reads most like Chinese.

    >>> _decode_mixed("一、目标".encode("gb18030") + b"\\n" + "開展職業技能培訓".encode("big5") + b"\\n\\xff")
    '一、目标\\n開展職業技能培訓\\n\\ufffd'
    """
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        found = []
        for codec in ("gb18030", "cp950"):
            try:
                found.append(line.decode(codec))
            except UnicodeDecodeError:
                continue
        if found:
            out.append(max(found, key=_line_score))     # max keeps the first (GB18030) on a tie
        else:
            out.append(line.decode("gb18030", errors="replace"))
    return "\n".join(out)


def read_txt(path: Path, limits: Limits) -> RawDocument:
    """Read a plain-text notice: one paragraph block per line (blank lines kept)."""
    with open(path, "rb") as fh:
        data = fh.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:       # the file grew after `read` checked its size
        raise LimitExceeded(path, f"file is over the limit of {limits.max_bytes} bytes (raise --max-bytes)")
    text, enc = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyDocument(path, "only whitespace")
    tb = TextBuilder()
    for line in text.split("\n"):
        tb.paragraph(line)
    return RawDocument(text=tb.text, format="txt", path=str(path), encoding=enc, blocks=tb.blocks)
