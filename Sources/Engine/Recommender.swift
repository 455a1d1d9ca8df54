import Features

/// One recommended practice and why.
public struct Recommendation: Sendable {
    public let rank: Int
    public let practiceIndex: Int
    public let practiceId: String
    public let caseId: String
    /// The case's score (0–1), shared by its practices.
    public let score: Double
    public let scoredCase: ScoredCase
}

/// Practices for a profile: cases scored by `CaseScorer`, then each case's practices in order of
/// their own closeness to the profile's words.
///
/// Diversity: each case gives its best practice before any case gives a second, and no case more
/// than `practicesPerCase` — a list of ten from ten cases when ten cases are worth it (the
/// measure counts each case once, and officials want different experiences, not one case's
/// whole programme).
public struct Recommender: Sendable {
    public let scorer: CaseScorer
    public let weights: RankingWeights
    public let practicesPerCase: Int

    public init(scorer: CaseScorer, weights: RankingWeights, practicesPerCase: Int) {
        self.scorer = scorer
        self.weights = weights
        self.practicesPerCase = max(practicesPerCase, 1)
    }

    public func recommend(_ profile: AnalyzedProfile, top: Int) -> [Recommendation] {
        let features = scorer.features
        let cases = scorer.score(profile, weights: weights).sorted { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
        let query = features.weights(of: profile.terms)
        // Each case's practices, closest to the profile's words first (ties: document order).
        var practicesOfCase = [[Int]](repeating: [], count: features.caseIds.count)
        for (practice, row) in features.practiceCaseRows.enumerated() { practicesOfCase[row].append(practice) }
        let closeness = (0..<features.practiceIds.count).map { CaseScorer.dot(query.row(0), features.practiceWeights.row($0)) }
        for row in practicesOfCase.indices {
            practicesOfCase[row].sort { closeness[$0] > closeness[$1] || (closeness[$0] == closeness[$1] && $0 < $1) }
        }
        var chosen: [(ScoredCase, Int)] = []
        for round in 0..<practicesPerCase where chosen.count < top {
            for scored in cases where chosen.count < top && round < practicesOfCase[scored.row].count {
                chosen.append((scored, practicesOfCase[scored.row][round]))
            }
        }
        return chosen.enumerated().map { offset, pair in
            Recommendation(rank: offset + 1, practiceIndex: pair.1, practiceId: features.practiceIds[pair.1],
                           caseId: features.caseIds[pair.0.row], score: pair.0.score, scoredCase: pair.0)
        }
    }
}
