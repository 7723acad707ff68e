"""The examination's memory stays flat as the input grows (tracemalloc peak of Python allocations; the
duplicate index is on disk, in SQLite's own bounded page cache)."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

from privscan.examine import Examiner, examine_stream
from privscan.examine import examiner as examiner_module

WORDS = [f"w{index}" for index in range(20_000)] + ["the", "and", "of", "die", "und", "der", "le", "la", "les", "el"]


def write_corpus(path: Path, size: int, seed: int) -> None:
    """JSONL web pages of random words (no two alike) with a URL and a date, up to `size` bytes."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        number = 0
        while written < size:
            text = " ".join(rng.choices(WORDS, k=rng.randint(50, 300)))
            record = {"url": f"https://site{number % 97}.example.org/{number}", "date": "2025-01-02", "text": text}
            line = json.dumps(record) + "\n"
            out.write(line)
            written += len(line)
            number += 1


def peak_bytes(path: Path) -> int:
    examiner = Examiner()
    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            examine_stream(path.name, stream, examiner)
        examiner.report()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        examiner.close()


def test_peak_memory_flat_from_one_to_six_megabytes(tmp_path, monkeypatch):
    # the plan's sample (SAMPLE_RECORDS records, bounded) is made smaller than both inputs, so that both are
    # measured past it: what is compared is what grows with the input
    monkeypatch.setattr(examiner_module, "SAMPLE_RECORDS", 200)
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_corpus(small, 1_000_000, seed=1)
    write_corpus(large, 6_000_000, seed=2)
    peak_bytes(small)  # first use: lazy imports and caches are not what is measured
    small_peak, large_peak = peak_bytes(small), peak_bytes(large)
    # six times the input: the same peak within 10%
    assert large_peak < 1.1 * small_peak, (small_peak, large_peak)
