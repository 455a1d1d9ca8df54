import Features

/// Similar cases measured on judged queries (`eval/similar-dev-qrels.json`: for each query case,
/// two judges' mean grade 0–3 of every other case): nDCG@10 of `similar ID` per query, the
/// query left out, beside the floor every similarity must beat — the TF-IDF cosine of the whole
/// case texts, with the product's own analyzer and weights. With a grid of weights, also the
/// held-out figure: each query ranked with the weights best on the other queries (folds of
/// whole queries), and the weights best on all of them (what `practiced eval --fit` writes).
public struct JudgedSimilarity: Sendable {
    public struct Query: Sendable {
        public let key: String
        public let title: String
        /// With the similarity's own weights.
        public let ndcg: Double
        public let floor: Double
        /// With the weights chosen on the other queries (nil without a grid).
        public let heldOut: Double?
        public let heldOutWeights: SimilarityWeights?
    }

    public let queries: [Query]
    /// The weights of the grid best on every query, and their nDCG@10 (in-sample).
    public let best: (weights: SimilarityWeights, ndcg: Double)?
    public var ndcg: Double { mean(\.ndcg) }
    public var floor: Double { mean(\.floor) }
    public var heldOut: Double? { queries.allSatisfy { $0.heldOut != nil } && !queries.isEmpty ? mean { $0.heldOut! } : nil }

    /// `keys`: each case's judgment key (`Judgments.key(of:)`), in corpus order.
    public init(_ similar: SimilarCases, judgments: Judgments, keys: [String], grid: [SimilarityWeights] = []) throws {
        let rows = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let weights = similar.recommender.scorer.features.caseWeights
        let cases = similar.recommender.cases
        let judged = try judgments.grades.keys.sorted().map { key in
            guard let row = rows[key] else { throw EngineError.badInput(path: "similar judgments", reason: "no case of the corpus has the key \(key)") }
            return (key: key, row: row, grades: judgments.grades[key]!.filter { $0.key != key })
        }
        func ndcg(_ similar: SimilarCases, _ query: (key: String, row: Int, grades: [String: Double])) throws -> Double {
            RankingMetrics.ndcg(try similar.similar(toCase: cases.ids[query.row], top: 10).map { keys[$0.row] }, grades: query.grades)
        }
        // Every query under every weighting of the grid: [weighting][query].
        let table = try grid.map { weighting in try judged.map { try ndcg(similar.weighted(weighting), $0) } }
        let total = { (index: Int, queries: [Int]) in queries.reduce(0) { $0 + table[index][$1] } }
        queries = try judged.enumerated().map { position, query in
            let cosines = keys.indices.map { $0 == query.row ? -Double.infinity : weights.dot(row: query.row, with: weights, row: $0) }
            let floorRanked = RankingMetrics.topPositions(cosines, count: 10).map { keys[$0] }
            let others = judged.indices.filter { $0 != position }
            let chosen = grid.indices.max { total($0, others) < total($1, others) || (total($0, others) == total($1, others) && $0 > $1) }
            return Query(key: query.key, title: cases.facts[query.row].title ?? cases.ids[query.row],
                         ndcg: try ndcg(similar, query), floor: RankingMetrics.ndcg(floorRanked, grades: query.grades),
                         heldOut: chosen.map { table[$0][position] }, heldOutWeights: chosen.map { grid[$0] })
        }
        let all = Array(judged.indices)
        best = grid.indices.max { total($0, all) < total($1, all) || (total($0, all) == total($1, all) && $0 > $1) }
            .map { (grid[$0], total($0, all) / Double(max(all.count, 1))) }
    }

    /// The grid `practiced eval` searches: the text cosine's weight fixed at 1; its space (a
    /// term's count to the power 0.5, 0.75 or 1; pieces of long words or not), the tags' weight
    /// and the hubness correction over a few values (few: nine queries choose among them, and a
    /// finer grid only fits them closer). Places weigh 0 throughout (a rule, not a fit: they say
    /// where, not what); the LSA cosine, never chosen in the first grid, is left out.
    public static let grid: [SimilarityWeights] = [0.5, 0.75, 1].flatMap { power in
        [false, true].flatMap { subwords in
            [0.0, 0.25].flatMap { tags in
                [0.5, 0.75, 1].map {
                    SimilarityWeights(semantic: 0, text: 1, tags: tags, hubness: $0, neighbours: 10,
                                      termFrequencyPower: power, subwords: subwords, placeWeight: 0)
                }
            }
        }
    }

    private func mean(_ value: (Query) -> Double) -> Double {
        queries.isEmpty ? 0 : queries.map(value).reduce(0, +) / Double(queries.count)
    }
}
