"""Scanning with worker processes gives exactly what one process gives."""

import io
import json

from privscan.engine.config import EngineConfig
from privscan.engine.masking import Fingerprinter
from privscan.engine.parallel import InlineExecutor, WorkerPool
from privscan.engine.scanner import Scanner
from privscan.scan import scan_stream

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
    turns = [{"messages": [{"role": "user", "content": f"I'm {NAMES[i % 5]}, call me on +49 151 2345{i:04d}"},
                           {"role": "assistant", "content": "Thanks, I am the virtual assistant and noted it."}]}
             for i in range(count)]
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
