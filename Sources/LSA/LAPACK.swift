import CLAPACKE

/// Thin wrappers over LAPACKE. Matrices are column-major; a non-zero `info` becomes a
/// `LinearAlgebraError`.
public enum LAPACK {
    /// The thin SVD of A (m×n): A = U · diag(s) · Vᵀ with U m×r, s descending (r), Vᵀ r×n,
    /// r = min(m, n). Divide and conquer (dgesdd): the fastest exact LAPACK routine for this.
    /// Consumes A (its storage becomes the routine's work copy when the caller gives it up).
    public static func singularValueDecomposition(_ a: consuming DenseMatrix) throws -> (u: DenseMatrix, s: [Double], vt: DenseMatrix) {
        let m = a.rows, n = a.columns, r = min(m, n)
        var work = (consume a).values
        var s = [Double](repeating: 0, count: r)
        var u = DenseMatrix(rows: m, columns: r)
        var vt = DenseMatrix(rows: r, columns: n)
        guard r > 0 else { return (u, s, vt) }
        let info = LAPACKE_dgesdd(
            LAPACK_COL_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n), &work, Int32(m), &s,
            &u.values, Int32(m), &vt.values, Int32(r))
        guard info == 0 else { throw LinearAlgebraError(routine: "dgesdd", info: info) }
        return (u, s, vt)
    }

    /// An orthonormal basis of the column space of A (m×n, m ≥ n): the Q (m×n) of A = QR,
    /// by Householder QR (dgeqrf) and the explicit Q (dorgqr).
    public static func orthonormalBasis(_ a: DenseMatrix) throws -> DenseMatrix {
        let m = a.rows, n = a.columns
        precondition(m >= n, "orthonormalBasis: needs at least as many rows as columns")
        var q = a
        var tau = [Double](repeating: 0, count: n)
        guard n > 0 else { return q }
        var info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(m), Int32(n), &q.values, Int32(m), &tau)
        guard info == 0 else { throw LinearAlgebraError(routine: "dgeqrf", info: info) }
        info = LAPACKE_dorgqr(LAPACK_COL_MAJOR, Int32(m), Int32(n), Int32(n), &q.values, Int32(m), &tau)
        guard info == 0 else { throw LinearAlgebraError(routine: "dorgqr", info: info) }
        return q
    }
}

extension LAPACK {
    /// x with A·x = b for a symmetric positive definite A (n×n), by Cholesky (dposv).
    public static func solvePositiveDefinite(_ a: DenseMatrix, _ b: [Double]) throws -> [Double] {
        let n = a.rows
        precondition(a.columns == n && b.count == n, "solvePositiveDefinite: shapes do not agree")
        guard n > 0 else { return [] }
        var factor = a.values, x = b
        let info = LAPACKE_dposv(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(n), 1, &factor, Int32(n), &x, Int32(n))
        guard info == 0 else { throw LinearAlgebraError(routine: "dposv", info: info) }
        return x
    }
}
