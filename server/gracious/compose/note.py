"""Compose a note from a draft request: resolve the fields, render, fit the channel."""

from __future__ import annotations

from functools import lru_cache

from gracious.compose.greeting import greeting_line, recipient_name, short_name
from gracious.compose.phrasing import (
    join_words,
    meeting_how,
    meeting_noun,
    position_phrase,
    spoken_date,
    subject_words,
)
from gracious.compose.render import SOFT_COMMA, Rendered, render_note
from gracious.compose.tidy import (
    clean_block,
    clean_highlight,
    clean_line,
    clean_phrase,
    clean_role,
    clean_sentence,
    word_count,
)
from gracious.compose.trim import Placed, first_fitting, fit_sentences
from gracious.extraction import extract_context
from gracious.models import (
    Draft,
    DraftRequest,
    Interview,
    Recipient,
    ResolvedFields,
    Sender,
)

LEADING_MARKS = ",.;:!? "
# the shortest email body that still reads as a considered note
EMAIL_MIN_WORDS = 60

CHANNEL_LIMITS: dict[str, int | None] = {
    "email": None,
    "linkedin-message": 600,
    "linkedin-connection": 200,
}


def _text_or_none(value: str | None) -> str | None:
    """A tidied value, or None when it is empty or only whitespace."""
    return clean_line(value) or None


def resolve_fields(request: DraftRequest) -> ResolvedFields:
    """Fill the fields the request leaves out from its thread; explicit fields win."""
    found = extract_context(request.thread) if request.thread else ResolvedFields()
    extracted: list[str] = []

    given = request.recipient or Recipient()
    name, title = _text_or_none(given.name), _text_or_none(given.title)
    if name is None and found.recipient and found.recipient.name:
        name = found.recipient.name
        title = title or found.recipient.title
        extracted.append("recipient")
    recipient = Recipient(name=name, title=title) if name or title else None

    company = _text_or_none(request.company)
    if company is None and found.company:
        company = found.company
        extracted.append("company")
    role = _text_or_none(request.role)
    if role is None and found.role:
        role = found.role
        extracted.append("role")

    asked = request.interview or Interview()
    seen = found.interview or Interview()
    date, interview_format = asked.date, asked.format
    if (date is None and seen.date) or (interview_format is None and seen.format):
        extracted.append("interview")
    date = date if date is not None else seen.date
    interview_format = interview_format or seen.format
    interview = Interview(date=date, format=interview_format) if date or interview_format else None

    sender = request.sender or Sender()
    # a name or signature may not open with punctuation: it sits right under "Best regards,"
    sender_name = clean_line(sender.name).lstrip(LEADING_MARKS) or None
    signature = clean_block(sender.signature).lstrip(LEADING_MARKS).strip() or None
    return ResolvedFields(
        recipient=recipient,
        company=company,
        role=role,
        interview=interview,
        highlights=[text for text in map(clean_line, request.highlights) if text],
        reason=_text_or_none(request.reason),
        sender=Sender(name=sender_name, signature=signature) if sender_name or signature else None,
        extracted=extracted,
    )


def _template_values(fields: ResolvedFields, request: DraftRequest) -> dict:
    """Everything a template may use, as plain strings (empty when unknown)."""
    recipient = fields.recipient or Recipient()
    name = recipient_name(recipient.name, recipient.title)
    company = clean_phrase(fields.company)
    role = clean_role(fields.role)
    if company and role.lower().endswith(f" at {company.lower()}"):
        role = role[: -len(company) - 4].strip()
    highlights = [text for text in map(clean_highlight, fields.highlights) if text]
    interview = fields.interview or Interview()
    date = spoken_date(interview.date)
    position = position_phrase(role, company)
    addressed = short_name(name, request.tone)
    return {
        "kind": request.kind,
        "tone": request.tone,
        "channel": request.channel,
        "variant": request.variant,
        "connection": request.channel == "linkedin-connection",
        "greeting": greeting_line(name, request.tone),
        "name": addressed,
        "subject_name": subject_words(addressed, 3),
        "role": role,
        "company": company,
        "position": position,
        "topic": position,
        # the position phrase names the company; "your team" avoids repeating it
        "team": "your team",
        "subject_role": subject_words(role, 3),
        "subject_company": subject_words(company, 3),
        "how": meeting_how(interview.format),
        "when": f" on {date}{SOFT_COMMA}" if date else "",
        "date": date,
        "meeting": meeting_noun(interview.format),
        "highlights": highlights,
        "detail": join_words(highlights),
        "first_detail": highlights[0] if highlights else "",
        "reason": clean_sentence(fields.reason),
    }


def _sender_block(fields: ResolvedFields, channel: str) -> str:
    """The name or signature under the sign-off."""
    sender = fields.sender or Sender()
    if channel == "email":
        return sender.signature or sender.name or ""
    if sender.name:
        return sender.name
    return (sender.signature or "").split("\n", 1)[0]


def _sentences(rendered: Rendered, channel: str) -> list[Placed]:
    """The rendered sentences the channel uses, each with its paragraph number."""
    return [
        (number, sentence)
        for number, paragraph in enumerate(rendered.paragraphs)
        for sentence in paragraph
        if channel == "email" or not sentence.email_only
    ]


def _letter(greeting: str, sentences: list[Placed], closing: str) -> str:
    """Lay out greeting, paragraphs and closing as a letter."""
    paragraphs: list[list[str]] = []
    last = None
    for number, sentence in sentences:
        if number != last:
            paragraphs.append([])
            last = number
        paragraphs[-1].append(sentence.text)
    parts = [greeting, *(" ".join(paragraph) for paragraph in paragraphs)]
    if closing:
        parts.append(closing)
    return "\n\n".join(parts)


def _padded_letter(greeting: str, sentences: list[Placed], closing: str) -> str:
    """An email letter, with padding sentences added only while it is too short to read well."""
    chosen = [i for i, (_, sentence) in enumerate(sentences) if not sentence.padding]
    text = _letter(greeting, [sentences[i] for i in chosen], closing)
    padding = [i for i, (_, sentence) in enumerate(sentences) if sentence.padding]
    while padding and word_count(text) < EMAIL_MIN_WORDS:
        chosen = sorted([*chosen, padding.pop(0)])
        text = _letter(greeting, [sentences[i] for i in chosen], closing)
    return text


def _body(fields: ResolvedFields, values: dict, rendered: Rendered, channel: str) -> str:
    """Assemble the body for the channel, within its limit."""
    limit = CHANNEL_LIMITS[channel]
    sentences = _sentences(rendered, channel)
    greeting = values["greeting"]
    minimal = f"{greeting} {rendered.minimal}"
    if channel == "linkedin-connection":
        text = fit_sentences(sentences, lambda chosen: " ".join(s.text for _, s in chosen), limit)
        return text or first_fitting([minimal, "Thank you so much for your time."], limit)
    sender = _sender_block(fields, channel)
    signoff = rendered.signoff if channel == "email" else rendered.short_signoff
    closing = f"{signoff}\n{sender}" if sender else signoff
    if channel == "email":
        return _padded_letter(greeting, sentences, closing)
    # a message is read in a narrow chat pane: two short paragraphs, not five one-liners
    numbers = sorted({number for number, _ in sentences})
    merged = {number: int(index >= 2) for index, number in enumerate(numbers)}
    sentences = [(merged[number], sentence) for number, sentence in sentences]
    text = fit_sentences(sentences, lambda chosen: _letter(greeting, chosen, closing), limit)
    if text is not None:
        return text
    return first_fitting(
        [f"{minimal}\n\n{closing}", minimal, "Thank you so much for your time."], limit or 0
    )


def compose_note(request: DraftRequest) -> Draft:
    """Draft one note for the request; the same request always gives the same text."""
    fields = resolve_fields(request)
    values = _template_values(fields, request)
    rendered = render_note(request.kind, values)
    subject = None
    if request.channel == "email":
        subject = rendered.subject
        if not 3 <= word_count(subject) <= 8:
            subject = rendered.plain_subject
    return Draft(
        subject=subject,
        body=_body(fields, values, rendered, request.channel),
        kind=request.kind,
        channel=request.channel,
        tone=request.tone,
        variant=request.variant,
        variants=rendered.variants,
        fields=fields,
    )


@lru_cache(maxsize=64)
def variant_count(kind: str, tone: str) -> int:
    """How many distinct wordings exist for a kind and tone."""
    return compose_note(DraftRequest(kind=kind, tone=tone)).variants
