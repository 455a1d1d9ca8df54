import Foundation
import Regions

/// Reads the head of a case, the lines between the line that opens it and its first section or
/// paragraph: labels (a case header, a work-group line), the unit (a line of its own, ——unit,
/// 报送单位：unit, unit：title, a title's closing （unit）, or the start of the title) and the
/// title, joined from however many lines it was broken over.
struct CaseHeadReader {
    let units: UnitNames
    let isSectionHeading: (Paragraph) -> Bool

    struct Head {
        var labels: [String] = []
        var unit: String?
        var title: String?
        /// Where the body starts (an index into the paragraphs given).
        var bodyStart: Int
        var guesses: [String] = []
        /// The number a title line gave the case (（一）title under a collection's header line), and
        /// that line (an index into the paragraphs given).
        var number: Int?
        var numberIndex: Int?
    }

    /// The most lines a head takes: a header, a unit line, a title over three lines and a
    /// second label leave room for one more.
    private static let headLength = 7
    static let caseNumberFamilies: [Enumeration.Family] = [.section, .parenChinese, .arabicDot, .parenArabic]
    /// 报送单位：X, （供稿单位：X）, X供稿, ——X, （X）: a line that only names who reports the case.
    private static let labelledUnit = Pattern(#"^[（(]?\s*(?:报送单位|申报单位|推荐单位|供稿单位|供稿|单位|作者单位|来源)\s*[:：]\s*([^（）()]+?)\s*[）)]?$"#)
    private static let suppliedBy = Pattern(#"^([^\s，。：（）]{2,30}?)\s*(?:供稿|报送|推荐|供)$"#)

    /// 案例名称, 标题, 题目: a field label that introduces the title.
    static func isTitleLabel(_ label: String) -> Bool {
        label.hasSuffix("名称") || ["标题", "题目", "案例题目"].contains(label)
    }

    /// 【X】rest: what the brackets hold and what follows.
    static func bracketedLabel(_ text: String) -> (label: String, rest: String)? {
        guard text.hasPrefix("【"), let close = text.firstIndex(of: "】") else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<close]).trimming(.whitespaces)
        return label.isEmpty ? nil : (label, String(text[text.index(after: close)...]).trimming(.whitespaces))
    }

    /// 标题：rest: a short label closed by a colon, and what follows.
    static func colonLabel(_ text: String) -> (label: String, rest: String)? {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = String(text[..<colon]).trimming(.whitespaces)
        guard !label.isEmpty, label.hasAtMostCharacters(6) else { return nil }
        return (label, String(text[text.index(after: colon)...]).trimming(.whitespaces))
    }

    /// 【山东潍坊】title, 【宁夏·隆德】: a place label in brackets at the start of a line, and the rest.
    func bracketedUnit(_ text: String) -> (unit: String, rest: String)? {
        guard text.hasPrefix("【"), let close = text.firstIndex(of: "】") else { return nil }
        let inside = String(text[text.index(after: text.startIndex)..<close]).trimming(.whitespaces)
        guard inside.count >= 2, units.isUnit(inside) else { return nil }
        return (inside, String(text[text.index(after: close)...]).trimming(.whitespaces))
    }

    /// 作者单位：…, （供稿单位：…）, …供稿: a line that says who wrote the case rather than where it is.
    func isCredit(_ text: String) -> Bool {
        let inner = text.hasPrefix("（") && text.hasSuffix("）") ? String(text.dropFirst().dropLast()) : text
        return Self.labelledUnit.firstMatch(in: inner) != nil || Self.suppliedBy.firstMatch(in: inner) != nil
    }

    /// The unit a line names and nothing else, in any of the forms that label it.
    func unitLine(_ text: String) -> String? {
        // （喀什地区卫生健康委员会供稿）: the same forms in brackets.
        if text.hasPrefix("（"), text.hasSuffix("）"), text.count > 2, let inside = unitLine(String(text.dropFirst().dropLast())) {
            return inside
        }
        if text.hasPrefix("——") {
            // ——北京市西城区新街口街道, ——郑州市第九人民医院（郑州市老年医院）; not a subtitle
            // (——石柱县探索“三医联动”改革纪实).
            let unit = text.trimming(CharacterSet(charactersIn: " —"))
            return !unit.isEmpty && (units.isUnit(unit) || WrittenUnit.of(unit) != .administrative) ? unit : nil
        }
        if let match = Self.labelledUnit.firstMatch(in: text), let range = Range(match.range(at: 1), in: text) {
            return String(text[range]).trimming(.whitespaces)
        }
        if let match = Self.suppliedBy.firstMatch(in: text), let range = Range(match.range(at: 1), in: text) {
            let name = String(text[range])
            // …供稿 says who wrote it: a unit, or a body or institution the table does not hold (兵团第三师…委员会).
            if units.isUnit(name) || UnitNames.isAdministrationName(name) || WrittenUnit.of(name) == .institution { return name }
        }
        if text.hasPrefix("（"), text.hasSuffix("）"), text.count > 2 {
            let inside = String(text.dropFirst().dropLast())
            if units.isUnit(inside) { return inside }
        }
        return nil
    }

    /// `opening` is text that followed the case's number on its own line (a title, unit：title).
    func read(_ paragraphs: [Paragraph], from start: Int, to end: Int, opening: String) -> Head {
        var head = Head(bodyStart: start)
        var titleParts: [(text: String, endsWithSpace: Bool)] = []
        var groupUnit: String?
        // A unit from a credit line (作者单位：…, 供稿：…, 报送单位：…) names who wrote the case;
        // a title's own unit：title names whose case it is, and wins.
        var creditedUnit = false
        /// Files one line of the head: a label, the unit, a title line with its unit, or a title line.
        func take(_ text: String, endsWithSpace: Bool) {
            if let (label, rest) = Self.bracketedLabel(text) ?? Self.colonLabel(text), !rest.isEmpty, Self.isTitleLabel(label) {
                // 【案例名称】title, 标题：title
                take(rest, endsWithSpace: endsWithSpace)
            } else if let (label, rest) = Self.bracketedLabel(text), !rest.isEmpty, label.hasSuffix("单位") {
                // 【实施单位】unit
                head.unit = rest
                creditedUnit = false
            } else if let (label, rest) = Self.bracketedLabel(text), !units.isUnit(label) {
                // 【健康知识普及行动】title: a label of the case (its special action), not its title.
                head.labels.append(label)
                if !rest.isEmpty { take(rest, endsWithSpace: endsWithSpace) }
            } else if text.hasPrefix("——"), unitLine(text) == nil {
                // ——石柱县探索“三医联动”改革纪实: a subtitle, not part of the title.
                head.labels.append(text)
            } else if let (unit, rest) = bracketedUnit(text) {
                // 【山东潍坊】title: a newspaper's place label.
                head.unit = unit
                if !rest.isEmpty { titleParts.append((rest, endsWithSpace)) }
            } else if let header = CaseHeader.parse(text), header.rest.isEmpty {
                head.labels.append(text)
            } else if let unit = unitLine(text) {
                head.unit = unit
                creditedUnit = isCredit(text)
            } else if text.hasAtMostCharacters(30), text.hasSuffix("工作组") || text.hasSuffix("行动组") {
                // The work group that reports the case: its unit unless the title names a place.
                head.labels.append(text)
                groupUnit = text
            } else if let dash = text.range(of: "——"), units.isUnit(String(text[dash.upperBound...]).trimming(CharacterSet(charactersIn: " —"))) {
                titleParts.append((String(text[..<dash.lowerBound]).trimming(.whitespaces), false))
                head.unit = String(text[dash.upperBound...]).trimming(CharacterSet(charactersIn: " —"))
            } else if head.unit == nil, text.hasAtMostCharacters(24), units.isUnit(text) {
                // A unit's name alone on its line, over the title or under it.
                head.unit = text
            } else {
                titleParts.append((text, endsWithSpace))
            }
        }
        if !opening.isEmpty { take(opening, endsWithSpace: false) }
        var index = start
        var brokeOff = false
        while index < end, index - start < Self.headLength {
            let paragraph = paragraphs[index]
            let text = paragraph.text
            // A title may run longer than a heading line does, on one line without a full stop.
            let isLongTitle = titleParts.isEmpty && text.hasAtMostCharacters(90) && !text.contains("。")
            // The first title line may carry the case's number (（一）title under a header that only
            // names the collection); a section heading or an item never does.
            if titleParts.isEmpty, head.number == nil, let marker = Enumeration.leadingMarker(in: text),
               Self.caseNumberFamilies.contains(marker.family), paragraph.isHeadingLike, !isSectionHeading(paragraph),
               !text.contains("。") {
                head.number = marker.number
                head.numberIndex = index
                take(String(text.dropFirst(marker.end)).trimming(.whitespaces), endsWithSpace: paragraph.endsWithSpace)
                index += 1
                continue
            }
            if isSectionHeading(paragraph) || Enumeration.leadingMarker(in: text) != nil || !(paragraph.isHeadingLike || isLongTitle)
                || CaseHeader.isContentsEntry(text) {
                brokeOff = true
                break
            }
            take(text, endsWithSpace: paragraph.endsWithSpace)
            index += 1
        }
        head.bodyStart = index
        if !brokeOff && index < end { head.guesses.append("title: no break found after \(Self.headLength) lines") }

        var title = ""
        for (position, part) in titleParts.enumerated() {
            title += part.text
            // Lines join as they stand: a space only where the source has one (a phrase space).
            if position + 1 < titleParts.count, part.endsWithSpace { title += " " }
        }
        title = title.trimming(.whitespaces)
        // 《title》, 『title』, 「title」: a title set in quotes of its own.
        for (open, close) in [("《", "》"), ("『", "』"), ("「", "」")] as [(Character, Character)]
        where title.first == open && title.last == close && title.dropFirst().dropLast().allSatisfy({ $0 != open && $0 != close }) {
            title = String(title.dropFirst().dropLast())
        }
        if creditedUnit, let colon = title.firstIndex(where: { $0 == "：" }), units.isUnit(String(title[..<colon])) {
            head.unit = nil
        }
        splitUnit(from: &title, into: &head)
        if head.unit == nil { head.unit = groupUnit }
        head.title = title.isEmpty ? nil : title
        return head
    }

    /// unit：title, title（unit）, or a title that opens with its unit (kept in the title).
    private func splitUnit(from title: inout String, into head: inout Head) {
        if let colon = title.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let before = String(title[..<colon]).trimming(.whitespaces)
            if before.hasAtMostCharacters(30), units.isUnit(before) || units.leadingUnit(of: before) == before {
                if head.unit == nil { head.unit = before }
                title = String(title[title.index(after: colon)...]).trimming(.whitespaces)
                return
            }
        }
        if title.hasSuffix("）"), let open = title.lastIndex(of: "（") {
            let inside = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
            if units.isUnit(inside) {
                if head.unit == nil { head.unit = inside }
                title = String(title[..<open]).trimming(.whitespaces)
                return
            }
        }
        if head.unit == nil, let leading = units.leadingUnit(of: title) {
            head.unit = leading
        }
    }
}
