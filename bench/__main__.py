"""Run every benchmark, print one table and write bench/results.json."""

from __future__ import annotations

import importlib
import sys

from bench.common import print_table, write_results

SUITES = ("bench.composition", "bench.api_latency", "bench.guide_build",
          "bench.extension_overhead", "bench.load", "bench.notes")


def main(names: list[str]) -> int:
    """Run the named suites (all by default) and report."""
    rows = []
    for name in names or SUITES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            print(f"skipping {name}: {error}", file=sys.stderr)
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(module.measure())
    print_table(rows)
    write_results(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
