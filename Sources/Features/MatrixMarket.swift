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
    /// Entries are gathered in three flat arrays and sorted into CSR by a counting pass
    /// (memory: the entries once, not a dictionary per row); repeated entries are summed.
    public static func decode(_ data: Data, path: String) throws -> SparseMatrix {
        var rows = 0, columns = 0
        var sawSize = false
        var entryRows: [Int32] = [], entryColumns: [Int32] = [], entryValues: [Double] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A) {
            lineNumber += 1
            if line.first == UInt8(ascii: "%") || line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            let fields = line.split(separator: 0x20)
            if !sawSize {
                guard fields.count == 3, let r = Int(String(decoding: fields[0], as: UTF8.self)),
                      let c = Int(String(decoding: fields[1], as: UTF8.self)), let n = Int(String(decoding: fields[2], as: UTF8.self)) else {
                    throw FeatureError.badConfiguration(path: "\(path):\(lineNumber)", reason: "expected 'rows columns entries'")
                }
                (rows, columns, sawSize) = (r, c, true)
                entryRows.reserveCapacity(n)
                entryColumns.reserveCapacity(n)
                entryValues.reserveCapacity(n)
                continue
            }
            guard fields.count >= 3, let r = Int(String(decoding: fields[0], as: UTF8.self)),
                  let c = Int(String(decoding: fields[1], as: UTF8.self)), let v = Double(String(decoding: fields[2], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
                  (1...max(rows, 1)).contains(r), (1...max(columns, 1)).contains(c) else {
                throw FeatureError.badConfiguration(path: "\(path):\(lineNumber)", reason: "expected 'row column value' within \(rows)×\(columns)")
            }
            entryRows.append(Int32(r - 1))
            entryColumns.append(Int32(c - 1))
            entryValues.append(v)
        }
        guard sawSize else { throw FeatureError.badConfiguration(path: path, reason: "no size line: not a Matrix Market file") }
        // Counting sort by row, then each row sorted by column with repeats summed.
        var pointers = [Int](repeating: 0, count: rows + 1)
        for row in entryRows { pointers[Int(row) + 1] += 1 }
        for row in 0..<rows { pointers[row + 1] += pointers[row] }
        var next = pointers
        var columnsSorted = [Int32](repeating: 0, count: entryRows.count)
        var valuesSorted = [Double](repeating: 0, count: entryRows.count)
        for index in entryRows.indices {
            let row = Int(entryRows[index])
            columnsSorted[next[row]] = entryColumns[index]
            valuesSorted[next[row]] = entryValues[index]
            next[row] += 1
        }
        entryRows = []
        entryColumns = []
        entryValues = []
        var finalPointers = [0]
        finalPointers.reserveCapacity(rows + 1)
        var finalColumns: [Int32] = [], finalValues: [Double] = []
        finalColumns.reserveCapacity(columnsSorted.count)
        finalValues.reserveCapacity(columnsSorted.count)
        for row in 0..<rows {
            let range = pointers[row]..<pointers[row + 1]
            let order = range.sorted { columnsSorted[$0] < columnsSorted[$1] }
            for index in order {
                if finalColumns.count > finalPointers[row], finalColumns.last == columnsSorted[index] {
                    finalValues[finalValues.count - 1] += valuesSorted[index]
                } else {
                    finalColumns.append(columnsSorted[index])
                    finalValues.append(valuesSorted[index])
                }
            }
            finalPointers.append(finalColumns.count)
        }
        return SparseMatrix(rows: rows, columns: columns, rowPointers: finalPointers, columnIndices: finalColumns, values: finalValues)
    }
}
