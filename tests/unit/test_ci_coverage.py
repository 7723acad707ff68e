"""`privscan ci` over a directory of the files data teams upload: each is read, and what cannot be
read is a coverage gap that fails the job unless its rule is ignored."""

import json

from privscan_tools.cli import main

from tests.unit.readers.containers import EMAIL, IBAN, docx, pdf, xlsx, zip_of

GAP = "PRIVSCAN-COVERAGE-GAP"


def test_every_upload_format_is_read_and_an_unreadable_pdf_fails_the_job(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = tmp_path / "data"
    files.mkdir()
    (files / "a.csv").write_text(f"email,iban\n{EMAIL},{IBAN}\n")
    (files / "b.xlsx").write_bytes(xlsx({"S": [["email", "iban"], [EMAIL, IBAN]]}))
    (files / "c.docx").write_bytes(docx([f"{EMAIL} {IBAN}"]))
    (files / "d.pdf").write_bytes(pdf([[EMAIL, IBAN]]))
    (files / "e.zip").write_bytes(zip_of({"x.csv": f"email,iban\n{EMAIL},{IBAN}\n"}))
    (files / "f.txt").write_bytes(f"{EMAIL}\n{IBAN}\n".encode("utf-16"))
    assert main(["ci", "data", "--fail-on", "critical", "--sarif", "out.sarif", "--summary", "s.md"]) == 0
    results = json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"GDPR-ART5-1-C-DIRECT-IDENTIFIERS"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {f"data/{name}" for name in ("a.csv", "b.xlsx", "c.docx", "d.pdf", "e.zip!x.csv", "f.txt")}

    (files / "scan.pdf").write_bytes(pdf(image_only=True))
    assert main(["ci", "data", "--fail-on", "critical", "--sarif", "out.sarif", "--summary", "s.md"]) == 1
    gaps = [r for r in json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"] if r["ruleId"] == GAP]
    assert [g["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for g in gaps] == ["data/scan.pdf"]
    assert main(["ci", "data", "--fail-on", "critical", "--ignore-rule", GAP, "--summary", "s.md"]) == 0
