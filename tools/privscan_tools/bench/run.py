"""`privscan bench`: privscan against stock Presidio, same corpus, same process run, same cores.

Prints, for the labelled mixed corpus (tabular with free-text columns, chat
transcripts, text; several EU locales): bytes/s of each tool and the ratios,
entity F1 of each (headline set), peak RSS, and $/GB at Lambda arm64 prices beside
Macie's $1/GB. Presidio runs two ways: one analyze() per value, as it is usually
called, and its BatchAnalyzerEngine with one spaCy process per core and the batch
size that was fastest on a sample of the corpus (its strongest documented use).
Then cold start (imports, engine set-up, first result, each in a fresh process)
and, optionally, the scale curve on generated CSV and JSONL files.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LAMBDA_ARM64_GB_SECOND = 0.0000133334  # USD per GB-second (us-east-1 list price)
MACIE_PER_GB = 1.00
PRIVSCAN_MEMORY_GB = 3538 / 1024  # the template's MemorySize: 2 vCPUs
STOCK_MEMORY_GB = 1769 / 1024  # one Presidio process uses one vCPU: 1,769 MB buys exactly one
BATCH_SIZES = (16, 64, 256)  # BatchAnalyzerEngine batch sizes tried on a sample; the fastest runs the corpus
TUNING_SAMPLE_TEXTS = 300


def dollars_per_gb(bytes_per_second: float, memory_gb: float) -> float:
    return (1024**3 / bytes_per_second) * memory_gb * LAMBDA_ARM64_GB_SECOND


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its (worker) children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def mixed_corpus(root: Path, size: float):
    from privscan_tools.evaluation.corpus import generate

    corpus = generate(root, seed=7, size=size)
    total = sum(corpus.path(f.name).stat().st_size for f in corpus.files)
    return corpus, total


def tune_batch_size(texts: list[str], n_process: int, log) -> tuple[int, dict[int, float]]:
    """The BatchAnalyzerEngine batch size (of BATCH_SIZES) that analyses a sample of `texts` fastest."""
    from privscan_tools.evaluation import baseline

    sample = texts[:: max(1, len(texts) // TUNING_SAMPLE_TEXTS)][:TUNING_SAMPLE_TEXTS]
    seconds = {}
    for batch_size in BATCH_SIZES:
        started = time.perf_counter()
        baseline.analyze_batch(sample, n_process, batch_size)
        seconds[batch_size] = round(time.perf_counter() - started, 2)
    log(f"BatchAnalyzerEngine batch sizes on {len(sample)} values, n_process={n_process}: {seconds} s")
    return min(seconds, key=seconds.get), seconds


def compare_on_corpus(size: float, log) -> dict:
    from privscan_tools.evaluation.runner import PRESIDIO, PRESIDIO_BATCH, PRIVSCAN, BatchSettings, evaluate, read_cells

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="privscan-bench-") as tmp:
        corpus, total = mixed_corpus(Path(tmp), size)
        log(f"corpus: {len(corpus.files)} files, {corpus.records} records, {total / 1024**2:.2f} MB")
        texts = [cell.text for f in corpus.files for cell in read_cells(corpus.path(f.name))]
        batch_size, tuning = tune_batch_size(texts, cores, log)
        batch = BatchSettings(n_process=cores, batch_size=batch_size)
        evaluation = evaluate(corpus, presidio=True, presidio_batch=batch, log=log)
    result = evaluation.corpus_result
    memory = {PRIVSCAN: PRIVSCAN_MEMORY_GB, PRESIDIO: STOCK_MEMORY_GB, PRESIDIO_BATCH: PRIVSCAN_MEMORY_GB}
    rows = {tool: _tool_row(result, tool, total, memory[tool]) for tool in (PRIVSCAN, PRESIDIO, PRESIDIO_BATCH)}
    return {
        "bytes": total,
        "cores": cores,
        "tools": rows,
        "presidio_batch": {"n_process": cores, "batch_size": batch_size, "tuning_seconds": tuning},
        "ratio": round(rows[PRIVSCAN]["bytes_per_s"] / rows[PRESIDIO]["bytes_per_s"], 1),
        "ratio_batch": round(rows[PRIVSCAN]["bytes_per_s"] / rows[PRESIDIO_BATCH]["bytes_per_s"], 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def _tool_row(result, tool: str, total: int, memory_gb: float) -> dict:
    """Time, rate, headline entity P/R/F1 and $/GB of one tool on the corpus."""
    seconds = result.seconds[tool]
    rate = total / seconds
    micro = result.entities[tool].micro(result.scheme.headline)
    return {
        "seconds": round(seconds, 2),
        "bytes_per_s": round(rate),
        "entity_f1": round(micro.f1 or 0.0, 3),
        "precision": round(micro.precision or 0.0, 3),
        "recall": round(micro.recall or 0.0, 3),
        "usd_per_gb": round(dollars_per_gb(rate, memory_gb), 3),
    }


COLD_START = """
import time
t0 = time.perf_counter()
import io
from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream
import privscan.engine.analyzer, privscan.engine.detect
t1 = time.perf_counter()
scanner = get_scanner(EngineConfig(workers=1))
t2 = time.perf_counter()
found = []
scan_stream("a.txt", io.BytesIO(b"Contact Anna Schneider at anna@example.com\\n"), scanner=scanner,
            fingerprinter=Fingerprinter("cold-start-key-0123456789"), sink=found.append)
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {len(found)} {time.time():.6f} {time.process_time():.3f}")
"""

# After the English first result and the detector's priming (what any language's first statement word or
# pattern would build: engine/detect.py, Detector.prime), in the same process: a language's spaCy language
# data, its NER pipeline, its first text and a second text (what a text of that language costs once all is
# loaded).
LANGUAGE_COST = """
import importlib, io, json, sys, time
from privscan.engine import get_scanner
from privscan.engine.config import EngineConfig
from privscan.engine.language import language_of
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream

language, texts = sys.argv[1], sys.argv[2:]
scanner = get_scanner(EngineConfig(workers=1))
def scan(text):
    found = []
    scan_stream("a.txt", io.BytesIO(text.encode() + b"\\n"), scanner=scanner,
                fingerprinter=Fingerprinter("cold-start-key-0123456789"), sink=found.append)
    return len(found)
def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
scan("Contact Anna Schneider at anna@example.com")
primed = time.perf_counter()
scanner.detector.prime()
rss = rss_mb()
t0 = time.perf_counter()
importlib.import_module(f"spacy.lang.{language}")
t1 = time.perf_counter()
loaded = scanner.detector.ner_models.get(language) is not None
t2 = time.perf_counter()
seconds = []
for text in texts:
    started = time.perf_counter()
    scan(text)
    seconds.append(time.perf_counter() - started)
print(json.dumps({"prime_s": t0 - primed, "language_data_s": t1 - t0, "pipeline_s": t2 - t1, "texts_s": seconds,
                  "loaded": loaded, "routed": [language_of(text) == language for text in texts],
                  "rss_mb": rss_mb() - rss}))
"""

# Two sentences per language (invented people and places) for the per-language cost: each long enough to be
# identified, each with a name, so the text goes through the language's NER pipeline.
LANGUAGE_SAMPLES = {
    "de": (
        "Gestern hat uns Katrin Vogel aus Hamburg einen langen Brief über ihre Reise an die Ostsee geschrieben.",
        "Der Vertrag wurde von Herrn Tobias Brandt in der Geschäftsstelle in Leipzig am Montag unterschrieben.",
    ),
    "fr": (
        "Hier soir, Claire Dubois nous a raconté son voyage en Bretagne avec ses enfants et leurs cousins.",
        "Le contrat a été signé lundi par Monsieur Julien Moreau dans nos bureaux de Toulouse, près de la gare.",
    ),
    "nl": (
        "Gisteren heeft Pieter de Vries uit Utrecht ons een lange brief over zijn reis naar Zeeland geschreven.",
        "Het contract werd maandag door mevrouw Sanne Jansen in ons kantoor in Groningen ondertekend.",
    ),
    "pt": (
        "Ontem a Mariana Costa escreveu-nos uma longa carta sobre a sua viagem ao Porto com os filhos.",
        "O contrato foi assinado na segunda-feira pelo senhor João Ferreira no nosso escritório de Coimbra.",
    ),
    "es": (
        "Ayer Lucía Fernández nos escribió una larga carta sobre su viaje a Granada con sus hijos y sus primos.",
        "El contrato fue firmado el lunes por el señor Javier Morales en nuestra oficina de Valencia.",
    ),
    "it": (
        "Ieri sera Giulia Romano ci ha raccontato il suo viaggio in Sicilia con i figli e i loro cugini.",
        "Il contratto è stato firmato lunedì dal signor Marco Bianchi nel nostro ufficio di Torino.",
    ),
    "pl": (
        "Wczoraj Anna Kowalska napisała do nas długi list o swojej podróży nad morze razem z dziećmi.",
        "Umowa została podpisana w poniedziałek przez pana Piotra Nowaka w naszym biurze w Krakowie.",
    ),
}


def bytecode_env(prefix: str) -> dict[str, str]:
    """The environment of the timed processes: bytecode cached (under `prefix`), as the layer ships it.

    scripts/build_layer.py compiles every module of the layers, so a Lambda never compiles source at a cold
    start; with PYTHONDONTWRITEBYTECODE set (as in some shells and CI) each process here would compile about a
    thousand modules again, a cost Lambda does not have. A first, untimed run writes the cache.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def _child(code: str, args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def cold_start(runs: int = 3, languages: list[str] | None = None) -> dict:
    """Process start to first result, in fresh interpreters; the best of `runs` (a warm disk cache, as Lambda's).

    Timed from just before the process is spawned to the wall-clock moment the child has its result:
    the interpreter's shutdown after it (about 0.3 s of freeing the model here) is not part of it. The
    child's CPU time up to its result is reported too: on a machine shared with other work it shows what
    the process itself spent, which the wall-clock time does not. With
    `languages` (None: every NER pipeline in the models directory), each one's cost is measured too
    (`language_costs`).
    """
    with tempfile.TemporaryDirectory(prefix="privscan-bytecode-") as prefix:
        env = bytecode_env(prefix)
        _child(COLD_START, [], env)  # writes the bytecode
        best = None
        for _ in range(runs):
            started = time.time()
            imports, engine, first, findings, done, cpu = _child(COLD_START, [], env).split()
            wall = float(done) - started
            sample = {
                "process_to_first_result_s": round(wall, 2),
                "cpu_to_first_result_s": float(cpu),
                "imports_s": float(imports),
                "engine_s": float(engine),
                "first_result_s": float(first),
                "findings": int(findings),
            }
            if best is None or wall < best["process_to_first_result_s"]:
                best = sample
        best["runs"] = runs
        best["languages"] = language_costs(languages, runs, env)
    return best


def language_costs(languages: list[str] | None, runs: int, env: dict[str, str]) -> list[dict]:
    """What each further language costs a process that has its English first result: importing spaCy's data for
    the language (the French tokenizer exceptions compile a large regular expression), loading its NER pipeline,
    its first text and a second one; each language in a fresh process, the best of `runs` by their sum."""
    from privscan.engine.ner_models import NerModels

    installed = sorted(NerModels().languages) if languages is None else languages
    rows = []
    for language in installed:
        texts = list(LANGUAGE_SAMPLES.get(language, ()))
        best = None
        for _ in range(runs):
            sample = json.loads(_child(LANGUAGE_COST, [language, *texts], env))
            if best is None or _one_off(sample) < _one_off(best):
                best = sample
        first, following = (best["texts_s"] + [None, None])[:2]
        rows.append(
            {
                "language": language,
                "language_data_s": round(best["language_data_s"], 3),
                "pipeline_s": round(best["pipeline_s"], 3),
                "first_text_s": None if first is None else round(first, 3),
                "next_text_s": None if following is None else round(following, 3),
                "one_off_s": round(_one_off(best), 3),
                "rss_mb": round(best["rss_mb"]),
                "prime_s": round(best["prime_s"], 3),
                "loaded": best["loaded"],
                "routed": all(best["routed"]) if texts else None,
            }
        )
    return rows


def _one_off(sample: dict) -> float:
    """Language data + pipeline + what the first text costs beyond a text once all is loaded."""
    texts = sample["texts_s"]
    extra = texts[0] - texts[1] if len(texts) >= 2 else 0.0
    return sample["language_data_s"] + sample["pipeline_s"] + max(extra, 0.0)


def stock_rate_on(path: Path, cells: int = 1500) -> float:
    """Stock Presidio's bytes/s on the first `cells` values of a file (it is far too slow for the whole file)."""
    from itertools import islice

    from privscan.readers import open_object

    from privscan_tools.evaluation import baseline

    analyzer = baseline.stock_analyzer()
    with path.open("rb") as stream:
        texts = [cell.text for cell in islice(open_object(path.name, stream).cells(), cells)]
    started = time.perf_counter()
    for text in texts:
        baseline.analyze(text, analyzer)
    return sum(len(t.encode()) for t in texts) / (time.perf_counter() - started)


def scale_curve(sizes_mb: list[int], log) -> list[dict]:
    """Time and peak RSS of privscan on generated CSV and chat JSONL of each size, each in a fresh process,
    beside stock Presidio's rate on the first values of the same file."""
    from privscan_tools.bench.bulk import write_chats, write_csv, write_typed_csv

    points = []
    stock_rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="privscan-curve-") as tmp:
        for size in sizes_mb:
            for kind, writer in (("csv", write_csv), ("typed", write_typed_csv), ("jsonl", write_chats)):
                path = Path(tmp) / f"data-{size}mb-{kind}.{'jsonl' if kind == 'jsonl' else 'csv'}"
                actual = writer(path, size)
                started = time.perf_counter()
                probe = subprocess.run(
                    [sys.executable, "-c", _SCAN_AND_REPORT, str(path)], capture_output=True, text=True, check=True
                )
                seconds = time.perf_counter() - started
                _, parent_rss, worker_rss = probe.stdout.split()
                if kind not in stock_rates:  # the files of one kind differ only in length
                    stock_rates[kind] = stock_rate_on(path)
                rate = actual / seconds
                points.append(
                    {
                        "kind": kind,
                        "mb": round(actual / 1024**2, 1),
                        "seconds": round(seconds, 1),
                        "mb_per_s": round(rate / 1024**2, 3),
                        "peak_rss_mb": round(float(parent_rss)),
                        "worker_rss_mb": round(float(worker_rss)),
                        "stock_kb_per_s": round(stock_rates[kind] / 1024, 1),
                        "ratio": round(rate / stock_rates[kind], 1),
                    }
                )
                log(f"curve: {points[-1]}")
                path.unlink()
    return points


def table_bench(sizes_mb: list[float], formats: list[str], modes: list[str], log) -> list[dict]:
    """Time and peak RSS of scanning generated structured tables (no free text; privscan_tools.bench.tables), each
    in a fresh process through `scan_stream`, on the columnar path (`on`) and the per-cell path (`off`).

    The rate is over the table's text as CSV (the Parquet file holds the same rows, compressed), so the
    formats' figures compare; the file's own size is reported too."""
    from privscan_tools.bench.tables import write_structured_csv, write_structured_parquet

    writers = {"csv": write_structured_csv, "parquet": write_structured_parquet}
    points = []
    with tempfile.TemporaryDirectory(prefix="privscan-tables-") as tmp:
        for size in sizes_mb:
            for fmt in formats:
                path = Path(tmp) / f"table-{size}mb.{fmt}"
                file_bytes = writers[fmt](path, size)
                text_bytes = file_bytes if fmt == "csv" else int(size * 1024**2)
                for mode in modes:
                    env = {**os.environ, "PRIVSCAN_COLUMNAR": "1" if mode == "on" else "0"}
                    started = time.perf_counter()
                    probe = subprocess.run(
                        [sys.executable, "-c", _SCAN_AND_REPORT, str(path)],
                        capture_output=True,
                        text=True,
                        check=True,
                        env=env,
                    )
                    seconds = time.perf_counter() - started
                    findings, parent_rss, worker_rss = probe.stdout.split()
                    points.append(
                        {
                            "format": fmt,
                            "columnar": mode,
                            "text_mb": round(text_bytes / 1024**2, 1),
                            "file_mb": round(file_bytes / 1024**2, 1),
                            "seconds": round(seconds, 1),
                            "mb_per_s": round(text_bytes / 1024**2 / seconds, 2),
                            "findings": int(findings),
                            "peak_rss_mb": round(float(parent_rss)),
                            "worker_rss_mb": round(float(worker_rss)),
                        }
                    )
                    log(f"tables: {points[-1]}")
                path.unlink()
    return points


_SCAN_AND_REPORT = """
import resource, sys
from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.pipeline import scan_stream
count = [0]
with open(sys.argv[1], "rb") as stream:
    scan_stream(sys.argv[1], stream, scanner=get_scanner(), fingerprinter=Fingerprinter("curve-key-0123456789abc"),
                sink=lambda finding: count.__setitem__(0, count[0] + 1))
get_scanner().close()  # the workers are reaped: RUSAGE_CHILDREN now holds the largest one's peak
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(count[0], own / 1024, children / 1024)
"""


def render_corpus(corpus: dict) -> list[str]:
    batch = corpus["presidio_batch"]
    lines = [
        (
            f"mixed corpus: {corpus['bytes'] / 1024**2:.2f} MB "
            "(tabular with free text, chat transcripts, text; EU locales)"
        ),
        "",
        f"{'tool':15} {'seconds':>8} {'KB/s':>9} {'entity F1':>9} {'P':>6} {'R':>6} {'$/GB (Lambda arm64)':>20}",
    ]
    for tool, row in corpus["tools"].items():
        lines.append(
            f"{tool:15} {row['seconds']:>8} {row['bytes_per_s'] / 1024:>9.1f} {row['entity_f1']:>9} "
            f"{row['precision']:>6} {row['recall']:>6} {row['usd_per_gb']:>20}"
        )
    return lines + [
        f"{'macie':15} {'':>8} {'':>9} {'':>9} {'':>6} {'':>6} {MACIE_PER_GB:>20.2f}",
        "",
        (
            f"throughput ratio privscan / Presidio BatchAnalyzerEngine: {corpus['ratio_batch']}x    "
            f"privscan / Presidio per value: {corpus['ratio']}x    "
            f"peak RSS (process + workers): {corpus['peak_rss_mb']} MB"
        ),
        (
            f"privscan: one worker per core ({corpus['cores']}) on 3,538 MB; presidio: one analyze() per value on "
            f"1,769 MB; presidio-batch: BatchAnalyzerEngine, n_process={batch['n_process']}, "
            f"batch_size={batch['batch_size']} (fastest of {list(batch['tuning_seconds'])} on a sample), on 3,538 MB."
        ),
    ]


def render_languages(rows: list[dict]) -> list[str]:
    """The per-language table: what a process pays the first time it meets each further language."""
    if not rows:
        return []

    def seconds(value) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [
        (
            f"priming (statement lexicons, compiled patterns; once per process, any language; in a Lambda's INIT): "
            f"{min(row['prime_s'] for row in rows):.3f} s"
        ),
        "each further language, once per process (seconds; after the English first result and the priming):",
        (
            f"{'language':9} {'spaCy data':>10} {'pipeline':>9} {'first text':>10} {'next text':>9} "
            f"{'one-off':>8} {'RSS +MB':>8}"
        ),
    ]
    for row in rows:
        note = "" if row["loaded"] and row["routed"] is not False else "  (not routed to its pipeline)"
        if row["routed"] is None:
            note = "  (no sample text)"
        lines.append(
            f"{row['language']:9} {seconds(row['language_data_s']):>10} {seconds(row['pipeline_s']):>9} "
            f"{seconds(row['first_text_s']):>10} {seconds(row['next_text_s']):>9} {seconds(row['one_off_s']):>8} "
            f"{row['rss_mb']:>8}{note}"
        )
    return lines


def render(report: dict) -> str:
    lines = render_corpus(report["corpus"]) if "corpus" in report else []
    cold = report.get("cold_start")
    if cold:
        lines += [
            "",
            (
                f"cold start: process start to first result {cold['process_to_first_result_s']} s "
                f"(imports {cold['imports_s']} s, engine set-up {cold['engine_s']} s, "
                f"first result {cold['first_result_s']} s)"
                + (f"; CPU time {cold['cpu_to_first_result_s']} s" if "cpu_to_first_result_s" in cold else "")
            ),
        ]
        lines += render_languages(cold.get("languages", []))
    for point in report.get("curve", []):
        lines.append(
            f"curve {point['kind']:6} {point['mb']:>8} MB  {point['seconds']:>8} s  {point['mb_per_s']:>7} MB/s  "
            f"peak RSS {point['peak_rss_mb']} MB, largest worker {point.get('worker_rss_mb', 0)} MB  "
            f"stock Presidio {point['stock_kb_per_s']} KB/s  ratio {point['ratio']}x"
        )
    for point in report.get("tables", []):
        lines.append(
            f"table {point['format']:7} columnar {point['columnar']:3} {point['text_mb']:>8} MB "
            f"(file {point['file_mb']} MB)  {point['seconds']:>8} s  {point['mb_per_s']:>7} MB/s  "
            f"{point['findings']} findings  peak RSS {point['peak_rss_mb']} MB, "
            f"largest worker {point['worker_rss_mb']} MB"
        )
    return "\n".join(lines)


def run_bench(
    size: float,
    curve: list[int],
    json_path: str | None,
    log,
    corpus: bool = True,
    tables: list[float] | None = None,
    table_formats: list[str] | None = None,
    table_modes: list[str] | None = None,
    cold: bool = True,
    cold_runs: int = 3,
    languages: list[str] | None = None,
) -> int:
    report = {"corpus": compare_on_corpus(size, log)} if corpus else {}
    if cold:
        report["cold_start"] = cold_start(cold_runs, [x for x in languages if x != "none"] if languages else None)
    if curve:
        report["curve"] = scale_curve(curve, log)
    if tables:
        report["tables"] = table_bench(tables, table_formats or ["csv", "parquet"], table_modes or ["on"], log)
    print(render(report))
    if json_path:
        Path(json_path).write_text(json.dumps(report, indent=2))
    return 0
