"""The employer, spelt as the sender writes it: signature, body, display name, then domain."""

from __future__ import annotations

import re
from functools import cache

from gracious.extraction.domains import registered_label
from gracious.extraction.names import fold, has_word
from gracious.extraction.vocabulary import alternation, vocabulary

# a run of capitalised words with the small words inside company names ("Hennes & Mauritz",
# "Bank of America", "Crédit Agricole", "AT&T", "eBay"), bounded so matching stays linear
ORG_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w&'’.+-]{0,30}|[a-z][A-Z][\w&'’.+-]{0,30})"
ORG_SMALL = r"(?:of|de|du|des|la|le|del|van|der|für|the|&)"
ORG = rf"{ORG_WORD}(?:(?:\s+|\s*&\s*)(?:{ORG_SMALL}\s+){{0,2}}{ORG_WORD}){{0,5}}"
SEPARATORS = (" | ", " · ", " • ", " at ", " @ ", " – ", " — ", " - ", ", ", " bei ", " chez ",
              " en ", " bij ", " | ")
CONTACT = re.compile(r"\d{3}|\b[A-Z]{1,2}\d|\d[A-Z]{2}\b|@|https?:|www\.|"
                     r"\.(?:com|org|net|io|de|fr|es|nl|co)\b|[+()]|^\W")
# lines of a signature or footer that are never the employer
NOT_A_COMPANY_LINE = re.compile(
    r"^(?:sent from|sent via|get outlook|von meinem|gesendet von|envoyé de|enviado desde|"
    r"verzonden (?:vanaf|met)|this (?:e-?mail|message)|confidential|the information)",
    re.IGNORECASE,
)
TRAILING_WORDS = re.compile(r"(?:\s+(?:on|this|next|team|is|was|and|\d+\w*))+$", re.IGNORECASE)


@cache
def body_cues() -> tuple[re.Pattern[str], ...]:
    """The sentences that introduce the employer, compiled with the organisation pattern."""
    return tuple(re.compile("(?<!\\w)" + cue.replace("{ORG}", ORG))
                 for cue in vocabulary().organisations["body_cues"])


@cache
def _institution() -> re.Pattern[str]:
    """Words that make a line a university or institution."""
    names = alternation(vocabulary().organisations["institutions"])
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)",
                      re.IGNORECASE)


@cache
def _department() -> re.Pattern[str]:
    """Words that make a line a department rather than the employer."""
    return re.compile(rf"^(?:{alternation(vocabulary().organisations['departments'])})\s",
                      re.IGNORECASE)


def looks_like_company(value: str) -> bool:
    """Whether a short line reads as an organisation's name, not a title or contact detail."""
    words = value.split()
    vocab = vocabulary()
    # "adidas AG": a lower-case brand is a company when a legal form follows it
    legal = len(words) > 1 and words[-1].lower() in vocab.organisations["legal_forms"].split()
    return (
        0 < len(words) <= 6
        and (value[:1].isupper() or value[:1].isdigit() or legal
             or bool(re.match(r"[a-z][A-Z]", value)))
        and not CONTACT.search(value)
        and not has_word(value, vocab.job_words - {"people", "partner", "partners", "group"})
        and fold(value.rstrip(",.!")) not in vocab.signoffs
        and fold(value) not in vocab.service_names
    )


def company_in_signature(lines: list[str]) -> str | None:
    """The employer a signature names ("Recruiter | Acme"); a university over its department."""
    found = []
    for line in lines[1:]:
        company = _company_in_line(line)
        if company:
            found.append(company)
    if not found:
        return None
    universities = [name for name in found
                    if _institution().search(name) and not _department().match(name)]
    if universities:
        return universities[0]
    plain = [name for name in found if not _department().match(name)]
    return plain[0] if plain else None


def _company_in_line(line: str) -> str | None:
    """A company named on one signature line."""
    line = " ".join(line.split())
    for separator in SEPARATORS:
        if separator in line:
            parts = [part.strip() for part in line.split(separator)]
            if has_word(parts[0], vocabulary().job_words) and looks_like_company(parts[-1]):
                return parts[-1]
            if has_word(parts[-1], vocabulary().job_words) and looks_like_company(parts[0]) \
                    and separator in (" | ", " · ", " • ", " – ", " — ", " - ", ", "):
                return parts[0]
            return None
    if has_word(line, vocabulary().job_words) or NOT_A_COMPANY_LINE.match(line):
        return None
    return line if looks_like_company(line) else None


def company_in_headline(headline: str | None) -> str | None:
    """ "Technical Recruiter at Quantix Systems | Hiring in Milan" -> "Quantix Systems"."""
    if not headline:
        return None
    match = re.search(r"\s(?:at|@|bei|chez|en|bij)\s+([^|•·,]+)", headline)
    if match:
        company = match.group(1).strip()
        return company if looks_like_company(company) else None
    return None


def company_in_subject(subject: str) -> str | None:
    """ "Your interview at Acme Robotics on Tuesday" -> "Acme Robotics"."""
    match = re.search(rf"\b(?:at|bei|chez|bij)\s+(?P<company>{ORG})", subject)
    if not match:
        return None
    company = TRAILING_WORDS.sub("", match.group("company")).strip(" .,-")
    from gracious.extraction.dates import patterns

    if not company[:1].isalpha() or patterns().month_word.fullmatch(company.lower()) \
            or not looks_like_company(company):
        return None
    return company


def company_in_body(text: str) -> str | None:
    """An employer introduced in the message: "I'm the founder of Larkspur Labs"."""
    for pattern in body_cues():
        for match in pattern.finditer(text):
            company = TRAILING_WORDS.sub("", match.group("company")).strip(" .,-")
            if looks_like_company(company):
                return company
    return None


def company_from_domain(email: str | None, text: str) -> str | None:
    """Turn "jane@northwind-traders.com" into "Northwind Traders"; never webmail or a service."""
    label = registered_label(email)
    vocab = vocabulary()
    if not label or label in vocab.webmail or label in vocab.agency_domains:
        return None
    from gracious.extraction.parties import service_of
    from gracious.models import Party

    if service_of(Party(email=email)):
        return None
    written = spelling_in(label, text)
    if written:
        return written
    squashed = label.replace("-", "")
    if len(squashed) <= 3:
        return squashed.upper()
    return " ".join(part.capitalize() for part in label.split("-") if part)


def spelling_in(label: str, text: str) -> str | None:
    """How the thread writes a domain's name: "Nestlé Purina" for nestle-purina.com."""
    squashed = re.sub(r"[^a-z0-9]", "", label)
    if not squashed:
        return None
    for match in re.finditer(rf"(?<![\w]){ORG}", text):
        words = match.group(0).split()
        if fold(words[0][:1]) != squashed[0]:
            continue
        for end in range(len(words), 0, -1):
            candidate = " ".join(words[:end])
            if re.sub(r"[^a-z0-9]", "", fold(candidate)) == squashed:
                return candidate.strip(" .,")
    # a name written in lower case, as "bol" signs: the label itself as a word, not in an address
    match = re.search(rf"(?<![\w@./-]){re.escape(label)}(?![\w@/-]|\.\w)", text, re.IGNORECASE)
    return match.group(0) if match else None
