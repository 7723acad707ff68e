"""A planner out of budget stops at a record end and goes on in the next invocation: the plan it ends
with is the plan one uninterrupted run gives (chunks, record numbers, samples and their decisions,
operator names), whatever the budget, for the adversarial inputs of test_plan_properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from privscan.engine.config import EngineConfig
from privscan.engine.scanner import Scanner
from privscan.ingest.chunked.plan import Plan, PlanCursor, budget, plan_object
from privscan.ingest.chunked.source import FileSource
from privscan.readers.base import ReadLimits

from tests.unit.chunked.test_plan_properties import FAST, KEY, SMALL_LIMITS, NoEngine, csv_objects, jsonl_objects


class NothingFound:
    def run_task(self, task):
        return [[] for _ in task.units]


def profiling_engine(column_sample: int = 50) -> Scanner:
    """The real scanner (routing, sampling, column profiles) over a detector that finds nothing: profiles
    are decided from the sample's values (count, shapes, prose), so a lost or repeated sample cell shows.
    With a sample of 3 the samples fill within a few rows, and planning goes on after they are full."""
    return Scanner(NothingFound(), EngineConfig(workers=1, column_sample=column_sample, column_early_sample=2))


def plan_in_steps(
    path: Path, name: str, chunk_bytes: int, step_bytes: int, engine, limits: ReadLimits
) -> tuple[Plan, int]:
    """Plan with a budget of `step_bytes` per invocation, each invocation starting from the stored plan."""
    options = {"chunk_bytes": chunk_bytes, "scanner": engine, "fingerprinter": KEY, "limits": limits, "file_name": name}
    plan, source = plan_object(name, FileSource(path), budget=budget(max_bytes=step_bytes), **options)
    invocations = 1
    while not plan.finished:
        stored = Plan.from_dict(json.loads(json.dumps(plan.to_dict())))  # as the state machine passes it on
        plan, source = plan_object(name, source, budget=budget(max_bytes=step_bytes), resume=stored, **options)
        invocations += 1
        assert invocations < 10_000
    return plan, invocations


def assert_resumed_plan_is_whole(
    tmp_path: Path,
    name: str,
    data: bytes,
    chunk_bytes: int,
    step_bytes: int,
    engine=None,
    limits: ReadLimits = SMALL_LIMITS,
) -> int:
    engine = engine or NoEngine()
    path = tmp_path / name
    path.write_bytes(data)
    whole, _ = plan_object(
        name,
        FileSource(path),
        chunk_bytes=chunk_bytes,
        scanner=engine,
        fingerprinter=KEY,
        limits=limits,
        file_name=name,
    )
    stepped, invocations = plan_in_steps(path, name, chunk_bytes, step_bytes, engine, limits)
    assert stepped.to_dict() == whole.to_dict()
    return invocations


@FAST
@given(data=csv_objects(), chunk_bytes=st.integers(1, 80), step_bytes=st.integers(1, 120), small=st.booleans())
@example(data=b'name,note\n"a\nb",c\n\nx,"y\r\nz"\n', chunk_bytes=1, step_bytes=1, small=True)
def test_csv_planned_in_steps_is_planned_as_in_one(tmp_path_factory, data, chunk_bytes, step_bytes, small):
    assert_resumed_plan_is_whole(
        tmp_path_factory.mktemp("csv"), "t.csv", data, chunk_bytes, step_bytes, profiling_engine(3 if small else 50)
    )


@FAST
@given(data=jsonl_objects(), chunk_bytes=st.integers(1, 60), step_bytes=st.integers(1, 100))
def test_jsonl_planned_in_steps_is_planned_as_in_one(tmp_path_factory, data, chunk_bytes, step_bytes):
    assert_resumed_plan_is_whole(tmp_path_factory.mktemp("jsonl"), "t.jsonl", data, chunk_bytes, step_bytes)


@FAST
@given(raw=st.text(alphabet=["w", " ", "\n", "\r", "\ufeff", "ü"], max_size=300), step_bytes=st.integers(1, 50))
def test_text_planned_in_steps_is_planned_as_in_one(tmp_path_factory, raw, step_bytes):
    assert_resumed_plan_is_whole(tmp_path_factory.mktemp("txt"), "t.txt", ("start\n" + raw).encode(), 7, step_bytes)


CHAT = [
    {
        "messages": [
            {"role": "system", "content": "You are Sam, the assistant of Kitchenly"},
            {"role": "user", "content": "hello"},
        ]
    },
    {"messages": [{"role": "user", "content": "Is Sam there?"}]},
    {"messages": [{"role": "system", "content": "You are Robin from Parcelo"}, {"role": "assistant", "content": "Hi"}]},
    {"messages": [{"role": "user", "content": "Robin, where is my parcel?"}]},
    {"messages": [{"role": "system", "content": "Answer as Vela Bank"}]},
    {"messages": [{"role": "user", "content": "thanks"}]},
]


@pytest.mark.parametrize("step_bytes", [1, 40, 100, 10_000])
def test_chat_operator_names_learnt_in_steps_are_those_of_one_run(tmp_path, step_bytes):
    data = "\n".join(json.dumps(turn) for turn in CHAT).encode() + b"\n"
    invocations = assert_resumed_plan_is_whole(tmp_path, "chat.jsonl", data, 1, step_bytes, limits=ReadLimits())
    assert (invocations > 1) == (step_bytes < len(data))


def test_an_unfinished_csv_plan_says_where_it_stopped_and_drops_the_sample_values_when_done(tmp_path):
    rows = "".join(f"{i},value-{i}\n" for i in range(6))
    (tmp_path / "t.csv").write_text("id,note\n" + rows)
    options = {"chunk_bytes": 20, "scanner": NoEngine(), "fingerprinter": KEY}
    plan, source = plan_object("t.csv", FileSource(tmp_path / "t.csv"), budget=budget(max_bytes=30), **options)
    # the header is 8 bytes; rows 0-2 are 10 bytes each: the first record end at or past 30 bytes read
    assert plan.cursor == PlanCursor(
        "cut",
        pos=38,
        records=3,
        chunk_start=28,
        chunk_first=2,
        sampled=False,
        sample_positions={"id": [[0, 0], [1, 0], [2, 0]], "note": [[0, 0], [1, 0], [2, 0]]},
        sample_cells=[
            {"record": r, "field": f, "text": t, "role": None, "member": None}
            for r in range(3)
            for f, t in (("id", str(r)), ("note", f"value-{r}"))
        ],
    )
    assert [(c.start, c.end, c.first_record) for c in plan.chunks] == [(8, 28, 0)]
    done, _ = plan_object("t.csv", source, budget=budget(max_bytes=30), resume=plan, **options)
    assert done.finished and "value-" not in json.dumps(done.to_dict())
    assert [(c.start, c.end, c.first_record) for c in done.chunks] == [(8, 28, 0), (28, 48, 2), (48, 68, 4)]


def test_a_time_budget_stops_at_the_first_record_end_after_it(tmp_path):
    (tmp_path / "t.jsonl").write_text("".join(json.dumps({"n": i}) + "\n" for i in range(5)))
    plan, _ = plan_object(
        "t.jsonl",
        FileSource(tmp_path / "t.jsonl"),
        chunk_bytes=1,
        scanner=NoEngine(),
        fingerprinter=KEY,
        budget=budget(seconds=0),
    )
    assert plan.cursor == PlanCursor("cut", pos=9, records=1, chunk_start=9, chunk_first=1)
    assert [(c.start, c.end, c.first_record) for c in plan.chunks] == [(0, 9, 0)]
