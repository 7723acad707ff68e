"""Opening a ZIP container (a .zip archive, or an .xlsx / .docx, which are ZIPs) within the gzip limits.

Before anything is inflated, the central directory is checked: member count (`max_members`), the
declared inflated size of all members (`max_inflated_bytes`) and its ratio to the container's size
(`max_inflation_ratio`). `zipfile` never returns more bytes for a member than its declared size, so
these checks bound what reading can inflate.
"""

from __future__ import annotations

import zipfile
from typing import IO

from privscan.readers.base import (
    DecompressionBomb,
    Encrypted,
    MalformedObject,
    ObjectReader,
    ReadLimits,
    TooManyMembers,
)

_RATIO_GRACE = 1024 * 1024  # small containers may compress well: judge the ratio above this size only


def open_zip(file: IO[bytes], limits: ReadLimits) -> zipfile.ZipFile:
    """A ZipFile on the seekable `file`, or a ReadError when it is corrupt or could inflate too far."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise MalformedObject("not a readable ZIP container") from None
    try:
        check_members(archive.infolist(), file_size(file), limits)
    except BaseException:
        archive.close()
        raise
    return archive


def check_members(members: list[zipfile.ZipInfo], container_bytes: int, limits: ReadLimits) -> None:
    """Refuse a ZIP container with too many members or whose members inflate past the limits, before any is read."""
    if len(members) > limits.max_members:
        raise TooManyMembers(f"more than {limits.max_members} members")
    inflated = sum(member.file_size for member in members)
    if inflated > limits.max_inflated_bytes:
        raise DecompressionBomb(f"inflates to more than {limits.max_inflated_bytes} bytes")
    if inflated > _RATIO_GRACE and inflated > limits.max_inflation_ratio * max(container_bytes, 1):
        raise DecompressionBomb(f"inflation ratio above {limits.max_inflation_ratio}")


def read_member(archive: zipfile.ZipFile, name: str) -> IO[bytes]:
    """An open member (raises Encrypted for a password-protected one, MalformedObject when missing)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise MalformedObject("a required part is missing") from None
    if info.flag_bits & 0x1:
        raise Encrypted("password-protected")
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError):
        raise MalformedObject("a part cannot be inflated") from None


def file_size(file: IO[bytes]) -> int:
    """The size of a seekable file, its position kept."""
    position = file.tell()
    file.seek(0, 2)
    size = file.tell()
    file.seek(position)
    return size


class WholeFileReader(ObjectReader):
    """A reader of a seekable file it reads as a whole (xlsx, docx, PDF): the bytes read are the file's size,
    and a file spooled for the reader (`owned`) is closed with it."""

    def __init__(self, file: IO[bytes], *, compressed: bool, limits: ReadLimits, owned: bool = False):
        super().__init__(compressed=compressed, limits=limits)
        self._file, self._owned, self._size = file, owned, file_size(file)

    def _bytes_consumed(self) -> int:
        return self._size

    def close(self) -> None:
        """Close the file if this reader opened it."""
        if self._owned:
            self._file.close()
