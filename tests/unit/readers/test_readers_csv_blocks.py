"""The CSV and Parquet readers' column batches (CSV: plain lines split by whole-array operations, other lines by the
csv module; Parquet: batches joined) hold the records `cells()` reads: the same record numbers, values, malformed
rows, issues and record count."""

from __future__ import annotations

import io
import random

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import csv_blocks, delimited, open_object
from privscan.readers.base import Cell, ReadLimits, TooLarge


def per_row(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits=limits)
    cells = list(reader.cells())
    return cells, reader.stats.records, [(i.record, i.code, i.detail) for i in reader.stats.issues]


def by_batch(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits=limits)
    cells: list[Cell] = []
    for batch in reader.table_batches():
        for i in range(batch.rows):
            if batch.irregular[i]:
                cells += list(batch.record_cells(i))
                continue
            for column, array in batch.columns.items():
                value = array[i].as_py()
                if value is not None:
                    cells.append(Cell(batch.first_record + i, column, value))
            # a regular record's cells read from its batch are those `record_cells` gives too
            assert [c for c in cells if c.record == batch.first_record + i] == list(batch.record_cells(i))
    return cells, reader.stats.records, [(i.record, i.code, i.detail) for i in reader.stats.issues]


def same(name: str, data: bytes, limits: ReadLimits | None = None):
    expected = per_row(name, data, limits)
    assert by_batch(name, data, limits) == expected
    return expected


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 7)
    monkeypatch.setattr(csv_blocks, "BLOCK_BYTES", 64)


def test_plain_lines_give_the_records_rows_gives(small):
    data = b"id,mail,amount\n" + b"".join(f"C-{i},a{i}@example.com,{i}.50\n".encode() for i in range(40))
    cells, records, issues = same("t.csv", data)
    assert records == 40 and issues == []
    assert cells[:3] == [Cell(0, "id", "C-0"), Cell(0, "mail", "a0@example.com"), Cell(0, "amount", "0.50")]
    assert cells[-1] == Cell(39, "amount", "39.50")


def test_quotes_blank_lines_crlf_and_malformed_rows_read_alike(small):
    lines = [
        "id,note,amount",
        "1,plain,2.00",
        "",
        '2,"quoted, with comma",3.00',
        '3,"two\nlines",4.00',
        "4,too,many,fields",
        "5,short",
        "   ",
        "6,  ,7.00",
        "7,crlf line,8.00\r",
        '8,in"side,9.00',
        "9,é ü 漢字,1.00",
        "\r",
        "10,ok,",
    ]
    data = ("\n".join(lines) + "\n").encode()
    cells, records, issues = same("t.csv", data)
    assert records == 11  # the blank line and the lone carriage return are no records
    assert issues == [
        (3, "malformed_row", "expected 3 fields, got 4"),
        (4, "malformed_row", "expected 3 fields, got 2"),
        (5, "malformed_row", "expected 3 fields, got 1"),
    ]
    assert Cell(2, "note", "two\nlines") in cells and Cell(1, "note", "quoted, with comma") in cells
    assert Cell(3, "column_4", "fields") in cells and Cell(7, "amount", "8.00") in cells
    assert Cell(8, "note", 'in"side') in cells and Cell(9, "note", "é ü 漢字") in cells
    # an unterminated last line, a lone carriage return in a field, NUL bytes (past the sniffed head)
    same("t.csv", b"a,b\n" + b"1,2\n" * 3000 + b"3,x\ry\n5,6\x007\n8,9")


def test_invalid_utf8_and_tsv_read_alike(small):
    data = "a\tbé\n".encode() + b"0\t1\n" * 3000 + b"1\t2\n3\t\xff\xfe4\n5\t6\n" * 5  # past the sniffed head
    cells, records, issues = same("t.tsv", data)
    assert records == 3015
    assert issues[0] == (3001, "invalid_utf8", "invalid UTF-8 bytes replaced")
    assert Cell(3001, "bé", "\ufffd\ufffd4") in cells


def test_a_line_past_the_record_limit_stops_both_alike(small):
    limits = ReadLimits(max_record_bytes=200)
    data = b"a,b\n" + b"1,2\n" * 30 + b"3," + b"x" * 300 + b"\n4,5\n"
    with pytest.raises(TooLarge):
        per_row("t.csv", data, limits)
    with pytest.raises(TooLarge):
        by_batch("t.csv", data, limits)


@pytest.mark.parametrize("seed", range(6))
def test_random_tables_read_alike(small, seed):
    rng = random.Random(seed)
    pieces = ["x", "y z", "", " ", '"q,1"', '"a""b"', "é", "\r", '"m\nl"', "7.5", "\x00", "\t"]
    out = ["h1,h2,h3"] + ["1,2,3"] * 3000  # NUL bytes only past the sniffed head
    for _ in range(120):
        out.append(
            ",".join(
                rng.choice(pieces[:8] if rng.random() < 0.8 else pieces) for _ in range(rng.choice([3, 3, 3, 2, 4]))
            )
        )
        if rng.random() < 0.05:
            out.append("")
    data = ("\r\n" if seed % 2 else "\n").join(out).encode()
    same("t.csv", data)


def parquet(table: pa.Table, **kw) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, **kw)
    return sink.getvalue()


def test_parquet_batches_joined_hold_the_records_and_issues_cells_gives(monkeypatch):
    """Batches are read TABLE_BATCH_ROWS rows at a time (rounded down to a multiple of 1,024) and joined up to that;
    a piece of 1,024 rows holding invalid UTF-8 is irregular (its cells as `cells()` gives them), the others are not,
    and a damaged row group is noted after the records read before it."""
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 2500)
    raw = [f"value {i}".encode() for i in range(6000)]
    raw[3100] = b"caf\xe9"  # in the fourth batch of 1,024 rows
    table = pa.table(
        {
            "s": pa.array(raw, pa.binary()).view(pa.string()),
            "n": pa.array(range(6000), pa.int64()),
            "d": pa.array([["x", " ", None][i % 3] for i in range(6000)]).dictionary_encode(),
        }
    )
    data = bytearray(parquet(table, row_group_size=4500, compression="snappy"))
    second = pq.ParquetFile(io.BytesIO(bytes(data))).metadata.row_group(1).column(0)
    data[second.data_page_offset + 20 : second.data_page_offset + 60] = b"\xab" * 40
    cells, records, issues = same("t.parquet", bytes(data))
    assert records == 4500 and len(cells) == 4500 + 4500 + 1500  # s, n, and d where it is "x"
    assert issues == [
        (3100, "invalid_utf8", "invalid UTF-8 bytes replaced"),
        (4500, "malformed_row_group", "a row group could not be read; the rest was not read"),
    ]
    reader = open_object("t.parquet", io.BytesIO(bytes(data)))
    batches = list(reader.table_batches())
    # reads of 2,048 rows: two of them in the first row group, then its last 404 rows, then the damaged group
    assert [(b.first_record, b.rows) for b in batches] == [(0, 4096), (4096, 404)]
    irregular = np.flatnonzero(batches[0].irregular)
    assert (irregular[0], irregular[-1]) == (3072, 4095) and len(irregular) == 1024
    assert not batches[1].irregular.any()


def test_blank_values_become_null_as_str_strip_judges_them():
    rng = random.Random(0)
    chars = [" ", "\t", "\x1c", "\x85", "\u3000", "\u00a0", "a", "Z", "!", "~", "\x7f", "é", "\x00", "\n"]
    for _ in range(300):
        values = [None if rng.random() < 0.1 else "".join(rng.choices(chars, k=rng.randrange(4))) for _ in range(40)]
        for kind in (pa.string(), pa.large_string()):
            array = pa.array(values, kind)
            for part in (array, array.slice(3)):
                expected = [None if v is None or not v.strip() else v for v in part.to_pylist()]
                assert delimited.blank_as_null(part).to_pylist() == expected


def _one_group(rows: int, **kw) -> bytes:
    return parquet(pa.table({"s": [f"value {i:06d}" for i in range(rows)], "n": list(range(rows))}), **kw)


def test_a_row_group_damaged_in_its_middle_stops_the_wide_reads_where_1024_rows_at_a_time_stop(monkeypatch):
    """The columnar path reads 2,048 rows at a time here; a page that fails to decode part-way through a row group
    makes it read that group again 1,024 rows at a time from where it stopped, so that the records read and the
    issue are those of `cells()`."""
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 2500)
    data = bytearray(_one_group(9000, row_group_size=9000, data_page_size=2048, compression="none"))
    chunk = pq.ParquetFile(io.BytesIO(bytes(data))).metadata.row_group(0).column(0)
    middle = chunk.data_page_offset + chunk.total_compressed_size * 6 // 10
    data[middle : middle + 400] = b"\xff" * 400
    cells, records, issues = same("t.parquet", bytes(data))
    assert len(cells) == 2 * records  # both columns of every record read
    assert 2048 < records < 9000 and records % 1024 == 0
    assert issues == [(records, "malformed_row_group", "a row group could not be read; the rest was not read")]


def test_the_wide_reads_stop_at_the_record_limit_as_1024_rows_at_a_time_do(monkeypatch):
    """A row past the record limit in the fourth piece of 1,024 rows of a wide read: both paths end in TooLarge."""
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 16_384)
    table = pa.table({"s": [f"value {i:06d}" + ("x" * 40 if i == 3500 else "") for i in range(9000)]})
    data = parquet(table, row_group_size=9000)
    limits = ReadLimits(max_record_bytes=40)
    for read in (per_row, by_batch):
        with pytest.raises(TooLarge, match="a Parquet row holds more than 40 bytes of text"):
            read("t.parquet", data, limits)


@pytest.mark.parametrize(
    "text",
    [
        "a,b\r\nc,d\r\n",  # every line CRLF
        "a,b\nc,d\n",
        "a,b\r\nc,d\ne,f\r\n",  # mixed endings
        "a,b\r\n\r\nc,d",  # a blank line, the last line unterminated
        "\n\n",
        "é,ü\r\n\n",
        "x",
    ],
)
def test_plain_lines_split_by_arrow_are_those_of_splitting_the_text(text: str):
    expected = text.replace("\r\n", "\n").split("\n")
    if text.endswith("\n"):
        expected.pop()
    assert csv_blocks._lines(text, text.encode()).to_pylist() == expected


def test_blank_plain_lines_are_no_records_and_a_malformed_one_is_noted_with_its_fields():
    data = b"a,b\r\n1,2\r\n\r\n3,4,5\r\n6,7\r\n"
    expected = per_row("t.csv", data)
    assert by_batch("t.csv", data) == expected
    assert expected[1] == 3
    assert expected[2] == [(1, "malformed_row", "expected 2 fields, got 3")]
