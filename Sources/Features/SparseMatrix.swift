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

    /// Σ of products over the columns row `row` shares with row `otherRow` of `other`. A query
    /// has a handful of terms and a case hundreds: each entry of the shorter row is found in the
    /// longer by binary search. On the arrays themselves, not row slices: handing slices across
    /// modules copied them through generic witnesses on every practice of every request.
    public func dot(row: Int, with other: SparseMatrix, row otherRow: Int) -> Double {
        var sum = 0.0
        forEachShared(row: row, with: other, row: otherRow) { _, mine, theirs in sum += mine * theirs }
        return sum
    }

    /// The columns both rows hold, with their two values, in column order.
    public func shared(row: Int, with other: SparseMatrix, row otherRow: Int) -> [(column: Int32, mine: Double, theirs: Double)] {
        var result: [(column: Int32, mine: Double, theirs: Double)] = []
        forEachShared(row: row, with: other, row: otherRow) { result.append(($0, $1, $2)) }
        return result
    }

    @inline(__always)
    private func forEachShared(row: Int, with other: SparseMatrix, row otherRow: Int, _ body: (Int32, Double, Double) -> Void) {
        let mine = rowPointers[row]..<rowPointers[row + 1], theirs = other.rowPointers[otherRow]..<other.rowPointers[otherRow + 1]
        let mineIsShort = mine.count <= theirs.count
        let (short, long) = mineIsShort ? (mine, theirs) : (theirs, mine)
        let (shortColumns, longColumns) = mineIsShort ? (columnIndices, other.columnIndices) : (other.columnIndices, columnIndices)
        let (shortValues, longValues) = mineIsShort ? (values, other.values) : (other.values, values)
        var low = long.lowerBound
        for index in short {
            let column = shortColumns[index]
            var high = long.upperBound
            while low < high {
                let middle = (low + high) / 2
                if longColumns[middle] < column { low = middle + 1 } else { high = middle }
            }
            guard low < long.upperBound else { return }
            if longColumns[low] == column {
                body(column, mineIsShort ? shortValues[index] : longValues[low], mineIsShort ? longValues[low] : shortValues[index])
            }
        }
    }
}
