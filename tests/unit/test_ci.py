"""`privscan ci`: exit codes, SARIF 2.1.0 with exact locations, the markdown summary, changed files only."""

import json
import re
import subprocess

from privscan_tools.cli import main
from privscan_tools.reports.sarif import line_of


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_personal_data_fails_the_job_and_sarif_points_at_line_and_column(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "notes.txt", "nothing here\n\nplease mail anna.roe@example.com today\n")
    assert main(["ci", "notes.txt", "--fail-on", "medium", "--sarif", "out.sarif"]) == 1
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    (result,) = run["results"]
    assert result["ruleId"] == "GDPR-ART5-1-C-DIRECT-IDENTIFIERS"
    assert result["ruleId"] in {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "notes.txt"},
        "region": {"startLine": 3, "startColumn": 13, "endColumn": 33},  # SARIF: end column is exclusive
    }
    assert "anna.roe@example.com" not in json.dumps(sarif)  # masked previews only
    assert "## privscan: FAIL" in capsys.readouterr().out


def test_a_clean_file_passes_and_a_missing_one_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "clean.txt", "the weather is fine\n")
    assert main(["ci", "clean.txt", "--summary", "summary.md"]) == 0
    assert (tmp_path / "summary.md").read_text().startswith("## privscan: PASS")
    assert main(["ci", "missing.csv", "--summary", "summary.md"]) == 2


def test_the_fail_level_decides(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "mail.txt", "anna.roe@example.com\n")
    assert main(["ci", "mail.txt", "--fail-on", "high", "--summary", "s.md"]) == 0  # e-mail is medium
    assert main(["ci", "mail.txt", "--fail-on", "medium", "--summary", "s.md"]) == 1


def test_only_files_changed_since_a_ref_are_scanned(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git = lambda *args: subprocess.run(["git", *args], check=True, capture_output=True)
    git("init", "-q")
    git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "--allow-empty", "-m", "base")
    write(tmp_path, "old.txt", "anna.roe@example.com\n")
    git("add", "old.txt")
    git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "-m", "old")
    write(tmp_path, "new.txt", "nothing personal\n")
    git("add", "new.txt")
    git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "-m", "new")
    assert main(["ci", ".", "--changed-since", "HEAD~1", "--fail-on", "low", "--summary", "s.md"]) == 0
    assert main(["ci", ".", "--changed-since", "HEAD~2", "--fail-on", "low", "--summary", "s.md"]) == 1


def test_record_to_line_mapping():
    assert line_of("a.csv", "csv", 0) == 2  # below the header
    assert line_of("a.csv", "csv", None) == 1  # a column finding points at the header
    assert line_of("a.jsonl", "chat", 4) == 5
    assert line_of("a.parquet", "parquet", 4) is None


def commit_all(tmp_path, message):
    git = lambda *args: subprocess.run(["git", *args], check=True, capture_output=True, cwd=tmp_path)
    git("add", "-A")
    git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "--allow-empty", "-m", message)


def sarif_files(path):
    (run,) = json.loads(path.read_text())["runs"]
    return sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]})


PAYMENTS = "name,email,iban\nAnna Roe,anna.roe@example.com,DE89370400440532013000\n"


def test_changed_files_with_spaces_and_non_ascii_names_are_scanned(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True, cwd=tmp_path)
    commit_all(tmp_path, "base")
    write(tmp_path, "support chats.csv", PAYMENTS)
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", "Müller.csv", PAYMENTS)
    commit_all(tmp_path, "exports")
    assert main(["ci", ".", "--changed-since", "HEAD~1", "--sarif", "out.sarif", "--summary", "s.md"]) == 1
    masked, spaced = sarif_files(tmp_path / "out.sarif")  # a file named after a person is named masked
    assert re.fullmatch(r"data/M\*\*\*~[a-p]{12}\.csv", masked) and spaced == "support chats.csv"
    assert "Müller" not in (tmp_path / "out.sarif").read_text(encoding="utf-8")
    assert (tmp_path / "s.md").read_text().startswith("## privscan: FAIL")


def test_a_changed_file_that_cannot_be_scanned_fails_the_gate_by_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True, cwd=tmp_path)
    commit_all(tmp_path, "base")
    (tmp_path / "export 1.bin").write_bytes(bytes(range(256)) * 8)
    write(tmp_path, ".hidden.csv", "name\nnobody\n")  # dotfiles are scanned too when they changed
    commit_all(tmp_path, "blob")
    assert main(["ci", ".", "--changed-since", "HEAD~1", "--summary", "s.md"]) == 2
    summary = (tmp_path / "s.md").read_text()
    assert summary.startswith("## privscan: ERROR") and "- export 1.bin: binary (" in summary
    assert main(["ci", ".", "--changed-since", "HEAD~1", "--allow-unscannable", "--summary", "s.md"]) == 0
    summary = (tmp_path / "s.md").read_text()
    assert summary.startswith("## privscan: PASS") and "Not scanned (allowed):\n- export 1.bin: binary (" in summary


def test_an_allow_list_with_an_unusable_pattern_is_an_error_and_its_other_entries_apply(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "mail.txt", "anna.roe@example.com\n")
    write(tmp_path, "allow.yaml", "allow:\n  - patterns: ['.*', '[a-z.]+@example\\.com']\n")
    assert main(["ci", "mail.txt", "--fail-on", "low", "--allow-list", "allow.yaml", "--summary", "s.md"]) == 2
    summary = (tmp_path / "s.md").read_text()
    assert "- allow.yaml: allow[0].patterns[0]: pattern_unanchored (" in summary and "0 findings" in summary
