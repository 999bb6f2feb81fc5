"""Compose a note from a draft request: resolve the fields, render, fit the channel."""

from __future__ import annotations

from gracious.compose.greeting import address, greeting_wording, recipient_name, signed_name
from gracious.compose.highlights import detail_sentence, read_highlight
from gracious.compose.kinds import kind_spec
from gracious.compose.lexicon import is_signoff, table
from gracious.compose.limits import CHANNEL_LIMITS, EMAIL_BODY_WORDS, SUBJECT_WORDS
from gracious.compose.organisations import read_company, read_role
from gracious.compose.phrasing import (
    join_words,
    meeting_how,
    meeting_noun,
    position_phrase,
    spoken_date,
    spoken_when,
    subject_words,
    topic_phrase,
)
from gracious.compose.reasons import reason_sentence
from gracious.compose.render import Rendered, fill, render_note
from gracious.compose.tidy import clean_block, clean_line, word_count
from gracious.compose.trim import Placed, first_fitting, fit_sentences
from gracious.compose.variety import default_variant
from gracious.models import (
    Draft,
    DraftRequest,
    Interview,
    Recipient,
    ResolvedFields,
    Sender,
)

__all__ = ["CHANNEL_LIMITS", "compose_note", "resolve_fields", "variant_count"]

LEADING_MARKS = ",.;:!? "


def _text_or_none(value: str | None) -> str | None:
    """A tidied value, or None when it is empty or only whitespace."""
    return clean_line(value) or None


def resolve_fields(request: DraftRequest) -> ResolvedFields:
    """Fill the fields the request leaves out from its thread; explicit fields win."""
    # the user's own name (from the profile) is never taken as the recipient or the company
    own_name = request.sender.name if request.sender else None
    found = ResolvedFields()
    if request.thread:
        # imported here: a draft without a thread (the command line's) never loads extraction
        from gracious.extraction import extract_context

        found = extract_context(request.thread, own_name)
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
    sender_name = signed_name(clean_line(sender.name).lstrip(LEADING_MARKS)) or None
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
        sources=_sources(found, extracted, asked),
    )


def _sources(found: ResolvedFields, extracted: list[str], asked: Interview) -> dict[str, str]:
    """Where each field taken from the thread was read (fields the request gave are left out)."""
    kept = set(extracted) - {"interview"}
    if asked.date is None:
        kept.add("interview.date")
    if asked.format is None:
        kept.add("interview.format")
    return {key: source for key, source in found.sources.items() if key in kept}


def _details(
    highlights: list[str], variant: int, short: bool = False
) -> tuple[list[str], list[str]]:
    """The highlights as phrases that fit after "about", and clauses as whole sentences."""
    phrases: list[str] = []
    sentences: list[str] = []
    for number, detail in enumerate(filter(None, map(read_highlight, highlights))):
        if detail.form == "phrase":
            if detail.text.casefold() not in {phrase.casefold() for phrase in phrases}:
                phrases.append(detail.text)
        else:
            sentences.append(detail_sentence(detail, variant + number, short))
    return phrases, sentences


def _template_values(fields: ResolvedFields, request: DraftRequest, variant: int) -> dict:
    """Everything the wording may use, as plain strings (empty when unknown)."""
    recipient = fields.recipient or Recipient()
    name = recipient_name(recipient.name, recipient.title)
    role, named_company = read_role(fields.role, fields.company or "")
    company = read_company(fields.company or named_company)
    phrases, _ = _details(fields.highlights, variant)
    interview = fields.interview or Interview()
    addressed = address(name, request.tone)
    greeting = fill(greeting_wording(bool(addressed), request.tone), {"name": addressed})
    connection = request.channel == "linkedin-connection"
    return {
        "kind": request.kind,
        "tone": request.tone,
        "channel": request.channel,
        "variant": variant,
        "connection": connection,
        "greeting": greeting,
        "name": addressed,
        "subject_name": subject_words(addressed, 3),
        "role": role,
        "company": company.named,
        "company_bare": company.bare,
        "position": position_phrase(role, company.named),
        "topic": topic_phrase(role, company.named),
        # the position phrase names the company; "your team" avoids repeating it
        "team": "your team",
        "subject_role": subject_words(role, 3),
        "subject_company": subject_words(company.bare, 3),
        "subject_at": subject_words(company.named, 4),
        "how": meeting_how(interview.format),
        "when": spoken_when(spoken_date(interview.date)),
        "date": spoken_date(interview.date),
        "meeting": meeting_noun(interview.format),
        "detail": join_words(phrases),
        "first_detail": phrases[0] if phrases else "",
        "reason": reason_sentence(fields.reason, request.tone),
    }


def _names(name: str, line: str) -> bool:
    """Whether a signature line already carries the sender's name ("Sam" for "Sam Lee")."""
    name, line = name.casefold(), line.strip().casefold()
    return bool(line) and (name in line or line in name)


def _closing(fields: ResolvedFields, channel: str, signoff: str) -> str:
    """The sign-off and the name or signature under it, signed once and by name."""
    sender = fields.sender or Sender()
    signature = sender.signature or ""
    lines = signature.split("\n") if signature else []
    own_signoff = bool(lines) and is_signoff(lines[0])
    if own_signoff:
        signoff, lines = lines[0], lines[1:]
    if sender.name and not any(_names(sender.name, line) for line in lines):
        lines.insert(0, sender.name)
    if channel != "email":
        lines = lines[:1]
    return "\n".join([signoff, *lines])


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
    while padding and word_count(text) < EMAIL_BODY_WORDS[0]:
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
        return text or first_fitting([minimal, table("wording")["last_resort"]], limit)
    signoff = rendered.signoff if channel == "email" else rendered.short_signoff
    closing = _closing(fields, channel, signoff)
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
        [f"{minimal}\n\n{closing}", minimal, table("wording")["last_resort"]], limit or 0
    )


def chosen_variant(request: DraftRequest, fields: ResolvedFields) -> int:
    """The variant asked for, or one picked from who writes to whom, when none is given."""
    if "variant" in request.model_fields_set:
        return request.variant
    recipient = fields.recipient or Recipient()
    sender = fields.sender or Sender()
    return default_variant(recipient.name, fields.company, sender.name or sender.signature)


def compose_note(request: DraftRequest) -> Draft:
    """Draft one note for the request; the same request always gives the same text."""
    fields = resolve_fields(request)
    variant = chosen_variant(request, fields)
    values = _template_values(fields, request, variant)
    _, clauses = _details(fields.highlights, variant, request.channel == "linkedin-connection")
    rendered = render_note(kind_spec(request.kind), request.tone, values, clauses)
    subject = None
    if request.channel == "email":
        subject = rendered.subject
        low, high = SUBJECT_WORDS
        if not low <= word_count(subject) <= high:
            subject = rendered.plain_subject
    return Draft(
        subject=subject,
        body=_body(fields, values, rendered, request.channel),
        kind=request.kind,
        channel=request.channel,
        tone=request.tone,
        variant=variant,
        variants=rendered.variants,
        fields=fields,
    )


def variant_count(kind: str, tone: str) -> int:
    """How many distinct wordings exist for a kind and tone."""
    spec = kind_spec(kind)
    return min(len(options) for options in spec.tones[tone]["paragraphs"])
