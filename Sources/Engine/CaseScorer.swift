import Corpus
import Foundation
import Features
import LSA
import Regions

/// The weights of the engine's components (`ranking.weights` in the configuration).
public struct RankingWeights: Sendable, Equatable {
    public var text, semantic, region, tags: Double

    public init(text: Double, semantic: Double, region: Double, tags: Double) {
        (self.text, self.semantic, self.region, self.tags) = (text, semantic, region, tags)
    }
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
/// alone). Text and semantic cosines are scaled by their best value over the corpus, so that a
/// short profile's low cosines weigh as much as a long one's; region fit and tag match are 0–1
/// by construction.
public struct CaseScorer: Sendable {
    public let features: FeatureSpace
    public let similarity: TextSimilarity
    /// The source region of each case (nil when the gazetteer does not know it).
    public let caseRegions: [RegionAttributes?]
    /// A tag's weight: ln((N + 1)/(cases carrying it + 1)); a tag every case carries says little.
    let tagWeights: [String: Double]

    public init(features: FeatureSpace, space: SemanticSpace, caseRegions: [RegionAttributes?]) {
        precondition(caseRegions.count == features.caseIds.count, "one region per case")
        self.features = features
        similarity = TextSimilarity(features: features, space: space)
        self.caseRegions = caseRegions
        var carrying: [String: Double] = [:]
        for tags in features.caseTags {
            for key in Set(tags.map(\.key)) { carrying[key, default: 0] += 1 }
        }
        let count = Double(features.caseIds.count)
        tagWeights = carrying.mapValues { log((count + 1) / ($0 + 1)) }
    }

    public func score(_ profile: AnalyzedProfile, weights: RankingWeights) -> [ScoredCase] {
        let query = features.weights(of: profile.terms)
        let text = Self.scaledToBest((0..<features.caseIds.count).map { Self.dot(query.row(0), features.caseWeights.row($0)) })
        let semantic = Self.scaledToBest(similarity.caseScores(profile.terms).map { max($0, 0) })
        var attributes = profile.attributes
        // A province-wide profile learns from counties and cities alike: its level says nothing.
        if attributes.level?.value == "province" { attributes.level = nil }
        let profileTags = Set(profile.tags.map(\.key))
        let tagTotal = profileTags.reduce(0) { $0 + (tagWeights[$1] ?? 0) }
        let total = weights.text + weights.semantic + weights.region + weights.tags
        return features.caseIds.indices.map { row in
            let fit = RegionFit.compare(attributes, with: caseRegions[row])
            let region = fit?.score ?? 0.5
            let matched = profileTags.intersection(features.caseTags[row].map(\.key)).sorted()
            let tags = tagTotal > 0 ? matched.reduce(0) { $0 + (tagWeights[$1] ?? 0) } / tagTotal : 0
            let combined = weights.text * text[row] + weights.semantic * semantic[row] + weights.region * region + weights.tags * tags
            return ScoredCase(row: row, score: total > 0 ? combined / total : 0, text: text[row], semantic: semantic[row],
                              region: region, tags: tags, regionFit: fit, matchedTags: matched)
        }
    }

    static func scaledToBest(_ values: [Double]) -> [Double] {
        guard let best = values.max(), best > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / best }
    }

    /// Dot product of two sparse rows whose columns are sorted (CSR rows are).
    static func dot(_ a: (columns: ArraySlice<Int32>, values: ArraySlice<Double>), _ b: (columns: ArraySlice<Int32>, values: ArraySlice<Double>)) -> Double {
        var i = a.columns.startIndex, j = b.columns.startIndex, sum = 0.0
        while i < a.columns.endIndex, j < b.columns.endIndex {
            if a.columns[i] == b.columns[j] {
                sum += a.values[i] * b.values[j]
                i += 1
                j += 1
            } else if a.columns[i] < b.columns[j] { i += 1 } else { j += 1 }
        }
        return sum
    }
}
