import Foundation

/// What a document says about itself in its preamble: title, issuer, 文号, year, and the list
/// of cases some collections print before the cases (附件1: 1. 鹤壁市：创新模式…).
struct DocumentMetadata {
    var title: String?
    var issuer: String?
    var docNumber: String?
    var year: Int?
    var caseList: [(number: Int, region: String, title: String)] = []
    private var mastheadYear: Int?

    init(preamble: [Paragraph]) {
        let texts = preamble.map { SourceCleaning.removeStraySpaces($0.text) }
        for (index, text) in texts.enumerated() {
            if docNumber == nil, let range = Self.docNumberPattern.firstRange(in: text) {
                docNumber = String(text[range]).replacingOccurrences(of: "[", with: "〔").replacingOccurrences(of: "［", with: "〔")
                    .replacingOccurrences(of: "]", with: "〕").replacingOccurrences(of: "］", with: "〕")
            }
            if issuer == nil, text.hasSuffix("文件"), text.count <= 40 {
                issuer = String(text.dropLast(2))
            }
            if title == nil, text.count <= 100, !text.contains("。"),
               ["通知", "通报", "案例", "经验", "典型", "汇编", "名单"].contains(where: text.contains),
               CaseHeader.parse(text).map({ $0.number == nil && index == 0 }) ?? true, !text.hasSuffix("文件"), !text.hasPrefix("附件") {
                title = text
                // A title broken over lines: …办公室关于推广 | 健康贵州行动典型经验的通知, or
                // 健康山东行动典型经验案例汇编 | （第三批）.
                if index > 0, texts[index - 1].contains("关于"), texts[index - 1].count <= 60, !texts[index - 1].contains("。") {
                    title = texts[index - 1] + text
                } else if index > 0, Self.coverFragment.matches(texts[index - 1]), Self.issuerLine(texts[index - 1]) == nil {
                    // A cover set over lines: 健康辽宁行动 | 典型案例选编 | （第二辑）.
                    title = texts[index - 1] + text
                }
                if index + 1 < texts.count, Self.batchNote.matches(texts[index + 1]) {
                    title! += texts[index + 1]
                }
            }
            if issuer == nil, let name = Self.issuerLine(text) {
                issuer = name
            }
            // 填报单位（盖章）：山西省卫生健康委员会 on a spreadsheet; 健康报 2023年9月15日 on a newspaper page.
            if issuer == nil, let match = Self.labelledIssuer.firstMatch(in: text), let range = Range(match.range(at: 1), in: text) {
                issuer = String(text[range])
            }
            if issuer == nil, let match = Self.masthead.firstMatch(in: text), let range = Range(match.range(at: 1), in: text) {
                issuer = String(text[range])
                mastheadYear = Range(match.range(at: 2), in: text).flatMap { Int(text[$0]) }
            }
            if let entry = Self.listEntry(text) { caseList.append(entry) }
        }
        // A page with no title words (各地健康促进工作巡礼): its last heading before the cases.
        if title == nil {
            title = texts.last { text in
                text.hasAtMostCharacters(40) && !text.contains(where: { "。，；".contains($0) }) && text != issuer
                    && Self.masthead.firstMatch(in: text) == nil && !Self.datePattern.matches(text) && !ParagraphBuilder.isStandalone(text)
                    && Self.issuerLine(text) == nil && Self.labelledIssuer.firstMatch(in: text) == nil
            }
        }
        if issuer == nil, let title, let about = title.range(of: "关于"), about.lowerBound > title.startIndex {
            issuer = String(title[..<about.lowerBound])
        }
        // 发布时间：2023-05-12 on a web page.
        let publishedYear = texts.lazy.compactMap { text in
            Self.publishedOn.firstMatch(in: text).flatMap { Range($0.range(at: 1), in: text) }.flatMap { Int(text[$0]) }
        }.first
        year = docNumber.flatMap(Self.firstYear) ?? texts.lazy.compactMap(Self.dateYear).first ?? mastheadYear ?? publishedYear
            ?? title.flatMap(Self.firstYear)
    }

    /// 1. 鹤壁市：创新模式 全民共建… → (1, 鹤壁市, 创新模式 全民共建…)
    static func listEntry(_ text: String) -> (number: Int, region: String, title: String)? {
        guard let match = listEntryPattern.firstMatch(in: text),
              let number = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
              let region = Range(match.range(at: 2), in: text),
              let title = Range(match.range(at: 3), in: text) else { return nil }
        return (number, String(text[region]), String(text[title]))
    }

    private static func firstYear(_ text: String) -> Int? {
        guard let range = yearPattern.firstRange(in: text) else { return nil }
        return Int(text[range])
    }

    private static func dateYear(_ text: String) -> Int? {
        if datePattern.matches(text) { return firstYear(text) }
        // 二〇二三年十二月: the year's four digits written in Chinese.
        guard chineseDatePattern.matches(text) else { return nil }
        let digits: [Character: Character] = ["〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        return Int(String(text.prefix(4).compactMap { digits[$0] }))
    }

    /// A cover's or signature's line that only names the issuing body, maybe followed by 编印, 编
    /// or 印发: 健康江西行动推进委员会办公室 编印 → 健康江西行动推进委员会办公室.
    static func issuerLine(_ text: String) -> String? {
        guard text.hasAtMostCharacters(40), !text.contains(where: { "。，；：“”《》".contains($0) }) else { return nil }
        var name = text
        for suffix in ["编印", "印发", "编制", "编"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimming(.whitespaces)
            break
        }
        guard name.count >= 4, !name.contains(" "), issuerEndings.contains(where: name.hasSuffix) else { return nil }
        return name
    }

    private static let issuerEndings = ["办公室", "委员会", "领导小组", "卫生健康委", "卫生健康局", "卫生健康厅", "人民政府", "推进办"]
    /// A short line of Chinese words alone, as a cover breaks its title (健康辽宁行动).
    private static let coverFragment = Pattern(#"^[\x{4E00}-\x{9FFF}]{2,12}$"#)
    /// （第三批）, （2023年度）, but not a date in brackets.
    private static let batchNote = Pattern(#"^[（(](?![^（）()]*月[^（）()]*日)[^（）()]{1,12}[）)]$"#)
    private static let labelledIssuer = Pattern(#"(?:填报单位|报送单位|编印单位|发布单位|主办单位)(?:（盖章）|\(盖章\))?\s*[:：]\s*([^\s：:，。]{4,30})"#)
    private static let publishedOn = Pattern(#"(?:发布时间|发布日期|发文日期|成文日期)\s*[:：]\s*((?:19|20)[0-9]{2})[-/.年]"#)
    private static let masthead = Pattern(#"^(\S{2,12}?报)\s*([0-9]{4})年[0-9]{1,2}月[0-9]{1,2}日"#)
    private static let chineseDatePattern = Pattern(#"^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月([一二三四五六七八九十]{1,3}日)?$"#)

    private static let docNumberPattern = Pattern(#"[^\s，。：:]{1,16}[〔\[［][0-9]{4}[〕\]］][0-9]+号"#)
    private static let listEntryPattern = Pattern(#"^([0-9]{1,3})[.、．]\s*([^：:]{2,30})[：:]\s*(.{4,80})$"#)
    private static let yearPattern = Pattern(#"(19|20)[0-9]{2}"#)
    private static let datePattern = Pattern(#"^[0-9]{4}年[0-9]{1,2}月([0-9]{1,2}日)?$"#)
}
