"""How long the terminal waits: `gracious --help` and `gracious draft` next to a bare Python."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row, spread_of

ROUNDS = 15
HELP_TARGET = 3.0
DRAFT_TARGET = 6.0
GRACIOUS = str(Path(sys.executable).with_name("gracious"))
COMMANDS = {
    "bare": [sys.executable, "-c", "import json, argparse"],
    "help": [GRACIOUS, "--help"],
    "draft": [GRACIOUS, "draft", "--to", "Priya Raman", "--company", "Northwind Traders",
              "--role", "Data Analyst", "--detail", "the move to dbt"],
}


def run_once(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run of a command, in seconds."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - start


def installed_env(cache: str) -> dict[str, str]:
    """The environment of an installed copy: bytecode compiled once and kept (in cache)."""
    # a checkout run with PYTHONDONTWRITEBYTECODE would recompile every module on every
    # start, which no installed copy does; the prefix keeps the checkout free of .pyc files
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": cache}


def measure(rounds: int = ROUNDS) -> list[Row]:
    """Run the three commands in turn, round after round, so each sees the same load."""
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory() as cache:
        env = installed_env(cache)
        for command in COMMANDS.values():
            run_once(command, env)  # warm the file cache and compile the bytecode
        for _ in range(rounds):
            for name, command in COMMANDS.items():
                samples[name].append(run_once(command, env))
    bare = statistics.median(samples["bare"])
    rows = [Row('python -c "import json, argparse" median', bare * 1000, "ms", "baseline", None,
                True, spread=spread_of(samples["bare"], "ms", 1000))]
    for name, target in (("help", HELP_TARGET), ("draft", DRAFT_TARGET)):
        figure = statistics.median(samples[name])
        ratio = figure / bare
        rows.append(Row(f"gracious {name} median", figure * 1000, "ms",
                        f"<= {target:g}x bare python", ratio, ratio <= target,
                        spread=spread_of(samples[name], "ms", 1000),
                        note=f"{rounds} alternating rounds of each, console script in the venv"
                        if name == "draft" else ""))
    return rows
