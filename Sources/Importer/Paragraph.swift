/// A paragraph of the cleaned document: the lines a PDF broke rejoined, with the number of
/// the source line it starts on (for messages that name the place).
struct Paragraph: Equatable {
    var text: String
    /// Short cells of a table row (序号, 省, 市, 县); empty outside tables.
    var cells: [String]
    /// 1-based line in the source file where the paragraph starts.
    var line: Int
    /// A Markdown heading in the source.
    var isHeading: Bool

    var isTableRow: Bool { !cells.isEmpty }

    /// Short and without a full stop: a title, a section heading, a region line.
    var isHeadingLike: Bool {
        isHeading || (text.hasAtMostCharacters(60) && !text.contains("。"))
    }
}

/// One source line after markup removal and cleaning.
struct CleanLine {
    var number: Int
    var text: String
    var cells: [String]
    var isHeading: Bool
    /// Starts with an indentation of two or more spaces (paragraph starts in some layouts).
    var isIndented: Bool

    var isBlank: Bool { text.isEmpty && cells.isEmpty }
}
