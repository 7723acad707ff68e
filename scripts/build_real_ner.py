"""Rebuild the real-text NER subsets under data/real-ner/ from the fetched source repositories.

    python scripts/build_real_ner.py --sources /work/.mirror        # default
    python scripts/build_real_ner.py --sources DIR --out data/real-ner

`--sources` holds one git repository per source, named ``<owner>+<name>`` (a clone, or a directory with
the clone in ``repo/``). Each file is read at the pinned commit below with ``git show``, so the output
does not depend on what else the clone holds. Only the splits named here are read: the test splits of
CoNLL-2002/2003, GermEval 2014 and WikiNEuRal are reserved for acceptance and never opened.

Selection, per corpus: parse every sentence of the named file, keep those with 5 to 80 tokens, order
them by SHA-256 of ``<corpus>:<sentence id>``, take the first 2 * PER_SPLIT and assign them alternately
to ``dev`` and ``holdout``. Text is the tokens joined by single spaces; gold spans are character offsets
into that text. Deterministic: the same sources give byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

PER_SPLIT = 300
MIN_TOKENS, MAX_TOKENS = 5, 80
EUROPEANA_CHUNK = 40  # Europeana files have no sentence breaks: cut after . ! ? or at this many tokens


@dataclass(frozen=True)
class Source:
    corpus: str
    language: str
    repo: str
    commit: str
    path: str
    parser: str  # "conllu-iob2" (UNER), "germeval", "europeana" or "conll" (Europarl NER)


SOURCES = (
    Source(
        "germeval2014-dev",
        "de",
        "MaviccPRP/ger_ner_evals",
        "091199e6d30885f6bba18dfd1ba1c7ea1dd51898",
        "corpora/germaner/NER-de-dev.tsv",
        "germeval",
    ),
    Source(
        "europeana-de",
        "de",
        "EuropeanaNewspapers/ner-corpora",
        "6bf838d23112c255fd81431b1187ab30ef6c2d90",
        "enp_DE.onb.bio/enp_DE.onb.bio",
        "europeana",
    ),
    Source(
        "uner-en-ewt-dev",
        "en",
        "UniversalNER/UNER_English-EWT",
        "8ed072de2fd24022cc62458997fe96a8fe191ea4",
        "en_ewt-ud-dev.iob2",
        "conllu-iob2",
    ),
    Source(
        "europeana-fr",
        "fr",
        "EuropeanaNewspapers/ner-corpora",
        "6bf838d23112c255fd81431b1187ab30ef6c2d90",
        "enp_FR.bnf.bio/enp_FR.bnf.bio",
        "europeana",
    ),
    Source(
        "europeana-nl",
        "nl",
        "EuropeanaNewspapers/ner-corpora",
        "6bf838d23112c255fd81431b1187ab30ef6c2d90",
        "enp_NL.kb.bio/enp_NL.kb.bio",
        "europeana",
    ),
    Source(
        "uner-pt-bosque-dev",
        "pt",
        "UniversalNER/UNER_Portuguese-Bosque",
        "f2c2ad67aed900385fbe5d655af41f439c9b3333",
        "pt_bosque-ud-dev.iob2",
        "conllu-iob2",
    ),
    # Europarl NER (Agerri et al. 2018): 799 human-labelled sentences per language of European Parliament
    # proceedings, CoNLL-2002 guidelines; the corpus follows Europarl's terms ("no copyright restrictions").
    *(
        Source(
            f"europarl-{language}",
            language,
            "ixa-ehu/ner-evaluation-corpus-europarl",
            "40e84e215a35c7e46c1b169ad88ab55108a8b0de",
            f"{language}-europarl.test.conll02",
            "conll",
        )
        for language in ("en", "de", "es", "it")
    ),
)

Sentence = tuple[str, list[str], list[str]]  # (id, tokens, IOB tags)


def read_source(sources: Path, source: Source) -> str:
    """The file's text at the pinned commit."""
    base = sources / source.repo.replace("/", "+")
    repo = base / "repo" if (base / "repo").exists() else base
    shown = subprocess.run(
        ["git", "-C", str(repo), "show", f"{source.commit}:{source.path}"], check=True, capture_output=True
    )
    return shown.stdout.decode("utf-8")


def parse_conllu_iob2(text: str) -> list[Sentence]:
    """UNER: CoNLL-U-like blocks, ``# sent_id = ...`` comments, columns id, token, IOB2 tag."""
    sentences, tokens, tags, sent_id = [], [], [], ""
    for line in [*text.splitlines(), ""]:
        if line.startswith("# sent_id = "):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if tokens:
                sentences.append((sent_id, tokens, tags))
            tokens, tags = [], []
        else:
            columns = line.split("\t")
            tokens.append(columns[1])
            tags.append(columns[2])
    return sentences


def parse_germeval(text: str) -> list[Sentence]:
    """GermEval 2014: ``#`` source line, then index, token, outer tag, inner tag. Only the outer level."""
    sentences, tokens, tags = [], [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append((f"s{len(sentences) + 1:05d}", tokens, tags))
            tokens, tags = [], []
            continue
        columns = line.split("\t")
        tokens.append(columns[1])
        tags.append(columns[2])
    return sentences


def parse_europeana(text: str) -> list[Sentence]:
    """Europeana Newspapers: one ``token tag`` per line (IOB1), no sentence breaks: cut after . ! ?
    or every EUROPEANA_CHUNK tokens, never inside an entity."""
    sentences, tokens, tags = [], [], []
    for line in text.splitlines():
        parts = line.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0].strip():
            continue
        tokens.append(parts[0].strip())
        tags.append(parts[1].strip())
        at_end = parts[0] in {".", "!", "?"} or len(tokens) >= EUROPEANA_CHUNK
        if at_end and tags[-1] == "O":
            sentences.append((f"c{len(sentences) + 1:06d}", tokens, tags))
            tokens, tags = [], []
    return sentences


def parse_conll(text: str) -> list[Sentence]:
    """CoNLL-2002 style: ``token<TAB or space>tag`` lines, a blank line between sentences (IOB2)."""
    sentences, tokens, tags = [], [], []
    for line in [*text.splitlines(), ""]:
        token, _, tag = line.strip().replace("\t", " ").rpartition(" ")
        if token:
            tokens.append(token)
            tags.append(tag)
        elif tokens:
            sentences.append((f"l{len(sentences) + 1:05d}", tokens, tags))
            tokens, tags = [], []
    return sentences


PARSERS = {
    "conllu-iob2": parse_conllu_iob2,
    "germeval": parse_germeval,
    "europeana": parse_europeana,
    "conll": parse_conll,
}


def to_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[list]]:
    """Join tokens with single spaces; IOB1 or IOB2 tags become [start, end, label] character spans."""
    text, spans, current = "", [], None
    for token, tag in zip(tokens, tags, strict=True):
        start = len(text) + (1 if text else 0)
        text = f"{text} {token}" if text else token
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and current is not None and current[2] == label
        if prefix in {"B", "I"} and not continues:
            current = [start, len(text), label]
            spans.append(current)
        elif continues:
            current[1] = len(text)
        else:
            current = None
    return text, spans


def select(corpus: str, sentences: list[Sentence]) -> list[tuple[str, Sentence]]:
    """First 2 * PER_SPLIT usable sentences in SHA-256 order, alternately dev and holdout."""
    usable = [s for s in sentences if MIN_TOKENS <= len(s[1]) <= MAX_TOKENS]
    usable.sort(key=lambda s: hashlib.sha256(f"{corpus}:{s[0]}".encode()).hexdigest())
    chosen = usable[: 2 * PER_SPLIT]
    return [("dev" if i % 2 == 0 else "holdout", s) for i, s in enumerate(chosen)]


def build(sources: Path, out: Path) -> None:
    for source in SOURCES:
        sentences = PARSERS[source.parser](read_source(sources, source))
        rows = []
        for split, (sent_id, tokens, tags) in select(source.corpus, sentences):
            text, spans = to_spans(tokens, tags)
            rows.append({"id": sent_id, "split": split, "text": text, "spans": spans})
        rows.sort(key=lambda row: (row["split"], row["id"]))
        target = out / source.corpus / "sentences.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{source.corpus}: {len(rows)} of {len(sentences)} sentences -> {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "real-ner")
    args = parser.parse_args()
    build(args.sources, args.out)


if __name__ == "__main__":
    main()
