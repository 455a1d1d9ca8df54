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
        var text = text
        return text.withUTF8 { utf8 in
            // Scalars, and the UTF-8 offset where each starts, so that words are cut from the bytes.
            var scalars: [UInt32] = []
            var offsets: [Int] = []
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
            for span in spans(of: scalars) {
                if span.count == 1, Self.isWhitespace(scalars[span.lowerBound]) { continue }
                if span.count == 2, scalars[span.lowerBound] == 0x0D { continue }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[offsets[span.lowerBound]..<offsets[span.upperBound]]), as: UTF8.self))
            }
            return words
        }
    }

    /// Token spans (scalar offsets) of `scalars`, whitespace tokens included, in order.
    public func spans(of scalars: [UInt32]) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(scalars.count / 2 + 1)
        // Scratch space for the route of any block of this text, allocated once.
        let routeValue = UnsafeMutableBufferPointer<Double>.allocate(capacity: scalars.count + 1)
        let routeEnd = UnsafeMutableBufferPointer<Int32>.allocate(capacity: scalars.count + 1)
        defer {
            routeValue.deallocate()
            routeEnd.deallocate()
        }
        scalars.withUnsafeBufferPointer { text in
            var position = 0
            let count = text.count
            while position < count {
                if Self.isBlockCharacter(text[position]) {
                    var end = position + 1
                    while end < count, Self.isBlockCharacter(text[end]) { end += 1 }
                    cutBlock(text, position..<end, routeValue: routeValue, routeEnd: routeEnd, into: &tokens)
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

    /// route[i] for i in 0...count: the best log-probability from i to the end of the block
    /// (`routeValue`), and the last character of the word the route takes at i (`routeEnd`).
    private func cutBlock(
        _ text: UnsafeBufferPointer<UInt32>, _ block: Range<Int>,
        routeValue value: UnsafeMutableBufferPointer<Double>, routeEnd end: UnsafeMutableBufferPointer<Int32>,
        into tokens: inout [Range<Int>]
    ) {
        let start = block.lowerBound
        let count = block.count
        let logTotal = lexicon.logTotal
        let logProbability = lexicon.nodeLogProbability
        value[count] = 0
        end[count] = 0
        do {
            do {
                for index in stride(from: count - 1, through: 0, by: -1) {
                    var best = -Double.infinity
                    var bestEnd = index
                    var node: UInt32 = 0
                    var cursor = index
                    var found = false
                    while cursor < count {
                        node = lexicon.child(node, text[start + cursor])
                        if node == 0 { break }
                        let wordLogProbability = logProbability[Int(node)]
                        if wordLogProbability <= 0 {  // a word, not only a prefix
                            found = true
                            // log(FREQ[word]) − log(total) + route[x+1], as jieba sums it; ties → longer word.
                            let candidate = wordLogProbability + value[cursor + 1]
                            if candidate >= best {
                                best = candidate
                                bestEnd = cursor
                            }
                        }
                        cursor += 1
                    }
                    if !found {
                        // The character alone, not a word: log(1) − log(total).
                        best = 0 - logTotal + value[index + 1]
                        bestEnd = index
                    }
                    value[index] = best
                    end[index] = Int32(bestEnd)
                }
            }
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
