"""Where the gold PERSON spans that privscan misses are lost: the gate, the model, or privscan's filters.

    PRIVSCAN_WORKERS=1 python scripts/person_misses.py --corpus data/real-ner/germeval2014-dev --split dev
    PRIVSCAN_WORKERS=1 python scripts/person_misses.py --docbin build/eval/europarl-es-dev.spacy --lang es

Each sentence is run through the detector as `privscan eval --suite real` scans it. A gold PERSON span that no
PERSON finding overlaps is counted as lost at the gate (`prefilter.ner_gate`: the text never reached
NER), missed by the model (no PERSON span of the text's model overlaps it: the language's own pipeline, else
the English one), or dropped by privscan (the model found it and the filters removed it: `ner_filters.trim`,
`ner_filters.foreign_span`, `detect.plausible`, or an overlap with another finding). Findings are counted as
the model's or as recalled (engine/name_cues.py: no model PERSON span overlaps them), each right or wrong.
Prints one JSON object of counts; no text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def model_persons(detector, text: str, language: str | None) -> tuple[list[tuple[int, int]], bool]:
    """The PERSON spans of the text's model, and whether that is the English model reading another language."""
    if language not in (None, detector.config.language) and detector.ner_models.has(language):
        found = detector.ner_models.entities(language, [text])[0]
        return [(start, end) for start, end, label in found if label == "PERSON"], False
    doc = detector._nlp(text)
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    return spans, language not in (None, detector.config.language)


def lost_where(detector, text: str, gold: tuple[int, int], language: str | None, model: list, foreign: bool) -> str:
    """Why a gold span that no finding overlaps was lost: gate, model, or the filter that dropped it."""
    from privscan.engine.detect import plausible
    from privscan.engine.ner_filters import foreign_span, trim
    from privscan.engine.prefilter import names_in_language, ner_gate

    gate = ner_gate(text)
    if not (gate is True or (gate and names_in_language(gate, language))):
        return "gate"
    hits = [span for span in model if _overlap(span, gold)]
    if not hits:
        return "model"
    span = trim("PERSON", text, *hits[0], language, foreign)
    if span is not None and foreign:
        span = foreign_span("PERSON", text, *span)
    if span is None:
        return "filter:words"
    if not plausible("PERSON", text[span[0] : span[1]], language):
        return "filter:plausible"
    return "filter:overlap"


def analyse(rows: list[dict]) -> dict:
    from privscan.engine import get_scanner
    from privscan.engine.detect import Unit
    from privscan.engine.language import language_of

    detector = get_scanner().detector
    lost, findings = Counter(), Counter()
    for row in rows:
        text = row["text"]
        gold = [(start, end) for start, end, label in row["spans"] if label.split("-")[-1] == "PER"]
        found = [(s, e) for entity, s, e, *_ in detector.run([Unit(text, 0, None, None)])[0] if entity == "PERSON"]
        language = language_of(text)
        model, foreign = model_persons(detector, text, language)
        for span in gold:
            if any(_overlap(span, f) for f in found):
                lost["found"] += 1
            else:
                lost[lost_where(detector, text, span, language, model, foreign)] += 1
        for span in found:
            source = "model" if any(_overlap(span, m) for m in model) else "recalled"
            findings[f"{source}:{'right' if any(_overlap(span, g) for g in gold) else 'wrong'}"] += 1
    return {
        "gold": sum(lost.values()),
        "gold_spans": dict(sorted(lost.items())),
        "findings": dict(sorted(findings.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--corpus", type=Path, help="a data/real-ner corpus directory")
    source.add_argument("--docbin", type=Path, help="a .spacy DocBin")
    parser.add_argument("--split", default="dev", choices=("dev", "holdout"))
    parser.add_argument("--lang", help="the DocBin's language")
    args = parser.parse_args()
    import score_ner_model

    if args.docbin:
        rows = score_ner_model.docbin_rows(args.docbin, args.lang)
        print(json.dumps({"docbin": str(args.docbin), **analyse(rows)}))
    else:
        rows = score_ner_model.corpus_rows(args.corpus, args.split)
        print(json.dumps({"corpus": args.corpus.name, "split": args.split, **analyse(rows)}))


if __name__ == "__main__":
    main()
