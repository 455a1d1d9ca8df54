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
    /// The source's last line ended with a space: in a title broken over lines, a phrase
    /// space (坚持统筹谋划 强化部门协同 | 创新推进…) that joining must keep.
    var endsWithSpace = false
    /// The paragraph opens with a bold phrase (**强化组织保障。**…): in some layouts the only mark
    /// of a practice.
    var leadIsBold = false

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
    /// The source line ended with a space after its text.
    var endsWithSpace = false
    /// The source line opened with a bold phrase (**…** or __…__).
    var leadIsBold = false

    var isBlank: Bool { text.isEmpty && cells.isEmpty }
}
