import Features

/// Similar cases measured on judged queries (`eval/similar-dev-qrels.json`: for each query case,
/// two judges' mean grade 0–3 of every other case): nDCG@10 of `similar ID` per query, the
/// query left out, beside the floor every similarity must beat — the TF-IDF cosine of the whole
/// case texts, with the product's own analyzer and weights.
public struct JudgedSimilarity: Sendable {
    public struct Query: Sendable {
        public let key: String
        public let title: String
        public let ndcg: Double
        public let floor: Double
    }

    public let queries: [Query]
    public var ndcg: Double { mean(\.ndcg) }
    public var floor: Double { mean(\.floor) }

    /// `keys`: each case's judgment key (`Judgments.key(of:)`), in corpus order.
    public init(_ similar: SimilarCases, judgments: Judgments, keys: [String]) throws {
        let rows = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let weights = similar.recommender.scorer.features.caseWeights
        let cases = similar.recommender.cases
        queries = try judgments.grades.keys.sorted().map { key in
            guard let row = rows[key] else { throw EngineError.badInput(path: "similar judgments", reason: "no case of the corpus has the key \(key)") }
            let grades = judgments.grades[key]!.filter { $0.key != key }
            let found = try similar.similar(toCase: cases.ids[row], top: 10).map { keys[$0.row] }
            let cosines = keys.indices.map { $0 == row ? -Double.infinity : weights.dot(row: row, with: weights, row: $0) }
            let floorRanked = cosines.indices.sorted { cosines[$0] > cosines[$1] || (cosines[$0] == cosines[$1] && $0 < $1) }.prefix(10).map { keys[$0] }
            return Query(key: key, title: cases.facts[row].title ?? cases.ids[row],
                         ndcg: RankingMetrics.ndcg(found, grades: grades), floor: RankingMetrics.ndcg(Array(floorRanked), grades: grades))
        }
    }

    private func mean(_ value: KeyPath<Query, Double>) -> Double {
        queries.isEmpty ? 0 : queries.map { $0[keyPath: value] }.reduce(0, +) / Double(queries.count)
    }
}
