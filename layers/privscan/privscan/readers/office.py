"""Office files: .xlsx spreadsheets (openpyxl, read-only streaming) and .docx documents (the XML parts).

Both are ZIP containers, opened through `zipped.open_zip` (member count, inflated size and ratio
checked before anything is inflated); their XML is parsed with defusedxml (no DTDs, no entities).

Locations:
- xlsx: every sheet, in workbook order. `record` is the 0-based data row within its sheet, counted
  from the row after the header row (sheet row 2 is record 0 when row 1 is the header); without a
  header row, sheet row 1 is record 0. `field` is `<sheet>!<header>` (`Customers!email`), or
  `<sheet>!<column letter>` (`Customers!B`) for a sheet or a column without a header. A sheet's first
  non-empty row is its header when it holds only distinct texts. Values are the cached results
  (a formula never calculated by a spreadsheet program has none and yields nothing).
- docx: the body's paragraphs and table rows, in order, share one 0-based `record` counter.
  A paragraph's `field` is None; a table cell's is `table[i].<header>` (i the 0-based table, the
  header the text of the same column in the table's first row, `col<j>` when empty); the cells of
  the first row itself have `table[i].header`. Headers, footers and comments are not read.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from privscan.readers.base import Cell, Encrypted, MalformedObject, ReadError, ReadLimits
from privscan.readers.zipped import WholeFileReader, open_zip, read_member

_HEADER_SEARCH_ROWS = 100  # the header is looked for among the first rows of a sheet only
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class XlsxReader(WholeFileReader):
    """Cells of every sheet of an .xlsx workbook (see the module docstring for locations)."""

    format = "xlsx"
    tabular = True

    def __init__(self, file: IO[bytes], *, compressed: bool, limits: ReadLimits, owned: bool = False):
        super().__init__(file, compressed=compressed, limits=limits, owned=owned)
        import openpyxl  # only spreadsheets need it

        open_zip(file, limits).close()
        file.seek(0)
        try:
            self._book = openpyxl.load_workbook(file, read_only=True, data_only=True, keep_links=False)
            self._sheets = [(sheet.title, sheet, _header(sheet)) for sheet in self._book.worksheets]
        except ReadError:
            raise
        except Exception:  # noqa: BLE001 - openpyxl raises many types for a damaged workbook
            raise MalformedObject("not a readable xlsx workbook") from None
        self.columns = [f"{title}!{name}" for title, _, header in self._sheets for name in header[1] if name]

    def _cells(self) -> Iterator[Cell]:
        visited = 0
        for title, sheet, (header_row, names) in self._sheets:
            for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                visited += len(row)
                if visited > self.limits.max_cells:
                    self._issue(None, "truncated", f"more than {self.limits.max_cells} cells")
                    return
                if row_number <= header_row and header_row:
                    continue
                record = row_number - header_row - 1
                texts = [(column, _text(value)) for column, value in enumerate(row)]
                texts = [(column, text) for column, text in texts if text]
                if texts:
                    self.stats.records += 1
                for column, text in texts:
                    name = names[column] if column < len(names) and names[column] else _letter(column)
                    yield Cell(record, f"{title}!{name}", text)

    def close(self) -> None:
        """Close the workbook."""
        book = getattr(self, "_book", None)
        if book is not None:
            book.close()
        super().close()


def _header(sheet) -> tuple[int, list[str]]:
    """(1-based sheet row of the header or 0, the header's names by column)."""
    for row_number, row in enumerate(sheet.iter_rows(max_row=_HEADER_SEARCH_ROWS, values_only=True), start=1):
        values = [value for value in row if value is not None and str(value).strip()]
        if not values:
            continue
        texts = [value.strip() for value in values if isinstance(value, str)]
        if len(texts) == len(values) and len(set(texts)) == len(texts):
            return row_number, [value.strip() if isinstance(value, str) else "" for value in row]
        return 0, []
    return 0, []


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column + 1)


class DocxReader(WholeFileReader):
    """Paragraphs and table cells of a .docx body (see the module docstring for locations)."""

    format = "docx"

    def __init__(self, file: IO[bytes], *, compressed: bool, limits: ReadLimits, owned: bool = False):
        super().__init__(file, compressed=compressed, limits=limits, owned=owned)
        self._zip = open_zip(file, limits)

    def _cells(self) -> Iterator[Cell]:
        record, tables, depth = 0, 0, 0
        try:
            with read_member(self._zip, "word/document.xml") as part:
                for event, element in iterparse(part, events=("start", "end")):
                    if event == "start":
                        depth += 1
                        continue
                    depth -= 1
                    if depth != 2 or element.tag not in (f"{_W}p", f"{_W}tbl"):
                        continue  # only the children of w:body (document > body > p | tbl)
                    if element.tag == f"{_W}p":
                        yield from self._paragraph(record, element)
                        record += 1
                    else:
                        for row in self._table(record, tables, element):
                            yield from row
                            record += 1
                        tables += 1
                    element.clear()
        except (Encrypted, MalformedObject):
            raise
        except (DefusedXmlException, SyntaxError, zipfile.BadZipFile, EOFError, OSError):
            raise MalformedObject("not a readable docx document") from None

    def _paragraph(self, record: int, element) -> Iterator[Cell]:
        text = _paragraph_text(element)
        if text.strip():
            self.stats.records += 1
            yield Cell(record, None, text)

    def _table(self, first_record: int, index: int, table) -> Iterator[list[Cell]]:
        rows = [[_paragraphs_text(cell) for cell in row.iter(f"{_W}tc")] for row in table.iter(f"{_W}tr")]
        header = [text.strip() or f"col{j}" for j, text in enumerate(rows[0])] if rows else []
        for i, row in enumerate(rows):
            cells = []
            for j, text in enumerate(row):
                if text.strip():
                    name = "header" if i == 0 else (header[j] if j < len(header) else f"col{j}")
                    cells.append(Cell(first_record + i, f"table[{index}].{name}", text))
            if cells:
                self.stats.records += 1
            yield cells

    def close(self) -> None:
        """Close the document's ZIP container and the file."""
        self._zip.close()
        super().close()


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _paragraphs_text(cell) -> str:
    return "\n".join(_paragraph_text(paragraph) for paragraph in cell.iter(f"{_W}p"))
