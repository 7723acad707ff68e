"""Chunked == single pass, at a size: generate a synthetic CSV and chat JSONL, scan each both ways,
compare the findings line for line (single pass sorted by `canonical_key`), print per-chunk figures.

    uv run python scripts/scale_check.py --mb 8 --chunk-mb 1 [--files customers.csv,chats.jsonl] [--json out.json]

Files: customers.csv (names, e-mails, phones, IBANs, cities, free-text notes), chats.jsonl (support
conversations), structured.csv and structured.parquet (ids, e-mails, phones, IBANs, national ids,
dates, amounts, categories; no free text: the columnar path's tables).

Data are generated (privscan_tools.bench.bulk: invented people). Per-chunk throughput is what one chunk
worker sustains on this machine (all of its vCPUs), the figure the README's scale model uses.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.ingest.chunked.plan import plan_object
from privscan.ingest.chunked.reduce import reduce_chunks
from privscan.ingest.chunked.source import FileSource
from privscan.ingest.chunked.work import canonical_key, read_part, scan_chunk_part
from privscan.pipeline import scan_stream
from privscan_tools.bench.bulk import write_chats, write_csv
from privscan_tools.bench.tables import write_structured_csv, write_structured_parquet

KEY = Fingerprinter("scale-check-key-0123456789abcdef")
WRITERS = {
    "customers.csv": write_csv,
    "chats.jsonl": write_chats,
    "structured.csv": write_structured_csv,
    # row groups of 16,384 rows (about 1.6 MB of CSV): a chunk of Parquet is a run of whole row groups
    "structured.parquet": lambda path, mb: write_structured_parquet(path, mb, row_group_rows=16_384),
}


def check(path: Path, chunk_bytes: int, work: Path) -> dict:
    scanner = get_scanner()
    single = []
    started = time.perf_counter()
    with path.open("rb") as stream:
        scan_stream(path.name, stream, scanner=scanner, fingerprinter=KEY, sink=single.append)
    single_s = time.perf_counter() - started

    started = time.perf_counter()
    plan, source = plan_object(path.name, FileSource(path), chunk_bytes=chunk_bytes, scanner=scanner, fingerprinter=KEY)
    plan_s = time.perf_counter() - started
    chunk_s, parts = [], []
    for chunk in plan.chunks:
        part = work / f"{path.name}.{chunk.index}"
        started = time.perf_counter()
        with part.open("wb") as out:
            scan_chunk_part(plan, chunk.index, source, out, scanner=scanner, fingerprinter=KEY)
        chunk_s.append(time.perf_counter() - started)
        parts.append(part)
    chunked = []
    started = time.perf_counter()
    reduce_chunks(
        plan,
        [(read_part(p.open("rb"))[0], lambda p=p: read_part(p.open("rb"))[1]) for p in parts],
        chunked.append,
        scanner.config,
    )
    reduce_s = time.perf_counter() - started

    expected = [json.dumps(f.to_dict(), sort_keys=True) for f in sorted(single, key=canonical_key)]
    got = [json.dumps(f.to_dict(), sort_keys=True) for f in chunked]
    mb = path.stat().st_size / 1024**2
    sizes = _chunk_bytes(plan, path)
    return {
        "file": path.name,
        "format": plan.format,
        "mb": round(mb, 2),
        "chunks": len(plan.chunks),
        "findings": len(expected),
        "identical": got == expected,
        "single_pass_s": round(single_s, 1),
        "plan_s": round(plan_s, 2),
        "reduce_s": round(reduce_s, 2),
        "plan_mb_per_s": round(mb / plan_s, 1),
        "chunk_mb_per_s": [round(size / 1024**2 / s, 3) for size, s in zip(sizes, chunk_s, strict=True)],
        "chunked_mb_per_s_mean": round(sum(sizes) / 1024**2 / sum(chunk_s), 3),
        "single_pass_mb_per_s": round(mb / single_s, 3),
    }


def _chunk_bytes(plan, path: Path) -> list[float]:
    """Each chunk's bytes: its byte range, or for Parquet (chunks of row groups) its share of the records."""
    if plan.format != "parquet":
        return [c.end - c.start for c in plan.chunks]
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(path).metadata.num_rows
    firsts = [c.first_record for c in plan.chunks] + [rows]
    return [path.stat().st_size * (b - a) / max(rows, 1) for a, b in itertools.pairwise(firsts)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0)
    parser.add_argument("--chunk-mb", type=float, default=1.0)
    parser.add_argument(
        "--files", default="customers.csv,chats.jsonl", help=f"comma-separated, of {', '.join(WRITERS)}"
    )
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="privscan-scale-") as tmp:
        work = Path(tmp)
        for name in args.files.split(","):
            WRITERS[name](work / name, args.mb)
            results.append(check(work / name, int(args.chunk_mb * 1024**2), work))
            print(json.dumps(results[-1]), flush=True)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=2))
    return 0 if all(r["identical"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
