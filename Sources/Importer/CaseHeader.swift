import Foundation

/// A line that opens a numbered case: 健康中国行动推进典型经验案例一, 健康知识普及行动类典型案例二,
/// 合理膳食行动典型案例, 案例3, 典型案例（四）, and the same followed by the case's title or unit on
/// the line (案例1  “健康守门人”…, 典型经验1  延边州和龙市：…).
struct CaseHeader: Equatable {
    private static let headerPattern = Pattern(#"^(.{0,40}?)案例\s*[（(]?\s*([一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3}(?:\s*[/／]\s*[0-9]{1,3})?)?\s*[）)]?[:：]?$"#)
    /// A numbered header with text after it: the number must be set off by a space or a colon,
    /// so that a sentence (经验2个…) is not read as one.
    private static let headerWithTextPattern = Pattern(
        #"^([^，。；\s]{0,24}?(?:案例|经验))\s*[（(]?\s*([一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3})(?:\s*[/／]\s*[0-9]{1,3})?\s*[）)]?(?:[:：、]\s*|\s+|(?=【))(\S.*)$"#)
    /// 典型案例 | 道里区：title — a header word, a bar, the case's unit and title.
    private static let barPattern = Pattern(#"^([^，。；\s|丨｜]{0,24}?(?:案例|经验))\s*[|丨｜]\s*(\S.*)$"#)
    private static let labelEnds = CharacterSet(charactersIn: " （(")
    /// The number: trailing Chinese or Arabic numeral, an Arabic one perhaps "of a total" (1/3,
    /// the total dropped).
    private static let numberPattern = Pattern(#"([一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3})(?:\s*[/／]\s*[0-9]{1,3})?\s*[）)]?[:：]?$"#)
    /// An entry of a 目录: leader dots then a page number (…………… 3, ....... 12).
    private static let contentsEntry = Pattern(#"(…{2,}|\.{4,}|·{4,}|－{4,})\s*[0-9]{1,4}$"#)

    /// The number the line gives the case, if any.
    let number: Int?
    /// The text before 案例 (健康知识普及行动类典型): where a special action is named, it labels the case.
    let label: String
    /// The text after the number on the same line (a title, or unit：title); empty when none.
    var rest: String = ""

    static func isContentsEntry(_ text: String) -> Bool {
        contentsEntry.firstRange(in: text) != nil
    }

    /// 第一篇, 第3篇, 健康四川典型案例之一: a case numbered as a piece of the collection.
    private static let piecePattern = Pattern(#"^(?:(.{0,40}?)之\s*([一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3})|第\s*([一二三四五六七八九十百零〇]{1,4}|[0-9]{1,3})\s*篇)$"#)

    /// Marks a header may be set in: 【典型案例1】, ■ 案例 4, ◆案例五.
    private static let ornaments = CharacterSet(charactersIn: "【】[]■□◆◇●○▲△★☆◎※·• ")

    static func parse(_ text: String) -> CaseHeader? {
        guard text.hasAtMostCharacters(120) else { return nil }
        let text = text.first.map { "【■□◆◇●○▲△★☆◎※·•".contains($0) } == true ? text.trimming(ornaments) : text
        if text.hasAtMostCharacters(48), let match = piecePattern.firstMatch(in: text) {
            let label = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            // 之一 counts only after a collection's name (…案例之一), not after any words.
            if match.range(at: 3).location != NSNotFound || label.hasSuffix("案例") || label.hasSuffix("经验") {
                let numeral = [2, 3].compactMap { Range(match.range(at: $0), in: text) }.first.map { String(text[$0]) } ?? ""
                if let number = Enumeration.value(of: numeral) {
                    var trimmed = label
                    for word in ["案例", "经验"] where trimmed.hasSuffix(word) { trimmed = String(trimmed.dropLast(word.count)) }
                    return CaseHeader(number: number, label: trimmed.trimming(labelEnds))
                }
            }
        }
        if text.hasAtMostCharacters(48), let match = headerPattern.firstRange(in: text) {
            let line = String(text[match])
            var number: Int?
            var label = line
            if let numberRange = numberPattern.firstRange(in: line),
               line[..<numberRange.lowerBound].hasSuffix("案例") || line[..<numberRange.lowerBound].hasSuffix("（") || line[..<numberRange.lowerBound].hasSuffix("(") {
                let numeral = line[numberRange].prefix { !"/／）):： ".contains($0) }
                number = Enumeration.value(of: String(numeral))
                label = String(line[..<numberRange.lowerBound])
            }
            if let caseRange = label.range(of: "案例", options: .backwards) { label = String(label[..<caseRange.lowerBound]) }
            // "…案例名单", "…案例的通知" never match the anchored pattern; a bare "案例" has no label.
            return CaseHeader(number: number, label: label.trimming(labelEnds))
        }
        if let match = barPattern.firstMatch(in: text), let labelRange = Range(match.range(at: 1), in: text),
           let restRange = Range(match.range(at: 2), in: text) {
            var label = String(text[labelRange])
            for word in ["案例", "经验"] where label.hasSuffix(word) { label = String(label.dropLast(word.count)) }
            return CaseHeader(number: nil, label: label.trimming(labelEnds), rest: String(text[restRange]).trimming(.whitespaces))
        }
        if let match = headerWithTextPattern.firstMatch(in: text),
           let labelRange = Range(match.range(at: 1), in: text), let numberRange = Range(match.range(at: 2), in: text),
           let restRange = Range(match.range(at: 3), in: text), let number = Enumeration.value(of: String(text[numberRange])) {
            var label = String(text[labelRange])
            for word in ["案例", "经验"] where label.hasSuffix(word) { label = String(label.dropLast(word.count)) }
            return CaseHeader(number: number, label: label.trimming(labelEnds), rest: String(text[restRange]).trimming(.whitespaces))
        }
        return nil
    }
}
