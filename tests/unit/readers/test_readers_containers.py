"""Readers of xlsx, docx, PDF, zip / tar and UTF-16 text: locations, and the outcomes of near misses."""

import io
import zipfile

import pytest
from privscan.readers import (
    DecompressionBomb,
    Encrypted,
    MalformedObject,
    NoTextLayer,
    ReadLimits,
    TooManyMembers,
    open_object,
)

from tests.unit.readers.containers import EMAIL, IBAN, docx, encrypted_zip, pdf, tar_of, xlsx, zip_of

XML_BOMB = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'


def read(name, data, limits=None):
    reader = open_object(name, io.BytesIO(data), limits)
    return reader, [(c.record, c.field, c.text, c.member) for c in reader.cells()]


def test_xlsx_every_sheet_with_header_names_or_column_letters():
    data = xlsx({"Customers": [["name", "email"], ["Anna", EMAIL], [None, IBAN]], "Raw": [[1, IBAN]]})
    reader, cells = read("export.xlsx", data)
    assert reader.format == "xlsx" and reader.tabular
    assert reader.columns == ["Customers!name", "Customers!email"]
    assert cells == [
        (0, "Customers!name", "Anna", None),
        (0, "Customers!email", EMAIL, None),
        (1, "Customers!email", IBAN, None),
        (0, "Raw!A", "1", None),
        (0, "Raw!B", IBAN, None),
    ]
    assert reader.stats.records == 3 and reader.stats.bytes_read == len(data)


def test_xlsx_found_by_content_under_any_name():
    reader, cells = read("upload.bin", xlsx({"S": [["iban"], [IBAN]]}))
    assert reader.format == "xlsx" and cells == [(0, "S!iban", IBAN, None)]


@pytest.mark.parametrize("sheets", [{"Empty": []}, {"Formulas": [["=1+1", "=SUM(A1:A3)"], ["=A1*2"]]}])
def test_xlsx_empty_sheet_or_uncalculated_formulas_hold_no_records(sheets):
    reader, cells = read("book.xlsx", xlsx(sheets))
    assert cells == [] and reader.empty


def test_password_protected_office_file_is_encrypted():
    with pytest.raises(Encrypted):
        open_object("locked.xlsx", io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))


def test_docx_paragraphs_and_table_rows_share_the_record_counter():
    data = docx([f"Write to {EMAIL}", [["name", "iban"], ["Anna", IBAN]], "Thanks"])
    reader, cells = read("letter.docx", data)
    assert reader.format == "docx"
    assert cells == [
        (0, None, f"Write to {EMAIL}", None),
        (1, "table[0].header", "name", None),
        (1, "table[0].header", "iban", None),
        (2, "table[0].name", "Anna", None),
        (2, "table[0].iban", IBAN, None),
        (3, None, "Thanks", None),
    ]


@pytest.mark.parametrize(
    "document",
    [
        "<w:document xmlns:w='x'><w:body><w:p>",  # cut off
        XML_BOMB,
    ],
)
def test_corrupt_docx_is_malformed(document):
    reader = open_object("broken.docx", io.BytesIO(zip_of({"word/document.xml": document})))
    with pytest.raises(MalformedObject):
        list(reader.cells())


def test_truncated_docx_is_malformed():
    with pytest.raises(MalformedObject):
        open_object("broken.docx", io.BytesIO(docx(["Hello"])[:-30]))


def test_pdf_text_per_page_and_line():
    reader, cells = read("scan.pdf", pdf([["Invoice", f"Mail {EMAIL}"], ["", f"IBAN {IBAN}"]]))
    assert reader.format == "pdf"
    assert cells == [
        (0, "line 1", "Invoice", None),
        (0, "line 2", f"Mail {EMAIL}", None),
        (1, "line 1", f"IBAN {IBAN}", None),
    ]


def test_pdf_with_only_an_image_has_no_text_layer():
    reader = open_object("scan.pdf", io.BytesIO(pdf(image_only=True)))
    with pytest.raises(NoTextLayer) as info:
        list(reader.cells())
    assert info.value.code == "no_text_layer"


def test_pdf_pages_beyond_the_limit_are_reported():
    reader, cells = read("long.pdf", pdf([["one"], ["two"], ["three"]]), ReadLimits(max_pages=2))
    assert [c[0] for c in cells] == [0, 1]
    assert [issue.code for issue in reader.stats.issues] == ["truncated"]


def test_zip_members_are_objects_of_their_own_and_unreadable_ones_are_gaps():
    data = zip_of(
        {
            "a/customers.csv": f"name,email\nAnna,{EMAIL}\n",
            "../notes.txt": f"IBAN {IBAN}\n",
            "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "inner.zip": zip_of({"x.csv": "a\n1\n"}),
        }
    )
    reader, cells = read("batch.zip", data)
    assert reader.format == "archive"
    assert cells == [
        (0, "name", "Anna", "a/customers.csv"),
        (0, "email", EMAIL, "a/customers.csv"),
        (0, None, f"IBAN {IBAN}", "../notes.txt"),
    ]
    assert reader.gaps == [
        ("photo.png", "binary", "content is PNG image"),
        ("inner.zip", "unsupported_format", "an archive inside an archive is not opened"),
    ]


@pytest.mark.parametrize("mode", ["w", "w:gz"])
def test_tar_members(mode):
    reader, cells = read(
        "batch.tar.gz" if mode == "w:gz" else "batch.tar", tar_of({"d/a.csv": f"email\n{EMAIL}\n".encode()}, mode)
    )
    assert reader.format == "archive" and reader.compressed == (mode == "w:gz")
    assert cells == [(0, "email", EMAIL, "d/a.csv")]


def test_zip_bomb_is_refused_before_inflating():
    with pytest.raises(DecompressionBomb):
        open_object("bomb.zip", io.BytesIO(zip_of({"zeros.csv": b"0" * (8 * 1024 * 1024)})))


def test_zip_with_ten_thousand_members_is_refused():
    with pytest.raises(TooManyMembers):
        open_object("many.zip", io.BytesIO(zip_of({f"m{i}.txt": "x" for i in range(10_000)}, zipfile.ZIP_STORED)))


def test_tar_with_too_many_members_stops():
    reader = open_object(
        "many.tar", io.BytesIO(tar_of({f"m{i}.txt": b"x\n" for i in range(5)})), ReadLimits(max_members=3)
    )
    with pytest.raises(TooManyMembers):
        list(reader.cells())


def test_password_protected_zip_is_encrypted():
    reader = open_object("locked.zip", io.BytesIO(encrypted_zip("a.csv", f"email\n{EMAIL}\n".encode())))
    with pytest.raises(Encrypted):
        list(reader.cells())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_and_csv_with_and_without_bom(encoding):
    reader, cells = read("notes.txt", f"Mail {EMAIL}\nIBAN {IBAN}\n".encode(encoding))
    assert reader.format == "text" and cells == [(0, None, f"Mail {EMAIL}", None), (1, None, f"IBAN {IBAN}", None)]
    reader, cells = read("c.csv", f"name,iban\nAnna,{IBAN}\n".encode(encoding))
    assert reader.format == "csv" and cells == [(0, "name", "Anna", None), (0, "iban", IBAN, None)]


def test_utf16_json():
    reader, cells = read("record.json", f'{{"email": "{EMAIL}"}}'.encode("utf-16"))
    assert reader.format == "json" and cells == [(0, "email", EMAIL, None)]
