"""`privscan ci`: the client a CI job runs. Exit 0 pass, 1 fail (policy broken), 2 errors.

Files are scanned here (local mode) or posted to the scan API (`--endpoint`, requests signed
with SigV4 from the usual AWS credentials); either way one Policy decides, and the SARIF and
summary are the same.

With `--changed-since`, every file changed since the ref (under the paths given) is scanned as if
named on the command line: a changed file that cannot be scanned (an unsupported or binary format,
unreadable, rejected) fails the job with exit 2 and is named in the summary. `--allow-unscannable`
lets the unsupported and binary ones pass; they are still listed, as not scanned. An allow list
with unusable entries (engine/suppress.py) also exits 2, its usable entries applied.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from privscan.engine.config import SEVERITIES, EngineConfig
from privscan.engine.suppress import Suppressions
from privscan.model import ScanStatus
from privscan.review.policy import Policy
from privscan.store.spool import FindingSpool
from privscan.vocabulary import Severity

from privscan_tools.cli.api_client import ApiClient, ApiUnavailable
from privscan_tools.cli.project_config import add_selection_arguments, find_project_config
from privscan_tools.cli.scan_cmd import (
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_PASS,
    INPUT_ERRORS,
    local_fingerprinter,
    scan_file,
    selected,
    walk,
)
from privscan_tools.reports.sarif import markdown_summary, to_sarif

# Lambda takes 6 MB per synchronous request and base64 adds a third: bigger files are not sent
MAX_POSTED_BYTES = 4 * 1024**2
UNSCANNABLE = {"unsupported_format", "binary"}  # skipped inside a directory walk, as in local mode


@dataclass
class FileResult:
    findings: list[dict] = field(default_factory=list)
    format: str | None = None
    verdict: str = "pass"
    error: str | None = None  # a content-free reason; None when scanned or skipped
    outcome: str | None = None  # with an error: the outcome code (unsupported_format, binary, malformed, ...)


def add_parser(subparsers) -> None:
    ci = subparsers.add_parser("ci", help="scan files in CI: exit 1 when policy is broken; SARIF and a summary")
    ci.add_argument("paths", nargs="*", default=["."])
    ci.add_argument("--changed-since", metavar="REF", help="only files changed since this git ref")
    ci.add_argument(
        "--allow-unscannable",
        action="store_true",
        help="with --changed-since: changed files of unsupported or binary formats pass (listed as not scanned)",
    )
    ci.add_argument(
        "--fail-on", choices=SEVERITIES, help="fail on findings at or above this (default: the project's, else high)"
    )
    add_selection_arguments(ci)
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


def changed_files(ref: str) -> list[Path]:
    """Files added, copied, modified, renamed or retyped since the merge base of `ref` and HEAD.

    Git's NUL-separated output names each file exactly, spaces and non-ASCII characters included
    (with `-z` git quotes nothing, whatever core.quotePath says). Deleted files leave nothing to scan.
    """
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, check=True).stdout
    root = Path(os.fsdecode(top.rstrip(b"\n"))).resolve()
    names = subprocess.run(
        ["git", "diff", "-z", "--name-only", "--diff-filter=ACMRT", f"{ref}...HEAD"], capture_output=True, check=True
    ).stdout
    return sorted({root / os.fsdecode(name) for name in names.split(b"\0") if name})


def targets(
    paths: list[str], changed: list[Path] | None, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Iterator[tuple[Path, bool]]:
    """The files to scan, with whether each must be scannable: the walk of `paths`, or the `changed`
    files under them that pass the globs, each one as if named on the command line (relative to here when
    it is below)."""
    if changed is None:
        yield from walk(paths, include, exclude)
        return
    roots = [Path(raw).resolve() for raw in paths]
    here = Path.cwd().resolve()
    for path in changed:
        root = next((root for root in roots if path == root or root in path.parents), None)
        if root is not None and (path == root or selected(path.relative_to(root), include, exclude)):
            yield (path.relative_to(here) if here in path.parents else path), True


def local_scanner(suppressions: Suppressions, policy: Policy) -> Callable[[Path, bool], FileResult | None]:
    fingerprinter = local_fingerprinter()

    def scan(path: Path, explicit: bool) -> FileResult | None:
        with FindingSpool() as spool:
            report = scan_file(path, fingerprinter, EngineConfig(), spool, suppressions)
            findings = list(spool.lines())
            if report.status is ScanStatus.DONE or (findings and not explicit and report.status not in INPUT_ERRORS):
                return FileResult(
                    findings, report.format, policy.verdict(findings)
                )  # a walk's unreadable file: its gap
        if report.status in INPUT_ERRORS or explicit:
            return FileResult(error=f"{report.outcome} ({report.reason})", outcome=report.outcome)
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
        outcome = body.get("outcome")
        return FileResult(
            error=f"{outcome or 'HTTP ' + str(status)} ({body.get('message', 'no message')})", outcome=outcome
        )

    return scan


def scan_targets(
    scan: Callable[[Path, bool], FileResult | None], files: Iterator[tuple[Path, bool]]
) -> Iterator[tuple[Path, FileResult]]:
    """Each file with its result; the files a directory walk skips (no result) are left out."""
    for path, explicit in files:
        result = scan(path, explicit)
        if result is not None:
            yield path, result


def load_allow_list(path: str | None) -> tuple[Suppressions, list[str]]:
    """The allow list (local mode), and an error for each of its entries or patterns that was skipped."""
    suppressions = Suppressions.from_yaml(Path(path).read_text(encoding="utf-8") if path else None)
    return suppressions, [f"{path}: {problem}, skipped" for problem in suppressions.problems]


def run(args) -> int:
    try:
        only = changed_files(args.changed_since) if args.changed_since else None
    except (subprocess.CalledProcessError, FileNotFoundError):
        print(f"privscan ci: cannot list the files changed since {args.changed_since}", file=sys.stderr)
        return EXIT_ERROR
    project = find_project_config()
    args.fail_on = args.fail_on or project.fail_on or Severity.HIGH
    args.allow_list = args.allow_list or project.allow_list
    policy = Policy(
        fail_on=args.fail_on,
        allowed_entities=frozenset((*project.allow_entities, *args.allow_entity)),
        ignore_rules=frozenset((*project.ignore_rules, *args.ignore_rule)),
    )
    selection = (tuple(args.include) or project.include, (*project.exclude, *args.exclude))
    errors: list[str] = []
    try:
        if args.endpoint:
            scan = remote_scanner(args.endpoint, policy)
        else:
            suppressions, errors = load_allow_list(args.allow_list)
            scan = local_scanner(suppressions, policy)
    except (ApiUnavailable, OSError) as error:  # no credentials, an unreadable allow list: exit 2, not a traceback
        print(f"privscan ci: {error}", file=sys.stderr)
        return EXIT_ERROR
    collected: list[tuple[dict, str | None]] = []
    not_scanned: list[str] = []
    failed = False
    for path, result in scan_targets(scan, targets(args.paths, only, *selection)):
        if result.error:
            allowed = args.allow_unscannable and result.outcome in UNSCANNABLE
            (not_scanned if allowed else errors).append(f"{path}: {result.error}")
        collected += [(finding, result.format) for finding in result.findings]
        failed |= result.verdict == "fail"
    findings = [f for f, _ in collected]
    verdict = "error" if errors else "fail" if failed else "pass"
    if args.sarif:
        Path(args.sarif).write_text(json.dumps(to_sarif(collected, Path.cwd()), indent=2))
    summary = markdown_summary(findings, verdict, args.fail_on, errors, not_scanned)
    if args.summary:
        Path(args.summary).write_text(summary)
    else:
        print(summary)
    return EXIT_ERROR if errors else EXIT_FAIL if failed else EXIT_PASS
