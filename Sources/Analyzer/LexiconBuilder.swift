import Foundation

/// Builds the binary lexicon (see `Lexicon`) from jieba's files, with jieba's own semantics:
/// `gen_pfdict` for dict.txt (every prefix of a word is an entry of frequency 0; a repeated word
/// keeps its last frequency while the total counts both), and `add_word` for the domain
/// dictionary (a word without a frequency gets `suggest_freq`, computed as jieba does).
enum LexiconBuilder {
    static func build(_ sources: LexiconSources, fingerprint: UInt64) throws -> Data {
        var frequencies: [String: UInt64] = [:]
        frequencies.reserveCapacity(600_000)
        var total: UInt64 = 0

        try forEachLine(of: sources.jiebaDictionary) { line, number in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count >= 2, let frequency = UInt64(fields[1]), !fields[0].isEmpty else {
                throw LexiconError.badSource(path: sources.jiebaDictionary.path, line: number, reason: "expected 'word frequency', found '\(line)'")
            }
            addWord(String(fields[0]), frequency, to: &frequencies, total: &total)
        }
        if let domain = sources.domainDictionary {
            try forEachLine(of: domain) { line, number in
                if line.hasPrefix("#") { return }
                let fields = line.split(separator: " ")
                guard let word = fields.first.map(String.init) else { return }
                var frequency: UInt64
                if fields.count >= 2, let given = UInt64(fields[1]) {
                    frequency = given
                } else if fields.count >= 2, fields[1].allSatisfy(\.isNumber) {
                    throw LexiconError.badSource(path: domain.path, line: number, reason: "frequency out of range")
                } else {
                    frequency = suggestFrequency(word, frequencies: frequencies, total: total)
                }
                addWord(word, frequency, to: &frequencies, total: &total)
            }
        }
        let hmm = try HMMParameters(directory: sources.hmmDirectory, files: sources.hmmFiles)
        return try encode(frequencies: frequencies, total: total, hmm: hmm, fingerprint: fingerprint)
    }

    private static func forEachLine(of url: URL, _ body: (String, Int) throws -> Void) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LexiconError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            try body(line, number)
        }
    }

    private static func addWord(_ word: String, _ frequency: UInt64, to frequencies: inout [String: UInt64], total: inout UInt64) {
        frequencies[word] = frequency
        total += frequency
        var prefix = ""
        for scalar in word.unicodeScalars.dropLast() {
            prefix.unicodeScalars.append(scalar)
            if frequencies[prefix] == nil { frequencies[prefix] = 0 }
        }
    }

    /// jieba's `suggest_freq(word)`: the frequency that makes the word win over its parts
    /// (the parts as cut without HMM), or its own frequency if that is higher.
    static func suggestFrequency(_ word: String, frequencies: [String: UInt64], total: UInt64) -> UInt64 {
        let ftotal = Double(total)
        var product = 1.0
        for segment in cutWithoutHMM(Array(word.unicodeScalars), frequencies: frequencies, total: total) {
            // FREQ.get(seg, 1): a prefix-only entry counts 0, an unknown segment 1.
            product *= Double(frequencies[segment] ?? 1) / ftotal
        }
        let suggested = UInt64(product * Double(total)) + 1
        return max(suggested, frequencies[word] ?? 1)
    }

    /// jieba's `__cut_DAG_NO_HMM` over the dictionary being built (used for a few domain words only).
    private static func cutWithoutHMM(_ sentence: [Unicode.Scalar], frequencies: [String: UInt64], total: UInt64) -> [String] {
        let count = sentence.count
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(sentence[range])) }
        var routeValue = [Double](repeating: 0, count: count + 1)
        var routeNext = [Int](repeating: 0, count: count + 1)
        let logTotal = log(Double(total))
        for start in stride(from: count - 1, through: 0, by: -1) {
            var candidates: [Int] = []
            var end = start
            while end < count, let frequency = frequencies[text(start..<(end + 1))] {
                if frequency > 0 { candidates.append(end) }
                end += 1
            }
            if candidates.isEmpty { candidates = [start] }
            var best = -Double.infinity
            for end in candidates {
                let frequency = frequencies[text(start..<(end + 1))] ?? 0
                let value = log(Double(frequency == 0 ? 1 : frequency)) - logTotal + routeValue[end + 1]
                if value >= best { best = value; routeNext[start] = end }
            }
            routeValue[start] = best
        }
        var words: [String] = []
        var buffer = ""
        var position = 0
        while position < count {
            let next = routeNext[position] + 1
            let word = text(position..<next)
            if next - position == 1, Segmenter.isASCIIAlphanumeric(sentence[position].value) {
                buffer += word
            } else {
                if !buffer.isEmpty { words.append(buffer); buffer = "" }
                words.append(word)
            }
            position = next
        }
        if !buffer.isEmpty { words.append(buffer) }
        return words
    }

    private static func encode(frequencies: [String: UInt64], total: UInt64, hmm: HMMParameters, fingerprint: UInt64) throws -> Data {
        // Node ids by length, then in sorted order: the same sources give the same bytes, and the
        // single characters (the first step of every walk) lie together.
        let words = frequencies.keys.map { Array($0.unicodeScalars.map(\.value)) }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var nodeFrequency: [UInt64] = [0]
        var edges: [UInt64: UInt32] = [:]
        edges.reserveCapacity(words.count)
        for word in words {
            var node: UInt32 = 0
            for scalar in word {
                let key = UInt64(node) << 32 | UInt64(scalar)
                if let child = edges[key] {
                    node = child
                } else {
                    let child = UInt32(nodeFrequency.count)
                    nodeFrequency.append(0)
                    edges[key] = child
                    node = child
                }
            }
            nodeFrequency[Int(node)] = frequencies[String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init)))] ?? 0
        }
        guard nodeFrequency.count < Lexicon.maximumNodes else {
            throw LexiconError.corrupt("\(nodeFrequency.count) dictionary entries: more than the lexicon format holds (\(Lexicon.maximumNodes))")
        }
        var rootChildren = [UInt32](repeating: 0, count: Lexicon.rootTableSize)
        var deeper: [(key: UInt64, child: UInt32)] = []
        for (key, child) in edges.sorted(by: { $0.key < $1.key }) {
            let parent = key >> 32
            let scalar = key & 0xFFFF_FFFF
            if parent == 0 && scalar < UInt64(Lexicon.rootTableSize) {
                rootChildren[Int(scalar)] = child
            } else {
                deeper.append((Lexicon.edgeKey(UInt32(parent), UInt32(scalar)), child))
            }
        }
        let logTotal = log(Double(total))
        // +1 marks a prefix that is not a word (a word's log-probability is negative).
        let nodeLogProbability = nodeFrequency.map { $0 == 0 ? 1 : log(Double($0)) - logTotal }
        var capacity = 1024
        while capacity < deeper.count * 8 / 5 { capacity *= 2 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var edgeTable = [UInt64](repeating: UInt64.max, count: capacity * 2)
        for (key, child) in deeper {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while edgeTable[slot * 2] != UInt64.max { slot = (slot + 1) & (capacity - 1) }
            edgeTable[slot * 2] = key << 21 | UInt64(child)
            edgeTable[slot * 2 + 1] = nodeLogProbability[Int(child)].bitPattern
        }

        var body = Data()
        body.reserveCapacity(Lexicon.size(capacity: capacity, nodes: nodeFrequency.count))
        func append<T>(_ values: [T]) {
            values.withUnsafeBytes { body.append(contentsOf: $0) }
            let padding = Lexicon.aligned(body.count) - body.count
            if padding > 0 { body.append(Data(count: padding)) }
        }
        append(rootChildren)
        append(edgeTable)
        append(nodeFrequency)
        append(nodeLogProbability)
        append(hmm.start)
        append(hmm.transition)
        append(hmm.emission)

        let checksum = body.withUnsafeBytes { Lexicon.checksum($0) }
        var header = [UInt64](repeating: 0, count: Lexicon.headerSize / 8)
        header[0] = Lexicon.magic
        header[1] = fingerprint
        header[2] = total
        header[3] = UInt64(capacity)
        header[4] = UInt64(nodeFrequency.count)
        header[5] = checksum
        header[6] = UInt64(words.map(\.count).max() ?? 1)
        var data = Data()
        header.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
        data.append(body)
        return data
    }
}

/// jieba's HMM (finalseg) parameters, in the order B, E, M, S.
struct HMMParameters {
    static let states = ["B", "E", "M", "S"]
    var start: [Double]
    /// [from × 4 + to]
    var transition: [Double]
    /// [(scalar − U+4E00) × 4 + state] for U+4E00…U+9FD5.
    var emission: [Double]

    init(directory: URL, files: [URL]) throws {
        func dict(_ url: URL) throws -> [(String, PythonDictLiteral.Value)] {
            let source: String
            do { source = try String(contentsOf: url, encoding: .utf8) } catch {
                throw LexiconError.unreadable(path: url.path, reason: "not found (is python3-jieba installed?)")
            }
            do {
                guard case .dict(let entries) = try PythonDictLiteral.parseAssignment(source) else {
                    throw LexiconError.badSource(path: url.path, line: nil, reason: "expected a dict")
                }
                return entries
            } catch let error as PythonDictLiteral.ParseError {
                throw LexiconError.badSource(path: url.path, line: nil, reason: error.description)
            }
        }
        func number(_ value: PythonDictLiteral.Value) -> Double {
            if case .number(let number) = value { return number }
            return Lexicon.minFloat
        }
        let startEntries = Dictionary(try dict(files[0]), uniquingKeysWith: { $1 })
        start = Self.states.map { startEntries[$0].map(number) ?? Lexicon.minFloat }

        transition = [Double](repeating: Lexicon.minFloat, count: 16)
        for (from, row) in try dict(files[1]) {
            guard let fromIndex = Self.states.firstIndex(of: from), case .dict(let targets) = row else { continue }
            for (to, value) in targets {
                if let toIndex = Self.states.firstIndex(of: to) { transition[fromIndex * 4 + toIndex] = number(value) }
            }
        }

        emission = [Double](repeating: Lexicon.minFloat, count: Lexicon.hanCount * 4)
        for (state, row) in try dict(files[2]) {
            guard let stateIndex = Self.states.firstIndex(of: state), case .dict(let characters) = row else { continue }
            for (character, value) in characters {
                guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                      Lexicon.hanRange.contains(scalar.value) else { continue }
                emission[Int(scalar.value - Lexicon.hanRange.lowerBound) * 4 + stateIndex] = number(value)
            }
        }
    }
}
