#!/usr/bin/env bash
# All-pairs top-10 and single queries side by side with faiss IndexFlatIP on the same vectors.
# Usage: Benchmarks/neighbours/run.sh [VECTORS] (default 100000 × 128, standard normal, seed 1)
# practiced runs with OpenBLAS (the system default when installed), then with the reference BLAS.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
file=Benchmarks/results/vectors-$count.f32
[ -f "$file" ] || .venv-bench/bin/python -c "
import numpy as np
np.random.default_rng(1).standard_normal(($count, 128)).astype('<f4').tofile('$file')"
{
  .build/release/practiced bench neighbours --vectors "$file" --dim 128 --top 10
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack \
    .build/release/practiced bench neighbours --vectors "$file" --dim 128 --top 10
  .venv-bench/bin/python Benchmarks/neighbours/reference.py "$file" 128 10
} | tee "Benchmarks/results/neighbours-$count.jsonl"
