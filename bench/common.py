"""Shared pieces of the benchmarks: timing, a live server and the results table."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).with_name("results.json")

FULL_DRAFT = {
    "kind": "thank-you",
    "channel": "email",
    "tone": "warm",
    "recipient": {"name": "Dr. Helena Okafor", "title": "Dr."},
    "company": "Northwind Traders",
    "role": "Senior Data Analyst",
    "interview": {"date": "2026-11-24", "format": "video"},
    "highlights": ["your plan to move reporting to dbt", "the on-call rota for dashboards"],
    "sender": {"name": "Sam Lee", "signature": "Sam Lee\n+44 20 7946 0000"},
    "thread": {
        "subject": "Interview for Senior Data Analyst at Northwind Traders",
        "text": (
            "Hi Sam,\n\nThanks for speaking with us on Tuesday, 24 November. "
            "We enjoyed the video call and will be in touch next week.\n\n"
            "Best,\nHelena Okafor\nHead of Analytics | Northwind Traders\n"
        ) * 4,
        "from": {"name": "Helena Okafor", "email": "helena@northwind-traders.com"},
        "to": [{"name": "Sam Lee", "email": "sam@example.org"}],
    },
}


@dataclass
class Row:
    """One line of the results table."""

    name: str
    figure: float
    unit: str
    target: str
    ratio: float | None
    passed: bool
    note: str = ""
    # how far the samples behind the figure spread, e.g. "IQR 0.9-1.1 ms"; "" when one run
    spread: str = ""
    # the registry name of the suite that measured it (set by bench/__main__.py)
    suite: str = ""
    # the day it was measured, UTC (set by bench/__main__.py)
    measured: str = ""


def median_seconds(action: Callable[[], object], repeat: int, warmup: int = 20) -> float:
    """Median wall time of one call of action."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def spread_of(samples: list[float], unit: str, scale: float = 1.0) -> str:
    """The interquartile range of samples, scaled into unit, as the table prints it."""
    if len(samples) < 4:
        return ""
    low, _, high = statistics.quantiles([x * scale for x in samples], n=4)
    return f"IQR {low:.3g}-{high:.3g} {unit}"


def bootstrap_interval(samples: list[float], confidence: float = 0.95,
                       resamples: int = 2000) -> tuple[float, float]:
    """A percentile-bootstrap confidence interval for the median of samples (seeded, repeatable)."""
    rng = random.Random(0)
    medians = sorted(statistics.median(rng.choices(samples, k=len(samples)))
                     for _ in range(resamples))
    tail = (1 - confidence) / 2
    return medians[int(tail * resamples)], medians[min(resamples - 1, int((1 - tail) * resamples))]


def print_table(rows: list[Row]) -> None:
    """Print the rows as one aligned table: figure, target, ratio, spread, met."""
    header = ("benchmark", "figure", "target", "ratio", "spread", "ok")
    lines = [
        (r.name, f"{r.figure:.3f} {r.unit}", r.target,
         "" if r.ratio is None else f"{r.ratio:.2f}", r.spread, "yes" if r.passed else "NO")
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    for line in (header, *lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
    for r in rows:
        if r.note:
            print(f"- {r.name}: {r.note}")


def write_results(rows: list[Row]) -> None:
    """Write the rows to bench/results.json, keeping the rows of suites not run this time."""
    fresh = {row.suite for row in rows}
    kept = []
    if RESULTS.exists():
        # rows of other suites stay, each with the day it was measured
        names = {row.name for row in rows}
        kept = [row for row in json.loads(RESULTS.read_text(encoding="utf-8"))
                if row.get("suite", "") not in fresh and row["name"] not in names]
    document = kept + [asdict(r) for r in rows]
    RESULTS.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
