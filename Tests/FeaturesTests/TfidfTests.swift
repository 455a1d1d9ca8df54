import Features
import Foundation
import Testing

@Suite struct TfidfTests {
    /// The formula of the doc comment on a matrix small enough to check by hand.
    @Test func formulaOnASmallMatrix() {
        // Two documents; term 0 in both (counts 1 and 3), term 1 only in the first (count 2).
        let counts = SparseMatrix(columns: 2, rows: [[0: 1, 1: 2], [0: 3]])
        let weighting = TfidfWeighting.fit(counts)
        let idf0 = log(3.0 / 3.0) + 1
        let idf1 = log(3.0 / 2.0) + 1
        #expect(weighting.inverseDocumentFrequency == [idf0, idf1])
        let weights = weighting.transform(counts)
        let a = 1 * idf0, b = (1 + log(2.0)) * idf1
        let norm = (a * a + b * b).squareRoot()
        #expect(abs(weights.row(0).values[0] - a / norm) < 1e-15)
        #expect(abs(weights.row(0).values[1] - b / norm) < 1e-15)
        #expect(weights.row(1).values.first == 1)  // a single term: unit length
    }

    @Test func casesAndPracticesShareOneSpace() {
        let space = FeatureSpace(cases: corpus, analyzer: analyzer, tagger: tagger)
        #expect(space.caseIds.count == 65)
        #expect(space.practiceIds.count == corpus.reduce(0) { $0 + $1.practices.count })
        #expect(space.practiceCounts.columns == space.vocabulary.count)
        // Every practice links to its own case.
        for (index, id) in space.practiceIds.enumerated() {
            #expect(id.hasPrefix(space.caseIds[space.practiceCaseRows[index]] + "-p"))
        }
        // Rows are unit vectors.
        for row in 0..<space.caseWeights.rows {
            let norm = space.caseWeights.row(row).values.reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-12)
        }
        // Stop words and punctuation are not terms; domain words are.
        #expect(space.vocabulary.column(of: "的") == nil)
        #expect(space.vocabulary.column(of: "，") == nil)
        #expect(space.vocabulary.column(of: "健康素养") != nil)
        #expect(space.vocabulary.column(of: "医共体") != nil)
        // A query lands in the same space.
        let query = space.weights(of: analyzer.terms("提升居民健康素养"))
        #expect(query.rows == 1 && query.nonZeroCount >= 2)
    }
}
