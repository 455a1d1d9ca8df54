import Features
import Foundation
import Testing

@Suite struct MatrixMarketTests {
    @Test func roundTripAndRepeatedEntries() throws {
        let matrix = SparseMatrix(columns: 5, rows: [[0: 1, 4: 2.5], [:], [2: -0.125, 3: 1e-20]])
        let text = MatrixMarket.encode(matrix, comment: "test")
        #expect(try MatrixMarket.decode(Data(text.utf8), path: "m.mtx") == matrix)
        // Unsorted entries and a repeat (summed), as other writers may produce.
        let other = "%%MatrixMarket matrix coordinate real general\n2 3 4\n2 3 1\n1 2 2\n2 1 4\n2 3 0.5\n"
        #expect(try MatrixMarket.decode(Data(other.utf8), path: "m.mtx") == SparseMatrix(columns: 3, rows: [[1: 2], [0: 4, 2: 1.5]]))
        #expect(throws: FeatureError.self) { try MatrixMarket.decode(Data("%%MatrixMarket\n2 2 1\n3 1 1\n".utf8), path: "bad.mtx") }
    }
}
