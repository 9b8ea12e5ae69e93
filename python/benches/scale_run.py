"""Wall time of a corpus run on a local Dask cluster, by number of workers.

    python python/benches/scale_run.py [--corpus FILE] [--copies N] [--workers 1 2]

Builds a corpus of ``--copies`` copies of ``--corpus`` (default: the
AllSides corpus of ../shared/eval-dev, read where it lies), each copy's
stories renamed ``story#k`` so that every story is distinct, in a temporary
folder. Then it times the whole corpus compared in this process, one story
after another (``storydiff.compare_jsonl``), and ``storydiff.scale.run`` on a
local cluster of each ``--workers`` count (one thread per worker process),
checks that every run gives the single-process reports (exiting with 1 when
one does not), and prints the wall
times (with the machine's load average, since other work on the machine
slows a run down, and the CPU seconds each worker process spent, which show
how evenly the work was spread whatever the load) and the median's speed-up over the first worker count. Cluster start-up is not
timed; the reading, shuffle, analysis and writing are.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import storydiff
from storydiff import scale

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval-dev" / "allsides-corpus.jsonl"


def build_corpus(source: Path, copies: int, target: Path) -> int:
    lines = source.read_text(encoding="utf-8").splitlines()
    stories = set()
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                if not line.strip():
                    continue
                record = json.loads(line)
                record["story"] = f"{record['story']}#{copy}"
                stories.add(record["story"])
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(stories)


def reports(folder: Path) -> list:
    lines = []
    for part in sorted((folder / "reports").glob("part-*.jsonl")):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        stories = build_corpus(args.corpus, args.copies, corpus)
        size = corpus.stat().st_size
        print(f"{stories} stories, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
        load = os.getloadavg()[0]

        start = time.perf_counter()
        single = sorted(
            json.dumps(r, ensure_ascii=False, separators=(",", ":"))
            for r in storydiff.compare_jsonl(corpus, errors="yield")
            if isinstance(r, dict)
        )
        in_process = time.perf_counter() - start
        print(f"  in process, one story at a time: {in_process:7.1f} s  (load average {load:.1f})")

        # Runs alternate between the worker counts, so that a change in the
        # machine's load during the benchmark touches every count alike.
        times = {workers: [] for workers in args.workers}
        different = []
        for run in range(args.repeat):
            for workers in args.workers:
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                )
                client = Client(cluster)
                client.run(lambda: __import__("storydiff"))
                out = Path(tmp) / f"out-{workers}-{run}"
                load = os.getloadavg()[0]
                cpu_before = client.run(time.process_time)
                start = time.perf_counter()
                summary = scale.run(str(corpus), str(out))
                times[workers].append(time.perf_counter() - start)
                cpu = [
                    after - cpu_before[worker]
                    for worker, after in sorted(client.run(time.process_time).items())
                ]
                client.close()
                cluster.close()
                got = sorted(
                    json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))
                    for line in reports(out)
                )
                if got != single:
                    different.append(f"run {run + 1}, {workers} worker(s)")
                same = "same reports" if got == single else "DIFFERENT REPORTS"
                print(
                    f"  run {run + 1}, {workers} worker(s): {times[workers][-1]:7.1f} s"
                    f"  CPU per worker {' + '.join(f'{c:.1f}' for c in cpu)} s"
                    f"  (load average {load:.1f}; {summary.stories} stories, {same})"
                )
        base = statistics.median(times[args.workers[0]])
        for workers in args.workers:
            median = statistics.median(times[workers])
            print(
                f"  {workers} worker(s): median {median:7.1f} s, speed-up {base / median:.2f}"
                f" over {args.workers[0]}"
            )
    if different:
        sys.exit(f"reports differ from the single-process run: {'; '.join(different)}")


if __name__ == "__main__":
    main()
