"""A findings spool: JSONL lines kept on local disk until the scan has finished.

Findings are only published (printed, uploaded, written to DynamoDB) once the
whole object scanned; a scan that ends rejected mid-way (a decompression bomb)
publishes nothing.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Self


def finding_line(data: dict) -> bytes:
    """One finding as a JSONL line: spools, chunk parts and results objects hold exactly these bytes,
    so a reducer can copy the parts' findings into a results object without parsing them."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class FindingSpool:
    """Findings of one scan kept as JSON lines in a temporary file until the scan has finished, so that nothing is
    published for a scan that fails half way."""

    def __init__(self) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - open for the spool's life, closed by close()
        self.count = 0

    def __call__(self, line: dict) -> None:
        self.file.write(finding_line(line))
        self.count += 1

    def lines(self) -> Iterator[dict]:
        """The spooled findings, in the order they were added."""
        self.file.seek(0)
        for raw in self.file:
            yield json.loads(raw)

    def close(self) -> None:
        """Close and remove the spool file."""
        self.file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
