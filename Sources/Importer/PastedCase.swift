import Corpus

/// A case pasted as text (a new case not in the corpus), read as the importer reads a case of a
/// document: its paragraphs, its sections and its enumerated practices. Similar cases by text
/// compare it as they compare a corpus case, practice by practice included.
public struct PastedCaseReader: Sendable {
    private let paragraphs: ParagraphBuilder
    private let reader: CaseReader

    /// Built once (the daemon keeps one): the reader's word finders are tables to build.
    public init(rules: ImportRules) {
        paragraphs = ParagraphBuilder(reduplications: Set(rules.reduplications))
        reader = CaseReader(rules: rules)
    }

    /// The case's text as a corpus case's (its paragraphs joined by lines) and its practices, with
    /// ids `text-p1`, `text-p2`… (none when the text enumerates nothing).
    public func read(_ text: String) -> (text: String, practices: [Practice]) {
        let reading = reader.read(CaseBlock(title: nil, body: paragraphs.paragraphs(from: text), line: 1))
        let practices = reading.practices.enumerated().map { number, item in
            Practice(id: "text-p\(number + 1)", heading: item.heading, text: item.text)
        }
        return (reading.text, practices)
    }
}
