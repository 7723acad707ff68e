"""`privscan examine PATH...`: the AI Act examination of a training set (privscan.examine), as JSON or markdown."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from privscan.examine import Examiner, examine_stream

from privscan_tools.cli.scan_cmd import local_fingerprinter, walk

EXIT_OK, EXIT_ERROR = 0, 2


def add_parser(subparsers) -> None:
    examine = subparsers.add_parser(
        "examine", help="AI Act examination of a training set: bias, safeguards, training summary, duplicates"
    )
    examine.add_argument("paths", nargs="+")
    examine.add_argument("--label", metavar="COL", help="the label (outcome) column; detected when not given")
    examine.add_argument("--format", choices=["json", "markdown"], default="json")
    examine.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    examine.add_argument(
        "--no-scan", action="store_true", help="skip the personal-data scan (fast; no personal-data statistics)"
    )
    examine.add_argument("--sme", action="store_true", help="the SME variant of the top domains (5%%, at most 1,000)")
    examine.add_argument(
        "--erasure-file",
        metavar="FILE",
        help="identifiers a data subject asks to erase, one a line: the records holding each are listed",
    )


def run(args) -> int:
    fingerprinter = local_fingerprinter()
    examiner = Examiner(fingerprint=fingerprinter, label=args.label, sme=args.sme)
    try:
        status = _examine_all(args, examiner, fingerprinter)
        if status != EXIT_OK:
            return status
        erase = []
        if args.erasure_file:
            erase = [line.strip() for line in Path(args.erasure_file).read_text(encoding="utf-8").splitlines()]
        try:
            document = examiner.report(erase=[value for value in erase if value])
        except ValueError as error:  # a --label that is not a binary column
            print(f"privscan examine: {error}", file=sys.stderr)
            return EXIT_ERROR
    finally:
        examiner.close()
    if args.format == "markdown":
        from privscan_tools.reports.examination import examination_markdown

        text = examination_markdown(document)
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _examine_all(args, examiner: Examiner, fingerprinter) -> int:
    """Read (and scan) every file into the examiner; a status line each on stderr."""
    scanner = None
    if not args.no_scan:
        from privscan.engine import get_scanner
        from privscan.engine.config import EngineConfig

        scanner = get_scanner(EngineConfig())
    status = EXIT_OK
    for path, explicit in walk(args.paths):
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            status = EXIT_ERROR
            continue
        with path.open("rb") as stream:
            if scanner is None:
                result = examine_stream(str(path), stream, examiner)
                outcome, records = result["outcome"], result.get("records", 0)
            else:
                from privscan.pipeline import scan_stream

                report = scan_stream(
                    str(path), stream, scanner=scanner, fingerprinter=fingerprinter, sink=_drop, observer=examiner
                )
                outcome, records = report.outcome, report.records
                examiner.add_conversations(report.conversations)
        print(f"{path}: {outcome}, {records} records", file=sys.stderr)
        if explicit and outcome not in ("examined", "scanned", "empty"):
            status = EXIT_ERROR
    return status


def _drop(_finding) -> None:
    """Findings are not the examination's output (`privscan scan` writes them)."""
