"""Events of one key in every delivery order, scans overtaken while they run, writers racing on moto:
the end state is always the last event's (by S3 sequencer): the newest version's findings and summary,
or the removal."""

from __future__ import annotations

import itertools
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

import boto3
import pytest
from moto import mock_aws
from moto.core.responses import BaseResponse
from privscan.engine.masking import Fingerprinter
from privscan.ingest.events import ObjectEvent, ObjectRef
from privscan.ingest.service import ObjectScanService
from privscan.model import Finding
from privscan.settings import ScanSettings
from privscan.store.findings_store import FindingsStore, Superseded
from privscan_tools.local.stack import deploy_stack

from tests.conftest import REPO_ROOT

KEY_OF_TESTS = "k" * 32
AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "eu-central-1",
}
# numerically increasing, of different lengths: compared as text they would sort the other way round
SEQUENCERS = ("FF", "0100", "00000101")
CONTENT = {
    "v1": (b"anna.schneider@example.com\n", [(0, 0, 26, "EMAIL_ADDRESS")]),
    "v2": (b"Only marie.dubois@example.net now\n", [(0, 5, 29, "EMAIL_ADDRESS")]),
    "v3": (b"Write to lukas.weber@example.org\n", [(0, 9, 32, "EMAIL_ADDRESS")]),
}
# the events of one key in S3 order: two creates then a delete marker; a create, a delete marker and a
# re-created key; two creates
KEYS = itertools.count()  # a fresh key for every history the module plays
HISTORIES = {"deleted": ("v1", "v2", "marker"), "recreated": ("v1", "marker", "v3"), "replaced": ("v1", "v2")}


@dataclass
class World:
    service: ObjectScanService
    bucket: str

    @property
    def store(self) -> FindingsStore:
        return self.service.store

    def history(self, name: str) -> tuple[str, list[ObjectEvent]]:
        """A fresh key with the S3 history `name`; its events, each with its sequencer, in S3 order."""
        key = f"order/{name}-{next(KEYS)}.txt"
        s3, events = self.service.s3, []
        for step, sequencer in zip(HISTORIES[name], SEQUENCERS, strict=False):
            if step == "marker":
                marker = s3.delete_object(Bucket=self.bucket, Key=key)["VersionId"]
                ref = ObjectRef(self.bucket, key, marker, None, None, sequencer)
                events.append(ObjectEvent("removed", ref, delete_marker=True))
            else:
                body = CONTENT[step][0]
                put = s3.put_object(Bucket=self.bucket, Key=key, Body=body)
                ref = ObjectRef(self.bucket, key, put["VersionId"], put["ETag"].strip('"'), len(body), sequencer)
                events.append(ObjectEvent("created", ref))
        return key, events


@pytest.fixture(scope="module")
def stack():
    """One moto stack for the module: every history uses keys of its own."""
    with pytest.MonkeyPatch.context() as env, mock_aws():
        for name, value in AWS_ENV.items():
            env.setenv(name, value)
        yield deploy_stack(None, REPO_ROOT / "template.yaml")


@pytest.fixture
def world(stack, scanner):
    settings = ScanSettings(
        findings_table=stack.findings_table,
        results_bucket=stack.outputs["ResultsBucketName"],
        fingerprint_key=KEY_OF_TESTS,
    )
    table = boto3.resource("dynamodb").Table(stack.findings_table)
    service = ObjectScanService(
        settings, boto3.client("s3"), FindingsStore(table), scanner, Fingerprinter(KEY_OF_TESTS)
    )
    return World(service, stack.bucket)


@pytest.fixture
def atomic_requests(monkeypatch):
    """DynamoDB applies each request (a transaction too) atomically; moto in-process does not: one at a time."""
    lock = threading.RLock()
    call_action = BaseResponse.call_action

    def one_at_a_time(self):
        with lock:
            return call_action(self)

    monkeypatch.setattr(BaseResponse, "call_action", one_at_a_time)


def end_state(world: World, key: str) -> dict:
    summary = world.store.get_summary(world.bucket, key, consistent=True)
    findings = list(world.store.findings_of(world.bucket, key))
    return {
        "summary": {name: summary.get(name) for name in ("status", "version", "sequence")},
        "open": sorted(
            (f["version"], f["record"], f["start"], f["end"], f["entity_type"])
            for f in findings
            if not f.get("object_deleted") or "gsi2pk" in f
        ),
        "versions": sorted({f["version"] for f in findings}),
    }


def expected_state(events: list[ObjectEvent]) -> dict:
    """What the last event leaves: a tombstone with no open finding, or the newest version's findings."""
    last = events[-1].ref
    if events[-1].kind == "removed":
        return {"status": "deleted", "sequence": last.sequence, "open": []}
    content = next(name for name, (body, _) in CONTENT.items() if len(body) == last.size)
    return {
        "summary": {"status": "done", "version": last.version_id, "sequence": last.sequence},
        "open": [(last.version_id, *span) for span in CONTENT[content][1]],
        "versions": [last.version_id],
    }


def assert_end_state(world: World, key: str, events: list[ObjectEvent], schedule: str) -> None:
    state, expected = end_state(world, key), expected_state(events)
    if events[-1].kind == "removed":  # earlier findings may stay, flagged deleted, for the audit trail
        state = {"status": state["summary"]["status"], "sequence": state["summary"]["sequence"], "open": state["open"]}
    assert state == expected, schedule


@pytest.mark.parametrize("history", sorted(HISTORIES))
def test_events_delivered_in_every_order_leave_the_last_events_state(world, history):
    for order in itertools.permutations(range(len(HISTORIES[history]))):
        key, events = world.history(history)
        for index in order:
            world.service.handle(events[index])
        for index in order:  # at least once: every event again, in the same order, changes nothing
            world.service.handle(events[index])
        assert_end_state(world, key, events, f"{history}: delivered in order {order}")


def interleavings(history: tuple[str, ...]) -> list[tuple[tuple[str, int], ...]]:
    """Every schedule of a history's steps: a create starts (reads the summary, scans) and later finishes
    (writes); a removal is one step."""
    steps = [
        (step, index)
        for index, name in enumerate(history)
        for step in (("remove",) if name == "marker" else ("start", "finish"))
    ]
    creates = [index for index, name in enumerate(history) if name != "marker"]
    return [
        order
        for order in itertools.permutations(steps)
        if all(order.index(("start", index)) < order.index(("finish", index)) for index in creates)
    ]


class Gated:
    """Runs creates in threads that stop after scanning, before writing anything, until told to finish."""

    def __init__(self, service: ObjectScanService):
        self.service, self.gates, self.threads, self.errors = service, {}, {}, []
        publish = service.publish

        def gated_publish(ref, report, results):
            reached, release = self.gates[ref.sequencer]
            reached.set()
            assert release.wait(timeout=60)
            return publish(ref, report, results)

        service.publish = gated_publish

    def start(self, event: ObjectEvent) -> None:
        reached, release = threading.Event(), threading.Event()
        self.gates[event.ref.sequencer] = (reached, release)
        thread = threading.Thread(target=self._run, args=(event,))
        self.threads[event.ref.sequencer] = thread
        thread.start()
        while not reached.wait(0.01) and thread.is_alive():  # a superseded create never scans
            pass

    def finish(self, event: ObjectEvent) -> None:
        self.gates[event.ref.sequencer][1].set()
        self.threads[event.ref.sequencer].join(timeout=60)

    def _run(self, event: ObjectEvent) -> None:
        try:
            self.service.handle(event)
        except Exception as error:  # noqa: BLE001 - reported by the test, not lost in the thread
            self.errors.append(error)


@pytest.mark.parametrize("history", sorted(HISTORIES))
def test_scans_that_finish_after_a_later_event_never_replace_its_state(world, history):
    gated = Gated(world.service)
    schedules = interleavings(HISTORIES[history])
    assert len(schedules) == {2: 6, 3: 30}[len(HISTORIES[history])]
    for schedule in schedules:
        key, events = world.history(history)
        for step, index in schedule:
            if step == "start":
                gated.start(events[index])
            elif step == "finish":
                gated.finish(events[index])
            else:
                world.service.handle(events[index])
        assert gated.errors == []
        assert_end_state(world, key, events, f"{history}: {schedule}")


def test_a_create_after_its_delete_marker_is_superseded_and_writes_no_findings(world):
    key, (first, second, marker) = world.history("deleted")
    assert world.service.handle(marker)["status"] == "deleted"
    assert world.service.handle(second) == {"status": "superseded"}
    assert world.service.handle(first) == {"status": "superseded"}
    assert list(world.store.findings_of(world.bucket, key)) == []
    summary = world.store.get_summary(world.bucket, key)
    assert (summary["status"], summary["sequence"]) == ("deleted", marker.ref.sequence)
    statuses = {
        ref.version_id: world.store.version_status(world.bucket, key, ref.version_id)["status"]
        for ref in (
            first.ref,
            second.ref,
            marker.ref,
        )
    }
    assert statuses == {
        first.ref.version_id: "superseded",
        second.ref.version_id: "superseded",
        marker.ref.version_id: "deleted",
    }


def finding(version: str, record: int) -> Finding:
    return Finding(
        object="race.txt",
        record=record,
        field=None,
        start=0,
        end=22,
        entity_type="IBAN_CODE",
        score=1.0,
        severity="high",
        preview=f"DE****{version}",
    )


def writer(store: FindingsStore, ref: ObjectRef, count: int) -> Callable[[], str]:
    """What a scan writes, straight to the store: its findings, then its summary."""

    def write() -> str:
        try:
            store.replace_findings(ref, [finding(ref.version_id, record) for record in range(count)])
            store.put_summary(ref, {"status": "done", "findings": count})
        except Superseded:
            return "superseded"
        return "done"

    return write


def remover(store: FindingsStore, ref: ObjectRef) -> Callable[[], str]:
    def remove() -> str:
        try:
            store.remove(ref)
        except Superseded:
            return "superseded"
        return "deleted"

    return remove


@pytest.mark.parametrize("seed", range(3))
def test_concurrent_writers_leave_the_last_events_state(world, atomic_requests, seed):
    """Scans of six versions or five and a removal (100 findings each: two transactions) write at once."""
    rng = random.Random(seed)
    store, key = world.store, f"race-{seed}.txt"
    sequencers = [f"{n:0{rng.choice((2, 6, 18))}X}" for n in range(0x10, 0x16)]
    removal_at = (2, 5, None)[seed]  # a removal among them, the last event, or none
    jobs = []
    for position, sequencer in enumerate(sequencers):
        ref = ObjectRef(world.bucket, key, f"v{position}", f"e{position}", 10, sequencer)
        jobs.append(remover(store, ref) if position == removal_at else writer(store, ref, 100))
    rng.shuffle(jobs)
    barrier, outcomes = threading.Barrier(len(jobs)), []

    def run(job):
        barrier.wait()
        outcomes.append(job())

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == len(jobs)

    last = len(sequencers) - 1
    summary = store.get_summary(world.bucket, key, consistent=True)
    assert summary["sequence"] == ObjectRef(world.bucket, key, f"v{last}", sequencer=sequencers[-1]).sequence
    items = list(store.findings_of(world.bucket, key))
    if removal_at == last:  # earlier scans' findings may stay, flagged deleted, for the audit trail
        assert summary["status"] == "deleted"
        assert all(item["object_deleted"] and "gsi2pk" not in item for item in items)
    else:
        assert (summary["status"], summary["version"]) == ("done", f"v{last}")
        assert sorted((item["version"], item["record"]) for item in items) == [(f"v{last}", r) for r in range(100)]
        assert not any(item.get("object_deleted") for item in items)
    assert set(outcomes) <= {"done", "superseded", "deleted"}


def test_concurrent_deliveries_with_repeats_leave_the_newest_version(world, atomic_requests, monkeypatch):
    import privscan.ingest.service

    one_scan = threading.Lock()  # the engine is not shared between threads in a function; the writes are
    scan_stream = privscan.ingest.service.scan_stream

    def serialised_scan(*args, **kwargs):
        with one_scan:
            return scan_stream(*args, **kwargs)

    monkeypatch.setattr(privscan.ingest.service, "scan_stream", serialised_scan)
    key, (first, second) = world.history("replaced")
    threads = [threading.Thread(target=world.service.handle, args=(e,)) for e in (first, second, second, first)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert_end_state(world, key, [first, second], "first, second, second, first at once")
