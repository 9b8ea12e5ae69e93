"""A corpus on a local Dask cluster of two worker processes gives exactly the
reports and the check summary of a single-process run."""

from __future__ import annotations

import json
from pathlib import Path

import distributed
import pytest

import storydiff
from storydiff import scale
from conftest import CORPUS, by_story, cli_errors, cli_json, run_cli

#: Small blocks, so that the corpus is read in several pieces and every
#: story's lines are spread over more than one of them.
BLOCKSIZE = 1500
PARTITIONS = 3


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def read_lines(folder: Path) -> list:
    lines = []
    for part in sorted(folder.glob("part-*.jsonl")):
        lines.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    return lines


def test_the_cluster_has_two_worker_processes(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


def test_the_blocks_split_stories(client):
    # Otherwise the test would not show that a story is kept whole.
    assert CORPUS.stat().st_size > 4 * BLOCKSIZE


def test_cluster_reports_are_the_single_process_reports(client, tmp_path):
    summary = scale.run(str(CORPUS), str(tmp_path), blocksize=BLOCKSIZE, partitions=PARTITIONS)
    reports = read_lines(tmp_path / "reports")
    single = list(storydiff.compare_jsonl(CORPUS))
    assert len(single) == 12
    assert by_story(reports) == by_story(single)
    assert by_story(reports) == by_story(cli_json("compare", str(CORPUS)))
    assert len(list((tmp_path / "reports").glob("part-*.jsonl"))) == PARTITIONS


def test_the_summary_and_exit_code_are_those_of_check(client, tmp_path):
    summary = scale.run(str(CORPUS), str(tmp_path), blocksize=BLOCKSIZE, partitions=PARTITIONS)
    code, out, err = run_cli("check", str(CORPUS), "--format", "json")
    expected = [json.loads(line) for line in out.splitlines()]
    assert by_story(read_lines(tmp_path / "outcomes")) == by_story(expected)
    failing = sum(bool(outcome["failing"]) for outcome in expected)
    assert failing > 0
    assert (summary.stories, summary.failing, summary.unreadable) == (12, failing, 0)
    assert summary.exit_code == code == 1
    assert summary.line() == err.strip().splitlines()[-1]
    written = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert written["exit_code"] == 1 and written["stories"] == 12


def test_a_policy_is_applied_on_the_workers(client, tmp_path):
    summary = scale.run(str(CORPUS), str(tmp_path), blocksize=BLOCKSIZE, fail_on="warning")
    code, _, err = run_cli("check", str(CORPUS), "--fail-on", "warning", "--format", "json")
    assert summary.line() == err.strip().splitlines()[-1]
    assert summary.fail_on == "warning"


def test_bad_lines_and_stories_are_isolated(client, tmp_path):
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])["story"]
    bad_record = json.loads(lines[3])
    del bad_record["text"]
    lines[3] = json.dumps(bad_record) + "\n"  # its story is unreadable
    lines.insert(7, '{"story": "x", oops\n')  # a malformed line of its own
    lines.insert(9, "\n")  # blank lines are skipped
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    summary = scale.run(str(corpus), str(out), blocksize=BLOCKSIZE, partitions=PARTITIONS)
    code, stdout, err = run_cli("compare", str(corpus), "--format", "json")
    expected = [json.loads(line) for line in stdout.splitlines()]
    assert len(expected) == 11
    assert by_story(read_lines(out / "reports")) == by_story(expected)
    assert summary.errors == cli_errors(err)
    assert (summary.stories, summary.unreadable, summary.exit_code) == (11, 2, code)
    assert first in {r["story"] for r in expected}


def test_output_does_not_depend_on_the_scheduler(client, tmp_path):
    import dask

    scale.run(str(CORPUS), str(tmp_path / "cluster"), blocksize=BLOCKSIZE, partitions=PARTITIONS)
    with dask.config.set(scheduler="sync"):
        scale.run(str(CORPUS), str(tmp_path / "sync"), blocksize=BLOCKSIZE, partitions=PARTITIONS)
    for folder in ("reports", "outcomes"):
        for part in sorted((tmp_path / "cluster" / folder).iterdir()):
            assert part.read_bytes() == (tmp_path / "sync" / folder / part.name).read_bytes()


def test_a_missing_corpus_is_unreadable(client, tmp_path):
    summary = scale.run(str(tmp_path / "nowhere.jsonl"), str(tmp_path / "out"))
    assert (summary.unreadable, summary.exit_code) == (1, 2)
    assert "nowhere.jsonl" in summary.errors[0]


def test_an_empty_corpus_is_unreadable(client, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    summary = scale.run(str(empty), str(tmp_path / "out"))
    code, _, err = run_cli("compare", str(empty), "--format", "json")
    assert summary.errors == cli_errors(err)
    assert summary.exit_code == code == 2


def test_the_command_line_runs_a_local_cluster(tmp_path):
    code = scale.main([str(CORPUS), "--out", str(tmp_path), "--workers", "2", "--blocksize", str(BLOCKSIZE)])
    assert code == 1
    assert len(read_lines(tmp_path / "reports")) == 12


def test_several_files_are_refused(client, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_bytes(CORPUS.read_bytes())
    summary = scale.run(str(tmp_path / "*.jsonl"), str(tmp_path / "out"))
    assert summary.exit_code == 2
    assert "2 files" in summary.errors[0]
