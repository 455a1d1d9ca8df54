/// The paragraphs of one case as found in a document, before they are read into a `CaseRecord`.
struct CaseBlock {
    /// The number the document gives the case (案例十二, a 序号 cell, 一、 before a title).
    var number: Int?
    /// Text of a case header or work-group line before the title (健康知识普及行动类典型, …工作组).
    var labels: [String] = []
    var title: String?
    /// The region as the document writes it (信阳市罗山县, 象山县).
    var regionWritten: String?
    /// Containing units the document writes apart, e.g. a table's province and prefecture cells.
    var regionContext: String = ""
    var body: [Paragraph] = []
    /// Decisions the reader guessed at (title with no break found, unit from the body…), for the review.
    var guesses: [String] = []
    /// Source line where the case starts.
    var line: Int
}

extension CaseBlock {
    /// A table's 序号 cell as the case's number: 1 to 999 in digits, as a case header numbers
    /// 案例1 to 案例999. A longer or signed number (4294967297, -1) is debris, not a case number.
    static func number(inCell cell: String) -> Int? {
        guard (1...3).contains(cell.utf8.count), cell.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(cell), number >= 1 else {
            return nil
        }
        return number
    }
}
