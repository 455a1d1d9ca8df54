import Foundation
import Regions

/// Finds the cases of a document by its structure rather than by a list of layouts. The
/// anchors, strongest first:
/// 1. table rows whose cells are administrative units (省 · 市 · 县), each followed by the
///    case's text (典型经验：…);
/// 2. case headers, whatever their wording (…典型经验案例一, 合理膳食行动典型案例, 案例3, 案 例 一,
///    典型经验1  unit：title), a 目录's entries left out;
/// 3. where neither 2 nor 4 is found, numbered headings whose numbers run on through the whole document (一、 二、 … or
///    （一）…, 5. 6. 7.) while the numbers inside them start again in each case;
/// 4. unit lines under a title (——unit, （unit）, 报送单位：unit; or 标题——河北省保定市 on one line)
///    that no header opened.
/// A candidate case with no paragraph of text (a 目录's entry, a cover's title) is not a case.
struct CaseSegmenter {
    let resolver: RegionResolver
    let isSectionHeading: (Paragraph) -> Bool

    private var units: UnitNames { UnitNames(resolver: resolver) }

    func segment(_ paragraphs: [Paragraph]) -> (preamble: [Paragraph], blocks: [CaseBlock]) {
        if let result = segmentTable(paragraphs) { return result }
        let headers = headerAnchors(paragraphs) ?? []
        let marked = (headers + unitLineAnchors(paragraphs, besides: headers)).sorted { $0.index < $1.index }
        if let anchors = marked.isEmpty ? numberedAnchors(paragraphs) : marked, let result = blocks(at: anchors, in: paragraphs) {
            return result
        }
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

    /// Unit lines that open a case no header opened: ——unit, （unit）, 报送单位：unit, unit供稿 under
    /// the title's lines (the case starts at the title), or title——unit on one line.
    private func unitLineAnchors(_ paragraphs: [Paragraph], besides headers: [Anchor]) -> [Anchor] {
        let reader = CaseHeadReader(units: units, isSectionHeading: isSectionHeading)
        var anchors: [Anchor] = []
        var boundary = 0
        for index in paragraphs.indices where paragraphs[index].isHeadingLike && !paragraphs[index].isTableRow {
            let text = paragraphs[index].text
            let titled = regionLine(paragraphs[index])?.title != nil
            guard titled || reader.unitLine(text) != nil else { continue }
            defer { boundary = index + 1 }
            let covered = headers.contains { header in
                header.index < index && index - header.index <= 6 && !paragraphs[(header.index + 1)..<index].contains(where: isProse)
            }
            if covered { continue }
            var start = index
            if !titled {
                while start - 1 >= boundary, index - start < 3, paragraphs[start - 1].isHeadingLike, !isProse(paragraphs[start - 1]),
                      !isSectionHeading(paragraphs[start - 1]), reader.unitLine(paragraphs[start - 1].text) == nil {
                    start -= 1
                }
                guard start < index else { continue }  // a unit line with no title above opens nothing
            }
            // 一、title——unit or 一、title over ——unit: the number is the case's, not the title's.
            if let marker = Enumeration.leadingMarker(in: paragraphs[start].text) {
                let opening = String(paragraphs[start].text.dropFirst(marker.end)).trimming(.whitespaces)
                anchors.append(Anchor(index: start, number: marker.number, opening: opening, isHeader: false, headStart: start + 1))
            } else {
                anchors.append(Anchor(index: start, number: nil, opening: "", isHeader: false, headStart: start))
            }
        }
        return withText(anchors, in: paragraphs)
    }

    // MARK: Case headers and numbered headings

    /// Where a case opens: its paragraph, the number it gives, the text after that number.
    struct Anchor {
        let index: Int
        let number: Int?
        let opening: String
        let isHeader: Bool
        /// Where the head's lines start: after the header or numbered line, or at the title above a ——line.
        let headStart: Int
    }

    /// A paragraph of text (not a heading, a 目录 entry or a label): what every case has.
    private func isProse(_ paragraph: Paragraph) -> Bool {
        !paragraph.isHeadingLike && !CaseHeader.isContentsEntry(paragraph.text)
    }

    private func headerAnchors(_ paragraphs: [Paragraph]) -> [Anchor]? {
        var anchors: [Anchor] = []
        for (index, paragraph) in paragraphs.enumerated() where !paragraph.isTableRow {
            guard let header = CaseHeader.parse(paragraph.text), !CaseHeader.isContentsEntry(paragraph.text) else { continue }
            // A second header line right under the first (健康中国行动… / 健康知识普及行动类典型案例一)
            // is a label of the same case.
            if let last = anchors.last, last.index == index - 1, header.rest.isEmpty, anchors.last?.opening.isEmpty == true { continue }
            anchors.append(Anchor(index: index, number: header.number, opening: header.rest, isHeader: true, headStart: index + 1))
        }
        let kept = withText(anchors, in: paragraphs)
        return kept.isEmpty ? nil : kept
    }

    /// Anchors whose stretch up to the next anchor holds a paragraph of text.
    private func withText(_ anchors: [Anchor], in paragraphs: [Paragraph]) -> [Anchor] {
        anchors.enumerated().filter { position, anchor in
            let end = position + 1 < anchors.count ? anchors[position + 1].index : paragraphs.count
            return paragraphs[(anchor.index + 1)..<end].contains(where: isProse)
        }.map(\.element)
    }

    /// The families a case can be numbered with (一是 and ① number items inside a text).
    private static let caseFamilies: [Enumeration.Family] = [.section, .parenChinese, .arabicDot, .parenArabic]

    /// The numbered headings that open cases: of one marker family, short, not a section heading
    /// (一、工作背景), numbered on by one through the whole document (most of the family's headings
    /// belong to the run: a family that starts again at 1 in each case numbers sections or
    /// practices), each case holding text and a structure of its own (a section heading, a
    /// numbered item of another family) or opening with its unit. Of several such families the
    /// one that comes first is the outermost.
    private func numberedAnchors(_ paragraphs: [Paragraph]) -> [Anchor]? {
        var best: [Anchor]?
        for family in Self.caseFamilies {
            var headings: [Anchor] = []
            for (index, paragraph) in paragraphs.enumerated() where paragraph.isHeadingLike && !paragraph.isTableRow {
                guard let marker = Enumeration.leadingMarker(in: paragraph.text), marker.family == family,
                      !isSectionHeading(paragraph) else { continue }
                let opening = String(paragraph.text.dropFirst(marker.end)).trimming(.whitespaces)
                headings.append(Anchor(index: index, number: marker.number, opening: opening, isHeader: false, headStart: index + 1))
            }
            headings = withText(headings, in: paragraphs)
            guard let run = Self.longestRun(headings), run.count >= 2, run.count * 5 >= headings.count * 4 else { continue }
            let structured = run.enumerated().allSatisfy { position, anchor in
                let end = position + 1 < run.count ? run[position + 1].index : paragraphs.count
                let inside = paragraphs[(anchor.index + 1)..<end]
                return inside.contains { isSectionHeading($0) || Enumeration.leadingMarker(in: $0.text).map { $0.family != family } ?? false }
                    || units.leadingUnit(of: anchor.opening) != nil || units.isUnit(anchor.opening.split(separator: "：").first.map(String.init) ?? "")
            }
            guard structured else { continue }
            if best == nil || run[0].index < best![0].index { best = run }
        }
        return best
    }

    /// The longest run of headings numbered on by one (5, 6, 7 in a continuation volume too).
    private static func longestRun(_ headings: [Anchor]) -> [Anchor]? {
        var best: [Anchor] = []
        for (position, first) in headings.enumerated() {
            var run = [first]
            for next in headings[(position + 1)...] where next.number == (run.last!.number ?? 0) + 1 {
                run.append(next)
            }
            if run.count > best.count { best = run }
        }
        return best.isEmpty ? nil : best
    }

    private func blocks(at anchors: [Anchor], in paragraphs: [Paragraph]) -> ([Paragraph], [CaseBlock])? {
        let reader = CaseHeadReader(units: units, isSectionHeading: isSectionHeading)
        var blocks: [CaseBlock] = []
        for (position, anchor) in anchors.enumerated() {
            let end = position + 1 < anchors.count ? anchors[position + 1].index : paragraphs.count
            let head = reader.read(paragraphs, from: anchor.headStart, to: end, opening: anchor.opening)
            var block = CaseBlock(line: paragraphs[anchor.index].line)
            block.number = anchor.number
            block.labels = (anchor.isHeader ? [paragraphs[anchor.index].text] : []) + head.labels
            block.title = head.title
            block.regionWritten = head.unit
            block.guesses = head.guesses
            block.body = Array(paragraphs[head.bodyStart..<end])
            blocks.append(block)
        }
        guard !blocks.isEmpty else { return nil }
        return (Array(paragraphs[..<anchors[0].index]), blocks)
    }

}
