import Corpus
import Foundation
import Features
import LSA
import Profiles
import Regions

/// A case's fit for a profile: the model's features, its score, and the components answers show.
public struct ScoredCase: Sendable {
    public let row: Int
    /// σ(the model's score): 0–1, the probability that judges prefer the case to one that matches
    /// nothing (every feature 0). Monotone in the score, so it orders as the model does.
    public let score: Double
    /// The model's sum itself (what the ranking orders by: σ rounds very close scores together).
    public let rawScore: Double
    /// The model's features for this case, in `RankingFeature.allCases` order.
    public let features: [Double]
    public let text: Double
    public let semantic: Double
    public let region: Double
    public let tags: Double
    /// The shared facts of place, nil when the profile states none.
    public let regionFit: RegionFit?
    /// The profile's tags the case carries.
    public let matchedTags: [String]
    /// Every practice's TF-IDF dot product with the profile's words, by practice index (one array
    /// shared by the cases of a request, computed for the best-practice feature): how the
    /// recommender orders a case's practices.
    public let practiceCloseness: [Double]
}

/// Scores every case of the corpus for an analysed profile.
///
/// The case is the unit scored: it is what the judges grade and its whole text carries far more
/// words than one practice (measured: 0.68 nDCG@10 for whole cases against 0.49 for practices
/// alone). Each case gets the `RankingFeature`s (text, place, tags) and the learned
/// `RankingModel`'s score of them. The components answers show (text, semantic, region, tags,
/// each 0–1) are kept beside them: BM25 and the LSA cosine scaled by the best case, `RegionFit`,
/// and the share of the case's action mentions that are the profile's actions (without an
/// action, the profile's tags found in the case, rarer tags weighing more).
///
/// A class: shared by reference between the requests of the daemon's event loops, its tables
/// built once at load (place codes, tag counts, the transposed weights).
public final class CaseScorer: Sendable {
    public let features: FeatureSpace
    public let similarity: TextSimilarity
    public let bm25: BM25
    /// The source region of each case (nil when the gazetteer does not know it).
    public let caseRegions: [RegionAttributes?]
    /// A tag's weight: ln((N + 1)/(cases carrying it + 1)); a tag every case carries says little.
    let tagWeights: [String: Double]
    let actionTags: Set<String>
    /// The action tags' positions in the taxonomy, in its order.
    let actionPositions: [Int]
    /// Each case's action mentions (action tags only), in total.
    let caseActionTotals: [Int]
    public let taxonomy: Taxonomy
    /// The words of the shared place attributes in an answer's why (and of the reports).
    public let labels: DomainLabels
    /// The names of the corpus's places (its cases' units and the units containing them): terms
    /// that say where, not what (`SubwordSpace`).
    public let placeWords: PlaceWords
    /// Each case's place as small integers (`PlaceCodes`), and the names they number.
    let placeCodes: [PlaceCodes?]
    let placeNames: PlaceCodes.Names
    /// Each case's tags with their mention counts — the case's own salient tags, and the tags
    /// salient in one of its practices (counted once: a short case names 医共体 once, in a
    /// practice's lead) — by the tag's position in the taxonomy, cases × tags in one array (a
    /// request reads them by index, not by hashing tag keys), and each tag's position.
    let tagCounts: [Int32]
    let tagPositions: [String: Int]
    /// Which tags each case carries, as bits by taxonomy position (`tagWords` words a case):
    /// what a request's score bounds read for every case.
    let tagBits: [UInt64]
    let tagWords: Int
    /// The TF-IDF weights of cases and practices by term (the transposes), for the cosines of a query.
    let caseWeightsByTerm: SparseMatrix
    let practiceWeightsByTerm: SparseMatrix

    public init(features: FeatureSpace, space: SemanticSpace, caseRegions: [RegionAttributes?], taxonomy: Taxonomy, labels: DomainLabels,
                placeWords: PlaceWords = .none) {
        precondition(caseRegions.count == features.caseIds.count, "one region per case")
        // The three term-major copies (BM25's postings, the case and the practice weights) on two cores.
        let (postings, byTerm) = ChunkedWork.both({ BM25(counts: features.caseCounts, vocabulary: features.vocabulary) }, {
            (SparseProducts.transpose(features.caseWeights), SparseProducts.transpose(features.practiceWeights))
        })
        bm25 = postings
        (caseWeightsByTerm, practiceWeightsByTerm) = byTerm
        self.features = features.served()
        similarity = TextSimilarity(features: self.features, space: space)
        self.caseRegions = caseRegions
        self.taxonomy = taxonomy
        self.labels = labels
        self.placeWords = placeWords
        var names = PlaceCodes.Names()
        placeCodes = caseRegions.map { region in region.map { PlaceCodes($0, names: &names) } }
        placeNames = names
        // The tag table straight from the hits: a case's own mentions summed, a tag salient
        // only in one of its practices counted once.
        let positions = Dictionary(taxonomy.tags.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let width = taxonomy.tags.count, cases = features.caseIds.count
        var table = [Int32](repeating: 0, count: cases * width)
        for (row, hits) in features.caseTags.enumerated() {
            for hit in hits { if let position = positions[hit.key] { table[row * width + position] += Int32(hit.count) } }
        }
        for (practice, row) in features.practiceCaseRows.enumerated() {
            for hit in features.practiceTags[practice] {
                if let position = positions[hit.key], table[row * width + position] == 0 { table[row * width + position] = 1 }
            }
        }
        let actions = taxonomy.tags.indices.filter { taxonomy.tags[$0].group == "action" }
        actionPositions = actions
        actionTags = Set(actions.map { taxonomy.tags[$0].key })
        caseActionTotals = (0..<cases).map { row in actions.reduce(0) { $0 + Int(table[row * width + $1]) } }
        tagCounts = table
        tagWords = max((width + 63) / 64, 1)
        var bits = [UInt64](repeating: 0, count: cases * tagWords)
        var carrying = [Double](repeating: 0, count: width)
        for (index, count) in table.enumerated() where count > 0 {
            let (row, position) = index.quotientAndRemainder(dividingBy: max(width, 1))
            bits[row * tagWords + position / 64] |= UInt64(1) << (position % 64)
            carrying[position] += 1
        }
        tagBits = bits
        tagPositions = positions
        let count = Double(cases)
        tagWeights = Dictionary(taxonomy.tags.indices.filter { carrying[$0] > 0 }.map { (taxonomy.tags[$0].key, log((count + 1) / (carrying[$0] + 1))) },
                                uniquingKeysWith: { first, _ in first })
    }

    /// What a request computes once for all cases: the text scores of every case, the profile's
    /// place and tags in the forms the features read.
    struct Request {
        let text, semantic, cosine, practiceText: ScaledToBest
        /// Every practice's dot product with the query's TF-IDF weights.
        let practiceCosines: [Double]
        let attributes: AnalyzedProfile.Attributes
        let place: PlaceAgreement
        let profileTags: Set<String>
        let sortedProfileTags: [String]
        /// Per tag feature but the action share: the profile's tags of its group (by their
        /// position in the taxonomy) with their rarity weights, and their total.
        let tagGroups: [(tags: [(position: Int, weight: Double)], total: Double)]
        /// The positions of the profile's action tags.
        let actionPositions: [Int]
    }

    func request(_ profile: AnalyzedProfile) -> Request {
        let query = features.weights(of: profile.terms)
        var bestPractice = [Double](repeating: 0, count: features.caseIds.count)
        let practiceCosines = Self.cosines(query, byTerm: practiceWeightsByTerm, rows: features.practiceIds.count)
        for (practice, value) in practiceCosines.enumerated() {
            bestPractice[features.practiceCaseRows[practice]] = max(bestPractice[features.practiceCaseRows[practice]], value)
        }
        var attributes = profile.attributes
        // A province-wide profile learns from counties and cities alike: its level says nothing.
        if attributes.level?.value == "province" { attributes.level = nil }
        let profileTags = Set(profile.tags.map(\.key))
        return Request(
            text: ScaledToBest(bm25.scores(profile.terms)),
            semantic: ScaledToBest(similarity.caseScores(profile.terms).map { max($0, 0) }),
            cosine: ScaledToBest(Self.cosines(query, byTerm: caseWeightsByTerm, rows: features.caseIds.count)),
            practiceText: ScaledToBest(bestPractice), practiceCosines: practiceCosines, attributes: attributes, place: PlaceAgreement(attributes, names: placeNames),
            profileTags: profileTags, sortedProfileTags: profileTags.sorted(),
            tagGroups: RankingFeature.tags.map { feature in
                let keys = Set(profile.tags.filter { $0.group == feature.tagGroup }.map(\.key)).sorted()
                let weighted = keys.compactMap { key in tagPositions[key].map { (position: $0, weight: tagWeights[key] ?? 0) } }
                return (tags: weighted, total: keys.reduce(0) { $0 + (tagWeights[$1] ?? 0) })
            },
            actionPositions: Set(profile.tags.filter { $0.group == "action" }.map(\.key)).sorted().compactMap { tagPositions[$0] })
    }

    /// A case's features, in `RankingFeature.allCases` order (text, place times the TF-IDF
    /// cosine, tags), written over `values`: one buffer serves every case of a request.
    func features(row: Int, _ request: Request, into values: inout [Double]) {
        let count = RankingFeature.allCases.count
        if values.count != count { values = [Double](repeating: 0, count: count) }
        values.withUnsafeMutableBufferPointer { out in
            (out[0], out[1], out[2], out[3]) = (request.text[row], request.cosine[row], request.semantic[row], request.practiceText[row])
            var next = 4
            // A case that shares none of the profile's words gets nothing from its place.
            let region = request.cosine[row] > 0 ? placeCodes[row] : nil
            for feature in RankingFeature.place {
                out[next] = region.map { request.cosine[row] * request.place.agreement(feature, $0) } ?? 0
                next += 1
            }
            for (feature, group) in zip(RankingFeature.tags, request.tagGroups) {
                out[next] = tagFeature(feature, group, row: row, request)
                next += 1
            }
        }
    }

    /// One tag feature of a case: the action share, or the rarity-weighted share of the
    /// profile's tags of the feature's group that the case carries.
    @inline(__always)
    func tagFeature(_ feature: RankingFeature, _ group: (tags: [(position: Int, weight: Double)], total: Double), row: Int, _ request: Request) -> Double {
        if feature == .actionShare { return actionShare(request.actionPositions, row: row) }
        guard group.total > 0 else { return 0 }
        let tagRow = row * taxonomy.tags.count
        return group.tags.reduce(0) { $0 + (tagCounts[tagRow + $1.position] > 0 ? $1.weight : 0) } / group.total
    }

    /// A case in full, for an answer or an evaluation: its features, score and components.
    func scoredCase(row: Int, _ request: Request, model: RankingModel, buffer: inout [Double]) -> ScoredCase {
        features(row: row, request, into: &buffer)
        let fit = RegionFit.compare(request.attributes, with: caseRegions[row], labels: labels)
        let tags = request.actionPositions.isEmpty ? tagShare(request.profileTags, row: row) : actionShare(request.actionPositions, row: row)
        let raw = model.score(buffer)
        return ScoredCase(row: row, score: 1 / (1 + exp(-raw)), rawScore: raw, features: buffer,
                          text: request.text[row], semantic: request.semantic[row], region: fit?.score ?? 0.5, tags: tags,
                          regionFit: fit, matchedTags: request.sortedProfileTags.filter { tagCount(row: row, $0) > 0 },
                          practiceCloseness: request.practiceCosines)
    }

    /// Every case scored in full, in corpus order (the evaluation's input).
    public func score(_ profile: AnalyzedProfile, model: RankingModel) -> [ScoredCase] {
        let request = request(profile)
        var buffer: [Double] = []
        return features.caseIds.indices.map { scoredCase(row: $0, request, model: model, buffer: &buffer) }
    }

    /// The action a case mentions most (ties: taxonomy order), nil when it names none.
    func dominantAction(row: Int) -> String? {
        var best: Int?, mentions: Int32 = 0
        for position in actionPositions where tagCounts[row * taxonomy.tags.count + position] > mentions {
            (best, mentions) = (position, tagCounts[row * taxonomy.tags.count + position])
        }
        return best.map { taxonomy.tags[$0].key }
    }

    /// The share of a case's action mentions that are the profile's actions (0–1), the actions
    /// given by their positions in the taxonomy.
    func actionShare(_ positions: [Int], row: Int) -> Double {
        let all = caseActionTotals[row], tagRow = row * taxonomy.tags.count
        guard all > 0 else { return 0 }
        return Double(positions.reduce(0) { $0 + Int(tagCounts[tagRow + $1]) }) / Double(all)
    }

    /// The rarity-weighted share of the profile's tags that the case carries (0–1).
    func tagShare(_ tags: Set<String>, row: Int) -> Double {
        let all = tags.reduce(0) { $0 + (tagWeights[$1] ?? 0) }
        guard all > 0 else { return 0 }
        return tags.reduce(0) { $0 + (tagCount(row: row, $1) > 0 ? tagWeights[$1] ?? 0 : 0) } / all
    }

    /// How often case `row` mentions tag `key` (0: it does not carry it).
    public func tagCount(row: Int, _ key: String) -> Int {
        tagPositions[key].map { Int(tagCounts[row * taxonomy.tags.count + $0]) } ?? 0
    }

    /// The tags case `row` carries.
    public func tagKeys(row: Int) -> Set<String> {
        Set(taxonomy.tags.indices.filter { tagCounts[row * taxonomy.tags.count + $0] > 0 }.map { taxonomy.tags[$0].key })
    }

    /// The dot product of a one-row query with every row of a matrix given by its transpose (a
    /// row per term): only the query's terms' postings are read, not every row in full.
    static func cosines(_ query: SparseMatrix, byTerm: SparseMatrix, rows: Int) -> [Double] {
        products(query, pointers: byTerm.rowPointers, rows: byTerm.columnIndices, values: byTerm.values, count: rows)
    }

    /// The same over a term-major matrix's raw arrays, its values in any precision (the
    /// similarity space keeps single).
    static func products<Value: BinaryFloatingPoint>(_ query: SparseMatrix, pointers: [Int], rows: [Int32], values: [Value], count: Int) -> [Double] {
        var result = [Double](repeating: 0, count: count)
        let terms = query.row(0)
        // Over the raw arrays: a row slice per term retained and released cost as much as the sums.
        result.withUnsafeMutableBufferPointer { sums in
            pointers.withUnsafeBufferPointer { pointers in
                rows.withUnsafeBufferPointer { rows in
                    values.withUnsafeBufferPointer { values in
                        for (term, weight) in zip(terms.columns, terms.values) {
                            for entry in pointers[Int(term)]..<pointers[Int(term) + 1] { sums[Int(rows[entry])] += weight * Double(values[entry]) }
                        }
                    }
                }
            }
        }
        return result
    }

    /// A text feature's values for every case, read scaled by the best case's (0 for all when
    /// none is above 0): scaled as the few cases a request scores are read, not all in advance.
    struct ScaledToBest {
        let values: [Double]
        let best: Double

        init(_ values: [Double]) {
            self.values = values
            best = values.max() ?? 0
        }

        subscript(row: Int) -> Double { best > 0 ? values[row] / best : 0 }
    }
}
