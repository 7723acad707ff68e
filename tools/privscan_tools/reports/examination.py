"""The examination as markdown: the public summary of training content in the section order of the AI Office's
template (July 2025, AI Act Art. 53(1)(d)), then the Art. 10 examination (bias, gaps, proxies, safeguards,
duplicates).

What the data cannot tell (the provider, the model, the sources' licences, opt-out compliance) is left open
as TO_FILL, visibly, for a person to complete.
"""

from __future__ import annotations

from privscan_tools.reports.markdown import CONVERSATIONS_TITLE, counts, md, table

TO_FILL = "**[to be completed by the provider]**"


def _general(summary: dict) -> list[str]:
    languages = ", ".join(f"{md(row['lang'])} {row['share']:.1%}" for row in summary["languages"]) or "–"
    return [
        "## 1. General information",
        "",
        "### 1.1 Provider identification",
        "",
        f"- Provider name and contact details: {TO_FILL}",
        f"- Authorised representative (if any): {TO_FILL}",
        "",
        "### 1.2 Model identification",
        "",
        f"- Versioned model name(s): {TO_FILL}",
        f"- Model dependencies (a modified or fine-tuned model): {TO_FILL}",
        f"- Date of placement of the model on the Union market: {TO_FILL}",
        "",
        "### 1.3 Modalities, overall training data size and other characteristics",
        "",
        f"- Modalities: {md(summary['modalities']) or '–'} (examined here; others: {TO_FILL})",
        (
            f"- Training data size (text): {md(summary['size_range'])} — {summary['records']} records, "
            f"{summary['text_bytes']} bytes of text, about {summary['estimated_tokens']} tokens (bytes / 4)"
        ),
        f"- Types of content: {TO_FILL}",
        (
            f"- Latest date of data acquisition / collection: {md(summary['latest_date'])} (latest date in the data's "
            f"date fields; confirm: {TO_FILL})"
        ),
        f"- Linguistic characteristics (share of records by language): {languages}",
        f"- Other relevant characteristics: {TO_FILL}",
        "",
    ]


def _sources(summary: dict) -> list[str]:
    domains = table(
        ("domain", "share of text bytes"),
        ([row["domain"], f"{row['bytes_share']:.2%}"] for row in summary["top_domains"]),
    )
    return [
        "## 2. List of data sources",
        "",
        "### 2.1 Publicly available datasets",
        "",
        f"{TO_FILL}",
        "",
        "### 2.2 Private non-publicly available datasets obtained from third parties",
        "",
        f"- 2.2.1 Datasets commercially licensed by rightsholders or their representatives: {TO_FILL}",
        f"- 2.2.2 Private datasets obtained from other third parties: {TO_FILL}",
        "",
        "### 2.3 Data crawled and scraped from online sources",
        "",
        f"- Crawlers used, their purposes and behaviour (robots.txt, paywalls, logins): {TO_FILL}",
        f"- Period of data collection: {TO_FILL}",
        f"- Description of the content collected: {TO_FILL}",
        (
            f"- Top domain names by size ({md(summary['top_domains_rule'])} of {summary['domains']} domains, from the "
            "records' URL fields and the URLs in their text):"
        ),
        "",
        *domains,
        "",
        "### 2.4 User data",
        "",
        f"{TO_FILL}",
        "",
        "### 2.5 Synthetic data",
        "",
        f"{TO_FILL}",
        "",
        "### 2.6 Other sources of data",
        "",
        f"{TO_FILL}",
        "",
    ]


def _processing(summary: dict) -> list[str]:
    personal = summary.get("personal_data")
    if personal:
        found = (
            f"personal data in {personal['records_with_personal_data_share']:.1%} of records "
            f"({counts(personal['by_type'])}); special categories: {counts(summary.get('special_categories') or {})}"
        )
    else:
        found = "not scanned for personal data"
    return [
        "## 3. Data processing aspects",
        "",
        "### 3.1 Respect of reservation of rights from the text and data mining exception",
        "",
        f"{TO_FILL}",
        "",
        "### 3.2 Removal of illegal content",
        "",
        f"{TO_FILL}",
        "",
        "### 3.3 Other information",
        "",
        f"- Personal data found by privscan: {found}",
        "",
    ]


def _bias(document: dict) -> list[str]:
    bias = document["bias"]
    lines = [
        "## Annex: examination of the training data (AI Act Art. 10(2)(f)-(g), 10(3), 10(5))",
        "",
        (
            f"Label: {md(bias['label'])} ({md(bias.get('label_evidence'))}; favourable value "
            f"{md(bias.get('positive_value'))})."
        ),
        "",
    ]
    for attribute in bias["attributes"]:
        lines += [
            f"### {md(attribute['column'])} ({md(attribute['category'])}, by {attribute['evidence']})",
            "",
            (
                f"Disparate impact {md(attribute['disparate_impact'])}, statistical parity difference "
                f"{md(attribute['statistical_parity_difference'])}; {attribute['missing']} records without a value."
            ),
            "",
            *table(
                ("group", "records", "share", "positive rate"),
                ([g["value"], g["count"], g["share"], g.get("positive_rate")] for g in attribute["groups"]),
            ),
            "",
        ]
    lines += [
        "### Gaps",
        "",
        *table(("attribute", "group", "share"), ([g["attribute"], g["group"], g["share"]] for g in bias["gaps"])),
        "",
        "### Proxies",
        "",
        *table(
            ("column", "stands in for", "Cramér's V (bias-corrected)"),
            ([p["column"], p["attribute"], p["association"]] for p in bias["proxies"]),
        ),
        "",
        "### Special categories (Art. 10(5) safeguards)",
        "",
        *table(
            ("column", "category", "in clear", "pseudonymised"),
            (
                [s["column"], s["category"], s["in_clear"], s["pseudonymised"]]
                for s in document["special_category_safeguards"]
            ),
        ),
        "",
    ]
    return lines


def _duplicates(duplicates: dict) -> list[str]:
    return [
        "### Near-duplicate records",
        "",
        (
            f"{duplicates['near_duplicate_groups']} groups of near-duplicate records "
            f"({duplicates['records_in_groups']} records), {duplicates['groups_with_personal_data']} of them with "
            f"personal data; {duplicates['repeated_identifiers']} identifiers held by more than one record; "
            f"{len(duplicates.get('erasure_requests', []))} erasure requests followed up."
        ),
        "",
    ]


def examination_markdown(document: dict) -> str:
    """The examination document as markdown (template sections first, then the Art. 10 annex)."""
    summary = document["training_summary"]
    lines = [
        "# Public summary of training content (AI Act Art. 53(1)(d))",
        "",
        f"Drafted from the data by privscan; fields marked {TO_FILL} need a person.",
        "",
        *_general(summary),
        *_sources(summary),
        *_processing(summary),
        *_bias(document),
        *_duplicates(document["duplicates"]),
        *_conversations(document.get("conversation_rules")),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _conversations(section: dict | None) -> list[str]:
    """The conversation-level rules per 1,000 conversations, when the training set holds conversations."""
    if not section:
        return []
    lines = [
        f"## {CONVERSATIONS_TITLE}",
        "",
        f"{section['conversations']} conversations; per 1,000 conversations (docs/transcripts.md):",
        "",
        *(
            f"- {rule_id}: {c['per_1000']} ({c['conversations']} conversations, {c['findings']} findings)"
            for rule_id, c in section["rules"].items()
        ),
        "",
    ]
    for model in section.get("models", []):
        rates = ", ".join(f"{rule_id} {c['per_1000']}" for rule_id, c in model["rules"].items())
        lines.append(f"- assistant {md(model['model'])}: {model['conversations']} conversations; {rates}")
    return [*lines, ""] if section.get("models") else lines


def governance_section(document: dict) -> dict:
    """The examination as the governance record holds it: every figure, the long lists (near-duplicate groups'
    records, the records an erasure request reaches) as counts."""
    duplicates = dict(document["duplicates"])
    duplicates["groups"] = [{"size": g["size"], "personal_data": g["personal_data"]} for g in duplicates["groups"]]
    duplicates["erasure_requests"] = [
        {"rule": r["rule"], "records_reached": r.get("other_records_holding", r.get("records_holding", 0))}
        for r in duplicates.get("erasure_requests", [])
    ]
    return {
        "records": document["records"],
        "bias": document["bias"],
        "special_category_safeguards": [
            {key: value for key, value in row.items() if key != "safeguards"}
            for row in document["special_category_safeguards"]
        ],
        "training_summary": document["training_summary"],
        "duplicates": duplicates,
    } | ({"conversation_rules": document["conversation_rules"]} if document.get("conversation_rules") else {})


def examination_annex(section: dict) -> str:
    """The examination's part of the governance record in markdown: the training data's figures, then the annex."""
    summary = section["training_summary"]
    languages = ", ".join(f"{md(row['lang'])} {row['share']:.1%}" for row in summary["languages"]) or "–"
    lines = [
        "## Training-set examination (AI Act Art. 10, Art. 53(1)(d))",
        "",
        (
            f"- {summary['records']} records, {summary['text_bytes']} bytes of text ({md(summary['size_range'])}); "
            f"latest date {md(summary['latest_date'])}; languages: {languages}"
        ),
        f"- Top domains: {', '.join(md(row['domain']) for row in summary['top_domains']) or '–'}",
        "",
        *_bias({"bias": section["bias"], "special_category_safeguards": section["special_category_safeguards"]}),
        *_duplicates(section["duplicates"]),
    ]
    return "\n".join(line.replace("## Annex: ", "### ") if line.startswith("## Annex") else line for line in lines)
