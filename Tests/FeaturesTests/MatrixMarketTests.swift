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

    @Test func readingAFileInChunksGivesTheSameMatrix() throws {
        var sampler = SplitMix64(seed: 5)
        let rows = (0..<40).map { _ in Dictionary((0..<6).map { _ in (Int32(sampler.next() % 30), Double(sampler.next() % 1000) / 8) }, uniquingKeysWith: +) }
        let matrix = SparseMatrix(columns: 30, rows: rows)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).mtx")
        defer { try? FileManager.default.removeItem(at: url) }
        try MatrixMarket.encode(matrix, comment: "chunks").write(to: url, atomically: true, encoding: .utf8)
        // Chunks of 7 bytes cut nearly every line; 1 MiB reads it in one go.
        #expect(try MatrixMarket.read(contentsOf: url, chunkSize: 7) == matrix)
        #expect(try MatrixMarket.read(contentsOf: url) == matrix)
        let bad = url.appendingPathExtension("bad")
        defer { try? FileManager.default.removeItem(at: bad) }
        try "%%MatrixMarket matrix coordinate real general\n2 2 1\n\n2 x 1\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect { try MatrixMarket.read(contentsOf: bad, chunkSize: 5) } throws: { "\($0)".contains(":4") }
    }
}
