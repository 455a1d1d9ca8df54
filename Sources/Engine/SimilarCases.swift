import CMalloc
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
    /// The query case's practices and this case's that match best (none for a text not read as a case).
    public let practicePairs: [PracticePair]
}

/// The weights of `SimilarCases` (`similar.weights` and `similar.space` in the configuration).
public struct SimilarityWeights: Sendable, Equatable, Hashable {
    public var semantic, text, tags: Double
    /// How much of a candidate's hubness (its mean cosine to its `neighbours` nearest cases) is
    /// taken off its text cosine.
    public var hubness: Double
    public var neighbours: Int
    /// The text cosine's space (`SubwordSpace`): a term's count to this power, pieces of long
    /// words counted, a place's terms times `placeWeight`.
    public var termFrequencyPower: Double
    public var subwords: Bool
    public var placeWeight: Double

    public init(semantic: Double, text: Double, tags: Double, hubness: Double = 0, neighbours: Int = 10,
                termFrequencyPower: Double = 0.75, subwords: Bool = true, placeWeight: Double = 0) {
        (self.semantic, self.text, self.tags, self.hubness, self.neighbours) = (semantic, text, tags, hubness, neighbours)
        (self.termFrequencyPower, self.subwords, self.placeWeight) = (termFrequencyPower, subwords, placeWeight)
    }

    var spaceOptions: SubwordSpace.Options {
        SubwordSpace.Options(power: termFrequencyPower, subwords: subwords, placeWeight: placeWeight)
    }
}

/// Cases that resemble a case of the corpus, or a pasted text: the cosine of their texts in
/// the `SubwordSpace` (the same work named alike), the LSA cosine (shared topics even without
/// shared words) and the overlap (Jaccard) of their tags, each 0–1, weighted; less the
/// candidate's hubness (`CaseHubness`).
public struct SimilarCases: Sendable {
    public let recommender: Recommender
    public let weights: SimilarityWeights
    /// The text spaces by their options, each built on first use.
    let spaces: Memo<SubwordSpace.Options, SubwordSpace>
    /// The practice rows of the cases asked about (`PracticePairs.rows(ofCase:recommender:)`).
    let queryPractices: RowMemo<[(id: String, weights: SparseMatrix)]>

    public init(recommender: Recommender, weights: SimilarityWeights) {
        self.init(recommender: recommender, weights: weights, spaces: Memo(), queryPractices: RowMemo())
    }

    init(recommender: Recommender, weights: SimilarityWeights, spaces: Memo<SubwordSpace.Options, SubwordSpace>,
         queryPractices: RowMemo<[(id: String, weights: SparseMatrix)]>) {
        self.recommender = recommender
        self.weights = weights
        self.spaces = spaces
        self.queryPractices = queryPractices
    }

    /// The same cases with other weights, sharing what is already computed (the evaluation's
    /// search over weights).
    public func weighted(_ weights: SimilarityWeights) -> SimilarCases {
        SimilarCases(recommender: recommender, weights: weights, spaces: spaces, queryPractices: queryPractices)
    }

    var space: SubwordSpace {
        spaces.value(weights.spaceOptions) {
            let space = SubwordSpace(countsByTerm: scorer.bm25.countsByTerm, caseTerms: scorer.features.caseWeights,
                                     vocabulary: scorer.features.vocabulary, placeWords: scorer.placeWords, options: weights.spaceOptions)
            // The build's scratch (a count table per case) back to the system: at 50,000 cases
            // it was as large as the space itself and stayed in the daemon's heap.
            malloc_trim(0)
            return space
        }
    }

    func hubness(neighbours: Int) -> [Double] {
        let space = space
        return space.hubness.value(neighbours) {
            let hubness = CaseHubness.of(space, neighbours: neighbours)
            malloc_trim(0)
            return hubness
        }
    }

    var scorer: CaseScorer { recommender.scorer }

    /// Cases like the corpus's case `id` (never itself).
    public func similar(toCase id: String, top: Int, filter: CaseFilter = CaseFilter()) throws -> [SimilarCase] {
        let features = scorer.features
        guard let row = features.caseIds.firstIndex(of: id) else { throw EngineError.unknownCase(id) }
        let weightsRow = Self.singleRow(features.caseWeights, row)
        let vector = Array(scorer.similarity.space.caseVectors.row(row))
        let practices = queryPractices.value(row) { PracticePairs.rows(ofCase: row, recommender: recommender) }
        return try ranked(query: weightsRow, text: space.vector(ofCase: row), vector: vector, tags: scorer.tagKeys(row: row),
                          excluding: row, pairs: PracticePairs(query: practices, recommender: recommender), top: top, filter: filter)
    }

    /// Cases like a text (a new case, a region's report): its terms and tags.
    public func similar(toTerms terms: [String], tags: Set<String>, top: Int, filter: CaseFilter = CaseFilter()) throws -> [SimilarCase] {
        try ranked(query: scorer.features.weights(of: terms), text: space.vector(of: terms), vector: scorer.similarity.vector(of: terms),
                   tags: tags, excluding: nil, pairs: nil, top: top, filter: filter)
    }

    /// Cases like a pasted case (`AnalysedCase`): scored as `similar(toCase:)` scores a corpus
    /// case with the same text, and its practices matched with theirs.
    public func similar(to pasted: AnalysedCase, top: Int, filter: CaseFilter = CaseFilter()) throws -> [SimilarCase] {
        let pairs = PracticePairs(query: pasted.practices.map { ($0.id, scorer.features.weights(of: $0.terms)) }, recommender: recommender)
        return try ranked(query: scorer.features.weights(of: pasted.terms), text: space.vector(of: pasted.terms),
                          vector: scorer.similarity.vector(of: pasted.terms), tags: Set(pasted.tags.map(\.key)), excluding: nil,
                          pairs: pairs, top: top, filter: filter)
    }

    /// `query`: the query's TF-IDF row (the shared terms shown); `text`: its row in the
    /// `SubwordSpace` (the cosine scored).
    private func ranked(query: SparseMatrix, text textRow: SparseMatrix, vector: [Double], tags: Set<String>, excluding: Int?,
                        pairs: PracticePairs?, top: Int, filter: CaseFilter) throws -> [SimilarCase] {
        let features = scorer.features
        let categoryKey = try filter.validated(taxonomy: scorer.taxonomy)
        let space = space
        let textCosines = space.cosines(textRow)
        let total = weights.semantic + weights.text + weights.tags
        let hubs = weights.hubness != 0 ? hubness(neighbours: weights.neighbours) : []
        let candidates = features.caseIds.indices.filter { row in
            row != excluding && (filter.isEmpty || filter.admits(recommender.cases.facts[row], action: recommender.caseActions[row], categoryKey: categoryKey))
        }
        // Tags as bits by taxonomy position (`CaseScorer.tagBits`): the overlap of every
        // candidate without a set of keys built and hashed per case.
        let words = scorer.tagWords
        var queryBits = [UInt64](repeating: 0, count: words)
        for key in tags { if let position = scorer.tagPositions[key] { queryBits[position / 64] |= 1 << UInt64(position % 64) } }
        func overlap(_ row: Int) -> Double {
            var shared = 0, union = 0
            for word in 0..<words {
                let theirs = scorer.tagBits[row * words + word]
                shared += (queryBits[word] & theirs).nonzeroBitCount
                union += (queryBits[word] | theirs).nonzeroBitCount
            }
            return union == 0 ? 0 : Double(shared) / Double(union)
        }
        func semantic(_ row: Int) -> Double { max(SemanticSpace.cosine(vector[...], scorer.similarity.space.caseVectors.row(row)), 0) }
        // A component weighing 0 is computed for the cases shown only.
        let scored = candidates.map { row -> (row: Int, score: Double, blend: Double) in
            let mean = weights.semantic * (weights.semantic != 0 ? semantic(row) : 0) + weights.text * max(textCosines[row], 0)
                + weights.tags * (weights.tags != 0 ? overlap(row) : 0)
            let blend = total > 0 ? mean / total : 0
            // The hubness is a text cosine: taken off in the text cosine's share of the blend.
            let correction = hubs.isEmpty || total <= 0 ? 0 : weights.hubness * weights.text / total * hubs[row]
            return (row, blend - correction, blend)
        }
        // A place the two share is not shown as what they share when places do not count.
        let placeWords = scorer.placeWords, countsPlaces = weights.placeWeight >= 1
        let skipsPlaces = { (term: String) in !countsPlaces && placeWords.marks(term) }
        // A case that shares nothing with the query (its blend 0) comes after every case that
        // shares something, however little of a hub it is.
        return scored.sorted {
            ($0.blend > 0) != ($1.blend > 0) ? $0.blend > 0 : ($0.score > $1.score || ($0.score == $1.score && $0.row < $1.row))
        }.prefix(top).enumerated().map { offset, item in
            let sharedTags = scorer.taxonomy.tags.indices.filter { position in
                queryBits[position / 64] & scorer.tagBits[item.row * words + position / 64] & (1 << UInt64(position % 64)) != 0
            }
            return SimilarCase(
                rank: offset + 1, row: item.row, caseId: features.caseIds[item.row], score: item.score,
                semantic: semantic(item.row), text: max(textCosines[item.row], 0), tagOverlap: overlap(item.row), hubness: item.blend - item.score,
                terms: Explanation.sharedTerms(query, features.caseWeights, row: item.row, vocabulary: features.vocabulary, skipping: skipsPlaces),
                tags: sharedTags.map { scorer.taxonomy.tags[$0].key }, practicePairs: pairs?.pairs(with: item.row) ?? [])
        }
    }

    /// Row `row` of a sparse matrix as a one-row matrix.
    static func singleRow(_ matrix: SparseMatrix, _ row: Int) -> SparseMatrix {
        let slice = matrix.row(row)
        return SparseMatrix(rows: 1, columns: matrix.columns, rowPointers: [0, slice.columns.count],
                            columnIndices: Array(slice.columns), values: Array(slice.values))
    }
}
