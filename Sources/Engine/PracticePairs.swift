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
    let features: FeatureSpace

    init(queryRow: Int, features: FeatureSpace, byTerm: SparseMatrix) {
        self.features = features
        queryPractices = features.practiceCaseRows.indices.filter { features.practiceCaseRows[$0] == queryRow }
        let position = Dictionary(uniqueKeysWithValues: queryPractices.enumerated().map { ($1, $0) })
        var entries = [[(term: Int32, weight: Double)]](repeating: [], count: queryPractices.count)
        for term in 0..<byTerm.rows {
            let postings = byTerm.row(term)
            for (practice, weight) in zip(postings.columns, postings.values) {
                if let index = position[Int(practice)] { entries[index].append((Int32(term), weight)) }
            }
        }
        let practices = features.practiceIds.count
        cosines = entries.map { row in
            let single = SparseMatrix(rows: 1, columns: byTerm.rows, rowPointers: [0, row.count],
                                      columnIndices: row.map(\.term), values: row.map(\.weight))
            return CaseScorer.cosines(single, byTerm: byTerm, rows: practices)
        }
    }

    /// The best pairs with the practices of the case at `row`, best first, each practice of the
    /// case at most once.
    func pairs(with row: Int) -> [PracticePair] {
        let theirs = features.practiceCaseRows.indices.filter { features.practiceCaseRows[$0] == row }
        var found: [PracticePair] = []
        for practice in theirs {
            guard let best = queryPractices.indices.max(by: { cosines[$0][practice] < cosines[$1][practice] }),
                  cosines[best][practice] >= Self.minimumCosine else { continue }
            found.append(PracticePair(query: features.practiceIds[queryPractices[best]], match: features.practiceIds[practice],
                                      cosine: cosines[best][practice]))
        }
        return Array(found.sorted { $0.cosine > $1.cosine }.prefix(Self.shown))
    }
}
