import Features
import Foundation

/// Okapi BM25 over whole documents (k₁ = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)/(n + 0.5)),
/// as Lucene): the plain text-search floor the engine must beat (`practiced eval`). Written here
/// because it is a dozen lines over the terms the analyzer already produces; no Swift package
/// here ranks text.
public struct BM25: Sendable {
    public let k1: Double
    public let b: Double
    /// Per term, the documents that hold it and how often: a query touches only those.
    private let postings: [String: [(document: Int, count: Int)]]
    private let documentCount: Int
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
        documentCount = termCounts.count
        lengths = termCounts.map { Double($0.values.reduce(0, +)) }
        averageLength = lengths.isEmpty ? 0 : max(lengths.reduce(0, +) / Double(lengths.count), 1)
        var postings: [String: [(document: Int, count: Int)]] = [:]
        for (document, counts) in termCounts.enumerated() {
            for (term, count) in counts { postings[term, default: []].append((document, count)) }
        }
        self.postings = postings
        documentFrequency = postings.mapValues(\.count)
    }

    public func idf(_ term: String) -> Double {
        let n = Double(documentFrequency[term] ?? 0), total = Double(documentCount)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// The score of every document for a query's terms (a repeated query term counts once;
    /// terms are added in sorted order, so that the sums, and ties, are the same every run).
    public func scores(_ query: [String]) -> [Double] {
        var scores = [Double](repeating: 0, count: documentCount)
        for term in Set(query).sorted() {
            guard let documents = postings[term] else { continue }
            let weight = idf(term)
            for (document, count) in documents {
                let tf = Double(count)
                scores[document] += weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[document] / averageLength))
            }
        }
        return scores
    }

    /// Document indices by descending score (ties: lower index first).
    public func ranking(_ query: [String]) -> [Int] {
        let scores = scores(query)
        return scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    }
}
