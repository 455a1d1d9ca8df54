import Corpus

/// A case pasted as text (a new case not in the corpus), read as the importer reads a case of a
/// document: its paragraphs, its sections and its enumerated practices. Similar cases by text
/// compare it as they compare a corpus case, practice by practice included.
public struct PastedCaseReader: Sendable {
    public let rules: ImportRules

    public init(rules: ImportRules) {
        self.rules = rules
    }

    /// The case's text as a corpus case's (its paragraphs joined by lines) and its practices, with
    /// ids `text-p1`, `text-p2`… (none when the text enumerates nothing).
    public func read(_ text: String) -> (text: String, practices: [Practice]) {
        let paragraphs = ParagraphBuilder(reduplications: Set(rules.reduplications)).paragraphs(from: text)
        let reading = CaseReader(rules: rules).read(CaseBlock(title: nil, body: paragraphs, line: 1))
        let practices = reading.practices.enumerated().map { number, item in
            Practice(id: "text-p\(number + 1)", heading: item.heading, text: item.text)
        }
        return (reading.text, practices)
    }
}
