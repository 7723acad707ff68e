"""Format detection from the file name and the first bytes of the content.

Reasons given in errors are fixed strings: never a piece of the content, and
never the file name (which may itself hold personal data).
"""

from __future__ import annotations

import re

from privscan.readers.base import BinaryContent, UnsupportedFormat
from privscan.readers.streams import complete_utf8_len

HEAD_BYTES = 64 * 1024  # first look at the content
BINARY_SAMPLE = 8 * 1024  # the binary test looks at this much
SNIFF_MAX = 4 * 1024 * 1024  # JSON sniffing may look this far to see a whole first record
PARQUET_MAGIC = b"PAR1"

_EXTENSIONS = {
    "csv": "csv",
    "tsv": "tsv",
    "tab": "tsv",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "parquet": "parquet",
    "pq": "parquet",
    "txt": "text",
    "text": "text",
    "md": "text",
    "log": "text",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "docx": "docx",
    "pdf": "pdf",
    "zip": "zip",
    "tar": "tar",
    "tgz": "tar",
}

# Known formats we cannot read (yet): rejected by name, without looking at the content.
_UNSUPPORTED = {
    **dict.fromkeys(("xls", "ods"), "spreadsheet"),
    **dict.fromkeys(("doc", "odt", "rtf", "pptx", "ppt"), "document"),
    **dict.fromkeys(("7z", "rar", "jar"), "archive"),
    **dict.fromkeys(("bz2", "xz", "lz4", "zst", "zstd", "lzma", "br", "snappy"), "compression"),
    **dict.fromkeys(("avro", "orc", "feather", "arrow", "ipc", "h5", "hdf5", "npy", "npz", "pkl", "pickle"), "data"),
    **dict.fromkeys(("sqlite", "sqlite3", "db", "mdb", "accdb"), "database"),
}

# (signature, description, unsupported?) -- unsupported formats could one day be read;
# the rest is binary content that never holds scannable text.
_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "PNG image", False),
    (b"\xff\xd8\xff", "JPEG image", False),
    (b"GIF87a", "GIF image", False),
    (b"GIF89a", "GIF image", False),
    (b"%PDF-", "PDF document", False),
    (b"PK\x03\x04", "ZIP archive", False),
    (b"PK\x05\x06", "ZIP archive", False),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound document", False),
    (b"7z\xbc\xaf\x27\x1c", "7z archive", False),
    (b"\x7fELF", "ELF executable", False),
    (b"SQLite format 3\x00", "SQLite database", False),
    (b"\xfd7zXZ\x00", "xz compression", True),
    (b"\x28\xb5\x2f\xfd", "zstd compression", True),
    (b"Obj\x01", "Avro container", True),
    (b"\xff\xfe", "UTF-16 (or UTF-32) text", True),
    (b"\xfe\xff", "UTF-16 text", True),
]
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not \t \n \v \f \r or ESC
_BINARY_SHARE = 0.3  # legacy 8-bit text (cp1252 accents) stays well below this; random bytes do not
_JSON_START = re.compile(r'\s*(\[\s*([\[{"\-0-9\]]|true|false|null)|\{\s*["}])')


def split_name(name: str) -> tuple[str | None, bool]:
    """(format by extension or None, name ends in .gz). Raises UnsupportedFormat for known-unreadable types."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    parts = base.split(".")[1:]
    gz = bool(parts) and parts[-1] in ("gz", "gzip")
    if gz:
        parts = parts[:-1]
    ext = parts[-1] if parts else ""
    if ext in _UNSUPPORTED:
        raise UnsupportedFormat(f".{ext} files ({_UNSUPPORTED[ext]}) are not supported")
    return _EXTENSIONS.get(ext), gz


def check_signature(head: bytes) -> None:
    """Raise for content whose magic bytes name a binary or unsupported format."""
    for magic, what, unsupported in _SIGNATURES:
        if head.startswith(magic):
            raise (UnsupportedFormat if unsupported else BinaryContent)(f"content is {what}")
    if _BZIP2.match(head):
        raise UnsupportedFormat("content is bzip2 compression")


def check_textual(head: bytes) -> None:
    """Raise BinaryContent unless the first bytes look like text."""
    sample = head[:BINARY_SAMPLE]
    if b"\0" in sample:
        raise BinaryContent("NUL bytes in the first 8 KB")
    text = sample[: complete_utf8_len(sample)].decode("utf-8", "replace")
    odd = text.count("\ufffd") + len(_CONTROL.findall(text))
    if odd > _BINARY_SHARE * max(len(text), 1):
        raise BinaryContent("mostly undecodable or control bytes in the first 8 KB")


def is_blank(head: bytes) -> bool:
    return not head.removeprefix(b"\xef\xbb\xbf").strip()


def head_text(head: bytes, eof: bool) -> str:
    """The head decoded for sniffing (BOM dropped, a cut-off last character ignored)."""
    data = head if eof else head[: complete_utf8_len(head)]
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def looks_like_json(text: str) -> bool:
    """A plausible start of a JSON array or object (not e.g. a Markdown link or "[INFO] log" line)."""
    return bool(_JSON_START.match(text))
