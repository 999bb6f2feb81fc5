"""Run every benchmark, print one table and write bench/results.json."""

from __future__ import annotations

import datetime as dt
import importlib
import sys

from bench.common import print_table, write_results

# one entry per row set: the name `python -m bench NAME` takes -> the module whose measure()
# returns its rows. a new benchmark is one line here
SUITES: dict[str, str] = {
    "composition": "bench.composition",
    "extraction": "bench.extraction",
    "notes": "bench.notes",
    "api_latency": "bench.api_latency",
    "cli_start": "bench.cli_start",
    "server_memory": "bench.server_memory",
    "guide_build": "bench.guide_build",
    "extension_overhead": "bench.extension_overhead",
    "extension_click": "bench.extension_click",
    "extension_click_firefox": "bench.extension_click_firefox",
    "load": "bench.load",
}


def main(names: list[str]) -> int:
    """Run the named suites (all by default; `bench.x` or `x`) and report."""
    chosen = [name.removeprefix("bench.") for name in names] or list(SUITES)
    unknown = [name for name in chosen if name not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}",
              file=sys.stderr)
        return 2
    rows = []
    for name in chosen:
        try:
            module = importlib.import_module(SUITES[name])
        except ModuleNotFoundError as error:
            # a suite another change adds may not have landed yet
            print(f"skipping {name}: {error}", file=sys.stderr)
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        for row in module.measure():
            row.suite = name
            row.measured = dt.datetime.now(dt.UTC).date().isoformat()
            rows.append(row)
    print_table(rows)
    write_results(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
