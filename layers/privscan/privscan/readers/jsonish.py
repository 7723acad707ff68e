"""JSON documents, JSON Lines and chat transcripts (either of those holding conversations: docs/transcripts.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from privscan.readers.base import Cell, MalformedObject, ObjectReader, ReadLimits, TooLarge
from privscan.readers.jsonpath import CHAT_LISTS, is_chat_list, is_chat_record, iter_leaves, join_key
from privscan.readers.streams import CHUNK, Peekable, complete_utf8_len, decode_utf8, strip_newline
from privscan.readers.text import LineSource

_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()
_BAD, _MORE = object(), object()


class _Invalid(Exception):
    """Not JSON at some point of the document; `reason` is content-free."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class JsonText:
    """A sliding window of decoded text over a byte stream, decoded one JSON value at a time.

    Only the value being decoded (plus one read-ahead chunk) is held, so a top-level
    array of any size streams element by element.
    """

    def __init__(self, src: Peekable, limit: int):
        self._src = src
        self._limit = limit
        self.buf, self.pos, self.eof = "", 0, False
        self._carry = b""  # a UTF-8 sequence cut by the chunk boundary
        self._bom_checked = False
        self._lines_dropped = 0  # newlines in text already dropped from the window ...
        self._column_dropped = 0  # ... and characters after the last of them
        self.bad_utf8 = False  # invalid bytes were replaced since the flag was last cleared

    def _more(self, want: int) -> None:
        if self.pos:  # drop what has been decoded already, keeping line/column bookkeeping
            nl = self.buf.rfind("\n", 0, self.pos)
            if nl >= 0:
                self._lines_dropped += self.buf.count("\n", 0, self.pos)
                self._column_dropped = self.pos - nl - 1
            else:
                self._column_dropped += self.pos
            self.buf, self.pos = self.buf[self.pos :], 0
        parts, got = [], 0
        while got < want and not self.eof:
            data = self._carry + (self._src.read(CHUNK) or b"")
            self.eof = len(data) == len(self._carry)
            cut = len(data) if self.eof else complete_utf8_len(data)
            self._carry = data[cut:]
            text, bad = decode_utf8(data[:cut])
            self.bad_utf8 |= bad
            if not self._bom_checked and text:
                text, self._bom_checked = text.removeprefix("\ufeff"), True
            parts.append(text)
            got += len(text)
        self.buf += "".join(parts)

    def _where(self, pos: int) -> str:
        nl = self.buf.rfind("\n", 0, pos)
        line = self._lines_dropped + self.buf.count("\n", 0, pos) + 1
        column = pos - nl if nl >= 0 else self._column_dropped + pos + 1
        return f"line {line} column {column}"

    def invalid(self, pos: int | None = None) -> _Invalid:
        """The error for invalid JSON, naming the line and column only."""
        return _Invalid(f"invalid JSON at {self._where(self.pos if pos is None else pos)}")

    def peek(self) -> str:
        """Skip whitespace; the next character, or "" at the end."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos : self.pos + 1]
            self._more(CHUNK)

    def expect(self, chars: str) -> str:
        """Consume one of `chars` or raise the invalid-JSON error."""
        c = self.peek()
        if not c or c not in chars:
            raise self.invalid()
        self.pos += 1
        return c

    def value(self) -> Any:
        """Parse one JSON value at the current position."""
        if not self.peek():
            raise self.invalid()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:  # a number at the very end might go on
                    self.pos = end
                    return value
            except json.JSONDecodeError as e:
                # An error well before the end of the window is real; near it, more text may fix it.
                if self.eof or (not e.msg.startswith("Unterminated") and e.pos < len(self.buf) - 16):
                    raise self.invalid(e.pos) from None
            except RecursionError:
                raise _Invalid(f"JSON nested too deeply at {self._where(self.pos)}") from None
            except ValueError:  # e.g. an integer with too many digits
                raise self.invalid() from None
            if len(self.buf) - self.pos > self._limit:
                raise TooLarge(f"a JSON value is longer than {self._limit} bytes")
            self._more(max(CHUNK, len(self.buf) - self.pos))  # grow geometrically: linear total work


class JsonReader(ObjectReader):
    """A JSON document. Top-level array: `record` = element index, paths relative to the
    element. Anything else: one record (0); the arrays directly under a top-level object
    are streamed too, so `{"data": [...huge...]}` stays bounded. Values following the
    first top-level one are read as further records (with a `concatenated_json` issue).

    Invalid JSON raises MalformedObject if not one record could be read first;
    otherwise it is recorded as an issue and the rest of the object is not read.
    """

    def __init__(self, src: Peekable, *, fmt: str, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self.format = fmt
        self._src = src
        self._text = JsonText(src, limits.max_record_bytes)
        self._record = 0  # the record being read (issues are charged to it)
        self._progress = False  # some value has been read completely
        self._utf8_reported: int | None = None

    def _bytes_consumed(self) -> int:
        return self._src.consumed

    @property
    def window(self) -> JsonText:
        """The decoded text the values are parsed from, one at a time (a rewriter walks it as `_cells` does)."""
        return self._text

    def _cells(self) -> Iterator[Cell]:
        text = self._text
        try:
            first = text.peek()
            if first == "[":
                text.pos += 1
                for value in self._items(records=True):
                    self.stats.records = self._record + 1
                    yield from self._emit(value)
            elif first == "{":
                yield from self._object()
            elif first:
                self.stats.records = 1
                yield from self._emit(text.value())
            if text.peek():
                # Concatenated values (or JSONL whose first line was too long to sniff): one record each.
                self._issue(self.stats.records, "concatenated_json", "more than one top-level JSON value")
                while text.peek():
                    self._record = self.stats.records
                    self.stats.records += 1
                    yield from self._emit(text.value())
        except _Invalid as error:
            if not self._progress:
                raise MalformedObject(error.reason) from None
            self._issue(self._record, "invalid_json", f"{error.reason}; the rest was not read")

    def _items(self, *, records: bool = False) -> Iterator[Any]:
        """The values of the array whose "[" was just consumed, one at a time.

        With `records`, each value is a record: `_record` is its index while it is read.
        """
        text = self._text
        if text.peek() == "]":
            text.pos += 1
            return
        index = 0
        while True:
            if records:
                self._record = index
            yield text.value()
            index += 1
            if text.expect(",]") == "]":
                return

    def _object(self) -> Iterator[Cell]:
        """A top-level object, member by member; arrays among its values element by element."""
        text = self._text
        text.pos += 1
        if text.peek() == "}":
            text.pos += 1
            return
        while True:
            if text.peek() != '"':
                raise text.invalid()
            key = text.value()
            text.expect(":")
            self.stats.records = 1
            if text.peek() == "[":
                text.pos += 1
                path = join_key("", key)
                for i, value in enumerate(self._items()):
                    yield from self._emit(value, f"{path}[{i}]", item_of=key, index=i)
            else:
                yield from self._emit({key: text.value()})  # the walker handles a chat list's key
            if text.expect(",}") == "}":
                return

    def _emit(self, value: Any, path: str = "", *, item_of: str | None = None, index: int = 0) -> Iterator[Cell]:
        if self._text.bad_utf8:
            # Best effort: charged to the record being read when the bad chunk was decoded.
            self._text.bad_utf8 = False
            if self._utf8_reported != self._record:
                self._utf8_reported = self._record
                self._issue(self._record, "invalid_utf8", "invalid UTF-8 bytes replaced")
        self._progress = True
        for field, leaf, role in iter_leaves(value, path, item_of=item_of, index=index):
            yield Cell(self._record, field, leaf, role)


class JsonlReader(ObjectReader):
    """One JSON value per line. `record` is the 0-based physical line number: blank lines
    are skipped but counted, so record + 1 is the line number in an editor.

    A line that is not valid JSON (or is longer than `max_record_bytes`) is recorded as an
    issue and still scanned, as plain text with field None.
    """

    def __init__(self, src: Peekable, *, fmt: str, compressed: bool, limits: ReadLimits):
        super().__init__(compressed=compressed, limits=limits)
        self.format = fmt
        self._lines = LineSource(src, limits)

    def _bytes_consumed(self) -> int:
        return self._lines.consumed

    def physical_lines(self) -> Iterator[tuple[str, bool, bool]]:
        """The decoded lines the cells are read from, newlines kept (see `LineSource`)."""
        return iter(self._lines)

    def _cells(self) -> Iterator[Cell]:
        record, continuing, oversized, utf8_reported = -1, False, False, False
        for text, continues, bad in self._lines:
            if not continuing:  # a new physical line
                record, oversized, utf8_reported = record + 1, continues, False
                if oversized:
                    self.stats.records += 1
                    self._issue(record, "record_too_large", "line too long for JSON; scanned as plain text")
            continuing = continues
            if bad and not utf8_reported:
                self._issue(record, "invalid_utf8", "invalid UTF-8 bytes replaced")
                utf8_reported = True
            if oversized:
                yield from self._plain(record, text)
                continue
            if not text.strip():
                continue
            self.stats.records += 1
            try:
                value = json.loads(strip_newline(text))
            except (ValueError, RecursionError) as error:
                where = f" at column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
                self._issue(record, "invalid_json", f"invalid JSON{where}; line scanned as plain text")
                yield from self._plain(record, text)
                continue
            for field, leaf, role in iter_leaves(value):
                yield Cell(record, field, leaf, role)

    @staticmethod
    def _plain(record: int, text: str) -> Iterator[Cell]:
        text = strip_newline(text)
        if text.strip():
            yield Cell(record, None, text)


def sniff_json(text: str, eof: bool, prefer: str, final: bool) -> tuple[str, bool] | None:
    """(format, is_chat) for text that starts like JSON: format is "json" or "jsonl".

    `text` is the start of the object (all of it if `eof`); `prefer` is the format the
    name suggests, taken when the content fits both. None: undecided, look further
    (unless `final`). JSONL needs a first line that is a whole JSON value followed by
    more non-blank text; chat needs the first record to hold a conversation (`jsonpath.is_chat_record`).
    """
    decided = eof or final
    lines = text.split("\n")
    whole = [line for line in (lines if eof else lines[:-1]) if line.strip()]
    body = text.lstrip()
    if not whole:  # the first line goes on past `text`: trust the name
        kind = prefer
    else:
        first = _parse(whole[0])
        if first is not _BAD:
            if len(whole) > 1 or (not eof and lines[-1].strip()):
                return "jsonl", is_chat_record(first)
            if isinstance(first, list):  # a JSON array on one line: its records are its elements
                return (prefer, bool(first) and is_chat_record(first[0])) if decided else None
            return (prefer, is_chat_record(first)) if decided else None
        # The first line is not a value by itself: a multi-line document, or JSONL with a broken first line.
        if prefer == "jsonl" and whole[0].strip() not in ("[", "{"):
            parsed = [value for value in map(_parse, whole[1:3]) if value is not _BAD]
            return "jsonl", bool(parsed) and is_chat_record(parsed[0])
        kind = "json"
    if body.startswith("{"):
        chat = _object_chat(body)
    else:
        chat = _array_chat(body) if kind == "json" and body.startswith("[") else False
    if chat is _MORE:
        return (kind, False) if decided else None
    return kind, chat


def _array_chat(body: str) -> Any:
    """Whether the first element of the array starting `body` is a chat record (or _MORE)."""
    pos = _WS.match(body, 1).end()
    try:
        return is_chat_record(_DECODER.raw_decode(body, pos)[0])
    except (ValueError, RecursionError):
        return _MORE


def _object_chat(body: str) -> Any:
    """Whether the object starting `body` has a chat list (`messages`, `conversations`...) starting with a turn
    (or _MORE).

    Walks the members without decoding the rest of `messages`, so a large single
    conversation is recognised from its start.
    """
    pos = 1
    try:
        while True:
            pos = _WS.match(body, pos).end()
            if body.startswith("}", pos):
                return False
            key, pos = _DECODER.raw_decode(body, pos)
            pos = _WS.match(body, pos).end() + 1  # past ":"
            pos = _WS.match(body, pos).end()
            if key in CHAT_LISTS and body.startswith("[", pos):
                first, _ = _DECODER.raw_decode(body, _WS.match(body, pos + 1).end())
                if is_chat_list(key, [first]):
                    return True
            _, pos = _DECODER.raw_decode(body, pos)
            pos = _WS.match(body, pos).end() + 1  # past ","
    except (ValueError, RecursionError):
        return _MORE


def _parse(line: str) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return _BAD
