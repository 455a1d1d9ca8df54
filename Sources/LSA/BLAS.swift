import CBLAS

/// Thin wrappers over CBLAS. Matrices are column-major; shapes are in the doc comments.
public enum BLAS {
    /// C (m×n) = alpha · op(A) · op(B) + beta · C, with op(A) m×k and op(B) k×n.
    public static func gemm(
        _ a: DenseMatrix, transposeA: Bool = false, _ b: DenseMatrix, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout DenseMatrix
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition((transposeB ? b.columns : b.rows) == k && c.rows == m && c.columns == n, "gemm: shapes do not agree")
        guard m > 0, n > 0 else { return }
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a.values, Int32(max(a.rows, 1)), b.values, Int32(max(b.rows, 1)),
            beta, &c.values, Int32(max(c.rows, 1)))
    }

    /// op(A) · op(B) as a new matrix.
    public static func product(_ a: DenseMatrix, transposeA: Bool = false, _ b: DenseMatrix, transposeB: Bool = false) -> DenseMatrix {
        var c = DenseMatrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// A · x for a row-major A (m×n) and x (n): one dgemv.
    public static func product(_ a: RowMajorMatrix, _ x: [Double]) -> [Double] {
        precondition(x.count == a.columns, "product: shapes do not agree")
        var y = [Double](repeating: 0, count: a.rows)
        guard a.rows > 0, a.columns > 0 else { return y }
        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(a.rows), Int32(a.columns), 1, a.values, Int32(a.columns), x, 1, 0, &y, 1)
        return y
    }

    /// The Gram matrix of the rows of A (n×k): A · Aᵀ (n×n), both triangles filled.
    /// dsyrk computes one triangle (half the work of gemm); the other is mirrored.
    public static func rowGram(_ a: DenseMatrix) -> DenseMatrix {
        let n = a.rows
        var c = DenseMatrix(rows: n, columns: n)
        guard n > 0 else { return c }
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(n), Int32(a.columns), 1, a.values, Int32(n), 0, &c.values, Int32(n))
        for column in 0..<n {
            for row in (column + 1)..<n { c.values[row + column * n] = c.values[column + row * n] }
        }
        return c
    }
}
