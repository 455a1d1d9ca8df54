/// The terms of the feature space, one column each, in sorted order (so that the same
/// corpus always gives the same columns).
public struct Vocabulary: Sendable, Equatable {
    public let terms: [String]
    private let columnByTerm: [String: Int32]

    public init(terms: some Sequence<String>) {
        self.terms = Array(Set(terms)).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        var columns: [String: Int32] = [:]
        for (index, term) in self.terms.enumerated() { columns[term] = Int32(index) }
        columnByTerm = columns
    }

    /// Terms already in the vocabulary's order (a saved stage's): no sort.
    public init(sortedTerms: [String]) {
        terms = sortedTerms
        var columns: [String: Int32] = [:]
        columns.reserveCapacity(sortedTerms.count)
        for (index, term) in sortedTerms.enumerated() { columns[term] = Int32(index) }
        columnByTerm = columns
    }

    public var count: Int { terms.count }

    public func column(of term: String) -> Int32? { columnByTerm[term] }

    /// Term counts of one document; terms outside the vocabulary are left out (a query's new words).
    public func counts(of terms: [String]) -> [Int32: Double] {
        var counts: [Int32: Double] = [:]
        for term in terms {
            if let column = columnByTerm[term] { counts[column, default: 0] += 1 }
        }
        return counts
    }
}
