"""Python-Markdown's inline pass, without trying patterns that cannot match a piece of text."""

from __future__ import annotations

from markdown import Markdown, inlinepatterns, util
from markdown.treeprocessors import InlineProcessor

# Python-Markdown's own patterns that keep no state between calls, each with text that every
# match contains; one whose regular expression differs (another version, an extension) is
# always tried
TRIGGERS = {
    "backtick": (inlinepatterns.BACKTICK_RE, "`"),
    "escape": (inlinepatterns.ESCAPE_RE, "\\"),
    "reference": (inlinepatterns.REFERENCE_RE, "["),
    "link": (inlinepatterns.LINK_RE, "["),
    "image_link": (inlinepatterns.IMAGE_LINK_RE, "!["),
    "image_reference": (inlinepatterns.IMAGE_REFERENCE_RE, "!["),
    "short_reference": (inlinepatterns.REFERENCE_RE, "["),
    "short_image_ref": (inlinepatterns.IMAGE_REFERENCE_RE, "!["),
    "autolink": (inlinepatterns.AUTOLINK_RE, "<"),
    "automail": (inlinepatterns.AUTOMAIL_RE, "<"),
    "linebreak": (inlinepatterns.LINE_BREAK_RE, "  \n"),
    "html": (inlinepatterns.HTML_RE, "<"),
    "entity": (inlinepatterns.ENTITY_RE, "&"),
}
# where Python-Markdown registers its inline processor among the tree processors
INLINE_PRIORITY = 20
# the base class's private steps this processor relies on; without them, nothing is replaced
PRIVATE_STEPS = ("_InlineProcessor__handleInline", "_InlineProcessor__applyPattern")


def trigger_for(name: str, pattern: inlinepatterns.Pattern) -> str | None:
    """The text a pattern cannot match without, when it is one of the known built-in ones."""
    known = TRIGGERS.get(name)
    if known is None or not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None
    regex, trigger = known
    return trigger if getattr(pattern, "pattern", None) == regex else None


class QuickInlineProcessor(InlineProcessor):
    """The same inline pass over a fixed list of patterns, skipping those that cannot match."""

    def __init__(self, md: Markdown):
        super().__init__(md)
        # a registry sorts itself on every lookup, and the pass looks up a pattern per attempt
        self.inlinePatterns = list(md.inlinePatterns)
        self.triggers: list[str | None] = [None] * len(self.inlinePatterns)
        for name in TRIGGERS:
            if name in md.inlinePatterns:
                index = md.inlinePatterns.get_index_for_name(name)
                self.triggers[index] = trigger_for(name, self.inlinePatterns[index])

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """The base class's loop over patterns, skipping those whose text the data lacks."""
        if isinstance(data, util.AtomicString):
            return data
        apply = super()._InlineProcessor__applyPattern
        patterns, triggers = self.inlinePatterns, self.triggers
        startIndex, count = 0, len(patterns)
        while patternIndex < count:
            trigger = triggers[patternIndex]
            if trigger is not None and data.find(trigger, startIndex) < 0:
                # exactly what the base class does when the pattern finds no match
                startIndex = 0
                patternIndex += 1
                continue
            data, matched, startIndex = apply(patterns[patternIndex], data, patternIndex,
                                              startIndex)
            if not matched:
                patternIndex += 1
        return data


def use_quick_inline(md: Markdown) -> None:
    """Swap a converter's inline processor for the quick one, once every extension is in."""
    known = "inline" in md.treeprocessors and type(md.treeprocessors["inline"]) is InlineProcessor
    if not known or not all(hasattr(InlineProcessor, step) for step in PRIVATE_STEPS):
        return  # an extension's own inline pass, or a Python-Markdown this was not made for
    md.treeprocessors.register(QuickInlineProcessor(md), "inline", INLINE_PRIORITY)
