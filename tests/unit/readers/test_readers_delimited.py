"""CSV / TSV reader: exact cells, record numbering, issues."""

from __future__ import annotations

import io
import time

import pytest
from privscan.readers import Cell, ReadLimits, RecordIssue, TooLarge, open_object
from privscan.readers.delimited import field_names, sniff_delimiter


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, list(reader.cells())


def test_csv_with_bom_header_and_records():
    data = b"\xef\xbb\xbfname,email\nJane Doe,jane@example.com\nJohn Roe,john@example.org\n"
    reader, cells = read("people.csv", data)
    assert (reader.format, reader.compressed, reader.tabular) == ("csv", False, True)
    assert reader.columns == ["name", "email"]
    assert cells == [
        Cell(0, "name", "Jane Doe"),
        Cell(0, "email", "jane@example.com"),
        Cell(1, "name", "John Roe"),
        Cell(1, "email", "john@example.org"),
    ]
    assert (reader.stats.records, reader.stats.cells, reader.stats.issues) == (2, 4, [])
    assert reader.stats.bytes_read == len(data)
    assert reader.empty is False


def test_semicolon_delimiter_is_sniffed_with_decimal_commas():
    reader, cells = read("export.csv", b"name;amount;iban\nJane Doe;1,50;DE00 0000\nJohn Roe;2,75;FR00 0000\n")
    assert reader.columns == ["name", "amount", "iban"]
    assert cells == [
        Cell(0, "name", "Jane Doe"),
        Cell(0, "amount", "1,50"),
        Cell(0, "iban", "DE00 0000"),
        Cell(1, "name", "John Roe"),
        Cell(1, "amount", "2,75"),
        Cell(1, "iban", "FR00 0000"),
    ]


def test_quoted_newline_is_one_record_and_later_records_follow_on():
    data = b'id,note\n1,"first line\nsecond line"\n2,plain\n3,"a ""quoted"" word"\n'
    reader, cells = read("notes.csv", data)
    assert cells == [
        Cell(0, "id", "1"),
        Cell(0, "note", "first line\nsecond line"),
        Cell(1, "id", "2"),
        Cell(1, "note", "plain"),
        Cell(2, "id", "3"),
        Cell(2, "note", 'a "quoted" word'),
    ]
    assert reader.stats.records == 3


def test_crlf_line_endings():
    _, cells = read("w.csv", b'a,b\r\n1,"x\r\ny"\r\n2,3\r\n')
    assert cells == [Cell(0, "a", "1"), Cell(0, "b", "x\r\ny"), Cell(1, "a", "2"), Cell(1, "b", "3")]


def test_tsv_by_extension():
    reader, cells = read("t.tsv", b"name\tcity, country\nJane Doe\tSpringfield, Nowhere\n")
    assert (reader.format, reader.columns) == ("tsv", ["name", "city, country"])
    assert cells == [Cell(0, "name", "Jane Doe"), Cell(0, "city, country", "Springfield, Nowhere")]


def test_tab_extension_is_tsv():
    reader, _ = read("t.tab", b"a\tb\n1\t2\n")
    assert reader.format == "tsv"


def test_malformed_rows_are_scanned_and_recorded():
    data = b"a,b,c,d\n1,2,3,4\n1,2,3,4,5,6\n7,8\n"
    reader, cells = read("m.csv", data)
    assert cells == [
        Cell(0, "a", "1"),
        Cell(0, "b", "2"),
        Cell(0, "c", "3"),
        Cell(0, "d", "4"),
        Cell(1, "a", "1"),
        Cell(1, "b", "2"),
        Cell(1, "c", "3"),
        Cell(1, "d", "4"),
        Cell(1, "column_5", "5"),
        Cell(1, "column_6", "6"),
        Cell(2, "a", "7"),
        Cell(2, "b", "8"),
    ]
    assert reader.stats.issues == [
        RecordIssue(1, "malformed_row", "expected 4 fields, got 6"),
        RecordIssue(2, "malformed_row", "expected 4 fields, got 2"),
    ]


def test_blank_and_duplicate_header_names():
    reader, cells = read("h.csv", b"name,,name, name ,\nA,B,C,D,E\n")
    assert reader.columns == ["name", "column_2", "name_2", "name_3", "column_5"]
    assert cells == [
        Cell(0, "name", "A"),
        Cell(0, "column_2", "B"),
        Cell(0, "name_2", "C"),
        Cell(0, "name_3", "D"),
        Cell(0, "column_5", "E"),
    ]


def test_empty_and_blank_cells_and_blank_lines_are_skipped():
    reader, cells = read("s.csv", b"a,b,c\n,  ,x\n\n,,\ny,,\n")
    # the blank line is not a record; the all-empty row is (record 1), with no cells
    assert cells == [Cell(0, "c", "x"), Cell(2, "a", "y")]
    assert reader.stats.records == 3


def test_invalid_utf8_in_one_row():
    # UTF-8 (the é) with one broken row: decoded as UTF-8, the bad bytes replaced and reported
    data = "name,city\nJane Doé,Springfield\n".encode() + b"J\xf6rg Roe,M\xfcnchen\nJohn Roe,Shelbyville\n"
    reader, cells = read("latin.csv", data)
    assert cells == [
        Cell(0, "name", "Jane Doé"),
        Cell(0, "city", "Springfield"),
        Cell(1, "name", "J\ufffdrg Roe"),
        Cell(1, "city", "M\ufffdnchen"),
        Cell(2, "name", "John Roe"),
        Cell(2, "city", "Shelbyville"),
    ]
    assert reader.stats.issues == [RecordIssue(1, "invalid_utf8", "invalid UTF-8 bytes replaced")]


def test_invalid_utf8_inside_multiline_record_is_charged_to_that_record():
    data = "id,note\n1,café\n".encode() + b'2,"line one\nbad \xff byte"\n3,ok\n'
    reader, _ = read("n.csv", data)
    assert reader.stats.issues == [RecordIssue(1, "invalid_utf8", "invalid UTF-8 bytes replaced")]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf", b"name,email\n", b"name,email\n\n\n"])
def test_empty_csv(data):
    reader, cells = read("e.csv", data)
    assert cells == []
    assert reader.empty is True
    assert reader.format == "csv"


def test_columns_known_before_iterating():
    reader = open_object("p.csv", io.BytesIO(b"x|y|z\n1|2|3\n"))
    assert reader.columns == ["x", "y", "z"]
    assert reader.empty is False  # not read yet
    assert list(reader.cells()) == [Cell(0, "x", "1"), Cell(0, "y", "2"), Cell(0, "z", "3")]


def test_line_longer_than_record_limit_is_too_large():
    reader = open_object("big.csv", io.BytesIO(b"a,b\n1,2\n" + b"x" * 5000 + b"\n"), ReadLimits(max_record_bytes=1024))
    cells = []
    with pytest.raises(TooLarge):
        cells.extend(reader.cells())
    assert cells == [Cell(0, "a", "1"), Cell(0, "b", "2")]


def test_runaway_quoted_field_is_an_issue_and_reading_goes_on():
    # An unterminated quote swallows lines until the field size limit; the csv module then
    # drops that row and resumes at the next line, so the rest is still scanned.
    data = b'a,b\n1,"' + b"y\n" * 1000 + b'"\n2,3\n'
    reader, cells = read("q.csv", data, ReadLimits(max_record_bytes=1024))
    assert reader.stats.issues[0] == RecordIssue(0, "malformed_row", "row could not be parsed")
    assert cells[-1].text == "\n2,3\n"
    assert reader.stats.issue_overflow > 0  # one issue per garbled row, capped at max_issues
    assert len(reader.stats.issues) == 100


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ('a,b\n"x;y;z",1\n', ","),
        ("single\nvalue\n", ","),
    ],
)
def test_sniff_delimiter(sample, expected):
    assert sniff_delimiter(sample) == expected


def test_field_names_never_collide():
    assert field_names(["a", "a", "a_2", ""]) == ["a", "a_2", "a_2_2", "column_4"]


def test_field_names_match_the_first_free_suffix_whatever_the_order():
    assert field_names(["a_3", "a", "a", "a", "a_2", "a"]) == ["a_3", "a", "a_2", "a_4", "a_2_2", "a_5"]


def test_a_hundred_thousand_repeated_header_names_are_named_in_linear_time():
    started = time.perf_counter()
    names = field_names(["name"] * 100_000, ReadLimits(max_columns=200_000))
    assert time.perf_counter() - started < 2.0
    assert names[:3] == ["name", "name_2", "name_3"] and names[-1] == "name_100000"
    assert len(set(names)) == 100_000


def test_header_names_are_bounded_in_count_and_length_with_an_issue():
    data = ("a" * 300 + ",b,c,d\n1,2,3,4\n").encode()
    reader, cells = read("wide.csv", data, ReadLimits(max_columns=2, max_column_name_chars=5))
    assert reader.columns == ["aaaaa", "b"]
    assert cells == [Cell(0, "aaaaa", "1"), Cell(0, "b", "2"), Cell(0, "column_3", "3"), Cell(0, "column_4", "4")]
    assert reader.stats.issues == [
        RecordIssue(
            None, "header_limited", "names kept for 2 columns of at most 5 characters; the header has 4 columns"
        )
    ]


def test_a_400_kb_csv_of_duplicate_header_names_is_scanned_within_seconds(scanner):
    from privscan.engine.masking import Fingerprinter
    from privscan.pipeline import scan_stream

    data = (",".join(["name"] * 100_000) + "\nAnna Schmidt,anna.roe@example.com\n").encode()
    assert len(data) > 400_000
    found = []
    started = time.perf_counter()
    report = scan_stream(
        "dup.csv", io.BytesIO(data), scanner=scanner, fingerprinter=Fingerprinter("k" * 32), sink=found.append
    )
    assert time.perf_counter() - started < 10.0
    assert (report.outcome, report.records) == ("scanned", 1)
    assert [i.code for i in report.issues] == ["header_limited", "malformed_row"]
    assert [(f.field, f.entity_type, f.start, f.end) for f in found] == [
        ("name", "PERSON", None, None),
        ("name_2", "EMAIL_ADDRESS", None, None),
    ]
