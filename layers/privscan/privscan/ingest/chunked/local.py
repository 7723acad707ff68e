"""A chunked scan of a local file: the planner, every chunk and the reducer, in this process.

The engine already spreads each chunk over every vCPU (engine/parallel.py), so chunks run one after
the other here; on AWS they are the children of a Step Functions Distributed Map.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import Scanner
from privscan.engine.suppress import ObjectSuppressor
from privscan.ingest.chunked.plan import plan_object
from privscan.ingest.chunked.reduce import reduce_chunks
from privscan.ingest.chunked.source import FileSource
from privscan.ingest.chunked.work import read_part, scan_chunk_part
from privscan.model import Finding
from privscan.pipeline import ScanReport
from privscan.readers.base import ReadLimits


def scan_file_chunked(
    path: Path,
    chunk_bytes: int,
    *,
    scanner: Scanner,
    fingerprinter: Fingerprinter,
    sink: Callable[[Finding], None],
    object_name: str | None = None,
    suppressor: ObjectSuppressor | None = None,
    limits: ReadLimits | None = None,
) -> ScanReport:
    with tempfile.TemporaryDirectory(prefix="privscan-chunks-") as tmp:
        work = Path(tmp)
        plan, source = plan_object(
            object_name or str(path),
            FileSource(path),
            chunk_bytes=chunk_bytes,
            scanner=scanner,
            fingerprinter=fingerprinter,
            limits=limits,
            stage=lambda stream: FileSource.copy_of(stream, work / "inflated"),
        )
        engine = {"scanner": scanner, "fingerprinter": fingerprinter, "suppressor": suppressor, "limits": limits}
        files = []
        for chunk in plan.chunks:
            files.append(work / f"part-{chunk.index:05d}.jsonl")
            with files[-1].open("wb") as out:
                scan_chunk_part(plan, chunk.index, source, out, **engine)
        return reduce_chunks(plan, [_part(file) for file in files], sink, scanner.config, limits)


def _part(file: Path):
    with file.open("rb") as lines:
        result, _ = read_part(lines)

    def findings():
        with file.open("rb") as lines:
            yield from read_part(lines)[1]

    return result, findings
