"""Run privscan and stock Presidio on the same corpus, score both, and render the report.

    result = evaluate(corpus, benchmark=presidio_benchmark.load(path))
    print(render(result))
    json.dump(result.to_dict(), ...)

privscan runs through `scan_stream` exactly as `privscan scan` does (readers, column typing, rules),
with `max_occurrences` raised so column-level findings keep every occurrence; column findings are
expanded into their occurrences (field = the column). Stock Presidio gets one analyze() call per
cell the privscan readers yield, so both tools see the same (record, field) units.

Nothing printed here contains a raw value: examples are masked with privscan's `mask_preview`.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter, mask_preview
from privscan.model import Finding
from privscan.readers import open_object
from privscan.readers.base import Cell

from privscan_tools.evaluation import baseline, presidio_benchmark
from privscan_tools.evaluation.corpus import Corpus
from privscan_tools.evaluation.metrics import (
    EU_SCHEME,
    LOCATION,
    NATIONAL_ID,
    OTHER_ID,
    Counts,
    EntityResult,
    RuleKey,
    RuleResult,
    Scheme,
    Span,
    match_entities,
    match_rules,
)
from privscan_tools.evaluation.templates import act_of, template_text

TARGETS = {"headline_f1": 0.95, "national_id_recall": 0.97, "rule_f1": 0.90, "decoy_findings": 0}
PRIVSCAN, PRESIDIO, PRESIDIO_BATCH = "privscan", "presidio", "presidio-batch"
Log = Callable[[str], None]


# ================================================================================ running tools


@dataclass
class ToolRun:
    name: str
    spans: list[Span] = field(default_factory=list)  # scored predictions (canonical types, incl. OTHER_ID)
    unscored: Counter = field(default_factory=Counter)  # raw types that are not scored
    rules: set[RuleKey] | None = None  # None: the tool knows no rules
    decoys: list[tuple[str, str | None, str]] = field(default_factory=list)  # (type or rule, field, masked)
    seconds: float = 0.0


def read_cells(path: Path) -> list[Cell]:
    with path.open("rb") as stream:
        return list(open_object(path.name, stream).cells())


def privscan_scanner():
    from privscan.engine import get_scanner

    return get_scanner(EngineConfig(max_occurrences=10**9))


def run_privscan(files: Iterable[tuple[str, Path, bool]], scheme: Scheme) -> ToolRun:
    """files: (name in gold, path, is_decoy)."""
    from privscan.pipeline import scan_each, scan_stream

    scanner = privscan_scanner()
    fingerprinter = Fingerprinter(b"privscan-eval-fingerprint-key")
    run = ToolRun(PRIVSCAN, rules=set())
    files = list(files)

    def scan(file: tuple[str, Path, bool]) -> list[Finding]:
        name, path, _ = file
        findings: list[Finding] = []
        with path.open("rb") as stream:
            scan_stream(
                name, stream, scanner=scanner, fingerprinter=fingerprinter, sink=findings.append, file_name=path.name
            )
        return findings

    started = time.perf_counter()
    scanned = scan_each(files, scan, scanner, size=lambda file: file[1].stat().st_size)
    for (name, _, decoy), findings in zip(files, scanned, strict=True):
        for finding in findings:
            _collect_privscan(run, name, finding, scheme, decoy)
    run.seconds = time.perf_counter() - started
    close = getattr(scanner, "close", None)  # stop scan worker processes, if the engine started any
    if callable(close):
        close()
    return run


def _collect_privscan(run: ToolRun, name: str, finding: Finding, scheme: Scheme, decoy: bool) -> None:
    if finding.column_level:
        places = [(o.record, o.start, o.end, o.preview) for o in finding.occurrences]
    else:
        places = [(finding.record, finding.start, finding.end, finding.preview)]
    for record, start, end, preview in places:
        for rule_id in finding.rule_ids:
            run.rules.add((name, record, rule_id))
        if decoy:
            run.decoys.append((finding.entity_type or "+".join(finding.rule_ids), finding.field, preview))
        if finding.entity_type is None or start is None:
            continue
        canonical = scheme.canonical(finding.entity_type)
        if canonical is None:
            run.unscored[finding.entity_type] += 1
            continue
        run.spans.append(Span(name, record, finding.field, start, end, canonical, finding.entity_type, preview=preview))


@dataclass(frozen=True)
class BatchSettings:
    """How Presidio's BatchAnalyzerEngine is run: spaCy worker processes and texts per spaCy batch."""

    n_process: int
    batch_size: int


def run_presidio(cells_by_file: dict[str, list[Cell]], decoy_files: set[str], scheme: Scheme) -> ToolRun:
    """Stock Presidio, one analyze() call per value."""
    analyzer = baseline.stock_analyzer()
    run = ToolRun(PRESIDIO)
    started = time.perf_counter()
    for name, cells in cells_by_file.items():
        for cell in cells:
            _collect_presidio(run, name, cell, baseline.analyze(cell.text, analyzer), name in decoy_files, scheme)
    run.seconds = time.perf_counter() - started
    return run


def run_presidio_batch(
    cells_by_file: dict[str, list[Cell]], decoy_files: set[str], scheme: Scheme, settings: BatchSettings
) -> ToolRun:
    """Stock Presidio through its BatchAnalyzerEngine: every value of the corpus in one batched call."""
    run = ToolRun(PRESIDIO_BATCH)
    cells = [(name, cell) for name, file_cells in cells_by_file.items() for cell in file_cells]
    started = time.perf_counter()
    results = baseline.analyze_batch([cell.text for _, cell in cells], settings.n_process, settings.batch_size)
    for (name, cell), found in zip(cells, results, strict=True):
        _collect_presidio(run, name, cell, found, name in decoy_files, scheme)
    run.seconds = time.perf_counter() - started
    return run


def _collect_presidio(run: ToolRun, name: str, cell: Cell, results: list, decoy: bool, scheme: Scheme) -> None:
    """Presidio's results for one cell as scored spans (and as decoy findings in the decoy file)."""
    for result in results:
        preview = mask_preview(result.entity_type, cell.text[result.start : result.end])
        if decoy:
            run.decoys.append((result.entity_type, cell.field, preview))
        canonical = scheme.canonical(result.entity_type)
        if canonical is None:
            run.unscored[result.entity_type] += 1
            continue
        where = (name, cell.record, cell.field, result.start, result.end)
        run.spans.append(Span(*where, canonical, result.entity_type, preview=preview))


# ==================================================================================== results


@dataclass
class DatasetResult:
    name: str
    scheme: Scheme
    gold: list[Span]
    entities: dict[str, EntityResult]  # tool -> result
    unscored: dict[str, Counter]
    seconds: dict[str, float]
    rules: RuleResult | None = None
    decoys: dict[str, list[tuple[str, str | None, str]]] = field(default_factory=dict)
    decoy_file: str | None = None
    decoy_records: int = 0
    notes: list[str] = field(default_factory=list)
    ignored_labels: Counter = field(default_factory=Counter)
    tools: tuple[str, ...] = ()


@dataclass
class EvalResult:
    corpus: Corpus
    corpus_result: DatasetResult
    benchmark: DatasetResult | None = None
    benchmark_note: str | None = None
    cell_text: dict[tuple, str] = field(default_factory=dict, repr=False)
    record_acts: dict[tuple, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        data = {
            "corpus": {
                "root": str(self.corpus.root),
                "seed": self.corpus.seed,
                "size": self.corpus.size,
                "files": len(self.corpus.files),
                "records": self.corpus.records,
            },
            "targets": TARGETS,
            "eu_corpus": _dataset_dict(self.corpus_result),
        }
        if self.benchmark is not None:
            data["presidio_benchmark"] = _dataset_dict(self.benchmark)
        if self.benchmark_note:
            data["presidio_benchmark_note"] = self.benchmark_note
        return data


def gold_spans(corpus: Corpus, scheme: Scheme) -> list[Span]:
    spans = []
    for e in corpus.entities:
        canonical = scheme.gold_type(e.entity_type)
        if canonical is not None:
            spans.append(Span(e.file, e.record, e.field, e.start, e.end, canonical, e.entity_type, e.tag))
    return spans


def evaluate(
    corpus: Corpus,
    *,
    presidio: bool = True,
    benchmark: presidio_benchmark.Benchmark | None = None,
    log: Log | None = None,
    presidio_batch: BatchSettings | None = None,
) -> EvalResult:
    log = log or (lambda _msg: None)
    scheme = EU_SCHEME
    paths = [(f.name, corpus.path(f.name), f.decoy) for f in corpus.files]
    decoy_files = {f.name for f in corpus.files if f.decoy}
    cells = {name: read_cells(path) for name, path, _ in paths}
    log(f"scanning {len(paths)} files with privscan ...")
    runs = [run_privscan(paths, scheme)]
    if presidio:
        log("scanning the same cells with stock Presidio ...")
        runs.append(run_presidio(cells, decoy_files, scheme))
    if presidio_batch is not None:
        log(f"scanning the same cells with Presidio's BatchAnalyzerEngine ({presidio_batch}) ...")
        runs.append(run_presidio_batch(cells, decoy_files, scheme, presidio_batch))
    gold = gold_spans(corpus, scheme)
    rules_gold = [(r.file, r.record, r.rule_id) for r in corpus.rules if not r.optional]
    rules_optional = [(r.file, r.record, r.rule_id) for r in corpus.rules if r.optional]
    decoy = next((f for f in corpus.files if f.decoy), None)
    result = DatasetResult(
        name="eu-corpus",
        scheme=scheme,
        gold=gold,
        entities={run.name: match_entities(gold, run.spans) for run in runs},
        unscored={run.name: run.unscored for run in runs},
        seconds={run.name: run.seconds for run in runs},
        rules=match_rules(rules_gold, runs[0].rules or set(), rules_optional),
        decoys={run.name: run.decoys for run in runs},
        decoy_file=decoy.name if decoy else None,
        decoy_records=decoy.records if decoy else 0,
        tools=tuple(run.name for run in runs),
    )
    evaluation = EvalResult(corpus, result)
    evaluation.cell_text = {(name, c.record, c.field): c.text for name, cs in cells.items() for c in cs}
    evaluation.record_acts = _record_acts(corpus)
    if benchmark is not None:
        log(f"running the Presidio benchmark ({len(benchmark.texts)} samples) ...")
        evaluation.benchmark = evaluate_benchmark(benchmark, presidio=presidio)
    return evaluation


def evaluate_benchmark(benchmark: presidio_benchmark.Benchmark, *, presidio: bool = True) -> DatasetResult:
    scheme = benchmark.scheme
    with tempfile.TemporaryDirectory(prefix="privscan-bench-") as tmp:
        path = presidio_benchmark.write_jsonl(benchmark, Path(tmp) / presidio_benchmark.FILE_NAME)
        runs = [run_privscan([(presidio_benchmark.FILE_NAME, path, False)], scheme)]
        if presidio:
            cells = {presidio_benchmark.FILE_NAME: read_cells(path)}
            runs.append(run_presidio(cells, set(), scheme))
    return DatasetResult(
        name="presidio-synth-v2",
        scheme=scheme,
        gold=benchmark.gold,
        entities={run.name: match_entities(benchmark.gold, run.spans) for run in runs},
        unscored={run.name: run.unscored for run in runs},
        seconds={run.name: run.seconds for run in runs},
        ignored_labels=benchmark.ignored,
        tools=tuple(run.name for run in runs),
    )


def _record_acts(corpus: Corpus) -> dict[tuple, str]:
    acts: dict[tuple, str] = {}
    for rule in corpus.rules:
        if rule.tag:
            acts[(rule.file, rule.record)] = rule.tag
    records_dir = corpus.root / "gold"
    for f in corpus.files:
        path = records_dir / f"{f.name}.records.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    acts.setdefault((f.name, item["record"]), ",".join(item.get("acts", [])))
    return acts


# ================================================================================== rendering


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _table(headers: list[str], rows: list[list[str]], align_left: int = 1) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < align_left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def entity_table(result: DatasetResult) -> list[str]:
    tools = result.tools
    headers = ["ENTITY", "SUPPORT"]
    for tool in tools:
        headers += [f"{tool} P", f"{tool} R", f"{tool} F1"]
    types = list(result.scheme.scored)
    extra = sorted({t for tool in tools for t in result.entities[tool].by_type} - set(types) - {OTHER_ID})
    rows = []
    for entity_type in [*types, *extra, OTHER_ID]:
        counts = {tool: result.entities[tool].get(entity_type) for tool in tools}
        support = max((c.gold for c in counts.values()), default=0)
        if entity_type == OTHER_ID:
            row = [f"{OTHER_ID} (off-target FP)", "0"]
            for tool in tools:
                row += ["", f"FP {counts[tool].predicted}", ""]
            rows.append(row)
            continue
        row = [entity_type + ("" if entity_type in result.scheme.headline else " *"), str(support)]
        for tool in tools:
            c = counts[tool]
            row += [_fmt(c.precision), _fmt(c.recall), _fmt(c.f1)]
        rows.append(row)
    without_location = tuple(t for t in result.scheme.headline if t != LOCATION)
    for label, types in (
        ("HEADLINE micro", result.scheme.headline),
        ("  (headline without LOCATION)", without_location),
    ):
        micro = {tool: result.entities[tool].micro(types) for tool in tools}
        row = [label, str(max(m.gold for m in micro.values()))]
        for tool in tools:
            row += [_fmt(micro[tool].precision), _fmt(micro[tool].recall), _fmt(micro[tool].f1)]
        rows.append(row)
    lines = _table(headers, rows)
    lines.append(
        "* not in the headline set. HEADLINE micro = "
        + ", ".join(result.scheme.headline)
        + f" + {OTHER_ID} false positives."
    )
    return lines


def national_id_breakdown(result: DatasetResult, tool: str) -> dict[str, dict]:
    """Per gold identifier type: support, recall (any national-ID type matches) and exact-type recall."""
    support = Counter(g.raw_type for g in result.gold if g.entity_type == NATIONAL_ID)
    hits, exact = Counter(), Counter()
    for g, p in result.entities[tool].matched_gold:
        if g.entity_type == NATIONAL_ID:
            hits[g.raw_type] += 1
            exact[g.raw_type] += p.raw_type == g.raw_type
    return {
        raw: {"support": n, "recall": round(hits[raw] / n, 4), "exact_type_recall": round(exact[raw] / n, 4)}
        for raw, n in sorted(support.items())
    }


def national_id_table(result: DatasetResult) -> list[str]:
    tools = result.tools
    breakdown = {tool: national_id_breakdown(result, tool) for tool in tools}
    if not breakdown[tools[0]]:
        return []
    headers = ["NATIONAL ID", "SUPPORT"] + [h for tool in tools for h in (f"{tool} recall", f"{tool} exact type")]
    rows = []
    for raw, first in breakdown[tools[0]].items():
        row = [raw, str(first["support"])]
        for tool in tools:
            row += [_fmt(breakdown[tool][raw]["recall"]), _fmt(breakdown[tool][raw]["exact_type_recall"])]
        rows.append(row)
    total = sum(v["support"] for v in breakdown[tools[0]].values())
    row = ["all national IDs", str(total)]
    for tool in tools:
        hit = sum(v["recall"] * v["support"] for v in breakdown[tool].values())
        same = sum(v["exact_type_recall"] * v["support"] for v in breakdown[tool].values())
        row += [_fmt(hit / total), _fmt(same / total)]
    rows.append(row)
    return _table(headers, rows)


def rule_table(result: DatasetResult) -> list[str]:
    if result.rules is None:
        return []
    rows = []
    for rule_id in sorted(result.rules.by_rule):
        c = result.rules.by_rule[rule_id]
        rows.append([rule_id, str(c.gold), str(c.predicted), _fmt(c.precision), _fmt(c.recall), _fmt(c.f1)])
    micro = result.rules.micro()
    rows.append(
        [
            "micro (all rules)",
            str(micro.gold),
            str(micro.predicted),
            _fmt(micro.precision),
            _fmt(micro.recall),
            _fmt(micro.f1),
        ]
    )
    lines = _table(["RULE (privscan)", "SUPPORT", "PREDICTED", "P", "R", "F1"], rows)
    if PRESIDIO in result.tools:
        lines.append("stock Presidio: n/a (it knows no GDPR / AI Act rules; rule P/R/F1 = 0).")
    return lines


def decoy_lines(result: DatasetResult) -> list[str]:
    if result.decoy_file is None:
        return []
    lines = []
    for tool in result.tools:
        found = result.decoys.get(tool, [])
        pii = [d for d in found if result.scheme.canonical(d[0]) is not None]
        lines.append(
            f"{tool}: {len(found)} findings on {result.decoy_file} ({result.decoy_records} records)"
            + (f", {len(pii)} of them of scored PII types" if tool == PRESIDIO else "")
        )
        by = Counter((kind, fld) for kind, fld, _ in found)
        for (kind, fld), n in by.most_common(12):
            examples = ", ".join(sorted({p for k, f, p in found if k == kind and f == fld})[:3])
            lines.append(f"    {n:5d}  {kind:<28} field {fld!s:<18} e.g. {examples}")
    return lines


#: Acts (template families) that bear on a rule, to group rule errors by the statement behind them.
RULE_ACTS = {
    "GDPR-ART9-HEALTH": {"health", "genetic"},
    "GDPR-ART9-RELIGION": {"religion"},
    "GDPR-ART9-POLITICAL-OPINION": {"political"},
    "GDPR-ART9-SEXUAL-ORIENTATION": {"sexual"},
    "GDPR-ART9-TRADE-UNION": {"union"},
    "GDPR-ART9-ETHNIC-ORIGIN": {"ethnic", "religion"},
    "GDPR-ART9-GENETIC": {"genetic"},
    "GDPR-ART10-CRIMINAL-DATA": {"criminal", "negative"},
    "GDPR-ART8-CHILD-DATA": {"child", "negative"},
    "GDPR-ART17-ERASURE-REQUEST": {"erasure", "negative"},
    "GDPR-ART21-OBJECTION": {"objection", "withdrawal", "negative"},
    "GDPR-ART7-3-CONSENT-WITHDRAWN": {"withdrawal", "negative"},
    "GDPR-ART32-SECRETS-CREDENTIALS": {"password"},
    "GDPR-ART87-NATIONAL-ID": {"id"},
    "AIACT-ART50-1-NO-AI-DISCLOSURE": {"greet_disclose", "answer_bot_disclose"},
    "AIACT-ART50-1-ASSISTANT-CLAIMS-HUMAN": {"answer_bot_human", "answer_bot_disclose"},
}


def _describe_tag(tag: str) -> str:
    if not tag:
        return "-"
    text = template_text(tag)
    return f'{tag} "{text}"' if text else tag


def error_lines(evaluation: EvalResult, result: DatasetResult, tool: str, top: int) -> list[str]:
    entity = result.entities[tool]
    lines = [f"{tool}: missed gold spans (false negatives), by type / file / field / template"]
    groups: dict[tuple, list[Span]] = defaultdict(list)
    for span in entity.false_negatives:
        groups[(span.raw_type, span.file, _field_group(span.field), span.tag)].append(span)
    for (raw, file, fld, tag), spans in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:top]:
        examples = ", ".join(_masked(evaluation, s) for s in spans[:3])
        lines.append(f"    {len(spans):5d}  {raw:<26} {file}:{fld}  e.g. {examples}  [{_describe_tag(tag)}]")
    lines.append(f"{tool}: predictions matching no gold span (false positives), by type / file / field")
    groups = defaultdict(list)
    for span in entity.false_positives:
        groups[(span.raw_type, span.file, _field_group(span.field))].append(span)
    for (raw, file, fld), spans in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:top]:
        examples = ", ".join(sorted({s.preview for s in spans})[:3])
        lines.append(f"    {len(spans):5d}  {raw:<26} {file}:{fld}  e.g. {examples}")
    if tool == PRIVSCAN and result.rules is not None:
        lines.append("privscan: rule errors, by rule / file / the statement behind them (template)")
        errors: Counter = Counter()
        for kind, keys in (("FN", result.rules.false_negatives), ("FP", result.rules.false_positives)):
            for file, record, rule_id in keys:
                acts = evaluation.record_acts.get((file, record), "")
                relevant = [a for a in acts.split(",") if a and act_of(a) in RULE_ACTS.get(rule_id, ())]
                errors[(kind, rule_id, file, relevant[0] if len(relevant) == 1 else "")] += 1
        for (kind, rule_id, file, act), n in errors.most_common(top * 2):
            lines.append(f"    {n:5d}  {kind} {rule_id:<40} {file}  [{_describe_tag(act)}]")
    return lines


def _field_group(fld: str | None) -> str:
    if fld is None:
        return "line"
    if fld.startswith("messages["):
        return "turn"
    return fld


def _masked(evaluation: EvalResult, span: Span) -> str:
    text = evaluation.cell_text.get(span.where)
    if text is None:
        return "?"
    return mask_preview(span.raw_type, text[span.start : span.end])


def target_lines(result: DatasetResult) -> list[str]:
    entity = result.entities[PRIVSCAN]
    headline = entity.micro(result.scheme.headline).f1 or 0.0
    national = entity.get(NATIONAL_ID).recall or 0.0
    rules = result.rules.micro().f1 if result.rules else None
    decoys = len(result.decoys.get(PRIVSCAN, []))
    checks = [
        ("entity F1 (headline micro)", headline, f">= {TARGETS['headline_f1']}", headline >= TARGETS["headline_f1"]),
        (
            "national-ID recall",
            national,
            f">= {TARGETS['national_id_recall']}",
            national >= TARGETS["national_id_recall"],
        ),
        ("rule F1 (micro)", rules or 0.0, f">= {TARGETS['rule_f1']}", (rules or 0.0) >= TARGETS["rule_f1"]),
        ("decoy findings", decoys, "== 0", decoys == TARGETS["decoy_findings"]),
    ]
    return [
        f"    {name:<28} {value if isinstance(value, int) else f'{value:.3f}':>7}  target {target:<7} "
        f"{'met' if ok else 'NOT MET'}"
        for name, value, target, ok in checks
    ]


def render(evaluation: EvalResult, errors: int = 10) -> str:
    corpus, result = evaluation.corpus, evaluation.corpus_result
    out = [
        (
            f"privscan eval: EU corpus seed={corpus.seed} size={corpus.size}: {len(corpus.files)} files, "
            f"{corpus.records} records, {len(result.gold)} gold entity spans, "
            f"{sum(1 for r in corpus.rules if not r.optional)} gold rule labels ({corpus.root})"
        ),
        "scan time: " + ", ".join(f"{tool} {result.seconds[tool]:.1f} s" for tool in result.tools),
        "",
        "== Entities: span overlap within (file, record, field), same type ==",
        *entity_table(result),
        "not scored (reported types outside the scored set): "
        + "; ".join(
            f"{tool}: " + (", ".join(f"{t} {n}" for t, n in result.unscored[tool].most_common()) or "none")
            for tool in result.tools
        ),
        "",
        "== National IDs: recall per identifier (any national-ID type / exact type) ==",
        *national_id_table(result),
        "",
        "== Rules: per (file, record, rule_id) ==",
        *rule_table(result),
        "",
        "== Decoy-only file (expected: zero findings) ==",
        *decoy_lines(result),
        "",
        "== privscan against the targets ==",
        *target_lines(result),
    ]
    if evaluation.benchmark is not None:
        bench = evaluation.benchmark
        out += [
            "",
            f"== Presidio benchmark (presidio-research synth_dataset_v2, {len(bench.gold)} scored spans) ==",
            "scan time: " + ", ".join(f"{tool} {bench.seconds[tool]:.1f} s" for tool in bench.tools),
            "labels mapped: STREET_ADDRESS, GPE -> LOCATION; ignored (neither tool targets them): "
            + ", ".join(f"{label} ({n})" for label, n in sorted(bench.ignored_labels.items())),
            *entity_table(bench),
            "not scored: "
            + "; ".join(
                f"{tool}: " + (", ".join(f"{t} {n}" for t, n in bench.unscored[tool].most_common()) or "none")
                for tool in bench.tools
            ),
        ]
    elif evaluation.benchmark_note:
        out += ["", f"== Presidio benchmark: {evaluation.benchmark_note} =="]
    if errors:
        out += ["", f"== Top error sources (EU corpus, masked examples, top {errors}) =="]
        for tool in result.tools:
            out += error_lines(evaluation, result, tool, errors)
    return "\n".join(out) + "\n"


def _dataset_dict(result: DatasetResult) -> dict:
    data: dict = {
        "scheme": result.scheme.name,
        "headline_types": list(result.scheme.headline),
        "scan_seconds": {t: round(s, 2) for t, s in result.seconds.items()},
        "tools": {},
    }
    for tool in result.tools:
        entity = result.entities[tool]
        types = sorted(set(entity.by_type) | set(result.scheme.scored))
        data["tools"][tool] = {
            "entities": {t: entity.get(t).to_dict() for t in types},
            "headline_micro": entity.micro(result.scheme.headline).to_dict(),
            "national_id_recall": _round(entity.get(NATIONAL_ID).recall),
            "national_ids": national_id_breakdown(result, tool),
            "not_scored": dict(result.unscored[tool]),
        }
        if result.decoy_file:
            found = result.decoys.get(tool, [])
            data["tools"][tool]["decoy_findings"] = len(found)
            data["tools"][tool]["decoy_by_type"] = dict(Counter(kind for kind, _, _ in found))
    if result.rules is not None:
        data["tools"][PRIVSCAN]["rules"] = {r: c.to_dict() for r, c in sorted(result.rules.by_rule.items())}
        data["tools"][PRIVSCAN]["rules_micro"] = result.rules.micro().to_dict()
        if PRESIDIO in data["tools"]:
            data["tools"][PRESIDIO]["rules"] = "n/a"
    if result.ignored_labels:
        data["ignored_labels"] = dict(result.ignored_labels)
    if result.decoy_file:
        data["decoy_file"] = {"name": result.decoy_file, "records": result.decoy_records}
    return data


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


__all__ = ["Counts", "EvalResult", "evaluate", "evaluate_benchmark", "render"]
