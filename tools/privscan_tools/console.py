"""The `privscan` command's entry point: Ctrl-C is handled before anything heavy is imported.

Importing the command line takes a few seconds (spaCy, Presidio); an interrupt during that time, or
during a scan, ends the command at once with one line and exit code 130. Scan worker processes ignore
SIGINT and end when their pipes close.
"""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C


def _interrupted(_signum, _frame) -> None:
    os.write(sys.stderr.fileno(), b"\nprivscan: interrupted\n")
    os._exit(EXIT_INTERRUPTED)


def logs_to_stderr() -> None:
    """The service's log lines (Powertools writes them to stdout, as Lambda reads them) go to stderr here:
    a command's stdout carries its output (JSONL, JSON, SARIF), which a log line would corrupt."""
    import logging

    from privscan.observability import logger

    for handler in [*logger.handlers, *logging.getLogger(logger.name).handlers]:
        if isinstance(handler, logging.StreamHandler) and handler.stream is sys.stdout:
            handler.setStream(sys.stderr)


def main() -> int:
    signal.signal(signal.SIGINT, _interrupted)
    logs_to_stderr()
    from privscan_tools.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
