import CBLAS
import CLAPACKE

extension LAPACK {
    /// An orthonormal basis of the column space of X (n×l, row-major, n ≥ l), in place of X.
    ///
    /// CholeskyQR2: R from the Cholesky factor of the Gram matrix XᵀX (dsyrk, dpotrf), then
    /// X ← X·R⁻¹ (dtrsm), twice — the second pass restores orthogonality to machine precision
    /// when X's condition number is below ~10⁸, which holds for the re-orthonormalised power
    /// iterations of the randomized SVD. Three level-3 BLAS calls instead of Householder QR's
    /// column-by-column panels: several times faster on tall, thin matrices, and the row-major
    /// layout of the sparse products is kept (no transposition). When X is (nearly) rank
    /// deficient the Cholesky factorisation fails and Householder QR takes over.
    public static func orthonormalizeColumns(_ x: inout RowMajorMatrix) throws {
        let n = x.rows, l = x.columns
        precondition(n >= l, "orthonormalizeColumns: needs at least as many rows as columns")
        guard l > 0 else { return }
        for _ in 0..<2 {
            guard choleskyStep(&x) else {
                x = try RowMajorMatrix(orthonormalBasis(x.columnMajor))
                return
            }
        }
    }

    /// One X ← X·R⁻¹ with RᵀR = XᵀX; false (X unchanged) when XᵀX is not positive definite.
    private static func choleskyStep(_ x: inout RowMajorMatrix) -> Bool {
        let n = Int32(x.rows), l = Int32(x.columns)
        var gram = [Double](repeating: 0, count: x.columns * x.columns)
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, l, n, 1, x.values, l, 0, &gram, l)
        guard LAPACKE_dpotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "U")), l, &gram, l) == 0 else { return false }
        // A tiny pivot means a (nearly) dependent column: R⁻¹ would blow up rounding errors.
        let diagonal = (0..<x.columns).map { gram[$0 * x.columns + $0] }
        guard let largest = diagonal.max(), let smallest = diagonal.min(), smallest > largest * 1e-7 else { return false }
        cblas_dtrsm(CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, n, l, 1, gram, l, &x.values, l)
        return true
    }
}
