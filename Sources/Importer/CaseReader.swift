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
    }

    func read(_ block: CaseBlock) -> Reading {
        let body = block.body.map { paragraph -> Paragraph in
            var paragraph = paragraph
            paragraph.text = dropCaseTextLabel(paragraph.text)
            return paragraph
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
        func texts(_ kind: SectionKind) -> [String] {
            sections.filter { $0.kind == kind }.flatMap { $0.paragraphs.map(\.text) }
        }

        var backgroundParts: [String]
        let practiceSource: [String]
        if sections.contains(where: { $0.kind == .practices }) {
            backgroundParts = introduction.map(\.text) + texts(.background)
            practiceSource = texts(.practices)
        } else {
            // No 主要做法 section: the practices are the enumeration of the body itself.
            backgroundParts = texts(.background)
            practiceSource = introduction.map(\.text)
        }
        let (lead, practices) = Self.practices(in: practiceSource)
        if let lead, !lead.isEmpty { backgroundParts.append(lead) }

        var textParts: [String] = []
        if let title = block.title { textParts.append(title) }
        textParts += body.map(\.text)
        let fullText = textParts.joined(separator: "\n")
        return Reading(
            background: Self.joined(backgroundParts),
            practices: practices,
            outcomes: Self.joined(texts(.outcomes)),
            lessons: Self.joined(texts(.lessons)),
            figures: figures(in: body.map(\.text).joined(separator: "\n")),
            text: fullText
        )
    }

    private static func joined(_ parts: [String]) -> String? {
        let kept = parts.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
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
            guard marker.family == .section else { return nil }
            text = String(text.dropFirst(marker.end)).trimming(.whitespaces)
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

    /// The top-level enumeration of `paragraphs`: the marker family whose item 1 comes first
    /// and is followed by 2, 3… (items of other families nested inside are part of the text).
    /// Returns the text before item 1 and the items, each as (first sentence, whole text).
    static func practices(in paragraphs: [String]) -> (lead: String?, items: [(heading: String, text: String)]) {
        let text = paragraphs.joined(separator: "\n")
        guard !text.isEmpty else { return (nil, []) }
        // Paragraph start offsets, in Characters.
        var starts: [Int] = []
        var offset = 0
        for paragraph in paragraphs {
            starts.append(offset)
            offset += paragraph.count + 1
        }

        var best: [Enumeration.Marker] = []
        for family in Enumeration.Family.allCases {
            var markers: [Enumeration.Marker] = []
            for (index, paragraph) in paragraphs.enumerated() {
                let found = family.inlinePattern == nil
                    ? Enumeration.leadingMarker(in: paragraph, family: family).map { [$0] } ?? []
                    : Enumeration.markers(in: paragraph, family: family)
                markers += found.map {
                    Enumeration.Marker(family: family, number: $0.number, start: $0.start + starts[index], end: $0.end + starts[index])
                }
            }
            let sequence = Self.sequence(markers)
            guard sequence.count >= 2 || (sequence.count == 1 && family.inlinePattern == nil) else { continue }
            if best.isEmpty || sequence[0].start < best[0].start { best = sequence }
        }
        guard !best.isEmpty else {
            return (text, [])
        }
        let characters = Array(text)
        let lead = String(characters[0..<best[0].start]).trimming(.whitespacesAndNewlines)
        var items: [(String, String)] = []
        for (index, marker) in best.enumerated() {
            let end = index + 1 < best.count ? best[index + 1].start : characters.count
            let body = String(characters[marker.end..<end]).trimming(.whitespacesAndNewlines)
            items.append((heading(of: body), body))
        }
        return (lead.isEmpty ? nil : lead, items)
    }

    /// 1, 2, 3… in reading order, starting from the first 1.
    private static func sequence(_ markers: [Enumeration.Marker]) -> [Enumeration.Marker] {
        guard let first = markers.firstIndex(where: { $0.number == 1 }) else { return [] }
        var result = [markers[first]]
        for marker in markers[(first + 1)...] where marker.number == result.count + 1 && marker.start >= result.last!.end {
            result.append(marker)
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
