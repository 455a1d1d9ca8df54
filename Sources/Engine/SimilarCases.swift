import Corpus
import Features
import LSA

/// One case like the query, and what they share.
public struct SimilarCase: Sendable {
    public let rank: Int
    public let row: Int
    public let caseId: String
    /// Weighted mean of the LSA cosine, the TF-IDF cosine and the tag overlap (0–1), less the
    /// case's hubness times its weight (`CaseHubness`): may fall below 0.
    public let score: Double
    public let semantic: Double
    public let text: Double
    public let tagOverlap: Double
    /// What the hubness correction took off (score = the weighted mean − this).
    public let hubness: Double
    /// The weighted mean before the correction, 0–1: the similarity a reader is shown.
    public var similarity: Double { score + hubness }
    /// Terms of the query that weigh most in this case, heaviest first.
    public let terms: [String]
    /// Tags both carry, in taxonomy order.
    public let tags: [String]
    /// The query case's practices and this case's that match best (none for a text query).
    public let practicePairs: [PracticePair]
}

/// The weights of `SimilarCases` (`similar.weights` in the configuration).
public struct SimilarityWeights: Sendable, Equatable, Hashable {
    public var semantic, text, tags: Double
    /// How much of a candidate's hubness (its mean TF-IDF cosine to its `neighbours` nearest
    /// cases) is taken off its TF-IDF cosine.
    public var hubness: Double
    public var neighbours: Int

    public init(semantic: Double, text: Double, tags: Double, hubness: Double = 0, neighbours: Int = 10) {
        (self.semantic, self.text, self.tags, self.hubness, self.neighbours) = (semantic, text, tags, hubness, neighbours)
    }
}

/// Cases that resemble a case of the corpus, or a pasted text: the LSA cosine (shared topics
/// even without shared words), the TF-IDF cosine (the same words) and the overlap (Jaccard) of
/// their tags, each 0–1, weighted.
public struct SimilarCases: Sendable {
    public let recommender: Recommender
    public let weights: SimilarityWeights
    /// Each case's hubness by neighbour count, computed on first use (all pairs of cases).
    let hubness: Memo<[Double]>

    public init(recommender: Recommender, weights: SimilarityWeights) {
        self.init(recommender: recommender, weights: weights, hubness: Memo())
    }

    init(recommender: Recommender, weights: SimilarityWeights, hubness: Memo<[Double]>) {
        self.recommender = recommender
        self.weights = weights
        self.hubness = hubness
    }

    /// The same cases with other weights, sharing the hubness already computed (the
    /// evaluation's search over weights).
    public func weighted(_ weights: SimilarityWeights) -> SimilarCases {
        SimilarCases(recommender: recommender, weights: weights, hubness: hubness)
    }

    func hubness(neighbours: Int) -> [Double] {
        hubness.value(neighbours) {
            CaseHubness.of(weights: scorer.features.caseWeights, byTerm: scorer.caseWeightsByTerm, neighbours: neighbours)
        }
    }

    var scorer: CaseScorer { recommender.scorer }

    /// Cases like the corpus's case `id` (never itself).
    public func similar(toCase id: String, top: Int, filter: CaseFilter = CaseFilter()) throws -> [SimilarCase] {
        let features = scorer.features
        guard let row = features.caseIds.firstIndex(of: id) else { throw EngineError.unknownCase(id) }
        let weightsRow = Self.singleRow(features.caseWeights, row)
        let vector = Array(scorer.similarity.space.caseVectors.row(row))
        return try ranked(query: weightsRow, vector: vector, tags: scorer.tagKeys(row: row), excluding: row, top: top, filter: filter)
    }

    /// Cases like a text (a new case, a region's report): its terms and tags.
    public func similar(toTerms terms: [String], tags: Set<String>, top: Int, filter: CaseFilter = CaseFilter()) throws -> [SimilarCase] {
        try ranked(query: scorer.features.weights(of: terms), vector: scorer.similarity.vector(of: terms), tags: tags, excluding: nil, top: top, filter: filter)
    }

    private func ranked(query: SparseMatrix, vector: [Double], tags: Set<String>, excluding: Int?, top: Int, filter: CaseFilter) throws -> [SimilarCase] {
        let features = scorer.features
        let categoryKey = try filter.validated(taxonomy: scorer.taxonomy)
        let queryNorm = query.dot(row: 0, with: query, row: 0).squareRoot()
        let total = weights.semantic + weights.text + weights.tags
        let hubs = weights.hubness != 0 ? hubness(neighbours: weights.neighbours) : []
        let candidates = features.caseIds.indices.filter { row in
            row != excluding && (filter.isEmpty || filter.admits(recommender.cases.facts[row], action: recommender.caseActions[row], categoryKey: categoryKey))
        }
        let scored = candidates.map { row -> (row: Int, score: Double, blend: Double, semantic: Double, text: Double, overlap: Double, shared: Set<String>) in
            let semantic = max(SemanticSpace.cosine(vector[...], scorer.similarity.space.caseVectors.row(row)), 0)
            let caseNorm = features.caseWeights.dot(row: row, with: features.caseWeights, row: row).squareRoot()
            let text = queryNorm > 0 && caseNorm > 0 ? query.dot(row: 0, with: features.caseWeights, row: row) / (queryNorm * caseNorm) : 0
            let theirs = scorer.tagKeys(row: row)
            let shared = tags.intersection(theirs), union = tags.union(theirs)
            let overlap = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)
            let blend = total > 0 ? (weights.semantic * semantic + weights.text * text + weights.tags * overlap) / total : 0
            // The hubness is a TF-IDF cosine: taken off in the TF-IDF cosine's share of the blend.
            let correction = hubs.isEmpty || total <= 0 ? 0 : weights.hubness * weights.text / total * hubs[row]
            return (row, blend - correction, blend, semantic, text, overlap, shared)
        }
        let order = scorer.taxonomy.tags.map(\.key)
        let pairs = excluding.map { PracticePairs(queryRow: $0, recommender: recommender) }
        // A case that shares nothing with the query (its blend 0) comes after every case that
        // shares something, however little of a hub it is.
        return scored.sorted {
            ($0.blend > 0) != ($1.blend > 0) ? $0.blend > 0 : ($0.score > $1.score || ($0.score == $1.score && $0.row < $1.row))
        }.prefix(top).enumerated().map { offset, item in
            SimilarCase(
                rank: offset + 1, row: item.row, caseId: features.caseIds[item.row], score: item.score,
                semantic: item.semantic, text: item.text, tagOverlap: item.overlap, hubness: item.blend - item.score,
                terms: Explanation.sharedTerms(query, features.caseWeights, row: item.row, vocabulary: features.vocabulary),
                tags: order.filter(item.shared.contains), practicePairs: pairs?.pairs(with: item.row) ?? [])
        }
    }

    /// Row `row` of a sparse matrix as a one-row matrix.
    static func singleRow(_ matrix: SparseMatrix, _ row: Int) -> SparseMatrix {
        let slice = matrix.row(row)
        return SparseMatrix(rows: 1, columns: matrix.columns, rowPointers: [0, slice.columns.count],
                            columnIndices: Array(slice.columns), values: Array(slice.values))
    }
}
