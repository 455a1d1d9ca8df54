import Dispatch
import Foundation
import Features

/// Sparse × dense products, the kernel of the randomized SVD, spread over all cores.
///
/// Written by hand: BLAS has no sparse routines, and no Swift package here has them. Each row
/// of the result is the sum of the dense factor's rows picked by the sparse row's entries —
/// a contiguous multiply-add the compiler vectorises — and rows are split between threads,
/// which write disjoint parts of the result.
public enum SparseProducts {
    /// A (n×m, CSR) · B (m×l, row-major) → n×l, row-major.
    public static func multiply(_ a: SparseMatrix, _ b: RowMajorMatrix) -> RowMajorMatrix {
        precondition(a.columns == b.rows, "multiply: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        let width = b.columns
        var result = [Double](repeating: 0, count: a.rows * width)
        let chunks = min(max(a.rows / 64, 1), ProcessInfo.processInfo.activeProcessorCount * 8)
        result.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output)
            a.rowPointers.withUnsafeBufferPointer { pointers in
                a.columnIndices.withUnsafeBufferPointer { columns in
                    a.values.withUnsafeBufferPointer { values in
                        b.values.withUnsafeBufferPointer { dense in
                            let shared = UnsafeSendable((pointers, columns, values, dense))
                            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                                let (pointers, columns, values, dense) = shared.value
                                let out = output.value
                                let start = a.rows * chunk / chunks, end = a.rows * (chunk + 1) / chunks
                                for row in start..<end {
                                    let target = out.baseAddress! + row * width
                                    for entry in pointers[row]..<pointers[row + 1] {
                                        let weight = values[entry]
                                        let source = dense.baseAddress! + Int(columns[entry]) * width
                                        for index in 0..<width { target[index] += weight * source[index] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return RowMajorMatrix(rows: a.rows, columns: width, values: result)
    }

    /// Aᵀ as a CSR matrix (m×n): the columns of A as rows. O(non-zeros).
    public static func transpose(_ a: SparseMatrix) -> SparseMatrix {
        var counts = [Int](repeating: 0, count: a.columns + 1)
        for column in a.columnIndices { counts[Int(column) + 1] += 1 }
        for index in 0..<a.columns { counts[index + 1] += counts[index] }
        var next = counts
        var indices = [Int32](repeating: 0, count: a.nonZeroCount)
        var values = [Double](repeating: 0, count: a.nonZeroCount)
        for row in 0..<a.rows {
            for entry in a.rowPointers[row]..<a.rowPointers[row + 1] {
                let column = Int(a.columnIndices[entry])
                indices[next[column]] = Int32(row)
                values[next[column]] = a.values[entry]
                next[column] += 1
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
