"""Shared pieces of the benchmarks: timing, a live server and the results table."""

from __future__ import annotations

import json
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


def print_table(rows: list[Row]) -> None:
    """Print the rows as one aligned table."""
    header = ("benchmark", "figure", "target", "ratio", "ok")
    lines = [
        (r.name, f"{r.figure:.3f} {r.unit}", r.target,
         "" if r.ratio is None else f"{r.ratio:.2f}", "yes" if r.passed else "NO")
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    for line in (header, *lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
    for r in rows:
        if r.note:
            print(f"- {r.name}: {r.note}")


def write_results(rows: list[Row]) -> None:
    """Write the rows to bench/results.json."""
    RESULTS.write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n", encoding="utf-8")
