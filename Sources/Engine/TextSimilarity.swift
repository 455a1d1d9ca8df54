import Features
import LSA

/// The text component of the engine: a query's terms folded into the LSA space (TF-IDF with
/// the corpus's idf, projected on V_k) and compared by cosine with the case and practice vectors.
public struct TextSimilarity: Sendable {
    public let features: FeatureSpace
    public let space: SemanticSpace
    /// V_k in row-major order, converted once (not on every query: it is terms × k values).
    let basis: RowMajorMatrix

    public init(features: FeatureSpace, space: SemanticSpace) {
        precondition(features.caseIds.count == space.caseVectors.rows, "features and model disagree on the cases")
        self.features = features
        self.space = space
        basis = RowMajorMatrix(space.termBasis)
    }

    /// The query's vector in the LSA space (k values; zero when no term is known).
    public func vector(of terms: [String]) -> [Double] {
        Array(SparseProducts.multiply(features.weights(of: terms), basis).row(0))
    }

    /// Cosine of the query with every practice, in practice order.
    public func practiceScores(_ terms: [String]) -> [Double] {
        scores(vector(of: terms), against: space.practiceVectors)
    }

    /// Cosine of the query with every case, in case order.
    public func caseScores(_ terms: [String]) -> [Double] {
        scores(vector(of: terms), against: space.caseVectors)
    }

    private func scores(_ query: [Double], against vectors: RowMajorMatrix) -> [Double] {
        (0..<vectors.rows).map { SemanticSpace.cosine(query[...], vectors.row($0)) }
    }
}
