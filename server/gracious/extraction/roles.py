"""The role a thread names, in English, German, French, Spanish and Dutch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gracious.extraction.names import fold, has_word, is_person
from gracious.extraction.vocabulary import alternation, vocabulary, words

TITLE_WORD = r"[A-ZÀ-ÖØ-Þ0-9][\w+#&/.'’-]{0,40}"
SMALL = r"(?:of|and|&|for|de|du|des|la|le|del|d'|van|voor|für|und|en|y|et|the|in)"
# a run of capitalised words, bounded so a long thread of capitalised words stays linear
TITLED = rf"{TITLE_WORD}(?:\s+(?:{SMALL}\s+){{0,2}}{TITLE_WORD}){{0,6}}"
# after "le poste de" or "el puesto de" a role may be written in lower case, up to the clause's end
LOWER_WORD = r"[\wÀ-ÿ][\w+#&/.'’-]{0,40}"
LOWERED = rf"{LOWER_WORD}(?:\s+{LOWER_WORD}){{0,5}}"
CLAUSE_END = re.compile(
    r"\s+(?:at|with|on|in|for|and|bei|mit|am|im|in|um|zum|chez|avec|au|à|le|dans|que|qui|pour|"
    r"con|el|en|para|que|a|bij|met|op|om|die|dat|van|is|at|-|–|—)\b.*$",
    re.IGNORECASE,
)
REQUISITION = re.compile(r"\d{3,}|\b(?:req|jr|r|id|ref)[-#: ]?\d|#", re.IGNORECASE)
GENDER_MARK = re.compile(r"\s*\((?:[mwfdxhv]\s*/\s*){1,3}[mwfdxhv]\)|\s*\b[mwfhv]/[mwfhv](?:/[dx])?\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class RolePatterns:
    """Compiled role patterns: each names the role "role"."""

    subject: tuple[re.Pattern[str], ...]
    body: tuple[re.Pattern[str], ...]
    not_roles: frozenset[str]
    inside: frozenset[str]
    trailing: frozenset[str]
    title_nouns: frozenset[str]


@cache
def patterns() -> RolePatterns:
    """Build the role patterns from roles.yaml."""
    data = vocabulary().roles
    lead, tail, heading = alternation(data["lead"]), alternation(data["tail"]), alternation(data["heading"])
    after_lead = re.compile(rf"(?i:\b(?:{lead}))\s*[:\-–]?\s+(?:(?i:the|a|an|our|la|el|de)\s+)?(?P<role>{TITLED})")
    after_lead_lower = re.compile(
        rf"(?i:\b(?:le poste d[e']|poste d[e']|el puesto de|puesto de|la posición de|la vacante de|"
        rf"de functie van|functie van|de functie|als))\s*(?P<role>{LOWERED})"
    )
    before_tail = re.compile(rf"(?:^|(?i:\bthe|\bour|\byour|\bthis|\bdie|\ble|\bla|\bde|\bel)\s+)(?P<role>{TITLED})\s+(?i:{tail})\b")
    headed = re.compile(rf"^(?:(?i:re|fwd?|aw|wg|tr|rv|sv)\s*:\s*)*(?i:{heading})\s*[:\-–—|]\s*(?P<role>[^|/\n]{{2,80}})")
    role_first = re.compile(rf"^(?:(?i:re|fwd?|aw|wg|tr|rv|sv)\s*:\s*)*(?P<role>{TITLED})\s*(?:[:\-–—|]\s*)?(?i:{tail}|{heading})\b")
    return RolePatterns(
        subject=(headed, after_lead, role_first, before_tail, after_lead_lower),
        body=(after_lead, before_tail, after_lead_lower),
        not_roles=words(data["not_roles"]),
        inside=words(data["inside_roles"]),
        trailing=words(data["trailing"]),
        title_nouns=words(data["title_nouns"]),
    )


def find_role(text: str, in_subject: bool, excluded: list[str]) -> str | None:
    """The role named in a subject or message; never a person, the company or a number."""
    if not text:
        return None
    found = patterns()
    for pattern in found.subject if in_subject else found.body:
        for match in pattern.finditer(text):
            for piece in re.split(r"\s+/\s+|\s+\|\s+|\s+[-–—]\s+|,\s", match.group("role")):
                role = tidy_role(piece, excluded)
                if role:
                    return role
    return None


def tidy_role(value: str, excluded: list[str]) -> str | None:
    """Trim interview words and trailing fragments from a candidate role; None if it isn't one."""
    found = patterns()
    value = GENDER_MARK.sub("", value)
    value = re.split(r"\s*[(:|!?@\n]|\.\s|\.$", value, maxsplit=1)[0]
    value = CLAUSE_END.sub("", value).strip(" .,;-–")
    tokens = value.split()
    while tokens and tokens[0].lower() in found.not_roles:
        tokens.pop(0)
    while tokens and tokens[-1].lower() in found.trailing | found.not_roles:
        tokens.pop()
    role = " ".join(tokens)
    if not role or len(tokens) > 7 or not role[:1].isalpha():
        return None
    if any(t.lower() in found.not_roles for t in tokens if t.lower() not in found.inside):
        return None
    if REQUISITION.search(role) or any(fold(role) == fold(other) for other in excluded if other):
        return None
    # "Jordan Park" reads as a person; a role has a title word in it
    if is_person(role) and not has_word(role, vocabulary().job_words | found.title_nouns):
        return None
    return role

