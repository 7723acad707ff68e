"""`privscan ci`: the client a CI job runs. Exit 0 pass, 1 fail (policy broken), 2 errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from privscan.cli.scan_cmd import EXIT_ERROR, EXIT_FAIL, EXIT_PASS, INPUT_ERRORS, local_fingerprinter, scan_file, walk
from privscan.engine.config import SEVERITIES, EngineConfig, severity_rank
from privscan.engine.suppress import Suppressions
from privscan.model import ScanStatus
from privscan.sarif import markdown_summary, to_sarif
from privscan.spool import FindingSpool


def add_parser(subparsers) -> None:
    ci = subparsers.add_parser("ci", help="scan files in CI: exit 1 when policy is broken; SARIF and a summary")
    ci.add_argument("paths", nargs="*", default=["."])
    ci.add_argument("--changed-since", metavar="REF", help="only files changed since this git ref")
    ci.add_argument("--fail-on", choices=SEVERITIES, default="high")
    ci.add_argument("--sarif", help="write SARIF 2.1.0 here")
    ci.add_argument("--summary", help="write the markdown summary here (default: the job log)")
    ci.add_argument("--allow-list", help="YAML allow list / suppression rules")


def changed_files(ref: str) -> set[Path]:
    names = subprocess.run(["git", "diff", "--name-only", f"{ref}...HEAD"], capture_output=True, text=True,
                           check=True).stdout.split()
    return {Path(name).resolve() for name in names}


def run(args) -> int:
    try:
        only = changed_files(args.changed_since) if args.changed_since else None
    except (subprocess.CalledProcessError, FileNotFoundError):
        print(f"privscan ci: cannot list the files changed since {args.changed_since}", file=sys.stderr)
        return EXIT_ERROR
    fingerprinter = local_fingerprinter()
    suppressions = Suppressions.from_yaml(Path(args.allow_list).read_text() if args.allow_list else None)
    threshold = severity_rank(args.fail_on)
    collected: list[tuple[dict, str | None]] = []
    errors: list[str] = []
    for path, explicit in walk(args.paths):
        if only is not None and path.resolve() not in only:
            continue
        with FindingSpool() as spool:
            report = scan_file(path, fingerprinter, EngineConfig(), spool, suppressions)
            if report.status is ScanStatus.DONE:
                collected += [(line, report.format) for line in spool.lines()]
            elif report.status in INPUT_ERRORS or explicit:
                errors.append(f"{path}: {report.outcome} ({report.reason})")
    findings = [f for f, _ in collected]
    failed = any(severity_rank(f["severity"]) >= threshold for f in findings)
    verdict = "error" if errors else "fail" if failed else "pass"
    if args.sarif:
        Path(args.sarif).write_text(json.dumps(to_sarif(collected, Path.cwd()), indent=2))
    summary = markdown_summary(findings, verdict, args.fail_on, errors)
    if args.summary:
        Path(args.summary).write_text(summary)
    else:
        print(summary)
    return EXIT_ERROR if errors else EXIT_FAIL if failed else EXIT_PASS
