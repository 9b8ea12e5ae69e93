"""A JSON Lines corpus on a Dask cluster: reports and a ``check`` summary.

Stories are independent, so a corpus shards by ``story``:

1. the corpus is read in byte blocks that end at line breaks
   (``dask.bytes.read_bytes``), one task each; each record gets its line
   number in the whole file (a block's first line is the sum of the line
   counts of the blocks before it) and its ``story``, read by the library;
2. each record goes to bucket ``crc32(story) % partitions``, and Dask's
   shuffle (``Bag.groupby``) brings every bucket's records to one partition:
   a story never spans two partitions, whatever the blocks;
3. each partition builds its stories from their records with the library's
   corpus loader, compares and checks each, and writes
   ``reports/part-NNNNN.jsonl`` (the lines ``storydiff compare --format
   json`` prints) and ``outcomes/part-NNNNN.jsonl`` (the lines ``storydiff
   check --format json`` prints), in order of each story's first line;
4. the client adds the partitions' counts into ``summary.json`` and an exit
   code, as ``storydiff check`` does: 2 when any input was unreadable, else
   1 when any story has findings at or above the policy, else 0.

A bad record or story is an error in its own place, with its file and line,
and the other stories still run. See ``docs/scale.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import zlib
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from . import Analyzer, StorydiffError, _native

#: Bytes per read task. Large enough that task overhead is small against the
#: work (a block holds thousands of stories), small enough that a worker
#: holds a few blocks in memory at once.
DEFAULT_BLOCKSIZE = "64MiB"

#: Exit codes, as ``storydiff check``'s.
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

#: One record: (bucket, line number, bytes, story or None for a bad record).
Record = Tuple[int, int, bytes, Optional[str]]


@dataclasses.dataclass
class Summary:
    """What a run found, added over all partitions."""

    #: Stories compared.
    stories: int = 0
    #: Stories with findings at or above ``fail_on``, not in the baseline.
    failing: int = 0
    #: Bad records and stories, skipped.
    unreadable: int = 0
    #: Stories on which storydiff itself failed (a bug), skipped.
    crashed: int = 0
    #: The least severity that fails.
    fail_on: str = "error"
    #: Each unreadable input and crash, ``file:line: message``, by line.
    errors: List[str] = dataclasses.field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 when any input was unreadable (or crashed), else 1 when any
        story fails the policy, else 0."""
        if self.unreadable or self.crashed:
            return EXIT_BAD_INPUT
        return EXIT_FINDINGS if self.failing else 0

    def add(self, other: "Summary") -> None:
        self.stories += other.stories
        self.failing += other.failing
        self.unreadable += other.unreadable
        self.crashed += other.crashed
        self.errors.extend(other.errors)

    def to_dict(self) -> Dict[str, Any]:
        fields = dataclasses.asdict(self)
        fields["exit_code"] = self.exit_code
        return fields

    def line(self) -> str:
        """The line ``storydiff check`` ends with."""
        text = (
            f"storydiff check: {self.stories} stories, {self.failing} with findings "
            f"at or above {self.fail_on}, {self.unreadable} unreadable"
        )
        return text + (f", {self.crashed} crashed" if self.crashed else "")


def _split(block: bytes) -> List[bytes]:
    """A block's lines, split at ``\\n`` only, as the library reads a file."""
    lines = block.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def _keyed(block: bytes, source: str) -> Tuple[int, List[Tuple[int, bytes, Optional[str]]]]:
    """A block's line count, and its records: (line in the block, bytes,
    story); blank lines are dropped, a bad record has story ``None``."""
    lines = _split(block)
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            story = _native.story_key(line, source, number)
        except StorydiffError:
            story = None
        else:
            if story is None:
                continue
        records.append((number, line, story))
    return len(lines), records


def _first_lines(counts: Sequence[int]) -> List[int]:
    """Each block's first line number in the whole file."""
    firsts, line = [], 1
    for count in counts:
        firsts.append(line)
        line += count
    return firsts


def _bucket(story: str, partitions: int) -> int:
    """A stable partition for a story: the same on every machine and run
    (Python's own ``hash`` of a string differs between processes)."""
    return zlib.crc32(story.encode("utf-8")) % partitions


def _numbered(keyed: Tuple[int, list], firsts: List[int], block: int, partitions: int) -> List[Record]:
    offset = firsts[block] - 1
    records = []
    for number, line, story in keyed[1]:
        number += offset
        bucket = number % partitions if story is None else _bucket(story, partitions)
        records.append((bucket, number, line, story))
    return records


def _analyze_partition(
    groups: Iterable[Tuple[int, List[Record]]],
    source: str,
    settings: Dict[str, Any],
) -> Tuple[List[Tuple[int, str, str]], Summary]:
    """Compare and check every story of a partition: (first line, report,
    outcome) per story, in order of first line, and the partition's summary."""
    analyzer = Analyzer(**settings)
    summary = Summary(fail_on=analyzer.fail_on)
    stories: Dict[Any, List[Tuple[int, bytes]]] = {}
    for _bucket_id, records in groups:
        for _, number, line, story in records:
            # A bad record is a story of its own, so that its error is kept.
            key = ("story", story) if story is not None else ("bad", number)
            stories.setdefault(key, []).append((number, line))
    done: List[Tuple[int, str, str]] = []
    errors: List[Tuple[int, str]] = []
    for records in stories.values():
        records.sort()
        first = records[0][0]
        try:
            (item,) = _native.stories_from_records(source, records)
            if isinstance(item, StorydiffError):
                raise item
            report, outcome = analyzer._native.compare_and_check(item)
        except StorydiffError as error:
            summary.unreadable += 1
            errors.append((first, str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - one story's failure must not stop the rest
            summary.crashed += 1
            errors.append((first, f"{source}:{first}: storydiff failed on this story: {error!r}"))
            continue
        summary.stories += 1
        summary.failing += bool(json.loads(outcome)["failing"])
        done.append((first, report, outcome))
    done.sort(key=lambda item: item[0])
    summary.errors = [text for _, text in sorted(errors)]
    return done, summary


def _write_partition(
    groups: Iterable[Tuple[int, List[Record]]],
    index: int,
    out: str,
    source: str,
    settings: Dict[str, Any],
) -> Summary:
    import fsspec

    done, summary = _analyze_partition(groups, source, settings)
    name = f"part-{index:05d}.jsonl"
    with fsspec.open(f"{out}/reports/{name}", "w", encoding="utf-8") as reports:
        reports.writelines(report for _, report, _ in done)
    with fsspec.open(f"{out}/outcomes/{name}", "w", encoding="utf-8") as outcomes:
        outcomes.writelines(outcome for _, _, outcome in done)
    return summary


#: Partitions per worker thread by default: two, so that a worker that
#: draws a partition of long stories does not leave the others idle.
PARTITIONS_PER_THREAD = 2


def _default_partitions(blocks: int) -> int:
    """One partition per block, and at least two per worker thread of the
    current cluster, so that a corpus smaller than a block still spreads."""
    try:
        from distributed import get_client

        threads = sum(get_client().nthreads().values())
    except (ImportError, ValueError):
        threads = 1
    return max(1, blocks, PARTITIONS_PER_THREAD * threads)


def run(
    corpus: str,
    out: str,
    *,
    partitions: Optional[int] = None,
    blocksize: Any = DEFAULT_BLOCKSIZE,
    config: Optional[str] = None,
    fail_on: Optional[str] = None,
    baseline: Optional[str] = None,
) -> Summary:
    """Compare and check every story of the JSON Lines file ``corpus`` (a
    path or an fsspec URL every worker can read) on the current Dask
    scheduler (a ``distributed.Client`` made before the call, else Dask's
    default), writing ``reports/``, ``outcomes/`` and ``summary.json`` under
    ``out``. ``partitions`` defaults to the number of blocks, and at least
    two per worker thread. ``config`` and
    ``baseline`` must be paths the workers can read."""
    import dask
    import dask.bag as db
    import fsspec
    from dask.bytes import read_bytes

    settings = {"config": config, "fail_on": fail_on, "baseline": baseline}
    fail_on_name = Analyzer(**settings).fail_on  # a bad policy fails here, once
    try:
        _, files = read_bytes(corpus, delimiter=b"\n", blocksize=blocksize, sample=False)
    except (FileNotFoundError, OSError) as error:
        summary = Summary(fail_on=fail_on_name, unreadable=1)
        summary.errors.append(str(StorydiffError(f"cannot read: {error}", corpus)))
        return summary
    if len(files) != 1:
        summary = Summary(fail_on=fail_on_name, unreadable=1)
        found = "no file" if not files else f"{len(files)} files"
        summary.errors.append(str(StorydiffError(f"{found}; give one JSON Lines file", corpus)))
        return summary
    blocks = files[0]
    partitions = partitions or _default_partitions(len(blocks))
    keyed = [dask.delayed(_keyed)(block, corpus) for block in blocks]
    firsts = dask.delayed(_first_lines)([k[0] for k in keyed])
    numbered = [
        dask.delayed(_numbered)(k, firsts, i, partitions) for i, k in enumerate(keyed)
    ]
    records = db.from_delayed(numbered)
    if records.npartitions != partitions:
        records = records.repartition(partitions)
    # The shuffle keeps the number of partitions; which buckets share one
    # is fixed by the (integer) bucket numbers, so output is the same on
    # every run and any number of workers.
    grouped = records.groupby(lambda record: record[0], shuffle="tasks")
    fs, root = fsspec.core.url_to_fs(out)
    for folder in ("reports", "outcomes"):
        fs.makedirs(f"{root}/{folder}", exist_ok=True)
    written = [
        dask.delayed(_write_partition)(part, i, out, corpus, settings)
        for i, part in enumerate(grouped.to_delayed())
    ]
    summary = Summary(fail_on=fail_on_name)
    for part in dask.compute(*written):
        summary.add(part)
    if summary.stories + summary.unreadable + summary.crashed == 0:
        summary.unreadable = 1
        summary.errors.append(str(StorydiffError("the corpus holds no articles", corpus)))
    summary.errors.sort(key=_error_order)
    with fsspec.open(f"{out}/summary.json", "w", encoding="utf-8") as file:
        json.dump(summary.to_dict(), file, indent=2)
        file.write("\n")
    return summary


def _error_order(text: str) -> Tuple[int, str]:
    """Errors by line number, as the CLI reports them."""
    head = text.split(": ", 1)[0]
    number = head.rsplit(":", 1)[-1]
    return (int(number) if number.isdigit() else 0, text)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m storydiff.scale",
        description="Compare and check a JSON Lines corpus on a Dask cluster.",
    )
    parser.add_argument("corpus", help="a .jsonl file or fsspec URL the workers can read")
    parser.add_argument("--out", required=True, help="folder (or URL) for reports/, outcomes/ and summary.json")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    parser.add_argument("--partitions", type=int, help="output partitions (default: one per block, at least two per worker thread)")
    parser.add_argument("--blocksize", default=DEFAULT_BLOCKSIZE, help="bytes per read task, e.g. 64MiB")
    parser.add_argument("--config", help="a storydiff.toml the workers can read")
    parser.add_argument("--fail-on", choices=["info", "warning", "error"])
    parser.add_argument("--baseline", help="a baseline written by storydiff check --write-baseline")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        summary = run(
            args.corpus,
            args.out,
            partitions=args.partitions,
            blocksize=args.blocksize,
            config=args.config,
            fail_on=args.fail_on,
            baseline=args.baseline,
        )
    except StorydiffError as error:
        print(f"storydiff: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for error in summary.errors:
        print(f"storydiff: {error}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
