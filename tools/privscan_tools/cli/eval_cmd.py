"""`privscan eval`: measure privscan against stock Presidio on a generated, labelled EU corpus.

    privscan eval                                  # temp corpus, default size, both tools, benchmark if present
    privscan eval --corpus eval-corpus --size 0.2  # generate into (or reuse) a directory and keep it
    privscan eval --json eval.json --errors 20
    privscan eval --suite ids                      # national identifiers from python-stdnum's documentation
    privscan eval --suite real --json real.json    # human-labelled real text (data/real-ner), dev + holdout
    privscan eval --suite statements               # special-category statements in real sentences, dev + reserved
    privscan eval --suite chats                    # false names and places in ordinary chats, six languages
    privscan eval --suite ethics                   # conversation-ethics rules, labelled + real chats, dev + reserved
    privscan eval --suite disclosure --errors 1    # AI disclosures as other projects phrase them, dev + reserved

Prints per-entity P/R/F1 for both tools with support, the headline micro F1, national-ID recall,
per-rule P/R/F1 (privscan), the decoy-file finding count of each tool and, when the benchmark file
is found, the same entity table on Presidio's synth_dataset_v2. Examples are masked. Exit code 0
(2 when the eval dependencies are missing).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval",
        help="evaluate privscan against stock Presidio on a generated labelled corpus",
        description="Generate (or reuse) a labelled synthetic EU corpus, run privscan and stock Presidio on it, "
        "and print entity, national-ID, rule and decoy metrics.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="corpus directory: reused if it holds a manifest.json, "
        "otherwise generated there and kept (default: a temporary directory)",
    )
    parser.add_argument(
        "--suite",
        choices=("corpus", "ids", "real", "statements", "chats", "ethics", "disclosure"),
        default="corpus",
        help="corpus: the generated labelled corpus (default); ids: python-stdnum's documented national "
        "identifiers planted in native, generic, mixed-country columns and sentences; real: PERSON/LOCATION "
        "on the shipped human-labelled real-text corpora (data/real-ner), dev and holdout; statements: "
        "special-category statements and look-alikes in real sentences (data/statements-challenge), dev and "
        "reserved; chats: false PERSON/LOCATION findings in ordinary small-talk chats in six languages (--size "
        "scales the 200 conversations per language and half), dev and reserved; ethics: the conversation-ethics "
        "rules on labelled conversations in five languages and on real ordinary ones (data/ethics-ordinary), dev "
        "and reserved (--errors > 0 lists the ids of missed and false conversations)",
    )
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--size", type=float, default=1.0, help="corpus size multiplier (default 1.0)")
    parser.add_argument(
        "--presidio-benchmark",
        type=Path,
        metavar="PATH",
        help="presidio-research synth_dataset_v2.json (default: ../shared/benchmarks/"
        "presidio_synth_dataset_v2.json relative to the repository root, if present)",
    )
    parser.add_argument("--no-benchmark", action="store_true", help="skip the Presidio benchmark")
    parser.add_argument("--no-presidio", action="store_true", help="skip the stock-Presidio baseline")
    parser.add_argument("--errors", type=int, default=10, help="error groups shown per tool (0: none)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every number to FILE")
    parser.add_argument("--real-data", type=Path, metavar="DIR", help="real-text corpora (default: data/real-ner)")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.suite == "ids":
        return run_ids(args)
    if args.suite == "real":
        from privscan_tools.evaluation.real_suite import run_cli

        return run_cli(args.real_data, args.json, presidio=not args.no_presidio)
    if args.suite == "statements":
        from privscan_tools.evaluation import statements_suite

        return statements_suite.run_cli(None, args.json, ids=max(0, args.errors))
    if args.suite == "ethics":
        from privscan_tools.evaluation import ethics_suite

        return ethics_suite.run_cli(args.json, show_errors=args.errors > 0 and "--errors" in sys.argv)
    if args.suite == "disclosure":
        from privscan_tools.evaluation import disclosure_suite

        return disclosure_suite.run_cli(args.json, show_failures=args.errors > 0 and "--errors" in sys.argv)
    if args.suite == "chats":
        from privscan_tools.evaluation.chat_suite import DEFAULT_CONVERSATIONS
        from privscan_tools.evaluation.chat_suite import run_cli as run_chats

        return run_chats(args.json, max(1, round(DEFAULT_CONVERSATIONS * args.size)))
    try:
        from privscan_tools.evaluation import corpus as corpus_module
    except ImportError as error:  # Faker is in the `eval` extra / dev group, not in the Lambda layer
        print(f"privscan eval needs the eval dependencies (pip install 'privscan[eval]'): {error}", file=sys.stderr)
        return 2
    from privscan_tools.evaluation import presidio_benchmark
    from privscan_tools.evaluation.runner import evaluate, render

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="privscan-eval-") as tmp:
        root = args.corpus or Path(tmp) / "corpus"
        if corpus_module.is_corpus(root):
            log(f"reusing the corpus in {root}")
            corpus = corpus_module.load(root)
        else:
            log(f"generating the corpus (seed {args.seed}, size {args.size}) in {root}")
            corpus = corpus_module.generate(root, seed=args.seed, size=args.size)

        benchmark, note = None, None
        if not args.no_benchmark:
            path = args.presidio_benchmark or presidio_benchmark.default_path()
            if path is None:
                note = "skipped (no ../shared/benchmarks/presidio_synth_dataset_v2.json; use --presidio-benchmark)"
            elif not Path(path).is_file():
                note = f"skipped ({path} not found)"
            else:
                benchmark = presidio_benchmark.load(Path(path))

        result = evaluate(corpus, presidio=not args.no_presidio, benchmark=benchmark, log=log)
        result.benchmark_note = note
        sys.stdout.write(render(result, errors=max(0, args.errors)))
        if args.json:
            args.json.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            log(f"wrote {args.json}")
    return 0


def run_ids(args: argparse.Namespace) -> int:
    """The national-identifier suite: per scenario and country, for the dev and reserved halves."""
    from privscan_tools.evaluation import stdnum_suite

    print("scanning python-stdnum's documented numbers with privscan ...", file=sys.stderr, flush=True)
    _, tallies = stdnum_suite.evaluate()
    sys.stdout.write(stdnum_suite.render(tallies, misses=max(0, args.errors)))
    if args.json:
        args.json.write_text(json.dumps(stdnum_suite.to_dict(tallies), indent=2) + "\n", encoding="utf-8")
    return 0
