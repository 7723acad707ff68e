"""Walking decoded JSON-like values into (path, text, role) leaves.

Shared by the JSON / JSONL readers and by Parquet's nested columns. Paths look
like `user.email`, `items[2].sku`, `messages[3].content`; a key that would make
the path ambiguous is quoted: `attrs["a.b"]`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Where a value sits relative to a chat transcript's `messages` list.
_MESSAGES, _MESSAGE, _CONTENT = "messages", "message", "content"
_PLAIN_KEY = re.compile(r'[^.\[\]"]+')


def join_key(path: str, key: str) -> str:
    quoted = _quoted(key)
    if quoted:
        return path + quoted
    return f"{path}.{key}" if path else key


@lru_cache(maxsize=4096)
def _quoted(key: str) -> str | None:
    return None if _PLAIN_KEY.fullmatch(key) else f"[{json.dumps(key, ensure_ascii=False)}]"


def is_turn(value: Any) -> bool:
    """A chat turn: `{"role": "...", "content": ...}`."""
    return isinstance(value, dict) and isinstance(value.get("role"), str) and "content" in value


def is_chat_record(value: Any) -> bool:
    """A record holding a `messages` list of `{role, content}` turns."""
    messages = value.get("messages") if isinstance(value, dict) else None
    return isinstance(messages, list) and any(is_turn(m) for m in messages)


def iter_leaves(
    value: Any, path: str = "", *, in_messages: bool = False
) -> Iterator[tuple[str | None, str, str | None]]:
    """(path or None, text, role) for every non-blank string and every integer leaf, in document order.

    Booleans, floats and nulls are skipped. `role` is the turn's role for
    `messages[i].content` (and `messages[i].content[j].text` when the content is a
    list of parts), None elsewhere. `in_messages` says `value` is one item of a
    `messages` list (used when that list is streamed element by element).
    Iterative, so deeply nested documents cannot exhaust the call stack.
    """
    stack: list[tuple[str, Any, str | None, str | None]] = [(path, value, _MESSAGE if in_messages else None, None)]
    while stack:
        path, value, ctx, role = stack.pop()
        if isinstance(value, str):
            if value.strip():
                yield path or None, value, role
        elif isinstance(value, int) and not isinstance(value, bool):
            yield path or None, str(value), role
        elif isinstance(value, dict):
            turn_role = value.get("role") if ctx == _MESSAGE else None
            if ctx is None:  # the common case
                stack.extend(
                    (join_key(path, str(k)), v, _MESSAGES if k == "messages" else None, None)
                    for k, v in reversed(value.items())
                )
                continue
            children = []
            for key, child in value.items():
                key = str(key)
                if (key == "role" and isinstance(turn_role, str)) or (key == "type" and ctx == _CONTENT):
                    continue  # chat structure ("user", "text"), not content
                if isinstance(turn_role, str):  # a chat turn: its content carries the role
                    child_ctx, child_role = (_CONTENT, turn_role) if key == "content" else (None, None)
                elif ctx == _CONTENT:  # a content part: {"type": "text", "text": ...}
                    child_ctx, child_role = None, role if key == "text" else None
                else:
                    child_ctx, child_role = (_MESSAGES if key == "messages" else None), None
                children.append((join_key(path, key), child, child_ctx, child_role))
            stack.extend(reversed(children))
        elif isinstance(value, list | tuple):
            item_ctx = {_MESSAGES: _MESSAGE, _CONTENT: _CONTENT}.get(ctx)
            item_role = role if ctx == _CONTENT else None
            stack.extend(reversed([(f"{path}[{i}]", item, item_ctx, item_role) for i, item in enumerate(value)]))
