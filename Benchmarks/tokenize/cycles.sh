#!/usr/bin/env bash
# User-space CPU cycles per pass over the input, for practiced and rjieba, where `perf stat`
# can count cycles (not on every machine). Cycles do not count time the machine gave to other
# tenants, so this ratio is steadier than the wall-clock one. A pass's cycles = (cycles of a run
# with 3 passes − cycles of a run with 1) / 2, which removes start-up and loading.
set -euo pipefail
cd "$(dirname "$0")/../.."
input=$1
if ! perf stat -e cycles:u true >/dev/null 2>&1; then echo '{"cycles": "not supported here"}'; exit 0; fi
cycles() { perf stat -x, -e cycles:u "$@" 2>&1 >/dev/null | grep cycles | cut -d, -f1; }
ours1=$(cycles .build/release/practiced bench tokenize --input "$input" --no-domain --repeats 1)
ours3=$(cycles .build/release/practiced bench tokenize --input "$input" --no-domain --repeats 3)
theirs1=$(cycles .venv-bench/bin/python Benchmarks/tokenize/passes.py "$input" 1)
theirs3=$(cycles .venv-bench/bin/python Benchmarks/tokenize/passes.py "$input" 3)
python3 -c "
ours = ($ours3 - $ours1) / 2; theirs = ($theirs3 - $theirs1) / 2
import json; print(json.dumps({'practiced_cycles_per_pass': ours, 'rjieba_cycles_per_pass': theirs, 'cycles_ratio': theirs / ours}))"
