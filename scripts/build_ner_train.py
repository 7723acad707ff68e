"""Build per-language NER training data (spaCy DocBin) from openly licensed, human-labelled corpora.

    python scripts/build_ner_train.py --sources /work/.mirror                  # every language
    python scripts/build_ner_train.py --sources DIR --lang de --out build/ner-train

`--sources` holds one git repository per source, named ``<owner>+<name>`` (as for build_real_ner.py); each
file is read at the pinned commit below with ``git show``, so the output depends only on those commits.

What it does, per language:

1. parse every source file of the language into sentences of (tokens, IOB tags);
2. map the corpus's labels onto four: PER, LOC, ORG, MISC (GermEval OTH and every *deriv / *part label,
   HIPE's HumanProd become MISC; HIPE's time and anything else become O; SmartData and German LER by
   their own tables below, with punctuation at a name's edges left out), so the model learns to tell
   persons and places from organisations and other names; keep the share of each source set on it
   (German LER: one in four sentences without a person or place, none citing literature);
3. drop every sentence whose text is one of the data/real-ner sentences (dev and holdout, all corpora),
   or shares a run of SHINGLE tokens with one of them, so no measured sentence is ever trained on;
4. drop repeated sentences (same text) and sentences outside MIN_TOKENS..MAX_TOKENS;
5. assign each sentence by SHA-256 of ``<lang>:<text>`` to ``train`` or to the internal held-out ``dev``
   split (1 in DEV_EVERY), which spaCy uses to pick the best checkpoint.

Writes ``<out>/<lang>/train.spacy``, ``<out>/<lang>/dev.spacy`` and ``<out>/<lang>/stats.json``, and for
German ``<out>/de/smartdata-v3-test.spacy``: SmartData's test split, only to measure on (its documents and
sentences are kept out of training). The test splits of CoNLL-2002/2003, GermEval 2014 and all of
WikiNEuRal are reserved for acceptance and never read, nor is German LER's test file. The output is
deterministic: the same sources give the same sentences in the same order.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import subprocess
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
    """One corpus file. `labels` maps the corpus's own labels onto LABELS (a label not in it becomes O);
    empty means normalise_label's generic mapping. `every` keeps one sentence in that many (by SHA-256 of
    source and text: to keep one register from outweighing the others), `plain_every` does the same for
    sentences without a PER or LOC span only, and a sentence with a label in `drop_with` is left out
    whole (where that label covers names that are not tagged as persons)."""

    name: str
    language: str
    repo: str
    commit: str
    path: str
    parser: str  # "germeval", "europeana", "hipe", "conllu-iob2" (UNER), "conll-space", "smartdata-v1" or -v3
    licence: str
    labels: tuple[tuple[str, str], ...] = ()
    every: int = 1
    plain_every: int = 1
    drop_with: tuple[str, ...] = ()


EUROPEANA = ("EuropeanaNewspapers/ner-corpora", "6bf838d23112c255fd81431b1187ab30ef6c2d90")
HIPE = ("hipe-eval/HIPE-2022-data", "147f5bc3c7fb7e5c6b024a9ffd6503cd019fb9ea")
GERMEVAL_DEV = ("MaviccPRP/ger_ner_evals", "091199e6d30885f6bba18dfd1ba1c7ea1dd51898")
SMARTDATA = ("DFKI-NLP/smartdata-corpus", "796c8b8f5d76fcdeb7f2458c4f8df5711e2115af")
LER = ("elenanereiss/Legal-Entity-Recognition", "f9c2b950898c56fdc328e553d5537c7611a0ffb1")
# MultiCoNER v1 (Spanish) and v2 (Spanish, Italian development files), CC BY 4.0, as copied into these
# repositories with the organisers' file names; every other copy's training file is over the size readable here.
MULTICONER_V1 = ("aapop/multiconer_AaltoNLP", "8886b4cbbf8f2ec3812f8d6b9098a6200ab3a9fd")
MULTICONER_V2 = ("diqiuzhuanzhuan/semeval-2023", "3f2f1402f2bf26755e300dde17c1994daa72b37c")
MEDDOCAN = ("PlanTL-GOB-ES/SPACCC_MEDDOCAN", "783a6df385c975b328c99bcffb54196a9ba4078a")
EUROPARL = ("ixa-ehu/ner-evaluation-corpus-europarl", "40e84e215a35c7e46c1b169ad88ab55108a8b0de")
# Reserved test sets, read only for SHA-256 hashes of their normalised sentence text (reserved_hashes): the
# CoNLL-2002 Spanish test file and WikiNEuRal's es / it files, as copied into the WikiNEuRal repository.
WIKINEURAL = ("Babelscape/wikineural", "d2e28c770cba2b285e742529ae18ed849e336c65")
RESERVED_FOR_HASHES = {
    "es": (
        "data/conll/es/test.conllu",
        "data/wikineural/es/train.conllu",
        "data/wikineural/es/val.conllu",
        "data/wikineural/es/test.conllu",
    ),
    "it": ("data/wikineural/it/train.conllu", "data/wikineural/it/val.conllu", "data/wikineural/it/test.conllu"),
}

# SmartData: persons; places (general, cities, streets, public-transport stops); companies and other
# organisations. Routes (motorway and train line names such as "A9", "S7") are names but neither persons
# nor places: MISC. Dates, numbers, triggers, job positions and the like: O.
SMARTDATA_LABELS = (
    ("PERSON", "PER"),
    ("LOCATION", "LOC"),
    ("LOCATION_CITY", "LOC"),
    ("LOCATION_STREET", "LOC"),
    ("LOCATION_STOP", "LOC"),
    ("LOCATION_ROUTE", "MISC"),
    ("ORGANIZATION", "ORG"),
    ("ORGANIZATION_COMPANY", "ORG"),
)
# German LER: persons, judges, lawyers; countries, cities, streets, landscapes; organisations, companies,
# institutions, courts, brands. Laws, regulations, court decisions, EU norms, contracts: O. Literature
# (LIT) citations carry authors' names that are not tagged as persons: such sentences are left out.
LER_LABELS = (
    ("PER", "PER"),
    ("RR", "PER"),
    ("AN", "PER"),
    ("LD", "LOC"),
    ("ST", "LOC"),
    ("STR", "LOC"),
    ("LDS", "LOC"),
    ("ORG", "ORG"),
    ("UN", "ORG"),
    ("INN", "ORG"),
    ("GRT", "ORG"),
    ("MRK", "ORG"),
)
# MultiCoNER v1: persons, places; groups and corporations as organisations; creative works and products as
# other names.
MULTICONER_V1_LABELS = (
    ("PER", "PER"),
    ("LOC", "LOC"),
    ("GRP", "ORG"),
    ("CORP", "ORG"),
    ("CW", "MISC"),
    ("PROD", "MISC"),
)
# MultiCoNER v2's fine types onto the four; food, drinks, clothing and the medical types are common nouns: O.
MULTICONER_V2_LABELS = (
    *(
        (label, "PER")
        for label in ("ARTIST", "ATHLETE", "POLITICIAN", "CLERIC", "SCIENTIST", "SPORTSMANAGER", "OTHERPER")
    ),
    *((label, "LOC") for label in ("HUMANSETTLEMENT", "FACILITY", "STATION", "OTHERLOC")),
    *(
        (label, "ORG")
        for label in (
            "ORG",
            "MUSICALGRP",
            "SPORTSGRP",
            "PUBLICCORP",
            "PRIVATECORP",
            "AEROSPACEMANUFACTURER",
            "CARMANUFACTURER",
        )
    ),
    *(
        (label, "MISC")
        for label in ("VISUALWORK", "MUSICALWORK", "WRITTENWORK", "ARTWORK", "SOFTWARE", "VEHICLE", "OTHERPROD")
    ),
)
# MEDDOCAN (clinical cases): patients', clinicians' and relatives' names (a relative's span that is a relation,
# "madre", is O); cities, provinces, countries and streets (postcodes, tagged as territories, are O); hospitals
# and institutions. Dates, ages, identifiers, e-mail addresses, professions: O.
MEDDOCAN_LABELS = (
    ("NOMBRE_SUJETO_ASISTENCIA", "PER"),
    ("NOMBRE_PERSONAL_SANITARIO", "PER"),
    ("FAMILIARES_NOMBRE", "PER"),
    ("TERRITORIO", "LOC"),
    ("PAIS", "LOC"),
    ("CALLE", "LOC"),
    ("HOSPITAL", "ORG"),
    ("INSTITUCION", "ORG"),
    ("CENTRO_SALUD", "ORG"),
)
# Tokens after which recasing capitalises the next word (a sentence or a question opens there).
SENTENCE_MARKS = frozenset({".", "!", "?", "…", "¿", "¡", ":", "«", '"'})
MERGE_EVERY = 3  # MultiCoNER sentences per training text (merge_rows)
# MultiCoNER variation (vary): one sentence in VARY_EVERY names a person by the last word of the name only,
# one in VARY_EVERY (drawn separately) writes the titles and institution words below with a capital.
VARY_EVERY = 2
# Article and title that vary puts before a surname, per model language. None for Italian: the Italian
# model trained with them found fewer places on the Europarl dev split (layers/models/ner/README.md).
ADDRESS = {
    "es": (("el", "señor"), ("la", "señora"), ("el", "Sr."), ("la", "Sra."), ("el", "presidente"), ("el", "ministro")),
}
# Titles, forms of address and institution words that Spanish and Italian text often capitalises without
# them being a person's or a place's name ("el Presidente", "Señorías", "il Governo").
CAPITALISED_WORDS = frozenset(
    ("alcalde", "alcaldesa", "comisario", "comisaria", "comisión", "consejo", "diputado", "diputada", "doctor")
    + ("doctora", "don", "doña", "estado", "estados", "general", "gobierno", "juez", "jueza", "ministro")
    + ("ministra", "obispo", "papa", "parlamento", "presidencia", "presidente", "presidenta", "princesa")
    + ("príncipe", "reina", "rey", "secretario", "secretaria", "senador", "senadora", "señor", "señora")
    + ("señorías", "commissario", "commissione", "consiglio", "deputato", "deputata", "dottore", "dottoressa")
    + ("generale", "giudice", "governo", "onorevole", "presidenza", "principe", "re", "regina", "segretario")
    + ("senatore", "signor", "signora", "signore", "sindaco", "stato", "vescovo")
)
# Lower-case words inside a name that recasing leaves lower-case (MultiCoNER is all lower-case).
PARTICLES = frozenset(
    ("a", "al", "da", "das", "de", "degli", "dei", "del", "della", "delle", "dello", "di", "do", "dos", "du", "e")
    + ("el", "en", "i", "il", "la", "las", "le", "lo", "los", "o", "of", "the", "y", "van", "von")
)
# SmartData v3's test split: never trained on; written as an evaluation DocBin, and every v1 document that
# is also in it (same id, URI or text) and every sentence sharing a run of SHINGLE tokens with it is dropped.
SMARTDATA_TEST = "v3_20200302/test.json.gz"

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
    TrainSource(
        "smartdata-v3-dev",
        "de",
        *SMARTDATA,
        "v3_20200302/dev.json.gz",
        "smartdata-v3",
        "CC BY 4.0",
        labels=SMARTDATA_LABELS,
    ),
    TrainSource(
        "smartdata-v1-train",
        "de",
        *SMARTDATA,
        "v1_20180119/train.json.gz",
        "smartdata-v1",
        "CC BY 4.0",
        labels=SMARTDATA_LABELS,
    ),
    TrainSource(
        "ler-dev",
        "de",
        *LER,
        "data/ler_dev.conll",
        "conll-space",
        "CC BY 4.0",
        labels=LER_LABELS,
        plain_every=4,
        drop_with=("LIT",),
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
    *(
        TrainSource(name, "es", *repo, path, "multiconer", "CC BY 4.0", labels=labels)
        for name, repo, path, labels in (
            ("multiconer-v1-es-train", MULTICONER_V1, "data/ES-Spanish/es_train.conll", MULTICONER_V1_LABELS),
            ("multiconer-v1-es-dev", MULTICONER_V1, "data/ES-Spanish/es_dev.conll", MULTICONER_V1_LABELS),
            ("multiconer-v2-es-dev", MULTICONER_V2, "task2/data/train_dev/es-dev.conll", MULTICONER_V2_LABELS),
        )
    ),
    *(
        TrainSource(name, "es", *MEDDOCAN, path, "brat-meddocan", "CC BY 4.0", labels=MEDDOCAN_LABELS, plain_every=4)
        for name, path in (("meddocan-train", "corpus/train/brat"), ("meddocan-dev", "corpus/dev/brat"))
    ),
    # Italian: the only openly licensed Italian NER data readable here is MultiCoNER v2's development file
    # (858 sentences), so the Italian model also learns from the Spanish MultiCoNER files (a related language
    # with the same conventions for writing names).
    TrainSource(
        "multiconer-v2-it-dev",
        "it",
        *MULTICONER_V2,
        "task2/data/train_dev/it-dev.conll",
        "multiconer",
        "CC BY 4.0",
        labels=MULTICONER_V2_LABELS,
    ),
    *(
        TrainSource(name, "it", *repo, path, "multiconer", "CC BY 4.0", labels=labels)
        for name, repo, path, labels in (
            ("multiconer-v1-es-train", MULTICONER_V1, "data/ES-Spanish/es_train.conll", MULTICONER_V1_LABELS),
            ("multiconer-v1-es-dev", MULTICONER_V1, "data/ES-Spanish/es_dev.conll", MULTICONER_V1_LABELS),
            ("multiconer-v2-es-dev", MULTICONER_V2, "task2/data/train_dev/es-dev.conll", MULTICONER_V2_LABELS),
        )
    ),
)

# Read only to measure on and to keep out of training (build_language writes them beside the splits).
EVALUATION_SOURCES = (
    TrainSource(
        "smartdata-v3-test", "de", *SMARTDATA, SMARTDATA_TEST, "smartdata-v3", "CC BY 4.0", labels=SMARTDATA_LABELS
    ),
    # Human-labelled Europarl sentences (799 per language; the corpus states no copyright restriction) and
    # MEDDOCAN's test split: gold Spanish and Italian text that no model here is trained on.
    TrainSource("europarl-es", "es", *EUROPARL, "es-europarl.test.conll02", "conll-space", "no restriction"),
    TrainSource("europarl-it", "it", *EUROPARL, "it-europarl.test.conll02", "conll-space", "no restriction"),
    TrainSource(
        "meddocan-test", "es", *MEDDOCAN, "corpus/test/brat", "brat-meddocan", "CC BY 4.0", labels=MEDDOCAN_LABELS
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


def json_documents(text: str) -> list[dict]:
    """The documents of a SmartData JSON file: Avro JSON objects one after another."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return documents
        document, at = decoder.raw_decode(text, at)
        documents.append(document)


def _avro(value, kind: str = "string"):
    """An Avro JSON union's value (``{"string": x}`` or null) as the plain value."""
    return value.get(kind) if isinstance(value, dict) else value


def _smartdata_label(label: str) -> str:
    """v1 spells types ``location-city``, v3 ``LOCATION_CITY``: both become the v3 spelling."""
    return label.upper().replace("-", "_")


def parse_smartdata_v3(text: str) -> list[Sentence]:
    """SmartData v3 JSON: the corpus's own sentences and tokens (character spans into the document text)
    with BIO tags; a token with a space inside is split, its parts keeping the tag (I- after the first)."""
    sentences: list[Sentence] = []
    for document in json_documents(text):
        body = _avro(document["text"])
        for sentence in _avro(document.get("sentences"), "array") or []:
            tokens, tags = [], []
            for token in _avro(sentence["tokens"], "array"):
                tag = _avro(token.get("ner")) or "O"
                prefix, _, label = tag.partition("-")
                for i, part in enumerate(body[token["span"]["start"] : token["span"]["end"]].split()):
                    tokens.append(part)
                    mapped = f"{'I' if i else prefix}-{_smartdata_label(label)}" if label else "O"
                    tags.append(mapped)
            if tokens:
                sentences.append((str(sentence["id"]), tokens, tags))
    return sentences


def smartdata_keys(document: dict) -> set[str]:
    """What identifies a SmartData document across versions: id (with and without its crawl time), URI, text."""
    keys = {document["id"], document["id"].split("@")[0], "text:" + _avro(document["text"])}
    uri = _avro(document.get("uri"))
    return keys | {uri} if uri else keys


def parse_smartdata_v1(text: str, excluded: set[str], kept: tuple[str, ...] = ()) -> list[Sentence]:
    """SmartData v1 JSON: text and typed character spans only, so each line of a document is tokenised and
    cut into sentences by spaCy (``spacy.blank("de")`` and its sentencizer, as at run time); a token takes
    the type of a span it overlaps (types in `kept` first). Documents with a key in `excluded` are skipped."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    sentences: list[Sentence] = []
    for document in json_documents(text):
        if smartdata_keys(document) & excluded:
            continue
        body = _avro(document["text"])
        mentions = [
            (m["span"]["start"], m["span"]["end"], _smartdata_label(m["type"]))
            for m in _avro(document.get("conceptMentions"), "array") or []
        ]
        mentions.sort(key=lambda m: (m[2] not in kept, m[0], m[0] - m[1]))
        for tokens, tags in tagged_sentences(nlp, body, mentions):
            sentences.append((f"{document['id']}:{len(sentences)}", tokens, tags))
    return sentences


def tagged_sentences(nlp, body: str, mentions: list[tuple[int, int, str]]) -> Iterable[tuple[list[str], list[str]]]:
    """`body`'s sentences (each line cut by `nlp`, a blank pipeline with a sentencizer, as at run time) as tokens
    and IOB2 tags: a token takes the label of the first of the character `mentions` (start, end, label) it
    overlaps; white-space tokens are left out."""
    offset = 0
    for line in body.split("\n"):
        for sent in nlp(line).sents:
            tokens, tags, previous = [], [], None
            for token in sent:
                if token.is_space:
                    continue
                start, end = offset + token.idx, offset + token.idx + len(token.text)
                mention = next((m for m in mentions if m[0] < end and start < m[1]), None)
                tokens.append(token.text)
                tags.append("O" if mention is None else f"{'I' if mention == previous else 'B'}-{mention[2]}")
                previous = mention
            if tokens:
                yield tokens, tags
        offset += len(line) + 1


def parse_multiconer(text: str) -> list[Sentence]:
    """MultiCoNER CoNLL: ``# id <uuid> domain=...`` opens a sentence, then ``token _ _ tag`` lines."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    sent_id = ""
    for line in [*text.splitlines(), "# end"]:
        if line.startswith("# id ") or line == "# end":
            if tokens:
                sentences.append((sent_id, tokens, tags))
            tokens, tags = [], []
            sent_id = line[5:].split("\t")[0].strip()
        elif line.strip():
            columns = line.split()
            tokens.append(columns[0])
            tags.append(columns[-1])
    return sentences


def recase(tokens: list[str], tags: list[str], titles: bool = False) -> list[str]:
    """MultiCoNER is all lower-case; written Spanish and Italian capitalise names. Each word of a PER, LOC or
    ORG span gets a capital (particles such as "de", "di" inside a name excepted), a MISC span (titles,
    products) its first word only, and the sentence its first word; with `titles`, so does every word of
    CAPITALISED_WORDS outside a name (it stays O). `tags` are mapped IOB2 tags."""
    cased, opening = list(tokens), True
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        name = label in {"PER", "LOC", "ORG"} and (prefix == "B" or cased[i] not in PARTICLES)
        title = titles and tag == "O" and cased[i] in CAPITALISED_WORDS
        if name or title or (label == "MISC" and prefix == "B") or (opening and cased[i][:1].isalpha()):
            cased[i] = cased[i][:1].upper() + cased[i][1:]
        if any(c.isalnum() for c in cased[i]):
            opening = False
        opening = opening or cased[i] in SENTENCE_MARKS
    return cased


def merge_rows(rows: list[dict], language: str) -> list[dict]:
    """MultiCoNER rows (one short sentence each) joined MERGE_EVERY at a time, in order, with a full stop
    between sentences that have none: the model then also sees capitalised words that open a sentence inside
    a text and are no name (real chat turns hold several sentences). Other rows are unchanged. The joined
    row's split is drawn again from its text."""
    merged, group = [], []

    def close() -> None:
        if not group:
            return
        text, spans = "", []
        for row in group:
            if text:
                text += " " if text.split(" ")[-1] in SENTENCE_MARKS else " . "
            spans.extend([start + len(text), end + len(text), label] for start, end, label in row["spans"])
            text += row["text"]
        merged.append({**group[0], "text": text, "spans": spans, "split": split_of(language, text)})
        group.clear()

    for row in rows:
        if not row["source"].startswith("multiconer"):
            merged.append(row)
            continue
        if group and (group[0]["source"] != row["source"] or len(group) == MERGE_EVERY):
            close()
        group.append(row)
    close()
    return merged


def _brat_label(label: str, mention: str) -> str:
    """MEDDOCAN's label, refined: a relative's span is a name only when capitalised ("María", not "madre"); a
    territory without a letter is a postcode."""
    if label == "FAMILIARES_SUJETO_ASISTENCIA":
        return "FAMILIARES_NOMBRE" if mention[:1].isupper() else label
    if label == "TERRITORIO" and not any(c.isalpha() for c in mention):
        return "CODIGO_POSTAL"
    return label


def parse_brat_document(body: str, annotations: str, nlp, doc_id: str) -> list[Sentence]:
    """One brat document: its text cut into sentences and tokens by spaCy (`nlp`: a blank pipeline with a
    sentencizer, as at run time), each token tagged with the type of a text-bound annotation it overlaps."""
    mentions = []
    for line in annotations.splitlines():
        if not line.startswith("T"):
            continue
        _, spec, mention = (line.split("\t") + ["", ""])[:3]
        label, *offsets = spec.replace(";", " ").split()
        mentions.append((int(offsets[0]), int(offsets[-1]), _brat_label(label, mention)))
    tagged = tagged_sentences(nlp, body, mentions)
    return [(f"{doc_id}:{index}", tokens, tags) for index, (tokens, tags) in enumerate(tagged)]


def _git(sources: Path, source: TrainSource, *arguments: str) -> bytes:
    base = sources / source.repo.replace("/", "+")
    repo = base / "repo" if (base / "repo").exists() else base
    return subprocess.run(["git", "-C", str(repo), *arguments], check=True, capture_output=True).stdout


def read_brat(sources: Path, source: TrainSource) -> list[Sentence]:
    """Every ``.txt`` / ``.ann`` pair under the source's directory at its pinned commit, in name order."""
    import spacy

    nlp = spacy.blank(source.language)
    nlp.add_pipe("sentencizer")
    listing = _git(sources, source, "ls-tree", "--name-only", f"{source.commit}:{source.path}").decode("utf-8")
    sentences: list[Sentence] = []
    for name in sorted(n for n in listing.split() if n.endswith(".txt")):
        path = f"{source.path}/{name}"
        body = _git(sources, source, "show", f"{source.commit}:{path}").decode("utf-8")
        annotations = _git(sources, source, "show", f"{source.commit}:{path[:-4]}.ann").decode("utf-8")
        sentences.extend(parse_brat_document(body, annotations, nlp, name[:-4]))
    return sentences


def normalised(text: str) -> str:
    """Sentence text as compared with the reserved sets: lower-case letters and digits only (MultiCoNER is
    lower-case and tokenised differently from CoNLL-2002 and WikiNEuRal)."""
    return "".join(c for c in text.lower() if c.isalnum())


def reserved_hashes(sources: Path, language: str, missing: list[str]) -> set[str]:
    """SHA-256 of every normalised sentence of the reserved Spanish and Italian test sets (RESERVED_FOR_HASHES:
    both languages, since the Italian model also learns from Spanish text), for a language listed there. Only
    the hashes are kept; a file the snapshot lacks is named in `missing`."""
    source = TrainSource("reserved", language, *WIKINEURAL, "", "conllu", "reserved")
    hashes: set[str] = set()
    paths = (
        [path for paths in RESERVED_FOR_HASHES.values() for path in paths] if language in RESERVED_FOR_HASHES else []
    )
    for path in paths:
        try:
            text = _git(sources, source, "show", f"{source.commit}:{path}").decode("utf-8")
        except (subprocess.CalledProcessError, FileNotFoundError):
            missing.append(path)
            continue
        words: list[str] = []
        for line in [*text.splitlines(), ""]:
            columns = line.split("\t")
            if line.strip() and not line.startswith("#") and len(columns) >= 2:
                words.append(columns[1])
            elif words:
                hashes.add(hashlib.sha256(normalised("".join(words)).encode()).hexdigest())
                words = []
    return hashes


PARSERS = {
    "germeval": REAL.parse_germeval,
    "europeana": parse_europeana,
    "hipe": parse_hipe,
    "conllu-iob2": REAL.parse_conllu_iob2,
    "conll-space": REAL.parse_conll,  # German LER and Europarl: ``token tag`` lines
    "smartdata-v3": parse_smartdata_v3,
    "multiconer": parse_multiconer,
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


@dataclass
class Withheld:
    """What training never sees: measured sentences (`excluded`) and reserved ones (SHA-256 of normalised text)."""

    excluded: Excluded
    reserved: frozenset[str]

    def reason(self, tokens: list[str]) -> str | None:
        """``measured`` or ``reserved`` for a withheld sentence, else None."""
        if self.excluded.hits(tokens):
            return "measured"
        if self.reserved and hashlib.sha256(normalised(" ".join(tokens)).encode()).hexdigest() in self.reserved:
            return "reserved"
        return None


def split_of(language: str, text: str) -> str:
    """``dev`` for one sentence in DEV_EVERY (by SHA-256 of language and text), else ``train``."""
    digest = hashlib.sha256(f"{language}:{text}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % DEV_EVERY == 0 else "train"


def select(
    language: str, named: Iterable[tuple[str, Sentence]], excluded: Excluded, reserved: frozenset[str] = frozenset()
) -> tuple[list[dict], Counter]:
    """Training rows ``{source, split, text, spans}`` from (source name, sentence) pairs, with the reasons
    sentences were dropped counted. `reserved`: SHA-256 hashes of normalised reserved sentences (dropped)."""
    rows, seen, dropped = [], set(), Counter()
    for source, (_, tokens, tags) in named:
        if not MIN_TOKENS <= len(tokens) <= MAX_TOKENS:
            dropped["length"] += 1
            continue
        text, spans = REAL.to_spans(tokens, normalise_tags(tags))
        if excluded.hits(tokens):
            dropped["measured"] += 1
            continue
        if reserved and hashlib.sha256(normalised(text).encode()).hexdigest() in reserved:
            dropped["reserved"] += 1
            continue
        if text in seen:
            dropped["repeated"] += 1
            continue
        seen.add(text)
        rows.append({"source": source, "split": split_of(language, text), "text": text, "spans": spans})
    return rows, dropped


def read_text(sources: Path, source: TrainSource, path: str | None = None) -> str:
    """A file of the source's repository at its pinned commit (gunzipped if it ends in .gz)."""
    path = path or source.path
    if not path.endswith(".gz"):
        return REAL.read_source(sources, source) if path == source.path else ""
    base = sources / source.repo.replace("/", "+")
    repo = base / "repo" if (base / "repo").exists() else base
    shown = subprocess.run(["git", "-C", str(repo), "show", f"{source.commit}:{path}"], check=True, capture_output=True)
    return gzip.decompress(shown.stdout).decode("utf-8")


def read_sentences(
    sources: Path, source: TrainSource, withheld: Withheld | None = None, dropped: Counter | None = None
) -> list[Sentence]:
    """The source's sentences, tags with the corpus's own labels. MultiCoNER sentences are varied (vary) and
    recased; one that `withheld` names in its original wording is dropped first and counted in `dropped`,
    so that a varied copy of a measured or reserved sentence never reaches training."""
    if source.parser == "smartdata-v1":
        test = json_documents(read_text(sources, source, SMARTDATA_TEST))
        excluded = set().union(*(smartdata_keys(document) for document in test))
        kept = tuple(label for label, _ in source.labels)
        return parse_smartdata_v1(read_text(sources, source), excluded, kept)
    if source.parser == "brat-meddocan":
        return read_brat(sources, source)
    sentences = PARSERS[source.parser](read_text(sources, source))
    if source.parser == "multiconer":
        kept = []
        for sentence in sentences:
            reason = withheld.reason(sentence[1]) if withheld else None
            if reason and dropped is not None:
                dropped[reason] += 1
            if not reason:
                kept.append(sentence)
        varied = [(i, *vary(source, tokens, tags)) for i, tokens, tags in kept]
        return [(i, recase(tokens, map_tags(source, tags), titles), tags) for i, tokens, tags, titles in varied]
    return sentences


def _drawn(key: str, salt: str) -> bool:
    """One key in VARY_EVERY, by SHA-256 of salt and key."""
    return int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()[:8], 16) % VARY_EVERY == 0


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of IOB2 tags."""
    spans: list[list] = []
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == label:
            spans[-1][1] = i + 1
        elif prefix in {"B", "I"}:
            spans.append([i, i + 1, label])
    return [tuple(span) for span in spans]


def vary(source: TrainSource, tokens: list[str], tags: list[str]) -> tuple[list[str], list[str], bool]:
    """A MultiCoNER sentence as written in news and parliament text: MultiCoNER names persons in full
    ("gabriel garcía márquez"), text that has introduced a person names them by surname, often after a
    title or form of address ("el señor Márquez", "il presidente Prodi"). In one sentence in VARY_EVERY every
    person's name of two or more words keeps its last word only (its tag becomes B-), and one such surname in
    VARY_EVERY gets a title of ADDRESS before it (O; Spanish only). Returns the tokens, their tags (the
    corpus's labels) and whether recase capitalises CAPITALISED_WORDS (one sentence in VARY_EVERY, drawn
    separately)."""
    key = f"{source.name}:{' '.join(tokens)}"
    titles = _drawn(key, "titles")
    if not _drawn(key, "surname"):
        return tokens, tags, titles
    mapped = map_tags(source, tags)
    names = {
        start: end
        for start, end, label in _spans(mapped)
        if label == "PER" and end - start >= 2 and len(tokens[end - 1]) >= 3  # not "juan carlos i"
    }
    addresses = ADDRESS.get(source.language, ())
    new_tokens: list[str] = []
    new_tags: list[str] = []
    i = 0
    while i < len(tokens):
        end = names.get(i)
        if end is None:
            new_tokens.append(tokens[i])
            new_tags.append(tags[i])
            i += 1
            continue
        digest = int(hashlib.sha256(f"address:{key}:{i}".encode()).hexdigest()[:8], 16)
        titled = bool(new_tokens) and new_tokens[-1].lower() in CAPITALISED_WORDS  # "el señor" already there
        if addresses and digest % VARY_EVERY == 0 and not titled:
            article, title = addresses[digest // VARY_EVERY % len(addresses)]
            words = [title] if new_tokens and new_tokens[-1] == article else [article, title]
            new_tokens.extend(words)
            new_tags.extend(["O"] * len(words))
        new_tokens.append(tokens[end - 1])
        new_tags.append(f"B-{tags[end - 1].partition('-')[2]}")
        i = end
    return new_tokens, new_tags, titles


def map_tags(source: TrainSource, tags: list[str]) -> list[str]:
    """Tags with the source's labels mapped onto LABELS (unmapped labels: O); unchanged without a map."""
    if not source.labels:
        return tags
    mapping = dict(source.labels)
    result = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        mapped = mapping.get(label.upper()) if prefix.upper() in {"B", "I"} else None
        result.append(f"{prefix.upper()}-{mapped}" if mapped else "O")
    return result


def trim_punctuation(tokens: list[str], tags: list[str]) -> list[str]:
    """IOB2 tags whose spans start and end at a token with a letter or digit: quotes and full stops that a
    corpus tagged at a name's edges (LER's „ Albert Einstein “) become O, as GermEval tags them."""
    result = ["O"] * len(tags)
    for start, end, label in _spans(tags):
        words = [i for i in range(start, end) if any(c.isalnum() for c in tokens[i])]
        if words:
            result[words[0] : words[-1] + 1] = [f"B-{label}"] + [f"I-{label}"] * (words[-1] - words[0])
    return result


def sampled(source: TrainSource, sentences: list[Sentence], dropped: Counter) -> list[Sentence]:
    """The source's sentences that `every`, `plain_every` and `drop_with` keep, labels mapped; the others
    counted in `dropped` (``sampled``, ``label``)."""
    kept = []
    for sent_id, tokens, tags in sentences:
        if any(tag.partition("-")[2].upper() in source.drop_with for tag in tags):
            dropped["label"] += 1
            continue
        mapped = trim_punctuation(tokens, map_tags(source, tags)) if source.labels else tags
        digest = hashlib.sha256(f"{source.name}:{' '.join(tokens)}".encode()).hexdigest()
        named = any(tag.endswith(("-PER", "-LOC")) for tag in normalise_tags(mapped))
        if int(digest[:8], 16) % source.every or (not named and int(digest[8:16], 16) % source.plain_every):
            dropped["sampled"] += 1
            continue
        kept.append((sent_id, tokens, mapped))
    return kept


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


def write_evaluation(language: str, sources: Path, target: Path, excluded: Excluded) -> dict:
    """Write each evaluation-only source of the language as ``<target>/<name>.spacy`` and add its sentences
    to `excluded`, so that none of them is trained on. Returns sentences per written file."""
    written = {}
    for source in EVALUATION_SOURCES:
        if source.language != language:
            continue
        rows = []
        for _, tokens, tags in read_sentences(sources, source):
            text, spans = REAL.to_spans(tokens, normalise_tags(trim_punctuation(tokens, map_tags(source, tags))))
            rows.append({"text": text, "spans": spans})
            excluded.texts.add(text)
            excluded.runs |= shingles(tokens)
        to_docbin(language, rows).to_disk(target / f"{source.name}.spacy")
        written[source.name] = len(rows)
    return written


def build_language(language: str, sources: Path, out: Path, excluded: Excluded) -> dict:
    target = out / language
    target.mkdir(parents=True, exist_ok=True)
    evaluation = write_evaluation(language, sources, target, excluded)
    named, sampling = [], Counter()
    missing: list[str] = []
    reserved = frozenset(reserved_hashes(sources, language, missing))
    withheld = Withheld(excluded, reserved)
    for source in SOURCES:
        if source.language == language:
            sentences = sampled(source, read_sentences(sources, source, withheld, sampling), sampling)
            named.extend((source.name, sentence) for sentence in sentences)
    rows, dropped = select(language, named, excluded, reserved)
    rows = merge_rows(rows, language)
    dropped.update(sampling)
    stats = {"language": language, "dropped": dict(sorted(dropped.items())), "splits": {}}
    if language in RESERVED_FOR_HASHES:
        stats["reserved_hashed"] = {
            "repository": f"{WIKINEURAL[0]}@{WIKINEURAL[1]}",
            "files": [path for paths in RESERVED_FOR_HASHES.values() for path in paths if path not in missing],
            "missing_from_snapshot": missing,
            "sentences": len(reserved),
        }
    if evaluation:
        stats["evaluation_only"] = evaluation
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
