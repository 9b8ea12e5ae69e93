"""storydiff from Python: compare outlets' versions of a story.

Every result is what ``storydiff ... --format json`` prints, parsed: a report
is the dict of one ``compare`` line, ``claims`` and ``figures`` give one dict
per version, ``check`` the dict of one ``check`` line. Bad input raises
:class:`StorydiffError` with the CLI's message, file and line.

A story is given as

- a dict in the JSON story format, ``{"story": ..., "versions": [{"outlet",
  "title", "text", "published", "url"}, ...]}`` (or just the list of
  versions). A dict has no lines of its own: version *i* (counting from 1)
  is on line *i*, which is the line claims and errors name;
- a path (``str`` or ``os.PathLike``) to a folder or a file, or a list of
  paths that together make one story, read as ``storydiff compare PATH...``
  reads them;
- a :class:`Story` already loaded with :func:`load`.

A ``.jsonl`` corpus goes to :func:`compare_jsonl`. For a cluster, see
:mod:`storydiff.scale`.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _native
from ._error import StorydiffError

__all__ = [
    "Analyzer",
    "Story",
    "StorydiffError",
    "check",
    "claims",
    "compare",
    "compare_jsonl",
    "figures",
    "load",
]

Story = _native.Story

PathLike = Union[str, "os.PathLike[str]"]
StoryInput = Union[Dict[str, Any], Sequence[Any], PathLike, Story]
Lines = Iterable[Union[str, bytes]]

#: How a dict is named in messages and in the report's ``source`` fields.
DICT_SOURCE = "<story>"

#: How lines given to :func:`compare_jsonl` are named.
LINES_SOURCE = "<lines>"

#: The ``story`` of a dict that names none.
DEFAULT_STORY = "story"


def _json_default(value: Any) -> str:
    """Dates and times in a dict are written as ISO 8601, as a file holds them."""
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON: {value!r}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _story_text(story: Union[Dict[str, Any], Sequence[Any]]) -> str:
    """The story as JSON text with version *i* on line *i*."""
    if isinstance(story, dict):
        versions = story.get("versions")
        rest = {key: value for key, value in story.items() if key != "versions"}
    else:
        versions, rest = story, {}
    if not isinstance(versions, list) or not versions:
        return _dumps(story)
    text = '{"versions": [' + ",\n".join(_dumps(v) for v in versions) + "]"
    return text + (", " + _dumps(rest)[1:] if rest else "}")


def _is_path(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike))


def load(story: StoryInput, *, source: str = DICT_SOURCE) -> Story:
    """Load and check a story (see the module's help for what ``story`` may
    be); ``source`` names a dict in messages."""
    if isinstance(story, Story):
        return story
    if _is_path(story):
        return _native.story_from_paths([os.fspath(story)])
    if isinstance(story, dict):
        return _native.story_from_json(_story_text(story), source, DEFAULT_STORY)
    if isinstance(story, (list, tuple)) and story and all(map(_is_path, story)):
        return _native.story_from_paths([os.fspath(p) for p in story])
    if isinstance(story, (list, tuple)):
        return _native.story_from_json(_story_text(list(story)), source, DEFAULT_STORY)
    raise TypeError(
        f"a story is a dict, a path or a list of paths, not {type(story).__name__}"
    )


def _lines(text: str) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


class Analyzer:
    """A configuration and a check policy, loaded once and applied to many
    stories.

    ``config`` is a ``storydiff.toml`` (default: the built-in defaults; unlike
    the CLI, no file is looked for in the working directory). ``fail_on``
    (``"info"``, ``"warning"``, ``"error"``) overrides its ``[check]
    fail_on``; ``baseline`` is a file written by ``storydiff check
    --write-baseline``.
    """

    def __init__(
        self,
        config: Optional[PathLike] = None,
        *,
        fail_on: Optional[str] = None,
        baseline: Optional[PathLike] = None,
    ) -> None:
        self._native = _native.Analyzer(
            None if config is None else os.fspath(config),
            fail_on,
            None if baseline is None else os.fspath(baseline),
        )

    @property
    def fail_on(self) -> str:
        """The least severity that fails :meth:`check`."""
        return self._native.fail_on

    def compare(self, story: StoryInput, *, source: str = DICT_SOURCE) -> Dict[str, Any]:
        """The report, as ``storydiff compare --format json`` gives it."""
        return json.loads(self._native.compare(load(story, source=source)))

    def claims(self, story: StoryInput, *, source: str = DICT_SOURCE) -> List[Dict[str, Any]]:
        """Each version's claims, as ``storydiff claims --format json`` gives them."""
        return _lines(self._native.claims(load(story, source=source)))

    def figures(self, story: StoryInput, *, source: str = DICT_SOURCE) -> List[Dict[str, Any]]:
        """Each version's figures, as ``storydiff figures --format json`` gives them."""
        return _lines(self._native.figures(load(story, source=source)))

    def check(self, story: StoryInput, *, source: str = DICT_SOURCE) -> Dict[str, Any]:
        """The story's findings under the policy, as ``storydiff check
        --format json`` gives them: ``failing`` lists the findings that fail."""
        return json.loads(self._native.check(load(story, source=source)))

    def compare_jsonl(
        self,
        path_or_lines: Union[PathLike, Lines],
        *,
        source: str = LINES_SOURCE,
        errors: str = "raise",
    ) -> Iterator[Union[Dict[str, Any], StorydiffError]]:
        """One report per story of a JSON Lines corpus, in order of each
        story's first line, as ``storydiff compare corpus.jsonl --format
        json`` gives them.

        ``path_or_lines`` is a path, or an iterable of lines (``str`` or
        ``bytes``, such as an open file), which are numbered from 1 and named
        ``source`` in messages; lines are read whole before the first report.
        A bad line or story raises :class:`StorydiffError` when it is
        reached, after the reports before it; with ``errors="yield"`` the
        error is yielded in its place instead and the other stories still
        come.
        """
        if errors not in ("raise", "yield"):
            raise ValueError(f'errors should be "raise" or "yield", got {errors!r}')
        for item in _corpus(path_or_lines, source):
            if isinstance(item, StorydiffError):
                if errors == "raise":
                    raise item
                yield item
                continue
            try:
                yield json.loads(self._native.compare(item))
            except StorydiffError as error:
                if errors == "raise":
                    raise
                yield error


def _corpus(path_or_lines: Union[PathLike, Lines], source: str) -> Iterator[Any]:
    """A corpus's stories (and errors in their place)."""
    if _is_path(path_or_lines):
        return iter(_native.Corpus(os.fspath(path_or_lines)))
    records = []
    for number, line in enumerate(path_or_lines, start=1):
        if isinstance(line, str):
            line = line.encode("utf-8")
        elif not isinstance(line, bytes):
            raise TypeError(f"line {number} is {type(line).__name__}, not str or bytes")
        records.append((number, line))
    return iter(_native.stories_from_records(source, records))


_DEFAULT: Optional[Analyzer] = None


def _default() -> Analyzer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


def _analyzer(config: Optional[PathLike]) -> Analyzer:
    return _default() if config is None else Analyzer(config)


def compare(
    story: StoryInput, *, config: Optional[PathLike] = None, source: str = DICT_SOURCE
) -> Dict[str, Any]:
    """The report of one story, as ``storydiff compare --format json`` gives
    it. A story needs two or more outlets."""
    return _analyzer(config).compare(story, source=source)


def compare_jsonl(
    path_or_lines: Union[PathLike, Lines],
    *,
    config: Optional[PathLike] = None,
    source: str = LINES_SOURCE,
    errors: str = "raise",
) -> Iterator[Union[Dict[str, Any], StorydiffError]]:
    """One report per story of a JSON Lines corpus; see
    :meth:`Analyzer.compare_jsonl`."""
    return _analyzer(config).compare_jsonl(path_or_lines, source=source, errors=errors)


def claims(
    story: StoryInput, *, config: Optional[PathLike] = None, source: str = DICT_SOURCE
) -> List[Dict[str, Any]]:
    """Each version's claims, as ``storydiff claims --format json`` gives them."""
    return _analyzer(config).claims(story, source=source)


def figures(
    story: StoryInput, *, config: Optional[PathLike] = None, source: str = DICT_SOURCE
) -> List[Dict[str, Any]]:
    """Each version's figures, as ``storydiff figures --format json`` gives them."""
    return _analyzer(config).figures(story, source=source)


def check(
    story: StoryInput,
    *,
    config: Optional[PathLike] = None,
    fail_on: Optional[str] = None,
    baseline: Optional[PathLike] = None,
    source: str = DICT_SOURCE,
) -> Dict[str, Any]:
    """The story's findings under a check policy, as ``storydiff check
    --format json`` gives them."""
    return Analyzer(config, fail_on=fail_on, baseline=baseline).check(story, source=source)
