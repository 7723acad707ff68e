"""`privscan redact`: a de-identified copy of local files or directories, or of an S3 object or prefix.

Local: `privscan redact DATA/ -o CLEAN/` writes each file's copy at its path relative to the input
(named after the input directory, or the file's name) under CLEAN/, and CLEAN/redaction-manifest.json.
S3: `privscan redact s3://bucket/prefix -o s3://other/prefix` (`--endpoint` for a local stack).
Exit 0 when every file named was copied (a directory's unreadable or non-data files are listed in the
manifest as skipped), 2 when a file named on the command line could not be.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig
from privscan.engine.redact import MaskingPolicy
from privscan.engine.suppress import Suppressions
from privscan.redaction import Redactor, parse_operators, redact_stream
from privscan.redaction.objects import MANIFEST_NAME, manifest
from privscan.redaction.stream import RedactionReport, redacted_path
from privscan.vocabulary import RedactOperator, RedactStatus

from privscan_tools.cli.scan_cmd import EXIT_ERROR, EXIT_PASS, local_fingerprinter


def add_parser(subparsers) -> None:
    redact = subparsers.add_parser(
        "redact", help="write a de-identified copy of files, a directory or an S3 prefix, with a manifest"
    )
    redact.add_argument("paths", nargs="+", help="files or directories, or one s3://bucket/prefix")
    redact.add_argument(
        "-o", "--output", required=True, help="directory for the copies (not inside an input), or s3://bucket/prefix"
    )
    redact.add_argument(
        "--default",
        choices=[op.value for op in RedactOperator],
        default=RedactOperator.MASK.value,
        help="operator for every entity type not named by --operator (default: mask)",
    )
    redact.add_argument(
        "--operator",
        action="append",
        default=[],
        metavar="TYPE=OP",
        help="operator for one entity type, e.g. EMAIL_ADDRESS=hash, PERSON=fake, LOCATION=keep (repeatable)",
    )
    redact.add_argument(
        "--allow-list", metavar="FILE", help="YAML allow list: values reviewed as not personal are kept"
    )
    redact.add_argument("--endpoint", help="S3 endpoint (a `privscan serve` stack) for s3:// inputs")


def run(args, config: EngineConfig | None = None) -> int:
    try:
        operators = parse_operators(args.operator)
    except ValueError as bad:
        print(f"privscan redact: {bad}", file=sys.stderr)
        return EXIT_ERROR
    fingerprinter = local_fingerprinter()
    redactor = Redactor(fingerprinter, operators, RedactOperator(args.default))
    suppressions = Suppressions.from_yaml(
        Path(args.allow_list).read_text(encoding="utf-8") if args.allow_list else None
    )
    for problem in suppressions.problems:  # skipped, the rest applied, as `privscan scan` does
        print(f"{args.allow_list}: {problem}, skipped", file=sys.stderr)
    scanner = get_scanner(config or EngineConfig())
    if any(path.startswith("s3://") for path in args.paths) or args.output.startswith("s3://"):
        return _run_s3(args, scanner, fingerprinter, redactor, suppressions)
    return redact_local(args.paths, Path(args.output), scanner, fingerprinter, redactor, suppressions)


def _inputs(paths: list[str]) -> list[tuple[Path, str, bool]]:
    """(file, its path relative to the output directory, named explicitly) for every file to copy."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                files.append((child, f"{path.resolve().name}/{child.relative_to(path).as_posix()}", False))
        else:
            files.append((path, path.name, True))
    return files


def redact_local(paths, output: Path, scanner, fingerprinter, redactor: Redactor, suppressions: Suppressions) -> int:
    """Copy each file de-identified under `output`; write the manifest there."""
    resolved = output.resolve()
    for raw in paths:
        source = Path(raw).resolve()
        if source.is_dir() and (resolved == source or source in resolved.parents):
            print("privscan redact: the output directory may not be inside an input directory", file=sys.stderr)
            return EXIT_ERROR
    policy = MaskingPolicy(fingerprinter, scanner.names, scan_budget=None)
    reports: list[RedactionReport] = []
    errored = False
    for path, relative, explicit in _inputs(paths):
        report = _redact_file(
            path, output / redacted_path(relative, policy, redactor), scanner, fingerprinter, redactor, suppressions
        )
        reports.append(report)
        errored |= explicit and report.status is RedactStatus.SKIPPED
        where = f" -> {report.output}" if report.output else f" ({report.outcome}: {report.reason})"
        print(f"{report.object}: {report.status}, {report.replaced} values replaced{where}", file=sys.stderr)
    document = manifest(
        reports, redactor, source=", ".join(policy.object_name(p) for p in paths), destination=str(output)
    )
    output.mkdir(parents=True, exist_ok=True)
    (output / MANIFEST_NAME).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"manifest: {output / MANIFEST_NAME}", file=sys.stderr)
    return EXIT_ERROR if errored else EXIT_PASS


def _redact_file(path: Path, target: Path, scanner, fingerprinter, redactor, suppressions) -> RedactionReport:
    """One file's copy, written to a temporary file beside `target` and moved there only when whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".redacting-")
    try:
        with path.open("rb") as stream, os.fdopen(handle, "wb") as out:
            report = redact_stream(
                str(path),
                stream,
                out,
                scanner=scanner,
                fingerprinter=fingerprinter,
                redactor=redactor,
                suppressor=suppressions.for_object(None, str(path), fingerprinter),
            )
        if report.status is RedactStatus.REDACTED:
            os.replace(temporary, target)
            report.output = MaskingPolicy(fingerprinter, scanner.names).object_name(str(target))
        return report
    except OSError as error:
        report = RedactionReport(object=MaskingPolicy(fingerprinter, scanner.names).object_name(str(path)))
        report.skip("unreadable", f"cannot read file ({error.strerror})")
        return report
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _run_s3(args, scanner, fingerprinter, redactor: Redactor, suppressions: Suppressions) -> int:
    import boto3
    from privscan.redaction.objects import ObjectRedactor

    from privscan_tools.local.stack import aws_options

    if len(args.paths) != 1 or not args.paths[0].startswith("s3://") or not args.output.startswith("s3://"):
        print("privscan redact: an s3:// input takes one s3:// prefix and an s3:// --output", file=sys.stderr)
        return EXIT_ERROR
    bucket, _, prefix = args.paths[0].removeprefix("s3://").partition("/")
    target_bucket, _, target_prefix = args.output.removeprefix("s3://").partition("/")
    if target_prefix and not target_prefix.endswith("/"):
        target_prefix += "/"
    if bucket == target_bucket and (not target_prefix or target_prefix.startswith(prefix)):
        print("privscan redact: the output prefix may not be inside the input prefix", file=sys.stderr)
        return EXIT_ERROR
    s3 = boto3.client("s3", **aws_options(args.endpoint))
    service = ObjectRedactor(s3, scanner, fingerprinter, redactor, suppressions=suppressions)
    document = service.redact_prefix(bucket, prefix, target_bucket, target_prefix)
    for entry in document["objects"]:
        where = f" -> {entry['output']}" if entry["output"] else f" ({entry['outcome']}: {entry['reason']})"
        print(f"{entry['object']}: {entry['status']}, {entry['replaced']} values replaced{where}", file=sys.stderr)
    print(f"manifest: s3://{target_bucket}/{target_prefix}{MANIFEST_NAME}", file=sys.stderr)
    return EXIT_PASS
