"""The columnar path gives the same findings whether its batches are settled in this process or in two worker
processes, and keeps a bounded number of batches out at once.

Each table is scanned by a one-process scanner and a two-worker scanner (sharing the session's detector); the
findings are compared in full and in order (`Finding.to_dict()`: record numbers, column counts, distinct counts,
masked occurrences, fingerprints), and the counts are checked against what the table holds.
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from privscan.engine import columnar
from privscan.engine.columnar import MAX_BATCHES_IN_FLIGHT, SettleTask
from privscan.engine.parallel import InlineExecutor, Lane, WorkerPool
from privscan.engine.scanner import Scanner
from privscan.pipeline import scan_stream
from privscan.readers import delimited

from tests.unit.engine.test_columnar import HEADER, KEY, SUMMARY, as_csv, pooled_rows, structured_rows


@pytest.fixture(scope="module")
def scanners(scanner):
    single = Scanner(scanner.detector, scanner.config.model_copy(update={"workers": 1}))
    double = Scanner(scanner.detector, scanner.config.model_copy(update={"workers": 2}))
    assert isinstance(single.executor(), InlineExecutor) and isinstance(double.executor(), WorkerPool)
    yield single, double
    double.close()


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(delimited, "TABLE_BATCH_ROWS", 300)
    monkeypatch.setattr(columnar, "SAMPLING_ROWS", 40)


@pytest.fixture
def sent(monkeypatch):
    """The SettleTasks each lane of a worker pool holds out at once, at most, over a scan (max per lane)."""
    out = {"tasks": 0, "most": 0}
    held: dict[int, int] = {}
    submit, next_result = Lane.submit, Lane.next_result

    def counting_submit(self, task):
        if isinstance(task, SettleTask):
            out["tasks"] += 1
            held[id(self)] = held.get(id(self), 0) + 1
            out["most"] = max(out["most"], held[id(self)])
        return submit(self, task)

    def counting_next(self):
        if self._mine and held.get(id(self)):
            # a splitter's lane holds SettleTasks only
            held[id(self)] -= 1
        return next_result(self)

    monkeypatch.setattr(Lane, "submit", counting_submit)
    monkeypatch.setattr(Lane, "next_result", counting_next)
    return out


def scan(scanner, name: str, data: bytes):
    findings = []
    report = scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=findings.append)
    return {k: report.summary()[k] for k in SUMMARY}, [f.to_dict() for f in findings]


def test_one_process_and_two_workers_settle_a_structured_csv_alike(scanners, small_batches, sent):
    single, double = scanners
    rows = structured_rows(3000, seed=9, free_text=False)
    data = as_csv([r[:-1] for r in rows], HEADER[:-1])
    one, by_one = scan(single, "kunden.csv", data)
    assert sent["tasks"] == 0  # one process: no task leaves it
    two, by_two = scan(double, "kunden.csv", data)
    assert by_two == by_one and two == one
    # ten batches of 300 records after the samples were settled by the workers, a few of them out at once
    assert sent["tasks"] >= 8 and 1 < sent["most"] <= MAX_BATCHES_IN_FLIGHT
    assert one["records"] == 3000
    columns = {f["field"]: (f["entity_type"], f["count"], f["distinct"]) for f in by_two if f["count"]}
    assert columns["e-mail"] == ("EMAIL_ADDRESS", 3000 - 31, 3000 - 31)  # every 97th from the 13th is empty
    assert columns["iban"] == ("IBAN_CODE", 3000 - 57, 3000 - 57)  # every 53rd from the 11th is not an IBAN
    assert columns["bsn"][:2] == ("NL_BSN", 3000) and columns["steuer_id"][:2] == ("DE_TAX_ID", 3000)
    renamed = [f["record"] for f in by_two if f["field"] == "pesel" and f["count"] is None]
    assert columns["pesel"][:2] == ("PL_PESEL", 3000 - len(renamed)) and renamed == sorted(renamed)
    occurrences = next(f["occurrences"] for f in by_two if f["field"] == "e-mail")
    assert [o["record"] for o in occurrences] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]


def test_one_process_and_two_workers_settle_a_structured_parquet_alike(scanners, small_batches, sent):
    single, double = scanners
    rows = structured_rows(2600, seed=3, free_text=False)
    table = {name: [r[i] or None for r in rows] for i, name in enumerate(HEADER[:-1])}
    table["kunden_nr"] = list(range(5000, 7600))  # an integer column, read as its decimal text
    out = io.BytesIO()
    pq.write_table(pa.table(table), out, row_group_size=200)  # joined to batches of 400
    one, by_one = scan(single, "kunden.parquet", out.getvalue())
    two, by_two = scan(double, "kunden.parquet", out.getvalue())
    assert by_two == by_one and two == one and one["records"] == 2600
    assert sent["tasks"] >= 4 and 1 < sent["most"] <= MAX_BATCHES_IN_FLIGHT
    columns = {f["field"]: (f["entity_type"], f["count"]) for f in by_two if f["count"]}
    assert columns["e-mail"] == ("EMAIL_ADDRESS", 2600 - 27) and columns["dni"] == ("ES_NIF", 2600)
    assert columns["téléphone"] == ("PHONE_NUMBER", 2600)


def test_one_process_and_two_workers_settle_repeating_values_alike(scanners, small_batches, sent):
    """Values met again in later batches: each worker gives a value once, the findings are those of one process."""
    single, double = scanners
    data = as_csv(pooled_rows(3000, 90, seed=6), HEADER[:10])
    one, by_one = scan(single, "kunden.csv", data)
    two, by_two = scan(double, "kunden.csv", data)
    assert by_two == by_one and two == one and one["records"] == 3000
    assert sent["tasks"] >= 8
    columns = {f["field"]: (f["count"], f["distinct"]) for f in by_two if f["count"]}
    assert columns["bsn"] == (3000, 90) and columns["steuer_id"] == (3000, 90) and columns["téléphone"] == (3000, 90)
