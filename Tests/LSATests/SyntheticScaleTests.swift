import Features
import Foundation
@testable import LSA
import Testing

/// The randomized SVD at 10,000 documents, against the exact SVD of the same matrix.
@Suite struct SyntheticScaleTests {
    @Test func randomizedMatchesExactOnTenThousandDocuments() throws {
        let counts = SyntheticCorpus(documents: 10_000, terms: 2_000, topics: 200, wordsPerDocument: 300, seed: 7).counts()
        let tfidf = TfidfWeighting.fit(counts).transform(counts)
        let clock = ContinuousClock()
        var started = clock.now
        let exact = try TruncatedSVD.compute(tfidf, options: .init(k: 50, method: .exact))
        let exactTime = clock.now - started
        started = clock.now
        let randomized = try TruncatedSVD.compute(tfidf, options: .init(k: 50, method: .randomized, oversampling: 50, powerIterations: 5))
        print("10k synthetic: exact \(exactTime), randomized \(clock.now - started); nnz \(tfidf.nonZeroCount)")
        var worst = 0.0
        for (e, r) in zip(exact.singularValues, randomized.singularValues) { worst = max(worst, abs(e - r) / e) }
        print("10k synthetic: largest relative singular value difference \(worst)")
        #expect(worst <= 0.01)

        // Top-10 neighbours of every document, exact space against randomized space.
        func vectors(_ svd: TruncatedSVD) -> RowMajorMatrix {
            var v = RowMajorMatrix(svd.u)
            for row in 0..<v.rows { for c in 0..<v.columns { v[row, c] *= svd.singularValues[c] } }
            return v
        }
        let exactNeighbours = NeighbourIndex(vectors: vectors(exact)).allTopK(10)
        let randomizedNeighbours = NeighbourIndex(vectors: vectors(randomized)).allTopK(10)
        var shared = 0
        for (a, b) in zip(exactNeighbours, randomizedNeighbours) {
            shared += Set(a.map(\.index)).intersection(b.map(\.index)).count
        }
        let overlap = Double(shared) / Double(10 * exactNeighbours.count)
        print("10k synthetic: top-10 neighbour overlap \(overlap)")
        #expect(overlap >= 0.95)
    }
}
