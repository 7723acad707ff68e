"""SARIF 2.1.0 and a markdown summary from findings, for code-scanning UIs and CI job logs.

Only masked previews go into either: a SARIF file is uploaded to places a privacy
scanner does not control.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from privscan import __version__
from privscan.engine.rules import rule_book
from privscan.vocabulary import Severity

LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}


def line_of(path: str, file_format: str | None, record: int | None) -> int | None:
    """1-based line of a record: text and JSONL records are lines; a CSV row sits below its header
    (exact unless an earlier field held a quoted newline). Parquet and JSON have no lines."""
    if record is None:
        return 1 if file_format in ("csv", "tsv") else None
    if file_format in ("text", "jsonl", "chat"):
        return record + 1
    if file_format in ("csv", "tsv"):
        return record + 2
    return None


def rule_id_of(finding: dict) -> str:
    return finding["rule_ids"][0] if finding["rule_ids"] else f"PII-{finding['entity_type']}"


# Personal data in a name rather than a value: where the (masked) name is
IN_NAME = {
    "column_name": "the name of column {field}",
    "json_key": "a JSON key of {field}",
    "object_key": "the file name",
}


def message_of(finding: dict) -> str:
    what = finding["entity_type"] or rule_book().rules[finding["rule_ids"][0]].title
    where = f"column {finding['field']}" if finding.get("field") else "text"
    if finding.get("where") in IN_NAME:
        where = IN_NAME[finding["where"]].format(field=finding.get("field"))
    if finding.get("count"):
        return f"{what} in {where}: {finding['count']} values (e.g. {finding['preview']})"
    return f"{what} in {where}" + (f" ({finding['preview']})" if finding["preview"] else "")


def to_sarif(findings: list[tuple[dict, str | None]], root: Path) -> dict:
    """`findings`: (contract line, file format) pairs."""
    book = rule_book()
    used = sorted({rule_id_of(f) for f, _ in findings})
    rules = []
    for rule_id in used:
        rule = book.rules.get(rule_id)
        rules.append(
            {
                "id": rule_id,
                "name": rule.title if rule else rule_id,
                "shortDescription": {"text": rule.title if rule else f"Personal data: {rule_id.removeprefix('PII-')}"},
                "fullDescription": {"text": f"{rule.description} ({rule.law})" if rule else "Personal data found."},
                "help": {"text": rule.remediation if rule else "Remove or pseudonymise the value before use."},
            }
        )
    results = []
    for finding, file_format in findings:
        location: dict = {"artifactLocation": {"uri": _relative(finding["object"], root)}}
        line = line_of(finding["object"], file_format, finding["record"])
        if line is not None:
            region = {"startLine": line}
            if file_format == "text" and finding["start"] is not None:
                region |= {"startColumn": finding["start"] + 1, "endColumn": finding["end"] + 1}
            location["region"] = region
        results.append(
            {
                "ruleId": rule_id_of(finding),
                "level": LEVEL[finding["severity"]],
                "message": {"text": message_of(finding)},
                "locations": [{"physicalLocation": location}],
                "properties": {
                    "severity": finding["severity"],
                    "entity_type": finding["entity_type"],
                    "record": finding["record"],
                    "field": finding["field"],
                },
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "privscan", "version": __version__, "rules": rules}}, "results": results}
        ],
    }


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def markdown_summary(
    findings: list[dict], verdict: str, fail_on: str, errors: list[str], not_scanned: Sequence[str] = ()
) -> str:
    by_severity = Counter(f["severity"] for f in findings)
    by_kind = Counter((f["entity_type"] or rule_id_of(f), f["severity"]) for f in findings)
    lines = [
        f"## privscan: {verdict.upper()}",
        "",
        f"{len(findings)} findings; the job fails on **{fail_on}** or worse.",
        "",
        "| severity | findings |",
        "| --- | --- |",
    ]
    lines += [f"| {s} | {by_severity[s]} |" for s in reversed(Severity) if by_severity[s]]
    lines += ["", "| finding | severity | count |", "| --- | --- | --- |"]
    lines += [f"| {kind} | {severity} | {n} |" for (kind, severity), n in by_kind.most_common(20)]
    if errors:
        lines += ["", "Input errors:"] + [f"- {e}" for e in errors]
    if not_scanned:
        lines += ["", "Not scanned (allowed):"] + [f"- {n}" for n in not_scanned]
    return "\n".join(lines) + "\n"
