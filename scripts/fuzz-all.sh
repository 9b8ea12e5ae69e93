#!/usr/bin/env bash
# Run every cargo-fuzz target of fuzz/ for SECONDS seconds each (default
# 60) and print, per target, what docs/reliability.md records: executions,
# coverage (libFuzzer's cov and ft at the end), crashes, and the slowest
# input (the targets report each new slowest run on stderr, and keep it in
# fuzz/logs/TARGET.slowest).
#
#   scripts/fuzz-all.sh 60            # a minute each
#   scripts/fuzz-all.sh 1800          # the 30-minute runs
#   scripts/fuzz-all.sh 60 segment    # some targets only
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and libFuzzer's nightly
# flags: with a stable toolchain only, RUSTC_BOOTSTRAP=1 lets it accept
# them (set here unless a +nightly toolchain is asked for through
# FUZZ_TOOLCHAIN=+nightly). Logs and the corpus stay in fuzz/ (ignored by
# git); an input slower than FUZZ_TIMEOUT seconds (default 2) is a hang.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
toolchain=${FUZZ_TOOLCHAIN:-}
timeout=${FUZZ_TIMEOUT:-2}
if [ -z "$toolchain" ]; then
  export RUSTC_BOOTSTRAP=1
fi
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo $toolchain fuzz list)
fi
mkdir -p fuzz/logs

printf '%-14s %12s %8s %8s %8s  %s\n' target executions cov ft crashes "slowest input"
status=0
for target in "${targets[@]}"; do
  log="fuzz/logs/$target.log"
  cargo $toolchain fuzz build "$target" >"fuzz/logs/$target.build.log" 2>&1
  set +e
  STORYDIFF_FUZZ_SLOWEST="$PWD/fuzz/logs/$target.slowest" cargo $toolchain fuzz run "$target" -- \
    -max_total_time="$seconds" -timeout="$timeout" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  crashes=$(ls "fuzz/artifacts/$target" 2>/dev/null | wc -l)
  slowest=$(grep 'storydiff-fuzz slowest:' "$log" | tail -1 | sed 's/.*slowest: //')
  printf '%-14s %12s %8s %8s %8s  %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "${slowest:-?}"
  if [ "$code" -ne 0 ]; then
    echo "  $target stopped with exit code $code: see $log" >&2
    status=1
  fi
done
exit $status
