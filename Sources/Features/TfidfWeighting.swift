import Foundation

/// TF-IDF weights with the formula of scikit-learn's
/// `TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")`:
///
///     tf(t, d) = 1 + ln(count(t, d))                     for count > 0
///     idf(t)   = ln((1 + n) / (1 + df(t))) + 1           n documents, df(t) of them contain t
///     w(t, d)  = tf(t, d) · idf(t) / ‖(tf · idf)(·, d)‖₂   each document a unit vector
///
/// The +1 inside the idf fraction counts an imaginary document with every term once (no
/// division by zero for a term of a new document); the +1 outside keeps terms that occur in
/// every document. Fitted once on the case documents (`fit`), then applied to cases, practices
/// and queries alike (`transform`), so that all live in one space. Cost: O(non-zeros).
public struct TfidfWeighting: Sendable, Equatable {
    /// idf per term (column).
    public let inverseDocumentFrequency: [Double]
    public let documentCount: Int

    public init(inverseDocumentFrequency: [Double], documentCount: Int) {
        self.inverseDocumentFrequency = inverseDocumentFrequency
        self.documentCount = documentCount
    }

    /// Learns idf from a documents × terms count matrix.
    public static func fit(_ counts: SparseMatrix) -> TfidfWeighting {
        var documentFrequency = [Int](repeating: 0, count: counts.columns)
        for column in counts.columnIndices { documentFrequency[Int(column)] += 1 }
        let n = Double(counts.rows + 1)
        // As scikit-learn computes it: log(n / df) + 1 with n and df both incremented.
        let idf = documentFrequency.map { log(n / Double($0 + 1)) + 1 }
        return TfidfWeighting(inverseDocumentFrequency: idf, documentCount: counts.rows)
    }

    /// Weights a documents × terms count matrix (same columns as at fit time).
    public func transform(_ counts: SparseMatrix) -> SparseMatrix {
        counts.mapValues { count, column in (log(count) + 1) * inverseDocumentFrequency[column] }.normalizingRows()
    }
}
