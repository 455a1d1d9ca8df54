/// A dense matrix of Doubles in column-major order (LAPACK's and BLAS's native layout):
/// element (i, j) is `values[i + j × rows]`.
public struct DenseMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row + column * rows] }
        set { values[row + column * rows] = newValue }
    }

    /// The first `count` columns.
    public func leadingColumns(_ count: Int) -> DenseMatrix {
        DenseMatrix(rows: rows, columns: count, values: Array(values[0..<(rows * count)]))
    }

    /// Row-major copy of the values (for files and row-wise use).
    public var rowMajorValues: [Double] {
        var result = [Double](repeating: 0, count: values.count)
        for column in 0..<columns {
            for row in 0..<rows { result[row * columns + column] = values[row + column * rows] }
        }
        return result
    }
}
