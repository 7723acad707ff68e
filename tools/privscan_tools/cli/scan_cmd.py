"""`privscan scan PATH...`: scan local files with the same engine and readers as the Lambda function."""

from __future__ import annotations

import io
import json
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TextIO

from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig, severity_rank
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MaskingPolicy
from privscan.engine.suppress import Suppressions
from privscan.ingest.chunked.local import scan_file_chunked
from privscan.model import ScanStatus
from privscan.pipeline import ScanReport, rejected, scan_each, scan_stream
from privscan.store.keyring import fingerprinter_from_secret
from privscan.store.spool import FindingSpool

from privscan_tools.cli.output import StreamingTable, jsonl_line, print_findings, table_width
from privscan_tools.cli.progress import Progress
from privscan_tools.reports.sarif import to_sarif

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
# A file named on the command line must be scannable; inside a directory walk, non-data files are skipped.
INPUT_ERRORS = {ScanStatus.REJECTED, ScanStatus.FAILED}


STDIN = "-"


def walk(paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Iterator[tuple[Path, bool]]:
    """Files to scan, with whether each was named explicitly. A directory is walked in name order, hidden
    files and folders (`.git`, `.venv`) left out, then `include` and `exclude` globs applied (`selected`);
    a file named on the command line is always scanned. `-` stands for standard input."""
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if not any(part.startswith(".") for part in relative.parts) and selected(relative, include, exclude):
                    yield child, False
        else:
            yield path, True


def selected(relative: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """Whether a walked file passes the globs. A glob matches the file's path below the walked directory,
    its name, or one of its folders (`fixtures` or `data/tmp/*` exclude everything below them); `*` crosses
    folders, so `*.csv` is every CSV at any depth."""

    def matches(pattern: str) -> bool:
        candidates = [relative.as_posix(), relative.name, *(p.as_posix() for p in relative.parents if p.parts)]
        return any(fnmatch(candidate, pattern.rstrip("/")) for candidate in candidates)

    if include and not any(matches(pattern) for pattern in include):
        return False
    return not any(matches(pattern) for pattern in exclude)


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
    progress: Progress | None = None,
    stdin_name: str | None = None,
) -> ScanReport:
    """Scan one file (`-`: standard input, named `stdin_name` for its format), passing each finding's
    contract dict to `sink` as it is found. A file that cannot be read is named as findings name it (a part
    holding personal data masked)."""
    scanner = get_scanner(config)
    progress = progress or Progress(1, enabled=False)
    is_stdin = str(path) == STDIN
    name = (stdin_name or "stdin") if is_stdin else str(path)
    shown = MaskingPolicy(fingerprinter, scanner.names).object_name(name)
    if not is_stdin and not path.is_file():
        return rejected(shown, "not_found", "no such file", ScanStatus.FAILED)

    def counted(finding) -> None:
        progress.found()
        sink(finding.contract())

    engine = {
        "scanner": scanner,
        "fingerprinter": fingerprinter,
        "sink": counted,
        "suppressor": suppressions.for_object(None, name, fingerprinter),
    }
    try:
        if is_stdin:
            return _scan_stdin(name, progress, shown, engine)
        if chunk_bytes:
            progress.start_file(shown, path.stat().st_size)
            return scan_file_chunked(path, chunk_bytes, **engine)
        with path.open("rb") as stream:
            progress.start_file(shown, path.stat().st_size, stream.fileno())
            return scan_stream(str(path), stream, **engine)
    except BrokenPipeError:
        raise  # the reader of the output went away, not a problem of the file
    except OSError as error:
        return rejected(shown, "unreadable", f"cannot read file ({error.strerror})", ScanStatus.FAILED)


def _scan_stdin(name: str, progress: Progress, shown: str, engine: dict) -> ScanReport:
    """Standard input, streamed: the readers spool what they must seek in (Parquet, PDF, archives) themselves.
    A file redirected to stdin shows its size and position in the progress line; a pipe shows neither."""
    stream = sys.stdin.buffer
    try:
        fd = stream.fileno()
        info = os.fstat(fd)
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd, size = None, 0
    progress.start_file(shown, size, fd if size else None)
    return scan_stream(name, stream, file_name=name, **engine)


def run_scan(
    paths: list[str],
    fmt: str,
    fail_on: str,
    config: EngineConfig | None = None,
    allow_list: str | None = None,
    chunk_bytes: int | None = None,
    output: str | None = None,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    stdin_name: str | None = None,
    show_progress: bool | None = None,
) -> int:
    """Scan `paths` and write their findings as `fmt` (table, jsonl, json or sarif) to `output` or stdout;
    JSONL lines are written as findings are found, the other formats once every file is scanned. On a
    terminal a progress line shows the file, the bytes read and the findings so far (`show_progress`
    forces it on or off)."""
    config = config or EngineConfig()
    fingerprinter = local_fingerprinter()
    suppressions = Suppressions.from_yaml(Path(allow_list).read_text(encoding="utf-8") if allow_list else None)
    for problem in suppressions.problems:  # skipped, the rest applied; the exit code says so
        print(f"{allow_list}: {problem}, skipped", file=sys.stderr)
    threshold = severity_rank(fail_on)
    failed, errored = False, bool(suppressions.problems)
    collected: list[tuple[dict, str | None]] = []  # (finding, file format), for the documents written at the end
    reports: list[ScanReport] = []
    files = list(walk(paths, include, exclude))
    progress = Progress(len(files), enabled=show_progress)
    job = _ScanJob(fingerprinter, config, suppressions, chunk_bytes, fmt, collected, progress, stdin_name)
    try:
        with _opened(output) as out:
            if fmt == "table" and _is_terminal(out):
                job.live = StreamingTable(table_width(out))
            for (_, explicit), report in zip(files, job.scan_all([path for path, _ in files], out), strict=True):
                reports.append(report)
                if report.status is ScanStatus.DONE:
                    failed |= any(severity_rank(s) >= threshold for s in report.by_severity)
                elif report.status in INPUT_ERRORS or explicit:
                    errored = True
            progress.close()
            if job.live is not None:
                print(job.live.totals(), file=out)
            else:
                _write_document(fmt, collected, reports, out)
    finally:
        progress.close()
    if errored:
        return EXIT_ERROR
    return EXIT_FAIL if failed else EXIT_PASS


@dataclass
class _ScanJob:
    """What every file of one `privscan scan` shares: keys, engine, allow list, output format, progress."""

    fingerprinter: Fingerprinter
    config: EngineConfig
    suppressions: Suppressions
    chunk_bytes: int | None
    fmt: str
    collected: list[tuple[dict, str | None]]
    progress: Progress
    stdin_name: str | None

    live: StreamingTable | None = None  # a table on a terminal: rows as findings arrive

    def scan_all(self, paths: list[Path], out: TextIO) -> Iterator[ScanReport]:
        """Every file's report, in the order given. One file, or an engine without worker processes: each file's
        findings go to `out` as they are found. Several files with workers: files are scanned side by side
        (`pipeline.scan_each`), each into a spool of its own, and a file's findings are written once it and the
        files before it are done, so the output is in the same order either way."""
        scanner = get_scanner(self.config)
        if len(paths) < 2 or not scanner.concurrent or self.chunk_bytes:
            yield from (self.scan(path, out) for path in paths)
            return
        streamed = self.fmt == "jsonl" or self.live is not None
        for report, spool in scan_each(paths, self._scan_to_spool, scanner, size=_file_size):
            with spool:
                if streamed:
                    for line in spool.lines():
                        self._sink(out)(line)
                self._done(report, None if streamed else spool)
                yield report

    def _scan_to_spool(self, path: Path) -> tuple[ScanReport, FindingSpool]:
        spool = FindingSpool()
        try:
            return self._scan_file(path, spool), spool
        except BaseException:
            spool.close()
            raise

    def scan(self, path: Path, out: TextIO) -> ScanReport:
        """One file: JSONL lines (and a terminal's table rows) to `out` at once, other formats' findings kept in
        `collected`; a status line."""
        with FindingSpool() as spool:
            streamed = self.fmt == "jsonl" or self.live is not None
            report = self._scan_file(path, self._sink(out) if streamed else spool)
            self._done(report, None if streamed else spool)
        return report

    def _sink(self, out: TextIO) -> Callable[[dict], None]:
        """Where a finding goes at once: a JSONL line or a terminal table row on `out`, else nowhere yet."""
        if self.fmt == "jsonl":
            return lambda c: print(jsonl_line(c), file=out, flush=True)
        if self.live is not None:
            return lambda c: self.progress.message(self.live.row(c), to=out)
        return lambda c: None

    def _scan_file(self, path: Path, sink: Callable[[dict], None]) -> ScanReport:
        return scan_file(
            path,
            self.fingerprinter,
            self.config,
            sink,
            self.suppressions,
            self.chunk_bytes,
            self.progress,
            self.stdin_name,
        )

    def _done(self, report: ScanReport, spool: FindingSpool | None) -> None:
        """Keep a finished file's spooled findings for the documents written at the end; its status line."""
        if spool is not None and report.status is ScanStatus.DONE:
            self.collected.extend((line, report.format) for line in spool.lines())
        reason = f": {report.reason})" if report.reason else ")"
        note = f"{report.object}: {report.status} ({report.outcome}{reason}"
        self.progress.message(f"{note}, {report.records} records, {report.findings_total} findings")


def _file_size(path: Path) -> int:
    """A file's size, for starting the largest first; 0 for standard input or a file gone."""
    try:
        return path.stat().st_size if str(path) != STDIN else 0
    except OSError:
        return 0


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


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _opened(output: str | None) -> Iterator[TextIO]:
    """The file named `output` (written as UTF-8), or this process's stdout."""
    if output is None or output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8") as handle:
        yield handle
