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

Several objects can share the workers (`lane()`): each scan, in its own thread,
gets its results back in its own order, whoever receives them off the pipe. A
small object's scan waits for its column samples and for its last batches;
another object's batches keep the workers busy meanwhile.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

_WORK: Callable[[Any], Any] | None = None  # set before forking; what each worker runs


DEPTH = 2  # tasks in flight per worker


def _serve(connection, inherited) -> None:
    # Ctrl-C reaches the whole process group: only the parent handles it; a worker ends when its pipe does.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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

    concurrent = False  # the work runs in the caller's thread: one scan at a time

    def __init__(self, work: Callable[[Any], Any]):
        self._work = work
        self._done: deque = deque()

    def lane(self, reserved: int = 1) -> InlineExecutor:
        """A lane of this executor: itself again, since its work runs in the caller's thread (`reserved` is
        WorkerPool's; here one task at a time)."""
        return InlineExecutor(self._work)

    def submit(self, task: Any) -> None:
        """Run the task now and keep its result for `next_result`."""
        self._done.append(self._work(task))

    def free(self) -> bool:
        """Whether a task may be submitted: once every earlier result has been collected."""
        return not self._done

    def next_result(self) -> Any:
        """The oldest result not collected yet."""
        return self._done.popleft()

    def close(self) -> None:
        """Drop the results not collected."""
        self._done.clear()


class WorkerPool:
    """Worker processes that run one function on tasks sent over pipes, for the scans of this process; each scan uses
    its own Lane so that results come back in the order it sent them."""

    concurrent = True  # lanes may be used from several threads at once

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
        self._queued: list[deque[int]] = [deque() for _ in range(workers)]  # tickets sent, not yet received
        self._received: dict[int, tuple[bool, Any]] = {}  # results received for another lane
        self._tickets = itertools.count()
        self._lock = threading.Lock()  # the bookkeeping above, and sends
        self._receiving = [threading.Lock() for _ in range(workers)]  # one reader per pipe at a time
        self._default = Lane(self)

    @property
    def size(self) -> int:
        """The number of worker processes."""
        return len(self._connections)

    def lane(self, reserved: int = 1) -> Lane:
        """A scan's own share of the workers (see the module docstring): it may always have `reserved` tasks in
        flight, whatever the other lanes hold."""
        return Lane(self, reserved)

    # One scan at a time: the pool is its own lane.
    def free(self) -> bool:
        """Whether the default lane may submit a task."""
        return self._default.free()

    def submit(self, task: Any) -> None:
        """Send a task on the default lane."""
        self._default.submit(task)

    def next_result(self) -> Any:
        """The default lane's oldest result, waiting for it."""
        return self._default.next_result()

    def in_flight(self) -> int:
        """Tasks sent to the workers and not collected yet, over every lane."""
        return sum(map(len, self._queued))

    def _send(self, task: Any) -> tuple[int, int]:
        with self._lock:
            worker = min(range(self.size), key=lambda index: len(self._queued[index]))
            ticket = next(self._tickets)
            self._queued[worker].append(ticket)
            self._connections[worker].send(task)
        return worker, ticket

    def _receive(self, worker: int, ticket: int) -> tuple[bool, Any]:
        """`ticket`'s result; results of other tickets met on the way are kept for their lanes."""
        with self._receiving[worker]:
            while True:
                with self._lock:
                    if ticket in self._received:
                        return self._received.pop(ticket)
                result = self._connections[worker].recv()
                with self._lock:
                    head = self._queued[worker].popleft()  # a worker answers its tasks in order
                    if head == ticket:
                        return result
                    self._received[head] = result

    def close(self) -> None:
        """Stop the workers: ask each to end, then terminate those that do not."""
        for connection in self._connections:
            try:
                connection.send(None)
            except OSError:
                pass
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()


class Lane:
    """One scan's tasks on a WorkerPool, collected in the order it submitted them."""

    def __init__(self, pool: WorkerPool, reserved: int = 1):
        self._pool = pool
        self._reserved = reserved
        self._mine: deque[tuple[int, int]] = deque()  # (worker, ticket) in flight, oldest first

    def free(self) -> bool:
        """Room for a task: a lane with fewer than its reserved tasks in flight (one, unless it asked for more) may
        always send one, so that no scan waits on another's results; past them, while the workers hold fewer than
        DEPTH each. A table's batches to settle (engine/columnar.py) keep several in flight this way while the same
        scan's per-cell batches wait, done, to be collected."""
        return len(self._mine) < self._reserved or self._pool.in_flight() < self._pool.size * DEPTH

    def submit(self, task: Any) -> None:
        """Send a task to a worker; the caller must collect a result first when the lane is not free."""
        if not self.free():
            raise RuntimeError("every worker is busy: collect a result first")
        self._mine.append(self._pool._send(task))

    def next_result(self) -> Any:
        """The oldest result of this lane, waiting for it; a worker's failure is raised here, content-free."""
        worker, ticket = self._mine.popleft()
        ok, value = self._pool._receive(worker, ticket)
        if not ok:
            raise RuntimeError(value)
        return value

    def close(self) -> None:
        """Take in the results not collected (a scan that stopped early), so that they reach no one and
        the workers' capacity is free again; at most `DEPTH` batches per worker to wait for."""
        while self._mine:
            worker, ticket = self._mine.popleft()
            try:
                self._pool._receive(worker, ticket)
            except (EOFError, OSError):  # a worker gone: nothing more will come from it
                pass
