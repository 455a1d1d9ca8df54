import Corpus
import Foundation
import Features
import LSA
import Regions

/// The weights of the engine's components (`ranking.weights` in the configuration).
public struct RankingWeights: Sendable, Equatable {
    public var text, semantic, region, tags: Double
    /// How much of the region weight a profile that says nothing of its setting keeps (0–1): the
    /// region weight is `region × (regionFloor + (1 − regionFloor) × setting)`, `setting` the
    /// share of the profile's facts of place (`CaseScorer.setting(of:)`). 1: the same for all.
    public var regionFloor: Double

    public init(text: Double, semantic: Double, region: Double, tags: Double, regionFloor: Double = 1) {
        (self.text, self.semantic, self.region, self.tags, self.regionFloor) = (text, semantic, region, tags, regionFloor)
    }

    /// The region weight for a profile whose facts of place are `setting` (0–1) of what it could say.
    public func region(setting: Double) -> Double { region * (regionFloor + (1 - regionFloor) * setting) }
}

/// A case's fit for a profile, component by component (each 0–1) and combined.
public struct ScoredCase: Sendable {
    public let row: Int
    /// The weighted mean of the components: 0–1.
    public let score: Double
    public let text: Double
    public let semantic: Double
    public let region: Double
    public let tags: Double
    public let regionFit: RegionFit?
    /// The profile's tags the case carries.
    public let matchedTags: [String]
}

/// Scores every case of the corpus for an analysed profile.
///
/// The case is the unit scored: it is what the judges grade and its whole text carries far more
/// words than one practice (measured: 0.68 nDCG@10 for whole cases against 0.49 for practices
/// alone). Four components, each 0–1:
/// - text: BM25 of the whole case with the profile's words, scaled by the best case;
/// - semantic: the cosine in the LSA space, scaled the same way (a short profile's low values
///   weigh as much as a long one's);
/// - region: `RegionFit` of the source region against the profile's situation;
/// - tags: how much of the case is about the profile's needs. When the profile names Healthy
///   China actions, the share of the case's action mentions that are those actions (a case
///   *about* health literacy, not one that mentions it once among fitness work); otherwise the
///   share of the profile's tags the case carries, rarer tags weighing more.
/// The design and weights were chosen on the development profiles and checked by leaving one
/// profile out (Benchmarks/RESULTS.md, "Ranking quality").
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

    public init(features: FeatureSpace, space: SemanticSpace, caseRegions: [RegionAttributes?], taxonomy: Taxonomy) {
        precondition(caseRegions.count == features.caseIds.count, "one region per case")
        self.features = features
        similarity = TextSimilarity(features: features, space: space)
        bm25 = BM25(counts: features.caseCounts, vocabulary: features.vocabulary)
        self.caseRegions = caseRegions
        self.taxonomy = taxonomy
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

    public func score(_ profile: AnalyzedProfile, weights: RankingWeights) -> [ScoredCase] {
        let text = Self.scaledToBest(bm25.scores(profile.terms))
        let semantic = Self.scaledToBest(similarity.caseScores(profile.terms).map { max($0, 0) })
        var attributes = profile.attributes
        // A province-wide profile learns from counties and cities alike: its level says nothing.
        if attributes.level?.value == "province" { attributes.level = nil }
        let profileTags = Set(profile.tags.map(\.key)), sortedProfileTags = profileTags.sorted()
        let profileActions = Set(profile.tags.filter { $0.group == "action" }.map(\.key))
        let regionWeight = weights.region(setting: Self.setting(of: profile))
        let total = weights.text + weights.semantic + regionWeight + weights.tags
        return features.caseIds.indices.map { row in
            let fit = RegionFit.compare(attributes, with: caseRegions[row])
            let region = fit?.score ?? 0.5
            let matched = sortedProfileTags.filter { caseTagCounts[row][$0] != nil }
            let tags = profileActions.isEmpty ? tagShare(profileTags, row: row) : actionShare(profileActions, row: row)
            let combined = weights.text * text[row] + weights.semantic * semantic[row] + regionWeight * region + weights.tags * tags
            // `why` names the region fit only where it weighed.
            return ScoredCase(row: row, score: total > 0 ? combined / total : 0, text: text[row], semantic: semantic[row],
                              region: region, tags: tags, regionFit: regionWeight > 0 ? fit : nil, matchedTags: matched)
        }
    }

    /// How much a profile says of its setting (0–1): its facts of place — terrain, economy, urban
    /// or rural, ethnic, revolutionary base, level — from fields or text, three or more counting
    /// fully. A profile of needs alone (a topic, a population) says none.
    public static func setting(of profile: AnalyzedProfile) -> Double {
        let a = profile.attributes
        let facts = [a.terrain != nil, a.economy != nil, a.urbanization != nil, a.ethnicMinority?.value == true,
                     a.revolutionaryBase?.value == true, a.level != nil].filter { $0 }.count
        return min(1, Double(facts) / 3)
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

    static func scaledToBest(_ values: [Double]) -> [Double] {
        guard let best = values.max(), best > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / best }
    }
}
