/// One region's report as the templates read it: every value already what the reader sees
/// (labels in Chinese, numbers formatted), in a fixed order, so that the same input gives the
/// same bytes. Built by `ReportBuilder`, rendered by `ReportRenderer`.
public struct RegionReport: Sendable, Encodable {
    /// File name without extension (unique in a batch).
    public let file: String
    /// The region's name (else its id, else the row).
    public let title: String
    public let id: String?
    /// Where the profile came from: "profiles.jsonl:3".
    public let origin: String
    public let profile: ProfileView
    /// The recommended practices, grouped by the Healthy China action of their case.
    public let groups: [ActionGroup]
    public let practiceCount: Int
    public let similar: [SimilarView]
    public let chartByAction: BarChart
    public let chartBySource: BarChart
    public let map: CaseMap
    public let plan: PlanReview?
    /// For the overview: the first practices' headings and how many of the profile's needs
    /// (its tags) the list answers, e.g. "3/4".
    public let topHeadings: [String]
    public let needCoverage: String
    /// For summary.csv, in rank order.
    public let summaryRows: [SummaryRow]
}

public struct ProfileView: Sendable, Encodable {
    public struct Attribute: Sendable, Encodable {
        public let label, value, source: String
    }
    public struct TagView: Sendable, Encodable {
        public let label, group, source: String
    }
    public let attributes: [Attribute]
    public let tags: [TagView]
    /// The profile's text, shortened for the page (a plan can run to pages).
    public let text: String?
    public let textShortened: Bool
}

public struct ActionGroup: Sendable, Encodable {
    public let action: String
    public let practices: [PracticeView]
}

public struct PracticeView: Sendable, Encodable {
    public let rank: Int
    public let practiceId, caseId: String
    public let heading, text: String
    public let caseTitle: String
    public let region: String
    public let score: String
    /// What raised the score most (the ranking model's features, in words), nil when nothing did.
    public let weighed: String?
    /// The profile's tags the case carries, and the heaviest shared words (nil when none).
    public let matchedTags: String?
    public let terms: String?
    public let regionFit: String
    public let evidence: [String]
    public let hasEvidence: Bool
    public let provenance: String
    /// The plan's gap this practice fills (plan review only).
    public let fills: String?
}

public struct SimilarView: Sendable, Encodable {
    public let rank: Int
    public let caseId, title, region, score, terms: String
}

public struct SummaryRow: Sendable, Encodable {
    public let rank: Int
    public let practiceId, caseId: String
    public let score: Double
}

/// What a region's own plan already covers and what it leaves out (`PlanReview.review`).
public struct PlanReview: Sendable, Encodable {
    public let coveredActions: [String]
    public let missedActions: [String]
    public let coveredTypes: [String]
    public let missedTypes: [String]
    /// "5/15": Healthy China actions the plan names.
    public let actionCoverage: String
    /// Practices for the gaps: the best-fitting practices from cases about a missed action.
    public let gapPractices: [PracticeView]
}
