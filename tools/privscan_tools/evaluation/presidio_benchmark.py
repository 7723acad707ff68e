"""Presidio's own benchmark (presidio-research ``synth_dataset_v2.json``): English sentences with spans.

Each sample: ``{"full_text": ..., "spans": [{"entity_type", "start_position", "end_position", ...}]}``.
Labels are mapped to the types the tools report (STREET_ADDRESS and GPE → LOCATION); labels neither
tool targets are ignored (`IGNORED_LABELS`). For privscan the samples are written as JSONL
(``{"full_text": ...}`` per line), so they go through the same reader and scan path as any file:
record = sample index, field = ``full_text``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from privscan_tools.evaluation.metrics import HEADLINE, Scheme, Span

DEFAULT_RELATIVE_PATH = Path("..") / "shared" / "benchmarks" / "presidio_synth_dataset_v2.json"
FILE_NAME = "presidio_synth_dataset_v2.jsonl"
FIELD = "full_text"

#: Labels in the benchmark that neither privscan nor stock Presidio (as configured here) reports.
IGNORED_LABELS = ("TITLE", "ORGANIZATION", "DATE_TIME", "AGE", "ZIP_CODE", "DOMAIN_NAME")
LABEL_MAP: dict[str, str | None] = {
    "STREET_ADDRESS": "LOCATION",
    "GPE": "LOCATION",
    **{label: None for label in IGNORED_LABELS},
}


@dataclass
class Benchmark:
    path: Path
    texts: list[str]
    gold: list[Span]
    scheme: Scheme
    ignored: Counter  # ignored label -> spans


def default_path(start: Path | None = None) -> Path | None:
    """``../shared/benchmarks/presidio_synth_dataset_v2.json`` relative to the repository root, if present."""
    roots = []
    here = (start or Path.cwd()).resolve()
    roots += [p for p in (here, *here.parents) if (p / "pyproject.toml").is_file()]
    roots.append(Path(__file__).resolve().parents[3])  # tools/privscan_tools/evaluation -> repo root
    for root in roots:
        candidate = (root / DEFAULT_RELATIVE_PATH).resolve()
        if candidate.is_file():
            return candidate
    return None


def load(path: Path) -> Benchmark:
    samples = json.loads(Path(path).read_text(encoding="utf-8"))
    texts, gold, ignored = [], [], Counter()
    for record, sample in enumerate(samples):
        text = sample["full_text"]
        texts.append(text)
        for span in sample.get("spans") or []:
            label = span["entity_type"]
            mapped = LABEL_MAP.get(label, label)
            if mapped is None:
                ignored[label] += 1
                continue
            gold.append(
                Span(FILE_NAME, record, FIELD, span["start_position"], span["end_position"], mapped, raw_type=label)
            )
    scored = tuple(sorted({s.entity_type for s in gold}))
    scheme = Scheme("presidio-synth-v2", scored=scored, headline=HEADLINE)
    return Benchmark(Path(path), texts, gold, scheme, ignored)


def write_jsonl(benchmark: Benchmark, path: Path) -> Path:
    """The samples as JSONL for privscan's readers: one ``{"full_text": ...}`` per line."""
    with Path(path).open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({FIELD: text}, ensure_ascii=False) + "\n" for text in benchmark.texts)
    return Path(path)
