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
}
