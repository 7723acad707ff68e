"""The rewriters: each format written back with the same records, fields and structure, only the values and
names the edits change changed, numbered exactly as the readers number them."""

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.readers import open_object
from privscan.readers.base import ReadLimits
from privscan.redaction.rewrite import (
    NotRewritable,
    rewrite_json,
    rewrite_parquet,
    text_rewriter,
)


class FakeEdits:
    """Replaces the values at the given places whole, and the given names; records what was asked."""

    def __init__(self, values=None, names=None):
        self.values, self.names, self.asked = values or {}, names or {}, []

    def cell(self, record, field, text):
        self.asked.append((record, field, text))
        return self.values.get((record, field), text)

    def name(self, name):
        return self.names.get(name, name)


def rewrite(name: str, data: bytes, edits: FakeEdits) -> str:
    reader = open_object(name, io.BytesIO(data))
    out = io.StringIO()
    records = text_rewriter(reader)(reader, out, edits)
    return out.getvalue(), records


def test_csv_keeps_delimiter_header_and_rows_and_renames_a_personal_column_name():
    data = b'id;anna@x.eu;note\n\n1;DE89;"two\nlines"\n2;;x;extra\n'
    edits = FakeEdits({(0, "anna@x.eu"): "****", (1, "column_4"): "#"}, {"anna@x.eu": "****@*.**"})
    text, records = rewrite("t.csv", data, edits)
    assert text == 'id;****@*.**;note\n1;****;"two\nlines"\n2;;x;#\n'  # the blank line is not a record
    assert records == 2
    assert edits.asked == [(0, "id", "1"), (0, "anna@x.eu", "DE89"), (0, "note", "two\nlines"), (1, "id", "2"),
                           (1, "note", "x"), (1, "column_4", "extra")]  # fmt: skip


def test_csv_names_that_redact_alike_stay_unique():
    text, _ = rewrite("t.csv", b"a@x.eu,b@y.eu\n1,2\n", FakeEdits(names={"a@x.eu": "*@*.**", "b@y.eu": "*@*.**"}))
    assert text.splitlines()[0] == "*@*.**,*@*.**_2"


def test_text_keeps_blank_lines_and_each_newline():
    text, records = rewrite("n.txt", b"Anna here\r\n\n  \nbye", FakeEdits({(0, None): "**** here"}))
    assert (text, records) == ("**** here\r\n\n  \nbye", 2)


def test_jsonl_rewrites_values_and_keys_keeps_types_and_redacts_a_broken_line_as_text():
    data = (
        b'{"messages": [{"role": "user", "content": "I am Anna"}], "n": 4915112345678, "ok": true}\n'
        b"\n"
        b"not json Anna\n"
        b'{"anna@x.eu": {"age": 14}}\n'
    )
    edits = FakeEdits(
        {(0, "messages[0].content"): "I am ****", (0, "n"): "*************", (2, None): "not json ****"},
        {"anna@x.eu": "<email_address:abc>"},
    )
    text, records = rewrite("c.jsonl", data, edits)
    lines = text.split("\n")
    assert json.loads(lines[0]) == {"messages": [{"role": "user", "content": "I am ****"}], "n": None, "ok": True}
    assert lines[1:] == ["", "not json ****", '{"<email_address:abc>": {"age": 14}}', ""]
    assert records == 3
    assert (3, '["anna@x.eu"].age', "14") in edits.asked  # paths are the reader's, with the key as it was


def test_json_array_object_and_concatenated_values_are_numbered_as_the_reader_numbers_them():
    edits = FakeEdits({(1, "email"): "***", (0, "users[1]"): "Bo*", (0, "meta.owner"): "***"})
    reader = open_object("a.json", io.BytesIO(b'[{"email": "a@x"}, {"email": "b@y"}]'))
    out = io.StringIO()
    assert rewrite_json(reader, out, edits) == 2
    assert json.loads(out.getvalue()) == [{"email": "a@x"}, {"email": "***"}]
    reader = open_object("o.json", io.BytesIO(b'{"users": ["Al", "Bob"], "meta": {"owner": "Eve"}}'))
    out = io.StringIO()
    assert rewrite_json(reader, out, edits) == 1
    assert json.loads(out.getvalue()) == {"users": ["Al", "Bo*"], "meta": {"owner": "***"}}


def test_a_json_document_that_breaks_off_is_not_rewritten():
    reader = open_object("a.json", io.BytesIO(b'[{"a": "x"}, {"b": '))
    with pytest.raises(NotRewritable, match="breaks off"):
        rewrite_json(reader, io.StringIO(), FakeEdits())


def test_a_csv_row_the_csv_module_rejects_is_not_rewritten():
    limits = ReadLimits(max_record_bytes=16)  # each line fits, the quoted field over three does not
    reader = open_object("t.csv", io.BytesIO(b'a,b\n1,"xxxxxxxxx\nxxxxxxxxxx\nxxxx"\n'), limits)
    with pytest.raises(NotRewritable, match="row 0 could not be parsed"):
        text_rewriter(reader)(reader, io.StringIO(), FakeEdits())


def parquet_bytes() -> bytes:
    table = pa.table(
        {
            "email": pa.array(["a@x.eu", None, "c@z.eu"], pa.string()),
            "phone": pa.array([4915112345678, 7, None], pa.int64()),
            "city": pa.array(["Lyon", "Graz", "Lyon"]).dictionary_encode(),
            "messages": pa.array(
                [[{"role": "user", "content": "I am Anna"}], [], None],
                pa.list_(pa.struct([("role", pa.string()), ("content", pa.string())])),
            ),
            "score": pa.array([0.5, 1.5, 2.5]),
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=2, compression="zstd")
    return sink.getvalue()


def test_parquet_keeps_schema_row_groups_and_codec_and_nulls_a_redacted_number():
    edits = FakeEdits(
        {(0, "email"): "******", (0, "phone"): "*", (2, "city"): "****", (0, "messages[0].content"): "I am ****"},
        {"email": "e_mail"},
    )
    reader = open_object("e.parquet", io.BytesIO(parquet_bytes()))
    out = io.BytesIO()
    assert rewrite_parquet(reader, out, edits, lambda first, end: True) == 3
    out.seek(0)
    written = pq.ParquetFile(out)
    original = pq.ParquetFile(io.BytesIO(parquet_bytes()))
    assert written.schema_arrow.names == ["e_mail", "phone", "city", "messages", "score"]
    assert written.schema_arrow.types == original.schema_arrow.types
    assert written.metadata.num_row_groups == 2 and written.metadata.row_group(0).column(0).compression == "ZSTD"
    assert written.read().to_pylist() == [
        {"e_mail": "******", "phone": None, "city": "Lyon", "messages": [{"role": "user", "content": "I am ****"}],
         "score": 0.5},
        {"e_mail": None, "phone": 7, "city": "Graz", "messages": [], "score": 1.5},
        {"e_mail": "c@z.eu", "phone": None, "city": "****", "messages": None, "score": 2.5},
    ]  # fmt: skip


def test_a_gzipped_object_is_read_through_its_compression():
    reader = open_object("n.txt.gz", io.BytesIO(gzip.compress(b"Anna\n")))
    out = io.StringIO()
    assert text_rewriter(reader)(reader, out, FakeEdits({(0, None): "****"})) == 1
    assert out.getvalue() == "****\n" and reader.compressed


def test_a_parquet_map_column_keeps_its_type():
    table = pa.table(
        {"attrs": pa.array([[("owner", "Anna Roe"), ("plan", "gold")]], pa.map_(pa.string(), pa.string()))}
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    reader = open_object("m.parquet", io.BytesIO(sink.getvalue()))
    assert [(c.field, c.text) for c in reader.cells()] == [
        ("attrs[0][0]", "owner"), ("attrs[0][1]", "Anna Roe"), ("attrs[1][0]", "plan"), ("attrs[1][1]", "gold")
    ]  # fmt: skip
    reader = open_object("m.parquet", io.BytesIO(sink.getvalue()))
    out = io.BytesIO()
    assert rewrite_parquet(reader, out, FakeEdits({(0, "attrs[0][1]"): "**** ***"}), lambda first, end: True) == 1
    out.seek(0)
    written = pq.read_table(out)
    assert written.schema == table.schema
    assert written.to_pylist() == [{"attrs": [("owner", "**** ***"), ("plan", "gold")]}]


def test_a_lone_surrogate_is_written_as_the_reader_reads_it():
    text, records = rewrite("s.jsonl", b'{"a": "x\\ud83dy", "b": "Anna"}\n', FakeEdits({(0, "b"): "****"}))
    assert (text, records) == ('{"a": "x\ufffdy", "b": "****"}\n', 1)
