import Features
@testable import LSA
import Testing

@Suite struct OrthonormalizationTests {
    /// Qᵀ·Q − I, largest absolute entry.
    func orthogonalityError(_ q: RowMajorMatrix) -> Double {
        var worst = 0.0
        for i in 0..<q.columns {
            for j in 0..<q.columns {
                let dot = (0..<q.rows).reduce(0.0) { $0 + q[$1, i] * q[$1, j] }
                worst = max(worst, abs(dot - (i == j ? 1 : 0)))
            }
        }
        return worst
    }

    @Test func choleskyQR2GivesAnOrthonormalBasisOfTheSameSpace() throws {
        var sampler = GaussianSampler(seed: 21)
        let x = sampler.matrix(rows: 300, columns: 12)
        var q = x
        try LAPACK.orthonormalizeColumns(&q)
        #expect(orthogonalityError(q) < 1e-13)
        // Same space: X is reproduced by its projection Q·Qᵀ·X.
        for column in [0, 11] {
            let coefficients = (0..<12).map { k in (0..<300).reduce(0.0) { $0 + q[$1, k] * x[$1, column] } }
            for row in [0, 150, 299] {
                let projected = (0..<12).reduce(0.0) { $0 + q[row, $1] * coefficients[$1] }
                #expect(abs(projected - x[row, column]) < 1e-10)
            }
        }
    }

    @Test func aRankDeficientMatrixFallsBackToHouseholder() throws {
        // Column 3 repeats column 1: the Gram matrix is singular and Cholesky must not be used.
        var sampler = GaussianSampler(seed: 22)
        var x = sampler.matrix(rows: 50, columns: 5)
        for row in 0..<50 { x[row, 3] = x[row, 1] }
        try LAPACK.orthonormalizeColumns(&x)
        #expect(x.values.allSatisfy { $0.isFinite })
        // Householder QR returns orthonormal columns even for a dependent input.
        #expect(orthogonalityError(x) < 1e-12)
    }
}
