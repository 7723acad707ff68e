"""Property tests: whatever was written is read back exactly, in chunks of any size."""

from __future__ import annotations

import csv
import gzip
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privscan.readers import Cell, open_object

# Any text, including quotes, delimiters, newlines and astral characters (no NUL: that is binary).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=30)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Dribble:
    """Returns at most `step` bytes per read, to exercise every chunk boundary."""

    def __init__(self, data: bytes, step: int):
        self._f = io.BytesIO(data)
        self._step = step

    def read(self, n: int = -1) -> bytes:
        return self._f.read(self._step if n < 0 else min(n, self._step))


@SETTINGS
@given(
    rows=st.lists(st.lists(TEXT, min_size=3, max_size=3), max_size=8),
    step=st.integers(1, 64),
    compress=st.booleans(),
)
def test_csv_roundtrip(rows, step, compress):
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_ALL).writerows([["first", "second", "third"], *rows])
    data = buf.getvalue().encode()
    reader = open_object("t.csv", Dribble(gzip.compress(data) if compress else data, step))
    expected = [
        Cell(r, name, value)
        for r, row in enumerate(rows)
        for name, value in zip(reader.columns, row, strict=True)
        if value.strip()
    ]
    assert list(reader.cells()) == expected
    assert reader.stats.issues == []


@SETTINGS
@given(
    records=st.lists(st.dictionaries(st.sampled_from(["a", "b", "c.d", "e"]), TEXT | st.integers()), max_size=8),
    step=st.integers(1, 64),
    as_array=st.booleans(),
)
def test_json_and_jsonl_roundtrip(records, step, as_array):
    if as_array:
        data = json.dumps(records, ensure_ascii=False, indent=1).encode()
    else:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    reader = open_object("t.json" if as_array else "t.jsonl", Dribble(data, step))
    expected = [
        Cell(i, f'["{k}"]' if "." in k else k, str(v))
        for i, record in enumerate(records)
        for k, v in record.items()
        if not isinstance(v, str) or v.strip()
    ]
    assert list(reader.cells()) == expected
    assert reader.stats.issues == []
