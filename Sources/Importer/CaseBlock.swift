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
    /// Source line where the case starts.
    var line: Int
}
