/// A sparse matrix in compressed sparse row form (CSR), the layout scipy calls `csr_matrix`:
/// the entries of row r are `columnIndices[rowPointers[r]..<rowPointers[r+1]]` with their
/// `values`, columns ascending within a row.
public struct SparseMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public private(set) var rowPointers: [Int]
    public private(set) var columnIndices: [Int32]
    public private(set) var values: [Double]

    public init(rows: Int, columns: Int, rowPointers: [Int], columnIndices: [Int32], values: [Double]) {
        precondition(rowPointers.count == rows + 1 && columnIndices.count == values.count)
        self.rows = rows
        self.columns = columns
        self.rowPointers = rowPointers
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Builds a matrix from one dictionary (column → value) per row.
    public init(columns: Int, rows entries: [[Int32: Double]]) {
        var pointers = [0]
        var indices: [Int32] = []
        var values: [Double] = []
        for row in entries {
            for (column, value) in row.sorted(by: { $0.key < $1.key }) where value != 0 {
                indices.append(column)
                values.append(value)
            }
            pointers.append(indices.count)
        }
        self.init(rows: entries.count, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
    }

    public var nonZeroCount: Int { values.count }

    public func row(_ row: Int) -> (columns: ArraySlice<Int32>, values: ArraySlice<Double>) {
        let range = rowPointers[row]..<rowPointers[row + 1]
        return (columnIndices[range], values[range])
    }

    /// The same sparsity pattern with each value transformed by `transform(value, column)`.
    public func mapValues(_ transform: (Double, Int) -> Double) -> SparseMatrix {
        var copy = self
        for index in values.indices { copy.values[index] = transform(values[index], Int(columnIndices[index])) }
        return copy
    }

    /// Each row scaled to unit Euclidean length (rows of zeros stay zero).
    public func normalizingRows() -> SparseMatrix {
        var copy = self
        for row in 0..<rows {
            let range = rowPointers[row]..<rowPointers[row + 1]
            var sum = 0.0
            for index in range { sum += values[index] * values[index] }
            guard sum > 0 else { continue }
            let norm = sum.squareRoot()
            for index in range { copy.values[index] = values[index] / norm }
        }
        return copy
    }
}
