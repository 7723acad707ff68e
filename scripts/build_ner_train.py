"""Build per-language NER training data (spaCy DocBin) from openly licensed, human-labelled corpora.

    python scripts/build_ner_train.py --sources /work/.mirror                  # every language
    python scripts/build_ner_train.py --sources DIR --lang de --out build/ner-train

`--sources` holds one git repository per source, named ``<owner>+<name>`` (as for build_real_ner.py); each
file is read at the pinned commit below with ``git show``, so the output depends only on those commits.

What it does, per language:

1. parse every source file of the language into sentences of (tokens, IOB tags);
2. map the corpus's labels onto four: PER, LOC, ORG, MISC (GermEval OTH and every *deriv / *part label,
   HIPE's HumanProd become MISC; HIPE's time and anything else become O), so the model learns to tell
   persons and places from organisations and other names;
3. drop every sentence whose text is one of the data/real-ner sentences (dev and holdout, all corpora),
   or shares a run of SHINGLE tokens with one of them, so no measured sentence is ever trained on;
4. drop repeated sentences (same text) and sentences outside MIN_TOKENS..MAX_TOKENS;
5. assign each sentence by SHA-256 of ``<lang>:<text>`` to ``train`` or to the internal held-out ``dev``
   split (1 in DEV_EVERY), which spaCy uses to pick the best checkpoint.

Writes ``<out>/<lang>/train.spacy``, ``<out>/<lang>/dev.spacy`` and ``<out>/<lang>/stats.json``. The test
splits of CoNLL-2002/2003, GermEval 2014 and all of WikiNEuRal are reserved for acceptance and never
read. The output is deterministic: the same sources give the same sentences in the same order.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_TOKENS, MAX_TOKENS = 3, 120
HIPE_MAX_TOKENS = 80  # HIPE sentences run long where OCR lost the full stop: cut at an O tag after this many
SHINGLE = 8
DEV_EVERY = 10
LABELS = ("PER", "LOC", "ORG", "MISC")


def _load_real_ner_builder():
    spec = importlib.util.spec_from_file_location("build_real_ner", Path(__file__).with_name("build_real_ner.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_real_ner", module)
    spec.loader.exec_module(module)
    return module


REAL = _load_real_ner_builder()
Sentence = tuple[str, list[str], list[str]]  # (id, tokens, IOB tags)


@dataclass(frozen=True)
class TrainSource:
    name: str
    language: str
    repo: str
    commit: str
    path: str
    parser: str  # "germeval", "europeana", "hipe" or "conllu-iob2" (UNER)
    licence: str


EUROPEANA = ("EuropeanaNewspapers/ner-corpora", "6bf838d23112c255fd81431b1187ab30ef6c2d90")
HIPE = ("hipe-eval/HIPE-2022-data", "147f5bc3c7fb7e5c6b024a9ffd6503cd019fb9ea")
GERMEVAL_DEV = ("MaviccPRP/ger_ner_evals", "091199e6d30885f6bba18dfd1ba1c7ea1dd51898")

SOURCES = (
    TrainSource("germeval2014-dev", "de", *GERMEVAL_DEV, "corpora/germaner/NER-de-dev.tsv", "germeval", "CC BY 4.0"),
    TrainSource("europeana-de-onb", "de", *EUROPEANA, "enp_DE.onb.bio/enp_DE.onb.bio", "europeana", "CC0 1.0"),
    TrainSource("europeana-de-lft", "de", *EUROPEANA, "enp_DE.lft.bio/enp_DE.lft.bio", "europeana", "CC0 1.0"),
    TrainSource("europeana-de-sbb", "de", *EUROPEANA, "enp_DE.sbb.bio/enp_DE.sbb.bio", "europeana", "CC0 1.0"),
    TrainSource(
        "hipe2022-newseye-de-dev",
        "de",
        *HIPE,
        "data/v2.1/newseye/de/HIPE-2022-v2.1-newseye-dev-de.tsv",
        "hipe",
        "CC BY 4.0",
    ),
    TrainSource(
        "hipe2022-newseye-de-dev2",
        "de",
        *HIPE,
        "data/v2.1/newseye/de/HIPE-2022-v2.1-newseye-dev2-de.tsv",
        "hipe",
        "CC BY 4.0",
    ),
    TrainSource(
        "hipe2022-sonar-de-dev", "de", *HIPE, "data/v2.1/sonar/de/HIPE-2022-v2.1-sonar-dev-de.tsv", "hipe", "CC BY 4.0"
    ),
    TrainSource("europeana-fr-bnf", "fr", *EUROPEANA, "enp_FR.bnf.bio/enp_FR.bnf.bio", "europeana", "CC0 1.0"),
    TrainSource(
        "hipe2022-newseye-fr-dev",
        "fr",
        *HIPE,
        "data/v2.1/newseye/fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
        "hipe",
        "CC BY 4.0",
    ),
    TrainSource(
        "hipe2022-newseye-fr-dev2",
        "fr",
        *HIPE,
        "data/v2.1/newseye/fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv",
        "hipe",
        "CC BY 4.0",
    ),
    TrainSource("europeana-nl-kb", "nl", *EUROPEANA, "enp_NL.kb.bio/enp_NL.kb.bio", "europeana", "CC0 1.0"),
    TrainSource(
        "uner-pt-bosque-train",
        "pt",
        "UniversalNER/UNER_Portuguese-Bosque",
        "f2c2ad67aed900385fbe5d655af41f439c9b3333",
        "pt_bosque-ud-train.iob2",
        "conllu-iob2",
        "CC BY-SA 4.0",
    ),
)


def parse_europeana(text: str) -> list[Sentence]:
    """Europeana ``token tag`` lines; ``#`` comment lines (the SBB file's page headers) are skipped first,
    then the real-ner builder's own chunking applies, so its sentences are cut exactly as there."""
    kept = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return REAL.parse_europeana(kept)


def parse_hipe(text: str) -> list[Sentence]:
    """HIPE-2022 TSV: TOKEN and NE-COARSE-LIT columns; a sentence ends at ``EndOfSentence`` in MISC, at a
    document boundary, or after HIPE_MAX_TOKENS tokens on an O tag."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def close() -> None:
        nonlocal tokens, tags
        if tokens:
            sentences.append((f"h{len(sentences) + 1:06d}", tokens, tags))
        tokens, tags = [], []

    for line in text.splitlines():
        if line.startswith("TOKEN\t") or not line.strip():
            continue
        if line.startswith("#"):
            close()
            continue
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0].strip():
            continue
        tokens.append(columns[0].strip())
        tags.append(columns[1].strip())
        ends = "EndOfSentence" in columns[-1] or (len(tokens) >= HIPE_MAX_TOKENS and tags[-1] == "O")
        if ends:
            close()
    close()
    return sentences


PARSERS = {
    "germeval": REAL.parse_germeval,
    "europeana": parse_europeana,
    "hipe": parse_hipe,
    "conllu-iob2": REAL.parse_conllu_iob2,
}


def normalise_label(label: str) -> str | None:
    """One of LABELS for a corpus label (no B-/I- prefix), None for labels not kept."""
    upper = label.upper()
    if upper in {"PER", "LOC", "ORG", "MISC"}:
        return upper
    if upper in {"OTH", "HUMANPROD", "PROD"} or upper.endswith(("DERIV", "PART")):
        return "MISC"
    return None


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """IOB tags with labels mapped by normalise_label; unknown labels become O."""
    result = []
    for tag in tags:
        prefix, _, label = tag.strip().partition("-")
        mapped = normalise_label(label) if prefix.upper() in {"B", "I"} else None
        result.append(f"{prefix.upper()}-{mapped}" if mapped else "O")
    return result


def shingles(tokens: list[str], size: int = SHINGLE) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive tokens (the whole sentence when shorter)."""
    if len(tokens) <= size:
        return {tuple(tokens)}
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@dataclass
class Excluded:
    """Texts and token shingles of every measured sentence (data/real-ner, all splits, all corpora)."""

    texts: set[str]
    runs: set[tuple[str, ...]]

    @classmethod
    def from_real_ner(cls, directory: Path) -> Excluded:
        texts: set[str] = set()
        runs: set[tuple[str, ...]] = set()
        for path in sorted(directory.glob("*/sentences.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                text = json.loads(line)["text"]
                texts.add(text)
                runs |= shingles(text.split(" "))
        return cls(texts, runs)

    def hits(self, tokens: list[str]) -> bool:
        text = " ".join(tokens)
        if text in self.texts:
            return True
        if len(tokens) < SHINGLE:
            return False
        return not self.runs.isdisjoint(shingles(tokens))


def split_of(language: str, text: str) -> str:
    """``dev`` for one sentence in DEV_EVERY (by SHA-256 of language and text), else ``train``."""
    digest = hashlib.sha256(f"{language}:{text}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % DEV_EVERY == 0 else "train"


def select(language: str, named: Iterable[tuple[str, Sentence]], excluded: Excluded) -> tuple[list[dict], Counter]:
    """Training rows ``{source, split, text, spans}`` from (source name, sentence) pairs, with the reasons
    sentences were dropped counted."""
    rows, seen, dropped = [], set(), Counter()
    for source, (_, tokens, tags) in named:
        if not MIN_TOKENS <= len(tokens) <= MAX_TOKENS:
            dropped["length"] += 1
            continue
        text, spans = REAL.to_spans(tokens, normalise_tags(tags))
        if excluded.hits(tokens):
            dropped["measured"] += 1
            continue
        if text in seen:
            dropped["repeated"] += 1
            continue
        seen.add(text)
        rows.append({"source": source, "split": split_of(language, text), "text": text, "spans": spans})
    return rows, dropped


def read_sentences(sources: Path, source: TrainSource) -> list[Sentence]:
    return PARSERS[source.parser](REAL.read_source(sources, source))


def to_docbin(language: str, rows: list[dict]):
    """A spaCy DocBin of the rows: the corpus's tokens (single spaces) and its entity spans."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank(language).vocab
    docs = DocBin(store_user_data=False)
    for row in rows:
        words = row["text"].split(" ")
        doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        doc.ents = [doc.char_span(start, end, label=label) for start, end, label in row["spans"]]
        docs.add(doc)
    return docs


def build_language(language: str, sources: Path, out: Path, excluded: Excluded) -> dict:
    named = []
    for source in SOURCES:
        if source.language == language:
            named.extend((source.name, sentence) for sentence in read_sentences(sources, source))
    rows, dropped = select(language, named, excluded)
    target = out / language
    target.mkdir(parents=True, exist_ok=True)
    stats = {"language": language, "dropped": dict(sorted(dropped.items())), "splits": {}}
    for split in ("train", "dev"):
        chosen = [row for row in rows if row["split"] == split]
        to_docbin(language, chosen).to_disk(target / f"{split}.spacy")
        labels = Counter(label for row in chosen for _, _, label in row["spans"])
        stats["splits"][split] = {
            "sentences": len(chosen),
            "tokens": sum(len(row["text"].split(" ")) for row in chosen),
            "spans": dict(sorted(labels.items())),
            "by_source": dict(sorted(Counter(row["source"] for row in chosen).items())),
        }
    (target / "stats.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "ner-train")
    parser.add_argument("--real-ner", type=Path, default=ROOT / "data" / "real-ner")
    parser.add_argument("--lang", action="append", help="language to build (repeatable; default: all)")
    args = parser.parse_args()
    excluded = Excluded.from_real_ner(args.real_ner)
    languages = args.lang or sorted({source.language for source in SOURCES})
    for language in languages:
        stats = build_language(language, args.sources, args.out, excluded)
        print(json.dumps(stats))


if __name__ == "__main__":
    main()
