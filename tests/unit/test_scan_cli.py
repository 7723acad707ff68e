"""`privscan scan` on the command line: allow lists with unusable entries, files it cannot read, the output
formats and files."""

import json

from privscan.pipeline import scan_each as scan_cmd_scan_each
from privscan_tools.cli import main


def test_an_allow_list_with_an_unusable_pattern_is_reported_and_its_other_entries_apply(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail.txt").write_text("anna.roe@example.com\nbo.lind@example.org\n")
    (tmp_path / "allow.yaml").write_text("allow:\n  - patterns: ['(?s).*', '[a-z.]+@example\\.com']\n")
    assert main(["scan", "mail.txt", "--allow-list", "allow.yaml"]) == 2
    err = capfd.readouterr().err
    assert "allow.yaml: allow[0].patterns[0]: pattern_unanchored (" in err and "(?s)" not in err
    assert "mail.txt: done (scanned), 2 records, 1 findings" in err  # the first address is allowed


def test_a_missing_file_named_after_an_address_is_named_masked(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "exports/anna.roe@example.com.csv"]) == 2
    err = capfd.readouterr().err
    assert "failed (not_found: no such file)" in err and "anna" not in err and "roe@" not in err


PAYMENTS = "name,email,iban\nAnna Roe,anna.roe@example.com,DE89370400440532013000\n"


def test_json_document_holds_the_findings_and_each_files_summary(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "payments.csv").write_text(PAYMENTS)
    (tmp_path / "empty.txt").write_text("")
    assert main(["scan", "payments.csv", "empty.txt", "--format", "json"]) == 1  # an IBAN is high severity
    document = json.loads(capfd.readouterr().out)
    assert sorted(f["entity_type"] for f in document["findings"]) == ["EMAIL_ADDRESS", "IBAN_CODE", "PERSON"]
    assert [(o["object"], o["outcome"]) for o in document["objects"]] == [
        ("payments.csv", "scanned"),
        ("empty.txt", "empty"),
    ]
    assert "DE89370400440532013000" not in json.dumps(document)


def test_sarif_written_to_a_file_and_nothing_to_stdout(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "payments.csv").write_text(PAYMENTS)
    assert main(["scan", "payments.csv", "--format", "sarif", "-o", "out.sarif"]) == 1
    assert capfd.readouterr().out == ""
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    (run,) = sarif["runs"]
    assert sarif["version"] == "2.1.0" and len(run["results"]) == 3
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"payments.csv"}


def test_jsonl_to_a_file_is_the_same_as_to_stdout(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "payments.csv").write_text(PAYMENTS)
    monkeypatch.setenv("PRIVSCAN_FINGERPRINT_KEY", "k" * 32)
    main(["scan", "payments.csv", "--format", "jsonl"])
    printed = capfd.readouterr().out
    main(["scan", "payments.csv", "--format", "jsonl", "--output", "out.jsonl"])
    assert capfd.readouterr().out == "" and (tmp_path / "out.jsonl").read_text(encoding="utf-8") == printed
    assert len(printed.splitlines()) == 3


def test_a_directory_scanned_side_by_side_writes_what_one_file_after_another_writes(tmp_path, monkeypatch, capfd):
    """With worker processes, the files of a directory are scanned side by side (largest first); the findings and
    the files' summaries come out in the walk's order, exactly as from one file after the other."""
    from privscan_tools.cli import scan_cmd

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRIVSCAN_FINGERPRINT_KEY", "0" * 64)
    data = tmp_path / "data"
    data.mkdir()
    (data / "a_small.csv").write_text(PAYMENTS)
    (data / "b_large.csv").write_text(PAYMENTS + "".join(f"Bo Lind,bo{i}@example.org,x\n" for i in range(300)))
    (data / "c_note.txt").write_text("Call Anna Roe on +49 30 901820 or mail anna.roe@example.com.\n")
    sides = []
    monkeypatch.setattr(scan_cmd, "scan_each", lambda *a, **k: sides.append(1) or scan_cmd_scan_each(*a, **k))
    outputs = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("PRIVSCAN_WORKERS", workers)
        for fmt in ("json", "jsonl"):
            assert main(["scan", "data", "--format", fmt]) == 1
            outputs[workers, fmt] = capfd.readouterr().out
    assert sides == [1, 1]  # the side-by-side path ran for both formats with two workers, not with one
    timeless = [{**json.loads(outputs[w, "json"]), "objects": None} for w in ("1", "2")]
    assert timeless[0] == timeless[1]
    durations = [[{**o, "duration_s": 0} for o in json.loads(outputs[w, "json"])["objects"]] for w in ("1", "2")]
    assert durations[0] == durations[1]
    assert outputs["1", "jsonl"] == outputs["2", "jsonl"]
    document = json.loads(outputs["2", "json"])
    assert [o["object"] for o in document["objects"]] == ["data/a_small.csv", "data/b_large.csv", "data/c_note.txt"]
    objects = [json.loads(line)["object"] for line in outputs["2", "jsonl"].splitlines()]
    assert objects == sorted(objects) and len(set(objects)) == 3
