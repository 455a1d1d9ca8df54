import Foundation

/// Writes a matrix in the Matrix Market exchange format (coordinate, real, general), the format
/// scipy.io.mmread reads: a header, `rows columns entries`, then `row column value` lines with
/// 1-based indices. Values are written in Swift's shortest form that reads back to the same
/// Double, so that a reference tool sees exactly our numbers.
public enum MatrixMarket {
    public static func encode(_ matrix: SparseMatrix, comment: String) -> String {
        var lines = ["%%MatrixMarket matrix coordinate real general"]
        for line in comment.split(separator: "\n") { lines.append("% " + line) }
        lines.append("\(matrix.rows) \(matrix.columns) \(matrix.nonZeroCount)")
        var text = lines.joined(separator: "\n") + "\n"
        text.reserveCapacity(text.utf8.count + matrix.nonZeroCount * 24)
        for row in 0..<matrix.rows {
            let (columns, values) = matrix.row(row)
            for (column, value) in zip(columns, values) {
                text += "\(row + 1) \(column + 1) \(Self.format(value))\n"
            }
        }
        return text
    }

    /// A dense matrix (row-major values), every entry written, in the same coordinate format.
    public static func encodeDense(rows: Int, columns: Int, rowMajor values: [Double], comment: String) -> String {
        var lines = ["%%MatrixMarket matrix coordinate real general"]
        for line in comment.split(separator: "\n") { lines.append("% " + line) }
        lines.append("\(rows) \(columns) \(rows * columns)")
        var text = lines.joined(separator: "\n") + "\n"
        for row in 0..<rows {
            for column in 0..<columns { text += "\(row + 1) \(column + 1) \(format(values[row * columns + column]))\n" }
        }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
