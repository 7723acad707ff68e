"""`privscan eval --suite real`: PERSON and LOCATION accuracy on human-labelled real text, privscan beside
stock Presidio, per corpus (one language each) and per split.

    result = evaluate(load_corpora(default_data_dir()))
    print(render(result)); json.dump(result, ...)

The corpora are small subsets shipped under ``data/real-ner/<corpus>/`` (``sentences.jsonl`` with
``id``, ``split`` (dev | holdout), ``text`` and gold ``spans`` [start, end, label], plus the corpus's
LICENSE); ``scripts/build_real_ner.py`` rebuilds them and ``data/real-ner/README.md`` names each source.
Develop on ``dev``; ``holdout`` is reported but never tuned on.

privscan runs as a user's scan does: each corpus split is written as a JSONL file with one
``{"text": sentence}`` record per line and scanned with `scan_stream` (runner.run_privscan).
Stock Presidio analyses each sentence with one analyze() call (baseline.analyze). Nothing printed
or written contains corpus text: only counts and rates.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from privscan_tools.evaluation import baseline
from privscan_tools.evaluation.metrics import LOCATION_ALIASES, Scheme
from privscan_tools.evaluation.real_metrics import (
    LOCATION,
    PERSON,
    SCORED,
    LabeledSpan,
    common_noun_share,
    on_label,
    score,
)
from privscan_tools.evaluation.runner import _fmt, _table, run_privscan

SPLITS = ("dev", "holdout")
TOOLS = ("privscan", "presidio")
DATA_README = "README.md"
Log = Callable[[str], None]


@dataclass(frozen=True)
class CorpusInfo:
    language: str
    kind: str  # "gold" (human-labelled) or "silver" (automatically labelled)


#: The shipped corpora: name -> language and label quality. Order is the report's.
CORPORA = {
    "uner-en-ewt-dev": CorpusInfo("en", "gold"),
    "germeval2014-dev": CorpusInfo("de", "gold"),
    "europeana-de": CorpusInfo("de", "gold"),
    "europeana-fr": CorpusInfo("fr", "gold"),
    "europeana-nl": CorpusInfo("nl", "gold"),
    "uner-pt-bosque-dev": CorpusInfo("pt", "gold"),
    "europarl-en": CorpusInfo("en", "gold"),
    "europarl-de": CorpusInfo("de", "gold"),
    "europarl-es": CorpusInfo("es", "gold"),
    "europarl-it": CorpusInfo("it", "gold"),
}


@dataclass
class Sentences:
    """One corpus split: sentence texts by id and the gold spans (corpus labels)."""

    corpus: str
    split: str
    texts: dict[str, str]
    gold: list[LabeledSpan]


def default_data_dir() -> Path:
    """data/real-ner at the repository root (this file is tools/privscan_tools/evaluation/...)."""
    return Path(__file__).resolve().parents[3] / "data" / "real-ner"


def load_corpus(directory: Path) -> dict[str, Sentences]:
    """A corpus directory's sentences by split; raises ValueError on a malformed row or span."""
    splits = {split: Sentences(directory.name, split, {}, []) for split in SPLITS}
    lines = (directory / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        row = json.loads(line)
        text, split = row["text"], row["split"]
        if split not in splits or row["id"] in splits[split].texts:
            raise ValueError(f"{directory.name} line {number}: unknown split or duplicate id")
        splits[split].texts[row["id"]] = text
        for start, end, label in row["spans"]:
            if not (0 <= start < end <= len(text)) or text[start:end] != text[start:end].strip():
                raise ValueError(f"{directory.name} line {number}: span [{start}, {end}) does not fit the text")
            splits[split].gold.append(LabeledSpan(row["id"], start, end, label))
    return splits


def load_corpora(data_dir: Path) -> dict[str, dict[str, Sentences]]:
    """Every corpus in CORPORA, by name and split."""
    return {name: load_corpus(data_dir / name) for name in CORPORA}


# ===================================================================================== tools


def privscan_predictions(splits: list[Sentences], workdir: Path) -> list[list[LabeledSpan]]:
    """privscan's PERSON / LOCATION spans for each split, from scanning every split as its own JSONL file of
    {"text": ...} records (one scanner for all, as `privscan scan` does for many objects)."""
    files, ids = [], {}
    for sentences in splits:
        name = f"{sentences.corpus}-{sentences.split}.jsonl"
        ids[name] = list(sentences.texts)
        path = workdir / name
        path.write_text("".join(json.dumps({"text": sentences.texts[i]}) + "\n" for i in ids[name]), encoding="utf-8")
        files.append((name, path, False))
    run = run_privscan(files, Scheme("real-text", scored=SCORED))
    found: dict[str, list[LabeledSpan]] = {name: [] for name in ids}
    for span in run.spans:
        if span.entity_type in SCORED and span.record is not None:
            found[span.file].append(LabeledSpan(ids[span.file][span.record], span.start, span.end, span.entity_type))
    return [found[name] for name, _, _ in files]


def presidio_predictions(sentences: Sentences) -> list[LabeledSpan]:
    """Stock Presidio's PERSON / LOCATION spans, one analyze() call per sentence."""
    analyzer = baseline.stock_analyzer()
    spans = []
    for doc, text in sentences.texts.items():
        for result in baseline.analyze(text, analyzer):
            label = LOCATION if result.entity_type in LOCATION_ALIASES else result.entity_type
            if label in SCORED:
                spans.append(LabeledSpan(doc, result.start, result.end, label))
    return spans


# ================================================================================== scoring


def score_split(sentences: Sentences, predicted: list[LabeledSpan], language: str) -> dict:
    """Every number for one tool on one corpus split."""
    scores = {
        entity: {kind: prf.to_dict() for kind, prf in score(sentences.gold, predicted, entity).items()}
        for entity in SCORED
    }
    result = {"entities": scores, "person_on_org": on_label(sentences.gold, predicted, PERSON, "ORG")}
    if language == "de":
        result["person_common_nouns"] = common_noun_share(sentences.texts, sentences.gold, predicted)
    return result


def evaluate(corpora: dict[str, dict[str, Sentences]], *, presidio: bool = True, log: Log = print) -> dict:
    """Run both tools on every corpus split and score them; the JSON-ready result."""
    tools = TOOLS if presidio else TOOLS[:1]
    splits = [sentences for by_split in corpora.values() for sentences in by_split.values()]
    predictions: dict[str, list[list[LabeledSpan]]] = {}
    seconds = {}
    with tempfile.TemporaryDirectory(prefix="privscan-eval-real-") as tmp:
        log(f"privscan: scanning {sum(len(s.texts) for s in splits)} sentences in {len(splits)} files")
        started = time.perf_counter()
        predictions["privscan"] = privscan_predictions(splits, Path(tmp))
        seconds["privscan"] = round(time.perf_counter() - started, 1)
    if presidio:
        log("presidio: one analyze() call per sentence")
        started = time.perf_counter()
        predictions["presidio"] = [presidio_predictions(sentences) for sentences in splits]
        seconds["presidio"] = round(time.perf_counter() - started, 1)
    result: dict = {"tools": list(tools), "corpora": {}, "seconds": seconds}
    for index, sentences in enumerate(splits):
        info = CORPORA[sentences.corpus]
        entry = result["corpora"].setdefault(
            sentences.corpus, {"language": info.language, "kind": info.kind, "splits": {}}
        )
        entry["splits"][sentences.split] = {
            "sentences": len(sentences.texts),
            "tools": {tool: score_split(sentences, predictions[tool][index], info.language) for tool in tools},
        }
    return result


# ================================================================================= rendering


def _rows(name: str, entry: dict, tools: list[str], kind: str) -> list[list[str]]:
    rows = []
    for split, split_result in entry["splits"].items():
        for entity in SCORED:
            per_tool = {tool: split_result["tools"][tool]["entities"][entity][kind] for tool in tools}
            row = [name, entry["language"], split, entity, str(per_tool[tools[0]]["gold"])]
            for tool in tools:
                row += [_fmt(per_tool[tool][m]) for m in ("precision", "recall", "f1")]
            rows.append(row)
    return rows


def render(result: dict) -> str:
    """Exact and overlap tables (both tools side by side), PERSON-on-ORG counts and the German noun share."""
    tools = result["tools"]
    headers = ["CORPUS", "LANG", "SPLIT", "ENTITY", "SUPPORT"]
    for tool in tools:
        headers += [f"{tool} P", f"{tool} R", f"{tool} F1"]
    lines = ["Real text (human-labelled; see data/real-ner/README.md). Develop on dev; holdout is never tuned on.", ""]
    for kind, title in (("exact", "exact span match"), ("overlap", "overlap match")):
        rows = [row for name, entry in result["corpora"].items() for row in _rows(name, entry, tools, kind)]
        lines += [f"== {title}", *_table(headers, rows, align_left=4), ""]
    lines += [
        "== PERSON predicted on a gold ORG span (false positives), and German PERSON spans that are a",
        "   single capitalised common noun (one token, not sentence-initial, inside no gold entity)",
    ]
    for name, entry in result["corpora"].items():
        for split, split_result in entry["splits"].items():
            parts = []
            for tool in tools:
                scored = split_result["tools"][tool]
                part = f"{tool} PERSON-on-ORG {scored['person_on_org']}"
                nouns = scored.get("person_common_nouns")
                if nouns:
                    part += (
                        f", common nouns {nouns['common_nouns']}/{nouns['person_predictions']} ({_fmt(nouns['share'])})"
                    )
                parts.append(part)
            lines.append(f"{name} {split}: " + "; ".join(parts))
    lines += ["", "seconds: " + ", ".join(f"{tool} {s}" for tool, s in result["seconds"].items()), ""]
    return "\n".join(lines)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_cli(data_dir: Path | None, json_path: Path | None, presidio: bool, log: Log = _stderr) -> int:
    """The `privscan eval --suite real` command: load, evaluate, print, optionally write JSON."""
    data_dir = data_dir or default_data_dir()
    if not (data_dir / DATA_README).is_file():
        log(f"no real-text corpora in {data_dir} (use --real-data DIR)")
        return 2
    result = evaluate(load_corpora(data_dir), presidio=presidio, log=log)
    print(render(result), end="")
    if json_path:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {json_path}")
    return 0
