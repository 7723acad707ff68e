"""Where a chunked scan reads its bytes: a local file here, an S3 object version in adapters/s3_objects.py."""

from __future__ import annotations

import io
import shutil
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Protocol


class ByteSource(Protocol):
    """The bytes of one object, whole or by range: a local file or an S3 object version."""

    def size(self) -> int: ...

    def open(self) -> AbstractContextManager[BinaryIO]:
        """The whole object as a stream."""

    def range(self, start: int, end: int) -> AbstractContextManager[BinaryIO]:
        """Bytes [start, end) as a stream."""

    def seekable(self) -> AbstractContextManager[BinaryIO]:
        """A seekable copy (Parquet reads its footer first)."""


class _Slice(io.RawIOBase):
    """At most `length` bytes of an open file, from where it stands."""

    def __init__(self, file: BinaryIO, length: int):
        super().__init__()
        self._file, self._left = file, length

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self._file.read(min(len(b), self._left))
        self._left -= len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._file.close()
        super().close()


class Joined(io.RawIOBase):
    """Several streams read one after the other (a CSV chunk: the header's bytes, then the chunk's)."""

    def __init__(self, *streams: BinaryIO):
        super().__init__()
        self._streams = list(streams)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while self._streams:
            data = self._streams[0].read(len(b))
            if data:
                b[: len(data)] = data
                return len(data)
            self._streams.pop(0).close()
        return 0

    def close(self) -> None:
        for stream in self._streams:
            stream.close()
        super().close()


class FileSource:
    """A local file as a ByteSource."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def size(self) -> int:
        """The file's size in bytes."""
        return self.path.stat().st_size

    def open(self) -> BinaryIO:
        """The whole file as a binary stream."""
        return self.path.open("rb")

    def range(self, start: int, end: int) -> BinaryIO:
        """The bytes [start, end) of the file as a stream."""
        file = self.path.open("rb")
        file.seek(start)
        return _Slice(file, end - start)

    def seekable(self) -> BinaryIO:
        """The file itself, for readers that need to seek."""
        return self.path.open("rb")

    @classmethod
    def copy_of(cls, stream: BinaryIO, path: Path) -> FileSource:
        """Stage a stream (an inflating gzip) as a local file."""
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        return cls(path)
