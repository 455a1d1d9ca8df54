import Foundation

/// A regular expression compiled once. Foundation's `range(of:options: .regularExpression)` and
/// `replacingOccurrences(of:with:options: .regularExpression)` compile the pattern (or look it
/// up in a cache whose key is built by reflection) on every call, and the importer matches on
/// every line, cell and clause: compiled once, the same matches cost a fraction.
struct Pattern: @unchecked Sendable {  // NSRegularExpression is immutable and safe to share
    private let regex: NSRegularExpression
    /// Characters one of which every match holds: text without any is not handed to the regex
    /// engine (which first copies the text to UTF-16), as most lines have none.
    private let required: [Unicode.Scalar]

    init(_ pattern: String, needsOneOf required: String = "") {
        regex = try! NSRegularExpression(pattern: pattern)
        self.required = Array(required.unicodeScalars)
    }

    private func cannotMatch(_ text: String) -> Bool {
        if required.isEmpty { return false }
        for scalar in text.unicodeScalars where required.contains(scalar) { return false }
        return true
    }

    /// The first match, as `text.range(of: pattern, options: .regularExpression)` gives it.
    func firstRange(in text: String) -> Range<String.Index>? {
        if cannotMatch(text) { return nil }
        let range = regex.rangeOfFirstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        guard range.location != NSNotFound else { return nil }
        return Range(range, in: text)
    }

    func matches(_ text: String) -> Bool {
        firstRange(in: text) != nil
    }

    /// Every match replaced by `template` ($1 for a group), as `replacingOccurrences(of:with:options: .regularExpression)`.
    func replacingMatches(in text: String, with template: String) -> String {
        if cannotMatch(text) { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// Every match with its capture groups (NSRange offsets are UTF-16).
    func allMatches(in text: String) -> [NSTextCheckingResult] {
        if cannotMatch(text) { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    func firstMatch(in text: String) -> NSTextCheckingResult? {
        if cannotMatch(text) { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
