"""The drafting engine: every kind, channel, tone and subset of fields reads cleanly."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from gracious.catalogue import CHANNEL_LIMITS, describe_catalogue
from gracious.compose import compose_note, find_artifacts, variant_count
from gracious.guide_links import KIND_GUIDE
from gracious.models import CHANNELS, KINDS, TONES, DraftRequest

FULL = {
    "recipient": {"name": "Priya Raman"},
    "company": "Northwind Traders",
    "role": "Senior Data Analyst",
    "highlights": ["your plan to move reporting to dbt", "the on-call rotation"],
    "sender": {"name": "Sam Lee"},
    "interview": {"date": "2026-03-03", "format": "video"},
    "reason": "I have accepted another offer that is closer to home",
}
OPTIONAL_FIELDS = ("recipient", "company", "role", "highlights", "sender", "interview")
SUBSETS = [
    frozenset(combo)
    for size in range(len(OPTIONAL_FIELDS) + 1)
    for combo in itertools.combinations(OPTIONAL_FIELDS, size)
]
CONTINUED_INTEREST = re.compile(
    r"look forward to hearing|next steps|interested in|excited about the (role|opportunity)"
    r"|keen on the role|would love to join",
    re.IGNORECASE,
)
# the frames a topic takes, which double up on a highlight that is itself something said
TALKED_ABOUT = re.compile(r"(said about|discussing|conversation about|discussion of|hearing about"
                          r"|perspective on|observations on|learned a lot about|advice (about|on))"
                          r" HIGHLIGHT", re.IGNORECASE)
PLEADING = re.compile(r"reconsider|another chance|change your mind|please consider me again", re.I)


def draft(**fields):
    """Compose a note from keyword fields."""
    return compose_note(DraftRequest(**fields))


def words(text: str) -> int:
    """Count words the way a reader would."""
    return len(text.split())


def check_note(kind, channel, tone, context):
    """Assert everything a reader would notice about one note."""
    note = draft(kind=kind, channel=channel, tone=tone, **context)
    context = {key: value for key, value in context.items() if key != "variant"}
    body = note.body

    assert find_artifacts(body) == [], body
    assert "thank" in body.lower(), body
    first_line = body.split("\n", 1)[0]
    if "recipient" in context:
        assert "Priya" in first_line, body
    else:
        assert first_line.startswith(("Hello,", "Dear Hiring Team,")), body
    if channel == "email":
        assert note.subject is not None and find_artifacts(note.subject) == []
        assert 3 <= words(note.subject) <= 8, note.subject
        assert 60 <= words(body) <= 200, (words(body), body)
    else:
        assert note.subject is None
        assert len(body) <= CHANNEL_LIMITS[channel], (len(body), body)
    if channel != "linkedin-connection":
        for key in ("company", "role"):
            if key in context:
                assert context[key] in body, (key, body)
        if "highlights" in context:
            assert context["highlights"][0] in body, body
        if "sender" in context:
            assert body.endswith("\nSam Lee"), body
    elif {"company", "role"} & context.keys():
        assert "Northwind Traders" in body or "Senior Data Analyst" in body, body
    if kind == "withdraw":
        assert "withdraw" in body.lower(), body
        assert not CONTINUED_INTEREST.search(body), body
    if kind == "after-rejection":
        assert not PLEADING.search(body), body


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_subset_of_fields_reads_cleanly(kind, channel, tone):
    # the 64 subsets run inside one test: pytest's per-test overhead would dwarf the work
    for number, missing in enumerate(SUBSETS):
        context = {key: value for key, value in FULL.items() if key not in missing}
        # each subset meets a different wording; every wording meets full and empty context
        context["variant"] = number
        for highlights in (
            FULL["highlights"][:1],
            [*FULL["highlights"], "how you onboard analysts"],
        ):
            if "highlights" in context:
                context["highlights"] = highlights
            try:
                check_note(kind, channel, tone, context)
            except AssertionError as error:
                raise AssertionError(f"missing {sorted(missing)}: {error}") from None


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_wording_reads_cleanly_with_full_and_empty_context(kind, channel, tone):
    for variant in range(variant_count(kind, tone)):
        for context in (dict(FULL), {}):
            try:
                check_note(kind, channel, tone, {**context, "variant": variant})
            except AssertionError as error:
                raise AssertionError(f"variant {variant}, {len(context)} fields: {error}") from None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_full_context_note_carries_every_personal_touch(kind, channel):
    for tone in TONES:
        body = draft(kind=kind, channel=channel, tone=tone, **FULL).body
        assert "Priya" in body
        assert "Northwind Traders" in body or "Senior Data Analyst" in body
        if kind == "withdraw":
            assert "I have accepted another offer" in body, body
        else:
            assert "your plan to move reporting to dbt" in body, body
        if kind in ("thank-you", "follow-up"):
            assert re.search(r"interest|excited|keen|enthusias|love to", body, re.I), body
        if kind == "informational":
            # issue 9: an informational note never pitches for a job the user didn't ask
            # about; the interest it shows is in staying in touch
            assert re.search(r"(?:stay|keep) (?:in touch|connected)", body, re.I), body


@pytest.mark.parametrize(
    ("recipient", "tone", "greeting"),
    [
        ({"name": "Priya Raman"}, "warm", "Hi Priya,"),
        ({"name": "Priya Raman"}, "concise", "Hi Priya,"),
        ({"name": "Priya Raman"}, "formal", "Dear Priya Raman,"),
        ({"name": "Helena Okafor", "title": "Dr."}, "formal", "Dear Dr. Okafor,"),
        ({"name": "Dr. Helena Okafor"}, "formal", "Dear Dr. Okafor,"),
        ({"name": "Dr. Helena Okafor"}, "warm", "Hi Helena,"),
        ({"name": "Raman, Priya"}, "warm", "Hi Priya,"),
        ({"name": "Zoë O'Brien"}, "warm", "Hi Zoë,"),
        ({"name": "Zoë O'Brien"}, "formal", "Dear Zoë O'Brien,"),
        ({"name": "María José García López"}, "warm", "Hi María,"),
        ({"name": "王伟"}, "warm", "Hi 王伟,"),
        ({"name": "  Priya   Raman "}, "warm", "Hi Priya,"),
        ({"name": "   "}, "warm", "Hello,"),
        ({"name": "   "}, "formal", "Dear Hiring Team,"),
        (None, "concise", "Hello,"),
        (None, "formal", "Dear Hiring Team,"),
        ({"title": "Dr."}, "formal", "Dear Hiring Team,"),
    ],
)
def test_greeting_suits_tone_and_name(recipient, tone, greeting):
    body = draft(recipient=recipient, tone=tone).body
    assert body.split("\n", 1)[0] == greeting


@pytest.mark.parametrize("channel", CHANNELS)
def test_user_text_stays_plain_and_literal(channel):
    note = draft(
        channel=channel,
        recipient={"name": "Zoë O'Brien"},
        company="Procter & Gamble",
        role="{{ 7*7 }} <b>Lead</b>",
        highlights=["{% raw %}{{ config }}"],
        sender={"name": "{{ self }}"},
    )
    text = f"{note.subject or ''}\n{note.body}"
    assert "Zoë" in text
    assert "Procter & Gamble" in text
    assert "&amp;" not in text and "&#39;" not in text and "49" not in text
    if channel != "linkedin-connection":
        assert "{{ 7*7 }} <b>Lead</b>" in text
        assert "{% raw %}{{ config }}" in note.body
        assert note.body.endswith("{{ self }}")


def test_same_request_gives_byte_identical_note():
    request = DraftRequest(kind="follow-up", tone="formal", variant=7, **FULL)
    first = compose_note(request)
    again = compose_note(DraftRequest.model_validate(request.model_dump(by_alias=True)))
    assert first.model_dump_json() == again.model_dump_json()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("tone", TONES)
def test_variants_differ_and_wrap_around(kind, tone):
    count = variant_count(kind, tone)
    assert count >= 3
    for channel in CHANNELS:
        notes = [
            draft(kind=kind, tone=tone, channel=channel, variant=n, **FULL) for n in range(count)
        ]
        assert len({note.body for note in notes}) == count, channel
        assert all(note.variants == count for note in notes)
        wrapped = draft(kind=kind, tone=tone, channel=channel, variant=count, **FULL)
        assert wrapped.body == notes[0].body
        assert wrapped.variant == count


@pytest.mark.parametrize("kind", KINDS)
def test_concise_is_visibly_shorter_than_warm(kind):
    for variant in range(3):
        warm = draft(kind=kind, tone="warm", variant=variant, **FULL).body
        concise = draft(kind=kind, tone="concise", variant=variant, **FULL).body
        assert words(concise) <= 0.8 * words(warm), (concise, warm)


@pytest.mark.parametrize(
    ("highlights", "expected"),
    [
        # issue 9: a capital the user typed is kept (it may be a name, like "Snowflake");
        # a bare singular noun phrase gains the article English needs
        (["Dbt migration."], "the Dbt migration"),
        (["Snowflake cost controls"], "Snowflake cost controls"),
        (["pipeline migration"], "the pipeline migration"),
        (["talking about the Q3 launch"], "the Q3 launch"),
        (["Python"], "Python"),
        (["Northwind's roadmap"], "Northwind's roadmap"),
        (["Looker Studio dashboards"], "Looker Studio dashboards"),
        (["The dbt migration."], "the dbt migration"),
        (["  your plan to move reporting to dbt!  "], "your plan to move reporting to dbt"),
        (["How you onboard new analysts"], "how you onboard new analysts"),
        (
            ["the dbt migration", "Your on-call rotation."],
            "the dbt migration and your on-call rotation",
        ),
        (["dbt", "Looker", "the on-call rotation"], "dbt, Looker and the on-call rotation"),
        (["SQL style guides"], "SQL style guides"),
        (["", "   ", "the roadmap"], "the roadmap"),
    ],
)
def test_highlights_are_woven_into_a_sentence(highlights, expected):
    body = draft(highlights=highlights, recipient={"name": "Priya Raman"}).body
    assert f" {expected}." in body or f" {expected}," in body, body
    assert find_artifacts(body) == []


@pytest.mark.parametrize(
    "role", ["Product Designer", "the Product Designer role", "Product Designer position."]
)
def test_role_is_named_once_without_doubling(role):
    body = draft(role=role, company="Acme").body
    assert "the Product Designer role at Acme" in body
    assert "role role" not in body and "position role" not in body


def test_signature_is_used_as_given_under_the_sign_off():
    signature = "Sam Lee\nData Analyst | sam@example.org\n+44 20 7946 0000"
    body = draft(sender={"name": "Sam Lee", "signature": signature}, **{"company": "Acme"}).body
    assert body.endswith("\n" + signature)
    assert body.count("Sam Lee") == 1


def test_no_sender_ends_with_a_sign_off_alone():
    body = draft(company="Acme").body
    assert body.rsplit("\n", 1)[-1].endswith(",")


@pytest.mark.parametrize(
    ("date", "spoken"),
    [("2026-03-03", "Tuesday, 3 March"), ("2025-12-25T14:30:00", "Thursday, 25 December")],
)
def test_interview_date_is_written_in_words(date, spoken):
    body = draft(kind="follow-up", interview={"date": date}).body
    assert f"on {spoken}" in body
    assert date[:4] not in body


@pytest.mark.parametrize("kind", KINDS)
def test_connection_note_keeps_name_and_thanks_when_details_do_not_fit(kind):
    long_highlight = "the way the analytics guild reviews every dashboard " * 5
    note = draft(
        kind=kind,
        channel="linkedin-connection",
        highlights=[long_highlight.strip()],
        **{key: FULL[key] for key in ("recipient", "company", "role")},
    )
    assert len(note.body) <= 200
    assert note.body.startswith("Hi Priya,")
    assert "thank" in note.body.lower()
    assert "analytics guild" not in note.body
    assert note.body.endswith((".", "!"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("channel", ["linkedin-connection", "linkedin-message"])
def test_linkedin_limit_holds_even_for_huge_fields(kind, channel):
    huge = "Northwind " * 19 + "Traders"
    note = draft(
        kind=kind,
        channel=channel,
        recipient={"name": "Priya " + "Raman-" * 30 + "Raman"},
        company=huge,
        role=huge,
        highlights=["x" * 300, "y " * 140, "z"],
        reason="r " * 400,
        sender={"name": "Sam " * 40, "signature": "Sam\n" * 200},
    )
    assert len(note.body) <= CHANNEL_LIMITS[channel]
    assert "thank" in note.body.lower()
    assert find_artifacts(note.body) == []
    # whole words only: every word of the note is a word the engine or the user wrote
    assert not re.search(r"\w…|\w-$", note.body)


@pytest.mark.parametrize("field", ["company", "role", "reason"])
def test_whitespace_only_fields_count_as_missing(field):
    blank = draft(kind="withdraw", **{field: " \t\n "})
    missing = draft(kind="withdraw")
    assert blank.body == missing.body
    assert getattr(blank.fields, field) is None


def test_withdraw_states_the_honest_reason():
    body = draft(
        kind="withdraw", reason="i have accepted another offer", **{"company": "Acme"}
    ).body
    assert "I have accepted another offer." in body
    assert "withdraw" in body


def test_resolved_fields_echo_what_the_note_used():
    note = draft(**FULL)
    assert note.fields.recipient.name == "Priya Raman"
    assert note.fields.company == "Northwind Traders"
    assert note.fields.highlights == FULL["highlights"]
    assert note.fields.interview.date == dt.date(2026, 3, 3)
    assert note.fields.extracted == []


def test_thread_fills_missing_fields_and_explicit_fields_win():
    thread = {
        "subject": "Interview for Senior Data Analyst at Northwind Traders",
        "text": "Hi Sam,\n\nThanks for your time today.\n\nBest,\nPriya Raman\n"
        "Senior Recruiter | Northwind Traders",
        "from": {"name": "Priya Raman", "email": "priya.raman@northwind-traders.com"},
        "to": [{"name": "Sam Lee", "email": "sam.lee@gmail.com"}],
    }
    note = draft(thread=thread, role="Staff Analyst")
    assert note.fields.recipient.name == "Priya Raman"
    assert note.fields.company == "Northwind Traders"
    assert note.fields.role == "Staff Analyst"
    assert sorted(note.fields.extracted) == ["company", "recipient"]
    assert note.body.startswith("Hi Priya,")
    assert "the Staff Analyst role at Northwind Traders" in note.body


def test_find_artifacts_names_each_leftover():
    samples = {
        "Hi {{ name }},": "template braces",
        "Thank you, None.": "missing value",
        "Hi [Name], thanks": "bracketed placeholder",
        "Thanks for the  chat": "doubled space",
        "Thanks for the chat .": "space before punctuation",
        "The role () was great": "empty parentheses",
        "The role at . Thanks": "space before punctuation",
        "The role at.": "dangling fragment",
        "Hi ,\n\nThanks": "empty greeting",
        "Thanks\n\n\n\nBest": "blank-line run",
        "Thanks for your time..": "doubled punctuation",
    }
    for text, label in samples.items():
        assert any(found.startswith(label) for found in find_artifacts(text)), (text, label)
    assert find_artifacts("Hi Priya,\n\nThank you... truly.\n\nBest,\nSam") == []


def test_catalogue_lists_every_kind_channel_and_tone():
    catalogue = describe_catalogue()
    assert [kind["id"] for kind in catalogue["kinds"]] == list(KINDS)
    assert [channel["id"] for channel in catalogue["channels"]] == list(CHANNELS)
    assert [tone["id"] for tone in catalogue["tones"]] == list(TONES)
    assert catalogue["defaults"] == {"kind": "thank-you", "channel": "email", "tone": "warm"}
    for kind in catalogue["kinds"]:
        assert kind["guide"] == KIND_GUIDE[kind["id"]]
        assert kind["label"] and kind["description"]
    limits = {channel["id"]: channel["limit"] for channel in catalogue["channels"]}
    assert limits == {"email": None, "linkedin-message": 600, "linkedin-connection": 200}
    subjects = {channel["id"]: channel["subject"] for channel in catalogue["channels"]}
    assert subjects == {"email": True, "linkedin-message": False, "linkedin-connection": False}


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("<img src=x onerror=alert(1)>", "Hello,"),
        ("{{ 7*7 }}", "Hello,"),
        ("Priya <b>Raman</b>", "Hi Priya,"),
        ("jane@northwind-traders.com", "Hello,"),
        ("Siobhán O'Brien-Ní Fhlannagáin", "Hi Siobhán,"),
    ],
)
def test_markup_in_a_recipient_name_never_reaches_the_greeting(name, greeting):
    draft = compose_note(DraftRequest(recipient={"name": name}))
    assert draft.body.splitlines()[0] == greeting


@pytest.mark.parametrize("tone", TONES)
def test_after_rejection_can_ask_for_feedback_but_never_claims_it(tone):
    # careers advisers suggest asking once, politely; a note must not thank for feedback not given
    bodies = [draft(kind="after-rejection", tone=tone, channel="email", variant=n, **FULL).body
              for n in range(variant_count("after-rejection", tone))]
    asks = [body for body in bodies if re.search(r"\bfeedback\b.*\?|grateful.*feedback|"
                                                 r"feedback.*grateful", body, re.S)]
    assert asks, tone
    assert not any(re.search(r"(thank you for|appreciated) (the|your) feedback", body, re.I)
                   for body in bodies)


@pytest.mark.parametrize(("typed", "signed"), [
    ("jo smith", "Jo Smith"), ("JO SMITH", "Jo Smith"), ("maria de la cruz", "Maria de la Cruz"),
    ("Jo smith", "Jo smith"), ("bell hooks", "Bell Hooks"),
])
def test_the_sign_off_capitalises_a_name_typed_all_lower_or_upper(typed, signed):
    body = draft(kind="thank-you", sender={"name": typed}, **{k: v for k, v in FULL.items()
                                                             if k != "sender"}).body
    assert body.rstrip().splitlines()[-1] == signed


@pytest.mark.parametrize(("typed", "named"), [
    ("the new york times", "the New York Times"), ("stripe", "Stripe"),
    ("bol.com", "bol.com"), ("eBay", "eBay"), ("ministry of defence", "Ministry of Defence"),
    ("nhs england", "NHS England"), ("hsbc", "HSBC"), ("sky", "Sky"),
])
def test_a_company_typed_in_lower_case_is_capitalised_and_others_kept(typed, named):
    body = draft(kind="thank-you", company=typed, role="Analyst").body
    assert named in body


@pytest.mark.parametrize("highlight", [
    "your advice to talk to the data platform team first", "the story about your first launch",
    "your tips on the portfolio", "the suggestions you made about my CV",
])
@pytest.mark.parametrize("kind", ["thank-you", "informational"])
def test_something_they_said_is_thanked_for_directly_not_talked_about(highlight, kind):
    # "what you said about your advice ..." says the same thing twice
    for variant in range(variant_count(kind, "warm")):
        body = draft(kind=kind, tone="warm", channel="email", variant=variant,
                     highlights=[highlight]).body
        assert highlight in body
        assert not TALKED_ABOUT.search(body.replace(highlight, "HIGHLIGHT")), body


@pytest.mark.parametrize("reason", ["I've decided to stay in my current role after a counter-offer",
                                    "i have decided to go back to university",
                                    "I decided to accept an offer closer to home"])
@pytest.mark.parametrize("tone", TONES)
def test_a_reason_typed_as_a_decision_does_not_repeat_the_decision(reason, tone):
    for variant in range(variant_count("withdraw", tone)):
        body = draft(kind="withdraw", tone=tone, channel="email", variant=variant,
                     **{**FULL, "reason": reason}).body
        assert len(re.findall(r"\bdecided\b", body, re.IGNORECASE)) <= 1, body
        assert reason.split(" to ", 1)[1] in body, body


@pytest.mark.parametrize(("typed", "named"), [
    ("senior ux researcher", "senior UX researcher"), ("qa engineer", "QA engineer"),
    ("it support analyst", "IT support analyst"), ("Senior Ux Researcher", "Senior Ux Researcher"),
    ("head of hr", "head of HR"),
])
def test_initialisms_of_a_role_typed_in_lower_case_are_capitalised(typed, named):
    body = draft(kind="thank-you", company="Acme", role=typed).body
    assert named in body, body
