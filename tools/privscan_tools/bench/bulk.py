"""Large synthetic objects for the scale curve (10 / 100 / 1000 MB), generated fast and never committed.

Values are drawn from pools made once with Faker (invented people), combined at random
per row, so that files are big without being one repeated block.
"""

from __future__ import annotations

import csv
import json
import math
import random
from pathlib import Path

from stdnum.iso7064 import mod_97_10

POOL = 4000


def _pools(seed: int) -> dict[str, list[str]]:
    from faker import Faker

    faker = Faker(["de_DE", "fr_FR", "en_GB", "it_IT", "nl_NL", "es_ES"])
    for factory in faker.factories:  # it_IT builds its city list from a set: its order follows the hash seed
        for provider in factory.providers:
            if isinstance(getattr(provider, "cities", None), list):
                provider.cities = sorted(provider.cities)
    Faker.seed(seed)
    return {
        "names": [faker.name() for _ in range(POOL)],
        "cities": [faker.city() for _ in range(POOL // 4)],
        "sentences": [faker.sentence(nb_words=10) for _ in range(POOL)],
        "domains": ["example.com", "example.org", "example.net", "mail.example", "post.example"],
    }


def _iban(rng: random.Random) -> str:
    bban = f"{rng.randrange(10**18):018d}"
    return f"DE{mod_97_10.calc_check_digits(bban + 'DE')}{bban}"


def _email(rng: random.Random, pools: dict[str, list[str]], name: str) -> str:
    local = name.lower().replace(" ", ".").replace("'", "")
    return f"{local}{rng.randrange(100)}@{rng.choice(pools['domains'])}"


def write_csv(path: Path, megabytes: float, seed: int = 11, notes: bool = True) -> int:
    """A customer table; `notes` adds a free-text column (sentences, some naming a person) to every row."""
    rng, pools = random.Random(seed), _pools(seed)
    target = math.ceil(megabytes * 1024**2)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "email", "phone", "iban", "city", "amount"] + (["notes"] if notes else []))
        row = 0
        while handle.tell() < target:
            name = rng.choice(pools["names"])
            note = rng.choice(pools["sentences"]) if rng.random() < 0.7 else f"Spoke with {rng.choice(pools['names'])}."
            writer.writerow(
                [
                    f"C-{row:08d}",
                    name,
                    _email(rng, pools, name),
                    f"+49 151 {rng.randrange(10**8):08d}",
                    _iban(rng),
                    rng.choice(pools["cities"]),
                    f"{rng.uniform(1, 9999):.2f}",
                ]
                + ([note] if notes else [])
            )
            row += 1
    return path.stat().st_size


def write_typed_csv(path: Path, megabytes: float, seed: int = 11) -> int:
    """The customer table without its free-text column: every column typed or quiet."""
    return write_csv(path, megabytes, seed, notes=False)


def _float_pool(rng: random.Random, size: int = 1 << 14) -> list[str]:
    """Float64 values written as pandas and `json` write them (shortest repr, up to 17 digits)."""
    return [repr(rng.gauss(0.0, 1.0)) for _ in range(size)]


def write_features_csv(path: Path, megabytes: float, seed: int = 13, features: int = 64) -> int:
    """An ML feature table: identifiers of the person, `features` float64 columns (as `DataFrame.to_csv`
    writes them), a label, and a sparse free-text note, some of them quoted over several lines (CRLF too)."""
    rng, pools = random.Random(seed), _pools(seed)
    floats = _float_pool(rng)
    target = math.ceil(megabytes * 1024**2)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "email", "iban"] + [f"f{i:03d}" for i in range(features)] + ["label", "note"])
        row = 0
        while handle.tell() < target:
            name = rng.choice(pools["names"])
            draw = rng.random()
            note = (
                ""
                if draw > 0.06
                else rng.choice(pools["sentences"])
                if draw > 0.03
                else f'Call back,\r\n{rng.choice(pools["names"])} asked "why?"\nTicket closed.'
                if draw > 0.015
                else f"Spoke with {rng.choice(pools['names'])}."
            )
            writer.writerow(
                [f"C-{row:08d}", name, _email(rng, pools, name), _iban(rng)]
                + rng.choices(floats, k=features)
                + [rng.randrange(2), note]
            )
            row += 1
    return path.stat().st_size


def write_chats(path: Path, megabytes: float, seed: int = 12, embedding: int = 0) -> int:
    """Chat transcripts; with `embedding` > 0, each conversation also carries a vector of that many
    float64 values (as curation pipelines store them for clustering and de-duplication)."""
    rng, pools = random.Random(seed), _pools(seed)
    floats = _float_pool(rng) if embedding else []
    target = math.ceil(megabytes * 1024**2)
    with path.open("w", encoding="utf-8") as handle:
        conversation = 0
        while handle.tell() < target:
            messages = [
                {"role": "system", "content": "You are the support assistant of Example Shop."},
                {"role": "assistant", "content": "Hello, I am the shop's virtual assistant. How can I help?"},
            ]
            for _ in range(rng.randint(1, 3)):
                name = rng.choice(pools["names"])
                messages.append(
                    {
                        "role": "user",
                        "content": rng.choice(
                            [
                                rng.choice(pools["sentences"]),
                                f"Hi, I'm {name}, my order is late.",
                                f"Please call me on +33 6 {rng.randrange(10**8):08d}.",
                                f"Refund to {_iban(rng)} please.",
                            ]
                        ),
                    }
                )
                messages.append({"role": "assistant", "content": rng.choice(pools["sentences"])})
            line = json.dumps({"conversation": conversation, "messages": messages})
            if embedding:  # the vector's text is joined from the pool: json.dumps of floats is slow
                line = f'{line[:-1]}, "embedding": [{", ".join(rng.choices(floats, k=embedding))}]}}'
            handle.write(line + "\n")
            conversation += 1
    return path.stat().st_size
