"""Constructed inputs with known answers for the examination tests: a training table with exact group rates
and a planted proxy, a web-text corpus with known languages, domains and dates, and planted near duplicates."""

from __future__ import annotations

import csv
import io
import json
import random

# Exact group sizes and positives: F 400 (120 positive, 0.30), M 500 (250, 0.50), divers 100 (40, 0.40).
SEX_GROUPS = {"F": (400, 120), "M": (500, 250), "divers": (100, 40)}
# Nationality with a postcode that stands in for it: each nationality has its own postcodes.
NATIONALITY_POSTCODES = {"German": ["10115", "80331", "50667"], "Turkish": ["12043", "12045"], "Polish": ["13347"]}
NATIONALITY_WEIGHTS = {"German": 0.7, "Turkish": 0.2, "Polish": 0.1}


def training_table(seed: int = 11) -> tuple[bytes, list[dict]]:
    """A CSV of 1,000 applicants (header, rows); `approved` is the label. Returns the bytes and the rows."""
    rng = random.Random(seed)
    rows = []
    for sex, (count, positives) in SEX_GROUPS.items():
        outcomes = [1] * positives + [0] * (count - positives)
        rng.shuffle(outcomes)
        for outcome in outcomes:
            nationality = rng.choices(list(NATIONALITY_WEIGHTS), list(NATIONALITY_WEIGHTS.values()))[0]
            rows.append(
                {
                    "applicant_id": "",
                    "Geschlecht": sex,
                    "age": str(rng.randint(18, 64)),
                    "nationality": nationality,
                    "postcode": rng.choice(NATIONALITY_POSTCODES[nationality]),
                    "income": str(rng.randint(20_000, 90_000)),
                    "shoe_size": str(rng.randint(36, 46)),
                    "approved": str(outcome),
                }
            )
    rng.shuffle(rows)
    for index, row in enumerate(rows):
        row["applicant_id"] = f"A{index:05d}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8"), rows


SENTENCES = {
    "en": [
        "The weather in the city was mild and the people were walking in the park with their dogs",
        "This report is about the results of the project and what we have learned from it",
        "It was the first time that the council had voted on the new plan for the harbour",
    ],
    "de": [
        "Die Stadt hat einen neuen Plan für den Hafen und die Bürger sind mit dem Ergebnis nicht zufrieden",
        "Das Wetter war gut und wir sind mit den Kindern in den Park gegangen, es war ein schöner Tag",
        "Der Bericht zeigt, dass die Zahl der Besucher im Museum auch im Winter gestiegen ist",
    ],
    "fr": [
        "Le conseil de la ville a voté pour le nouveau plan du port et les habitants sont contents",
        "Il fait beau dans la ville et les enfants jouent dans le parc avec leurs amis",
        "Le rapport montre que les visiteurs du musée sont plus nombreux pendant les vacances",
    ],
}
LANGUAGE_SHARES = {"en": 0.5, "de": 0.3, "fr": 0.2}
LATEST_DATE = "2026-05-31"


def web_corpus(records: int = 1000, domains: int = 30, seed: int = 5) -> tuple[bytes, dict]:
    """JSONL of web pages: url, date, text. Returns the bytes and the truth: per-record language counts, the
    bytes per domain (of the record's UTF-8 text as the examination counts it), the latest date."""
    rng = random.Random(seed)
    names = [f"site{index:02d}.example.org" for index in range(domains)]
    weights = [1.0 / (index + 1) for index in range(domains)]  # a long tail: a few domains hold most bytes
    langs = [lang for lang, share in LANGUAGE_SHARES.items() for _ in range(round(share * records))]
    rng.shuffle(langs)
    lines, truth_bytes, truth_langs = [], {}, {}
    for index, lang in enumerate(langs):
        domain = rng.choices(names, weights)[0]
        text = ". ".join(rng.choice(SENTENCES[lang]) for _ in range(rng.randint(1, 6)))
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        date = LATEST_DATE if index == records // 2 else day
        url = f"https://www.{domain}/page/{index}"
        if index % 10 == 0:  # no URL field: the source is the first URL in the text
            record = {"date": date, "text": f"{text} (source: {url})"}
        else:
            record = {"url": url, "date": date, "text": text}
        size = sum(len(value.encode("utf-8")) for value in record.values())
        truth_bytes[domain] = truth_bytes.get(domain, 0) + size
        truth_langs[lang] = truth_langs.get(lang, 0) + 1
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8"), {
        "languages": truth_langs,
        "domain_bytes": truth_bytes,
        "latest_date": LATEST_DATE,
        "text_bytes": sum(truth_bytes.values()),
    }


def planted_duplicates(pairs: int = 100, singles: int = 400, seed: int = 3) -> tuple[list[str], list[tuple[int, int]]]:
    """Texts of 60 random words: `pairs` of them copied with two words changed (Jaccard about 0.9), and `singles`
    unique ones. Returns the texts (shuffled) and the planted pairs' indices."""
    rng = random.Random(seed)
    vocabulary = [f"w{index}" for index in range(5000)]
    texts: list[tuple[str, int]] = []
    for pair in range(pairs + singles):
        words = [rng.choice(vocabulary) for _ in range(60)]
        texts.append((" ".join(words), pair))
        if pair < pairs:
            copy = list(words)
            for position in rng.sample(range(60), 2):
                copy[position] = rng.choice(vocabulary)
            texts.append((" ".join(copy), pair))
    rng.shuffle(texts)
    where: dict[int, list[int]] = {}
    for index, (_, pair) in enumerate(texts):
        where.setdefault(pair, []).append(index)
    planted = [tuple(indices) for pair, indices in where.items() if pair < pairs]
    return [text for text, _ in texts], planted
