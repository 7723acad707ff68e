"""The README's demo command: the whole pipeline on the embedded local AWS, end to end."""

import subprocess
import sys


def test_demo_scans_every_sample_upload_and_prints_the_findings(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "privscan_tools.cli", "demo", "--report-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    for name, status in [
        ("customers.csv", "done"),
        ("support chats.jsonl", "done"),
        ("events.parquet", "done"),
        ("support-chats-archive.jsonl.gz", "done"),
        ("notes.txt", "done"),
        ("empty.csv", "done"),
        ("logo.png", "unsupported"),
        ("bomb.jsonl.gz", "rejected"),
    ]:
        assert any(line.startswith(name) and f" {status} " in line for line in out.splitlines()), name
    for rule in [
        "GDPR-ART7-CONSENT-MISSING",
        "GDPR-ART9-HEALTH",
        "GDPR-ART17-ERASURE-REQUEST",
        "AIACT-ART50-1-NO-AI-DISCLOSURE",
        "GDPR-ART8-CHILD-DATA",
    ]:
        assert rule in out, rule
    assert "@example" not in out  # only masked previews reach the screen
    assert f"governance record: {tmp_path / 'report.html'}, governance.json, governance.md" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["governance.json", "governance.md", "report.html"]
