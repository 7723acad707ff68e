"""JSON, JSONL and chat readers: exact cells, paths, record numbering, streaming."""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest
from privscan import readers
from privscan.readers import Cell, MalformedObject, ReadLimits, RecordIssue, TooLarge, open_object
from privscan.readers.jsonish import sniff_json


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, list(reader.cells())


class GeneratedStream:
    """A read-only stream whose bytes come from a generator: nothing is ever held whole."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._buf = bytearray()
        self.total = 0

    def read(self, n: int = -1) -> bytes:
        while len(self._buf) < n or n < 0:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buf += chunk
        n = len(self._buf) if n < 0 else min(n, len(self._buf))
        out = bytes(self._buf[:n])
        del self._buf[:n]
        self.total += n
        return out


# --- JSON ---------------------------------------------------------------------------------------


def test_json_array_of_records_with_nested_paths():
    doc = [
        {
            "name": "Jane Doe",
            "user": {"email": "jane@example.com", "age": 41, "vip": True, "score": 0.5, "nick": None},
            "items": [{"sku": "A-1"}, {"sku": "B-2"}, {"sku": "C-3", "qty": 2}],
        },
        {"name": "John Roe", "tags": ["x", "", "  ", "y"]},
        "a bare string",
        12345,
    ]
    reader, cells = read("export.json", json.dumps(doc, indent=2).encode())
    assert (reader.format, reader.tabular, reader.columns) == ("json", False, None)
    assert cells == [
        Cell(0, "name", "Jane Doe"),
        Cell(0, "user.email", "jane@example.com"),
        Cell(0, "user.age", "41"),
        Cell(0, "items[0].sku", "A-1"),
        Cell(0, "items[1].sku", "B-2"),
        Cell(0, "items[2].sku", "C-3"),
        Cell(0, "items[2].qty", "2"),
        Cell(1, "name", "John Roe"),
        Cell(1, "tags[0]", "x"),
        Cell(1, "tags[3]", "y"),
        Cell(2, None, "a bare string"),
        Cell(3, None, "12345"),
    ]
    assert reader.stats.records == 4


def test_json_object_is_record_zero_with_full_paths():
    doc = {
        "owner": {"name": "Jane Doe", "phones": ["+1 555 0100", "+1 555 0199"]},
        "data": [{"email": "a@example.com"}, {"email": "b@example.com"}],
        "weird.key": "w",
        "count": 2,
    }
    reader, cells = read("doc.json", json.dumps(doc).encode())
    assert cells == [
        Cell(0, "owner.name", "Jane Doe"),
        Cell(0, "owner.phones[0]", "+1 555 0100"),
        Cell(0, "owner.phones[1]", "+1 555 0199"),
        Cell(0, "data[0].email", "a@example.com"),
        Cell(0, "data[1].email", "b@example.com"),
        Cell(0, '["weird.key"]', "w"),
        Cell(0, "count", "2"),
    ]
    assert reader.stats.records == 1


@pytest.mark.parametrize("doc", [b"[]", b"{}", b"[\n]\n", b"  \n"])
def test_empty_json_documents(doc):
    reader, cells = read("e.json", doc)
    assert cells == [] and reader.empty


def test_top_level_scalar():
    _, cells = read("s.json", b'"Jane Doe"')
    assert cells == [Cell(0, None, "Jane Doe")]


def test_invalid_json_raises_malformed_with_position_only():
    with pytest.raises(MalformedObject) as info:
        read("bad.json", b'[\n  {"name": "Jane SECRET Doe",, "x": 1}\n]')
    assert info.value.reason == "invalid JSON at line 2 column 30"  # the second comma
    assert "SECRET" not in str(info.value)


def test_invalid_json_after_some_records_is_an_issue_and_stops():
    data = b'[{"a": "one"}, {"a": "two"}, {"a": "th\n'
    reader, cells = read("cut.json", data)
    assert cells == [Cell(0, "a", "one"), Cell(1, "a", "two")]
    # column 39: the raw newline inside the unterminated string
    assert reader.stats.issues == [
        RecordIssue(2, "invalid_json", "invalid JSON at line 1 column 39; the rest was not read")
    ]


def test_values_after_the_document_are_further_records():
    reader, cells = read("t.json", b'[{"a": "x"}, {"a": "y"}] [7] "z"')
    assert cells == [Cell(0, "a", "x"), Cell(1, "a", "y"), Cell(2, "[0]", "7"), Cell(3, None, "z")]
    assert reader.stats.issues == [RecordIssue(2, "concatenated_json", "more than one top-level JSON value")]
    assert reader.stats.records == 4


def test_jsonl_with_a_huge_first_line_named_json_is_still_read_whole():
    first = {"messages": [{"role": "user", "content": "word " * 20_000}]}
    data = (json.dumps(first) + "\n" + json.dumps({"email": "jane@example.com"}) + "\n").encode()
    assert data.index(b"\n") > 64 * 1024
    reader, cells = read("misnamed.json", data)
    assert reader.format == "chat"
    assert cells[0] == Cell(0, "messages[0].content", "word " * 20_000, "user")
    assert cells[-1] == Cell(1, "email", "jane@example.com")


def test_deeply_nested_json_does_not_crash():
    data = b'{"a": "x", "b": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    reader, cells = read("deep.json", data)
    assert cells == [Cell(0, "a", "x")]
    assert reader.stats.issues[0].code == "invalid_json"
    assert "nested too deeply" in reader.stats.issues[0].detail


def test_json_numbers_split_across_chunks_are_not_cut():
    # the window grows in 64 KiB chunks: put long numbers across a chunk boundary
    elements = [12345678901234567890 + i for i in range(20_000)]
    _, cells = read("n.json", json.dumps(elements).encode())
    assert [c.text for c in cells] == [str(e) for e in elements]


def test_json_value_larger_than_record_limit():
    data = b'[{"a": "small"}, {"a": "' + b"x" * 500_000 + b'"}]'
    reader = open_object("big.json", io.BytesIO(data), ReadLimits(max_record_bytes=100_000))
    cells = []
    with pytest.raises(TooLarge):
        cells.extend(reader.cells())
    assert cells == [Cell(0, "a", "small")]


def _records(n: int):
    """A JSON array of n small records, one per chunk, and each record's end offset."""
    yield b"[\n"
    for i in range(n):
        yield (b"," if i else b"") + b'{"id": %d, "email": "user%d@example.com", "ok": true}\n' % (i, i)
    yield b"]\n"


def test_top_level_array_is_streamed_not_loaded():
    n = 200_000
    ends, offset = [], 0
    for chunk in _records(n):
        offset += len(chunk)
        ends.append(offset)
    stream = GeneratedStream(_records(n))
    reader = open_object("stream.json", stream)
    count, read_ahead = 0, 0
    for cell in reader.cells():
        count += 1
        read_ahead = max(read_ahead, stream.total - ends[cell.record + 1])  # bytes read past this record
    assert count == 2 * n
    assert cell == Cell(n - 1, "email", f"user{n - 1}@example.com")
    assert reader.stats.records == n
    assert reader.stats.bytes_read == stream.total == ends[-1] > 10_000_000
    assert read_ahead < 300_000  # a sniffing head plus a window of a chunk or two, never the document


def test_streamed_array_memory_stays_flat():
    tracemalloc.start()
    try:
        reader = open_object("stream.json", GeneratedStream(_records(30_000)))
        count = sum(1 for _ in reader.cells())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 60_000
    assert peak < 1_500_000  # the document is ~1.7 MB and would take far more as Python objects


def test_arrays_under_a_top_level_object_are_streamed_too(monkeypatch):
    # An object's chat-ness is sniffed up to SNIFF_MAX ahead: shrink it to see streaming after that.
    monkeypatch.setattr(readers, "SNIFF_MAX", 256 * 1024)
    n = 100_000

    def chunks():
        yield b'{"version": "1", "data": ['
        for i in range(n):
            yield (b"," if i else b"") + b'{"q": "question %d"}' % i
        yield b"]}"

    stream = GeneratedStream(chunks())
    reader = open_object("squad.json", stream)
    cells = reader.cells()
    assert next(cells) == Cell(0, "version", "1")
    assert next(cells) == Cell(0, "data[0].q", "question 0")
    assert stream.total < 600_000  # the document is ~2.2 MB
    rest = list(cells)
    assert rest[-1] == Cell(0, f"data[{n - 1}].q", f"question {n - 1}")
    assert len(rest) == n - 1
    assert reader.stats.records == 1


def test_json_with_bom_and_invalid_utf8():
    reader, cells = read("b.json", b'\xef\xbb\xbf[{"name": "J\xf6rg"}]')
    assert cells == [Cell(0, "name", "J\ufffdrg")]
    assert reader.stats.issues == [RecordIssue(0, "invalid_utf8", "invalid UTF-8 bytes replaced")]


# --- JSONL --------------------------------------------------------------------------------------


def test_jsonl_invalid_line_is_an_issue_and_reading_continues():
    data = b'{"name": "Jane Doe"}\n\n{"name": "broken\n{"name": "John Roe", "n": 7}\n   \n{"x": [1, {"y": "z"}]}'
    reader, cells = read("rows.jsonl", data)
    assert reader.format == "jsonl"
    # record = physical line index: blank lines count (but yield nothing)
    assert cells == [
        Cell(0, "name", "Jane Doe"),
        Cell(2, None, '{"name": "broken'),  # invalid JSON is still scanned, as plain text
        Cell(3, "name", "John Roe"),
        Cell(3, "n", "7"),
        Cell(5, "x[0]", "1"),
        Cell(5, "x[1].y", "z"),
    ]
    assert reader.stats.issues == [
        RecordIssue(2, "invalid_json", "invalid JSON at column 10; line scanned as plain text")
    ]
    assert reader.stats.records == 4


@pytest.mark.parametrize("name", ["r.jsonl", "r.ndjson", "r.json", "noext"])
def test_jsonl_detected_by_extension_or_content(name):
    reader, cells = read(name, b'{"a": "1"}\n{"a": "2"}\n')
    assert reader.format == "jsonl"
    assert cells == [Cell(0, "a", "1"), Cell(1, "a", "2")]


def test_jsonl_with_crlf_and_invalid_utf8():
    reader, cells = read("w.jsonl", '{"a": "xé"}\r\n'.encode() + b'{"a": "M\xfcller"}\r\n')
    assert cells == [Cell(0, "a", "xé"), Cell(1, "a", "M\ufffdller")]
    assert reader.stats.issues == [RecordIssue(1, "invalid_utf8", "invalid UTF-8 bytes replaced")]


def test_jsonl_line_longer_than_limit_is_scanned_as_text():
    long_line = b'{"note": "' + b"word " * 400 + b'"}\n'
    reader, cells = read("l.jsonl", b'{"a": "x"}\n' + long_line + b'{"a": "y"}\n', ReadLimits(max_record_bytes=1000))
    assert cells[0] == Cell(0, "a", "x")
    assert cells[-1] == Cell(2, "a", "y")
    middle = cells[1:-1]
    assert len(middle) == 3 and {c.record for c in middle} == {1} and {c.field for c in middle} == {None}
    assert "".join(c.text for c in middle) == long_line.decode().rstrip("\n")
    assert reader.stats.issues == [RecordIssue(1, "record_too_large", "line too long for JSON; scanned as plain text")]
    assert reader.stats.records == 3


# --- chat ---------------------------------------------------------------------------------------


def test_chat_jsonl_roles_including_content_parts():
    lines = [
        {
            "user_id": "u-0001",
            "messages": [
                {"role": "system", "content": "You are a helpful assistant."},
                {"role": "user", "content": "My name is Jane Doe."},
                {"role": "assistant", "content": [{"type": "text", "text": "Hello Jane."}, "plain part"]},
            ],
            "metadata": {"email": "jane@example.com"},
        },
        {"messages": [{"content": "no role here", "role": None}, {"role": "user", "content": ""}]},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    reader, cells = read("transcripts.jsonl", data)
    assert (reader.format, reader.tabular) == ("chat", False)
    assert cells == [
        Cell(0, "user_id", "u-0001"),
        Cell(0, "messages[0].content", "You are a helpful assistant.", "system"),
        Cell(0, "messages[1].content", "My name is Jane Doe.", "user"),
        Cell(0, "messages[2].content[0].text", "Hello Jane.", "assistant"),
        Cell(0, "messages[2].content[1]", "plain part", "assistant"),
        Cell(0, "metadata.email", "jane@example.com"),
        Cell(1, "messages[0].content", "no role here"),
    ]


def test_chat_json_array_and_single_conversation_object():
    conv = {"messages": [{"role": "user", "content": "hi, I'm John Roe"}]}
    reader, cells = read("chats.json", json.dumps([conv, conv], indent=1).encode())
    assert reader.format == "chat"
    assert [c for c in cells if c.role] == [
        Cell(0, "messages[0].content", "hi, I'm John Roe", "user"),
        Cell(1, "messages[0].content", "hi, I'm John Roe", "user"),
    ]
    reader, cells = read("one.json", json.dumps(conv, indent=1).encode())
    assert reader.format == "chat"
    assert cells == [Cell(0, "messages[0].content", "hi, I'm John Roe", "user")]


def test_roles_are_kept_even_when_the_first_record_is_not_chat():
    data = b'{"id": 1}\n{"messages": [{"role": "user", "content": "hey"}]}\n'
    reader, cells = read("mixed.jsonl", data)
    assert reader.format == "jsonl"
    assert Cell(1, "messages[0].content", "hey", "user") in cells


def test_chat_detection_looks_past_the_first_64k():
    big = {"messages": [{"role": "user", "content": "x" * 200_000}]}
    reader, _ = read("big.jsonl", (json.dumps(big) + "\n" + json.dumps(big) + "\n").encode())
    assert reader.format == "chat"


# --- JSON vs JSONL sniffing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "eof", "prefer", "expected"),
    [
        ('{"a": 1}\n{"a": 2}\n', True, "json", ("jsonl", False)),
        ('{"a": 1}\n', True, "json", ("json", False)),
        ('{"a": 1}\n', True, "jsonl", ("jsonl", False)),
        ('{\n  "a": 1\n}\n', True, "jsonl", ("json", False)),
        ('[\n  {"messages": [{"role": "user", "content": "x"}]}\n]', True, "json", ("json", True)),
        ('{"a": 1}\n{"a": ', False, "json", ("jsonl", False)),
        ('{"a": 1', False, "json", None),  # first line incomplete: look further
        ("not json\n{}\n", True, "jsonl", ("jsonl", False)),  # broken first JSONL line
        ("[1, 2]\n[3]\n", True, "json", ("jsonl", False)),
    ],
)
def test_sniff_json(text, eof, prefer, expected):
    assert sniff_json(text, eof, prefer, final=False) == expected
