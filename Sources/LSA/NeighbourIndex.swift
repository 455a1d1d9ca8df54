import CBLAS
import Dispatch
import Foundation

/// A document and how close it is (cosine).
public struct Neighbour: Sendable, Equatable {
    public let index: Int
    public let score: Double
}

/// Nearest neighbours by cosine among n vectors (rows), through BLAS.
///
/// - One query: one matrix–vector product (dgemv) over the unit rows, then the top k.
/// - Every vector's top k (`allTopK`): the unit rows are cut into blocks; each pair of blocks
///   (I, J) with J ≥ I is one dgemm, whose scores update the candidates of the rows of I and,
///   by symmetry, of the rows of J — half the products, and memory bounded by one block of
///   scores plus k candidates per row, whatever n is.
public struct NeighbourIndex: Sendable {
    /// n × d unit rows (row-major; a zero row stays zero).
    public let unitRows: RowMajorMatrix

    public init(vectors: RowMajorMatrix) {
        unitRows = SemanticSpace.normalizedRows(vectors)
    }

    public var count: Int { unitRows.rows }

    /// The `top` rows closest to `vector` (any length; it is normalised), best first; rows in
    /// `excluding` are skipped (a case is not its own neighbour).
    public func query(_ vector: [Double], top: Int, excluding: Set<Int> = []) -> [Neighbour] {
        let n = unitRows.rows, d = unitRows.columns
        precondition(vector.count == d, "query of length \(vector.count) for \(d)-dimensional vectors")
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard n > 0, norm > 0, top > 0 else { return [] }
        var scores = [Double](repeating: 0, count: n)
        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(d), 1 / norm, unitRows.values, Int32(d), vector, 1, 0, &scores, 1)
        for index in excluding where index < n { scores[index] = -.infinity }
        var best = TopK(capacity: top)
        for index in 0..<n where scores[index] != -.infinity { best.offer(index: index, score: scores[index]) }
        return best.sorted()
    }

    /// For every row, its `top` nearest other rows, best first.
    public func allTopK(_ top: Int, blockSize: Int = 1024) -> [[Neighbour]] {
        let n = unitRows.rows, d = unitRows.columns
        var candidates = [TopK](repeating: TopK(capacity: top), count: n)
        guard n > 1, top > 0 else { return candidates.map { $0.sorted() } }
        let block = max(1, min(blockSize, n))
        var scores = [Double](repeating: 0, count: block * block)
        unitRows.values.withUnsafeBufferPointer { rows in
            for rowStart in stride(from: 0, to: n, by: block) {
                let rowCount = min(block, n - rowStart)
                for columnStart in stride(from: rowStart, to: n, by: block) {
                    let columnCount = min(block, n - columnStart)
                    // scores (rowCount × columnCount, row-major) = X_I · X_Jᵀ
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rowCount), Int32(columnCount), Int32(d), 1,
                        rows.baseAddress! + rowStart * d, Int32(d), rows.baseAddress! + columnStart * d, Int32(d),
                        0, &scores, Int32(columnCount))
                    let diagonal = rowStart == columnStart
                    for i in 0..<rowCount {
                        let row = rowStart + i
                        for j in (diagonal ? i + 1 : 0)..<columnCount {
                            let score = scores[i * columnCount + j]
                            let column = columnStart + j
                            candidates[row].offer(index: column, score: score)
                            candidates[column].offer(index: row, score: score)
                        }
                    }
                }
            }
        }
        return candidates.map { $0.sorted() }
    }
}

/// The k best (index, score) pairs seen, kept as a min-heap on score (ties: the lower index
/// wins, so that results do not depend on the order of offers).
struct TopK: Sendable {
    private(set) var heap: [Neighbour] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// `a` ranks below `b`.
    @inline(__always)
    private static func worse(_ a: Neighbour, _ b: Neighbour) -> Bool {
        a.score < b.score || (a.score == b.score && a.index > b.index)
    }

    @inline(__always)
    mutating func offer(index: Int, score: Double) {
        if heap.count < capacity {
            heap.append(Neighbour(index: index, score: score))
            siftUp(heap.count - 1)
        } else if Self.worse(heap[0], Neighbour(index: index, score: score)) {
            heap[0] = Neighbour(index: index, score: score)
            siftDown(0)
        }
    }

    func sorted() -> [Neighbour] {
        heap.sorted { Self.worse($1, $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, Self.worse(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.worse(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
