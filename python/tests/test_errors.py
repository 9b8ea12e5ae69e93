"""Bad input raises StorydiffError with the CLI's message, file and line."""

from __future__ import annotations

import pickle

import pytest

import storydiff
from conftest import ROOT, cli_errors, run_cli


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def cli_error(*args: str) -> str:
    code, _, err = run_cli(*args, "--format", "json")
    assert code == 2, err
    (error,) = cli_errors(err)
    return error


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_json_story_missing_text_names_file_and_line(tmp_path):
    bad = write(
        tmp_path / "bad.json",
        '{"story": "s", "versions": [\n  {"outlet": "a", "text": "One."},\n  {"outlet": "b"}\n]}\n',
    )
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.compare(bad)
    error = caught.value
    assert (error.file, error.line) == (bad, 3)
    assert error.message == "missing field `text`"
    assert error.kind == "input"
    assert str(error) == cli_error("compare", bad)


def test_malformed_json_names_the_line(tmp_path):
    bad = write(tmp_path / "bad.json", '{"story": "s",\n "versions": [\n}\n')
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.compare(bad)
    assert caught.value.line == 3
    assert caught.value.message.startswith("invalid JSON")
    assert str(caught.value) == cli_error("compare", bad)


def test_one_outlet_is_an_error(tmp_path):
    one = write(tmp_path / "one.json", '{"story": "s", "versions": [{"outlet": "a", "text": "One."}]}')
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.compare(one)
    assert "at least two" in caught.value.message
    assert caught.value.kind == "too-few-outlets"
    assert str(caught.value) == cli_error("compare", one)
    # claims and figures accept one outlet, as the CLI does.
    assert len(storydiff.claims(one)) == 1


def test_a_missing_file_is_an_error(tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.compare([missing, missing])
    assert caught.value.file == missing
    assert caught.value.line is None


def test_a_dict_error_names_the_version(tmp_path):
    story = {"story": "s", "versions": [{"outlet": "a", "text": "One."}, {"outlet": "b", "text": " "}]}
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.compare(story, source="mine")
    assert (caught.value.file, caught.value.line) == ("mine", 2)
    assert "empty" in caught.value.message
    story["versions"][1] = {"outlet": "a", "text": "Two."}
    with pytest.raises(storydiff.StorydiffError, match="appears twice"):
        storydiff.compare(story)


BAD_CORPUS = (
    '{"story": "s1", "outlet": "a", "text": "The city hired 40 drivers."}\n'
    '{"story": "s1", oops\n'
    '{"story": "s2", "outlet": "a", "text": "Rain is due."}\n'
    '{"story": "s1", "outlet": "b", "text": "The city hired 45 drivers."}\n'
    '{"story": "s2", "outlet": "b"}\n'
)


def test_a_corpus_reports_each_bad_line_and_story_in_its_place(tmp_path):
    corpus = write(tmp_path / "bad.jsonl", BAD_CORPUS)
    code, out, err = run_cli("compare", corpus, "--format", "json")
    assert code == 2
    items = list(storydiff.compare_jsonl(corpus, errors="yield"))
    assert [type(item).__name__ for item in items] == ["dict", "StorydiffError", "StorydiffError"]
    assert items[0]["story"] == "s1"
    assert [(e.line, e.file) for e in items[1:]] == [(2, corpus), (5, corpus)]
    assert [str(e) for e in items[1:]] == cli_errors(err)
    with pytest.raises(storydiff.StorydiffError) as caught:
        list(storydiff.compare_jsonl(corpus))
    assert caught.value.line == 2


def test_lines_name_their_source_and_number():
    items = list(storydiff.compare_jsonl(BAD_CORPUS.splitlines(), source="feed", errors="yield"))
    assert [str(e) for e in items[1:]] == [
        "feed:2: " + items[1].message,
        "feed:5: missing field `text`",
    ]
    with pytest.raises(TypeError):
        list(storydiff.compare_jsonl([1, 2]))
    with pytest.raises(ValueError):
        list(storydiff.compare_jsonl(BAD_CORPUS.splitlines(), errors="ignore"))


def test_the_error_pickles_for_worker_processes():
    error = storydiff.StorydiffError("missing field `text`", "c.jsonl", 5, "input")
    again = pickle.loads(pickle.dumps(error))
    assert (again.message, again.file, again.line, again.kind, str(again)) == (
        "missing field `text`", "c.jsonl", 5, "input", "c.jsonl:5: missing field `text`"
    )


def test_a_bad_policy_or_config_raises(tmp_path):
    with pytest.raises(ValueError, match="fail_on"):
        storydiff.Analyzer(fail_on="fatal")
    config = write(tmp_path / "storydiff.toml", "[check]\nfail_on = 3\n")
    with pytest.raises(storydiff.StorydiffError) as caught:
        storydiff.Analyzer(config)
    assert (caught.value.file, caught.value.kind) == (config, "config")
    with pytest.raises(TypeError):
        storydiff.compare(42)
