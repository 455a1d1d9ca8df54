import Features

/// The k largest singular triplets of a documents × terms matrix A (n×m): A ≈ U_k Σ_k V_kᵀ.
public struct TruncatedSVD: Sendable {
    /// Descending singular values σ₁ ≥ … ≥ σ_k.
    public let singularValues: [Double]
    /// U_k: n×k, left singular vectors (one row per document).
    public let u: DenseMatrix
    /// V_k: m×k, right singular vectors (one row per term).
    public let v: DenseMatrix

    public enum Method: String, Sendable, Codable {
        /// LAPACK dgesdd on the dense matrix: exact; O(n·m·min(n, m)) time, n·m memory.
        case exact
        /// Halko–Martinsson–Tropp: a Gaussian test matrix, power iterations re-orthonormalised
        /// (CholeskyQR2, Householder QR as fallback), then an exact SVD of the small projected
        /// matrix; O(nnz·(k+p)·(2q+2)).
        case randomized
    }

    public struct Options: Sendable, Equatable {
        public var k: Int
        public var method: Method
        /// Extra dimensions of the random subspace beyond k (p).
        public var oversampling: Int
        /// Power iterations (q): each sharpens the spectrum, at two sparse products.
        public var powerIterations: Int
        public var seed: UInt64

        public init(k: Int, method: Method, oversampling: Int = 10, powerIterations: Int = 5, seed: UInt64 = 42) {
            self.k = k
            self.method = method
            self.oversampling = oversampling
            self.powerIterations = powerIterations
            self.seed = seed
        }
    }

    public static func compute(_ a: SparseMatrix, options: Options) throws -> TruncatedSVD {
        let k = min(options.k, a.rows, a.columns)
        switch options.method {
        case .exact: return try exact(a, k: k).withSignConvention()
        case .randomized:
            // The cores are spent in the sparse products (our own threads); the dense steps are
            // a small share, and one BLAS thread spares OpenBLAS's per-thread buffers (~50 MiB
            // at 100,000 documents, measured) without a measurable loss of time.
            return try BLASThreads.single { try randomized(a, k: k, options: options) }.withSignConvention()
        }
    }

    /// Each pair of singular vectors with the sign that makes the largest entry of u (in
    /// absolute value; the first of equals) positive, as scikit-learn's `svd_flip`: the sign a
    /// LAPACK routine returns is arbitrary and may differ between BLAS libraries, and the
    /// reports' map of the first two dimensions must not mirror from one machine to the next.
    func withSignConvention() -> TruncatedSVD {
        var u = self.u, v = self.v
        for component in 0..<u.columns {
            var largest = 0.0
            for row in 0..<u.rows where abs(u[row, component]) > abs(largest) { largest = u[row, component] }
            guard largest < 0 else { continue }
            for row in 0..<u.rows { u[row, component] = -u[row, component] }
            for row in 0..<v.rows { v[row, component] = -v[row, component] }
        }
        return TruncatedSVD(singularValues: singularValues, u: u, v: v)
    }

    static func exact(_ a: SparseMatrix, k: Int) throws -> TruncatedSVD {
        let (u, s, vt) = try LAPACK.singularValueDecomposition(SparseProducts.dense(a))
        var v = DenseMatrix(rows: a.columns, columns: k)
        for component in 0..<k {
            for term in 0..<a.columns { v[term, component] = vt[component, term] }
        }
        return TruncatedSVD(singularValues: Array(s.prefix(k)), u: u.leadingColumns(k), v: v)
    }

    static func randomized(_ a: SparseMatrix, k: Int, options: Options) throws -> TruncatedSVD {
        let l = min(k + options.oversampling, min(a.rows, a.columns))
        // Aᵀ in CSR for the products by Aᵀ (a gather is faster than a scatter); released as soon
        // as the last product is made, before the small SVD's workspace is taken.
        var transposed: SparseMatrix? = SparseProducts.transpose(a)
        var sampler = GaussianSampler(seed: options.seed)
        // Range finder: Q spans A·Ω; each power iteration replaces it by an orthonormal basis of
        // A·Aᵀ·Q, re-orthonormalising after every product so that small directions survive.
        // Everything stays row-major, the layout of the sparse products: an n×l row-major
        // matrix is its l×n transpose in LAPACK's column-major terms.
        // The products that only look for the subspace run in single precision (the random
        // start limits its accuracy far more); the last one, which gives the values, in double.
        var q = SparseProducts.multiply(a, sampler.matrix(rows: a.columns, columns: l), precision: .single)
        try LAPACK.orthonormalizeColumns(&q)
        for _ in 0..<options.powerIterations {
            // Each factor is consumed by its product: two n×l matrices are never held at once.
            var z = SparseProducts.multiply(transposed!, consume q, precision: .single)
            try LAPACK.orthonormalizeColumns(&z)
            q = SparseProducts.multiply(a, consume z, precision: .single)
            try LAPACK.orthonormalizeColumns(&q)
        }
        // B = Qᵀ·A (l×m), computed as (Aᵀ·Q)ᵀ; its exact SVD gives A's top triplets.
        // Row-major m×l Aᵀ·Q is column-major l×m B.
        let b = DenseMatrix(rows: l, columns: a.columns, values: SparseProducts.multiply(transposed!, q).values)
        transposed = nil
        let (ub, s, vt) = try LAPACK.singularValueDecomposition(consume b)
        // U = Q·U_B, with Q given as the column-major l×n matrix Qᵀ.
        let u = BLAS.product(DenseMatrix(rows: l, columns: a.rows, values: q.values), transposeA: true, ub).leadingColumns(k)
        var v = DenseMatrix(rows: a.columns, columns: k)
        for component in 0..<k {
            for term in 0..<a.columns { v[term, component] = vt[component, term] }
        }
        return TruncatedSVD(singularValues: Array(s.prefix(k)), u: u, v: v)
    }
}
