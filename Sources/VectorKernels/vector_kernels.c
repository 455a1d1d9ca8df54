// The one kernel of the product written in C, for one reason: a single neighbour query reads
// every vector once and is bound by how many floats one instruction handles. Swift compiles for
// the baseline x86-64 (SSE2, 4 floats); `target_clones` makes the compiler emit an AVX2 + FMA
// version as well and pick it at load time on CPUs that have it, as numpy and faiss do.
// BLAS sgemv does the same product but is tuned for large blocks, not a fused scan of short
// chunks (measured slower here, see Benchmarks/RESULTS.md). The sparse × dense loops of the
// randomized SVD are here for the same reason (AVX2/AVX-512 versions of the multiply-add).
#include "vector_kernels.h"

__attribute__((target_clones("arch=x86-64-v3", "default")))
void vector_kernels_row_dots(const float *rows, long count, long dimensions, const float *query, float *scores) {
    // Summing in any order lets the compiler keep several vector accumulators.
#pragma clang fp reassociate(on)
    for (long row = 0; row < count; row++) {
        const float *vector = rows + row * dimensions;
        float sum = 0;
        for (long i = 0; i < dimensions; i++) sum += vector[i] * query[i];
        scores[row] = sum;
    }
}

__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
void vector_kernels_sparse_rows_times_dense(const long *row_pointers, const int *column_indices, const double *values,
                                            long first_row, long end_row, const double *dense, long width, double *out) {
    for (long row = first_row; row < end_row; row++) {
        double *restrict target = out + row * width;
        for (long entry = row_pointers[row]; entry < row_pointers[row + 1]; entry++) {
            const double weight = values[entry];
            const double *restrict source = dense + (long)column_indices[entry] * width;
            for (long i = 0; i < width; i++) target[i] += weight * source[i];
        }
    }
}

__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
void vector_kernels_sparse_rows_times_dense_f32(const long *row_pointers, const int *column_indices, const double *values,
                                                long first_row, long end_row, const float *dense, long width, float *out) {
    for (long row = first_row; row < end_row; row++) {
        float *restrict target = out + row * width;
        for (long entry = row_pointers[row]; entry < row_pointers[row + 1]; entry++) {
            const float weight = (float)values[entry];
            const float *restrict source = dense + (long)column_indices[entry] * width;
            for (long i = 0; i < width; i++) target[i] += weight * source[i];
        }
    }
}
