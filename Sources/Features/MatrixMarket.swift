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

    /// Reads a coordinate real (or integer) general matrix, as written by `encode` or scipy.
    public static func decode(_ data: Data, path: String) throws -> SparseMatrix {
        var rows = 0, columns = 0
        var entries: [[Int32: Double]] = []
        var sawSize = false
        var lineNumber = 0
        for line in data.split(separator: 0x0A) {
            lineNumber += 1
            if line.first == UInt8(ascii: "%") || line.isEmpty { continue }
            let fields = line.split(separator: 0x20)
            if !sawSize {
                guard fields.count == 3, let r = Int(String(decoding: fields[0], as: UTF8.self)),
                      let c = Int(String(decoding: fields[1], as: UTF8.self)) else {
                    throw FeatureError.badConfiguration(path: "\(path):\(lineNumber)", reason: "expected 'rows columns entries'")
                }
                rows = r
                columns = c
                entries = Array(repeating: [:], count: r)
                sawSize = true
                continue
            }
            guard fields.count >= 3, let r = Int(String(decoding: fields[0], as: UTF8.self)),
                  let c = Int(String(decoding: fields[1], as: UTF8.self)), let v = Double(String(decoding: fields[2], as: UTF8.self)),
                  (1...rows).contains(r), (1...columns).contains(c) else {
                throw FeatureError.badConfiguration(path: "\(path):\(lineNumber)", reason: "expected 'row column value' within \(rows)×\(columns)")
            }
            entries[r - 1][Int32(c - 1), default: 0] += v
        }
        guard sawSize else { throw FeatureError.badConfiguration(path: path, reason: "no size line: not a Matrix Market file") }
        return SparseMatrix(columns: columns, rows: entries)
    }
}
