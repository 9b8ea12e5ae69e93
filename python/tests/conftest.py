"""Shared test helpers: the repository, its fixtures, and the CLI to compare with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "allsides-like.jsonl"


def cli_path() -> Path:
    """The storydiff binary: $STORYDIFF_BIN, else the debug build."""
    path = Path(os.environ.get("STORYDIFF_BIN", ROOT / "target" / "debug" / "storydiff"))
    if not path.is_file():
        pytest.fail(f"no storydiff binary at {path}: run `cargo build` or set STORYDIFF_BIN")
    return path


def run_cli(*args: str) -> Tuple[int, str, str]:
    """Run the CLI from the repository root: exit code, stdout, stderr."""
    done = subprocess.run(
        [str(cli_path()), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def cli_json(*args: str) -> List[dict]:
    """The JSON lines the CLI prints for `args`, which must succeed."""
    code, out, err = run_cli(*args, "--format", "json")
    assert code in (0, 1), err
    return [json.loads(line) for line in out.splitlines()]


def cli_errors(stderr: str) -> List[str]:
    """The `file:line: message` of each error the CLI printed."""
    prefix = "storydiff: "
    return [line[len(prefix):] for line in stderr.splitlines() if line.startswith(prefix)]


def by_story(reports: List[dict]) -> List[dict]:
    return sorted(reports, key=lambda report: report["story"])
