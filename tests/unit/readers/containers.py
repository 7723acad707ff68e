"""Builders of small container files for the tests (xlsx, docx, pdf, zip, tar), made in memory."""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib
from xml.sax.saxutils import escape

import openpyxl

EMAIL = "anna.schmidt@example.com"
IBAN = "DE89370400440532013000"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx(blocks: list) -> bytes:
    """`blocks`: a str is a paragraph, a list of rows (lists of str) is a table."""
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<w:p><w:r><w:t>{escape(block)}</w:t></w:r></w:p>")
        else:
            rows = "".join(
                "<w:tr>"
                + "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in row)
                + "</w:tr>"
                for row in block
            )
            body.append(f"<w:tbl>{rows}</w:tbl>")
    document = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    return zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def pdf(pages: list[list[str]] | None = None, image_only: bool = False) -> bytes:
    """A PDF whose pages show the given lines of text (Helvetica), or one page with only an image."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    contents = []
    if image_only:
        pixels = zlib.compress(b"\x80" * 64)
        image = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
        image += b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (
            len(pixels),
            pixels,
        )
        objects[4] = image
        contents.append((b"q 200 0 0 200 100 500 cm /Im0 Do Q", b"<< /XObject << /Im0 4 0 R >> >>"))
    for lines in pages or []:
        ops = [b"BT /F1 12 Tf 14 TL 72 720 Td"] + [b"(%s) Tj T*" % line.encode("latin-1") for line in lines] + [b"ET"]
        contents.append((b"\n".join(ops), b"<< /Font << /F1 3 0 R >> >>"))
    kids = []
    for index, (stream, resources) in enumerate(contents):
        page, content = 10 + 2 * index, 11 + 2 * index
        objects[page] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>" % (
            resources,
            content,
        )
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        kids.append(b"%d 0 R" % page)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def zip_of(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def tar_of(members: dict[str, bytes], mode: str = "w") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def encrypted_zip(name: str, data: bytes) -> bytes:
    """A ZIP whose only member is flagged password-protected (ZipCrypto; the bytes need not decrypt)."""
    raw = bytearray(zip_of({name: data}, zipfile.ZIP_STORED))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        raw[at + flag_offset] |= 0x1
    return bytes(raw)
