import Corpus
import Features

/// How much a case resembles cases in general: the mean text cosine (`SubwordSpace`) to its k nearest other
/// cases. A long case that touches every topic is near everything and comes first for every
/// query (a *hub*: 003-01 was in the top five of eight of the ten judged queries) while the
/// judges wanted the short cases of the same kind of work. Subtracting each candidate's hubness
/// from its cosine (CSLS, Conneau et al. 2018, "Word translation without parallel data") ranks
/// by how unusually close a case is to the query — a property of the space, not a fitted rule.
enum CaseHubness {
    /// Past this many cases the all-pairs cosines are not computed (no correction): a larger
    /// corpus needs them saved with the model (see Benchmarks/RESULTS.md, "Similar cases").
    static let maximumCases = 20_000

    /// Each case's mean cosine to its `neighbours` nearest other cases in `space`.
    static func of(_ space: SubwordSpace, neighbours: Int) -> [Double] {
        let rows = space.caseCount
        guard rows <= maximumCases, neighbours > 0 else { return [Double](repeating: 0, count: rows) }
        let vectors = space.caseVectors()
        // Every case's row on every core: each is a query of its own.
        return ChunkedWork.map(Array(0..<rows), chunkSize: 64) { chunk in
            chunk.map { row in
                var cosines = space.cosines(SimilarCases.singleRow(vectors, row))
                cosines[row] = -.infinity
                let nearest = largest(cosines, count: min(neighbours, rows - 1))
                return nearest.isEmpty ? 0 : nearest.reduce(0, +) / Double(nearest.count)
            }
        }.flatMap { $0 }
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
