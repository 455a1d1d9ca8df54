import Features
import Foundation
import LSA

/// Okapi BM25 over whole documents (k₁ = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)/(n + 0.5)),
/// as Lucene): the plain text-search floor the engine must beat (`practiced eval`) and one of
/// the ranking's features. Written here because it is a dozen lines over the term counts the
/// analyzer already produces; no Swift package here ranks text.
public struct BM25: Sendable {
    public let k1: Double
    public let b: Double
    let vocabulary: Vocabulary
    /// terms × documents: per term (by column id), the documents that hold it and how often —
    /// a query touches only those.
    private let postings: SparseMatrix
    /// The raw counts term-major (what `SubwordSpace` is built from, the served space having
    /// dropped the case-major counts).
    var countsByTerm: SparseMatrix { postings }
    private let lengths: [Double]
    private let averageLength: Double

    /// `documents`: the terms of each document, in order.
    public init(documents: [[String]], k1: Double = 1.2, b: Double = 0.75) {
        let vocabulary = Vocabulary(terms: documents.joined())
        self.init(counts: SparseMatrix(columns: vocabulary.count, rows: documents.map(vocabulary.counts(of:))),
                  vocabulary: vocabulary, k1: k1, b: b)
    }

    /// Documents already counted: one row of term counts per document (the feature space's
    /// `caseCounts`), so that the engine does not segment the corpus a second time.
    public init(counts: SparseMatrix, vocabulary: Vocabulary, k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        self.vocabulary = vocabulary
        postings = SparseProducts.transpose(counts)
        lengths = (0..<counts.rows).map { counts.row($0).values.reduce(0, +) }
        averageLength = lengths.isEmpty ? 0 : max(lengths.reduce(0, +) / Double(lengths.count), 1)
    }

    private var documentCount: Int { lengths.count }

    public func idf(_ term: String) -> Double {
        let n = Double(vocabulary.column(of: term).map { postings.row(Int($0)).columns.count } ?? 0), total = Double(documentCount)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// The score of every document for a query's terms (a repeated query term counts once;
    /// terms are added in sorted order, so that the sums, and ties, are the same every run).
    public func scores(_ query: [String]) -> [Double] {
        var scores = [Double](repeating: 0, count: documentCount)
        for term in Set(query).sorted() {
            guard let column = vocabulary.column(of: term) else { continue }
            let weight = idf(term), documents = postings.row(Int(column))
            for (document, count) in zip(documents.columns, documents.values) {
                scores[Int(document)] += weight * count * (k1 + 1) / (count + k1 * (1 - b + b * lengths[Int(document)] / averageLength))
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
