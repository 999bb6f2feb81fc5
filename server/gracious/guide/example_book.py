"""The scenes examples are drafted from, the shared rules, and the engine's own limits."""

from __future__ import annotations

import copy
import datetime as dt
import importlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gracious.guide.example_rules import DraftedExample
from gracious.guide.problems import BuildError, Problem

EXAMPLES_FILE = "examples.yml"
# where the engine keeps its email word range; the checker judges every note against it,
# so the guide states the same range and the two can never disagree
LENGTH_RANGE_HOME = ("gracious.compose.limits", "EMAIL_BODY_WORDS")


def engine_length_range() -> tuple[int, int]:
    """Read the email word range the engine and checker use."""
    module, name = LENGTH_RANGE_HOME
    value = getattr(importlib.import_module(module), name)
    low, high = value
    return int(low), int(high)


@dataclass
class ExampleBook:
    """Everything `site/examples.yml` says: scenes, per-kind fields, send times and rules."""

    scenes: dict[str, dict]
    kind_scenes: dict[str, str] = field(default_factory=dict)
    kind_fields: dict[str, dict] = field(default_factory=dict)
    sent_at: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    source: str = EXAMPLES_FILE

    @classmethod
    def load(cls, path: Path) -> ExampleBook:
        """Read a book of examples, naming the file when it is malformed."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return cls(scenes=dict(data["scenes"]), kind_scenes=data.get("kind_scenes") or {},
                       kind_fields=data.get("kind_fields") or {},
                       sent_at=data.get("sent_at") or {}, rules=data.get("rules") or {},
                       source=str(path))
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
            raise BuildError([Problem(str(path), 1, f"cannot read the examples: {error}")]) \
                from None

    @classmethod
    def default(cls) -> ExampleBook:
        """The guide's own book, for sources that have none."""
        from gracious.guide.locations import default_source

        return cls.load(default_source() / EXAMPLES_FILE)

    def rules_with(self, page_rules: dict | None) -> dict[str, dict]:
        """The shared rules, with a page's own rules added per kind (the page wins)."""
        merged = copy.deepcopy(self.rules)
        for key, rules in (page_rules or {}).items():
            merged.setdefault(key, {}).update(rules or {})
        return merged

    def length_range_text(self, source: str, line: int) -> str:
        """Say the engine's email word range as a reader would: "50 to 200"."""
        try:
            low, high = engine_length_range()
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            module, name = LENGTH_RANGE_HOME
            raise BuildError([Problem(source, line, f"cannot read the engine's word range "
                                      f"{module}.{name}: {error}")]) from None
        return f"{low} to {high}"

    def when_sent(self, kind: str) -> dt.datetime | None:
        """When a note of this kind is imagined to be sent, for the checker's clock."""
        value = self.sent_at.get(kind)
        return dt.datetime.fromisoformat(str(value)) if value else None

    def draft(self, kind: str, channels, tones, variants, scene: str | None,
              line: int) -> list[DraftedExample]:
        """Draft every note a marker asks for, one per channel, tone and version or person."""
        from gracious.compose import compose_note
        from gracious.models import DraftRequest

        name = scene or self.kind_scenes.get(kind, "default")
        if name not in self.scenes:
            raise ValueError(f"no scene {name!r} in {self.source}; use one of "
                             f"{', '.join(self.scenes)}")
        base = {**copy.deepcopy(self.scenes[name]), **self.kind_fields.get(kind, {})}
        people = base.pop("panel", None)
        group = name if people else None
        drafted = []
        for channel in channels:
            for tone in tones:
                for index, person in enumerate(people or [{}]):
                    # each person on a panel gets their own version, unless the marker says
                    fields = {**base, **person, "kind": kind, "channel": channel}
                    if tone is not None:
                        fields["tone"] = tone
                    variant = variants[index % len(variants)]
                    if variant is None and people:
                        variant = index
                    if variant is not None:
                        fields["variant"] = variant
                    request = DraftRequest.model_validate(fields)
                    recipient = request.recipient
                    who = " ".join(p for p in (recipient.title, recipient.name) if p) \
                        if recipient else ""
                    drafted.append(DraftedExample(compose_note(request), request, line, who,
                                                  group))
        return drafted
