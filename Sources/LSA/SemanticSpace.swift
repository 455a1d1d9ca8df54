import Features

/// The reduced (LSA) space of a corpus: every case, practice and term as a k-vector.
///
/// With the documents × terms TF-IDF matrix A ≈ U_k Σ_k V_kᵀ:
/// - a case's vector is its row of U_k Σ_k (= A V_k), so that the cosine of two cases is the
///   cosine of their rows in the rank-k approximation of A;
/// - any other text — a practice, a query, a new case — is folded in the same way, as its
///   TF-IDF row times V_k (`foldIn`): no rebuild, and a case folded in lands exactly where the
///   SVD put it;
/// - a term's vector is its row of V_k Σ_k.
public struct SemanticSpace: Sendable {
    public let singularValues: [Double]
    /// V_k: terms × k, column-major.
    public let termBasis: DenseMatrix
    /// Cases × k, row-major: U_k Σ_k.
    public let caseVectors: RowMajorMatrix
    /// Practices × k, row-major: practice TF-IDF · V_k.
    public let practiceVectors: RowMajorMatrix

    public init(singularValues: [Double], termBasis: DenseMatrix, caseVectors: RowMajorMatrix, practiceVectors: RowMajorMatrix) {
        self.singularValues = singularValues
        self.termBasis = termBasis
        self.caseVectors = caseVectors
        self.practiceVectors = practiceVectors
    }

    public init(features: FeatureSpace, options: TruncatedSVD.Options) throws {
        let svd = try TruncatedSVD.compute(features.caseWeights, options: options)
        var caseVectors = RowMajorMatrix(svd.u)
        for row in 0..<caseVectors.rows {
            for component in 0..<caseVectors.columns { caseVectors[row, component] *= svd.singularValues[component] }
        }
        self.init(
            singularValues: svd.singularValues, termBasis: svd.v, caseVectors: caseVectors,
            practiceVectors: Self.foldIn(features.practiceWeights, basis: svd.v))
    }

    public var dimension: Int { singularValues.count }

    /// TF-IDF rows (documents × terms) → documents × k: A · V_k.
    public static func foldIn(_ weights: SparseMatrix, basis: DenseMatrix) -> RowMajorMatrix {
        SparseProducts.multiply(weights, RowMajorMatrix(basis))
    }

    public func foldIn(_ weights: SparseMatrix) -> RowMajorMatrix {
        Self.foldIn(weights, basis: termBasis)
    }

    /// Terms × k: V_k Σ_k.
    public var termVectors: RowMajorMatrix {
        var vectors = RowMajorMatrix(termBasis)
        for row in 0..<vectors.rows {
            for component in 0..<vectors.columns { vectors[row, component] *= singularValues[component] }
        }
        return vectors
    }

    /// Cosine of two vectors (0 when either is zero).
    public static func cosine(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += x * y
            normA += x * x
            normB += y * y
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    /// Every case against every case, n×n cosines, through BLAS: the rows are normalised, then
    /// their Gram matrix is one dsyrk (half the work of a general product).
    public func caseSimilarities() -> DenseMatrix {
        BLAS.rowGram(Self.normalizedRows(caseVectors).columnMajor)
    }

    public static func normalizedRows(_ matrix: RowMajorMatrix) -> RowMajorMatrix {
        var result = matrix
        for row in 0..<matrix.rows {
            let norm = matrix.row(row).reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for column in 0..<matrix.columns { result[row, column] /= norm }
        }
        return result
    }
}
