import Foundation

/// Term counts of a synthetic corpus shaped like the real one, for benchmarks and for testing
/// the randomized SVD at sizes the shipped corpus does not reach.
///
/// Shape: documents are written about topics, as case collections are. Each of `topics` topics
/// prefers its own slice of the vocabulary; some topics are far more common than others (topic
/// popularity is Zipf-distributed, like the share of cases per special action), so that the
/// singular values decay as a real corpus's do. A document picks one main topic and a second one,
/// and draws its words 70 % from the main topic, 15 % from the second and 15 % from the whole
/// vocabulary, always Zipf-distributed (word rank r drawn with probability ∝ 1/r), so that
/// term frequencies, document frequencies and the decay of the singular values look like text.
/// Document lengths vary around `wordsPerDocument` (×0.5 to ×1.5). Same seed, same corpus.
public struct SyntheticCorpus: Sendable {
    public let documents: Int
    public let terms: Int
    public let topics: Int
    public let wordsPerDocument: Int
    public let seed: UInt64

    public init(documents: Int, terms: Int, topics: Int = 60, wordsPerDocument: Int = 450, seed: UInt64) {
        self.documents = documents
        self.terms = terms
        self.topics = max(1, min(topics, terms))
        self.wordsPerDocument = wordsPerDocument
        self.seed = seed
    }

    /// documents × terms counts (CSR).
    public func counts() -> SparseMatrix {
        var random = SplitMix64(seed: seed)
        let slice = max(terms / topics, 1)
        // Zipf over n ranks by inverse transform on the harmonic cumulative, tabulated once.
        let topicSampler = ZipfTable(count: slice)
        let popularity = ZipfTable(count: topics)
        let globalSampler = ZipfTable(count: terms)
        // A fixed random permutation of the vocabulary, so that topic slices are not contiguous
        // columns (as real terms are not sorted by topic).
        var permutation = Array(0..<terms)
        for index in stride(from: terms - 1, to: 0, by: -1) {
            let other = Int(random.next() % UInt64(index + 1))
            permutation.swapAt(index, other)
        }
        var pointers = [0]
        pointers.reserveCapacity(documents + 1)
        var columns: [Int32] = []
        var values: [Double] = []
        columns.reserveCapacity(documents * wordsPerDocument / 2)
        values.reserveCapacity(documents * wordsPerDocument / 2)
        var row: [Int32: Double] = [:]
        for _ in 0..<documents {
            row.removeAll(keepingCapacity: true)
            let main = popularity.draw(random.uniform())
            let second = popularity.draw(random.uniform())
            let length = wordsPerDocument / 2 + Int(random.next() % UInt64(max(wordsPerDocument, 1)))
            for _ in 0..<length {
                let choice = random.uniform()
                let term: Int
                if choice < 0.70 {
                    term = (main * slice + topicSampler.draw(random.uniform())) % terms
                } else if choice < 0.85 {
                    term = (second * slice + topicSampler.draw(random.uniform())) % terms
                } else {
                    term = globalSampler.draw(random.uniform())
                }
                row[Int32(permutation[term]), default: 0] += 1
            }
            for (column, count) in row.sorted(by: { $0.key < $1.key }) {
                columns.append(column)
                values.append(count)
            }
            pointers.append(columns.count)
        }
        return SparseMatrix(rows: documents, columns: terms, rowPointers: pointers, columnIndices: columns, values: values)
    }
}

/// SplitMix64: a small, seedable generator with good statistics, the same on every machine
/// (Swift's SystemRandomNumberGenerator cannot be seeded).
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Draws ranks 0..<count with probability ∝ 1/(rank+1).
struct ZipfTable {
    private let cumulative: [Double]

    init(count: Int) {
        var sums: [Double] = []
        sums.reserveCapacity(count)
        var total = 0.0
        for rank in 1...max(count, 1) {
            total += 1 / Double(rank)
            sums.append(total)
        }
        cumulative = sums.map { $0 / total }
    }

    func draw(_ uniform: Double) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < uniform { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
