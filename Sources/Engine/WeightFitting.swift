import Foundation

/// Fits the ranking's weights to graded profiles, and measures them honestly: k-fold
/// cross-validation over whole profiles, each fold's weights fitted on the other folds only.
///
/// The model is the engine's own (the weighted mean of `CaseScorer`'s four components); the fit
/// is an exhaustive search of a small grid, written by hand because four weights on a grid of
/// five values (624 settings) need no optimiser and the search must be reproducible to the bit.
public enum WeightFitting {
    /// One profile's judged cases: each case that can give a practice, with its components.
    public struct Profile: Sendable {
        public let id: String
        public let grades: [String: Double]
        /// (case key, text, semantic, region, tags), in corpus order.
        public let cases: [(key: String, components: [Double])]
        /// How much the profile says of its setting (`CaseScorer.setting(of:)`).
        public let setting: Double
        /// The DCG@10 of its best-graded cases, computed once for all the settings a fit tries.
        let idealDCG: Double

        public init(id: String, grades: [String: Double], cases: [(key: String, components: [Double])], setting: Double = 1) {
            self.id = id
            self.grades = grades
            self.cases = cases
            self.setting = setting
            idealDCG = RankingMetrics.idealDCG(grades: grades)
        }
    }

    /// The values each weight may take.
    public static let grid: [Double] = [0, 0.5, 1, 2, 4]
    /// The values the region floor may take (1: region weighs the same whatever the profile says).
    public static let floors: [Double] = [1, 0.5, 0.25, 0]

    /// Every setting of the weights on the grid but all zeros, in a fixed order.
    static let settings: [RankingWeights] = floors.flatMap { floor in grid.flatMap { text in grid.flatMap { semantic in
        grid.flatMap { region in
            grid.compactMap { tags in
                text + semantic + region + tags > 0
                    ? RankingWeights(text: text, semantic: semantic, region: region, tags: tags, regionFloor: floor) : nil
            }
        }
    } } }

    /// The ten best cases for `weights`, as the engine ranks them (ties: corpus order).
    public static func ranking(_ profile: Profile, weights: RankingWeights) -> [String] {
        let scores = profile.cases.map { scored in
            let c = scored.components
            return weights.text * c[0] + weights.semantic * c[1] + weights.region(setting: profile.setting) * c[2] + weights.tags * c[3]
        }
        return scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            .prefix(10).map { profile.cases[$0].key }
    }

    /// The setting with the best mean nDCG@10 over `profiles` (the first of equals: grid order).
    public static func fit(_ profiles: [Profile]) -> RankingWeights {
        var best = settings[0], bestScore = -1.0
        for weights in settings {
            let score = profiles.reduce(0) { $0 + RankingMetrics.ndcg(ranking($1, weights: weights), grades: $1.grades, ideal: $1.idealDCG) }
            if score > bestScore + 1e-12 { (best, bestScore) = (weights, score) }
        }
        return best
    }

    public struct HeldOut: Sendable {
        public let id: String
        public let fold: Int
        public let ndcg: Double
        public let precision: Double
        /// The weights fitted without this profile's fold.
        public let weights: RankingWeights
    }

    /// Each profile's fold: its position modulo `folds` (fixed, so a run can be repeated).
    public static func fold(ofPosition position: Int, folds: Int) -> Int { position % folds }

    /// k-fold cross-validation: for each fold, weights fitted on the other folds' profiles, then
    /// the fold's profiles ranked with them. `fit` is a parameter so a test can watch what each
    /// fit is given.
    public static func crossValidate(_ profiles: [Profile], folds: Int = 5,
                                     fit: ([Profile]) -> RankingWeights = WeightFitting.fit) -> [HeldOut] {
        let folds = max(2, min(folds, profiles.count))
        var results: [HeldOut] = []
        for held in 0..<folds {
            let training = profiles.indices.filter { fold(ofPosition: $0, folds: folds) != held }.map { profiles[$0] }
            let weights = fit(training)
            for position in profiles.indices where fold(ofPosition: position, folds: folds) == held {
                let profile = profiles[position]
                let ranked = ranking(profile, weights: weights)
                results.append(HeldOut(id: profile.id, fold: held, ndcg: RankingMetrics.ndcg(ranked, grades: profile.grades),
                                       precision: RankingMetrics.precision(ranked, grades: profile.grades), weights: weights))
            }
        }
        return results.sorted { $0.id < $1.id }
    }
}
