"""Fuzzing the engine and extraction: any input gives a note, never an error or a leftover."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gracious.catalogue import CHANNEL_LIMITS
from gracious.compose import compose_note, find_artifacts
from gracious.extraction import extract_context
from gracious.models import CHANNELS, FORMATS, KINDS, TONES, DraftRequest, Thread

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# awkward but legitimate values people really type, mixed in with random text
AWKWARD = st.sampled_from(
    [
        "",
        "   ",
        "\n\t",
        "O'Brien",
        "Zoë Ångström",
        "Procter & Gamble",
        "{{ 7*7 }}",
        "{% if %}",
        "None",
        "null",
        "(",
        ")",
        "...",
        "Dr.",
        "Raman, Priya",
        "at",
        "the",
        "王伟",
        "مهر\u200cناز",
        "x" * 200,
        "Senior Data Analyst (Remote)",
        "your plan to move reporting to dbt.",
    ]
)


def text(max_size: int) -> st.SearchStrategy[str]:
    """Random or awkward text within a model limit."""
    return st.one_of(AWKWARD.map(lambda value: value[:max_size]), st.text(max_size=max_size))


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """The value, or the field left out."""
    return st.one_of(st.none(), strategy)


PARTY = st.fixed_dictionaries({}, optional={"name": text(200), "email": text(320)})
THREAD = st.fixed_dictionaries(
    {},
    optional={
        "subject": text(500),
        # long threads come from repeating a fragment: generating 40,000 random characters is slow
        "text": st.one_of(
            text(2000),
            st.tuples(text(400), st.integers(1, 400)).map(lambda pair: (pair[0] * pair[1])[:40000]),
        ),
        "from": PARTY,
        "to": st.lists(PARTY, max_size=3),
        "headline": text(200),
    },
)
REQUEST = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        "channel": st.sampled_from(CHANNELS),
        "tone": st.sampled_from(TONES),
        "variant": st.integers(0, 1_000_000),
    },
    optional={
        "recipient": st.fixed_dictionaries({}, optional={"name": text(200), "title": text(40)}),
        "company": text(200),
        "role": text(200),
        "interview": st.fixed_dictionaries(
            {}, optional={"date": maybe(st.dates()), "format": maybe(st.sampled_from(FORMATS))}
        ),
        "highlights": st.lists(text(300), max_size=3),
        "reason": text(1000),
        "sender": st.fixed_dictionaries({}, optional={"name": text(200), "signature": text(1000)}),
        "thread": THREAD,
    },
)
DANGLING_END = re.compile(r"\b(?:at|with|from|of|the|a|an|and|regarding|discussing)\W*$")


def values_in(data) -> list[str]:
    """Every string the user supplied, anywhere in the request."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [value for item in data.values() for value in values_in(item)]
    if isinstance(data, list):
        return [value for item in data for value in values_in(item)]
    return []


def plausible(value: str) -> bool:
    """Whether a value holds no leftover of its own, so any leftover in a note is the engine's."""
    tidy = " ".join(value.split())
    return not find_artifacts(tidy) if tidy else True


def clean_input(data: dict) -> bool:
    """Whether every user value is free of leftovers, including a dangling final word."""
    return all(plausible(value) and not DANGLING_END.search(value) for value in values_in(data))


@FUZZ
@given(REQUEST)
def test_any_request_gives_a_note_within_the_channel_limit(data):
    note = compose_note(DraftRequest.model_validate(data))
    assert note.body.strip()
    assert "thank" in note.body.lower()
    limit = CHANNEL_LIMITS[note.channel]
    if limit is not None:
        assert len(note.body) <= limit
        assert note.subject is None
    else:
        assert note.subject and 3 <= len(note.subject.split()) <= 8
    assert note.variant >= 0 and note.variants >= 3


@FUZZ
@given(REQUEST.filter(clean_input))
def test_clean_input_never_leaves_an_artifact(data):
    note = compose_note(DraftRequest.model_validate(data))
    assert find_artifacts(note.body) == [], note.body
    assert find_artifacts(note.subject or "Thank you kindly") == [], note.subject


@FUZZ
@given(REQUEST)
def test_composition_is_deterministic(data):
    request = DraftRequest.model_validate(data)
    assert compose_note(request) == compose_note(DraftRequest.model_validate(data))


@FUZZ
@given(THREAD)
def test_extraction_never_fails_and_only_reports_what_it_found(data):
    fields = extract_context(Thread.model_validate(data))
    found = {
        "recipient": fields.recipient,
        "company": fields.company,
        "role": fields.role,
        "interview": fields.interview,
    }
    assert fields.extracted == [name for name, value in found.items() if value is not None]
    for value in (fields.company, fields.role, fields.recipient and fields.recipient.name):
        assert value is None or (value.strip() == value and value)
