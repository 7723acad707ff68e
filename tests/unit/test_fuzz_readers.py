"""Bounded fuzzing of every reader and of scan_stream: mutated seed files and hostile structures.

Each case must end in cells or a ReadError (readers) and in an outcome of the documented set that no
unexpected error produced (scan_stream, with the real engine), within a bounded time. Derandomized, so
CI runs the same cases every time; `make fuzz` runs many more (PRIVSCAN_FUZZ_EXAMPLES, and
PRIVSCAN_FUZZ_SEED for another fixed sequence).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from privscan.engine.masking import Fingerprinter
from privscan.engine.rules.conversations import conversations_of
from privscan.pipeline import scan_stream
from privscan.readers import ReadError, ReadLimits, open_object
from privscan.readers.base import Cell
from privscan.readers.jsonpath import CHAT_LISTS, iter_leaves

EXAMPLES = int(os.environ.get("PRIVSCAN_FUZZ_EXAMPLES", "20"))
FUZZ_SEED = os.environ.get("PRIVSCAN_FUZZ_SEED") or None
CASE_SECONDS = float(os.environ.get("PRIVSCAN_FUZZ_CASE_SECONDS", "10"))
MAX_CELLS = 100_000  # a reader case stops reading after this many cells
OUTCOMES = {
    "scanned",
    "empty",
    "unsupported_format",
    "binary",
    "malformed",
    "decompression_bomb",
    "too_large",
    "time_limit",
}
# Small limits, so that the limits' own paths are reached by small inputs too.
LIMITS = ReadLimits(max_inflated_bytes=4 * 1024**2, max_record_bytes=64 * 1024, max_issues=20)


def fuzz_settings(examples: int):
    """Derandomized (or seeded with PRIVSCAN_FUZZ_SEED), no example database, no per-example deadline
    (the case's own time is asserted instead)."""
    chosen = settings(
        max_examples=examples,
        derandomize=FUZZ_SEED is None,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )

    def apply(test):
        test = chosen(test)
        return seed(int(FUZZ_SEED))(test) if FUZZ_SEED is not None else test

    return apply


def parquet_seed() -> bytes:
    turn = pa.struct([("role", pa.string()), ("content", pa.string())])
    table = pa.table(
        {
            "name": ["Jane Doe", None, "John Roe"],
            "age": pa.array([41, 35, None], pa.int32()),
            "city": pa.array(["Springfield", "Springfield", "Ogdenville"]).dictionary_encode(),
            "messages": pa.array(
                [[{"role": "user", "content": "I am Jane Doe"}], [], [{"role": "assistant", "content": "Hi"}]],
                pa.list_(turn),
            ),
            "tags": pa.array([[("k", "v")], None, []], pa.map_(pa.string(), pa.string())),
            "score": [0.5, 1.5, 2.5],
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=2)
    return sink.getvalue()


CSV = b'name,email,iban\nJane Doe,jane.doe@example.com,DE89370400440532013000\n"Roe, John",john@example.org,\n'
SEEDS = {
    "people.csv": CSV,
    "people.tsv": CSV.replace(b",", b"\t"),
    "users.json": b'{"users": [{"name": "Jane Doe", "email": "jane.doe@example.com", "tags": ["a", 1, true, null]}],'
    b' "meta": {"n": 1}}',
    "events.jsonl": b'{"user": "Jane Doe", "ip": "192.0.2.1"}\n{"user": "John Roe", "n": 12345}\n',
    "chats.jsonl": b'{"messages": [{"role": "user", "content": "I am Jane Doe, call +49 30 1234567"},'
    b' {"role": "assistant", "content": "Hello Jane"}]}\n',
    "sharegpt.jsonl": b'{"model": "m-1", "conversations": [{"from": "human", "value": "I am Jane Doe"},'
    b' {"from": "gpt", "value": [{"type": "text", "text": "Hello Jane"}]}]}\n',
    "pairs.json": b'[{"prompt": "Call Jane Doe", "chosen": [{"role": "assistant", "content": "ok"}], "rejected": "no"},'
    b' {"instruction": "hi", "output": 3, "turns": ["a", 1, {"role": null}]}]',
    "notes.txt": b"Contact Jane Doe at jane.doe@example.com\nIBAN DE89370400440532013000\n\n",
    "people.parquet": parquet_seed(),
    "people.csv.gz": gzip.compress(CSV),
}
NAMES = [*SEEDS, "data", "data.bin", "x.json.gz", "x.txt.gz", "x.parquet.gz"]
TOKENS = [
    b'"',
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",
    b"[" * 300,
    b'{"a":' * 60,
    b'"\\ud800"',
    b"1e999999",
    b"9" * 5000,
    b"PAR1",
    b"\x1f\x8b\x08",
    b"," * 200,
    b"\t",
    b'{"messages": [{"role": "user", "content": ',
    b'"messages"',
    b'"conversations"',
    b'{"from": "gpt", "value": ',
    b'"turns": [',
    b'"prompt": "x", "response": ',
]


@st.composite
def mutations(draw, data: bytes) -> bytes:
    """`data` after a few byte-level edits: flips, overwrites, inserts (random or hostile), deletions,
    repeats and truncation."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "byte", "insert", "token", "delete", "repeat", "truncate"]))
        pos = draw(st.integers(0, len(out)))
        at = min(pos, len(out) - 1)
        if op == "flip" and out:
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "byte" and out:
            out[at] = draw(st.integers(0, 255))
        elif op == "insert":
            out[pos:pos] = draw(st.binary(max_size=16))
        elif op == "token":
            out[pos:pos] = draw(st.sampled_from(TOKENS))
        elif op == "delete":
            del out[pos : pos + draw(st.integers(1, 32))]
        elif op == "repeat":
            out[pos:pos] = out[pos : pos + draw(st.integers(1, 16))] * draw(st.integers(1, 64))
        elif op == "truncate":
            del out[pos:]
    return bytes(out)


@st.composite
def mutated_files(draw) -> tuple[str, bytes]:
    """A seed file mutated, sometimes under another name, sometimes gzipped after the mutation."""
    name = draw(st.sampled_from(list(SEEDS)))
    data = draw(mutations(SEEDS[name]))
    if draw(st.booleans()) and not name.endswith(".gz"):
        data = gzip.compress(data)
        name += ".gz"
    if draw(st.integers(0, 4)) == 0:
        name = draw(st.sampled_from(NAMES))
    return name, data


TEXT_TYPES = [pa.string(), pa.large_string(), pa.dictionary(pa.int8(), pa.string())]


@st.composite
def hostile_tables(draw) -> bytes:
    """A Parquet file of random shape: duplicate and blank names, nested and dictionary types, invalid
    UTF-8, nulls, empty lists, many row groups, any codec."""
    rows = draw(st.integers(0, 40))
    strings = st.one_of(st.none(), st.binary(max_size=12), st.sampled_from([b"Jane Doe", b"\xff\xfe", b""]))
    columns, names = [], []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["text", "int", "list", "struct", "map", "fixed", "float", "nested"]))
        values = [draw(strings) for _ in range(rows)]
        text = pa.array(values, pa.binary()).view(pa.string())  # invalid UTF-8 kept as written
        if kind == "text":
            column = text.cast(draw(st.sampled_from(TEXT_TYPES))) if draw(st.booleans()) else text
        elif kind == "int":
            column = pa.array([draw(st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1))) for _ in range(rows)])
        elif kind == "float":
            column = pa.array([draw(st.floats()) for _ in range(rows)], pa.float64())
        elif kind == "list":
            column = pa.ListArray.from_arrays(pa.array(sorted_offsets(draw, rows), pa.int32()), text)
        elif kind == "struct":
            column = pa.StructArray.from_arrays(
                [text, text], names=["role", draw(st.sampled_from(["content", "role"]))]
            )
        elif kind == "map":
            keys = pa.array([b"k%d" % i for i in range(rows)], pa.binary()).view(pa.string())
            column = pa.MapArray.from_arrays(pa.array(list(range(rows + 1)), pa.int32()), keys, text)
        elif kind == "fixed":
            column = pa.FixedSizeListArray.from_arrays(pa.concat_arrays([text, text]), 2)[: rows if rows else 0]
        else:
            turns = pa.StructArray.from_arrays([text, text], names=["role", "content"])
            column = pa.ListArray.from_arrays(pa.array(sorted_offsets(draw, rows), pa.int32()), turns)
        columns.append(column)
        names.append(draw(st.sampled_from(["a", "a", "", "messages", "x.y", "é"])))
    table = pa.Table.from_arrays(columns, names=names)
    sink = io.BytesIO()
    pq.write_table(
        table,
        sink,
        row_group_size=draw(st.integers(1, 50)),
        compression=draw(st.sampled_from(["none", "snappy", "zstd", "gzip"])),
        use_dictionary=draw(st.booleans()),
        data_page_version=draw(st.sampled_from(["1.0", "2.0"])),
        store_schema=draw(st.booleans()),
    )
    return sink.getvalue()


def sorted_offsets(draw, rows: int) -> list[int]:
    """List offsets over `rows` child values: `rows + 1` non-decreasing numbers from 0 to `rows`."""
    cuts = sorted(draw(st.lists(st.integers(0, rows), min_size=max(rows - 1, 0), max_size=max(rows - 1, 0))))
    return [0, *cuts, rows] if rows else [0]


def read_all(name: str, data: bytes) -> None:
    """Open and read one object as a reader's caller does: cells, or a ReadError."""
    try:
        reader = open_object(name, io.BytesIO(data), LIMITS)
        for count, _ in enumerate(reader.cells()):
            if count >= MAX_CELLS:
                break
    except ReadError:
        pass


def timed(work) -> None:
    started = time.perf_counter()
    work()
    assert time.perf_counter() - started < CASE_SECONDS


@fuzz_settings(EXAMPLES * 5)
@given(mutated_files())
def test_readers_on_mutated_seeds(case):
    name, data = case
    timed(lambda: read_all(name, data))


@fuzz_settings(EXAMPLES * 2)
@given(hostile_tables(), st.booleans())
def test_parquet_reader_on_hostile_tables(data, gzipped):
    timed(lambda: read_all("t.parquet.gz" if gzipped else "t.parquet", gzip.compress(data) if gzipped else data))


@fuzz_settings(EXAMPLES * 2)
@given(st.data())
def test_parquet_reader_on_mutated_hostile_tables(draw):
    data = draw.draw(mutations(draw.draw(hostile_tables())))
    timed(lambda: read_all("t.parquet", data))


@pytest.fixture(scope="module")
def fingerprinter():
    return Fingerprinter("fuzz-key-0123456789abcdef")


def scan_case(scanner, fingerprinter, name: str, data: bytes) -> None:
    report = scan_stream(
        name, io.BytesIO(data), scanner=scanner, fingerprinter=fingerprinter, sink=lambda f: None, limits=LIMITS
    )
    assert report.outcome in OUTCOMES
    assert not (report.reason or "").startswith(("reader_error", "scan_error")), report.reason


@fuzz_settings(EXAMPLES)
@given(case=mutated_files())
def test_scan_stream_on_mutated_seeds(scanner, fingerprinter, case):
    name, data = case
    timed(lambda: scan_case(scanner, fingerprinter, name, data))


@fuzz_settings(EXAMPLES)
@given(data=hostile_tables())
def test_scan_stream_on_hostile_tables(scanner, fingerprinter, data):
    timed(lambda: scan_case(scanner, fingerprinter, "t.parquet", data))


CHAT_KEYS = [*sorted(CHAT_LISTS), "role", "from", "content", "value", "type", "text", "prompt", "response", "chosen"]
chat_like = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False)
    | st.sampled_from(["user", "assistant", "gpt", "human", "system", "model", "", " ", "Jane Doe", "\ud800"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(CHAT_KEYS), children, max_size=4),
    max_leaves=30,
)


@fuzz_settings(EXAMPLES * 10)
@given(chat_like)
def test_chat_shapes_walked_from_any_value(value):
    """Malformed conversations (a role missing, content not text, junk nested in turns) are walked without error:
    every leaf is text, every role one of the walker's, and the turns group into conversations."""
    cells = []
    for path, text, role in iter_leaves(value):
        assert isinstance(text, str) and text.strip()
        assert role is None or isinstance(role, str)
        cells.append((Cell(0, path, text, role), []))
    for conversation in conversations_of(cells):
        assert conversation.turns and all(turn.pairs for turn in conversation.turns)


@fuzz_settings(EXAMPLES)
@given(st.lists(chat_like, min_size=1, max_size=4))
def test_scan_stream_on_chat_like_records(scanner, fingerprinter, records):
    data = "".join(json.dumps(record) + "\n" for record in records).encode()
    timed(lambda: scan_case(scanner, fingerprinter, "chats.jsonl", data))
