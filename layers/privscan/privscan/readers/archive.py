"""Archives (.zip, .tar, .tar.gz): every member is read as an object of its own.

Each member goes through `open_object` with its own format detection; its cells carry
`Cell.member` (the member's path), so that its findings name the object `archive.zip!dir/file.csv`
with the member's own record and field. Nothing is written to disk, so member paths (`../x`,
absolute ones) are only names. Limits: those of gzip for the whole archive (a ZIP's declared sizes
are checked before inflating, a .tar.gz inflates through the bounded gzip stream), at most
`max_members` members, and `archive_depth` levels (an archive inside an archive is not opened).
A member that cannot be read (password-protected, nested archive, unsupported, corrupt) does not
stop the others: it is listed in `gaps` as (member, outcome code, reason), a coverage gap of its own.
"""

from __future__ import annotations

import dataclasses
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO

from privscan.readers.base import (
    Cell,
    Encrypted,
    MalformedObject,
    ObjectReader,
    ReadError,
    ReadLimits,
    TooManyMembers,
)
from privscan.readers.zipped import file_size, open_zip

OpenObject = Callable[[str, IO[bytes], ReadLimits], ObjectReader]


def is_tar(head: bytes) -> bool:
    """A POSIX (ustar) or GNU tar header: the magic at offset 257."""
    return head[257:262] == b"ustar"


class ArchiveReader(ObjectReader):
    """A .zip or .tar(.gz) archive: each member is read as an object of its own, with the same limits; members that
    cannot be read are coverage gaps."""

    format = "archive"

    def __init__(self, open_object: OpenObject, *, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self._open_object = open_object
        self.gaps: list[tuple[str, str, str]] = []
        self._members = 0

    def _member_limits(self) -> ReadLimits:
        return dataclasses.replace(self.limits, archive_depth=self.limits.archive_depth - 1)

    def _member_cells(self, name: str, stream: IO[bytes]) -> Iterator[Cell]:
        """The cells of one member; a member that cannot be read becomes a gap."""
        self._members += 1
        if self._members > self.limits.max_members:
            raise TooManyMembers(f"more than {self.limits.max_members} members")
        try:
            reader = self._open_object(name, stream, self._member_limits())
            for cell in reader.cells():
                yield dataclasses.replace(cell, member=name)
            self.stats.records += reader.stats.records
            for issue in reader.stats.issues:
                self.stats.add_issue(issue, self.limits.max_issues)
        except ReadError as error:
            self.gaps.append((name, error.code, error.reason))


class ZipArchiveReader(ArchiveReader):
    """The members of a ZIP archive."""

    def __init__(self, file: IO[bytes], open_object: OpenObject, *, compressed: bool, limits: ReadLimits, owned=False):
        super().__init__(open_object, compressed=compressed, limits=limits)
        self._file, self._owned, self._size = file, owned, file_size(file)
        self._zip = open_zip(file, limits)

    def _cells(self) -> Iterator[Cell]:
        members = [info for info in self._zip.infolist() if not info.is_dir()]
        if members and all(info.flag_bits & 0x1 for info in members):
            raise Encrypted("every member is password-protected")
        for info in members:
            if info.flag_bits & 0x1:
                self.gaps.append((info.filename, Encrypted.code, "password-protected"))
                continue
            try:
                stream = self._zip.open(info)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError):
                self.gaps.append((info.filename, MalformedObject.code, "the member cannot be inflated"))
                continue
            with stream:
                yield from self._guarded(info.filename, stream)

    def _guarded(self, name: str, stream: IO[bytes]) -> Iterator[Cell]:
        try:
            yield from self._member_cells(name, stream)
        except (zipfile.BadZipFile, EOFError, OSError):  # a CRC error or truncation found while reading
            self.gaps.append((name, MalformedObject.code, "the member is corrupt"))

    def _bytes_consumed(self) -> int:
        return self._size

    def close(self) -> None:
        """Close the archive, and its file if this reader opened it."""
        self._zip.close()
        if self._owned:
            self._file.close()


class TarArchiveReader(ArchiveReader):
    """A tar stream read front to back (no seeking; a .tar.gz arrives already inflated, within limits)."""

    def __init__(self, stream: IO[bytes], open_object: OpenObject, *, compressed: bool, limits: ReadLimits):
        super().__init__(open_object, compressed=compressed, limits=limits)
        self._stream = stream

    def _cells(self) -> Iterator[Cell]:
        try:
            with tarfile.open(fileobj=self._stream, mode="r|") as tar:
                for info in tar:
                    if not info.isfile():
                        continue
                    member = tar.extractfile(info)
                    if member is not None:
                        yield from self._member_cells(info.name, member)
        except tarfile.TarError:
            raise MalformedObject("not a readable tar archive") from None

    def _bytes_consumed(self) -> int:
        return getattr(self._stream, "consumed", 0)
