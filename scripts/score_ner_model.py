"""Score a spaCy NER pipeline's PER and LOC spans on data/real-ner corpora or on a DocBin.

    python scripts/score_ner_model.py --model layers/models/ner/de --corpus data/real-ner/germeval2014-dev
    python scripts/score_ner_model.py --model layers/models/ner/de --corpus data/real-ner/europeana-de --split dev
    python scripts/score_ner_model.py --model layers/models/ner/de --docbin build/ner-train/de/dev.spacy
    python scripts/score_ner_model.py --privscan --lang es --docbin build/ner-train/es/europarl-es.spacy

The model runs on each sentence's text (the corpus's tokens joined by single spaces) with its own
tokenizer; predicted PER counts as PERSON and LOC as LOCATION, every other label is ignored. With
``--privscan`` instead of a model, the whole engine scans the sentences as ``privscan eval --suite real``
does (language identification, the pipelines in NER_MODELS_DIR or layers/models/ner, the filters), for
corpora that are not in data/real-ner. Matching, exact and overlap P/R/F1 are those of ``privscan eval
--suite real`` (tools/privscan_tools/evaluation/real_metrics.py). Prints one JSON object per split.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from privscan_tools.evaluation.real_metrics import SCORED, LabeledSpan, score

PREDICTED = {"PER": "PERSON", "LOC": "LOCATION"}


def corpus_rows(corpus: Path, split: str) -> list[dict]:
    """Rows ``{id, text, spans}`` of one split of a data/real-ner corpus."""
    lines = (corpus / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    return [row for row in map(json.loads, lines) if row["split"] == split]


def docbin_rows(path: Path, lang: str) -> list[dict]:
    """Rows ``{id, text, spans}`` of a DocBin, spans in the corpus's labels."""
    import spacy
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(path).get_docs(spacy.blank(lang).vocab)
    return [
        {"id": f"d{i:06d}", "text": doc.text, "spans": [[e.start_char, e.end_char, e.label_] for e in doc.ents]}
        for i, doc in enumerate(docs)
    ]


def model_predictions(nlp, rows: list[dict]) -> list[LabeledSpan]:
    """The pipeline's PER and LOC spans on each row's text, as PERSON and LOCATION."""
    predicted = []
    for row, doc in zip(rows, nlp.pipe([row["text"] for row in rows], batch_size=64), strict=True):
        predicted.extend(
            LabeledSpan(row["id"], ent.start_char, ent.end_char, PREDICTED[ent.label_])
            for ent in doc.ents
            if ent.label_ in PREDICTED
        )
    return predicted


def privscan_predictions(rows: list[dict]) -> list[LabeledSpan]:
    """privscan's PERSON and LOCATION findings on the rows, scanned as ``privscan eval --suite real`` does."""
    from privscan_tools.evaluation.real_suite import Sentences
    from privscan_tools.evaluation.real_suite import privscan_predictions as scan

    sentences = Sentences("rows", "all", {row["id"]: row["text"] for row in rows}, [])
    with tempfile.TemporaryDirectory() as workdir:
        return scan([sentences], Path(workdir))[0]


def evaluate(nlp, rows: list[dict]) -> dict:
    """Exact and overlap counts and P/R/F1 for PERSON and LOCATION over the rows (`nlp` None: privscan)."""
    gold = [LabeledSpan(row["id"], start, end, label) for row in rows for start, end, label in row["spans"]]
    predicted = privscan_predictions(rows) if nlp is None else model_predictions(nlp, rows)
    result = {"sentences": len(rows)}
    for entity_type in SCORED:
        result[entity_type] = {kind: prf.to_dict() for kind, prf in score(gold, predicted, entity_type).items()}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    scored = parser.add_mutually_exclusive_group(required=True)
    scored.add_argument("--model", type=Path)
    scored.add_argument("--privscan", action="store_true", help="score privscan end to end instead of a model")
    parser.add_argument("--lang", help="the DocBin's language (default: the model's)")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--corpus", type=Path, help="a data/real-ner corpus directory")
    source.add_argument("--docbin", type=Path, help="a .spacy DocBin (e.g. the internal held-out split)")
    parser.add_argument("--split", action="append", choices=("dev", "holdout"), help="default: dev and holdout")
    args = parser.parse_args()
    import spacy

    nlp = None if args.privscan else spacy.load(args.model)
    if args.docbin:
        rows = docbin_rows(args.docbin, args.lang or nlp.lang)
        print(json.dumps({"docbin": str(args.docbin), **evaluate(nlp, rows)}))
        return
    for split in args.split or ("dev", "holdout"):
        rows = corpus_rows(args.corpus, split)
        print(json.dumps({"corpus": args.corpus.name, "split": split, **evaluate(nlp, rows)}))


if __name__ == "__main__":
    main()
