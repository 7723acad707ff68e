"""`privscan ci`: the client a CI job runs. Exit 0 pass, 1 fail (policy broken), 2 errors.

Files are scanned here (local mode) or posted to the scan API (`--endpoint`, requests signed
with SigV4 from the usual AWS credentials); either way one Policy decides, and the SARIF and
summary are the same.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from privscan.api_client import ApiClient, ApiUnavailable
from privscan.cli.scan_cmd import EXIT_ERROR, EXIT_FAIL, EXIT_PASS, INPUT_ERRORS, local_fingerprinter, scan_file, walk
from privscan.engine.config import SEVERITIES, EngineConfig
from privscan.engine.suppress import Suppressions
from privscan.model import ScanStatus
from privscan.policy import Policy
from privscan.sarif import markdown_summary, to_sarif
from privscan.spool import FindingSpool

# Lambda takes 6 MB per synchronous request and base64 adds a third: bigger files are not sent
MAX_POSTED_BYTES = 4 * 1024**2
UNSCANNABLE = {"unsupported_format", "binary"}  # skipped inside a directory walk, as in local mode


@dataclass
class FileResult:
    findings: list[dict] = field(default_factory=list)
    format: str | None = None
    verdict: str = "pass"
    error: str | None = None  # a content-free reason; None when scanned or skipped


def add_parser(subparsers) -> None:
    ci = subparsers.add_parser("ci", help="scan files in CI: exit 1 when policy is broken; SARIF and a summary")
    ci.add_argument("paths", nargs="*", default=["."])
    ci.add_argument("--changed-since", metavar="REF", help="only files changed since this git ref")
    ci.add_argument("--fail-on", choices=SEVERITIES, default="high")
    ci.add_argument(
        "--allow-entity", action="append", default=[], metavar="TYPE", help="entity type that never fails (repeatable)"
    )
    ci.add_argument(
        "--ignore-rule", action="append", default=[], metavar="RULE_ID", help="rule that never fails (repeatable)"
    )
    ci.add_argument("--sarif", help="write SARIF 2.1.0 here")
    ci.add_argument("--summary", help="write the markdown summary here (default: the job log)")
    ci.add_argument("--allow-list", help="YAML allow list / suppression rules (local mode; the API uses the stack's)")
    ci.add_argument("--endpoint", metavar="URL", help="scan through the privscan API at URL instead of locally")


def changed_files(ref: str) -> set[Path]:
    names = subprocess.run(
        ["git", "diff", "--name-only", f"{ref}...HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    return {Path(name).resolve() for name in names}


def local_scanner(allow_list: str | None, policy: Policy) -> Callable[[Path, bool], FileResult | None]:
    fingerprinter = local_fingerprinter()
    suppressions = Suppressions.from_yaml(Path(allow_list).read_text() if allow_list else None)

    def scan(path: Path, explicit: bool) -> FileResult | None:
        with FindingSpool() as spool:
            report = scan_file(path, fingerprinter, EngineConfig(), spool, suppressions)
            findings = list(spool.lines())
            if report.status is ScanStatus.DONE or (findings and not explicit and report.status not in INPUT_ERRORS):
                return FileResult(
                    findings, report.format, policy.verdict(findings)
                )  # a walk's unreadable file: its gap
        if report.status in INPUT_ERRORS or explicit:
            return FileResult(error=f"{report.outcome} ({report.reason})")
        return None

    return scan


def remote_scanner(endpoint: str, policy: Policy) -> Callable[[Path, bool], FileResult | None]:
    client = ApiClient(endpoint)

    def scan(path: Path, explicit: bool) -> FileResult | None:
        if not path.is_file():
            return FileResult(error="not_found (no such file)")
        if path.stat().st_size > MAX_POSTED_BYTES:
            return FileResult(
                error=f"too_large ({path.stat().st_size} bytes; the API scans up to {MAX_POSTED_BYTES} "
                "synchronously: upload the file to the bucket instead)"
            )
        request = {
            "file": {"name": path.name, "content_base64": base64.b64encode(path.read_bytes()).decode()},
            "object": path.as_posix(),
            "policy": policy.model_dump(mode="json"),
        }
        try:
            status, body = client.call("POST", "/scans", request)
        except ApiUnavailable as error:
            return FileResult(error=str(error))
        if status == 200:
            return FileResult(body["findings"], body["summary"].get("format"), body["verdict"])
        if status == 422 and body.get("outcome") in UNSCANNABLE and not explicit:
            return None
        return FileResult(error=f"{body.get('outcome') or 'HTTP ' + str(status)} ({body.get('message', 'no message')})")

    return scan


def run(args) -> int:
    try:
        only = changed_files(args.changed_since) if args.changed_since else None
    except (subprocess.CalledProcessError, FileNotFoundError):
        print(f"privscan ci: cannot list the files changed since {args.changed_since}", file=sys.stderr)
        return EXIT_ERROR
    policy = Policy(
        fail_on=args.fail_on, allowed_entities=frozenset(args.allow_entity), ignore_rules=frozenset(args.ignore_rule)
    )
    try:
        scan = remote_scanner(args.endpoint, policy) if args.endpoint else local_scanner(args.allow_list, policy)
    except (ApiUnavailable, OSError) as error:  # no credentials, an unreadable allow list: exit 2, not a traceback
        print(f"privscan ci: {error}", file=sys.stderr)
        return EXIT_ERROR
    collected: list[tuple[dict, str | None]] = []
    errors: list[str] = []
    failed = False
    for path, explicit in walk(args.paths):
        if only is not None and path.resolve() not in only:
            continue
        result = scan(path, explicit)
        if result is None:
            continue
        if result.error:
            errors.append(f"{path}: {result.error}")
        collected += [(finding, result.format) for finding in result.findings]
        failed |= result.verdict == "fail"
    findings = [f for f, _ in collected]
    verdict = "error" if errors else "fail" if failed else "pass"
    if args.sarif:
        Path(args.sarif).write_text(json.dumps(to_sarif(collected, Path.cwd()), indent=2))
    summary = markdown_summary(findings, verdict, args.fail_on, errors)
    if args.summary:
        Path(args.summary).write_text(summary)
    else:
        print(summary)
    return EXIT_ERROR if errors else EXIT_FAIL if failed else EXIT_PASS
