import Foundation

/// Words that carry no meaning for matching (的, 和, 进一步…), one per line in
/// `config/stop-words.txt`; `#` starts a comment.
public struct StopWords: Sendable {
    public let words: Set<String>

    public init(words: Set<String>) {
        self.words = words
    }

    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LexiconError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var words = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { words.insert(word) }
        }
        self.words = words
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }
}
