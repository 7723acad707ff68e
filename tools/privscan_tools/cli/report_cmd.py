"""`privscan report`: the dataset's HTML report and its governance record (JSON, markdown) from DynamoDB."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
from privscan.store.findings_store import FindingsStore

from privscan_tools.cli.findings_cmd import resolve_names
from privscan_tools.local.stack import aws_options

OUTPUTS = ("report.html", "governance.json", "governance.md")


def add_parser(subparsers) -> None:
    report = subparsers.add_parser("report", help="HTML report and AI Act Art. 10 governance record of a dataset")
    report.add_argument("--dataset", required=True, metavar="PREFIX", help="S3 key prefix of the dataset")
    report.add_argument("--endpoint", help="endpoint of `privscan serve` (local stack)")
    report.add_argument("--bucket", help="upload bucket (default: the local stack's)")
    report.add_argument("--table", help="findings table (default: the local stack's)")
    report.add_argument("--audit-table", help="audit table of review changes (default: the local stack's)")
    report.add_argument("--out", default="privscan-report", help=f"directory to write {', '.join(OUTPUTS)} into")
    report.add_argument(
        "--examination", metavar="FILE", help="a `privscan examine` JSON document to include (section and charts)"
    )


def write_report(store: FindingsStore, bucket: str, prefix: str, out: Path, examination: dict | None = None) -> dict:
    """Gather, render, write the three files; returns the governance record. An `examination` (the document of
    `privscan examine`) becomes the record's `examination` section."""
    from privscan_tools.reports import gather, governance_markdown, governance_record, render_html
    from privscan_tools.reports.examination import governance_section

    record = governance_record(gather(store, bucket, prefix))
    if examination is not None:
        record["examination"] = governance_section(examination)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.html").write_text(render_html(record), encoding="utf-8")
    (out / "governance.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "governance.md").write_text(governance_markdown(record), encoding="utf-8")
    return record


def audit_table_name(endpoint: str | None, audit_table: str | None) -> str:
    """The audit table: given, or looked up in the local stack at `endpoint`."""
    if audit_table:
        return audit_table
    if not endpoint:
        raise SystemExit("privscan: give --audit-table (the stack's AuditTableName output), or --endpoint")
    from privscan_tools.local.stack import STACK_NAME, describe_stack

    return describe_stack(endpoint, STACK_NAME)["AuditTable"]


def run(args) -> int:
    bucket, table = resolve_names(args.endpoint, args.bucket, args.table)
    audit_table = audit_table_name(args.endpoint, args.audit_table)
    dynamodb = boto3.resource("dynamodb", **aws_options(args.endpoint))
    out = Path(args.out)
    store = FindingsStore(dynamodb.Table(table), dynamodb.Table(audit_table))
    examination = None
    if args.examination:
        examination = json.loads(Path(args.examination).read_text(encoding="utf-8"))
    record = write_report(store, bucket, args.dataset, out, examination)
    objects, findings = record["objects"], record["findings"]
    print(
        f"privscan report: {objects['total']} objects, {findings['total']} findings, "
        f"{record['open_risks']['open']} open; wrote {', '.join(str(out / name) for name in OUTPUTS)}"
    )
    return 0
