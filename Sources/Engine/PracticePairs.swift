import Features

/// Which practices of a query case match which practices of a similar case: the pairs whose
/// TF-IDF cosine is highest, so that a reader sees what was done alike (001-18-p2 ↔ 000-18-p1),
/// not only the words both use.
public struct PracticePair: Sendable, Equatable {
    public let query: String
    public let match: String
    public let cosine: Double
}

struct PracticePairs {
    /// Pairs below this cosine share little more than common words.
    static let minimumCosine = 0.05
    static let shown = 3

    /// The query's practices' ids, and each one's cosines with every practice of the corpus.
    let queryIds: [String]
    let cosines: [[Double]]
    let practiceIds: [String]
    /// Each case's practices (`Recommender.practicesOfCase`).
    let practicesOfCase: [[Int]]

    /// The query's practices: each one's id and TF-IDF row (`FeatureSpace.weights(of:)` for a
    /// pasted case's, `rows(ofCase:recommender:)` for a corpus case's).
    init(query: [(id: String, weights: SparseMatrix)], recommender: Recommender) {
        let byTerm = recommender.scorer.practiceWeightsByTerm
        practiceIds = recommender.scorer.features.practiceIds
        practicesOfCase = recommender.practicesOfCase
        queryIds = query.map(\.id)
        cosines = query.map { CaseScorer.cosines($0.weights, byTerm: byTerm, rows: recommender.scorer.features.practiceIds.count) }
    }

    /// The TF-IDF rows of the practices of the corpus's case at `row`, with their ids. The served
    /// space keeps practice weights term-major only (`CaseScorer.practiceWeightsByTerm`), so each
    /// one's row is gathered from the transpose (kept per case: `SimilarCases.queryPractices`).
    static func rows(ofCase row: Int, recommender: Recommender) -> [(id: String, weights: SparseMatrix)] {
        let features = recommender.scorer.features, byTerm = recommender.scorer.practiceWeightsByTerm
        let queryPractices = recommender.practicesOfCase[row]
        // Each practice's position among the query's, −1 for the others: one array read per
        // posting (a dictionary's hashing here cost more than the rest of the request).
        var position = [Int32](repeating: -1, count: features.practiceIds.count)
        for (index, practice) in queryPractices.enumerated() { position[practice] = Int32(index) }
        var entries = [[(term: Int32, weight: Double)]](repeating: [], count: queryPractices.count)
        if let first = queryPractices.first, let last = queryPractices.last {
            // Over the raw arrays: a row slice per term retained and released was most of the cost.
            byTerm.rowPointers.withUnsafeBufferPointer { pointers in
                byTerm.columnIndices.withUnsafeBufferPointer { columns in
                    byTerm.values.withUnsafeBufferPointer { values in
                        for term in 0..<byTerm.rows {
                            for entry in pointers[term]..<pointers[term + 1] {
                                let practice = Int(columns[entry])
                                guard practice >= first, practice <= last, position[practice] >= 0 else { continue }
                                entries[Int(position[practice])].append((Int32(term), values[entry]))
                            }
                        }
                    }
                }
            }
        }
        return zip(queryPractices, entries).map { practice, row in
            (features.practiceIds[practice],
             SparseMatrix(rows: 1, columns: byTerm.rows, rowPointers: [0, row.count], columnIndices: row.map(\.term), values: row.map(\.weight)))
        }
    }

    /// The best pairs with the practices of the case at `row`, best first, each practice of the
    /// case at most once.
    func pairs(with row: Int) -> [PracticePair] {
        var found: [PracticePair] = []
        for practice in practicesOfCase[row] {
            guard let best = queryIds.indices.max(by: { cosines[$0][practice] < cosines[$1][practice] }),
                  cosines[best][practice] >= Self.minimumCosine else { continue }
            found.append(PracticePair(query: queryIds[best], match: practiceIds[practice], cosine: cosines[best][practice]))
        }
        return Array(found.sorted { $0.cosine > $1.cosine }.prefix(Self.shown))
    }
}
