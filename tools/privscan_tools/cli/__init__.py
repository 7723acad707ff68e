"""The privscan command line."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import metadata

from privscan.vocabulary import REVIEW_STATUSES, SEVERITIES, Severity

from privscan_tools.cli import backfill_cmd, bench_cmd, ci_cmd, eval_cmd, examine_cmd, redact_cmd, report_cmd
from privscan_tools.cli.project_config import ConfigError, add_selection_arguments, find_project_config
from privscan_tools.cli.sizes import byte_size
from privscan_tools.console import EXIT_INTERRUPTED


def version() -> str:
    try:
        return metadata.version("privscan")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privscan", description="GDPR / EU AI Act privacy scanner for AI datasets")
    parser.add_argument("--version", action="version", version=f"privscan {version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    scan = commands.add_parser("scan", help="scan local files or directories")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files and directories to scan; - reads standard input")
    scan.add_argument(
        "--format",
        choices=["table", "jsonl", "json", "sarif"],
        default="table",
        help="table (default); jsonl: one finding a line, as found; json: one document with each file's summary; "
        "sarif: SARIF 2.1.0",
    )
    scan.add_argument("-o", "--output", metavar="FILE", help="write the findings to FILE instead of stdout")
    scan.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="exit 1 on findings at or above this (default: the project's fail_on, else high)",
    )
    scan.add_argument("--allow-list", help="YAML allow list / suppression rules (see engine/suppress.py)")
    add_selection_arguments(scan)
    scan.add_argument(
        "--stdin-name",
        metavar="NAME",
        help="with -: the name that tells standard input's format, e.g. data.csv (default: detected)",
    )
    scan.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress line on stderr (default: only when stderr is a terminal)",
    )
    scan.add_argument(
        "--chunk-size",
        type=byte_size,
        metavar="SIZE",
        help="plan, scan and reduce in chunks of SIZE (e.g. 1MB) as the scale-out path does; "
        "findings in canonical order",
    )

    demo = commands.add_parser("demo", help="run the whole pipeline on an embedded local AWS with sample data")
    demo.add_argument("--port", type=int)
    demo.add_argument("--report-dir", default="build/demo-report", help="where the demo writes the dataset report")

    serve = commands.add_parser("serve", help="keep the local stack up; prints its endpoint as one JSON line")
    serve.add_argument("--port", type=int)
    serve.add_argument("--api-port", type=int, help="port of the local API (default: a free one)")

    bench_cmd.add_parser(commands)
    eval_cmd.add_parser(commands)
    ci_cmd.add_parser(commands)
    report_cmd.add_parser(commands)
    backfill_cmd.add_parser(commands)
    examine_cmd.add_parser(commands)
    redact_cmd.add_parser(commands)

    findings = commands.add_parser("findings", help="read findings from DynamoDB")
    findings_commands = findings.add_subparsers(dest="findings_command", required=True)
    listing = findings_commands.add_parser("list")
    listing.add_argument("--endpoint", help="endpoint of `privscan serve` (local stack)")
    listing.add_argument("--bucket")
    listing.add_argument("--table")
    listing.add_argument("--object", dest="object_key", help="S3 key of one object")
    listing.add_argument("--prefix", default="", help="dataset prefix")
    listing.add_argument("--severity", choices=SEVERITIES, help="open findings of this severity")
    listing.add_argument("--format", choices=["table", "jsonl"], default="table")
    listing.add_argument("--api", metavar="URL", help="read through the privscan API (SigV4) instead of DynamoDB")
    listing.add_argument("--status", help="review status (with --api)")
    listing.add_argument("--rule", help="rule id (with --api)")
    listing.add_argument("--entity-type", help="entity type (with --api)")
    show = findings_commands.add_parser("show", help="one finding, its occurrences and audit trail (through the API)")
    show.add_argument("finding_id")
    show.add_argument("--api", metavar="URL", required=True)
    show.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default): a readable view; json: the API's"
    )
    reveal = findings_commands.add_parser(
        "reveal", help="the text around a finding, read from its object now (reviewers; audited, never stored)"
    )
    reveal.add_argument("finding_id")
    reveal.add_argument("--api", metavar="URL", required=True)
    reveal.add_argument("--key", help="the object's key, when its key holds personal data (stored masked)")
    reveal.add_argument("--format", choices=["text", "json"], default="text")
    review = findings_commands.add_parser("review", help="set a finding's review status (through the API)")
    review.add_argument("finding_id")
    review.add_argument("--api", metavar="URL", required=True)
    review.add_argument("--status", required=True, choices=REVIEW_STATUSES)
    review.add_argument("--note", default="")
    review.add_argument(
        "--suppress", choices=["fingerprint", "pattern"], help="false positives: make a suppression rule"
    )
    review.add_argument("--pattern", help="with --suppress pattern: regular expression of whole values")
    review.add_argument("--prefix", help="with --suppress: key prefix the rule covers (default: the finding's object)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; a closed pipe (`| head`) ends it quietly, Ctrl-C with one line."""
    args = build_parser().parse_args(argv)
    try:
        return run_command(args)
    except ConfigError as error:
        print(f"privscan: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away: further writes (and the interpreter's final flush) must not raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("privscan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def run_command(args: argparse.Namespace) -> int:
    if args.command == "scan":
        from privscan_tools.cli.scan_cmd import run_scan

        project = find_project_config()
        return run_scan(
            args.paths,
            args.format,
            args.fail_on or project.fail_on or Severity.HIGH,
            allow_list=args.allow_list or project.allow_list,
            chunk_bytes=args.chunk_size,
            output=args.output,
            include=tuple(args.include) or project.include,
            exclude=(*project.exclude, *args.exclude),
            stdin_name=args.stdin_name,
            show_progress=args.progress,
        )
    if args.command == "demo":
        from privscan_tools.cli.local_cmd import run_demo

        return run_demo(args.port, report_dir=args.report_dir)
    if args.command == "serve":
        from privscan_tools.cli.local_cmd import run_serve

        return run_serve(args.port, args.api_port)
    if args.command == "bench":
        return bench_cmd.run(args)
    if args.command == "eval":
        return eval_cmd.run(args)
    if args.command == "ci":
        return ci_cmd.run(args)
    if args.command == "report":
        return report_cmd.run(args)
    if args.command == "findings" and (args.findings_command != "list" or args.api):
        from privscan_tools.cli.review_cmd import run

        return run(args)
    if args.command == "backfill":
        return backfill_cmd.run(args)
    if args.command == "examine":
        return examine_cmd.run(args)
    if args.command == "redact":
        return redact_cmd.run(args)
    if args.command == "findings":
        from privscan_tools.cli.findings_cmd import list_findings

        return list_findings(
            args.endpoint, args.bucket, args.table, args.object_key, args.prefix, args.severity, args.format
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
