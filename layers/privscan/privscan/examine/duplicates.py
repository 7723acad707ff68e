"""Near-duplicate records and the records that share an identifier, streamed into an index on disk.

Each record is a set of shingles (`record_shingles`: word 3-grams of its prose, else `field=value` for its
fields), MinHashed with PERMUTATIONS hash functions and cut into BANDS bands of ROWS rows (LSH): two records
whose shingle sets have Jaccard similarity s share a band with probability 1 - (1 - s^ROWS)^BANDS (0.27 at
s = 0.5, 0.85 at 0.67, 0.998 at 0.8). A candidate sharing a band with a bucket's first record
joins its group when the similarity estimated from their signatures' lowest bytes (b-bit MinHash, corrected
for chance agreement) is at least VERIFY_SIMILARITY; groups are closed under union-find. Band keys, the
records' locations and the keyed fingerprints of their identifiers go into a SQLite file in the temporary
directory, not memory, so that a 1 GB input keeps memory flat; only the records found in groups are held at
the end. No raw value is stored: identifiers by keyed fingerprint only.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Iterable

import numpy as np

BANDS, ROWS = 20, 6
PERMUTATIONS = BANDS * ROWS
VERIFY_SIMILARITY = 0.7
MIN_SHINGLES = 3  # records with fewer shingles are not compared
_PRIME = (1 << 61) - 1
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20261207)  # fixed: signatures of separate chunks and runs are comparable
_A = _rng.integers(1, 1 << 32, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64)
BATCH = 500  # records written to the index at once (their band rows are the largest thing held)
GROUPS_LISTED = 50  # groups listed in the report with their records
RECORDS_LISTED = 20  # records listed per group or identifier


def record_shingles(cells: Iterable[tuple[str | None, str]]) -> set[bytes]:
    """A record's shingles: word 3-grams of its texts of 8 words or more (its prose: a page's URL and date do not
    make two copies of it differ); without prose, character 5-grams of a line without a field, and `field=value`
    for the values of named fields (a table's row)."""
    prose: set[bytes] = set()
    short: set[bytes] = set()
    for name, text in cells:
        words = text.casefold().split()
        if len(words) >= 8:
            prose.update(" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2))
        elif name is None:
            joined = " ".join(words)
            short.update(joined[i : i + 5].encode("utf-8") for i in range(max(0, len(joined) - 4)))
        elif words:
            short.add(f"{name}={' '.join(words)}".encode())
    return prose or short


def signature(shingle_set: set[bytes]) -> np.ndarray | None:
    """The MinHash signature (PERMUTATIONS values) of a set of shingles, or None when too small to compare."""
    if len(shingle_set) < MIN_SHINGLES:
        return None
    hashes = np.fromiter((zlib.crc32(s) for s in shingle_set), dtype=np.uint64)
    values = (np.outer(hashes, _A) + _B) % np.uint64(_PRIME) & _MAX32
    return values.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 56-bit key per band (a SQLite integer)."""
    raw = sig.astype("<u4").tobytes()
    size = ROWS * 4
    return [
        int.from_bytes(hashlib.blake2b(raw[i * size : (i + 1) * size], digest_size=7).digest(), "big")
        for i in range(BANDS)
    ]


def low_bytes(sig: np.ndarray) -> bytes:
    """The lowest byte of each signature value: what the index keeps to verify candidates."""
    return (sig & np.uint64(0xFF)).astype(np.uint8).tobytes()


def estimated_similarity(a: bytes, b: bytes) -> float:
    """Jaccard similarity estimated from two b-bit (8-bit) signatures: agreement less chance agreement (1/256)."""
    same = float(np.mean(np.frombuffer(a, dtype=np.uint8) == np.frombuffer(b, dtype=np.uint8)))
    return max(0.0, (same - 1 / 256) / (1 - 1 / 256))


class DuplicateIndex:
    """Band keys, record locations and identifier fingerprints, in a SQLite file deleted on `close`."""

    def __init__(self, directory: str | None = None):
        handle, self.path = tempfile.mkstemp(prefix="privscan-examine-", suffix=".db", dir=directory)
        os.close(handle)
        self.db = sqlite3.connect(self.path)
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8000;"
            "CREATE TABLE rec(id INTEGER PRIMARY KEY, obj INTEGER, record INTEGER, pd INTEGER, sig BLOB);"
            "CREATE TABLE band(b INTEGER, h INTEGER, id INTEGER);"
            "CREATE TABLE ident(fp TEXT, type TEXT, id INTEGER);"
        )
        self.objects: list[str] = []
        self._recs: list[tuple] = []
        self._bands: list[tuple] = []
        self._idents: list[tuple] = []
        self.next_id = 0
        self.compared = 0

    def object(self, name: str) -> int:
        """The index of an object (as reports name it)."""
        self.objects.append(name)
        return len(self.objects) - 1

    def add(
        self, obj: int, record: int | None, shingle_set: set[bytes], identifiers: Iterable[tuple[str, str]]
    ) -> None:
        """One record: its shingles for near duplicates, its identifiers as (entity type, keyed fingerprint)."""
        rid = self.next_id
        self.next_id += 1
        idents = set(identifiers)
        sig = signature(shingle_set)
        self._recs.append((rid, obj, record, 1 if idents else 0, None if sig is None else low_bytes(sig)))
        self._idents.extend((fp, kind, rid) for kind, fp in idents)
        if sig is not None:
            self.compared += 1
            self._bands.extend((band, key, rid) for band, key in enumerate(band_keys(sig)))
        if len(self._recs) >= BATCH:
            self.flush()

    def flush(self) -> None:
        with self.db:
            self.db.executemany("INSERT INTO rec VALUES (?,?,?,?,?)", self._recs)
            self.db.executemany("INSERT INTO band VALUES (?,?,?)", self._bands)
            self.db.executemany("INSERT INTO ident VALUES (?,?,?)", self._idents)
        self._recs, self._bands, self._idents = [], [], []

    def merge(self, other: DuplicateIndex) -> None:
        """Take in another chunk's index (its objects and records renumbered after this one's)."""
        self.flush()
        other.flush()
        offset, objects = self.next_id, len(self.objects)
        self.objects.extend(other.objects)
        self.db.execute("ATTACH DATABASE ? AS other", (other.path,))
        with self.db:
            self.db.execute("INSERT INTO rec SELECT id + ?, obj + ?, record, pd, sig FROM other.rec", (offset, objects))
            self.db.execute("INSERT INTO band SELECT b, h, id + ? FROM other.band", (offset,))
            self.db.execute("INSERT INTO ident SELECT fp, type, id + ? FROM other.ident", (offset,))
        self.db.execute("DETACH DATABASE other")
        self.next_id += other.next_id
        self.compared += other.compared

    def groups(self) -> list[list[int]]:
        """Groups of near-duplicate records (ids), each sorted, largest first."""
        self.flush()
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            root = x
            while parent.get(root, root) != root:
                root = parent[root]
            while parent.get(x, x) != root:
                parent[x], x = root, parent[x]
            return root

        rows = self.db.execute("SELECT group_concat(id) FROM band GROUP BY b, h HAVING count(*) > 1")
        for (ids,) in rows:
            members = sorted(int(i) for i in ids.split(","))
            head = members[0]
            pending = [other for other in members[1:] if find(other) != find(head)]
            if not pending:
                continue
            sigs = self._signatures([head, *pending])
            for other in pending:
                if estimated_similarity(sigs[head], sigs[other]) >= VERIFY_SIMILARITY:
                    first, root = find(head), find(other)
                    if root != first:
                        parent[root] = first
        grouped: dict[int, list[int]] = {}
        for rid in parent:
            grouped.setdefault(find(rid), []).append(rid)
        for root in list(grouped):
            if root not in grouped[root]:
                grouped[root].append(root)
        return sorted((sorted(ids) for ids in grouped.values()), key=lambda ids: (-len(ids), ids[0]))

    def _signatures(self, ids: list[int]) -> dict[int, bytes]:
        found: dict[int, bytes] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            found.update(self.db.execute(f"SELECT id, sig FROM rec WHERE id IN ({marks})", part))
        return found

    def locations(self, ids: list[int]) -> list[dict]:
        """Where records are: object and record number."""
        found = []
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            found.extend(self.db.execute(f"SELECT id, obj, record, pd FROM rec WHERE id IN ({marks})", part))
        by_id = {rid: (obj, record, pd) for rid, obj, record, pd in found}
        return [
            {"object": self.objects[by_id[rid][0]], "record": by_id[rid][1], "personal_data": bool(by_id[rid][2])}
            for rid in ids
            if rid in by_id
        ]

    def holders(self, fingerprints: Iterable[str]) -> list[dict]:
        """The records holding any of these identifier fingerprints (an erasure request's reach)."""
        fps = list(fingerprints)
        marks = ",".join("?" * len(fps))
        ids = [row[0] for row in self.db.execute(f"SELECT DISTINCT id FROM ident WHERE fp IN ({marks})", fps)]
        return self.locations(sorted(ids))

    def entity_types(self) -> list[str]:
        self.flush()
        return [row[0] for row in self.db.execute("SELECT DISTINCT type FROM ident")]

    def repeated_identifiers(self) -> tuple[int, int]:
        """(identifiers held by more than one record, records holding such an identifier)."""
        self.flush()
        shared = "SELECT fp FROM ident GROUP BY fp HAVING count(DISTINCT id) > 1"
        count = self.db.execute(f"SELECT count(*) FROM ({shared})").fetchone()[0]
        records = self.db.execute(f"SELECT count(DISTINCT id) FROM ident WHERE fp IN ({shared})").fetchone()[0]
        return count, records

    def report(self) -> dict:
        """The `duplicates` section."""
        groups = self.groups()
        listed, with_pd = [], 0
        for ids in groups:
            where = self.locations(ids)
            personal = any(row["personal_data"] for row in where)
            with_pd += personal
            if len(listed) < GROUPS_LISTED:
                listed.append({"size": len(ids), "personal_data": personal, "records": where[:RECORDS_LISTED]})
        shared, holders = self.repeated_identifiers()
        return {
            "near_duplicate_groups": len(groups),
            "groups_with_personal_data": with_pd,
            "records_in_groups": sum(len(ids) for ids in groups),
            "records_compared": self.compared,
            "method": {
                "minhash_permutations": PERMUTATIONS,
                "bands": BANDS,
                "rows": ROWS,
                "verify_similarity": VERIFY_SIMILARITY,
            },
            "groups": listed,
            "repeated_identifiers": shared,
            "records_with_repeated_identifiers": holders,
        }

    def close(self) -> None:
        self.db.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
