"""`privscan eval` end to end on a tiny corpus: both tools, every table, the decoy counts, the JSON."""

from __future__ import annotations

import argparse
import json

from privscan_tools.cli import eval_cmd

BENCHMARK = [
    {
        "full_text": "Please call Maria Rossi at +39 333 910 3265 tomorrow.",
        "spans": [
            {"entity_type": "PERSON", "start_position": 12, "end_position": 23},
            {"entity_type": "PHONE_NUMBER", "start_position": 27, "end_position": 43},
            {"entity_type": "DATE_TIME", "start_position": 44, "end_position": 52},
        ],
    },
    {
        "full_text": "Her email is maria.rossi@example.com and she lives in Milan",
        "spans": [
            {"entity_type": "EMAIL_ADDRESS", "start_position": 13, "end_position": 36},
            {"entity_type": "GPE", "start_position": 54, "end_position": 59},
        ],
    },
]


def parse(argv):
    parser = argparse.ArgumentParser(prog="privscan")
    eval_cmd.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_eval_prints_both_tools_rules_decoys_and_writes_json(tmp_path, capsys):
    bench = tmp_path / "bench.json"
    bench.write_text(json.dumps(BENCHMARK))
    out_json = tmp_path / "eval.json"
    args = parse(
        [
            "eval",
            "--corpus",
            str(tmp_path / "corpus"),
            "--size",
            "0.04",
            "--seed",
            "3",
            "--presidio-benchmark",
            str(bench),
            "--json",
            str(out_json),
            "--errors",
            "3",
        ]
    )

    assert eval_cmd.run(args) == 0
    out = capsys.readouterr().out

    for heading in (
        "== Entities",
        "== National IDs",
        "== Rules",
        "== Decoy-only file",
        "== Presidio benchmark",
        "== Top error sources",
    ):
        assert heading in out, heading
    assert "privscan P" in out and "presidio P" in out
    assert "HEADLINE micro" in out
    assert "stock Presidio: n/a" in out
    assert "ignored (neither tool targets them): DATE_TIME (1)" in out
    decoy_lines = [line for line in out.splitlines() if "findings on decoys.csv" in line]
    assert [line.split(":")[0] for line in decoy_lines] == ["privscan", "presidio"]

    data = json.loads(out_json.read_text())
    eu = data["eu_corpus"]["tools"]
    assert set(eu) == {"privscan", "presidio"}
    assert isinstance(eu["privscan"]["decoy_findings"], int) and isinstance(eu["presidio"]["decoy_findings"], int)
    assert eu["privscan"]["headline_micro"]["support"] > 0
    assert eu["presidio"]["rules"] == "n/a"
    assert "GDPR-ART87-NATIONAL-ID" in eu["privscan"]["rules"]
    assert data["presidio_benchmark"]["tools"]["privscan"]["entities"]["EMAIL_ADDRESS"]["support"] == 1

    # a second run reuses the corpus it kept
    assert (
        eval_cmd.run(
            parse(["eval", "--corpus", str(tmp_path / "corpus"), "--no-benchmark", "--no-presidio", "--errors", "0"])
        )
        == 0
    )
    again = capsys.readouterr()
    assert "reusing the corpus" in again.err and "presidio P" not in again.out and "privscan P" in again.out


def test_eval_suite_ids_prints_both_halves_and_meets_its_targets(tmp_path, capsys):
    out_json = tmp_path / "ids.json"
    assert eval_cmd.run(parse(["eval", "--suite", "ids", "--json", str(out_json)])) == 0
    out = capsys.readouterr().out
    assert "[dev]" in out and "[reserved]" in out and "per country:" in out
    numbers = json.loads(out_json.read_text())
    for half in ("dev", "reserved"):
        overall, mixed = numbers[half]["overall"], numbers[half]["mixed"]
        assert overall["planted"] > 0 and overall["invalid_planted"] > 0
        assert overall["recall"] >= 0.99 and mixed["recall"] >= 0.98
        assert overall["right_country"] >= 0.98
        assert overall["invalid_findings"] == 0
