"""`privscan eval --suite statements`: special-category statements in real sentences, dev and reserved.

The sentences (1,478) are real text from Universal Dependencies treebanks (en, de, fr, es, it, nl, pl), shipped
under ``data/statements-challenge/`` with their licences (see its README). Each sentence was chosen
because it holds a word of a statement category (a disease, a religion, a party, an arrest, "delete")
and is labelled with the categories it states of a specific person, or none: most are look-alikes
("Fallujah was closed in a general strike", "Christian Yoder", "the Depression", "arrêté préfectoral").

The statement detector runs on each sentence alone (the scanner's spaCy pipeline and SignalDetector, its
default threshold). A sentence-category pair is a true positive when the detector reports a category the
sentence is labelled with, a false negative when it does not, a false positive when it reports a category
the sentence is not labelled with. ``split`` is fixed by a hash of the sentence id (translations of one PUD
sentence share it): develop on ``dev``;
``reserved`` is reported, never tuned on. Nothing printed contains sentence text: counts, rates and ids.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("dev", "reserved")


@dataclass(frozen=True)
class Sentence:
    id: str
    lang: str
    split: str
    labels: frozenset[str]
    text: str


def default_path() -> Path:
    """data/statements-challenge/sentences.jsonl at the repository root."""
    return Path(__file__).resolve().parents[3] / "data" / "statements-challenge" / "sentences.jsonl"


def load(path: Path | None = None) -> list[Sentence]:
    """The labelled sentences; raises ValueError on a row without a known split."""
    rows = []
    with (path or default_path()).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row["split"] not in SPLITS:
                raise ValueError(f"{row['id']}: unknown split {row['split']!r}")
            rows.append(Sentence(row["id"], row["lang"], row["split"], frozenset(row["labels"]), row["text"]))
    return rows


def predict(sentences: list[Sentence]) -> list[frozenset[str]]:
    """The categories the scanner's statement detector reports for each sentence."""
    import spacy
    from privscan.engine.config import EngineConfig
    from privscan.engine.signals import SignalDetector

    nlp = spacy.load(EngineConfig().spacy_model)
    detector = SignalDetector(nlp)
    return [
        frozenset(signal.category for signal in detector.detect(doc)) for doc in nlp.pipe(s.text for s in sentences)
    ]


def score(sentences: list[Sentence], predicted: list[frozenset[str]]) -> dict:
    """Per split: overall and per-language / per-category counts, P/R/F1 and look-alike sentences that fired."""
    result: dict = {}
    for split in SPLITS:
        total, by_lang, by_cat = Counter(), {}, {}
        misses, false_alarms = [], []
        for sentence, got in zip(sentences, predicted, strict=True):
            if sentence.split != split:
                continue
            lang = by_lang.setdefault(sentence.lang, Counter())
            for counter in (total, lang):
                counter["sentences"] += 1
                counter["positives"] += bool(sentence.labels)
            for category in sentence.labels | got:
                kind = "fp" if category not in sentence.labels else "tp" if category in got else "fn"
                for counter in (total, lang, by_cat.setdefault(category, Counter())):
                    counter[kind] += 1
            if sentence.labels - got:
                misses.append(sentence.id)
            if got - sentence.labels:
                false_alarms.append(sentence.id)
            if not sentence.labels and got:
                total["lookalikes_fired"] += 1
                lang["lookalikes_fired"] += 1
        result[split] = {
            "overall": _rates(total),
            "languages": {lang: _rates(c) for lang, c in sorted(by_lang.items())},
            "categories": {cat: _rates(c) for cat, c in sorted(by_cat.items())},
            "missed_ids": misses,
            "false_alarm_ids": false_alarms,
        }
    return result


def _rates(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {key: counts[key] for key in ("sentences", "positives", "tp", "fp", "fn", "lookalikes_fired")}
    return out | {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def render(result: dict, ids: int = 10) -> str:
    """Tables per split: overall, per language, per category; then up to `ids` missed and false-alarm ids."""
    lines = ["privscan eval --suite statements: special-category statements in real sentences (UD treebanks)"]
    header = (
        f"  {'':<24}{'sent':>6}{'pos':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}{'look-alikes fired':>19}"
    )
    for split in SPLITS:
        entry = result[split]
        lines += ["", f"[{split}]", header]
        rows = [("all", entry["overall"])] + [(f"lang {k}", v) for k, v in entry["languages"].items()]
        rows += [(k, v) for k, v in entry["categories"].items()]
        for name, r in rows:
            lines.append(
                f"  {name:<24}{r['sentences'] or '':>6}{r['positives'] or '':>5}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}"
                f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['lookalikes_fired'] or '':>19}"
            )
        if ids:
            lines.append(f"  missed: {', '.join(entry['missed_ids'][:ids]) or '-'}")
            lines.append(f"  false alarms: {', '.join(entry['false_alarm_ids'][:ids]) or '-'}")
    return "\n".join(lines) + "\n"


def run_cli(path: Path | None, json_path: Path | None, ids: int = 10) -> int:
    sentences = load(path)
    print(f"running the statement detector on {len(sentences)} sentences ...", file=sys.stderr, flush=True)
    result = score(sentences, predict(sentences))
    sys.stdout.write(render(result, ids))
    if json_path:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0
