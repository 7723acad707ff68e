"""`privscan examine` on the command line: the scan's personal data in the summary (one pass), the JSON contract,
the markdown in the template's order with the fields to complete left open, an erasure request's reach."""

from __future__ import annotations

import json

from privscan_tools.cli import main

from tests.unit.examine.corpus import training_table

CHATS = [
    {
        "url": "https://forum.example.org/t/1",
        "date": "2026-03-01",
        "text": "Hello, I am Jana, write to jana.novak@example.org for the slides of the talk.",
    },
    {
        "url": "https://forum.example.org/t/2",
        "date": "2026-03-02",
        "text": "The weather was mild and the people were walking in the park with their dogs.",
    },
    {
        "url": "https://blog.example.net/p/3",
        "date": "2026-04-30",
        "text": "Hello, I am Jana, write to jana.novak@example.org for the slides of the talk!",
    },
    {
        "url": "https://blog.example.net/p/4",
        "date": "2026-01-10",
        "text": "Please delete my data, my address is jana.novak@example.org and I no longer want it kept.",
    },
]


def test_examine_scans_and_summarises_in_one_pass(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRIVSCAN_WORKERS", "0")
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(chat) + "\n" for chat in CHATS))
    (tmp_path / "erase.txt").write_text("jana.novak@example.org\n")
    assert main(["examine", "crawl.jsonl", "--erasure-file", "erase.txt", "-o", "out.json"]) == 0
    document = json.loads((tmp_path / "out.json").read_text())
    assert set(document) >= {"records", "bias", "special_category_safeguards", "training_summary", "duplicates"}
    summary = document["training_summary"]
    assert summary["records"] == 4 and summary["latest_date"] == "2026-04-30"
    assert summary["personal_data"]["by_type"]["EMAIL_ADDRESS"] == 3
    assert summary["personal_data"]["records_with_personal_data_share"] >= 0.75
    assert document["duplicates"]["near_duplicate_groups"] == 1
    assert document["duplicates"]["groups_with_personal_data"] == 1
    reach = document["duplicates"]["erasure_requests"][-1]
    assert sorted(row["record"] for row in reach["records"]) == [0, 2, 3]
    text = (tmp_path / "out.json").read_text()
    assert "jana.novak" not in text and "Jana" not in text
    assert "crawl.jsonl: scanned, 4 records" in capfd.readouterr().err


def test_markdown_in_template_order_with_open_fields(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train.csv").write_bytes(training_table()[0])
    assert main(["examine", "train.csv", "--no-scan", "--format", "markdown"]) == 0
    out = capfd.readouterr().out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. General information",
        "## 2. List of data sources",
        "## 3. Data processing aspects",
        "## Annex: examination of the training data (AI Act Art. 10(2)(f)-(g), 10(3), 10(5))",
    ]
    assert out.count("**[to be completed by the provider]**") >= 15
    assert "| postcode | nationality |" in out
    assert "### Geschlecht (sex, by header)" in out


def test_a_label_that_is_not_binary_is_an_error(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train.csv").write_bytes(training_table()[0])
    assert main(["examine", "train.csv", "--no-scan", "--label", "income"]) == 2
    assert "does not hold exactly two values" in capfd.readouterr().err
