"""Text reader: one cell per non-blank line."""

from __future__ import annotations

import io

import pytest
from privscan.readers import Cell, ReadLimits, RecordIssue, open_object


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, list(reader.cells())


def test_lines_with_empty_lines_and_line_endings():
    data = b"\xef\xbb\xbfJane Doe called\n\n   \nfrom +1 555 0100\r\n  indented stays  \nno newline at end"
    reader, cells = read("notes.txt", data)
    assert (reader.format, reader.tabular, reader.columns) == ("text", False, None)
    assert cells == [
        Cell(0, None, "Jane Doe called"),
        Cell(3, None, "from +1 555 0100"),
        Cell(4, None, "  indented stays  "),
        Cell(5, None, "no newline at end"),
    ]
    assert reader.stats.records == 4
    assert reader.stats.bytes_read == len(data)


@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "a.log", "README", "data.unknownext"])
def test_text_names(name):
    reader, cells = read(name, b"hello\n")
    assert reader.format == "text"
    assert cells == [Cell(0, None, "hello")]


def test_text_name_is_trusted_for_json_looking_content():
    reader, cells = read("app.log", b'{"level": "info"}\n{"level": "warn"}\n')
    assert reader.format == "text"
    assert cells == [Cell(0, None, '{"level": "info"}'), Cell(1, None, '{"level": "warn"}')]


def test_markdown_link_is_not_json():
    reader, _ = read("noext", b"[the docs](https://example.com)\nmore\n")
    assert reader.format == "text"


def test_invalid_utf8_line_is_replaced_and_recorded():
    reader, cells = read("l.txt", "ok é\n".encode() + b"M\xfcller \xff\xfe\nok again\n")
    assert cells == [Cell(0, None, "ok é"), Cell(1, None, "M\ufffdller \ufffd\ufffd"), Cell(2, None, "ok again")]
    assert reader.stats.issues == [RecordIssue(1, "invalid_utf8", "invalid UTF-8 bytes replaced")]


def test_long_line_comes_in_pieces_of_one_record():
    line = "é" * 1500  # 3000 bytes; pieces must not cut a character in two
    reader, cells = read("long.txt", f"first\n{line}\nlast\n".encode(), ReadLimits(max_record_bytes=1001))
    assert cells[0] == Cell(0, None, "first")
    assert cells[-1] == Cell(2, None, "last")
    pieces = cells[1:-1]
    assert len(pieces) == 3 and {c.record for c in pieces} == {1}
    assert "".join(c.text for c in pieces) == line
    assert reader.stats.records == 3 and reader.stats.issues == []


def test_issue_list_is_capped():
    data = "é\n".encode() + b"".join(b"bad \xff line %d\n" % i for i in range(250))  # UTF-8, broken lines
    reader, cells = read("many.txt", data, ReadLimits(max_issues=100))
    assert len(cells) == 251
    assert len(reader.stats.issues) == 100
    assert reader.stats.issue_overflow == 150
    assert reader.stats.issues[-1] == RecordIssue(100, "invalid_utf8", "invalid UTF-8 bytes replaced")
