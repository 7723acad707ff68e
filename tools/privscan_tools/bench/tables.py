"""Generated structured tables (no free text) for the columnar path's benchmark and equality tests.

Every column is one kind of value, as exports of customer and payment systems are: customer ids,
e-mail addresses, phone numbers, IBANs, national identifiers of several countries (each in its own
column, valid checksums), dates, amounts and categories. Rows are drawn from seeded pools, so files
are large without being one repeated block, and the same seed writes the same file.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from pathlib import Path

from stdnum.es import dni
from stdnum.iso7064 import mod_11_10, mod_97_10
from stdnum.pl import pesel

COLUMNS = [
    "customer_id",
    "email",
    "phone",
    "iban",
    "steuer_id",
    "bsn",
    "pesel",
    "dni",
    "birth_date",
    "amount",
    "segment",
    "status",
]
_SEGMENTS = ["retail", "business", "premium", "student", "senior"]
_STATUSES = ["active", "closed", "dormant", "pending"]
_DOMAINS = ["example.com", "example.org", "mail.de", "post.fr", "web.nl"]
_FIRST = ["anna", "jan", "marie", "luca", "sofia", "piet", "ewa", "jose", "elena", "tomas", "ines", "karl"]
_LAST = ["schmidt", "jansen", "kowalski", "garcia", "rossi", "dubois", "novak", "silva", "muller", "visser"]


def iban(rng: random.Random) -> str:
    """A German IBAN with valid check digits, written without spaces."""
    bban = f"{rng.randrange(10**18):018d}"
    return f"DE{mod_97_10.calc_check_digits(bban + 'DE')}{bban}"


def steuer_id(rng: random.Random) -> str:
    """A German tax id (IdNr): 11 digits, no leading zero, one digit twice, ISO 7064 mod 11,10 check digit."""
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(9)]
        if len(set(digits)) == 9:
            body = "".join(map(str, digits))
            return body + mod_11_10.calc_check_digit(body)


def bsn(rng: random.Random) -> str:
    """A Dutch BSN: nine digits passing the 11-test."""
    while True:
        body = f"{rng.randrange(10**7, 10**8):08d}"
        total = sum((9 - i) * int(d) for i, d in enumerate(body))
        for last in range(10):
            if (total - last) % 11 == 0:
                return body + str(last)


def pesel_number(rng: random.Random) -> str:
    """A Polish PESEL of a person born 1950–1999."""
    year, month, day = rng.randrange(50, 100), rng.randrange(1, 13), rng.randrange(1, 29)
    body = f"{year:02d}{month:02d}{day:02d}{rng.randrange(10**4):04d}"
    return body + pesel.calc_check_digit(body)


def dni_number(rng: random.Random) -> str:
    """A Spanish DNI: eight digits and their check letter."""
    body = f"{rng.randrange(10**7, 10**8):08d}"
    return body + dni.calc_check_digit(body)


POOL = 20_000  # national identifiers and IBANs drawn from pools of valid ones: their checks cost most to generate


def rows(seed: int = 17) -> Iterator[list[str]]:
    """The table's rows, endlessly: one list of strings per row, in `COLUMNS` order. Ids, e-mail addresses and
    phone numbers are new in every row; IBANs and national identifiers come from pools of POOL valid ones."""
    rng = random.Random(seed)
    pools = [[make(rng) for _ in range(POOL)] for make in (iban, steuer_id, bsn, pesel_number, dni_number)]
    row = 0
    while True:
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        yield [
            f"C-{row:08d}",
            f"{first}.{last}{rng.randrange(100000)}@{rng.choice(_DOMAINS)}",
            f"+49 151 {rng.randrange(10**8):08d}",
            *(rng.choice(pool) for pool in pools),
            f"{rng.randrange(1940, 2006)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            f"{rng.uniform(1, 99999):.2f}",
            rng.choice(_SEGMENTS),
            rng.choice(_STATUSES),
        ]
        row += 1


def write_structured_csv(path: Path, megabytes: float, seed: int = 17) -> int:
    """A structured CSV of about `megabytes` MB; returns its size in bytes."""
    target = math.ceil(megabytes * 1024**2)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for values in rows(seed):
            writer.writerow(values)
            if handle.tell() >= target:
                break
    return path.stat().st_size


def write_structured_parquet(path: Path, megabytes: float, seed: int = 17, row_group_rows: int = 65_536) -> int:
    """The same rows as `write_structured_csv` with the same arguments writes, as Parquet (string columns, zstd);
    returns the file's size in bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = math.ceil(megabytes * 1024**2)
    schema = pa.schema([(name, pa.string()) for name in COLUMNS])
    header = len(",".join(COLUMNS)) + 2
    written, batch = header, []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for values in rows(seed):
            batch.append(values)
            written += len(",".join(values)) + 2  # as csv.writer writes the row (no field needs quoting)
            if len(batch) == row_group_rows or written >= target:
                writer.write_table(pa.table(list(map(list, zip(*batch, strict=True))), schema=schema))
                batch = []
            if written >= target:
                break
    return path.stat().st_size
