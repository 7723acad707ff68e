"""The dataset report as one self-contained HTML page, rendered from the governance record.

No network resources: CSS, the chart script and the data are inline, and a Content
Security Policy forbids the page from loading anything. Tables are rendered here,
escaped; the charts are drawn in the browser from embedded JSON by assets/report.js,
which marks each chart root with `data-rendered="<bars drawn>"`. Object keys and field
names are untrusted input: they reach the page only escaped, or as JSON in a script
element with `<`, `>` and `&` written as unicode escapes.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from privscan.engine.config import SEVERITIES
from privscan.vocabulary import ReviewStatus, Severity

from privscan_tools.reports.markdown import CONVERSATIONS_TITLE, fired_rules

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
SEVERITY_COLOURS = {
    Severity.CRITICAL: "#8e1b1b",
    Severity.HIGH: "#d9480f",
    Severity.MEDIUM: "#e8a317",
    Severity.LOW: "#5c7cfa",
}
REVIEW_COLOURS = {
    ReviewStatus.OPEN: "#d9480f",
    ReviewStatus.CONFIRMED: "#8e1b1b",
    ReviewStatus.FALSE_POSITIVE: "#868e96",
    ReviewStatus.ACCEPTED_RISK: "#e8a317",
    ReviewStatus.REMEDIATED: "#2b8a3e",
}
ENTITY_COLOUR = "#1f6feb"
CHARTS = (
    ("by_rule", "Findings by rule"),
    ("by_entity", "Personal data by entity type (occurrences)"),
    ("by_severity", "Findings by severity"),
    ("review", "Review progress (findings by review status)"),
)
EXAMINATION_CHARTS = (
    ("exam_positive_rates", "Positive rate by protected group (%)"),
    ("exam_languages", "Records by language (%)"),
    ("exam_domains", "Top domains by share of text bytes (%)"),
)
EXAMINATION_COLOUR = "#2b8a3e"


class Safe(str):
    """Markup built here from escaped parts; table cells of this type are not escaped again."""


def _asset(name: str) -> str:
    return resources.files("privscan_tools.reports").joinpath("assets", name).read_text(encoding="utf-8")


def _cell(value) -> str:
    if isinstance(value, Safe):
        return value
    if value is None:
        return "–"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return escape(str(value))


def _table(headers: tuple[str, ...], rows: list[list], numeric: frozenset[int] = frozenset()) -> str:
    if not rows:
        return '<p class="note">None.</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=num' if i in numeric else ''}>{_cell(v)}</td>" for i, v in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _severity(severity: str) -> Safe:
    return Safe(f'<span class="sev sev-{escape(severity)}">{escape(severity)}</span>')


def chart_series(record: dict) -> dict[str, list[dict]]:
    """Bars per chart: label, value, colour and a hover title."""
    return {
        "by_rule": [
            {
                "label": r["rule_id"],
                "title": r["title"] or r["rule_id"],
                "value": r["findings"],
                "color": SEVERITY_COLOURS.get(r["rule_severity"], ENTITY_COLOUR),
            }
            for r in record["findings"]["by_rule"]
        ],
        "by_entity": [
            {"label": r["entity_type"], "value": r["occurrences"], "color": ENTITY_COLOUR}
            for r in record["personal_data"]
        ],
        "by_severity": [
            {"label": s, "value": n, "color": SEVERITY_COLOURS[s]} for s, n in record["findings"]["by_severity"].items()
        ],
        "review": [
            {"label": s, "value": n, "color": REVIEW_COLOURS.get(s, ENTITY_COLOUR)}
            for s, n in record["review"]["by_status"].items()
        ],
    }


CONVERSATION_COLOUR = "#7048e8"


def conversation_charts(section: dict | None) -> list[tuple[str, str, list[dict]]]:
    """(name, caption, bars) of the conversation charts: each conversation-level rule's rate per 1,000
    conversations, and with more than one assistant, one chart per rule of its rate per assistant."""
    if not section or not section["conversations"]:
        return []
    charts = [
        (
            "conversation_rates",
            f"Conversation rules per 1,000 conversations ({section['conversations']} conversations)",
            [
                {
                    "label": r["rule_id"],
                    "title": f"{r['title'] or r['rule_id']}: {r['conversations']} conversations",
                    "value": r["per_1000"],
                    "color": SEVERITY_COLOURS.get(r["rule_severity"], CONVERSATION_COLOUR),
                }
                for r in section["rules"]
            ],
        )
    ]
    if len(section["models"]) > 1:
        fired = fired_rules(section)
        for index, rule in enumerate(r for r in section["rules"] if r["rule_id"] in fired):
            bars = [
                {
                    "label": m["model"],
                    "title": f"{m['model']}: {m['conversations']} conversations",
                    "value": m["rules"].get(rule["rule_id"], {}).get("per_1000", 0.0),
                    "color": CONVERSATION_COLOUR,
                }
                for m in section["models"]
            ]
            charts.append(
                (f"conversation_models_{index}", f"{rule['rule_id']} per 1,000 conversations, by assistant", bars)
            )
    return charts


def examination_series(section: dict) -> dict[str, list[dict]]:
    """Bars of the examination's charts: positive rate per group of each protected attribute, languages, domains."""
    rates = [
        {
            "label": f"{a['column']}: {g['value']}",
            "title": f"{a['category']}, {g['count']} records",
            "value": round(100 * g["positive_rate"], 1),
            "color": EXAMINATION_COLOUR,
        }
        for a in section["bias"]["attributes"]
        for g in a["groups"]
        if g.get("positive_rate") is not None
    ]
    summary = section["training_summary"]
    return {
        "exam_positive_rates": rates,
        "exam_languages": [
            {"label": row["lang"], "value": round(100 * row["share"], 1), "color": EXAMINATION_COLOUR}
            for row in summary["languages"]
        ],
        "exam_domains": [
            {"label": row["domain"], "value": round(100 * row["bytes_share"], 2), "color": EXAMINATION_COLOUR}
            for row in summary["top_domains"]
        ],
    }


def _examination(section: dict) -> str:
    """The examination's tables: attributes with disparate impact and parity, gaps, proxies, safeguards, duplicates."""
    bias, summary, duplicates = section["bias"], section["training_summary"], section["duplicates"]
    return (
        f"<p>{section['records']} records; label {escape(str(bias['label']))} "
        f"({escape(str(bias.get('label_evidence')))}); {summary['text_bytes']} bytes of text "
        f"({escape(summary['size_range'])}), latest date {escape(str(summary['latest_date']))}.</p>"
        + _table(
            ("column", "category", "by", "groups", "disparate impact", "parity difference"),
            [
                [
                    a["column"],
                    a["category"],
                    a["evidence"],
                    len(a["groups"]),
                    a["disparate_impact"],
                    a["statistical_parity_difference"],
                ]
                for a in bias["attributes"]
            ],
            numeric=frozenset({3, 4, 5}),
        )
        + "<h3>Gaps</h3>"
        + _table(("attribute", "group", "share"), [[g["attribute"], g["group"], g["share"]] for g in bias["gaps"]])
        + "<h3>Proxies</h3>"
        + _table(
            ("column", "stands in for", "Cramér's V"),
            [[p["column"], p["attribute"], p["association"]] for p in bias["proxies"]],
            numeric=frozenset({2}),
        )
        + "<h3>Special categories (Art. 10(5) safeguards)</h3>"
        + _table(
            ("column", "category", "in clear", "pseudonymised"),
            [
                [s["column"], s["category"], s["in_clear"], s["pseudonymised"]]
                for s in section["special_category_safeguards"]
            ],
        )
        + f"<p>{duplicates['near_duplicate_groups']} near-duplicate groups, {duplicates['groups_with_personal_data']} "
        f"with personal data; {duplicates['repeated_identifiers']} identifiers held by more than one record.</p>"
    )


def _conversations(section: dict) -> str:
    """The conversation-level rules' table and, with assistants named, the rates per assistant of the rules that
    fired."""
    rules = fired_rules(section)
    html = (
        f"<p>{section['conversations']} conversations in {section['objects']} objects.</p>"
        + _table(
            ("rule", "title", "law", "findings", "conversations", "per 1,000 conversations"),
            [
                [r["rule_id"], r["title"], r["law"], r["findings"], r["conversations"], r["per_1000"]]
                for r in section["rules"]
            ],
            numeric=frozenset({3, 4, 5}),
        )
        + f'<p class="note">{escape(section["measured"])}</p>'
    )
    if section["models"] and rules:
        html += "<h3>By assistant</h3>" + _table(
            ("assistant", "conversations", *(f"{rule} per 1,000" for rule in rules)),
            [
                [m["model"], m["conversations"], *(m["rules"].get(rule, {}).get("per_1000") for rule in rules)]
                for m in section["models"]
            ],
            numeric=frozenset(range(1, len(rules) + 2)),
        )
    return html


def _script_json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _kpis(record: dict) -> str:
    review = record["review"]
    progress = "–" if review["progress"] is None else f"{review['progress']:.0%}"
    figures = [
        ("objects", record["objects"]["total"]),
        ("scanned", record["objects"]["scanned"]),
        ("records", record["objects"]["records"]),
        ("findings", record["findings"]["total"]),
        ("open findings", record["open_risks"]["open"]),
        ("reviewed", progress),
        ("decisions", record["decisions"]["total"]),
    ]
    return "".join(f'<div class="kpi"><b>{escape(str(v))}</b>{escape(k)}</div>' for k, v in figures)


def _sections(record: dict) -> str:
    special = [row for rows in record["special_categories"].values() for row in rows]
    signals = [row for rows in record["data_subject_requests"].values() for row in rows]
    consent, gaps, decisions = record["consent"], record["coverage_gaps"], record["decisions"]
    rule_headers = ("rule", "title", "law", "findings", "objects")
    parts = [
        (
            "Top objects",
            _table(
                ("object", "format", "records", "findings", "open", *SEVERITIES[::-1]),
                [
                    [o["object"], o["format"], o["records"], o["findings"], o["open"], *o["by_severity"].values()]
                    for o in record["top_objects"]
                ],
                numeric=frozenset(range(2, 9)),
            ),
        ),
        (
            "Special categories, criminal data, children (GDPR Art. 9, 10, 8)",
            _table(
                rule_headers,
                [[r["rule_id"], r["title"], r["law"], r["findings"], r["objects"]] for r in special],
                numeric=frozenset({3, 4}),
            ),
        ),
        (
            "Consent, withdrawals, erasure requests, objections",
            f"<p>{consent['records_without_consent']} records hold personal data without consent, in "
            f"{consent['objects_with_consent_gaps']} objects ({consent['records_in_those_objects']} records). "
            f"Consent columns: {escape(', '.join(consent['consent_columns']) or 'none')}.</p>"
            f'<p class="note">Measured: {escape(consent["measured"])} '
            f"Not measured: {escape(consent['not_measured'])}</p>"
            + _table(
                rule_headers,
                [[r["rule_id"], r["title"], r["law"], r["findings"], r["objects"]] for r in signals],
                numeric=frozenset({3, 4}),
            ),
        ),
        (
            "Open risks (most severe first)",
            _table(
                ("severity", "object", "record", "field", "entity type", "rules", "preview"),
                [
                    [
                        _severity(r["severity"]),
                        r["object"],
                        r["record"],
                        r["field"],
                        r["entity_type"],
                        r["rule_ids"],
                        r["preview"],
                    ]
                    for r in record["open_risks"]["top"]
                ],
            ),
        ),
        (
            "Decisions taken",
            f"<p>{decisions['total']} decisions; {decisions['suppressions_created']} suppressions "
            "created.</p>"
            + _table(
                ("at", "by", "object", "from", "to", "note"),
                [
                    [e["at"], e["actor"], e["object"], e["from_status"], e["to_status"], e["note"]]
                    for e in decisions["entries"]
                ],
            ),
        ),
        (
            "Coverage gaps",
            _table(
                ("object", "status", "outcome", "reason"),
                [[g["object"], g["status"], g["outcome"], g["reason"]] for g in gaps["not_scanned"]],
            )
            + f'<p class="note">Findings truncated in: {escape(", ".join(gaps["truncated"]) or "none")}.</p>',
        ),
    ]
    section = record.get("conversations")
    if section and section["conversations"]:
        parts.append((CONVERSATIONS_TITLE, _conversations(section)))
    if record.get("examination"):
        parts.append(("Training-set examination (AI Act Art. 10, Art. 53(1)(d))", _examination(record["examination"])))
    return "".join(f"<section><h2>{escape(title)}</h2>{body}</section>" for title, body in parts)


def render_html(record: dict) -> str:
    scope = record["scope"]
    dataset = f"s3://{scope['bucket']}/{scope['prefix']}"
    conversations = conversation_charts(record.get("conversations"))
    charts = "".join(
        f"<figure><figcaption>{escape(caption)}</figcaption>"
        f'<div class="chart" data-chart="{name}" id="chart-{name}" aria-label="{escape(caption)}"></div></figure>'
        for name, caption in CHARTS
        + tuple((name, caption) for name, caption, _ in conversations)
        + (EXAMINATION_CHARTS if record.get("examination") else ())
    )
    series = chart_series(record)
    series.update({name: bars for name, _, bars in conversations})
    if record.get("examination"):
        series.update(examination_series(record["examination"]))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>privscan report: {escape(dataset)}</title><style>{_asset('report.css')}</style></head>"
        f"<body><header><h1>privscan dataset report</h1><p>{escape(dataset)} "
        f"· generated {escape(scope['generated_at'])}"
        f" · schema {escape(record['schema'])}</p></header><main>"
        f'<section class="kpis">{_kpis(record)}</section><section class="charts">{charts}</section>'
        f"{_sections(record)}"
        '<p class="note">Previews are masked; privscan stores no raw value. The full record is in governance.json '
        "and governance.md.</p></main>"
        f'<script type="application/json" id="report-data">{_script_json({"charts": series})}</script>'
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )
