"""`privscan demo` and `privscan serve`: the whole pipeline on an embedded local AWS (moto)."""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import boto3
from privscan.engine.config import severity_rank
from privscan.store.findings_store import FindingsStore, finding_from_item
from privscan.vocabulary import ScanStatus, Severity

from privscan_tools.cli.output import finding_title
from privscan_tools.local.api_server import LocalApi
from privscan_tools.local.samples import sample_dataset
from privscan_tools.local.stack import REGION, LocalStack, add_console_user, deploy_stack, start_moto, use_endpoint
from privscan_tools.local.template import default_template_path
from privscan_tools.local.worker import LocalWorker

TERMINAL = {ScanStatus.DONE, ScanStatus.UNSUPPORTED, ScanStatus.REJECTED, ScanStatus.DELETED, ScanStatus.SUPERSEDED}


def start_local(port: int | None = None) -> tuple[object, LocalStack, LocalWorker]:
    server, endpoint = start_moto(port)
    use_endpoint(endpoint)
    template = default_template_path()
    stack = deploy_stack(endpoint, template)
    worker = LocalWorker(stack, repo_root=template.parent)
    return server, stack, worker


def local_store(stack: LocalStack) -> FindingsStore:
    """The local stack's findings, with its audit trail (the demo report reads both)."""
    dynamodb = boto3.resource("dynamodb", endpoint_url=stack.endpoint, region_name=REGION)
    return FindingsStore(dynamodb.Table(stack.findings_table), dynamodb.Table(stack.audit_table))


def wait_for_scans(stack: LocalStack, worker: LocalWorker, keys: list[str], timeout_s: float) -> dict[str, dict]:
    store = local_store(stack)
    deadline = time.monotonic() + timeout_s
    summaries: dict[str, dict] = {}
    while time.monotonic() < deadline:
        worker.poll_once(wait_seconds=1)
        summaries = {key: store.get_summary(stack.bucket, key) for key in keys}
        if all(s and s.get("status") in TERMINAL for s in summaries.values()):
            break
    return summaries


def print_summary(stack: LocalStack, summaries: dict[str, dict]) -> None:
    print(
        f"\nprivscan demo: {len(summaries)} objects in s3://{stack.bucket}/datasets/demo/ "
        f"(local AWS at {stack.endpoint})\n"
    )
    header = f"{'OBJECT':42} {'STATUS':12} {'FORMAT':8} {'RECORDS':>7} {'FINDINGS':>8}  BY SEVERITY / REASON"
    print(header)
    for key, summary in summaries.items():
        summary = summary or {"status": "pending"}
        detail = summary.get("reason") or ", ".join(f"{k}={v}" for k, v in summary.get("by_severity", {}).items())
        print(
            f"{key.removeprefix('datasets/demo/'):42} {summary.get('status', ''):12} {summary.get('format') or '-':8} "
            f"{summary.get('records', 0):>7} {summary.get('findings', 0):>8}  {detail}"
        )


def print_groups(rows: list[dict], limit: int = 30) -> None:
    """One line per (object, field, entity type, rules): how often, how severe, one masked example."""
    groups: dict[tuple, dict] = {}
    for row in rows:
        key = (
            row["object"].removeprefix("datasets/demo/"),
            row["field"] or "-",
            row["entity_type"] or "-",
            ",".join(row["rule_ids"]) or "-",
        )
        group = groups.setdefault(key, {"count": 0, "severity": Severity.LOW, "preview": row["preview"]})
        group["count"] += row.get("count") or 1
        if severity_rank(row["severity"]) > severity_rank(group["severity"]):
            group["severity"] = row["severity"]
    ordered = sorted(groups.items(), key=lambda kv: (-severity_rank(kv[1]["severity"]), -kv[1]["count"], kv[0]))[:limit]
    lines = [
        [group["severity"], str(group["count"]), obj, field, _title(entity, rules), group["preview"][:24], rules]
        for (obj, field, entity, rules), group in ordered
    ]
    headers = ["SEVERITY", "COUNT", "OBJECT", "FIELD", "FOUND", "EXAMPLE", "RULES"]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)] if lines else []
    for line in [headers, *lines]:
        print("  ".join(v.rjust(w) if i == 1 else v.ljust(w) for i, (v, w) in enumerate(zip(line, widths))).rstrip())
    if len(groups) > limit:
        print(f"... {len(groups) - limit} more groups")


def _title(entity: str, rules: str) -> str:
    """What a group is, in words (``NRP`` is "nationality, religious or political group")."""
    return finding_title({"entity_type": None if entity == "-" else entity, "rule_ids": rules.split(",")})


def write_demo_report(store: FindingsStore, stack: LocalStack, report_dir: str) -> None:
    from privscan_tools.cli.report_cmd import write_report

    write_report(store, stack.bucket, "datasets/demo/", Path(report_dir))
    print(
        f"\ndataset report and AI Act Art. 10 governance record: {Path(report_dir) / 'report.html'}, "
        "governance.json, governance.md"
    )
    print("this local stack stops with the demo; to browse every finding, keep one up with `privscan serve` and run")
    print(
        "  privscan findings list --endpoint ENDPOINT --format jsonl\n"
        "  privscan report --endpoint ENDPOINT --dataset datasets/demo/ --out DIR"
    )
    print("or review in a browser: `privscan serve` also prints the review console's URL and a reviewer's sign-in")


def run_demo(port: int | None = None, timeout_s: float = 150.0, report_dir: str = "build/demo-report") -> int:
    server, stack, worker = start_local(port)
    try:
        s3 = boto3.client("s3", endpoint_url=stack.endpoint, region_name=REGION)
        dataset = sample_dataset()
        for key, body in dataset.items():
            s3.put_object(Bucket=stack.bucket, Key=key, Body=body)
        print(f"uploaded {len(dataset)} synthetic objects; scanning...", file=sys.stderr)
        summaries = wait_for_scans(stack, worker, list(dataset), timeout_s)
        print_summary(stack, summaries)
        store = local_store(stack)
        rows = [finding_from_item(item).contract() for item in store.all_findings(stack.bucket, "datasets/demo/")]
        print(
            f"\n{len(rows)} findings in DynamoDB, grouped as a privacy officer reviews them "
            "(masked previews; no raw value is stored):\n"
        )
        print_groups(rows)
        write_demo_report(store, stack, report_dir)
        pending = [k for k, s in summaries.items() if not s or s.get("status") not in TERMINAL]
        return 1 if pending else 0
    finally:
        server.stop()


def _stop(*_) -> None:
    """SIGTERM ends `serve` like Ctrl-C: the normal exit also ends the scan worker processes."""
    raise KeyboardInterrupt


# the local review console's two accounts: one per group, new passwords each run
CONSOLE_REVIEWER = "privacy-officer"
CONSOLE_VIEWER = "privacy-viewer"


def console_accounts(stack: LocalStack, api: LocalApi) -> dict[str, str]:
    """A reviewer and a viewer in the local stack's user pool; the banner's console fields."""
    return {
        "console": f"{api.url}/console",
        "console_user": CONSOLE_REVIEWER,
        "console_password": add_console_user(stack, CONSOLE_REVIEWER, "reviewer", "privacy-officer@example.org"),
        "console_viewer": CONSOLE_VIEWER,
        "console_viewer_password": add_console_user(stack, CONSOLE_VIEWER, "viewer", "privacy-viewer@example.org"),
    }


def run_serve(port: int | None = None, api_port: int | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # stop the API and moto, then say so
    server, stack, worker = start_local(port)
    api = LocalApi(stack, repo_root=default_template_path().parent, port=api_port or 0).start()
    console = console_accounts(stack, api)
    print(json.dumps({**stack.banner(), "api": api.url, **console}), flush=True)
    print(f"privscan serve: local AWS at {stack.endpoint}, API at {api.url}; Ctrl-C to stop", file=sys.stderr)
    print(
        f"privscan serve: review console at {console['console']}: sign in as {CONSOLE_REVIEWER} (reviewer) or "
        f"{CONSOLE_VIEWER} (viewer), passwords in the JSON line above",
        file=sys.stderr,
    )
    try:
        while True:
            worker.poll_once(wait_seconds=1)
    except KeyboardInterrupt:
        print("privscan serve: stopped", file=sys.stderr)
        return 0
    finally:
        api.stop()
        server.stop()
