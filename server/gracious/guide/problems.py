"""What can go wrong in a build, with the file and line that caused it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One broken thing in the source, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class BuildError(Exception):
    """The build stopped; every problem found is listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __reduce__(self):
        # rendering workers send errors back pickled; rebuild from the problems, not the message
        return (BuildError, (self.problems,))
