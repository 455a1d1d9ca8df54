import Foundation

/// What a document says about itself in its preamble: title, issuer, 文号, year, and the list
/// of cases some collections print before the cases (附件1: 1. 鹤壁市：创新模式…).
struct DocumentMetadata {
    var title: String?
    var issuer: String?
    var docNumber: String?
    var year: Int?
    var caseList: [(number: Int, region: String, title: String)] = []

    init(preamble: [Paragraph]) {
        let texts = preamble.map { SourceCleaning.removeStraySpaces($0.text) }
        for text in texts {
            if docNumber == nil, let range = Self.docNumberPattern.firstRange(in: text) {
                docNumber = String(text[range]).replacingOccurrences(of: "[", with: "〔").replacingOccurrences(of: "［", with: "〔")
                    .replacingOccurrences(of: "]", with: "〕").replacingOccurrences(of: "］", with: "〕")
            }
            if issuer == nil, text.hasSuffix("文件"), text.count <= 40 {
                issuer = String(text.dropLast(2))
            }
            if title == nil, text.count <= 100, !text.contains("。"),
               ["通知", "通报", "案例", "经验", "典型", "汇编", "名单"].contains(where: text.contains),
               CaseHeader.parse(text) == nil, !text.hasSuffix("文件"), !text.hasPrefix("附件") {
                title = text
            }
            if let entry = Self.listEntry(text) { caseList.append(entry) }
        }
        if issuer == nil, let title, let about = title.range(of: "关于"), about.lowerBound > title.startIndex {
            issuer = String(title[..<about.lowerBound])
        }
        year = docNumber.flatMap(Self.firstYear) ?? texts.lazy.compactMap(Self.dateYear).first ?? title.flatMap(Self.firstYear)
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
        guard datePattern.matches(text) else { return nil }
        return firstYear(text)
    }

    private static let docNumberPattern = Pattern(#"[^\s，。：:]{1,16}[〔\[［][0-9]{4}[〕\]］][0-9]+号"#)
    private static let listEntryPattern = Pattern(#"^([0-9]{1,3})[.、．]\s*([^：:]{2,30})[：:]\s*(.{4,80})$"#)
    private static let yearPattern = Pattern(#"(19|20)[0-9]{2}"#)
    private static let datePattern = Pattern(#"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$"#)
}
