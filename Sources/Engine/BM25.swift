import Features
import Foundation

/// Okapi BM25 over whole documents (k₁ = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)/(n + 0.5)),
/// as Lucene): the plain text-search floor the engine must beat (`practiced eval`). Written here
/// because it is a dozen lines over the terms the analyzer already produces; no Swift package
/// here ranks text.
public struct BM25: Sendable {
    public let k1: Double
    public let b: Double
    private let termCounts: [[String: Int]]
    private let lengths: [Double]
    private let averageLength: Double
    private let documentFrequency: [String: Int]

    /// `documents`: the terms of each document, in order.
    public init(documents: [[String]], k1: Double = 1.2, b: Double = 0.75) {
        self.init(termCounts: documents.map { terms in terms.reduce(into: [:]) { $0[$1, default: 0] += 1 } }, k1: k1, b: b)
    }

    /// Documents already counted: one row of term counts per document (the feature space's
    /// `caseCounts`), so that the engine does not segment the corpus a second time.
    public init(counts: SparseMatrix, vocabulary: Vocabulary, k1: Double = 1.2, b: Double = 0.75) {
        let termCounts = (0..<counts.rows).map { document in
            let row = counts.row(document)
            return Dictionary(uniqueKeysWithValues: zip(row.columns, row.values).map { (vocabulary.terms[Int($0)], Int($1)) })
        }
        self.init(termCounts: termCounts, k1: k1, b: b)
    }

    private init(termCounts: [[String: Int]], k1: Double, b: Double) {
        self.k1 = k1
        self.b = b
        self.termCounts = termCounts
        lengths = termCounts.map { Double($0.values.reduce(0, +)) }
        averageLength = lengths.isEmpty ? 0 : max(lengths.reduce(0, +) / Double(lengths.count), 1)
        documentFrequency = termCounts.reduce(into: [:]) { frequency, counts in
            for term in counts.keys { frequency[term, default: 0] += 1 }
        }
    }

    public func idf(_ term: String) -> Double {
        let n = Double(documentFrequency[term] ?? 0), total = Double(termCounts.count)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// The score of every document for a query's terms (a repeated query term counts once).
    public func scores(_ query: [String]) -> [Double] {
        let terms = Set(query)
        return termCounts.indices.map { document in
            terms.reduce(0) { sum, term in
                guard let count = termCounts[document][term] else { return sum }
                let tf = Double(count)
                return sum + idf(term) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[document] / averageLength))
            }
        }
    }

    /// Document indices by descending score (ties: lower index first).
    public func ranking(_ query: [String]) -> [Int] {
        let scores = scores(query)
        return scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    }
}
