import Features

/// How much a case resembles cases in general: the mean TF-IDF cosine to its k nearest other
/// cases. A long case that touches every topic is near everything and comes first for every
/// query (a *hub*: 003-01 was in the top five of eight of the ten judged queries) while the
/// judges wanted the short cases of the same kind of work. Subtracting each candidate's hubness
/// from its cosine (CSLS, Conneau et al. 2018, "Word translation without parallel data") ranks
/// by how unusually close a case is to the query — a property of the space, not a fitted rule.
enum CaseHubness {
    /// Past this many cases the all-pairs cosines are not computed (no correction): a larger
    /// corpus needs them saved with the model (see Benchmarks/RESULTS.md, "Similar cases").
    static let maximumCases = 20_000

    /// Each case's mean cosine to its `neighbours` nearest other cases (rows of `weights` are of
    /// unit length; `byTerm` is their transpose).
    static func of(weights: SparseMatrix, byTerm: SparseMatrix, neighbours: Int) -> [Double] {
        let rows = weights.rows
        guard rows <= maximumCases, neighbours > 0 else { return [Double](repeating: 0, count: rows) }
        return (0..<rows).map { row in
            var cosines = CaseScorer.cosines(SimilarCases.singleRow(weights, row), byTerm: byTerm, rows: rows)
            cosines[row] = -.infinity
            let nearest = largest(cosines, count: min(neighbours, rows - 1))
            return nearest.isEmpty ? 0 : nearest.reduce(0, +) / Double(nearest.count)
        }
    }

    /// The `count` largest values, largest first (a short sorted list: count is small).
    static func largest(_ values: [Double], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var kept: [Double] = []
        kept.reserveCapacity(count + 1)
        for value in values where kept.count < count || value > kept[kept.count - 1] {
            let position = kept.firstIndex { value > $0 } ?? kept.count
            kept.insert(value, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
