import Corpus
import Foundation
import Features
import LSA
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
    /// Each case's tags with their mention counts: the case's own salient tags, and the tags
    /// salient in one of its practices (a short case names 医共体 once, in a practice's lead).
    public let caseTagCounts: [[String: Int]]
    /// A tag's weight: ln((N + 1)/(cases carrying it + 1)); a tag every case carries says little.
    let tagWeights: [String: Double]
    let actionTags: Set<String>
    /// Each case's action mentions (action tags only), in total.
    let caseActionTotals: [Int]
    public let taxonomy: Taxonomy
    /// Each case's place as small integers (`PlaceCodes`), and the names they number.
    let placeCodes: [PlaceCodes?]
    let placeNames: PlaceCodes.Names
    /// Each case's tag counts by the tag's position in the taxonomy, cases × tags in one array
    /// (a request reads them by index, not by hashing tag keys), and each tag's position.
    let tagCounts: [Int32]
    let tagPositions: [String: Int]
    /// The TF-IDF weights of cases and practices by term (the transposes), for the cosines of a query.
    let caseWeightsByTerm: SparseMatrix
    let practiceWeightsByTerm: SparseMatrix

    public init(features: FeatureSpace, space: SemanticSpace, caseRegions: [RegionAttributes?], taxonomy: Taxonomy) {
        precondition(caseRegions.count == features.caseIds.count, "one region per case")
        self.features = features
        similarity = TextSimilarity(features: features, space: space)
        bm25 = BM25(counts: features.caseCounts, vocabulary: features.vocabulary)
        self.caseRegions = caseRegions
        self.taxonomy = taxonomy
        var names = PlaceCodes.Names()
        placeCodes = caseRegions.map { region in region.map { PlaceCodes($0, names: &names) } }
        placeNames = names
        caseWeightsByTerm = SparseProducts.transpose(features.caseWeights)
        practiceWeightsByTerm = SparseProducts.transpose(features.practiceWeights)
        var counts = features.caseTags.map { hits in Dictionary(hits.map { ($0.key, $0.count) }, uniquingKeysWith: +) }
        let actions = Set(taxonomy.tags.filter { $0.group == "action" }.map(\.key))
        for (practice, row) in features.practiceCaseRows.enumerated() {
            for hit in features.practiceTags[practice] where counts[row][hit.key] == nil { counts[row][hit.key] = 1 }
        }
        caseTagCounts = counts
        actionTags = actions
        caseActionTotals = counts.map { tags in tags.reduce(0) { $0 + (actions.contains($1.key) ? $1.value : 0) } }
        let positions = Dictionary(taxonomy.tags.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var table = [Int32](repeating: 0, count: counts.count * taxonomy.tags.count)
        for (row, tags) in counts.enumerated() {
            for (key, count) in tags { if let position = positions[key] { table[row * taxonomy.tags.count + position] = Int32(count) } }
        }
        tagCounts = table
        tagPositions = positions
        var carrying: [String: Double] = [:]
        for tags in counts { for key in tags.keys { carrying[key, default: 0] += 1 } }
        let count = Double(features.caseIds.count)
        tagWeights = carrying.mapValues { log((count + 1) / ($0 + 1)) }
    }

    /// What a request computes once for all cases: the text scores of every case, the profile's
    /// place and tags in the forms the features read.
    struct Request {
        let text, semantic, cosine, practiceText: [Double]
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
        for (practice, value) in Self.cosines(query, byTerm: practiceWeightsByTerm, rows: features.practiceIds.count).enumerated() {
            bestPractice[features.practiceCaseRows[practice]] = max(bestPractice[features.practiceCaseRows[practice]], value)
        }
        var attributes = profile.attributes
        // A province-wide profile learns from counties and cities alike: its level says nothing.
        if attributes.level?.value == "province" { attributes.level = nil }
        let profileTags = Set(profile.tags.map(\.key))
        return Request(
            text: Self.scaledToBest(bm25.scores(profile.terms)),
            semantic: Self.scaledToBest(similarity.caseScores(profile.terms).map { max($0, 0) }),
            cosine: Self.scaledToBest(Self.cosines(query, byTerm: caseWeightsByTerm, rows: features.caseIds.count)),
            practiceText: Self.scaledToBest(bestPractice), attributes: attributes, place: PlaceAgreement(attributes, names: placeNames),
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
            let tagRow = row * taxonomy.tags.count
            for (feature, group) in zip(RankingFeature.tags, request.tagGroups) {
                if feature == .actionShare {
                    out[next] = actionShare(request.actionPositions, row: row)
                } else {
                    let carried = group.tags.reduce(0) { $0 + (tagCounts[tagRow + $1.position] > 0 ? $1.weight : 0) }
                    out[next] = group.total > 0 ? carried / group.total : 0
                }
                next += 1
            }
        }
    }

    /// A case in full, for an answer or an evaluation: its features, score and components.
    func scoredCase(row: Int, _ request: Request, model: RankingModel, buffer: inout [Double]) -> ScoredCase {
        features(row: row, request, into: &buffer)
        let fit = RegionFit.compare(request.attributes, with: caseRegions[row])
        let tags = request.actionPositions.isEmpty ? tagShare(request.profileTags, row: row) : actionShare(request.actionPositions, row: row)
        let raw = model.score(buffer)
        return ScoredCase(row: row, score: 1 / (1 + exp(-raw)), rawScore: raw, features: buffer,
                          text: request.text[row], semantic: request.semantic[row], region: fit?.score ?? 0.5, tags: tags,
                          regionFit: fit, matchedTags: request.sortedProfileTags.filter { caseTagCounts[row][$0] != nil })
    }

    /// Every case scored in full, in corpus order (the evaluation's input).
    public func score(_ profile: AnalyzedProfile, model: RankingModel) -> [ScoredCase] {
        let request = request(profile)
        var buffer: [Double] = []
        return features.caseIds.indices.map { scoredCase(row: $0, request, model: model, buffer: &buffer) }
    }

    /// The best `limit` cases that `admits` lets through, best first (ties: corpus order),
    /// scored in full; every other case costs only its features and a dot product — no
    /// allocation, no region fit, no sorting of the whole corpus.
    public func best(_ profile: AnalyzedProfile, model: RankingModel, limit: Int, admits: (Int) -> Bool) -> [ScoredCase] {
        guard limit > 0 else { return [] }
        let request = request(profile)
        var buffer: [Double] = []
        // The best so far, best first; a case enters only when it beats the last.
        var chosen: [(row: Int, score: Double)] = []
        chosen.reserveCapacity(limit + 1)
        for row in features.caseIds.indices where admits(row) {
            features(row: row, request, into: &buffer)
            let score = model.score(buffer)
            if chosen.count == limit, let last = chosen.last, !(score > last.score) { continue }
            let position = chosen.firstIndex { score > $0.score } ?? chosen.count
            chosen.insert((row, score), at: position)
            if chosen.count > limit { chosen.removeLast() }
        }
        return chosen.map { scoredCase(row: $0.row, request, model: model, buffer: &buffer) }
    }

    /// The action a case mentions most (ties: taxonomy order), nil when it names none.
    func dominantAction(row: Int) -> String? {
        taxonomy.tags.filter { actionTags.contains($0.key) }.map(\.key)
            .max { (caseTagCounts[row][$0] ?? 0) < (caseTagCounts[row][$1] ?? 0) }
            .flatMap { caseTagCounts[row][$0] != nil ? $0 : nil }
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
        return tags.reduce(0) { $0 + (caseTagCounts[row][$1] != nil ? tagWeights[$1] ?? 0 : 0) } / all
    }

    /// The dot product of a one-row query with every row of a matrix given by its transpose (a
    /// row per term): only the query's terms' postings are read, not every row in full.
    static func cosines(_ query: SparseMatrix, byTerm: SparseMatrix, rows: Int) -> [Double] {
        var result = [Double](repeating: 0, count: rows)
        let terms = query.row(0)
        for (term, weight) in zip(terms.columns, terms.values) {
            let postings = byTerm.row(Int(term))
            for (row, value) in zip(postings.columns, postings.values) { result[Int(row)] += weight * value }
        }
        return result
    }

    static func scaledToBest(_ values: [Double]) -> [Double] {
        guard let best = values.max(), best > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / best }
    }
}
