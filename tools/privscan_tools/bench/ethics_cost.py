"""What the conversation-ethics rules cost a chat scan: the same file scanned with them on and off.

Each run is a fresh process with one worker: it loads the models and scans a one-turn prompt (the models warm,
the ethics rules not yet reached, so that their one-off set-up counts in the cost), then times one `scan_stream`
of the file. "off" replaces `RecordRules._conversation_ethics` by a
function that returns no finding. On and off alternate, so that a change in the machine's load falls on both;
the process's CPU time is reported beside the wall time, being less disturbed by other work on a shared machine.

    python -m privscan_tools.bench.ethics_cost FILE [FILE ...] [--runs 3] [--before DIR] [--setup 3]

`--before DIR` adds a third mode: "on" with the privscan package found in DIR (e.g. an older version exported
with `git archive`), so that a change is measured against its predecessor in the same rounds.

The engine's own one-off set-up (the ethics lexicons, its tokenizer, the matchers) is reported apart with
`--setup`, and `--engine N` times the engine alone over each file's conversations (CPU seconds, a fresh process
each time, set-up apart): steadier than a whole scan on a shared machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# a prompt with no answer: the models load, the ethics rules are not reached (their set-up is part of the cost)
WARM_UP = b'{"messages": [{"role": "user", "content": "Hi, I am Anna Schneider from Berlin."}]}\n'


def child(path: str, mode: str) -> dict:
    """One timed scan of `path` in this process (`mode` "on" or "off")."""
    from privscan.engine import get_scanner
    from privscan.engine.config import EngineConfig
    from privscan.engine.masking import Fingerprinter
    from privscan.engine.rules.evaluate import RecordRules
    from privscan.pipeline import scan_stream

    if mode == "off":
        RecordRules._conversation_ethics = lambda self, conversation: []
    scanner = get_scanner(EngineConfig(workers=1))
    key = Fingerprinter("ethics-cost-key-0123456789abcdef")
    found: list = []
    scan_stream("warm.jsonl", io.BytesIO(WARM_UP), scanner=scanner, fingerprinter=key, sink=found.append)
    found.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    with open(path, "rb") as stream:
        scan_stream(Path(path).name, stream, scanner=scanner, fingerprinter=key, sink=found.append)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    ethics = sum(1 for f in found if getattr(f, "turn", None) is not None)
    return {"mode": mode, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "findings": len(found), "ethics": ethics}


SETUP = """
import json, time
t0 = time.process_time()
from privscan.engine.signals.conversation_ethics import ConversationEthics, Turn
t1 = time.process_time()
engine = ConversationEthics()
t2 = time.process_time()
engine.prepare()
t3 = time.process_time()
print(json.dumps({"import_s": round(t1 - t0, 3), "init_s": round(t2 - t1, 3), "matchers_s": round(t3 - t2, 3)}))
"""

ENGINE = """
import json, sys, time
from privscan.engine.signals.conversation_ethics import ConversationEthics, Turn
conversations = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        turns = json.loads(line)["messages"]
        conversations.append([Turn(t["role"], t["content"], i) for i, t in enumerate(turns)])
t0 = time.process_time()
engine = ConversationEthics()
t1 = time.process_time()
hits = sum(len(engine.hits(turns)) for turns in conversations)
t2 = time.process_time()
print(json.dumps({"init_s": round(t1 - t0, 3), "hits_s": round(t2 - t1, 3), "conversations": len(conversations),
                  "ms_per_conversation": round(1000 * (t2 - t1) / len(conversations), 3), "hits": hits}))
"""


def _run(args: list[str], pythonpath: Path | None = None) -> dict:
    env = dict(os.environ, PRIVSCAN_WORKERS="1")
    if pythonpath is not None:  # another version of the runtime package, found before the installed one
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def _cost(on: list[float], off: list[float]) -> dict:
    return {
        "best_cost_pct": round(100 * (min(on) / min(off) - 1), 1),
        "median_cost_pct": round(100 * (statistics.median(on) / statistics.median(off) - 1), 1),
    }


def measure(path: Path, runs: int, before: Path | None = None, log=print) -> dict:
    """`runs` rounds of off / on scans of `path` (and "before": on, with the runtime package of `before`), the
    order rotated each round; per mode the wall and CPU seconds, and each "on" mode's cost over "off"."""
    modes = ["off", "on"] + (["before"] if before else [])
    results: dict[str, list[dict]] = {mode: [] for mode in modes}
    for n in range(runs):
        for mode in modes[n % len(modes) :] + modes[: n % len(modes)]:
            args = ["-m", "privscan_tools.bench.ethics_cost", "--child", str(path), "off" if mode == "off" else "on"]
            row = _run(args, before if mode == "before" else None)
            results[mode].append(row)
            log(f"{path.name} {mode}: wall {row['wall_s']} s, cpu {row['cpu_s']} s, ethics findings {row['ethics']}")
    summary: dict = {"file": path.name, "bytes": path.stat().st_size, "runs": results}
    for unit in ("wall_s", "cpu_s"):
        off = [r[unit] for r in results["off"]]
        summary[unit] = {mode: [r[unit] for r in results[mode]] for mode in modes}
        for mode in modes[1:]:
            summary[unit][f"{mode}_cost"] = _cost(summary[unit][mode], off)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a directory holding another version of the privscan package")
    parser.add_argument("--setup", type=int, default=0, help="also time the engine's set-up this many times")
    parser.add_argument("--engine", type=int, default=0, help="also time the engine alone on each file this many times")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    report: dict = {"files": [measure(path, args.runs, args.before) for path in args.files if args.runs]}
    for version, pythonpath in [("on", None)] + ([("before", args.before)] if args.before else []):
        rows = [_run(["-c", SETUP], pythonpath) for _ in range(args.setup)]
        if rows:
            report.setdefault("setup", {})[version] = rows
    for path in args.files if args.engine else []:
        for version, pythonpath in [("on", None)] + ([("before", args.before)] if args.before else []):
            rows = [_run(["-c", ENGINE, str(path)], pythonpath) for _ in range(args.engine)]
            report.setdefault("engine", {}).setdefault(path.name, {})[version] = rows
            print(f"ethics engine alone, {path.name}, {version} (cpu): {rows}")
    for row in report["files"]:
        for unit in ("cpu_s", "wall_s"):
            costs = "; ".join(f"{k[:-5]} {v['best_cost_pct']} % best, {v['median_cost_pct']} % median"
                              for k, v in row[unit].items() if k.endswith("_cost"))  # fmt: skip
            runs = ", ".join(f"{k} {v}" for k, v in row[unit].items() if not k.endswith("_cost"))
            print(f"{row['file']} {unit}: {runs} -> {costs}")
    for version, rows in report.get("setup", {}).items():
        print(f"ethics engine set-up, {version} (cpu s): {rows}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
