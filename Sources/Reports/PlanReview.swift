import Engine
import Features
import Profiles

extension PlanReview {
    /// A profile carries a plan when its text is this long or longer (a plan runs to pages; a
    /// description of the place to a sentence or two).
    public static let minimumPlanCharacters = 200
    /// Practices offered for the gaps.
    static let gapPractices = 5

    /// What a plan covers: the Healthy China actions and the practice types (themes and
    /// mechanisms of the taxonomy) its text names, those it does not, and the best-fitting
    /// practices from cases about a missed action. nil when the profile has no plan.
    static func review(_ analyzed: AnalyzedProfile, builder: ReportBuilder) throws -> PlanReview? {
        guard let text = analyzed.profile.text, text.count >= minimumPlanCharacters else { return nil }
        let named = Set(analyzed.tags.filter { $0.source != "focus" }.map(\.key))
        let taxonomy = builder.recommender.scorer.taxonomy.tags
        let actions = taxonomy.filter { $0.group == "action" }
        let types = taxonomy.filter { $0.group == "theme" || $0.group == "mechanism" }
        let missed = Set(actions.filter { !named.contains($0.key) }.map(\.key))
        // The profile's own ranking, kept to the cases about what the plan leaves out.
        let ranked = try builder.recommender.recommend(analyzed, top: 100)
        let gaps = ranked.filter { builder.recommender.caseActions[$0.scoredCase.row].map(missed.contains) ?? false }
            .prefix(gapPractices)
        return PlanReview(
            coveredActions: actions.filter { named.contains($0.key) }.map(\.label),
            missedActions: actions.filter { missed.contains($0.key) }.map(\.label),
            coveredTypes: types.filter { named.contains($0.key) }.map(\.label),
            missedTypes: types.filter { !named.contains($0.key) }.map(\.label),
            actionCoverage: "\(actions.count - missed.count)/\(actions.count)",
            gapPractices: gaps.enumerated().map { offset, item in
                builder.practiceView(item, rank: offset + 1, fills: builder.actionLabel(row: item.scoredCase.row))
            })
    }
}
