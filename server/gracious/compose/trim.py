"""Fit a note into a channel's character limit by choosing sentences, never cutting them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gracious.compose.render import Sentence

# a sentence together with the number of the paragraph it belongs to
Placed = tuple[int, Sentence]


def fit_sentences(
    sentences: Sequence[Placed], build: Callable[[list[Placed]], str], limit: int | None
) -> str | None:
    """Keep every required sentence, add optional ones in order while the note fits."""
    if limit is None:
        return build(list(sentences))
    chosen = {i for i, (_, sentence) in enumerate(sentences) if not sentence.optional}
    text = build([sentences[i] for i in sorted(chosen)])
    if len(text) > limit:
        return None
    for i, (_, sentence) in enumerate(sentences):
        if not sentence.optional:
            continue
        candidate = build([sentences[j] for j in sorted(chosen | {i})])
        if len(candidate) <= limit:
            chosen.add(i)
            text = candidate
    return text


def first_fitting(candidates: Sequence[str], limit: int) -> str:
    """The first candidate within the limit; the last one is always short enough."""
    for candidate in candidates:
        if len(candidate) <= limit:
            return candidate
    return candidates[-1]
