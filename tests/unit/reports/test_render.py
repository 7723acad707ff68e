"""Markdown and HTML renderings of the record: exact lines, escaping of untrusted names, no network resources."""

import json
import re

import pytest
from privscan_tools.reports import governance_markdown, render_html
from privscan_tools.reports.html import _script_json, chart_series
from privscan_tools.reports.markdown import md

from tests.unit.reports.dataset import CHAT_KEY, HOSTILE_FIELD

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("datasets/crm/<script>alert(1)</script>.jsonl", r"datasets/crm/\<script\>alert(1)\</script\>.jsonl"),
        ("a | b\nc", r"a \| b c"),
        ("[click](http://x.test)", r"\[click\](http://x.test)"),
        ("plain-key.csv", "plain-key.csv"),
        (None, "–"),
        (["A", "B"], "A, B"),
        ({"b": 1, "a": "x"}, '{"a": "x", "b": 1}'),
    ],
)
def test_markdown_values_stay_text(value, expected):
    assert md(value) == expected


def test_markdown_record_has_exact_rows(record):
    text = governance_markdown(record)
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Scope",
        "## Personal data found",
        "## Special categories (GDPR Art. 9)",
        "## Criminal convictions and offences (GDPR Art. 10)",
        "## Children (GDPR Art. 8)",
        "## National identifiers",
        "## Consent coverage",
        "## Withdrawals, erasure requests, objections",
        "## Review progress",
        "## Open risks",
        "## Decisions taken",
        "## Coverage gaps",
    ]
    lines = text.splitlines()
    for expected in [
        "- Objects: 5 (deleted 1, done 2, rejected 1, unsupported 1); scanned: 2, 5 records, 500 bytes (chat 1, csv 1)",
        "- Findings: 8 (critical 1, high 5, medium 2, low 0)",
        "| EMAIL\\_ADDRESS | 3 | 1 |",
        "| GDPR-ART9-HEALTH | Health data about a person | GDPR Art. 9(1), Art. 4(15) | 1 | 1 |",
        "| GDPR-ART10-CRIMINAL-DATA | Criminal convictions or offences | GDPR Art. 10, Art. 35(3)(b) | 0 | 0 |",
        "| GDPR-ART17-ERASURE-REQUEST | Erasure request in a transcript | GDPR Art. 17(1) | 1 | 1 | 1 |",
        "3 of 8 findings reviewed (open 5, confirmed 1, false\\_positive 1, accepted\\_risk 0, remediated 1).",
        "5 open findings (critical 0, high 4, medium 1, low 0). The most severe:",
        "3 decisions by 2 reviewers; 1 suppressions created.",
        "| datasets/crm/huge.csv.gz | rejected | decompression\\_bomb | expands more than 100x |",
    ]:
        assert expected in lines, expected
    assert (
        "- Records without consent: 2 in 1 objects holding 3 records (share 0.667); consent columns: consent" in lines
    )


def test_markdown_escapes_keys_fields_and_notes(record):
    text = governance_markdown(record)
    assert not re.search(r"(?<!\\)[<>]", text)  # every angle bracket is escaped: no HTML reaches a renderer
    assert r"\<img src=x onerror=alert(1)\>" in text
    assert r"\<b\>test\</b\> addresses \| reserved domain" in text
    assert r"datasets/crm/\<script\>alert(1)\</script\>.jsonl" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| 2026-03-01T09:30")]
    assert len(table_rows) == 1 and table_rows[0].replace("\\|", "").count("|") == 9  # 8 cells, not broken by the note


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(match.group(1))


def test_html_embeds_the_chart_series_of_the_record(record):
    page = render_html(record)
    charts = embedded_data(page)["charts"]
    assert charts == chart_series(record)
    assert [(b["label"], b["value"]) for b in charts["by_severity"]] == [
        ("critical", 1),
        ("high", 5),
        ("medium", 2),
        ("low", 0),
    ]
    assert [(b["label"], b["value"]) for b in charts["review"]] == [
        ("open", 5),
        ("confirmed", 1),
        ("false_positive", 1),
        ("accepted_risk", 0),
        ("remediated", 1),
    ]
    assert [(b["label"], b["value"]) for b in charts["by_entity"]] == [
        ("EMAIL_ADDRESS", 3),
        ("DE_TAX_ID", 1),
        ("HEALTH_DATA", 1),
        ("PERSON", 1),
    ]
    assert [b["value"] for b in charts["by_rule"]] == [2, 1, 1, 1, 1, 1, 1]
    assert re.findall(r'data-chart="(\w+)"', page) == ["by_rule", "by_entity", "by_severity", "review"]


def test_html_escapes_untrusted_names(record):
    page = render_html(record)
    assert page.count("<script") == 2  # the JSON data and the chart script, nothing from the data
    assert "<script>alert(1)" not in page and HOSTILE_FIELD not in page and "<b>test</b>" not in page
    assert "datasets/crm/&lt;script&gt;alert(1)&lt;/script&gt;.jsonl" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;test&lt;/b&gt; addresses | reserved domain" in page


def test_html_json_cannot_close_its_script_element():
    text = _script_json({"label": "</script><script>alert(1)</script>", "x": "a&b"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script>", "x": "a&b"}


def test_html_loads_nothing_from_the_network(record):
    page = render_html(record)
    assert set(re.findall(r"https?://[^\s\"')]+", page)) == {SVG_NAMESPACE}  # a namespace name, never fetched
    assert not re.search(r"<[a-zA-Z][^>]*\s(src|href|srcset|action)\s*=", page)
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page
    assert CHAT_KEY not in page  # only its escaped form
