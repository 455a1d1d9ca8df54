import Corpus
import Foundation

/// Reads the body of one case: its sections (背景 · 做法 · 成效 · 启示), its top-level
/// practices, and the phrases that report measured results.
struct CaseReader {
    let rules: ImportRules
    private let resultWords: WordFinder

    init(rules: ImportRules) {
        self.rules = rules
        resultWords = WordFinder(rules.resultWords)
    }

    enum SectionKind { case background, practices, outcomes, lessons }

    struct Reading {
        var background: String?
        var practices: [(heading: String, text: String)]
        var outcomes: String?
        var lessons: String?
        var figures: [String]
        var text: String
        /// Decisions about the practices that were guesses, for the review.
        var guesses: [String] = []
    }

    func read(_ block: CaseBlock) -> Reading {
        let body = block.body.flatMap { paragraph -> [Paragraph] in
            var paragraph = paragraph
            paragraph.text = dropCaseTextLabel(paragraph.text)
            return splitSectionLabel(paragraph)
        }.filter { !$0.text.isEmpty }

        // Split the body at section headings; what precedes the first one is the introduction.
        var introduction: [Paragraph] = []
        var sections: [(kind: SectionKind, paragraphs: [Paragraph])] = []
        for paragraph in body {
            if let kind = sectionKind(of: paragraph) {
                sections.append((kind, []))
            } else if sections.isEmpty {
                introduction.append(paragraph)
            } else {
                sections[sections.count - 1].paragraphs.append(paragraph)
            }
        }
        func paragraphs(_ kind: SectionKind) -> [Paragraph] {
            sections.filter { $0.kind == kind }.flatMap(\.paragraphs)
        }
        func texts(_ kind: SectionKind) -> [String] { paragraphs(kind).map(\.text) }

        var backgroundParts: [String]
        let practiceSource: [Paragraph]
        var guesses: [String] = []
        if sections.contains(where: { $0.kind == .practices }) {
            backgroundParts = introduction.map(\.text) + texts(.background)
            practiceSource = paragraphs(.practices)
        } else {
            // No 主要做法 section: the practices are the enumeration of the body itself.
            backgroundParts = texts(.background)
            practiceSource = introduction
            if !sections.isEmpty { guesses.append("practices: no 做法 section, read from the text before the first section") }
        }
        let (lead, practices, closing) = Self.practices(in: practiceSource)
        if let lead, !lead.isEmpty { backgroundParts.append(lead) }

        var textParts: [String] = []
        if let title = block.title { textParts.append(title) }
        textParts += body.map(\.text)
        let fullText = textParts.joined(separator: "\n")
        return Reading(
            background: Self.joined(backgroundParts),
            practices: practices,
            outcomes: Self.joined([closing].compactMap { $0 } + texts(.outcomes)),
            lessons: Self.joined(texts(.lessons)),
            figures: figures(in: body.map(\.text).joined(separator: "\n")),
            text: fullText,
            guesses: guesses
        )
    }

    private static func joined(_ parts: [String]) -> String? {
        let kept = parts.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
    }

    /// 【做法】text… or 取得成效：text…: a section heading and its first paragraph on one line, as
    /// two paragraphs (the label closed by 】, or by a colon within a heading's length).
    private func splitSectionLabel(_ paragraph: Paragraph) -> [Paragraph] {
        let text = paragraph.text
        let close: String.Index?
        if text.hasPrefix("【") {
            close = text.firstIndex(of: "】")
        } else {
            // A numbered label (举措一：, 做法2:) names an item of a section, not the section.
            close = text.prefix(13).firstIndex { $0 == "：" || $0 == ":" }
                .flatMap { colon in text[..<colon].contains { "一二三四五六七八九十0123456789".contains($0) } ? nil : colon }
        }
        guard let close else { return [paragraph] }
        let rest = String(text[text.index(after: close)...]).trimming(.whitespaces)
        var heading = paragraph
        heading.text = String(text[...close])
        guard !rest.isEmpty, sectionKind(of: heading) != nil else { return [paragraph] }
        var first = paragraph
        first.text = rest
        first.leadIsBold = false
        return [heading, first]
    }

    /// 典型经验：… (a table's column label) is not part of the case's wording.
    private func dropCaseTextLabel(_ text: String) -> String {
        for label in rules.caseTextLabels {
            for colon in ["：", ":"] where text.hasPrefix(label + colon) {
                return String(text.dropFirst(label.count + 1)).trimming(.whitespaces)
            }
        }
        return text
    }

    private static let headingEnds = CharacterSet(charactersIn: " 。：:")

    /// A short heading such as 一、主要做法, 二、推进成效, 工作背景 — named by its words.
    func sectionKind(of paragraph: Paragraph) -> SectionKind? {
        var text = paragraph.text.trimming(Self.headingEnds)
        if let marker = Enumeration.leadingMarker(in: text) {
            // 一、主要做法 or, in a layout that numbers its cases 一、, （二）主要做法: any marker, a
            // shorter text under the inner ones (（三）创新工作举措 is a practice).
            text = String(text.dropFirst(marker.end)).trimming(.whitespaces)
            guard marker.family == .section || text.hasAtMostCharacters(6) else { return nil }
        } else if !paragraph.isHeadingLike {
            return nil
        }
        guard text.hasAtMostCharacters(12), !text.isEmpty else { return nil }
        let keywords = rules.sectionKeywords
        if keywords.practices.contains(where: text.contains) { return .practices }
        if keywords.outcomes.contains(where: text.contains) { return .outcomes }
        if keywords.lessons.contains(where: text.contains) { return .lessons }
        if keywords.background.contains(where: text.contains) { return .background }
        return nil
    }

    /// The outermost enumeration of a practice section, whatever its markers and wherever its
    /// level starts. Markers that open paragraphs come first: when one family numbers paragraphs
    /// 1, 2, 3… that is the outer level, and the same or other markers inside them (一是 inside
    /// （一）, 一是 inside 一是) are sub-items. Else paragraphs that open with a bold phrase. Else
    /// markers inside the text count (（1）…（2）… in one paragraph, 一是…二是…). Returns the text
    /// before item 1 (a lead), the items as (heading, text), and an unnumbered paragraph after the
    /// last item that closes the section rather than continuing it (a result, 通过以上措施…).
    static func practices(in paragraphs: [Paragraph]) -> (lead: String?, items: [(heading: String, text: String)], closing: String?) {
        let texts = paragraphs.map(\.text)
        let text = texts.joined(separator: "\n")
        guard !text.isEmpty else { return (nil, [], nil) }
        var starts: [Int] = []
        var offset = 0
        for paragraph in texts {
            starts.append(offset)
            offset += paragraph.count + 1
        }

        func sequence(inline: Bool) -> [Enumeration.Marker] {
            var best: [Enumeration.Marker] = []
            for family in Enumeration.Family.allCases {
                var markers: [Enumeration.Marker] = []
                for (index, paragraph) in texts.enumerated() {
                    let found = !inline || family.inlinePattern == nil
                        ? Enumeration.leadingMarker(in: paragraph, family: family).map { [$0] } ?? []
                        : Enumeration.markers(in: paragraph, family: family)
                    markers += found.map {
                        Enumeration.Marker(family: family, number: $0.number, start: $0.start + starts[index], end: $0.end + starts[index])
                    }
                }
                let run = Self.sequence(markers)
                let enough = inline ? (run.count >= 2 || (run.count == 1 && family.inlinePattern == nil)) : run.count >= 2
                guard enough else { continue }
                if best.isEmpty || run[0].start < best[0].start { best = run }
            }
            return best
        }
        var best = sequence(inline: false)
        // 1. … 2) … (3) …: one list numbered in Arabic, its marker's form changing on the way — when
        // no number comes twice (1. with (1) (2) under it is two levels, not one list).
        var arabic: [Enumeration.Marker] = []
        for (index, paragraph) in texts.enumerated() {
            if let marker = Enumeration.leadingMarker(in: paragraph), [.arabicDot, .arabicParen, .parenArabic].contains(marker.family) {
                arabic.append(Enumeration.Marker(family: .arabicDot, number: marker.number, start: marker.start + starts[index], end: marker.end + starts[index]))
            }
        }
        if Set(arabic.map(\.number)).count == arabic.count {
            let run = Self.sequence(arabic)
            if run.count >= 2, run.count > best.count, best.isEmpty || run[0].start == best[0].start { best = run }
        }
        // Markdown headings under the practice section are its items, numbered or not (#### （一）…,
        // #### 强化数据互联互通, #### （四）…): where the numbered items are all such headings and
        // the headings are more, a heading lost its number.
        let headings = paragraphs.indices.filter { paragraphs[$0].isHeading }
        if headings.count >= 2, headings.count > best.count,
           best.allSatisfy({ marker in headings.contains { starts[$0] == marker.start } }) {
            best = headings.enumerated().map { number, index in
                let marker = Enumeration.leadingMarker(in: texts[index])
                return Enumeration.Marker(family: .section, number: number + 1, start: starts[index], end: starts[index] + (marker?.end ?? 0))
            }
        }
        if best.isEmpty {
            // Bullets (● ■ ◆ •): each bulleted paragraph opens an item.
            let bulleted = paragraphs.indices.filter { paragraphs[$0].text.first.map(Self.bullets.contains) ?? false }
            if bulleted.count >= 2 {
                best = bulleted.enumerated().map { number, index in
                    Enumeration.Marker(family: .section, number: number + 1, start: starts[index], end: starts[index] + 1)
                }
            }
        }
        if best.isEmpty {
            // Bold lead phrases: each bold-led paragraph opens an item.
            let bold = paragraphs.indices.filter { paragraphs[$0].leadIsBold }
            if bold.count >= 2 {
                best = bold.enumerated().map { number, index in
                    Enumeration.Marker(family: .section, number: number + 1, start: starts[index], end: starts[index])
                }
            }
        }
        if best.isEmpty { best = sequence(inline: true) }
        if best.isEmpty {
            // 坚持规划先行。… 坚持部门联动。… 坚持群众参与。…: three or more paragraphs in a row that open
            // with the same word and a short lead sentence are the items, unnumbered.
            best = Self.parallelLeads(texts).map { Enumeration.Marker(family: .section, number: $0 + 1, start: starts[$1], end: starts[$1]) }
        }
        guard !best.isEmpty else { return (text, [], nil) }
        let characters = Array(text)
        let lead = String(characters[0..<best[0].start]).trimming(.whitespacesAndNewlines)
        var items: [(String, String)] = []
        var closing: String?
        for (index, marker) in best.enumerated() {
            var end = index + 1 < best.count ? best[index + 1].start : characters.count
            if index + 1 == best.count, let last = Self.closingParagraph(after: marker, texts: texts, starts: starts, paragraphs: paragraphs),
               !String(characters[marker.end..<max(starts[last] - 1, marker.end)]).allSatisfy(\.isWhitespace) {
                closing = texts[last]
                end = starts[last] - 1
            }
            let body = String(characters[marker.end..<max(end, marker.end)]).trimming(.whitespacesAndNewlines)
            items.append((heading(of: body), body))
        }
        return (lead.isEmpty ? nil : lead, items, closing)
    }

    /// The last paragraph of a section, when the last item opened a paragraph of its own and this
    /// one is not part of it: it opens with no marker while every item's paragraph did, and it
    /// sums up (通过…, 经过…, 目前…) rather than continuing the item.
    private static func closingParagraph(after marker: Enumeration.Marker, texts: [String], starts: [Int], paragraphs: [Paragraph]) -> Int? {
        guard let markerParagraph = starts.lastIndex(where: { $0 <= marker.start }), starts[markerParagraph] == marker.start,
              markerParagraph + 1 < texts.count, let last = texts.indices.last else { return nil }
        let text = texts[last]
        guard Enumeration.leadingMarker(in: text) == nil, !paragraphs[last].leadIsBold, !(text.first.map(bullets.contains) ?? false) else { return nil }
        return Self.closingOpenings.contains(where: text.hasPrefix) ? last : nil
    }

    /// (item number, paragraph index) of the longest run of three or more paragraphs that open
    /// with the same two characters and a lead sentence of at most 20 characters.
    private static func parallelLeads(_ texts: [String]) -> [(Int, Int)] {
        func opening(_ text: String) -> String? {
            guard let stop = text.prefix(21).firstIndex(where: { "。：".contains($0) }), text.distance(from: text.startIndex, to: stop) >= 3 else { return nil }
            return String(text.prefix(2))
        }
        var best: [Int] = []
        var run: [Int] = []
        for index in texts.indices {
            if let word = opening(texts[index]), let last = run.last, opening(texts[last]) == word, last == index - 1 {
                run.append(index)
            } else {
                run = opening(texts[index]) == nil ? [] : [index]
            }
            if run.count > best.count { best = run }
        }
        return best.count >= 3 ? best.enumerated().map { ($0, $1) } : []
    }

    private static let bullets = Marks("●■◆◇○•▪▶►")
    private static let closingOpenings = ["通过", "经过", "目前", "截至", "截止", "近年来", "总之", "综上"]

    /// 1, 2, 3… in reading order, starting from the first 1.
    private static func sequence(_ markers: [Enumeration.Marker]) -> [Enumeration.Marker] {
        guard let first = markers.firstIndex(where: { $0.number == 1 }) else { return [] }
        var result = [markers[first]]
        for marker in markers[(first + 1)...] where marker.start >= result.last!.end {
            // 首先…其次…最后: 最后 ends a list of words at whatever length it has.
            let closesWords = marker.family == .sequenceWords && marker.number == 4 && result.count >= 2
            if marker.number == result.count + 1 || closesWords { result.append(marker) }
            if closesWords { break }
        }
        return result
    }

    /// The first sentence of an item (its first line when that line is a heading without a full stop).
    static func heading(of item: String) -> String {
        let firstLine = item.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? item
        var heading = firstLine
        if let stop = firstLine.firstIndex(where: fullStops.contains) {
            heading = String(firstLine[..<stop])
        }
        // 用活数字手段：为慢病患者… → 用活数字手段; but 推进六大健康行动，包括：… keeps its clause.
        if let colon = heading.firstIndex(where: { $0 == "：" }), !heading[..<colon].contains("，") {
            heading = String(heading[..<colon])
        }
        return heading.trimming(headingPunctuation)
    }

    private static let fullStops = Marks("。！？")
    private static let headingPunctuation = CharacterSet(charactersIn: " ：:；;，,")

    // MARK: Figures

    private static let clauseEnds = Marks("。；！？\n")
    private static let clauseSeparator = Marks("，")
    /// 《…》 and dates: their numbers are not results.
    private static let bookTitles = Pattern(#"《[^》]*》"#, needsOneOf: "《")
    private static let dates = Pattern(#"[0-9]{4}(-[0-9]{4})?年([0-9]{1,2}月)?([0-9]{1,2}日)?|[0-9]{1,2}月([0-9]{1,2}日)?|[0-9]{4}年度?"#)

    /// The source's clauses that report a measured result: a number that is not only a date,
    /// with a word of result (达到, 提升, 覆盖, 累计…).
    func figures(in text: String) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for sentence in text.split(whereSeparator: Self.clauseEnds.contains) {
            for clause in sentence.split(whereSeparator: Self.clauseSeparator.contains) {
                // No digit, no figure (the test below, on part of the clause): the cheap test first.
                guard clause.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { continue }
                var phrase = clause.trimming(.whitespaces)
                if let marker = Enumeration.leadingMarker(in: phrase) { phrase = String(phrase.dropFirst(marker.end)) }
                guard phrase.count >= 4, phrase.count <= 120 else { continue }
                let withoutDates = Self.dates.replacingMatches(in: Self.bookTitles.replacingMatches(in: phrase, with: ""), with: "")
                guard withoutDates.contains(where: \.isNumber), withoutDates.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { continue }
                guard resultWords.anyOccurs(in: phrase) else { continue }
                if seen.insert(phrase).inserted { result.append(phrase) }
            }
        }
        return result
    }
}
