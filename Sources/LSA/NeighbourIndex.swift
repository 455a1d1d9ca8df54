import CBLAS
import Dispatch
import Foundation
import Synchronization
import VectorKernels

/// A document and how close it is (cosine).
public struct Neighbour: Sendable, Equatable {
    public let index: Int
    public let score: Double
}

/// Nearest neighbours by cosine among n vectors, through BLAS in single precision.
///
/// Float32, as faiss: the ranking needs ~7 significant digits, not 16, and half the bytes per
/// score means half the memory traffic and twice the SIMD width in sgemm/sgemv.
///
/// - One query: one matrix–vector product (sgemv) over the unit rows, then the top k.
/// - Every vector's top k (`allTopK`): the unit rows are cut into blocks; each pair of blocks
///   (I, J) with J ≥ I is one sgemm whose scores update the candidates of the rows of I and,
///   by symmetry, of the rows of J — half the products. Pairs of blocks are shared between
///   threads, each with its own candidates (merged at the end), so memory stays bounded by
///   one block of scores and k candidates per row per thread, whatever n is.
public struct NeighbourIndex: Sendable {
    public let count: Int
    public let dimensions: Int
    /// count × dimensions unit rows, row-major (a zero row stays zero).
    let unitRows: [Float]

    public init(vectors: RowMajorMatrix) {
        count = vectors.rows
        dimensions = vectors.columns
        var rows = [Float](repeating: 0, count: vectors.values.count)
        for row in 0..<vectors.rows {
            let norm = vectors.row(row).reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for column in 0..<vectors.columns {
                rows[row * vectors.columns + column] = Float(vectors[row, column] / norm)
            }
        }
        unitRows = rows
    }

    /// Row `row`, normalised.
    public func unitRow(_ row: Int) -> [Double] {
        unitRows[(row * dimensions)..<((row + 1) * dimensions)].map(Double.init)
    }

    /// The `top` rows closest to `vector` (any length; it is normalised), best first; rows in
    /// `excluding` are skipped (a case is not its own neighbour).
    public func query(_ vector: [Double], top: Int, excluding: Set<Int> = []) -> [Neighbour] {
        precondition(vector.count == dimensions, "query of length \(vector.count) for \(dimensions)-dimensional vectors")
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard count > 0, norm > 0, top > 0 else { return [] }
        let unit = vector.map { Float($0 / norm) }
        let best = CandidateHeaps(rows: 1, capacity: top)
        // Chunks of rows scored and tested at once: the scores stay in the first-level cache,
        // so the matrix is read once and nothing else goes to memory.
        let chunk = 256
        var scores = [Float](repeating: 0, count: chunk)
        unitRows.withUnsafeBufferPointer { rows in
            for start in stride(from: 0, to: count, by: chunk) {
                let length = min(chunk, count - start)
                vector_kernels_row_dots(rows.baseAddress! + start * dimensions, length, dimensions, unit, &scores)
                for offset in 0..<length where scores[offset] >= best.thresholds[0] && !excluding.contains(start + offset) {
                    best.offer(row: 0, index: start + offset, score: scores[offset])
                }
            }
        }
        return best.sorted(row: 0)
    }

    /// For every row, its `top` nearest other rows, best first.
    public func allTopK(_ top: Int, blockSize: Int = 1024) -> [[Neighbour]] {
        let n = count, d = dimensions
        guard n > 1, top > 0 else { return Array(repeating: [], count: n) }
        let block = max(1, min(blockSize, n))
        let starts = Array(stride(from: 0, to: n, by: block))
        let pairs = starts.indices.flatMap { i in starts.indices[i...].map { (starts[i], starts[$0]) } }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, pairs.count)
        let heaps = (0..<workers).map { _ in CandidateHeaps(rows: n, capacity: top) }
        let nextPair = Atomic<Int>(0)
        BLASThreads.single {
            unitRows.withUnsafeBufferPointer { rows in
                let rows = UnsafeSendable(rows)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var scores = [Float](repeating: 0, count: block * block)
                    let candidates = heaps[worker]
                    while true {
                        let pair = nextPair.add(1, ordering: .relaxed).oldValue
                        guard pair < pairs.count else { break }
                        let (rowStart, columnStart) = pairs[pair]
                        let rowCount = min(block, n - rowStart), columnCount = min(block, n - columnStart)
                        let base = rows.value.baseAddress!
                        // scores (rowCount × columnCount, row-major) = X_I · X_Jᵀ
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rowCount), Int32(columnCount), Int32(d), 1,
                            base + rowStart * d, Int32(d), base + columnStart * d, Int32(d), 0, &scores, Int32(columnCount))
                        scores.withUnsafeBufferPointer { scores in
                            Self.offer(scores.baseAddress!, rowStart: rowStart, rowCount: rowCount,
                                       columnStart: columnStart, columnCount: columnCount, to: candidates)
                        }
                    }
                }
            }
        }
        return (0..<n).map { CandidateHeaps.merged(heaps, row: $0) }
    }

    /// Offers a block of scores to both its rows and (by symmetry) its columns; on the diagonal
    /// block only the pairs above the diagonal. The thresholds keep almost every score out of
    /// the heaps once they are full.
    @inline(__always)
    private static func offer(
        _ scores: UnsafePointer<Float>, rowStart: Int, rowCount: Int, columnStart: Int, columnCount: Int,
        to candidates: CandidateHeaps
    ) {
        let diagonal = rowStart == columnStart
        let columnThresholds = candidates.thresholds + columnStart
        for i in 0..<rowCount {
            let row = rowStart + i
            let line = scores + i * columnCount
            var rowThreshold = candidates.thresholds[row]
            for j in (diagonal ? i + 1 : 0)..<columnCount {
                let score = line[j]
                if score >= rowThreshold {
                    candidates.offer(row: row, index: columnStart + j, score: score)
                    rowThreshold = candidates.thresholds[row]
                }
                if score >= columnThresholds[j] {
                    candidates.offer(row: columnStart + j, index: row, score: score)
                }
            }
        }
    }
}
