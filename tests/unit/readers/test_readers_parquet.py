"""Parquet reader: row groups, global record numbers, column types, nested chat columns."""

from __future__ import annotations

import gzip
import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import Cell, MalformedObject, open_object


def parquet_bytes(table: pa.Table, **kw) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, **kw)
    return sink.getvalue()


class Unseekable:
    def __init__(self, data: bytes):
        self._f = io.BytesIO(data)

    def read(self, n: int = -1) -> bytes:
        return self._f.read(n)


PEOPLE = pa.table(
    {
        "name": ["Jane Doe", None, "John Roe", ""],
        "age": pa.array([41, 35, None, 7], pa.int32()),
        "score": [0.5, 1.5, 2.5, 3.5],  # floats are not read
        "active": [True, False, True, False],  # nor booleans
        "city": pa.array(["Springfield", "Springfield", "Shelbyville", "Ogdenville"]).dictionary_encode(),
        "notes": pa.array(["n1", "n2", None, "n4"], pa.large_string()),
    }
)


def test_two_row_groups_global_records_nulls_and_types(tmp_path):
    path = tmp_path / "people.parquet"
    pq.write_table(PEOPLE, path, row_group_size=2)
    assert pq.ParquetFile(path).num_row_groups == 2
    with path.open("rb") as f:
        reader = open_object("people.parquet", f)
        assert (reader.format, reader.tabular, reader.compressed) == ("parquet", True, False)
        assert reader.columns == ["name", "age", "score", "active", "city", "notes"]
        cells = list(reader.cells())
    assert cells == [
        Cell(0, "name", "Jane Doe"),
        Cell(0, "age", "41"),
        Cell(0, "city", "Springfield"),
        Cell(0, "notes", "n1"),
        Cell(1, "age", "35"),
        Cell(1, "city", "Springfield"),
        Cell(1, "notes", "n2"),
        Cell(2, "name", "John Roe"),
        Cell(2, "city", "Shelbyville"),
        Cell(3, "age", "7"),
        Cell(3, "city", "Ogdenville"),
        Cell(3, "notes", "n4"),
    ]
    assert reader.stats.records == 4
    assert reader.stats.bytes_read == path.stat().st_size
    assert reader.empty is False


def test_row_numbers_continue_across_many_batches():
    n = 5000
    table = pa.table({"id": list(range(n)), "email": [f"user{i}@example.com" for i in range(n)]})
    data = parquet_bytes(table, row_group_size=1500)
    cells = list(open_object("big.pq", io.BytesIO(data)).cells())
    assert len(cells) == 2 * n
    assert cells[-1] == Cell(n - 1, "email", f"user{n - 1}@example.com")
    assert cells[2 * 3210] == Cell(3210, "id", "3210")


def test_nested_chat_column_yields_paths_and_roles():
    turn = pa.struct([("role", pa.string()), ("content", pa.string())])
    table = pa.table(
        {
            "id": ["c1", "c2"],
            "messages": pa.array(
                [
                    [{"role": "user", "content": "I am Jane Doe"}, {"role": "assistant", "content": "Hi Jane"}],
                    [],
                ],
                pa.list_(turn),
            ),
            "embedding": pa.array([[0.1, 0.2], [0.3]], pa.list_(pa.float32())),  # no text inside: not read
        }
    )
    reader = open_object("chats.parquet", io.BytesIO(parquet_bytes(table)))
    assert reader.format == "parquet"
    assert list(reader.cells()) == [
        Cell(0, "id", "c1"),
        Cell(0, "messages[0].content", "I am Jane Doe", "user"),
        Cell(0, "messages[1].content", "Hi Jane", "assistant"),
        Cell(1, "id", "c2"),
    ]


def test_no_text_columns_still_counts_rows():
    reader = open_object("f.parquet", io.BytesIO(parquet_bytes(pa.table({"x": [1.0, 2.0, 3.0]}))))
    assert list(reader.cells()) == []
    assert reader.stats.records == 3 and not reader.empty


def test_zero_rows_is_empty():
    table = pa.table({"name": pa.array([], pa.string())})
    reader = open_object("e.parquet", io.BytesIO(parquet_bytes(table)))
    assert list(reader.cells()) == [] and reader.empty


def test_unseekable_stream_is_spooled():
    data = parquet_bytes(PEOPLE.select(["name"]))
    reader = open_object("s.parquet", Unseekable(data))
    assert list(reader.cells()) == [Cell(0, "name", "Jane Doe"), Cell(2, "name", "John Roe")]


def test_gzipped_parquet():
    data = gzip.compress(parquet_bytes(PEOPLE.select(["name"])))
    reader = open_object("s.parquet.gz", io.BytesIO(data))
    assert (reader.format, reader.compressed) == ("parquet", True)
    assert list(reader.cells()) == [Cell(0, "name", "Jane Doe"), Cell(2, "name", "John Roe")]


def test_parquet_detected_by_magic_whatever_the_name():
    reader = open_object("export.bin", io.BytesIO(parquet_bytes(PEOPLE.select(["name"]))))
    assert reader.format == "parquet"


def test_truncated_parquet_is_malformed():
    data = parquet_bytes(PEOPLE)
    with pytest.raises(MalformedObject, match="invalid Parquet file"):
        open_object("t.parquet", io.BytesIO(data[: len(data) // 2]))


def test_parquet_name_without_magic_is_malformed():
    with pytest.raises(MalformedObject):
        open_object("t.parquet", io.BytesIO(b"name,email\nx,y\n"))


def test_corrupt_later_row_group_is_an_issue_after_earlier_rows():
    table = pa.table({"s": [f"value number {i}" for i in range(3000)]})
    data = bytearray(parquet_bytes(table, row_group_size=1500, compression="snappy"))
    second = pq.ParquetFile(io.BytesIO(bytes(data))).metadata.row_group(1).column(0)
    data[second.data_page_offset + 20 : second.data_page_offset + 60] = b"\xab" * 40
    reader = open_object("c.parquet", io.BytesIO(bytes(data)))
    cells = list(reader.cells())
    assert len(cells) == 1500  # the first row group, read before the damaged one
    assert [(i.record, i.code) for i in reader.stats.issues] == [(1500, "malformed_row_group")]
