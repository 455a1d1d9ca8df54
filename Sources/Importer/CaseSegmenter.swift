import Foundation
import Regions

/// Finds the cases of a document by its structure rather than by a list of layouts. The
/// anchors, strongest first:
/// 1. table rows whose cells are administrative units (省 · 市 · 县), each with the case's text
///    (典型经验：…) — unless the rows are only a list of names and the cases have headers;
/// 2. case headers, whatever their wording (…典型经验案例一, 合理膳食行动典型案例, 案例3, 案 例 一,
///    第一篇, 典型经验1  unit：title), a 目录's entries left out;
/// 3. unit lines under a title (——unit, （unit）, 报送单位：unit, unit供稿; or 标题——河北省保定市 on
///    one line) that no header opened;
/// 4. where neither 2 nor 3 is found, numbered headings whose numbers run on through the whole
///    document (一、 二、 … or （一）…, 5. 6. 7.) while the numbers inside them start again in each case.
/// A candidate case with no paragraph of text (a 目录's entry, a cover's title) is not a case.
struct CaseSegmenter {
    let resolver: RegionResolver
    let isSectionHeading: (Paragraph) -> Bool

    private var units: UnitNames { UnitNames(resolver: resolver) }

    func segment(_ paragraphs: [Paragraph]) -> (preamble: [Paragraph], blocks: [CaseBlock]) {
        let headers = headerAnchors(paragraphs) ?? []
        if let result = segmentTable(paragraphs, hasHeaders: !headers.isEmpty) { return result }
        let groups = groupLines(paragraphs)
        let marked = (headers + unitLineAnchors(paragraphs, besides: headers)).sorted { $0.index < $1.index }
        if let anchors = marked.isEmpty ? numberedAnchors(paragraphs, groups: groups) : marked,
           let result = blocks(at: anchors, in: paragraphs, groups: groups) {
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

    private func segmentTable(_ paragraphs: [Paragraph], hasHeaders: Bool) -> ([Paragraph], [CaseBlock])? {
        let rows = paragraphs.indices.filter { isRegionRow(paragraphs[$0]) }
        guard rows.count >= 2 else { return nil }
        // A table of names only (a 名单 before cases that have headers of their own, its titles
        // short) opens no case: rows of a collection carry the case's text.
        let rowsWithText = rows.filter { paragraphs[$0].text.count >= 60 }.count
        if hasHeaders, rowsWithText * 2 < rows.count { return nil }
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

    /// The kinds of line that name a case's unit and so can open a case (`unitLineAnchors`).
    private enum UnitLineKind {

        /// 标题——河北省保定市: the title and the unit on one line.
        case titleAndUnit
        /// 【山东潍坊】title, or the label alone over the title.
        case placeLabel
        /// 远安县 alone over its title.
        case bareUnitOverTitle
        /// ■兴宁区：title, ## 呼和浩特市赛罕区：title (the line without its ornament).
        case unitColonTitle(String)
        /// ——unit, （unit）, 报送单位：unit, unit供稿: under the title's lines.
        case underTitle

        var isTitleAndUnit: Bool {
            if case .titleAndUnit = self { return true }
            return false
        }
    }

    private func unitLineKind(at index: Int, in paragraphs: [Paragraph], reader: CaseHeadReader,
                              isTitleLine: (Int) -> Bool) -> UnitLineKind? {
        let text = paragraphs[index].text
        if regionLine(paragraphs[index])?.title != nil { return .titleAndUnit }
        if reader.bracketedUnit(text) != nil { return .placeLabel }
        if reader.unitLine(text) != nil { return .underTitle }
        if text.hasAtMostCharacters(24), units.isUnit(text), isTitleLine(index + 1) { return .bareUnitOverTitle }
        return unitColonTitle(text).map(UnitLineKind.unitColonTitle)
    }

    /// Unit lines that open a case no header opened (see `UnitLineKind`). A bare unit over a
    /// title and a unit：title heading count only where the document has two or more of them: a
    /// single one may be a cover's issuer or a heading of another kind.
    private func unitLineAnchors(_ paragraphs: [Paragraph], besides headers: [Anchor]) -> [Anchor] {
        let reader = CaseHeadReader(units: units, isSectionHeading: isSectionHeading)
        var anchors: [Anchor] = []
        var unitFirst: [Anchor] = []
        var unitTitled: [Anchor] = []
        // Unit lines with text, not a title, above them: cases signed at their end (（来源：unit）).
        var signatures: [Int] = []
        // A title above a unit line cannot reach back past the last unit line that opened a case.
        var boundary = 0
        var nextHeader = 0  // headers are in document order: the last one before `index` is found by walking on
        func isTitleLine(_ index: Int) -> Bool {
            index < paragraphs.count && paragraphs[index].isHeadingLike && !isProse(paragraphs[index]) && !isSectionHeading(paragraphs[index])
                && reader.unitLine(paragraphs[index].text) == nil && !ParagraphBuilder.isStandalone(paragraphs[index].text)
                && !units.isUnit(paragraphs[index].text)
        }
        for index in paragraphs.indices where paragraphs[index].isHeadingLike && !paragraphs[index].isTableRow {
            guard let kind = unitLineKind(at: index, in: paragraphs, reader: reader, isTitleLine: isTitleLine) else { continue }
            while nextHeader < headers.count, headers[nextHeader].index < index { nextHeader += 1 }
            // In the head of a case a header opened (at most six lines on, no text between).
            if nextHeader > 0, case let header = headers[nextHeader - 1], index - header.index <= 6,
               !paragraphs[(header.index + 1)..<index].contains(where: isProse) {
                continue
            }
            switch kind {
            case .placeLabel:
                anchors.append(Anchor(index: index, number: nil, opening: "", isHeader: false, headStart: index))
                boundary = index + 1
            case .bareUnitOverTitle:
                unitFirst.append(Anchor(index: index, number: nil, opening: "", isHeader: false, headStart: index))
            case .unitColonTitle(let opening):
                unitTitled.append(Anchor(index: index, number: nil, opening: opening, isHeader: false, headStart: index + 1))
            case .titleAndUnit, .underTitle:
                defer { boundary = index + 1 }
                let start = kind.isTitleAndUnit ? index : titleStart(above: index, boundary: boundary, in: paragraphs, isTitleLine: isTitleLine)
                guard start < index || kind.isTitleAndUnit else {
                    // A unit line with no title above opens nothing; under a case's text it signs it.
                    if index > 0, isProse(paragraphs[index - 1]) { signatures.append(index) }
                    continue
                }
                anchors.append(anchor(openingAt: start, in: paragraphs))
            }
        }
        if signatures.count >= 2 { anchors = (anchors + signedCases(signatures, besides: anchors, in: paragraphs, isTitleLine: isTitleLine)).sorted { $0.index < $1.index } }
        if unitFirst.count >= 2 { anchors = (anchors + unitFirst).sorted { $0.index < $1.index } }
        if unitTitled.count >= 2 { anchors = (anchors + unitTitled).sorted { $0.index < $1.index } }
        return withText(anchors, in: paragraphs)
    }

    /// Where a document signs its cases at their end (two or more signatures), each case opens at
    /// the title over its first paragraph after the previous signature — unless an anchor already
    /// opened one there.
    private func signedCases(_ signatures: [Int], besides anchors: [Anchor], in paragraphs: [Paragraph],
                             isTitleLine: (Int) -> Bool) -> [Anchor] {
        var opened: [Anchor] = []
        var boundary = 0
        for signature in signatures {
            defer { boundary = signature + 1 }
            guard !anchors.contains(where: { (boundary..<signature).contains($0.index) }),
                  let text = (boundary..<signature).first(where: { isProse(paragraphs[$0]) }) else { continue }
            let start = titleStart(above: text, boundary: boundary, in: paragraphs, isTitleLine: isTitleLine)
            if start < text { opened.append(anchor(openingAt: start, in: paragraphs)) }
        }
        return opened
    }

    /// The first of up to three title lines above a unit line (a numbered one included), not
    /// before `boundary`.
    private func titleStart(above index: Int, boundary: Int, in paragraphs: [Paragraph], isTitleLine: (Int) -> Bool) -> Int {
        var start = index
        while start - 1 >= boundary, index - start < 3, isTitleLine(start - 1) || Enumeration.leadingMarker(in: paragraphs[start - 1].text) != nil
                && paragraphs[start - 1].isHeadingLike && !isSectionHeading(paragraphs[start - 1]) {
            start -= 1
        }
        return start
    }

    /// A case opening at a title line: 一、title——unit or 一、title over ——unit gives the case its
    /// number, not the title.
    private func anchor(openingAt start: Int, in paragraphs: [Paragraph]) -> Anchor {
        if let marker = Enumeration.leadingMarker(in: paragraphs[start].text) {
            let opening = String(paragraphs[start].text.dropFirst(marker.end)).trimming(.whitespaces)
            return Anchor(index: start, number: marker.number, opening: opening, isHeader: false, headStart: start + 1)
        }
        return Anchor(index: start, number: nil, opening: "", isHeader: false, headStart: start)
    }

    /// ■兴宁区：title, ## 呼和浩特市赛罕区：title — a heading that is a unit, a colon and a title
    /// (an ornament before it dropped); returns the line without the ornament. Such lines open
    /// cases where a document has two or more of them.
    private func unitColonTitle(_ text: String) -> String? {
        let line = text.trimming(Self.ornaments)
        guard line.hasAtMostCharacters(60), !line.contains("。"), Enumeration.leadingMarker(in: line) == nil,
              let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let unit = String(line[..<colon]).trimming(.whitespaces)
        let title = line[line.index(after: colon)...]
        guard title.count >= 4, units.isUnit(unit) else { return nil }
        return line
    }

    private static let ornaments = CharacterSet(charactersIn: "■□◆◇●○▲△★☆◎※·• ")

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
            // The document's first line is its title (健康新疆行动典型案例), not a case, unless it numbers one.
            if index == 0, header.number == nil { continue }
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
    private static let caseFamilies: [Enumeration.Family] = CaseHeadReader.caseNumberFamilies

    /// 第一部分 健康知识普及行动, 第二章 …: a part of the collection that groups cases (its name
    /// labels them: a special action becomes their category); case numbers may start again in it.
    private static let groupLine = Pattern(#"^第[一二三四五六七八九十]{1,3}(?:部分|章|编|单元|专题)[\s：:]*\S"#)

    func groupLines(_ paragraphs: [Paragraph]) -> [Int] {
        paragraphs.indices.filter { index in
            let paragraph = paragraphs[index]
            return paragraph.isHeadingLike && !CaseHeader.isContentsEntry(paragraph.text) && Self.groupLine.matches(paragraph.text)
        }
    }

    /// 01, 5, 十二, NO.3, 实践一 alone on a line: a case's number set apart from its title.
    private static let bareNumber = Pattern(#"^(?:[Nn][Oo][.．]?\s*|[\x{4E00}-\x{9FFF}]{1,3}?)?0*([0-9]{1,3}|[一二三四五六七八九十]{1,3})[.．、]?$"#)

    /// The numbered headings that open cases: of one kind (a marker family, or numbers alone on
    /// their lines), short, not a section heading (一、工作背景), numbered on by one through the whole
    /// document or through each of its parts (most of the kind's headings belong to the run: a
    /// family that starts again at 1 in each case numbers sections or practices), each case
    /// holding text and a structure of its own (a section heading, a numbered item of another
    /// family) or opening with its unit. Of several such kinds the one that comes first is the
    /// outermost.
    private func numberedAnchors(_ paragraphs: [Paragraph], groups: [Int]) -> [Anchor]? {
        var best: [Anchor]?
        let kinds: [Enumeration.Family?] = Self.caseFamilies + [nil]  // nil: numbers alone
        for family in kinds {
            var headings: [Anchor] = []
            for (index, paragraph) in paragraphs.enumerated() where paragraph.isHeadingLike && !paragraph.isTableRow {
                if let family {
                    guard let marker = Enumeration.leadingMarker(in: paragraph.text), marker.family == family,
                          !isSectionHeading(paragraph) else { continue }
                    let opening = String(paragraph.text.dropFirst(marker.end)).trimming(.whitespaces)
                    headings.append(Anchor(index: index, number: marker.number, opening: opening, isHeader: false, headStart: index + 1))
                } else if let match = Self.bareNumber.firstMatch(in: paragraph.text),
                          let range = Range(match.range(at: 1), in: paragraph.text),
                          let number = Enumeration.value(of: String(paragraph.text[range])) {
                    headings.append(Anchor(index: index, number: number, opening: "", isHeader: false, headStart: index + 1))
                }
            }
            headings = withText(headings, in: paragraphs)
            guard let run = Self.longestRun(headings, groups: groups), run.count >= 2, run.count * 5 >= headings.count * 4 else { continue }
            let structured = run.enumerated().allSatisfy { position, anchor in
                let end = position + 1 < run.count ? run[position + 1].index : paragraphs.count
                let inside = paragraphs[(anchor.index + 1)..<end]
                let opening = anchor.opening.isEmpty ? (inside.first?.text ?? "") : anchor.opening
                return inside.contains { isSectionHeading($0) || Enumeration.leadingMarker(in: $0.text).map { $0.family != family } ?? false }
                    || units.leadingUnit(of: opening) != nil || units.isUnit(opening.split(separator: "：").first.map(String.init) ?? "")
            }
            guard structured else { continue }
            if best == nil || run[0].index < best![0].index { best = run }
        }
        return best
    }

    /// The longest run of headings numbered on by one (5, 6, 7 in a continuation volume too),
    /// starting again at 1 after a group line (第二部分…). A run starts at the first heading or at
    /// a 1, and only the first few dozen are tried: each try reads the headings after it, and a
    /// long document numbers thousands of items 1, 2, 3 inside its cases.
    private static func longestRun(_ headings: [Anchor], groups: [Int]) -> [Anchor]? {
        var best: [Anchor] = []
        let starts = headings.indices.filter { $0 == 0 || headings[$0].number == 1 }.prefix(48)
        for position in starts {
            let first = headings[position]
            var run = [first]
            for next in headings[(position + 1)...] {
                let last = run.last!
                let restarts = next.number == 1 && groups.contains { $0 > last.index && $0 < next.index }
                if next.number == (last.number ?? 0) + 1 || restarts { run.append(next) }
            }
            if run.count > best.count { best = run }
        }
        return best.isEmpty ? nil : best
    }

    /// Blocks from the anchors: each case runs to the next anchor or the next group line, and
    /// carries the group line it is under as a label.
    private func blocks(at anchors: [Anchor], in paragraphs: [Paragraph], groups: [Int]) -> ([Paragraph], [CaseBlock])? {
        let reader = CaseHeadReader(units: units, isSectionHeading: isSectionHeading)
        var blocks: [CaseBlock] = []
        for (position, anchor) in anchors.enumerated() {
            let nextAnchor = position + 1 < anchors.count ? anchors[position + 1].index : paragraphs.count
            let end = groups.first { $0 > anchor.index && $0 < nextAnchor } ?? nextAnchor
            let head = reader.read(paragraphs, from: anchor.headStart, to: end, opening: anchor.opening)
            // A header that only names the collection (健康陕西行动典型经验案例) over a numbered title:
            // the case starts at its number.
            let opensAt = anchor.number == nil ? (head.numberIndex ?? anchor.index) : anchor.index
            var block = CaseBlock(line: paragraphs[opensAt].line)
            block.number = anchor.number ?? head.number
            let group = groups.last { $0 < anchor.index }.map { [paragraphs[$0].text] } ?? []
            block.labels = group + (anchor.isHeader ? [paragraphs[anchor.index].text] : []) + head.labels
            block.title = head.title
            block.regionWritten = head.unit
            block.guesses = head.guesses
            var bodyEnd = end
            // A unit signed at the case's end (…卫生健康委员会供稿) when its head names none.
            if head.unit == nil, bodyEnd - 1 > head.bodyStart, let unit = reader.unitLine(paragraphs[bodyEnd - 1].text) {
                block.regionWritten = unit
                bodyEnd -= 1
            }
            block.body = Array(paragraphs[head.bodyStart..<bodyEnd])
            blocks.append(block)
        }
        guard !blocks.isEmpty else { return nil }
        return (Array(paragraphs[..<anchors[0].index]), blocks)
    }

}
