/// The signals the ranking model weighs for one case and one profile, each in [−1, 1].
///
/// Three kinds, chosen by 5-fold cross-validation over whole development profiles (Benchmarks/
/// RESULTS.md, "Ranking quality"):
/// - what the case says against what the profile asks (text, 0–1, scaled by the best case);
/// - where the case comes from against where the profile is: +1 the same, −1 different, 0 when
///   the profile does not say or the source is not known — so a profile of needs alone is ranked
///   by its needs. Each is multiplied by the case's TF-IDF cosine with the profile (scaled by the
///   best case): a case that shares none of the profile's words cannot rise on its place alone;
/// - the profile's Healthy China actions, themes, populations and mechanisms the case carries.
public enum RankingFeature: String, CaseIterable, Sendable, Codable {
    /// Okapi BM25 of the whole case's terms.
    case bm25
    /// The cosine of the case's and the profile's TF-IDF weights.
    case tfidf
    /// The cosine in the LSA space.
    case lsa
    /// The best of the case's practices by TF-IDF cosine (a case of several items: its best one).
    case practiceText = "practice_text"
    case terrain
    /// The profile is a (former) poverty county; so was the source.
    case poverty
    /// The profile is developed; the source is neither poor nor rural.
    case developed
    case urbanRural = "urban_rural"
    case level
    /// The profile is an ethnic area; the source is in an autonomous region, prefecture or county.
    case ethnic
    case revolutionaryBase = "revolutionary_base"
    /// The source is in the profile's province (+1) or not (0: other provinces are not unlike).
    case province
    case macroRegion = "macro_region"
    /// The rarity-weighted share of the profile's action tags the case carries.
    case action
    /// The share of the case's action mentions that are the profile's actions (a case *about*
    /// health literacy, not one that mentions it once).
    case actionShare = "action_share"
    case theme
    case population
    case mechanism

    /// The features of where the case comes from (multiplied by its TF-IDF cosine).
    public static let place: [RankingFeature] = [
        .terrain, .poverty, .developed, .urbanRural, .level, .ethnic, .revolutionaryBase, .province, .macroRegion,
    ]

    /// The features of what the case says, then of its place, then of its tags: `allCases` in order.
    public static let text: [RankingFeature] = [.bm25, .tfidf, .lsa, .practiceText]
    public static let tags: [RankingFeature] = [.action, .actionShare, .theme, .population, .mechanism]

    /// The feature's position in `allCases` (and in a model's weights).
    var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The tag group a tag feature counts, nil for the others.
    var tagGroup: String? {
        switch self {
        case .action: "action"
        case .theme: "theme"
        case .population: "population"
        case .mechanism: "mechanism"
        default: nil
        }
    }
}
