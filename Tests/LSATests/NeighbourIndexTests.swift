import Features
@testable import LSA
import Testing

@Suite struct NeighbourIndexTests {
    @Test func allTopKEqualsBruteForce() {
        var sampler = GaussianSampler(seed: 11)
        let vectors = sampler.matrix(rows: 333, columns: 12)
        let index = NeighbourIndex(vectors: vectors)
        let blocked = index.allTopK(7, blockSize: 50)
        for row in [0, 1, 100, 332] {
            var scores: [(Int, Double)] = []
            for other in 0..<333 where other != row {
                scores.append((other, SemanticSpace.cosine(vectors.row(row), vectors.row(other))))
            }
            let expected = scores.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(7).map(\.0)
            #expect(blocked[row].map(\.index) == Array(expected))
            // A query for the same row, excluding itself, agrees.
            #expect(index.query(Array(vectors.row(row)), top: 7, excluding: [row]).map(\.index) == Array(expected))
        }
    }

    @Test func tiesGoToTheLowerIndexWhateverTheBlocksAndThreads() {
        // Rows 0, 3, 6, … are the same vector: every one of them ties with all the others.
        var sampler = GaussianSampler(seed: 13)
        let distinct = sampler.matrix(rows: 3, columns: 6)
        var vectors = RowMajorMatrix(rows: 90, columns: 6)
        for row in 0..<90 {
            for column in 0..<6 { vectors[row, column] = distinct[row % 3, column] }
        }
        let index = NeighbourIndex(vectors: vectors)
        for blockSize in [7, 32, 1024] {
            let all = index.allTopK(4, blockSize: blockSize)
            #expect(all[0].map(\.index) == [3, 6, 9, 12])
            #expect(all[87].map(\.index) == [0, 3, 6, 9])
        }
        #expect(index.query(Array(vectors.row(4)), top: 3, excluding: [1, 4]).map(\.index) == [7, 10, 13])
    }

    @Test func similaritiesOfTheWholeMatrixMatchPairwiseCosines() {
        var sampler = GaussianSampler(seed: 12)
        let vectors = sampler.matrix(rows: 40, columns: 8)
        let space = SemanticSpace(singularValues: Array(repeating: 1, count: 8), termBasis: DenseMatrix(rows: 1, columns: 8),
                                  caseVectors: vectors, practiceVectors: RowMajorMatrix(rows: 0, columns: 8))
        let all = space.caseSimilarities()
        for (i, j) in [(0, 1), (5, 39), (17, 17)] {
            #expect(abs(all[i, j] - SemanticSpace.cosine(vectors.row(i), vectors.row(j))) < 1e-12)
        }
    }
}
