/// Leave-one-out precision@3 of similar cases among the cases whose document labels them with a
/// Healthy China action (`category`): each labelled case asks for its 3 most similar other
/// labelled cases; precision is the share with the same label. With few labelled cases the
/// best reachable value is low, so the ceiling (every same-label case ranked first) is given too.
/// `labels` may also be every case's action (`Recommender.caseActions`: the document's label,
/// else the action the case mentions most) — more queries, but the tag overlap then sees part
/// of the label.
public struct SimilarityEvaluation: Sendable {
    public let queries: Int
    public let precision: Double
    public let ceiling: Double

    public init(_ similar: SimilarCases, labels: [String?], depth: Int = 3) throws {
        let cases = similar.recommender.cases
        precondition(labels.count == cases.count, "one label (or nil) per case")
        let labelled = cases.indices.filter { labels[$0] != nil }
        var precisions: [Double] = [], ceilings: [Double] = []
        for row in labelled {
            let label = labels[row]
            let others = labelled.filter { $0 != row }
            let ranked = try similar.similar(toCase: cases[row].id, top: cases.count)
                .filter { labels[$0.row] != nil }.prefix(depth)
            precisions.append(Double(ranked.filter { labels[$0.row] == label }.count) / Double(depth))
            ceilings.append(Double(min(depth, others.filter { labels[$0] == label }.count)) / Double(depth))
        }
        queries = labelled.count
        precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        ceiling = ceilings.isEmpty ? 0 : ceilings.reduce(0, +) / Double(ceilings.count)
    }
}
