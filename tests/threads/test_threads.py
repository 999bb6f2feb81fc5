"""Every thread in tests/threads/ gives exactly the fields a person reads off it."""

from __future__ import annotations

import pytest

from gracious.extraction import extract_context
from tests.threads.corpus import load_cases, run_case

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_thread_gives_the_expected_fields(case):
    found, expected = run_case(case)
    assert found == expected


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_extracted_field_says_where_it_came_from(case):
    fields = extract_context(case.thread, case.sender)
    keys = {"recipient", "company", "role"} & set(fields.extracted)
    if fields.interview:
        keys |= {name for name in ("interview.date", "interview.format")
                 if getattr(fields.interview, name.split(".")[1])}
    assert set(fields.sources) == keys


def test_the_corpus_covers_every_language_and_kind():
    names = [case.name for case in CASES]
    assert len(names) >= 80
    for language in ("de", "fr", "es", "nl"):
        assert sum(name.startswith(f"{language}-") for name in names) >= 8, language
