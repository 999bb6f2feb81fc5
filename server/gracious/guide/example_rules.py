"""Check each example note with the product's checker and against the rules its page states."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gracious.guide.problems import BuildError, Problem

WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class DraftedExample:
    """One note the engine drafted for a page, with the request it was drafted from."""

    draft: Any  # gracious.models.Draft, imported lazily so the guide loads without the engine
    request: Any
    line: int
    recipient: str
    group: str | None = None

    def describe(self) -> str:
        """Name the example as a writer would look for it on the page."""
        draft = self.draft
        who = f" to {self.recipient}" if self.group else ""
        return (f"example {draft.kind}{who} ({draft.channel}, {draft.tone} tone, "
                f"version {draft.variant + 1})")

    @property
    def words(self) -> int:
        """How many words the body has."""
        return len(WORD.findall(self.draft.body))


Rule = Callable[[DraftedExample, Any, list[DraftedExample]], str | None]


def subject_max_words(example: DraftedExample, limit: int, _page) -> str | None:
    """The subject has at most `limit` words."""
    subject = example.draft.subject or ""
    count = len(WORD.findall(subject))
    if count > int(limit):
        return f"the subject {subject!r} has {count} words; the page allows at most {limit}"
    return None


def must_say(example: DraftedExample, wanted: dict[str, str], _page) -> str | None:
    """The body says each thing the page requires, found by its pattern."""
    for label, pattern in wanted.items():
        if not re.search(pattern, example.draft.body, re.IGNORECASE):
            return f"it must {label}, but nothing in the body matches {pattern!r}"
    return None


def must_not_say(example: DraftedExample, unwanted: dict[str, str], _page) -> str | None:
    """Neither subject nor body says anything the page forbids."""
    text = f"{example.draft.subject or ''}\n{example.draft.body}"
    for label, pattern in unwanted.items():
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            return f"it must not {label}, but it says {found.group(0)!r}"
    return None


def shorter_than(example: DraftedExample, kind: str, page: list[DraftedExample]) -> str | None:
    """The body is shorter than the page's example of another kind in the same channel."""
    draft = example.draft
    others = [o for o in page if o.draft.kind == kind and o.draft.channel == draft.channel
              and o.draft.tone == draft.tone]
    if not others:
        return (f"it must be shorter than the {kind} example, but the page has no {kind} "
                f"example in {draft.channel} and the {draft.tone} tone to compare with")
    longest = min(o.words for o in others)
    if example.words >= longest:
        return f"it has {example.words} words; the {kind} example has {longest}"
    return None


def max_words(example: DraftedExample, limit: int, _page) -> str | None:
    """The body has at most `limit` words."""
    if example.words > int(limit):
        return f"it has {example.words} words; the page allows at most {limit}"
    return None


EXAMPLE_RULES: dict[str, Rule] = {
    "subject_max_words": subject_max_words,
    "must_say": must_say,
    "must_not_say": must_not_say,
    "shorter_than": shorter_than,
    "max_words": max_words,
}
GROUP_RULES = ("max_similarity",)


def similarity(first: str, second: str) -> float:
    """How alike two notes read, word by word, from 0 (nothing shared) to 1 (the same)."""
    return difflib.SequenceMatcher(None, WORD.findall(first.lower()),
                                   WORD.findall(second.lower()), autojunk=False).ratio()


def checker_problems(example: DraftedExample, book) -> list[str]:
    """Run the product's own checker on an example; every check must pass."""
    from gracious.checker import CheckRequest, check_note

    request = example.request
    context = request.model_dump(by_alias=True, exclude_none=True,
                                 exclude={"kind", "channel", "tone", "variant"})
    report = check_note(CheckRequest(text=example.draft.body, subject=example.draft.subject,
                                     kind=request.kind, channel=request.channel,
                                     context=context), now=book.when_sent(request.kind))
    return [f"the checker's {check.id!r} check fails: {check.message}"
            for check in report.checks if not check.passed]


def unknown_rules(rules: dict[str, dict], source: str) -> list[Problem]:
    """Refuse a rule name the build does not know, so a typo can't switch a rule off."""
    known = set(EXAMPLE_RULES) | set(GROUP_RULES)
    return [Problem(source, 1, f"unknown example rule {name!r} under {key!r}; use one of "
                               f"{', '.join(sorted(known))}")
            for key, named in rules.items() for name in (named or {}) if name not in known]


def check_examples(page: list[DraftedExample], rules: dict[str, dict], book,
                   source: str) -> list[Problem]:
    """Every failing rule of every example on a page, naming the page, line and rule."""
    problems = unknown_rules(rules, source)
    if problems:
        raise BuildError(problems)
    for example in page:
        applied = {**rules.get("every", {}), **rules.get(example.draft.kind, {})}
        failures = checker_problems(example, book)
        for name, value in applied.items():
            if name in EXAMPLE_RULES and (why := EXAMPLE_RULES[name](example, value, page)):
                failures.append(f"page rule {name}: {why}")
        problems += [Problem(source, example.line, f"{example.describe()} breaks {failure}")
                     for failure in failures]
    return problems + group_problems(page, rules.get("panel", {}), source)


def group_problems(page: list[DraftedExample], rules: dict, source: str) -> list[Problem]:
    """Notes to different people on one panel must read as different letters."""
    limit = rules.get("max_similarity")
    if limit is None:
        return []
    problems = []
    groups = itertools.groupby(sorted((e for e in page if e.group), key=group_key), group_key)
    for _key, members in groups:
        for first, second in itertools.combinations(list(members), 2):
            alike = similarity(first.draft.body, second.draft.body)
            if alike >= float(limit):
                problems.append(Problem(source, first.line, (
                    f"{first.describe()} and the note to {second.recipient} break page rule "
                    f"max_similarity: they are {alike:.2f} alike; the page allows below {limit}"
                )))
    return problems


def group_key(example: DraftedExample) -> tuple:
    """Notes compared with each other: one panel, one marker, one channel and tone."""
    return (example.group, example.line, example.draft.channel, example.draft.tone)
