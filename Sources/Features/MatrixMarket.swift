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
        var reader = EntryReader(path: path)
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) { try reader.consume(line) }
        return try reader.matrix()
    }

    /// Reads a Matrix Market file in chunks: the text is never held whole (a 100,000-document
    /// matrix is ~400 MB of text), only its entries.
    public static func read(contentsOf url: URL, chunkSize: Int = 8 << 20) throws -> SparseMatrix {
        let file = try FileHandle(forReadingFrom: url)
        defer { try? file.close() }
        var reader = EntryReader(path: url.path)
        var carried = Data()
        while let chunk = try file.read(upToCount: chunkSize), !chunk.isEmpty {
            carried.append(chunk)
            guard let lastNewline = carried.lastIndex(of: 0x0A) else { continue }
            for line in carried[..<lastNewline].split(separator: 0x0A, omittingEmptySubsequences: false) { try reader.consume(line) }
            carried = Data(carried[(lastNewline + 1)...])
        }
        if !carried.isEmpty { try reader.consume(carried[...]) }
        return try reader.matrix()
    }
}

/// The entries of a Matrix Market text, line by line, then sorted into CSR.
///
/// Entries are gathered in three flat arrays and sorted by a counting pass, then each row by
/// column in place (memory: the entries and one sorted copy, not a dictionary per row);
/// repeated entries are summed.
private struct EntryReader {
    let path: String
    var rows = 0, columns = 0
    var sawSize = false
    var lineNumber = 0
    var entryRows: [Int32] = [], entryColumns: [Int32] = [], entryValues: [Double] = []

    init(path: String) { self.path = path }

    mutating func consume(_ line: Data.SubSequence) throws {
        lineNumber += 1
        if line.first == UInt8(ascii: "%") || line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { return }
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
            return
        }
        guard fields.count >= 3, let r = Int(String(decoding: fields[0], as: UTF8.self)),
              let c = Int(String(decoding: fields[1], as: UTF8.self)),
              let v = Double(String(decoding: fields[2], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
              (1...max(rows, 1)).contains(r), (1...max(columns, 1)).contains(c) else {
            throw FeatureError.badConfiguration(path: "\(path):\(lineNumber)", reason: "expected 'row column value' within \(rows)×\(columns)")
        }
        entryRows.append(Int32(r - 1))
        entryColumns.append(Int32(c - 1))
        entryValues.append(v)
    }

    mutating func matrix() throws -> SparseMatrix {
        guard sawSize else { throw FeatureError.badConfiguration(path: path, reason: "no size line: not a Matrix Market file") }
        // Counting sort by row.
        var pointers = [Int](repeating: 0, count: rows + 1)
        for row in entryRows { pointers[Int(row) + 1] += 1 }
        for row in 0..<rows { pointers[row + 1] += pointers[row] }
        var next = pointers
        var sortedColumns = [Int32](repeating: 0, count: entryRows.count)
        var sortedValues = [Double](repeating: 0, count: entryRows.count)
        for index in entryRows.indices {
            let row = Int(entryRows[index])
            sortedColumns[next[row]] = entryColumns[index]
            sortedValues[next[row]] = entryValues[index]
            next[row] += 1
        }
        entryRows = []
        entryColumns = []
        entryValues = []
        // Each row by column, repeats summed, compacted in place (the write position never
        // passes the read position).
        var rowPointers = [0]
        rowPointers.reserveCapacity(rows + 1)
        var written = 0
        var rowEntries: [(Int32, Double)] = []
        for row in 0..<rows {
            rowEntries.removeAll(keepingCapacity: true)
            for entry in pointers[row]..<pointers[row + 1] { rowEntries.append((sortedColumns[entry], sortedValues[entry])) }
            rowEntries.sort { $0.0 < $1.0 }
            let rowStart = written
            for (column, value) in rowEntries {
                if written > rowStart, sortedColumns[written - 1] == column {
                    sortedValues[written - 1] += value
                } else {
                    sortedColumns[written] = column
                    sortedValues[written] = value
                    written += 1
                }
            }
            rowPointers.append(written)
        }
        sortedColumns.removeLast(sortedColumns.count - written)
        sortedValues.removeLast(sortedValues.count - written)
        return SparseMatrix(rows: rows, columns: columns, rowPointers: rowPointers, columnIndices: sortedColumns, values: sortedValues)
    }
}
