/// Page furniture of a document printed to PDF: page numbers (— 7 —, - 12 -, 第3页) and the
/// running header that follows them (the collection's title at the top of every page). They
/// fall anywhere, even inside a sentence (…异常值自动提醒 | — 1 — | header | 守门人上门随访。), so
/// their lines are taken out before paragraphs are built: the text on either side then joins
/// as if the page had not broken.
enum PageFurniture {
    /// — 7 —, - 12 -, –3–, ·3·, 第 3 页, 第3页 共20页: a number set off by dashes or dots, or a page label.
    private static let pageNumber = Pattern(#"^[-—–－―·•]+\s*[0-9]{1,4}\s*[-—–－―·•]+$|^第\s*[0-9]{1,4}\s*页(\s*共\s*[0-9]{1,4}\s*页)?$"#)

    static func isPageNumber(_ text: String) -> Bool {
        text.hasAtMostCharacters(20) && pageNumber.matches(text)
    }

    /// 健康辽宁行动典型案例选编 · 3, 4 · 健康辽宁行动典型案例选编, 健康XX简报 | 7: a running header
    /// with its page number on the line; returns the header without the number.
    private static let numberedHeader = Pattern(#"^(?:[0-9]{1,4}\s*[·•|｜丨—-]\s*(\S.{2,38}?)|(\S.{2,38}?)\s*[·•|｜丨—-]\s*[0-9]{1,4})$"#)

    static func numberedHeaderText(_ text: String) -> String? {
        guard text.hasAtMostCharacters(44), let match = numberedHeader.firstMatch(in: text) else { return nil }
        let group = [1, 2].compactMap { Range(match.range(at: $0), in: text) }.first
        return group.map { String(text[$0]).trimming(.whitespaces) }
    }

    /// The lines without page numbers and running headers. A running header is a short line that
    /// comes right after a page number (blank lines between allowed) or repeats the document's
    /// first line, and that the document prints more than once: a title line that happens to
    /// follow a page break once is kept.
    static func removed(from lines: [CleanLine]) -> [CleanLine] {
        let firstText = lines.first { !$0.isBlank }?.text
        var occurrences: [String: Int] = [:]
        var numberedHeaders: [String: Int] = [:]
        for line in lines where !line.isBlank && line.cells.isEmpty && line.text.hasAtMostCharacters(44) {
            occurrences[line.text, default: 0] += 1
            if let header = numberedHeaderText(line.text) { numberedHeaders[header, default: 0] += 1 }
        }
        func isRunningHeader(_ line: CleanLine) -> Bool {
            line.cells.isEmpty && line.text.hasAtMostCharacters(40) && occurrences[line.text, default: 0] >= 2
        }
        var kept: [CleanLine] = []
        var afterPageNumber = false
        var seenFirst = false
        for line in lines {
            if line.isBlank { kept.append(line); continue }
            if line.cells.isEmpty, isPageNumber(line.text) {
                afterPageNumber = true
                continue
            }
            // The same header with a page number on two pages or more.
            if line.cells.isEmpty, let header = numberedHeaderText(line.text), numberedHeaders[header, default: 0] >= 2 {
                continue
            }
            if line.text == firstText, isRunningHeader(line) {
                defer { seenFirst = true }
                if seenFirst { afterPageNumber = false; continue }
            } else if afterPageNumber, isRunningHeader(line) {
                afterPageNumber = false
                continue
            }
            afterPageNumber = false
            kept.append(line)
        }
        return kept
    }
}
