"""Scan on every vCPU: worker processes fed over pipes.

Lambda has no /dev/shm, so `multiprocessing.Pool` and `ProcessPoolExecutor` (which
need POSIX semaphores) fail there; plain `Process` + `Pipe` work. Workers are
forked after the engine is built, so they share the loaded spaCy model
copy-on-write instead of loading it again.

Each worker holds up to `DEPTH` tasks, so it starts the next one while the parent
is still consuming the previous result (the parent's share of the work: reading,
profiles, rules, findings). A thread in the worker keeps reading tasks off the
pipe, so the parent's send never waits on a worker that is itself blocked
sending a result. Results are collected in submission order: input order.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections import Counter, deque
from collections.abc import Callable
from typing import Any

_WORK: Callable[[Any], Any] | None = None  # set before forking; what each worker runs


DEPTH = 2  # tasks in flight per worker


def _serve(connection, inherited) -> None:
    # A forked worker holds copies of the parent's ends of every pipe made so far; closed here, so that
    # when the parent dies each worker reads end-of-file and exits instead of waiting forever.
    for other in inherited:
        other.close()
    tasks: queue.SimpleQueue = queue.SimpleQueue()

    def read_tasks() -> None:
        while True:
            try:
                task = connection.recv()
            except (EOFError, OSError):
                task = None
            tasks.put(task)
            if task is None:
                return

    threading.Thread(target=read_tasks, daemon=True).start()
    while (task := tasks.get()) is not None:
        try:
            result = (True, _WORK(task))
        except Exception as error:  # noqa: BLE001 - reported to the parent, which raises it
            result = (False, f"{type(error).__name__} in a scan worker")
        try:
            connection.send(result)
        except OSError:  # the parent is gone
            return


class InlineExecutor:
    """The same interface as WorkerPool, in this process (one vCPU, tests, debugging)."""

    def __init__(self, work: Callable[[Any], Any]):
        self._work = work
        self._done: deque = deque()

    def submit(self, task: Any) -> None:
        self._done.append(self._work(task))

    def free(self) -> bool:
        return not self._done


    def next_result(self) -> Any:
        return self._done.popleft()

    def close(self) -> None:
        self._done.clear()


class WorkerPool:
    def __init__(self, work: Callable[[Any], Any], workers: int):
        global _WORK
        _WORK = work
        context = multiprocessing.get_context("fork")
        self._connections = []
        self._processes = []
        for _ in range(workers):
            parent, child = context.Pipe()
            process = context.Process(target=_serve, args=(child, [*self._connections, parent]), daemon=True)
            process.start()
            child.close()
            self._connections.append(parent)
            self._processes.append(process)
        self._order: deque[int] = deque()  # worker index of each task in flight, oldest first
        self._load: Counter = Counter()  # tasks in flight per worker

    @property
    def size(self) -> int:
        return len(self._connections)

    def free(self) -> bool:
        return len(self._order) < self.size * DEPTH

    def submit(self, task: Any) -> None:
        if not self.free():
            raise RuntimeError("every worker is busy: collect a result first")
        worker = min(range(self.size), key=lambda index: self._load[index])
        self._connections[worker].send(task)
        self._order.append(worker)
        self._load[worker] += 1


    def next_result(self) -> Any:
        worker = self._order.popleft()
        self._load[worker] -= 1
        ok, value = self._connections[worker].recv()
        if not ok:
            raise RuntimeError(value)
        return value

    def close(self) -> None:
        for connection in self._connections:
            try:
                connection.send(None)
            except OSError:
                pass
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
