"""Every kind is declared once and completely; every check it names exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gracious.checker.registry import REGISTRY
from gracious.compose import compose_note
from gracious.compose.kinds import MIN_INVITATIONS, VARIANTS, kind_spec
from gracious.compose.limits import EMAIL_BODY_WORDS, SUBJECT_WORDS
from gracious.guide_links import GUIDE_LINKS
from gracious.models import CHANNELS, KINDS, TONES, DraftRequest

LOCALE = Path(__file__).resolve().parents[2] / "extension" / "_locales" / "en" / "messages.json"
FULL = {
    "recipient": {"name": "Priya Raman"}, "company": "Northwind Traders",
    "role": "Senior Data Analyst", "highlights": ["your plan to move reporting to dbt"],
    "interview": {"date": "2026-03-03", "format": "video"}, "reason": "took another offer",
    "sender": {"name": "Sam Lee"},
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_every_tone_a_guide_anchor_a_locale_key_and_known_checks(kind):
    spec = kind_spec(kind)
    assert set(spec.tones) == set(TONES)
    assert spec.guide in GUIDE_LINKS, spec.guide
    assert spec.locale in json.loads(LOCALE.read_text(encoding="utf-8"))
    assert set(spec.channels) == set(CHANNELS)
    assert set(spec.checks) <= set(REGISTRY), set(spec.checks) - set(REGISTRY)
    assert len(spec.subjects) == VARIANTS
    assert len(spec.invitation) >= MIN_INVITATIONS
    for tone in TONES:
        wording = spec.tones[tone]
        assert len(wording["signoffs"]) == VARIANTS
        assert all(len(options) == VARIANTS for options in wording["paragraphs"]), tone


def test_every_registered_check_is_used_by_some_kind():
    used = {check for kind in KINDS for check in kind_spec(kind).checks}
    assert used == set(REGISTRY)


def paragraphs(body: str) -> list[str]:
    """A note's paragraphs between the greeting and the sign-off."""
    return [p for p in body.split("\n\n")[1:-1] if p.strip()]


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_two_variants_share_a_paragraph(kind, tone):
    for channel in ("email", "linkedin-message"):
        seen: dict[str, int] = {}
        for variant in range(VARIANTS):
            body = compose_note(DraftRequest.model_validate(
                {**FULL, "kind": kind, "tone": tone, "channel": channel, "variant": variant}
            )).body
            for paragraph in paragraphs(body):
                assert paragraph not in seen, (channel, seen.get(paragraph), variant, paragraph)
                seen[paragraph] = variant


@pytest.mark.parametrize("kind", KINDS)
def test_invitation_notes_are_clearly_different(kind):
    bodies = [compose_note(DraftRequest.model_validate(
        {**FULL, "kind": kind, "channel": "linkedin-connection", "variant": variant}
    )).body for variant in range(VARIANTS)]
    openings = {re.sub(r"^Hi Priya, ", "", body).split(".")[0] for body in bodies}
    assert len(openings) >= MIN_INVITATIONS, bodies


def test_default_variant_follows_the_people_and_is_stable():
    picks = {
        compose_note(DraftRequest.model_validate(
            {"recipient": {"name": name}, "company": "Acme", "sender": {"name": "Sam"}}
        )).variant
        for name in ("Priya Raman", "Kenji Tanaka", "Maria Lopez", "Alex Chen", "Grace Hall",
                     "Tom Reyes", "Sofia Rossi", "Jo Park")
    }
    assert len(picks) >= 3
    request = DraftRequest.model_validate({**FULL})
    assert compose_note(request).model_dump_json() == compose_note(request).model_dump_json()


def test_the_limits_are_published_where_the_extension_and_guide_read_them(client):
    limits = client.get("/api/v1/kinds").get_json()["limits"]
    assert limits["email_body_words"] == {"min": EMAIL_BODY_WORDS[0], "max": EMAIL_BODY_WORDS[1]}
    assert limits["subject_words"] == {"min": SUBJECT_WORDS[0], "max": SUBJECT_WORDS[1]}
    assert limits["channel_characters"]["linkedin-connection"] == 200
