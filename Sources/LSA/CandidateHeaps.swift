/// The `capacity` best (index, score) candidates of each of `rows` rows, as one min-heap per
/// row in flat storage (no array per row: the all-pairs search offers ~n² scores and must not
/// allocate or bounds-check per offer). Ties: the lower index wins, so results do not depend
/// on the order of offers.
///
/// `threshold(row)` is the score a new candidate must reach (−∞ while the heap is not full):
/// callers test it before `offer`, which keeps the rare heap updates out of the hot loop.
public final class CandidateHeaps: @unchecked Sendable {
    public let rows: Int
    public let capacity: Int
    private let scores: UnsafeMutablePointer<Float>
    private let indices: UnsafeMutablePointer<Int32>
    private let counts: UnsafeMutablePointer<Int32>
    /// Per row: the root's score when full, else −∞. Read by callers through `thresholds`.
    public let thresholds: UnsafeMutablePointer<Float>

    public init(rows: Int, capacity: Int) {
        self.rows = rows
        self.capacity = capacity
        scores = .allocate(capacity: max(rows * capacity, 1))
        indices = .allocate(capacity: max(rows * capacity, 1))
        counts = .allocate(capacity: max(rows, 1))
        counts.initialize(repeating: 0, count: max(rows, 1))
        thresholds = .allocate(capacity: max(rows, 1))
        thresholds.initialize(repeating: capacity > 0 ? -.infinity : .infinity, count: max(rows, 1))
    }

    deinit {
        scores.deallocate()
        indices.deallocate()
        counts.deallocate()
        thresholds.deallocate()
    }

    @inline(__always)
    private static func worse(_ scoreA: Float, _ indexA: Int32, _ scoreB: Float, _ indexB: Int32) -> Bool {
        scoreA < scoreB || (scoreA == scoreB && indexA > indexB)
    }

    /// Offers `index` with `score` to `row`'s heap; a no-op when it does not beat the worst kept.
    @inline(__always)
    public func offer(row: Int, index: Int, score: Float) {
        let base = row * capacity
        let count = Int(counts[row])
        let candidate = Int32(truncatingIfNeeded: index)
        if count < capacity {
            // Sift up from the new leaf.
            var child = count
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(score, candidate, scores[base + parent], indices[base + parent]) else { break }
                scores[base + child] = scores[base + parent]
                indices[base + child] = indices[base + parent]
                child = parent
            }
            scores[base + child] = score
            indices[base + child] = candidate
            counts[row] = Int32(count + 1)
            if count + 1 == capacity { thresholds[row] = scores[base] }
            return
        }
        guard Self.worse(scores[base], indices[base], score, candidate) else { return }
        // Replace the root and sift down.
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < capacity else { break }
            var child = left
            if left + 1 < capacity, Self.worse(scores[base + left + 1], indices[base + left + 1], scores[base + left], indices[base + left]) {
                child = left + 1
            }
            guard Self.worse(scores[base + child], indices[base + child], score, candidate) else { break }
            scores[base + parent] = scores[base + child]
            indices[base + parent] = indices[base + child]
            parent = child
        }
        scores[base + parent] = score
        indices[base + parent] = candidate
        thresholds[row] = scores[base]
    }

    /// `row`'s candidates, best first.
    public func sorted(row: Int) -> [Neighbour] {
        let base = row * capacity
        return (0..<Int(counts[row]))
            .map { Neighbour(index: Int(indices[base + $0]), score: Double(scores[base + $0])) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
    }

    /// The best `capacity` of `row`'s candidates across several heaps (each pair was offered to
    /// exactly one of them), best first.
    static func merged(_ heaps: [CandidateHeaps], row: Int) -> [Neighbour] {
        guard let first = heaps.first else { return [] }
        return Array(heaps.flatMap { $0.sorted(row: row) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
            .prefix(first.capacity))
    }
}
