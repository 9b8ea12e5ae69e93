"""Every fixture gives the same JSON through Python as through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storydiff
from conftest import CORPUS, ROOT, cli_json

STORIES = sorted(
    str(path.relative_to(ROOT))
    for path in (ROOT / "fixtures").iterdir()
    if path.is_dir() or path.suffix == ".json"
)
CORPORA = ["fixtures/corpus.jsonl", str(CORPUS.relative_to(ROOT))]


def test_the_fixtures_are_found():
    assert len(STORIES) >= 4, STORIES


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    # Paths are given as the CLI is, relative to the repository, so that the
    # reports' `source` fields match.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("story", STORIES)
def test_compare_is_the_cli_report(story):
    (expected,) = cli_json("compare", story)
    assert storydiff.compare(story) == expected


@pytest.mark.parametrize("story", STORIES)
def test_claims_and_figures_are_the_cli_listings(story):
    assert storydiff.claims(story) == cli_json("claims", story)
    assert storydiff.figures(story) == cli_json("figures", story)


@pytest.mark.parametrize("story", STORIES)
def test_check_is_the_cli_outcome(story):
    (expected,) = cli_json("check", story, "--fail-on", "warning")
    assert storydiff.check(story, fail_on="warning") == expected


def test_loose_files_are_one_story():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "venezuela").iterdir())
    (expected,) = cli_json("compare", *files)
    assert storydiff.compare(files) == expected


@pytest.mark.parametrize("corpus", CORPORA)
def test_a_corpus_gives_the_cli_reports_in_order(corpus):
    expected = cli_json("compare", corpus)
    assert list(storydiff.compare_jsonl(corpus)) == expected
    assert list(storydiff.compare_jsonl(Path(corpus))) == expected


def test_lines_give_the_reports_of_their_file(tmp_path):
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = cli_json("compare", str(CORPUS))
    assert list(storydiff.compare_jsonl(lines, source=str(CORPUS))) == expected
    with CORPUS.open("rb") as file:
        assert list(storydiff.compare_jsonl(file, source=str(CORPUS))) == expected


def test_a_dict_is_its_versions_one_a_line(tmp_path):
    """A dict's version i is on line i: the report of a JSON Lines file
    holding its versions one a line."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    story_id = records[0]["story"]
    versions = [r for r in records if r["story"] == story_id]
    one = tmp_path / "one.jsonl"
    one.write_text("".join(json.dumps(v) + "\n" for v in versions), encoding="utf-8")
    (expected,) = cli_json("compare", str(one))
    story = {
        "story": story_id,
        "versions": [{k: v for k, v in r.items() if k != "story"} for r in versions],
    }
    assert storydiff.compare(story, source=str(one)) == expected
    assert storydiff.compare(story["versions"], source=str(one))["outlets"] == expected["outlets"]


def test_dates_in_a_dict_are_iso_8601():
    import datetime

    text = "The agency said 40 buses will run."
    story = {
        "story": "s",
        "versions": [
            {"outlet": "a", "text": text, "published": datetime.date(2026, 1, 12)},
            {"outlet": "b", "text": text, "published": "2026-01-12"},
        ],
    }
    assert storydiff.compare(story)["story"] == "s"
    with pytest.raises(TypeError):
        storydiff.compare({"story": "s", "versions": [{"outlet": "a", "text": object()}]})


def test_a_loaded_story_is_reused():
    story = storydiff.load("fixtures/venezuela")
    assert story.id == "venezuela"
    assert len(story.outlets) == 4
    analyzer = storydiff.Analyzer(fail_on="info")
    assert analyzer.compare(story) == storydiff.compare("fixtures/venezuela")
    assert analyzer.check(story)["failing"]


def test_a_config_file_is_used(tmp_path):
    config = tmp_path / "storydiff.toml"
    config.write_text("[check]\nfail_on = \"warning\"\n", encoding="utf-8")
    assert storydiff.Analyzer(config).fail_on == "warning"
    (expected,) = cli_json("check", "fixtures/venezuela", "--config", str(config))
    assert storydiff.check("fixtures/venezuela", config=config) == expected
