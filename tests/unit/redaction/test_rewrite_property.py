"""Property: a rewrite that changes nothing reproduces every record of a CSV, JSONL or JSON object exactly as
the reader reads it (same values at the same places), whatever the content; and every place the reader
yields a cell is one the rewriter asks about, so no value can escape redaction by being numbered apart."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privscan.readers import ReadError, open_object
from privscan.redaction.rewrite import NotRewritable, text_rewriter

SETTINGS = settings(max_examples=60, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


class Identity:
    def __init__(self):
        self.asked = set()

    def cell(self, record, field, text):
        self.asked.add((record, field, text))
        return text

    def name(self, name):
        return name


def cells_and_copy(name: str, data: bytes) -> tuple[set, set, str] | None:
    try:
        cells = {(c.record, c.field, c.text) for c in open_object(name, io.BytesIO(data)).cells()}
        reader = open_object(name, io.BytesIO(data))
    except ReadError:
        return None
    edits, out = Identity(), io.StringIO()
    try:
        text_rewriter(reader)(reader, out, edits)
    except NotRewritable:
        return None
    return cells, edits.asked, out.getvalue()


@SETTINGS
@given(st.lists(st.lists(TEXT, min_size=2, max_size=2), min_size=2, max_size=6))
def test_csv_identity(rows):
    source = io.StringIO()
    csv.writer(source, lineterminator="\n").writerows(rows)
    found = cells_and_copy("t.csv", source.getvalue().encode())
    if found is None:
        return
    cells, asked, copy = found
    assert cells <= asked
    again = cells_and_copy("t.csv", copy.encode())
    assert again is not None and again[0] == cells  # the copy reads back as the same cells


@SETTINGS
@given(st.lists(st.dictionaries(TEXT, JSON, max_size=3), min_size=1, max_size=4))
def test_jsonl_identity(records):
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    found = cells_and_copy("t.jsonl", data)
    if found is None:
        return
    cells, asked, copy = found
    assert cells <= asked
    assert [json.loads(line) for line in copy.split("\n") if line.strip()] == records


@SETTINGS
@given(st.dictionaries(TEXT, JSON, min_size=1, max_size=4))
def test_json_object_identity(document):
    found = cells_and_copy("t.json", json.dumps(document, indent=1).encode())
    if found is None:
        return
    cells, asked, copy = found
    assert cells <= asked
    assert json.loads(copy) == document
