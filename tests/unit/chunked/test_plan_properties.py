"""The planner's chunks are the object: every record read once, in order, with its global number.

Property tests on adversarial inputs (quoted newlines, CRLF, byte-order marks, long lines, blank
lines, cuts exactly on a newline, broken quoting): the cells the chunk readers yield, concatenated,
are the cells one reader over the whole object yields. No NLP: a stub engine decides no profile.
"""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import ExitStack
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import no_names
from privscan.ingest.chunked.plan import Plan, plan_object
from privscan.ingest.chunked.source import FileSource
from privscan.ingest.chunked.work import open_chunk
from privscan.readers import open_object
from privscan.readers.base import ReadError, ReadLimits

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
SMALL_LIMITS = ReadLimits(max_record_bytes=96)  # "very long lines": longer than one record may be
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class NoEngine:
    """The planner only needs the engine for the column samples and the object's name; boundaries do not
    depend on it."""

    config = EngineConfig()
    names = staticmethod(no_names)  # no personal data in any name

    def detect(self, cells, profiler=None):
        for cell in cells:
            yield cell, []


def single_pass(name: str, data: bytes, limits: ReadLimits):
    try:
        reader = open_object(name, io.BytesIO(data), limits)
        cells = list(reader.cells())
    except ReadError as error:
        return error.code, None, None
    return "read", cells, reader.stats.records


def chunked(path: Path, name: str, chunk_bytes: int, limits: ReadLimits):
    plan, source = plan_object(
        name,
        FileSource(path),
        chunk_bytes=chunk_bytes,
        scanner=NoEngine(),
        fingerprinter=KEY,
        limits=limits,
        file_name=name,
    )
    if plan.status:
        return plan, (plan.outcome, None, None)
    cells, records = [], 0
    for chunk in plan.chunks:
        with ExitStack() as stack:
            reader, shift = open_chunk(plan, chunk, source, stack, limits)
            cells += [(cell.record + shift, cell.field, cell.text, cell.role) for cell in reader.cells()]
            records += reader.stats.records
    return plan, ("read", cells, records)


def assert_same(tmp_path: Path, name: str, data: bytes, chunk_bytes: int, limits: ReadLimits = SMALL_LIMITS) -> Plan:
    path = tmp_path / name
    path.write_bytes(data)
    outcome, cells, records = single_pass(name, data, limits)
    expected = (outcome, cells and [(c.record, c.field, c.text, c.role) for c in cells], records)
    plan, got = chunked(path, name, chunk_bytes, limits)
    assert got == expected
    if not plan.status and not plan.whole:
        starts = [c.start for c in plan.chunks]
        ends = [c.end for c in plan.chunks]
        assert starts[0] == plan.header_end and ends[-1] == len(data) and starts[1:] == ends[:-1]
        assert all(c.end - c.start >= chunk_bytes for c in plan.chunks[:-1])
    return plan


# -- CSV ----------------------------------------------------------------------------------------------
FIELD = st.text(alphabet=["a", "Z", " ", ",", '"', "\n", "\r", "é", "\ufeff", ";"], max_size=12)
ROW = st.lists(FIELD, min_size=1, max_size=4)


@st.composite
def csv_objects(draw) -> bytes:
    out = io.StringIO()
    writer = csv.writer(
        out,
        lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )
    writer.writerow(["name", "note", "city"])
    for row in draw(st.lists(ROW, max_size=25)):
        if draw(st.booleans()) and draw(st.booleans()):
            out.write(draw(st.sampled_from(["\n", "\r\n"])))  # blank lines
        writer.writerow(row)
    text = out.getvalue()
    if draw(st.booleans()):
        text = "\ufeff" + text
    if draw(st.booleans()):  # broken quoting / bare CR / unterminated quote at the end
        text += draw(st.text(alphabet=["a", '"', ",", "\n", "\r"], max_size=20))
    return text.encode("utf-8")


@FAST
@given(data=csv_objects(), chunk_bytes=st.integers(1, 80))
@example(data=b'name,note\n"a\nb",c\n\nx,"y\r\nz"\n', chunk_bytes=1)
@example(data=b'\xef\xbb\xbf"name",note\r\nq,"multi\r\nline, quoted"\r\n\r\nlast,row', chunk_bytes=17)
def test_csv_chunks_cover_every_row_once(tmp_path_factory, data, chunk_bytes):
    assert_same(tmp_path_factory.mktemp("csv"), "t.csv", data, chunk_bytes)


@FAST
@given(raw=st.text(alphabet=["a", '"', ",", "\t", "\n", "\r", " "], max_size=200), chunk_bytes=st.integers(1, 40))
def test_any_delimited_text_splits_like_the_reader_reads_it(tmp_path_factory, raw, chunk_bytes):
    assert_same(tmp_path_factory.mktemp("tsv"), "t.tsv", ("h1\th2\n" + raw).encode(), chunk_bytes)


def test_a_cut_exactly_on_a_newline_and_global_record_numbers(tmp_path):
    data = b"id,email\n1,a@example.com\n2,b@example.com\n\n3,c@example.com\n"
    plan = assert_same(tmp_path, "t.csv", data, chunk_bytes=16)  # the first row ends exactly 16 bytes after the header
    assert [(c.start, c.end, c.first_record) for c in plan.chunks] == [(9, 25, 0), (25, 41, 1), (41, 58, 2)]


def test_a_line_longer_than_a_record_rejects_a_csv_as_a_single_pass_does(tmp_path):
    data = b"a,b\n" + b"x" * 200 + b",y\n"
    plan = assert_same(tmp_path, "t.csv", data, chunk_bytes=8)
    assert (plan.status, plan.outcome) == ("rejected", "too_large")


# -- JSONL, chat, text --------------------------------------------------------------------------------
LINE = st.one_of(
    st.dictionaries(
        st.sampled_from(["id", "text", "n"]), st.text(alphabet='ab \u00e9"\\{}', max_size=10), max_size=3
    ).map(json.dumps),
    st.sampled_from(
        ["", "   ", "not json {", '\ufeff{"x": 1}', "[1, 2]", '"s"', "x" * 150, json.dumps({"t": "y" * 120})]
    ),
)


@st.composite
def jsonl_objects(draw) -> bytes:
    lines = [json.dumps({"id": 0, "text": "first"}), json.dumps({"id": 1, "text": "second"})]
    lines += draw(st.lists(LINE, max_size=20))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    if draw(st.booleans()):
        text += "\n"
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8")


@FAST
@given(data=jsonl_objects(), chunk_bytes=st.integers(1, 60))
def test_jsonl_chunks_cover_every_line_once(tmp_path_factory, data, chunk_bytes):
    plan = assert_same(tmp_path_factory.mktemp("jsonl"), "t.jsonl", data, chunk_bytes)
    assert plan.format == "jsonl"


@FAST
@given(raw=st.text(alphabet=["w", " ", "\n", "\r", "\ufeff", "ü"], max_size=300), chunk_bytes=st.integers(1, 50))
@example(raw="x" * 400 + "\n\ny\n", chunk_bytes=1)
def test_text_chunks_cover_every_line_once(tmp_path_factory, raw, chunk_bytes):
    assert_same(tmp_path_factory.mktemp("txt"), "t.txt", ("start\n" + raw).encode(), chunk_bytes)


def test_chat_chunks_carry_the_operator_names_learnt_before_them_as_keyed_hashes(tmp_path):
    turns = [
        {
            "messages": [
                {"role": "system", "content": "You are Sam, the assistant of Kitchenly"},
                {"role": "user", "content": "hello"},
            ]
        },
        {"messages": [{"role": "user", "content": "Is Sam there?"}]},
        {"messages": [{"role": "system", "content": "You are Robin"}]},
    ]
    data = "\n".join(json.dumps(t) for t in turns).encode() + b"\n"
    plan = assert_same(tmp_path, "chat.jsonl", data, chunk_bytes=1, limits=ReadLimits())
    assert plan.format == "chat" and len(plan.chunks) == 3
    names = [c.operator_names for c in plan.chunks]
    assert names[0] == [] and names[1] == names[2] == sorted(KEY.token(w) for w in ("you", "sam", "kitchenly"))
    assert not {"sam", "kitchenly", "robin"} & set(re.findall(r"\w+", json.dumps(plan.to_dict()).lower()))


def test_windows_1252_is_cut_on_the_original_bytes(tmp_path):
    data = 'name,city\nJosé,Köln\n"Zoë\nNewline",Łódź?\n'.encode("cp1252", "replace") * 3
    plan = assert_same(tmp_path, "legacy.csv", data, chunk_bytes=10)
    assert plan.legacy and len(plan.chunks) > 1


def test_gzip_is_inflated_to_a_staged_copy_then_split(tmp_path):
    import gzip

    data = b"".join(b"line %d\n" % i for i in range(50))
    (tmp_path / "t.txt.gz").write_bytes(gzip.compress(data))
    plan, source = plan_object(
        "t.txt.gz",
        FileSource(tmp_path / "t.txt.gz"),
        chunk_bytes=100,
        scanner=NoEngine(),
        fingerprinter=KEY,
        stage=lambda s: FileSource.copy_of(s, tmp_path / "staged"),
    )
    assert (plan.compressed, plan.format, plan.size) == (True, "text", len(data))
    assert source.size() == len(data) and len(plan.chunks) == 4


def test_a_json_document_is_one_whole_chunk(tmp_path):
    (tmp_path / "t.json").write_bytes(b'[{"a": "x"}, {"a": "y"}]')
    plan, _ = plan_object(
        "t.json", FileSource(tmp_path / "t.json"), chunk_bytes=1, scanner=NoEngine(), fingerprinter=KEY
    )
    assert plan.whole and [(c.start, c.end) for c in plan.chunks] == [(0, 24)]
