"""Scan on every vCPU: worker processes fed over pipes.

Lambda has no /dev/shm, so `multiprocessing.Pool` and `ProcessPoolExecutor` (which
need POSIX semaphores) fail there; plain `Process` + `Pipe` work. Workers are
forked after the engine is built, so they share the loaded spaCy model
copy-on-write instead of loading it again.

Each worker holds at most one task, and tasks are collected in submission order,
so results come back in input order and neither side can block the other on a
full pipe.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from typing import Any

_WORK: Callable[[Any], Any] | None = None  # set before forking; what each worker runs


def _serve(connection, inherited) -> None:
    # A forked worker holds copies of the parent's ends of every pipe made so far; closed here, so that
    # when the parent dies each worker reads end-of-file and exits instead of waiting forever.
    for other in inherited:
        other.close()
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            connection.send((True, _WORK(task)))
        except Exception as error:  # reported to the parent, which raises it
            connection.send((False, f"{type(error).__name__} in a scan worker"))


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
        self._next = 0

    @property
    def size(self) -> int:
        return len(self._connections)

    def free(self) -> bool:
        return len(self._order) < self.size

    def submit(self, task: Any) -> None:
        if not self.free():
            raise RuntimeError("every worker is busy: collect a result first")
        busy = set(self._order)
        while self._next in busy:
            self._next = (self._next + 1) % self.size
        self._connections[self._next].send(task)
        self._order.append(self._next)
        self._next = (self._next + 1) % self.size


    def next_result(self) -> Any:
        ok, value = self._connections[self._order.popleft()].recv()
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
