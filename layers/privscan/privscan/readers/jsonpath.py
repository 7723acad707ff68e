"""Walking decoded JSON-like values into (path, text, role) leaves.

Shared by the JSON / JSONL readers and by Parquet's nested columns. Paths look
like `user.email`, `items[2].sku`, `messages[3].content`; a key that would make
the path ambiguous is quoted: `attrs["a.b"]`. The conversation shapes whose text gets a
chat role are listed in docs/transcripts.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Where a value sits relative to a chat transcript: a list of turns, one turn, a turn's content parts.
_LIST, _TURNS, _MESSAGE, _CONTENT = "list", "turns", "message", "content"
_PLAIN_KEY = re.compile(r'[^.\[\]"]+')

# Keys whose list holds one conversation's turns: OpenAI / Hugging Face `messages`, ShareGPT `conversations`,
# LMSYS / WildChat `conversation`, preference pairs' `chosen` / `rejected`, and `turns`.
CHAT_LISTS = frozenset({"messages", "conversations", "conversation", "chosen", "rejected", "turns"})
# The role names of the formats above, mapped to privscan's three (any other `role` is kept as given).
ROLE_NAMES = {
    "user": "user",
    "human": "user",
    "assistant": "assistant",
    "gpt": "assistant",
    "bot": "assistant",
    "model": "assistant",
    "chatbot": "assistant",
    "system": "system",
}
# Tool turns of agent transcripts (ShareGPT's `function_call`, `observation`): turns, but neither side.
TOOL_ROLES = frozenset(
    {"tool", "function", "function_call", "observation", "ipython", "tool_call", "tool_response", "function_response"}
)
_TURN_KEYS = (("role", "content"), ("role", "value"), ("from", "value"), ("from", "content"))
# Records of one prompt and its answers, as string fields at the top of the record: the keys giving the user's
# turn, and the keys of the assistant's answers (each answer a conversation of its own with the shared turns).
_PAIR_SHAPES = (
    (("prompt",), ("response", "completion", "chosen", "rejected")),
    (("instruction", "input"), ("output",)),
)
PAIR_KEYS = frozenset(key for users, answers in _PAIR_SHAPES for key in (*users, *answers, "system"))
_PAIR_ORDER = {"system": 0, "prompt": 1, "instruction": 1, "input": 2}  # answers come last (3)
_CHAT_POSITION = re.compile(r"(?:^|\.)(?:messages|conversations|conversation|chosen|rejected|turns)\[(\d+)\]")


def join_key(path: str, key: str) -> str:
    quoted = _quoted(key)
    if quoted:
        return path + quoted
    return f"{path}.{key}" if path else key


@lru_cache(maxsize=4096)
def _quoted(key: str) -> str | None:
    return None if _PLAIN_KEY.fullmatch(key) else f"[{json.dumps(key, ensure_ascii=False)}]"


def normal_role(role: str) -> str:
    """A turn's role as privscan names it: `human` is `user`, `gpt` / `bot` / `model` are `assistant`."""
    return ROLE_NAMES.get(role) or ROLE_NAMES.get(role.strip().casefold(), role)


def _turn_keys(value: Any) -> tuple[str, str, str] | None:
    """(role key, content key, normalised role) of a chat turn, or None.

    A turn is `{"role": ..., "content": ...}` (any role string) or ShareGPT's `{"from": ..., "value": ...}`
    (a known role or tool role only: `from` / `value` are common words in other data).
    """
    if not isinstance(value, dict):
        return None
    role = value.get("role")
    if isinstance(role, str) and "content" in value:  # the common case
        return "role", "content", normal_role(role)
    for role_key, content_key in _TURN_KEYS:
        role = value.get(role_key)
        if isinstance(role, str) and content_key in value:
            normal = normal_role(role)
            if role_key == "role" or normal in ("user", "assistant", "system") or normal in TOOL_ROLES:
                return role_key, content_key, normal
    return None


def is_turn(value: Any) -> bool:
    """A chat turn: `{"role": "...", "content": ...}`, or ShareGPT's `{"from": "human", "value": ...}`."""
    return _turn_keys(value) is not None


def is_chat_list(key: str, value: Any) -> bool:
    """A list of turns under a chat key (`messages`, `conversations`...), or `turns` of strings only."""
    if key not in CHAT_LISTS or not isinstance(value, list):
        return False
    if key == "turns" and value and all(isinstance(item, str) for item in value):
        return True
    return any(is_turn(item) for item in value)


def pair_roles(record: Any) -> dict[str, str] | None:
    """The roles of a prompt-and-answer record's string fields, or None if it is not one.

    `prompt` with `response`, `completion`, `chosen` or `rejected`; `instruction` (and `input`) with `output`; an
    optional `system`. `question` / `answer` is not a chat shape (question answering and questionnaires use it).
    """
    if not isinstance(record, dict):
        return None
    for users, answers in _PAIR_SHAPES:
        if not _text(record.get(users[0])):
            continue
        found = [key for key in answers if _text(record.get(key))]
        if found:
            roles = dict.fromkeys((key for key in users if _text(record.get(key))), "user")
            roles.update(dict.fromkeys(found, "assistant"))
            if _text(record.get("system")):
                roles["system"] = "system"
            return roles
    return None


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_chat_record(value: Any) -> bool:
    """A record holding a conversation: a chat list of turns at its top, or a prompt-and-answer pair."""
    if not isinstance(value, dict):
        return False
    return any(is_chat_list(key, value.get(key)) for key in CHAT_LISTS) or pair_roles(value) is not None


def chat_position(field: str | None) -> tuple[str, int] | None:
    """(conversation, turn) of a turn's text at `field`, for a cell that carries a role.

    The conversation is the path of its list of turns (`messages`, `chosen`, `data.conversations`) and the turn
    the index in it; in a prompt-and-answer record, an answer's key is its conversation (`chosen`) and the
    shared turns (prompt, instruction, input, system) have the conversation "" (part of every answer's).
    """
    if field is None:
        return None
    match = _CHAT_POSITION.search(field)
    if match:
        return field[: match.start(1) - 1], int(match.group(1))
    if field in _PAIR_ORDER:
        return "", _PAIR_ORDER[field]
    return (field, 3) if field in PAIR_KEYS else None


def iter_leaves(
    value: Any, path: str = "", *, item_of: str | None = None, index: int = 0
) -> Iterator[tuple[str | None, str, str | None]]:
    """(path or None, text, role) for every non-blank string and every integer leaf, in document order.

    Booleans, floats and nulls are skipped. `role` is the turn's role (normalised, see `normal_role`) for the
    content of a turn in a chat list (`messages[i].content`, `conversations[i].value`, and
    `messages[i].content[j].text` when the content is a list of parts), for a string at index i of a `turns`
    list (user when i is even, assistant when odd), and for the string fields of a prompt-and-answer record
    and a `system` field beside a chat list (`record_roles`) at the top of `value`; None elsewhere. `item_of`
    says `value` is item `index` of a chat list of that name (used when the list is streamed element by element).
    Iterative, so deeply nested documents cannot exhaust the call stack.
    """
    if item_of in CHAT_LISTS:
        ctx, role = _MESSAGE, _alternate(index) if item_of == "turns" and isinstance(value, str) else None
    else:
        ctx, role = None, None
    roles = record_roles(value) if not path and ctx is None else None
    if roles:
        stack = [(join_key("", str(k)), v, _list_context(k), roles.get(str(k))) for k, v in reversed(value.items())]
    else:
        stack = [(path, value, ctx, role)]
    while stack:
        path, value, ctx, role = stack.pop()
        if isinstance(value, str):
            if value.strip():
                yield path or None, value, role
        elif isinstance(value, int) and not isinstance(value, bool):
            yield path or None, str(value), role
        elif isinstance(value, dict):
            if ctx is None:  # the common case
                stack.extend((join_key(path, str(k)), v, _list_context(k), None) for k, v in reversed(value.items()))
                continue
            stack.extend(reversed(list(_dict_children(path, value, ctx, role))))
        elif isinstance(value, list | tuple):
            if ctx in (_LIST, _TURNS):
                items = [
                    (f"{path}[{i}]", item, _MESSAGE, _alternate(i) if ctx == _TURNS and isinstance(item, str) else None)
                    for i, item in enumerate(value)
                ]
            else:
                item_ctx = _CONTENT if ctx == _CONTENT else None
                item_role = role if ctx == _CONTENT else None
                items = [(f"{path}[{i}]", item, item_ctx, item_role) for i, item in enumerate(value)]
            stack.extend(reversed(items))


def record_roles(record: Any) -> dict[str, str] | None:
    """The roles of a record's top-level string fields: a prompt-and-answer record's (`pair_roles`), or the
    `system` prompt beside a chat list (LLaMA-Factory's ShareGPT: `{"system": "…", "conversations": [...]}`)."""
    roles = pair_roles(record)
    if roles is not None or not isinstance(record, dict) or not _text(record.get("system")):
        return roles
    return {"system": "system"} if any(is_chat_list(key, record.get(key)) for key in CHAT_LISTS) else None


def _list_context(key: Any) -> str | None:
    """The context of the value of `key`: a chat list (`turns` may hold strings), or nothing special."""
    if key == "turns":
        return _TURNS
    return _LIST if key in CHAT_LISTS else None


def _alternate(index: int) -> str:
    """The role of the string at `index` of a `turns` list: the user speaks first."""
    return "assistant" if index % 2 else "user"


def _dict_children(path: str, value: dict, ctx: str, role: str | None) -> Iterator[tuple[str, Any, str | None, Any]]:
    """The members of a dict inside a chat list: a turn's content carries its role, its role key is structure."""
    keys = _turn_keys(value) if ctx == _MESSAGE else None
    for key, child in value.items():
        key = str(key)
        if keys is not None:  # a chat turn: its content carries the role
            if key == keys[0]:
                continue  # chat structure ("user"), not content
            child_ctx, child_role = (_CONTENT, keys[2]) if key == keys[1] else (None, None)
        elif ctx == _CONTENT:  # a content part: {"type": "text", "text": ...}
            if key == "type":
                continue
            child_ctx, child_role = None, role if key == "text" else None
        else:
            child_ctx, child_role = _list_context(key), None
        yield join_key(path, key), child, child_ctx, child_role
