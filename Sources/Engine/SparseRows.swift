/// Shared columns of two sparse rows whose columns are sorted (CSR rows are).
enum SparseRows {
    typealias Row = (columns: ArraySlice<Int32>, values: ArraySlice<Double>)

    /// Calls `body(column, value in a, value in b)` for each column both rows hold, in the order
    /// of the shorter row; each of its entries is found in the longer by binary search.
    static func forEachShared(_ a: Row, _ b: Row, _ body: (Int32, Double, Double) -> Void) {
        let swap = a.columns.count > b.columns.count
        let (short, long) = swap ? (b, a) : (a, b)
        var low = long.columns.startIndex
        for index in short.columns.indices {
            let column = short.columns[index]
            var high = long.columns.endIndex
            while low < high {
                let middle = (low + high) / 2
                if long.columns[middle] < column { low = middle + 1 } else { high = middle }
            }
            guard low < long.columns.endIndex else { return }
            if long.columns[low] == column {
                body(column, swap ? long.values[low] : short.values[index], swap ? short.values[index] : long.values[low])
            }
        }
    }
}
