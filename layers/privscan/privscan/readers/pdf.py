"""PDF documents with a text layer (pypdf): one cell per non-blank line of each page's text.

`record` is the 0-based page, `field` is `line N` with N the 1-based line of that page's extracted
text. A PDF whose pages hold no text at all (a scan, images only) ends `no_text_layer`: it would need
OCR. A password-protected PDF that does not open with the empty password ends `encrypted`. At most
`max_pages` pages are read; pypdf bounds what one content stream may inflate to.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from privscan.readers.base import Cell, Encrypted, MalformedObject, NoTextLayer, ReadLimits
from privscan.readers.zipped import WholeFileReader

# pypdf's log lines about a damaged document may quote pieces of it; the read's outcome and issues say enough
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


class PdfReader(WholeFileReader):
    format = "pdf"

    def __init__(self, file: IO[bytes], *, compressed: bool, limits: ReadLimits, owned: bool = False):
        super().__init__(file, compressed=compressed, limits=limits, owned=owned)
        from pypdf import PdfReader as Pdf  # only PDFs need it
        from pypdf.errors import PyPdfError

        try:
            self._pdf = Pdf(file, strict=False)
            if self._pdf.is_encrypted and not self._pdf.decrypt(""):
                raise Encrypted("password-protected")
            self._pages = len(self._pdf.pages)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError):
            raise MalformedObject("not a readable PDF document") from None

    def _cells(self) -> Iterator[Cell]:
        text_found = False
        for page in range(min(self._pages, self.limits.max_pages)):
            lines = self._page_lines(page)
            if lines:
                self.stats.records += 1
            for number, line in lines:
                text_found = True
                yield Cell(page, f"line {number}", line)
        if self._pages > self.limits.max_pages:
            self._issue(None, "truncated", f"only the first {self.limits.max_pages} pages were read")
        if self._pages and not text_found:
            raise NoTextLayer("the pages hold no text layer (a scan or images only); it would need OCR")

    def _page_lines(self, page: int) -> list[tuple[int, str]]:
        try:
            text = self._pdf.pages[page].extract_text() or ""
        except Exception:  # noqa: BLE001 - pypdf raises many types for a damaged page; the others are still read
            self._issue(page, "unreadable_page", "the page's text cannot be extracted")
            return []
        return [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
