"""Bounded gzip inflation, and spooling to a temporary file for readers that must seek."""

from __future__ import annotations

import io
import shutil
import tempfile
import zlib
from typing import IO

from privscan.readers.base import DecompressionBomb, MalformedObject, ReadLimits
from privscan.readers.streams import CHUNK

GZIP_MAGIC = b"\x1f\x8b"
_RATIO_GRACE = 1024 * 1024  # judge the inflation ratio only after this much output


class GzipInflater(io.RawIOBase):
    """Inflates a (possibly multi-member) gzip stream in bounded chunks.

    Raises `DecompressionBomb` as soon as the output passes `max_inflated_bytes`,
    or `max_inflation_ratio` times the compressed bytes read so far; raises
    `MalformedObject` for a corrupt or truncated stream.
    """

    def __init__(self, source: io.RawIOBase, limits: ReadLimits):
        super().__init__()
        self._src = source
        self._limits = limits
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = memoryview(b"")
        self._done = False
        self.compressed_bytes = 0
        self.inflated_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._pending and not self._done:
            self._pending = memoryview(self._inflate())
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _read_source(self) -> bytes:
        data = self._src.read(CHUNK) or b""
        self.compressed_bytes += len(data)
        return data

    def _inflate(self) -> bytes:
        d = self._inflater
        try:
            if d.unconsumed_tail:  # output was capped at CHUNK: keep inflating the same input
                out = d.decompress(d.unconsumed_tail, CHUNK)
            elif d.eof:  # end of a member: another one may follow
                rest = d.unused_data.lstrip(b"\0")  # NUL padding after the last member is tolerated
                while not rest:
                    data = self._read_source()
                    if not data:
                        self._done = True
                        return b""
                    rest = data.lstrip(b"\0")
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out = self._inflater.decompress(rest, CHUNK)
            else:
                data = self._read_source()
                if not data:
                    raise MalformedObject("truncated gzip stream")
                out = d.decompress(data, CHUNK)
        except zlib.error:
            raise MalformedObject("corrupt gzip stream") from None
        self._check(len(out))
        return out

    def _check(self, produced: int) -> None:
        self.inflated_bytes += produced
        limits = self._limits
        if self.inflated_bytes > limits.max_inflated_bytes:
            raise DecompressionBomb(f"inflates to more than {limits.max_inflated_bytes} bytes")
        if self.inflated_bytes > _RATIO_GRACE and self.inflated_bytes > limits.max_inflation_ratio * max(
            self.compressed_bytes, 1
        ):
            raise DecompressionBomb(f"inflation ratio above {limits.max_inflation_ratio}")


def spool(source: io.RawIOBase) -> IO[bytes]:
    """Copy a stream into an anonymous temporary file (for Parquet, which needs to seek)."""
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the reader, which closes it
    try:
        shutil.copyfileobj(source, tmp, 1024 * 1024)
        tmp.seek(0)
    except BaseException:
        tmp.close()
        raise
    return tmp
