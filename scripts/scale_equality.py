"""Chunked == single pass on large files, each pass in its own process and findings kept on disk.

`scripts/scale_check.py` holds both passes' findings in memory; this one is for gigabytes:

    uv run python scripts/scale_equality.py generate features-csv 2048 big.csv
    uv run python scripts/scale_equality.py scan big.csv single.jsonl                  # one pass
    uv run python scripts/scale_equality.py scan big.csv chunked.jsonl --chunk-mb 64   # planner, chunks, reducer
    uv run python scripts/scale_equality.py compare single.jsonl chunked.jsonl

`scan` writes every finding whole (`Finding.to_dict`: record, field, span, fingerprint, occurrences,
counts, rule ids) one per line, and the scan's figures to `<out>.report.json`. `compare` sorts the
single pass by `canonical_key` (the chunked path already emits in that order) and compares line for
line. Both passes must use the same fingerprint key (a fixed one here). Data are generated
(privscan_tools.bench.bulk: invented people).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.ingest.chunked.local import scan_file_chunked
from privscan.ingest.chunked.work import canonical_key
from privscan.model import Finding
from privscan.pipeline import scan_stream
from privscan_tools.bench.bulk import write_chats, write_csv, write_features_csv

KEY = Fingerprinter("scale-equality-key-0123456789abcdef")
SHAPES = {
    "customers-csv": write_csv,
    "features-csv": write_features_csv,
    "chat-jsonl": write_chats,
    "chat-embedding-jsonl": lambda path, mb: write_chats(path, mb, embedding=384),
}


def line_of(finding: Finding) -> str:
    return json.dumps(finding.to_dict(), sort_keys=True)


def generate(shape: str, megabytes: float, path: Path) -> None:
    started = time.perf_counter()
    size = SHAPES[shape](path, megabytes)
    print(
        json.dumps(
            {"generated": str(path), "shape": shape, "bytes": size, "seconds": round(time.perf_counter() - started, 1)}
        )
    )


def scan(path: Path, out: Path, chunk_mb: float | None) -> None:
    scanner = get_scanner()
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as lines:

        def sink(finding: Finding) -> None:
            lines.write(line_of(finding) + "\n")

        if chunk_mb:
            report = scan_file_chunked(
                path, int(chunk_mb * 1024**2), scanner=scanner, fingerprinter=KEY, sink=sink, object_name=path.name
            )
        else:
            with path.open("rb") as stream:
                report = scan_stream(path.name, stream, scanner=scanner, fingerprinter=KEY, sink=sink)
    seconds = time.perf_counter() - started
    mb = path.stat().st_size / 1024**2
    figures = {
        "file": path.name,
        "mode": f"chunked {chunk_mb:g} MB" if chunk_mb else "single pass",
        "status": str(report.status),
        "format": report.format,
        "records": report.records,
        "findings": report.findings_total,
        "mb": round(mb, 1),
        "seconds": round(seconds, 1),
        "mb_per_s": round(mb / seconds, 3),
    }
    Path(f"{out}.report.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures))


def _digest(lines: list[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def compare(single_path: Path, chunked_path: Path) -> bool:
    single = [Finding(**json.loads(line)) for line in single_path.open(encoding="utf-8")]
    expected = [line_of(f) for f in sorted(single, key=canonical_key)]
    got = chunked_path.read_text(encoding="utf-8").splitlines()
    first_difference = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), None)
    records = {f.record for f in single if f.record is not None}
    result = {
        "single": len(expected),
        "chunked": len(got),
        "identical": expected == got,
        "first_difference": first_difference,
        "records_with_findings": len(records),
        "last_record": max(records, default=None),
        "sha256_single_sorted": _digest(expected),
        "sha256_chunked": _digest(got),
    }
    print(json.dumps(result))
    return result["identical"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("generate")
    make.add_argument("shape", choices=sorted(SHAPES))
    make.add_argument("mb", type=float)
    make.add_argument("path", type=Path)
    run = commands.add_parser("scan")
    run.add_argument("path", type=Path)
    run.add_argument("out", type=Path)
    run.add_argument("--chunk-mb", type=float)
    check = commands.add_parser("compare")
    check.add_argument("single", type=Path)
    check.add_argument("chunked", type=Path)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.shape, args.mb, args.path)
    elif args.command == "scan":
        scan(args.path, args.out, args.chunk_mb)
    else:
        return 0 if compare(args.single, args.chunked) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
