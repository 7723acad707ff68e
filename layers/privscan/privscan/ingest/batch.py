"""One SQS batch of S3 notifications: its objects scanned side by side, its messages answered one by one.

With the engine's worker processes, `pipeline.scan_each` scans a few objects at a time, each in
its own thread and lane of the workers, so that one object's slow tail (the column samples, its
last batches) does not leave the workers idle. The unit handed to it is a chain: the messages
that touch one object key, in the order they arrived, handled one after the other, so that two
events of a key never race each other inside one invocation (across invocations the store keeps
them in S3's order, see `ingest.service`). Different keys run side by side.

The answer is SQS's partial batch response: the ids of the messages that failed, which SQS
delivers again; the others are deleted. A message that cannot be parsed fails alone. When every
message failed the invocation fails (`BatchFailed`), so that Lambda's error metric and log show it.
Failures are told by type and code location only (`failures.describe`), never by message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from privscan.failures import ContentFreeError, describe
from privscan.ingest.events import ObjectEvent, parse_notification
from privscan.observability import logger
from privscan.pipeline import scan_each


class BatchFailed(Exception):
    """Every message of the batch failed; the message lists each failure without content."""


@dataclass
class Message:
    """One SQS message: its id and the object events of the S3 notification it carries."""

    message_id: str
    events: list[ObjectEvent]


@dataclass
class Chain:
    """The messages of a batch that touch the same object keys, in arrival order."""

    messages: list[Message] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)

    def size(self) -> int:
        """Bytes the chain's created objects are known to hold (S3 states it in the event): largest first."""
        return sum(event.ref.size or 0 for message in self.messages for event in message.events)


def handle_batch(records: Iterable[dict], handle: Callable[[ObjectEvent], dict], scanner) -> dict:
    """The partial batch response for `records` (SQS records), each object event passed to `handle`."""
    records = list(records)
    messages, failed = _parsed(records)
    chains = _chains(messages)
    for failures in scan_each(chains, lambda chain: _run(chain, handle), scanner, size=Chain.size):
        failed.extend(failures)
    if records and len(failed) == len(records):
        reasons = "; ".join(f"{ContentFreeError.__name__}: {reason}" for _, reason in failed)
        raise BatchFailed(f"all {len(records)} messages failed: {reasons}")
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id, _ in failed]}


def _parsed(records: Iterable[dict]) -> tuple[list[Message], list[tuple[str, str]]]:
    """The messages parsed, and (id, failure) of those that could not be."""
    messages: list[Message] = []
    failed: list[tuple[str, str]] = []
    for record in records:
        message_id = record["messageId"]
        try:
            messages.append(Message(message_id, parse_notification(record["body"])))
        except Exception as error:  # noqa: BLE001 - the message fails alone; its body is never logged
            failed.append((message_id, _logged("message not parsed", error)))
    return messages, failed


def _chains(messages: list[Message]) -> list[Chain]:
    """Messages grouped so that any two touching one key share a chain (a message naming two keys joins them)."""
    position = {message.message_id: index for index, message in enumerate(messages)}
    chains: list[Chain] = []
    for message in messages:
        keys = {(event.ref.bucket, event.ref.key) for event in message.events}
        joined = [chain for chain in chains if chain.keys & keys]
        merged = Chain()
        for chain in joined:
            chains.remove(chain)
            merged.messages.extend(chain.messages)
            merged.keys |= chain.keys
        merged.messages.append(message)
        merged.keys |= keys
        merged.messages.sort(key=lambda joined_message: position[joined_message.message_id])
        chains.append(merged)
    return chains


def _run(chain: Chain, handle: Callable[[ObjectEvent], dict]) -> list[tuple[str, str]]:
    """Handle the chain's messages in order; (id, failure) of those that failed."""
    failed = []
    for message in chain.messages:
        logger.thread_safe_clear_keys()  # this thread's object keys belong to the previous message
        try:
            for event in message.events:
                handle(event=event)
        except Exception as error:  # noqa: BLE001 - SQS delivers the message again; logged without content
            failed.append((message.message_id, _logged("message failed; SQS delivers it again", error)))
    return failed


def _logged(what: str, error: Exception) -> str:
    """`error` told without content (type, AWS error code, code locations), logged with `what`."""
    failure = describe(error)
    logger.warning(what, failure=f"{ContentFreeError.__name__}: {failure}")
    return failure
