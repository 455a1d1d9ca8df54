/// Scratch space of the segmenter: the DAG and route of a text's blocks, and the text's scalars.
/// It grows to the longest text seen and is reused, so that segmenting many short texts does
/// not allocate for each. Not thread-safe: one per thread.
public final class SegmentationWorkspace {
    /// route[i] for i in 0...count: the best log-probability from i to the end of the block.
    private(set) var routeValue = UnsafeMutableBufferPointer<Double>.allocate(capacity: 0)
    /// The last character of the word the route takes at i.
    private(set) var routeEnd = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
    /// The prefix-tree node each walk has reached, and the walks still going.
    private(set) var walkNode = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 0)
    private(set) var activeWalks = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
    /// wordLogProbability[i × maximumWordLength + d]: the node's log-probability for the
    /// characters i…i+d (+1 when they are only a prefix), valid for d < reach[i].
    private(set) var wordLogProbability = UnsafeMutableBufferPointer<Double>.allocate(capacity: 0)
    private(set) var reach = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
    /// Per walk, loaded in a pass of its own: the hash-table slot its next step probes first and
    /// the entry there; or, when the step cache had the step, -1 − the child node and the
    /// probability's bits.
    private(set) var probeSlot = UnsafeMutableBufferPointer<Int>.allocate(capacity: 0)
    private(set) var probeEntry = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 0)
    /// The text being segmented, as scalars, and the UTF-8 offset of each.
    var scalars: [UInt32] = []
    var offsets: [Int] = []

    private var capacity = 0
    private var wordLength = 0

    /// The outcome of recent walk steps, (node, scalar) → (child or 0, log-probability), direct
    /// mapped: text repeats its words (Zipf), and a step found here costs a load from a table
    /// that stays in cache instead of one from the lexicon's large hash table. Valid for one lexicon.
    /// Sized to the longest text seen (eight lines per character or more, 2^8 to 2^15 lines): a
    /// workspace made for one short text (a daemon's profile) then clears 4 KB, not 512 KB.
    private var stepCache = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 0)
    /// Fingerprint of the sources of the lexicon the cache serves (same sources, same lexicon).
    private var stepCacheOwner: UInt64?
    private var stepCacheBits = 0
    /// A key's line is its hash's top `stepCacheBits` bits: hash >> stepCacheShift.
    private(set) var stepCacheShift: UInt64 = 64
    static let stepCacheBitRange = 8...15

    public init() {}

    deinit {
        release()
        stepCache.deallocate()
    }

    /// The step cache, emptied if it last served another lexicon.
    func stepCache(for lexicon: Lexicon) -> UnsafeMutableBufferPointer<UInt64> {
        let owner = lexicon.fingerprint
        if stepCacheOwner != owner {
            stepCache.update(repeating: UInt64.max)
            stepCacheOwner = owner
        }
        return stepCache
    }

    /// Grows the step cache for a text of `count` characters (emptied: its lines move).
    private func sizeStepCache(for count: Int) {
        let bits = min(max(Int.bitWidth - count.leadingZeroBitCount + 3, Self.stepCacheBitRange.lowerBound), Self.stepCacheBitRange.upperBound)
        guard bits > stepCacheBits else { return }
        stepCache.deallocate()
        stepCache = .allocate(capacity: 2 << bits)
        stepCacheBits = bits
        stepCacheShift = UInt64(64 - bits)
        stepCacheOwner = nil
    }

    func reserve(count: Int, maximumWordLength: Int) {
        sizeStepCache(for: count)
        guard count + 1 > capacity || maximumWordLength > wordLength else { return }
        release()
        capacity = max(count + 1, capacity * 2, 256)
        wordLength = max(maximumWordLength, wordLength)
        routeValue = .allocate(capacity: capacity)
        routeEnd = .allocate(capacity: capacity)
        walkNode = .allocate(capacity: capacity)
        activeWalks = .allocate(capacity: capacity)
        wordLogProbability = .allocate(capacity: capacity * wordLength)
        reach = .allocate(capacity: capacity)
        probeSlot = .allocate(capacity: capacity)
        probeEntry = .allocate(capacity: capacity)
    }

    private func release() {
        routeValue.deallocate()
        routeEnd.deallocate()
        walkNode.deallocate()
        activeWalks.deallocate()
        wordLogProbability.deallocate()
        reach.deallocate()
        probeSlot.deallocate()
        probeEntry.deallocate()
    }
}
