"""Examination of a training set for the AI Act: bias and representation (Art. 10(2)-(3)), special-category
safeguards (Art. 10(5)), the public training-content summary (Art. 53(1)(d)) and duplicated personal records.

    examiner = Examiner(fingerprint=fingerprinter, label="approved")
    examine_stream("train.csv", stream, examiner)            # or examine_stream(..., scanner=..., fingerprinter=...)
    document = examiner.report()

Pure (no AWS), streamed, with bounded memory: see docs/examine.md.
"""

from __future__ import annotations

from typing import BinaryIO

from privscan.examine.examiner import Examiner
from privscan.readers import open_object
from privscan.readers.base import ReadError, ReadLimits

__all__ = ["Examiner", "examine_stream"]


def examine_stream(
    name: str, stream: BinaryIO, examiner: Examiner, limits: ReadLimits | None = None, shown_as: str | None = None
) -> dict:
    """Read one object and add its cells to `examiner`, without a scan (no personal-data statistics).

    Returns a content-free summary of the read (records, bytes, outcome); a ReadError ends it with its code.
    """
    try:
        reader = open_object(name, stream, limits)
        examiner.begin(shown_as or name, reader.format, scanned=False)
        for cell in reader.cells():
            examiner.add(cell)
        examiner.end(reader.stats.bytes_read)
    except ReadError as error:
        return {"object": shown_as or name, "outcome": str(error.code), "reason": error.reason}
    return {
        "object": shown_as or name,
        "outcome": "examined",
        "records": reader.stats.records,
        "format": reader.format,
        "bytes_read": reader.stats.bytes_read,
    }
