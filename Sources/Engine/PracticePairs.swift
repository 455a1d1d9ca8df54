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

    /// The query case's practices' cosines with every practice of the corpus. The served space
    /// keeps practice weights term-major only (`CaseScorer.practiceWeightsByTerm`), so each query
    /// practice's row is gathered from the transpose.
    let queryPractices: [Int]
    let cosines: [[Double]]
    let practiceIds: [String]
    /// Each case's practices (`Recommender.practicesOfCase`).
    let practicesOfCase: [[Int]]

    init(queryRow: Int, recommender: Recommender) {
        let features = recommender.scorer.features, byTerm = recommender.scorer.practiceWeightsByTerm
        practiceIds = features.practiceIds
        practicesOfCase = recommender.practicesOfCase
        queryPractices = practicesOfCase[queryRow]
        let practices = features.practiceIds.count
        // Each practice's position among the query's, −1 for the others: one array read per
        // posting (a dictionary's hashing here cost more than the rest of the request).
        var position = [Int32](repeating: -1, count: practices)
        for (index, practice) in queryPractices.enumerated() { position[practice] = Int32(index) }
        var entries = [[(term: Int32, weight: Double)]](repeating: [], count: queryPractices.count)
        guard let first = queryPractices.first, let last = queryPractices.last else { cosines = []; return }
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
        cosines = entries.map { row in
            let single = SparseMatrix(rows: 1, columns: byTerm.rows, rowPointers: [0, row.count],
                                      columnIndices: row.map(\.term), values: row.map(\.weight))
            return CaseScorer.cosines(single, byTerm: byTerm, rows: practices)
        }
    }

    /// The best pairs with the practices of the case at `row`, best first, each practice of the
    /// case at most once.
    func pairs(with row: Int) -> [PracticePair] {
        var found: [PracticePair] = []
        for practice in practicesOfCase[row] {
            guard let best = queryPractices.indices.max(by: { cosines[$0][practice] < cosines[$1][practice] }),
                  cosines[best][practice] >= Self.minimumCosine else { continue }
            found.append(PracticePair(query: practiceIds[queryPractices[best]], match: practiceIds[practice],
                                      cosine: cosines[best][practice]))
        }
        return Array(found.sorted { $0.cosine > $1.cosine }.prefix(Self.shown))
    }
}
