import Foundation

/// Says whether a text contains one of a list of words (the result words, some thirty), as
/// `words.contains(where: text.contains)` does, without searching the text for every word.
/// A word that begins with a Chinese character can only be in a text that has that character,
/// or a CJK compatibility ideograph (canonically the same as a Chinese character, so found by
/// the search): only the words whose first character the text has are searched for. Other
/// words are always searched for.
struct WordFinder {
    private let byFirstCharacter: [Unicode.Scalar: [String]]
    private let others: [String]
    private let all: [String]

    init(_ words: [String]) {
        var byFirstCharacter: [Unicode.Scalar: [String]] = [:]
        var others: [String] = []
        for word in words {
            if let first = word.unicodeScalars.first, Self.isUnifiedIdeograph(first) {
                byFirstCharacter[first, default: []].append(word)
            } else {
                others.append(word)
            }
        }
        self.byFirstCharacter = byFirstCharacter
        self.others = others
        all = words
    }

    func anyOccurs(in text: String) -> Bool {
        var candidates: [String] = []
        for scalar in text.unicodeScalars {
            if Self.isCompatibilityIdeograph(scalar) { return all.contains(where: text.contains) }
            if let words = byFirstCharacter[scalar] { candidates += words }
        }
        return others.contains(where: text.contains) || candidates.contains(where: text.contains)
    }

    private static func isUnifiedIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF: return true
        default: return false
        }
    }

    private static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
    }
}
