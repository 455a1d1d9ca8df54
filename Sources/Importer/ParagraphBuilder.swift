import Foundation

/// Rejoins the lines a PDF broke into paragraphs.
///
/// Two kinds of layout exist. In an *indented* layout (paragraphs start with spaces, as in
/// 001) an unindented line continues the paragraph above, whatever punctuation ends it. In a
/// *flush* layout (Markdown, tables) a line continues the one above when that one does not
/// end a sentence and is not a short title-like line (30 characters or fewer, no，。；：). In both, headings, table rows, enumeration markers, ——region lines and
/// standalone lines (文号, dates) always start a paragraph. Where a PDF repeated the last
/// character of a page at the top of the next ("单位\n位职工"), the repeat is dropped unless
/// the doubled character is a word (家家) or occurs doubled elsewhere in the document.
struct ParagraphBuilder {
    let reduplications: Set<String>

    /// Marks a join inside paragraph text until duplicates are resolved (Unicode private use).
    private static let joinMark: Character = "\u{E000}"

    func paragraphs(from rawText: String) -> [Paragraph] {
        let lines = PageFurniture.removed(from: cleanLines(rawText))
        let indentedLayout = Self.isIndentedLayout(lines)
        let wrapWidth = Self.wrapWidth(lines)
        var paragraphs: [Paragraph] = []
        var lastLineFull = false
        for line in lines where !line.isBlank {
            // Decided before the append: a copy of the last paragraph still alive at the append
            // would make it copy the paragraph's whole text, for every line a long paragraph has.
            let joins = paragraphs.last.map {
                (lastLineFull && wrapped(into: line, indentedLayout: indentedLayout)) || continues($0, with: line, indentedLayout: indentedLayout)
            } ?? false
            lastLineFull = wrapWidth.map { line.cells.isEmpty && line.text.count >= $0 - 1 } ?? false
            if joins {
                paragraphs[paragraphs.count - 1].text.append(Self.joinMark)
                paragraphs[paragraphs.count - 1].text.append(line.text)
                paragraphs[paragraphs.count - 1].endsWithSpace = line.endsWithSpace
            } else {
                var paragraph = Paragraph(text: line.text, cells: line.cells, line: line.number, isHeading: line.isHeading)
                paragraph.endsWithSpace = line.endsWithSpace
                paragraph.leadIsBold = line.leadIsBold
                paragraphs.append(paragraph)
            }
        }
        return resolveJoins(paragraphs)
    }

    func cleanLines(_ rawText: String) -> [CleanLine] {
        var result: [CleanLine] = []
        var number = 0
        for raw in Self.lines(of: rawText) {
            number += 1
            let (stripped, isHeading) = SourceCleaning.stripMarkup(String(raw))
            let isIndented = stripped.hasPrefix("  ") || stripped.hasPrefix("\u{3000}")
            let endsWithSpace = stripped.last.map { $0 == " " || $0 == "\u{3000}" } ?? false
            let rawCells = stripped.split(separator: "\t", omittingEmptySubsequences: false)
                .map { clean(String($0)) }
                .filter { !$0.isEmpty }
            var cells: [String] = []
            var text = ""
            if rawCells.count >= 2 {
                // A table row: short cells are labels (序号, 省, 市, 县); long ones are text.
                let long = rawCells.filter { $0.count > 16 }
                cells = rawCells.filter { $0.count <= 16 }
                text = long.joined()
                if long.isEmpty && cells.count < 2 { text = cells.joined(); cells = [] }
            } else {
                text = rawCells.first ?? ""
            }
            let isTitleLike = text.count <= 60 && !text.contains("。")
            // A letter-spaced line (健 康 湖 南, 家 门 口 的 “慢 病 管 家”) has no phrase spaces to keep.
            let keepPhraseSpaces = (isHeading || isTitleLike) && !SourceCleaning.isLetterSpaced(text)
            if let (header, rest) = SourceCleaning.numberedLabel(text) {
                // 典型经验1  延边州和龙市：… — the space after the case's number ends the header; a
                // stray space beside a digit elsewhere goes.
                text = SourceCleaning.removeStraySpaces(header) + " " + SourceCleaning.removeStraySpaces(rest, keepPhraseSpaces: true)
            } else {
                text = SourceCleaning.removeStraySpaces(text, keepPhraseSpaces: keepPhraseSpaces)
            }
            var line = CleanLine(number: number, text: text, cells: cells, isHeading: isHeading, isIndented: isIndented, endsWithSpace: endsWithSpace && !text.isEmpty)
            line.leadIsBold = SourceCleaning.opensBold(String(raw))
            result.append(line)
        }
        return result
    }

    private func clean(_ cell: String) -> String {
        SourceCleaning.normalizeWidth(cell).trimming(.whitespaces)
    }

    /// The lines of the text, ended by LF, CRLF or CR, found on its bytes. A line break is
    /// always a character of its own (CRLF one character), so these are the lines that
    /// splitting the characters at "\n", "\r\n" and "\r" gives, without comparing each one.
    static func lines(of text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = bytes.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = bytes.index(after: index)
            if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    /// The width a hard-wrapped document breaks its lines at: the most common length of its
    /// lines of 20 characters or more, when a third of them or more have it. A line that long was
    /// cut by the page, not ended by its writer, even where it looks like a heading.
    static func wrapWidth(_ lines: [CleanLine]) -> Int? {
        let lengths = lines.filter { $0.cells.isEmpty }.map(\.text.count).filter { $0 >= 20 }
        guard lengths.count >= 6 else { return nil }
        let counts = Dictionary(lengths.map { ($0, 1) }, uniquingKeysWith: +)
        // Lines cut at one width differ by a character where a half-width character or a
        // punctuation mark fell at the end: count each length with its neighbour below.
        guard let (width, count) = counts.map({ ($0.key, $0.value + (counts[$0.key - 1] ?? 0)) }).max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }),
              count * 3 >= lengths.count else { return nil }
        return width
    }

    /// After a line the page cut, the next line goes on with it unless it opens something of its
    /// own (a heading, a table row, a numbered item, a case header, an indented paragraph).
    private func wrapped(into line: CleanLine, indentedLayout: Bool) -> Bool {
        !(line.isHeading || !line.cells.isEmpty || (indentedLayout && line.isIndented) || Self.isStandalone(line.text)
          || line.text.hasPrefix("——") || Enumeration.leadingMarker(in: line.text) != nil || CaseHeader.parse(line.text) != nil)
    }

    static func isIndentedLayout(_ lines: [CleanLine]) -> Bool {
        let text = lines.filter { !$0.isBlank && $0.cells.isEmpty }
        let indented = text.filter(\.isIndented).count
        return indented >= 5 && indented * 10 >= text.count && indented < text.count
    }

    private func continues(_ paragraph: Paragraph, with line: CleanLine, indentedLayout: Bool) -> Bool {
        if line.isHeading || !line.cells.isEmpty || paragraph.isHeading { return false }
        if paragraph.isTableRow && paragraph.text.isEmpty { return false }
        if Self.isStandalone(paragraph.text) || Self.isStandalone(line.text) { return false }
        if line.text.hasPrefix("——") || paragraph.text.hasPrefix("——") { return false }
        // 【基本做法】, 【山东潍坊】…: a bracketed label opens a paragraph.
        if line.text.hasPrefix("【") { return false }
        if CaseHeader.parse(line.text) != nil || CaseHeader.parse(paragraph.text) != nil { return false }
        if Self.isMarkedHeading(paragraph.text) { return false }
        // A short line without clause punctuation is a title or a label, even where blank lines
        // and indentation are all that mark paragraphs (a title over lines 7 and 9 is joined as a
        // title, not as prose).
        // A numbered heading (一、工作背景), and after a finished sentence any numbered line or short
        // label (工作背景), opens a paragraph of its own even unindented.
        if indentedLayout {
            let opensItem = Self.isMarkedHeading(line.text) || Self.endsSentence(paragraph.text)
                && (Enumeration.leadingMarker(in: line.text) != nil || Self.isShortLabel(line.text))
            return !line.isIndented && !Self.isShortLabel(paragraph.text) && !opensItem
        }
        if Enumeration.leadingMarker(in: line.text) != nil { return false }
        // A short line without sentence punctuation is a title or a label, not prose the page cut.
        return !Self.endsSentence(paragraph.text) && !Self.isShortLabel(paragraph.text)
    }

    /// A title or a label: short, no clause punctuation — a colon inside (兴宁区：“健康积分超市”…)
    /// but not at the end (主要做法： goes on to what it introduces).
    private static func isShortLabel(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(30), !text.contains(where: sentenceMarks.contains) else { return false }
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return true }
        return text.index(after: colon) < text.endIndex && !ParagraphBuilder.endsSentence(text) && !text.hasSuffix("：")
    }

    private static let sentenceMarks = Marks("，。；")

    /// 一、保定易县以…, （二）培育专业队伍: a marker, short, no full stop.
    static func isMarkedHeading(_ text: String) -> Bool {
        text.hasAtMostCharacters(40) && !text.contains("。") && Enumeration.leadingMarker(in: text) != nil
    }

    /// The last character, looking past closing quotes and brackets, ends a sentence. Walks back
    /// by index: `dropLast()` on a String counts the whole text, for each line a paragraph joins.
    static func endsSentence(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        var index = text.endIndex
        repeat {
            index = text.index(before: index)
        } while closingMarks.contains(text[index]) && index > text.startIndex
        return sentenceEnds.contains(text[index])
    }

    private static let clauseMarks = Marks("，。；：")
    private static let closingMarks = Marks("”’）)】》\"")
    private static let sentenceEnds = Marks("。！？；!?;…")

    /// Lines that stand alone in any layout: 文号, dates, 附件 labels, (此件公开发布).
    static func isStandalone(_ text: String) -> Bool {
        // Such lines are short: a long paragraph is not matched against them (each match would
        // read the whole paragraph, and this is asked each time a line joins it).
        guard text.hasAtMostCharacters(64) else { return false }
        return standalonePatterns.contains { $0.matches(text) }
    }

    private static let standalonePatterns = [
        Pattern(#"^\S{0,16}[〔\[［][0-9]{4}[〕\]］][0-9]+号$"#),
        Pattern(#"^[0-9]{4}年[0-9]{1,2}月([0-9]{1,2}日)?$"#),
        Pattern(#"^附件\s*[0-9]*[:：]?$"#),
        Pattern(#"^（[^（）]{2,20}）$"#),
    ]

    /// Drops a character the PDF repeated at a break, decided on the whole document.
    private func resolveJoins(_ paragraphs: [Paragraph]) -> [Paragraph] {
        let doubled = Self.doubledCharacters(in: paragraphs)
        return paragraphs.map { paragraph in
            guard paragraph.text.contains(Self.joinMark) else { return paragraph }
            var characters = Array(paragraph.text)
            var output: [Character] = []
            output.reserveCapacity(characters.count)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                if character == Self.joinMark {
                    if let left = output.last, index + 1 < characters.count, characters[index + 1] == left,
                       SourceCleaning.isHan(left), !reduplications.contains(String([left, left])), !doubled.contains(left) {
                        index += 2  // skip the mark and the repeated character
                        continue
                    }
                    index += 1
                    continue
                }
                output.append(character)
                index += 1
            }
            characters = output
            var result = paragraph
            result.text = SourceCleaning.removeStraySpaces(String(characters), keepPhraseSpaces: paragraph.isHeading)
            return result
        }
    }

    /// The characters the document writes twice in a row somewhere (not across a join), found in
    /// one pass: searching the whole document for each doubled character at a join made the
    /// time square in the document's length.
    private static func doubledCharacters(in paragraphs: [Paragraph]) -> Set<Character> {
        var doubled = Set<Character>()
        for paragraph in paragraphs {
            var previous: Character?
            for character in paragraph.text {
                if character == previous { doubled.insert(character) }
                previous = character
            }
        }
        return doubled
    }
}
