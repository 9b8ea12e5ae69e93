"""The exception storydiff raises on input it cannot use."""

from __future__ import annotations

from typing import Optional


class StorydiffError(ValueError):
    """Input storydiff cannot use: a malformed file or line, an empty article,
    an outlet twice in a story, a story with one outlet.

    ``message``, ``file`` and ``line`` are those the command line prints as
    ``file:line: message`` (``line`` is ``None`` when the problem is the whole
    file); ``str()`` of the exception is that same text. ``kind`` says which
    input it is about: ``"input"`` (an article or story), ``"config"``,
    ``"baseline"``, or ``"too-few-outlets"`` (a story that cannot be compared).
    """

    def __init__(
        self, message: str, file: str, line: Optional[int] = None, kind: str = "input"
    ) -> None:
        super().__init__(message, file, line, kind)
        self.message = message
        self.file = file
        self.line = line
        self.kind = kind

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"

    def __repr__(self) -> str:
        return f"StorydiffError({self.message!r}, {self.file!r}, {self.line!r}, {self.kind!r})"
