"""The benchmark's arithmetic and generators (its figures come from running it, not from tests)."""

import json

import pytest
from privscan.bench.bulk import write_chats, write_csv, write_typed_csv
from privscan.bench.run import LAMBDA_ARM64_GB_SECOND, dollars_per_gb, render


def test_dollars_per_gb_is_seconds_per_gb_times_memory_times_price():
    assert dollars_per_gb(1024**2, 1.0) == pytest.approx(1024 * LAMBDA_ARM64_GB_SECOND)
    assert dollars_per_gb(2 * 1024**2, 2.0) == pytest.approx(dollars_per_gb(1024**2, 1.0))


def test_generated_files_reach_their_size_and_parse(tmp_path):
    csv_size = write_csv(tmp_path / "a.csv", 0.05)
    chats_size = write_chats(tmp_path / "a.jsonl", 0.05)
    assert 0.05 * 1024**2 <= csv_size < 0.06 * 1024**2
    assert 0.05 * 1024**2 <= chats_size < 0.06 * 1024**2
    lines = (tmp_path / "a.jsonl").read_text().splitlines()
    assert all(json.loads(line)["messages"] for line in lines)
    assert (tmp_path / "a.csv").read_text().splitlines()[0] == "id,name,email,phone,iban,city,amount,notes"
    typed_size = write_typed_csv(tmp_path / "b.csv", 0.05)
    assert 0.05 * 1024**2 <= typed_size < 0.06 * 1024**2
    assert (tmp_path / "b.csv").read_text().splitlines()[0] == "id,name,email,phone,iban,city,amount"


def test_render_shows_every_figure():
    text = render({
        "cold_start": {"process_to_first_result_s": 3.4, "imports_s": 2.1, "engine_s": 0.8, "first_result_s": 0.2},
        "curve": [{"kind": "csv", "mb": 5.0, "seconds": 39, "mb_per_s": 0.128, "peak_rss_mb": 352,
                   "worker_rss_mb": 480, "stock_kb_per_s": 4.1, "ratio": 31.2}],
    })
    assert "process start to first result 3.4 s" in text and "ratio 31.2x" in text and "peak RSS 352 MB, largest worker 480 MB" in text


def test_cold_start_is_timed_from_spawn_to_the_first_result_and_counts_each_phase_within():
    from privscan.bench.run import cold_start

    measured = cold_start(runs=1)
    phases = measured["imports_s"] + measured["engine_s"] + measured["first_result_s"]
    assert measured["findings"] == 2  # the person and the e-mail address of the sample line
    assert phases <= measured["process_to_first_result_s"] < phases + 1.0  # + interpreter start, not shutdown
