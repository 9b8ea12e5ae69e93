#!/bin/sh
# Time `storydiff compare` on the BASIL dev corpus with two binaries side by
# side in one run, alternating, and print each one's median and their ratio.
#
#   scripts/compare_timing.sh OLD_BINARY NEW_BINARY [RUNS]
#
# Build the old binary from the commit to compare against, e.g.
#   git worktree add --detach /tmp/storydiff-old COMMIT
#   (cd /tmp/storydiff-old && CARGO_TARGET_DIR=/tmp/storydiff-old-target cargo build --release)
#   scripts/compare_timing.sh /tmp/storydiff-old-target/release/storydiff target/release/storydiff
set -eu
old=$1
new=$2
runs=${3:-7}
corpus=${CORPUS:-../shared/eval-dev/basil-corpus.jsonl}
[ -f "$corpus" ] || { echo "compare_timing: no corpus at $corpus (skipped)"; exit 0; }
python3 - "$old" "$new" "$runs" "$corpus" <<'PY'
import statistics, subprocess, sys, time
old, new, runs, corpus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times = {old: [], new: []}
for _ in range(runs):
    for binary in (old, new):
        start = time.perf_counter()
        subprocess.run([binary, "compare", "--format", "json", corpus],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[binary].append(time.perf_counter() - start)
o, n = statistics.median(times[old]), statistics.median(times[new])
print(f"old {o:.3f}s  new {n:.3f}s  (median of {runs})  ratio new/old {n / o:.2f}")
PY
