"""`privscan report` on the deployed shape (moto): the demo's uploads scanned by the real handler, then reported."""

from __future__ import annotations

import json
from collections import Counter

from privscan_tools.cli import main
from privscan_tools.local.samples import sample_dataset

PREFIX = "datasets/demo/"


def test_report_of_the_demo_uploads(pipeline, tmp_path, capsys):
    for key, body in sample_dataset().items():
        pipeline.put(key, body)
    assert pipeline.deliver()[0] == {"batchItemFailures": []}
    out = tmp_path / "report"
    code = main(
        [
            "report",
            "--dataset",
            PREFIX,
            "--bucket",
            pipeline.stack.bucket,
            "--table",
            pipeline.stack.findings_table,
            "--audit-table",
            pipeline.stack.audit_table,
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["governance.json", "governance.md", "report.html"]

    items = pipeline.items()
    summaries = [i for i in items if i["sk"] == "SUMMARY"]
    findings = [i for i in items if i["sk"].startswith("FINDING#")]
    record = json.loads((out / "governance.json").read_text())
    assert record["schema"] == "privscan.governance/1"
    assert record["objects"]["by_status"] == {"done": 6, "rejected": 1, "unsupported": 1}
    assert [(g["object"], g["status"]) for g in record["coverage_gaps"]["not_scanned"]] == [
        ("datasets/demo/bomb.jsonl.gz", "rejected"),
        ("datasets/demo/logo.png", "unsupported"),
    ]
    assert record["findings"]["total"] == sum(int(s["findings"]) for s in summaries) == len(findings) > 0
    assert record["review"]["by_status"]["open"] == record["open_risks"]["open"] == len(findings)
    assert (record["review"]["progress"], record["decisions"]["total"]) == (0.0, 0)

    by_rule = Counter(rule for f in findings for rule in f["rule_ids"])
    assert {r["rule_id"]: r["findings"] for r in record["findings"]["by_rule"]} == dict(by_rule)
    assert by_rule["PRIVSCAN-COVERAGE-GAP"] == 2  # the bomb and the logo: not scanned, each a finding
    health = record["special_categories"]["art9_special_categories"][0]
    assert (health["rule_id"], health["findings"]) == ("GDPR-ART9-HEALTH", by_rule["GDPR-ART9-HEALTH"])
    assert health["findings"] > 0
    missing = {(f["key"], f.get("record")) for f in findings if "GDPR-ART7-CONSENT-MISSING" in f["rule_ids"]}
    assert record["consent"]["records_without_consent"] == len(missing) > 0
    assert record["consent"]["consent_columns"] == ["consent_marketing"]

    page = (out / "report.html").read_text()
    # the four charts and, for the demo's support chats, the conversation rules' rates (no assistant named: no chart
    # per assistant)
    assert page.count('data-chart="') == 5 and 'data-chart="conversation_rates"' in page
    assert "datasets/demo/support chats.jsonl" in page
    assert [o["object"] for o in record["conversations"]["top_objects"]] == [
        "datasets/demo/support chats.jsonl",
        "datasets/demo/support-chats-archive.jsonl.gz",
    ]
    assert record["conversations"]["conversations"] == 40  # 20 conversations in each
    assert "## Consent coverage" in (out / "governance.md").read_text()
    assert f"{len(findings)} findings" in capsys.readouterr().out
