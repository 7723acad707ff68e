"""The command line as a terminal user meets it: --version, findings streamed, `| head`, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from privscan_tools.bench.bulk import write_csv

PRIVSCAN = [sys.executable, "-m", "privscan_tools.console"]


@pytest.fixture(scope="module")
def large_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "customers.csv"
    write_csv(path, 1)
    return path


def test_version_names_the_installed_package():
    done = subprocess.run([*PRIVSCAN, "--version"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.startswith("privscan 0.")


def test_jsonl_findings_arrive_while_the_scan_goes_on_and_ctrl_c_ends_it_with_one_line(large_csv):
    scan = subprocess.Popen(
        [*PRIVSCAN, "scan", str(large_csv), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    first = scan.stdout.readline()
    assert first.startswith('{"object"') and scan.poll() is None  # a finding before the file is done
    interrupted = time.monotonic()
    os.killpg(scan.pid, signal.SIGINT)
    code = scan.wait(timeout=30)
    assert time.monotonic() - interrupted < 2
    assert code == 130 and scan.stderr.read().strip() == "privscan: interrupted"


def test_a_reader_that_goes_away_ends_the_scan_quietly(large_csv):
    scan = subprocess.Popen(
        [*PRIVSCAN, "scan", str(large_csv), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert scan.stdout.readline().startswith('{"object"')
    scan.stdout.close()  # as `| head -1` does after its line
    code = scan.wait(timeout=300)
    error = scan.stderr.read()
    assert code == 0 and "Traceback" not in error and "BrokenPipe" not in error
