"""Streaming readers: one object (bytes + name) in, a lazy stream of `Cell`s out.

    reader = open_object("chats/2024-05.jsonl.gz", body)
    reader.format, reader.compressed        # "chat", True
    for cell in reader.cells(): ...         # Cell(record, field, text, role)
    reader.stats                            # records, cells, bytes_read, issues

Detection: the extension (optionally followed by .gz) proposes a format and the
content confirms or overrides it: gzip and Parquet magic always win, binary
content is rejected, and .json/.jsonl/unknown names are told apart by content.
A .csv/.tsv/.txt name is trusted for any textual content. UTF-16 text (by its byte-order mark, or
by the NUL byte in every other byte of its head) is re-encoded to UTF-8 on the fly.

Containers: PDF (readers/pdf.py), .xlsx and .docx (readers/office.py) and archives (.zip, .tar,
.tar.gz; readers/archive.py, whose members are opened here again, each with its own detection).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from privscan.readers.archive import TarArchiveReader, ZipArchiveReader, is_tar
from privscan.readers.base import (
    BinaryContent,
    Cell,
    DecompressionBomb,
    Encrypted,
    MalformedObject,
    NoTextLayer,
    ObjectReader,
    ReadError,
    ReadLimits,
    ReadStats,
    RecordIssue,
    TooLarge,
    TooManyMembers,
    UnsupportedFormat,
)
from privscan.readers.decompress import GZIP_MAGIC, GzipInflater, spool
from privscan.readers.delimited import DelimitedReader, sniff_delimiter
from privscan.readers.jsonish import JsonlReader, JsonReader, sniff_json
from privscan.readers.sniff import (
    HEAD_BYTES,
    PARQUET_MAGIC,
    SNIFF_MAX,
    check_signature,
    check_textual,
    head_text,
    is_blank,
    looks_like_json,
    split_name,
)
from privscan.readers.streams import Peekable, Utf16ToUtf8, Windows1252ToUtf8, is_windows_1252, utf16_encoding
from privscan.readers.text import TextReader
from privscan.readers.zipped import open_zip

if TYPE_CHECKING:
    from privscan.readers.parquet import ParquetReader

FORMATS = ("csv", "tsv", "json", "jsonl", "chat", "parquet", "text", "xlsx", "docx", "pdf", "archive")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_PDF_MAGIC = b"%PDF-"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the wrapper of a password-protected xlsx / docx

__all__ = [
    "FORMATS",
    "BinaryContent",
    "Cell",
    "DecompressionBomb",
    "Encrypted",
    "MalformedObject",
    "NoTextLayer",
    "ObjectReader",
    "ReadError",
    "ReadLimits",
    "ReadStats",
    "RecordIssue",
    "TooLarge",
    "TooManyMembers",
    "UnsupportedFormat",
    "open_object",
]


class EmptyReader(ObjectReader):
    """A 0-byte or whitespace-only object: no records."""

    def __init__(self, fmt: str, *, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self.format = fmt
        self.tabular = fmt in ("csv", "tsv", "parquet")
        self.columns = [] if self.tabular else None

    def _cells(self):
        return iter(())


def open_object(name: str, stream: BinaryIO, limits: ReadLimits | None = None) -> ObjectReader:
    """Detect the format of one object and return a reader for it.

    `name` is the file name or object key (only its extension is used). `stream`
    only needs `.read(n)`; a seekable file saves spooling Parquet, PDF and ZIP containers to a
    temporary file. Raises UnsupportedFormat, BinaryContent, MalformedObject, DecompressionBomb,
    TooLarge, TooManyMembers, Encrypted or NoTextLayer (all ReadErrors, with content-free reasons)
    -- also later, from `cells()`.
    """
    limits = limits or ReadLimits()
    by_name, _ = split_name(name)
    src = Peekable(stream)
    head = src.head(HEAD_BYTES)
    compressed = head.startswith(GZIP_MAGIC)
    if compressed:
        src = Peekable(GzipInflater(src, limits))
        head = src.head(HEAD_BYTES)
        if head.startswith(GZIP_MAGIC):
            raise UnsupportedFormat("nested gzip compression is not supported")
    eof = len(head) < HEAD_BYTES

    if head.startswith(PARQUET_MAGIC):
        return _parquet(stream, src, compressed, limits)
    if eof and is_blank(head):
        return EmptyReader(by_name or "text", compressed=compressed, limits=limits)
    if by_name == "parquet":
        raise MalformedObject("not a Parquet file (magic bytes missing)")
    container = _container(by_name, stream, src, head, compressed, limits)
    if container is not None:
        return container
    return _text_object(by_name, src, head, eof, compressed, limits)


def _text_object(by_name, src: Peekable, head: bytes, eof: bool, compressed: bool, limits: ReadLimits) -> ObjectReader:
    """A reader for textual content, re-encoded to UTF-8 first when it is UTF-16 or Windows-1252."""
    encoding = utf16_encoding(head)
    if encoding:
        src = Peekable(Utf16ToUtf8(src, encoding))
        head = src.head(HEAD_BYTES)
        eof = len(head) < HEAD_BYTES
        if eof and is_blank(head):
            return EmptyReader(by_name or "text", compressed=compressed, limits=limits)
    check_signature(head)
    legacy = is_windows_1252(head)
    if legacy:  # re-encoded on the fly, so that every reader sees UTF-8 (names keep their accents)
        src = Peekable(Windows1252ToUtf8(src))
        head = src.head(HEAD_BYTES)
    check_textual(head)
    reader = _textual_reader(by_name, src, head, eof, compressed, limits)
    reader.utf16 = bool(encoding)
    if legacy:
        reader.stats.add_issue(
            RecordIssue(None, "legacy_encoding", "decoded as Windows-1252, not UTF-8"), limits.max_issues
        )
    return reader


def _textual_reader(by_name, src: Peekable, head: bytes, eof: bool, compressed: bool, limits: ReadLimits):
    if by_name in ("csv", "tsv"):
        delimiter = "\t" if by_name == "tsv" else sniff_delimiter(head_text(head, eof))
        return DelimitedReader(src, delimiter, fmt=by_name, compressed=compressed, limits=limits)
    if by_name in ("json", "jsonl") or (by_name is None and looks_like_json(head_text(head, eof))):
        kind, chat = _sniff_json(src, by_name or "json")
        reader = JsonlReader if kind == "jsonl" else JsonReader
        return reader(src, fmt="chat" if chat else kind, compressed=compressed, limits=limits)
    return TextReader(src, compressed=compressed, limits=limits)


def _sniff_json(src: Peekable, prefer: str) -> tuple[str, bool]:
    """Look at ever more of the start (up to SNIFF_MAX) until JSON vs JSONL and chat are clear."""
    size = HEAD_BYTES
    while True:
        head = src.head(size)
        eof = len(head) < size
        found = sniff_json(head_text(head, eof), eof, prefer, final=size >= SNIFF_MAX)
        if found:
            return found
        size *= 4


def _container(by_name, original: BinaryIO, src: Peekable, head: bytes, compressed: bool, limits: ReadLimits):
    """A reader for a PDF, an Office file or an archive, or None for other content (not under such a name)."""
    if head.startswith(_PDF_MAGIC):
        from privscan.readers.pdf import PdfReader  # pypdf only for PDFs

        file, owned = _seekable(original, src, compressed)
        return _owning(file, owned, lambda: PdfReader(file, compressed=compressed, limits=limits, owned=owned))
    if head.startswith(_OLE2_MAGIC) and by_name in ("xlsx", "docx"):
        raise Encrypted("a password-protected Office file")
    if head.startswith(_ZIP_MAGIC):
        return _zip_container(by_name, original, src, compressed, limits)
    if is_tar(head):
        _check_depth(limits)
        return TarArchiveReader(src, open_object, compressed=compressed, limits=limits)
    if by_name in ("xlsx", "docx", "pdf", "zip", "tar"):
        raise MalformedObject(f"not a {by_name} file (signature missing)")
    return None


def _zip_container(by_name, original: BinaryIO, src: Peekable, compressed: bool, limits: ReadLimits):
    file, owned = _seekable(original, src, compressed)
    return _owning(file, owned, lambda: _zip_reader(by_name, file, owned, compressed, limits))


def _zip_reader(by_name, file: BinaryIO, owned: bool, compressed: bool, limits: ReadLimits) -> ObjectReader:
    """An xlsx, a docx (by their main part, unless named .zip) or else an archive."""
    from privscan.readers.office import DocxReader, XlsxReader  # openpyxl only for spreadsheets

    with open_zip(file, limits) as container:
        names = set(container.namelist())
    file.seek(0)
    options = {"compressed": compressed, "limits": limits, "owned": owned}
    if "xl/workbook.xml" in names and by_name != "zip":
        return XlsxReader(file, **options)
    if "word/document.xml" in names and by_name != "zip":
        return DocxReader(file, **options)
    if by_name in ("xlsx", "docx"):
        raise MalformedObject(f"not a {by_name} file (its main part is missing)")
    _check_depth(limits)
    return ZipArchiveReader(file, open_object, **options)


def _owning(file: BinaryIO, owned: bool, make: Callable[[], ObjectReader]) -> ObjectReader:
    """`make()`, closing the spooled `file` when no reader takes it over."""
    try:
        return make()
    except BaseException:
        if owned:
            file.close()
        raise


def _check_depth(limits: ReadLimits) -> None:
    if limits.archive_depth <= 0:
        raise UnsupportedFormat("an archive inside an archive is not opened")


def _seekable(original: BinaryIO, src: Peekable, compressed: bool) -> tuple[BinaryIO, bool]:
    """(a seekable file with the whole object, whether the reader owns it) -- spooled when needed."""
    seekable = getattr(original, "seekable", None)
    if not compressed and callable(seekable) and seekable():
        original.seek(0)
        return original, False
    return spool(src), True


def _parquet(original: BinaryIO, src: Peekable, compressed: bool, limits: ReadLimits) -> ParquetReader:
    from privscan.readers.parquet import (
        ParquetReader,
    )  # imported late: pyarrow adds to every cold start and only Parquet needs it

    seekable = getattr(original, "seekable", None)
    if not compressed and callable(seekable) and seekable():
        return ParquetReader(original, compressed=False, limits=limits)
    return ParquetReader(spool(src), compressed=compressed, limits=limits, owned=True)
