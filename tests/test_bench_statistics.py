"""The benchmarks' own statistics: an interval that is repeatable and honest about noise."""

from __future__ import annotations

import statistics

from bench.common import bootstrap_interval
from bench.extension_overhead import rows_for


def test_the_interval_holds_the_median_and_repeats():
    samples = [1.0 + (i % 7) / 100 for i in range(30)]
    low, high = bootstrap_interval(samples)
    assert low <= statistics.median(samples) <= high
    assert bootstrap_interval(samples) == (low, high)


def test_noisy_rounds_give_a_wider_interval():
    steady = [1.0 + (i % 3) / 1000 for i in range(30)]
    noisy = [1.0 + (i % 3) / 10 for i in range(30)]
    steady_low, steady_high = bootstrap_interval(steady)
    noisy_low, noisy_high = bootstrap_interval(noisy)
    assert noisy_high - noisy_low > steady_high - steady_low


def test_a_median_under_target_still_misses_when_the_interval_reaches_the_ceiling():
    without = [100.0] * 30
    # most rounds equal, a third of them 10% slower: median 1.0, but the interval reaches 1.1
    with_ext = [110.0 if i % 3 == 0 else 100.0 for i in range(30)]
    busy = rows_for(without, with_ext, [5.0] * 4, 30)[1]
    assert busy.ratio == 1.0
    assert not busy.passed
    assert busy.spread.startswith("95% CI")


def test_a_steady_equal_page_passes():
    without = [100.0 + i % 2 for i in range(30)]
    with_ext = [100.0 + (i + 1) % 2 for i in range(30)]
    assert rows_for(without, with_ext, [5.0] * 4, 30)[1].passed
