import Features
import LSA

/// The text component of the engine: a query's terms folded into the LSA space (TF-IDF with
/// the corpus's idf, projected on V_k) and compared by cosine with the case and practice vectors.
public struct TextSimilarity: Sendable {
    public let features: FeatureSpace
    public let space: SemanticSpace
    /// V_k in row-major order, converted once (not on every query: it is terms × k values).
    let basis: RowMajorMatrix
    /// The case vectors scaled to unit length once, so that a query's cosines are one
    /// matrix–vector product (BLAS) instead of a norm per row per request.
    let unitCases: RowMajorMatrix

    public init(features: FeatureSpace, space: SemanticSpace) {
        precondition(features.caseIds.count == space.caseVectors.rows, "features and model disagree on the cases")
        self.features = features
        self.space = space
        basis = RowMajorMatrix(space.termBasis)
        unitCases = SemanticSpace.normalizedRows(space.caseVectors)
    }

    /// The query's vector in the LSA space (k values; zero when no term is known).
    public func vector(of terms: [String]) -> [Double] {
        Array(SparseProducts.multiply(features.weights(of: terms), basis).row(0))
    }

    /// Cosine of the query with every practice, in practice order (for the evaluation: the
    /// practice vectors scaled per call, not kept scaled in a served engine).
    public func practiceScores(_ terms: [String]) -> [Double] {
        scores(vector(of: terms), against: SemanticSpace.normalizedRows(space.practiceVectors))
    }

    /// Cosine of the query with every case, in case order.
    public func caseScores(_ terms: [String]) -> [Double] {
        scores(vector(of: terms), against: unitCases)
    }

    /// Cosines of `query` with unit rows: the product with the query made unit too (0 for a
    /// query with no known term, and for a row of zeros).
    private func scores(_ query: [Double], against unitRows: RowMajorMatrix) -> [Double] {
        let norm = query.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [Double](repeating: 0, count: unitRows.rows) }
        return BLAS.product(unitRows, query.map { $0 / norm })
    }
}
