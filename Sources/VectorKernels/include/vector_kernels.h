#ifndef VECTOR_KERNELS_H
#define VECTOR_KERNELS_H

/// Dot products of `count` rows (row-major, `dimensions` floats each) with one query:
/// scores[i] = rows[i] · query.
void vector_kernels_row_dots(const float *rows, long count, long dimensions, const float *query, float *scores);

#endif
