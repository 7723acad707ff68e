"""A synthetic sample data set for the demo: invented people, valid-looking identifiers.

Nothing here is a real person: names are drawn from short lists of common given
and family names, e-mail domains are reserved example domains, IBANs and phone
numbers are generated to pass their checksums / numbering plans.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from pathlib import Path

from stdnum.iso7064 import mod_97_10

GIVEN = ["Anna", "Lukas", "Marie", "Jonas", "Sophie", "Elias", "Camille", "Hugo", "Giulia", "Matteo", "Lucia", "Pablo"]
FAMILY = ["Schneider", "Fischer", "Weber", "Dubois", "Moreau", "Rossi", "Bianchi", "Garcia", "Martinez", "Jansen"]
CITIES = ["Berlin", "Hamburg", "Paris", "Lyon", "Milan", "Madrid", "Rotterdam", "Vienna"]
DOMAINS = ["example.com", "example.org", "example.net"]


def sample_iban(rng: random.Random) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(18))
    check = mod_97_10.calc_check_digits(bban + "DE")
    return f"DE{check}{bban}"


def sample_phone(rng: random.Random) -> str:
    return f"+49 151 {rng.randint(1000, 9999)}{rng.randint(1000, 9999)}"


def sample_person(rng: random.Random) -> tuple[str, str]:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    return given, family


def customers_csv(rng: random.Random, rows: int = 40) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["customer_id", "name", "email", "phone", "iban", "city", "notes", "consent_marketing"])
    for i in range(rows):
        given, family = sample_person(rng)
        note = rng.choice(
            [
                "Prefers delivery after 6pm.",
                f"Called on behalf of {rng.choice(GIVEN)} {rng.choice(FAMILY)} about the invoice.",
                "Asked about the loyalty programme.",
                f"New address in {rng.choice(CITIES)}, please update.",
                "Customer is undergoing chemotherapy, deliveries to the neighbour.",
                "Asked us to delete all her data after the last order.",
            ]
        )
        writer.writerow(
            [
                f"C-{10000 + i}",
                f"{given} {family}",
                f"{given.lower()}.{family.lower()}@{rng.choice(DOMAINS)}",
                sample_phone(rng),
                sample_iban(rng),
                rng.choice(CITIES),
                note,
                rng.choice(["yes", "no", ""]),
            ]
        )
    return out.getvalue().encode("utf-8")


def chats_jsonl(rng: random.Random, conversations: int = 20) -> bytes:
    lines = []
    for i in range(conversations):
        given, family = sample_person(rng)
        user_turn = rng.choice(
            [
                f"Hi, I'm {given} {family}, my email is {given.lower()}@{rng.choice(DOMAINS)}.",
                f"Please send the refund to {sample_iban(rng)}.",
                f"You can reach me on {sample_phone(rng)} after work.",
                "What are your opening hours?",
                "I'm 14 and my mum said I can order here.",
                "Please delete my account and all my data.",
            ]
        )
        greeting = (
            "Hello! I'm the virtual assistant of Example Shop. How can I help?"
            if i % 4
            else "Hello, this is Example Shop support. How can I help?"  # never says it is an AI
        )
        messages = [
            {"role": "system", "content": "You are a helpful support assistant."},
            {"role": "assistant", "content": greeting},
            {"role": "user", "content": user_turn},
            {"role": "assistant", "content": "Thanks, I have noted that."},
        ]
        lines.append(json.dumps({"conversation_id": f"conv-{i:04d}", "messages": messages}))
    return ("\n".join(lines) + "\n").encode("utf-8")


def notes_txt(rng: random.Random, lines: int = 15) -> bytes:
    out = []
    for _ in range(lines):
        given, family = sample_person(rng)
        out.append(
            rng.choice(
                [
                    f"Meeting with {given} {family} moved to Thursday.",
                    f"Send the contract to {given.lower()}.{family.lower()}@{rng.choice(DOMAINS)}.",
                    "Quarterly numbers look fine.",
                ]
            )
        )
    return ("\n".join(out) + "\n").encode("utf-8")


def events_parquet(rng: random.Random, rows: int = 30) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    given_family = [sample_person(rng) for _ in range(rows)]
    table = pa.table(
        {
            "event_id": [f"evt-{i}" for i in range(rows)],
            "user_email": [f"{g.lower()}.{f.lower()}@{rng.choice(DOMAINS)}" for g, f in given_family],
            "client_ip": [f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}" for _ in range(rows)],
            "amount_cents": [rng.randint(100, 90000) for _ in range(rows)],
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=10)
    return sink.getvalue()


def sample_dataset(seed: int = 7) -> dict[str, bytes]:
    """Object key → content, under ``datasets/demo/``: good files and the bad inputs a bucket really gets."""
    rng = random.Random(seed)
    chats = chats_jsonl(rng)
    return {
        "datasets/demo/customers.csv": customers_csv(rng),
        "datasets/demo/support chats.jsonl": chats,
        "datasets/demo/support-chats-archive.jsonl.gz": gzip.compress(chats),
        "datasets/demo/events.parquet": events_parquet(rng),
        "datasets/demo/notes.txt": notes_txt(rng),
        "datasets/demo/empty.csv": b"",
        "datasets/demo/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)),
        "datasets/demo/bomb.jsonl.gz": gzip.compress(b"\n" * (64 * 1024**2)),
    }


def write_sample_dataset(directory: Path, seed: int = 7) -> list[Path]:
    paths = []
    for key, content in sample_dataset(seed).items():
        path = directory / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        paths.append(path)
    return paths
