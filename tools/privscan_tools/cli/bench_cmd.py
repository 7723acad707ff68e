"""`privscan bench`: see privscan/bench/run.py."""

from __future__ import annotations

import sys


def add_parser(subparsers) -> None:
    bench = subparsers.add_parser("bench", help="throughput, F1, memory, cold start and $/GB against stock Presidio")
    bench.add_argument("--size", type=float, default=2.0, help="corpus size multiplier (1.0 is about 0.55 MB)")
    bench.add_argument("--curve", default="", help="comma-separated sizes in MB for the scale curve, e.g. 10,100")
    bench.add_argument("--json", dest="json_path", help="also write every figure to this file")
    bench.add_argument("--no-corpus", action="store_true", help="skip the labelled-corpus comparison")
    bench.add_argument("--no-cold-start", action="store_true", help="skip the cold-start measurement")
    bench.add_argument(
        "--cold-start-only",
        action="store_true",
        help="measure the cold start and each further language's cost only (no corpus, curve or tables)",
    )
    bench.add_argument(
        "--cold-start-runs", type=int, default=3, help="fresh processes per cold-start figure (the best is kept)"
    )
    bench.add_argument(
        "--languages",
        default="all",
        help="languages whose further cost the cold start measures: comma-separated codes, 'all' (every NER "
        "pipeline in the models directory) or 'none'",
    )
    bench.add_argument(
        "--tables",
        default="",
        metavar="MB",
        help="comma-separated sizes in MB of generated structured tables (ids, e-mails, phones, IBANs, national "
        "ids, dates, amounts, categories) to scan, e.g. 100,1000",
    )
    bench.add_argument("--table-formats", default="csv,parquet", help="formats of the tables: csv, parquet")
    bench.add_argument(
        "--columnar",
        choices=["on", "off", "both"],
        default="on",
        help="scan the tables on the columnar path, the per-cell path, or both (PRIVSCAN_COLUMNAR)",
    )


def run(args) -> int:
    from privscan_tools.bench.run import run_bench

    only = args.cold_start_only
    curve = [] if only else [int(x) for x in args.curve.split(",") if x.strip()]
    return run_bench(
        args.size,
        curve,
        args.json_path,
        log=lambda message: print(message, file=sys.stderr),
        corpus=not (args.no_corpus or only),
        tables=[] if only else [float(x) for x in args.tables.split(",") if x.strip()],
        table_formats=[x.strip() for x in args.table_formats.split(",") if x.strip()],
        table_modes=["on", "off"] if args.columnar == "both" else [args.columnar],
        cold=only or not args.no_cold_start,
        cold_runs=args.cold_start_runs,
        languages=None if args.languages == "all" else [x.strip() for x in args.languages.split(",") if x.strip()],
    )
