#!/usr/bin/env bash
# TF-IDF + truncated SVD side by side with scikit-learn, on the same synthetic counts.
# Usage: Benchmarks/svd/run.sh [DOCUMENTS] [TERMS]   (default 100000 × 60000, k = 128, 5 power iterations)
# practiced runs twice: with OpenBLAS (the system default when installed) and with the reference
# BLAS/LAPACK (LD_LIBRARY_PATH to Debian's netlib builds).
set -euo pipefail
cd "$(dirname "$0")/../.."
documents=${1:-100000}
terms=${2:-60000}
dir=Benchmarks/results/synth-$documents
[ -f "$dir/counts.mtx" ] || .build/release/practiced synth --cases "$documents" --terms "$terms" --seed 1 --out "$dir"
{
  .build/release/practiced bench svd --counts "$dir/counts.mtx" --k 128 --power-iterations 5
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack \
    .build/release/practiced bench svd --counts "$dir/counts.mtx" --k 128 --power-iterations 5
  .venv-bench/bin/python Benchmarks/svd/reference.py "$dir/counts.mtx" 128
} | tee "Benchmarks/results/svd-$documents.jsonl"
