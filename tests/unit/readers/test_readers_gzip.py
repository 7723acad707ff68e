"""gzip: every format compressed, bombs, truncation, multi-member streams."""

from __future__ import annotations

import gzip
import io
import json
import zlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import (
    BinaryContent,
    Cell,
    DecompressionBomb,
    MalformedObject,
    ReadLimits,
    UnsupportedFormat,
    open_object,
)


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, list(reader.cells())


def _parquet() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"email": ["jane@example.com", None]}), sink)
    return sink.getvalue()


CASES = [
    (
        "p.csv.gz",
        b"name,email\nJane Doe,jane@example.com\n",
        "csv",
        [Cell(0, "name", "Jane Doe"), Cell(0, "email", "jane@example.com")],
    ),
    (
        "p.tsv.gz",
        b"name\temail\nJane Doe\tjane@example.com\n",
        "tsv",
        [Cell(0, "name", "Jane Doe"), Cell(0, "email", "jane@example.com")],
    ),
    ("p.json.gz", b'[{"email": "jane@example.com"}]', "json", [Cell(0, "email", "jane@example.com")]),
    ("p.jsonl.gz", b'{"email": "jane@example.com"}\n', "jsonl", [Cell(0, "email", "jane@example.com")]),
    (
        "p.jsonl.gz",
        b'{"messages": [{"role": "user", "content": "jane@example.com"}]}\n',
        "chat",
        [Cell(0, "messages[0].content", "jane@example.com", "user")],
    ),
    ("p.parquet.gz", _parquet(), "parquet", [Cell(0, "email", "jane@example.com")]),
    ("p.txt.gz", b"mail jane@example.com\n", "text", [Cell(0, None, "mail jane@example.com")]),
    (
        "p.gz",
        b'{"email": "jane@example.com"}\n{"email": "x"}\n',
        "jsonl",
        [Cell(0, "email", "jane@example.com"), Cell(1, "email", "x")],
    ),
]


@pytest.mark.parametrize(("name", "raw", "fmt", "expected"), CASES, ids=[c[0] + ":" + c[2] for c in CASES])
def test_gzip_of_each_format(name, raw, fmt, expected):
    reader, cells = read(name, gzip.compress(raw))
    assert (reader.format, reader.compressed) == (fmt, True)
    assert cells == expected
    assert reader.stats.bytes_read == len(raw)


def test_gzip_detected_by_magic_without_gz_name():
    reader, cells = read("data.csv", gzip.compress(b"a\nx\n"))
    assert (reader.format, reader.compressed) == ("csv", True)
    assert cells == [Cell(0, "a", "x")]


def test_gz_name_with_plain_content():
    reader, cells = read("data.csv.gz", b"a\nx\n")
    assert (reader.format, reader.compressed) == ("csv", False)
    assert cells == [Cell(0, "a", "x")]


def test_multi_member_gzip_and_nul_padding():
    data = gzip.compress(b"line one\n") + gzip.compress(b"") + gzip.compress(b"line two\n") + b"\0" * 512
    _, cells = read("m.txt.gz", data)
    assert cells == [Cell(0, None, "line one"), Cell(1, None, "line two")]


def test_large_gzip_is_inflated_in_a_stream():
    raw = b"".join(b"row %d jane%d@example.com\n" % (i, i) for i in range(100_000))
    reader, cells = read("big.txt.gz", gzip.compress(raw))
    assert len(cells) == 100_000
    assert cells[-1] == Cell(99_999, None, "row 99999 jane99999@example.com")
    assert reader.stats.bytes_read == len(raw)


ZEROS_BOMB = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)  # ~50 KB


def test_bomb_of_zeros_over_max_inflated_bytes():
    with pytest.raises(DecompressionBomb) as info:
        open_object("bomb.txt.gz", io.BytesIO(ZEROS_BOMB), ReadLimits(max_inflated_bytes=16 * 1024))
    assert info.value.code == "decompression_bomb"
    assert info.value.reason == "inflates to more than 16384 bytes"


def test_bomb_of_zeros_with_default_limits_is_binary():
    # NUL bytes in the first inflated bytes reject it before much is inflated
    with pytest.raises(BinaryContent):
        open_object("bomb.txt.gz", io.BytesIO(ZEROS_BOMB))


def test_text_bomb_over_max_inflated_bytes_found_while_reading():
    bomb = gzip.compress(b"a" * (50 * 1024 * 1024), compresslevel=9)
    reader = open_object("bomb.txt.gz", io.BytesIO(bomb), ReadLimits(max_inflated_bytes=1024 * 1024))
    with pytest.raises(DecompressionBomb, match=f"inflates to more than {1024 * 1024} bytes"):
        list(reader.cells())
    assert reader.stats.bytes_read <= 1024 * 1024


def test_bomb_over_inflation_ratio_found_while_reading():
    line = b"0123456789abcdef" * 640 + b"\n"  # ~10 KB lines compress far beyond 200:1
    bomb = gzip.compress(line * 4000, compresslevel=9)  # 40 MB inflated from ~85 KB
    reader = open_object("bomb.txt.gz", io.BytesIO(bomb))
    with pytest.raises(DecompressionBomb, match="inflation ratio above 200"):
        for _ in reader.cells():
            pass
    assert reader.stats.bytes_read < 200 * len(bomb) + 128 * 1024


def test_truncated_gzip_is_malformed():
    data = gzip.compress(b"".join(b"line %d\n" % i for i in range(50_000)))
    reader = open_object("t.txt.gz", io.BytesIO(data[: len(data) // 2]))
    with pytest.raises(MalformedObject, match="truncated gzip stream"):
        list(reader.cells())


def test_truncated_in_the_header():
    with pytest.raises(MalformedObject, match="truncated gzip stream"):
        open_object("t.txt.gz", io.BytesIO(gzip.compress(b"hello")[:5]))


def test_corrupt_gzip_is_malformed():
    data = bytearray(gzip.compress(b"hello world\n" * 100))
    data[12:20] = b"\xff" * 8
    with pytest.raises(MalformedObject, match="corrupt gzip stream"):
        list(open_object("c.txt.gz", io.BytesIO(bytes(data))).cells())


def test_garbage_after_a_member_is_malformed():
    data = gzip.compress(b"hello\n") + b"not gzip"
    with pytest.raises(MalformedObject, match="corrupt gzip stream"):
        list(open_object("g.txt.gz", io.BytesIO(data)).cells())


def test_nested_gzip_is_unsupported():
    with pytest.raises(UnsupportedFormat):
        open_object("n.txt.gz.gz", io.BytesIO(gzip.compress(gzip.compress(b"hello\n"))))


def test_zlib_raw_stream_with_gz_name_is_not_gzip():
    # a zlib (not gzip) stream is just binary content
    with pytest.raises(Exception) as info:
        open_object("z.json.gz", io.BytesIO(zlib.compress(json.dumps({"a": 1}).encode())))
    assert getattr(info.value, "code", None) in ("binary", "malformed")
