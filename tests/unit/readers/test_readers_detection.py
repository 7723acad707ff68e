"""Format detection, rejected objects, and content-free errors."""

from __future__ import annotations

import gzip
import io
import random

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import (
    FORMATS,
    BinaryContent,
    Cell,
    MalformedObject,
    ReadError,
    ReadLimits,
    UnsupportedFormat,
    open_object,
)
from privscan.readers.base import RecordIssue
from privscan.readers.sniff import split_name

PLANTED = "PLANTED-7f3a9c-jane.doe@example.com"


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, list(reader.cells())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.csv", ("csv", False)),
        ("dir/sub/A.CSV.GZ", ("csv", True)),
        ("x.tab", ("tsv", False)),
        ("x.ndjson.gz", ("jsonl", True)),
        ("x.pq", ("parquet", False)),
        ("x.log", ("text", False)),
        ("x.gz", (None, True)),
        ("README", (None, False)),
        ("archive.v2.data", (None, False)),
    ],
)
def test_split_name(name, expected):
    assert split_name(name) == expected


@pytest.mark.parametrize("ext", ["xls", "ods", "pptx", "7z", "avro", "orc", "doc"])
def test_known_unsupported_extensions(ext):
    with pytest.raises(UnsupportedFormat) as info:
        open_object(f"JaneDoe-payroll.{ext}", io.BytesIO(b"name,email\nJane,jane@example.com\n"))
    assert info.value.code == "unsupported_format"
    assert "JaneDoe" not in info.value.reason  # names may hold personal data too: never echoed


@pytest.mark.parametrize("ext", ["xlsx", "docx", "pdf", "zip", "tar", "tar.gz", "tgz"])
def test_container_names_with_text_content_are_malformed(ext):
    with pytest.raises(MalformedObject) as info:
        open_object(f"JaneDoe-payroll.{ext}", io.BytesIO(b"name,email\nJane,jane@example.com\n"))
    assert info.value.code == "malformed"
    assert "JaneDoe" not in info.value.reason


def test_png_header_and_random_bytes_is_binary():
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(BinaryContent, match="PNG image"):
        open_object("photo.dat", io.BytesIO(data))
    with pytest.raises(BinaryContent):  # the name does not matter
        open_object("photo.csv", io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xd8\xff\xe0" + b"\0" * 10, "JPEG image"),
    ],
)
def test_binary_signatures(data, reason):
    with pytest.raises(BinaryContent, match=reason):
        open_object("file", io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xfd7zXZ\x00" + b"\x01" * 20, "xz compression"),
        (b"BZh91AY&SY" + b"\x01" * 20, "bzip2 compression"),
        (b"Obj\x01" + b"\x02" * 20, "Avro container"),
        ("name\tcity\n".encode("utf-32"), "UTF-16"),
    ],
)
def test_unsupported_signatures(data, reason):
    with pytest.raises(UnsupportedFormat, match=reason):
        open_object("file", io.BytesIO(data))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"PK\x03\x04" + b"\0" * 30])
def test_truncated_pdf_and_zip_are_malformed(data):
    with pytest.raises(MalformedObject):
        open_object("file", io.BytesIO(data))


def test_nul_bytes_are_binary():
    with pytest.raises(BinaryContent, match="NUL bytes"):
        open_object("x.txt", io.BytesIO(b"hello\x00world" * 10))


def test_mostly_undecodable_bytes_are_binary():
    with pytest.raises(BinaryContent, match="mostly undecodable"):
        open_object("x.csv", io.BytesIO(bytes(range(0x80, 0x100)) * 40))


def test_legacy_8bit_text_is_still_text():
    data = "Name;Stadt\nJörg Müller;München\nRenée Dupré;Besançon\n".encode("cp1252")
    reader, cells = read("legacy.csv", data)
    assert reader.format == "csv"
    # an Excel-style Windows-1252 export: re-encoded, so names keep their letters; reported once
    assert reader.stats.issues == [RecordIssue(None, "legacy_encoding", "decoded as Windows-1252, not UTF-8")]
    assert cells == [
        Cell(0, "Name", "Jörg Müller"),
        Cell(0, "Stadt", "München"),
        Cell(1, "Name", "Renée Dupré"),
        Cell(1, "Stadt", "Besançon"),
    ]


def test_legacy_8bit_gzip_is_re_encoded_too():
    import gzip

    reader, cells = read("legacy.txt.gz", gzip.compress("Grüße aus Köln\n".encode("cp1252")))
    assert cells == [Cell(0, None, "Grüße aus Köln")]
    assert [i.code for i in reader.stats.issues] == ["legacy_encoding"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'[{"a": "x"}]', "json"),
        (b'  \n{\n "a": "x"\n}', "json"),
        (b'{"a": "x"}\n{"a": "y"}', "jsonl"),
        (b'{"messages": [{"role": "user", "content": "x"}]}\n', "chat"),
        (b"just some words\n", "text"),
        (b"[INFO] service started\n", "text"),
    ],
)
def test_unknown_extension_is_sniffed(data, fmt):
    reader, _ = read("download", data)
    assert reader.format == fmt


@pytest.mark.parametrize("name", ["e.csv", "e.json", "e.jsonl", "e.txt", "e", "e.parquet", "e.csv.gz"])
@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_objects(name, data):
    if name.endswith(".gz"):
        data = gzip.compress(data)
    reader, cells = read(name, data)
    assert cells == []
    assert reader.empty is True
    assert reader.format in FORMATS
    assert reader.stats.records == 0


def test_reader_attributes_and_single_use():
    reader = open_object("a.csv", io.BytesIO(b"a\nx\n"))
    assert reader.empty is False  # not read yet
    assert list(reader.cells()) == [Cell(0, "a", "x")]
    with pytest.raises(RuntimeError):
        list(reader.cells())


def test_stats_are_filled_while_iterating():
    reader = open_object("a.jsonl", io.BytesIO(b'{"a": "1"}\n{"a": "2"}\n{"a": "3"}\n'))
    cells = reader.cells()
    next(cells)
    assert (reader.stats.records, reader.stats.cells) == (1, 1)
    list(cells)
    assert (reader.stats.records, reader.stats.cells) == (3, 3)


# --- nothing from the content ever reaches an error message or an issue --------------------------


def _parquet_with_planted() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"v": [PLANTED] * 100}), sink)
    data = sink.getvalue()
    return data[:-40]  # footer cut off


BAD_OBJECTS = [
    ("bad.json", f'[{{"a": "{PLANTED}",, }}]'.encode()),
    ("bad.json", f'{{"{PLANTED}" "x"}}'.encode()),
    ("bad.json", f'"{PLANTED}'.encode()),
    ("bad.csv", f'a,b\n"{PLANTED}\n'.encode() + b"x" * 3000),
    ("bad.parquet", _parquet_with_planted()),
    ("bad.txt.gz", gzip.compress(PLANTED.encode() * 1000)[:-100]),
    ("bad.jsonl", f'{{"a": "{PLANTED}"\n{{"b": {PLANTED}}}\n'.encode()),
    ("bad.csv", f"a,b,c\n{PLANTED}\n{PLANTED},1,2,3\n".encode() + b"\xff\n"),
    ("bad.bin", PLANTED.encode() + b"\0" * 100),
    ("bad.json", b'[{"a": "x"}, ' + PLANTED.encode()),
]


@pytest.mark.parametrize(("name", "data"), BAD_OBJECTS)
def test_errors_and_issues_never_contain_content(name, data):
    limits = ReadLimits(max_record_bytes=2048)
    try:
        reader = open_object(name, io.BytesIO(data), limits)
        for _ in reader.cells():
            pass
    except ReadError as error:
        assert PLANTED not in str(error) and PLANTED not in error.reason
        assert "PLANTED" not in repr(error)
        # no chained exception (whose message or attributes could hold content)
        assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    else:
        assert reader.stats.issues, "expected a problem to be reported"
        for issue in reader.stats.issues:
            assert "PLANTED" not in issue.detail
