"""`privscan scan` on the command line: allow lists with unusable entries, files it cannot read."""

from privscan.cli import main


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
