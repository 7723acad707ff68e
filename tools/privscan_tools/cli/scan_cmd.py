"""`privscan scan PATH...`: scan local files with the same engine and readers as the Lambda function."""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig, severity_rank
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MaskingPolicy
from privscan.engine.suppress import Suppressions
from privscan.ingest.chunked.local import scan_file_chunked
from privscan.model import ScanStatus
from privscan.pipeline import ScanReport, rejected, scan_stream
from privscan.store.keyring import fingerprinter_from_secret
from privscan.store.spool import FindingSpool

from privscan_tools.cli.output import jsonl_line, print_findings
from privscan_tools.reports.sarif import to_sarif

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
# A file named on the command line must be scannable; inside a directory walk, non-data files are skipped.
INPUT_ERRORS = {ScanStatus.REJECTED, ScanStatus.FAILED}


def walk(paths: list[str]) -> Iterator[tuple[Path, bool]]:
    """Files to scan, with whether each was named explicitly."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield child, False
        else:
            yield path, True


def local_fingerprinter() -> Fingerprinter:
    """PRIVSCAN_FINGERPRINT_KEY (a key or a keyring, privscan/keyring.py) makes fingerprints comparable across
    runs; otherwise a per-run key."""
    return fingerprinter_from_secret(os.environ.get("PRIVSCAN_FINGERPRINT_KEY") or secrets.token_hex(32))


def scan_file(
    path: Path,
    fingerprinter: Fingerprinter,
    config: EngineConfig,
    sink: Callable[[dict], None],
    suppressions: Suppressions,
    chunk_bytes: int | None = None,
) -> ScanReport:
    """Scan one file, passing each finding's contract dict to `sink` as it is found. A file that cannot be
    read is named as findings name it (a part holding personal data masked)."""
    scanner = get_scanner(config)
    shown = MaskingPolicy(fingerprinter, scanner.names).object_name(str(path))
    if not path.is_file():
        return rejected(shown, "not_found", "no such file", ScanStatus.FAILED)
    engine = {
        "scanner": scanner,
        "fingerprinter": fingerprinter,
        "sink": lambda finding: sink(finding.contract()),
        "suppressor": suppressions.for_object(None, str(path), fingerprinter),
    }
    try:
        if chunk_bytes:
            return scan_file_chunked(path, chunk_bytes, **engine)
        with path.open("rb") as stream:
            return scan_stream(str(path), stream, **engine)
    except BrokenPipeError:
        raise  # the reader of the output went away, not a problem of the file
    except OSError as error:
        return rejected(shown, "unreadable", f"cannot read file ({error.strerror})", ScanStatus.FAILED)


def run_scan(
    paths: list[str],
    fmt: str,
    fail_on: str,
    config: EngineConfig | None = None,
    allow_list: str | None = None,
    chunk_bytes: int | None = None,
    output: str | None = None,
) -> int:
    """Scan `paths` and write their findings as `fmt` (table, jsonl, json or sarif) to `output` or stdout;
    JSONL lines are written as findings are found, the other formats once every file is scanned."""
    config = config or EngineConfig()
    fingerprinter = local_fingerprinter()
    suppressions = Suppressions.from_yaml(Path(allow_list).read_text(encoding="utf-8") if allow_list else None)
    for problem in suppressions.problems:  # skipped, the rest applied; the exit code says so
        print(f"{allow_list}: {problem}, skipped", file=sys.stderr)
    threshold = severity_rank(fail_on)
    failed, errored = False, bool(suppressions.problems)
    collected: list[tuple[dict, str | None]] = []  # (finding, file format), for the documents written at the end
    reports: list[ScanReport] = []
    with _opened(output) as out:
        for path, explicit in walk(paths):
            report = _scan_one(path, fingerprinter, config, suppressions, chunk_bytes, fmt, out, collected)
            reports.append(report)
            if report.status is ScanStatus.DONE:
                failed |= any(severity_rank(s) >= threshold for s in report.by_severity)
            elif report.status in INPUT_ERRORS or explicit:
                errored = True
        _write_document(fmt, collected, reports, out)
    if errored:
        return EXIT_ERROR
    return EXIT_FAIL if failed else EXIT_PASS


def _scan_one(
    path: Path,
    fingerprinter: Fingerprinter,
    config: EngineConfig,
    suppressions: Suppressions,
    chunk_bytes: int | None,
    fmt: str,
    out: TextIO,
    collected: list[tuple[dict, str | None]],
) -> ScanReport:
    """One file: JSONL lines to `out` at once, other formats' findings kept in `collected`; a status line."""
    with FindingSpool() as spool:
        sink = (lambda contract: print(jsonl_line(contract), file=out, flush=True)) if fmt == "jsonl" else spool
        report = scan_file(path, fingerprinter, config, sink, suppressions, chunk_bytes)
        if report.status is ScanStatus.DONE:
            collected.extend((line, report.format) for line in spool.lines())
    reason = f": {report.reason})" if report.reason else ")"
    note = f"{report.object}: {report.status} ({report.outcome}{reason}"
    print(f"{note}, {report.records} records, {report.findings_total} findings", file=sys.stderr)
    return report


def _write_document(fmt: str, collected: list[tuple[dict, str | None]], reports: list[ScanReport], out) -> None:
    """The table, the JSON document (findings and each file's summary) or SARIF 2.1.0, once all is scanned."""
    findings = [finding for finding, _ in collected]
    if fmt == "table":
        print_findings(findings, fmt, out)
    elif fmt == "json":
        document = {"findings": findings, "objects": [report.summary() for report in reports]}
        print(json.dumps(document, indent=2, ensure_ascii=False), file=out)
    elif fmt == "sarif":
        print(json.dumps(to_sarif(collected, Path.cwd()), indent=2, ensure_ascii=False), file=out)


@contextmanager
def _opened(output: str | None) -> Iterator[TextIO]:
    """The file named `output` (written as UTF-8), or this process's stdout."""
    if output is None or output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8") as handle:
        yield handle
