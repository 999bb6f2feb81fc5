"""The role a thread names, in English, German, French, Spanish and Dutch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from gracious.extraction.names import fold, has_word, is_person
from gracious.extraction.vocabulary import alternation, vocabulary, words

TITLE_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z](?=[A-Z]))[\w+#&/.'’-]{0,40}"
SMALL = r"(?:of|and|&|for|de|du|des|la|le|del|d'|van|voor|für|und|en|y|et|the|in)"
# a run of capitalised words, bounded so a long thread of capitalised words stays linear
TITLED = rf"{TITLE_WORD}(?:\s+(?:{SMALL}\s+){{0,2}}{TITLE_WORD}){{0,6}}"
# after "le poste de" or "el puesto de" a role may be written in lower case, up to the clause's end
LOWER_WORD = r"[\wÀ-ÿ][\w+#&/.'’-]{0,40}"
LOWERED = rf"{LOWER_WORD}(?:\s+{LOWER_WORD}){{0,5}}"
CLAUSE_END = re.compile(
    r"\s+(?:at|with|on|in|for|and|bei|mit|am|im|in|um|zum|chez|avec|au|à|le|dans|que|qui|pour|"
    r"con|el|en|para|que|a|bij|met|op|om|die|dat|van|is|at|est|sont|sera|ist|wird|es|será|"
    r"zal|wordt|-|–|—)\b.*$",
    re.IGNORECASE,
)
REQUISITION = re.compile(r"\d{3,}|\b(?:req|jr|r|id|ref)[-#: ]?\d|#", re.IGNORECASE)
# "Re:", "Fwd:", "AW:", "WG:", "TR:", "RV:" in front of a subject
REPLY_PREFIX = r"(?:(?i:re|fwd?|aw|wg|tr|rv|sv|doorst)\s*:\s*)*"
GENDER_MARK = re.compile(r"\s*\((?:[mwfdxhv]\s*/\s*){1,3}[mwfdxhv]\)"
                         r"|\s*\b[mwfhv]/[mwfhv](?:/[dx])?\b",
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
    before_tail: re.Pattern[str]
    date_words: frozenset[str]


@cache
def patterns() -> RolePatterns:
    """Build the role patterns from roles.yaml."""
    data = vocabulary().roles
    lead, tail = alternation(data["lead"]), alternation(data["tail"])
    heading = alternation(data["heading"])
    after_lead = re.compile(rf"(?i:\b(?:{lead}))\s*[:\-–]?\s+"
                            rf"(?:(?i:the|a|an|our|la|el|de)\s+)?(?P<role>{TITLED})")
    after_lead_lower = re.compile(
        rf"(?i:\b(?:{alternation(data['lead_any_case'])}))\s*(?P<role>{LOWERED})"
    )
    before_tail = re.compile(rf"(?:^|(?i:\b(?:the|our|your|this|die|le|la|de|el))\s+)"
                             rf"(?P<role>{TITLED})\s+(?i:{tail})\b")
    headed = re.compile(
        rf"^{REPLY_PREFIX}(?:[^:|\n]{{0,40}}?\b)?(?i:{heading})\b"
        rf"[^:|\n]{{0,40}}?\s*[:\-–—|]\s*(?P<role>[^|\n]{{2,80}})"
    )
    role_first = re.compile(rf"^{REPLY_PREFIX}(?P<role>{TITLED})\s*(?:[:\-–—|]\s*)?"
                            rf"(?i:{tail}|{heading})\b")
    return RolePatterns(
        subject=(headed, after_lead_lower, after_lead, role_first, before_tail),
        body=(after_lead_lower, after_lead, before_tail),
        not_roles=words(data["not_roles"]),
        inside=words(data["inside_roles"]),
        trailing=words(data["trailing"]),
        title_nouns=words(data["title_nouns"]),
        before_tail=before_tail,
        date_words=frozenset(vocabulary().months) | frozenset(vocabulary().weekdays),
    )


def find_role(text: str, in_subject: bool, excluded: list[str]) -> str | None:
    """The role named in a subject or message; never a person, the company or a number."""
    if not text:
        return None
    found = patterns()
    for pattern in found.subject if in_subject else found.body:
        for match in pattern.finditer(text):
            # "the X role" says X is a role; "Interview: X" might name a person instead
            named_as_role = pattern is found.before_tail
            for piece in re.split(r"\s+/\s+|\s+\|\s+|\s+[-–—]\s+|,\s", match.group("role")):
                role = tidy_role(piece, excluded, named_as_role)
                if role:
                    return role
    return None


def tidy_role(value: str, excluded: list[str], named_as_role: bool = False) -> str | None:
    """Trim interview words and trailing fragments from a candidate role; None if it isn't one."""
    found = patterns()
    value = GENDER_MARK.sub("", " ".join(value.split()))
    value = re.split(r"\s*[(:|!?@]|\.\s|\.$", value, maxsplit=1)[0]
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
    if any(t.lower().strip(".,") in found.date_words for t in tokens if len(t) > 3):
        return None
    # one word alone ("Fabrikam" in "Interview - Fabrikam") is a role only if it is a title
    if (len(tokens) == 1 or not role[:1].isupper()) and not is_title(role, found):
        return None
    # "Jordan Park" reads as a person; a role has a title word in it
    if not named_as_role and is_person(role) and not is_title(role, found):
        return None
    return role


@lru_cache(maxsize=1024)
def is_title(role: str, found: RolePatterns) -> bool:
    """Whether words of a role are job titles, also inside compounds ("Projektmanagerin")."""
    nouns = vocabulary().job_words | found.title_nouns
    if has_word(role, nouns):
        return True
    stems = [noun for noun in nouns if len(noun) >= 5]
    return any(stem in word for word in fold(role).split() for stem in stems)
