/// A dense matrix in row-major order: element (i, j) is `values[i × columns + j]`. The layout
/// of the sparse × dense kernels (a row of the result is a sum of rows of the dense factor)
/// and of the vectors the engine compares row by row.
public struct RowMajorMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    public init(_ matrix: DenseMatrix) {
        self.init(rows: matrix.rows, columns: matrix.columns, values: matrix.rowMajorValues)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public func row(_ row: Int) -> ArraySlice<Double> {
        values[(row * columns)..<((row + 1) * columns)]
    }

    /// The same matrix in column-major order (LAPACK's layout).
    public var columnMajor: DenseMatrix {
        var result = [Double](repeating: 0, count: values.count)
        for row in 0..<rows {
            for column in 0..<columns { result[row + column * rows] = values[row * columns + column] }
        }
        return DenseMatrix(rows: rows, columns: columns, values: result)
    }
}
