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
/// A class: the scoring closures capture it by reference (as a struct, each of the 48 × 4
/// closures of a request copied its arrays' references, a third of the request's time).
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
    /// Each case's action mentions (action tags only) and their total, counted once.
    let caseActionCounts: [[String: Int]]
    let caseActionTotals: [Int]
    public let taxonomy: Taxonomy
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
        caseWeightsByTerm = SparseProducts.transpose(features.caseWeights)
        practiceWeightsByTerm = SparseProducts.transpose(features.practiceWeights)
        var counts = features.caseTags.map { hits in Dictionary(hits.map { ($0.key, $0.count) }, uniquingKeysWith: +) }
        let actions = Set(taxonomy.tags.filter { $0.group == "action" }.map(\.key))
        for (practice, row) in features.practiceCaseRows.enumerated() {
            for hit in features.practiceTags[practice] where counts[row][hit.key] == nil { counts[row][hit.key] = 1 }
        }
        caseTagCounts = counts
        actionTags = actions
        caseActionCounts = counts.map { $0.filter { actions.contains($0.key) } }
        caseActionTotals = caseActionCounts.map { $0.values.reduce(0, +) }
        var carrying: [String: Double] = [:]
        for tags in counts { for key in tags.keys { carrying[key, default: 0] += 1 } }
        let count = Double(features.caseIds.count)
        tagWeights = carrying.mapValues { log((count + 1) / ($0 + 1)) }
    }

    public func score(_ profile: AnalyzedProfile, model: RankingModel) -> [ScoredCase] {
        let query = features.weights(of: profile.terms)
        let text = Self.scaledToBest(bm25.scores(profile.terms))
        let semantic = Self.scaledToBest(similarity.caseScores(profile.terms).map { max($0, 0) })
        let cosine = Self.scaledToBest(Self.cosines(query, byTerm: caseWeightsByTerm, rows: features.caseIds.count))
        var bestPractice = [Double](repeating: 0, count: features.caseIds.count)
        for (practice, value) in Self.cosines(query, byTerm: practiceWeightsByTerm, rows: features.practiceIds.count).enumerated() {
            bestPractice[features.practiceCaseRows[practice]] = max(bestPractice[features.practiceCaseRows[practice]], value)
        }
        let practiceText = Self.scaledToBest(bestPractice)
        var attributes = profile.attributes
        // A province-wide profile learns from counties and cities alike: its level says nothing.
        if attributes.level?.value == "province" { attributes.level = nil }
        let place = PlaceAgreement(attributes)
        let profileTags = Set(profile.tags.map(\.key)), sortedProfileTags = profileTags.sorted()
        let profileActions = Set(profile.tags.filter { $0.group == "action" }.map(\.key))
        // Per tag feature but the action share, the profile's tags of its group with their
        // rarity weights, and their total (once per request, not per case).
        let tagGroups = RankingFeature.tags.map { feature in
            let keys = Set(profile.tags.filter { $0.group == feature.tagGroup }.map(\.key)).sorted()
            let weighted = keys.map { (key: $0, weight: tagWeights[$0] ?? 0) }
            return (tags: weighted, total: weighted.reduce(0) { $0 + $1.weight })
        }
        return features.caseIds.indices.map { row in
            let fit = RegionFit.compare(attributes, with: caseRegions[row])
            let matched = sortedProfileTags.filter { caseTagCounts[row][$0] != nil }
            let tags = profileActions.isEmpty ? tagShare(profileTags, row: row) : actionShare(profileActions, row: row)
            // In `RankingFeature.allCases` order: text, place (times the TF-IDF cosine), tags.
            var values: [Double] = []
            values.reserveCapacity(RankingFeature.allCases.count)
            values.append(contentsOf: [text[row], cosine[row], semantic[row], practiceText[row]])
            // A case that shares none of the profile's words gets nothing from its place.
            if cosine[row] > 0, let region = caseRegions[row] {
                for feature in RankingFeature.place { values.append(cosine[row] * place.agreement(feature, region)) }
            } else {
                values.append(contentsOf: repeatElement(0, count: RankingFeature.place.count))
            }
            for (feature, group) in zip(RankingFeature.tags, tagGroups) {
                if feature == .actionShare {
                    values.append(actionShare(profileActions, row: row))
                } else {
                    let carried = group.tags.reduce(0) { $0 + (caseTagCounts[row][$1.key] != nil ? $1.weight : 0) }
                    values.append(group.total > 0 ? carried / group.total : 0)
                }
            }
            let score = model.score(values)
            return ScoredCase(row: row, score: 1 / (1 + exp(-score)), features: values,
                              text: text[row], semantic: semantic[row], region: fit?.score ?? 0.5, tags: tags,
                              regionFit: fit, matchedTags: matched)
        }
    }

    /// The action a case mentions most (ties: taxonomy order), nil when it names none.
    func dominantAction(row: Int) -> String? {
        taxonomy.tags.filter { actionTags.contains($0.key) }.map(\.key)
            .max { (caseTagCounts[row][$0] ?? 0) < (caseTagCounts[row][$1] ?? 0) }
            .flatMap { caseTagCounts[row][$0] != nil ? $0 : nil }
    }

    /// The share of a case's action mentions that are the profile's actions (0–1).
    func actionShare(_ actions: Set<String>, row: Int) -> Double {
        let all = caseActionTotals[row]
        guard all > 0 else { return 0 }
        return Double(actions.reduce(0) { $0 + (caseActionCounts[row][$1] ?? 0) }) / Double(all)
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
