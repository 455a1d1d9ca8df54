#ifndef VECTOR_KERNELS_H
#define VECTOR_KERNELS_H

/// Dot products of `count` rows (row-major, `dimensions` floats each) with one query:
/// scores[i] = rows[i] · query.
void vector_kernels_row_dots(const float *rows, long count, long dimensions, const float *query, float *scores);

/// Rows [first_row, end_row) of a sparse (CSR) × dense product: out[r] += Σ values[e] · dense[column[e]].
/// `dense` and `out` are row-major with `width` columns; `out` must start at zero.
void vector_kernels_sparse_rows_times_dense(const long *row_pointers, const int *column_indices, const double *values,
                                            long first_row, long end_row, const double *dense, long width, double *out);

/// The same with a single-precision dense factor and result (the weights stay double): half the
/// bytes gathered per non-zero, for the power iterations of the randomized SVD.
void vector_kernels_sparse_rows_times_dense_f32(const long *row_pointers, const int *column_indices, const double *values,
                                                long first_row, long end_row, const float *dense, long width, float *out);

#endif
