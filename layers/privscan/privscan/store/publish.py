"""Publishing findings outside privscan: new findings and review status changes, to AWS Security Hub (ASFF,
store/security_hub.py) and to an EventBridge bus (store/event_bus.py), as Macie publishes its own.

Off unless configured. What is published is a finding as the findings store holds it: its masked preview,
its keyed fingerprint, its location (the object key as the store renders it) and its review status, never
a raw value. The findings store calls `findings_recorded` after writing an object version's findings (a
failure then fails the scan, so the delivery is retried and the findings are published again: publishing
is at least once) and `review_changed` after a review (a failure is logged: the review and its audit
entry are recorded whatever the publishers do).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class PublishFailed(Exception):
    """A publisher's service refused some entries; the message says how many, never which values."""


class FindingsPublisher(Protocol):
    def findings_recorded(self, items: Sequence[dict]) -> None:
        """An object version's findings, as the store wrote them (plain values, no DynamoDB types)."""

    def review_changed(self, item: dict, from_status: str, to_status: str, at: str) -> None:
        """One finding's review status changed (`item` with its new review fields)."""


class Publishers:
    """Several publishers as one, in order; none is a publisher that does nothing."""

    def __init__(self, publishers: Iterable[FindingsPublisher] = ()):
        self.publishers = list(publishers)

    def __bool__(self) -> bool:
        return bool(self.publishers)

    def findings_recorded(self, items: Sequence[dict]) -> None:
        if items:
            for publisher in self.publishers:
                publisher.findings_recorded(items)

    def review_changed(self, item: dict, from_status: str, to_status: str, at: str) -> None:
        for publisher in self.publishers:
            publisher.review_changed(item, from_status, to_status, at)


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`items` in runs of at most `size` (the most one call takes)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
