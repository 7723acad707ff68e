"""Command-line conventions: the project's settings file, include/exclude globs, standard input, the
width-aware table with plain titles and totals, and the progress line."""

import io
import json
from pathlib import Path

import pytest
from privscan_tools.cli import main
from privscan_tools.cli.output import finding_title, location, print_table, totals_line
from privscan_tools.cli.progress import Progress
from privscan_tools.cli.project_config import ConfigError, find_project_config
from privscan_tools.cli.scan_cmd import selected, walk

PAYMENTS = "name,email,iban\nAnna Roe,anna.roe@example.com,DE89370400440532013000\n"


def test_settings_come_from_the_nearest_privscan_toml_up_to_the_repository_root(tmp_path):
    (tmp_path / "privscan.toml").write_text('fail_on = "low"\n')  # above the repository: never read
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.privscan]\nfail_on = "critical"\nexclude = ["fixtures"]\n'
        'allow_list = "privacy/allow.yaml"\n'
    )
    (repo / "data" / "deep").mkdir(parents=True)
    config = find_project_config(repo / "data" / "deep")
    assert config.source == (repo / "pyproject.toml").resolve()
    assert (config.fail_on, config.exclude) == ("critical", ("fixtures",))
    assert config.allow_list == str((repo / "privacy" / "allow.yaml").resolve())
    (repo / "data" / "privscan.toml").write_text('include = ["*.csv"]\n')
    nearer = find_project_config(repo / "data" / "deep")
    assert (nearer.fail_on, nearer.include) == (None, ("*.csv",))


def test_a_pyproject_without_privscan_settings_is_passed_over_and_no_file_means_no_settings(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    assert find_project_config(tmp_path).source is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "severe"\n', "fail_on must be one of low, medium, high, critical"),
        ('exclude = "fixtures"\n', "exclude must be a list of strings"),
        ("fail_on = \n", "not a readable TOML file (TOMLDecodeError)"),
    ],
)
def test_an_unusable_settings_file_is_an_error_naming_the_key(tmp_path, text, message):
    (tmp_path / ".git").mkdir()
    (tmp_path / "privscan.toml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        find_project_config(tmp_path)
    assert str(raised.value) == f"{tmp_path.resolve() / 'privscan.toml'}: {message}"


def test_globs_match_the_path_the_name_or_a_folder(tmp_path):
    assert not selected(Path("fixtures/a/b.csv"), (), ("fixtures",))
    assert not selected(Path("fixtures/a/b.csv"), (), ("fixtures/",))
    assert not selected(Path("data/b.parquet"), ("*.csv",), ())
    assert selected(Path("data/deep/b.csv"), ("*.csv",), ())
    assert not selected(Path("data/deep/b.csv"), ("*.csv",), ("data/deep/*",))
    assert selected(Path("data/fixtures.csv"), (), ("fixtures",))  # a near miss: a file, not the folder


def test_a_walk_skips_hidden_folders_and_excluded_files_but_never_a_file_named_on_the_command_line(tmp_path):
    for name in ("a.csv", "b.txt", ".git/config", ".venv/x.csv", "fixtures/f.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walked = [
        (p.relative_to(tmp_path).as_posix(), explicit) for p, explicit in walk([str(tmp_path)], (), ("fixtures",))
    ]
    assert walked == [("a.csv", False), ("b.txt", False)]
    named = tmp_path / "fixtures" / "f.csv"
    assert list(walk([str(named)], (), ("fixtures",))) == [(named, True)]


def test_the_project_settings_decide_the_verdict_and_a_flag_overrides_them(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "data" / "fixtures").mkdir(parents=True)
    (tmp_path / "data" / "payments.csv").write_text(PAYMENTS)
    (tmp_path / "data" / "fixtures" / "more.csv").write_text(PAYMENTS)
    (tmp_path / "privscan.toml").write_text('fail_on = "critical"\nexclude = ["fixtures"]\n')
    assert main(["scan", "data", "--format", "jsonl"]) == 0  # an IBAN is high, below the project's critical
    objects = {json.loads(line)["object"] for line in capfd.readouterr().out.splitlines()}
    assert objects == {"data/payments.csv"}
    assert main(["scan", "data", "--fail-on", "high", "--format", "jsonl"]) == 1


def test_a_broken_settings_file_ends_the_scan_with_one_line_and_exit_2(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "privscan.toml").write_text('fail_on = "severe"\n')
    (tmp_path / "a.txt").write_text("nothing\n")
    assert main(["scan", "a.txt"]) == 2
    err = capfd.readouterr().err.strip().splitlines()
    assert err == [
        f"privscan: {tmp_path.resolve() / 'privscan.toml'}: fail_on must be one of low, medium, high, critical"
    ]


def test_standard_input_is_scanned_under_the_name_that_tells_its_format(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAYMENTS.encode())))
    assert main(["scan", "-", "--stdin-name", "payments.csv", "--format", "jsonl"]) == 1
    findings = [json.loads(line) for line in capfd.readouterr().out.splitlines()]
    assert sorted((f["object"], f["field"], f["entity_type"]) for f in findings) == [
        ("payments.csv", "email", "EMAIL_ADDRESS"),
        ("payments.csv", "iban", "IBAN_CODE"),
        ("payments.csv", "name", "PERSON"),
    ]


ROWS = [
    {"object": "a.csv", "record": None, "field": "iban", "entity_type": "IBAN_CODE", "severity": "high", "count": 2,
     "preview": "DE******************00", "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"], "start": None},
    {"object": "notes.jsonl", "record": 3, "field": "text", "start": 5, "end": 20, "entity_type": "NRP",
     "severity": "medium", "preview": "F***h", "rule_ids": []},
]  # fmt: skip


def test_the_table_speaks_plainly_fits_its_width_and_ends_with_totals(monkeypatch):
    monkeypatch.setenv("PRIVSCAN_TABLE_WIDTH", "80")
    out = io.StringIO()
    assert print_table(ROWS, out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["FILE", "WHERE", "FOUND", "SEVERITY", "COUNT", "PREVIEW"]  # no room for RULES
    assert max(len(line) for line in lines) <= 80
    assert [cell for cell in lines[1].split("  ") if cell][:2] == ["a.csv", "column iban"]  # too wide values are cut…
    assert "bank account (…" in lines[1] and "record 3 · tex…" in lines[2] and "nationality, r…" in lines[2]
    assert lines[-1] == "2 findings in 2 files: 1 high, 1 medium"


def test_titles_locations_and_totals_of_single_findings():
    assert finding_title({"entity_type": "FR_NIR"}) == "French social security number (NIR)"
    assert finding_title({"entity_type": "NEW_TYPE"}) == "NEW_TYPE"  # a type without a title shows its code
    assert location({"record": None, "field": "email", "count": 1}) == "column email"
    assert location({"record": 0, "field": None, "start": 8, "end": 28}) == "record 0 · 8-28"
    assert totals_line(ROWS[:1]) == "1 finding in 1 file: 1 high"


def test_rows_from_the_store_show_their_id_and_review_status(monkeypatch):
    monkeypatch.setenv("PRIVSCAN_TABLE_WIDTH", "200")  # wide enough for every column
    out = io.StringIO()
    print_table([{**ROWS[0], "finding_id": "f" * 24, "review_status": "open"}], out)
    header, row = out.getvalue().splitlines()[:2]
    assert header.split()[:3] == ["ID", "STATUS", "FILE"] and row.split()[:3] == ["f" * 24, "open", "a.csv"]
    assert "bank account (IBAN)" in row and row.endswith("GDPR-ART5-1-C-DIRECT-IDENTIFIERS")  # …wide ones are whole


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_the_bytes_read_and_findings_and_is_erased_for_messages(tmp_path):
    data = tmp_path / "big.csv"
    data.write_bytes(b"x" * 4096)
    out = _Terminal()
    progress = Progress(2, out=out)
    assert progress.enabled
    with data.open("rb", buffering=0) as stream:
        progress.start_file("big.csv", 4096, stream.fileno())
        stream.read(2048)
        progress.found(3)
        assert progress.line() == "[1/2] big.csv  2.0 KB/4.0 KB  3 findings"
        progress._draw()
        progress.message("big.csv: done")
    progress.close()
    assert out.getvalue().startswith("\r[1/2] big.csv  2.0 KB/4.0 KB  3 findings\r")
    assert "big.csv: done\n" in out.getvalue()


def test_no_progress_line_when_stderr_is_not_a_terminal():
    out = io.StringIO()
    progress = Progress(1, out=out)
    progress.start_file("a.csv", 10)
    progress.message("a.csv: done")
    progress.close()
    assert not progress.enabled and out.getvalue() == "a.csv: done\n"


def test_on_a_terminal_table_rows_arrive_as_findings_are_found_and_a_totals_line_ends_them(tmp_path, monkeypatch):
    from privscan_tools.cli.scan_cmd import run_scan

    monkeypatch.chdir(tmp_path)
    (tmp_path / "payments.csv").write_text(PAYMENTS)
    out = _Terminal()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("privscan_tools.cli.scan_cmd._is_terminal", lambda stream: stream is out)
    monkeypatch.setattr("privscan_tools.cli.scan_cmd.table_width", lambda stream: 100)
    assert run_scan(["payments.csv"], "table", "high", show_progress=False) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["FILE", "WHERE", "FOUND", "SEVERITY", "PREVIEW"]
    assert sorted(line.split("  ")[0] for line in lines[1:4]) == ["payments.csv"] * 3
    assert any("bank account (IBAN)" in line for line in lines[1:4])
    assert lines[4:] == ["3 findings in 1 file: 1 high, 2 medium"]
    assert all(len(line) <= 100 for line in lines)
