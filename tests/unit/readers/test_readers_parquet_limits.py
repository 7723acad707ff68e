"""Parquet within bounds: bombs, oversized footers, invalid UTF-8, duplicate names, nested types."""

from __future__ import annotations

import io
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import Cell, DecompressionBomb, ReadLimits, TooLarge, open_object

BOMB_VALUE_BYTES = 4 * 1024 * 1024
BOMB_ROWS = 1024  # 1024 x 4 MiB: 4 GiB once decoded


def parquet_bytes(table: pa.Table, **kw) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, **kw)
    return sink.getvalue()


def dictionary_bomb() -> bytes:
    """One 4 MiB string in a zstd-compressed dictionary page, repeated by run-length-encoded indices."""
    indices = pa.array([0] * BOMB_ROWS, pa.int32())
    column = pa.DictionaryArray.from_arrays(indices, pa.array(["a" * BOMB_VALUE_BYTES]))
    return parquet_bytes(pa.table({"c": column}), compression="zstd", compression_level=22, write_statistics=False)


def invalid_utf8(values: list[bytes | None]) -> pa.Array:
    return pa.array(values, pa.binary()).view(pa.string())  # written as a string column without validation


def read(data: bytes, limits: ReadLimits | None = None):
    reader = open_object("t.parquet", io.BytesIO(data), limits)
    return reader, list(reader.cells())


def test_dictionary_bomb_is_tiny_and_declares_little():
    data = dictionary_bomb()
    chunk = pq.ParquetFile(io.BytesIO(data)).metadata.row_group(0).column(0)
    assert len(data) < 1024
    assert chunk.total_uncompressed_size < 2 * BOMB_VALUE_BYTES  # the footer alone does not give it away


def test_dictionary_bomb_is_refused_before_any_cell():
    reader = open_object("bomb.parquet", io.BytesIO(dictionary_bomb()))
    with pytest.raises(DecompressionBomb, match="decode to more than 2147483648 uncompressed bytes"):
        next(reader.cells())


def test_dictionary_bomb_under_the_limit_is_caught_by_the_ratio():
    limits = ReadLimits(max_inflated_bytes=16 * 1024**3)
    reader = open_object("bomb.parquet", io.BytesIO(dictionary_bomb()), limits)
    with pytest.raises(DecompressionBomb, match="more than 200 times the file's size"):
        next(reader.cells())


BOMB_SCAN = """
import io, sys
from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream
data = sys.stdin.buffer.read()
scanner = get_scanner()
with open("/proc/self/clear_refs", "w") as refs:  # the peak from here on: the scan's, the engine's resident memory
    refs.write("5")                                # included, not the transient peak of loading the engine
report = scan_stream("bomb.parquet", io.BytesIO(data), scanner=scanner,
                     fingerprinter=Fingerprinter("k" * 32), sink=lambda finding: None)
status = open("/proc/self/status").read()
peak_kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
print(report.status, report.outcome, peak_kb // 1024)
"""


def test_dictionary_bomb_scan_ends_recorded_under_512_mb():
    out = subprocess.run(
        [sys.executable, "-c", BOMB_SCAN], input=dictionary_bomb(), capture_output=True, check=True, timeout=300
    )
    status, outcome, peak_mb = out.stdout.decode().split()
    assert (status, outcome) == ("rejected", "decompression_bomb")
    assert int(peak_mb) < 512


def test_declared_uncompressed_size_is_refused_before_decoding():
    data = parquet_bytes(pa.table({"s": [f"value {i}" for i in range(5000)]}), use_dictionary=False)
    declared = pq.ParquetFile(io.BytesIO(data)).metadata.row_group(0).total_byte_size
    with pytest.raises(DecompressionBomb, match="declare more than 1000 uncompressed bytes"):
        open_object("t.parquet", io.BytesIO(data), ReadLimits(max_inflated_bytes=1000))
    _, cells = read(data, ReadLimits(max_inflated_bytes=declared + 100_000))
    assert len(cells) == 5000


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (ReadLimits(max_parquet_rows=99), "more than 99 rows"),
        (ReadLimits(max_parquet_row_groups=4), "more than 4 row groups"),
        (ReadLimits(max_parquet_columns=2), "more than 2 columns"),
        (ReadLimits(max_parquet_footer_bytes=100), "footer is longer than 100 bytes"),
    ],
)
def test_footer_counts_over_the_caps_are_too_large(limits, reason):
    table = pa.table({"a": [f"x{i}" for i in range(100)], "b": list(range(100)), "f": [0.5] * 100})
    data = parquet_bytes(table, row_group_size=20)
    with pytest.raises(TooLarge, match=reason):
        open_object("t.parquet", io.BytesIO(data), limits)


def test_footer_counts_at_the_caps_are_read():
    table = pa.table({"a": [f"x{i}" for i in range(100)], "b": list(range(100)), "f": [0.5] * 100})
    limits = ReadLimits(max_parquet_rows=100, max_parquet_row_groups=5, max_parquet_columns=3)
    reader, cells = read(parquet_bytes(table, row_group_size=20), limits)
    assert len(cells) == 200 and reader.stats.records == 100


def test_a_row_over_the_record_limit_is_too_large():
    table = pa.table({"s": ["short", "x" * 5000, "short"]})
    with pytest.raises(TooLarge, match="a Parquet row holds more than 4096 bytes of text"):
        read(parquet_bytes(table), ReadLimits(max_record_bytes=4096))


def test_invalid_utf8_is_replaced_and_recorded_plain_dictionary_and_nested():
    turn = pa.struct([("role", pa.string()), ("content", pa.string())])
    nested = pa.array([[{"role": "user", "content": "ok"}], [{"role": "user", "content": "x"}]], pa.list_(turn))
    bad_nested = pa.ListArray.from_arrays(
        nested.offsets,
        pa.StructArray.from_arrays(
            [pa.array(["user", "user"]), invalid_utf8([b"ok", b"Jane \xff Doe"])], fields=list(turn)
        ),
    )
    table = pa.table({"plain": invalid_utf8([b"caf\xe9", b"fine"]), "messages": bad_nested})
    for use_dictionary in (True, False):
        reader, cells = read(parquet_bytes(table, use_dictionary=use_dictionary))
        assert cells == [
            Cell(0, "plain", "caf\ufffd"),
            Cell(0, "messages[0].content", "ok", "user"),
            Cell(1, "plain", "fine"),
            Cell(1, "messages[0].content", "Jane \ufffd Doe", "user"),
        ]
        assert [(issue.record, issue.code) for issue in reader.stats.issues] == [
            (0, "invalid_utf8"),
            (1, "invalid_utf8"),
        ]


def test_duplicate_and_blank_column_names_are_read_by_position():
    table = pa.Table.from_arrays(
        [pa.array(["Jane"]), pa.array([7]), pa.array([1.5]), pa.array(["Doe"]), pa.array(["x"])],
        names=["name", "name", "name", "", "name_2"],
    )
    reader, cells = read(parquet_bytes(table))
    assert reader.columns == ["name", "name_2", "name_3", "column_4", "name_2_2"]
    assert cells == [
        Cell(0, "name", "Jane"),
        Cell(0, "name_2", "7"),
        Cell(0, "column_4", "Doe"),
        Cell(0, "name_2_2", "x"),
    ]


def test_nested_types_map_fixed_size_and_large_lists():
    table = pa.table(
        {
            "tags": pa.array([[("k", "Jane"), ("n", None)], None], pa.map_(pa.string(), pa.string())),
            "pair": pa.array([["a", "b"], ["c", None]], pa.list_(pa.string(), 2)),
            "many": pa.array([[1, 2], []], pa.large_list(pa.int64())),
            "floats": pa.array([[0.5], [1.5]], pa.list_(pa.float32())),  # no text: not read
        }
    )
    _, cells = read(parquet_bytes(table))
    assert cells == [
        Cell(0, "tags[0][0]", "k"),
        Cell(0, "tags[0][1]", "Jane"),
        Cell(0, "tags[1][0]", "n"),
        Cell(0, "pair[0]", "a"),
        Cell(0, "pair[1]", "b"),
        Cell(0, "many[0]", "1"),
        Cell(0, "many[1]", "2"),
        Cell(1, "pair[0]", "c"),
    ]


def test_nested_dictionary_columns_across_row_groups():
    turn = pa.struct([("role", pa.string()), ("content", pa.string())])
    rows = 3000
    table = pa.table(
        {"messages": pa.array([[{"role": "user", "content": f"hi {i % 3}"}] for i in range(rows)], pa.list_(turn))}
    )
    _, cells = read(parquet_bytes(table, row_group_size=1000))
    assert len(cells) == rows and cells[-1] == Cell(rows - 1, "messages[0].content", "hi 2", "user")


def test_huge_dictionary_page_is_refused_by_its_declared_size():
    values = [f"{i:08d}" + "y" * 1000 for i in range(3000)]
    data = parquet_bytes(pa.table({"s": values}), compression="zstd", dictionary_pagesize_limit=64 * 1024**2)
    with pytest.raises(DecompressionBomb, match="declare more than 1000000 uncompressed bytes"):
        open_object("t.parquet", io.BytesIO(data), ReadLimits(max_inflated_bytes=1_000_000))


def test_repeated_struct_field_names_get_unique_paths():
    person = pa.StructArray.from_arrays([pa.array(["Jane", "John"]), pa.array(["Doe", None])], names=["name", "name"])
    for use_dictionary in (True, False):
        _, cells = read(parquet_bytes(pa.table({"person": person}), use_dictionary=use_dictionary))
        assert cells == [
            Cell(0, "person.name", "Jane"),
            Cell(0, "person.name_2", "Doe"),
            Cell(1, "person.name", "John"),
        ]


# A fuzzed footer whose column-chunk size statistics disagree with the schema: pyarrow's column-chunk
# metadata accessor terminates the process on it, so the reader must never ask for it.
ABORTING_FOOTER = (
    "UEFSMRUAFY4BFY4BLAAAAAUAAAAFWpaZAggAAABKRG9lAwAAAP/Y/wCMAAADAAAA/9j/BQAAAAz7j9QXAwAAAK3prAwAAADLk9NP"
    "g6sCR/4zs6wVADWOARWOASwVGhUAFQYVBhw2DCgD/9j/GAAREQAAAAUAAAAFWpaZAggAAABKYW5lIERvZQMAAAD/2P8AAAAAAwAA"
    "AP/Y/wUAAAAM+4/UFwMAAACt6awMAAAAy5PTT4OrAkf+M7OsFQQZTDUAGAZzY2hlbWEVAgA1AhgAFQQAFQwlAhgEcm9sZSUATBwA"
    "AAAVDCUDGAdjb250ZW50JQBMHAAAABYaGRwZLCYAHBUMGSUGABkoAARyb2xlFQAWGhbOARbOASYIPDYMKAP/2P8YABERABkcFQAV"
    "ABUCADwWRBkGGTYADA4AAAAmABwVDBklBgAZKAAHY29udGVudBUAFhoWzgEWzgEm1gE8NgwoA//Y/xgAEREAGRwVABUAFQIAPBZE"
    "GQYZNgAMDgAAABacAxYaJggWnAMAKCBwYXJxdWV0LWNwcC1hcnJvdyB2ZXJzaW9uIDI2LjAuMRksHAAAHAAAAP0AAABQQVIx"
)

READ_IN_A_CHILD = """
import base64, io, sys
from privscan.readers import ReadError, open_object
try:
    reader = open_object("t.parquet", io.BytesIO(base64.b64decode(sys.stdin.read())))
    print(sum(1 for _ in reader.cells()), "cells")
except ReadError as error:
    print(error.code)
"""


def test_footer_that_aborts_pyarrow_metadata_is_malformed():
    out = subprocess.run(
        [sys.executable, "-c", READ_IN_A_CHILD],
        input=ABORTING_FOOTER,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (out.returncode, out.stdout.strip()) == (0, "malformed")
