import Foundation

/// jieba's precise mode with HMM (`jieba.cut(text, cut_all=False, HMM=True)`), in Swift.
///
/// The text is split into blocks of "word characters" (CJK U+4E00–U+9FD5, ASCII letters and
/// digits, `+#&._%-`); every other character is a token of its own. In a block, each position
/// gets the words of the dictionary that start there (the DAG); the route of maximum
/// log-probability, log(freq) − log(total) summed from the end, picks one (ties: the longer
/// word). Runs of single characters on that route that are not themselves a word go to the
/// HMM: Viterbi over the states B, M, E, S on each run of CJK characters, while digits and
/// letters inside such a run are cut as `[A-Za-z0-9]+(\.\d+)?%?`. Offsets are in Unicode
/// scalars, as Python's are.
///
/// Written by hand: no Swift package segments Chinese, and the task is jieba's exact output.
public struct Segmenter: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The words of `text`, whitespace left out.
    public func words(_ text: String) -> [String] {
        words(text, workspace: SegmentationWorkspace())
    }

    /// The words of `text`, whitespace left out, with scratch space reused from call to call
    /// (one workspace per thread).
    public func words(_ text: String, workspace: SegmentationWorkspace) -> [String] {
        var text = text
        return text.withUTF8 { utf8 in
            // Scalars, and the UTF-8 offset where each starts, so that words are cut from the bytes.
            var scalars = workspace.scalars
            var offsets = workspace.offsets
            workspace.scalars = []
            workspace.offsets = []
            defer {
                workspace.scalars = scalars
                workspace.offsets = offsets
            }
            scalars.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            scalars.reserveCapacity(utf8.count)
            offsets.reserveCapacity(utf8.count + 1)
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                offsets.append(index)
                if lead < 0x80 {
                    scalars.append(UInt32(lead))
                    index += 1
                } else if lead < 0xE0 {
                    scalars.append(UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F))
                    index += 2
                } else if lead < 0xF0 {
                    scalars.append(UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F))
                    index += 3
                } else {
                    scalars.append(UInt32(lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                        | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F))
                    index += 4
                }
            }
            offsets.append(utf8.count)
            var words: [String] = []
            for span in spans(of: scalars, workspace: workspace) {
                if span.count == 1, Self.isWhitespace(scalars[span.lowerBound]) { continue }
                if span.count == 2, scalars[span.lowerBound] == 0x0D { continue }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[offsets[span.lowerBound]..<offsets[span.upperBound]]), as: UTF8.self))
            }
            return words
        }
    }

    /// Token spans (scalar offsets) of `scalars`, whitespace tokens included, in order.
    public func spans(of scalars: [UInt32], workspace: SegmentationWorkspace = SegmentationWorkspace()) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(scalars.count / 2 + 1)
        workspace.reserve(count: scalars.count, maximumWordLength: lexicon.maximumWordLength)
        scalars.withUnsafeBufferPointer { text in
            var position = 0
            let count = text.count
            while position < count {
                if Self.isBlockCharacter(text[position]) {
                    var end = position + 1
                    while end < count, Self.isBlockCharacter(text[end]) { end += 1 }
                    cutBlock(text, position..<end, workspace: workspace, into: &tokens)
                    position = end
                } else if text[position] == 0x0D, position + 1 < count, text[position + 1] == 0x0A {
                    tokens.append(position..<(position + 2))
                    position += 2
                } else {
                    tokens.append(position..<(position + 1))
                    position += 1
                }
            }
        }
        return tokens
    }

    // MARK: Character classes

    @inline(__always)
    static func isBlockCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00...0x9FD5, 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return true
        case 0x2B, 0x23, 0x26, 0x2E, 0x5F, 0x25, 0x2D: return true  // + # & . _ % -
        default: return false
        }
    }

    @inline(__always)
    static func isHan(_ scalar: UInt32) -> Bool { Lexicon.hanRange.contains(scalar) }

    @inline(__always)
    static func isASCIIAlphanumeric(_ scalar: UInt32) -> Bool {
        (0x61...0x7A).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x30...0x39).contains(scalar)
    }

    @inline(__always)
    static func isASCIIDigit(_ scalar: UInt32) -> Bool { (0x30...0x39).contains(scalar) }

    /// Python's `\s` for str patterns.
    public static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    // MARK: DAG and route (jieba's get_DAG, calc, __cut_DAG)

    private func cutBlock(
        _ text: UnsafeBufferPointer<UInt32>, _ block: Range<Int>, workspace: SegmentationWorkspace, into tokens: inout [Range<Int>]
    ) {
        let start = block.lowerBound
        let count = block.count
        let logTotal = lexicon.logTotal
        let logProbability = lexicon.nodeLogProbability
        let width = lexicon.maximumWordLength
        let value = workspace.routeValue, end = workspace.routeEnd
        let walkNode = workspace.walkNode, active = workspace.activeWalks
        let wordLogProbability = workspace.wordLogProbability, reach = workspace.reach

        // The DAG: the prefix tree is walked from every position at once, one character deeper
        // per round, so that the memory loads of different walks overlap (the walks are
        // independent; one at a time, each load waits for the one before).
        var activeCount = 0
        for index in 0..<count {
            let node = lexicon.child(0, text[start + index])
            walkNode[index] = node
            if node == 0 {
                reach[index] = 0
            } else {
                wordLogProbability[index * width] = logProbability[Int(node)]
                reach[index] = 1
                active[activeCount] = Int32(index)
                activeCount += 1
            }
        }
        var depth = 1
        let probeSlot = workspace.probeSlot, probeEntry = workspace.probeEntry
        let edges = lexicon.edges
        let cache = workspace.stepCache(for: lexicon)
        let cacheShift = workspace.stepCacheShift
        while activeCount > 0 && depth < width {
            // Pass 1 only loads: the step cache of recent steps (found or not), else the lexicon's
            // first slot; no branch depends on a lexicon entry, so those loads are in flight together.
            for slot in 0..<activeCount {
                let index = Int(active[slot])
                let scalar = index &+ depth < count ? text[start &+ index &+ depth] : 0
                let key = Lexicon.edgeKey(walkNode[index], scalar)
                let line = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> cacheShift)
                let cached = cache[line &* 2]
                if cached != UInt64.max && cached >> 21 == key {
                    // A hit keeps its outcome now (node in the slot, probability in the entry): a
                    // miss in pass 2 may overwrite this line before this slot is read.
                    probeSlot[slot] = -1 - Int(cached & 0x1F_FFFF)
                    probeEntry[slot] = cache[line &* 2 &+ 1]
                } else {
                    let first = lexicon.firstSlot(walkNode[index], scalar)
                    probeSlot[slot] = first
                    probeEntry[slot] = edges[first &* 2]
                }
            }
            // Pass 2 reads them (probing further in the rare collision) and remembers new steps.
            var stillActive = 0
            for slot in 0..<activeCount {
                let index = Int(active[slot])
                guard index &+ depth < count else { continue }
                let node: UInt32
                let probability: Double
                if probeSlot[slot] < 0 {
                    node = UInt32(truncatingIfNeeded: -1 - probeSlot[slot])
                    probability = Double(bitPattern: probeEntry[slot])
                } else {
                    let scalar = text[start &+ index &+ depth]
                    let key = Lexicon.edgeKey(walkNode[index], scalar)
                    let line = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> cacheShift)
                    if let (child, childProbability) = lexicon.step(walkNode[index], scalar, slot: probeSlot[slot], entry: probeEntry[slot]) {
                        node = child
                        probability = childProbability
                    } else {
                        node = 0
                        probability = 1
                    }
                    cache[line &* 2] = key << 21 | UInt64(node)
                    cache[line &* 2 &+ 1] = probability.bitPattern
                }
                guard node != 0 else { continue }
                walkNode[index] = node
                wordLogProbability[index &* width &+ depth] = probability
                reach[index] = Int32(truncatingIfNeeded: depth &+ 1)
                active[stillActive] = Int32(truncatingIfNeeded: index)
                stillActive &+= 1
            }
            activeCount = stillActive
            depth += 1
        }

        // The route, from the end (jieba's calc).
        value[count] = 0
        end[count] = 0
        for index in stride(from: count - 1, through: 0, by: -1) {
            var best = -Double.infinity
            var bestEnd = index
            var found = false
            for offset in 0..<Int(reach[index]) {
                let wordProbability = wordLogProbability[index * width + offset]
                guard wordProbability <= 0 else { continue }  // a prefix, not a word
                found = true
                // log(FREQ[word]) − log(total) + route[x+1], as jieba sums it; ties → longer word.
                let candidate = wordProbability + value[index + offset + 1]
                if candidate >= best {
                    best = candidate
                    bestEnd = index + offset
                }
            }
            if !found {
                // The character alone, not a word: log(1) − log(total).
                best = 0 - logTotal + value[index + 1]
                bestEnd = index
            }
            value[index] = best
            end[index] = Int32(bestEnd)
        }

        var position = 0
        var bufferStart = -1
        func flushBuffer(upTo end: Int) {
            guard bufferStart >= 0 else { return }
            let length = end - bufferStart
            if length == 1 {
                tokens.append((start + bufferStart)..<(start + end))
            } else {
                let node = lexicon.node(of: UnsafeBufferPointer(rebasing: text[(start + bufferStart)..<(start + end)]))
                if node == 0 || !lexicon.isWord(node) {
                    cutUnknown(text, (start + bufferStart)..<(start + end), into: &tokens)
                } else {
                    for offset in bufferStart..<end { tokens.append((start + offset)..<(start + offset + 1)) }
                }
            }
            bufferStart = -1
        }
        while position < count {
            let next = Int(end[position]) + 1
            if next - position == 1 {
                if bufferStart < 0 { bufferStart = position }
            } else {
                flushBuffer(upTo: position)
                tokens.append((start + position)..<(start + next))
            }
            position = next
        }
        flushBuffer(upTo: count)
    }

    // MARK: HMM (jieba's finalseg.cut)

    private func cutUnknown(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into tokens: inout [Range<Int>]) {
        var position = range.lowerBound
        while position < range.upperBound {
            if Self.isHan(text[position]) {
                var end = position + 1
                while end < range.upperBound, Self.isHan(text[end]) { end += 1 }
                viterbi(text, position..<end, into: &tokens)
                position = end
                continue
            }
            // Non-CJK part: [A-Za-z0-9]+(\.\d+)?%? matches are tokens, and so is each stretch between them.
            var between = -1
            while position < range.upperBound, !Self.isHan(text[position]) {
                if Self.isASCIIAlphanumeric(text[position]) {
                    if between >= 0 { tokens.append(between..<position); between = -1 }
                    var end = position + 1
                    while end < range.upperBound, Self.isASCIIAlphanumeric(text[end]) { end += 1 }
                    if end + 1 < range.upperBound, text[end] == 0x2E, Self.isASCIIDigit(text[end + 1]) {
                        end += 2
                        while end < range.upperBound, Self.isASCIIDigit(text[end]) { end += 1 }
                    }
                    if end < range.upperBound, text[end] == 0x25 { end += 1 }
                    tokens.append(position..<end)
                    position = end
                } else {
                    if between < 0 { between = position }
                    position += 1
                }
            }
            if between >= 0 { tokens.append(between..<position) }
        }
    }

    /// States: 0 B, 1 E, 2 M, 3 S. Predecessors as jieba's PrevStatus (B: E S, E: B M, M: M B, S: S E).
    @inline(__always)
    private static func predecessors(of state: Int) -> (Int, Int) {
        switch state {
        case 0: return (1, 3)
        case 1: return (0, 2)
        case 2: return (2, 0)
        default: return (3, 1)
        }
    }

    private func viterbi(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into tokens: inout [Range<Int>]) {
        let count = range.count
        let start = lexicon.startProbability
        let transition = lexicon.transitionProbability
        var previous = [Double](repeating: 0, count: 4)
        var current = [Double](repeating: 0, count: 4)
        // back[t × 4 + state] = the state at t − 1 on the best path to `state` at t.
        var back = [UInt8](repeating: 0, count: count * 4)
        let first = text[range.lowerBound]
        for state in 0..<4 { previous[state] = start[state] + lexicon.emission(state, first) }
        for t in 1..<max(count, 1) where count > 1 {
            let scalar = text[range.lowerBound + t]
            for state in 0..<4 {
                let emission = lexicon.emission(state, scalar)
                let (a, b) = Self.predecessors(of: state)
                let viaA = previous[a] + transition[a * 4 + state] + emission
                let viaB = previous[b] + transition[b * 4 + state] + emission
                // Python's max over (probability, state letter): a tie goes to the later letter.
                let pickA = viaA > viaB || (viaA == viaB && a > b)
                current[state] = pickA ? viaA : viaB
                back[t * 4 + state] = UInt8(pickA ? a : b)
            }
            swap(&previous, &current)
        }
        // The last state is E or S (a tie goes to S).
        var state = previous[1] > previous[3] ? 1 : 3
        var path = [Int](repeating: 0, count: count)
        for t in stride(from: count - 1, through: 0, by: -1) {
            path[t] = state
            if t > 0 { state = Int(back[t * 4 + state]) }
        }
        var begin = 0
        var next = 0
        for t in 0..<count {
            switch path[t] {
            case 0: begin = t
            case 1:
                tokens.append((range.lowerBound + begin)..<(range.lowerBound + t + 1))
                next = t + 1
            case 3:
                tokens.append((range.lowerBound + t)..<(range.lowerBound + t + 1))
                next = t + 1
            default: break
            }
        }
        if next < count { tokens.append((range.lowerBound + next)..<range.upperBound) }
    }
}
