import Features
@testable import LSA
import Testing

@Suite struct TruncatedSVDTests {
    /// A random sparse matrix from a seed.
    static func randomSparse(rows: Int, columns: Int, perRow: Int, seed: UInt64) -> SparseMatrix {
        var sampler = GaussianSampler(seed: seed)
        var entries: [[Int32: Double]] = []
        for _ in 0..<rows {
            var row: [Int32: Double] = [:]
            for _ in 0..<perRow { row[Int32(sampler.nextUniform() * Double(columns))] = abs(sampler.next()) + 0.1 }
            entries.append(row)
        }
        return SparseMatrix(columns: columns, rows: entries)
    }

    @Test func exactReconstructsTheMatrix() throws {
        let a = Self.randomSparse(rows: 30, columns: 50, perRow: 6, seed: 1)
        let svd = try TruncatedSVD.compute(a, options: .init(k: 30, method: .exact))
        let dense = SparseProducts.dense(a)
        // U Σ Vᵀ = A when k = rank.
        var us = svd.u
        for c in 0..<30 { for r in 0..<30 { us[r, c] *= svd.singularValues[c] } }
        let back = BLAS.product(us, svd.v, transposeB: true)
        let error = zip(back.values, dense.values).map { abs($0 - $1) }.max()!
        #expect(error < 1e-10)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
    }

    /// Documents about topics, as text is: each takes most of its terms from its topic's.
    static func topicalSparse(rows: Int, columns: Int, topics: Int, perRow: Int, seed: UInt64) -> SparseMatrix {
        var sampler = GaussianSampler(seed: seed)
        var entries: [[Int32: Double]] = []
        let topicWidth = columns / topics
        for _ in 0..<rows {
            let topic = Int(sampler.nextUniform() * Double(topics))
            var row: [Int32: Double] = [:]
            for _ in 0..<perRow {
                let column = sampler.nextUniform() < 0.8
                    ? topic * topicWidth + Int(sampler.nextUniform() * Double(topicWidth))
                    : Int(sampler.nextUniform() * Double(columns))
                row[Int32(column), default: 0] += 1
            }
            entries.append(row)
        }
        return SparseMatrix(columns: columns, rows: entries)
    }

    @Test func randomizedFindsTheTopSingularValues() throws {
        let a = Self.topicalSparse(rows: 400, columns: 300, topics: 25, perRow: 12, seed: 2)
        let exact = try TruncatedSVD.compute(a, options: .init(k: 20, method: .exact))
        let randomized = try TruncatedSVD.compute(a, options: .init(k: 20, method: .randomized, powerIterations: 5))
        for (e, r) in zip(exact.singularValues, randomized.singularValues) {
            #expect(abs(e - r) / e < 0.01)
        }
        // Same seed, same input → same result.
        let again = try TruncatedSVD.compute(a, options: .init(k: 20, method: .randomized, powerIterations: 5))
        #expect(again.singularValues == randomized.singularValues)
        #expect(again.u == randomized.u)
    }

    @Test func sparseProductsAgreeWithBLAS() {
        let a = Self.randomSparse(rows: 200, columns: 70, perRow: 5, seed: 3)
        var sampler = GaussianSampler(seed: 4)
        let b = sampler.matrix(rows: 70, columns: 9)
        let sparse = SparseProducts.multiply(a, b)
        let dense = RowMajorMatrix(BLAS.product(SparseProducts.dense(a), b.columnMajor))
        #expect(zip(sparse.values, dense.values).allSatisfy { abs($0 - $1) < 1e-12 })
        let t = SparseProducts.transpose(a)
        #expect(SparseProducts.dense(t).values == SparseProducts.dense(a).rowMajorValues)
    }
}
