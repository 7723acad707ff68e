"""Scanning with worker processes gives exactly what one process gives."""

import io
import json

from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter
from privscan.engine.parallel import InlineExecutor, WorkerPool
from privscan.engine.scanner import Scanner
from privscan.pipeline import scan_stream
from privscan.readers import open_object

KEY = Fingerprinter("unit-test-key-0123456789abcdef")
NAMES = ["Anna Schneider", "Lukas Weber", "Marie Dubois", "Giulia Rossi", "Pablo Garcia"]


def mixed_csv(rows: int) -> bytes:
    lines = ["id,name,email,notes"]
    for i in range(rows):
        name = NAMES[i % len(NAMES)]
        note = f"Called {name} about order {i}" if i % 3 else "No answer, try again tomorrow"
        lines.append(f"C-{i:05d},{name},{name.split()[0].lower()}{i}@example.com,{note}")
    return ("\n".join(lines) + "\n").encode()


def chats(count: int) -> bytes:
    turns = [
        {
            "messages": [
                {"role": "user", "content": f"I'm {NAMES[i % 5]}, call me on +49 151 2345{i:04d}"},
                {"role": "assistant", "content": "Thanks, I am the virtual assistant and noted it."},
            ]
        }
        for i in range(count)
    ]
    return ("\n".join(json.dumps(t) for t in turns) + "\n").encode()


def contracts(scanner, name, data):
    found = []
    scan_stream(name, io.BytesIO(data), scanner=scanner, fingerprinter=KEY, sink=found.append)
    return [f.contract() for f in found]


def test_two_workers_and_one_process_report_the_same_findings(scanner):
    detector = scanner.detector
    single = Scanner(detector, EngineConfig(workers=1, column_sample=50, batch_size=16))
    double = Scanner(detector, EngineConfig(workers=2, column_sample=50, batch_size=16))
    try:
        assert isinstance(single.executor(), InlineExecutor) and isinstance(double.executor(), WorkerPool)
        for name, data in [("mixed.csv", mixed_csv(400)), ("chats.jsonl", chats(120))]:
            one, two = contracts(single, name, data), contracts(double, name, data)
            assert one and one == two
    finally:
        double.close()


def test_a_worker_error_surfaces_without_content():
    pool = WorkerPool(lambda task: 1 / task, workers=2)
    try:
        pool.submit(1)
        pool.submit(0)
        assert pool.next_result() == 1.0
        try:
            pool.next_result()
        except RuntimeError as error:
            assert str(error) == "ZeroDivisionError in a scan worker"
        else:
            raise AssertionError("the worker's error was swallowed")
    finally:
        pool.close()


def test_workers_exit_when_their_parent_dies():
    import subprocess
    import sys
    import time

    script = (
        "from privscan.engine.parallel import WorkerPool\n"
        "import os, sys\n"
        "pool = WorkerPool(lambda t: t, workers=2)\n"
        "print(' '.join(str(p.pid) for p in pool._processes), flush=True)\n"
        "os._exit(0)\n"  # dies without any clean-up, as on SIGKILL or a crash
    )
    out = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=60).stdout
    pids = [int(pid) for pid in out.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in pids if _alive(pid)]
    assert alive == []


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) counts as gone
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _slow_echo(task):
    import time

    delay, value = task
    time.sleep(delay)
    return value


def test_lanes_in_threads_each_get_their_own_results_in_their_order():
    from concurrent.futures import ThreadPoolExecutor

    pool = WorkerPool(_slow_echo, workers=2)

    def run(name: str) -> list[str]:
        lane, got = pool.lane(), []
        for i in range(12):
            while not lane.free():
                got.append(lane.next_result())
            lane.submit(((i * 7 % 5) / 500, f"{name}{i}"))  # uneven delays: results cross on the pipes
        while len(got) < 12:
            got.append(lane.next_result())
        return got

    try:
        with ThreadPoolExecutor(3) as threads:
            results = list(threads.map(run, "abc"))
        assert results == [[f"{name}{i}" for i in range(12)] for name in "abc"]
        assert pool.in_flight() == 0 and not pool._received
    finally:
        pool.close()


def test_results_of_a_closed_lane_reach_no_other_lane():
    pool = WorkerPool(_slow_echo, workers=1)
    try:
        stopped = pool.lane()
        stopped.submit((0.05, "stale-1"))
        stopped.submit((0.0, "stale-2"))
        stopped.close()  # a scan that stopped early
        fresh = pool.lane()
        fresh.submit((0.0, "mine"))
        assert fresh.next_result() == "mine"
        assert pool.in_flight() == 0 and not pool._received
    finally:
        pool.close()


def test_a_scan_stopped_early_leaves_the_next_scan_its_own_results(scanner):
    double = Scanner(scanner.detector, EngineConfig(workers=2, column_sample=50, batch_size=8))
    try:
        data = mixed_csv(300)
        expected = contracts(double, "mixed.csv", data)
        double._cache = type(double._cache)()
        partial = double.detect(list(open_object("mixed.csv", io.BytesIO(data)).cells()))
        next(partial)  # batches are out on the workers ...
        partial.close()  # ... and the scan stops (an error downstream)
        double._cache = type(double._cache)()
        assert contracts(double, "mixed.csv", data) == expected
        pool = double.executor()
        assert pool.in_flight() == 0 and not pool._received  # the stale ones dropped
    finally:
        double.close()


def test_objects_scanned_together_give_each_object_what_it_gives_alone(scanner):
    from privscan.pipeline import scan_each

    double = Scanner(scanner.detector, EngineConfig(workers=2, column_sample=50, batch_size=16))
    objects = [(f"mixed{i}.csv", mixed_csv(60 + 40 * i)) for i in range(4)] + [("chats.jsonl", chats(80))]
    try:
        alone = [contracts(double, name, data) for name, data in objects]
        double._cache = type(double._cache)()  # nothing answered from the first pass
        together = list(
            scan_each(objects, lambda item: contracts(double, *item), double, size=lambda item: len(item[1]))
        )
        assert double.concurrent and together == alone and all(alone)
    finally:
        double.close()
    single = Scanner(scanner.detector, EngineConfig(workers=1, column_sample=50, batch_size=16))
    assert not single.concurrent
    assert list(scan_each(objects[:2], lambda item: contracts(single, *item), single)) == alone[:2]


def test_a_lane_keeps_its_reserved_tasks_in_flight_while_another_fills_the_workers():
    """A table's batches to settle share the workers with the same scan's per-cell batches, which wait done until
    they are collected: a lane reserving four tasks spreads them over both workers all the same, and no more."""
    pool = WorkerPool(_slow_echo, workers=2)
    try:
        cells, batches = pool.lane(), pool.lane(reserved=4)
        while cells.free():
            cells.submit((0.0, "cell"))
        assert pool.in_flight() == 2 * 2  # DEPTH tasks per worker
        sent = 0
        while batches.free():
            batches.submit((0.0, f"batch{sent}"))
            sent += 1
        assert sent == 4 and not cells.free()
        assert sorted(map(len, pool._queued)) == [4, 4]  # two batches on each worker
        assert [batches.next_result() for _ in range(4)] == ["batch0", "batch1", "batch2", "batch3"]
        cells.close()
        assert pool.in_flight() == 0
    finally:
        pool.close()


def _recorded_scan(scanner, config: EngineConfig, cells) -> tuple[list[int], list]:
    """Detections of `cells` by a scanner of `config` in this process, and the number of units in each batch sent."""
    sizes = []

    def run(task):
        sizes.append(len(task.units))
        return scanner.detector.run_task(task)

    recording = Scanner(scanner.detector, config)
    recording._executor = InlineExecutor(run)
    found = [(cell.record, [(d.entity_type, d.start, d.end) for d in ds]) for cell, ds in recording.detect(cells)]
    return sizes, found


def test_batches_double_from_the_first_size_up_to_sixteen_times_it(scanner):
    from privscan.readers.base import Cell

    cells = [Cell(i, None, f"Note {i}: {NAMES[i % 5]} asked about order {i}.", "user") for i in range(300)]
    sizes, found = _recorded_scan(scanner, EngineConfig(workers=1, batch_size=4), cells)
    assert sizes == [4, 8, 16, 32, 64, 64, 64, 48]
    one_batch, same = _recorded_scan(scanner, EngineConfig(workers=1, batch_size=1000), cells)
    assert one_batch == [300] and found == same
    assert found[0][1] == [("PERSON", 8, 22)]  # "Anna Schneider"


def test_a_batch_is_sent_once_it_holds_the_character_budget(scanner, monkeypatch):
    from privscan.engine import scanner as scanner_module
    from privscan.readers.base import Cell

    monkeypatch.setattr(scanner_module, "MAX_BATCH_CHARS", 100)
    cells = [Cell(i, None, f"Order {i:04d} shipped to the warehouse.", None) for i in range(10)]  # 37 characters
    sizes, _ = _recorded_scan(scanner, EngineConfig(workers=1, batch_size=64), cells)
    assert sizes == [3, 3, 3, 1]
