import Corpus
import Features
import Profiles

/// One recommended practice and why.
public struct Recommendation: Sendable {
    public let rank: Int
    public let practiceIndex: Int
    public let practiceId: String
    public let caseId: String
    /// The case's score (0–1), shared by its practices.
    public let score: Double
    public let scoredCase: ScoredCase
    /// The model's features that raised the case's score most, largest first: what `why` names.
    public let raised: [(feature: RankingFeature, contribution: Double)]
    /// The profile's terms that weigh most in this practice's case, heaviest first.
    public let terms: [String]
    /// The source's own sentences reporting measured results (the practice's first).
    public let evidence: [String]
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
    public let model: RankingModel
    public let practicesPerCase: Int
    /// The corpus, in the feature space's case order.
    public let cases: CaseCatalogue
    /// Each case's Healthy China action: its document's label, else the action it mentions most.
    public let caseActions: [String?]
    /// The evidence each practice's item shows (fixed per practice, so chosen once, when the
    /// practice is first answered: the choice compares sentences, a tenth of a request).
    let practiceEvidence: RowMemo<[String]>
    /// Each case's practices, in document order.
    let practicesOfCase: [[Int]]

    public init(scorer: CaseScorer, cases: CaseCatalogue, model: RankingModel, practicesPerCase: Int) {
        precondition(cases.ids == scorer.features.caseIds, "cases in the feature space's order")
        self.scorer = scorer
        self.cases = cases
        self.model = model
        self.practicesPerCase = max(practicesPerCase, 1)
        let actions = scorer.taxonomy.tags.filter { $0.group == "action" }
        caseActions = cases.indices.map { row in
            if let label = cases.facts[row].category, let key = CaseFilter.action(named: label, among: actions) { return key }
            return scorer.dominantAction(row: row)
        }
        var practicesOfCase = [[Int]](repeating: [], count: cases.count)
        for (practice, row) in scorer.features.practiceCaseRows.enumerated() { practicesOfCase[row].append(practice) }
        self.practicesOfCase = practicesOfCase
        practiceEvidence = Memo()
    }

    /// The sentences with measured results a practice's item shows: those of its own text, then
    /// of its case's. Fixed per practice.
    public func evidence(ofPractice practice: Int) -> [String] {
        practiceEvidence.value(practice) {
            let features = scorer.features, record = cases[features.practiceCaseRows[practice]]
            let text = record.practices.first { $0.id == features.practiceIds[practice] }?.text ?? ""
            return Explanation.evidence(
                own: Explanation.figureSentences(in: text, figures: record.figures),
                others: Explanation.figureSentences(in: record.text, figures: record.figures))
        }
    }

    /// The best `top` practices; throws `ProfileError` when a filter names nothing that exists.
    public func recommend(_ profile: AnalyzedProfile, top: Int, filter: CaseFilter = CaseFilter()) throws -> [Recommendation] {
        let features = scorer.features
        let query = features.weights(of: profile.terms)
        // Punctuation only, or words no case uses, with no tag and no fact of place: nothing to
        // rank by (every component would be 0). Refused as the empty profile is.
        if query.values.allSatisfy({ $0 == 0 }), profile.tags.isEmpty, profile.attributes == AnalyzedProfile.Attributes() {
            throw ProfileError(field: "profile", message: "empty: its text has no word the corpus knows, no tag and no fact of place; give at least one of text, terrain, economy or focus")
        }
        let categoryKey = try filter.validated(taxonomy: scorer.taxonomy)
        // The cases that can make the list: a case without practices gives nothing; past the
        // first `top` cases that give, none can make it (each gives one before any gives a second).
        let candidates = scorer.best(profile, model: model, limit: top) { row in
            !practicesOfCase[row].isEmpty
                && (filter.isEmpty || filter.admits(cases.facts[row], action: caseActions[row], categoryKey: categoryKey))
        }
        // Their practices, closest to the profile's words first (ties: document order).
        var ordered: [Int: [Int]] = [:]
        for scored in candidates {
            // The request's own sums (term by term, as a dot product of the two rows would add them).
            let closeness = practicesOfCase[scored.row].map { scored.practiceCloseness[$0] }
            ordered[scored.row] = practicesOfCase[scored.row].indices
                .sorted { closeness[$0] > closeness[$1] || (closeness[$0] == closeness[$1] && $0 < $1) }
                .map { practicesOfCase[scored.row][$0] }
        }
        var chosen: [(ScoredCase, Int)] = []
        for round in 0..<practicesPerCase where chosen.count < top {
            for scored in candidates where chosen.count < top && round < ordered[scored.row]!.count {
                chosen.append((scored, ordered[scored.row]![round]))
            }
        }
        return chosen.enumerated().map { offset, pair in
            let (scored, practice) = pair
            return Recommendation(
                rank: offset + 1, practiceIndex: practice, practiceId: features.practiceIds[practice],
                caseId: features.caseIds[scored.row], score: scored.score, scoredCase: scored, raised: model.strongest(scored.features),
                terms: Explanation.sharedTerms(query, features.caseWeights, row: scored.row, vocabulary: features.vocabulary),
                evidence: evidence(ofPractice: practice))
        }
    }
}
