import Foundation
import LSA

/// Fits the ranking model to graded profiles, and measures it honestly: k-fold cross-validation
/// over whole profiles, every weight and the penalty fitted on the training folds only.
///
/// The model is pairwise logistic regression (RankNet with a linear scorer): for every two cases
/// of a profile that the judges graded differently, the probability that the better one scores
/// higher is σ(w·(x_better − x_worse)); the weights minimise the pairs' log-loss plus
/// ½·penalty·|w|². Chosen over a grid of four weights (0.716 held out), a pointwise ridge
/// regression and small gradient-boosted trees (0.71–0.74, Benchmarks/RESULTS.md): all did as
/// well or worse, and a linear model says exactly what moved each item. Solved by Newton's method
/// (the Hessian is features × features, 18×18) with BLAS and LAPACK.
public enum RankingFitting {
    /// One profile's graded cases: each case that can give a practice, with its features.
    public struct Profile: Sendable {
        public let id: String
        public let grades: [String: Double]
        /// (case key, features in `RankingFeature.allCases` order), in corpus order.
        public let cases: [(key: String, features: [Double])]
        /// The DCG@10 of its best-graded cases, computed once for every fit that ranks it.
        let idealDCG: Double

        public init(id: String, grades: [String: Double], cases: [(key: String, features: [Double])]) {
            self.id = id
            self.grades = grades
            self.cases = cases
            idealDCG = RankingMetrics.idealDCG(grades: grades)
        }

        /// x_better − x_worse for every two cases graded differently, one row after another.
        var differences: [[Double]] {
            var rows: [[Double]] = []
            for better in cases.indices {
                let high = grades[cases[better].key] ?? 0
                for worse in cases.indices where high > grades[cases[worse].key] ?? 0 {
                    rows.append(zip(cases[better].features, cases[worse].features).map { $0 - $1 })
                }
            }
            return rows
        }
    }

    /// The penalties the inner cross-validation chooses from, strongest first (ties: the stronger).
    public static let penalties: [Double] = [500, 150, 50, 15, 5]

    /// The ten best cases for `model`, as the engine ranks them (ties: corpus order).
    public static func ranking(_ profile: Profile, model: RankingModel) -> [String] {
        let scores = profile.cases.map { model.score($0.features) }
        return scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            .prefix(10).map { profile.cases[$0].key }
    }

    static func meanNDCG(_ profiles: [Profile], model: RankingModel) -> Double {
        profiles.reduce(0) { $0 + RankingMetrics.ndcg(ranking($1, model: model), grades: $1.grades, ideal: $1.idealDCG) }
            / Double(max(profiles.count, 1))
    }

    /// The model fitted on `profiles`: the penalty chosen by an inner `folds`-fold
    /// cross-validation among them, then the weights fitted on all of them with it. `labels`
    /// gives the answers' words for the features.
    public static func fit(_ profiles: [Profile], folds: Int = 4, labels: RankingModel = .unlabelled) throws -> RankingModel {
        let folds = max(2, min(folds, profiles.count))
        var best = penalties[0], bestScore = -1.0
        if profiles.count >= 2 {
            for penalty in penalties {
                var total = 0.0
                for held in 0..<folds {
                    let training = profiles.indices.filter { fold(ofPosition: $0, folds: folds) != held }.map { profiles[$0] }
                    let tested = profiles.indices.filter { fold(ofPosition: $0, folds: folds) == held }.map { profiles[$0] }
                    let model = RankingModel(weights: try weights(training, penalty: penalty), regularization: penalty)
                    total += meanNDCG(tested, model: model) * Double(tested.count)
                }
                if total > bestScore + 1e-12 { (best, bestScore) = (penalty, total) }
            }
        }
        return labels.with(weights: try weights(profiles, penalty: best), regularization: best)
    }

    /// The weights minimising the pairs' log-loss + ½·penalty·|w|², by Newton's method.
    public static func weights(_ profiles: [Profile], penalty: Double) throws -> [Double] {
        let count = RankingFeature.allCases.count
        let rows = profiles.flatMap(\.differences)
        // Column-major pairs × features, for BLAS.
        var d = DenseMatrix(rows: rows.count, columns: count)
        for (row, values) in rows.enumerated() { for column in 0..<count { d[row, column] = values[column] } }
        var w = [Double](repeating: 0, count: count)
        func loss(_ w: [Double]) -> Double {
            let z = BLAS.product(d, DenseMatrix(rows: count, columns: 1, values: w)).values
            // log(1 + e^(−z)), written to stay finite for large |z|.
            return z.reduce(0) { $0 + max(-$1, 0) + log1p(exp(-abs($1))) } + 0.5 * penalty * w.reduce(0) { $0 + $1 * $1 }
        }
        var current = loss(w)
        for _ in 0..<50 {
            let z = BLAS.product(d, DenseMatrix(rows: count, columns: 1, values: w)).values
            // Gradient: penalty·w − Dᵀ(1 − σ(z)); Hessian: penalty·I + Dᵀ diag(σ(z)(1 − σ(z))) D.
            var residual = [Double](repeating: 0, count: rows.count)
            var scaled = d
            for pair in 0..<rows.count {
                let p = 1 / (1 + exp(-z[pair]))
                residual[pair] = 1 - p
                let root = (p * (1 - p)).squareRoot()
                for column in 0..<count { scaled[pair, column] *= root }
            }
            let pull = BLAS.product(d, transposeA: true, DenseMatrix(rows: rows.count, columns: 1, values: residual)).values
            let gradient = (0..<count).map { penalty * w[$0] - pull[$0] }
            var hessian = BLAS.product(scaled, transposeA: true, scaled)
            for i in 0..<count { hessian[i, i] += penalty }
            let step = try LAPACK.solvePositiveDefinite(hessian, gradient)
            // Newton's step, halved until the loss falls (it nearly always does at once).
            var scale = 1.0, next = w, nextLoss = current
            while scale > 1e-6 {
                next = (0..<count).map { w[$0] - scale * step[$0] }
                nextLoss = loss(next)
                if nextLoss <= current { break }
                scale /= 2
            }
            let moved = zip(next, w).map { abs($0 - $1) }.max() ?? 0
            (w, current) = (next, nextLoss)
            if moved < 1e-9 { break }
        }
        return w
    }

    public struct HeldOut: Sendable {
        public let id: String
        public let fold: Int
        public let ndcg: Double
        public let precision: Double
        /// The model fitted without this profile's fold.
        public let model: RankingModel
    }

    /// Each profile's fold: its position modulo `folds` (fixed, so a run can be repeated).
    public static func fold(ofPosition position: Int, folds: Int) -> Int { position % folds }

    /// k-fold cross-validation: for each fold, a model fitted on the other folds' profiles (its
    /// penalty by an inner cross-validation among them), then the fold's profiles ranked with it.
    /// `fit` is a parameter so a test can watch what each fit is given.
    public static func crossValidate(_ profiles: [Profile], folds: Int = 5,
                                     fit: ([Profile]) throws -> RankingModel = { try RankingFitting.fit($0) }) rethrows -> [HeldOut] {
        let folds = max(2, min(folds, profiles.count))
        var results: [HeldOut] = []
        for held in 0..<folds {
            let training = profiles.indices.filter { fold(ofPosition: $0, folds: folds) != held }.map { profiles[$0] }
            let model = try fit(training)
            for position in profiles.indices where fold(ofPosition: position, folds: folds) == held {
                let profile = profiles[position]
                let ranked = ranking(profile, model: model)
                results.append(HeldOut(id: profile.id, fold: held, ndcg: RankingMetrics.ndcg(ranked, grades: profile.grades),
                                       precision: RankingMetrics.precision(ranked, grades: profile.grades), model: model))
            }
        }
        return results.sorted { $0.id < $1.id }
    }
}

extension RankingModel {
    /// No weights and no labels: the starting point of a fit with no labels to keep.
    public static let unlabelled = RankingModel(weights: RankingFeature.allCases.map { _ in 0 }, regularization: 0)
}
