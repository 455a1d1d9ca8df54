import Foundation

// Cheap forms of the string tests the importer makes on every line and clause. Each gives
// what the plain form gives; the plain forms count or copy the whole text (`count`), compare
// characters as strings (`"。；".contains(character)`), or go through NSString (`trimmingCharacters`).

extension StringProtocol {
    /// `count <= limit`, looking at no more than `limit + 1` characters. `count` walks the whole
    /// text; the importer asks this of a paragraph each time a line joins it, and of every
    /// paragraph of a document, where the whole walk would make the time square in the length.
    func hasAtMostCharacters(_ limit: Int) -> Bool {
        var seen = 0
        for _ in self {
            seen += 1
            if seen > limit { return false }
        }
        return true
    }

    /// `trimmingCharacters(in: set)`, without the trip through NSString when neither end is in
    /// the set (most lines and clauses).
    func trimming(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              !set.contains(first), !set.contains(last) else { return trimmingCharacters(in: set) }
        return String(self)
    }
}

/// Punctuation marks without a decomposition (。；！？…), to test characters against by their
/// scalar. A character is such a mark only if it is one scalar, that scalar or one canonically
/// equivalent to it (U+037E GREEK QUESTION MARK is ";"); the rare scalars that stand for another
/// are compared as characters.
struct Marks {
    private let marks: String
    private let scalars: [Unicode.Scalar]

    init(_ marks: String) {
        self.marks = marks
        scalars = Array(marks.unicodeScalars)
    }

    func contains(_ character: Character) -> Bool {
        var iterator = character.unicodeScalars.makeIterator()
        guard let scalar = iterator.next(), iterator.next() == nil else { return false }
        if scalars.contains(scalar) { return true }
        // A scalar NFC replaces (a singleton such as U+037E) may equal a mark as a character.
        return scalar.properties.isFullCompositionExclusion && marks.contains(character)
    }
}
