import Foundation

/// jieba's prefix dictionary and HMM parameters in one read-only block of memory: the form
/// the segmenter reads, and byte for byte the form of the lexicon cache file, so that a cached
/// lexicon is ready as soon as the file is mapped (no parsing, no hashing of 500,000 words).
///
/// Layout (little-endian, every section 8-byte aligned):
/// - header: magic `PRLEXv04`, source fingerprint, total frequency, edge capacity, node count,
///   checksum of everything after the header, length of the longest word;
/// - the children of the root for every scalar of the Basic Multilingual Plane (UInt32 × 65,536):
///   the first step of every lookup, without a probe;
/// - every other edge of the prefix tree in an open-addressing hash table of 16-byte entries:
///   parent node << 42 | scalar << 21 | child node (UInt64.max when empty), then the child's
///   log-probability, so that one step of a walk touches one cache line;
/// - per node (node 0 is the root, node n is the word spelled by the path to it; nodes are
///   numbered by length, so the single characters, the most used, lie together):
///   `nodeFrequency` (UInt64, 0 for a prefix that is not a word) and `nodeLogProbability` =
///   log(frequency) − log(total) as jieba computes it, or +1 for a prefix that is not a word
///   (a word's is always negative), so that the route reads one array;
/// - HMM: log start probabilities [4], log transitions [4×4] (−3.14e100 where jieba has none),
///   log emissions [20,950 × 4] for U+4E00…U+9FD5 (the characters jieba's HMM ever sees).
///   States are ordered B, E, M, S: alphabetical, so that comparing indices breaks ties the way
///   Python compares jieba's state letters.
public final class Lexicon: @unchecked Sendable {
    public static let magic: UInt64 = 0x3430_7678_454C_5250  // "PRLEXv04"
    static let headerSize = 64
    public static let hanRange: ClosedRange<UInt32> = 0x4E00...0x9FD5
    static let minFloat = -3.14e100

    /// Keeps the bytes alive: a mapped file or a heap buffer.
    private let storage: LexiconStorage
    public let fingerprint: UInt64
    public let total: UInt64
    public let logTotal: Double
    let rootChildren: UnsafePointer<UInt32>
    let edges: UnsafePointer<UInt64>
    let edgeShift: UInt64
    let edgeMask: Int
    public let nodeCount: Int
    /// In scalars: no path of the prefix tree is longer.
    public let maximumWordLength: Int
    let nodeFrequency: UnsafePointer<UInt64>
    let nodeLogProbability: UnsafePointer<Double>
    let startProbability: UnsafePointer<Double>
    let transitionProbability: UnsafePointer<Double>
    let emissionProbability: UnsafePointer<Double>

    init(storage: LexiconStorage) throws {
        self.storage = storage
        let base = storage.bytes
        guard storage.count >= Self.headerSize else { throw LexiconError.corrupt("shorter than its header") }
        func word(_ index: Int) -> UInt64 { base.load(fromByteOffset: index * 8, as: UInt64.self).littleEndian }
        guard word(0) == Self.magic else { throw LexiconError.corrupt("not a lexicon cache (bad magic)") }
        fingerprint = word(1)
        total = word(2)
        let capacity = Int(word(3))
        nodeCount = Int(word(4))
        let checksum = word(5)
        maximumWordLength = Int(word(6))
        guard capacity > 0, capacity & (capacity - 1) == 0 else { throw LexiconError.corrupt("edge table size") }
        let expected = Self.size(capacity: capacity, nodes: nodeCount)
        guard storage.count == expected else { throw LexiconError.corrupt("size \(storage.count), expected \(expected)") }
        guard Self.checksum(UnsafeRawBufferPointer(start: base + Self.headerSize, count: storage.count - Self.headerSize)) == checksum else {
            throw LexiconError.corrupt("checksum mismatch")
        }
        var offset = Self.headerSize
        func section<T>(_ count: Int, _ type: T.Type) -> UnsafePointer<T> {
            let pointer = (base + offset).assumingMemoryBound(to: T.self)
            offset += Self.aligned(count * MemoryLayout<T>.stride)
            return UnsafePointer(pointer)
        }
        rootChildren = section(Self.rootTableSize, UInt32.self)
        edges = section(capacity * 2, UInt64.self)
        nodeFrequency = section(nodeCount, UInt64.self)
        nodeLogProbability = section(nodeCount, Double.self)
        startProbability = section(4, Double.self)
        transitionProbability = section(16, Double.self)
        emissionProbability = section(Self.hanCount * 4, Double.self)
        edgeMask = capacity - 1
        edgeShift = UInt64(64 - capacity.trailingZeroBitCount)
        logTotal = log(Double(total))
    }

    static var hanCount: Int { Int(hanRange.upperBound - hanRange.lowerBound + 1) }
    static let rootTableSize = 0x10000
    /// Node ids, scalars and children each take 21 bits of an edge entry.
    static let maximumNodes = (1 << 21) - 1

    static func aligned(_ bytes: Int) -> Int { (bytes + 7) & ~7 }

    static func size(capacity: Int, nodes: Int) -> Int {
        headerSize + aligned(rootTableSize * 4) + aligned(capacity * 16) + aligned(nodes * 8) * 2
            + aligned(4 * 8) + aligned(16 * 8) + aligned(hanCount * 4 * 8)
    }

    /// A 64-bit sum over words with rotation: cheap enough to check on every load.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        let words = bytes.count / 8
        for index in 0..<words {
            let value = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash &+ value) &* 0x100_0000_01B3
            hash ^= hash >> 29
        }
        return hash
    }

    // MARK: Lookups (hot path)

    /// The child of `node` along `scalar`, or 0 when the prefix tree has none.
    @inline(__always)
    func child(_ node: UInt32, _ scalar: UInt32) -> UInt32 {
        if node == 0 && scalar < UInt32(Self.rootTableSize) { return rootChildren[Int(scalar)] }
        let key = Self.edgeKey(node, scalar)
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> edgeShift)
        while true {
            let stored = edges[slot &* 2]
            if stored >> 21 == key { return UInt32(truncatingIfNeeded: stored & 0x1F_FFFF) }
            if stored == UInt64.max { return 0 }
            slot = (slot + 1) & edgeMask
        }
    }

    /// The slot where the search for (node, scalar) starts: load `edges[slot × 2]` early,
    /// finish with `step(_:_:slot:entry:)`.
    @inline(__always)
    func firstSlot(_ node: UInt32, _ scalar: UInt32) -> Int {
        Int(truncatingIfNeeded: (Self.edgeKey(node, scalar) &* 0x9E37_79B9_7F4A_7C15) >> edgeShift)
    }

    /// One step of a walk from a node other than the root: the child and its log-probability
    /// (+1 for a prefix that is not a word), or nil. `entry` is `edges[slot × 2]`, loaded before.
    @inline(__always)
    func step(_ node: UInt32, _ scalar: UInt32, slot first: Int, entry: UInt64) -> (node: UInt32, logProbability: Double)? {
        let key = Self.edgeKey(node, scalar)
        var slot = first
        var stored = entry
        while true {
            if stored >> 21 == key {
                return (UInt32(truncatingIfNeeded: stored & 0x1F_FFFF), Double(bitPattern: edges[slot &* 2 &+ 1]))
            }
            if stored == UInt64.max { return nil }
            slot = (slot &+ 1) & edgeMask
            stored = edges[slot &* 2]
        }
    }

    @inline(__always)
    static func edgeKey(_ node: UInt32, _ scalar: UInt32) -> UInt64 { UInt64(node) << 21 | UInt64(scalar) }

    /// True when the node is a word, not only a prefix (jieba's `FREQ[frag] > 0`).
    @inline(__always)
    func isWord(_ node: UInt32) -> Bool { nodeLogProbability[Int(node)] <= 0 }

    /// The node of a whole word (or prefix), 0 when absent.
    func node(of scalars: UnsafeBufferPointer<UInt32>) -> UInt32 {
        var node: UInt32 = 0
        for scalar in scalars {
            node = child(node, scalar)
            if node == 0 { return 0 }
        }
        return node
    }

    @inline(__always)
    func emission(_ state: Int, _ scalar: UInt32) -> Double {
        emissionProbability[Int(scalar - Self.hanRange.lowerBound) * 4 + state]
    }
}

/// The bytes behind a `Lexicon`.
final class LexiconStorage: @unchecked Sendable {
    let bytes: UnsafeRawPointer
    let count: Int
    private let release: () -> Void

    init(bytes: UnsafeRawPointer, count: Int, release: @escaping () -> Void) {
        self.bytes = bytes
        self.count = count
        self.release = release
    }

    deinit { release() }

    /// Copies `data` into an aligned heap buffer.
    static func copying(_ data: Data) -> LexiconStorage {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 8)
        data.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
        return LexiconStorage(bytes: UnsafeRawPointer(buffer), count: data.count) { buffer.deallocate() }
    }

    /// Maps a file read-only; pages are read as the segmenter touches them.
    static func mapping(_ path: String) throws -> LexiconStorage {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LexiconError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { throw LexiconError.unreadable(path: path, reason: "empty or unreadable") }
        let count = Int(info.st_size)
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw LexiconError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return LexiconStorage(bytes: UnsafeRawPointer(address), count: count) { munmap(address, count) }
    }
}

public enum LexiconError: Error, CustomStringConvertible {
    case corrupt(String)
    case unreadable(path: String, reason: String)
    case badSource(path: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let why): return "lexicon cache is damaged: \(why)"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .badSource(let path, let line, let reason): return "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
        }
    }
}
