"""The benchmark's arithmetic and generators (its figures come from running it, not from tests)."""

import csv
import json

import pytest
from privscan_tools.bench.bulk import write_chats, write_csv, write_features_csv, write_typed_csv
from privscan_tools.bench.run import LAMBDA_ARM64_GB_SECOND, dollars_per_gb, render

from tests.unit.scripts import load_script


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


def test_feature_table_has_float_columns_and_quoted_multi_line_notes(tmp_path):
    size = write_features_csv(tmp_path / "f.csv", 0.2, features=8)
    assert 0.2 * 1024**2 <= size < 0.21 * 1024**2
    with (tmp_path / "f.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id", "name", "email", "iban"] + [f"f{i:03d}" for i in range(8)] + ["label", "note"]
    assert all(len(row) == 14 for row in rows)
    assert all(float(value) == float(value) for row in rows[1:] for value in row[4:12])  # every feature parses
    notes = [row[-1] for row in rows[1:]]
    assert any("\r\n" in note for note in notes) and 0.02 < sum(bool(n) for n in notes) / len(notes) < 0.1


def test_chats_with_embeddings_are_chat_records_with_a_float_vector(tmp_path):
    write_chats(tmp_path / "e.jsonl", 0.05, embedding=16)
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert all(
        r["messages"] and len(r["embedding"]) == 16 and all(isinstance(x, float) for x in r["embedding"])
        for r in records
    )


def test_scale_equality_compares_the_sorted_single_pass_line_for_line(tmp_path, capsys):
    from privscan.model import Finding

    tool = load_script("scale_equality")
    found = [
        Finding("f.csv", record, "note", 0, 5, "PERSON", 0.85, "medium", "A*** R**", f"fp{record}")
        for record in range(3)
    ]
    column = Finding("f.csv", None, "email", None, None, "EMAIL_ADDRESS", 1.0, "medium", "a***@e***.com", count=3)
    single, chunked = tmp_path / "single.jsonl", tmp_path / "chunked.jsonl"
    single.write_text("".join(tool.line_of(f) + "\n" for f in [found[2], column, found[0], found[1]]))
    chunked.write_text("".join(tool.line_of(f) + "\n" for f in [*found, column]))
    assert tool.compare(single, chunked)
    assert json.loads(capsys.readouterr().out) | {"sha256_single_sorted": "", "sha256_chunked": ""} == {
        "single": 4,
        "chunked": 4,
        "identical": True,
        "first_difference": None,
        "records_with_findings": 3,
        "last_record": 2,
        "sha256_single_sorted": "",
        "sha256_chunked": "",
    }
    found[1].record = 7  # one record number off
    chunked.write_text("".join(tool.line_of(f) + "\n" for f in [*found, column]))
    assert not tool.compare(single, chunked)
    assert json.loads(capsys.readouterr().out)["first_difference"] == 1


def test_render_shows_every_figure():
    text = render(
        {
            "cold_start": {"process_to_first_result_s": 3.4, "imports_s": 2.1, "engine_s": 0.8, "first_result_s": 0.2},
            "curve": [
                {
                    "kind": "csv",
                    "mb": 5.0,
                    "seconds": 39,
                    "mb_per_s": 0.128,
                    "peak_rss_mb": 352,
                    "worker_rss_mb": 480,
                    "stock_kb_per_s": 4.1,
                    "ratio": 31.2,
                }
            ],
        }
    )
    assert (
        "process start to first result 3.4 s" in text
        and "ratio 31.2x" in text
        and "peak RSS 352 MB, largest worker 480 MB" in text
    )


def test_cold_start_is_timed_from_spawn_to_the_first_result_and_counts_each_phase_within():
    from privscan_tools.bench.run import cold_start

    measured = cold_start(runs=1, languages=[])
    assert measured["languages"] == [] and measured["runs"] == 1
    assert 0 < measured["cpu_to_first_result_s"] < measured["process_to_first_result_s"] + 1.0
    phases = measured["imports_s"] + measured["engine_s"] + measured["first_result_s"]
    assert measured["findings"] == 2  # the person and the e-mail address of the sample line
    assert phases <= measured["process_to_first_result_s"] < phases + 1.0  # + interpreter start, not shutdown


def test_render_shows_each_tool_and_both_ratios():
    row = {"seconds": 1.0, "bytes_per_s": 2048, "entity_f1": 0.9, "precision": 0.9, "recall": 0.9, "usd_per_gb": 1.5}
    text = render(
        {
            "corpus": {
                "bytes": 1024**2,
                "cores": 2,
                "tools": {"privscan": row, "presidio": {**row, "entity_f1": 0.5}, "presidio-batch": row},
                "presidio_batch": {"n_process": 2, "batch_size": 64, "tuning_seconds": {16: 3.0, 64: 2.0, 256: 2.5}},
                "ratio": 20.1,
                "ratio_batch": 6.3,
                "peak_rss_mb": 400,
            }
        }
    )
    lines = text.splitlines()
    assert [line.split()[0] for line in lines[3:7]] == ["privscan", "presidio", "presidio-batch", "macie"]
    assert "privscan / Presidio BatchAnalyzerEngine: 6.3x" in text and "privscan / Presidio per value: 20.1x" in text
    assert "n_process=2, batch_size=64 (fastest of [16, 64, 256] on a sample)" in text


def test_the_batch_size_tried_fastest_is_chosen(monkeypatch):
    import time as clock

    from privscan_tools.bench import run as bench
    from privscan_tools.evaluation import baseline

    delays = {16: 0.03, 64: 0.0, 256: 0.06}
    monkeypatch.setattr(baseline, "analyze_batch", lambda texts, n_process, batch_size: clock.sleep(delays[batch_size]))
    chosen, seconds = bench.tune_batch_size(["a"] * 10, 2, log=lambda _message: None)
    assert chosen == 64 and set(seconds) == {16, 64, 256}


def test_presidio_batch_finds_what_presidio_finds_one_value_at_a_time():
    from privscan.readers.base import Cell
    from privscan_tools.evaluation.metrics import EU_SCHEME
    from privscan_tools.evaluation.runner import BatchSettings, run_presidio, run_presidio_batch

    texts = [
        "Contact Anna Schneider at anna.schneider@example.com",
        "IBAN DE89370400440532013000, card 4111111111111111",
        "nothing personal here",
        "Call +49 30 901820 tomorrow",
    ]
    cells = {"a.txt": [Cell(i, None, text) for i, text in enumerate(texts)]}
    one_by_one = run_presidio(cells, set(), EU_SCHEME)
    batched = run_presidio_batch(cells, set(), EU_SCHEME, BatchSettings(n_process=2, batch_size=2))
    assert batched.name == "presidio-batch"
    assert sorted(batched.spans, key=repr) == sorted(one_by_one.spans, key=repr)
    assert {(s.record, s.raw_type) for s in batched.spans} >= {(0, "EMAIL_ADDRESS"), (1, "IBAN_CODE")}


def test_structured_tables_hold_the_same_rows_as_csv_and_parquet(tmp_path):
    import pyarrow.parquet as pq
    from privscan_tools.bench.tables import COLUMNS, write_structured_csv, write_structured_parquet

    size = write_structured_csv(tmp_path / "t.csv", 0.05)
    assert 0.05 * 1024**2 <= size < 0.051 * 1024**2
    write_structured_parquet(tmp_path / "t.parquet", 0.05)
    with (tmp_path / "t.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    table = pq.read_table(tmp_path / "t.parquet")
    assert rows[0] == COLUMNS == table.column_names
    assert [list(r) for r in zip(*table.to_pydict().values(), strict=True)] == rows[1:]


def test_the_ethics_cost_bench_rotates_the_modes_and_compares_each_with_off(tmp_path, monkeypatch):
    from privscan_tools.bench import ethics_cost

    chats = tmp_path / "chats.jsonl"
    chats.write_text('{"messages": []}\n', encoding="utf-8")
    seconds = {"off": [10.0, 12.0, 11.0], "on": [11.0, 12.0, 13.0], "before": [13.0, 14.0, 15.0]}
    order = []

    def fake_run(args, pythonpath=None):
        mode = "before" if pythonpath else args[-1]
        order.append(mode)
        value = seconds[mode][sum(1 for m in order if m == mode) - 1]
        return {"mode": args[-1], "wall_s": value, "cpu_s": value / 2, "findings": 0, "ethics": 0}

    monkeypatch.setattr(ethics_cost, "_run", fake_run)
    summary = ethics_cost.measure(chats, runs=3, before=tmp_path, log=lambda line: None)
    assert order == ["off", "on", "before", "on", "before", "off", "before", "off", "on"]
    assert summary["wall_s"]["on"] == [11.0, 12.0, 13.0]
    assert summary["wall_s"]["on_cost"] == {"best_cost_pct": 10.0, "median_cost_pct": 9.1}
    assert summary["cpu_s"]["before_cost"] == {"best_cost_pct": 30.0, "median_cost_pct": 27.3}


LANGUAGE_ROWS = [
    {
        "language": "de",
        "language_data_s": 0.002,
        "pipeline_s": 0.2,
        "first_text_s": 0.018,
        "next_text_s": 0.014,
        "one_off_s": 0.206,
        "rss_mb": 17,
        "prime_s": 0.81,
        "loaded": True,
        "routed": True,
    },
    {
        "language": "sv",
        "language_data_s": 0.01,
        "pipeline_s": 0.3,
        "first_text_s": None,
        "next_text_s": None,
        "one_off_s": 0.31,
        "rss_mb": 20,
        "prime_s": 0.7,
        "loaded": True,
        "routed": None,
    },
]


def test_render_shows_each_further_languages_cost_and_the_priming_once():
    text = render(
        {
            "cold_start": {
                "process_to_first_result_s": 1.2,
                "cpu_to_first_result_s": 1.1,
                "imports_s": 0.6,
                "engine_s": 0.4,
                "first_result_s": 0.1,
                "languages": LANGUAGE_ROWS,
            }
        }
    )
    lines = text.splitlines()
    assert lines[1].endswith("first result 0.1 s); CPU time 1.1 s")
    assert lines[2].startswith("priming (statement lexicons") and lines[2].endswith(": 0.700 s")
    assert lines[4].split() == ["language", "spaCy", "data", "pipeline", "first", "text", "next", "text", "one-off"] + [
        "RSS",
        "+MB",
    ]
    assert lines[5].split() == ["de", "0.002", "0.200", "0.018", "0.014", "0.206", "17"]
    assert lines[6].split() == ["sv", "0.010", "0.300", "-", "-", "0.310", "20", "(no", "sample", "text)"]


def test_a_language_not_routed_to_its_pipeline_is_flagged():
    from privscan_tools.bench.run import render_languages

    rows = [{**LANGUAGE_ROWS[0], "routed": False}, {**LANGUAGE_ROWS[0], "language": "fr", "loaded": False}]
    lines = render_languages(rows)
    assert lines[3].endswith("(not routed to its pipeline)") and lines[4].endswith("(not routed to its pipeline)")
    assert render_languages([]) == []


def test_the_one_off_cost_is_data_plus_pipeline_plus_the_first_texts_extra():
    from privscan_tools.bench.run import _one_off

    sample = {"language_data_s": 0.5, "pipeline_s": 0.25, "texts_s": [0.375, 0.125]}
    assert _one_off(sample) == 1.0
    assert _one_off({**sample, "texts_s": [0.1, 0.2]}) == 0.75  # a slower second text adds nothing
    assert _one_off({**sample, "texts_s": []}) == 0.75


def test_cold_start_only_skips_the_corpus_curve_and_tables(monkeypatch):
    from privscan_tools import cli
    from privscan_tools.bench import run as bench

    calls = []
    monkeypatch.setattr(bench, "run_bench", lambda *args, **kwargs: calls.append((args, kwargs)) or 0)
    assert cli.main(["bench", "--cold-start-only", "--curve", "10", "--tables", "5", "--cold-start-runs", "5"]) == 0
    ((args, kwargs),) = calls
    assert args[1] == [] and kwargs["corpus"] is False and kwargs["tables"] == []
    assert kwargs["cold"] is True and kwargs["cold_runs"] == 5
    calls.clear()
    assert cli.main(["bench", "--no-corpus", "--curve", "10"]) == 0
    ((args, kwargs),) = calls
    assert args[1] == [10] and kwargs["corpus"] is False and kwargs["cold"] is True and kwargs["cold_runs"] == 3
    assert kwargs["languages"] is None
    calls.clear()
    assert cli.main(["bench", "--cold-start-only", "--languages", "fr, de"]) == 0
    assert calls[0][1]["languages"] == ["fr", "de"]
    calls.clear()
    assert cli.main(["bench", "--cold-start-only", "--languages", "none"]) == 0
    assert calls[0][1]["languages"] == ["none"]


def test_run_bench_passes_no_language_for_none_and_every_installed_one_by_default(monkeypatch):
    from privscan_tools.bench import run as bench

    seen = []
    monkeypatch.setattr(bench, "cold_start", lambda runs, languages: seen.append((runs, languages)) or {})
    bench.run_bench(1.0, [], None, log=print, corpus=False, cold_runs=2, languages=["none"])
    bench.run_bench(1.0, [], None, log=print, corpus=False, cold_runs=2, languages=None)
    bench.run_bench(1.0, [], None, log=print, corpus=False, cold_runs=2, languages=["nl"])
    assert seen == [(2, []), (2, None), (2, ["nl"])]


def test_a_languages_cost_is_measured_in_a_fresh_process_after_the_priming(tmp_path):
    from privscan_tools.bench.run import bytecode_env, language_costs

    (row,) = language_costs(["de"], 1, bytecode_env(str(tmp_path)))
    assert row["language"] == "de" and row["loaded"] is True and row["routed"] is True
    assert 0 < row["pipeline_s"] < row["one_off_s"] + 1e-9
    assert row["first_text_s"] is not None and row["next_text_s"] is not None
    assert row["one_off_s"] == pytest.approx(
        row["language_data_s"] + row["pipeline_s"] + max(row["first_text_s"] - row["next_text_s"], 0), abs=0.003
    )
    assert row["prime_s"] > 0 and row["rss_mb"] > 0


def test_the_timed_processes_get_bytecode_as_the_layer_ships_it(monkeypatch):
    from privscan_tools.bench.run import bytecode_env

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = bytecode_env("/tmp/cache")
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["PYTHONPYCACHEPREFIX"] == "/tmp/cache"


def test_generated_files_are_the_same_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from privscan_tools.bench.bulk import write_csv; "
        "write_csv(Path(sys.argv[1]), 0.05)"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path / f"{seed}.csv")], env=env, check=True)
    assert (tmp_path / "1.csv").read_bytes() == (tmp_path / "2.csv").read_bytes()
