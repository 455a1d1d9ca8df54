import Foundation
import Regions

/// Finds the cases of a document. Three kinds of anchor are recognised, strongest first:
/// 1. table rows whose cells are administrative units (省 · 市 · 县), each followed by the
///    case's text (典型经验：…);
/// 2. ——region lines, under a title (or after it on the same line: 标题——河北省保定市),
///    possibly preceded by a case header (…典型经验案例一) or a work-group line;
/// 3. case headers alone (…案例一), the title on the next line beginning with its unit
///    (石家庄市坚持…), or numbered title lines that begin with a unit (一、保定易县以…).
struct CaseSegmenter {
    let resolver: RegionResolver

    func segment(_ paragraphs: [Paragraph]) -> (preamble: [Paragraph], blocks: [CaseBlock]) {
        if let result = segmentTable(paragraphs) { return result }
        if let result = segmentByRegionLines(paragraphs) { return result }
        if let result = segmentByHeaders(paragraphs) { return result }
        if let result = segmentByTitles(paragraphs) { return result }
        return (paragraphs, [])
    }

    // MARK: Tables

    private func isRegionRow(_ paragraph: Paragraph) -> Bool {
        let names = paragraph.cells.filter { Int($0) == nil }
        guard !names.isEmpty else { return false }
        let joined = names.joined()
        let (units, length) = resolver.matchPrefix(joined)
        return !units.isEmpty && length == joined.count
    }

    private func segmentTable(_ paragraphs: [Paragraph]) -> ([Paragraph], [CaseBlock])? {
        let rows = paragraphs.indices.filter { isRegionRow(paragraphs[$0]) }
        guard rows.count >= 2 else { return nil }
        var blocks: [CaseBlock] = []
        for (position, rowIndex) in rows.enumerated() {
            let row = paragraphs[rowIndex]
            let end = position + 1 < rows.count ? rows[position + 1] : paragraphs.count
            let names = row.cells.filter { Int($0) == nil }
            var block = CaseBlock(line: row.line)
            block.number = row.cells.lazy.compactMap(CaseBlock.number(inCell:)).first
            block.regionWritten = names.last
            block.regionContext = names.dropLast().joined()
            if !row.text.isEmpty {
                block.body.append(Paragraph(text: row.text, cells: [], line: row.line, isHeading: false))
            }
            for paragraph in paragraphs[(rowIndex + 1)..<end] {
                if block.number == nil { block.number = paragraph.cells.lazy.compactMap(CaseBlock.number(inCell:)).first }
                guard !paragraph.text.isEmpty else { continue }
                block.body.append(Paragraph(text: paragraph.text, cells: [], line: paragraph.line, isHeading: paragraph.isHeading))
            }
            blocks.append(block)
        }
        return (Array(paragraphs[..<rows[0]]), blocks)
    }

    // MARK: ——region lines

    /// (title on the same line, region) for a ——region paragraph.
    private func regionLine(_ paragraph: Paragraph) -> (title: String?, region: String)? {
        let text = paragraph.text
        guard text.count <= 90, !text.contains("。"), let dash = text.range(of: "——") else { return nil }
        let before = text[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
        let after = text[dash.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ——"))
        guard !after.isEmpty, after.count <= 40, !after.contains("——") else { return nil }
        if before.isEmpty { return (nil, after) }
        // Title——region on one line: the right side must be a place or an institution.
        guard before.count >= 4, !resolver.matchPrefix(after).units.isEmpty else { return nil }
        return (before, after)
    }

    private func isWorkGroupLine(_ paragraph: Paragraph) -> Bool {
        paragraph.text.count <= 30 && (paragraph.text.hasSuffix("工作组") || paragraph.text.hasSuffix("专项行动组"))
    }

    private func isLabelLine(_ paragraph: Paragraph) -> Bool {
        CaseHeader.parse(paragraph.text) != nil || isWorkGroupLine(paragraph)
    }

    private func segmentByRegionLines(_ paragraphs: [Paragraph]) -> ([Paragraph], [CaseBlock])? {
        let found = paragraphs.indices.compactMap { index in regionLine(paragraphs[index]).map { (index, $0) } }
        guard !found.isEmpty else { return nil }
        var starts: [(start: Int, bodyStart: Int, block: CaseBlock)] = []
        var boundary = 0
        for (index, parsed) in found {
            var block = CaseBlock(line: paragraphs[index].line)
            block.regionWritten = parsed.region
            var start = index
            if let title = parsed.title {
                block.title = title
            } else if index - 1 >= boundary, paragraphs[index - 1].isHeadingLike, !isLabelLine(paragraphs[index - 1]) {
                block.title = paragraphs[index - 1].text
                start = index - 1
            }
            while start - 1 >= boundary, start - index > -4, isLabelLine(paragraphs[start - 1]) {
                start -= 1
                block.labels.insert(paragraphs[start].text, at: 0)
                if let header = CaseHeader.parse(paragraphs[start].text), block.number == nil { block.number = header.number }
            }
            block.line = paragraphs[start].line
            starts.append((start, index + 1, block))
            boundary = index + 1
        }
        var blocks: [CaseBlock] = []
        for (position, entry) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].start : paragraphs.count
            var block = entry.block
            block.body = Array(paragraphs[min(entry.bodyStart, end)..<end])
            blocks.append(block)
        }
        return (Array(paragraphs[..<starts[0].start]), blocks)
    }

    // MARK: Case headers alone

    private func segmentByHeaders(_ paragraphs: [Paragraph]) -> ([Paragraph], [CaseBlock])? {
        let headers = paragraphs.indices.filter { CaseHeader.parse(paragraphs[$0].text) != nil }
        guard !headers.isEmpty else { return nil }
        var blocks: [CaseBlock] = []
        for (position, index) in headers.enumerated() {
            let end = position + 1 < headers.count ? headers[position + 1] : paragraphs.count
            var block = CaseBlock(line: paragraphs[index].line)
            block.number = CaseHeader.parse(paragraphs[index].text)?.number
            block.labels = [paragraphs[index].text]
            var next = index + 1
            while next < end, isWorkGroupLine(paragraphs[next]) {
                block.labels.append(paragraphs[next].text)
                next += 1
            }
            if next < end, paragraphs[next].isHeadingLike, Enumeration.leadingMarker(in: paragraphs[next].text)?.family != .section {
                block.title = paragraphs[next].text
                block.regionWritten = leadingRegion(of: paragraphs[next].text)
                next += 1
            }
            block.body = Array(paragraphs[min(next, end)..<end])
            if block.body.isEmpty { continue }  // a document title that happens to end in 案例
            blocks.append(block)
        }
        guard !blocks.isEmpty else { return nil }
        let first = paragraphs.firstIndex { $0.line == blocks[0].line } ?? 0
        return (Array(paragraphs[..<first]), blocks)
    }

    // MARK: Numbered titles that begin with a unit

    private func segmentByTitles(_ paragraphs: [Paragraph]) -> ([Paragraph], [CaseBlock])? {
        let titles = paragraphs.indices.filter { index in
            let paragraph = paragraphs[index]
            guard paragraph.isHeadingLike, paragraph.text.count >= 6 else { return false }
            return leadingRegion(of: stripMarker(paragraph.text)) != nil
        }
        guard titles.count >= 2 else { return nil }
        var blocks: [CaseBlock] = []
        for (position, index) in titles.enumerated() {
            let end = position + 1 < titles.count ? titles[position + 1] : paragraphs.count
            let text = paragraphs[index].text
            var block = CaseBlock(line: paragraphs[index].line)
            block.number = Enumeration.leadingMarker(in: text)?.number
            block.title = stripMarker(text)
            block.regionWritten = leadingRegion(of: block.title!)
            block.body = Array(paragraphs[(index + 1)..<end])
            blocks.append(block)
        }
        return (Array(paragraphs[..<titles[0]]), blocks)
    }

    private func stripMarker(_ text: String) -> String {
        guard let marker = Enumeration.leadingMarker(in: text) else { return text }
        return String(text.dropFirst(marker.end)).trimming(.whitespaces)
    }

    /// The unit a title begins with (石家庄市坚持… → 石家庄市; 保定易县以… → 保定易县;
    /// 信阳罗山：立足… → 信阳罗山): a full name, or two units in a row, or a short name before a colon.
    func leadingRegion(of title: String) -> String? {
        let (units, length) = resolver.matchPrefix(title)
        guard !units.isEmpty else { return nil }
        let prefix = String(title.prefix(length))
        let usesFullName = units.contains { title.contains($0.name) }
        let beforeColon = title.dropFirst(length).hasPrefix("：")
        return (usesFullName || units.count >= 2 || beforeColon) ? prefix : nil
    }
}
