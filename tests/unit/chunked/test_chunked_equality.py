"""A chunked scan gives the findings of a single pass, record numbers, column counts and samples included.

Small objects cut into many tiny chunks, with the real engine (spaCy + Presidio). Findings are compared
in full (`Finding.to_dict()`: fingerprints, occurrences, distinct counts), single-pass ones sorted by
`canonical_key`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.engine.masking import Fingerprinter
from privscan.ingest.chunked.local import scan_file_chunked
from privscan.ingest.chunked.plan import plan_object
from privscan.ingest.chunked.reduce import reduce_chunks
from privscan.ingest.chunked.source import FileSource
from privscan.ingest.chunked.work import canonical_key, read_part, scan_chunk_part
from privscan.pipeline import scan_stream

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
SUMMARY = (
    "status",
    "outcome",
    "format",
    "compressed",
    "records",
    "findings",
    "by_entity",
    "by_severity",
    "by_rule",
    "issues",
)
FIRST = ["Anna Schneider", "Luca Bianchi", "Marie Dubois", "Jan de Vries", "Sofia García", "Piotr Nowak"]


def both(tmp_path, name, data, chunk_bytes, scanner):
    path = tmp_path / name
    path.write_bytes(data)
    single = []
    with path.open("rb") as stream:
        one = scan_stream(name, stream, scanner=scanner, fingerprinter=KEY, sink=single.append)
    chunked = []
    many = scan_file_chunked(
        path, chunk_bytes, scanner=scanner, fingerprinter=KEY, sink=chunked.append, object_name=name
    )
    expected = [f.to_dict() for f in sorted(single, key=canonical_key)]
    assert [f.to_dict() for f in chunked] == expected
    assert {k: many.summary()[k] for k in SUMMARY} == {k: one.summary()[k] for k in SUMMARY}
    return one, expected


def customers_csv(rows: int, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "name", "email", "city", "referrer", "notes", "consent"])
    for i in range(rows):
        name = rng.choice(FIRST)
        email = f"{name.split()[0].lower()}.{i}@example.com"
        note = rng.choice(
            [
                "Order shipped on time",
                f"Spoke with {name} about the refund,\nshe asked to call back",
                "Please call +49 151 23456789 tomorrow",
                "",
                "IBAN DE89370400440532013000 for refunds",
            ]
        )
        referrer = f"ref{i}@example.org" if i % 37 == 5 else ""  # sparse: its sample spans many chunks
        if i == 5:  # a sample value: fully analysed, so its e-mail is reported; a later one would be folded
            name += " anna.s@example.com"
        writer.writerow(
            [
                f"C-{10000 + i}",
                name,
                email,
                rng.choice(["Berlin", "Lyon", "Utrecht"]),
                referrer,
                note,
                rng.choice(["yes", "no"]),
            ]
        )
        if i % 50 == 7:
            out.write("\r\n")  # blank lines are not records
    return out.getvalue().encode()


def test_a_csv_in_many_chunks_gives_the_single_pass_findings(tmp_path, scanner):
    report, findings = both(tmp_path, "customers.csv", customers_csv(400), 2048, scanner)
    assert report.records == 400
    column = {f["field"]: f for f in findings if f["count"] is not None}
    assert column["email"]["count"] == 400 and column["email"]["distinct"] == 400
    assert column["referrer"]["count"] == 11
    emails = [(f["record"], f["field"]) for f in findings if f["entity_type"] == "EMAIL_ADDRESS"]
    assert emails == [(5, "name"), (None, "email"), (None, "referrer")]
    records = [f["record"] for f in findings if f["record"] is not None]
    assert records == sorted(records) and records[-1] > 390


def test_a_gzip_csv_is_inflated_and_split(tmp_path, scanner):
    report, _ = both(tmp_path, "customers.csv.gz", gzip.compress(customers_csv(120, seed=5)), 1024, scanner)
    assert report.compressed and report.records == 120


def test_a_chat_jsonl_drops_operator_names_learnt_in_earlier_chunks(tmp_path, scanner):
    lines = [
        {
            "messages": [
                {"role": "system", "content": "You are Sam, the support assistant of Kitchenly."},
                {"role": "user", "content": "Hi Sam, I am Anna Schneider."},
            ]
        }
    ]
    for i in range(60):
        lines.append(
            {
                "id": i,
                "messages": [
                    {
                        "role": "user",
                        "content": f"Sam, please send it to {FIRST[i % 6].split()[0].lower()}{i}@example.com",
                    },
                    {"role": "assistant", "content": f"Sam here: I wrote to {FIRST[i % 6]} in Berlin."},
                ],
            }
        )
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n"
    report, findings = both(tmp_path, "chats.jsonl", data, 700, scanner)
    assert report.format == "chat"
    people = {(f["start"], f["end"]) for f in findings if f["entity_type"] == "PERSON"}
    assert (0, 3) not in people and (21, 35) in people  # "Sam" is the operator's; "Anna Schneider" a person


def test_a_text_file_with_long_and_blank_lines(tmp_path, scanner):
    text = "\ufeffCall +49 151 23456789\n\n" + "".join(
        f"{FIRST[i % 6]} wrote from {'x' * (i * 37 % 300)} to anna{i}@example.com\r\n" for i in range(80)
    )
    both(tmp_path, "notes.txt", text.encode(), 512, scanner)


def test_parquet_row_groups(tmp_path, scanner):
    table = pa.table(
        {
            "name": [FIRST[i % 6] for i in range(300)],
            "mail": [f"u{i}@example.com" for i in range(300)],
            "note": [f"Ask {FIRST[i % 5]} about order {i}" for i in range(300)],
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=40)
    report, findings = both(tmp_path, "t.parquet", sink.getvalue(), 1, scanner)
    assert report.records == 300 and {f["field"] for f in findings if f["count"]} >= {"mail"}


@pytest.mark.parametrize("body", [b"", b"not a gzip \x1f\x8b", gzip.compress(gzip.compress(b"a,b\n1,2\n"))])
def test_empty_and_rejected_objects_end_as_a_single_pass_does(tmp_path, scanner, body):
    both(tmp_path, "odd.csv", body, 4, scanner)


def test_rescanning_a_chunk_and_rerunning_the_reducer_change_nothing(tmp_path, scanner):
    path = tmp_path / "c.csv"
    path.write_bytes(customers_csv(150, seed=9))
    plan, source = plan_object("c.csv", FileSource(path), chunk_bytes=2048, scanner=scanner, fingerprinter=KEY)
    engine = {"scanner": scanner, "fingerprinter": KEY}
    parts = []
    for chunk in plan.chunks:
        first, second = io.BytesIO(), io.BytesIO()
        scan_chunk_part(plan, chunk.index, source, first, **engine)
        scan_chunk_part(plan, chunk.index, source, second, **engine)
        assert first.getvalue() == second.getvalue()
        parts.append(first.getvalue())
    assert len(parts) > 3

    def reduce_once():
        out = []
        loaded = [read_part(io.BytesIO(p)) for p in parts]
        report = reduce_chunks(
            plan,
            [(result, lambda p=p: read_part(io.BytesIO(p))[1]) for (result, _), p in zip(loaded, parts, strict=True)],
            out.append,
        )
        return report.summary(), [f.to_dict() for f in out]

    first_run = reduce_once()
    assert first_run == reduce_once() and first_run[1]


def test_utf16_text_is_scanned_whole_as_a_single_pass_does(tmp_path, scanner):
    text = "".join(f"Line {i}: write to user{i}@example.com\n" for i in range(40))
    report, findings = both(tmp_path, "notes.txt", text.encode("utf-16"), 64, scanner)
    assert report.outcome == "scanned" and len(findings) == 40


@pytest.fixture()
def settled_runs(monkeypatch):
    """Counts the records each chunk settles on the columnar path (runs of `BlockCell`s under the planner's
    decided profiles; a single pass's own runs are not counted)."""
    from privscan import pipeline
    from privscan.engine.profile import DecidedProfiler
    from privscan.readers.base import BlockCell

    counted = {"chunk_records": 0}

    class CountingSplitter(pipeline.ColumnarSplitter):
        def cells(self, batches):
            for cell in super().cells(batches):
                if isinstance(cell, BlockCell) and isinstance(self.profiler, DecidedProfiler):
                    counted["chunk_records"] += cell.block.records
                yield cell

    monkeypatch.setattr(pipeline, "ColumnarSplitter", CountingSplitter)
    return counted


def test_a_structured_csv_takes_the_columnar_path_in_every_chunk_with_the_single_pass_findings(
    tmp_path, scanner, settled_runs
):
    from privscan_tools.bench.tables import write_structured_csv

    write_structured_csv(tmp_path / "source.csv", 0.06)
    data = (tmp_path / "source.csv").read_bytes()
    report, findings = both(tmp_path, "accounts.csv", data, 6000, scanner)
    assert report.records > 300
    # every record after the columns' samples is settled by the chunks (none of this table needs the per-cell path)
    assert settled_runs["chunk_records"] > report.records - 100
    column = {f["field"]: f for f in findings if f["count"] is not None}
    assert column["email"]["count"] == report.records and column["iban"]["count"] == report.records
    assert column["pesel"]["entity_type"] == "PL_PESEL" and column["pesel"]["count"] == report.records


def test_a_structured_parquet_takes_the_columnar_path_in_every_chunk_with_the_single_pass_findings(
    tmp_path, scanner, settled_runs
):
    from privscan_tools.bench.tables import write_structured_parquet

    write_structured_parquet(tmp_path / "source.parquet", 0.06, row_group_rows=80)
    data = (tmp_path / "source.parquet").read_bytes()
    report, findings = both(tmp_path, "accounts.parquet", data, 1, scanner)
    assert report.records > 300
    assert settled_runs["chunk_records"] > report.records - 100
    assert {f["field"] for f in findings if f["count"]} >= {"email", "iban", "pesel", "bsn"}


def test_a_chunk_with_columnar_off_gives_the_same_findings(tmp_path, scanner, settled_runs, monkeypatch):
    from privscan_tools.bench.tables import write_structured_csv

    write_structured_csv(tmp_path / "source.csv", 0.03)
    data = (tmp_path / "source.csv").read_bytes()
    _, on = both(tmp_path, "accounts.csv", data, 4000, scanner)
    monkeypatch.setattr(scanner, "config", scanner.config.model_copy(update={"columnar": False}))
    settled_runs["chunk_records"] = 0
    _, off = both(tmp_path, "accounts.csv", data, 4000, scanner)
    assert settled_runs["chunk_records"] == 0 and off == on


def test_a_chunk_settles_only_the_records_after_every_columns_sample(scanner):
    import numpy as np
    from privscan.engine.columnar import ColumnarSplitter
    from privscan.engine.profile import ColumnProfile, DecidedProfiler
    from privscan.engine.rules import rule_book
    from privscan.readers.base import TableBatch

    profiles = {"a": ColumnProfile(), "b": ColumnProfile()}
    profiler = DecidedProfiler(scanner.config, profiles, {"a": (40, 0), "b": (55, 12)})
    splitter = ColumnarSplitter(scanner, profiler, rule_book(), record_offset=50)
    batch = TableBatch(0, 10, {}, np.zeros(10, bool), lambda i: iter(()))
    # records 50..59 of the object: 56 and later are past both samples; 55 still holds b's last sample piece
    assert splitter.past_samples(batch).tolist() == [False] * 6 + [True] * 4
    assert ColumnarSplitter(scanner, profiler, rule_book(), record_offset=56).past_samples(batch).all()
    assert not ColumnarSplitter(scanner, profiler, rule_book()).past_samples(batch).any()


def test_shifting_a_settled_run_moves_every_record_it_stands_for():
    import numpy as np
    import pyarrow as pa
    from privscan.engine.columnar import Block, ColumnFold, shifted
    from privscan.readers.base import BlockCell, Cell

    fold = ColumnFold(
        "iban", "IBAN_CODE", np.array([3, 4, 6]), pa.array(["x", "y", "z"]), np.array([1, 1, 1]), 1.0, "high", []
    )
    cell = shifted(BlockCell(3, None, "", block=Block(3, 4, [fold]), cells=12), 100)
    assert (cell.record, cell.block.first_record, cell.block.records, cell.cells) == (103, 103, 4, 12)
    assert cell.block.folds[0].records.tolist() == [103, 104, 106]
    assert fold.records.tolist() == [3, 4, 6]  # the original run is left as it was
    assert shifted(Cell(7, "name", "Anna"), 100) == Cell(107, "name", "Anna")


def test_the_planner_stops_reading_a_parquet_once_every_columns_sample_is_full(tmp_path, scanner, monkeypatch):
    from privscan.readers import parquet

    read = {"cells": 0}
    original = parquet.ParquetReader.cells

    def counted(self):
        for cell in original(self):
            read["cells"] += 1
            yield cell

    monkeypatch.setattr(parquet.ParquetReader, "cells", counted)
    table = pa.table({"mail": [f"u{i}@example.com" for i in range(3000)], "code": [f"K-{i:05d}" for i in range(3000)]})
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=500)
    path = tmp_path / "t.parquet"
    path.write_bytes(sink.getvalue())
    plan, _ = plan_object("t.parquet", FileSource(path), chunk_bytes=1, scanner=scanner, fingerprinter=KEY)
    assert len(plan.chunks) == 6 and plan.sample_ends == {"mail": [9, 0], "code": [9, 0]}  # decided early
    # both columns' samples of 50 values, and the cell that shows they are full: not the file's 6,000 cells
    assert read["cells"] == 2 * scanner.config.column_sample + 1
