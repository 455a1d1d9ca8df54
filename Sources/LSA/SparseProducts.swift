import Dispatch
import Foundation
import Features
import VectorKernels

/// Sparse × dense products, the kernel of the randomized SVD, spread over all cores.
///
/// Written by hand (the loop in C, `vector_kernels.c`, for AVX2/AVX-512 dispatch): BLAS has no
/// sparse routines, and no Swift package here has them. Each row of the result is the sum of
/// the dense factor's rows picked by the sparse row's entries — a contiguous multiply-add — and
/// rows are split between threads, which write disjoint parts of the result. The time goes to
/// gathering those dense rows from memory (measured: ~15 GB/s, far below the arithmetic peak),
/// which is why single precision, half the bytes, is offered for the power iterations.
public enum SparseProducts {
    public enum Precision: Sendable {
        /// Double throughout.
        case double
        /// The dense factor and the result in single precision (the weights stay double);
        /// ~7 significant digits, enough to find a subspace, twice as fast.
        case single
    }

    /// A (n×m, CSR) · B (m×l, row-major) → n×l, row-major. B is consumed: a caller that gives
    /// it up lets the single-precision path free it before the result is made.
    public static func multiply(_ a: SparseMatrix, _ b: consuming RowMajorMatrix, precision: Precision = .double) -> RowMajorMatrix {
        precondition(a.columns == b.rows, "multiply: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        let width = b.columns
        guard a.nonZeroCount > 0, width > 0 else { return RowMajorMatrix(rows: a.rows, columns: width) }
        switch precision {
        case .double:
            var result = [Double](repeating: 0, count: a.rows * width)
            result.withUnsafeMutableBufferPointer { output in
                let output = UnsafeSendable(output.baseAddress!)
                b.values.withUnsafeBufferPointer { dense in
                    let dense = UnsafeSendable(dense.baseAddress!)
                    forEachRowRange(of: a) { pointers, columns, values, start, end in
                        vector_kernels_sparse_rows_times_dense(pointers, columns, values, start, end, dense.value, width, output.value)
                    }
                }
            }
            return RowMajorMatrix(rows: a.rows, columns: width, values: result)
        case .single:
            let rows = a.rows
            let result = singleProduct(a, (consume b).values.map(Float.init), width: width)
            return RowMajorMatrix(rows: rows, columns: width, values: result.map(Double.init))
        }
    }

    /// A · B in single precision, B given as row-major floats (freed on return).
    private static func singleProduct(_ a: SparseMatrix, _ dense: [Float], width: Int) -> [Float] {
        var result = [Float](repeating: 0, count: a.rows * width)
        result.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output.baseAddress!)
            dense.withUnsafeBufferPointer { dense in
                let dense = UnsafeSendable(dense.baseAddress!)
                forEachRowRange(of: a) { pointers, columns, values, start, end in
                    vector_kernels_sparse_rows_times_dense_f32(pointers, columns, values, start, end, dense.value, width, output.value)
                }
            }
        }
        return result
    }

    /// Calls `body` on ranges of A's rows from all cores (more ranges than cores, so that a
    /// slow core does not hold the others back), with A's CSR arrays.
    private static func forEachRowRange(
        of a: SparseMatrix,
        _ body: @Sendable (UnsafePointer<Int>, UnsafePointer<Int32>, UnsafePointer<Double>, Int, Int) -> Void
    ) {
        // A few rows (a query: one) are done here: no dispatch, no asking for the processor count
        // (which reads the system's files, a measurable part of a daemon request).
        let ranges = a.rows < 128 ? 1 : min(a.rows / 64, processorCount * 8)
        a.rowPointers.withUnsafeBufferPointer { pointers in
            a.columnIndices.withUnsafeBufferPointer { columns in
                a.values.withUnsafeBufferPointer { values in
                    if ranges == 1 { return body(pointers.baseAddress!, columns.baseAddress!, values.baseAddress!, 0, a.rows) }
                    let arrays = UnsafeSendable((pointers.baseAddress!, columns.baseAddress!, values.baseAddress!))
                    DispatchQueue.concurrentPerform(iterations: ranges) { range in
                        let (pointers, columns, values) = arrays.value
                        body(pointers, columns, values, a.rows * range / ranges, a.rows * (range + 1) / ranges)
                    }
                }
            }
        }
    }

    private static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// Aᵀ as a CSR matrix (m×n): the columns of A as rows. O(non-zeros).
    public static func transpose(_ a: SparseMatrix) -> SparseMatrix {
        var counts = [Int](repeating: 0, count: a.columns + 1)
        for column in a.columnIndices { counts[Int(column) + 1] += 1 }
        for index in 0..<a.columns { counts[index + 1] += counts[index] }
        var next = counts
        var indices = [Int32](repeating: 0, count: a.nonZeroCount)
        var values = [Double](repeating: 0, count: a.nonZeroCount)
        // Over raw buffers: a start transposes three matrices of ten million entries each, and
        // the checked subscripts were most of it.
        next.withUnsafeMutableBufferPointer { next in
            indices.withUnsafeMutableBufferPointer { indices in
                values.withUnsafeMutableBufferPointer { values in
                    a.rowPointers.withUnsafeBufferPointer { pointers in
                        a.columnIndices.withUnsafeBufferPointer { columns in
                            a.values.withUnsafeBufferPointer { entries in
                                for row in 0..<a.rows {
                                    for entry in pointers[row]..<pointers[row + 1] {
                                        let column = Int(columns[entry]), slot = next[column]
                                        indices[slot] = Int32(truncatingIfNeeded: row)
                                        values[slot] = entries[entry]
                                        next[column] = slot + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return SparseMatrix(rows: a.columns, columns: a.rows, rowPointers: counts, columnIndices: indices, values: values)
    }

    /// A (n×m, CSR) as a dense column-major matrix.
    public static func dense(_ a: SparseMatrix) -> DenseMatrix {
        var result = DenseMatrix(rows: a.rows, columns: a.columns)
        for row in 0..<a.rows {
            for entry in a.rowPointers[row]..<a.rowPointers[row + 1] {
                result[row, Int(a.columnIndices[entry])] = a.values[entry]
            }
        }
        return result
    }
}

/// Hands a value to concurrent work whose accesses are disjoint by construction.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
